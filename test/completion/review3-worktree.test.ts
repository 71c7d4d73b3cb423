import { afterEach, describe, expect, it } from '@jest/globals';
import { lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { addWorktree, linkDependencies } from '../../src/git/worktree.js';
import { makeRepo, type TempRepo } from '../support/repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

describe('linkDependencies', () => {
  it('leaves a dependency folder name the tree holds as a link that leads nowhere, and links the others', () => {
    const r = makeRepo();
    repos.push(r);
    // The tree has `venv` as a link to nowhere; the repository's own `venv` and `.venv` are folders.
    symlinkSync('/nonexistent/guardian-venv', join(r.root, 'venv'));
    r.git('add', '-f', 'venv');
    r.git('commit', '-q', '-m', 'a broken link');
    rmSync(join(r.root, 'venv'));
    mkdirSync(join(r.root, 'venv'));
    mkdirSync(join(r.root, '.venv'));
    const wt = addWorktree(r.root, r.git('rev-parse', 'HEAD'));
    try {
      expect(linkDependencies(r.root, wt.dir)).toEqual(['.venv']);
      expect(readlinkSync(join(wt.dir, 'venv'))).toBe('/nonexistent/guardian-venv');
      expect(lstatSync(join(wt.dir, '.venv')).isSymbolicLink()).toBe(true);
    } finally {
      wt.remove();
    }
  });
});
