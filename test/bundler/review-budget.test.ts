/**
 * The token budget is a ceiling for the document written: the libraries' headers (a manifest chooses
 * their declared versions), the note naming the files left out, and the redaction markers of the final
 * scan all count.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiFact, LibraryRef } from '../../src/knowledge/types.js';
import { parseBlueprint } from '../../src/spec/index.js';
import { assembleContext, type CodeCandidate } from '../../src/stations/bundler/context.js';
import { countTokens, runBundler } from '../../src/stations/bundler/index.js';
import { makeRepo } from '../support/repo.js';

const BLUEPRINT = [
  '---',
  'id: TASK-7',
  'title: "Add a widget"',
  'status: pending',
  '---',
  '## 1. Goal',
  'Widgets for everyone.',
  '## 2. Functional Acceptance Criteria',
  '*   [ ] A widget can be created.',
  '## 4. Verification Plan',
  '```guardian',
  '[{"description": "unit tests", "stage": "final-submit", "command": "npm test", "expects": "pass"}]',
  '```',
  '',
].join('\n');
const bp = parseBlueprint(BLUEPRINT, 'specs/tasks/TASK-7_widget.md').blueprint!;
const words = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}${i}q`).join(' ');
const base = { blueprint: bp, baseCommit: 'a'.repeat(40), rules: [], notes: [] };

describe('assembleContext stays within the budget', () => {
  it('counts the headers of the libraries whose facts it quotes', () => {
    const libraries: LibraryRef[] = [0, 1, 2, 3].map((i) => ({
      ecosystem: 'npm',
      importName: `lib${i}`,
      packageName: `lib${i}`,
      score: 1,
      declared: { file: 'package.json', spec: words(140, `v${i}`) },
      reasons: [`imported by src/${words(30, 'dir')}.ts:1`],
      symbols: [],
    }));
    const facts: ApiFact[] = libraries.map((l) => ({
      library: l.importName,
      symbol: 'f',
      kind: 'function',
      text: 'export function f(): void;',
      language: 'ts',
      provider: 'typescript-declarations',
      source: 'x.d.ts:1',
      score: 1,
    }));
    const out = assembleContext({ ...base, budget: 1000, code: [], libraries, facts });
    expect(countTokens(out.markdown)).toBeLessThanOrEqual(1000);
    expect(out.tokens).toBe(countTokens(out.markdown));
  });

  it('counts the note that names the files left out', () => {
    const code: CodeCandidate[] = Array.from({ length: 200 }, (_, i) => ({
      path: `src/${'deeply/nested/'.repeat(5)}file_number_${i}.ts`,
      score: 1,
      isTest: false,
      reasons: [],
      lines: Array.from({ length: 50 }, (_, k) => `const v${k} = ${k};`),
      ranges: [{ start: 1, end: 50 }],
    }));
    const out = assembleContext({ ...base, budget: 2000, code, libraries: [], facts: [] });
    expect(countTokens(out.markdown)).toBeLessThanOrEqual(2000);
    expect(out.markdown).toMatch(/Left out to stay within the token budget: .* and \d+ more \(see evidence/);
    expect(out.omitted.filter((o) => o.kind === 'code').length + out.includedCode.length).toBe(200);
  });
});

describe('runBundler reports the tokens of the document it wrote', () => {
  it('after the final scan replaced a secret', async () => {
    const repo = makeRepo(undefined, {
      files: {
        'specs/tasks/TASK-7_widget.md': BLUEPRINT.replace(
          'Widgets for everyone.',
          'Widgets with zod `object()`.',
        ),
        // A credential in a declared requirement reaches the document only through the library's
        // header, which the final scan redacts.
        'package.json': JSON.stringify({
          name: 'app',
          dependencies: { zod: 'git+https://deploy:Q7vL2mXp9RtK4wZs@git.example.com/zod.git' },
        }),
        'src/widget.ts': 'import { z } from "zod";\nexport const widget = z.object({});\n',
        'node_modules/zod/package.json': JSON.stringify({
          name: 'zod',
          version: '3.1.0',
          types: 'index.d.ts',
        }),
        'node_modules/zod/index.d.ts': 'export declare function object(): void;\n',
      },
    });
    try {
      const r = await runBundler({ root: repo.root, taskId: 'TASK-7', python: { sitePackages: [] } });
      const text = readFileSync(join(r.bundleDir, 'task_context.md'), 'utf8');
      expect(text).toContain('[REDACTED:');
      expect(text).not.toContain('Q7vL2mXp9RtK4wZs');
      expect(r.tokens).toBe(countTokens(text));
    } finally {
      repo.cleanup();
    }
  });
});
