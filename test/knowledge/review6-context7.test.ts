/**
 * Context7 for a task touching several libraries: a failure that would repeat for every library (no
 * answer, a refused key, a spent quota) ends the asking after the first, with one note for the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Context7Client, gatherKnowledge } from '../../src/knowledge/index.js';
import { startContext7StandIn, VALID_KEY, type StandIn } from './context7-server.js';

let server: StandIn;
let tmp: string;
beforeAll(async () => {
  server = await startContext7StandIn();
  tmp = mkdtempSync(join(tmpdir(), 'guardian-context7-'));
});
afterAll(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

const base = {
  root: '/nonexistent',
  taskText: 'Record the last login of a user.',
  sources: [
    {
      path: 'src/services/auth.py',
      text: 'import sqlalchemy as sa\nfrom alembic import op\nfrom werkzeug.security import check_password_hash\n\nsa.Column(sa.DateTime)\n',
      weight: 1,
    },
  ],
  manifests: [],
  localModules: new Set(['src']),
  python: { sitePackages: [] as string[] },
};

describe('Context7 for several libraries', () => {
  it('a server that does not answer is waited for once, not once per library', async () => {
    server.requests.length = 0;
    server.hang = true;
    try {
      const r = await gatherKnowledge({
        ...base,
        context7: { apiKey: VALID_KEY, baseUrl: server.url, timeoutMs: 300, cacheDir: join(tmp, 'hang') },
      });
      expect(r.libraries.length).toBe(3);
      expect(server.requests.length).toBe(1);
      const notes = r.notes.map((n) => n.message);
      expect(notes.filter((n) => /timed out after 300 ms/.test(n))).toHaveLength(1);
      expect(notes).toContain('Context7 not asked about sqlalchemy, werkzeug after: a request that failed');
    } finally {
      server.hang = false;
    }
  });

  it('a refused key is sent once, and the libraries after it are named in one note', async () => {
    server.requests.length = 0;
    const r = await gatherKnowledge({
      ...base,
      context7: { apiKey: 'ctx7sk-wrong', baseUrl: server.url, cacheDir: join(tmp, 'refused') },
    });
    expect(server.requests.length).toBe(1);
    const notes = r.notes.map((n) => n.message);
    expect(notes.filter((n) => /API key was refused/.test(n))).toHaveLength(1);
    expect(notes).toContain('Context7 not asked about sqlalchemy, werkzeug after: HTTP 401');
    expect(JSON.stringify(r)).not.toContain('ctx7sk-wrong');
  });

  it('a library Context7 does not know does not stop the others', async () => {
    server.requests.length = 0;
    const r = await gatherKnowledge({
      ...base,
      context7: { apiKey: VALID_KEY, baseUrl: server.url, cacheDir: join(tmp, 'ok') },
    });
    expect(
      server.requests.filter((q) => q.path === '/api/v2/libs/search').map((q) => q.query.libraryName),
    ).toEqual(['alembic', 'sqlalchemy', 'werkzeug']);
    expect(r.facts.some((f) => f.provider === 'context7' && f.library === 'sqlalchemy')).toBe(true);
  });

  it('a cache entry dated in the future is fetched again, never kept for ever', async () => {
    const cacheDir = join(tmp, 'future');
    const t0 = Date.UTC(2026, 0, 1);
    const c1 = new Context7Client({ apiKey: VALID_KEY, baseUrl: server.url, cacheDir, now: () => t0 });
    expect((await c1.searchLibraries('SQLAlchemy', 'q'))[0]?.id).toBe('/sqlalchemy/sqlalchemy');
    const [file] = readdirSync(cacheDir);
    const path = join(cacheDir, file!);
    const entry = JSON.parse(readFileSync(path, 'utf8')) as { at: number; url: string; body: unknown };
    writeFileSync(path, JSON.stringify({ ...entry, at: t0 + 10 * 365 * 86400_000, body: { results: [] } }));
    const c2 = new Context7Client({
      apiKey: VALID_KEY,
      baseUrl: server.url,
      cacheDir,
      now: () => t0 + 86400_000,
    });
    expect((await c2.searchLibraries('SQLAlchemy', 'q'))[0]?.id).toBe('/sqlalchemy/sqlalchemy');
    expect(c2.requests).toBe(1);
    // The entry written again is dated by the clock that wrote it.
    expect((JSON.parse(readFileSync(path, 'utf8')) as { at: number }).at).toBe(t0 + 86400_000);
  });

  it('an HTML page answered with 200 is a failure, never documentation, and is not cached', async () => {
    const page = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><html><body>Down for maintenance</body></html>');
    });
    await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
    const cacheDir = join(tmp, 'html');
    try {
      const url = `http://127.0.0.1:${(page.address() as AddressInfo).port}/api`;
      const r = await gatherKnowledge({ ...base, context7: { apiKey: VALID_KEY, baseUrl: url, cacheDir } });
      expect(r.facts.filter((f) => f.provider === 'context7')).toEqual([]);
      expect(r.notes.map((n) => n.message).join('\n')).toContain('the answer is an HTML page, not the API');
      expect(JSON.stringify(r)).not.toContain('maintenance');
      const c = new Context7Client({ apiKey: VALID_KEY, baseUrl: url, cacheDir });
      await expect(c.context('/sqlalchemy/sqlalchemy', 'q')).rejects.toThrow(/HTML page/);
      expect(readdirSafe(cacheDir)).toEqual([]);
    } finally {
      page.closeAllConnections();
      await new Promise((r) => page.close(r));
    }
  });
});

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
