/**
 * Temporary worktrees in repositories that have worktrees of their own: Guardian removes its own and
 * leaves the user's alone, whatever state they are in.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execGit } from '../../src/git/git.js';
import { withTempIndex } from '../../src/git/patch.js';
import { addWorktree } from '../../src/git/worktree.js';
import { gitIn, makeRepo, type TempRepo } from '../support/repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function repo(): TempRepo {
  const r = makeRepo(undefined, { files: { 'a.txt': 'one\n' } });
  repos.push(r);
  return r;
}

const listed = (r: TempRepo) =>
  r
    .git('worktree', 'list', '--porcelain')
    .split('\n')
    .filter((l) => l.startsWith('worktree '))
    .map((l) => l.slice('worktree '.length));

describe('the user’s own worktrees', () => {
  it('one whose folder is missing for now (a drive not mounted) keeps its entry, and its staged files', () => {
    const r = repo();
    const away = join(r.root, '..', 'drive');
    const wt = join(away, 'feature');
    r.git('worktree', 'add', '-q', '-b', 'feature', wt);
    gitIn(wt, ['rm', '-q', '--cached', 'a.txt']);
    renameSync(away, `${away}-unmounted`);

    const ours = addWorktree(r.root, r.git('rev-parse', 'HEAD'));
    expect(existsSync(join(ours.dir, 'a.txt'))).toBe(true);
    ours.remove();

    expect(listed(r)).toEqual([r.root, wt]);
    renameSync(`${away}-unmounted`, away);
    expect(gitIn(wt, ['status', '--porcelain'])).toBe('D  a.txt\n?? a.txt');
  });

  it('a locked one left by an earlier run is left as it is', () => {
    const r = repo();
    const old = join(r.root, '..', 'old', 'tree');
    r.git('worktree', 'add', '-q', '--detach', old);
    r.git('worktree', 'lock', old);
    const ours = addWorktree(r.root, r.git('rev-parse', 'HEAD'));
    ours.remove();
    expect(listed(r)).toEqual([r.root, old]);
  });
});

describe('Guardian’s own worktree', () => {
  it('is unlisted when removed after its folder was deleted by someone else', () => {
    const r = repo();
    const ours = addWorktree(r.root, r.git('rev-parse', 'HEAD'));
    expect(listed(r)).toContain(ours.dir);
    rmSync(ours.dir, { recursive: true, force: true });
    ours.remove();
    expect(listed(r)).toEqual([r.root]);
  });

  it('made from a repository that is itself a linked worktree, is removed from the repository it belongs to', () => {
    const r = repo();
    const linked = join(r.root, '..', 'linked');
    r.git('worktree', 'add', '-q', '-b', 'other', linked);
    const ours = addWorktree(linked, r.git('rev-parse', 'HEAD'));
    expect(listed(r)).toContain(ours.dir);
    rmSync(ours.dir, { recursive: true, force: true });
    ours.remove();
    expect(listed(r)).toEqual([r.root, linked]);
  });
});

describe('a change that moves a submodule to another commit', () => {
  it('is checked out in a worktree whatever submodule.recurse says', () => {
    const r = repo();
    const base = join(r.root, '..');
    const sub = join(base, 'sub-work');
    gitIn(base, ['init', '-q', '-b', 'main', sub]);
    for (const v of ['1', '2']) {
      writeFileSync(join(sub, 's.txt'), `${v}\n`);
      gitIn(sub, ['add', 's.txt']);
      gitIn(sub, ['commit', '-q', '-m', v]);
    }
    r.git('-c', 'protocol.file.allow=always', 'submodule', '-q', 'add', sub, 'sub');
    r.git('commit', '-q', '-m', 'submodule');
    r.git('config', 'submodule.recurse', 'true');
    const head = r.git('rev-parse', 'HEAD');
    const moved = gitIn(sub, ['rev-parse', 'HEAD~1']);
    const tree = withTempIndex(r.root, (env) => {
      execGit(['read-tree', head], { cwd: r.root, env });
      execGit(['update-index', '--cacheinfo', `160000,${moved},sub`], { cwd: r.root, env });
      return execGit(['write-tree'], { cwd: r.root, env }).stdout.trim();
    });

    const ours = addWorktree(r.root, head, tree);
    try {
      expect(gitIn(ours.dir, ['ls-files', '-s', 'sub'])).toBe(`160000 ${moved} 0\tsub`);
      expect(existsSync(join(ours.dir, 'a.txt'))).toBe(true);
    } finally {
      ours.remove();
    }
    expect(listed(r)).toEqual([r.root]);
  });
});
