import { describe, expect, it } from '@jest/globals';
import { detectLibraries, parseImports, parseManifest } from '../../src/knowledge/detect.js';

describe('parseImports', () => {
  it('reads Python imports, including parenthesized lists and module aliases', () => {
    const text = [
      'import os, sys',
      'import sqlalchemy as sa',
      'from sqlalchemy.orm import (',
      '    Session,',
      '    sessionmaker as make,',
      ')',
      'from . import local',
      'x = sa.Column(sa.Integer)',
    ].join('\n');
    const imps = parseImports('m.py', text);
    expect(imps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ module: 'sqlalchemy.orm', names: ['Session', 'sessionmaker'], line: 3 }),
        expect.objectContaining({ module: 'sqlalchemy', names: ['Column', 'Integer'], line: 2 }),
        expect.objectContaining({ module: '.', names: ['local'] }),
        expect.objectContaining({ module: 'os' }),
      ]),
    );
  });

  it('reads JS/TS imports: named, type-only, default, namespace, require and dynamic import', () => {
    const text = [
      "import { createServer, type IncomingMessage } from 'node:http';",
      "import * as z from 'zod';",
      "import express from 'express';",
      "export { thing } from '@scope/pkg/sub';",
      "const fs = require('fs');",
      "const lazy = await import('lodash');",
      "import './side-effect.js';",
      'const s = z.object({ a: z.string() });',
      'const app = express.Router();',
    ].join('\n');
    const byModule = Object.fromEntries(parseImports('a.ts', text).map((i) => [i.module, i.names]));
    expect(byModule['node:http']).toEqual(['createServer', 'IncomingMessage']);
    expect(byModule['zod']).toEqual(['object', 'string']);
    expect(byModule['express']).toEqual(['Router']);
    expect(byModule['@scope/pkg/sub']).toEqual(['thing']);
    expect(Object.keys(byModule)).toEqual(expect.arrayContaining(['fs', 'lodash', './side-effect.js']));
  });
});

describe('parseManifest', () => {
  it('reads package.json, requirements.txt and pyproject.toml (PEP 621 and Poetry)', () => {
    expect(
      parseManifest(
        'package.json',
        JSON.stringify({ dependencies: { zod: '^3' }, devDependencies: { jest: '30' } }),
      ),
    ).toEqual([
      { ecosystem: 'npm', name: 'zod', spec: '^3', file: 'package.json' },
      { ecosystem: 'npm', name: 'jest', spec: '30', file: 'package.json' },
    ]);
    expect(
      parseManifest(
        'requirements-dev.txt',
        '# tools\nFlask[async]>=2.2 ; python_version>"3.8"\n-r base.txt\nblack\n',
      ),
    ).toEqual([
      { ecosystem: 'python', name: 'Flask', spec: 'Flask>=2.2', file: 'requirements-dev.txt' },
      { ecosystem: 'python', name: 'black', spec: 'black', file: 'requirements-dev.txt' },
    ]);
    const py = parseManifest(
      'pyproject.toml',
      '[project]\ndependencies = ["SQLAlchemy>=1.4,<2"]\n[project.optional-dependencies]\ndev = ["pytest"]\n[tool.poetry.dependencies]\npython = "^3.11"\nrequests = "^2"\n',
    );
    expect(py.map((d) => d.name)).toEqual(['SQLAlchemy', 'pytest', 'requests']);
    expect(parseManifest('pyproject.toml', 'not = [valid')).toEqual([]);
  });
});

describe('detectLibraries', () => {
  it("ignores the standard library, relative imports and the project's own modules", () => {
    const libs = detectLibraries({
      taskText: 'Add a field',
      sources: [
        {
          path: 'src/a.py',
          text: 'import json\nfrom src.models import User\nfrom .x import y\nimport flask\n',
          weight: 1,
        },
      ],
      manifests: [],
      localModules: new Set(['src']),
    });
    expect(libs.map((l) => l.importName)).toEqual(['flask']);
  });

  it('treats bare npm specifiers as packages, except the project importing itself by name', () => {
    const libs = detectLibraries({
      taskText: 'x',
      sources: [
        { path: 'src/a.ts', text: "import { z } from 'zod';\nimport { b } from 'my-app/b';\n", weight: 1 },
      ],
      manifests: [],
      localModules: new Set(['src', 'zod', 'npm:my-app']),
    });
    expect(libs.map((l) => l.importName)).toEqual(['zod']);
  });

  it('counts a library named in the task even when no relevant file imports it yet', () => {
    const libs = detectLibraries({
      taskText: 'Validate the body with zod',
      sources: [],
      manifests: [{ ecosystem: 'npm', name: 'zod', spec: '^3', file: 'package.json' }],
      localModules: new Set(),
    });
    expect(libs[0]).toMatchObject({ importName: 'zod', declared: { spec: '^3' } });
    expect(libs[0]!.reasons[0]).toBe('named in the task (zod)');
  });

  it('does not take the word "test" for node:test', () => {
    const libs = detectLibraries({
      taskText: 'Write a failing test first',
      sources: [{ path: 'test/a.test.ts', text: "import { it } from 'node:test';\n", weight: 0.5 }],
      manifests: [],
      localModules: new Set(),
    });
    expect(libs[0]!.reasons.some((r) => r.startsWith('named in the task'))).toBe(false);
  });
});
