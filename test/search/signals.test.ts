import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexRepository, searchRepository } from '../../src/search/index.js';
import { INDEX_VERSION } from '../../src/search/indexer.js';
import { rankFiles } from '../../src/search/rank.js';
import { messageTerms } from '../../src/search/history.js';
import { identifierPairs, queryTerms, tokenize } from '../../src/search/text.js';
import { gitIn, makeRepo } from '../support/repo.js';

const paths = (r: { files: { path: string }[] }) => r.files.map((f) => f.path);

describe('terms', () => {
  it('stems three-letter words like their plurals', () => {
    expect(tokenize('key keys')).toEqual(['kei', 'kei']);
    expect(tokenize('day days map maps')).toEqual(['dai', 'dai', 'map', 'map']);
  });

  it('joins adjacent parts of an identifier the way the query joins adjacent words', () => {
    const out: string[] = [];
    identifierPairs('getArrayQueryKey', out);
    expect(out).toEqual(['getarrai', 'arraiqueri', 'querikei']);
    expect(queryTerms('add type to query keys')).toContain('querikei');
    const none: string[] = [];
    identifierPairs('toV2_of', none); // parts too short or numeric
    identifierPairs('single', none);
    expect(none).toEqual([]);
  });
});

describe('references to issues and pull requests', () => {
  it('reads #123 and gh-123 as references, and no other number', () => {
    const refs = (t: string) => messageTerms(t).filter((x) => x.startsWith('#'));
    expect(refs('Fixes two regressions from #6415 (#6429)')).toEqual(['#6415', '#6429']);
    expect(refs('Expose XHR instance\n\nFixes gh-64; see GH-1200')).toEqual(['#64', '#1200']);
    expect(refs('step #1, colour &#123;, docs/page#42, v2.1#33, 1234 items')).toEqual([]);
    expect(messageTerms('Retry sockets (#77)')).toEqual([...tokenize('Retry sockets'), '#77']);
  });

  it('finds the files of the change a task follows up by its number', async () => {
    const repo = makeRepo(undefined, {
      files: {
        'src/core.ts': 'export function install(proto: object) {\n  return proto;\n}\n',
        'src/parser.ts': 'export function parse(text: string) {\n  return text;\n}\n',
        'src/format.ts': 'export function format(text: string) {\n  return text;\n}\n',
      },
    });
    try {
      const commit = (path: string, line: string, message: string) => {
        writeFileSync(join(repo.root, path), `${readFileSync(join(repo.root, path), 'utf8')}// ${line}\n`);
        gitIn(repo.root, ['commit', '-q', '-am', message]);
      };
      commit('src/core.ts', 'per-constructor prototype', 'perf: install internals per constructor (#6415)');
      commit('src/parser.ts', 'faster', 'Speed up parsing of long inputs (#6420)');
      commit('src/format.ts', 'wider', 'Wider output for long lines (#6421)');
      const res = await searchRepository({
        root: repo.root,
        query: 'Two regressions from #6415\n\nA subclass could no longer override what its parent set.',
        top: 3,
      });
      expect(paths(res)[0]).toBe('src/core.ts');
      expect(res.files[0]!.reasons.join('\n')).toMatch(/history: like past commit [0-9a-f]+ "perf: install/);
    } finally {
      repo.cleanup();
    }
  });
});

describe('co-change', () => {
  it('says with which strong files a file changed, and in how many commits', async () => {
    const repo = makeRepo(undefined, {
      files: {
        'src/alpha.ts': 'export function alphaWidget() {\n  return 1;\n}\n',
        'src/beta.ts': 'export function betaWidget() {\n  return 2;\n}\n',
        'src/gamma.ts': 'export function gammaWidget() {\n  return 3;\n}\n',
        'src/helper.ts': 'export function assist() {\n  return 4;\n}\n',
      },
    });
    try {
      const touch = (paths: string[], message: string) => {
        for (const p of paths)
          writeFileSync(join(repo.root, p), `${readFileSync(join(repo.root, p), 'utf8')}// ${message}\n`);
        gitIn(repo.root, ['commit', '-q', '-am', message]);
      };
      touch(['src/alpha.ts', 'src/beta.ts', 'src/helper.ts'], 'Rework the shared plumbing');
      touch(['src/alpha.ts', 'src/helper.ts'], 'Tidy the plumbing again');
      const res = await searchRepository({ root: repo.root, query: 'alpha beta gamma widget', top: 10 });
      const helper = res.files.find((f) => f.path === 'src/helper.ts');
      const why = helper?.reasons.find((r) => r.startsWith('changed together with'));
      // Three commits (the first one adds every file), with all three strong files; the old reason
      // counted 6 (one per strong file in each commit) and named only the strongest file.
      const m = /^changed together with (.+) in (\d+) past commits$/.exec(why ?? '');
      expect(m?.[2]).toBe('3');
      expect(m?.[1]!.split(', ').sort()).toEqual(['src/alpha.ts', 'src/beta.ts', 'src/gamma.ts']);
    } finally {
      repo.cleanup();
    }
  });
});

describe('ranking signals', () => {
  it('ranks example apps below product code unless the task names examples or the example', async () => {
    const server = (name: string) =>
      `export function startServer(port: number) {\n  // ${name}: listen on the port\n  return listen(port);\n}\nfunction listen(port: number) {\n  return port;\n}\n`;
    const repo = makeRepo(undefined, {
      files: { 'src/server.ts': server('product'), 'examples/minimal/server.ts': server('minimal example') },
    });
    try {
      const score = (r: { files: { path: string; score: number }[] }, p: string) =>
        r.files.find((f) => f.path === p)?.score ?? 0;
      const plain = await searchRepository({ root: repo.root, query: 'Start the server on a port', top: 5 });
      expect(paths(plain)[0]).toBe('src/server.ts');
      expect(score(plain, 'examples/minimal/server.ts')).toBeLessThan(0.6 * score(plain, 'src/server.ts'));
      // Naming the kind of folder, or the example itself, lifts the penalty.
      for (const query of ['Start the example server on a port', 'Start the minimal server on a port']) {
        const named = await searchRepository({ root: repo.root, query, top: 5 });
        expect(score(named, 'examples/minimal/server.ts')).toBeGreaterThan(
          0.9 * score(named, 'src/server.ts'),
        );
      }
    } finally {
      repo.cleanup();
    }
  });

  it('reads a word that is a module name as naming that module', async () => {
    const serve = (what: string) => `def serve(path):\n    # Serves ${what}.\n    return path\n`;
    const repo = makeRepo(undefined, {
      files: {
        'app/staticfiles.py': serve('static files'),
        'app/templating.py': serve('templates with annotations'),
        'app/routing.py': serve('routes, none missing'),
      },
    });
    try {
      const res = await searchRepository({
        root: repo.root,
        query: 'Missing annotations added on staticfiles module',
        top: 3,
      });
      expect(paths(res)[0]).toBe('app/staticfiles.py');
      expect(res.files[0]!.reasons).toContain('the task names module staticfiles');
      const index = await indexRepository({ root: repo.root });
      const part = (query: string, weights = {}) =>
        rankFiles({ index, query, top: 5, explain: true, weights }).pool.find(
          (p) => p.path === 'app/staticfiles.py',
        )?.parts?.stemWord ?? 0;
      expect(part('Missing annotations added on staticfiles module')).toBeGreaterThan(0);
      expect(part('Missing annotations added on staticfiles module', { stemWord: 0 })).toBe(0);
      // A name only as part of a longer word is not the module's name.
      expect(part('Missing annotations in staticfilesystem')).toBe(0);
    } finally {
      repo.cleanup();
    }
  });

  it('finds a compound name from the words of the task ("query keys" → getArrayQueryKey)', async () => {
    const repo = makeRepo(undefined, {
      files: {
        'src/internals/getArrayQueryKey.ts':
          'export function getArrayQueryKey(path: string[]) {\n  return [path];\n}\n',
        // Both words, apart: in its path and all over its text.
        'src/query/keys.ts':
          'export function keyForQuery(query: string, keys: string[]) {\n  return keys.filter((key) => key === query);\n}\n',
      },
    });
    try {
      const res = await searchRepository({ root: repo.root, query: 'Add the type to query keys', top: 3 });
      expect(paths(res)[0]).toBe('src/internals/getArrayQueryKey.ts');
    } finally {
      repo.cleanup();
    }
  });

  it('gives a file less for each further name it defines', async () => {
    const names = ['alphaParser', 'betaParser', 'gammaParser', 'deltaParser'];
    const repo = makeRepo(undefined, {
      files: {
        'src/all.ts': names.map((n) => `export function ${n}() {\n  return 1;\n}\n`).join(''),
        'src/one.ts': 'export function alphaParser2() {\n  return 2;\n}\n',
      },
    });
    try {
      const index = await indexRepository({ root: repo.root });
      const symbolPart = (query: string) =>
        rankFiles({ index, query, top: 5, explain: true }).pool.find((p) => p.path === 'src/all.ts')!.parts!
          .symbol!;
      const one = symbolPart('Fix `alphaParser`');
      const four = symbolPart(`Fix ${names.map((n) => `\`${n}\``).join(', ')}`);
      expect(four).toBeGreaterThan(one);
      expect(four).toBeLessThan(2.5 * one);
    } finally {
      repo.cleanup();
    }
  });

  it("lifts a weak match that sits in the folder of the task's strongest file", async () => {
    // Two files mention "timeout" once, the same way; one sits beside the file the task is about.
    const weak = (what: string) => `export function ${what}() {\n  // honours the timeout\n  return 0;\n}\n`;
    const repo = makeRepo(undefined, {
      files: {
        'src/client/retry.ts':
          'export function retryWithBackoff(attempts: number) {\n  // retry backoff: retry after a backoff delay\n  return attempts;\n}\n',
        'src/client/socket.ts': weak('openSocket'),
        'src/server/listen.ts': weak('listenOn'),
      },
    });
    try {
      const index = await indexRepository({ root: repo.root });
      const query = 'Retry backoff ignores the timeout';
      const ranked = rankFiles({ index, query, top: 5, explain: true });
      const order = paths(ranked);
      expect(order[0]).toBe('src/client/retry.ts');
      expect(order.indexOf('src/client/socket.ts')).toBeLessThan(order.indexOf('src/server/listen.ts'));
      const part = (p: string) => ranked.pool.find((e) => e.path === p)?.parts?.folder ?? 0;
      expect(part('src/client/socket.ts')).toBeGreaterThan(part('src/server/listen.ts'));
      const reasons = (p: string) => ranked.files.find((f) => f.path === p)!.reasons;
      expect(reasons('src/client/socket.ts')).toContain('in src/client/, beside retry.ts');
      for (const p of ['src/server/listen.ts', 'src/client/retry.ts'])
        expect(reasons(p).join('\n')).not.toMatch(/, beside /);
      // Without the signal, the folder's file is not ahead: the signal is what orders them.
      const off = paths(rankFiles({ index, query, top: 5, weights: { folder: 0 } }));
      expect(off.indexOf('src/client/socket.ts')).toBeGreaterThan(off.indexOf('src/server/listen.ts'));
    } finally {
      repo.cleanup();
    }
  });

  it('lifts the files importing a third-party package the task names, not a standard or own one', async () => {
    const repo = makeRepo(undefined, {
      files: {
        'src/server.ts': "import express from 'express';\nexport const app = express();\n",
        'src/notes.ts':
          '// express delivery: express, express, express shipping\nexport const shipping = 1;\n',
        'src/fsutil.ts': "import path from 'path';\nexport const join = path.join;\n",
        'packages/core/package.json': '{ "name": "core-lib", "main": "index.ts" }\n',
        'packages/core/index.ts': 'export const core = 1;\n',
        'packages/app/a.ts': "import { core } from 'core-lib';\nexport const a = core;\n",
        'cmd/main.go': 'package main\n\nimport "express"\n\nfunc main() {}\n',
      },
    });
    try {
      const index = await indexRepository({ root: repo.root });
      const query = 'Update @types/express to 5; the path helper and core-lib stay as they are';
      const ranked = rankFiles({ index, query, top: 10, explain: true });
      const part = (p: string) => ranked.pool.find((e) => e.path === p)?.parts?.library ?? 0;
      expect(part('src/server.ts')).toBeGreaterThan(0);
      expect(ranked.files.find((f) => f.path === 'src/server.ts')!.reasons).toContain(
        'imports express, named in the task',
      );
      // Saying the word is not importing the package; `path` is Node's; core-lib is this repository's.
      // Go's imports are not npm packages.
      for (const p of ['src/notes.ts', 'src/fsutil.ts', 'packages/app/a.ts', 'cmd/main.go'])
        expect(part(p)).toBe(0);
      const off = rankFiles({ index, query, top: 10, explain: true, weights: { library: 0 } });
      expect(off.pool.find((e) => e.path === 'src/server.ts')?.parts?.library).toBeUndefined();
      // Without the @types/ prefix the bare name is the package too.
      const bare = rankFiles({ index, query: 'Support express 5 routing', top: 10, explain: true });
      expect(bare.pool.find((e) => e.path === 'src/server.ts')?.parts?.library).toBeGreaterThan(0);
    } finally {
      repo.cleanup();
    }
  });

  it('rebuilds a lexical index written by another index version', async () => {
    const repo = makeRepo(undefined, { files: { 'src/cart.ts': 'export const cartTotal = 1;\n' } });
    try {
      await searchRepository({ root: repo.root, query: 'cart total' });
      const lex = join(repo.root, '.guardian', 'index', 'lexical.tix');
      const text = readFileSync(lex, 'utf8');
      expect(text).toContain(`"version":${INDEX_VERSION}`);
      writeFileSync(lex, text.replace(`"version":${INDEX_VERSION}`, '"version":1'));
      const again = await searchRepository({ root: repo.root, query: 'cart total' });
      expect(paths(again)).toEqual(['src/cart.ts']);
      expect(readFileSync(lex, 'utf8')).toContain(`"version":${INDEX_VERSION}`);
    } finally {
      repo.cleanup();
    }
  });
});
