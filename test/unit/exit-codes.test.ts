/** The same user mistake gets the same message and exit code whichever command meets it. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { EXAMPLES, gitIn } from '../support/repo.js';

let plain: string; // the example's files, not a git repository
let empty: string; // a git repository with the example's files and no commit
let good: string; // the example, committed
beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'guardian-exit-'));
  plain = join(base, 'plain');
  empty = join(base, 'empty');
  good = join(base, 'good');
  for (const d of [plain, empty, good]) cpSync(join(EXAMPLES, 'python-flask-users'), d, { recursive: true });
  gitIn(empty, ['init', '-q']);
  gitIn(good, ['init', '-q']);
  gitIn(good, ['add', '-A']);
  gitIn(good, ['commit', '-qm', 'init']);
});
afterAll(() => rmSync(join(plain, '..'), { recursive: true, force: true }));

const commands = [
  ['bundle', 'TASK-042'],
  ['run', 'TASK-042'],
  ['milestone', 'MVP'],
  ['prestart', 'TASK-042'],
  ['validate', 'TASK-042'],
  ['complete', 'TASK-042'],
  ['code', 'TASK-042'],
];

describe('exit codes and messages', () => {
  test.each(commands)('%s outside a git repository: exit 2, one line saying so', async (...argv) => {
    const r = await runCli([...argv, '--root', plain]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^guardian: .*(is not a git repository|is not inside a git repository)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test.each([['bundle'], ['validate'], ['prestart'], ['security']])(
    '%s with a malformed task id: exit 2',
    async (cmd) => {
      const r = await runCli([cmd, '../../etc', '--root', good]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/invalid task id '\.\.\/\.\.\/etc': expected letters, digits and dashes/);
    },
  );

  test.each([['bundle'], ['validate'], ['prestart']])(
    '%s in a repository without commits: says so instead of "unknown ref HEAD"',
    async (cmd) => {
      const r = await runCli([cmd, 'TASK-042', '--root', empty]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/the repository has no commits yet \(HEAD does not resolve\)/);
      expect(r.stderr).not.toMatch(/unknown git ref/);
    },
  );

  test.each([
    [
      ['--python', '/nonexistent/python3'],
      /^guardian: --python \/nonexistent\/python3: no executable file there\n$/,
    ],
    [['--python', 'no-such-python-9'], /^guardian: --python no-such-python-9: not found on PATH\n$/],
    [['--python', '/etc/passwd'], /--python \/etc\/passwd: no executable file there/],
    [['--site-packages', '/etc/passwd'], /^guardian: --site-packages \/etc\/passwd: not a directory\n$/],
    [['--site-packages', '/nonexistent'], /--site-packages \/nonexistent: not a directory/],
  ])('bundle %j: a path the user named must exist (exit 2, nothing built)', async (flags, message) => {
    const r = await runCli(['bundle', 'TASK-042', '--root', good, ...flags]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(existsSync(join(good, '.guardian', 'bundles'))).toBe(false);
  });

  test('a directory where the run ledger belongs is named, for run and status alike', async () => {
    mkdirSync(join(good, '.guardian', 'runs.jsonl'), { recursive: true });
    try {
      for (const argv of [['run', 'TASK-042', '--dry-run'], ['status']]) {
        const r = await runCli([...argv, '--root', good]);
        expect(r.stderr).toMatch(
          /^guardian: \.guardian\/runs\.jsonl is a directory; a file is expected there \(Guardian keeps/,
        );
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        expect(r.code).toBe(1);
      }
    } finally {
      rmSync(join(good, '.guardian'), { recursive: true, force: true });
    }
  });
});
