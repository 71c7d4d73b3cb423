/**
 * A task branch that code under test wrote: a commit with the task's `Task-Id:` trailer and its
 * blueprint marked done, but with content (or a parent) of its own. Completion takes a commit already on
 * the branch only when it is exactly the one it would make from the judged patch, and the Validator puts
 * back (and fails) a ref a check moved.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationReport } from '../../src/stations/validator/types.js';
import { runCli } from '../support/cli.js';
import { gitIn, makeRepo, type TempRepo } from '../support/repo.js';
import { doubleValue, readJson, smallRepoFiles } from '../validator/helpers.js';

const BRANCH = 'guardian/TASK-001';
const BLUEPRINT = 'specs/tasks/TASK-001_double.md';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function smallRepo(): TempRepo {
  const r = makeRepo(undefined, { files: smallRepoFiles() });
  repos.push(r);
  return r;
}

const cli = (r: TempRepo, ...args: string[]) => runCli([...args, '--root', r.root]);

/** What the remote has for the task branch ('' when nothing). */
const remoteBranch = (r: TempRepo) =>
  gitIn(r.remote, ['for-each-ref', '--format=%(objectname)', `refs/heads/${BRANCH}`]);

/**
 * A commit on `parent` as a check could write it with git plumbing: `Task-Id: TASK-001`, the blueprint
 * marked done, and `src/value.txt` as given (the judged change says 2). The branch is pointed at it.
 */
function plant(r: TempRepo, parent: string, value = 'pwned\n'): string {
  const index = { GIT_INDEX_FILE: join(r.root, '..', 'planted-index') };
  const git = (args: string[], input?: string, env: Record<string, string> = {}) =>
    execGit(r.root, args, input, env);
  git(['read-tree', parent], undefined, index);
  const blueprint = execFileSync('git', ['show', `${parent}:${BLUEPRINT}`], {
    cwd: r.root,
    encoding: 'utf8',
  }).replace('status: "pending"', 'status: "done"');
  const bp = git(['hash-object', '-w', '--stdin'], blueprint);
  const evil = git(['hash-object', '-w', '--stdin'], value);
  git(['update-index', '--cacheinfo', `100644,${bp},${BLUEPRINT}`], undefined, index);
  git(['update-index', '--cacheinfo', `100644,${evil},src/value.txt`], undefined, index);
  git(['update-index', '--add', '--cacheinfo', `100644,${evil},src/evil.txt`], undefined, index);
  const tree = git(['write-tree'], undefined, index);
  const sha = git(
    ['commit-tree', tree, '-p', parent],
    'feat(TASK-001): Double the value\n\nTask-Id: TASK-001\n',
  );
  git(['update-ref', `refs/heads/${BRANCH}`, sha]);
  return sha;
}

function execGit(cwd: string, args: string[], input?: string, env: Record<string, string> = {}): string {
  // gitIn has no stdin: plumbing with input goes through execFileSync directly.
  return execFileSync('git', args, {
    cwd,
    input,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Guardian',
      GIT_AUTHOR_EMAIL: 'guardian@users.noreply.github.com',
      GIT_COMMITTER_NAME: 'Guardian',
      GIT_COMMITTER_EMAIL: 'guardian@users.noreply.github.com',
      ...env,
    },
    encoding: 'utf8',
  }).trim();
}
/** The validated change of TASK-001 as a bundle's changes.patch (the working tree left at the base). */
function asBundlePatch(r: TempRepo): void {
  doubleValue(r);
  r.git('add', '-A');
  const patch = r.git('diff', '--cached', '--binary') + '\n';
  r.git('reset', '-q', '--hard');
  r.write('.guardian/bundles/TASK-001/changes.patch', patch);
}

describe('complete and a task branch it did not make', () => {
  for (const mode of ['working tree', 'changes.patch']) {
    it(`refuses a planted branch tip (Task-Id trailer, blueprint done, other files) and pushes nothing (${mode})`, async () => {
      const r = smallRepo();
      const base = r.git('rev-parse', 'HEAD');
      if (mode === 'working tree') doubleValue(r);
      else asBundlePatch(r);
      // Planted before validation (the Coder's run_tests runs the change's tests unwatched): the
      // Validator's snapshot starts with it, so it passes.
      const planted = plant(r, base);
      const v = await cli(r, 'validate', 'TASK-001');
      expect(v.code).toBe(0);

      const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
      expect(c.code).toBe(1);
      expect(c.stderr).toMatch(
        new RegExp(
          `the local branch guardian/TASK-001 is at ${planted.slice(0, 12)}, which is not the commit Completion makes for TASK-001: ` +
            `its files differ from the judged change with the blueprint marked done \\(A src/evil\\.txt, M src/value\\.txt, M tests/check\\.sh\\)\\. ` +
            `Expected either the base commit ${base.slice(0, 12)} or one commit on it with the tree [0-9a-f]{12} ` +
            `\\(the judged patch applied to the base, ${BLUEPRINT} marked done\\)\\. Nothing committed or pushed`,
        ),
      );
      expect(remoteBranch(r)).toBe('');
      expect(r.git('rev-parse', BRANCH)).toBe(planted); // left for the user to look at
      expect(existsSync(join(r.root, '.guardian/bundles/TASK-001/validation.json'))).toBe(true);
    });
  }

  it('refuses a tip with the right files on another parent (history the push would carry)', async () => {
    const r = smallRepo();
    const base = r.git('rev-parse', 'HEAD');
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    // A commit of the user's own files on the base, then the exact judged tree on top of it.
    const detour = plant(r, base);
    const c0 = await cli(r, 'complete', 'TASK-001', '--branch', 'guardian/probe');
    expect(c0.code).toBe(0);
    const right = r.git('rev-parse', 'guardian/probe^{tree}');
    const tip = execGit(r.root, ['commit-tree', right, '-p', detour], 'x\n\nTask-Id: TASK-001\n');
    r.git('update-ref', `refs/heads/${BRANCH}`, tip);
    r.git('switch', '-q', 'main');

    // The bundle is gone after that completion: validate the same change again for the real branch.
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(
      `which is not the commit Completion makes for TASK-001: its parent is ${detour.slice(0, 12)}, not the base commit`,
    );
    expect(remoteBranch(r)).toBe('');
  });

  it('is not fooled by a refs/replace ref that shows the planted commit as the expected one', async () => {
    const r = smallRepo();
    const base = r.git('rev-parse', 'HEAD');
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    // The exact commit Completion makes (made on another branch), then the planted one dressed up as it.
    expect((await cli(r, 'complete', 'TASK-001', '--branch', 'guardian/probe')).code).toBe(0);
    const expected = r.git('rev-parse', 'guardian/probe');
    r.git('switch', '-q', 'main');
    const planted = plant(r, base);
    r.git('replace', planted, expected);
    expect(r.git('rev-parse', `${planted}^{tree}`)).toBe(r.git('rev-parse', `${expected}^{tree}`));

    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(
      `the local branch guardian/TASK-001 is at ${planted.slice(0, 12)}, which is not the commit Completion makes for TASK-001: its files differ`,
    );
    expect(remoteBranch(r)).toBe('');
  });

  it('without a Task Bundle, refuses a trailer commit on top of the completed one', async () => {
    const r = smallRepo();
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    const done = await cli(r, 'complete', 'TASK-001', '--json');
    expect(done.code).toBe(0);
    const real = r.git('rev-parse', BRANCH);
    const planted = plant(r, real);
    const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(
      `guardian/TASK-001 has a commit ${planted.slice(0, 12)} with \`Task-Id: TASK-001\` and the task done, but it is not a commit Completion makes: TASK-001 is already done in its parent ${real.slice(0, 12)}`,
    );
    expect(c.stderr).toMatch(/Nothing committed or pushed/);
    expect(remoteBranch(r)).toBe('');
  });

  it('a re-run after a successful complete still says already completed (no bundle left)', async () => {
    const r = smallRepo();
    const base = r.git('rev-parse', 'HEAD');
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    const first = await cli(r, 'complete', 'TASK-001', '--push', 'origin', '--json');
    expect(first.code).toBe(0);
    const res = JSON.parse(first.stdout) as { commitSha: string; alreadyCompleted: boolean };
    expect(res.alreadyCompleted).toBe(false);
    expect(existsSync(join(r.root, '.guardian/bundles/TASK-001'))).toBe(false);

    const again = await cli(r, 'complete', 'TASK-001', '--push', 'origin', '--json');
    expect(again.stderr).toMatch(
      /TASK-001 is already completed by [0-9a-f]{12} on guardian\/TASK-001: no new commit/,
    );
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      commitSha: res.commitSha,
      alreadyCompleted: true,
      pushed: true,
    });
    expect(remoteBranch(r)).toBe(res.commitSha);
    expect(gitIn(r.remote, ['rev-list', '--count', `${base}..refs/heads/${BRANCH}`])).toBe('1');
  });

  it('a re-run without the --branch of the first says where it found the commit', async () => {
    const r = smallRepo();
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    const first = await cli(r, 'complete', 'TASK-001', '--branch', 'b2', '--json');
    expect(first.code).toBe(0);
    const made = (JSON.parse(first.stdout) as { commitSha: string }).commitSha;
    expect(r.git('symbolic-ref', '--short', 'HEAD')).toBe('b2');
    const again = await cli(r, 'complete', 'TASK-001');
    expect(again.code).toBe(0);
    // Not "on guardian/TASK-001": that branch does not exist; the commit is on the checked-out b2.
    expect(again.stdout).toBe(`already completed TASK-001: ${made} on HEAD (b2)\n`);
  });

  it('a re-run after a refused push takes its own commit (bundle patch), recomputed', async () => {
    const r = smallRepo();
    asBundlePatch(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    // The remote refuses the first push.
    r.write('../remote.git/hooks/pre-receive', '#!/bin/sh\nexit 1\n');
    chmodSync(join(r.remote, 'hooks/pre-receive'), 0o755);
    const first = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(first.code).toBe(1);
    const made = r.git('rev-parse', BRANCH);
    rmSync(join(r.remote, 'hooks/pre-receive'));
    const again = await cli(r, 'complete', 'TASK-001', '--push', 'origin', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ commitSha: made, alreadyCompleted: true, pushed: true });
    expect(remoteBranch(r)).toBe(made);
  });
});

describe('guard:git-dir and refs', () => {
  // The check writes a commit of its own and points the task branch at it, and adds a branch.
  const MOVE_REFS = [
    'grep -qx 2 src/value.txt || exit 1',
    'c=$(git commit-tree "HEAD^{tree}" -p HEAD -m "Task-Id: TASK-001")',
    `git update-ref refs/heads/${BRANCH} "$c"`,
    'git update-ref refs/heads/extra "$c"',
    '',
  ].join('\n');

  for (const mode of ['in place', 'in a clean worktree']) {
    it(`a check that moves the task branch fails the verdict, and the refs are put back (${mode})`, async () => {
      const r = smallRepo();
      const base = r.git('rev-parse', 'HEAD');
      r.git('branch', BRANCH);
      r.write('src/value.txt', '2\n');
      r.write('tests/check.sh', MOVE_REFS);
      const v = await cli(r, 'validate', 'TASK-001', ...(mode === 'in place' ? [] : ['--clean']));
      expect(v.code).toBe(1);
      const rep = readJson<ValidationReport>(join(r.root, '.guardian/bundles/TASK-001/validation.json'));
      const guard = rep.checks.find((c) => c.name === 'guard:git-dir');
      expect(guard?.outcome).toBe('fail');
      expect(guard?.diagnostics.map((d) => [d.file, d.message])).toEqual([
        ['.git/refs/heads/extra', 'added by a check during validation (put back as it was)'],
        [`.git/refs/heads/${BRANCH}`, 'modified by a check during validation (put back as it was)'],
      ]);
      expect(r.git('rev-parse', BRANCH)).toBe(base);
      expect(r.git('branch', '--list', 'extra')).toBe('');
      expect(rep.summary).toMatch(/guard:git-dir/);

      const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
      expect(c.code).toBe(1);
      expect(remoteBranch(r)).toBe('');
    });
  }

  it('a packed task branch that a check overrides with a loose ref is put back too', async () => {
    const r = smallRepo();
    const base = r.git('rev-parse', 'HEAD');
    r.git('branch', BRANCH);
    r.git('pack-refs', '--all');
    const packed = readFileSync(join(r.root, '.git/packed-refs'), 'utf8');
    r.write('src/value.txt', '2\n');
    r.write('tests/check.sh', MOVE_REFS);
    const v = await cli(r, 'validate', 'TASK-001', '--clean');
    expect(v.code).toBe(1);
    const rep = readJson<ValidationReport>(join(r.root, '.guardian/bundles/TASK-001/validation.json'));
    expect(rep.checks.find((c) => c.name === 'guard:git-dir')?.outcome).toBe('fail');
    expect(r.git('rev-parse', BRANCH)).toBe(base);
    expect(readFileSync(join(r.root, '.git/packed-refs'), 'utf8')).toBe(packed);
  });
});
