/** The commands that commit refuse a bad `--branch` or `--push` before any station runs. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';

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
