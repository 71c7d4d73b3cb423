/** Diagnostics extraction from the output formats of the common tools (samples of their real output). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { extractDiagnostics } from '../../src/stations/validator/diagnostics.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'guardian-diag-'));
  for (const f of ['src/store.ts', 'src/models/user.py', 'src/app.py', 'tests/test_auth.py', 'src/main.c']) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(
      join(dir, f),
      f.endsWith('test_auth.py') ? 'import x\n\n\ndef test_login_records(session):\n    pass\n' : '\n',
    );
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extractDiagnostics', () => {
  it('reads tsc (plain and --pretty)', () => {
    const out = [
      "src/store.ts(12,5): error TS2322: Type 'string' is not assignable to type 'boolean'.",
      "src/store.ts:14:7 - error TS2304: Cannot find name 'x'.",
      '',
      'Found 2 errors in the same file, starting at: src/store.ts:12',
    ].join('\n');
    expect(extractDiagnostics(out, dir)).toEqual([
      {
        file: 'src/store.ts',
        line: 12,
        column: 5,
        message: "TS2322: Type 'string' is not assignable to type 'boolean'.",
        tool: 'tsc',
      },
      { file: 'src/store.ts', line: 14, column: 7, message: "TS2304: Cannot find name 'x'.", tool: 'tsc' },
    ]);
  });

  it('reads ESLint stylish output with absolute paths and colours', () => {
    const out = [
      '',
      `\u001b[4m${dir}/src/store.ts\u001b[24m`,
      "  15:11  \u001b[31merror\u001b[39m  'unused' is assigned a value but never used  @typescript-eslint/no-unused-vars",
      '  20:1   warning  Unexpected console statement                 no-console',
      '',
      '✖ 2 problems (1 error, 1 warning)',
    ].join('\n');
    expect(extractDiagnostics(out, dir)).toEqual([
      {
        file: 'src/store.ts',
        line: 15,
        column: 11,
        message: "'unused' is assigned a value but never used (@typescript-eslint/no-unused-vars)",
        tool: 'eslint',
      },
      {
        file: 'src/store.ts',
        line: 20,
        column: 1,
        message: 'Unexpected console statement (no-console)',
        tool: 'eslint',
      },
    ]);
  });

  it('reads mypy, skipping notes', () => {
    const out = [
      'src/models/user.py:7: error: Incompatible return value type (got "str", expected "int")  [return-value]',
      'src/models/user.py:9:5: error: Name "y" is not defined  [name-defined]',
      'src/models/user.py:9: note: See https://mypy.rtfd.io',
      'Found 2 errors in 1 file (checked 9 source files)',
    ].join('\n');
    expect(extractDiagnostics(out, dir)).toEqual([
      {
        file: 'src/models/user.py',
        line: 7,
        message: 'Incompatible return value type (got "str", expected "int")  [return-value]',
        tool: 'mypy',
      },
      {
        file: 'src/models/user.py',
        line: 9,
        column: 5,
        message: 'Name "y" is not defined  [name-defined]',
        tool: 'mypy',
      },
    ]);
  });

  it('reads pytest tracebacks and the short summary (finding the test’s line)', () => {
    const out = [
      '___________________ test_login_records ___________________',
      'tests/test_auth.py:5: in test_login_records',
      '    assert user.last_login is not None',
      'E   AssertionError: assert None is not None',
      'src/app.py:1: AssertionError',
      '=========================== short test summary info ============================',
      'FAILED tests/test_auth.py::test_login_records - AssertionError: assert None is not None',
      '1 failed, 6 passed in 0.52s',
    ].join('\n');
    expect(extractDiagnostics(out, dir)).toEqual([
      { file: 'tests/test_auth.py', line: 5, message: 'in test_login_records', tool: 'pytest' },
      { file: 'src/app.py', line: 1, message: 'AssertionError', tool: 'pytest' },
      {
        file: 'tests/test_auth.py',
        line: 4,
        message: 'test_login_records failed: AssertionError: assert None is not None',
        tool: 'pytest',
      },
    ]);
  });

  it('reads black', () => {
    const out = [
      `would reformat ${dir}/src/app.py`,
      'error: cannot format src/models/user.py: Cannot parse: 3:4: def f(',
      'Oh no! 💥 💔 💥',
      '1 file would be reformatted, 1 file would fail to reformat.',
    ].join('\n');
    expect(extractDiagnostics(out, dir)).toEqual([
      { file: 'src/app.py', line: 1, message: 'black would reformat this file', tool: 'black' },
      { file: 'src/models/user.py', line: 3, column: 5, message: 'Cannot parse: def f(', tool: 'black' },
    ]);
  });

  it('reads bandit', () => {
    const out = [
      'Test results:',
      '>> Issue: [B602:subprocess_popen_with_shell_equals_true] subprocess call with shell=True identified, security issue.',
      '   Severity: High   Confidence: High',
      '   CWE: CWE-78 (https://cwe.mitre.org/data/definitions/78.html)',
      '   More Info: https://bandit.readthedocs.io/en/1.7.4/plugins/b602.html',
      '   Location: src/app.py:6:10',
      '5\tdef run(cmd: str) -> int:',
    ].join('\n');
    expect(extractDiagnostics(out, dir)).toEqual([
      {
        file: 'src/app.py',
        line: 6,
        column: 10,
        message:
          '[B602:subprocess_popen_with_shell_equals_true] subprocess call with shell=True identified, security issue.',
        tool: 'bandit',
      },
    ]);
  });

  it('reads the generic path:line:col form, and keeps only files of the judged tree', () => {
    const out = [
      'src/main.c:3:9: warning: unused variable ‘x’ [-Wunused-variable]',
      './src/app.py:2: E302 expected 2 blank lines',
      'http://localhost:8080: connection refused',
      '/usr/lib/python3/dist-packages/foo.py:10: DeprecationWarning: old',
      'src/missing.py:1:1: not in the tree',
    ].join('\n');
    expect(extractDiagnostics(out, dir)).toEqual([
      {
        file: 'src/main.c',
        line: 3,
        column: 9,
        message: 'warning: unused variable ‘x’ [-Wunused-variable]',
        tool: 'generic',
      },
      { file: 'src/app.py', line: 2, message: 'E302 expected 2 blank lines', tool: 'generic' },
    ]);
  });

  it('maps paths printed under another root (the repository root when judging a worktree)', () => {
    const out = '/elsewhere/repo/src/app.py:4:1: F401 unused import';
    expect(extractDiagnostics(out, dir, ['/elsewhere/repo'])).toEqual([
      { file: 'src/app.py', line: 4, column: 1, message: 'F401 unused import', tool: 'generic' },
    ]);
  });
});
