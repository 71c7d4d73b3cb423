/**
 * Installed packages are untrusted input too: a package.json whose version is no string, metadata
 * folders with markup in their names, declarations of tens of megabytes; and a namespace package is
 * installed, not missing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gatherKnowledge } from '../../src/knowledge/index.js';
import { installedDists } from '../../src/knowledge/python.js';
import { runBundler } from '../../src/stations/bundler/index.js';
import { EXAMPLES, makeRepo } from '../support/repo.js';

let tmp: string;
function write(rel: string, text: string): void {
  const p = join(tmp, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'guardian-installed-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const npmTask = (nodeModules: string, text: string) =>
  gatherKnowledge({
    root: tmp,
    taskText: 'task',
    sources: [{ path: 'src/a.ts', text, weight: 1 }],
    manifests: [],
    localModules: new Set(),
    nodeModules: [nodeModules],
  });

describe('a package.json of the wrong shape', () => {
  it('a version that is no string is no version; a BOM does not hide the package', async () => {
    write('p1/node_modules/listver/package.json', JSON.stringify({ name: 'listver', version: ['1.0.0'] }));
    write('p1/node_modules/listver/index.d.ts', 'export declare function pick(a: string): string;\n');
    write(
      'p1/node_modules/bommed/package.json',
      `\uFEFF${JSON.stringify({ version: '2.0.0', types: 'lib.d.ts' })}`,
    );
    write('p1/node_modules/bommed/lib.d.ts', 'export declare const answer: 42;\n');
    const r = await npmTask(
      join(tmp, 'p1', 'node_modules'),
      "import { pick } from 'listver';\nimport { answer } from 'bommed';\n",
    );
    expect(r.libraries.map((l) => [l.importName, l.version])).toEqual([
      ['bommed', '2.0.0'],
      ['listver', undefined],
    ]);
    expect(r.facts.map((f) => `${f.library}:${f.symbol}:${f.source}`)).toEqual([
      'bommed:answer:bommed/lib.d.ts:1',
      'listver:pick:listver/index.d.ts:1',
    ]);
  });

  it('guardian bundle writes the context instead of failing on it', async () => {
    const src = readFileSync(join(EXAMPLES, 'ts-todo-api', 'src/store.ts'), 'utf8');
    const repo = makeRepo('ts-todo-api', {
      files: { 'src/store.ts': "import { pick } from 'odd-lib';\n" + src },
    });
    try {
      const nm = join(repo.root, 'vendor', 'node_modules');
      mkdirSync(join(nm, 'odd-lib'), { recursive: true });
      writeFileSync(join(nm, 'odd-lib', 'package.json'), JSON.stringify({ version: ['1.0.0'] }));
      writeFileSync(join(nm, 'odd-lib', 'index.d.ts'), 'export declare function pick(a: string): string;\n');
      const r = await runBundler({ root: repo.root, taskId: 'TASK-001', nodeModules: [nm] });
      const ctx = readFileSync(join(r.bundleDir, 'task_context.md'), 'utf8');
      expect(ctx).toContain('### odd-lib\n');
      expect(ctx).toContain('export declare function pick(a: string): string;');
    } finally {
      repo.cleanup();
    }
  });
});

describe('file names an installed package chooses', () => {
  it('are quoted as code in the notes, never markup', async () => {
    const entry = '[docs](evil.example)`x`.d.ts';
    write('p3/node_modules/linky/package.json', JSON.stringify({ version: '1.0.0', types: `./${entry}` }));
    write(`p3/node_modules/linky/${entry}`, 'export declare const other: 1;\n');
    const r = await npmTask(join(tmp, 'p3', 'node_modules'), "import { wanted } from 'linky';\n");
    const note = r.notes.map((n) => n.message).find((n) => n.startsWith('linky: none of the names'));
    expect(note).toMatch(
      /found in `` \/\S*\/p3\/node_modules\/linky\/\[docs\]\(evil\.example\)`x`\.d\.ts ``$/,
    );
  });
});

describe('declarations of tens of megabytes', () => {
  it('are read up to a bound per bundle, with a note, and what was read still answers', async () => {
    // Six files of 7 MB behind star re-exports: a name found nowhere would read them all.
    const files = 6;
    const line = `export declare function filler(a: string, b: number): Promise<void>; // ${'x'.repeat(60)}\n`;
    const big = line.repeat(Math.floor((7 * 1024 * 1024) / line.length));
    expect(files * big.length).toBeGreaterThan(32 * 1024 * 1024);
    write('p2/node_modules/huge/package.json', JSON.stringify({ version: '1.0.0' }));
    const stars = Array.from({ length: files }, (_, i) => `export * from './part${i}';`).join('\n');
    write('p2/node_modules/huge/index.d.ts', `${stars}\nexport declare function first(): void;\n`);
    for (let i = 0; i < files; i++) write(`p2/node_modules/huge/part${i}.d.ts`, big);
    const r = await npmTask(join(tmp, 'p2', 'node_modules'), "import { missing, first } from 'huge';\n");
    expect(r.facts.map((f) => f.symbol)).toEqual(['first']);
    const notes = r.notes.map((n) => n.message);
    expect(notes.filter((n) => n.includes('over the read bound'))).toEqual([
      expect.stringMatching(
        /^skipped unreadable `\S+\/part\d\.d\.ts` \(over the read bound of 32 MiB of declarations; later files are skipped too\)$/,
      ),
    ]);
  });
});

describe('Python sources of tens of megabytes', () => {
  it('are read up to a bound per bundle, with a note, and what was read still answers', async () => {
    const files = 10;
    const line = `def filler(a: str, b: int) -> None: ...  # ${'x'.repeat(60)}\n`;
    const big = line.repeat(Math.floor((3.9 * 1024 * 1024) / line.length));
    expect(files * big.length).toBeGreaterThan(32 * 1024 * 1024);
    const stars = Array.from({ length: files }, (_, i) => `from .part${i} import *`).join('\n');
    write('site4/hugepy/__init__.py', `${stars}\ndef first() -> None:\n    """The first."""\n`);
    for (let i = 0; i < files; i++) write(`site4/hugepy/part${i}.py`, big);
    const r = await gatherKnowledge({
      root: tmp,
      taskText: 'task',
      sources: [{ path: 'a.py', text: 'from hugepy import missing, first\n', weight: 1 }],
      manifests: [],
      localModules: new Set(),
      python: { sitePackages: [join(tmp, 'site4')] },
    });
    expect(r.facts.map((f) => f.symbol)).toEqual(['first']);
    const notes = r.notes.map((n) => n.message);
    expect(notes.filter((n) => n.includes('over the read bound'))).toEqual([
      expect.stringMatching(
        /^skipped unreadable `\S+\/part\d\.py` \(over the read bound of 32 MiB of Python files; later files are skipped too\)$/,
      ),
    ]);
  });
});

describe('site-packages', () => {
  it('metadata folders are listed in name order; names with markup are no distributions', () => {
    for (const d of [
      'zeta-1.0.dist-info',
      'alpha-2.0.dist-info',
      'evil`**x-1.0.dist-info',
      'ok-1.0`x.dist-info',
    ])
      mkdirSync(join(tmp, 'site1', d), { recursive: true });
    expect(installedDists(join(tmp, 'site1')).map((d) => `${d.name}-${d.version}`)).toEqual([
      'alpha-2.0',
      'zeta-1.0',
    ]);
  });

  it('a distribution named in the task is found under the module it installs (RECORD or top_level.txt)', async () => {
    // A wheel not built by setuptools has no top_level.txt: its RECORD lists what it installed.
    write(
      'site3/beautifulsoup4-4.12.2.dist-info/RECORD',
      'bs4/__init__.py,sha256=abc,120\nbs4/element.py,sha256=def,99\nbeautifulsoup4-4.12.2.dist-info/METADATA,,\n../../bin/tool,,\n',
    );
    write('site3/bs4/__init__.py', 'class BeautifulSoup:\n    """A parsed document."""\n');
    write('site3/PyYAML-6.0.1.dist-info/top_level.txt', '_yaml\nyaml\n');
    write(
      'site3/yaml/__init__.py',
      'def safe_load(stream):\n    """Parse the first YAML document in a stream."""\n',
    );
    const r = await gatherKnowledge({
      root: tmp,
      taskText:
        'Parse the page with beautifulsoup4 (`BeautifulSoup`) and the settings with PyYAML (`safe_load`).',
      sources: [{ path: 'a.py', text: 'x = 1\n', weight: 1 }],
      manifests: [{ path: 'requirements.txt', text: 'beautifulsoup4==4.12.2\nPyYAML>=6\n' }],
      localModules: new Set(),
      python: { sitePackages: [join(tmp, 'site3')] },
    });
    expect(r.notes.map((n) => n.message)).toEqual([]);
    expect(r.libraries.map((l) => [l.importName, l.packageName, l.version])).toEqual([
      ['bs4', 'beautifulsoup4', '4.12.2'],
      ['yaml', 'PyYAML', '6.0.1'],
    ]);
    expect(r.facts.map((f) => `${f.library}:${f.symbol}`)).toEqual([
      'beautifulsoup4:BeautifulSoup',
      'PyYAML:safe_load',
    ]);
  });

  it('a namespace package (a folder without __init__) is installed, and its modules answer', async () => {
    write('site2/google/cloud/storage/__init__.py', 'from .client import Client\n');
    write(
      'site2/google/cloud/storage/client.py',
      'class Client:\n    """Talks to the storage service."""\n\n    def bucket(self, name: str) -> "Bucket":\n        pass\n',
    );
    const r = await gatherKnowledge({
      root: tmp,
      taskText: 'task',
      sources: [{ path: 'a.py', text: 'from google.cloud.storage import Client\n', weight: 1 }],
      manifests: [],
      localModules: new Set(),
      python: { sitePackages: [join(tmp, 'site2')] },
    });
    expect(r.notes.map((n) => n.message)).toEqual([]);
    expect(r.facts.map((f) => [f.symbol, f.source])).toEqual([
      ['Client', 'google/cloud/storage/client.py:1'],
    ]);
    expect(r.facts[0]!.text).toContain('def bucket(self, name: str) -> "Bucket": ...');
  });
});
