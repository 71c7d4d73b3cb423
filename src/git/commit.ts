/** Commits, branches and pushes as Completion makes them: plumbing only, never a force push. */
import { GuardianError } from '../errors.js';
import { execGit } from './git.js';
import { withTempIndex } from './patch.js';

export interface Identity {
  name: string;
  email: string;
}

/** Replaces (or adds) one file in a tree and returns the new tree. */
export function replaceInTree(root: string, tree: string, path: string, content: Buffer | string): string {
  const blob = execGit(['hash-object', '-w', '--stdin'], { cwd: root, input: content }).stdout.trim();
  const ls = execGit(['ls-tree', '-z', tree, '--', path], { cwd: root }).stdout;
  const mode = ls ? ls.split(' ')[0]! : '100644';
  return withTempIndex(root, (env) => {
    execGit(['read-tree', tree], { cwd: root, env });
    execGit(['update-index', '--add', '--cacheinfo', `${mode},${blob},${path}`], { cwd: root, env });
    return execGit(['write-tree'], { cwd: root, env }).stdout.trim();
  });
}

export function commitTree(
  root: string,
  tree: string,
  parent: string,
  message: string,
  author: Identity,
): string {
  const env = {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
  return execGit(['commit-tree', tree, '-p', parent, '-F', '-'], {
    cwd: root,
    input: message,
    env,
  }).stdout.trim();
}

/** The configured git identity of the repository, when there is one. */
export function gitIdentity(root: string): Identity | undefined {
  const name = execGit(['config', 'user.name'], { cwd: root, allowFailure: true }).stdout.trim();
  const email = execGit(['config', 'user.email'], { cwd: root, allowFailure: true }).stdout.trim();
  return name && email ? { name, email } : undefined;
}

export function branchTip(root: string, branch: string): string | undefined {
  const r = execGit(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], {
    cwd: root,
    allowFailure: true,
  });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

export function checkBranchName(root: string, branch: string): void {
  const r = execGit(['check-ref-format', '--branch', branch], { cwd: root, allowFailure: true });
  if (r.code !== 0 || branch.startsWith('-'))
    throw new GuardianError(`'${branch}' is not a valid branch name`);
}

/**
 * Why `remote` cannot be pushed to, or undefined: a name must be a configured remote (a URL or a path
 * is taken as it is, as git does). Checked before any station runs, not after the commit is made.
 */
export function pushTargetProblem(root: string, remote: string): string | undefined {
  if (remote.startsWith('-')) return 'not a remote name, URL or path';
  if (/[:/\\]/.test(remote) || remote === '.' || remote === '..') return undefined;
  const r = execGit(['remote'], { cwd: root, allowFailure: true });
  if (r.code !== 0) return undefined; // not a repository: the command reports that itself
  const names = r.stdout.split('\n').filter(Boolean);
  if (names.includes(remote)) return undefined;
  return `no remote of that name (${names.length ? `configured: ${names.join(', ')}` : 'none is configured'})`;
}

/** Values of a trailer (e.g. Task-Id) in a commit's message. */
export function trailerValues(root: string, commit: string, key: string): string[] {
  const out = execGit(['log', '-1', `--format=%(trailers:key=${key},valueonly)`, commit], {
    cwd: root,
  }).stdout;
  return out
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The newest commit reachable from `rev` (within `depth`) whose trailer `key` has `value`. */
export function findCommitWithTrailer(
  root: string,
  rev: string,
  key: string,
  value: string,
  depth = 500,
): string | undefined {
  const r = execGit(['log', `-n${depth}`, `--format=%H%x00%(trailers:key=${key},valueonly)%x1e`, rev, '--'], {
    cwd: root,
    allowFailure: true,
  });
  if (r.code !== 0) return undefined;
  for (const rec of r.stdout.split('\x1e')) {
    const [sha, values] = rec.trim().split('\0');
    if (sha && values?.split('\n').some((v) => v.trim() === value)) return sha;
  }
  return undefined;
}

export function isAncestor(root: string, ancestor: string, of: string): boolean {
  return execGit(['merge-base', '--is-ancestor', ancestor, of], { cwd: root, allowFailure: true }).code === 0;
}

export function currentBranch(root: string): string | undefined {
  const r = execGit(['symbolic-ref', '--quiet', 'HEAD'], { cwd: root, allowFailure: true });
  return r.code === 0 ? r.stdout.trim().replace(/^refs\/heads\//, '') : undefined;
}

export interface PushOutcome {
  pushed: boolean;
  /** The remote branch already had the commit. */
  alreadyThere: boolean;
}

/**
 * Pushes `commit` to `remote`'s `branch` without force. A remote branch that exists and is not an
 * ancestor of the commit holds work Guardian did not make: refused, with the local state explained.
 */
export function pushBranch(root: string, remote: string, branch: string, commit: string): PushOutcome {
  if (remote.startsWith('-')) throw new GuardianError(`invalid remote '${remote}'`);
  const ls = execGit(['ls-remote', '--heads', remote, `refs/heads/${branch}`], {
    cwd: root,
    allowFailure: true,
  });
  if (ls.code !== 0) {
    throw new GuardianError(
      `cannot reach the remote '${remote}': ${ls.stderr.trim()}\nnothing was pushed; the commit ${commit.slice(0, 12)} is on the local branch ${branch}`,
    );
  }
  const remoteSha = ls.stdout
    .split('\n')
    .find((l) => l.endsWith(`\trefs/heads/${branch}`))
    ?.split('\t')[0];
  if (remoteSha === commit) return { pushed: false, alreadyThere: true };
  if (remoteSha) {
    execGit(['fetch', '--quiet', '--no-tags', remote, `refs/heads/${branch}`], {
      cwd: root,
      allowFailure: true,
    });
    const known =
      execGit(['cat-file', '-e', `${remoteSha}^{commit}`], { cwd: root, allowFailure: true }).code === 0;
    if (!known || !isAncestor(root, remoteSha, commit)) {
      throw new GuardianError(
        `refused to push: ${remote}'s branch ${branch} is at ${remoteSha.slice(0, 12)}, which is not an ancestor of ` +
          `the new commit ${commit.slice(0, 12)} (it holds work Guardian did not make; no force push). ` +
          `Nothing was pushed; the commit is on the local branch ${branch}. Push it under another name with ` +
          `--branch, or reconcile the remote branch and run complete again.`,
      );
    }
  }
  const r = execGit(['push', '--porcelain', remote, `${commit}:refs/heads/${branch}`], {
    cwd: root,
    allowFailure: true,
  });
  if (r.code !== 0) {
    throw new GuardianError(
      `the remote '${remote}' rejected the push of ${branch}: ${(r.stderr.trim() || r.stdout.trim()).split('\n').slice(0, 6).join(' | ')}\n` +
        `nothing was pushed; the commit ${commit.slice(0, 12)} is on the local branch ${branch} and the Task Bundle is kept: ` +
        `run complete again once the remote accepts it (no second commit is made)`,
    );
  }
  return { pushed: true, alreadyThere: false };
}
