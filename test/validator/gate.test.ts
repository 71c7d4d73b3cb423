/**
 * The gate's rules and its bad input on a tiny repository (no tool chain): timeouts, missing commands,
 * exclusive checks, the environment, binary patches, and the errors a user can cause.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processGroupAlive } from '../../src/exec/index.js';
import { runValidator } from '../../src/stations/validator/index.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import type { CheckResult, ValidationReport } from '../../src/stations/validator/types.js';
import { SMALL_BLUEPRINT, doubleValue, readJson, smallRepoFiles } from './helpers.js';

const repos: TempRepo[] = [];
function small(quality?: string, extra: Record<string, string> = {}): TempRepo {
  const r = makeRepo(undefined, { files: { ...smallRepoFiles(quality), ...extra } });
  repos.push(r);
  return r;
}
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const reportOf = (r: TempRepo, id = 'TASK-001') =>
  readJson<ValidationReport>(join(r.root, `.guardian/bundles/${id}/validation.json`));
const checkOf = (rep: ValidationReport, name: string) =>
  rep.checks.find((c) => c.name === name) as CheckResult;
const validate = (r: TempRepo, ...args: string[]) =>
  runCli(['validate', 'TASK-001', '--root', r.root, ...args]);

describe('validate: verdicts', () => {
  it('passes a TDD change; --json prints validation.json', async () => {
    const r = small();
    doubleValue(r);
    const v = await validate(r, '--json');
    expect(v.code).toBe(0);
    const printed = JSON.parse(v.stdout) as ValidationReport;
    expect(printed).toEqual(reportOf(r));
    expect(printed.summary).toBe('pass: 9 checks (1 quality, 1 plan, 6 guard, 1 tdd)');
    expect(checkOf(printed, 'tdd:red-green').outputTail).toContain(
      'red tree: the base commit + 1 test file(s) of the change: tests/check.sh',
    );
  });

  it('judges committed work against --base when there is no bundle', async () => {
    const r = small();
    doubleValue(r);
    r.git('commit', '-qam', 'double');
    const v = await validate(r, '--base', 'HEAD~1');
    expect(v.code).toBe(0);
    expect(reportOf(r).baseCommit).toBe(r.git('rev-parse', 'HEAD~1'));
    expect(reportOf(r).changedFiles).toEqual(['src/value.txt', 'tests/check.sh']);
  });

  it('fails an empty change: nothing shows the plan needs it', async () => {
    const r = small();
    const v = await validate(r);
    expect(v.code).toBe(1);
    expect(reportOf(r).summary).toBe('fail: guard:non-empty, tdd:red-green');
    expect(v.stdout).toMatch(/the change is empty: the working tree equals the base commit/);
    expect(v.stdout).toMatch(/the tests do not exercise the change/);
  });

  it('times out a check and kills its whole process group', async () => {
    const r = small(
      '[quality_checks]\nslow = { command = "sleep 30 & sleep 31 & echo pgid $$; wait", timeout = 1 }\n',
    );
    doubleValue(r);
    const v = await validate(r);
    expect(v.code).toBe(1);
    const slow = checkOf(reportOf(r), 'slow');
    expect(slow.outcome).toBe('timeout');
    expect(slow.exitCode).toBeNull();
    expect(slow.outputTail).toMatch(/timed out after 1 s; process group killed/);
    const pgid = Number(/pgid (\d+)/.exec(slow.outputTail)?.[1]);
    expect(pgid).toBeGreaterThan(0);
    expect(processGroupAlive(pgid)).toBe(false);
    expect(reportOf(r).summary).toBe('fail: slow (timeout)');
  });

  it('reports a check command that does not exist as a failed check with the shell’s message', async () => {
    const r = small('[quality_checks]\nmissing = "no-such-tool-guardian --check"\n');
    doubleValue(r);
    const v = await validate(r);
    expect(v.code).toBe(1);
    const c = checkOf(reportOf(r), 'missing');
    expect(c).toMatchObject({ outcome: 'fail', exitCode: 127 });
    expect(c.outputTail).toMatch(/no-such-tool-guardian: command not found/);
  });

  it('runs an exclusive check alone and the others in parallel', async () => {
    const r = small(
      [
        '[quality_checks]',
        'alone = { command = "mkdir ../L && sleep 0.4 && rmdir ../L", exclusive = true }',
        'a = "test ! -d ../L && sleep 0.4 && test ! -d ../L"',
        'b = "test ! -d ../L && sleep 0.4 && test ! -d ../L"',
        '',
      ].join('\n'),
    );
    doubleValue(r);
    const v = await validate(r, '--jobs', '4');
    expect(reportOf(r).checks.filter((c) => c.outcome !== 'pass')).toEqual([]);
    expect(v.code).toBe(0);
  });

  it('runs a quality check and a plan step that are the same command once, sharing the result', async () => {
    const r = small('[quality_checks]\nsame = { command = "sh tests/check.sh", timeout = 300 }\n');
    r.write('tests/check.sh', 'echo run >> ../runs\ngrep -qx 2 src/value.txt\n');
    r.write('src/value.txt', '2\n');
    const v = await validate(r, '--jobs', '4');
    expect(v.code).toBe(0);
    expect(v.stderr).toMatch(/same run as an identical command/);
    expect(readFileSync(join(r.root, '../runs'), 'utf8')).toBe('run\n');
    const rep = reportOf(r);
    expect(checkOf(rep, 'same').outcome).toBe('pass');
    expect(checkOf(rep, 'plan:2').outcome).toBe('pass');
  });

  it('gives checks a scrubbed environment plus their own env', async () => {
    const r = small(
      [
        '[quality_checks]',
        'env = { command = \'test -z "$OPENAI_API_KEY$GITHUB_TOKEN$INPUT_TOKEN$DEPLOY_SECRET" && test "$FOO" = 1 && test "$KEEP" = yes\', env = { FOO = "1" } }',
        '[validator]',
        'secret_env = ["DEPLOY_SECRET"]',
        '',
      ].join('\n'),
    );
    doubleValue(r);
    const res = await runValidator({
      root: r.root,
      taskId: 'TASK-001',
      env: {
        ...process.env,
        OPENAI_API_KEY: 'sk-x',
        GITHUB_TOKEN: 'ghs_x',
        INPUT_TOKEN: 't',
        DEPLOY_SECRET: 's',
        KEEP: 'yes',
      },
    });
    expect(checkOf(res.report, 'env').outcome).toBe('pass');
    expect(res.report.verdict).toBe('pass');
  });

  it('stops every check when interrupted, removes its worktrees and writes no verdict', async () => {
    const r = small('[quality_checks]\nslow = "echo pgid $$ > ../pgid; sleep 30"\n');
    doubleValue(r);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 1500);
    await expect(runValidator({ root: r.root, taskId: 'TASK-001', signal: ac.signal })).rejects.toThrow(
      /validation interrupted/,
    );
    const pgid = Number(readFileSync(join(r.root, '../pgid'), 'utf8').replace('pgid', '').trim());
    expect(processGroupAlive(pgid)).toBe(false);
    expect(existsSync(join(r.root, '.guardian/bundles/TASK-001/validation.json'))).toBe(false);
    expect(r.git('worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('fails when the checks write into the working tree (the commit would differ from what was judged)', async () => {
    const r = small('[quality_checks]\nwrites = "echo x > generated.txt"\n');
    doubleValue(r);
    const v = await validate(r);
    expect(v.code).toBe(1);
    const g = checkOf(reportOf(r), 'guard:unchanged-tree');
    expect(g.outcome).toBe('fail');
    expect(g.diagnostics).toEqual([expect.objectContaining({ file: 'generated.txt' })]);
  });

  describe('a git-ignored file the check depends on', () => {
    // local.cfg is git-ignored: present in the developer's tree, absent from what would be committed.
    const setup = (quality = '') => {
      const r = small(`${quality}[quality_checks]\nlocal = "test -f local.cfg"\n`, {
        '.gitignore': '.guardian/\nlocal.cfg\n',
      });
      r.write('local.cfg', 'debug = true\n');
      doubleValue(r);
      return r;
    };

    it('sways the verdict in place', async () => {
      const r = setup();
      expect((await validate(r)).code).toBe(0);
      expect(reportOf(r)).toMatchObject({ judgedIn: 'in-place', verdict: 'pass' });
    });

    it('cannot sway it with --clean: the change is judged in a clean worktree of the base', async () => {
      const r = setup();
      const status = () =>
        r
          .git('status', '--porcelain', '--ignored')
          .split('\n')
          .filter((l) => !l.includes('.guardian/'));
      const before = status();
      const v = await validate(r, '--clean');
      expect(v.code).toBe(1);
      const rep = reportOf(r);
      expect(rep).toMatchObject({ judgedIn: 'clean-worktree', patchSource: 'working-tree' });
      expect(checkOf(rep, 'local').outcome).toBe('fail');
      // The rest of the change is judged as in place: the plan passes, the red/green proof holds.
      expect(checkOf(rep, 'plan:2').outcome).toBe('pass');
      expect(checkOf(rep, 'tdd:red-green').outcome).toBe('pass');
      expect(rep.summary).toBe('fail: local');
      expect(readFileSync(join(r.root, '.guardian/bundles/TASK-001/validation.md'), 'utf8')).toContain(
        'judged in a clean worktree of the base',
      );
      // The working tree is left as it was, and no worktree is left behind.
      expect(status()).toEqual(before);
      expect(r.git('worktree', 'list').split('\n')).toHaveLength(1);
    });

    it('cannot sway it when the base commit’s quality.toml says clean_worktree = true', async () => {
      const r = setup('[validator]\nclean_worktree = true\n\n');
      expect((await validate(r)).code).toBe(1);
      expect(reportOf(r)).toMatchObject({ judgedIn: 'clean-worktree', summary: 'fail: local' });
    });

    it('a check writing an untracked file is no guard failure in a clean worktree', async () => {
      const r = small('[quality_checks]\nwrites = "echo x > generated.txt"\n');
      doubleValue(r);
      expect((await validate(r, '--clean')).code).toBe(0);
      expect(existsSync(join(r.root, 'generated.txt'))).toBe(false);
    });
  });

  it('rejects a clean_worktree that is not a boolean, naming the file and key', async () => {
    const r = small('[validator]\nclean_worktree = "yes"\n\n[quality_checks]\nlint = "true"\n');
    doubleValue(r);
    const v = await validate(r);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(
      /quality\.toml:2: error: validator\.clean_worktree: expected true or false, got "yes"/,
    );
  });

  it('records an invalid security.json pattern as an error', async () => {
    const r = small();
    doubleValue(r);
    r.write(
      '.guardian/bundles/TASK-001/security.json',
      JSON.stringify({
        schemaVersion: 1,
        taskId: 'TASK-001',
        findings: [{ id: 'F1', check: { id: 'bad', pattern: '(', message: 'm' } }],
      }),
    );
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
    const v = await validate(r);
    expect(v.code).toBe(1);
    expect(checkOf(reportOf(r), 'security:bad')).toMatchObject({
      outcome: 'error',
      outputTail: expect.stringMatching(/invalid pattern/),
    });
  });
});

describe('validate: patches from the bundle', () => {
  function bundlePatch(r: TempRepo, patch: string | Buffer): void {
    r.write('.guardian/bundles/TASK-001/manifest.json', '{}');
    writeFileSync(join(r.root, '.guardian/bundles/TASK-001/changes.patch'), patch);
    writeFileSync(
      join(r.root, '.guardian/bundles/TASK-001/manifest.json'),
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
  }

  it('applies a binary patch (git diff --binary)', async () => {
    const r = small();
    doubleValue(r);
    writeFileSync(join(r.root, 'src/logo.bin'), Buffer.from([0, 1, 2, 3, 255, 0, 7]));
    r.git('add', '-A');
    const patch = r.git('diff', '--cached', '--binary') + '\n';
    expect(patch).toContain('GIT binary patch');
    r.git('reset', '-q', '--hard');
    r.git('clean', '-fdq');
    bundlePatch(r, patch);
    const v = await validate(r);
    expect(v.code).toBe(0);
    expect(reportOf(r).changedFiles).toContain('src/logo.bin');
    expect(existsSync(join(r.root, 'src/logo.bin'))).toBe(false);
  });

  it('refuses a binary patch without its data, naming the file', async () => {
    const r = small();
    bundlePatch(
      r,
      'diff --git a/src/logo.bin b/src/logo.bin\nnew file mode 100644\nindex 0000000..5a8b0c1\nBinary files /dev/null and b/src/logo.bin differ\n',
    );
    const v = await validate(r);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/changes\.patch: the binary change to src\/logo\.bin has no data/);
  });

  it('names the file of a patch that creates an existing file', async () => {
    const r = small();
    bundlePatch(
      r,
      'diff --git a/src/value.txt b/src/value.txt\nnew file mode 100644\n--- /dev/null\n+++ b/src/value.txt\n@@ -0,0 +1 @@\n+3\n',
    );
    const v = await validate(r);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(
      /first failing hunk in src\/value\.txt \(the patch creates it, but it exists at the base\)/,
    );
  });
});

describe('validate: bad input', () => {
  it('reports an unknown task', async () => {
    const r = small();
    const v = await runCli(['validate', 'TASK-404', '--root', r.root]);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/unknown task TASK-404.*known: TASK-001/);
  });

  it('reports a task without a verification plan', async () => {
    const r = small(undefined, {
      'specs/tasks/TASK-001_double.md': SMALL_BLUEPRINT.replace(/## 4\. Verification Plan[\s\S]*$/, ''),
    });
    const v = await validate(r);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(
      /TASK-001_double\.md: task TASK-001 has no verification plan at the base commit/,
    );
  });

  it('reads quality.toml from the base: missing or invalid there is an error even when the working tree has a good one', async () => {
    const r = small();
    r.git('rm', '-q', 'quality.toml');
    r.git('commit', '-qm', 'no quality.toml');
    r.write('quality.toml', '[quality_checks]\nlint = "true"\n');
    const missing = await validate(r);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/quality\.toml is missing in the base commit [0-9a-f]{12}/);

    const r2 = small('[quality_checks\nlint = "true"\n');
    const invalid = await runCli(['validate', 'TASK-001', '--root', r2.root]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(
      /quality\.toml in the base commit [0-9a-f]{12} is invalid:\nquality\.toml:1: error: TOML syntax error/,
    );
  });

  it('reports a directory outside git and a bad --jobs as usage errors', async () => {
    const r = small();
    const bad = await runCli(['validate', 'TASK-001', '--root', r.root, '--jobs', '0']);
    expect(bad.code).toBe(2);
    const outside = await runCli(['validate', 'TASK-001', '--root', join(r.root, '..', '..')]);
    expect([1, 2]).toContain(outside.code);
    expect(readFileSync(join(r.root, 'src/value.txt'), 'utf8')).toBe('1\n');
  });
});
