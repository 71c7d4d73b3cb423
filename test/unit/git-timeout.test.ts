/**
 * Guardian's own git calls have a time limit: a remote that accepts the connection and never answers
 * (a silent HTTP server on 127.0.0.1 here) ends in one clear error, and nothing the call started is
 * left running.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { GuardianError } from '../../src/errors.js';
import { execGit, execGitAsync, GIT_TIMEOUT_VAR, GitTimeoutError } from '../../src/git/git.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { noneRunning, startSilentServer, type SilentServer } from '../support/silent-server.js';

let server: SilentServer;
let port = 0;
beforeAll(async () => {
  server = await startSilentServer();
  port = server.port;
});
afterAll(() => server.close());

const repos: TempRepo[] = [];
const savedVar = process.env[GIT_TIMEOUT_VAR];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  if (savedVar === undefined) delete process.env[GIT_TIMEOUT_VAR];
  else process.env[GIT_TIMEOUT_VAR] = savedVar;
});

/** What still runs of git and its remote helper (their command lines name the server's port). */
const noneLeft = (p: number) => noneRunning(`127.0.0.1:${p}/`);

function repo(): TempRepo {
  const r = makeRepo(undefined, { files: { 'a.txt': 'a\n' } });
  repos.push(r);
  return r;
}

describe('git time limit', () => {
  it('stops a call to a remote that never answers, and kills what it started', async () => {
    const r = repo();
    let err: unknown;
    try {
      execGit(['ls-remote', `http://127.0.0.1:${port}/silent.git`], { cwd: r.root, timeoutMs: 1000 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GitTimeoutError);
    expect((err as Error).message).toBe(
      `git ls-remote did not finish within 1 s and was stopped (${GIT_TIMEOUT_VAR} sets how long one git call may take)`,
    );
    // git-remote-http outlives a killed git: it must be gone too.
    expect(await noneLeft(port)).toEqual([]);
  });

  it('throws on a timeout even when a failing exit is allowed (a hang is not a failure to report as a result)', () => {
    const r = repo();
    expect(() =>
      execGit(['ls-remote', `http://127.0.0.1:${port}/silent.git`], {
        cwd: r.root,
        allowFailure: true,
        timeoutMs: 500,
      }),
    ).toThrow(/git ls-remote did not finish within 0\.5 s/);
  });

  it(`takes the limit from ${GIT_TIMEOUT_VAR}`, async () => {
    const r = repo();
    process.env[GIT_TIMEOUT_VAR] = '0.5';
    expect(() => execGit(['ls-remote', `http://127.0.0.1:${port}/silent.git`], { cwd: r.root })).toThrow(
      /did not finish within 0\.5 s/,
    );
    // Quick calls are not affected.
    expect(execGit(['rev-parse', '--is-inside-work-tree'], { cwd: r.root }).stdout.trim()).toBe('true');
    expect(await noneLeft(port)).toEqual([]);
  });

  it('stops the asynchronous variant too', async () => {
    const r = repo();
    await expect(
      execGitAsync(['ls-remote', `http://127.0.0.1:${port}/silent.git`], { cwd: r.root, timeoutMs: 800 }),
    ).rejects.toThrow(/git ls-remote did not finish within 0\.8 s/);
    await expect(
      execGitAsync(['ls-remote', `http://127.0.0.1:${port}/silent.git`], {
        cwd: r.root,
        timeoutMs: 800,
        stdoutToFile: true,
      }),
    ).rejects.toBeInstanceOf(GitTimeoutError);
    expect(await noneLeft(port)).toEqual([]);
    // And a call that finishes in time is unchanged.
    const ok = await execGitAsync(['log', '--format=%s'], { cwd: r.root, timeoutMs: 30_000 });
    expect(ok.stdout.trim()).toBe('initial');
  });

  it.each(['abc', '0', '-5', '1e9', 'Infinity'])(`rejects ${GIT_TIMEOUT_VAR}=%s with one message`, (v) => {
    const r = repo();
    process.env[GIT_TIMEOUT_VAR] = v;
    let err: unknown;
    try {
      execGit(['rev-parse', 'HEAD'], { cwd: r.root });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GuardianError);
    expect((err as Error).message).toBe(
      `${GIT_TIMEOUT_VAR} must be a number of seconds between 0 and 86400 (how long one git call may take), got '${v}'`,
    );
  });
});
