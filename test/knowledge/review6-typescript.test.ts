/**
 * TypeScript declarations of a real package (TypeBox, copied from this project's node_modules): the
 * version and declarations node would resolve for the importing file, names imported from a subpath,
 * an index of many `export * from` lines, and `types` conditions of dual packages.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatherKnowledge } from '../../src/knowledge/index.js';
import { findNpmPackage, typescriptFact } from '../../src/knowledge/typescript.js';
import { PROJECT_ROOT } from '../support/repo.js';

const TYPEBOX = join(PROJECT_ROOT, 'node_modules', '@sinclair', 'typebox');
let tmp: string;

function copyTypebox(to: string, edit?: (pj: Record<string, unknown>) => void): void {
  cpSync(TYPEBOX, to, { recursive: true });
  const pjPath = join(to, 'package.json');
  const pj = JSON.parse(readFileSync(pjPath, 'utf8')) as Record<string, unknown>;
  edit?.(pj);
  writeFileSync(pjPath, JSON.stringify(pj));
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'guardian-knowledge-ts-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('TypeScript declarations of an installed package', () => {
  it('a workspace package with its own version is documented at that version, from its own folder', async () => {
    const root = join(tmp, 'workspace');
    const rootVersion = (
      JSON.parse(readFileSync(join(TYPEBOX, 'package.json'), 'utf8')) as { version: string }
    ).version;
    copyTypebox(join(root, 'node_modules/@sinclair/typebox'));
    copyTypebox(join(root, 'packages/api/node_modules/@sinclair/typebox'), (pj) => {
      pj.version = '0.99.0';
    });
    const r = await gatherKnowledge({
      root,
      taskText: 'Validate the request body.',
      sources: [
        // A less relevant importer given first: the most relevant one decides where node resolves from.
        { path: 'test/schema.test.ts', text: "import { Type } from '@sinclair/typebox';\n", weight: 0.4 },
        {
          path: 'packages/api/src/schema.ts',
          text: "import { Type } from '@sinclair/typebox';\nexport const Body = Type.Object({});\n",
          weight: 1,
        },
      ],
      manifests: [],
      localModules: new Set(),
    });
    const lib = r.libraries.find((l) => l.importName === '@sinclair/typebox')!;
    expect(rootVersion).not.toBe('0.99.0');
    expect(lib.version).toBe('0.99.0');
    const fact = r.facts.find((f) => f.symbol === 'Type')!;
    expect(fact.version).toBe('0.99.0');
    expect(fact.file).toContain(join('packages', 'api', 'node_modules'));
  });

  it('a name exported through an index of many `export * from` lines is found', async () => {
    const root = join(tmp, 'single');
    copyTypebox(join(root, 'node_modules/@sinclair/typebox'));
    const r = await gatherKnowledge({
      root,
      taskText: 'Describe the todo with a schema.',
      sources: [{ path: 'src/schema.ts', text: "import { Type } from '@sinclair/typebox';\n", weight: 1 }],
      manifests: [],
      localModules: new Set(),
    });
    const fact = r.facts.find((f) => f.symbol === 'Type');
    expect(fact?.source).toBe('@sinclair/typebox/build/esm/type/type/index.d.mts:4');
    expect(fact?.text).toContain('declare const Type: InstanceType<typeof JavaScriptTypeBuilder>;');
  });

  it('a name imported from a subpath is read from that subpath’s declarations', async () => {
    const root = join(tmp, 'subpath');
    copyTypebox(join(root, 'node_modules/@sinclair/typebox'));
    const r = await gatherKnowledge({
      root,
      taskText: 'Compile the schema once.',
      sources: [
        {
          path: 'src/check.ts',
          text: "import { TypeCompiler } from '@sinclair/typebox/compiler';\nTypeCompiler.Compile(x);\n",
          weight: 1,
        },
      ],
      manifests: [],
      localModules: new Set(),
    });
    const fact = r.facts.find((f) => f.symbol === 'TypeCompiler');
    expect(fact?.source).toMatch(/^@sinclair\/typebox\/build\/esm\/compiler\/compiler\.d\.mts:\d+$/);
    expect(fact?.text).toContain('TypeCompiler');
    expect(r.notes.map((n) => n.message).join('\n')).not.toContain('none of the names');
  });

  it('`types` conditions nested under `types` are followed', () => {
    const nested = join(tmp, 'nested-types', 'node_modules');
    copyTypebox(join(nested, '@sinclair/typebox'), (pj) => {
      pj.exports = {
        '.': {
          types: { import: './build/esm/index.d.mts', require: './build/cjs/index.d.ts' },
          default: './build/cjs/index.js',
        },
      };
    });
    expect(findNpmPackage([nested], '@sinclair/typebox')?.entry).toBe(
      join(nested, '@sinclair/typebox/build/esm/index.d.mts'),
    );
  });

  it('an `exports` target `x.mjs` is declared by `x.d.mts`, not by the `x.d.ts` beside it', () => {
    const dual = join(tmp, 'dual', 'node_modules');
    copyTypebox(join(dual, '@sinclair/typebox'), (pj) => {
      pj.exports = { '.': { import: './build/esm/index.mjs' } };
      delete pj.types;
    });
    // A dual package ships `index.d.ts` beside `index.d.mts`; `index.mjs` is declared by the latter.
    cpSync(join(TYPEBOX, 'build/cjs/index.d.ts'), join(dual, '@sinclair/typebox/build/esm/index.d.ts'));
    expect(findNpmPackage([dual], '@sinclair/typebox')?.entry).toBe(
      join(dual, '@sinclair/typebox/build/esm/index.d.mts'),
    );
  });

  it('a long class whose type parameters span lines lists its members one per line', () => {
    const nm = join(tmp, 'node-types', 'node_modules');
    cpSync(join(PROJECT_ROOT, 'node_modules/@types/node'), join(nm, '@types/node'), { recursive: true });
    const pkg = findNpmPackage([nm], 'node:http')!;
    const fact = typescriptFact(pkg, 'Server', 'node:http')!;
    const lines = fact.text.split('\n');
    expect(lines).toContain('> extends NetServer {');
    expect(lines).toContain('    setTimeout(msecs?: number, callback?: (socket: Socket) => void): this;');
    expect(lines).toContain('    headersTimeout: number;');
    expect(lines.every((l) => l.length <= 300)).toBe(true);
  });

  it('a name a package re-exports from another installed package is read from that package', async () => {
    const root = join(tmp, 'reexport');
    const from = join(PROJECT_ROOT, 'node_modules');
    cpSync(join(from, 'eslint/package.json'), join(root, 'node_modules/eslint/package.json'));
    cpSync(join(from, 'eslint/lib/types'), join(root, 'node_modules/eslint/lib/types'), { recursive: true });
    cpSync(join(from, '@eslint/config-helpers'), join(root, 'node_modules/@eslint/config-helpers'), {
      recursive: true,
    });
    const r = await gatherKnowledge({
      root,
      taskText: 'Lint the new folder too.',
      sources: [
        {
          path: 'eslint.config.js',
          text: "import { defineConfig } from 'eslint/config';\nexport default defineConfig([]);\n",
          weight: 1,
        },
      ],
      manifests: [],
      localModules: new Set(),
    });
    const fact = r.facts.find((f) => f.symbol === 'defineConfig');
    expect(fact?.source).toBe('@eslint/config-helpers/dist/esm/index.d.ts:16');
    expect(fact?.text).toContain('export function defineConfig(...args: ConfigWithExtendsArray): Config[];');
  });

  it('a re-export from a package outside the project is still not followed', async () => {
    const root = join(tmp, 'reexport-outside');
    const from = join(PROJECT_ROOT, 'node_modules');
    cpSync(join(from, 'eslint/package.json'), join(root, 'node_modules/eslint/package.json'));
    cpSync(join(from, 'eslint/lib/types'), join(root, 'node_modules/eslint/lib/types'), { recursive: true });
    // The package it re-exports from is a link out of the project.
    symlinkSync(join(from, '@eslint'), join(root, 'node_modules/@eslint'), 'dir');
    const r = await gatherKnowledge({
      root,
      taskText: 'Lint the new folder too.',
      sources: [
        { path: 'eslint.config.js', text: "import { defineConfig } from 'eslint/config';\n", weight: 1 },
      ],
      manifests: [],
      localModules: new Set(),
    });
    expect(r.facts.filter((f) => f.symbol === 'defineConfig')).toEqual([]);
  });
});
