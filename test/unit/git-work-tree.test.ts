/**
 * `isGitRepo` answers whether a folder is inside a git work tree: a bare repository and the inside of
 * `.git` answer `false` to `git rev-parse --is-inside-work-tree` with status 0, and are no work tree.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isGitRepo } from '../../src/git/git.js';
import { gitIn, makeRepo } from '../support/repo.js';

const repo = makeRepo(undefined, { files: { 'a.txt': 'a\n' } });
const scratch = mkdtempSync(join(tmpdir(), 'guardian-worktree-'));
afterAll(() => {
  repo.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe('isGitRepo', () => {
  it('is true in a work tree and in its subfolders', () => {
    expect(isGitRepo(repo.root)).toBe(true);
  });

  it('is false in a bare repository, inside .git, and outside any repository', () => {
    gitIn(scratch, ['init', '-q', '--bare', 'b.git']);
    expect(isGitRepo(join(scratch, 'b.git'))).toBe(false);
    expect(isGitRepo(join(repo.root, '.git'))).toBe(false);
    expect(isGitRepo(scratch)).toBe(false);
  });
});
