import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { searchRepository } from '../../src/search/index.js';
import { runCli } from '../support/cli.js';
import type { TempRepo } from '../support/repo.js';
import { makeShopRepo } from './support.js';

let repo: TempRepo;
beforeAll(() => {
  repo = makeShopRepo();
});
afterAll(() => repo.cleanup());

describe('guardian search', () => {
  it('prints ranked files with scores, symbols and reasons', async () => {
    const r = await runCli(['search', '--root', repo.root, '--query', 'invoice pdf rendering', '--top', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ 1\. src\/shop\/invoice\.py {2}\d+\.\d{3}\n/);
    expect(r.stdout).toContain('method InvoiceRenderer.render_pdf  L10-12');
    expect(r.stdout).toContain('why: ');
    expect(r.stdout).toMatch(/files indexed \(\d+ from cache, \d+ read\)/);
  });

  it('writes one stable JSON document', async () => {
    const qf = join(repo.root, '..', 'task.txt');
    writeFileSync(qf, 'Stripe retries\n\nDeclined charges should retry.\n');
    const r = await runCli([
      'search',
      '--root',
      repo.root,
      '--query-file',
      qf,
      '--json',
      '--top',
      '2',
      '--test',
      'tests/test_cart.py',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'root', 'query', 'top', 'files', 'stats', 'notes']);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.files).toHaveLength(2);
    expect(Object.keys(doc.files[0])).toEqual([
      'rank',
      'path',
      'score',
      'isTest',
      'kind',
      'language',
      'reasons',
      'symbols',
    ]);
    // The relevant test's import and the history's answer share the head.
    expect(doc.files.map((f: { path: string }) => f.path).sort()).toEqual([
      'src/shop/cart.py',
      'src/shop/payments.py',
    ]);
    expect(doc.files[0]).toMatchObject({ rank: 1, isTest: false, kind: 'source', language: 'python' });
    expect(Object.keys(doc.files[0].symbols[0])).toEqual(['name', 'kind', 'startLine', 'endLine', 'score']);
    expect(Object.keys(doc.stats)).toEqual(
      expect.arrayContaining([
        'indexedFiles',
        'reusedFromCache',
        'readFiles',
        'parsedFiles',
        'skippedFiles',
        'historyCommits',
        'tookMs',
      ]),
    );
  });

  it('rejects bad usage with exit code 2', async () => {
    expect((await runCli(['search', '--root', repo.root])).code).toBe(2);
    expect((await runCli(['search', '--root', repo.root, '--query', 'a', '--query-file', 'b'])).code).toBe(2);
    const missing = await runCli([
      'search',
      '--root',
      repo.root,
      '--query-file',
      join(repo.root, 'nope.txt'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.txt: cannot read the task text (no such file)');
    const dir = await runCli(['search', '--root', repo.root, '--query-file', repo.root]);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toContain('(is a directory, expected a text file)');
    // A task text is read like a blueprint: bounded (a device never ends), text, UTF-8.
    const zero = await runCli(['search', '--root', repo.root, '--query-file', '/dev/zero']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(
      /^guardian: --query-file \/dev\/zero: larger than 1 MiB; expected the text of a task\n$/,
    );
    const scratch = mkdtempSync(join(tmpdir(), 'guardian-query-'));
    try {
      writeFileSync(join(scratch, 'big.txt'), 'word '.repeat(300_000));
      writeFileSync(join(scratch, 'bin.dat'), Buffer.from([0x61, 0x62, 0x00, 0x63]));
      writeFileSync(join(scratch, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
      writeFileSync(join(scratch, 'ok.txt'), 'complete a todo\n');
      const big = await runCli(['search', '--root', repo.root, '--query-file', join(scratch, 'big.txt')]);
      expect([big.code, big.stderr]).toEqual([2, expect.stringContaining('big.txt: larger than 1 MiB')]);
      const bin = await runCli(['search', '--root', repo.root, '--query-file', join(scratch, 'bin.dat')]);
      expect([bin.code, bin.stderr]).toEqual([
        2,
        expect.stringContaining('bin.dat: binary content (a NUL byte at offset 2); expected UTF-8 text'),
      ]);
      const latin = await runCli([
        'search',
        '--root',
        repo.root,
        '--query-file',
        join(scratch, 'latin1.txt'),
      ]);
      expect([latin.code, latin.stderr]).toEqual([2, expect.stringContaining('latin1.txt: not valid UTF-8')]);
      const ok = await runCli([
        'search',
        '--root',
        repo.root,
        '--query-file',
        join(scratch, 'ok.txt'),
        '--json',
      ]);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout).query).toBe('complete a todo\n');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    expect((await runCli(['search', '--root', join(repo.root, 'nope'), '--query', 'x'])).code).toBe(2);
    expect((await runCli(['search', '--root', repo.root, '--query', 'x', '--top', 'many'])).code).toBe(2);
    const half = await runCli([
      'search',
      '--root',
      repo.root,
      '--query',
      'x',
      '--embeddings-url',
      'http://127.0.0.1:9/v1',
    ]);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('embeddings need both');
  });
});

describe('embeddings re-ranking', () => {
  let server: Server;
  let url: string;
  let fail = false;
  let bad = false;
  let shrunk = false;
  const requests: { model: string; input: string[] }[] = [];
  // A toy embedding: one dimension per concept; "money" lives with payments.
  const CONCEPTS = [/bill|charge|card|payment/i, /invoice|pdf/i, /cart|item/i, /slug/i];
  const embed = (text: string) =>
    CONCEPTS.map((re) => (text.match(new RegExp(re.source, 'gi')) ?? []).length + 0.01);

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (fail) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { message: 'boom' } }));
          return;
        }
        const parsed = JSON.parse(body) as { model: string; input: string[]; encoding_format?: string };
        requests.push(parsed);
        // Like many OpenAI-compatible servers, this one ignores encoding_format and always sends floats.
        // `bad` sends a vector of the wrong length for the last input.
        // `shrunk`: every vector one shorter, as if another model now answered under the same name.
        const encode = (v: number[], i: number) =>
          shrunk || (bad && i === parsed.input.length - 1) ? v.slice(1) : v;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            object: 'list',
            model: parsed.model,
            data: parsed.input.map((t, index) => ({
              object: 'embedding',
              index,
              embedding: encode(embed(t), index),
            })),
            usage: { prompt_tokens: 1, total_tokens: 1 },
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('re-orders the head by similarity and caches file vectors by content', async () => {
    // No term of the query is in payments.py; the toy model knows billing is about payments.
    const query = 'billing totals are wrong';
    const plain = await searchRepository({ root: repo.root, query, top: 5 });
    expect(plain.files.map((f) => f.path)).not.toContain('src/shop/payments.py');
    const embeddings = { baseUrl: url, model: 'toy-embed', apiKey: 'test-key' };
    const res = await searchRepository({ root: repo.root, query, top: 5, embeddings });
    expect(res.files[0]!.path).toBe('src/shop/cart.py');
    const payments = res.files.findIndex((f) => f.path === 'src/shop/payments.py');
    expect(payments).toBeGreaterThan(0);
    expect(payments).toBeLessThan(3);
    expect(res.files[payments]!.reasons.join('\n')).toMatch(/embeddings: similarity [01]\.\d{3}/);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.model).toBe('toy-embed');
    // Floats asked for by name: the client's default (base64) would turn this server's floats into noise.
    expect(requests[0]!).toMatchObject({ encoding_format: 'float' });
    expect(requests[0]!.input[0]).toBe(query);
    const embeddedFiles = requests[0]!.input.length - 1;
    expect(embeddedFiles).toBeGreaterThan(1);

    // Second run: only the query is embedded.
    await searchRepository({ root: repo.root, query, top: 5, embeddings });
    expect(requests).toHaveLength(2);
    expect(requests[1]!.input).toEqual([query]);
  });

  /** With the server misbehaving, the ranking is the plain one and a note says why. */
  const expectPlainWithNote = async (query: string, model: string, note: RegExp) => {
    const plain = await searchRepository({ root: repo.root, query, top: 5 });
    const res = await searchRepository({
      root: repo.root,
      query,
      top: 5,
      embeddings: { baseUrl: url, model },
    });
    expect(res.files.map((f) => f.path)).toEqual(plain.files.map((f) => f.path));
    expect(res.notes.join('\n')).toMatch(note);
  };

  it('vectors of the wrong shape leave the ranking as it was, with a note naming the problem', async () => {
    bad = true;
    try {
      await expectPlainWithNote(
        'cart item slug',
        'toy-embed-bad',
        /embeddings re-ranking skipped \(http:\/\/127\.0\.0\.1:\d+\/v1\): embedding \d+ has 3 dimensions, expected 4/,
      );
    } finally {
      bad = false;
    }
  });

  it('a model whose vectors no longer match the cached ones is a failure, not noise', async () => {
    const query = 'cart totals';
    const first = await searchRepository({
      root: repo.root,
      query,
      top: 5,
      embeddings: { baseUrl: url, model: 'toy-embed-swapped' },
    });
    expect(first.notes.join('\n')).not.toMatch(/embeddings re-ranking skipped/);
    shrunk = true;
    try {
      await expectPlainWithNote(query, 'toy-embed-swapped', /embedding 0 has 3 dimensions, expected 4/);
    } finally {
      shrunk = false;
    }
  });

  it('a failing endpoint leaves the ranking as it was, with a note', async () => {
    fail = true;
    try {
      await expectPlainWithNote('invoice pdf', 'toy-embed', /embeddings re-ranking skipped/);
    } finally {
      fail = false;
    }
  });
});
