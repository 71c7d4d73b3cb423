/**
 * The environment Guardian's git calls run in: variables git sets for a hook or an alias (which
 * repository, which index) do not redirect them, and a repository git refuses to open is named as such.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { headCommit, isGitRepo, resolveCommit } from '../../src/git/git.js';
import { applyPatchToTree, workingTreePatch } from '../../src/git/patch.js';
import { PROJECT_ROOT, makeRepo, type TempRepo } from '../support/repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

/**
 * A script, run by git, that judges the working tree as the Validator does: its change as a patch and
 * a tree, checked out in a temporary worktree. It prints what it saw as JSON.
 */
function judgeScript(r: TempRepo): string {
  const script = join(r.root, '..', 'judge.mjs');
  const src = (p: string) => JSON.stringify(join(PROJECT_ROOT, p));
  writeFileSync(
    script,
    [
      "import { register } from 'node:module';",
      "import { readdirSync } from 'node:fs';",
      `register(${src('test/unit/ts-loader-hooks.mjs')}, import.meta.url);`,
      `const { headCommit } = await import(${src('src/git/git.ts')});`,
      `const { workingTreePatch } = await import(${src('src/git/patch.ts')});`,
      `const { addWorktree } = await import(${src('src/git/worktree.ts')});`,
      'const out = {};',
      'try {',
      '  const root = process.cwd();',
      '  const base = headCommit(root);',
      '  const { patch, tree } = workingTreePatch(root, base);',
      "  out.patch = patch.toString('utf8');",
      '  const wt = addWorktree(root, base, tree);',
      '  out.files = readdirSync(wt.dir).sort();',
      '  wt.remove();',
      '} catch (e) {',
      '  out.error = e.message;',
      '}',
      `console.log(JSON.stringify(out));`,
    ].join('\n'),
  );
  return script;
}

function run(r: TempRepo, args: string[]): { out: string; err: string } {
  const p = spawnSync('git', args, {
    cwd: r.root,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'A',
      GIT_AUTHOR_EMAIL: 'a@e',
      GIT_COMMITTER_NAME: 'A',
      GIT_COMMITTER_EMAIL: 'a@e',
    },
  });
  return { out: p.stdout, err: p.stderr };
}

function judged(output: string): { patch?: string; files?: string[]; error?: string } {
  const line = output.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`no result in: ${output}`);
  return JSON.parse(line);
}

describe('Guardian started by git', () => {
  it('from a pre-commit hook (GIT_INDEX_FILE set): judges the change in a worktree of its own, the staged files untouched', () => {
    const r = makeRepo(undefined, { files: { 'a.txt': 'one\n' } });
    repos.push(r);
    const script = judgeScript(r);
    r.write('staged.txt', 'staged\n');
    r.git('add', 'staged.txt');
    r.write('a.txt', 'two\n');
    const hook = join(r.root, '.git/hooks/pre-commit');
    writeFileSync(hook, `#!/bin/sh\n"${process.execPath}" "${script}"\nexit 1\n`);
    chmodSync(hook, 0o755);
    const c = run(r, ['commit', '-q', '-m', 'not made']);
    const result = judged(c.out + c.err);
    expect(result.error).toBeUndefined();
    expect(result.files).toEqual(['.git', 'a.txt', 'staged.txt']);
    expect(result.patch).toContain('+two');
    // The hook refused the commit, and the index is as the user left it.
    expect(r.git('status', '--porcelain')).toBe('M a.txt\nA  staged.txt');
  });

  it('from an alias run with --git-dir (GIT_DIR set): the user’s index is not replaced by the judged tree', () => {
    const r = makeRepo(undefined, { files: { 'a.txt': 'one\n' } });
    repos.push(r);
    const script = judgeScript(r);
    r.write('a.txt', 'two\n');
    r.git('config', 'alias.judge', `!"${process.execPath}" "${script}"`);
    const result = judged(run(r, [`--git-dir=${join(r.root, '.git')}`, 'judge']).out);
    expect(result.error).toBeUndefined();
    expect(result.files).toEqual(['.git', 'a.txt']);
    expect(readFileSync(join(r.root, 'a.txt'), 'utf8')).toBe('two\n');
    expect(r.git('status', '--porcelain')).toBe('M a.txt');
  });
});

describe('a repository another user owns', () => {
  it('is named as such, with git’s remedy, not as "not a repository" or an unknown ref', () => {
    const r = makeRepo();
    repos.push(r);
    const before = headCommit(r.root);
    // git's own switch to treat the repository as another user's (it checks owners only).
    process.env.GIT_TEST_ASSUME_DIFFERENT_OWNER = '1';
    try {
      const refused =
        /^git refuses to work in .+: the repository is owned by another user than the one running Guardian\. If you trust it, run `git config --global --add safe\.directory /;
      expect(() => isGitRepo(r.root)).toThrow(refused);
      expect(() => resolveCommit(r.root, 'HEAD')).toThrow(refused);
    } finally {
      delete process.env.GIT_TEST_ASSUME_DIFFERENT_OWNER;
    }
    expect(resolveCommit(r.root, 'HEAD')).toBe(before);
  });
});

describe('GIT_DIFF_OPTS in the environment', () => {
  it('does not change the bytes of a patch, which still applies', () => {
    const r = makeRepo(undefined, { files: { 'n.txt': '1\n2\n3\n4\n5\n6\n7\n8\n9\n' } });
    repos.push(r);
    const base = headCommit(r.root);
    r.write('n.txt', '1\n2\n3\n4\nfive\n6\n7\n8\n9\n');
    const plain = workingTreePatch(r.root, base);
    process.env.GIT_DIFF_OPTS = '--unified=0';
    try {
      const { patch, tree } = workingTreePatch(r.root, base);
      expect(patch.toString()).toBe(plain.patch.toString());
      expect(patch.toString()).toContain('\n 4\n-5\n+five\n 6\n');
      expect(applyPatchToTree(r.root, base, patch)).toBe(tree);
    } finally {
      delete process.env.GIT_DIFF_OPTS;
    }
  });
});
