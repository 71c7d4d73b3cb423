/**
 * The Validator on temporary copies of examples/python-flask-users with Debian's black, mypy, bandit
 * and pytest: the verdict, the guard rules, the red/green proof and the report.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import type { CheckResult, PrestartReport, ValidationReport } from '../../src/stations/validator/types.js';
import {
  addLastLoginTest,
  edit,
  implementLastLogin,
  pythonEnv,
  readJson,
  writeBundleManifest,
} from './helpers.js';

const repos: TempRepo[] = [];
function repo(): TempRepo {
  const r = makeRepo('python-flask-users');
  repos.push(r);
  return r;
}
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

async function validate(r: TempRepo, ...args: string[]) {
  const run = await runCli(['validate', 'TASK-042', '--root', r.root, ...args], { env: pythonEnv() });
  const path = join(r.root, '.guardian/bundles/TASK-042/validation.json');
  const report = existsSync(path) ? readJson<ValidationReport>(path) : undefined;
  return {
    ...run,
    report: report!,
    check: (name: string) => report!.checks.find((c) => c.name === name) as CheckResult,
  };
}

describe('validate on the Python example', () => {
  it('passes a complete TDD change and records the verdict, base and patch hash', async () => {
    const r = repo();
    addLastLoginTest(r);
    implementLastLogin(r);
    const v = await validate(r);
    expect(v.code).toBe(0);
    expect(v.report.verdict).toBe('pass');
    expect(v.report.baseCommit).toBe(r.git('rev-parse', 'HEAD'));
    expect(v.report.patchSource).toBe('working-tree');
    expect(v.report.patchSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(v.report.changedFiles.sort()).toEqual(
      [
        'migrations/versions/0002_user_last_login.py',
        'src/models/user.py',
        'src/services/auth.py',
        'tests/test_auth.py',
      ].sort(),
    );
    expect(v.report.checks.map((c) => c.name)).toEqual([
      'guard:protected-paths',
      'guard:git-config',
      'guard:links',
      'guard:test-files',
      'guard:skip-markers',
      'guard:tool-config',
      'linter',
      'type_checker',
      'security_scanner',
      'test_runner',
      'plan:2',
      'tdd:red-green',
    ]);
    expect(v.check('tdd:red-green').outputTail).toMatch(/red +`pytest tests\/test_auth.py` \(exit 1\)/);
    expect(v.stdout).toMatch(/^pass: 12 checks/m);
    const md = readFileSync(join(r.root, '.guardian/bundles/TASK-042/validation.md'), 'utf8');
    expect(md).toMatch(/# Validation of TASK-042: PASS/);
    expect(md).toMatch(/\| type_checker \| quality \| ✅ pass \| 0 \|/);
    // The working tree is untouched by judging it.
    expect(r.git('status', '--porcelain')).toContain('?? migrations/versions/0002_user_last_login.py');
  });

  it('fails lint, type, security and test checks and extracts file:line diagnostics from each tool', async () => {
    const r = repo();
    addLastLoginTest(r);
    implementLastLogin(r);
    // black: bad formatting; mypy: a str returned as int; bandit: SQL built by formatting; pytest: a wrong assertion.
    r.write(
      'src/services/report.py',
      [
        '"""Reports."""',
        'import subprocess',
        '',
        '',
        'def count_lines(path: str) -> int:',
        '    out = subprocess.check_output("wc -l " + path, shell=True)',
        '    return out.decode()',
        '',
        '',
        'def   badly_formatted( x:int)->int :',
        '    return x',
        '',
      ].join('\n'),
    );
    edit(
      r,
      'tests/test_auth.py',
      'assert user.last_login.utcoffset() == timedelta(0)',
      'assert user.last_login.utcoffset() == timedelta(hours=1)',
    );
    const v = await validate(r);
    expect(v.code).toBe(1);
    expect(v.report.verdict).toBe('fail');
    expect(v.stderr).toContain('validating TASK-042');
    expect(v.report.summary).toMatch(/^fail: .*linter.*type_checker.*security_scanner.*test_runner/);

    const lint = v.check('linter');
    expect(lint.outcome).toBe('fail');
    expect(lint.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'src/services/report.py', tool: 'black' }),
    );

    const types = v.check('type_checker');
    expect(types.outcome).toBe('fail');
    expect(types.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'src/services/report.py',
        line: 7,
        tool: 'mypy',
        message: expect.stringMatching(/Incompatible return value/),
      }),
    );

    const sec = v.check('security_scanner');
    expect(sec.outcome).toBe('fail');
    expect(sec.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'src/services/report.py',
        line: 6,
        tool: 'bandit',
        message: expect.stringMatching(/B602/),
      }),
    );

    const tests = v.check('test_runner');
    expect(tests.outcome).toBe('fail');
    expect(tests.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'tests/test_auth.py',
        tool: 'pytest',
        message: expect.stringMatching(/test_login_records_last_login_in_utc/),
      }),
    );
    expect(v.check('plan:2').outcome).toBe('fail');
    // The terminal output names the failures and shows their diagnostics.
    expect(v.stdout).toMatch(/src\/services\/report\.py:7: .*Incompatible return value/);
  });

  it('refuses a change to quality.toml and runs the base commit’s commands', async () => {
    const r = repo();
    addLastLoginTest(r);
    implementLastLogin(r);
    r.write('quality.toml', '[quality_checks]\nlinter = "true"\n');
    r.write('src/services/extra.py', 'x=1\n'); // black would reformat this
    const v = await validate(r);
    expect(v.code).toBe(1);
    const guard = v.check('guard:protected-paths');
    expect(guard.outcome).toBe('fail');
    expect(guard.diagnostics[0]).toMatchObject({
      file: 'quality.toml',
      message: expect.stringMatching(/protected path/),
    });
    expect(v.check('linter').command).toBe('black --check .');
    expect(v.check('linter').outcome).toBe('fail');
    expect(v.report.checks.map((c) => c.name)).toContain('type_checker');
  });

  it('refuses a change that deletes or renames a test file, or removes a test', async () => {
    const r = repo();
    addLastLoginTest(r);
    implementLastLogin(r);
    unlinkSync(join(r.root, 'tests/test_migrations.py'));
    r.git('mv', 'tests/test_app.py', 'tests/test_web.py');
    edit(r, 'tests/test_auth.py', /def test_login_fails_for_an_unknown_email[\s\S]*?\n\n\n/, '');
    const v = await validate(r);
    expect(v.code).toBe(1);
    const g = v.check('guard:test-files');
    expect(g.outcome).toBe('fail');
    const messages = g.diagnostics.map((d) => d.message).join('\n');
    expect(messages).toMatch(/deletes the test file tests\/test_migrations.py/);
    expect(messages).toMatch(/renames the test file tests\/test_app.py to tests\/test_web.py/);
    expect(messages).toMatch(/removes the test test_login_fails_for_an_unknown_email/);
  });

  it('refuses new tests that pass without the implementation (red/green proof)', async () => {
    const r = repo();
    implementLastLogin(r);
    // A test that does not exercise the change: it passes on the base too.
    edit(
      r,
      'tests/test_auth.py',
      /\n*$/,
      '\n\n\ndef test_unknown_email_again(session: Session) -> None:\n    assert login(session, "x@example.com", "correct horse") is None\n',
    );
    const v = await validate(r);
    expect(v.code).toBe(1);
    const tdd = v.check('tdd:red-green');
    expect(tdd.outcome).toBe('fail');
    expect(tdd.outputTail).toMatch(/passes without the implementation/);
    expect(tdd.outputTail).toMatch(/the tests do not exercise the change/);
    expect(tdd.diagnostics[0]).toMatchObject({ file: 'tests/test_auth.py', tool: 'tdd' });
    // Everything else passes: the verdict fails on the proof alone.
    expect(v.report.checks.filter((c) => c.outcome !== 'pass').map((c) => c.name)).toEqual(['tdd:red-green']);
  });

  it('refuses added skip markers and tool suppressions', async () => {
    const r = repo();
    addLastLoginTest(r);
    implementLastLogin(r);
    edit(
      r,
      'tests/test_auth.py',
      'def test_login_fails_with_a_wrong_password',
      '@pytest.mark.skip(reason="flaky")\ndef test_login_fails_with_a_wrong_password',
    );
    edit(
      r,
      'src/services/auth.py',
      'PASSWORD_HASH_METHOD = "pbkdf2:sha256:260000"',
      'PASSWORD_HASH_METHOD = "pbkdf2:sha256:260000"  # nosec',
    );
    const v = await validate(r, '--fail-fast');
    expect(v.code).toBe(1);
    const g = v.check('guard:skip-markers');
    expect(g.outcome).toBe('fail');
    expect(g.diagnostics).toEqual([
      expect.objectContaining({
        file: 'src/services/auth.py',
        message: expect.stringMatching(/bandit suppression/),
      }),
      expect.objectContaining({
        file: 'tests/test_auth.py',
        line: expect.any(Number),
        message: expect.stringMatching(/pytest skip/),
      }),
    ]);
    // --fail-fast: the guard failed, so no command was started.
    expect(v.report.checks.every((c) => c.kind === 'guard')).toBe(true);
    expect(v.report.summary).toMatch(/not run: --fail-fast/);
  });

  it('enforces the checks of security.json on the added lines', async () => {
    const r = repo();
    addLastLoginTest(r);
    implementLastLogin(r);
    const bundle = join(r.root, '.guardian/bundles/TASK-042');
    writeBundleManifest(r, 'TASK-042', 'specs/tasks/TASK-042_user-last-login.md');
    r.write(
      '.guardian/bundles/TASK-042/security.json',
      JSON.stringify({
        schemaVersion: 1,
        taskId: 'TASK-042',
        findings: [
          {
            id: 'F1',
            category: 'injection',
            title: 'SQL built from strings',
            cwe: ['CWE-89'],
            owasp: ['A03'],
            severity: 'high',
            where: [],
            risk: 'r',
            advice: 'a',
            verification: 'v',
            source: 'rules',
            check: {
              id: 'no-flush-in-login',
              pattern: 'session\\.flush\\(\\)',
              paths: ['src/services/**'],
              message: 'no explicit flush',
            },
          },
          {
            id: 'F2',
            category: 'x',
            title: 'y',
            cwe: [],
            owasp: [],
            severity: 'low',
            where: [],
            risk: 'r',
            advice: 'a',
            verification: 'v',
            source: 'model',
            check: { id: 'no-eval', pattern: '\\beval\\(', message: 'no eval' },
          },
        ],
      }),
    );
    const v = await validate(r, '--fail-fast');
    expect(existsSync(bundle)).toBe(true);
    const s = v.check('security:no-flush-in-login');
    expect(s.outcome).toBe('fail');
    expect(s.diagnostics).toEqual([
      expect.objectContaining({
        file: 'src/services/auth.py',
        line: expect.any(Number),
        tool: 'security',
        message: expect.stringMatching(/no explicit flush/),
      }),
    ]);
    const line = readFileSync(join(r.root, 'src/services/auth.py'), 'utf8').split('\n')[
      s.diagnostics[0]!.line - 1
    ];
    expect(line).toContain('session.flush()');
    expect(v.check('security:no-eval').outcome).toBe('pass');
  });

  it('judges a bundle’s changes.patch in a clean worktree, never the working tree', async () => {
    const r = repo();
    addLastLoginTest(r);
    implementLastLogin(r);
    r.git('add', '-A');
    const patch = r.git('diff', '--cached', '--binary');
    r.git('reset', '-q', '--hard');
    r.git('clean', '-fdq');
    // A stray edit in the working tree that would fail black: it must not be judged.
    r.write('src/services/stray.py', 'x=1\n');
    r.write('.guardian/bundles/TASK-042/changes.patch', patch + '\n');
    r.write(
      '.guardian/bundles/TASK-042/manifest.json',
      JSON.stringify({
        schemaVersion: 1,
        taskId: 'TASK-042',
        baseCommit: r.git('rev-parse', 'HEAD'),
        blueprintPath: 'specs/tasks/TASK-042_user-last-login.md',
        blueprintSha256: '',
        createdAt: new Date().toISOString(),
        stations: {},
        files: {},
        usage: { promptTokens: 0, completionTokens: 0, cachedTokens: 0, costUsd: 0 },
      }),
    );
    const v = await validate(r);
    expect(v.stderr).toContain('changes.patch');
    expect(v.report.patchSource).toBe('bundle');
    expect(v.report.verdict).toBe('pass');
    expect(v.report.changedFiles).not.toContain('src/services/stray.py');
    const manifest = readJson<{ stations: Record<string, { status: string; verdict?: string }> }>(
      join(r.root, '.guardian/bundles/TASK-042/manifest.json'),
    );
    expect(manifest.stations.validate).toMatchObject({ status: 'ok', verdict: 'pass' });
    // Temporary worktrees are gone.
    expect(r.git('worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('reports a patch that does not apply, naming the first failing hunk’s file', async () => {
    const r = repo();
    r.write(
      '.guardian/bundles/TASK-042/changes.patch',
      [
        'diff --git a/src/app.py b/src/app.py',
        '--- a/src/app.py',
        '+++ b/src/app.py',
        '@@ -1,3 +1,3 @@',
        '-this line is not in the file',
        '+replacement',
        ' nor this one',
        ' nor this',
        '',
      ].join('\n'),
    );
    await runCli(['prestart', 'TASK-042', '--root', r.root], { env: pythonEnv() }).catch(() => undefined);
    const v = await runCli(['validate', 'TASK-042', '--root', r.root], { env: pythonEnv() });
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(
      /changes\.patch does not apply onto the base commit [0-9a-f]{12}: first failing hunk in src\/app\.py/,
    );
    expect(existsSync(join(r.root, '.guardian/bundles/TASK-042/validation.json'))).toBe(false);
  });
});

describe('prestart on the Python example', () => {
  it('runs the pre-start steps at the base and writes prestart.json', async () => {
    const r = repo();
    const run = await runCli(['prestart', 'TASK-042', '--root', r.root, '--json'], { env: pythonEnv() });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as PrestartReport;
    expect(report.verdict).toBe('pass');
    expect(report.checks).toEqual([
      expect.objectContaining({ name: 'plan:1', command: 'pytest tests/test_auth.py', outcome: 'pass' }),
    ]);
    expect(existsSync(join(r.root, '.guardian/bundles/TASK-042/prestart.md'))).toBe(true);
  });

  it('halts when a pre-start step fails, even with a dirty working tree (runs on a clean base checkout)', async () => {
    const r = repo();
    edit(r, 'tests/test_auth.py', 'assert user.id == created.id', 'assert user.id == created.id + 1');
    r.git('commit', '-qam', 'break a test');
    // An uncommitted fix must not hide the broken base.
    edit(r, 'tests/test_auth.py', 'assert user.id == created.id + 1', 'assert user.id == created.id');
    const run = await runCli(['prestart', 'TASK-042', '--root', r.root], { env: pythonEnv() });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/fail: plan:1/);
    expect(run.stdout).toMatch(/tests\/test_auth\.py:\d+: .*test_login_succeeds_with_the_right_password/);
    rmSync(join(r.root, '.guardian'), { recursive: true, force: true });
  });
});
