/**
 * What the relevant code and the manifests say is untrusted: an import line that is not Python, a
 * specifier that names no package, a manifest entry of the wrong shape or a pip option never becomes a
 * library, a crash or a wrong line.
 */
import { describe, expect, it } from '@jest/globals';
import {
  detectLibraries,
  npmPackageOf,
  parseJsImports,
  parsePythonImports,
  parseManifest,
} from '../../src/knowledge/detect.js';

const detect = (path: string, text: string, taskText = 'task', manifests = parseManifest('x', '')) =>
  detectLibraries({ taskText, sources: [{ path, text, weight: 1 }], manifests, localModules: new Set() });

describe('parsePythonImports on lines that are not Python', () => {
  it('an alias that is no identifier (`import numpy as *`) is no crash', () => {
    const text = '    import numpy as *\nimport pandas as pd (optional)\nx = pd.DataFrame()\n';
    expect(() => parsePythonImports(text)).not.toThrow();
    expect(detect('src/a.py', text).map((l) => l.importName)).toEqual(['numpy', 'pandas']);
  });

  it('still collects names used through aliases, dotted ones included', () => {
    const text =
      'import sqlalchemy as sa\nimport sqlalchemy.orm\ncol = sa.Column(sa.Integer)\nsqlalchemy.orm.relationship("x")\n';
    const imports = parsePythonImports(text);
    expect(imports.find((i) => i.module === 'sqlalchemy')!.names).toEqual(['Column', 'Integer']);
    expect(imports.find((i) => i.module === 'sqlalchemy.orm')!.names).toEqual(['relationship']);
  });
});

describe('parseJsImports across statements', () => {
  it('an export statement before an import is no import clause (names and line are the import’s own)', () => {
    const text = "export function f() { return 1 }\nconst { a, b } = obj;\nimport q from 'qq';\n";
    expect(parseJsImports(text)).toEqual([{ ecosystem: 'npm', module: 'qq', names: [], line: 3 }]);
    const noSemi = "export class X {\n  y: string\n}\nimport { z } from 'zz'\n";
    expect(parseJsImports(noSemi)).toEqual([{ ecosystem: 'npm', module: 'zz', names: ['z'], line: 4 }]);
  });

  it('keeps multi-line and long import lists', () => {
    const names = Array.from({ length: 600 }, (_, i) => `name${i}`);
    const text = `import {\n  ${names.join(',\n  ')}\n} from 'big';\nimport type { T } from 'types-only';\n`;
    const r = parseJsImports(text);
    expect(r.map((i) => [i.module, i.names.length, i.line])).toEqual([
      ['big', 600, 1],
      ['types-only', 1, 603],
    ]);
  });
});

describe('npm specifiers that name no package', () => {
  it('are not libraries: no markup or control characters reach the context as a library name', () => {
    expect(npmPackageOf('evil`** [a](http://x) ## pkg')).toBeUndefined();
    expect(npmPackageOf('zz\u202e')).toBeUndefined();
    expect(npmPackageOf('node:fs`x')).toBeUndefined();
    expect(npmPackageOf('@scope/pkg/sub')).toBe('@scope/pkg');
    expect(npmPackageOf('node:fs/promises')).toBe('node:fs/promises');
    expect(npmPackageOf('fs')).toBe('node:fs');
    const text =
      "import x from 'evil\u0007`** [a](http://x)';\nimport y from 'zz\u202e';\nimport { z } from 'zod';\n";
    expect(detect('src/a.ts', text).map((l) => l.importName)).toEqual(['zod']);
  });
});

describe('parseManifest on entries of the wrong shape', () => {
  it('package.json: only string versions under valid package names, a BOM is no parse error', () => {
    const pj = JSON.stringify({
      dependencies: { zod: '^3', num: 1, nul: null, obj: { a: 1 }, '../../etc': '1', 'a`b': '1' },
      devDependencies: ['lodash'],
      peerDependencies: '@scope/x',
    });
    expect(parseManifest('package.json', `\uFEFF${pj}`)).toEqual([
      { ecosystem: 'npm', name: 'zod', spec: '^3', file: 'package.json' },
    ]);
    expect(parseManifest('package.json', 'null')).toEqual([]);
    expect(parseManifest('package.json', '[1,2]')).toEqual([]);
  });

  it('requirements: URLs, archives, continuations, pip options and markers', () => {
    const text = [
      'requests[socks] >= 2 ; python_version < "3.8"  # http',
      'https://example.com/pkgs/thing-1.0-py3-none-any.whl',
      'git+https://github.com/a/b#egg=bar',
      './local/pkg',
      'thing-1.0.tar.gz',
      '-r ../../../etc/other.txt',
      '-e .',
      'flask \\',
      '    >=2.2',
      'baz==1.0 --hash=sha256:abc \\',
      '    --hash=sha256:def',
      'pkg @ https://example.com/pkg.zip',
    ].join('\r\n');
    expect(parseManifest('requirements.txt', `\uFEFF${text}`).map((d) => [d.name, d.spec])).toEqual([
      ['requests', 'requests>= 2'],
      ['flask', 'flask>=2.2'],
      ['baz', 'baz==1.0'],
      ['pkg', 'pkg@ https://example.com/pkg.zip'],
    ]);
  });

  it('pyproject.toml: a string where a list belongs is no list of letters; names are checked', () => {
    const toml = [
      '[project]',
      'dependencies = "requests"',
      '[project.optional-dependencies]',
      'dev = "pytest"',
      'docs = ["sphinx>=7"]',
      '[dependency-groups]',
      'test = ["hypothesis", { include-group = "docs" }]',
      '[tool.poetry.dependencies]',
      'python = "^3.11"',
      '"evil`** [x](y)" = "1"',
      'httpx = { version = "^0.27", extras = ["http2"] }',
      '[tool.poetry.group.lint.dependencies]',
      'ruff = "*"',
    ].join('\n');
    expect(parseManifest('pyproject.toml', toml).map((d) => [d.name, d.spec])).toEqual([
      ['sphinx', 'sphinx>=7'],
      ['hypothesis', 'hypothesis'],
      ['httpx', '{"version":"^0.27","extras":["http2"]}'],
      ['ruff', '*'],
    ]);
    // The letters of "requests" were once dependencies `r`, `e`, `q`…: "e.g." named one.
    const libs = detectLibraries({
      taskText: 'Log the user in, e.g. with a token.',
      sources: [],
      manifests: parseManifest('pyproject.toml', '[project]\ndependencies = "requests"\n'),
      localModules: new Set(),
    });
    expect(libs).toEqual([]);
  });

  it('pyproject.toml: a Poetry entry nested too deeply to show costs only itself', () => {
    const toml = `[tool.poetry.dependencies]\nrequests = "^2"\ndeep${'.a'.repeat(50_000)} = 1\n`;
    expect(parseManifest('pyproject.toml', toml).map((d) => [d.name, d.spec])).toEqual([
      ['requests', '^2'],
      ['deep', '{…}'],
    ]);
  });

  it('a library declared in two manifests and named in the task counts once', () => {
    const manifests = [
      ...parseManifest('requirements.txt', 'requests==2.31.0\n'),
      ...parseManifest('pyproject.toml', '[project]\ndependencies = ["requests>=2"]\n'),
    ];
    const [lib] = detectLibraries({
      taskText: 'Retry requests.',
      sources: [],
      manifests,
      localModules: new Set(),
    });
    expect(lib!.reasons).toEqual(['named in the task (requests)']);
    expect(lib!.score).toBe(1);
    expect(lib!.declared).toEqual({ file: 'requirements.txt', spec: 'requests==2.31.0' });
  });
});

describe('the order of libraries and names', () => {
  it('ties are broken by code units, the same under any locale', () => {
    const libs = detect('a.py', 'import attr\nimport Crypto\nimport aab\nfrom zz import b, B, a\n');
    expect(libs.map((l) => l.importName)).toEqual(['Crypto', 'aab', 'attr', 'zz']);
    expect(libs[3]!.symbols.map((s) => s.name)).toEqual(['B', 'a', 'b']);
  });
});

describe('many imports and many declared names', () => {
  it('a library keeps its best hundred names, each with a few places it is used from', () => {
    const names = Array.from({ length: 300 }, (_, i) => `n${i}`).join(', ');
    const text = Array.from({ length: 10 }, () => `from big import ${names}`).join('\n');
    const [lib] = detect('a.py', text, 'use n299 and n7');
    expect(lib!.symbols).toHaveLength(100);
    expect(lib!.symbols.slice(0, 2).map((s) => s.name)).toEqual(['n299', 'n7']);
    expect(Math.max(...lib!.symbols.map((s) => s.from.length))).toBe(6);
  });

  it('every import keeps its own line and every library its declaration', () => {
    const py = Array.from({ length: 3000 }, (_, i) => `import lib${i}`).join('\n');
    const manifests = parseManifest(
      'requirements.txt',
      Array.from({ length: 3000 }, (_, i) => `lib${i}==${i}.0`).join('\n'),
    );
    const libs = detectLibraries({
      taskText: 'lib2999',
      sources: [{ path: 'a.py', text: py, weight: 1 }],
      manifests,
      localModules: new Set(),
    });
    expect(libs).toHaveLength(3000);
    expect(libs[0]).toMatchObject({
      importName: 'lib2999',
      reasons: ['named in the task (lib2999)', 'imported by a.py:3000'],
      declared: { file: 'requirements.txt', spec: 'lib2999==2999.0' },
    });
  });
});
