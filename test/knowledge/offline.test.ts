import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { discoverSitePackages, gatherKnowledge } from '../../src/knowledge/index.js';
import { findPythonPackage, pythonFact } from '../../src/knowledge/python.js';
import { findNpmPackage, typescriptFact } from '../../src/knowledge/typescript.js';
import { PROJECT_ROOT } from '../support/repo.js';

const DEBIAN_SITE = '/usr/lib/python3/dist-packages';
const hasDebianSqlalchemy = existsSync(join(DEBIAN_SITE, 'sqlalchemy'));

let tmp: string;
function write(rel: string, text: string): void {
  const p = join(tmp, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'guardian-knowledge-'));
  // A Python distribution with sources, separate stubs, a re-export chain and a star import.
  write('site/acme-2.3.1.dist-info/top_level.txt', 'acme\n');
  write(
    'site/acme/__init__.py',
    'from .core import Widget as Widget\nfrom .helpers import *\nfrom . import ops\n',
  );
  write(
    'site/acme/core.py',
    [
      'class Widget:',
      '    """A thing that does work.',
      '',
      '    Widgets are cheap to create."""',
      '',
      '    def __init__(self, name, size=1):',
      '        """Make a widget.',
      '',
      '        :param name: what to call it',
      '        :param size: how big it is',
      '        """',
      '',
      '    def spin(self, times: int = 1) -> None:',
      '        pass',
      '',
      '    def _private(self):',
      '        pass',
    ].join('\n'),
  );
  write(
    'site/acme/helpers.py',
    'def make_widget(\n    name: str,\n    *,\n    size: int = 1,\n) -> "Widget":\n    """Builds a widget."""\n',
  );
  write(
    'site/acme/ops.py',
    'def add_column(table: str, column: object) -> None:\n    """Adds a column."""\n\ndef drop_column(table: str, name: str) -> None: ...\n',
  );
  write(
    'site/acme-stubs/__init__.pyi',
    'from .core import Widget as Widget\nfrom .helpers import make_widget as make_widget\n',
  );
  write(
    'site/acme-stubs/core.pyi',
    'class Widget:\n    def __init__(self, name: str, size: int = ...) -> None: ...\n    def spin(self, times: int = ...) -> None: ...\n',
  );
  write(
    'site/acme-stubs/helpers.pyi',
    'from typing import overload\n@overload\ndef make_widget(name: str) -> Widget: ...\n@overload\ndef make_widget(name: str, *, size: int) -> Widget: ...\n',
  );
  // "Unreadable": a directory where a module file should be.
  mkdirSync(join(tmp, 'site/broken/__init__.py'), { recursive: true });
  write('site/broken-1.0.dist-info/top_level.txt', 'broken\n');

  // An npm package with conditional exports, re-exports, JSDoc and overloads.
  write(
    'node_modules/tinylib/package.json',
    JSON.stringify({
      name: 'tinylib',
      version: '3.1.4',
      exports: { '.': { import: { types: './dist/index.d.mts' } } },
    }),
  );
  write(
    'node_modules/tinylib/dist/index.d.mts',
    "export * from './schema.js';\nexport { parse as parseValue } from './parse.js';\n",
  );
  write(
    'node_modules/tinylib/dist/schema.d.ts',
    [
      '/**',
      ' * A schema: validates unknown input.',
      ' */',
      'export declare class Schema<T> {',
      '    /** Validates or throws. */',
      '    parse(input: unknown): T;',
      '    safeParse(input: unknown): { ok: true; value: T } | { ok: false; errors: string[] };',
      '}',
      '/** An object schema. */',
      'export declare function object<T>(shape: T): Schema<T>;',
      'export declare function object<T>(shape: T, strict: boolean): Schema<T>;',
    ].join('\n'),
  );
  write(
    'node_modules/tinylib/dist/parse.d.ts',
    '/** Parses text. */\nexport declare function parse(text: string): unknown;\n',
  );
  write(
    'node_modules/@types/untyped/package.json',
    JSON.stringify({ name: '@types/untyped', version: '1.0.2', types: 'index.d.ts' }),
  );
  write(
    'node_modules/@types/untyped/index.d.ts',
    'export interface Options {\n  verbose?: boolean;\n}\nexport function run(opts?: Options): void;\n',
  );
  write('node_modules/untyped/package.json', JSON.stringify({ name: 'untyped', version: '0.9.0' }));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('Python packages (static: stubs + docstrings)', () => {
  it('finds a distribution, its version and its stubs', () => {
    const pkg = findPythonPackage([join(tmp, 'site')], 'acme')!;
    expect(pkg).toMatchObject({ importName: 'acme', version: '2.3.1', distName: 'acme' });
    expect(pkg.stubDir).toBe(join(tmp, 'site', 'acme-stubs'));
  });

  it('takes the signature from the stub and the docstring from the source, with provenance', () => {
    const pkg = findPythonPackage([join(tmp, 'site')], 'acme')!;
    const f = pythonFact(pkg, 'Widget', 'acme')!;
    expect(f.provider).toBe('python-stub');
    expect(f.source).toBe('acme-stubs/core.pyi:1 (docstring: acme/core.py:1)');
    expect(f.text).toContain('def __init__(self, name: str, size: int = ...) -> None: ...');
    expect(f.text).toContain('A thing that does work.');
    expect(f.text).toContain('# __init__ parameters: name, size');
    expect(f.text).not.toContain('_private');
  });

  it('follows re-exports and lists overloads', () => {
    const pkg = findPythonPackage([join(tmp, 'site')], 'acme')!;
    const f = pythonFact(pkg, 'make_widget', 'acme')!;
    expect(f.source).toMatch(/^acme-stubs\/helpers\.pyi:3 \(docstring: acme\/helpers\.py:1\)$/);
    expect(f.text.match(/def make_widget/g)).toHaveLength(2);
    expect(f.text).toContain('Builds a widget.');
  });

  it('describes a module imported as a name (from acme import ops)', () => {
    const pkg = findPythonPackage([join(tmp, 'site')], 'acme')!;
    const f = pythonFact(pkg, 'ops', 'acme')!;
    expect(f.kind).toBe('module');
    expect(f.text).toContain('def add_column(table: str, column: object) -> None: ...');
    expect(f.text).toContain('def drop_column(table: str, name: str) -> None: ...');
  });

  it('returns nothing for an unknown name', () => {
    const pkg = findPythonPackage([join(tmp, 'site')], 'acme')!;
    expect(pythonFact(pkg, 'Nope', 'acme')).toBeUndefined();
  });

  (hasDebianSqlalchemy ? it : it.skip)(
    'reads the installed SQLAlchemy (Debian) at its installed version',
    () => {
      const pkg = findPythonPackage([DEBIAN_SITE], 'sqlalchemy')!;
      expect(pkg.version).toMatch(/^1\.4\./);
      const col = pythonFact(pkg, 'Column', 'SQLAlchemy')!;
      expect(col.text).toMatch(/class Column\(/);
      expect(col.text).toContain('nullable');
      const dt = pythonFact(pkg, 'DateTime', 'SQLAlchemy')!;
      expect(dt.text).toContain('timezone');
      const sm = pythonFact(pkg, 'sessionmaker', 'SQLAlchemy', 'sqlalchemy.orm')!;
      expect(sm.source).toMatch(/orm\/session\.pyi?:\d+/);
    },
  );

  (hasDebianSqlalchemy ? it : it.skip)('asks an interpreter for its site-packages', async () => {
    const sites = await discoverSitePackages(['/usr/bin/python3', '/nonexistent/python']);
    expect(sites).toContain(DEBIAN_SITE);
  });
});

describe('reading a hostile repository', () => {
  it('asks the interpreter from an empty folder: a json.py committed to the repository does not run', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'guardian-shadow-'));
    const marker = join(repo, 'RAN');
    try {
      writeFileSync(join(repo, 'json.py'), `open(${JSON.stringify(marker)}, "w").write("x")\n`);
      writeFileSync(join(repo, 'sys.py'), `open(${JSON.stringify(marker)}, "w").write("x")\n`);
      // Even with the repository as this process's working folder. A path spelled differently from other
      // tests' (the answer is cached per interpreter).
      const here = process.cwd();
      process.chdir(repo);
      let sites: string[];
      try {
        sites = await discoverSitePackages(['/usr/bin/../bin/python3']);
      } finally {
        process.chdir(here);
      }
      expect(existsSync(marker)).toBe(false);
      expect(sites.length).toBeGreaterThan(0);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('a Python package name that is not an identifier (a manifest entry with ..) is never joined onto site-packages', () => {
    const root = mkdtempSync(join(tmpdir(), 'guardian-pyname-'));
    try {
      mkdirSync(join(root, 'site'), { recursive: true });
      mkdirSync(join(root, 'elsewhere', 'settings'), { recursive: true });
      writeFileSync(join(root, 'elsewhere', 'settings', '__init__.py'), 'SECRET_MARKER = 1\n');
      expect(findPythonPackage([join(root, 'site')], '../elsewhere/settings')).toBeUndefined();
      expect(findPythonPackage([join(root, 'site')], 'a.b')).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a package.json that is a FIFO or a link to /dev/zero is skipped, not read', () => {
    const root = mkdtempSync(join(tmpdir(), 'guardian-fifo-'));
    try {
      mkdirSync(join(root, 'node_modules', 'fifo'), { recursive: true });
      expect(spawnSync('mkfifo', [join(root, 'node_modules', 'fifo', 'package.json')]).status).toBe(0);
      mkdirSync(join(root, 'node_modules', 'zero'), { recursive: true });
      symlinkSync('/dev/zero', join(root, 'node_modules', 'zero', 'package.json'));
      expect(findNpmPackage([join(root, 'node_modules')], 'fifo')).toBeUndefined();
      expect(findNpmPackage([join(root, 'node_modules')], 'zero')).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('npm packages (TypeScript declarations)', () => {
  const nm = () => [join(tmp, 'node_modules')];

  it('finds declarations through conditional exports and follows re-exports', () => {
    const pkg = findNpmPackage(nm(), 'tinylib')!;
    expect(pkg.version).toBe('3.1.4');
    const schema = typescriptFact(pkg, 'Schema', 'tinylib')!;
    expect(schema.source).toBe('tinylib/dist/schema.d.ts:4');
    expect(schema.text).toContain('A schema: validates unknown input.');
    expect(schema.text).toContain('safeParse(input: unknown)');
    const obj = typescriptFact(pkg, 'object', 'tinylib')!;
    expect(obj.text.match(/export declare function object/g)).toHaveLength(2);
    const renamed = typescriptFact(pkg, 'parseValue', 'tinylib')!;
    expect(renamed.text).toContain('export declare function parse(text: string): unknown;');
  });

  it('falls back to @types/<pkg>', () => {
    const pkg = findNpmPackage(nm(), 'untyped')!;
    expect(pkg.typesPackage).toBe('@types/untyped');
    expect(pkg.version).toBe('0.9.0');
    expect(typescriptFact(pkg, 'run', 'untyped')!.text).toBe('export function run(opts?: Options): void;');
  });

  it("reads Node's built-in modules from @types/node", () => {
    const pkg = findNpmPackage([join(PROJECT_ROOT, 'node_modules')], 'node:http')!;
    expect(pkg.typesPackage).toBe('@types/node');
    const f = typescriptFact(pkg, 'createServer', 'node:http')!;
    expect(f.source).toMatch(/^@types\/node\/http\.d\.ts:\d+$/);
    expect(f.text).toContain('function createServer');
    const im = typescriptFact(pkg, 'IncomingMessage', 'node:http')!;
    expect(im.text).toContain('class IncomingMessage');
    expect(im.text).toContain('headers: IncomingHttpHeaders;');
  });
});

describe('gatherKnowledge (offline)', () => {
  it('detects the libraries a task touches and extracts the names it uses', async () => {
    const r = await gatherKnowledge({
      root: tmp,
      taskText: 'Use `make_widget` to build a Widget in the report (acme).',
      sources: [
        {
          path: 'app/report.py',
          text: 'import os\nfrom acme import Widget\nfrom app.util import x\n',
          weight: 1,
        },
        {
          path: 'web/ui.ts',
          text: "import { object } from 'tinylib';\nimport { helper } from './helper.js';\n",
          weight: 0.5,
        },
      ],
      manifests: [
        { path: 'pyproject.toml', text: '[project]\nname = "x"\ndependencies = ["acme>=2"]\n' },
        { path: 'package.json', text: JSON.stringify({ dependencies: { tinylib: '^3.1.0' } }) },
      ],
      localModules: new Set(['app', 'web']),
      python: { sitePackages: [join(tmp, 'site')] },
      nodeModules: [join(tmp, 'node_modules')],
    });
    expect(r.libraries.map((l) => l.importName)).toEqual(['acme', 'tinylib']);
    expect(r.libraries[0]).toMatchObject({
      version: '2.3.1',
      declared: { file: 'pyproject.toml', spec: 'acme>=2' },
    });
    expect(r.libraries[0]!.reasons).toEqual(expect.arrayContaining(['imported by app/report.py:2']));
    const names = r.facts.map((f) => `${f.library}:${f.symbol}`);
    expect(names).toEqual(expect.arrayContaining(['acme:Widget', 'acme:make_widget', 'tinylib:object']));
    // Widget is imported by the most relevant file and named in the task: it comes first.
    expect(names[0]).toBe('acme:Widget');
  });

  it('notes a pinned version that differs from the installed one', async () => {
    const r = await gatherKnowledge({
      root: tmp,
      taskText: 'task',
      sources: [
        { path: 'a.py', text: 'from acme import Widget\n', weight: 1 },
        { path: 'b.ts', text: "import { object } from 'tinylib';\n", weight: 1 },
      ],
      manifests: [
        { path: 'requirements.txt', text: 'acme==2.0.0\n' },
        { path: 'package.json', text: JSON.stringify({ dependencies: { tinylib: '3.1.4' } }) },
      ],
      localModules: new Set(),
      python: { sitePackages: [join(tmp, 'site')] },
      nodeModules: [join(tmp, 'node_modules')],
    });
    const notes = r.notes.map((n) => n.message);
    expect(notes).toContain(
      'acme: requirements.txt pins 2.0.0 but 2.3.1 is installed; the API facts describe 2.3.1',
    );
    expect(notes.some((n) => n.startsWith('tinylib:'))).toBe(false);
  });

  it('notes libraries that are not installed and unreadable files, without failing', async () => {
    const r = await gatherKnowledge({
      root: tmp,
      taskText: 'task',
      sources: [{ path: 'a.py', text: 'import broken\nimport missingpkg\nbroken.thing()\n', weight: 1 }],
      manifests: [],
      localModules: new Set(),
      python: { sitePackages: [join(tmp, 'site')] },
    });
    const notes = r.notes.map((n) => n.message).join('\n');
    expect(notes).toMatch(/missingpkg is not installed/);
    expect(notes).toMatch(/skipped unreadable .*broken\/__init__\.py/);
    expect(r.facts).toEqual([]);
  });
});
