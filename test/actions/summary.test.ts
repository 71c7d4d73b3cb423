/** Job summary rendering and annotations (pure functions of validation.json and the manifest). */
import { expect, test } from '@jest/globals';
import { annotationsOf } from '../../src/github/annotations.js';
import { inertLines } from '../../src/github/log.js';
import { withSection } from '../../src/github/pulls.js';
import { cell, renderStations, renderValidation, table } from '../../src/github/summary.js';
import type { Manifest } from '../../src/bundle/bundle.js';
import type { CheckResult, ValidationReport } from '../../src/stations/validator/types.js';

const check = (over: Partial<CheckResult>): CheckResult => ({
  name: 'tests',
  kind: 'quality',
  command: 'pytest',
  exitCode: 1,
  durationMs: 1200,
  outcome: 'fail',
  outputTail: 'E   assert 1 == 2\nFAILED tests/test_x.py::test_y',
  diagnostics: [{ file: 'tests/test_x.py', line: 5, message: 'AssertionError', tool: 'pytest' }],
  ...over,
});

const report: ValidationReport = {
  schemaVersion: 1,
  taskId: 'TASK-7',
  verdict: 'fail',
  baseCommit: 'a'.repeat(40),
  patchSha256: 'b'.repeat(64),
  patchSource: 'bundle',
  judgedIn: 'clean-worktree',
  changedFiles: ['src/x.py', 'tests/test_x.py'],
  startedAt: '2026-01-01T00:00:00Z',
  durationMs: 4000,
  summary: 'fail: tests, plan:1, lint',
  checks: [
    check({
      name: 'guard:protected-paths',
      kind: 'guard',
      outcome: 'pass',
      command: undefined,
      diagnostics: [],
      description: 'no protected path',
      durationMs: 0,
    }),
    check({}),
    check({ name: 'plan:1', kind: 'plan' }),
    check({
      name: 'lint',
      command: 'ruff check .',
      outputTail: 'src/x.py:3:1: E999 bad | pipe',
      diagnostics: [],
    }),
  ],
};

test('one annotation per failing line; checks that report the same line share it', () => {
  expect(annotationsOf(report)).toEqual([
    {
      level: 'error',
      title: 'tests, plan:1 (fail)',
      message: 'AssertionError [pytest]',
      file: 'tests/test_x.py',
      startLine: 5,
    },
    { level: 'error', title: 'lint (fail)', message: 'ruff check .: src/x.py:3:1: E999 bad | pipe' },
  ]);
  expect(annotationsOf(report, 1)).toHaveLength(1);
});

test('the verdict table lists every check; only failing ones get their output', () => {
  const md = renderValidation(report);
  expect(md).toContain('### ❌ Validator: fail — TASK-7');
  expect(md).toContain('| guard:protected-paths | guard | ✅ pass | 0 ms | no protected path |');
  expect(md).toContain('| tests | quality | ❌ fail | 1.2 s | tests/test_x.py:5: AssertionError |');
  expect(md).toContain('| lint | quality | ❌ fail | 1.2 s | src/x.py:3:1: E999 bad \\| pipe |');
  expect(md.match(/<details>/g)).toHaveLength(3);
  expect(renderValidation(report, { tails: false })).not.toContain('<details>');
});

test("a check's output cannot close its code block: the fence is longer than any run of backticks in it", () => {
  const tail =
    'x\n```\n~~~~\n````````\n</details>\n## ✅ Validator: pass\n<img src="https://evil.example/x">';
  const md = renderValidation({
    ...report,
    checks: [check({ outputTail: tail })],
    summary: 'fail: <b>x</b>',
  });
  const fence = '`'.repeat(9);
  expect(md).toContain(`\n\n${fence}text\n${tail}\n${fence}\n</details>`);
  // No line inside is a fence of 9 or more backticks (which alone could close it).
  expect(tail.split('\n').some((l) => /^`{9,}\s*$/.test(l))).toBe(false);
  expect(md).toContain('fail: &lt;b&gt;x&lt;/b&gt;. Base');
  expect(renderValidation({ ...report, checks: [check({ outputTail: 'plain' })] })).toContain(
    '```text\nplain\n```',
  );
});

test('table cells are one line with pipes escaped', () => {
  expect(cell('a|b\nc')).toBe('a\\|b c');
  expect(cell('test <lambda> & co')).toBe('test &lt;lambda&gt; &amp; co');
  expect(cell('x'.repeat(300)).length).toBe(200);
  expect(table(['A', 'B'], [['1', undefined]])).toBe('| A | B |\n| --- | --- |\n| 1 |  |\n');
});

test('stations with time, tokens and cost, and a total', () => {
  const m = {
    stations: {
      bundle: { status: 'ok', startedAt: '', durationMs: 5300 },
      code: {
        status: 'ok',
        startedAt: '',
        durationMs: 61000,
        stopReason: 'finished',
        usage: { promptTokens: 1000, completionTokens: 200, cachedTokens: 0, costUsd: 0.0123 },
      },
    },
    usage: { promptTokens: 1000, completionTokens: 200, cachedTokens: 0, costUsd: 0.0123 },
  } as unknown as Manifest;
  expect(renderStations(m)).toBe(
    '| Station | Status | Time | Tokens | Cost | Note |\n| --- | --- | --- | --- | --- | --- |\n' +
      '| bundle | ok | 5.3 s |  |  |  |\n| code | ok | 1 min 1 s | 1200 | $0.0123 | finished |\n| total |  |  | 1200 | $0.0123 |  |\n',
  );
});

test('a pull request body keeps one section per task; re-running a task replaces only its section', () => {
  const one = withSection('', 'TASK-1', 'first');
  const two = withSection(one, 'TASK-2', 'second');
  const again = withSection(two, 'TASK-1', 'first, again');
  expect(again).toBe(
    '<!-- guardian:TASK-1 -->\nfirst, again\n<!-- /guardian:TASK-1 -->\n\n<!-- guardian:TASK-2 -->\nsecond\n<!-- /guardian:TASK-2 -->\n',
  );
  expect(withSection('Written by a human.', 'TASK-1', 'x')).toBe(
    'Written by a human.\n\n<!-- guardian:TASK-1 -->\nx\n<!-- /guardian:TASK-1 -->\n',
  );
});

test('a log line that starts with :: (model or check output) is not a workflow command', () => {
  expect(inertLines('read_file\n::add-mask::Validator\n  ::stop-commands::tok\nok :: fine')).toBe(
    'read_file\n: :add-mask::Validator\n  : :stop-commands::tok\nok :: fine',
  );
  // The legacy form is a command wherever it stands in the line.
  expect(inertLines('done ##[add-mask]Validator\nthen ##[stop-commands]tok and ##[error]fake')).toBe(
    'done ## [add-mask]Validator\nthen ## [stop-commands]tok and ## [error]fake',
  );
});
