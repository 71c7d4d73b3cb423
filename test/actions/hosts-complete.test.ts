/**
 * The complete action (sources, in process) on the mistakes and failures around the commit: a
 * malformed validation.json, a missing GITHUB_REPOSITORY, a pull request API that fails after the push.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { run as complete } from '../../src/actions/complete/main.js';
import { run as validate } from '../../src/actions/validate/main.js';
import { readManifest, writeBundleFile, writeManifest } from '../../src/bundle/bundle.js';
import type { TempRepo } from '../support/repo.js';
import { errorCommands, greetingRepo, writeGreetingChange } from './harness.js';
import { runSource, STACK } from './hosts-harness.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const BRANCH = 'feature/TASK-900-greeting';

/** A repository with TASK-900's change judged by the validate action (verdict pass). */
async function validated(): Promise<{ repo: TempRepo; sha: string }> {
  const repo = greetingRepo();
  repos.push(repo);
  writeGreetingChange(repo);
  const v = await runSource(validate, { cwd: repo.root, inputs: { 'task-id': 'TASK-900' } });
  expect(errorCommands(v)).toEqual([]);
  expect(v.outputs.verdict).toBe('pass');
  return { repo, sha: v.outputs['patch-sha256']! };
}

const remoteHas = (repo: TempRepo, ref: string) => {
  try {
    return repo.git('--git-dir', repo.remote, 'rev-parse', '--verify', '--quiet', ref);
  } catch {
    return undefined;
  }
};

test('a validation.json of the wrong shape (manifest updated) is one clear error; nothing committed', async () => {
  const { repo } = await validated();
  const dir = join(repo.root, '.guardian/bundles/TASK-900');
  writeBundleFile(dir, 'validation.json', '{"verdict":"fail"}\n');
  writeManifest(dir, readManifest(dir, 'TASK-900'));
  const r = await runSource(complete, { cwd: repo.root, inputs: { 'task-id': 'TASK-900', verdict: 'fail' } });
  expect(r.code).toBe(1);
  expect(errorCommands(r)).toEqual([
    expect.stringMatching(
      /^::error::\S*validation\.json: field `taskId` must be a string, got .*; nothing committed$/,
    ),
  ]);
  expect(r.stdout).not.toMatch(STACK);
  expect(r.outputs['commit-sha']).toBeUndefined();
  expect(remoteHas(repo, `refs/heads/${BRANCH}`)).toBeUndefined();
});

test('with a Task Bundle, an empty verdict or patch-sha256 is refused (a forged empty handover does not turn the check off)', async () => {
  const { repo, sha } = await validated();
  for (const [inputs, named] of [
    [{ verdict: 'pass' }, "input 'patch-sha256' is empty"],
    [{ 'patch-sha256': sha }, "input 'verdict' is empty"],
    [{}, "input 'verdict' and 'patch-sha256' are empty"],
  ] as const) {
    const r = await runSource(complete, { cwd: repo.root, inputs: { 'task-id': 'TASK-900', ...inputs } });
    expect(r.code).toBe(1);
    expect(errorCommands(r)).toEqual([
      `::error::${named}: pass the validate step's outputs (verdict, patch-sha256), which say what the Validator judged; nothing committed`,
    ]);
    expect(r.outputs['commit-sha']).toBeUndefined();
  }
  expect(remoteHas(repo, `refs/heads/${BRANCH}`)).toBeUndefined();
});

test('a bundle whose manifest and report name another base than the one checked out is refused', async () => {
  const { repo, sha } = await validated();
  const base = repo.git('rev-parse', 'HEAD');
  // Any commit of the repository (the complete job fetches the whole history), rewritten into the bundle
  // by a process the checks left running.
  const other = repo.git('commit-tree', 'HEAD^{tree}', '-p', 'HEAD', '-m', 'elsewhere');
  const dir = join(repo.root, '.guardian/bundles/TASK-900');
  const report = JSON.parse(readFileSync(join(dir, 'validation.json'), 'utf8')) as { baseCommit: string };
  writeBundleFile(dir, 'validation.json', JSON.stringify({ ...report, baseCommit: other }, null, 2) + '\n');
  writeManifest(dir, { ...readManifest(dir, 'TASK-900'), baseCommit: other });
  const inputs = { 'task-id': 'TASK-900', verdict: 'pass', 'patch-sha256': sha };
  for (const extra of [{}, { 'base-commit': base }] as Record<string, string>[]) {
    const r = await runSource(complete, { cwd: repo.root, inputs: { ...inputs, ...extra } });
    expect(r.code).toBe(1);
    expect(errorCommands(r)).toEqual([
      `::error::the Task Bundle's manifest names the base commit ${other.slice(0, 12)}, but the host's base is ${'base-commit' in extra ? base : 'HEAD'} (${base.slice(0, 12)}): refusing to commit on a base the host did not check out; nothing committed`,
    ]);
  }
  expect(remoteHas(repo, `refs/heads/${BRANCH}`)).toBeUndefined();
  // The base the job did check out is accepted.
  writeBundleFile(dir, 'validation.json', JSON.stringify(report, null, 2) + '\n');
  writeManifest(dir, { ...readManifest(dir, 'TASK-900'), baseCommit: base });
  const ok = await runSource(complete, { cwd: repo.root, inputs: { ...inputs, 'base-commit': base } });
  expect(errorCommands(ok)).toEqual([]);
  expect(remoteHas(repo, `refs/heads/${BRANCH}`)).toBe(ok.outputs['commit-sha']);
});

test('checks[] that is not an array names the field, not a TypeError', async () => {
  const { repo, sha } = await validated();
  const dir = join(repo.root, '.guardian/bundles/TASK-900');
  const doc = {
    taskId: 'TASK-900',
    baseCommit: repo.git('rev-parse', 'HEAD'),
    patchSha256: sha,
    summary: 'fail: tests',
    verdict: 'fail',
    checks: { tests: 'fail' },
  };
  writeBundleFile(dir, 'validation.json', JSON.stringify(doc));
  writeManifest(dir, readManifest(dir, 'TASK-900'));
  const r = await runSource(complete, { cwd: repo.root, inputs: { 'task-id': 'TASK-900' } });
  expect(r.code).toBe(1);
  const errors = errorCommands(r);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/validation\.json: field `checks` must be an array of check results/);
  expect(r.stdout).not.toMatch(STACK);
});

test('open-pr without GITHUB_REPOSITORY fails before anything is committed or pushed', async () => {
  const { repo, sha } = await validated();
  const r = await runSource(complete, {
    cwd: repo.root,
    inputs: {
      'task-id': 'TASK-900',
      verdict: 'pass',
      'patch-sha256': sha,
      'open-pr': 'true',
      'github-token': 'ghs_test-token',
    },
  });
  expect(r.code).toBe(1);
  expect(errorCommands(r)).toEqual([
    expect.stringMatching(/^::error::GITHUB_REPOSITORY is not set: .*; nothing committed$/),
  ]);
  expect(r.outputs['commit-sha']).toBeUndefined();
  expect(r.outputs.branch).toBeUndefined();
  expect(remoteHas(repo, `refs/heads/${BRANCH}`)).toBeUndefined();
  expect(() => repo.git('rev-parse', '--verify', '--quiet', `refs/heads/${BRANCH}`)).toThrow();
  expect(existsSync(join(repo.root, '.guardian/bundles/TASK-900/validation.json'))).toBe(true);
});

test('a malformed GITHUB_REPOSITORY fails before anything is committed', async () => {
  const { repo } = await validated();
  const r = await runSource(complete, {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK-900', 'open-pr': 'true', 'github-token': 'ghs_test-token' },
    env: { GITHUB_REPOSITORY: 'not a repo' },
  });
  expect(r.code).toBe(1);
  expect(errorCommands(r)).toEqual([
    '::error::GITHUB_REPOSITORY "not a repo" is not owner/repo: cannot open a pull request',
  ]);
  expect(remoteHas(repo, `refs/heads/${BRANCH}`)).toBeUndefined();
});

describe('the pull request API fails after the push', () => {
  let server: Server;
  let status = 404;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      // No keep-alive: each run in this process starts its own connection, as a job would.
      res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify({ message: status === 404 ? 'Not Found' : 'Server Error' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  async function closedUrl(): Promise<string> {
    const s = createNetServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as { port: number }).port;
    await new Promise<void>((r) => s.close(() => r()));
    return `http://127.0.0.1:${port}`;
  }

  test.each([
    [404, /failed \(HTTP 404: Not Found.*\): check GITHUB_REPOSITORY \(octo\/app\), that the token/],
    [500, /failed \(HTTP 500: Server Error.*\): the GitHub API failed: re-run the job later/],
    [0, /got no answer from http:\/\/127\.0\.0\.1:\d+ \(.*ECONNREFUSED.*\): check GITHUB_API_URL/],
  ])(
    'HTTP %s: one message naming the call and saying the commit is made',
    async (code, expected) => {
      status = code || 200;
      const { repo, sha } = await validated();
      const r = await runSource(complete, {
        cwd: repo.root,
        inputs: {
          'task-id': 'TASK-900',
          verdict: 'pass',
          'patch-sha256': sha,
          'open-pr': 'true',
          'github-token': 'ghs_test-token',
        },
        env: { GITHUB_REPOSITORY: 'octo/app', GITHUB_API_URL: code ? url : await closedUrl() },
      });
      expect(r.code).toBe(1);
      const errors = errorCommands(r);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        /^::error::cannot open or update the pull request for feature\/TASK-900-greeting: GET \/repos\/octo\/app\/pulls /,
      );
      expect(errors[0]).toMatch(expected);
      const pushed = remoteHas(repo, `refs/heads/${BRANCH}`);
      expect(pushed).toMatch(/^[0-9a-f]{40}$/);
      expect(errors[0]).toContain(`The commit ${pushed} on ${BRANCH} was already made and pushed`);
      expect(r.stdout).not.toMatch(STACK);
      expect(r.outputs['commit-sha']).toBe(pushed);
      expect(r.outputs.branch).toBe(BRANCH);
      expect(r.outputs['pr-url']).toBeUndefined();
    },
    180_000,
  );
});
