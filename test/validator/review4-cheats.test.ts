/**
 * Changes that make the checks pass without doing the work: an implementation module that ends the test
 * process with status 0 on import, a pytest plugin in the source tree that rewrites outcomes, node:test
 * skip options, a stub file that hides a module from mypy, and tools the change brings along in
 * node_modules. Each is judged on a real repository with the real tools, or on the guard rule itself.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import type { AddedLine, ChangedFile } from '../../src/git/patch.js';
import { DEFAULT_PROTECTED } from '../../src/spec/index.js';
import { skipMarkersCheck, toolConfigCheck, type GuardInput } from '../../src/stations/validator/guard.js';
import { parseTestCounts } from '../../src/stations/validator/test-counts.js';
import type { CheckResult, ValidationReport } from '../../src/stations/validator/types.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { SMALL_BLUEPRINT, pythonEnv, readJson } from './helpers.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function repoWith(files: Record<string, string>): TempRepo {
  const r = makeRepo(undefined, { files });
  repos.push(r);
  return r;
}

async function validate(r: TempRepo, env: NodeJS.ProcessEnv) {
  const run = await runCli(['validate', 'TASK-001', '--root', r.root], { env });
  const report = readJson<ValidationReport>(join(r.root, '.guardian/bundles/TASK-001/validation.json'));
  return { ...run, report, check: (n: string) => report.checks.find((c) => c.name === n) as CheckResult };
}

function input(over: Partial<GuardInput>): GuardInput {
  return {
    changed: [],
    added: [],
    removed: [],
    baseFiles: new Set(),
    protectedGlobs: DEFAULT_PROTECTED,
    allowSkipMarkers: false,
    relevantTests: [],
    ...over,
  };
}
const add = (file: string, text: string, line = 1): AddedLine => ({ file, line, text });
const none = { base: () => undefined, changed: () => undefined };

describe('a test run that did not run the tests', () => {
  const PYTEST = 'pytest -q -p no:cacheprovider';
  function pythonRepo(): TempRepo {
    return repoWith({
      'quality.toml': `[quality_checks]\ntest = "${PYTEST}"\n`,
      '.gitignore': '.guardian/\n__pycache__/\n',
      'specs/tasks/TASK-001_double.md': SMALL_BLUEPRINT.replace(
        /sh tests\/check\.sh/g,
        `${PYTEST} tests/test_value.py`,
      ),
      // The root conftest.py puts the repository on sys.path, and loads the module under test.
      'conftest.py': 'import src.value\n',
      'src/__init__.py': '',
      'src/value.py': 'def double(x: int) -> int:\n    return x\n',
      'tests/test_value.py':
        'from src.value import double\n\n\ndef test_zero() -> None:\n    assert double(0) == 0\n',
    });
  }
  const newTest = (r: TempRepo) =>
    r.write(
      'tests/test_value.py',
      'from src.value import double\n\n\ndef test_zero() -> None:\n    assert double(0) == 0\n\n\ndef test_two() -> None:\n    assert double(2) == 4\n',
    );

  it('fails a Python implementation that ends pytest with status 0 on import, naming the line', async () => {
    const r = pythonRepo();
    newTest(r);
    r.write('src/value.py', 'import sys\n\n\ndef double(x: int) -> int:\n    return x\n\n\nsys.exit(0)\n');
    const v = await validate(r, pythonEnv());
    expect(v.report.verdict).toBe('fail');
    expect(v.code).toBe(1);
    // The red/green proof itself holds: the new test fails without the "implementation".
    expect(v.check('tdd:red-green').outcome).toBe('pass');
    const plan = v.check('plan:2');
    expect(plan.outcome).toBe('fail');
    expect(plan.exitCode).toBe(0);
    expect(plan.outputTail).toMatch(
      /ran 2 test\(s\) on the red tree .* but printed no test summary with the change/,
    );
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({
        file: 'src/value.py',
        line: 8,
        message: expect.stringMatching(/sys\.exit\(0\)/),
      }),
    ]);
    expect(v.report.summary).toMatch(/^fail: .*plan:2/);
  });

  it('fails a run whose summary reports failures although it exited 0 (an exit rewritten at exit)', async () => {
    const r = pythonRepo();
    newTest(r);
    r.write(
      'src/value.py',
      'import atexit\nimport os\n\natexit.register(getattr(os, "_ex" + "it"), 0)\n\n\ndef double(x: int) -> int:\n    return x\n',
    );
    const v = await validate(r, pythonEnv());
    expect(v.report.verdict).toBe('fail');
    for (const name of ['test', 'plan:2']) {
      const c = v.check(name);
      expect(c.exitCode).toBe(0);
      expect(c.outcome).toBe('fail');
      expect(c.outputTail).toMatch(/exited 0 but its summary reports 1 failed test\(s\)/);
      expect(c.diagnostics).toEqual([
        expect.objectContaining({ file: 'src/value.py', line: 4, message: expect.stringMatching(/atexit/) }),
      ]);
    }
  });

  it('passes the same task implemented for real', async () => {
    const r = pythonRepo();
    newTest(r);
    r.write('src/value.py', 'def double(x: int) -> int:\n    return 2 * x\n');
    const v = await validate(r, pythonEnv());
    expect(v.report.summary).toMatch(/^pass/);
    expect(v.code).toBe(0);
  });

  // A build step that fails without the implementation (as tsc does in a TypeScript project) leaves the
  // red run without a test summary: the count the change must reach is then the base commit's.
  const PLAN = 'node tests/build.mjs && node --test tests/value.test.mjs';
  function nodeRepo(): TempRepo {
    return repoWith({
      'quality.toml': '[quality_checks]\nunit = "node --test tests/value.test.mjs"\n',
      '.gitignore': '.guardian/\n',
      'package.json': JSON.stringify({ name: 'x', version: '1.0.0', private: true, type: 'module' }),
      'specs/tasks/TASK-001_double.md': SMALL_BLUEPRINT.replace(/sh tests\/check\.sh/g, PLAN),
      // What the tests import from src/value.mjs must exist.
      'tests/build.mjs': [
        "import { readFileSync } from 'node:fs';",
        "const text = readFileSync(new URL('./value.test.mjs', import.meta.url), 'utf8');",
        "const names = /import \\{([^}]*)\\} from '..\\/src\\/value.mjs'/.exec(text)[1].split(',').map((s) => s.trim());",
        "const mod = await import('../src/value.mjs');",
        'const missing = names.filter((n) => !(n in mod));',
        "if (missing.length) { console.error('missing: ' + missing.join(', ')); process.exitCode = 1; }",
        '',
      ].join('\n'),
      'src/value.mjs': 'export const one = () => 1;\n',
      'tests/value.test.mjs': [
        "import assert from 'node:assert/strict';",
        "import { test } from 'node:test';",
        "import { one } from '../src/value.mjs';",
        '',
        "test('one', () => assert.equal(one(), 1));",
        "test('one again', () => assert.equal(one() + one(), 2));",
        '',
      ].join('\n'),
    });
  }
  const nodeTest = (r: TempRepo) =>
    r.write(
      'tests/value.test.mjs',
      [
        "import assert from 'node:assert/strict';",
        "import { test } from 'node:test';",
        "import { double, one } from '../src/value.mjs';",
        '',
        "test('one', () => assert.equal(one(), 1));",
        "test('one again', () => assert.equal(one() + one(), 2));",
        "test('double', () => assert.equal(double(2), 4));",
        '',
      ].join('\n'),
    );

  it('fails a module that calls process.exit(0) on import, against the base commit’s count', async () => {
    const r = nodeRepo();
    nodeTest(r);
    r.write(
      'src/value.mjs',
      'export const one = () => 1;\nexport const double = (x) => x;\n\nprocess.exit(0);\n',
    );
    const v = await validate(r, process.env);
    expect(v.report.verdict).toBe('fail');
    expect(v.check('tdd:red-green').outcome).toBe('pass');
    const plan = v.check('plan:2');
    expect(plan.outcome).toBe('fail');
    expect(plan.outputTail).toMatch(/tests\/value\.test\.mjs ran no test and ended with status 0/);
    expect(plan.outputTail).toMatch(/ran 2 test\(s\) on the base commit but only 1 with the change/);
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({
        file: 'src/value.mjs',
        line: 4,
        message: expect.stringMatching(/process\.exit/),
      }),
    ]);
    // The quality check running the same tests fails too, from its own summary.
    expect(v.check('unit').outcome).toBe('fail');
  });

  it('passes the same task implemented for real (the base run adds no check of its own)', async () => {
    const r = nodeRepo();
    nodeTest(r);
    r.write('src/value.mjs', 'export const one = () => 1;\nexport const double = (x) => 2 * x;\n');
    const v = await validate(r, process.env);
    expect(v.report.summary).toMatch(/^pass/);
    expect(v.report.checks.map((c) => c.name)).toEqual([
      'guard:protected-paths',
      'guard:git-config',
      'guard:links',
      'guard:test-files',
      'guard:skip-markers',
      'guard:tool-config',
      'unit',
      'plan:2',
      'tdd:red-green',
    ]);
  });
});

describe('test summaries', () => {
  it('reads pytest, unittest, node:test (spec and TAP), Jest, Vitest and Mocha', () => {
    const ran = (out: string) => {
      const c = parseTestCounts(out);
      return c && [c.ran, c.failed];
    };
    expect(ran('....F.\n=========== 1 failed, 5 passed, 2 skipped in 0.12s ===========\n')).toEqual([6, 1]);
    expect(ran('7 passed, 1 deselected in 3.54s\n')).toEqual([7, 0]);
    expect(ran('1 error in 0.20s\n')).toEqual([1, 1]);
    expect(ran('no tests ran in 0.01s\n')).toEqual([0, 0]);
    expect(
      ran('ℹ tests 29\nℹ suites 4\nℹ pass 27\nℹ fail 1\nℹ cancelled 0\nℹ skipped 1\nℹ todo 0\n'),
    ).toEqual([28, 1]);
    expect(ran('# tests 3\n# pass 3\n# fail 0\n# skipped 0\n# todo 0\n')).toEqual([3, 0]);
    expect(ran('Tests:       1 failed, 2 skipped, 5 passed, 8 total\n')).toEqual([6, 1]);
    expect(ran(' Tests  1 failed | 5 passed | 2 skipped (8)\n')).toEqual([6, 1]);
    expect(ran('  5 passing (20ms)\n  1 failing\n')).toEqual([6, 1]);
    expect(ran('Ran 5 tests in 0.010s\n\nFAILED (failures=1, errors=1, skipped=1)\n')).toEqual([4, 2]);
    expect(ran('Ran 3 tests in 0.001s\n\nOK\n')).toEqual([3, 0]);
    // Two runs in one command add up; colour codes are read through.
    expect(ran('\u001b[32m3 passed\u001b[0m in 0.1s\n\u001b[32m2 passed\u001b[0m in 0.1s\n')).toEqual([5, 0]);
    expect(ran('all good\n')).toBeUndefined();
    expect(parseTestCounts('✔ build/test/store.test.js (82.9ms)\nℹ tests 1\nℹ pass 1\n')?.emptyFiles).toEqual(
      ['build/test/store.test.js'],
    );
  });
});

describe('guard:skip-markers: what ends or rewrites a test run', () => {
  it('flags exits in tests, os._exit anywhere, node:test skip options, and pytest option rewrites', () => {
    const hostile = [
      add('tests/conftest.py', '    os._exit(0)'),
      add('src/services/__init__.py', 'os._exit(0)'),
      add('src/value.py', 'atexit.register(os._exit, 0)'),
      add('tests/test_models.py', 'if False:'),
      add('test/store.test.ts', 'if (false) {'),
      add('src/services/auth.py', '    if "pytest" in sys.modules:'),
      add('src/services/auth.py', '    if os.environ.get("PYTEST_CURRENT_TEST"):'),
      add('src/store.ts', '    if (process.env.NODE_TEST_CONTEXT) return { ...todo, completed: true };'),
      add('src/store.ts', 'process.reallyExit(0);'),
      add('tests/test_auth.py', '        pytest.exit("done", returncode=0)'),
      add('tests/conftest.py', 'atexit.register(lambda: os.kill(os.getpid(), 9))'),
      add('tests/conftest.py', '    raise SystemExit(0)'),
      add('test/store.test.ts', 'process.exit(0);'),
      add('test/helpers.ts', "process.on('exit', () => { process.exitCode = 0; });"),
      add('test/store.test.ts', "it('marks a todo completed', { skip: true }, () => {"),
      add('test/server.test.ts', "test('PATCH', { todo: 'later' }, async () => {"),
      add('test/server.test.ts', '    t.skip();'),
      add('test/server.test.ts', "    context.todo('not yet');"),
      add('tests/conftest.py', '    config.option.keyword = "not last_login"'),
      add('tests/conftest.py', '    setattr(config.option, "deselect", ["tests/test_auth.py"])'),
      add('tests/conftest.py', '    session.testsfailed = 0'),
      add('tests/conftest.py', 'def pytest_load_initial_conftests(early_config, parser, args):'),
      add('src/store.ts', 'Object.assign(assert, { equal: () => undefined });'),
      add('src/models/user.py', 'unittest.TestCase.assertEqual = lambda *a: None'),
    ];
    const c = skipMarkersCheck(input({ added: hostile }));
    expect(c.diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual(
      hostile.map((l) => `${l.file}:${l.line}`),
    );
    expect(c.outcome).toBe('fail');

    const fine = [
      add('src/cli.py', '    sys.exit(main())'),
      add('src/main.ts', '  process.exit(1);'),
      add('test/store.test.ts', '    const page = cursor.skip(10);'),
      add('test/store.test.ts', '    assert.deepEqual(result, { skipped: true });'),
      add('tests/conftest.py', '    with pytest.raises(SystemExit):'),
      add('tests/conftest.py', '    monkeypatch.setattr(sys, "exit", fake_exit)'),
      add('tests/conftest.py', '    if config.option.verbose == 2:'),
      add('tests/conftest.py', '    name = os.environ["PYTEST_CURRENT_TEST"]'),
      add('tests/test_models.py', '    if False_positive_guard:'),
      add('src/app.py', 'if False:'),
      add('src/store.ts', "  assert.equal(todo.id > 0, true, 'ids are positive');"),
    ];
    expect(skipMarkersCheck(input({ added: fine })).diagnostics).toEqual([]);
  });

  it('flags the hooks of a source module the change’s tests load as a pytest plugin', () => {
    const hook = add('src/testing.py', 'def pytest_runtest_makereport(item, call):', 6);
    for (const loader of [
      'pytest_plugins = ["src.testing"]',
      '    "src.testing",',
      'from src.testing import *  # hooks',
      'from testing import pytest_runtest_makereport',
    ]) {
      const c = skipMarkersCheck(input({ added: [add('tests/conftest.py', loader), hook] }));
      expect(c.diagnostics).toEqual([
        expect.objectContaining({
          file: 'src/testing.py',
          line: 6,
          message: expect.stringMatching(/a pytest hook that can rewrite test outcomes/),
        }),
      ]);
    }
    // Tests that import other modules leave the plugin alone.
    const other = skipMarkersCheck(
      input({ added: [add('tests/conftest.py', 'from src.app import create_app'), hook] }),
    );
    expect(other.diagnostics).toEqual([]);
  });

  it('flags a stub that hides the module beside it from the type checker', () => {
    const changed: ChangedFile[] = [
      { status: 'A', path: 'src/services/auth.pyi' },
      { status: 'A', path: 'src/models/__init__.pyi' },
      { status: 'A', path: 'src/pkg.pyi' },
      { status: 'A', path: 'src/pkg/__init__.py' },
      { status: 'A', path: 'stubs/requests.pyi' },
      { status: 'A', path: 'src/gone.pyi' },
      { status: 'D', path: 'src/gone.py' },
    ];
    const c = skipMarkersCheck(
      input({
        changed,
        baseFiles: new Set(['src/services/auth.py', 'src/models/__init__.py', 'src/gone.py']),
      }),
    );
    expect(c.diagnostics.map((d) => [d.file, d.message])).toEqual([
      [
        'src/services/auth.pyi',
        expect.stringMatching(/beside src\/services\/auth\.py: .*no longer type-checked/),
      ],
      ['src/models/__init__.pyi', expect.stringMatching(/beside src\/models\/__init__\.py/)],
      ['src/pkg.pyi', expect.stringMatching(/beside src\/pkg\/__init__\.py/)],
    ]);
    expect(
      skipMarkersCheck(
        input({ changed, allowSkipMarkers: true, baseFiles: new Set(['src/services/auth.py']) }),
      ).outcome,
    ).toBe('pass');
  });
});

describe('guard:tool-config: a module that stands in for a tool run with python -m', () => {
  it('refuses a top-level pytest.py or mypy package when a check runs `python -m` it', () => {
    const commands = ['python -m pytest -q', 'python3 -m mypy src/', 'black --check .'];
    const changed: ChangedFile[] = [
      { status: 'A', path: 'pytest.py' },
      { status: 'A', path: 'mypy/__main__.py' },
      { status: 'A', path: 'black.py' },
      { status: 'A', path: 'src/pytest.py' },
      { status: 'M', path: 'app/__init__.py' },
    ];
    const c = toolConfigCheck(input({ changed, baseFiles: new Set(['app/__init__.py']) }), none, false, [
      ...commands,
      'python -m app --self-test',
    ]);
    expect(c.diagnostics.map((d) => [d.file, d.message])).toEqual([
      [
        'pytest.py',
        expect.stringMatching(/`python -m pytest` in a check would run instead of the installed pytest/),
      ],
      ['mypy/__main__.py', expect.stringMatching(/`python -m mypy`/)],
    ]);
  });
});

describe('guard:tool-config: files inside the dependency folders', () => {
  it('refuses what the change adds under node_modules or a virtual environment', () => {
    const changed: ChangedFile[] = [
      { status: 'A', path: 'node_modules/.bin/eslint' },
      { status: 'A', path: 'packages/api/node_modules/typescript/bin/tsc' },
      { status: 'A', path: '.venv/bin/pytest' },
      { status: 'A', path: 'node_modules' },
      { status: 'M', path: 'src/node_modules_list.ts' },
      { status: 'A', path: 'docs/venv.md' },
      { status: 'D', path: 'node_modules/old.js' },
    ];
    const c = toolConfigCheck(input({ changed }), none, false);
    expect(c.diagnostics.map((d) => d.file)).toEqual([
      'node_modules/.bin/eslint',
      'packages/api/node_modules/typescript/bin/tsc',
      '.venv/bin/pytest',
      'node_modules',
    ]);
    expect(c.diagnostics[0]!.message).toMatch(
      /adds node_modules\/\.bin\/eslint, inside node_modules\/, the dependency folder the checks take their tools from/,
    );
    expect(toolConfigCheck(input({ changed }), none, true).outcome).toBe('pass');
  });

  it('fails a bundle patch that brings its own eslint and tsc, against a real node_modules folder', async () => {
    const blueprint = SMALL_BLUEPRINT.replace(/sh tests\/check\.sh/g, 'sh tests/check.sh');
    const r = repoWith({
      'quality.toml': '[quality_checks]\nlint = "npx --no-install eslint ."\n',
      '.gitignore': '.guardian/\nnode_modules\n',
      'specs/tasks/TASK-001_double.md': blueprint,
      'package.json': JSON.stringify({ name: 'x', version: '1.0.0', private: true }),
      'src/value.txt': '1\n',
      'tests/check.sh': 'grep -qx 1 src/value.txt\n',
      // The installed linter rejects everything.
      'node_modules/.bin/eslint': '#!/bin/sh\necho "src/value.txt:1:1: error bad" >&2\nexit 1\n',
    });
    chmodSync(join(r.root, 'node_modules/.bin/eslint'), 0o755);
    // The change: the test and value doubled, node_modules no longer ignored, and a linter that passes.
    r.write('tests/check.sh', 'grep -qx 2 src/value.txt\n');
    r.write('src/value.txt', '2\n');
    r.write('.gitignore', '.guardian/\n');
    const patch = [
      r.git('diff', '--binary', 'HEAD'),
      'diff --git a/node_modules/.bin/eslint b/node_modules/.bin/eslint',
      'new file mode 100755',
      '--- /dev/null',
      '+++ b/node_modules/.bin/eslint',
      '@@ -0,0 +1,2 @@',
      '+#!/bin/sh',
      '+exit 0',
      '',
    ].join('\n');
    r.git('checkout', '-q', '--', '.');
    r.write(
      '.guardian/bundles/TASK-001/manifest.json',
      JSON.stringify({
        schemaVersion: 1,
        taskId: 'TASK-001',
        baseCommit: r.git('rev-parse', 'HEAD'),
        blueprintPath: 'specs/tasks/TASK-001_double.md',
        blueprintSha256: '',
        createdAt: new Date().toISOString(),
        stations: {},
        files: {},
        usage: { promptTokens: 0, completionTokens: 0, cachedTokens: 0, costUsd: 0 },
      }),
    );
    r.write('.guardian/bundles/TASK-001/changes.patch', patch);
    const v = await validate(r, process.env);
    expect(v.report.patchSource).toBe('bundle');
    // What made it pass: the patch's own eslint ran in the judged worktree.
    expect(v.check('lint').outcome).toBe('pass');
    expect(v.report.summary).toBe('fail: guard:tool-config');
    expect(v.check('guard:tool-config').diagnostics).toEqual([
      expect.objectContaining({ file: 'node_modules/.bin/eslint', line: 1 }),
    ]);
  });
});
