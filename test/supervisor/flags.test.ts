/** The commands that commit refuse a bad `--branch` or `--push` before any station runs. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { gitIn, makeRepo, type TempRepo } from '../support/repo.js';
import { doubleValue, smallRepoFiles } from '../validator/helpers.js';

let repo: TempRepo;
beforeAll(() => {
  repo = makeRepo('python-flask-users');
});
afterAll(() => repo.cleanup());

describe('--branch and --push are checked first', () => {
  test.each([
    [['run', 'TASK-042', '--branch', 'a..b'], /^guardian: --branch a\.\.b: not a valid branch name\n$/],
    [['run', 'TASK-042', '--branch', '-x'], /--branch -x: not a valid branch name/],
    [
      ['run', 'TASK-042', '--push', 'nosuch'],
      /^guardian: --push nosuch: no remote of that name \(configured: origin\)\n$/,
    ],
    [['milestone', 'MVP', '--push', 'nosuch'], /--push nosuch: no remote of that name/],
    [['milestone', 'MVP', '--branch', 'bad name'], /--branch bad name: not a valid branch name/],
    [['complete', 'TASK-042', '--push', 'nosuch'], /--push nosuch: no remote of that name/],
    [['complete', 'TASK-042', '--branch', 'x.lock'], /--branch x\.lock: not a valid branch name/],
  ])('%j', async (argv, message) => {
    const r = await runCli([...argv, '--root', repo.root]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    // Nothing ran: no bundle, no ledger.
    expect(existsSync(join(repo.root, '.guardian'))).toBe(false);
  });

  test('a remote given as a URL or path, and a configured name, are accepted', async () => {
    // --until stops before anything is committed; the flags pass the check and the line starts.
    const r = await runCli([
      'run',
      'TASK-042',
      '--root',
      repo.root,
      '--push',
      repo.remote,
      '--until',
      'prestart',
    ]);
    expect(r.stderr).not.toMatch(/--push/);
    const r2 = await runCli([
      'run',
      'TASK-042',
      '--root',
      repo.root,
      '--push',
      'origin',
      '--branch',
      'feature/ok',
      '--until',
      'prestart',
    ]);
    expect(r2.stderr).not.toMatch(/--push|--branch/);
    expect(existsSync(join(repo.root, '.guardian'))).toBe(true); // the line did start
  });
});

describe('run --push on a task that is already done', () => {
  test('pushes the commit an earlier run made (the push had failed or was not asked for)', async () => {
    const small = makeRepo(undefined, { files: smallRepoFiles() });
    try {
      doubleValue(small);
      expect((await runCli(['validate', 'TASK-001', '--root', small.root])).code).toBe(0);
      const done = await runCli(['complete', 'TASK-001', '--root', small.root]);
      expect(done.code).toBe(0);
      const branch = small.git('branch', '--show-current');
      const commit = small.git('rev-parse', 'HEAD');
      const remoteHas = () =>
        gitIn(small.remote, ['for-each-ref', '--format=%(objectname)', `refs/heads/${branch}`]);
      expect(remoteHas()).toBe('');
      const again = await runCli(['run', 'TASK-001', '--root', small.root]);
      expect(again.code).toBe(0);
      expect(again.stdout + again.stderr).toMatch(/already done .*nothing to do/);
      expect(remoteHas()).toBe('');
      const pushed = await runCli(['run', 'TASK-001', '--root', small.root, '--push', 'origin', '--json']);
      expect(pushed.code).toBe(0);
      const result = JSON.parse(pushed.stdout) as { outcome: string; pushedTo?: string; commit?: string };
      expect(result).toMatchObject({ outcome: 'already_done', pushedTo: 'origin', commit });
      expect(remoteHas()).toBe(commit);
      expect(small.git('rev-parse', 'HEAD')).toBe(commit); // no second commit
    } finally {
      small.cleanup();
    }
  });
});
