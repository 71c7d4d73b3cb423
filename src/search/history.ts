/**
 * The repository's own history before the base commit: which files each past commit touched and what
 * its message said. Messages are strong evidence of what a file is about, and files that changed
 * together tend to change together again. Only ancestors of HEAD are read, so a task's own change (not
 * committed yet, or the child of the base in a benchmark) is never visible.
 */
import MiniSearch from 'minisearch';
import { execGit, execGitAsync } from '../git/git.js';
import { tokenize } from './text.js';

export interface PastCommit {
  /** Abbreviated sha. */
  h: string;
  /** Message (subject + body), truncated. */
  m: string;
  /** Paths touched. */
  f: string[];
}

export interface History {
  head: string;
  commits: PastCommit[];
}

export const HISTORY_VERSION = 3;
/** Long bodies are mostly templates and changelogs: the first few lines carry the meaning. */
const MAX_MESSAGE = 400;

function parseLog(out: string): PastCommit[] {
  const commits: PastCommit[] = [];
  for (const rec of out.split('\x1e')) {
    if (!rec.trim()) continue;
    const parts = rec.split('\x1f');
    if (parts.length < 3) continue;
    const h = parts[0]!.trim();
    const m = parts[1]!.trim().slice(0, MAX_MESSAGE);
    const f = parts[2]!
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    commits.push({ h, m, f });
  }
  return commits;
}

function logArgs(range: string, depth: number): string[] {
  return [
    '-c',
    'core.quotepath=off',
    'log',
    '--no-merges',
    '--no-renames',
    '--relative',
    `-n${depth}`,
    '--format=%x1e%h%x1f%B%x1f',
    '--name-only',
    range,
    '--',
  ];
}

/** HEAD's sha, or undefined in a repository without commits. */
export function headSha(root: string): string | undefined {
  const r = execGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: root, allowFailure: true });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/**
 * History up to `head` (inclusive), at most `depth` commits, reusing a cached history when `head`
 * descends from the cached head (only the new commits are read).
 */
export async function loadHistory(
  root: string,
  head: string,
  depth: number,
  cached: History | undefined,
): Promise<{ history: History; reused: boolean }> {
  if (cached && cached.head === head) return { history: cached, reused: true };
  if (cached) {
    const anc = await execGitAsync(['merge-base', '--is-ancestor', cached.head, head], {
      cwd: root,
      allowFailure: true,
    });
    if (anc.code === 0) {
      const r = await execGitAsync(logArgs(`${cached.head}..${head}`, depth), {
        cwd: root,
        allowFailure: true,
      });
      if (r.code === 0) {
        const fresh = parseLog(r.stdout);
        return { history: { head, commits: [...fresh, ...cached.commits].slice(0, depth) }, reused: true };
      }
    }
  }
  const r = await execGitAsync(logArgs(head, depth), { cwd: root, allowFailure: true });
  return { history: { head, commits: r.code === 0 ? parseLog(r.stdout) : [] }, reused: false };
}

/** Commits touching more files than this are bulk changes (formatting, renames): no evidence. */
export const MAX_COMMIT_FILES = 40;

export function commitIndexOptions() {
  return {
    fields: ['m'],
    idField: 'i',
    autoVacuum: false,
    tokenize: (t: string) => tokenize(t),
    processTerm: (t: string) => t,
    searchOptions: { prefix: false, fuzzy: false, combineWith: 'OR' as const },
  };
}

/** A lexical index over past commit messages; document ids are positions in `history.commits`. */
export function buildCommitIndex(history: History): MiniSearch {
  const ms = new MiniSearch(commitIndexOptions());
  const docs: { i: number; m: string }[] = [];
  history.commits.forEach((c, i) => {
    if (c.f.length > 0 && c.f.length <= MAX_COMMIT_FILES) docs.push({ i, m: c.m });
  });
  ms.addAll(docs);
  return ms;
}
