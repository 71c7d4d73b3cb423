/**
 * The assembly line as the reusable workflow runs it, job by job, with the built actions as black boxes
 * (Node 24): bundle → security → code (a scripted model through the real client and a local server) →
 * validate (security.json from the security job's copy) → complete (the judged patch, pushed).
 * Each job gets its own copy of the bundle, as artifacts would carry it.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import type { TempRepo } from '../support/repo.js';
import {
  errorCommands,
  GREETING_IMPL,
  greetingCoderScript,
  greetingRepo,
  NODE24,
  runAction,
  runActionAsync,
} from './harness.js';

const KEY = 'sk-test-line-0123456789abcdef0123';

let repo: TempRepo;
let server: ScriptedServer;
let artifacts: string;

beforeAll(async () => {
  repo = greetingRepo();
  repo.git('fetch', '-q', 'origin');
  artifacts = mkdtempSync(join(tmpdir(), 'guardian-artifacts-'));
  server = await startScriptedServer(greetingCoderScript());
});
afterAll(async () => {
  await server?.close();
  repo?.cleanup();
  rmSync(artifacts, { recursive: true, force: true });
});

const bundle = () => join(repo.root, '.guardian/bundles/TASK-900');
/** "Upload": keep a copy of the bundle as the job left it. */
const upload = (job: string) => cpSync(bundle(), join(artifacts, job), { recursive: true });
/** "Download" into a fresh job: the bundle directory is exactly the artifact. */
const download = (job: string) => {
  rmSync(bundle(), { recursive: true, force: true });
  cpSync(join(artifacts, job), bundle(), { recursive: true });
};
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)],
  );
}

test('the root action: the whole line in one job commits and pushes the change', async () => {
  const one = greetingRepo();
  const oneServer = await startScriptedServer(greetingCoderScript());
  try {
    const r = await runActionAsync('line', {
      cwd: one.root,
      inputs: {
        'task-id': 'TASK-900',
        'coder-model': 'gpt-4.1',
        'llm-base-url': oneServer.url,
        'llm-api-key': KEY,
      },
      node: NODE24,
    });
    expect(errorCommands(r)).toEqual([]);
    expect(r.outputs).toMatchObject({
      outcome: 'committed',
      verdict: 'pass',
      branch: 'feature/TASK-900-greeting',
    });
    expect(Number(r.outputs.tokens)).toBeGreaterThan(0);
    const remote = (...args: string[]) => one.git('--git-dir', one.remote, ...args);
    expect(remote('rev-parse', 'refs/heads/feature/TASK-900-greeting')).toBe(r.outputs['commit-sha']);
    expect(r.summary).toMatch(/^### ✅ TASK-900: committed/);
    for (const station of ['bundle', 'security', 'code', 'validate', 'complete']) {
      expect(r.summary).toMatch(new RegExp(`\\| ${station} \\| ok`));
    }
    expect((r.stdout + r.stderr).split('\n').filter((l) => l.includes(KEY))).toEqual([`::add-mask::${KEY}`]);
  } finally {
    await oneServer.close();
    one.cleanup();
  }
});

test('bundle → security → code → validate → complete', async () => {
  const b = runAction('bundle', { cwd: repo.root, inputs: { 'task-id': 'TASK-900' }, node: NODE24 });
  expect(errorCommands(b)).toEqual([]);
  expect(b.outputs.branch).toBe('feature/TASK-900-greeting');
  upload('bundle');

  download('bundle');
  const s = runAction('security', { cwd: repo.root, inputs: { 'task-id': 'TASK-900' }, node: NODE24 });
  expect(errorCommands(s)).toEqual([]);
  upload('security');

  download('security');
  const c = await runActionAsync('code', {
    cwd: repo.root,
    inputs: {
      'task-id': 'TASK-900',
      model: 'gpt-4.1',
      'llm-base-url': server.url,
      'llm-api-key': KEY,
      'max-attempts': '2',
    },
    node: NODE24,
  });
  expect(errorCommands(c)).toEqual([]);
  expect(c.code).toBe(0);
  expect(c.outputs['stop-reason']).toBe('finished');
  expect(c.outputs['changed-files']).toBe('2');
  expect(c.outputs['patch-sha256']).toMatch(/^[0-9a-f]{64}$/);
  expect(Number(c.outputs.tokens)).toBeGreaterThan(0);
  expect(c.summary).toContain('### 🛠️ Coder — TASK-900');
  expect(c.summary).toMatch(/\| 1 \| finished \| 5 \|/);
  // The key went to the model server, and nowhere else: masked in the log, absent from the bundle.
  expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  expect((c.stdout + c.stderr).split('\n').filter((l) => l.includes(KEY))).toEqual([`::add-mask::${KEY}`]);
  for (const f of filesUnder(bundle()))
    expect([f, readFileSync(f, 'utf8').includes(KEY)]).toEqual([f, false]);
  upload('code');

  // validate: a fresh job on the base commit, the Coder's bundle, security.json from the security job.
  repo.git('checkout', '-q', '--', '.');
  repo.git('clean', '-qfd', '--', 'src', 'tests');
  download('code');
  const v = runAction('validate', {
    cwd: repo.root,
    inputs: {
      'task-id': 'TASK-900',
      'security-bundle': join(artifacts, 'security'),
      'fail-on-fail': 'false',
    },
    node: NODE24,
  });
  expect(errorCommands(v)).toEqual([]);
  expect(v.outputs.verdict).toBe('pass');
  expect(v.outputs['patch-sha256']).toBe(c.outputs['patch-sha256']);
  upload('validate');

  download('validate');
  const done = runAction('complete', {
    cwd: repo.root,
    inputs: {
      'task-id': 'TASK-900',
      verdict: v.outputs.verdict!,
      'patch-sha256': v.outputs['patch-sha256']!,
    },
    node: NODE24,
  });
  expect(errorCommands(done)).toEqual([]);
  const remote = (...args: string[]) => repo.git('--git-dir', repo.remote, ...args);
  expect(remote('rev-parse', 'refs/heads/feature/TASK-900-greeting')).toBe(done.outputs['commit-sha']);
  expect(remote('show', 'feature/TASK-900-greeting:src/greeting.py')).toBe(GREETING_IMPL.trimEnd());
  expect(done.summary).toMatch(/\| code \| ok \|/);
});
