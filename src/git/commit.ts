/** Commits, branches and pushes as Completion makes them: plumbing only, never a force push. */
import { GuardianError } from '../errors.js';
import { execGit, GitTimeoutError } from './git.js';
import { acceptOwnRefUpdates } from './gitdir.js';
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
  // The message is UTF-8 whatever `i18n.commitEncoding` says (git would label it with that encoding,
  // and show it garbled), and the commit is not signed whatever `commit.gpgSign` says.
  return execGit(
    [
      '-c',
      'i18n.commitEncoding=UTF-8',
      '-c',
      'commit.gpgSign=false',
      'commit-tree',
      tree,
      '-p',
      parent,
      '-F',
      '-',
    ],
    {
      cwd: root,
      input: message,
      env,
    },
  ).stdout.trim();
}

/**
 * Why `who` can not be a commit's author as it is, or undefined. git drops line breaks, `<` and `>`
 * from a name and refuses one left empty; control characters (escape sequences) it keeps, and `git log`
 * would print them to a terminal.
 */
export function identityProblem(who: Identity): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(who.name + who.email))
    return 'it holds a control character (a line break, an escape sequence, a bidi override)';
  if (!who.name.replace(/[<>\s.,:;'"\\]/g, '')) return `the name '${who.name}' is empty to git`;
  if (!/^[^\s<>]+$/.test(who.email)) return `'${who.email}' is not an e-mail address`;
  return undefined;
}

/** The configured git identity of the repository, when there is one. */
export function gitIdentity(root: string): Identity | undefined {
  const name = execGit(['config', 'user.name'], { cwd: root, allowFailure: true }).stdout.trim();
  const email = execGit(['config', 'user.email'], { cwd: root, allowFailure: true }).stdout.trim();
  return name && email ? { name, email } : undefined;
}

/**
 * A commit's tree and parents as the object says them (`cat-file`, not a revision walk: git's replace
 * refs are off for Guardian, and a grafts file would change a walk's parents, not the object's).
 */
export function commitObject(root: string, commit: string): { tree: string; parents: string[] } {
  const raw = execGit(['cat-file', 'commit', commit], { cwd: root }).stdout;
  const header = raw.slice(0, raw.indexOf('\n\n') < 0 ? raw.length : raw.indexOf('\n\n'));
  let tree = '';
  const parents: string[] = [];
  for (const line of header.split('\n')) {
    if (line.startsWith('tree ')) tree = line.slice(5).trim();
    else if (line.startsWith('parent ')) parents.push(line.slice(7).trim());
  }
  return { tree, parents };
}

export function branchTip(root: string, branch: string): string | undefined {
  const r = execGit(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], {
    cwd: root,
    allowFailure: true,
  });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/**
 * Refuses a name that is not a branch name as written: `check-ref-format --branch` also accepts `@{-1}`
 * (the branch checked out before, which it prints instead) and `@`, neither of which can be written as
 * `refs/heads/<name>` — found only once the commit was made.
 */
export function checkBranchName(root: string, branch: string): void {
  const r = execGit(['check-ref-format', '--branch', branch], { cwd: root, allowFailure: true });
  const full = execGit(['check-ref-format', `refs/heads/${branch}`], { cwd: root, allowFailure: true });
  if (r.code !== 0 || r.stdout.trim() !== branch || full.code !== 0 || branch.startsWith('-'))
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
  const out = execGit(
    ['log', '-1', '--no-show-signature', `--format=%(trailers:key=${key},valueonly)`, commit],
    {
      cwd: root,
    },
  ).stdout;
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
  // No signature checks (`log.showSignature`): they would run the gpg program for every signed commit
  // and print its report into the output read here, ahead of a commit's sha.
  const r = execGit(
    [
      'log',
      `-n${depth}`,
      '--no-show-signature',
      `--format=%H%x00%(trailers:key=${key},valueonly)%x1e`,
      rev,
      '--',
    ],
    {
      cwd: root,
      allowFailure: true,
    },
  );
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

/** Whether the repository is a shallow clone (part of its history is missing). */
export function isShallow(root: string): boolean {
  const r = execGit(['rev-parse', '--is-shallow-repository'], { cwd: root, allowFailure: true });
  return r.stdout.trim() === 'true';
}

export function currentBranch(root: string): string | undefined {
  const r = execGit(['symbolic-ref', '--quiet', 'HEAD'], { cwd: root, allowFailure: true });
  return r.code === 0 ? r.stdout.trim().replace(/^refs\/heads\//, '') : undefined;
}

export interface PushOutcome {
  pushed: boolean;
  /** The remote branch already had the commit. */
  alreadyThere: boolean;
  /** Where the push went: the URLs git resolved for it. */
  urls: string[];
  /**
   * The push goes elsewhere than the remote's fetch URL (a `pushurl`, a `url.*.pushInsteadOf`) or than
   * the URL given: worth saying where.
   */
  redirected: boolean;
}

/** A URL as it may be shown: a password or token in it is hidden. */
export function shownUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1***@');
}

/** Text from git (its errors) as it may be shown: a password or token in any URL in it is hidden. */
function hideCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@');
}

/** Whether `remote` names a configured remote (otherwise git takes it as a URL or a path). */
function isConfiguredRemote(root: string, remote: string): boolean {
  const r = execGit(['remote'], { cwd: root, allowFailure: true });
  return r.code === 0 && r.stdout.split('\n').includes(remote);
}

/**
 * A URL given on the command line as `git push` rewrites it: the longest matching
 * `url.<base>.pushInsteadOf`, else the longest matching `url.<base>.insteadOf`.
 */
function rewriteForPush(root: string, url: string): string {
  const r = execGit(['config', '--null', '--get-regexp', '^url\\..*\\.(push)?insteadof$'], {
    cwd: root,
    allowFailure: true,
  });
  const best = { push: { len: -1, to: '' }, plain: { len: -1, to: '' } };
  for (const rec of r.stdout.split('\0')) {
    const nl = rec.indexOf('\n');
    if (nl < 0) continue;
    const key = rec.slice(0, nl);
    const prefix = rec.slice(nl + 1);
    const m = /^url\.(.*)\.(pushinsteadof|insteadof)$/i.exec(key);
    if (!m || !url.startsWith(prefix)) continue;
    const slot = m[2]!.toLowerCase() === 'pushinsteadof' ? best.push : best.plain;
    if (prefix.length > slot.len)
      Object.assign(slot, { len: prefix.length, to: m[1]! + url.slice(prefix.length) });
  }
  return best.push.len >= 0 ? best.push.to : best.plain.len >= 0 ? best.plain.to : url;
}

/**
 * The URLs `git push <remote>` writes to, resolved as git resolves them (`remote.<name>.pushurl`,
 * `url.*.pushInsteadOf`, `url.*.insteadOf`).
 */
export function pushUrls(root: string, remote: string): string[] {
  if (isConfiguredRemote(root, remote)) {
    const r = execGit(['remote', 'get-url', '--push', '--all', remote], { cwd: root, allowFailure: true });
    const urls = r.stdout.split('\n').filter(Boolean);
    if (r.code === 0 && urls.length) return urls;
  }
  return [rewriteForPush(root, remote)];
}

/**
 * Pushes `commit` to `remote`'s `branch` without force. A remote branch that exists and is not an
 * ancestor of the commit holds work Guardian did not make: refused, with the local state explained.
 *
 * The remote branch is read from the very URLs the push writes to: `git ls-remote <name>` would use the
 * fetch URL, and a `pushurl` or a `url.*.pushInsteadOf` (one a check could have planted in a git config)
 * sends the push elsewhere. Each push URL must read back as itself (no `url.*.insteadOf` sends the read
 * to a third repository), otherwise nothing is pushed.
 */
export function pushBranch(
  root: string,
  remote: string,
  branch: string,
  commit: string,
  opts: {
    /**
     * Push nothing: the remote branch must already have the commit, else this message (with where the
     * remote branch is) is the error. For a commit Guardian can no longer check against a judged patch.
     */
    onlyIfThere?: string;
  } = {},
): PushOutcome {
  // The remote as messages name it: a token in a URL given on the command line is not printed.
  const shown = shownUrl(remote);
  if (remote.startsWith('-')) throw new GuardianError(`invalid remote '${shown}'`);
  const named = isConfiguredRemote(root, remote);
  const urls = pushUrls(root, remote);
  const fetchUrls = named
    ? execGit(['remote', 'get-url', '--all', remote], { cwd: root, allowFailure: true })
        .stdout.split('\n')
        .filter(Boolean)
    : [remote];
  const redirected = urls.some((u) => !fetchUrls.includes(u));
  const kept = `the commit ${commit.slice(0, 12)} is on the local branch ${branch}`;
  for (const url of urls) {
    const read = execGit(['ls-remote', '--get-url', url], { cwd: root, allowFailure: true }).stdout.trim();
    const again = named ? url : rewriteForPush(root, url);
    if (url.startsWith('-') || read !== url || again !== url) {
      throw new GuardianError(
        `refused to push: ${shown}'s push URL ${shownUrl(url)} is rewritten by git's url.*.insteadOf settings ` +
          `(to ${shownUrl(read !== url ? read : again)}), so the branch Guardian checks and the branch it pushes would be in different repositories. ` +
          `Nothing was pushed; ${kept}. Check \`git config --show-origin --get-regexp '^url\\.'\`.`,
      );
    }
  }
  /** A remote that does not answer in time: the call is named, with where it went and what was kept. */
  const inTime = <T>(url: string, what: string, call: () => T): T => {
    try {
      return call();
    } catch (e) {
      if (!(e instanceof GitTimeoutError)) throw e;
      throw new GuardianError(
        `the remote '${shown}'${url !== remote ? ` (${shownUrl(url)})` : ''} did not answer: ${e.message}.\n${what}`,
      );
    }
  };
  const nothingPushed = `Nothing was pushed; ${kept}.`;
  let haveIt = 0;
  for (const url of urls) {
    const ls = inTime(url, nothingPushed, () =>
      execGit(['ls-remote', '--heads', url, `refs/heads/${branch}`], { cwd: root, allowFailure: true }),
    );
    if (ls.code !== 0) {
      throw new GuardianError(
        `cannot reach the remote '${shown}'${url !== remote ? ` (${shownUrl(url)})` : ''}: ${hideCredentials(ls.stderr.trim())}\nnothing was pushed; ${kept}`,
      );
    }
    const remoteSha = ls.stdout
      .split('\n')
      .find((l) => l.endsWith(`\trefs/heads/${branch}`))
      ?.split('\t')[0];
    if (remoteSha === commit) {
      haveIt++;
      continue;
    }
    if (opts.onlyIfThere !== undefined) {
      const at = remoteSha ? `is at ${remoteSha.slice(0, 12)}` : 'does not exist';
      throw new GuardianError(
        `refused to push: ${shown}'s branch ${branch}${url !== remote ? ` (${shownUrl(url)})` : ''} ${at}, not ${commit.slice(0, 12)}; ${opts.onlyIfThere}`,
      );
    }
    if (remoteSha) {
      inTime(url, nothingPushed, () =>
        // Only the branch's commits: not those of submodules its commits name (`fetch.recurseSubmodules`),
        // which git would fetch from their own remotes, with their own settings.
        execGit(['fetch', '--quiet', '--no-tags', '--recurse-submodules=no', url, `refs/heads/${branch}`], {
          cwd: root,
          allowFailure: true,
        }),
      );
      const known =
        execGit(['cat-file', '-e', `${remoteSha}^{commit}`], { cwd: root, allowFailure: true }).code === 0;
      if (!known || !isAncestor(root, remoteSha, commit)) {
        // In a shallow clone (actions/checkout's default depth of 1) the history that would join the
        // remote branch to the base is missing: git can not tell an ancestor, and would refuse the push
        // as well. Not "work Guardian did not make".
        if (isShallow(root)) {
          throw new GuardianError(
            `refused to push: ${shown}'s branch ${branch} is at ${remoteSha.slice(0, 12)}, and this clone is shallow, so git can not ` +
              `tell whether that commit is an ancestor of the new commit ${commit.slice(0, 12)} (a push without force needs it to be). ` +
              `Nothing was pushed; ${kept}. Fetch the whole history (\`git fetch --unshallow\`, or \`fetch-depth: 0\` for ` +
              `actions/checkout) and run complete again.`,
          );
        }
        throw new GuardianError(
          `refused to push: ${shown}'s branch ${branch} is at ${remoteSha.slice(0, 12)}, which is not an ancestor of ` +
            `the new commit ${commit.slice(0, 12)} (it holds work Guardian did not make; no force push). ` +
            `Nothing was pushed; the commit is on the local branch ${branch}. Push it under another name with ` +
            `--branch, or reconcile the remote branch and run complete again.`,
        );
      }
    }
  }
  if (haveIt === urls.length) return { pushed: false, alreadyThere: true, urls, redirected };
  // A configured remote is pushed to by its name (its own settings apply, and its remote-tracking
  // branch follows); a URL or path is pushed to as resolved above.
  const target = named ? remote : urls[0]!;
  // A push cut off by the time limit may or may not have reached the remote: running complete again
  // reads the remote branch first, and pushes only when it is not there yet.
  const r = inTime(
    urls[0]!,
    `The push may or may not have reached the remote; ${kept} and the Task Bundle is kept: run complete again ` +
      '(it reads the remote branch first and makes no second commit).',
    () =>
      // Only the branch: no tags (`push.followTags` would publish the user's unpushed annotated tags
      // reachable from the base) and no submodule commits (`push.recurseSubmodules`).
      execGit(
        [
          'push',
          '--porcelain',
          '--no-follow-tags',
          '--recurse-submodules=no',
          target,
          `${commit}:refs/heads/${branch}`,
        ],
        {
          cwd: root,
          allowFailure: true,
        },
      ),
  );
  if (r.code !== 0 && r.signal) {
    // Not the remote's answer: git itself was stopped (a Ctrl-C reaches it too), mid-push.
    throw new GuardianError(
      `the push of ${branch} to '${shown}' was stopped by ${r.signal}: it may or may not have reached the remote; ` +
        `the commit ${commit.slice(0, 12)} is on the local branch ${branch} and the Task Bundle is kept: ` +
        'run complete again (it reads the remote branch first and makes no second commit)',
    );
  }
  if (r.code !== 0) {
    throw new GuardianError(
      `the remote '${shown}' rejected the push of ${branch}: ${hideCredentials(
        r.stderr.trim() || r.stdout.trim(),
      )
        .split('\n')
        .slice(0, 6)
        .join(' | ')}\n` +
        `nothing was pushed; the commit ${commit.slice(0, 12)} is on the local branch ${branch} and the Task Bundle is kept: ` +
        `run complete again once the remote accepts it (no second commit is made)`,
    );
  }
  // The remote-tracking branch moved to the commit: not a check's doing, should one be running.
  acceptOwnRefUpdates(root, commit);
  return { pushed: true, alreadyThere: false, urls, redirected };
}
