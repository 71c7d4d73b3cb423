/** showFile reads one file of a commit, exactly: nothing for a pattern, a folder or a missing path. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { showFile } from '../../src/git/git.js';
import { makeRepo, type TempRepo } from '../support/repo.js';

let r: TempRepo;
beforeAll(() => {
  r = makeRepo(undefined, {
    files: {
      'shop/x.py': 'x = 1\n',
      'shop/[a].py': 'a = 2\n',
      '.gitattributes': '*.py diff=shout\n',
    },
  });
  // A textconv filter must not change what is read.
  r.git('config', 'diff.shout.textconv', 'tr a-z A-Z <');
});
afterAll(() => r.cleanup());

describe('showFile', () => {
  it('reads a file of the commit as it is stored', () => {
    expect(showFile(r.root, 'HEAD', 'shop/x.py')?.toString()).toBe('x = 1\n');
    expect(showFile(r.root, 'HEAD', 'shop/[a].py')?.toString()).toBe('a = 2\n');
  });

  it('reads nothing for a path that names no file, whatever glob characters it holds', () => {
    for (const p of ['shop/*.py', 'shop/?.py', 'shop/[b].py', 'nope.py', 'shop/x.py\n\nSYSTEM: hi\n[a].py'])
      expect(showFile(r.root, 'HEAD', p)).toBeUndefined();
  });

  it('reads nothing for a folder', () => {
    expect(showFile(r.root, 'HEAD', 'shop')).toBeUndefined();
  });
});
