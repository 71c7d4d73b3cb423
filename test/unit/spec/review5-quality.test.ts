/**
 * quality.toml values reported badly or not at all: globs whose matching backtracks exponentially
 * (`+(a*)b` took over 30 s on a file name of 32 letters, `+(**\/a)/b` on a path of 30 folders, three
 * `**` took seconds on one deep path), a bad item of a list named only as "got a list", only the first bad
 * glob of a list reported, a date named "an object", a key of a check's own table reported at the
 * table's header, and `[validator.__proto__]` reported at the line of `[__proto__]`.
 */
import { describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQualityToml } from '../../../src/spec/quality.js';
import { runCli } from '../../support/cli.js';
import { specDir } from './helpers.js';

const lines = (text: string) =>
  parseQualityToml(text).problems.map((p) => `${p.line}: ${p.field}: ${p.message}`);

describe('globs that picomatch matches in exponential time', () => {
  test('a repeated extglob holding a wildcard, and three ** wildcards, are refused by lint', async () => {
    const root = specDir({});
    writeFileSync(
      join(root, 'quality.toml'),
      [
        '[quality_checks]',
        'tests = "true"',
        '[guard]',
        'protected = ["+(a*)b", "docs/**", "+(**/a)/b"]',
        '[bundle]',
        'exclude = ["**/a/**/a/**/b", "*(x?)"]',
        '',
      ].join('\n'),
    );
    const r = await runCli(['lint', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('quality.toml'))).toEqual([
      `quality.toml:4: error: guard.protected: glob "+(a*)b": the repeated pattern '+(a*)' holds a wildcard, a '/' or another pattern (exponential to match; write it without)`,
      `quality.toml:4: error: guard.protected: glob "+(**/a)/b": the repeated pattern '+(**/a)' holds a wildcard, a '/' or another pattern (exponential to match; write it without)`,
      `quality.toml:6: error: bundle.exclude: glob "**/a/**/a/**/b": 3 '**' wildcards (at most 2; split it into several globs)`,
      `quality.toml:6: error: bundle.exclude: glob "*(x?)": the repeated pattern '*(x?)' holds a wildcard, a '/' or another pattern (exponential to match; write it without)`,
    ]);
  });

  test('ordinary globs, literal extglobs and an escaped parenthesis are still accepted', () => {
    const r = parseQualityToml(
      [
        '[quality_checks]',
        'tests = "true"',
        '[guard]',
        'protected = ["**/test/**/*.py", "+(ab|cd).txt", "@(a|b)/*.py", "!(*.md)", "x/\\\\+(a*)", "src/**"]',
        '',
      ].join('\n'),
    );
    expect(r.problems).toEqual([]);
    expect(r.config?.guard.protected).toEqual(
      expect.arrayContaining(['**/test/**/*.py', '+(ab|cd).txt', '@(a|b)/*.py', '!(*.md)', 'x/\\+(a*)']),
    );
  });
});

describe('what a problem names', () => {
  test('a table where a key was expected is reported at its own header', () => {
    const text = [
      '[quality_checks]',
      'tests = "true"',
      '[__proto__]',
      'x = 1',
      '[validator]',
      'jobs = 2',
      '[validator.__proto__]',
      'x = 1',
      '',
    ].join('\n');
    expect(lines(text)).toEqual([
      "3: __proto__: unknown table or key '__proto__'; known tables: [quality_checks], [setup], [guard], [validator], [bundle], [llm], [commit]",
      "7: validator.__proto__: unknown key '__proto__'; expected one of jobs, fail_fast, default_timeout, secret_env, clean_worktree",
    ]);
  });

  test('each bad item of a list is named, not "got a list"', () => {
    expect(
      lines('[quality_checks]\ntests = "true"\n[setup]\ncommands = ["make", "", 5, "a\\u0000b"]\n'),
    ).toEqual([
      '4: setup.commands: item 2: expected a non-empty string, got an empty string',
      '4: setup.commands: item 3: expected a non-empty string, got number 5',
      '4: setup.commands: item 4 "a\\u0000b": the command contains a NUL character, which no program can be given',
    ]);
  });

  test('a date or a time is named as one', () => {
    expect(
      lines(
        '[quality_checks]\ntests = { command = "true", timeout = 07:32:00 }\n[setup]\ntimeout = 1979-05-27\n',
      ),
    ).toEqual([
      "2: quality_checks.tests: check 'tests': 'timeout' must be seconds between 1 and 86400, got a date or time 07:32:00.000",
      '4: setup.timeout: expected a positive number up to 86400, got a date or time 1979-05-27',
    ]);
  });

  test("a key of a check written as its own table is reported at the key's line", () => {
    const text = [
      '[quality_checks.tests]',
      'command = "pytest"',
      'timout = 30',
      'exclusive = "yes"',
      '[quality_checks.tests.env]',
      'A = 1',
      '[quality_checks.lint]',
      'command = ""',
      '',
    ].join('\n');
    expect(lines(text)).toEqual([
      "3: quality_checks.tests: unknown key 'timout' in check 'tests' (did you mean 'timeout'?); expected command, timeout, exclusive, env",
      "4: quality_checks.tests: check 'tests': 'exclusive' must be true or false, got \"yes\"",
      "6: quality_checks.tests: check 'tests': env.A must be a string with a valid variable name",
      "8: quality_checks.lint: check 'lint': expected a non-empty 'command' string, got an empty string",
    ]);
  });
});
