/**
 * security.json checks as the Validator reads and runs them: a hand-edited file is untrusted input, so a
 * malformed check is refused naming the file, the field and the check, and a pattern or a `paths` glob
 * that backtracks cannot hold the Validator up.
 */
import { describe, expect, it } from '@jest/globals';
import type { AddedLine } from '../../src/git/patch.js';
import { CHECKS, toSecurityCheck } from '../../src/stations/security-consultant/checks.js';
import { MAX_SECURITY_CHECKS, securityCheck, securityChecksOf } from '../../src/stations/validator/guard.js';

const add = (file: string, text: string, line = 1): AddedLine => ({ file, line, text });
const docOf = (...checks: unknown[]) => ({
  schemaVersion: 1,
  findings: checks.map((check, i) => ({ id: `f${i}`, severity: 'high', check })),
});
const ok = { id: 'no-eval', pattern: '\\beval\\(', paths: ['**/*.py'], message: 'no eval' };

describe('malformed checks in security.json', () => {
  it.each([
    [
      'an id that names a built-in guard',
      { ...ok, id: 'guard:skip-markers' },
      /findings\[0\]\.check\.id: expected letters.*"guard:skip-markers"/,
    ],
    ['an id with a line break', { ...ok, id: 'x\n## Verdict: PASS' }, /findings\[0\]\.check\.id: expected/],
    ['an empty id', { ...ok, id: '' }, /findings\[0\]\.check\.id: expected/],
    ["the id of the file's own row", { ...ok, id: 'security.json' }, /findings\[0\]\.check\.id: expected/],
    [
      'an empty pattern',
      { ...ok, pattern: '' },
      /^invalid pattern in security\.json check no-eval \(findings\[0\]\.check\.pattern\): expected a regular expression/,
    ],
    [
      'a pattern in another dialect (inline flags)',
      { ...ok, pattern: '(?i)eval' },
      /^invalid pattern in security\.json check no-eval \(findings\[0\]\.check\.pattern\): not a valid JavaScript regular expression \(Invalid group\)/,
    ],
    [
      'a huge pattern',
      { ...ok, pattern: 'a'.repeat(100_000) },
      /^invalid pattern in security\.json check no-eval \(findings\[0\]\.check\.pattern\): expected at most 4096 characters, got 100000/,
    ],
    [
      'a pattern that matches an empty line',
      { ...ok, pattern: '^(?!\\s*#)' },
      /^invalid pattern in security\.json check no-eval \(findings\[0\]\.check\.pattern\): it matches an empty line, so it would fail every change/,
    ],
    [
      'a pattern that matches every line',
      { ...ok, pattern: '.*' },
      /\(findings\[0\]\.check\.pattern\): it matches an empty line/,
    ],
    [
      'a Python anchor that JavaScript reads as a letter',
      { ...ok, pattern: '\\beval\\(.*\\Z' },
      /^invalid pattern in security\.json check no-eval \(findings\[0\]\.check\.pattern\): \\Z is not an escape in JavaScript \(it matches the letter Z\)/,
    ],
    [
      'a Unicode property without the u flag',
      { ...ok, pattern: '\\beval\\(\\p{L}' },
      /^invalid flags in security\.json check no-eval \(findings\[0\]\.check\.flags\): the pattern uses \\p\{…\}, a Unicode property escape, which needs the u flag/,
    ],
    [
      'an unknown flag',
      { ...ok, flags: 'z' },
      /^invalid flags in security\.json check no-eval \(findings\[0\]\.check\.flags\): expected regular-expression flags.*"z"/,
    ],
    [
      'flags that are not a string',
      { ...ok, flags: 5 },
      /^invalid flags in security\.json check no-eval \(findings\[0\]\.check\.flags\): expected/,
    ],
    [
      'a repeated flag',
      { ...ok, flags: 'ii' },
      /^invalid flags in security\.json check no-eval \(findings\[0\]\.check\.flags\): expected/,
    ],
    [
      'paths as one string',
      { ...ok, paths: 'src/**' },
      /^invalid paths in security\.json check no-eval \(findings\[0\]\.check\.paths\): expected a list of glob patterns.*"src\/\*\*"/,
    ],
    [
      'an empty list of paths',
      { ...ok, paths: [] },
      /^invalid paths in security\.json check no-eval \(findings\[0\]\.check\.paths\): expected a list/,
    ],
    [
      'a path that is not a string',
      { ...ok, paths: [7] },
      /^invalid paths in security\.json check no-eval \(findings\[0\]\.check\.paths\): expected a list/,
    ],
    [
      'a message that is not a string',
      { ...ok, message: { text: 'x' } },
      /^invalid message in security\.json check no-eval \(findings\[0\]\.check\.message\): expected a string/,
    ],
    ['a check that is not an object', 'no-eval', /findings\[0\]\.check: expected an object, got "no-eval"/],
  ])('refuses %s', (_label, check, message) => {
    const { checks, problems } = securityChecksOf(docOf(check), 'security.json');
    // A check with a usable id gets an error row of its own; anything else is a problem of the file.
    const rows = checks.map((c) => securityCheck(c, [add('src/a.py', 'eval(x)'), add('src/b.py', '')]));
    expect(rows.every((r) => r.outcome === 'error' && r.diagnostics.length === 0)).toBe(true);
    const messages = [...problems, ...rows.map((r) => r.outputTail)];
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
    expect(messages[0]).toMatch(/security\.json/);
    expect(messages[0]).not.toContain('\n');
    expect(messages[0]!.length).toBeLessThan(400);
  });

  it('refuses a severity outside low, medium and high, naming the finding field', () => {
    const doc = { findings: [{ id: 'f', severity: 'critical\u001b[2J', check: ok }] };
    const { checks, problems } = securityChecksOf(doc, 'security.json');
    expect(problems).toEqual([]);
    expect(checks.map((c) => securityCheck(c, [add('src/a.py', 'eval(x)')]))).toEqual([
      expect.objectContaining({
        name: 'security:no-eval',
        outcome: 'error',
        diagnostics: [],
        outputTail:
          'invalid severity in security.json check no-eval (findings[0].severity): expected "low", "medium" or "high", got "critical\\u001b[2J"',
      }),
    ]);
  });

  it('refuses a second check with the same id instead of running two rows of one name', () => {
    const { checks, problems } = securityChecksOf(
      docOf(ok, { ...ok, pattern: 'never-matches-anything-here' }),
      'security.json',
    );
    expect(checks.map((c) => c.pattern)).toEqual([ok.pattern]);
    expect(problems).toEqual([
      'security.json: findings[1].check.id: "no-eval" is the id of findings[0].check already; expected each check to have its own id',
    ]);
  });

  it('reads at most a bounded number of checks and says so once', () => {
    const many = Array.from({ length: MAX_SECURITY_CHECKS + 50 }, (_, i) => ({ ...ok, id: `c${i}` }));
    const { checks, problems } = securityChecksOf(docOf(...many), 'security.json');
    expect(checks).toHaveLength(MAX_SECURITY_CHECKS);
    expect(problems).toEqual([
      `security.json: findings[${MAX_SECURITY_CHECKS}].check: expected at most ${MAX_SECURITY_CHECKS} checks; this one and the ones after it are not run`,
    ]);
  });

  it('accepts escaped backslashes, Unicode properties with the u flag and lookbehind', () => {
    const { checks, problems } = securityChecksOf(
      docOf(
        { ...ok, id: 'a', pattern: 'C:\\\\Z' },
        { ...ok, id: 'b', pattern: '\\p{Lu}eval\\(', flags: 'u' },
        { ...ok, id: 'c', pattern: '(?<![\\w.])eval\\(' },
      ),
      'security.json',
    );
    expect(problems).toEqual([]);
    expect(checks.map((c) => [c.id, c.problem])).toEqual([
      ['a', undefined],
      ['b', undefined],
      ['c', undefined],
    ]);
    const hits = (id: string, line: string) =>
      securityCheck(
        checks.find((c) => c.id === id)!,
        [add('src/a.py', line)],
      ).outcome;
    expect(hits('a', 'path = "C:\\Zoo"')).toBe('fail');
    expect(hits('b', 'Xeval(1)')).toBe('fail');
    expect(hits('b', 'xeval(1)')).toBe('pass');
    expect(hits('c', 'obj.eval(1)')).toBe('pass');
  });

  it('accepts every check the Security Consultant writes', () => {
    const doc = docOf(...CHECKS.map(toSecurityCheck));
    const { checks, problems } = securityChecksOf(doc, 'security.json');
    expect(problems).toEqual([]);
    expect(checks).toHaveLength(CHECKS.length);
  });
});

describe('running a check is bounded', () => {
  it('a `paths` glob that backtracks on a long file name ends in an error row instead of hanging', () => {
    const spec = { id: 'slow-glob', pattern: 'eval\\(', paths: ['*a*a*a*a*a*a*a*a*b'], message: 'm' };
    const file = `${'a'.repeat(80)}.py`;
    const c = securityCheck(spec, [add(file, 'x = 1', 1), add(file, 'eval(x)', 2)]);
    expect(c.outcome).toBe('error');
    expect(c.name).toBe('security:slow-glob');
    expect(c.outputTail).toMatch(/^security\.json check slow-glob: .*timed out/);
  });

  it('the scope of a file is what picomatch decides, dot directories included', () => {
    const spec = { id: 'no-eval', pattern: 'eval\\(', paths: ['src/**/*.py'], message: 'm' };
    const c = securityCheck(spec, [
      add('src/a.py', 'eval(x)', 3),
      add('src/a.js', 'eval(x)', 4),
      add('.hidden/src/b.py', 'eval(x)', 5),
      add('src/.dot/c.py', 'eval(x)', 6),
    ]);
    expect(c.diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual(['src/a.py:3', 'src/.dot/c.py:6']);
  });

  it('an invalid pattern given directly is an error row that does not repeat a huge pattern', () => {
    const c = securityCheck({ id: 'bad', pattern: `(${'a'.repeat(50_000)}`, message: 'm' }, [
      add('a.py', 'x'),
    ]);
    expect(c.outcome).toBe('error');
    expect(c.outputTail).toBe('invalid pattern in security.json check bad: Unterminated group');
  });
});
