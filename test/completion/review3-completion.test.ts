/**
 * Completion with text that must not reach a commit message as it is, a checked-out task branch with
 * the user's own changes, and hooks the user's git config points into the repository.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { gitIn, makeRepo, type TempRepo } from '../support/repo.js';
import { doubleValue, SMALL_BLUEPRINT, smallRepoFiles } from '../validator/helpers.js';

const BRANCH = 'guardian/TASK-001';
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

describe('the commit message', () => {
  it('carries no escape sequence, bidi override or line break from blueprint text or the run URL', async () => {
    const blueprint = SMALL_BLUEPRINT.replace(
      '*   [ ] `src/value.txt` holds 2.',
      '*   [ ] `src/value.txt` holds 2.\n*   [ ] copied \x1b]52;c;ZXZpbA==\x07 to the clipboard\n*   [ ] shown \u202e reversed',
    );
    const r = repo({ 'specs/tasks/TASK-001_double.md': blueprint });
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    const c = await cli(
      r,
      'complete',
      'TASK-001',
      '--run-url',
      'https://ci.example/run/\x1b[31m1\nCo-authored-by: E <e@x.com>',
    );
    expect(c.code).toBe(0);
    const message = r.git('log', '-1', '--format=%B', BRANCH);
    // eslint-disable-next-line no-control-regex
    expect(message).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(message).toContain('- copied ]52;c;ZXZpbA== to the clipboard');
    expect(message).toContain('- shown reversed');
    expect(r.git('log', '-1', '--format=%(trailers:only,unfold)', BRANCH)).toBe(
      'Task-Id: TASK-001\nRequirement-Id: REQ-1\nGuardian-Verdict: pass\nGuardian-Run: https://ci.example/run/ [31m1 Co-authored-by: E <e@x.com>',
    );
  });
});

describe('a checked-out task branch with changes of the user’s own', () => {
  it('is refused with the files named, nothing committed, and the changes kept', async () => {
    const r = repo();
    const base = r.git('rev-parse', 'HEAD');
    doubleValue(r);
    r.write('src/new.txt', 'from the change\n');
    r.git('add', '-A');
    const patch = r.git('diff', '--cached', '--binary') + '\n';
    r.git('reset', '-q', '--hard');
    r.write('.guardian/bundles/TASK-001/changes.patch', patch);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    // The user edits a file the change also changes, and has an untracked file where it adds one.
    r.write('src/value.txt', 'my edit\n');
    r.write('src/new.txt', 'my own file\n');

    const c = await cli(r, 'complete', 'TASK-001', '--branch', 'main');
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(
      /main is checked out, and its working tree has changes of its own that the commit would overwrite/,
    );
    expect(c.stderr).toContain("('src/new.txt', 'src/value.txt')");
    expect(c.stderr).toMatch(/Nothing committed/);
    expect(r.git('rev-parse', 'main')).toBe(base);
    expect(readFileSync(join(r.root, 'src/value.txt'), 'utf8')).toBe('my edit\n');
    expect(readFileSync(join(r.root, 'src/new.txt'), 'utf8')).toBe('my own file\n');
    expect(existsSync(join(r.root, '.guardian/bundles/TASK-001/validation.json'))).toBe(true);

    // Once the user has put their changes away, the same bundle completes.
    r.git('checkout', '--', 'src/value.txt');
    rmSync(join(r.root, 'src/new.txt'));
    const again = await cli(r, 'complete', 'TASK-001', '--branch', 'main', '--json');
    expect(again.code).toBe(0);
    expect(r.git('rev-parse', 'main^')).toBe(base);
    expect(readFileSync(join(r.root, 'src/new.txt'), 'utf8')).toBe('from the change\n');
  });
});

describe('hooks', () => {
  it('a hook committed in the repository, and named by core.hooksPath, never runs', async () => {
    const marker = join(makeRepo().root, '..', 'hook-ran');
    const hooks = [
      'pre-commit',
      'commit-msg',
      'post-commit',
      'reference-transaction',
      'post-checkout',
      'pre-push',
    ];
    const r = repo(
      Object.fromEntries(hooks.map((h) => [`.githooks/${h}`, `#!/bin/sh\necho ${h} >> '${marker}'\n`])),
    );
    for (const h of hooks) chmodSync(join(r.root, '.githooks', h), 0o755);
    r.git('add', '-A');
    r.git('commit', '-q', '--no-verify', '-m', 'hooks');
    r.git('push', '-q', '--no-verify', 'origin', 'main');
    r.git('config', 'core.hooksPath', '.githooks');
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(c.code).toBe(0);
    expect(gitIn(r.remote, ['rev-parse', BRANCH])).toBe(r.git('rev-parse', BRANCH));
    expect(existsSync(marker)).toBe(false);
  });
});

describe('the push', () => {
  it('pushes the task branch only, not the user’s unpushed tags (push.followTags)', async () => {
    const r = repo();
    r.git('tag', '-a', 'v9.9.9', '-m', 'not released yet');
    r.git('config', 'push.followTags', 'true');
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    const c = await cli(r, 'complete', 'TASK-001', '--push', 'origin');
    expect(c.code).toBe(0);
    expect(gitIn(r.remote, ['rev-parse', BRANCH])).toBe(r.git('rev-parse', BRANCH));
    expect(gitIn(r.remote, ['tag', '--list'])).toBe('');
  });
});

describe('the branch name', () => {
  it.each(['@{-1}', '@{-1}/x'])('%s is refused before anything is committed', async (name) => {
    const r = repo();
    r.git('switch', '-q', '-c', 'previous');
    r.git('switch', '-q', 'main');
    doubleValue(r);
    expect((await cli(r, 'validate', 'TASK-001')).code).toBe(0);
    const c = await cli(r, 'complete', 'TASK-001', '--branch', name);
    expect(c.code).not.toBe(0);
    expect(c.stderr).toContain(`${name}: not a valid branch name`);
    expect(r.git('for-each-ref', '--format=%(refname)', 'refs/heads/')).toBe(
      'refs/heads/main\nrefs/heads/previous',
    );
    expect(existsSync(join(r.root, '.guardian/bundles/TASK-001/validation.json'))).toBe(true);
  });
});
