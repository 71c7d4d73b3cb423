/**
 * The user's global git config is read by every later git command (Completion's push, the user's next
 * commit) just like `.git/config`: a check that writes it (a `url.*.pushInsteadOf` that sends the push
 * to another repository, a `core.sshCommand`) fails the verdict, and the file is put back. HOME points
 * at a temporary directory here: the real global config is never touched.
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationReport } from '../../src/stations/validator/types.js';
import { runCli } from '../support/cli.js';
import { useTempHome } from '../support/home.js';
import { gitIn, makeRepo, type TempRepo } from '../support/repo.js';
import { doubleValue, readJson, smallRepoFiles } from './helpers.js';

const homeDir = useTempHome();
let home: string;
let gitconfig: string;
let xdgConfig: string;
const BEFORE = '[user]\n\tname = Someone\n[include]\n\tpath = ~/.gitconfig.local\n';
const LOCAL = '[core]\n\tquotepath = false\n';

beforeAll(() => {
  home = homeDir();
  gitconfig = join(home, '.gitconfig');
  xdgConfig = join(home, 'xdg', 'git', 'config');
});

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function freshHome(): void {
  rmSync(join(home, 'xdg'), { recursive: true, force: true });
  writeFileSync(gitconfig, BEFORE);
  writeFileSync(join(home, '.gitconfig.local'), LOCAL);
}

function smallRepo(): TempRepo {
  const r = makeRepo(undefined, { files: smallRepoFiles() });
  repos.push(r);
  return r;
}

const guardOf = (r: TempRepo) =>
  readJson<ValidationReport>(join(r.root, '.guardian/bundles/TASK-001/validation.json')).checks.find(
    (c) => c.name === 'guard:git-dir',
  );

describe('guard:git-dir and the global git config', () => {
  for (const mode of ['in place', 'in a clean worktree']) {
    it(`a check that writes ~/.gitconfig, the XDG config or an included file fails and is undone (${mode})`, async () => {
      freshHome();
      const r = smallRepo();
      const evil = join(r.root, '..', 'evil.git');
      r.write('src/value.txt', '2\n');
      r.write(
        'tests/check.sh',
        [
          'grep -qx 2 src/value.txt || exit 1',
          `git config --global url.${evil}.pushInsteadOf ${r.remote}`,
          'mkdir -p "$XDG_CONFIG_HOME/git"',
          'printf "[core]\\n\\tsshCommand = touch /tmp/guardian-pwned\\n" > "$XDG_CONFIG_HOME/git/config"',
          'printf "[credential]\\n\\thelper = !cat >/tmp/guardian-creds\\n" >> "$HOME/.gitconfig.local"',
          '',
        ].join('\n'),
      );
      const v = await runCli([
        'validate',
        'TASK-001',
        '--root',
        r.root,
        ...(mode === 'in place' ? [] : ['--clean']),
      ]);
      expect(v.code).toBe(1);
      const guard = guardOf(r);
      expect(guard?.outcome).toBe('fail');
      expect(guard?.diagnostics.map((d) => [d.file, d.message])).toEqual([
        [gitconfig, 'modified by a check during validation (put back as it was)'],
        [join(home, '.gitconfig.local'), 'modified by a check during validation (put back as it was)'],
        [xdgConfig, 'added by a check during validation (put back as it was)'],
      ]);
      expect(guard?.outputTail).toContain(`${gitconfig} modified, put back`);
      expect(readFileSync(gitconfig, 'utf8')).toBe(BEFORE);
      expect(readFileSync(join(home, '.gitconfig.local'), 'utf8')).toBe(LOCAL);
      expect(existsSync(xdgConfig)).toBe(false);

      // Nothing to complete: the verdict is fail, and the push is not redirected anyway.
      const c = await runCli(['complete', 'TASK-001', '--root', r.root, '--push', 'origin']);
      expect(c.code).toBe(1);
      expect(existsSync(evil)).toBe(false);
    });
  }

  it('a symbolic ~/.gitconfig is watched through to its file', async () => {
    freshHome();
    const dotfiles = join(home, 'dotfiles');
    mkdirSync(dotfiles, { recursive: true });
    writeFileSync(join(dotfiles, 'gitconfig'), BEFORE);
    rmSync(gitconfig);
    symlinkSync(join(dotfiles, 'gitconfig'), gitconfig);
    const r = smallRepo();
    r.write('src/value.txt', '2\n');
    r.write(
      'tests/check.sh',
      `grep -qx 2 src/value.txt || exit 1\nprintf "[core]\\n\\tfsmonitor = evil\\n" >> "${join(dotfiles, 'gitconfig')}"\n`,
    );
    const v = await runCli(['validate', 'TASK-001', '--root', r.root, '--clean']);
    expect(v.code).toBe(1);
    expect(guardOf(r)?.diagnostics.map((d) => d.file)).toEqual([join(dotfiles, 'gitconfig')]);
    expect(readFileSync(join(dotfiles, 'gitconfig'), 'utf8')).toBe(BEFORE);
    rmSync(gitconfig);
  });

  it('checks that only read the global config add no such check', async () => {
    freshHome();
    const r = smallRepo();
    doubleValue(r);
    r.write('tests/check.sh', 'git config --global user.name >/dev/null\ngrep -qx 2 src/value.txt\n');
    const v = await runCli(['validate', 'TASK-001', '--root', r.root, '--clean']);
    expect(v.code).toBe(0);
    expect(guardOf(r)).toBeUndefined();
  });
});

describe("Completion's push and url rewrites", () => {
  it('checks the remote branch where the push goes (pushInsteadOf), and says where that is', async () => {
    freshHome();
    const r = smallRepo();
    const other = join(r.root, '..', 'other.git');
    gitIn(join(r.root, '..'), ['init', '-q', '--bare', '-b', 'main', other]);
    // Someone's work on the task branch in the repository the push really goes to.
    const clone = join(r.root, '..', 'clone');
    gitIn(join(r.root, '..'), ['clone', '-q', r.remote, clone]);
    gitIn(clone, ['commit', '-q', '--allow-empty', '-m', 'their work']);
    gitIn(clone, ['push', '-q', other, 'HEAD:refs/heads/guardian/TASK-001']);
    r.git('config', `url.${other}.pushInsteadOf`, r.remote);
    doubleValue(r);
    expect((await runCli(['validate', 'TASK-001', '--root', r.root])).code).toBe(0);

    const c = await runCli(['complete', 'TASK-001', '--root', r.root, '--push', 'origin']);
    expect(c.code).toBe(1);
    // Read from the push URL, not from origin's fetch URL (where the branch does not exist).
    expect(c.stderr).toMatch(
      /refused to push: origin's branch guardian\/TASK-001 is at [0-9a-f]{12}, which is not an ancestor/,
    );

    // Without the conflicting branch the push goes there, and the log names the push URL.
    gitIn(other, ['update-ref', '-d', 'refs/heads/guardian/TASK-001']);
    const again = await runCli(['complete', 'TASK-001', '--root', r.root, '--push', 'origin']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`pushed guardian/TASK-001 to origin (push URL: ${other})`);
    expect(gitIn(other, ['for-each-ref', '--format=%(refname)'])).toBe('refs/heads/guardian/TASK-001');
  });

  it('refuses a push URL that an insteadOf would send reads of elsewhere', async () => {
    freshHome();
    const r = smallRepo();
    const other = join(r.root, '..', 'other.git');
    const third = join(r.root, '..', 'third.git');
    r.git('config', `url.${other}.pushInsteadOf`, r.remote);
    r.git('config', `url.${third}.insteadOf`, other);
    doubleValue(r);
    expect((await runCli(['validate', 'TASK-001', '--root', r.root])).code).toBe(0);
    const c = await runCli(['complete', 'TASK-001', '--root', r.root, '--push', 'origin']);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain(
      `refused to push: origin's push URL ${other} is rewritten by git's url.*.insteadOf settings (to ${third})`,
    );
    expect(c.stderr).toMatch(/Nothing was pushed; the commit [0-9a-f]{12} is on the local branch/);
    expect(existsSync(other)).toBe(false);
    expect(gitIn(r.remote, ['for-each-ref', '--format=%(refname)', 'refs/heads/guardian'])).toBe('');
  });
});
