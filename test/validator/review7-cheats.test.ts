/**
 * Changes that break an existing test and then take it out of the run while its definition line stays
 * (a `del`, a string or a comment around it, a class that is not collected, a condition hidden behind a
 * lone `\r`, a second definition), skip markers spelled as Python reads them (`ｓｋｉｐ`) or by name
 * (`test['only']`), a pytest hook that never calls the test function, and a Jest manual mock that does
 * the implementation's work. Each is judged on a real repository with pytest or Jest.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangedFile } from '../../src/git/patch.js';
import { DEFAULT_PROTECTED } from '../../src/spec/index.js';
import { collectedTests, jsCodeMask } from '../../src/stations/validator/collected-tests.js';
import { testFilesCheck, type GuardInput } from '../../src/stations/validator/guard.js';
import type { CheckResult, ValidationReport } from '../../src/stations/validator/types.js';
import { runCli } from '../support/cli.js';
import { PROJECT_ROOT, makeRepo, type TempRepo } from '../support/repo.js';
import { SMALL_BLUEPRINT, pythonEnv, readJson, writeBundleManifest } from './helpers.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

async function validate(r: TempRepo) {
  const run = await runCli(['validate', 'TASK-001', '--root', r.root], { env: pythonEnv() });
  const report = readJson<ValidationReport>(join(r.root, '.guardian/bundles/TASK-001/validation.json'));
  const check = (n: string) => report.checks.find((c) => c.name === n) as CheckResult;
  const failed = report.checks.filter((c) => c.outcome !== 'pass').map((c) => c.name);
  return { ...run, report, check, failed };
}

const PYTEST = 'pytest -q -p no:cacheprovider';
const PY_TESTS =
  'from src.value import double, triple\n\n\ndef test_zero() -> None:\n    assert double(0) == 0\n\n\ndef test_triple() -> None:\n    assert triple(2) == 6\n';
const PY_TRIPLE = 'def test_triple() -> None:\n    assert triple(2) == 6\n';
const NEW_PY_TEST = '\n\ndef test_two() -> None:\n    assert double(2) == 4\n';

/** A task "double the value" whose base also has `triple` and its test. */
function pythonRepo(gitignore = '.guardian/\n__pycache__/\n', pytest = PYTEST): TempRepo {
  const r = makeRepo(undefined, {
    files: {
      'quality.toml': `[quality_checks]\ntest = "${pytest}"\n`,
      '.gitignore': gitignore,
      'specs/tasks/TASK-001_double.md': SMALL_BLUEPRINT.replace(
        /sh tests\/check\.sh/g,
        `${pytest} tests/test_value.py`,
      ),
      'conftest.py': 'import src.value\n',
      'src/__init__.py': '',
      'src/value.py':
        'def double(x: int) -> int:\n    return x\n\n\ndef triple(x: int) -> int:\n    return 3 * x\n',
      'tests/test_value.py': PY_TESTS,
    },
  });
  repos.push(r);
  return r;
}

/** `double` implemented, `triple` broken; the test file rewritten by `hide`, plus the task's new test. */
function breakTriple(r: TempRepo, hide: (tests: string) => string): void {
  r.write(
    'src/value.py',
    'def double(x: int) -> int:\n    return 2 * x\n\n\ndef triple(x: int) -> int:\n    return x\n',
  );
  r.write('tests/test_value.py', hide(PY_TESTS) + NEW_PY_TEST);
}

describe('guard:test-files: an existing test taken out of the run while its definition stays', () => {
  const TF = 'guard:test-files';
  const cases: [string, (t: string) => string, RegExp, string][] = [
    ['deleted with del', (t) => `${t}\n\ndel test_triple\n`, /test_triple .*deleted at line 12/, TF],
    [
      'wrapped in a string',
      (t) => t.replace(PY_TRIPLE, `"""\n${PY_TRIPLE}"""\n`),
      /removes the test test_triple .*inside a string/,
      TF,
    ],
    [
      'moved into a class pytest does not collect',
      (t) =>
        t.replace(
          PY_TRIPLE,
          'class Later:\n    def test_triple(self) -> None:\n        assert triple(2) == 6\n',
        ),
      /removes the test test_triple /,
      TF,
    ],
    [
      'put under `if False:` behind a lone carriage return',
      (t) => t.replace(PY_TRIPLE, `_ = 0\rif False:\n${PY_TRIPLE.replace(/^/gm, '    ')}`),
      /puts the test test_triple .*inside `if False:`/,
      TF,
    ],
    [
      'defined a second time',
      (t) => `${t}\n\ndef test_triple() -> None:\n    pass\n`,
      /test_triple .*defined again at line 12/,
      TF,
    ],
    [
      'opted out with __test__ = False behind a lone carriage return',
      (t) =>
        t.replace(
          PY_TRIPLE,
          `class TestTriple:\n    x = 0\r    __test__ = False\n\n${PY_TRIPLE.replace('(', '(self').replace(/^/gm, '    ')}`,
        ),
      /tests\/test_value\.py:9: the change adds a __test__ = False opt-out: x = 0\\r {4}__test__ = False/,
      'guard:skip-markers',
    ],
  ];
  it.each(cases)(
    'fails a change whose broken test is %s (pytest passes)',
    async (_, hide, message, guard) => {
      const r = pythonRepo();
      breakTriple(r, hide);
      const v = await validate(r);
      expect(v.report.verdict).toBe('fail');
      expect(v.code).toBe(1);
      // pytest itself is fooled: the plan step and the quality check pass.
      expect(v.check('plan:2').outcome).toBe('pass');
      expect(v.check('test').outcome).toBe('pass');
      const check = v.check(guard);
      expect(check.outcome).toBe('fail');
      expect(check.outputTail).toMatch(message);
      expect(check.diagnostics[0]?.file).toBe('tests/test_value.py');
    },
  );

  it('passes the task implemented for real, with the tests reordered, edited and documented', async () => {
    const r = pythonRepo();
    r.write(
      'src/value.py',
      'def double(x: int) -> int:\n    return 2 * x\n\n\ndef triple(x: int) -> int:\n    return 3 * x\n',
    );
    r.write(
      'tests/test_value.py',
      [
        '"""Tests of src.value.',
        '',
        'def test_example(): a docstring that reads like a test is no test.',
        '"""',
        'from src.value import double, triple',
        '',
        '',
        PY_TRIPLE.replace('== 6', '== 6, "triple(2)"'),
        '',
        'def test_zero() -> None:',
        '    assert double(0) == 0',
        NEW_PY_TEST,
      ].join('\n'),
    );
    const v = await validate(r);
    expect(v.failed).toEqual([]);
    expect(v.report.verdict).toBe('pass');
  });
});

describe('guard:skip-markers: markers as the interpreter reads them', () => {
  it('fails a skip mark written in fullwidth letters, which Python reads as `skip`', async () => {
    const r = pythonRepo();
    breakTriple(r, (t) =>
      t.replace(PY_TRIPLE, `@pytest.mark.ｓｋｉｐ\n${PY_TRIPLE}`).replace(/^/, 'import pytest\n'),
    );
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.check('guard:skip-markers').outputTail).toMatch(
      /tests\/test_value\.py:9: the change adds a pytest skip\/xfail marker: @pytest\.mark\.ｓｋｉｐ/,
    );
  });

  it('fails a broken test skipped by raising pytest.skip.Exception', async () => {
    const r = pythonRepo();
    breakTriple(r, (t) =>
      t
        .replace(
          PY_TRIPLE,
          PY_TRIPLE.replace('    assert', '    raise pytest.skip.Exception("later")\n    assert'),
        )
        .replace(/^/, 'import pytest\n'),
    );
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.failed).toEqual(['guard:skip-markers']);
    expect(v.check('guard:skip-markers').outputTail).toMatch(
      /tests\/test_value\.py:10: the change adds a pytest\.skip\(\)\/xfail\(\) call: raise pytest\.skip\.Exception/,
    );
  });

  it('fails a broken test given an empty parameter set, which pytest skips', async () => {
    const r = pythonRepo();
    breakTriple(r, (t) =>
      t
        .replace(
          PY_TRIPLE,
          `@pytest.mark.parametrize("unused", [])\n${PY_TRIPLE.replace('test_triple()', 'test_triple(unused: int)')}`,
        )
        .replace(/^/, 'import pytest\n'),
    );
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.failed).toEqual(['guard:skip-markers']);
    expect(v.check('guard:skip-markers').outputTail).toBe(
      'tests/test_value.py:9: the change adds an empty parameter set (pytest skips the test): @pytest.mark.parametrize("unused", [])',
    );
  });

  it('fails a unittest case that replaces its own assertEqual in setUp', async () => {
    const r = pythonRepo();
    breakTriple(r, (t) =>
      t
        .replace(
          PY_TRIPLE,
          'class TestTriple(unittest.TestCase):\n    def setUp(self) -> None:\n        self.assertEqual = lambda *a, **k: None\n\n    def test_triple(self) -> None:\n        self.assertEqual(triple(2), 6)\n',
        )
        .replace(/^/, 'import unittest\n'),
    );
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.check('guard:skip-markers').outputTail).toBe(
      'tests/test_value.py:11: the change adds code that rewrites the assertion library: self.assertEqual = lambda *a, **k: None',
    );
  });

  it('fails a conftest.py whose pytest_pyfunc_call passes tests without calling them (nothing implemented)', async () => {
    const r = pythonRepo();
    r.write('tests/test_value.py', PY_TESTS + NEW_PY_TEST);
    // Only once the change's other file is there: the red tree, without it, fails as it should.
    r.write('src/ready.txt', 'yes\n');
    r.write(
      'tests/conftest.py',
      'import os\n\n\ndef pytest_pyfunc_call(pyfuncitem):\n    if os.path.exists("src/ready.txt"):\n        return True\n    return None\n',
    );
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.check('tdd:red-green').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.check('guard:skip-markers').outputTail).toMatch(
      /tests\/conftest\.py:4: the change adds a pytest hook that can rewrite test outcomes/,
    );
  });

  it('fails an implementation module that patches pytest so that no test body runs (nothing implemented)', async () => {
    const r = pythonRepo();
    r.write('tests/test_value.py', PY_TESTS + NEW_PY_TEST);
    r.write(
      'src/value.py',
      'import _pytest.python\n\n_pytest.python.Function.runtest = lambda self: None\n\n\ndef double(x: int) -> int:\n    return x\n\n\ndef triple(x: int) -> int:\n    return 3 * x\n',
    );
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.check('tdd:red-green').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.failed).toEqual(['guard:skip-markers']);
    expect(v.check('guard:skip-markers').outputTail).toBe(
      'src/value.py:1: the change adds code outside the tests that reaches into the test runner (pytest): import _pytest.python',
    );
  });

  it('shows a carriage return inside an added line in the message', async () => {
    const r = pythonRepo();
    breakTriple(r, (t) => t.replace(PY_TRIPLE, `_ = 0\rif False:\n${PY_TRIPLE.replace(/^/gm, '    ')}`));
    const v = await validate(r);
    expect(v.check('guard:skip-markers').outputTail).toContain(
      'tests/test_value.py:8: the change adds a block that never runs: _ = 0\\rif False:',
    );
  });
});

describe('guard:tool-config: compiled Python in the change', () => {
  it('fails a bundle patch whose bytecode implements the task while the source does not (pytest passes)', async () => {
    const r = pythonRepo('.guardian/\n');
    const source =
      'def double(x: int) -> int:\n    return x\n\n\ndef triple(x: int) -> int:\n    return 3 * x\n';
    // Bytecode of the real implementation, in the cache file the interpreter looks for; an unchecked
    // hash-based .pyc is used whatever its .py says.
    r.write('src/value.py', source.replace('return x\n', 'return 2 * x\n'));
    execFileSync(
      'python3',
      [
        '-c',
        'import importlib.util, py_compile; py_compile.compile("src/value.py", cfile=importlib.util.cache_from_source("src/value.py"), invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)',
      ],
      { cwd: r.root, env: pythonEnv() },
    );
    r.write('src/value.py', source);
    r.write('tests/test_value.py', PY_TESTS + NEW_PY_TEST);
    r.git('add', '-A');
    const patch = r.git('diff', '--cached', '--binary', 'HEAD') + '\n';
    expect(patch).toMatch(/^diff --git a\/src\/__pycache__\/value\.cpython-\d+\.pyc /m);
    expect(patch).not.toContain('diff --git a/src/value.py');
    r.git('reset', '-q', '--hard');
    r.git('clean', '-fdq');
    writeBundleManifest(r, 'TASK-001', 'specs/tasks/TASK-001_double.md');
    r.write('.guardian/bundles/TASK-001/changes.patch', patch);
    const v = await validate(r);
    // The tests ran the bytecode and passed; the red tree, without it, failed.
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.check('tdd:red-green').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.failed).toEqual(['guard:tool-config']);
    expect(v.check('guard:tool-config').diagnostics).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/^src\/__pycache__\/value\.cpython-\d+\.pyc$/),
        message: expect.stringMatching(/compiled code that Python imports instead of the module's source/),
      }),
    ]);
  });
});

describe('guard:tool-config: package metadata in the change', () => {
  it('fails a .dist-info whose [pytest11] entry point loads a source module as a pytest plugin under `python -m pytest`', async () => {
    const r = pythonRepo(undefined, `python3 -m ${PYTEST}`);
    r.write('tests/test_value.py', PY_TESTS + NEW_PY_TEST);
    // Nothing implemented: a module of the source tree that no test imports passes every test.
    r.write('src/support.py', 'def pytest_pyfunc_call(pyfuncitem):\n    return True\n');
    r.write('support-1.0.dist-info/METADATA', 'Metadata-Version: 2.1\nName: support\nVersion: 1.0\n');
    r.write('support-1.0.dist-info/entry_points.txt', '[pytest11]\nsupport = src.support\n');
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.check('tdd:red-green').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.failed).toEqual(['guard:tool-config']);
    expect(v.check('guard:tool-config').diagnostics.map((d) => [d.file, d.message])).toEqual([
      [
        'support-1.0.dist-info/METADATA',
        expect.stringMatching(
          /inside support-1\.0\.dist-info\/, the metadata of an installed Python package/,
        ),
      ],
      ['support-1.0.dist-info/entry_points.txt', expect.stringMatching(/\[pytest11\]/)],
    ]);
  });
});

describe('Jest: tests taken out of the run, and a manual mock that does the work', () => {
  const JEST = 'npx --no-install jest --ci';
  const JS_TRIPLE = "test('triples', () => {\n  expect(triple(2)).toBe(6);\n});\n";
  const JS_TESTS = `const { double, triple } = require('../src/value');\n\ntest('zero', () => {\n  expect(double(0)).toBe(0);\n});\n\n${JS_TRIPLE}`;
  const NEW_JS_TEST = "\ntest('doubles', () => {\n  expect(double(2)).toBe(4);\n});\n";
  const BROKEN = 'exports.double = (x) => 2 * x;\nexports.triple = (x) => x;\n';

  function jestRepo(pkg: Record<string, unknown> = {}): TempRepo {
    const r = makeRepo(undefined, {
      files: {
        'jest.setup.js': '// Test environment setup.\n',
        'quality.toml': `[quality_checks]\ntest = "${JEST}"\n`,
        '.gitignore': '.guardian/\nnode_modules\n',
        'package.json': JSON.stringify({ name: 'value', version: '1.0.0', private: true, ...pkg }) + '\n',
        'specs/tasks/TASK-001_double.md': SMALL_BLUEPRINT.replace(
          /sh tests\/check\.sh/g,
          `${JEST} test/value.test.js`,
        ),
        'src/value.js': 'exports.double = (x) => x;\nexports.triple = (x) => 3 * x;\n',
        'test/value.test.js': JS_TESTS,
      },
    });
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(r.root, 'node_modules'), 'dir');
    repos.push(r);
    return r;
  }

  it('fails a broken test wrapped in a block comment (Jest passes)', async () => {
    const r = jestRepo();
    r.write('src/value.js', BROKEN);
    r.write('test/value.test.js', JS_TESTS.replace(JS_TRIPLE, `/*\n${JS_TRIPLE}*/\n`) + NEW_JS_TEST);
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.failed).toEqual(['guard:test-files']);
    expect(v.check('guard:test-files').outputTail).toMatch(
      /test\/value\.test\.js:1: the change removes the test triples from test\/value\.test\.js/,
    );
  });

  it("fails a broken test focused away with test['only']", async () => {
    const r = jestRepo();
    r.write('src/value.js', BROKEN);
    r.write('test/value.test.js', JS_TESTS + NEW_JS_TEST.replace("test('doubles'", "test['only']('doubles'"));
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.failed).toEqual(['guard:skip-markers']);
    expect(v.check('guard:skip-markers').outputTail).toMatch(
      /test\/value\.test\.js:\d+: the change adds a skip\/only modifier: test\['only'\]/,
    );
  });

  it('fails a broken test wrapped in a function that is never called (Jest passes)', async () => {
    const r = jestRepo();
    r.write('src/value.js', BROKEN);
    r.write(
      'test/value.test.js',
      JS_TESTS.replace(JS_TRIPLE, `function later() {\n${JS_TRIPLE.replace(/^/gm, '  ')}}\n`) + NEW_JS_TEST,
    );
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.failed).toEqual(['guard:test-files']);
    expect(v.check('guard:test-files').outputTail).toBe(
      'test/value.test.js:8: the change puts the test triples of test/value.test.js inside `function later() {`: it is collected only when that block runs',
    );
  });

  it('fails a broken test marked test.failing, which Jest reports as passing when it fails', async () => {
    const r = jestRepo();
    r.write('src/value.js', BROKEN);
    r.write('test/value.test.js', JS_TESTS.replace("test('triples'", "test.failing('triples'") + NEW_JS_TEST);
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.failed).toContain('guard:skip-markers');
    expect(v.check('guard:skip-markers').outputTail).toMatch(
      /test\/value\.test\.js:7: the change adds a skip\/only modifier: test\.failing\('triples'/,
    );
  });

  it("fails a test file that replaces Jest's toBe with expect.extend, one key a line", async () => {
    const r = jestRepo();
    r.write('src/value.js', BROKEN);
    r.write(
      'test/value.test.js',
      JS_TESTS.replace(
        "test('zero'",
        "expect.extend({\n  toBe() {\n    return { pass: true, message: () => '' };\n  },\n});\n\ntest('zero'",
      ) + NEW_JS_TEST.replace('toBe(4)', 'toEqual(4)'),
    );
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.check('tdd:red-green').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.failed).toEqual(['guard:skip-markers']);
    expect(v.check('guard:skip-markers').outputTail).toBe(
      'test/value.test.js:4: the change adds code that rewrites the assertion library: toBe() {',
    );
  });

  it('fails a Jest setup file that mocks the module under test (the red tree holds it)', async () => {
    const r = jestRepo({ jest: { setupFiles: ['<rootDir>/jest.setup.js'] } });
    r.write(
      'jest.setup.js',
      "// Test environment setup.\njest.mock('./src/value', () => ({ double: (x) => 2 * x, triple: (x) => 3 * x }));\n",
    );
    r.write('test/value.test.js', JS_TESTS + NEW_JS_TEST);
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.failed).toEqual(['tdd:red-green']);
    expect(v.check('tdd:red-green').outputTail).toContain(
      'red tree: the base commit + 2 test file(s) of the change: jest.setup.js, test/value.test.js',
    );
  });

  it("fails an implementation module that replaces Jest's expect (nothing implemented)", async () => {
    const r = jestRepo();
    r.write(
      'src/value.js',
      "exports.double = (x) => x;\nexports.triple = (x) => 3 * x;\nif (typeof globalThis.expect === 'function') globalThis.expect = () => ({ toBe() {} });\n",
    );
    r.write('test/value.test.js', JS_TESTS + NEW_JS_TEST);
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.check('tdd:red-green').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.failed).toEqual(['guard:skip-markers']);
    expect(v.check('guard:skip-markers').outputTail).toMatch(
      /^src\/value\.js:3: the change adds code outside the tests that reaches into the test runner/,
    );
  });

  it('fails a manual mock in __mocks__ that does the work the implementation should (red tree holds it)', async () => {
    const r = jestRepo();
    r.write('src/__mocks__/value.js', 'exports.double = (x) => 2 * x;\nexports.triple = (x) => 3 * x;\n');
    r.write('test/value.test.js', `jest.mock('../src/value');\n${JS_TESTS}${NEW_JS_TEST}`);
    const v = await validate(r);
    expect(v.check('plan:2').outcome).toBe('pass');
    expect(v.report.verdict).toBe('fail');
    expect(v.failed).toEqual(['tdd:red-green']);
    const tdd = v.check('tdd:red-green');
    expect(tdd.outcome).toBe('fail');
    expect(tdd.outputTail).toContain('src/__mocks__/value.js');
    expect(tdd.outputTail).toMatch(/GREEN `npx --no-install jest --ci test\/value\.test\.js` \(exit 0\)/);
  });
});

describe('the tests a file defines, read without running it', () => {
  it('reads Python tests in classes, with decorators, one-line bodies and strings that look like tests', () => {
    const src = [
      'import pytest',
      'S = """',
      'def test_in_string(): pass',
      '"""',
      "R = r'\\'def test_raw(): pass'",
      '# def test_comment(): pass',
      '',
      '@pytest.mark.parametrize("x", [1, 2])',
      'def test_param(x): assert x',
      '',
      'class TestAuth:',
      '    def test_login(self):',
      '        def test_inner():',
      '            pass',
      '        x = (',
      '    1)',
      '',
      '    async def test_async(self): pass',
      '',
      'def helper():',
      '    def test_nested(): pass',
      '',
      'if True:',
      '    def test_conditional(): pass',
      'x = 1; del test_param',
      'class Helpers:',
      '    def test_not_collected(self): pass',
      'class AuthTests(unittest.TestCase):',
      '    def test_unittest(self): pass',
      'C = "a string continued \\',
      'def test_in_continued_string(): pass"',
    ].join('\n');
    const t = collectedTests('tests/test_x.py', src)!;
    expect(t.tests.map((x) => [x.key, x.line, x.condition])).toEqual([
      ['TestAuth::test_login', 12, undefined],
      ['TestAuth::test_async', 18, undefined],
      ['test_conditional', 24, 'if True:'],
      ['AuthTests::test_unittest', 29, undefined],
    ]);
    expect(t.hidden).toEqual([{ key: 'test_param', line: 9, why: 'deleted at line 25' }]);
  });

  it('reads JavaScript test titles outside comments, strings, templates and regular expressions', () => {
    const src = [
      "const re = /it('regex')/;",
      'const s = "test(\'string\')";',
      "const t = `${x}test('template')${`it('nested')`}`;",
      "// it('line comment')",
      "/* test('block') */",
      "it('one', () => {});",
      'test(`two ${n}`, () => {});',
      'describe(\'group\', () => { specify("three", () => {}); });',
      'if (process.env.CI) {',
      "  it('conditional', () => {});",
      '} else {',
      "  it('otherwise', () => {});",
      '}',
      'function later(): void {',
      "  it('declared', () => {});",
      '}',
      'const stored = async () => {',
      "  test('stored', () => {});",
      '};',
      "describe('callback', function () {",
      "  it('runs', async () => { if (x) { y(); } });",
      '});',
    ].join('\n');
    expect(collectedTests('test/a.test.ts', src)!.tests.map((x) => [x.key, x.line])).toEqual([
      ['one', 6],
      ['two ${n}', 7],
      ['three', 8],
      ['conditional', 10],
      ['otherwise', 12],
      ['declared', 15],
      ['stored', 18],
      ['runs', 21],
    ]);
    expect(
      collectedTests('test/a.test.ts', src)!
        .tests.slice(3)
        .map((x) => x.condition),
    ).toEqual([
      'if (process.env.CI) {',
      'else {',
      'function later() {',
      'const stored = async () => {',
      undefined,
    ]);
    expect(jsCodeMask(src)).toHaveLength(src.length);
  });

  it('leaves alone a test moved to another file of the change or to a renamed class', () => {
    const input = (changed: ChangedFile[]): GuardInput => ({
      changed,
      added: [],
      removed: [],
      baseFiles: new Set(['tests/test_a.py', 'tests/test_c.py']),
      protectedGlobs: DEFAULT_PROTECTED,
      allowSkipMarkers: false,
      relevantTests: [],
    });
    const files: Record<string, [string | undefined, string | undefined]> = {
      'tests/test_a.py': [
        'def test_one():\n    pass\n\n\ndef test_two():\n    pass\n',
        'def test_one():\n    pass\n',
      ],
      'tests/test_b.py': [undefined, 'def test_two():\n    assert True\n'],
    };
    const read = {
      base: (p: string) => (files[p]?.[0] === undefined ? undefined : Buffer.from(files[p]![0]!)),
      changed: (p: string) => (files[p]?.[1] === undefined ? undefined : Buffer.from(files[p]![1]!)),
    };
    const moved = testFilesCheck(
      input([
        { status: 'M', path: 'tests/test_a.py' },
        { status: 'A', path: 'tests/test_b.py' },
      ]),
      read,
    );
    expect(moved.diagnostics).toEqual([]);
    files['tests/test_c.py'] = [
      'class TestOld:\n    def test_three(self):\n        pass\n',
      'class TestNew:\n    def test_three(self):\n        pass\n',
    ];
    expect(testFilesCheck(input([{ status: 'M', path: 'tests/test_c.py' }]), read).diagnostics).toEqual([]);
    const dropped = testFilesCheck(input([{ status: 'M', path: 'tests/test_a.py' }]), read);
    expect(dropped.diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/^the change removes the test test_two from tests\/test_a\.py: /),
    ]);
  });
});
