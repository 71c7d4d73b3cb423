/**
 * How many tests a test run says it ran, read from the summary lines of the usual runners (pytest,
 * unittest, node:test, Jest, Vitest, Mocha). The red/green proof compares them: the judged tree holds the same
 * test files as the red tree (and more than the base), so a run of the same command that reports fewer
 * tests, or no summary at all, did not run them — the implementation ended the process early
 * (`os._exit(0)` or `process.exit(0)` in a module the tests import) or skipped them at run time. A
 * summary that reports failures from a command that exited 0 means something rewrote the exit status.
 */
import type { CommandResult } from '../../exec/index.js';
import type { AddedLine } from '../../git/patch.js';
import type { CheckResult, Diagnostic } from './types.js';

export interface TestCounts {
  /** Tests that ran (passed, failed or errored; not skipped, deselected or todo). */
  ran: number;
  /** Tests that failed or errored. */
  failed: number;
  /** The summary lines the counts come from. */
  lines: string[];
  /**
   * Test files node:test reports as one passing test of their own: a file that ran no test at all (its
   * process ended with status 0 before reporting any, as `process.exit(0)` on import does).
   */
  emptyFiles: string[];
}

// Terminal colour and cursor sequences (a runner that forces colour), removed before reading.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/** pytest's last line: `=== 1 failed, 5 passed, 2 skipped in 0.12s ===`, `-q`: `7 passed in 3.54s`. */
const PYTEST =
  /^=*\s*((?:\d+ (?:passed|failed|errors?|skipped|deselected|xfailed|xpassed|warnings?|rerun|subtests? \w+)(?:, )?)+)\s+in\s+[\d.]+s\b.*$|^=*\s*no tests ran in [\d.]+s\b/;
/** node:test's spec (`ℹ tests 19`) and TAP (`# tests 19`) reporters. */
const NODE_TEST = /^\s*(?:ℹ|#)\s+(tests|pass|fail|cancelled|skipped|todo)\s+(\d+)\s*$/;
/** Jest: `Tests:       1 failed, 2 skipped, 5 passed, 8 total`. */
const JEST = /^\s*Tests:\s+((?:\d+ \w+, )*\d+ total)\s*$/;
/** Vitest: ` Tests  1 failed | 5 passed | 2 skipped (8)`. */
const VITEST = /^\s*Tests\s+((?:\d+ \w+(?: \| )?)+)\s+\((\d+)\)\s*$/;
/** node:test's entry for a whole file that reported no tests: `✔ build/test/store.test.js (82ms)`, TAP `ok 1 - /abs/x.test.js`. */
const NODE_FILE = /^(?:✔ (\S+\.[cm]?[jt]sx?) \([\d.]+m?s\)|ok \d+ - (\S+\.[cm]?[jt]sx?))\s*$/;
/** unittest: `Ran 5 tests in 0.001s`, then `OK (skipped=1)` or `FAILED (failures=1, errors=1)`. */
const UNITTEST_RAN = /^Ran (\d+) tests? in [\d.]+s\s*$/;
const UNITTEST_END = /^(?:OK|FAILED)(?: \(([\w=, ]*)\))?\s*$/;
/** Mocha: `  5 passing (20ms)`, `  1 failing`, `  2 pending`. */
const MOCHA = /^\s+(\d+) (passing|failing)(?: \(\d+m?s\))?\s*$/;

function pairs(text: string, sep: RegExp): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of text.split(sep)) {
    const m = /^\s*(\d+) ([\w ]+?)\s*$/.exec(part);
    if (m) out.set(m[2]!, (out.get(m[2]!) ?? 0) + Number(m[1]));
  }
  return out;
}

/** The tests a run reports, summed over every summary it prints; undefined when it prints none. */
export function parseTestCounts(output: string): TestCounts | undefined {
  let found = false;
  let ran = 0;
  let failed = 0;
  const lines: string[] = [];
  const emptyFiles: string[] = [];
  // After unittest's `Ran N tests`, its verdict line.
  let unittest = false;
  // node:test prints its counts on separate lines: collected per block.
  let node: Map<string, number> | undefined;
  const endNode = () => {
    if (!node) return;
    const tests = node.get('tests') ?? 0;
    ran += Math.max(0, tests - (node.get('skipped') ?? 0) - (node.get('todo') ?? 0));
    failed += (node.get('fail') ?? 0) + (node.get('cancelled') ?? 0);
    node = undefined;
  };
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.replace(ANSI, '');
    const f = NODE_FILE.exec(line);
    if (f) emptyFiles.push(f[1] ?? f[2]!);
    const n = NODE_TEST.exec(line);
    if (n) {
      if (n[1] === 'tests') {
        endNode();
        node = new Map();
        found = true;
        lines.push(line.trim());
      }
      node?.set(n[1]!, Number(n[2]));
      continue;
    }
    let m = PYTEST.exec(line);
    if (m) {
      found = true;
      lines.push(line.trim());
      const p = pairs(m[1] ?? '', /, /);
      const get = (k: string) => p.get(k) ?? 0;
      ran += get('passed') + get('failed') + get('error') + get('errors') + get('xfailed') + get('xpassed');
      failed += get('failed') + get('error') + get('errors');
      continue;
    }
    m = JEST.exec(line);
    if (m) {
      found = true;
      lines.push(line.trim());
      const p = pairs(m[1]!, /, /);
      ran += (p.get('total') ?? 0) - (p.get('skipped') ?? 0) - (p.get('todo') ?? 0);
      failed += p.get('failed') ?? 0;
      continue;
    }
    m = VITEST.exec(line);
    if (m) {
      found = true;
      lines.push(line.trim());
      const p = pairs(m[1]!, / \| /);
      ran += Number(m[2]) - (p.get('skipped') ?? 0) - (p.get('todo') ?? 0);
      failed += p.get('failed') ?? 0;
      continue;
    }
    m = UNITTEST_RAN.exec(line);
    if (m) {
      found = true;
      lines.push(line.trim());
      ran += Number(m[1]);
      unittest = true;
      continue;
    }
    m = unittest ? UNITTEST_END.exec(line) : null;
    if (m) {
      unittest = false;
      lines.push(line.trim());
      for (const [, key, n] of (m[1] ?? '').matchAll(/(\w+)=(\d+)/g)) {
        if (key === 'failures' || key === 'errors') failed += Number(n);
        if (key === 'skipped') ran -= Number(n);
      }
      continue;
    }
    m = MOCHA.exec(line);
    if (m) {
      found = true;
      lines.push(line.trim());
      ran += Number(m[1]);
      if (m[2] === 'failing') failed += Number(m[1]);
    }
  }
  endNode();
  return found ? { ran, failed, lines, emptyFiles } : undefined;
}

/** How a count reads in a message. */
export function shownCounts(c: TestCounts | undefined): string {
  if (!c) return 'no test summary';
  return `${c.ran} test(s) run${c.failed ? `, ${c.failed} failed` : ''} (${c.lines.slice(-3).join(' / ')})`;
}

/** Added lines that can end a process or set its exit status: where to look when tests did not run. */
const EXITS =
  /\b(?:os\s*\.\s*_exit|sys\s*\.\s*exit|pytest\s*\.\s*exit|process\s*\.\s*(?:exit|reallyExit|abort|kill))\s*\(|\braise\s+SystemExit\b|\batexit\s*\.\s*register\b|\bprocess\s*\.\s*exitCode\b|\bprocess\s*\.\s*on\s*\(\s*['"`](?:exit|beforeExit)/;

/** A judged run of a test command, and the check(s) reporting it (a quality check may share the run). */
export interface JudgedRun {
  checks: CheckResult[];
  raw: CommandResult;
}

/**
 * Fails the judged checks whose run did not run the tests it should have: fewer than `expected` (what
 * the same command ran on the red tree or the base), or a summary reporting failures under exit 0.
 * Returns whether any check was failed.
 */
export function judgeTestCounts(
  run: JudgedRun,
  expected: { counts: TestCounts; where: string } | undefined,
  added: readonly AddedLine[],
): boolean {
  if (run.raw.exitCode !== 0 || run.raw.timedOut) return false;
  const got = parseTestCounts(run.raw.output);
  const problems: string[] = [];
  // `pytest || true`: the base's own command tolerates failures.
  if (got && got.failed > 0 && !run.raw.command.includes('||')) {
    problems.push(
      `the run exited 0 but its summary reports ${got.failed} failed test(s): something rewrote the exit status (${got.lines.slice(-3).join(' / ')})`,
    );
  }
  if (got?.emptyFiles.length) {
    problems.push(
      `the test file(s) ${got.emptyFiles.slice(0, 5).join(', ')} ran no test and ended with status 0: the process ended before its tests ran`,
    );
  }
  if (expected && expected.counts.ran > 0 && (!got || got.ran < expected.counts.ran)) {
    problems.push(
      `the same command ran ${expected.counts.ran} test(s) on ${expected.where} but ${got ? `only ${got.ran}` : 'printed no test summary'} with the change: the tests did not all run (the process ended early, or tests were skipped at run time; set [guard] allow_skip_markers = true in quality.toml if the change is meant to run fewer tests)`,
    );
  }
  if (!problems.length) return false;
  const hints: Diagnostic[] = added
    .filter((l) => EXITS.test(l.text))
    .slice(0, 20)
    .map((l) => ({
      file: l.file,
      line: l.line,
      message: `the change adds a line that can end the test process or set its exit status: ${l.text.trim().slice(0, 200)}`,
      tool: 'tdd',
    }));
  for (const c of run.checks) {
    if (c.outcome !== 'pass') continue;
    c.outcome = 'fail';
    c.outputTail = `${c.outputTail}\n${problems.map((p) => `[${p}]`).join('\n')}`.trim();
    c.diagnostics = [...c.diagnostics, ...hints];
  }
  return true;
}
