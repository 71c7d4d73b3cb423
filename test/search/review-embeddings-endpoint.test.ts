/**
 * The embeddings endpoint and the vectors cached from it are untrusted input: a body without end, one
 * that trickles in forever, vectors numbered wrongly or a cache edited by hand leave the ranking as it
 * was (or as a clean cache would make it), with a note, in bounded time and memory.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexRepository, searchRepository, type RepoIndex } from '../../src/search/index.js';
import { rerankWithEmbeddings } from '../../src/search/embeddings.js';
import type { TempRepo } from '../support/repo.js';
import { makeShopRepo } from './support.js';

type Mode = 'ok' | 'padded' | 'trickle' | 'same-index' | 'silent' | 'busy-once' | 'redirect';
let headers: Record<string, string | string[] | undefined>[] = [];
let elsewhere: string[] = [];
let other: Server;
let otherUrl: string;
let mode: Mode = 'ok';
let requests: string[][] = [];
let server: Server;
let url: string;
let repo: TempRepo;
let index: RepoIndex;

/** A toy model: a few word counts, so that vectors differ by file. */
const embed = (t: string) => ['invoice', 'cart', 'payment', 'slug'].map((w) => t.split(w).length);

beforeAll(async () => {
  repo = makeShopRepo();
  index = await indexRepository({ root: repo.root });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const input = (JSON.parse(body) as { input: string[] }).input;
      requests.push(input);
      headers.push(req.headers);
      if (mode === 'redirect') {
        res.writeHead(307, { location: `${otherUrl}/embeddings` });
        res.end();
        return;
      }
      // Reads the request and never answers.
      if (mode === 'silent') return;
      if (mode === 'busy-once' && requests.length === 1) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"error": {"message": "busy"}}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if (mode === 'trickle') {
        // Headers, then a byte now and then, never the end.
        res.write('{"data": [');
        const timer = setInterval(() => res.write(' '), 100);
        res.on('close', () => clearInterval(timer));
        return;
      }
      const doc = JSON.stringify({
        object: 'list',
        data: input.map((t, i) => ({
          object: 'embedding',
          index: mode === 'same-index' ? 0 : i,
          embedding: embed(t),
        })),
      });
      // Valid JSON, padded far past what 31 vectors could need.
      res.end(mode === 'padded' ? doc.replace('{', `{${' '.repeat(3 << 20)}`) : doc);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  // Where a redirect would send the request: it must never arrive.
  other = createServer((req, res) => {
    elsewhere.push(req.url ?? '');
    res.writeHead(500);
    res.end();
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await new Promise<void>((r) => other.close(() => r()));
  repo.cleanup();
});

const pool = () => [...index.files.keys()].slice(0, 6).map((path, i) => ({ path, score: 6 - i }));
const rerank = (opts: { timeoutMs?: number; maxResponseBytes?: number } = {}) => {
  const cacheDir = join(repo.root, '..', `emb-${Math.random().toString(36).slice(2)}`);
  return rerankWithEmbeddings({
    index,
    query: 'invoice totals',
    pool: pool(),
    config: { baseUrl: url, model: 'toy' },
    cacheDir,
    ...opts,
  });
};

describe('an embeddings endpoint that misbehaves', () => {
  it('a response larger than the limit is cut off, with a note saying so', async () => {
    mode = 'padded';
    try {
      const r = await rerank({ maxResponseBytes: 1 << 20 });
      expect(r.note).toMatch(/embeddings re-ranking skipped .*: the response is larger than 1 MiB/);
      expect(r.pool).toEqual(pool());
    } finally {
      mode = 'ok';
    }
  });

  it('a body that never ends is a time-out, not a hang', async () => {
    mode = 'trickle';
    try {
      const r = await rerank({ timeoutMs: 1000 });
      expect(r.note).toMatch(/embeddings re-ranking skipped .*: no complete response within 1000 ms/);
      expect(r.pool).toEqual(pool());
    } finally {
      mode = 'ok';
    }
  }, 30_000);

  it('a server that never answers is asked once: a time-out is not retried', async () => {
    mode = 'silent';
    requests = [];
    try {
      const r = await rerank({ timeoutMs: 1500 });
      expect(r.note).toMatch(/embeddings re-ranking skipped .*: no response within 1500 ms/);
      expect(r.pool).toEqual(pool());
      expect(requests).toHaveLength(1);
    } finally {
      mode = 'ok';
    }
  }, 30_000);

  it('a busy server (503) is asked once more, and its second answer re-ranks', async () => {
    mode = 'busy-once';
    requests = [];
    try {
      const r = await rerank({ timeoutMs: 10_000 });
      expect(r.note).toBeUndefined();
      expect(requests).toHaveLength(2);
      expect(r.pool.some((p) => 'similarity' in p)).toBe(true);
    } finally {
      mode = 'ok';
    }
  }, 30_000);

  it('a redirect is not followed: the code and the key go only to the configured server', async () => {
    mode = 'redirect';
    elsewhere = [];
    try {
      const r = await rerank();
      expect(r.note).toMatch(/embeddings re-ranking skipped .*: the server redirected the request \(307\)/);
      expect(r.pool).toEqual(pool());
      expect(elsewhere).toEqual([]);
    } finally {
      mode = 'ok';
    }
  });

  it('headers from OPENAI_CUSTOM_HEADERS are not sent, and cannot replace the key', async () => {
    headers = [];
    process.env.OPENAI_CUSTOM_HEADERS = 'Authorization: Bearer someone-else\nX-Extra: 1';
    try {
      const cacheDir = join(repo.root, '..', `emb-${Math.random().toString(36).slice(2)}`);
      const r = await rerankWithEmbeddings({
        index,
        query: 'invoice totals',
        pool: pool(),
        config: { baseUrl: url, model: 'toy', apiKey: 'sk-embeddings-key' },
        cacheDir,
      });
      expect(r.note).toBeUndefined();
      expect(headers).toHaveLength(1);
      expect(headers[0]!.authorization).toBe('Bearer sk-embeddings-key');
      expect(headers[0]!['x-extra']).toBeUndefined();
    } finally {
      delete process.env.OPENAI_CUSTOM_HEADERS;
    }
  });

  it('the note names the server without its user:password and never quotes the key', async () => {
    mode = 'busy-once';
    requests = [];
    const withCreds = url.replace('http://', 'http://someone:hunter2hunter2@');
    const cacheDir = join(repo.root, '..', `emb-${Math.random().toString(36).slice(2)}`);
    const r = await rerankWithEmbeddings({
      index,
      query: 'invoice totals',
      pool: pool(),
      config: { baseUrl: withCreds, model: 'toy', apiKey: 'sk-embeddings-key' },
      cacheDir,
    });
    mode = 'ok';
    expect(r.note).toMatch(/^embeddings re-ranking skipped \(http:\/\/127\.0\.0\.1:\d+\/v1\): /);
    expect(r.note).not.toMatch(/hunter2|someone|sk-embeddings-key/);
  });

  it('vectors that do not say which input they belong to are a failure', async () => {
    mode = 'same-index';
    try {
      const r = await rerank();
      expect(r.note).toMatch(/embedding 1 is numbered 0/);
      expect(r.pool).toEqual(pool());
    } finally {
      mode = 'ok';
    }
  });
});

describe('a hand-edited vector cache', () => {
  it('vectors that are not lists of numbers, or of another length, are asked for again', async () => {
    const query = 'invoice pdf and cart totals';
    const embeddings = { baseUrl: url, model: 'toy' };
    const cachePath = join(repo.root, '.guardian', 'index', 'embeddings.json');
    rmSync(cachePath, { force: true });
    const clean = await searchRepository({ root: repo.root, query, top: 5, embeddings });
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { vectors: Record<string, unknown> };
    const keys = Object.keys(cache.vectors);
    expect(keys.length).toBeGreaterThan(3);
    cache.vectors[keys[0]!] = 'garbage';
    cache.vectors[keys[1]!] = [1, null, 2, 3];
    cache.vectors[keys[2]!] = [1, 2];
    writeFileSync(cachePath, JSON.stringify(cache));
    requests = [];
    const again = await searchRepository({ root: repo.root, query, top: 5, embeddings });
    expect(again.notes.join('\n')).not.toMatch(/embeddings re-ranking skipped/);
    expect(again.files.map((f) => [f.path, f.score, f.reasons])).toEqual(
      clean.files.map((f) => [f.path, f.score, f.reasons]),
    );
    // The damaged entries were embedded again (with the query).
    expect(requests).toHaveLength(1);
    expect(requests[0]!.length).toBeGreaterThan(1);
  });
});
