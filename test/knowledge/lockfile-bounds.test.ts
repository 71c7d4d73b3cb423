/**
 * Lock-file edges: a uv workspace member (built from its own folder) is the project's code, not a
 * locked dependency; a pnpm lock file cut at its line bound says so, as one over its entry bound does.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatherKnowledge } from '../../src/knowledge/index.js';
import { MAX_LOCK_ENTRIES } from '../../src/knowledge/lockfiles.js';
import { locked, notes } from './lock-helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'guardian-lock-bounds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

function project(file: string, text: string): string {
  const root = join(tmp, `p${++n}`);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, file), text);
  return root;
}

describe('uv.lock', () => {
  it('locks no version of a workspace member, editable or virtual, and still of a registry package', async () => {
    const root = project(
      'uv.lock',
      [
        'version = 1',
        '',
        '[[package]]',
        'name = "shared"',
        'version = "0.2.0"',
        'source = { editable = "packages/shared" }',
        '',
        '[[package]]',
        'name = "tools"',
        'version = "0.1.0"',
        'source = { virtual = "packages/tools" }',
        '',
        '[[package]]',
        'name = "sqlalchemy"',
        'version = "2.0.30"',
        'source = { registry = "https://pypi.org/simple" }',
        '',
      ].join('\n'),
    );
    const r = await gatherKnowledge({
      root,
      taskText: 'Record the last login.',
      sources: [
        { path: 'app/models.py', text: 'import shared\nimport tools\nimport sqlalchemy\n', weight: 1 },
      ],
      manifests: [],
      localModules: new Set(['app']),
      python: { sitePackages: [] },
    });
    expect(locked(r)).toEqual({ shared: undefined, tools: undefined, sqlalchemy: 'uv.lock 2.0.30' });
  });
});

describe('pnpm-lock.yaml', () => {
  it('cut at its line bound, says the rest is not read', async () => {
    const head = [
      'lockfileVersion: 5.4',
      '',
      'importers:',
      '  .:',
      '    dependencies:',
      '      zod: 3.22.4',
      '',
    ];
    const filler = Array.from({ length: 4 * MAX_LOCK_ENTRIES + 10 }, (_, i) => `# ${i}`);
    const root = project('pnpm-lock.yaml', [...head, ...filler].join('\n'));
    const r = await gatherKnowledge({
      root,
      taskText: 'Validate the payload.',
      sources: [{ path: 'src/a.ts', text: "import { z } from 'zod';\n", weight: 1 }],
      manifests: [],
      localModules: new Set(),
      nodeModules: [join(root, 'node_modules')],
    });
    expect(locked(r).zod).toBe('pnpm-lock.yaml 3.22.4');
    expect(notes(r)).toContain(
      `lock file \`pnpm-lock.yaml\` has more than ${4 * MAX_LOCK_ENTRIES} lines: the rest are not read`,
    );
  });
});
