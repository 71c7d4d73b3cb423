import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanDefinitions } from '../../src/search/definitions.js';
import { contentSkipReason, isTestPath, kindOf, pathSkipReason } from '../../src/search/files.js';
import { extractImports, ImportResolver } from '../../src/search/imports.js';
import { statSettled } from '../../src/search/indexer.js';
import { SymbolExtractor } from '../../src/search/symbols.js';
import { cutAtWord, parseQuery, splitIdentifier, tokenize } from '../../src/search/text.js';

const extractor = new SymbolExtractor();
const names = async (lang: string, src: string) =>
  ((await extractor.extract(lang, src)) ?? []).map((s) => `${s.kind} ${s.name} ${s.startLine}-${s.endLine}`);

describe('tree-sitter symbols', () => {
  it('python: functions, classes, methods, decorated and nested', async () => {
    const src =
      'import os\n\nclass User(Base):\n    @property\n    def name(self):\n        return 1\n\n\ndef login(u):\n    def inner():\n        pass\n    return inner\n';
    expect(await names('python', src)).toEqual([
      'class User 3-6',
      'method User.name 5-6',
      'function login 9-12',
      'function login.inner 10-11',
    ]);
  });

  it('typescript: classes, methods, interfaces, types, enums, exported arrow functions', async () => {
    const src = [
      'export interface Todo { id: string }',
      'export type Id = string;',
      'enum Color { Red }',
      'export class Store {',
      '  add(t: Todo): void {}',
      '}',
      'export const makeStore = (): Store => new Store();',
      'export function helper(): number { return 1; }',
      'const notAFunction = 3;',
    ].join('\n');
    expect(await names('typescript', src)).toEqual([
      'interface Todo 1-1',
      'type Id 2-2',
      'enum Color 3-3',
      'class Store 4-6',
      'method Store.add 5-5',
      'function makeStore 7-7',
      'function helper 8-8',
    ]);
  });

  it('tsx and javascript', async () => {
    expect(await names('tsx', 'export function App(): JSX.Element {\n  return <div>hi</div>;\n}\n')).toEqual([
      'function App 1-3',
    ]);
    expect(
      await names('javascript', 'class A { run() {} }\nfunction b() {}\nmodule.exports = { b };\n'),
    ).toEqual(['class A 1-1', 'method A.run 1-1', 'function b 2-2']);
  });

  it('go: functions, methods with receivers, types', async () => {
    const src =
      'package x\n\ntype Server struct{}\n\nfunc (s *Server) Serve() error {\n\treturn nil\n}\n\nfunc New() *Server { return nil }\n';
    expect(await names('go', src)).toEqual([
      'type Server 3-3',
      'method Server.Serve 5-7',
      'function New 9-9',
    ]);
  });

  it('java: classes, constructors, methods', async () => {
    const src =
      'package a;\npublic class Repo {\n  public Repo() {}\n  public int count() { return 0; }\n}\n';
    expect(await names('java', src)).toEqual([
      'class Repo 2-5',
      'constructor Repo.Repo 3-3',
      'method Repo.count 4-4',
    ]);
  });

  it('rust: structs, impls, functions, traits', async () => {
    const src =
      'pub struct Cache {}\n\nimpl Cache {\n    pub fn get(&self) -> u8 { 0 }\n}\n\ntrait Store {}\n\nfn main() {}\n';
    expect(await names('rust', src)).toEqual([
      'struct Cache 1-1',
      'impl Cache 3-5',
      'method Cache.get 4-4',
      'trait Store 7-7',
      'function main 9-9',
    ]);
  });

  it('a grammar that fails to load degrades to line windows, with a note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardian-wasm-'));
    try {
      writeFileSync(join(dir, 'tree-sitter-python.wasm'), 'not wasm');
      const ex = new SymbolExtractor(dir);
      expect(await ex.extract('python', 'def f():\n  pass\n')).toBeUndefined();
      expect(ex.notes.join('\n')).toMatch(
        /grammar tree-sitter-python\.wasm failed to load .*python files use line windows/,
      );
      // tree-sitter itself still resolved from the installed package, so other languages work.
      expect(await ex.extract('go', 'package x\nfunc F() {}\n')).toHaveLength(1);
      expect(await ex.extract('cobol', 'x')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('definitions scan', () => {
  it('finds names per language', () => {
    expect(
      scanDefinitions('python', 'class A:\n    async def b(self):\n        pass\nMAX_SIZE = 3\n'),
    ).toEqual(['A', 'b', 'MAX_SIZE']);
    expect(
      scanDefinitions(
        'typescript',
        'export const useThing = () => 1;\ninterface Props {}\nclass C {\n  render(): void {\n  }\n}\n',
      ),
    ).toEqual(['useThing', 'Props', 'C', 'render']);
    expect(scanDefinitions('go', 'func (r *Repo) Find(id int) {}\ntype Repo struct {}\n')).toEqual([
      'Find',
      'Repo',
    ]);
    expect(scanDefinitions('rust', 'impl Display for Cache {}\nfn main() {}\n')).toEqual(['Cache', 'main']);
  });
});

describe('files', () => {
  it('tells tests, sources, docs and configs apart', () => {
    for (const p of [
      'tests/test_auth.py',
      'src/a.test.ts',
      'pkg/x_test.go',
      'src/test/java/FooTest.java',
      'conftest.py',
      'a/__tests__/b.js',
      'x.spec.tsx',
    ]) {
      expect([p, isTestPath(p)]).toEqual([p, true]);
    }
    expect(kindOf('src/click/testing.py')).toBe('source');
    expect(kindOf('docs/conf.py')).toBe('doc');
    expect(kindOf('README.md')).toBe('doc');
    expect(kindOf('tsconfig.json')).toBe('config');
    expect(pathSkipReason('a/node_modules/x.js')).toMatch(/vendored/);
    expect(pathSkipReason('poetry.lock')).toBe('lock file');
    expect(pathSkipReason('static/app.min.js')).toBe('minified file');
    expect(pathSkipReason('src/app.py')).toBeUndefined();
  });

  it('skips files whose header says a tool generated them, not hand-written code whose prose uses the words', () => {
    const why = (text: string) => contentSkipReason(Buffer.from(text), 'x');
    for (const generated of [
      '// Code generated by protoc-gen-go. DO NOT EDIT.\npackage pb\n',
      '# Generated by Django 4.2 on 2024-01-01 10:00\nfrom django.db import migrations\n',
      '/* This file was automatically generated from schema.json */\nexport type A = 1;\n',
      '# This file is autogenerated by pip-compile\nx = 1\n',
      '// auto-generated\nconst a = 1;\n',
      '# @generated by a tool\nx = 1\n',
      '"""\nThis module is generated with tools/gen.py\n"""\n',
    ]) {
      expect([generated, why(generated)]).toEqual([generated, 'generated file (header says so)']);
    }
    for (const handWritten of [
      // black's blib2to3/pgen2/parse.py: a hand-written parser, described in its docstring.
      '# Copyright 2004-2005 Elemental Security, Inc.\n\n"""Parser engine for the grammar tables generated by pgen.\n\nThe grammar table must be loaded first.\n"""\n',
      '"""Helpers for tokens generated by the lexer."""\ndef f():\n    pass\n',
      '// Not generated: hand-written. The @generated marker of other files is for the tool.\nconst a = 1;\n',
    ]) {
      expect([handWritten, why(handWritten)]).toEqual([handWritten, undefined]);
    }
  });
});

describe('text', () => {
  it('splits identifiers and keeps compounds', () => {
    expect(splitIdentifier('parseHTTPResponse_v2')).toEqual(['parse', 'HTTP', 'Response', 'v2']);
    expect(tokenize('lastLogin last_login')).toEqual([
      'last',
      'login',
      'lastlogin',
      'last',
      'login',
      'lastlogin',
    ]);
    expect(tokenize('the users were running')).toEqual(['user', 'run']);
  });

  it('parses a task: identifiers, path mentions, test focus', () => {
    const q = parseQuery('Add `last_login` to User in src/models/user.py and click.types\n\nSee ParamType.');
    expect(q.identifiers).toEqual(expect.arrayContaining(['last_login', 'ParamType', 'click', 'types']));
    expect(q.pathMentions).toEqual(expect.arrayContaining(['src/models/user.py', 'click.types']));
    expect(q.aboutTests).toBe(false);
    expect(parseQuery('Fix flaky test in the parser').aboutTests).toBe(true);
    expect(parseQuery('Handle empty input (with tests)').aboutTests).toBe(false);
  });
});

describe('imports', () => {
  const paths = [
    'src/click/__init__.py',
    'src/click/core.py',
    'src/click/types.py',
    'packages/server/package.json',
    'packages/server/src/index.ts',
    'packages/server/src/http/router.ts',
    'packages/client/src/links/link.ts',
    'cmd/app/main.go',
    'internal/store/store.go',
    'src/main/java/com/acme/Repo.java',
    'src/lib.rs',
    'src/cache.rs',
  ];
  const r = new ImportResolver(paths, {
    packageJson: new Map([['packages/server', '@trpc/server']]),
    goModule: 'example.com/app',
  });

  it('python: relative and absolute, from any source root', () => {
    expect(extractImports('python', 'from .types import ParamType\nimport click.core as c\n')).toEqual([
      '.types',
      '.types.ParamType',
      'click.core',
    ]);
    expect(r.resolve('src/click/core.py', 'python', '.types')).toEqual(['src/click/types.py']);
    expect(r.resolve('tests/test_x.py', 'python', 'click.core')).toEqual(['src/click/core.py']);
    expect(r.resolve('tests/test_x.py', 'python', 'click')).toEqual(['src/click/__init__.py']);
  });

  it('typescript: relative with .js suffix, workspace packages', () => {
    const specs = extractImports(
      'typescript',
      "import { a } from './http/router.js';\nexport * from '@trpc/server/http/router';\nconst x = require('./y');\n",
    );
    expect(specs).toEqual(['./http/router.js', '@trpc/server/http/router', './y']);
    expect(r.resolve('packages/server/src/index.ts', 'typescript', './http/router.js')).toEqual([
      'packages/server/src/http/router.ts',
    ]);
    expect(r.resolve('packages/client/src/links/link.ts', 'typescript', '@trpc/server')).toEqual([
      'packages/server/src/index.ts',
    ]);
    expect(r.resolve('packages/client/src/links/link.ts', 'typescript', '@trpc/server/http/router')).toEqual([
      'packages/server/src/http/router.ts',
    ]);
    expect(r.resolve('x.ts', 'typescript', 'react')).toEqual([]);
  });

  it('go, java, rust', () => {
    expect(extractImports('go', 'import (\n\t"fmt"\n\t"example.com/app/internal/store"\n)\n')).toEqual([
      'fmt',
      'example.com/app/internal/store',
    ]);
    expect(r.resolve('cmd/app/main.go', 'go', 'example.com/app/internal/store')).toEqual([
      'internal/store/store.go',
    ]);
    expect(r.resolve('A.java', 'java', 'com.acme.Repo')).toEqual(['src/main/java/com/acme/Repo.java']);
    expect(extractImports('rust', 'mod cache;\nuse crate::cache::Cache;\n')).toEqual([
      'mod:cache',
      'crate::cache::Cache',
    ]);
    expect(r.resolve('src/lib.rs', 'rust', 'mod:cache')).toEqual(['src/cache.rs']);
    expect(r.resolve('src/lib.rs', 'rust', 'crate::cache::Cache')).toEqual(['src/cache.rs']);
  });
});

describe('outline by scan (large files)', () => {
  it('runs each definition to the line before the next', async () => {
    const { outlineByScan } = await import('../../src/search/definitions.js');
    const src = 'import x\n\nclass A:\n    def b(self):\n        pass\n\ndef c():\n    return 1\n';
    expect(outlineByScan('python', src)).toEqual([
      { name: 'A', kind: 'definition', startLine: 3, endLine: 3 },
      { name: 'b', kind: 'definition', startLine: 4, endLine: 6 },
      { name: 'c', kind: 'definition', startLine: 7, endLine: 9 },
    ]);
  });
});

describe('statSettled: when size and mtime may vouch for a file', () => {
  it('distrusts a file modified within a timestamp tick of being read, or two seconds on coarse filesystems', () => {
    const now = 1_800_000_000_123;
    expect(statSettled(now - 5, now)).toBe(false);
    expect(statSettled(now - 500, now)).toBe(true);
    // Whole-second mtimes: a filesystem that may not see a second write in the same second.
    expect(statSettled(1_800_000_000_000, 1_800_000_001_500)).toBe(false);
    expect(statSettled(1_800_000_000_000, 1_800_000_002_500)).toBe(true);
  });
});

describe('cutAtWord', () => {
  it('keeps a short line, and cuts a long one between words with an ellipsis', () => {
    expect(cutAtWord('fix the cart', 80)).toBe('fix the cart');
    expect(cutAtWord('fix the cart totals', 12)).toBe('fix the cart…');
    expect(cutAtWord('fix the cart totals', 10)).toBe('fix the…');
    expect(cutAtWord('ghp_0123456789abcdef', 10)).toBe('…');
  });
});
