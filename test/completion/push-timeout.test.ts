/**
 * `complete --push` against a remote that does not answer in time: one message that says which call
 * was stopped, where it went and what was kept; nothing left running; and a second run, once the remote
 * answers, pushes the same commit (no second commit).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { GIT_TIMEOUT_VAR } from '../../src/git/git.js';
import { runCli } from '../support/cli.js';
import { gitIn, makeRepo, type TempRepo } from '../support/repo.js';
import { noneRunning, startSilentServer, type SilentServer } from '../support/silent-server.js';
import { doubleValue, smallRepoFiles } from '../validator/helpers.js';

const BRANCH = 'guardian/TASK-001';
const repos: TempRepo[] = [];
const savedVar = process.env[GIT_TIMEOUT_VAR];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  if (savedVar === undefined) delete process.env[GIT_TIMEOUT_VAR];
  else process.env[GIT_TIMEOUT_VAR] = savedVar;
});

let server: SilentServer;
let port = 0;
beforeAll(async () => {
  server = await startSilentServer();
  port = server.port;
});
afterAll(() => server.close());

async function validatedSmallRepo(): Promise<TempRepo> {
  const r = makeRepo(undefined, { files: smallRepoFiles() });
  repos.push(r);
  doubleValue(r);
  const v = await runCli(['validate', 'TASK-001', '--root', r.root]);
  expect(v.code).toBe(0);
  return r;
}

describe('complete --push with a remote that does not answer, or a push that is stopped', () => {
  it('a push that hangs: stopped, reported as maybe-pushed, and pushed by the next run', async () => {
    const r = await validatedSmallRepo();
    // The remote side of the push (git-receive-pack) hangs: a marker in its command line finds it.
    const marker = `guardian-hang-${process.pid}`;
    r.git('config', 'remote.origin.receivepack', `sleep 120 # ${marker}\ngit-receive-pack`);
    process.env[GIT_TIMEOUT_VAR] = '1';
    const c = await runCli(['complete', 'TASK-001', '--push', 'origin', '--root', r.root]);
    expect(c.code).not.toBe(0);
    expect(c.stderr).toContain(
      `the remote 'origin' (${r.remote}) did not answer: git push did not finish within 1 s and was stopped`,
    );
    expect(c.stderr).toContain('The push may or may not have reached the remote');
    expect(c.stderr).toContain(`is on the local branch ${BRANCH}`);
    expect(c.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await noneRunning(marker)).toEqual([]);
    // The commit was made once, locally; the remote does not have it.
    const commit = r.git('rev-parse', `refs/heads/${BRANCH}`);
    expect(gitIn(r.remote, ['branch', '--list', BRANCH])).toBe('');

    // The remote answers again: the same commit is pushed, and no second one is made.
    r.git('config', '--unset', 'remote.origin.receivepack');
    const again = await runCli(['complete', 'TASK-001', '--push', 'origin', '--root', r.root]);
    expect(again.stderr).not.toMatch(/error|did not answer/);
    expect(again.code).toBe(0);
    expect(r.git('rev-parse', `refs/heads/${BRANCH}`)).toBe(commit);
    expect(gitIn(r.remote, ['rev-parse', `refs/heads/${BRANCH}`])).toBe(commit);
  });

  it('a push whose git is stopped by a signal is not reported as the remote rejecting it', async () => {
    const r = await validatedSmallRepo();
    // The remote side sends SIGINT to the git push that started it (as a Ctrl-C at the terminal would).
    r.git('config', 'remote.origin.receivepack', 'kill -INT $PPID; sleep 2; git-receive-pack');
    const c = await runCli(['complete', 'TASK-001', '--push', 'origin', '--root', r.root]);
    expect(c.code).not.toBe(0);
    expect(c.stderr).toContain(
      `the push of ${BRANCH} to 'origin' was stopped by SIGINT: it may or may not have reached the remote`,
    );
    expect(c.stderr).not.toContain('rejected the push');
    expect(c.stderr).not.toMatch(/\n\s+at /);
    // Once git is left alone, the next run pushes the same commit.
    const commit = r.git('rev-parse', `refs/heads/${BRANCH}`);
    r.git('config', '--unset', 'remote.origin.receivepack');
    const again = await runCli(['complete', 'TASK-001', '--push', 'origin', '--root', r.root]);
    expect(again.code).toBe(0);
    expect(gitIn(r.remote, ['rev-parse', `refs/heads/${BRANCH}`])).toBe(commit);
  });

  it('a remote that never answers the first read: nothing pushed, the URL named', async () => {
    const r = await validatedSmallRepo();
    const url = `http://127.0.0.1:${port}/silent.git`;
    r.git('remote', 'add', 'silent', url);
    process.env[GIT_TIMEOUT_VAR] = '1';
    const c = await runCli(['complete', 'TASK-001', '--push', 'silent', '--root', r.root]);
    expect(c.code).not.toBe(0);
    expect(c.stderr).toContain(
      `the remote 'silent' (${url}) did not answer: git ls-remote did not finish within 1 s and was stopped`,
    );
    expect(c.stderr).toContain(`Nothing was pushed; the commit`);
    expect(c.stderr).not.toMatch(/\n\s+at /);
    expect(await noneRunning(`127.0.0.1:${port}/`)).toEqual([]);
  });
});
