/**
 * The repository's own git settings, watched while checks run. A check runs code the change wrote, as
 * the user, next to a linked worktree whose `git rev-parse --git-common-dir` names the real `.git`: it
 * could plant a hook, or a `core.sshCommand`, `credential.helper` or `url.*.insteadOf` that a later git
 * command (Completion's push, the user's next commit) would run. Whatever a check changed there is put
 * back as it was, and the verdict fails naming it.
 */
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { execGit } from './git.js';

/** Paths under the common git directory whose content decides what git runs and reads. */
const WATCHED = ['config', 'config.worktree', 'hooks', 'info', 'objects/info/alternates'];
/** A file larger than this is compared by size and time only (it is not restored, only reported). */
const MAX_KEPT_BYTES = 4 * 1024 * 1024;

/** One watched entry: its content when it can be put back, and what tells a change apart. */
interface Entry {
  content?: Buffer;
  /** Permission bits of a kept file (a hook must stay executable); a link's target. */
  mode?: number;
  link?: string;
  /** Kind, size and time, or a link's target: compared when there is no content. */
  sig: string;
}

export interface GitDirSnapshot {
  dir: string;
  /** Path relative to `dir` → entry. */
  files: Map<string, Entry>;
}

export function commonGitDir(root: string): string {
  const out = execGit(['rev-parse', '--git-common-dir'], { cwd: root }).stdout.trim();
  return isAbsolute(out) ? out : join(root, out);
}

function walk(dir: string, rel: string, out: Map<string, Entry>): void {
  let st;
  try {
    st = lstatSync(join(dir, rel));
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const name of readdirSync(join(dir, rel)).sort()) walk(dir, join(rel, name), out);
  } else if (st.isSymbolicLink()) {
    // A link's target is what it says, not followed.
    const link = readlinkSync(join(dir, rel));
    out.set(rel, { link, sig: `link:${link}` });
  } else if (st.isFile() && st.size <= MAX_KEPT_BYTES) {
    out.set(rel, {
      content: readFileSync(join(dir, rel)),
      mode: st.mode & 0o7777,
      sig: `file:${st.mode & 0o7777}`,
    });
  } else {
    out.set(rel, { sig: `${st.isFile() ? 'file' : 'special'}:${st.size}:${st.mtimeMs}` });
  }
}

function snapshotOf(dir: string): GitDirSnapshot {
  const files = new Map<string, Entry>();
  for (const w of WATCHED) walk(dir, w, files);
  return { dir, files };
}

export function snapshotGitDir(root: string): GitDirSnapshot {
  return snapshotOf(commonGitDir(root));
}

export interface GitDirChange {
  /** Path relative to the common git directory. */
  path: string;
  change: 'added' | 'removed' | 'modified';
  restored: boolean;
}

/** What changed since `before`, each put back as it was where possible. */
export function restoreGitDir(before: GitDirSnapshot): GitDirChange[] {
  const now = snapshotOf(before.dir).files;
  const changes: GitDirChange[] = [];
  const same = (p: string) => {
    const a = before.files.get(p)!;
    const b = now.get(p)!;
    return (
      a.sig === b.sig && (a.content && b.content ? a.content.equals(b.content) : !a.content && !b.content)
    );
  };
  const put = (p: string): boolean => {
    const e = before.files.get(p)!;
    if (e.content === undefined && e.link === undefined) return false;
    const abs = join(before.dir, p);
    try {
      rmSync(abs, { recursive: true, force: true });
      mkdirSync(dirname(abs), { recursive: true });
      if (e.link !== undefined) symlinkSync(e.link, abs);
      else {
        writeFileSync(abs, e.content!);
        if (e.mode !== undefined) chmodSync(abs, e.mode);
      }
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
