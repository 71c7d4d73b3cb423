/**
 * A changes.patch is untrusted: applied exactly, or refused with one message naming the patch and what
 * is wrong with it — and never half applied (the user's index and working tree are not touched).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBlobs } from '../../src/git/git.js';
import { applyPatchToTree, checkPatchText, treeOf } from '../../src/git/patch.js';
import { PROJECT_ROOT, makeRepo, type TempRepo } from '../support/repo.js';

let r: TempRepo;
let base: string;
beforeAll(() => {
  r = makeRepo(undefined, {
    files: { 'a.txt': 'one\ntwo\n', 'd/f.txt': 'x\n', 'bin.dat': '\0\x01\x02old\n' },
  });
  r.git('config', 'core.symlinks', 'true');
  base = r.git('rev-parse', 'HEAD');
});
afterAll(() => r.cleanup());

const newFile = (path: string, line: string, quoted = false) => {
  const p = (side: string) => (quoted ? `"${side}/${path}"` : `${side}/${path}`);
  return `diff --git ${p('a')} ${p('b')}\nnew file mode 100644\n--- /dev/null\n+++ ${p('b')}\n@@ -0,0 +1 @@\n+${line}\n`;
};

/** The error applyPatchToTree throws, after checking nothing was left in the repository. */
function refusal(patch: string | Buffer): string {
  let message = '';
  try {
    applyPatchToTree(r.root, base, Buffer.isBuffer(patch) ? patch : Buffer.from(patch));
  } catch (e) {
    message = (e as Error).message;
  }
  expect(r.git('status', '--porcelain', '--untracked-files=all')).toBe('');
  expect(r.git('rev-parse', 'HEAD')).toBe(base);
  return message;
}

function fileAt(tree: string, path: string): Buffer | undefined {
  return readBlobs(r.root, [`${tree}:${path}`])[0];
}

describe('a patch that reaches outside the repository is refused, naming the path', () => {
  it.each([
    ['a file inside .git', '.git/hooks/pre-commit'],
    ['a nested .git folder', 'd/.git/config'],
    ['a path with ..', '../outside.txt'],
    ['a name that is .git on another file system', 'GIT~1/config'],
  ])('%s', (_what, path) => {
    const message = refusal(newFile(path, 'evil'));
    expect(message).toBe(
      `changes.patch is refused: it names the path '${path}', which git does not allow in a repository (absolute, with '..', inside .git, or a name git reserves)`,
    );
  });

  it('an absolute path', () => {
    expect(refusal(newFile('/tmp/outside.txt', 'evil'))).toMatch(
      /^changes\.patch is refused: it names the path '\/tmp\/outside\.txt'/,
    );
  });

  it('a rename whose target leaves the repository', () => {
    const patch =
      'diff --git a/a.txt b/../a.txt\nsimilarity index 100%\nrename from a.txt\nrename to ../a.txt\n';
    expect(refusal(patch)).toMatch(/^changes\.patch is refused: it names the path '\.\.\/a\.txt'/);
  });

  it('a symbolic link it adds, then a file written through it', () => {
    const patch =
      'diff --git a/ln b/ln\nnew file mode 120000\n--- /dev/null\n+++ b/ln\n@@ -0,0 +1 @@\n+/tmp\n\\ No newline at end of file\n' +
      newFile('ln/planted.txt', 'evil');
    expect(refusal(patch)).toBe(
      "changes.patch is refused: it writes to 'ln/planted.txt' through a symbolic link",
    );
  });
});

describe('a patch that is not one is named as such', () => {
  it('prose instead of a diff', () => {
    const message = refusal('I changed a.txt to say three.\n');
    expect(message).toBe('changes.patch is not a valid patch: it holds no `diff --git` change git can read');
    expect(message).not.toContain('--allow-empty');
  });

  it('binary data that does not decode', () => {
    const patch =
      'diff --git a/n.bin b/n.bin\nnew file mode 100644\nindex 0000000000000000000000000000000000000000..1111111111111111111111111111111111111111\n' +
      'GIT binary patch\nliteral 5\nM~~~~~~~~~~~~~\n\nliteral 0\nHcmV?d00001\n\n';
    expect(refusal(patch)).toBe('changes.patch is not a valid patch: corrupt binary data at line 6');
  });
});

describe('a hunk that claims more lines than it has', () => {
  it('is a corrupt patch, named with its line', () => {
    const patch = newFile('n.txt', 'hi').replace('@@ -0,0 +1 @@', '@@ -0,0 +1,999999999 @@');
    expect(refusal(patch)).toBe('changes.patch is not a valid patch: corrupt at line 7');
  });
});

describe('a patch made for another base', () => {
  it('with CRLF line endings says so', () => {
    const patch =
      'diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n one\n-two\n+three\n';
    expect(refusal(patch.replace(/\n/g, '\r\n'))).toMatch(
      /^changes\.patch does not apply onto the base commit [0-9a-f]{12}: first failing hunk in a\.txt \(at line 1\); changes\.patch has CRLF \(Windows\) line endings/,
    );
    // With LF endings and other context, no word of line endings.
    expect(refusal(patch.replace(' one', ' uno'))).toMatch(/first failing hunk in a\.txt \(at line 1\)$/);
  });

  it('a binary change made from other bytes names the file', () => {
    const other = makeRepo(undefined, { files: { 'bin.dat': '\0other bytes\n' } });
    try {
      writeFileSync(join(other.root, 'bin.dat'), Buffer.from([0, 9, 9, 9]));
      const patch = execFileSync('git', ['diff', '--binary', '--full-index'], { cwd: other.root });
      expect(refusal(patch)).toMatch(
        /^changes\.patch does not apply onto the base commit [0-9a-f]{12}: first failing hunk in bin\.dat \(the binary file at the base is not the one the patch was made from\)$/,
      );
    } finally {
      other.cleanup();
    }
  });

  it('a path that would be both a file and a folder', () => {
    expect(refusal(newFile('a.txt/child.txt', 'x'))).toMatch(
      /: 'a\.txt\/child\.txt' would be both a file and a folder$/,
    );
    // Refused as a whole: the file before the failing one is not applied either.
    expect(refusal(newFile('first.txt', 'x') + newFile('d', 'x'))).toMatch(
      /'d' would be both a file and a folder$/,
    );
  });
});

describe('what a valid patch asks for is applied exactly', () => {
  it('unusual names, CRLF content and binary data', () => {
    const names = ['-rf', 'q"t.txt', 'tést.txt', 'line\nbreak.txt'];
    const quoted: Record<string, string> = {
      'q"t.txt': 'q\\"t.txt',
      'tést.txt': 't\\303\\251st.txt',
      'line\nbreak.txt': 'line\\nbreak.txt',
    };
    let patch = '';
    for (const n of names)
      patch += quoted[n] ? newFile(quoted[n]!, n.length.toString(), true) : newFile(n, 'dash');
    patch +=
      'diff --git a/crlf.txt b/crlf.txt\r\nnew file mode 100644\r\n--- /dev/null\r\n+++ b/crlf.txt\r\n@@ -0,0 +1 @@\r\n+hi\r\n';
    const tree = applyPatchToTree(r.root, base, Buffer.from(patch));
    expect(fileAt(tree, '-rf')?.toString()).toBe('dash\n');
    expect(fileAt(tree, 'q"t.txt')?.toString()).toBe('7\n');
    expect(fileAt(tree, 'tést.txt')?.toString()).toBe('8\n');
    expect(fileAt(tree, 'crlf.txt')?.toString()).toBe('hi\r\n');
    expect(r.git('ls-tree', '-r', '-z', '--name-only', tree).split('\0')).toContain('line\nbreak.txt');
    expect(r.git('status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  it('a binary change made with --binary', () => {
    const bytes = Buffer.from([0, 1, 2, 3, 255, 254, 10, 0, 7]);
    writeFileSync(join(r.root, 'bin.dat'), bytes);
    const patch = execFileSync('git', ['diff', '--binary', '--full-index', 'bin.dat'], { cwd: r.root });
    r.git('checkout', '--', 'bin.dat');
    const tree = applyPatchToTree(r.root, base, patch);
    expect(fileAt(tree, 'bin.dat')).toEqual(bytes);
    expect(treeOf(r.root, base)).not.toBe(tree);
  });
});

describe('a "Binary files … differ" line', () => {
  it('names the file', () => {
    expect(() =>
      checkPatchText(
        Buffer.from('diff --git a/x.png b/x.png\nBinary files a/x.png and b/x.png differ\n'),
        'changes.patch',
      ),
    ).toThrow('changes.patch: the binary change to x.png has no data');
    expect(() =>
      checkPatchText(Buffer.from('Binary files a/gone.png and /dev/null differ\n'), 'changes.patch'),
    ).toThrow('the binary change to gone.png has no data');
  });

  it('is found after a long line that only starts like one (the check finishes)', () => {
    // A line of a megabyte of " and " that does not end in " differ": a regular expression that tries
    // each " and " as the separator, and each end for the name, takes many minutes over it. Run in a
    // process of its own so that a hang is stopped.
    const dir = mkdtempSync(join(tmpdir(), 'guardian-binline-'));
    try {
      const script = join(dir, 'check.mjs');
      writeFileSync(
        script,
        [
          "import { register } from 'node:module';",
          `register(${JSON.stringify(join(PROJECT_ROOT, 'test/unit/ts-loader-hooks.mjs'))}, import.meta.url);`,
          `const { checkPatchText } = await import(${JSON.stringify(join(PROJECT_ROOT, 'src/git/patch.ts'))});`,
          "const lines = ['Binary files ' + 'x and '.repeat(200000) + 'y', 'Binary files a/p.png and b/p.png differ'];",
          "try { checkPatchText(Buffer.from(lines.join('\\n') + '\\n'), 'changes.patch'); console.log('passed'); }",
          'catch (e) { console.log(e.message.slice(0, 60)); }',
        ].join('\n'),
      );
      const run = spawnSync(process.execPath, [script], {
        encoding: 'utf8',
        timeout: 30_000,
        killSignal: 'SIGKILL',
      });
      expect(run.signal).toBeNull();
      expect(run.stdout.trim()).toBe('changes.patch: the binary change to p.png has no data ("Bina');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
