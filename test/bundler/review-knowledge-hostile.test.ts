/**
 * Library documentation is untrusted input: a Context7 answer of the wrong shape is left out (no
 * "Cannot read properties of null" note), and a snippet or an installed declaration of megabytes is cut
 * to a size whose tokens can be counted in time.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Context7Client, gatherKnowledge } from '../../src/knowledge/index.js';

describe('Context7 answers of the wrong shape', () => {
  let server: Server;
  let body = '';
  let client: Context7Client;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    client = new Context7Client({ apiKey: 'k-test', baseUrl: url });
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('are left out, never a TypeError', async () => {
    body = '{"results":"abc"}';
    await expect(client.searchLibraries('zod', 'q')).resolves.toEqual([]);
    body = '{"results":[null,{"id":"/a/b","title":{"x":1},"versions":[null,"1.0"]}]}';
    await expect(client.searchLibraries('zod', 'q')).resolves.toEqual([
      expect.objectContaining({ id: '/a/b', title: '/a/b', versions: ['1.0'] }),
    ]);
    body = JSON.stringify({
      codeSnippets: [
        null,
        { codeList: [null, { code: { a: 1 } }] },
        { codeTitle: 'ok', codeList: [{ code: 'x()' }] },
      ],
      infoSnippets: [null, 7, { content: 'prose' }],
    });
    const snippets = await client.context('/a/b', 'q');
    expect(snippets.map((s) => [s.title, s.content])).toEqual([
      ['ok', 'x()'],
      ['documentation', 'prose'],
    ]);
  });

  it('a snippet of megabytes is cut', async () => {
    body = JSON.stringify({ infoSnippets: [{ content: 'lorem ipsum dolor sit amet\n'.repeat(120_000) }] });
    const [s] = await client.context('/a/b', 'q');
    expect(s!.content.length).toBeLessThan(20_000);
    expect(s!.content).toMatch(/more characters not shown\)$/);
  });
});

describe('an installed declaration of megabytes', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'guardian-review-'));
    const pkg = join(tmp, 'node_modules', 'minilib');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'minilib', version: '1.0.0' }));
    // A minified declaration: one line of 3 MB.
    const fields = Array.from({ length: 150_000 }, (_, i) => `f${i}: string;`).join(' ');
    writeFileSync(join(pkg, 'index.d.ts'), `export declare function make(): { ${fields} };\n`);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('is cut to a bounded fact', async () => {
    const r = await gatherKnowledge({
      root: tmp,
      taskText: 'Use `make` from minilib.',
      sources: [{ path: 'src/a.ts', text: "import { make } from 'minilib';\n", weight: 1 }],
      manifests: [],
      localModules: new Set(['src']),
      nodeModules: [join(tmp, 'node_modules')],
    });
    const f = r.facts.find((x) => x.symbol === 'make');
    expect(f).toBeDefined();
    expect(f!.text.length).toBeLessThan(20_000);
    expect(f!.text).toMatch(/more characters not shown\)$/);
  });
});
