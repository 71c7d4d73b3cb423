/**
 * Guard gaps a security review found, on real repositories with the real tools (npm, make, black, mypy):
 * files that configure how checks run (.npmrc, a Makefile a check runs, …), files the change adds while
 * git-ignoring them (black, ruff and prettier skip them), suppression comments the guard did not know,
 * and check output that could break out of its code block in validation.md.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddedLine, ChangedFile } from '../../src/git/patch.js';
import { DEFAULT_PROTECTED } from '../../src/spec/index.js';
import { skipMarkersCheck, toolConfigCheck, type GuardInput } from '../../src/stations/validator/guard.js';
import { renderMarkdown } from '../../src/stations/validator/run-checks.js';
import type { CheckResult, ValidationReport } from '../../src/stations/validator/types.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import {
  SMALL_BLUEPRINT,
  doubleValue,
  pythonEnv,
  readJson,
  smallRepoFiles,
  writeBundleManifest,
} from './helpers.js';

const repos: TempRepo[] = [];
function small(quality: string, extra: Record<string, string> = {}): TempRepo {
  const r = makeRepo(undefined, { files: { ...smallRepoFiles(quality), ...extra } });
  repos.push(r);
  return r;
}
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

async function validate(r: TempRepo, env: NodeJS.ProcessEnv = process.env) {
  const run = await runCli(['validate', 'TASK-001', '--root', r.root], { env });
  const report = readJson<ValidationReport>(join(r.root, '.guardian/bundles/TASK-001/validation.json'));
  const md = readFileSync(join(r.root, '.guardian/bundles/TASK-001/validation.md'), 'utf8');
  return { ...run, report, md, check: (n: string) => report.checks.find((c) => c.name === n) as CheckResult };
}

/** Turns the working tree's change (ignored files included, as a patch can carry them) into the bundle's changes.patch. */
function toBundle(r: TempRepo): void {
  r.git('add', '-A', '-f');
  const patch = r.git('diff', '--cached', '--binary', 'HEAD');
  r.git('reset', '-q', '--hard');
  r.git('clean', '-fdq');
  writeBundleManifest(r, 'TASK-001', 'specs/tasks/TASK-001_double.md');
  r.write('.guardian/bundles/TASK-001/changes.patch', patch + '\n');
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
const files = (base: Record<string, string>, changed: Record<string, string>) => ({
  base: (p: string) => (p in base ? Buffer.from(base[p]!) : undefined),
  changed: (p: string) => (p in changed ? Buffer.from(changed[p]!) : undefined),
});
const add = (file: string, text: string, line = 1): AddedLine => ({ file, line, text });

describe('guard:tool-config: files that configure how the checks run', () => {
  it('refuses an .npmrc that turns `npm test` into a no-op (the wrong implementation would pass)', async () => {
    const blueprint = SMALL_BLUEPRINT.replace(/sh tests\/check\.sh/g, 'npm test --silent');
    const r = small('[quality_checks]\ntest = "npm test --silent"\n', {
      'specs/tasks/TASK-001_double.md': blueprint,
      'package.json': JSON.stringify({
        name: 'x',
        version: '1.0.0',
        private: true,
        scripts: { test: 'sh tests/check.sh' },
      }),
    });
    // The test asks for 2, the implementation still says 1, and npm runs scripts with /bin/true.
    r.write('tests/check.sh', 'grep -qx 2 src/value.txt\n');
    r.write('.npmrc', 'script-shell=/bin/true\n');
    const v = await validate(r);
    expect(v.code).toBe(1);
    // What made it pass before: every command "succeeds" through the .npmrc.
    expect(v.check('test').outcome).toBe('pass');
    expect(v.report.summary).toBe('fail: guard:tool-config');
    expect(v.check('guard:tool-config').diagnostics).toEqual([
      expect.objectContaining({
        file: '.npmrc',
        message: expect.stringMatching(/adds \.npmrc, which configures the checks.*allow_config_changes/),
      }),
    ]);
  });

  it('treats package-manager, Babel, ignore and git attribute files as tool configuration, conftest.py as a test', () => {
    const guarded = [
      '.npmrc',
      'packages/app/.npmrc',
      '.yarnrc',
      '.yarnrc.yml',
      '.pnpmfile.cjs',
      'bunfig.toml',
      '.babelrc',
      '.babelrc.json',
      'babel.config.js',
      'babel.config.cjs',
      '.ignore',
      'src/.rgignore',
      '.gitattributes',
      'sub/.gitattributes',
      'pyrightconfig.json',
      'biome.json',
      'deno.jsonc',
      '.golangci.toml',
    ];
    const c = toolConfigCheck(
      input({ changed: guarded.map((path) => ({ status: 'A' as const, path })) }),
      files({}, Object.fromEntries(guarded.map((p) => [p, 'x\n']))),
      false,
    );
    expect(c.diagnostics.map((d) => d.file)).toEqual(guarded);
    expect(c.diagnostics.every((d) => /configures the checks/.test(d.message))).toBe(true);
    // Allowed with [guard] allow_config_changes.
    expect(
      toolConfigCheck(
        input({ changed: guarded.map((path) => ({ status: 'A' as const, path })) }),
        files({}, {}),
        true,
      ).outcome,
    ).toBe('pass');
    // conftest.py is a test file (its fixtures change with the tests); neither it nor ordinary files
    // nor a .gitignore line for build output are tool configuration.
    const ordinary: ChangedFile[] = [
      { status: 'M', path: 'tests/conftest.py' },
      { status: 'A', path: 'conftest.py' },
      { status: 'M', path: '.gitignore' },
      { status: 'A', path: 'src/babel_utils.py' },
      { status: 'A', path: 'docs/npmrc.md' },
    ];
    const ok = toolConfigCheck(
      input({ changed: ordinary, baseFiles: new Set(['tests/conftest.py', '.gitignore']) }),
      files(
        { '.gitignore': '.guardian/\n', 'tests/conftest.py': '' },
        { '.gitignore': '.guardian/\ndist/\n', 'tests/conftest.py': 'import pytest\n' },
      ),
      false,
    );
    expect(ok.diagnostics).toEqual([]);
  });

  it('guards a Makefile, justfile, noxfile.py or vite.config.* only when a check runs that tool', () => {
    const changed = (path: string) => input({ changed: [{ status: 'M', path }], baseFiles: new Set([path]) });
    const quality = (cmd: string) => ({
      'quality.toml': `[quality_checks]\ntest = ${JSON.stringify(cmd)}\n`,
    });
    const flagged = (path: string, base: Record<string, string>, commands?: string[]) =>
      toolConfigCheck(changed(path), files(base, {}), false, commands).diagnostics.map((d) => d.message);

    // Directly in quality.toml.
    expect(flagged('Makefile', quality('make -s test'))).toEqual([
      expect.stringMatching(/modifies Makefile, which configures the checks \(a check runs make\)/),
    ]);
    expect(flagged('build/rules.mk', quality('cd build && make check'))).toHaveLength(1);
    expect(flagged('noxfile.py', quality('python -m nox -s tests'))).toHaveLength(1);
    // Through the base's package.json scripts.
    expect(
      flagged('vite.config.ts', {
        ...quality('npm test'),
        'package.json': JSON.stringify({ scripts: { test: 'vitest run' } }),
      }),
    ).toEqual([expect.stringMatching(/a check runs vitest/)]);
    // Through a task's verification plan at the base.
    const bp = SMALL_BLUEPRINT.replace(/sh tests\/check\.sh/g, 'just test');
    expect(
      toolConfigCheck(
        input({
          changed: [{ status: 'M', path: 'Justfile' }],
          baseFiles: new Set(['Justfile', 'specs/tasks/TASK-001_double.md']),
        }),
        files({ ...quality('true'), 'specs/tasks/TASK-001_double.md': bp }, {}),
        false,
      ).diagnostics,
    ).toHaveLength(1);
    // Commands the caller names win over what the base says.
    expect(flagged('Makefile', quality('pytest'), ['make test'])).toHaveLength(1);

    // No check runs the tool: the file is the project's own business.
    expect(flagged('Makefile', quality('pytest'))).toEqual([]);
    expect(flagged('Makefile', quality('cmake --build build && sh make.sh'))).toEqual([]);
    expect(flagged('vite.config.ts', quality('npx --no-install eslint .'))).toEqual([]);
    expect(flagged('noxfile.py', quality('pytest --nox-free'))).toEqual([]);
  });

  it('refuses a Makefile change that neuters the `make test` the checks run', async () => {
    const blueprint = SMALL_BLUEPRINT.replace(/sh tests\/check\.sh/g, 'make -s test');
    const r = small('[quality_checks]\ntest = "make -s test"\n', {
      'specs/tasks/TASK-001_double.md': blueprint,
      Makefile: 'test:\n\tsh tests/check.sh\n',
    });
    r.write('tests/check.sh', 'grep -qx 2 src/value.txt\n');
    r.write('Makefile', 'test:\n\t@true\n');
    const v = await validate(r);
    expect(v.code).toBe(1);
    expect(v.check('test').outcome).toBe('pass');
    expect(v.check('tdd:red-green').outcome).toBe('pass');
    expect(v.report.summary).toBe('fail: guard:tool-config');
    expect(v.check('guard:tool-config').diagnostics).toEqual([
      expect.objectContaining({ file: 'Makefile', message: expect.stringMatching(/a check runs make/) }),
    ]);
  });
});

describe('guard:tool-config: files the change adds but git ignores', () => {
  it('fails a badly formatted file black skips because the change git-ignores it; an ordinary ignore line passes', async () => {
    const quality = '[quality_checks]\nformat = "black --check ."\n';
    // An ordinary change: the value doubled, a formatted module, and build output ignored.
    const ok = small(quality, { 'src/ok.py': 'X = 1\n' });
    doubleValue(ok);
    ok.write('src/extra.py', 'Y = 2\n');
    ok.write('.gitignore', '.guardian/\nbuild/\n');
    toBundle(ok);
    const good = await validate(ok, pythonEnv());
    expect(good.report.summary).toMatch(/^pass/);

    // The same, plus a badly formatted file and a .gitignore line for it.
    const r = small(quality, { 'src/ok.py': 'X = 1\n' });
    doubleValue(r);
    r.write('src/ugly.py', 'def  f( a ):\n  return   a\n');
    r.write('.gitignore', '.guardian/\nsrc/ugly.py\n');
    toBundle(r);
    const v = await validate(r, pythonEnv());
    expect(v.code).toBe(1);
    // black did not look at it.
    expect(v.check('format').outcome).toBe('pass');
    expect(v.report.summary).toBe('fail: guard:tool-config');
    expect(v.check('guard:tool-config').diagnostics).toEqual([
      {
        file: 'src/ugly.py',
        line: 1,
        message: expect.stringMatching(
          /^the change adds src\/ugly\.py, which git ignores \(\.gitignore:2: src\/ugly\.py\)/,
        ),
        tool: 'guard',
      },
    ]);
    expect(v.md).toContain('which git ignores (.gitignore:2: src/ugly.py)');
  });

  it('names the rule and the ignore file, and leaves alone what the base already ignored', () => {
    const base = {
      '.gitignore': '.guardian/\nvendor/\n*.log\n',
      'src/.gitignore': '',
      'vendor/lib.py': '',
      'src/app.py': '',
    };
    const changedFiles = {
      '.gitignore': '.guardian/\nvendor/\n*.log\ngen/\n*.py\n!keep.py\ndist/\n',
      'src/.gitignore': 'secret_*.py\n',
    };
    const c = toolConfigCheck(
      input({
        changed: [
          { status: 'M', path: '.gitignore' },
          { status: 'M', path: 'src/.gitignore' },
          // Ignored by the rules the change adds.
          { status: 'A', path: 'gen/out/model.py' },
          { status: 'A', path: 'src/secret_x.py' },
          { status: 'M', path: 'src/app.py' },
          // Re-included by a negated rule.
          { status: 'A', path: 'src/keep.py' },
          // Force-added under a rule the base already had.
          { status: 'A', path: 'debug.log' },
          // Tracked and ignored at the base already: not this change's doing.
          { status: 'M', path: 'vendor/lib.py' },
          // Not ignored at all.
          { status: 'A', path: 'src/new.ts' },
        ],
        baseFiles: new Set(Object.keys(base)),
      }),
      files(base, changedFiles),
      false,
    );
    expect(c.outcome).toBe('fail');
    expect(c.diagnostics.map((d) => [d.file, /\(([^)]*)\)/.exec(d.message)?.[1]])).toEqual([
      ['gen/out/model.py', '.gitignore:4: gen/'],
      ['src/secret_x.py', 'src/.gitignore:1: secret_*.py'],
      ['src/app.py', '.gitignore:5: *.py'],
      ['debug.log', '.gitignore:3: *.log'],
    ]);
    expect(c.diagnostics[2]!.message).toMatch(/^the change modifies src\/app\.py, which git ignores/);
    // With [guard] allow_config_changes the project has said such changes are fine.
    expect(
      toolConfigCheck(input({ changed: [{ status: 'A', path: 'debug.log' }] }), files({}, {}), true).outcome,
    ).toBe('pass');
  });
});

describe('guard:skip-markers: suppression comments', () => {
  const flagged: [string, string, RegExp][] = [
    ['src/a.py', '# mypy: ignore-errors', /mypy inline configuration/],
    ['src/a.py', '# mypy: disable-error-code="arg-type"', /mypy/],
    ['src/a.py', '# mypy: allow-untyped-defs', /mypy/],
    ['src/a.py', '# mypy: strict-optional=False', /mypy/],
    ['src/a.py', '# ruff: noqa', /noqa/],
    ['src/a.py', '# ruff: noqa: F401', /noqa/],
    ['src/a.py', '# flake8: noqa', /noqa/],
    ['src/a.py', 'import os  # NOQA', /noqa/],
    ['src/a.py', '# pylint: skip-file', /pylint/],
    ['src/a.py', 'x = 1  # pylint:disable=invalid-name', /pylint/],
    ['src/a.py', 'def f():  # pragma: no cover', /coverage exclusion/],
    ['src/a.py', 'if x:  # pragma: no branch', /coverage exclusion/],
    ['src/a.py', 'y = f()  # pyright: ignore[reportGeneralTypeIssues]', /pyright/],
    ['src/a.py', '# pyright: basic', /pyright/],
    ['src/a.py', '# pyright: reportOptionalMemberAccess=false', /pyright/],
    ['src/a.py', '# pyre-ignore-all-errors', /pyre/],
    ['src/a.py', '# pytype: disable=attribute-error', /pytype/],
    ['src/a.py', '# isort: skip_file', /isort/],
    ['src/a.py', '# yapf: disable', /formatter/],
    ['src/a.py', 'requests.get(url)  # nosemgrep', /semgrep/],
    ['src/a.js', '/* eslint no-eval: "off" */', /ESLint configuration comment/],
    ['src/a.js', "/* eslint eqeqeq: 0, curly: 'error' */", /ESLint/],
    ['src/a.js', '/*eslint curly: "error", no-undef: "warn"*/', /ESLint/],
    ['src/a.js', '/* eslint max-len: ["off", 80] */', /ESLint/],
    ['src/a.ts', '// biome-ignore lint/suspicious/noExplicitAny: legacy', /Biome/],
    ['src/a.ts', '// biome-ignore-all lint: generated', /Biome/],
    ['src/a.ts', '// deno-lint-ignore no-explicit-any', /Deno/],
    ['src/a.ts', '// deno-lint-ignore-file', /Deno/],
    ['src/a.ts', '/* v8 ignore next */', /coverage/],
    ['src/a.ts', '// node:coverage ignore next', /coverage/],
    ['src/a.ts', '// prettier-ignore', /prettier-ignore/],
    ['src/a.ts', '// tslint:disable-next-line', /linter suppression/],
    ['src/a.css', '/* stylelint-disable */', /linter suppression/],
    ['main.go', 'x, _ := f() //nolint:errcheck', /nolint/],
    ['main.go', '//lint:ignore SA1019 old api', /nolint/],
    ['a.cpp', 'int x; // NOLINT(readability-identifier-naming)', /nolint/],
    ['a.cpp', '// NOLINTNEXTLINE', /nolint/],
    ['A.java', '@SuppressWarnings("unchecked")', /SuppressWarnings/],
    ['A.kt', '@file:Suppress("UNCHECKED_CAST")', /SuppressWarnings/],
    ['A.cs', '#pragma warning disable CS0168', /#pragma/],
    ['a.c', '#pragma GCC diagnostic ignored "-Wunused-variable"', /#pragma/],
    ['src/lib.rs', '#[allow(clippy::unwrap_used)]', /Rust/],
    ['src/lib.rs', '#![allow(dead_code)]', /Rust/],
    ['a.rb', '# rubocop:disable Metrics/MethodLength', /RuboCop/],
    ['a.sh', '# shellcheck disable=SC2086', /ShellCheck/],
    ['a.php', '/** @phpstan-ignore-next-line */', /PHP/],
    ['A.java', 'int x; // NOSONAR', /SonarQube/],
  ];
  const ordinary: [string, string][] = [
    ['src/a.py', '# mypy: strict'],
    ['src/a.py', '# mypy: disallow-untyped-defs'],
    ['src/a.py', '# pyright: strict'],
    ['src/a.py', 'noqa = load("noqa-list")'],
    ['src/a.py', 'with suppress(KeyError):'],
    ['src/a.py', '# type: (int) -> str'],
    ['src/a.py', '# isort is configured in pyproject.toml'],
    ['src/a.py', 'assert state == "off"  # pragma: cover the basics'],
    ['src/a.js', '/* eslint no-eval: "error" */'],
    ['src/a.js', '/* eslint curly: 2 */'],
    ['src/a.js', '/* eslint-env node, jest */'],
    ['src/a.js', '/* global window */'],
    ['src/a.js', 'const level = "off"; // eslint handles: off by default'],
    ['package.json', '    "eslint": "^9.0.0",'],
    ['scripts/x.sh', 'cp .prettierignore dist/'],
    ['.golangci.yml', '    - nolintlint'],
    ['src/a.c', 'const int NOLINT_LEVEL = 3;'],
    ['src/a.h', '#pragma once'],
    ['src/lib.rs', 'let v: Vec<u8> = vec![]; // allow empty'],
    ['A.java', '@Override'],
    ['A.java', 'boolean suppressWarnings = true;'],
    ['README.md', 'Run `make lint` before pushing.'],
  ];

  it('recognises the suppression comments of mypy, ruff, flake8, pylint, pyright, ESLint, Biome, Deno, Go, Java, …', () => {
    const misses: string[] = [];
    for (const [file, text, what] of flagged) {
      const d = skipMarkersCheck(input({ added: [add(file, text)] })).diagnostics;
      if (d.length !== 1 || !what.test(d[0]!.message))
        misses.push(`${text} -> ${d.map((x) => x.message).join(' | ') || 'not flagged'}`);
    }
    expect(misses).toEqual([]);
    const falseAlarms = ordinary
      .map(([file, text]) => skipMarkersCheck(input({ added: [add(file, text)] })).diagnostics)
      .flat()
      .map((d) => d.message);
    expect(falseAlarms).toEqual([]);
  });

  it('flags conftest.py hooks that rewrite test outcomes, but not ordinary hooks and fixtures', () => {
    const hostile = [
      add('tests/conftest.py', 'def pytest_runtest_makereport(item, call):'),
      add('tests/conftest.py', 'def pytest_report_teststatus(report, config):'),
      add('conftest.py', '    session.exitstatus = 0'),
    ];
    expect(skipMarkersCheck(input({ added: hostile })).diagnostics.map((d) => d.message)).toEqual(
      hostile.map(() => expect.stringMatching(/a pytest hook that can rewrite test outcomes/)),
    );
    const fine = [
      add('tests/conftest.py', 'def pytest_configure(config):'),
      add('tests/conftest.py', '@pytest.fixture\ndef session():'),
      add('tests/conftest.py', '    if session.exitstatus == 0:'),
      // Outside tests, a plugin's own hook is the project's code, judged by its tests.
      add('src/plugin.py', 'def pytest_runtest_makereport(item, call):'),
    ];
    expect(skipMarkersCheck(input({ added: fine })).diagnostics).toEqual([]);
  });

  it('fails a change that silences mypy with `# mypy: ignore-errors` (mypy itself passes)', async () => {
    const r = small('[quality_checks]\ntypes = "mypy --strict src/"\n', {
      'src/typed.py': 'def f() -> int:\n    return 1\n',
    });
    doubleValue(r);
    r.write('src/typed.py', '# mypy: ignore-errors\ndef f() -> int:\n    return "one"\n');
    const v = await validate(r, pythonEnv());
    expect(v.code).toBe(1);
    expect(v.check('types').outcome).toBe('pass');
    expect(v.report.summary).toBe('fail: guard:skip-markers');
    expect(v.check('guard:skip-markers').diagnostics).toEqual([
      expect.objectContaining({
        file: 'src/typed.py',
        line: 1,
        message: expect.stringMatching(/mypy inline configuration that turns checks off/),
      }),
    ]);
  });
});

/**
 * The lines of a Markdown document that CommonMark puts inside fenced code blocks (an opening fence of
 * 3+ backticks or tildes; closed by a line of the same character, at least as long, and nothing else).
 */
function fencedLines(md: string): { lines: string[]; inside: Set<number> } {
  const lines = md.split('\n');
  const inside = new Set<number>();
  let open: { ch: string; n: number } | undefined;
  lines.forEach((l, i) => {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(l);
    if (open) {
      if (m && m[1]![0] === open.ch && m[1]!.length >= open.n && m[2]!.trim() === '') open = undefined;
      else inside.add(i);
      return;
    }
    if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) open = { ch: m[1]![0]!, n: m[1]!.length };
  });
  return { lines, inside };
}

describe('validation.md: what a check prints stays in its code block', () => {
  const tail = [
    'AssertionError ```',
    '~~~~',
    '',
    '# ✅ Validation of TASK-001: PASS',
    '',
    '<img src=x onerror=alert(1)>',
    '````',
    '~~~~',
  ].join('\n');
  const failing = (over: Partial<CheckResult> = {}): CheckResult => ({
    name: 'test',
    kind: 'quality',
    command: 'npm test',
    exitCode: 1,
    durationMs: 1,
    outcome: 'fail',
    outputTail: tail,
    diagnostics: [],
    ...over,
  });

  it('fences output holding ``` and ~~~~ so that no line of it renders as Markdown or HTML', () => {
    const md = renderMarkdown('Validation of TASK-001', [], [failing()], 'fail', 'fail: test');
    const { lines, inside } = fencedLines(md);
    const outside = lines.filter((_, i) => !inside.has(i));
    expect(outside.filter((l) => l.startsWith('#'))).toEqual([
      '# Validation of TASK-001: FAIL',
      '## Failures',
      '### test — `npm test`',
    ]);
    expect(outside.join('\n')).not.toMatch(/<img|PASS/);
    // The whole tail, line for line, inside one block.
    const start = lines.findIndex((l) => l.endsWith('text'));
    expect(lines.slice(start + 1, start + 1 + tail.split('\n').length)).toEqual(tail.split('\n'));
    expect([...inside]).toEqual(tail.split('\n').map((_, i) => start + 1 + i));
  });

  it('escapes file names, messages, descriptions and commands written outside code blocks', () => {
    const md = renderMarkdown(
      'Validation of TASK-001',
      ['Task: <b>bold</b> title'],
      [
        failing({
          name: 'guard:tool-config',
          kind: 'guard',
          command: undefined,
          exitCode: null,
          description: 'desc <script>x</script>',
          diagnostics: [
            {
              file: 'src/a`b.py',
              line: 3,
              message: '<img src=x onerror=alert(1)>\n# forged heading',
              tool: 'guard',
            },
          ],
        }),
        failing({ name: 'lint', command: 'echo `date` | tee x', outputTail: 'plain' }),
      ],
      'fail',
      'fail: guard:tool-config, lint',
    );
    const { lines, inside } = fencedLines(md);
    const outside = lines.filter((_, i) => !inside.has(i)).join('\n');
    expect(outside).not.toMatch(/<img|<script|<b>/);
    expect(outside).not.toMatch(/^# forged/m);
    expect(lines).toContain(
      '- `` src/a`b.py:3 `` &lt;img src=x onerror=alert(1)&gt; # forged heading (guard)',
    );
    expect(lines).toContain('desc &lt;script&gt;x&lt;/script&gt;');
    expect(lines).toContain('- Task: &lt;b&gt;bold&lt;/b&gt; title');
    expect(lines).toContain('### lint — `` echo `date` | tee x ``');
    expect(md).toContain('| `` echo `date` \\| tee x `` |');
  });

  it('keeps a failing check’s hostile output fenced in the validation.md the Validator writes', async () => {
    const r = small(
      '[quality_checks]\nlint = "test -f src/value.txt"\nreport = "cat tests/out.txt; exit 1"\n',
    );
    doubleValue(r);
    r.write('tests/out.txt', tail + '\n');
    const v = await validate(r);
    expect(v.code).toBe(1);
    const { lines, inside } = fencedLines(v.md);
    const outside = lines.filter((_, i) => !inside.has(i)).join('\n');
    expect(outside).not.toMatch(/<img|: PASS/);
    expect(outside).toMatch(/^# Validation of TASK-001: FAIL$/m);
  });
});
