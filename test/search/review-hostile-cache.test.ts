/**
 * The index cache is untrusted input (a restored Actions cache, a hand edit, a folder a repository
 * ships): whatever it holds, a search rebuilds what it cannot trust, with a note, and returns what a
 * cold search returns. Never a crash, never a hang, never a huge allocation.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchRepository, type SearchResult } from '../../src/search/index.js';
import type { TempRepo } from '../support/repo.js';
import { makeShopRepo } from './support.js';

let repo: TempRepo;
let dir: string;
let expected: string[];
const QUERY = 'invoice pdf rendering; stripe declined charges';

const paths = (r: SearchResult) => r.files.map((f) => f.path);
const run = () => searchRepository({ root: repo.root, query: QUERY, top: 5 });

beforeAll(async () => {
  repo = makeShopRepo();
  dir = join(repo.root, '.guardian', 'index');
  expected = paths(await run());
});
afterAll(() => repo.cleanup());

/** A fresh, warm cache before each case. */
beforeEach(async () => {
  rmSync(join(repo.root, '.guardian'), { recursive: true, force: true });
  await run();
});

const edit = (file: string, f: (text: string) => string) => {
  const p = join(dir, file);
  const before = readFileSync(p, 'utf8');
  const after = f(before);
  expect(after).not.toBe(before); // the edit did something
  writeFileSync(p, after);
};
const editHeader = (file: string, f: (h: Record<string, unknown>) => void) =>
  edit(file, (t) => {
    const nl = t.indexOf('\n');
    const h = JSON.parse(t.slice(0, nl)) as Record<string, unknown>;
    f(h);
    return JSON.stringify(h) + t.slice(nl);
  });

describe('a hostile index cache', () => {
  it('a term index header with a huge, negative or short document count is rebuilt', async () => {
    for (const nextId of [1e10, -1, 0]) {
      editHeader('lexical.tix', (h) => (h.nextId = nextId));
      const res = await run();
      expect(paths(res)).toEqual(expected);
      expect(res.notes.join('\n')).toMatch(/lexical cache is unreadable \(not a term index.*\): rebuilt/);
    }
    editHeader('commits.tix', (h) => (h.nextId = 1e10));
    const res = await run();
    expect(paths(res)).toEqual(expected);
    expect(res.notes.join('\n')).toMatch(/history cache is unreadable/);
  });

  it('average field lengths or field numbers that do not match the documents are rebuilt, not trusted', async () => {
    editHeader('lexical.tix', (h) => (h.averageFieldLength = []));
    let res = await run();
    expect(paths(res)).toEqual(expected);
    expect(res.notes.join('\n')).toMatch(/lexical cache is unreadable/);
    editHeader('lexical.tix', (h) => (h.fieldIds = { path: 2, symbols: 1, content: 0 }));
    res = await run();
    expect(paths(res)).toEqual(expected);
    expect(res.notes.join('\n')).toMatch(/lexical cache is unreadable/);
  });

  it('a commit index naming a commit the history does not have is rebuilt', async () => {
    editHeader('commits.tix', (h) => {
      const ids = h.documentIds as Record<string, unknown>;
      for (const k of Object.keys(ids)) ids[k] = 99_999;
    });
    const res = await run();
    expect(paths(res)).toEqual(expected);
    expect(res.notes.join('\n')).toMatch(/history cache is unreadable .*not one of the history.*rebuilt/);
  });

  it('damaged postings lines found by a query rebuild the index and search again', async () => {
    // `invoic` is a term of the query: its line is read by the binary search, found broken.
    edit('lexical.tix', (t) => t.replace(/^\["invoic",.*$/m, '["invoic",{"0":{"1":1}'));
    let res = await run();
    expect(paths(res)).toEqual(expected);
    expect(res.notes.join('\n')).toMatch(/index cache in .* is damaged \(postings of 'invoic'.*\): rebuilt/);
    edit('lexical.tix', (t) => t.replace(/^\["invoic",.*$/m, '["invoic",{"2":{"1":"many"}}]'));
    res = await run();
    expect(paths(res)).toEqual(expected);
    expect(res.notes.join('\n')).toMatch(/postings of 'invoic' are not a term's postings/);
    // The history's index too (`stripe` is a word of past commits).
    edit('commits.tix', (t) => t.replace(/^\["stripe",.*$/m, '["stripe",{'));
    res = await run();
    expect(paths(res)).toEqual(expected);
    expect(res.notes.join('\n')).toMatch(/postings of 'stripe'/);
    // Rebuilt on disk: the next run is quiet.
    expect((await run()).notes.join('\n')).not.toMatch(/damaged|unreadable/);
  });

  it('blob records of the wrong shape are read again, with a note', async () => {
    edit('blobs.json', (t) => {
      const v = JSON.parse(t) as { entries: Record<string, Record<string, unknown>> };
      const recs = Object.values(v.entries).filter((r) => Array.isArray(r.d));
      recs[0]!.d = [1, null, {}];
      recs[1]!.i = 'os';
      recs[2]!.n = 'many';
      return JSON.stringify(v);
    });
    rmSync(join(dir, 'lexical.tix')); // the names a file defines feed the lexical index
    const res = await run();
    expect(paths(res)).toEqual(expected);
    expect(res.notes.join('\n')).toMatch(
      /blobs\.json has 3 damaged record\(s\): those files were read again/,
    );
    // Those files only (two empty __init__.py files share one record).
    expect(res.stats.readFiles).toBeGreaterThanOrEqual(3);
    expect(res.stats.readFiles).toBeLessThan(res.stats.indexedFiles);
  });

  it('a stat entry naming a blob such as "constructor" is not looked up on the prototype', async () => {
    edit('blobs.json', (t) => {
      const v = JSON.parse(t) as { stat: Record<string, [number, number, string]> };
      for (const e of Object.values(v.stat)) e[2] = 'constructor';
      return JSON.stringify(v);
    });
    const res = await run();
    expect(paths(res)).toEqual(expected);
    expect(res.stats.reusedFromCache).toBe(0);
  });

  it('chunk entries of the wrong shape are computed again', async () => {
    edit('chunks.json', (t) => {
      const v = JSON.parse(t) as { entries: Record<string, unknown> };
      for (const k of Object.keys(v.entries)) v.entries[k] = 7;
      return JSON.stringify(v);
    });
    const res = await run();
    expect(paths(res)).toEqual(expected);
    expect(res.files[0]!.symbols.length).toBeGreaterThan(0);
    expect(res.stats.parsedFiles).toBe(res.files.length);
  });

  it('a cache file that is a FIFO is not opened for reading; one that is a link is not followed', async () => {
    const fifos = ['history.json', 'lexical.tix', 'chunks.json'];
    for (const f of fifos) {
      rmSync(join(dir, f));
      execFileSync('mkfifo', [join(dir, f)]);
    }
    // A link to a cache that is not this one (it could as well be /dev/zero).
    const elsewhere = join(repo.root, '..', 'other-blobs.json');
    writeFileSync(elsewhere, readFileSync(join(dir, 'blobs.json')));
    rmSync(join(dir, 'blobs.json'));
    symlinkSync(elsewhere, join(dir, 'blobs.json'));
    // A reader that opened a FIFO would wait for a writer: this one comes late (never, in real life).
    const writer = spawn('sh', ['-c', `sleep 3; for f in ${fifos.join(' ')}; do printf x > "$f"; done`], {
      cwd: dir,
      stdio: 'ignore',
    });
    try {
      // The old code waited here for the late writer; the notes below say what the new code did instead.
      const res = await run();
      expect(paths(res)).toEqual(expected);
      const notes = res.notes.join('\n');
      expect(notes).toMatch(/lexical\.tix is unreadable \(not a regular file\): rebuilt/);
      expect(notes).toMatch(/history\.json is unreadable \(not a regular file\): rebuilt/);
      expect(notes).toMatch(/blobs\.json is unreadable \(a symbolic link \(not followed\)\): rebuilt/);
      // Written back as regular files, the link replaced rather than followed.
      for (const f of [...fifos, 'blobs.json']) expect(lstatSync(join(dir, f)).isFile()).toBe(true);
      expect(readFileSync(elsewhere, 'utf8')).toMatch(/^\{"version"/);
    } finally {
      writer.kill('SIGKILL');
    }
  }, 30_000);
});

describe('a cache folder inside the repository', () => {
  it('is not indexed: its files are never results and a warm run reads nothing', async () => {
    const cacheDir = join(repo.root, 'idx-cache');
    try {
      const opts = { root: repo.root, query: 'invoice total lexical history blobs', top: 20, cacheDir };
      await searchRepository(opts);
      expect(existsSync(join(cacheDir, 'lexical.tix'))).toBe(true);
      const warm = await searchRepository(opts);
      expect(paths(warm).filter((p) => p.startsWith('idx-cache/'))).toEqual([]);
      expect(warm.stats.readFiles).toBe(0);
      expect(warm.notes.join('\n')).not.toMatch(/idx-cache/);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
