import { describe, expect, it } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { parseBlueprint } from '../../src/spec/index.js';
import { assembleContext, type CodeCandidate } from '../../src/stations/bundler/context.js';
import { chooseRanges, countTokens } from '../../src/stations/bundler/index.js';
import type { RuleSection } from '../../src/stations/bundler/rules.js';

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

function code(path: string, lines: number, score: number): CodeCandidate {
  const text = Array.from({ length: lines }, (_, i) => `const line${i + 1} = ${i + 1}; // ${path}`);
  return {
    path,
    score,
    isTest: false,
    reasons: [`lexical: ${path}`],
    lines: text,
    ranges: [{ start: 1, end: lines, label: 'whole file' }],
    fallback: [{ start: 1, end: 5, label: 'function first' }],
  };
}

const rule = (n: number, kind: RuleSection['kind'] = 'ranked'): RuleSection => ({
  source: 'specs/architecture.md',
  line: n * 10,
  endLine: n * 10 + 2,
  heading: `Rules › R${n}`,
  body: `- rule number ${n}`,
  bodyLine: n * 10 + 1,
  kind,
  score: 1 / n,
  reasons: [],
});

describe('assembleContext', () => {
  const base = {
    blueprint: bp,
    baseCommit: 'a'.repeat(40),
    rules: [rule(1, 'global'), rule(2), rule(3)],
    libraries: [],
    facts: [],
    notes: [],
  };

  it('keeps everything in relevance order when it fits', () => {
    const out = assembleContext({
      ...base,
      budget: 24000,
      code: [code('src/a.ts', 10, 3), code('src/b.ts', 10, 2)],
    });
    expect(out.markdown.indexOf('### `src/a.ts`')).toBeLessThan(out.markdown.indexOf('### `src/b.ts`'));
    expect(out.markdown).toContain('`src/a.ts:1-10` — whole file');
    expect(out.omitted).toEqual([]);
    expect(out.tokens).toBe(countTokens(out.markdown));
    expect(out.markdown).toContain('_The task touches no third-party library._');
  });

  it('tries the smaller form of a file before leaving it out, and never exceeds the budget', () => {
    const big = code('src/big.ts', 400, 3);
    const small = code('src/small.ts', 5, 1);
    const out = assembleContext({ ...base, budget: 1500, code: [big, small] });
    expect(out.tokens).toBeLessThanOrEqual(1500);
    expect(out.includedCode.find((c) => c.path === 'src/big.ts')?.ranges).toEqual([
      { start: 1, end: 5, label: 'function first' },
    ]);
    expect(out.includedCode.map((c) => c.path)).toContain('src/small.ts');

    const tight = assembleContext({ ...base, budget: 1000, code: [code('src/huge.ts', 2000, 3)] });
    expect(tight.tokens).toBeLessThanOrEqual(1000);
    expect(tight.omitted.length + tight.includedCode.length).toBeGreaterThan(0);
  });

  it('lists what it left out for the budget in the notes', () => {
    const many = Array.from({ length: 30 }, (_, i) => code(`src/f${i}.ts`, 60, 30 - i));
    const out = assembleContext({ ...base, budget: 4000, code: many });
    expect(out.tokens).toBeLessThanOrEqual(4000);
    expect(out.omitted.length).toBeGreaterThan(0);
    expect(out.markdown).toMatch(/## Notes\n\n- Left out to stay within the token budget: `src\/f\d+\.ts`/);
    // The most relevant files are the ones kept.
    expect(out.includedCode[0]!.path).toBe('src/f0.ts');
  });

  it('refuses a budget smaller than the task itself', () => {
    expect(() => assembleContext({ ...base, budget: 100, code: [] })).toThrow(
      /token budget 100 is too small for TASK-7/,
    );
  });

  it('caps the notes shown and points to the evidence for the rest', () => {
    const notes = Array.from({ length: 20 }, (_, i) => `note ${i}`);
    const out = assembleContext({ ...base, budget: 24000, code: [], notes });
    expect(out.markdown).toContain('- note 11\n- … and 8 more (see evidence/*.json)');
    expect(out.markdown).not.toContain('note 12');
  });
});

describe('chooseRanges', () => {
  const lines = (n: number) =>
    Array.from({ length: n }, (_, i) => (i < 3 ? `import m${i} from "m${i}";` : `x${i}`));

  it('quotes a short file whole', () => {
    expect(chooseRanges({ symbols: [] }, lines(40)).ranges).toEqual([
      { start: 1, end: 40, label: 'whole file' },
    ]);
  });

  it('quotes the imports and the best symbols of a long file, merged and in file order', () => {
    const r = chooseRanges(
      {
        symbols: [
          { name: 'low', kind: 'function', startLine: 300, endLine: 310, score: 0.1 },
          { name: 'b', kind: 'function', startLine: 150, endLine: 170, score: 0.8 },
          { name: 'a', kind: 'class', startLine: 100, endLine: 149, score: 1 },
        ],
      },
      lines(400),
    );
    expect(r.ranges).toEqual([
      { start: 1, end: 3, label: 'imports' },
      { start: 99, end: 170, label: 'class a, function b' },
    ]);
    expect(r.fallback).toEqual([{ start: 100, end: 139, label: 'class a' }]);
  });

  it('quotes the beginning of a long file without symbols', () => {
    const r = chooseRanges(
      { symbols: [] },
      Array.from({ length: 300 }, (_, i) => `line ${i}`),
    );
    expect(r.ranges).toEqual([{ start: 1, end: 60, label: 'beginning of the file' }]);
  });
});

describe('countTokens', () => {
  it('counts ordinary text exactly as the tokenizer does', () => {
    const enc = new Tiktoken(o200k);
    const text = 'def last_login(user: User) -> datetime:\n    """When the user last logged in (UTC)."""\n';
    expect(countTokens(text)).toBe(enc.encode(text, [], []).length);
  });

  it('counts a long run without spaces in pieces: close to the exact count, and never stuck on it', () => {
    const enc = new Tiktoken(o200k);
    const run = '='.repeat(2000);
    const exact = enc.encode(run, [], []).length;
    const counted = countTokens(`intro ${run} outro`);
    expect(counted).toBeGreaterThanOrEqual(exact);
    expect(counted).toBeLessThanOrEqual(exact + 2 + Math.ceil(2000 / 128) + 2);
    // 40,000 characters of punctuation and a 300 KB line of brackets (minutes each before).
    expect(countTokens('='.repeat(40_000))).toBeGreaterThan(300);
    expect(countTokens('['.repeat(300_000))).toBeGreaterThan(1000);
  });
});
