/**
 * Front matter and line endings the parser misread: a closing line of more than three dashes ended the
 * front matter silently (the fields after it were lost), `!!binary`, `!!timestamp` and `!!set` were
 * resolved into a Buffer, a Date or a Set ("got an object"), a file with old Mac line endings was quoted
 * back whole as a "front matter language", an alias with no anchor was called an expansion attack (at
 * line 2), and deep nesting was reported as a stack overflow.
 */
import { describe, expect, test } from '@jest/globals';
import { parseBlueprint } from '../../../src/spec/blueprint.js';
import { parseMilestone } from '../../../src/spec/milestone.js';
import { parseQualityToml } from '../../../src/spec/quality.js';
import { runCli } from '../../support/cli.js';
import { BASIC_FRONT, blueprint, specDir } from './helpers.js';

const T = 'specs/tasks/TASK-001_thing.md';

interface JsonProblem {
  file: string;
  line?: number;
  field?: string;
  severity: string;
  message: string;
}

async function lint(files: Record<string, string>): Promise<{ code: number; problems: JsonProblem[] }> {
  const root = specDir(files);
  const r = await runCli(['lint', '--root', root, '--json']);
  expect(r.stderr).toBe('');
  const problems = (JSON.parse(r.stdout).problems as JsonProblem[]).map(
    ({ file, line, severity, message }) => ({
      file,
      line,
      severity,
      message,
    }),
  );
  return { code: r.code, problems };
}

describe('the lines around the front matter', () => {
  test('a line of more than three dashes inside the front matter is an error, not a silent end', async () => {
    // The `depends_on` after the line became body text: lint said nothing of the unknown task.
    const r = await lint({
      [T]: `---\n${BASIC_FRONT}\n----------\ndepends_on: [TASK-404]\n---\n## Goal\nx\n`,
    });
    expect(r.code).toBe(1);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([
      {
        file: T,
        line: 5,
        severity: 'error',
        message: `a line that starts with '---' ends the front matter and must be exactly '---', got "----------"`,
      },
    ]);
    const glued = parseBlueprint(`---\n${BASIC_FRONT}\n---labels: [a]\n---\n`, T);
    expect(glued.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      `5: a line that starts with '---' ends the front matter and must be exactly '---', got "---labels: [a]"`,
    ]);
  });

  test('a closing line with trailing blanks still closes; none at all is still "not closed"', () => {
    const ok = parseBlueprint(blueprint(BASIC_FRONT).replace('\n---\n', '\n--- \t\n'), T);
    expect(ok.problems).toEqual([]);
    expect(ok.blueprint?.sections.goal?.line).toBe(6);
    const open = parseBlueprint(`---\n${BASIC_FRONT}\n## Goal\nx\n`, T);
    expect(open.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      "1: front matter is not closed: expected a '---' line after it",
    ]);
  });

  test('an opening line of four dashes is named as such', () => {
    const r = parseMilestone(`----\nid: M\ntitle: m\ntasks: []\n---\n`, 'specs/milestones/M.md');
    expect(r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      `1: the front matter must open with a line that is exactly '---', got "----"`,
    ]);
  });
});

describe('YAML tags', () => {
  test('!!binary, !!timestamp, !!set, !!omap and !!pairs are refused at their lines', () => {
    const r = parseBlueprint(
      `---\nid: TASK-001\ntitle: !!binary aGVsbG8=\nstatus: !!timestamp 2001-12-14\nlabels: !!set {a, b}\ndepends_on: !!omap [a: 1]\nrelevant_tests: !!pairs [a: 1]\n---\n`,
      T,
    );
    expect(r.blueprint).toBeUndefined();
    expect(r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '3: YAML syntax error: Unresolved tag: tag:yaml.org,2002:binary (custom YAML tags are not allowed)',
      '4: YAML syntax error: Unresolved tag: tag:yaml.org,2002:timestamp (custom YAML tags are not allowed)',
      '5: YAML syntax error: Unresolved tag: tag:yaml.org,2002:set (custom YAML tags are not allowed)',
      '6: YAML syntax error: Unresolved tag: tag:yaml.org,2002:omap (custom YAML tags are not allowed)',
      '7: YAML syntax error: Unresolved tag: tag:yaml.org,2002:pairs (custom YAML tags are not allowed)',
    ]);
  });

  test('the core tags still work: !!str, !!int, !!bool, !!seq', () => {
    const r = parseBlueprint(
      blueprint('id: !!str TASK-001\ntitle: !!str 42\nstatus: pending\nlabels: !!seq [a]'),
      T,
    );
    expect(r.problems).toEqual([]);
    expect(r.blueprint).toMatchObject({ id: 'TASK-001', title: '42', labels: ['a'] });
  });
});

describe('line endings', () => {
  test('old Mac line endings are one error naming the line, in a blueprint and in quality.toml', async () => {
    const mac = `---\r${BASIC_FRONT.replace(/\n/g, '\r')}\r---\r## Goal\rx\r`;
    const r = await lint({ [T]: mac });
    expect(r.problems).toEqual([
      {
        file: T,
        line: 1,
        severity: 'error',
        message:
          'contains a carriage return without a line feed (an old Mac line ending); spec files must use LF or CRLF line endings',
      },
    ]);
    const q = parseQualityToml('[quality_checks]\ntests = "true"\rlint = "true"\n');
    expect(q.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: contains a carriage return without a line feed (an old Mac line ending); spec files must use LF or CRLF line endings',
    ]);
  });

  test('a lone carriage return in the body that would hide a heading is refused at its line', () => {
    const r = parseBlueprint(blueprint(BASIC_FRONT, '## Goal\nx\n\nsee below\r## Verification Plan\n'), T);
    expect(r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '9: contains a carriage return without a line feed (an old Mac line ending); spec files must use LF or CRLF line endings',
    ]);
  });

  test('CRLF files and a byte order mark are read as before', () => {
    const crlf = `\ufeff${blueprint(BASIC_FRONT)}`.replace(/\n/g, '\r\n');
    const r = parseBlueprint(Buffer.from(crlf), T);
    expect(r.problems).toEqual([]);
    expect(r.blueprint?.plan).toHaveLength(1);
    expect(r.blueprint?.sections.verification_plan?.line).toBe(12);
  });
});

describe('YAML aliases', () => {
  test('an alias with no anchor before it is named at its line, not called an expansion attack', () => {
    const r = parseBlueprint(`---\n${BASIC_FRONT}\nlabels: [*later]\ndepends_on: &later []\n---\n`, T);
    expect(r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '5: YAML: the alias *later names no anchor (&later) defined before it',
    ]);
  });
});

describe('deep nesting', () => {
  test('YAML nested thousands of levels deep is named as too deep, not a stack overflow', () => {
    const r = parseBlueprint(
      `---\n${BASIC_FRONT}\nlabels: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n`,
      T,
    );
    expect(r.blueprint).toBeUndefined();
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) {
      expect(p.message).not.toMatch(/call stack/i);
      expect(p.message).toMatch(/nested too deeply/);
      expect(p.line).toBe(5);
    }
  });
});
