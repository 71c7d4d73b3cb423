import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RepoTree } from '../../src/stations/bundler/tree.js';
import { gitIn, makeRepo, type TempRepo } from '../support/repo.js';

let repo: TempRepo;

beforeAll(() => {
  repo = makeRepo(undefined, {
    files: {
      'src/ok.py': 'def ok():\n    return 1\n',
      'src/app.min.js': 'var a=1;\n',
      'src/long_line.js': `const x = "${'a'.repeat(5000)}";\n`,
      'src/big.py': '# filler\n'.repeat(70_000),
      '.env': 'TOKEN=abc\n',
      'certs/server.key': 'not really a key\n',
    },
  });
  writeFileSync(join(repo.root, 'src/latin1.py'), Buffer.from([0x23, 0x20, 0xe9, 0xe8, 0x0a]));
  writeFileSync(join(repo.root, 'src/logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  symlinkSync('/etc/passwd', join(repo.root, 'src/outside.py'));
  writeFileSync(join(repo.root, 'src/gone.py'), 'print("this object will be lost")\n');
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'awkward files');
  // Lose one blob from the object store: reading it must fail cleanly.
  const oid = repo.git('rev-parse', 'HEAD:src/gone.py');
  rmSync(join(repo.root, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
});

afterAll(() => repo.cleanup());

describe('RepoTree', () => {
  const tree = () => new RepoTree(repo.root, gitIn(repo.root, ['rev-parse', 'HEAD']));

  it('reads text files at the base commit with 1-based lines', () => {
    const r = tree().read('src/ok.py');
    expect(r.ok && r.file.lines).toEqual(['def ok():', '    return 1']);
  });

  it.each([
    ['src/app.min.js', /minified or generated/],
    ['src/long_line.js', /minified or generated \(a line of \d+ characters\)/],
    ['src/big.py', /too large/],
    ['src/latin1.py', /not valid UTF-8/],
    ['src/logo.png', /binary file/],
    ['src/outside.py', /symbolic link \(not followed\)/],
    ['.env', /environment file.*never included/],
    ['certs/server.key', /never included/],
    ['src/gone.py', /unreadable/],
    ['src/missing.py', /not in the base commit/],
  ])('%s is skipped with a reason', (path, reason) => {
    const r = tree().read(path);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('lists regular files only (no symbolic links)', () => {
    const files = tree().files();
    expect(files).toContain('src/ok.py');
    expect(files).not.toContain('src/outside.py');
  });
});
