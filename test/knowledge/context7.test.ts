import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Context7Client, Context7Error, versionedId } from '../../src/knowledge/context7.js';
import { gatherKnowledge } from '../../src/knowledge/index.js';
import { startContext7StandIn, VALID_KEY, type StandIn } from './context7-server.js';

let server: StandIn;
let tmp: string;

beforeAll(async () => {
  server = await startContext7StandIn();
  tmp = mkdtempSync(join(tmpdir(), 'guardian-c7-'));
});
afterAll(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('Context7Client', () => {
  it('resolves a library id (exact name first) and reads its docs, with the key as a bearer token', async () => {
    server.requests.length = 0;
    const c = new Context7Client({ apiKey: VALID_KEY, baseUrl: server.url });
    const libs = await c.searchLibraries('SQLAlchemy', 'add a last_login column');
    expect(libs[0]!.id).toBe('/sqlalchemy/sqlalchemy');
    expect(server.requests[0]).toMatchObject({
      path: '/api/v2/libs/search',
      query: { libraryName: 'SQLAlchemy', query: 'add a last_login column' },
      authorization: `Bearer ${VALID_KEY}`,
    });
    const id = versionedId(libs[0]!, '1.4.46');
    expect(id).toBe('/sqlalchemy/sqlalchemy/v1.4.46');
    const docs = await c.context(id, 'timezone aware DateTime');
    expect(server.requests[1]).toMatchObject({
      path: '/api/v2/context',
      query: { libraryId: '/sqlalchemy/sqlalchemy/v1.4.46', query: 'timezone aware DateTime', type: 'json' },
    });
    expect(docs[0]).toMatchObject({ title: 'Add a timezone-aware DateTime column', language: 'python' });
    expect(docs[0]!.content).toContain('Column(DateTime(timezone=True)');
    expect(docs[1]).toMatchObject({ title: 'Core > Types > DateTime' });
  });

  it('caches answers on disk (keyed by the request, never containing the key)', async () => {
    const cacheDir = join(tmp, 'cache');
    const c1 = new Context7Client({ apiKey: VALID_KEY, baseUrl: server.url, cacheDir });
    await c1.searchLibraries('SQLAlchemy', 'q');
    expect(c1.requests).toBe(1);
    const c2 = new Context7Client({ apiKey: VALID_KEY, baseUrl: server.url, cacheDir });
    await c2.searchLibraries('SQLAlchemy', 'q');
    expect(c2.requests).toBe(0);
    const files = readdirSync(cacheDir);
    expect(files).toHaveLength(1);
    expect(files.join()).not.toContain(VALID_KEY);
    // Expired entries are fetched again.
    const c3 = new Context7Client({
      apiKey: VALID_KEY,
      baseUrl: server.url,
      cacheDir,
      now: () => Date.now() + 8 * 86400_000,
    });
    await c3.searchLibraries('SQLAlchemy', 'q');
    expect(c3.requests).toBe(1);
  });

  it('turns HTTP errors into Context7Error without leaking the key', async () => {
    const bad = new Context7Client({ apiKey: 'wrong-key', baseUrl: server.url });
    await expect(bad.searchLibraries('x', 'q')).rejects.toThrow(/API key was refused/);
    server.failWith = 429;
    try {
      const c = new Context7Client({ apiKey: VALID_KEY, baseUrl: server.url });
      const err = await c.searchLibraries('x', 'q').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Context7Error);
      expect((err as Context7Error).status).toBe(429);
      expect((err as Error).message).toMatch(/rate limited/);
      expect((err as Error).message).not.toContain(VALID_KEY);
    } finally {
      server.failWith = undefined;
    }
  });

  it('gives up on a server that does not answer', async () => {
    server.hang = true;
    try {
      const c = new Context7Client({ apiKey: VALID_KEY, baseUrl: server.url, timeoutMs: 300 });
      await expect(c.searchLibraries('x', 'q')).rejects.toThrow(/timed out after 300 ms/);
    } finally {
      server.hang = false;
    }
  });
});

describe('Context7Client: a hostile or broken server', () => {
  let srv: Server;
  let url = '';
  let handler: (req: IncomingMessage, res: ServerResponse) => void = () => {};
  beforeAll(async () => {
    srv = createServer((req, res) => handler(req, res));
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    srv.closeAllConnections();
    await new Promise((r) => srv.close(r));
  });

  it('a body that drips past the deadline is a timeout, not a hang', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      const t = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(t));
    };
    const c = new Context7Client({ apiKey: VALID_KEY, baseUrl: url, timeoutMs: 400 });
    const started = Date.now();
    await expect(c.searchLibraries('x', 'q')).rejects.toThrow(/failed: timed out after 400 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('an answer over the size bound is refused (declared or streamed)', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 0x61);
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(big.length) });
      res.end(big);
    };
    const c = new Context7Client({ apiKey: VALID_KEY, baseUrl: url });
    await expect(c.context('/a/b', 'q')).rejects.toThrow(
      /the answer is 5242880 bytes; at most 4194304 are read/,
    );
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }); // chunked: no length
      res.write(big.subarray(0, 3 * 1024 * 1024));
      res.end(big.subarray(0, 3 * 1024 * 1024));
    };
    await expect(c.context('/a/b', 'q')).rejects.toThrow(/larger than 4194304 bytes/);
  });

  it('a redirect to another host is not followed', async () => {
    let followed = false;
    handler = (req, res) => {
      if (req.url?.startsWith('/elsewhere')) followed = true;
      res.writeHead(302, { location: `${url}/elsewhere` });
      res.end();
    };
    const c = new Context7Client({ apiKey: VALID_KEY, baseUrl: url });
    await expect(c.searchLibraries('x', 'q')).rejects.toThrow(
      /redirected \(HTTP 302\); redirects are not followed/,
    );
    expect(followed).toBe(false);
  });

  it('a normal answer that echoes the key keeps none of it', async () => {
    handler = (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`Docs for you. Your header was ${req.headers.authorization}.`);
    };
    const c = new Context7Client({ apiKey: VALID_KEY, baseUrl: url });
    const snippets = await c.context('/org/lib', 'q');
    expect(snippets.map((x) => x.content)).toEqual(['Docs for you. Your header was Bearer ***.']);
  });

  it('an error text that echoes the key several times shows none of them', async () => {
    handler = (req, res) => {
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end(`key ${req.headers.authorization} rejected; again: ${req.headers.authorization}`);
    };
    const c = new Context7Client({ apiKey: VALID_KEY, baseUrl: url });
    const err = (await c.searchLibraries('x', 'q').catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Context7Error);
    expect(err.message).toMatch(
      /the API key was refused \(key Bearer \*\*\* rejected; again: Bearer \*\*\*\)/,
    );
    expect(err.message).not.toContain(VALID_KEY);
  });
});

describe('gatherKnowledge with Context7', () => {
  const sources = [
    {
      path: 'src/models/user.py',
      text: 'from sqlalchemy import Column, DateTime\n\nclass User(Base):\n    created_at = Column(DateTime(timezone=True))\n',
      weight: 1,
    },
  ];
  const base = {
    root: '/nonexistent',
    taskText: 'Add `last_login` field to User model (SQLAlchemy)',
    sources,
    manifests: [{ path: 'requirements.txt', text: 'SQLAlchemy==1.4.46\n' }],
    localModules: new Set(['src']),
    python: { sitePackages: [] as string[] },
  };

  it('adds documentation snippets with their Context7 source', async () => {
    const r = await gatherKnowledge({
      ...base,
      context7: { apiKey: VALID_KEY, baseUrl: server.url, cacheDir: join(tmp, 'g') },
    });
    const docs = r.facts.filter((f) => f.provider === 'context7');
    expect(docs.length).toBeGreaterThan(0);
    expect(docs[0]!.source).toMatch(/^context7:\/sqlalchemy\/sqlalchemy/);
    expect(docs[0]!.text).toContain('DateTime(timezone=True)');
  });

  it('records a note (and no facts) when Context7 refuses the key', async () => {
    const r = await gatherKnowledge({ ...base, context7: { apiKey: 'nope', baseUrl: server.url } });
    expect(r.facts.filter((f) => f.provider === 'context7')).toEqual([]);
    expect(r.notes.map((n) => n.message).join('\n')).toMatch(/API key was refused/);
  });

  it('makes no request when no key is configured', async () => {
    server.requests.length = 0;
    await gatherKnowledge(base);
    expect(server.requests).toEqual([]);
  });
});
