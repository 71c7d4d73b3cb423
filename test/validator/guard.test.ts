/** Guard rules on a change, without running anything. */
import { describe, expect, it } from '@jest/globals';
import type { AddedLine } from '../../src/git/patch.js';
import {
  isTestFile,
  protectedPathsCheck,
  securityCheck,
  securityChecksOf,
  skipMarkersCheck,
  testFilesCheck,
  toolConfigCheck,
  type GuardInput,
} from '../../src/stations/validator/guard.js';
import { DEFAULT_PROTECTED } from '../../src/spec/index.js';

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

describe('isTestFile', () => {
  it('knows the usual conventions and the blueprint’s relevant_tests', () => {
    for (const f of [
      'tests/test_auth.py',
      'pkg/test_x.py',
      'x_test.py',
      'conftest.py',
      'test/store.test.ts',
      'src/a.spec.js',
      'src/__tests__/a.js',
      'a_test.go',
    ]) {
      expect([f, isTestFile(f)]).toEqual([f, true]);
    }
    for (const f of ['src/app.py', 'src/testing.ts', 'contest.py', 'docs/test.md.txt'])
      expect([f, isTestFile(f)]).toEqual([f, false]);
    expect(isTestFile('checks/verify.sh', ['checks/verify.sh'])).toBe(true);
  });
});

describe('guard rules', () => {
  it('protects quality.toml, specs, workflows and .guardian, including the old path of a rename', () => {
    const c = protectedPathsCheck(
      input({
        changed: [
          { status: 'M', path: 'quality.toml' },
          { status: 'R', path: 'docs/plan.md', oldPath: 'specs/tasks/T.md' },
          { status: 'A', path: '.github/workflows/x.yml' },
          { status: 'M', path: 'src/app.py' },
        ],
      }),
    );
    expect(c.outcome).toBe('fail');
    expect(c.diagnostics.map((d) => d.file)).toEqual([
      'quality.toml',
      'specs/tasks/T.md',
      '.github/workflows/x.yml',
    ]);
    expect(protectedPathsCheck(input({ changed: [{ status: 'M', path: 'src/app.py' }] })).outcome).toBe(
      'pass',
    );
  });

  it('flags skip and focus markers in tests, test exclusions in config, and suppressions anywhere', () => {
    const lines = [
      add('test/a.test.ts', "it.skip('works', () => {"),
      add('test/a.test.ts', "describe.only('x', () => {"),
      add('test/a.test.ts', "xit('later', () => {"),
      add('test/a.test.ts', "test.concurrent.only('y', async () => {"),
      add('tests/test_a.py', '@pytest.mark.xfail(reason="later")'),
      add('tests/test_a.py', '    self.skipTest("nope")'),
      add('pyproject.toml', 'addopts = "--deselect tests/test_a.py::test_x"'),
      add('src/a.ts', '// @ts-ignore'),
      add('src/a.ts', '/* eslint-disable no-console */'),
      add('src/a.py', 'x = eval(s)  # nosec B307'),
      add('src/a.py', 'y: int = "s"  # type: ignore[assignment]'),
    ];
    const c = skipMarkersCheck(input({ added: lines }));
    expect(c.diagnostics).toHaveLength(lines.length);
    // Ordinary code that merely looks similar is fine.
    const ok = skipMarkersCheck(
      input({
        added: [
          add('src/a.ts', 'const skip = items.skip(2);'),
          add('test/a.test.ts', "it('skips nothing', () => {"),
          add('src/exit.py', 'def fit(model):'),
          add('README.md', 'Use it.only when debugging'),
        ],
      }),
    );
    expect(ok.diagnostics).toEqual([]);
    expect(skipMarkersCheck(input({ added: lines, allowSkipMarkers: true })).outcome).toBe('pass');
  });

  it('flags deleted and renamed tests and removed test cases, but not a test moved within the change', () => {
    const c = testFilesCheck(
      input({
        changed: [
          { status: 'D', path: 'tests/test_old.py' },
          { status: 'M', path: 'tests/test_a.py' },
          { status: 'M', path: 'test/b.test.ts' },
        ],
        baseFiles: new Set(['tests/test_old.py']),
        removed: [
          { file: 'tests/test_a.py', text: 'def test_gone(session):' },
          { file: 'tests/test_a.py', text: 'def test_moved():' },
          { file: 'test/b.test.ts', text: "  it('keeps order', () => {" },
          { file: 'tests/test_old.py', text: 'def test_in_deleted_file():' },
        ],
        added: [add('tests/test_a.py', 'def test_moved():', 30)],
      }),
    );
    expect(c.diagnostics.map((d) => d.message)).toEqual([
      'the change deletes the test file tests/test_old.py',
      'the change removes the test test_gone',
      'the change removes the test keeps order',
    ]);
  });
});

describe('security.json checks', () => {
  const doc = {
    schemaVersion: 1,
    taskId: 'T',
    findings: [
      {
        id: 'F1',
        severity: 'high',
        check: {
          id: 'no-fstring-sql',
          pattern: 'execute\\(f["\']',
          paths: ['src/**/*.py'],
          message: 'SQL from an f-string',
        },
      },
      { id: 'F2', severity: 'low' },
      { id: 'F3', check: { pattern: 'x' } },
    ],
  };

  it('reads checks and reports malformed ones', () => {
    const { checks, problems } = securityChecksOf(doc, 'security.json');
    expect(checks).toEqual([
      expect.objectContaining({
        id: 'no-fstring-sql',
        paths: ['src/**/*.py'],
        findingId: 'F1',
        severity: 'high',
      }),
    ]);
    expect(problems).toEqual(['security.json: findings[2].check needs a string "id" and "pattern"']);
  });

  it('matches added lines in the selected files only, with file:line', () => {
    const [spec] = securityChecksOf(doc, 'security.json').checks;
    const c = securityCheck(spec!, [
      add('src/db.py', 'cur.execute(f"SELECT * FROM t WHERE id={i}")', 12),
      add('tests/test_db.py', 'cur.execute(f"SELECT 1")', 3),
      add('src/db.py', 'cur.execute("SELECT ?", (i,))', 13),
    ]);
    expect(c.name).toBe('security:no-fstring-sql');
    expect(c.diagnostics).toEqual([
      {
        file: 'src/db.py',
        line: 12,
        message: 'SQL from an f-string [no-fstring-sql, high]',
        tool: 'security',
      },
    ]);
  });

  it('stops a catastrophically backtracking pattern instead of hanging', () => {
    const c = securityCheck({ id: 'redos', pattern: '^(a+)+$', message: 'm' }, [
      add('src/a.txt', 'a'.repeat(40) + 'b'),
    ]);
    expect(c.outcome).toBe('error');
    expect(c.outputTail).toMatch(/timed out/);
  });
});

describe('guard:tool-config', () => {
  const files = (base: Record<string, string>, changed: Record<string, string>) => ({
    base: (p: string) => (p in base ? Buffer.from(base[p]!) : undefined),
    changed: (p: string) => (p in changed ? Buffer.from(changed[p]!) : undefined),
  });

  it('refuses a change that neuters a check through package.json scripts', async () => {
    const pkg = (test: string) => JSON.stringify({ name: 'x', scripts: { test }, dependencies: {} });
    const c = toolConfigCheck(
      input({ changed: [{ status: 'M', path: 'package.json' }] }),
      files({ 'package.json': pkg('node --test') }, { 'package.json': pkg('node --test || true') }),
      false,
    );
    expect(c.outcome).toBe('fail');
    expect(c.diagnostics[0]!.message).toMatch(/modifies "scripts" in package.json/);
  });

  it('lets dependencies change, and config files only when allowed', async () => {
    const pkg = (deps: Record<string, string>) =>
      JSON.stringify({ scripts: { test: 'jest' }, dependencies: deps });
    const deps = toolConfigCheck(
      input({ changed: [{ status: 'M', path: 'package.json' }] }),
      files({ 'package.json': pkg({}) }, { 'package.json': pkg({ zod: '^3' }) }),
      false,
    );
    expect(deps.outcome).toBe('pass');
    const changed = [
      { status: 'M' as const, path: 'tsconfig.json' },
      { status: 'A' as const, path: 'pytest.ini' },
      { status: 'M' as const, path: 'pyproject.toml' },
    ];
    const py = (addopts: string) =>
      `[project]\nname = "x"\n[tool.pytest.ini_options]\naddopts = "${addopts}"\n`;
    const read = files({ 'pyproject.toml': py('-q') }, { 'pyproject.toml': py("-q -k 'not test_login'") });
    const refused = toolConfigCheck(input({ changed }), read, false);
    expect(refused.diagnostics.map((d) => d.file)).toEqual(['tsconfig.json', 'pytest.ini', 'pyproject.toml']);
    expect(refused.diagnostics[2]!.message).toMatch(/\[tool\.pytest\]/);
    expect(toolConfigCheck(input({ changed }), read, true).outcome).toBe('pass');
  });

  it('catches skip markers written without a decorator', () => {
    const lines = [
      add('tests/test_a.py', 'pytestmark = pytest.mark.skip'),
      add('tests/conftest.py', '    item.add_marker(pytest.mark.skip(reason="later"))'),
      add('tests/test_b.py', '@mark.xfail'),
      add('tests/test_c.py', '@skip("flaky")'),
      add('pyproject.toml', 'addopts = "--ignore=tests/test_auth.py"'),
      add('setup.cfg', 'norecursedirs = tests'),
      add('tests/conftest.py', 'def pytest_collection_modifyitems(config, items):'),
      add('tests/conftest.py', 'def pytest_ignore_collect(collection_path, config):'),
      add('tests/test_d.py', '__test__ = False'),
    ];
    expect(skipMarkersCheck(input({ added: lines })).diagnostics).toHaveLength(lines.length);
    // Other hooks and names are fine.
    const fine = [
      add('tests/conftest.py', 'def pytest_configure(config):'),
      add('tests/test_e.py', 'is_test = False'),
    ];
    expect(skipMarkersCheck(input({ added: fine })).diagnostics).toEqual([]);
  });

  it('treats every file pytest reads its settings from as tool configuration', () => {
    const names = ['pytest.ini', '.pytest.ini', 'pytest.toml', '.pytest.toml', 'sub/pytest.toml'];
    const c = toolConfigCheck(
      input({ changed: names.map((path) => ({ status: 'A' as const, path })) }),
      files({}, Object.fromEntries(names.map((n) => [n, '[pytest]\naddopts = --collect-only\n']))),
      false,
    );
    expect(c.diagnostics.map((d) => d.file)).toEqual(names);
  });
});
