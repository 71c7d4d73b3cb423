/**
 * Lock files shaped like those of real workspaces: a pnpm workspace whose root project does not
 * depend on the library a workspace package imports, and a workspace package that locks another
 * version than the root.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gatherKnowledge } from '../../src/knowledge/index.js';
import { locked, notes } from './lock-helpers.js';

let tmp: string;
let n = 0;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'guardian-lock-workspaces-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function project(files: Record<string, string>): string {
  const root = join(tmp, `p${++n}`);
  mkdirSync(root, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

const task = (root: string, path: string, code: string) =>
  gatherKnowledge({
    root,
    taskText: 'Validate the payload.',
    sources: [{ path, text: code, weight: 1 }],
    manifests: [],
    localModules: new Set(),
    nodeModules: [join(root, 'node_modules')],
  });

/** A pnpm 5.4 workspace lock: the root project has dev tools only, its packages lock the libraries. */
const V5_WORKSPACE = [
  'lockfileVersion: 5.4',
  '',
  'importers:',
  '',
  '  .:',
  '    specifiers:',
  '      typescript: ^4.8.3',
  '    devDependencies:',
  '      typescript: 4.8.3',
  '',
  '  examples/next-starter:',
  '    specifiers:',
  "      '@trpc/server': ^10.0.0-proxy-beta.7",
  '      next: ^12.3.1',
  '      zod: ^3.0.0',
  '    dependencies:',
  "      '@trpc/server': link:../../packages/server",
  '      next: 12.3.1_biqbaboplfbrettd7655fr4n2y',
  '      zod: 3.19.1',
  '',
  '  packages/server:',
  '    specifiers:',
  '      zod: ^3.0.0',
  '    devDependencies:',
  '      zod: 3.19.1',
  '',
  'packages:',
  '',
  '  /zod/3.19.1:',
  '    resolution: {integrity: sha512-x}',
  '    dev: false',
  '',
  '  /zod/3.20.0:',
  '    resolution: {integrity: sha512-y}',
  '    dev: true',
  '',
].join('\n');

/** A pnpm 9 workspace lock: the root and one package lock different versions of a library. */
const V9_WORKSPACE = [
  "lockfileVersion: '9.0'",
  '',
  'importers:',
  '',
  '  .:',
  '    dependencies:',
  '      zod:',
  '        specifier: ^4.0.0',
  '        version: 4.2.1',
  '',
  '  packages/react-query:',
  '    devDependencies:',
  '      zod:',
  '        specifier: ^3.25.0',
  '        version: 3.25.76',
  "      '@tanstack/react-query':",
  '        specifier: ^5.80.3',
  '        version: 5.80.3(react@19.1.0)',
  '',
  'packages:',
  '',
  '  zod@3.25.76:',
  '    resolution: {integrity: sha512-x}',
  '',
  '  zod@4.2.1:',
  '    resolution: {integrity: sha512-y}',
  '',
].join('\n');

describe('pnpm workspaces', () => {
  it('a library only workspace packages lock is locked at their version, not at every version the file holds', async () => {
    const root = project({ 'pnpm-lock.yaml': V5_WORKSPACE });
    const r = await task(
      root,
      'packages/server/src/a.ts',
      "import { z } from 'zod';\nimport n from 'next';\n",
    );
    expect(locked(r)).toEqual({ zod: 'pnpm-lock.yaml 3.19.1', next: 'pnpm-lock.yaml 12.3.1' });
    expect(notes(r)).toContain('`pnpm-lock.yaml` locks version 3.19.1');
    // A workspace package linked from the workspace is the project's own code: no locked version.
    const own = await task(root, 'examples/next-starter/a.ts', "import { t } from '@trpc/server';\n");
    expect(locked(own)).toEqual({ '@trpc/server': undefined });
  });

  it('a file in a workspace gets what that workspace locks, installed or not; elsewhere the root’s version comes first', async () => {
    const notInstalled = project({ 'pnpm-lock.yaml': V9_WORKSPACE });
    const r = await task(
      notInstalled,
      'packages/react-query/src/a.ts',
      "import { z } from 'zod';\nimport { useQuery } from '@tanstack/react-query';\n",
    );
    expect(locked(r)).toEqual({
      zod: 'pnpm-lock.yaml 3.25.76',
      '@tanstack/react-query': 'pnpm-lock.yaml 5.80.3',
    });
    const atRoot = await task(notInstalled, 'src/a.ts', "import { z } from 'zod';\n");
    expect(locked(atRoot)).toEqual({ zod: 'pnpm-lock.yaml 4.2.1' });

    const installed = project({
      'pnpm-lock.yaml': V9_WORKSPACE,
      'packages/react-query/node_modules/zod/package.json': JSON.stringify({
        version: '3.25.76',
        types: 'index.d.ts',
      }),
      'packages/react-query/node_modules/zod/index.d.ts':
        'export declare function parse(input: unknown): number;\n',
    });
    const w = await task(installed, 'packages/react-query/src/a.ts', "import { parse } from 'zod';\n");
    expect(w.libraries.map((l) => [l.version, l.locked])).toEqual([
      ['3.25.76', { file: 'pnpm-lock.yaml', versions: ['3.25.76'] }],
    ]);
    expect(notes(w)).not.toContain('locks');
  });
});

describe('pnpm aliases', () => {
  it('a package installed under an alias (`zod3: npm:zod@~3.24.0`) is locked at the aliased version', async () => {
    const shapes: [string, string][] = [
      ["lockfileVersion: '9.0'", 'zod@3.24.3'],
      ["lockfileVersion: '6.0'", '/zod@3.24.3'],
      ['lockfileVersion: 5.4', '/zod/3.24.3'],
    ];
    for (const [header, version] of shapes) {
      const root = project({
        'pnpm-lock.yaml': [
          header,
          '',
          'importers:',
          '',
          '  .:',
          '    devDependencies:',
          '      zod3:',
          '        specifier: npm:zod@~3.24.0',
          `        version: ${version}`,
          '',
        ].join('\n'),
      });
      const r = await task(root, 'src/a.ts', "import { z } from 'zod3';\n");
      expect([header, locked(r)]).toEqual([header, { zod3: 'pnpm-lock.yaml 3.24.3' }]);
    }
  });
});

describe('yarn berry workspaces', () => {
  it('a range yarn resolves to a workspace of the project locks no version of a package', async () => {
    const root = project({
      'yarn.lock': [
        '# This file is generated by running "yarn install" inside your project.',
        '',
        '__metadata:',
        '  version: 6',
        '  cacheKey: 8',
        '',
        '"@acme/utils@npm:^1.0.0, @acme/utils@workspace:packages/utils":',
        '  version: 0.0.0-use.local',
        '  resolution: "@acme/utils@workspace:packages/utils"',
        '  languageName: unknown',
        '  linkType: soft',
        '',
        '"zod@npm:^3.22.0":',
        '  version: 3.22.4',
        '  resolution: "zod@npm:3.22.4"',
        '  checksum: 80bfd7f8039b24fddeb0718a2ec7c02aa9856e4838d6aa4864335a047b6b37a3273b191ef335bf0b2002e5c514ef261ffcda5a589fb084a48c336ffc4cdbab7f',
        '  languageName: node',
        '  linkType: hard',
        '',
      ].join('\n'),
    });
    const r = await task(
      root,
      'apps/web/src/a.ts',
      "import { slug } from '@acme/utils';\nimport { z } from 'zod';\n",
    );
    expect(locked(r)).toEqual({ '@acme/utils': undefined, zod: 'yarn.lock 3.22.4' });
    expect(notes(r)).not.toContain('0.0.0-use.local');
  });
});
