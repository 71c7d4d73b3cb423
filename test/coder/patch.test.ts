import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffWorkingTree } from '../../src/stations/coder/patch.js';
import { PROJECT_ROOT, makeRepo, type TempRepo } from '../support/repo.js';

describe('diffWorkingTree', () => {
  let repo: TempRepo;
  let base: string;
  beforeAll(() => {
    repo = makeRepo(undefined, {
      files: { 'a.txt': 'one\n', 'gone.txt': 'bye\n', '.gitignore': '.guardian/\n' },
    });
    base = repo.git('rev-parse', 'HEAD');
    writeFileSync(join(repo.root, 'a.txt'), 'one\ntwo\n');
    rmSync(join(repo.root, 'gone.txt'));
    writeFileSync(join(repo.root, 'new.txt'), 'new\n');
    writeFileSync(join(repo.root, 'img.bin'), Buffer.from([0, 1, 2, 255, 254, 0, 10]));
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(repo.root, 'node_modules'));
    symlinkSync('a.txt', join(repo.root, 'inside-link'));
    mkdirSync(join(repo.root, '.guardian', 'bundles'), { recursive: true });
    writeFileSync(join(repo.root, '.guardian', 'bundles', 'x'), 'bundle');
    repo.git('add', 'a.txt'); // the user's own staging must stay as it is
  });
  afterAll(() => repo.cleanup());

  it('includes new, changed, deleted and binary files; leaves out the bundle and links to outside', () => {
    const { patch, files, excluded } = diffWorkingTree(repo.root, base);
    expect(files.sort()).toEqual(['a.txt', 'gone.txt', 'img.bin', 'inside-link', 'new.txt']);
    expect(excluded).toEqual(['node_modules']);
    const text = patch.toString('utf8');
    expect(text).toContain('GIT binary patch');
    expect(text).toContain('new file mode 120000');
    expect(text).not.toContain('.guardian');
  });

  it('applies to a clean checkout of the base and leaves the user index untouched', () => {
    expect(repo.git('diff', '--cached', '--name-only')).toBe('a.txt');
    const { patch } = diffWorkingTree(repo.root, base);
    const clone = makeRepo(undefined, {
      files: { 'a.txt': 'one\n', 'gone.txt': 'bye\n', '.gitignore': '.guardian/\n' },
    });
    try {
      writeFileSync(join(clone.root, '..', 'p.patch'), patch);
      clone.git('apply', '--binary', join(clone.root, '..', 'p.patch'));
      expect(
        clone
          .git('status', '--porcelain')
          .split('\n')
          .map((l) => l.trim())
          .sort(),
      ).toEqual(['?? img.bin', '?? inside-link', '?? new.txt', 'D gone.txt', 'M a.txt']);
    } finally {
      clone.cleanup();
    }
  });
});
