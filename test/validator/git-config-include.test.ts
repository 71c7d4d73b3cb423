/**
 * A project may ask its users to run `git config include.path ../.gitconfig`: a file of the work tree
 * then is part of git's settings. A change that edits it would decide what git runs at Completion's
 * commit and push and at the user's next command (`core.fsmonitor`, `core.sshCommand`), so the change
 * fails `guard:git-config`; a check that writes it while the checks run is reported and undone
 * (`guard:git-dir`); the Coder may read it, never write it.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { includedWorkTreeFiles } from '../../src/git/gitdir.js';
import { Sandbox } from '../../src/stations/coder/sandbox.js';
import type { ValidationReport } from '../../src/stations/validator/types.js';
import { runCli } from '../support/cli.js';
import { useTempHome } from '../support/home.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { doubleValue, readJson, smallRepoFiles } from './helpers.js';

const SHARED = '[core]\n\tautocrlf = false\n[include]\n\tpath = tools/extra.gitconfig\n';
const EXTRA = '[diff]\n\trenames = true\n';

// An empty home: the real global config is neither read nor touched.
useTempHome();

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

/** The small task repository, with a tracked `.gitconfig` (including another tracked file). */
function sharedConfigRepo(include: boolean): TempRepo {
  const r = makeRepo(undefined, {
    files: { ...smallRepoFiles(), '.gitconfig': SHARED, 'tools/extra.gitconfig': EXTRA },
  });
  repos.push(r);
  if (include) r.git('config', 'include.path', '../.gitconfig');
  return r;
}

const report = (r: TempRepo) =>
  readJson<ValidationReport>(join(r.root, '.guardian/bundles/TASK-001/validation.json'));

describe('work-tree files git reads as settings', () => {
  it('are found through the repository config and what it includes, and only when included', () => {
    expect(includedWorkTreeFiles(sharedConfigRepo(true).root)).toEqual([
      { path: '.gitconfig', via: '.git/config' },
      { path: 'tools/extra.gitconfig', via: '.git/config' },
    ]);
    expect(includedWorkTreeFiles(sharedConfigRepo(false).root)).toEqual([]);
  });

  it('a file not there yet counts too: a change may not add it', async () => {
    const r = sharedConfigRepo(false);
    r.git('config', 'include.path', '../local.gitconfig');
    expect(includedWorkTreeFiles(r.root)).toEqual([{ path: 'local.gitconfig', via: '.git/config' }]);
    doubleValue(r);
    r.write('local.gitconfig', '[core]\n\tfsmonitor = touch fsmonitor-ran\n');
    const v = await runCli(['validate', 'TASK-001', '--root', r.root]);
    expect(v.code).toBe(1);
    const guard = report(r).checks.find((c) => c.name === 'guard:git-config');
    expect(guard?.outcome).toBe('fail');
    expect(guard?.diagnostics.map((d) => d.message)).toEqual([
      'the change adds local.gitconfig, which git reads as settings (included by .git/config); a change may not alter what git runs: edit it by hand, or drop the include',
    ]);
  });
});

describe('guard:git-config', () => {
  it('fails a change that edits an included file, at any depth of includes, and names the file', async () => {
    const r = sharedConfigRepo(true);
    doubleValue(r);
    r.write('tools/extra.gitconfig', `${EXTRA}[core]\n\tsshCommand = touch /tmp/guardian-ssh-ran\n`);
    const v = await runCli(['validate', 'TASK-001', '--root', r.root, '--clean']);
    expect(v.code).toBe(1);
    const guard = report(r).checks.find((c) => c.name === 'guard:git-config');
    expect(guard?.outcome).toBe('fail');
    expect(guard?.diagnostics.map((d) => [d.file, d.line])).toEqual([['tools/extra.gitconfig', 1]]);
    expect(report(r).verdict).toBe('fail');
  });

  it('passes the same change when nothing includes the file', async () => {
    const r = sharedConfigRepo(false);
    doubleValue(r);
    r.write('tools/extra.gitconfig', `${EXTRA}[core]\n\tsshCommand = ssh -4\n`);
    const v = await runCli(['validate', 'TASK-001', '--root', r.root, '--clean']);
    expect(v.code).toBe(0);
    expect(report(r).checks.find((c) => c.name === 'guard:git-config')?.outcome).toBe('pass');
  });

  it('a check that writes the included file while checks run is reported and the file put back', async () => {
    const r = sharedConfigRepo(true);
    const marker = join(r.root, '..', 'fsmonitor-ran');
    doubleValue(r);
    // The checks run in a clean worktree; the included file is the main work tree's.
    r.write(
      'tests/check.sh',
      `grep -qx 2 src/value.txt || exit 1\nprintf "[core]\\n\\tfsmonitor = touch ${marker}\\n" >> "${join(r.root, '.gitconfig')}"\n`,
    );
    const v = await runCli(['validate', 'TASK-001', '--root', r.root, '--clean']);
    expect(v.code).toBe(1);
    const guard = report(r).checks.find((c) => c.name === 'guard:git-dir');
    expect(guard?.outcome).toBe('fail');
    expect(guard?.diagnostics.map((d) => [d.file, d.message])).toEqual([
      [join(r.root, '.gitconfig'), 'modified by a check during validation (put back as it was)'],
    ]);
    expect(readFileSync(join(r.root, '.gitconfig'), 'utf8')).toBe(SHARED);
    r.git('status', '--porcelain');
    expect(existsSync(marker)).toBe(false);
  });
});

describe("the Coder's sandbox", () => {
  it('reads an included file but refuses to write it, whatever its case', () => {
    const r = sharedConfigRepo(true);
    const box = new Sandbox(r.root, [], includedWorkTreeFiles(r.root));
    expect(box.resolve('.gitconfig', 'read').ok).toBe(true);
    expect(box.resolve('.gitconfig', 'write')).toEqual({
      ok: false,
      error:
        "refused: .gitconfig: git reads it as the repository's settings (included by .git/config); the Coder never writes it",
    });
    expect(box.resolve('tools/Extra.GitConfig', 'write').ok).toBe(false);
    expect(box.resolve('tools/other.txt', 'write').ok).toBe(true);
  });
});
