/**
 * Completion refuses what it can not prove was judged, and says what differs: a Task Bundle's patch
 * gone, a base that moved, a commit found only by its `Task-Id:` trailer (never published from a
 * re-run); and the commit it makes is UTF-8 and carries no control character in its author.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { gitIn, makeRepo, type TempRepo } from '../support/repo.js';
import { doubleValue, SMALL_BLUEPRINT, smallRepoFiles } from '../validator/helpers.js';

const BRANCH = 'guardian/TASK-001';
const BLUEPRINT = 'specs/tasks/TASK-001_double.md';
const BUNDLE = '.guardian/bundles/TASK-001';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function repo(extra: Record<string, string> = {}): TempRepo {
  const r = makeRepo(undefined, { files: { ...smallRepoFiles(), ...extra } });
  repos.push(r);
  return r;
}

const cli = (r: TempRepo, ...args: string[]) => runCli([...args, '--root', r.root]);
const remoteBranch = (r: TempRepo) =>
  gitIn(r.remote, ['for-each-ref', '--format=%(objectname)', `refs/heads/${BRANCH}`]);

/** The change of TASK-001 as the bundle's changes.patch (the working tree left clean). */
function asBundlePatch(r: TempRepo): string {
  doubleValue(r);
  r.git('add', '-A');
  const patch = r.git('diff', '--cached', '--binary') + '\n';
  r.git('reset', '-q', '--hard');
  r.write(`${BUNDLE}/changes.patch`, patch);
  return patch;
}

describe('a change that is not the judged one', () => {
  it('names a judged changes.patch that is gone from the bundle, even with the change in the working tree', async () => {
    const r = repo();
    const patch = asBundlePatch(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    rmSync(join(r.root, BUNDLE, 'changes.patch'));
    const copy = join(r.root, '..', 'judged.patch');
    writeFileSync(copy, patch);
    r.git('apply', copy);

    const c = await cli(r, 'complete', 'TASK-001');
    expect(c.code).toBe(1);
    expect(c.stderr).toContain(
      "refused: the Validator judged the Task Bundle's changes.patch, and " +
        `${join(r.root, BUNDLE, 'changes.patch')} is gone`,
    );
    expect(c.stderr).toMatch(
      /Nothing committed: put back what was judged, or run `guardian validate TASK-001` again/,
    );
    expect(c.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.git('branch', '--list', BRANCH)).toBe('');
  });

  it('names a HEAD that moved on from the base and the file the change now touches', async () => {
    const r = repo();
    const base = r.git('rev-parse', 'HEAD');
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    r.write('other.txt', 'other\n');
    r.git('add', 'other.txt');
    r.git('commit', '-q', '-m', 'other');
    const head = r.git('rev-parse', 'HEAD');

    const c = await cli(r, 'complete', 'TASK-001');
    expect(c.code).toBe(1);
    expect(c.stderr).toContain(
      `HEAD is now ${head.slice(0, 12)}, not the base commit ${base.slice(0, 12)} it was judged on; ` +
        "it now changes 'other.txt', which the judged change did not",
    );
    expect(r.git('branch', '--list', BRANCH)).toBe('');
  });
});

describe('a Task Bundle rewritten after validation', () => {
  it('is refused when a station run since has taken the rewritten files into manifest.json', async () => {
    const r = repo();
    const patch = asBundlePatch(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    // Another patch, and validation.json made to name it; then a station rewrites the manifest.
    const other =
      patch +
      'diff --git a/src/evil.txt b/src/evil.txt\nnew file mode 100644\n--- /dev/null\n+++ b/src/evil.txt\n@@ -0,0 +1 @@\n+not judged\n';
    writeFileSync(join(r.root, BUNDLE, 'changes.patch'), other);
    const reportPath = join(r.root, BUNDLE, 'validation.json');
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { patchSha256: string };
    report.patchSha256 = createHash('sha256').update(other).digest('hex');
    writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n');
    expect((await cli(r, 'prestart', 'TASK-001')).code).toBe(0);

    const c = await cli(r, 'complete', 'TASK-001');
    expect(c.code).toBe(1);
    expect(c.stderr).toContain(
      `${join(r.root, BUNDLE, 'manifest.json')}: prestart ran after the validation (finished `,
    );
    expect(c.stderr).toMatch(/run `guardian validate TASK-001` again; nothing committed\n$/);
    expect(r.git('branch', '--list', BRANCH)).toBe('');
  });
});

describe('a re-run without a Task Bundle', () => {
  it('does not push a commit that only claims the Task-Id and marks the blueprint done', async () => {
    const r = repo();
    const base = r.git('rev-parse', 'HEAD');
    // Never judged: a commit with the trailer, the blueprint done, and code of its own.
    doubleValue(r);
    r.write('src/evil.txt', 'not judged\n');
    r.write(BLUEPRINT, SMALL_BLUEPRINT.replace('status: "pending"', 'status: "done"'));
    r.git('switch', '-q', '-c', BRANCH);
    r.git('add', '-A');
    r.git(
      'commit',
      '-q',
      '-m',
      'feat(TASK-001): Double the value\n\nTask-Id: TASK-001\nGuardian-Verdict: pass',
    );
    const planted = r.git('rev-parse', 'HEAD');
    r.git('switch', '-q', 'main');

    const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(c.code).toBe(1);
    expect(c.stderr).toContain(
      `guardian: refused to push: origin's branch ${BRANCH} (${r.remote}) does not exist, not ${planted.slice(0, 12)}; nothing was pushed.`,
    );
    expect(c.stderr).toContain(`git push origin ${planted}:refs/heads/${BRANCH}`);
    expect(remoteBranch(r)).toBe('');
    expect(r.git('rev-parse', BRANCH)).toBe(planted);
    expect(r.git('rev-parse', 'main')).toBe(base);
  });

  it('pushes the commit it recorded making, also after its branch was merged and deleted', async () => {
    const r = repo();
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    expect((await cli(r, 'complete', 'TASK-001')).code).toBe(0);
    const made = r.git('rev-parse', BRANCH);
    r.git('switch', '-q', 'main');
    r.git('merge', '-q', '--no-ff', '-m', 'merge', BRANCH);
    r.git('branch', '-q', '-D', BRANCH);
    r.write('later.txt', 'later\n');
    r.git('add', 'later.txt');
    r.git('commit', '-q', '-m', 'later');

    const again = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`already completed TASK-001: ${made} on HEAD (main) (pushed to origin)\n`);
    expect(remoteBranch(r)).toBe(made);
  });

  it('finds the commit it recorded making once its branch is deleted, and pushes it', async () => {
    const r = repo();
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    expect((await cli(r, 'complete', 'TASK-001')).code).toBe(0);
    const made = r.git('rev-parse', BRANCH);
    r.git('switch', '-q', 'main');
    r.git('branch', '-q', '-D', BRANCH);

    const again = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      `already completed TASK-001: ${made} on refs/guardian/completed/TASK-001 (pushed to origin)\n`,
    );
    expect(remoteBranch(r)).toBe(made);
    expect(r.git('rev-list', '--count', `main..${made}`)).toBe('1');
  });

  it('does not push a trailer commit in place of the one it recorded making', async () => {
    const r = repo();
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    // The real completion, on another branch; then a commit on the task branch claims the task.
    expect((await cli(r, 'complete', 'TASK-001', '--branch', 'elsewhere')).code).toBe(0);
    r.git('switch', '-q', '-c', BRANCH, 'main');
    r.write('src/value.txt', 'not judged\n');
    r.write(BLUEPRINT, SMALL_BLUEPRINT.replace('status: "pending"', 'status: "done"'));
    r.git('add', '-A');
    r.git('commit', '-q', '-m', 'feat(TASK-001): Double the value\n\nTask-Id: TASK-001');
    const planted = r.git('rev-parse', 'HEAD');

    const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(c.code).toBe(1);
    expect(c.stderr).toContain(`it is not the commit Completion recorded making in this repository`);
    expect(c.stderr).toContain(planted.slice(0, 12));
    expect(remoteBranch(r)).toBe('');
  });
});

describe('the commit object', () => {
  it('is UTF-8 whatever i18n.commitEncoding says', async () => {
    const r = repo({ [BLUEPRINT]: SMALL_BLUEPRINT.replace('Double the value', 'Double the café value') });
    r.git('config', 'i18n.commitEncoding', 'ISO-8859-1');
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    expect((await cli(r, 'complete', 'TASK-001')).code).toBe(0);
    const raw = r.git('cat-file', 'commit', BRANCH);
    expect(raw).not.toMatch(/^encoding /m);
    expect(raw).toContain('feat(TASK-001): Double the café value');
  });

  it('refuses an author with an escape sequence from git config, naming it, with nothing committed', async () => {
    const r = repo();
    r.git('config', 'user.name', 'Bot\x1b]0;owned\x07');
    r.git('config', 'user.email', 'bot@example.com');
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    const c = await cli(r, 'complete', 'TASK-001');
    expect(c.code).not.toBe(0);
    expect(c.stderr).toContain(
      'the commit author from git config user.name / user.email can not be used: it holds a control character',
    );
    expect(c.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.git('branch', '--list', BRANCH)).toBe('');
    expect(readFileSync(join(r.root, BUNDLE, 'validation.json'), 'utf8')).toContain('"verdict": "pass"');

    const again = await cli(r, 'complete', 'TASK-001', '--author', 'Bot <bot@example.com>');
    expect(again.code).toBe(0);
    expect(r.git('log', '-1', '--format=%an <%ae>', BRANCH)).toBe('Bot <bot@example.com>');
  });

  it('keeps an acceptance criterion that reads like a trailer out of the trailers', async () => {
    const r = repo({
      [BLUEPRINT]: SMALL_BLUEPRINT.replace(
        '*   [ ] `src/value.txt` holds 2.',
        '*   [ ] `src/value.txt` holds 2.\n*   [ ] Task-Id: OTHER-1\n*   [ ] Guardian-Verdict: pass',
      ),
    });
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    expect((await cli(r, 'complete', 'TASK-001')).code).toBe(0);
    expect(r.git('log', '-1', '--format=%(trailers:key=Task-Id,valueonly)', BRANCH)).toBe('TASK-001');
    expect(r.git('log', '-1', '--format=%B', BRANCH)).toContain('- Task-Id: OTHER-1');
  });
});

describe('a push URL with a token in it', () => {
  it('is not printed or recorded with the token when the remote can not be reached', async () => {
    // A port nothing listens on: the connection is refused.
    const server = createServer();
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as { port: number }).port;
    await new Promise((ok) => server.close(ok));
    const r = repo();
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);

    const url = `https://bot:s3cr3t-t0ken@127.0.0.1:${port}/x.git`;
    const c = await cli(r, 'complete', 'TASK-001', '--push', url);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain(`cannot reach the remote 'https://***@127.0.0.1:${port}/x.git'`);
    expect(c.stderr).toContain('nothing was pushed; the commit');
    expect(c.stdout + c.stderr).not.toContain('s3cr3t-t0ken');
    expect(readFileSync(join(r.root, BUNDLE, 'manifest.json'), 'utf8')).not.toContain('s3cr3t-t0ken');
  });
});
