/**
 * The repository's own git settings, watched while checks run. A check runs code the change wrote, as
 * the user, next to a linked worktree whose `git rev-parse --git-common-dir` names the real `.git`: it
 * could plant a hook, or a `core.sshCommand`, `credential.helper` or `url.*.insteadOf` that a later git
 * command (Completion's push, the user's next commit) would run. Whatever a check changed there is put
 * back as it was, and the verdict fails naming it.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { execGit } from './git.js';

/** Paths under the common git directory whose content decides what git runs and reads. */
const WATCHED = ['config', 'config.worktree', 'hooks', 'info', 'objects/info/alternates'];
/** A file larger than this is recorded by size only (it is not restored, only reported). */
const MAX_KEPT_BYTES = 4 * 1024 * 1024;

export interface GitDirSnapshot {
  dir: string;
  /** Repository-relative path → content (undefined: too large to keep; its size is in `sizes`). */
  files: Map<string, Buffer | undefined>;
  sizes: Map<string, number>;
}

export function commonGitDir(root: string): string {
  const out = execGit(['rev-parse', '--git-common-dir'], { cwd: root }).stdout.trim();
  return isAbsolute(out) ? out : join(root, out);
}

function walk(dir: string, rel: string, out: Map<string, Buffer | undefined>, sizes: Map<string, number>) {
  let st;
  try {
    st = lstatSync(join(dir, rel));
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const name of readdirSync(join(dir, rel)).sort()) walk(dir, join(rel, name), out, sizes);
  } else {
    // Links and other special files are recorded by kind; their targets are not followed.
    sizes.set(rel, st.isFile() ? st.size : -1);
    out.set(rel, st.isFile() && st.size <= MAX_KEPT_BYTES ? readFileSync(join(dir, rel)) : undefined);
  }
}

export function snapshotGitDir(root: string): GitDirSnapshot {
  const dir = commonGitDir(root);
  const files = new Map<string, Buffer | undefined>();
  const sizes = new Map<string, number>();
  for (const w of WATCHED) walk(dir, w, files, sizes);
  return { dir, files, sizes };
}

export interface GitDirChange {
  /** Path relative to the common git directory. */
  path: string;
  change: 'added' | 'removed' | 'modified';
  restored: boolean;
}

/** What changed since `before`, each put back as it was where possible. */
export function restoreGitDir(before: GitDirSnapshot): GitDirChange[] {
  const now = new Map<string, Buffer | undefined>();
  const sizes = new Map<string, number>();
  for (const w of WATCHED) walk(before.dir, w, now, sizes);
  const changes: GitDirChange[] = [];
  const same = (p: string) => {
    const a = before.files.get(p);
    const b = now.get(p);
    return before.sizes.get(p) === sizes.get(p) && a !== undefined && b !== undefined && a.equals(b);
  };
  const put = (p: string): boolean => {
    const content = before.files.get(p);
    if (content === undefined) return false;
    try {
      rmSync(join(before.dir, p), { recursive: true, force: true });
      mkdirSync(dirname(join(before.dir, p)), { recursive: true });
      writeFileSync(join(before.dir, p), content);
      return true;
    } catch {
      return false;
    }
  };
  for (const p of before.files.keys()) {
    if (!now.has(p)) changes.push({ path: p, change: 'removed', restored: put(p) });
    else if (!same(p)) changes.push({ path: p, change: 'modified', restored: put(p) });
  }
  for (const p of now.keys()) {
    if (before.files.has(p)) continue;
    let restored = true;
    try {
      rmSync(join(before.dir, p), { recursive: true, force: true });
    } catch {
      restored = false;
    }
    changes.push({ path: p, change: 'added', restored });
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** How a change is named in a report: `.git/hooks/pre-commit`. */
export function shownGitPath(root: string, snapshot: GitDirSnapshot, p: string): string {
  const rel = relative(root, join(snapshot.dir, p));
  return rel.startsWith('..') ? join(snapshot.dir, p) : rel;
}
