/**
 * Files of a repository that are not what they seem: a tracked folder replaced by a link, a file
 * replaced between the index and the symbol pass, UTF-16 text, link loops, input that sends tree-sitter's
 * error recovery into a node with a child per token. Each ends in a note naming the file, never in
 * content from outside the repository, a hang or a crash.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChunkStore } from '../../src/search/chunks.js';
import { indexRepository, searchRepository } from '../../src/search/index.js';
import { makeRepo } from '../support/repo.js';

describe('files that are not what git says they are', () => {
  it('a tracked folder replaced by a link to another folder is not read through', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'guardian-outside-'));
    writeFileSync(join(outside, 'x.py'), 'def leaked_outside_secret():\n    pass\n');
    const repo = makeRepo(undefined, {
      files: { 'app/main.py': 'def main():\n    pass\n', 'sub/x.py': 'def inside():\n    pass\n' },
    });
    try {
      rmSync(join(repo.root, 'sub'), { recursive: true });
      symlinkSync(outside, join(repo.root, 'sub'));
      const res = await searchRepository({ root: repo.root, query: 'leaked outside secret' });
      expect(res.files.map((f) => f.path)).not.toContain('sub/x.py');
      expect(JSON.stringify(res)).not.toContain('leaked_outside_secret');
      expect(res.notes.join('\n')).toMatch(/folder sub is a symbolic link \(not followed\)\): sub\/x\.py/);
    } finally {
      repo.cleanup();
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a file replaced after it was indexed is not followed to another file, nor waited on as a FIFO', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'guardian-outside-'));
    writeFileSync(join(outside, 'secret.py'), 'def leaked_outside_secret():\n    pass\n');
    const repo = makeRepo(undefined, {
      files: {
        'app/linked.py': 'def handle_linked():\n    pass\n',
        'app/piped.py': 'def handle_piped():\n    pass\n',
      },
    });
    try {
      const index = await indexRepository({ root: repo.root });
      expect([...index.files.keys()].sort()).toEqual(['app/linked.py', 'app/piped.py']);
      rmSync(join(repo.root, 'app/linked.py'));
      symlinkSync(join(outside, 'secret.py'), join(repo.root, 'app/linked.py'));
      rmSync(join(repo.root, 'app/piped.py'));
      const fifo = join(repo.root, 'app/piped.py');
      execFileSync('mkfifo', [fifo]);
      // Should the FIFO be opened for reading, a writer comes after a while and leaves without writing,
      // so that the read ends rather than hanging the test.
      const writer = spawn('sh', ['-c', `sleep 2; exec 3>'${fifo}'`], { stdio: 'ignore' });
      const store = new ChunkStore(index, join(repo.root, '.guardian', 'index'));
      const linked = await store.chunksOf('app/linked.py');
      const piped = await store.chunksOf('app/piped.py');
      writer.kill();
      expect(JSON.stringify(linked)).not.toContain('leaked');
      expect(linked).toEqual([]);
      expect(piped).toEqual([]);
      const notes = store.notes.join('\n');
      expect(notes).toContain(
        'could not read app/linked.py for its symbols: symlink pointing outside the repository (not followed)',
      );
      expect(notes).toContain('could not read app/piped.py for its symbols: not a regular file');
    } finally {
      repo.cleanup();
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a file changed after it was indexed does not get its chunks cached under the old content', async () => {
    const repo = makeRepo(undefined, { files: { 'app/a.py': 'def first_version():\n    pass\n' } });
    try {
      const index = await indexRepository({ root: repo.root });
      writeFileSync(join(repo.root, 'app/a.py'), 'def second_version():\n    pass\n');
      const store = new ChunkStore(index, join(repo.root, '.guardian', 'index'));
      expect(await store.chunksOf('app/a.py')).toEqual([]);
      expect(store.notes.join('\n')).toContain(
        'could not read app/a.py for its symbols: changed since it was indexed',
      );
    } finally {
      repo.cleanup();
    }
  });

  it('names submodules, nested repositories, sparse checkouts and deleted files for what they are', async () => {
    const inner = makeRepo(undefined, { files: { 'inner.py': 'def inner_function():\n    pass\n' } });
    const repo = makeRepo(undefined, {
      files: { 'app/main.py': 'def main():\n    pass\n', 'far/away.py': 'def away():\n    pass\n' },
    });
    try {
      repo.write('app/gone.py', 'def gone():\n    pass\n');
      repo.git('add', '-A');
      repo.git('commit', '-q', '-m', 'gone');
      repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', inner.root, 'lib/inner');
      repo.git('commit', '-q', '-m', 'submodule');
      repo.git('sparse-checkout', 'set', 'app', 'lib');
      execFileSync('git', ['init', '-q', join(repo.root, 'app', 'nested')]);
      writeFileSync(join(repo.root, 'app', 'nested', 'n.py'), 'def nested():\n    pass\n');
      rmSync(join(repo.root, 'app/gone.py'));
      const res = await searchRepository({ root: repo.root, query: 'main inner away nested gone' });
      const got = res.files.map((f) => f.path);
      expect(got).toContain('app/main.py');
      for (const p of ['lib/inner', 'app/nested/', 'far/away.py', 'app/gone.py'])
        expect(got).not.toContain(p);
      const notes = res.notes.join('\n');
      expect(notes).toContain('skipped 1 file (a submodule (not indexed)): lib/inner');
      expect(notes).toContain('skipped 1 file (a nested git repository (not indexed)): app/nested/');
      expect(notes).toContain('skipped 1 file (not checked out (sparse checkout)): far/away.py');
      expect(notes).toContain(
        'skipped 1 file (cannot stat: ENOENT (not in the work tree: deleted?)): app/gone.py',
      );
    } finally {
      repo.cleanup();
      inner.cleanup();
    }
  });

  it('names UTF-16 text and link loops for what they are', async () => {
    const repo = makeRepo(undefined, { files: { 'app/main.py': 'def main():\n    pass\n' } });
    try {
      writeFileSync(join(repo.root, 'app/wide.py'), Buffer.from('\ufeffdef wide():\n    pass\n', 'utf16le'));
      symlinkSync('loop_b.py', join(repo.root, 'app/loop_a.py'));
      symlinkSync('loop_a.py', join(repo.root, 'app/loop_b.py'));
      const res = await searchRepository({ root: repo.root, query: 'wide main' });
      const notes = res.notes.join('\n');
      expect(notes).toMatch(/skipped 1 file \(UTF-16 text \(only UTF-8 is read\)\): app\/wide\.py/);
      expect(notes).toMatch(/skipped 2 files \(symlink loop\): app\/loop_a\.py, app\/loop_b\.py/);
    } finally {
      repo.cleanup();
    }
  });

  it('symbols of a file of unbalanced braces come from the definition scan, not a query over its error node', async () => {
    const repo = makeRepo(undefined, {
      files: { 'src/braces.ts': `export function quokkaBraces() {}\n${'{\n'.repeat(40_000)}` },
    });
    try {
      const res = await searchRepository({ root: repo.root, query: 'quokka braces' });
      expect(res.files.map((f) => f.path)).toEqual(['src/braces.ts']);
      expect(res.files[0]!.symbols[0]).toMatchObject({
        name: 'quokkaBraces',
        kind: 'definition',
        startLine: 1,
      });
    } finally {
      repo.cleanup();
    }
  }, 20_000);
});
