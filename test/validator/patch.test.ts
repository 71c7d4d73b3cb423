/** The git plumbing behind the judged patch: building, hashing, applying, and reading changes. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyPatchToTree,
  changedFiles,
  diffTrees,
  lineChanges,
  overlayPaths,
  treeOf,
  workingTreePatch,
} from '../../src/git/patch.js';
import { addWorktree } from '../../src/git/worktree.js';
import { sha256 } from '../../src/util/fs.js';
import { makeRepo, type TempRepo } from '../support/repo.js';

const repos: TempRepo[] = [];
function repo(): TempRepo {
  const r = makeRepo(undefined, {
    files: {
      '.gitignore': '.guardian/\n*.log\n',
      'a.txt': 'one\ntwo\nthree\n',
      'tests/test_a.py': 'def test_a():\n    pass\n',
    },
  });
  repos.push(r);
  return r;
}
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

describe('workingTreePatch', () => {
  it('includes tracked changes and untracked files, not ignored files or untracked bundle files, without touching the index', () => {
    const r = repo();
    const base = r.git('rev-parse', 'HEAD');
    r.write('a.txt', 'one\nTWO\nthree\n');
    r.write('new.py', 'x = 1\n');
    r.write('debug.log', 'ignored\n');
    r.write('.guardian/bundles/T-1/manifest.json', '{}');
    const { patch, tree } = workingTreePatch(r.root, base);
    expect(changedFiles(r.root, base, tree)).toEqual([
      { status: 'M', path: 'a.txt' },
      { status: 'A', path: 'new.py' },
    ]);
    expect(patch.toString()).toContain('+TWO');
    expect(r.git('status', '--porcelain')).toBe(' M a.txt\n?? new.py'.trim());
    // Applying the patch onto the base gives the same tree.
    expect(applyPatchToTree(r.root, base, patch)).toBe(tree);
  });

  it('gives the same bytes (and hash) whatever the user’s diff configuration', () => {
    const r = repo();
    const base = r.git('rev-parse', 'HEAD');
    r.write('a.txt', 'one\n2\nthree\n');
    const first = sha256(workingTreePatch(r.root, base).patch);
    r.git('config', 'diff.noprefix', 'true');
    r.git('config', 'diff.mnemonicPrefix', 'true');
    r.git('config', 'diff.context', '10');
    expect(sha256(workingTreePatch(r.root, base).patch)).toBe(first);
  });

  it('sees a file rewritten with the same size in the same second as it was committed', () => {
    const r = repo();
    r.write('same.txt', 'aaaa\n');
    r.git('add', 'same.txt');
    r.git('commit', '-qm', 'same');
    r.write('same.txt', 'bbbb\n');
    const base = r.git('rev-parse', 'HEAD');
    expect(changedFiles(r.root, base, workingTreePatch(r.root, base).tree)).toEqual([
      { status: 'M', path: 'same.txt' },
    ]);
  });
});

describe('changes between trees', () => {
  it('detects renames and reports added lines with their numbers, including unusual file names', () => {
    const r = repo();
    const base = r.git('rev-parse', 'HEAD');
    r.git('mv', 'tests/test_a.py', 'tests/test_b.py');
    r.write('a.txt', 'one\ntwo\nthree\nfour\n');
    r.write('tëst file.py', 'import os\n');
    const { tree } = workingTreePatch(r.root, base);
    expect(changedFiles(r.root, base, tree)).toEqual([
      { status: 'M', path: 'a.txt' },
      { status: 'R', path: 'tests/test_b.py', oldPath: 'tests/test_a.py' },
      { status: 'A', path: 'tëst file.py' },
    ]);
    const { added } = lineChanges(r.root, base, tree);
    expect(added).toEqual([
      { file: 'a.txt', line: 4, text: 'four' },
      { file: 'tëst file.py', line: 1, text: 'import os' },
    ]);
  });

  it('reads every file as text: a NUL byte or a `-diff` attribute does not hide a file’s lines', () => {
    const r = repo();
    const base = r.git('rev-parse', 'HEAD');
    // Node ignores the NUL in a comment; git alone would call the file binary and show no lines.
    r.write('test/value.test.js', "// \0\ntest.skip('rejects negatives', () => {});\n");
    r.write('.gitattributes', '*.py -diff\n');
    r.write('tests/test_a.py', '@pytest.mark.skip\ndef test_b():\n    pass\n');
    const { tree } = workingTreePatch(r.root, base);
    const { added, removed } = lineChanges(r.root, base, tree);
    expect(added).toEqual(
      expect.arrayContaining([
        { file: 'test/value.test.js', line: 2, text: "test.skip('rejects negatives', () => {});" },
        { file: 'tests/test_a.py', line: 1, text: '@pytest.mark.skip' },
      ]),
    );
    expect(removed).toEqual(expect.arrayContaining([{ file: 'tests/test_a.py', text: 'def test_a():' }]));
  });

  it('overlays chosen paths of a tree onto the base (the red tree)', () => {
    const r = repo();
    const base = r.git('rev-parse', 'HEAD');
    r.write('a.txt', 'changed\n');
    r.write('tests/test_a.py', 'def test_a():\n    assert False\n');
    const { tree } = workingTreePatch(r.root, base);
    const red = overlayPaths(r.root, base, tree, ['tests/test_a.py']);
    expect(changedFiles(r.root, base, red)).toEqual([{ status: 'M', path: 'tests/test_a.py' }]);
    const wt = addWorktree(r.root, base, red);
    try {
      expect(readFileSync(join(wt.dir, 'tests/test_a.py'), 'utf8')).toContain('assert False');
      expect(readFileSync(join(wt.dir, 'a.txt'), 'utf8')).toBe('one\ntwo\nthree\n');
    } finally {
      wt.remove();
    }
    expect(r.git('worktree', 'list').split('\n')).toHaveLength(1);
    expect(diffTrees(r.root, base, treeOf(r.root, base)).length).toBe(0);
  });
});

describe('hostile file names and contents', () => {
  it('an added line reading "++ x" is content, not a new file header hiding the lines after it', () => {
    const r = repo();
    const base = r.git('rev-parse', 'HEAD');
    r.write('tests/test_a.py', 'X = """\n++ x\n"""\n\n@pytest.mark.skip\ndef test_a():\n    pass\n');
    r.write('a.txt', 'one\n-- y\nthree\n');
    const { tree } = workingTreePatch(r.root, base);
    const { added, removed } = lineChanges(r.root, base, tree);
    expect(added).toEqual([
      { file: 'a.txt', line: 2, text: '-- y' },
      { file: 'tests/test_a.py', line: 1, text: 'X = """' },
      { file: 'tests/test_a.py', line: 2, text: '++ x' },
      { file: 'tests/test_a.py', line: 3, text: '"""' },
      { file: 'tests/test_a.py', line: 4, text: '' },
      { file: 'tests/test_a.py', line: 5, text: '@pytest.mark.skip' },
    ]);
    expect(removed).toEqual([{ file: 'a.txt', text: 'two' }]);
  });

  it('a path with a line break cannot forge a second record when overlaying', () => {
    const r = repo();
    const base = r.git('rev-parse', 'HEAD');
    r.write('payload.txt', 'raise SystemExit(3)\n');
    r.git('add', 'payload.txt');
    const blob = r.git('rev-parse', ':payload.txt');
    r.git('rm', '-q', '--cached', 'payload.txt');
    r.write('payload.txt', '');
    const forged = `tests/test_b.py\n100644 ${blob}\tconftest.py`;
    r.write(forged, '');
    const { tree } = workingTreePatch(r.root, base);
    const red = overlayPaths(r.root, base, tree, [forged]);
    expect(changedFiles(r.root, base, red)).toEqual([{ status: 'A', path: forged }]);
    expect(r.git('ls-tree', '--name-only', red)).not.toMatch(/^conftest\.py$/m);
  });
});

describe('applyPatchToTree', () => {
  it('names the first failing hunk’s file', () => {
    const r = repo();
    const base = r.git('rev-parse', 'HEAD');
    const patch = Buffer.from('--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n-zero\n+ZERO\n one\n');
    expect(() => applyPatchToTree(r.root, base, patch)).toThrow(
      /changes\.patch does not apply onto the base commit [0-9a-f]{12}: first failing hunk in a\.txt \(at line 1\)/,
    );
    expect(() =>
      applyPatchToTree(
        r.root,
        base,
        Buffer.from('--- a/missing.txt\n+++ b/missing.txt\n@@ -1 +1 @@\n-a\n+b\n'),
      ),
    ).toThrow(/first failing hunk in missing\.txt \(the file does not exist at the base\)/);
  });

  it('treats an empty patch as no change', () => {
    const r = repo();
    const base = r.git('rev-parse', 'HEAD');
    expect(applyPatchToTree(r.root, base, Buffer.alloc(0))).toBe(treeOf(r.root, base));
  });
});
