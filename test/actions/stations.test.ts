/**
 * The built actions end to end on the flask example (Node 24, as on GitHub's runners): the bundle,
 * security and plan actions on the real example; validate and complete on a failing change (report,
 * annotations, nothing pushed); the verdict handover between jobs; pull requests through a local
 * stand-in for the GitHub API.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readManifest, writeBundleFile, writeManifest } from '../../src/bundle/bundle.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import {
  errorCommands,
  greetingRepo,
  NODE24,
  runAction,
  runActionAsync,
  writeGreetingChange,
} from './harness.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});
const track = (r: TempRepo) => (repos.push(r), r);

describe('on the flask example', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo('python-flask-users');
    repo.git('fetch', '-q', 'origin');
  });
  afterAll(() => repo.cleanup());

  test('bundle runs the pre-start checks and builds the Task Bundle; its outputs fix base and branch', () => {
    const r = runAction('bundle', {
      cwd: repo.root,
      inputs: { 'task-id': 'TASK-042' },
      env: { RUNNER_DEBUG: '1' },
      node: NODE24,
    });
    expect(errorCommands(r)).toEqual([]);
    // The bundle carries the tree-sitter runtime and grammars (symbol-level search, not line windows).
    expect(r.stdout).not.toMatch(/tree-sitter failed|tree-sitter\.wasm not found/);
    expect(r.code).toBe(0);
    expect(r.outputs['base-commit']).toBe(repo.git('rev-parse', 'HEAD'));
    expect(r.outputs.branch).toBe('feature/TASK-042-user-last-login');
    expect(Number(r.outputs['context-tokens'])).toBeGreaterThan(500);
    const dir = join(repo.root, '.guardian/bundles/TASK-042');
    for (const f of ['manifest.json', 'task_context.md', 'prestart.json'])
      expect(existsSync(join(dir, f))).toBe(true);
    expect(r.summary).toContain('### 📦 Task Bundle — TASK-042');
    expect(r.summary).toMatch(/\| prestart \| ok \|/);
    expect(r.summary).toMatch(/\| bundle \| ok \|/);
  });

  test('security (rules only) writes security.json after checking the bundle against its manifest', () => {
    const r = runAction('security', { cwd: repo.root, inputs: { 'task-id': 'TASK-042' }, node: NODE24 });
    expect(errorCommands(r)).toEqual([]);
    expect(r.code).toBe(0);
    expect(Number(r.outputs.findings)).toBeGreaterThan(0);
    expect(r.outputs.tokens).toBe('0');
    const sec = JSON.parse(readFileSync(join(repo.root, '.guardian/bundles/TASK-042/security.json'), 'utf8'));
    expect(sec.taskId).toBe('TASK-042');
    expect(r.summary).toContain('Rules only (no model).');
  });

  test('a bundle changed after its station wrote it is refused', () => {
    // Tampered in place (the root must be inside the workspace), then put back for the later tests.
    const dir = join(repo.root, '.guardian/bundles/TASK-042');
    const saved = mkdtempSync(join(tmpdir(), 'guardian-bundle-'));
    cpSync(dir, saved, { recursive: true });
    try {
      rmSync(join(dir, 'task_context.md'));
      const r = runAction('code', { cwd: repo.root, inputs: { 'task-id': 'TASK-042' }, node: NODE24 });
      expect(r.code).toBe(1);
      expect(errorCommands(r)[0]).toMatch(
        /does not match its manifest \(sha256\):.*task_context\.md: listed in manifest\.json but missing/s,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
      cpSync(saved, dir, { recursive: true });
      rmSync(saved, { recursive: true, force: true });
    }
  });

  test('code without a model configured fails with how to configure one', () => {
    const r = runAction('code', { cwd: repo.root, inputs: { 'task-id': 'TASK-042' }, node: NODE24 });
    expect(r.code).toBe(1);
    expect(errorCommands(r)).toEqual([
      expect.stringMatching(/^::error::no model configured for the Coder: set the action's 'model' input/),
    ]);
  });

  test('plan lists the milestone tasks in order and the branch they stack on', () => {
    const r = runAction('plan', { cwd: repo.root, inputs: { milestone: 'MVP' }, node: NODE24 });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.outputs.tasks!)).toEqual(['TASK-042', 'TASK-043', 'TASK-044']);
    expect(r.outputs).toMatchObject({
      milestone: 'MVP',
      count: '3',
      parallel: 'false',
      branch: 'guardian/milestone/MVP',
    });
  });

  test('plan on a schedule no milestone has plans nothing', () => {
    const r = runAction('plan', { cwd: repo.root, inputs: { schedule: '5 4 * * 1' }, node: NODE24 });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ tasks: '[]', count: '0' });
  });

  test('plan refuses a schedule of more than one line and a milestone id that cannot name a branch', () => {
    const bad = runAction('plan', {
      cwd: repo.root,
      inputs: { schedule: '0 3 * * *\n::warning title=INJ::x' },
      node: NODE24,
    });
    expect(bad.code).toBe(1);
    expect(errorCommands(bad)).toEqual([
      `::error::input 'schedule': "0 3 * * *\\n::warning title=INJ::x" is not a cron expression; expected one line like "0 3 * * 1"`,
    ]);
    expect(bad.stdout.split('\n').some((l) => l.startsWith('::warning'))).toBe(false);
    const id = runAction('plan', { cwd: repo.root, inputs: { milestone: 'v1..2' }, node: NODE24 });
    expect(errorCommands(id)).toEqual([
      expect.stringMatching(/^::error::input 'milestone': "v1\.\.2" is not a milestone id/),
    ]);
  });
});

test('a failing change: validate reports it, complete fails with annotations on the failing lines and pushes nothing', () => {
  const repo = track(greetingRepo());
  writeGreetingChange(repo, 'Goodbye');
  const v = runAction('validate', {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK-900', 'fail-on-fail': 'false' },
    node: NODE24,
  });
  expect(v.code).toBe(0);
  expect(v.outputs.verdict).toBe('fail');
  expect(v.outputs['failed-checks']).toContain('tests');
  expect(v.summary).toContain('### ❌ Validator: fail — TASK-900');

  const c = runAction('complete', {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK-900', verdict: 'fail', 'patch-sha256': v.outputs['patch-sha256']! },
    node: NODE24,
  });
  expect(c.code).toBe(1);
  const errors = errorCommands(c);
  expect(errors.some((e) => /^::error .*file=tests\/test_greeting\.py,line=\d+/.test(e))).toBe(true);
  expect(errors[errors.length - 1]).toMatch(
    /^::error::TASK-900: the Validator's verdict is fail \(fail: .*tests.*\); nothing committed$/,
  );
  expect(c.summary).toContain('### ❌ Validator: fail — TASK-900');
  expect(c.summary).toContain('<details><summary>tests: fail');
  expect(repo.git('--git-dir', repo.remote, 'branch', '--list')).toBe('* main');

  // fail-on-fail (the default) makes validate itself fail.
  const strict = runAction('validate', { cwd: repo.root, inputs: { 'task-id': 'TASK-900' }, node: NODE24 });
  expect(strict.code).toBe(1);
  expect(strict.outputs.verdict).toBe('fail');
});

test('a re-run of the complete job in a fresh checkout finds the pushed commit: no second commit, no refused push', () => {
  const repo = track(greetingRepo());
  const base = repo.git('rev-parse', 'HEAD');
  // The Coder's output, as the validate job receives it: the change as changes.patch in the bundle.
  writeGreetingChange(repo);
  runAction('validate', {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK-900', 'fail-on-fail': 'false' },
    node: NODE24,
  });
  repo.git('add', '-A', '--', 'src', 'tests');
  const dir = join(repo.root, '.guardian/bundles/TASK-900');
  writeBundleFile(dir, 'changes.patch', repo.git('diff', '--cached', '--binary') + '\n');
  writeManifest(dir, readManifest(dir, 'TASK-900'));
  repo.git('reset', '-q', '--hard');
  const v = runAction('validate', { cwd: repo.root, inputs: { 'task-id': 'TASK-900' }, node: NODE24 });
  expect(v.outputs.verdict).toBe('pass');
  const artifact = mkdtempSync(join(tmpdir(), 'guardian-artifact-'));
  const fresh = `${artifact}-job`;
  try {
    cpSync(dir, artifact, { recursive: true });
    const inputs = { 'task-id': 'TASK-900', verdict: 'pass', 'patch-sha256': v.outputs['patch-sha256']! };
    const first = runAction('complete', { cwd: repo.root, inputs, node: NODE24 });
    expect(errorCommands(first)).toEqual([]);

    // The re-run: a new runner, a checkout of the base commit, the same artifact downloaded.
    repo.git('clone', '-q', repo.remote, fresh);
    repo.git('-C', fresh, 'checkout', '-q', '--detach', base);
    cpSync(artifact, join(fresh, '.guardian/bundles/TASK-900'), { recursive: true });
    const again = runAction('complete', { cwd: fresh, inputs, node: NODE24 });
    expect(errorCommands(again)).toEqual([]);
    expect(again.outputs['commit-sha']).toBe(first.outputs['commit-sha']);
    expect(again.summary).toContain('already completed by an earlier run: no new commit');
    expect(repo.git('--git-dir', repo.remote, 'rev-list', '--count', 'feature/TASK-900-greeting')).toBe('2');
  } finally {
    rmSync(artifact, { recursive: true, force: true });
    rmSync(fresh, { recursive: true, force: true });
  }
});

test('complete refuses a verdict or patch hash that differs from validation.json', () => {
  const repo = track(greetingRepo());
  writeGreetingChange(repo);
  const v = runAction('validate', { cwd: repo.root, inputs: { 'task-id': 'TASK-900' }, node: NODE24 });
  expect(v.outputs.verdict).toBe('pass');
  const wrong = runAction('complete', {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK-900', verdict: 'pass', 'patch-sha256': '0'.repeat(64) },
    node: NODE24,
  });
  expect(wrong.code).toBe(1);
  expect(errorCommands(wrong)).toEqual([
    expect.stringMatching(
      /^::error::input 'patch-sha256' \(0000000000000000…\) differs from the patch validation.json judged/,
    ),
  ]);
  const badVerdict = runAction('complete', {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK-900', verdict: 'maybe' },
    node: NODE24,
  });
  expect(errorCommands(badVerdict)).toEqual([
    `::error::input 'verdict': "maybe" is not allowed; allowed values: pass, fail`,
  ]);
  expect(repo.git('--git-dir', repo.remote, 'branch', '--list')).toBe('* main');
});

test('the root action runs the line in one job; without a model it pauses after security and says how to go on', () => {
  const repo = track(greetingRepo());
  const r = runAction('line', { cwd: repo.root, inputs: { 'task-id': 'TASK-900' }, node: NODE24 });
  expect(r.code).toBe(1);
  expect(r.outputs.outcome).toBe('paused');
  expect(errorCommands(r)).toEqual([
    expect.stringMatching(/^::error::TASK-900: paused: TASK-900: no model configured/),
  ]);
  expect(r.summary).toMatch(/\| prestart \| ok \(pass\) \|/);
  expect(r.summary).toMatch(/\| bundle \| ok \|/);
  expect(r.summary).toMatch(/\| security \| ok \|/);
  expect(repo.git('--git-dir', repo.remote, 'branch', '--list')).toBe('* main');
});

describe('pull requests', () => {
  let server: Server;
  let url = '';
  const requests: { method: string; path: string; body: Record<string, unknown>; auth?: string }[] = [];
  let openPull: { number: number; body: string } | undefined;

  const readBody = (req: IncomingMessage) =>
    new Promise<Record<string, unknown>>((resolve) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => resolve(data ? (JSON.parse(data) as Record<string, unknown>) : {}));
    });

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const body = await readBody(req);
      const path = req.url ?? '';
      requests.push({ method: req.method ?? '', path, body, auth: req.headers.authorization });
      const json = (status: number, data: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      const pr = (n: number, b: string) => ({
        number: n,
        html_url: `https://github.test/octo/app/pull/${n}`,
        body: b,
      });
      if (req.method === 'GET' && path.startsWith('/repos/octo/app/pulls?'))
        return json(200, openPull ? [pr(openPull.number, openPull.body)] : []);
      if (req.method === 'GET' && path === '/repos/octo/app') return json(200, { default_branch: 'main' });
      if (req.method === 'POST' && path === '/repos/octo/app/pulls') {
        openPull = { number: 7, body: String(body.body) };
        return json(201, pr(7, openPull.body));
      }
      if (req.method === 'PATCH' && path === '/repos/octo/app/pulls/7') {
        openPull = { number: 7, body: String(body.body) };
        return json(200, pr(7, openPull.body));
      }
      json(404, { message: 'Not Found' });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test('complete opens a pull request for the pushed branch; a re-run updates its own section of it', async () => {
    const repo = track(greetingRepo());
    writeGreetingChange(repo);
    const v = runAction('validate', { cwd: repo.root, inputs: { 'task-id': 'TASK-900' }, node: NODE24 });
    const env = {
      GITHUB_API_URL: url,
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_SERVER_URL: 'https://github.test',
      GITHUB_RUN_ID: '42',
    };
    const c = await runActionAsync('complete', {
      cwd: repo.root,
      inputs: {
        'task-id': 'TASK-900',
        verdict: v.outputs.verdict!,
        'patch-sha256': v.outputs['patch-sha256']!,
        'open-pr': 'true',
        'github-token': 'ghs_test-token',
      },
      env,
      node: NODE24,
    });
    expect(errorCommands(c)).toEqual([]);
    expect(c.outputs['pr-url']).toBe('https://github.test/octo/app/pull/7');
    expect(c.outputs['pr-number']).toBe('7');
    const create = requests.find((r) => r.method === 'POST')!;
    expect(create.auth).toBe('token ghs_test-token');
    expect(create.body).toMatchObject({
      head: 'feature/TASK-900-greeting',
      base: 'main',
      title: 'feat(TASK-900): Greet users by name',
    });
    expect(String(create.body.body)).toContain('<!-- guardian:TASK-900 -->');
    expect(String(create.body.body)).toContain('[run](https://github.test/octo/app/actions/runs/42)');
    // The token is masked at once and never printed otherwise.
    const mentions = (c.stdout + c.stderr).split('\n').filter((l) => l.includes('ghs_test-token'));
    expect(mentions).toEqual(['::add-mask::ghs_test-token']);

    // Run again (a re-run of the job): the open pull request is updated, its section replaced.
    const again = await runActionAsync('complete', {
      cwd: repo.root,
      inputs: { 'task-id': 'TASK-900', 'open-pr': 'true', 'github-token': 'ghs_test-token' },
      env,
      node: NODE24,
    });
    expect(errorCommands(again)).toEqual([]);
    const update = requests.find((r) => r.method === 'PATCH')!;
    expect(String(update.body.body).match(/<!-- guardian:TASK-900 -->/g)).toHaveLength(1);
    expect(update.body.title).toBeUndefined();
  });

  test('open-pr without a token is a configuration error', () => {
    const repo = track(greetingRepo());
    const r = runAction('complete', {
      cwd: repo.root,
      inputs: { 'task-id': 'TASK-900', 'open-pr': 'true', 'github-token': '' },
      node: NODE24,
    });
    expect(errorCommands(r)).toEqual([`::error::input 'open-pr' is true but 'github-token' is empty`]);
  });
});
