/**
 * Completion on a temporary copy of examples/python-flask-users with a bare repository as `origin`:
 * the commit, its message and trailers, the blueprint's status, the push, and every refusal.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest, writeManifest } from '../../src/bundle/bundle.js';
import { runCli } from '../support/cli.js';
import { gitIn, makeRepo, type TempRepo } from '../support/repo.js';
import {
  addLastLoginTest,
  doubleValue,
  implementLastLogin,
  pythonEnv,
  smallRepoFiles,
} from '../validator/helpers.js';

const BLUEPRINT = 'specs/tasks/TASK-042_user-last-login.md';
const BRANCH = 'feature/TASK-042-user-last-login';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

async function validatedRepo(): Promise<TempRepo> {
  const r = makeRepo('python-flask-users');
  repos.push(r);
  addLastLoginTest(r);
  implementLastLogin(r);
  const v = await runCli(['validate', 'TASK-042', '--root', r.root, '--jobs', '4'], { env: pythonEnv() });
  expect(v.code).toBe(0);
  return r;
}

/** The tiny repository of test/validator/helpers.ts, with its TASK-001 change validated. */
async function validatedSmallRepo(): Promise<TempRepo> {
  const r = makeRepo(undefined, { files: smallRepoFiles() });
  repos.push(r);
  doubleValue(r);
  const v = await runCli(['validate', 'TASK-001', '--root', r.root]);
  expect(v.code).toBe(0);
  return r;
}
const SMALL_BRANCH = 'guardian/TASK-001';

const cli = (r: TempRepo, ...args: string[]) => runCli([...args, '--root', r.root], { env: pythonEnv() });

describe('guardian complete', () => {
  it('commits the judged change on the task branch, pushes it, and makes no second commit on re-run', async () => {
    const r = await validatedRepo();
    const base = r.git('rev-parse', 'HEAD');
    const blueprintBefore = readFileSync(join(r.root, BLUEPRINT), 'utf8');

    const c = await cli(
      r,
      'complete',
      'TASK-042',
      '--push',
      'origin',
      '--run-url',
      'https://ci.example/run/7',
      '--json',
    );
    expect(c.stderr).not.toMatch(/error/);
    expect(c.code).toBe(0);
    const res = JSON.parse(c.stdout) as {
      commitSha: string;
      branch: string;
      pushed: boolean;
      alreadyCompleted: boolean;
    };
    expect(res).toMatchObject({ branch: BRANCH, pushed: true, alreadyCompleted: false });

    // On the remote: one commit on top of the base, with the standard message and trailers.
    const remoteTip = gitIn(r.remote, ['rev-parse', `refs/heads/${BRANCH}`]);
    expect(remoteTip).toBe(res.commitSha);
    expect(gitIn(r.remote, ['rev-parse', `${remoteTip}^`])).toBe(base);
    const message = gitIn(r.remote, ['log', '-1', '--format=%B', remoteTip]);
    expect(message.split('\n')[0]).toBe('feat(TASK-042): Add `last_login` field to User model');
    expect(message).toContain(
      'Acceptance criteria:\n- When a user successfully logs in, their `last_login` time is recorded.',
    );
    expect(message).toMatch(/Checks passed:\n(- .*\n)*- linter \(quality\): black --check \./);
    expect(message).toContain('- tdd:red-green (tdd)');
    expect(gitIn(r.remote, ['log', '-1', '--format=%(trailers)', remoteTip])).toBe(
      'Task-Id: TASK-042\nRequirement-Id: REQ-007\nGuardian-Verdict: pass\nGuardian-Run: https://ci.example/run/7',
    );
    expect(gitIn(r.remote, ['log', '-1', '--format=%an <%ae>', remoteTip])).toBe(
      'Test Author <author@example.com>',
    );

    // The blueprint: only its status line changed.
    const after = gitIn(r.remote, ['show', `${remoteTip}:${BLUEPRINT}`]) + '\n';
    expect(after).toBe(blueprintBefore.replace('status: "pending"', 'status: "done"'));
    // Exactly the judged files plus the blueprint.
    expect(gitIn(r.remote, ['diff', '--name-only', base, remoteTip]).split('\n').sort()).toEqual(
      [
        BLUEPRINT,
        'migrations/versions/0002_user_last_login.py',
        'src/models/user.py',
        'src/services/auth.py',
        'tests/test_auth.py',
      ].sort(),
    );

    // Locally: on the task branch, clean, bundle gone; main untouched.
    expect(r.git('symbolic-ref', '--short', 'HEAD')).toBe(BRANCH);
    expect(r.git('status', '--porcelain')).toBe('');
    expect(r.git('rev-parse', 'main')).toBe(base);
    expect(existsSync(join(r.root, '.guardian/bundles/TASK-042'))).toBe(false);

    // Again: no new commit, nothing to push.
    const again = await cli(r, 'complete', 'TASK-042', '--push', 'origin', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ commitSha: res.commitSha, alreadyCompleted: true });
    expect(gitIn(r.remote, ['rev-list', '--count', `${base}..refs/heads/${BRANCH}`])).toBe('1');
  });

  it('refuses a change modified after validation (tampered patch): nothing committed', async () => {
    const r = await validatedSmallRepo();
    r.write('src/services/evil.py', '"""x"""\n');
    const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(
      /refused: the working tree's change \(sha256 [0-9a-f]{16}…\) is not the one the Validator judged/,
    );
    expect(r.git('branch', '--list', SMALL_BRANCH)).toBe('');
    expect(gitIn(r.remote, ['branch', '--list', SMALL_BRANCH])).toBe('');
    expect(existsSync(join(r.root, '.guardian/bundles/TASK-001/validation.json'))).toBe(true);
  });

  it('refuses a tampered changes.patch in the bundle', async () => {
    const r = await validatedSmallRepo();
    // Turn the validated working-tree change into a bundle patch, then alter it.
    r.git('add', '-A');
    const patch = r.git('diff', '--cached', '--binary') + '\n';
    r.git('reset', '-q', '--hard');
    r.git('clean', '-fdq', '-e', '.guardian');
    r.write('.guardian/bundles/TASK-001/changes.patch', patch);
    const v = await cli(r, 'validate', 'TASK-001');
    expect(v.code).toBe(0);
    r.write('.guardian/bundles/TASK-001/changes.patch', patch.replace('\n+2\n', '\n+3\n'));
    const c = await cli(r, 'complete', 'TASK-001');
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/refused: the changes\.patch .* is not the one the Validator judged/);
    expect(r.git('branch', '--list', SMALL_BRANCH)).toBe('');
  });

  it('refuses a failing report rewritten to pass after validation (by a process a check left behind)', async () => {
    const r = makeRepo(undefined, { files: smallRepoFiles() });
    repos.push(r);
    r.write('src/value.txt', '2\n'); // the red/green proof fails
    const v = await cli(r, 'validate', 'TASK-001', '--fail-fast');
    expect(v.code).toBe(1);
    const dir = join(r.root, '.guardian/bundles/TASK-001');
    const report = JSON.parse(readFileSync(join(dir, 'validation.json'), 'utf8')) as {
      verdict: string;
      summary: string;
      checks: { outcome: string }[];
    };
    // A consistent-looking forgery: verdict pass, every check passed.
    const forged = JSON.stringify({
      ...report,
      verdict: 'pass',
      summary: 'pass: 1 checks',
      checks: report.checks.filter((c) => c.outcome === 'pass').slice(0, 1),
    });
    r.write('.guardian/bundles/TASK-001/validation.json', forged);
    const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(
      /validation\.json is not the report the Validator recorded \(its sha256 differs from manifest\.json\): run `guardian validate TASK-001` again; nothing committed/,
    );
    // Rewriting the manifest's hashes too still meets the Validator's recorded verdict.
    const m = readManifest(dir, 'TASK-001');
    writeManifest(dir, m);
    const c2 = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(c2.code).toBe(1);
    expect(c2.stderr).toMatch(/says pass, but manifest\.json records the Validator's verdict as fail/);
    expect(r.git('branch', '--list', SMALL_BRANCH)).toBe('');
    expect(gitIn(r.remote, ['branch', '--list', SMALL_BRANCH])).toBe('');
  });

  it('refuses when the verdict is fail, with the report', async () => {
    const r = makeRepo(undefined, { files: smallRepoFiles() });
    repos.push(r);
    r.write('src/value.txt', '2\n'); // an implementation without a test: the red/green proof fails
    const v = await cli(r, 'validate', 'TASK-001', '--fail-fast');
    expect(v.code).toBe(1);
    const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(
      /validation of TASK-001 did not pass \(fail: .*\); nothing committed or pushed\. Report: .*validation\.md/,
    );
    expect(r.git('branch', '--list', SMALL_BRANCH)).toBe('');
  });

  it('does not clobber a remote branch with work it did not make, and explains the local state', async () => {
    const r = await validatedSmallRepo();
    // Someone else's commit already on the remote task branch.
    const other = join(r.root, '..', 'other');
    gitIn(join(r.root, '..'), ['clone', '-q', r.remote, other]);
    gitIn(other, ['switch', '-q', '-c', SMALL_BRANCH]);
    gitIn(other, ['commit', '-q', '--allow-empty', '-m', 'their work']);
    gitIn(other, ['push', '-q', 'origin', SMALL_BRANCH]);
    const theirs = gitIn(other, ['rev-parse', 'HEAD']);

    const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(
      /refused to push: origin's branch guardian\/TASK-001 is at [0-9a-f]{12}, which is not an ancestor/,
    );
    expect(c.stderr).toMatch(/the commit is on the local branch guardian\/TASK-001/);
    expect(gitIn(r.remote, ['rev-parse', `refs/heads/${SMALL_BRANCH}`])).toBe(theirs);
    // The bundle is kept, and a re-run after the remote is fixed pushes the same commit.
    const local = r.git('rev-parse', SMALL_BRANCH);
    gitIn(other, ['push', '-q', 'origin', `:${SMALL_BRANCH}`]);
    const again = await cli(r, 'complete', 'TASK-001', '--push', 'origin', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      commitSha: local,
      alreadyCompleted: true,
      pushed: true,
    });
    expect(gitIn(r.remote, ['rev-parse', `refs/heads/${SMALL_BRANCH}`])).toBe(local);
  });

  it('explains a push the remote rejects', async () => {
    const r = await validatedSmallRepo();
    // A pre-receive hook that rejects every push.
    r.write('../remote.git/hooks/pre-receive', '#!/bin/sh\necho "protected by policy" >&2\nexit 1\n');
    const { chmodSync } = await import('node:fs');
    chmodSync(join(r.remote, 'hooks/pre-receive'), 0o755);
    const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin', '--branch', 'guardian/other');
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(
      /the remote 'origin' rejected the push of guardian\/other: .*protected by policy/,
    );
    expect(c.stderr).toMatch(
      /nothing was pushed; the commit [0-9a-f]{12} is on the local branch guardian\/other and the Task Bundle is kept/,
    );
    expect(r.git('log', '-1', '--format=%(trailers:key=Task-Id,valueonly)', 'guardian/other')).toBe(
      'TASK-001',
    );
    expect(existsSync(join(r.root, '.guardian/bundles/TASK-001/validation.json'))).toBe(true);
  });

  it('commits a bundle’s changes.patch without touching the working tree, as the [commit] author', async () => {
    const quality =
      '[quality_checks]\nlint = "test -f src/value.txt"\n[commit]\nauthor_name = "Guardian Bot"\nauthor_email = "bot@example.com"\n';
    const r = makeRepo(undefined, { files: smallRepoFiles(quality) });
    repos.push(r);
    const base = r.git('rev-parse', 'HEAD');
    doubleValue(r);
    r.git('add', '-A');
    const patch = r.git('diff', '--cached', '--binary') + '\n';
    r.git('reset', '-q', '--hard');
    r.write('.guardian/bundles/TASK-001/changes.patch', patch);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin', '--json');
    expect(c.code).toBe(0);
    const res = JSON.parse(c.stdout) as { schemaVersion: number; commitSha: string; checkedOut: boolean };
    expect(res.schemaVersion).toBe(1);
    expect(res.checkedOut).toBe(false);
    expect(r.git('symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(r.git('rev-parse', 'HEAD')).toBe(base);
    expect(r.git('status', '--porcelain')).toBe('');
    expect(gitIn(r.remote, ['log', '-1', '--format=%an <%ae>|%cn <%ce>|%s', SMALL_BRANCH])).toBe(
      'Guardian Bot <bot@example.com>|Guardian Bot <bot@example.com>|feat(TASK-001): Double the value',
    );
    expect(gitIn(r.remote, ['show', `${SMALL_BRANCH}:src/value.txt`])).toBe('2');
    expect(gitIn(r.remote, ['show', `${SMALL_BRANCH}:specs/tasks/TASK-001_double.md`])).toContain(
      'status: "done"',
    );
    // --author wins over quality.toml on the next task; a re-run makes no new commit.
    const again = await cli(r, 'complete', 'TASK-001', '--author', 'Someone <s@example.com>', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ commitSha: res.commitSha, alreadyCompleted: true });
  });

  it('reports an unknown task and a task that was never validated', async () => {
    const r = makeRepo('python-flask-users');
    repos.push(r);
    const unknown = await cli(r, 'complete', 'TASK-999');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown task TASK-999/);
    const never = await cli(r, 'complete', 'TASK-042');
    expect(never.code).toBe(1);
    expect(never.stderr).toMatch(/no Task Bundle for TASK-042 .* run `guardian validate TASK-042` first/);
  });
});
