/**
 * Honest changes the guard rules must let through, in the shapes real projects' history has: a
 * changelog that names `# fmt: skip`, a formatter's test data that holds each test function twice (as
 * input and as expected output), a comment that says "skip (…)", another tool's `--ignore-…` option, a
 * suppression spelled inside a string literal. Each beside the cheat it must still refuse. The changes
 * are real commits of a real repository, read as the Validator reads them.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { changedFiles, lineChanges } from '../../src/git/patch.js';
import { listFilesAt, showFile } from '../../src/git/git.js';
import {
  skipMarkersCheck,
  testFilesCheck,
  toolConfigCheck,
  type GuardInput,
} from '../../src/stations/validator/guard.js';
import { makeRepo, type TempRepo } from '../support/repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

/** The three rules on a commit that writes `change` (null: delete) onto a base holding `base`. */
function judge(base: Record<string, string>, change: Record<string, string | null>) {
  const r = makeRepo(undefined, { files: base });
  repos.push(r);
  for (const [p, text] of Object.entries(change)) {
    if (text === null) r.git('rm', '-q', p);
    else r.write(p, text);
  }
  r.git('add', '-A');
  r.git('commit', '-q', '-m', 'change');
  const [from, to] = ['HEAD~1', 'HEAD'].map((c) => r.git('rev-parse', c));
  const { added, removed } = lineChanges(r.root, from!, to!);
  const input: GuardInput = {
    changed: changedFiles(r.root, from!, to!),
    added,
    removed,
    baseFiles: new Set(listFilesAt(r.root, from!)),
    protectedGlobs: [],
    allowSkipMarkers: false,
    relevantTests: [],
  };
  const read = {
    base: (p: string) => showFile(r.root, from!, p),
    changed: (p: string) => showFile(r.root, to!, p),
  };
  const results = [
    testFilesCheck(input, read),
    skipMarkersCheck(input),
    toolConfigCheck(input, read, false, []),
  ];
  const failed = Object.fromEntries(
    results.filter((c) => c.outcome !== 'pass').map((c) => [c.name, c.outputTail]),
  );
  return failed;
}

describe('guard:test-files: Python files under a test folder that the runner does not collect', () => {
  const CASE = 'def test_func():\n    return 1\n';
  const OUTPUT = '\n\n# output\n\n\ndef test_func():\n    return 1\n';

  it('lets a formatter test case hold the same test function as input and as expected output', () => {
    expect(
      judge({ 'tests/data/cases/funcs.py': CASE }, { 'tests/data/cases/funcs.py': CASE + OUTPUT }),
    ).toEqual({});
  });

  it('still refuses a second definition that replaces an existing test in a test module', () => {
    const failed = judge({ 'tests/test_funcs.py': CASE }, { 'tests/test_funcs.py': CASE + OUTPUT });
    expect(failed['guard:test-files']).toMatch(
      /takes the test test_func of tests\/test_funcs\.py out of the run/,
    );
  });

  it("still refuses it in a module named by the base's python_files", () => {
    const failed = judge(
      { 'pytest.ini': '[pytest]\npython_files =\n    check_*.py\n', 'tests/check_funcs.py': CASE },
      { 'tests/check_funcs.py': CASE + OUTPUT },
    );
    expect(failed['guard:test-files']).toMatch(/takes the test test_func of tests\/check_funcs\.py/);
  });
});

describe('guard:skip-markers: suppressions and markers that are prose, comments or text', () => {
  it('lets a changelog and the docs name the suppressions a formatter handles', () => {
    const failed = judge(
      { 'CHANGES.md': '# Changes\n', 'src/app.py': 'x = 1\n' },
      {
        'CHANGES.md':
          '# Changes\n\n- Fix `# fmt: skip` on one-liners and `# type: ignore` after a bracket\n- Keep `# noqa` and `# pyright: ignore[...]` comments\n',
      },
    );
    expect(failed).toEqual({});
  });

  it('still refuses a prettier-ignore in Markdown and a suppression in the code', () => {
    const failed = judge(
      { 'README.md': '# App\n', 'src/app.py': 'x = 1\n' },
      {
        'README.md': '# App\n\n<!-- prettier-ignore -->\n| a |\n',
        'src/app.py': 'x = f()  # type: ignore\n',
      },
    );
    expect(failed['guard:skip-markers']).toMatch(/README\.md:3: the change adds a formatter suppression/);
    expect(failed['guard:skip-markers']).toMatch(/src\/app\.py:1: the change adds a mypy suppression/);
  });

  it('lets Python code hold a suppression comment as a string literal', () => {
    const failed = judge(
      { 'src/nodes.py': 'def is_ignore(value):\n    return False\n', 'tests/test_nodes.py': 'x = 1\n' },
      {
        'src/nodes.py': 'def is_ignore(value):\n    return value.startswith("# type: ignore")\n',
        'tests/test_nodes.py':
          'def test_keeps_comment():\n    assert fmt("x = 1  # type: ignore\\n") == \'x = 1  # fmt: skip\'\n',
      },
    );
    expect(failed).toEqual({});
  });

  it('still refuses the suppression after a string, in a string left open, and one its tool reads in text', () => {
    const failed = judge(
      { 'src/a.py': 'x = 1\n' },
      {
        'src/a.py':
          'a = "text"  # type: ignore\nb = """doc  # fmt: off\n"""\nc = "# noqa"\nd = \'it\\\'s\'  # pylint: disable=all\n',
      },
    );
    const out = failed['guard:skip-markers'] ?? '';
    expect(out).toMatch(/src\/a\.py:1: the change adds a mypy suppression/);
    expect(out).toMatch(/src\/a\.py:2: the change adds a formatter suppression/);
    expect(out).toMatch(/src\/a\.py:4: the change adds a linter suppression \(# noqa\)/);
    expect(out).toMatch(/src\/a\.py:5: the change adds a pylint suppression/);
  });

  it('lets a comment line of a test file say "skip (…)"', () => {
    const failed = judge(
      { 'tests/data/cases/fmtskip.py': 'x = 1\n', 'test/a.test.js': "it('a', () => {});\n" },
      {
        'tests/data/cases/fmtskip.py': 'x = 1\n# Dictionary entries with fmt: skip (long lines)\n',
        'test/a.test.js': "it('a', () => {});\n// Once fixed, drop the skip (see the issue)\n",
      },
    );
    expect(failed).toEqual({});
  });

  it('still refuses the skip in code, and in code after a comment and a lone carriage return', () => {
    const failed = judge(
      { 'tests/test_a.py': 'from pytest import skip\n', 'test/a.test.js': "it('a', () => {});\n" },
      {
        'tests/test_a.py': 'from pytest import skip\nskip ("later")\n# note\rpytest.skip("x")\n',
        'test/a.test.js': "it('a', () => {});\n// note\u2028it.only('b', () => {});\n",
      },
    );
    const out = failed['guard:skip-markers'] ?? '';
    expect(out).toMatch(/tests\/test_a\.py:2: the change adds a skip decorator or call/);
    expect(out).toMatch(/tests\/test_a\.py:3: the change adds a pytest\.skip\(\)/);
    expect(out).toMatch(/test\/a\.test\.js:2: the change adds a skip\/only modifier/);
  });

  it("lets other tools' --ignore-… options through, and refuses pytest's --ignore and --deselect", () => {
    const ok = judge(
      { '.pre-commit-config.yaml': 'repos: []\n', 'package.json': '{"name": "x"}\n' },
      {
        '.pre-commit-config.yaml':
          "repos:\n  - hooks:\n      - id: codespell\n        args: ['--ignore-words-list=inout,te']\n",
        'package.json':
          '{\n  "name": "x",\n  "lint-staged": {\n    "*": "prettier --ignore-unknown --write"\n  }\n}\n',
      },
    );
    expect(ok).toEqual({});
    const failed = judge(
      { 'run.sh': 'pytest\n' },
      {
        'run.sh':
          'pytest --ignore=tests/test_a.py\npytest --ignore-glob "*_b.py"\npytest --deselect tests/test_c.py::test_x\n',
      },
    );
    const out = failed['guard:skip-markers'] ?? '';
    for (const n of [1, 2, 3])
      expect(out).toMatch(new RegExp(`run\\.sh:${n}: the change adds a test exclusion`));
  });
});

describe('guard:test-files: a definition line rewritten, not removed', () => {
  const BASE =
    "import { test } from 'vitest';\n\ntest('client aborts request halfway through', async () => {\n  expect(await run()).toBe(1);\n});\n";
  const REFLOWED =
    "import { test } from 'vitest';\n\ntest(\n  'client aborts request halfway through',\n  async () => {\n    expect(await run()).toBe(1);\n  },\n);\n";

  it('lets a formatter put the title of a test on the line after `test(`', () => {
    expect(judge({ 'test/abort.test.ts': BASE }, { 'test/abort.test.ts': REFLOWED })).toEqual({});
  });

  it('still refuses the reflowed test put in a comment', () => {
    const failed = judge(
      { 'test/abort.test.ts': BASE },
      { 'test/abort.test.ts': REFLOWED.replace('test(\n', '/* test(\n').replace(');\n', '); */\n') },
    );
    expect(failed['guard:test-files']).toMatch(/removes the test client aborts request halfway through/);
  });

  it('still refuses a test deleted from one class while a test of that name stays in another', () => {
    const cls = (c: string) => `class ${c}:\n    def test_x(self):\n        assert True\n`;
    const failed = judge(
      { 'tests/test_ab.py': `${cls('TestA')}\n\n${cls('TestB')}` },
      { 'tests/test_ab.py': cls('TestB') },
    );
    expect(failed['guard:test-files']).toMatch(/removes the test test_x/);
  });
});
