/** Model answers that are valid JSON but not what was asked for. */
import { describe, expect, it } from '@jest/globals';
import { parseModelAnswer } from '../../src/stations/security-consultant/model.js';

const ctx = { repoFiles: new Set(['src/a.py']), lineCounts: new Map([['src/a.py', 10]]) };
const finding = (over: Record<string, unknown> = {}) => ({
  category: 'sql-injection',
  title: 'Use bound parameters in the new query',
  severity: 'high',
  where: [{ path: 'src/a.py', line: 3 }],
  risk: 'r',
  advice: 'Bind the email as a parameter in the new lookup query.',
  verification: 'v',
  ...over,
});

describe('locations in a model answer', () => {
  it('takes a number or a string of digits as a line, and nothing else', () => {
    const r = parseModelAnswer(
      JSON.stringify({
        findings: [
          finding({ where: [{ path: 'src/a.py', line: '4' }] }),
          finding({ where: [{ path: 'src/a.py', line: true }] }),
          finding({ where: [{ path: 'src/a.py', line: [5] }] }),
          finding({ where: [{ path: 'src/a.py', line: ' 6 ' }] }),
          finding({ where: [{ path: 'src/a.py', line: '0x7' }] }),
        ],
      }),
      ctx,
    );
    expect(r.findings.map((f) => f.where)).toEqual([[{ path: 'src/a.py', line: 4 }]]);
    expect(r.notes).toEqual([
      expect.stringMatching(/model finding 2 .*"src\/a\.py:true", which does not exist/),
      expect.stringMatching(/model finding 3 .*"src\/a\.py:5", which does not exist/),
      expect.stringMatching(/model finding 4 .*"src\/a\.py: 6", which does not exist/),
      expect.stringMatching(/model finding 5 .*"src\/a\.py:0x7", which does not exist/),
    ]);
  });
});

describe('huge fields in a model answer', () => {
  it('keeps the start of each field, with every `<` that could open a tag escaped', () => {
    const r = parseModelAnswer(
      JSON.stringify({
        findings: [
          finding({
            title: `T ${'<b'.repeat(100_000)}`,
            risk: `R ${'<!--x-->'.repeat(100_000)}`,
            advice: `A ${'\u200b<i>'.repeat(100_000)}`,
          }),
        ],
      }),
      ctx,
    );
    expect(r.notes).toEqual([]);
    const [f] = r.findings;
    expect(f!.title).toBe(`T ${'&lt;b'.repeat(100_000)}`.slice(0, 120));
    expect(f!.risk).toBe('R');
    expect(f!.advice).toBe(`A ${'&lt;i>'.repeat(100_000)}`.slice(0, 1500));
  });
});
