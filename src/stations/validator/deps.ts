/**
 * `guard:deps`: the dependency folders (node_modules, .venv, venv) the checks take their tools from.
 *
 * A worktree the checks run in has the repository's own dependency folders linked in (see
 * `linkDependencies`), and a check runs the change's code as the user: a test can rewrite
 * `node_modules/<linter>/index.js` through the link. A lint check running after it would then pass code
 * it should fail, and since the folder is the repository's own, so would every later attempt and task.
 *
 * Each folder is fingerprinted before the checks run and compared once they have all ended. Hashing the
 * content is too slow for a node_modules (hundreds of MB, tens of thousands of files), so an entry is
 * fingerprinted by its `lstat` alone: kind, size, mode, inode, and mtime and ctime to the nanosecond. A
 * write in place moves mtime and ctime (putting mtime back with `utimes` still moves ctime, which no
 * process can set); a replacement (a copy renamed over the file) gives the path another inode; a rename
 * or a deletion removes a path and an addition adds one. Directories are compared by kind, mode and
 * inode only: their times move with every entry added inside them, which the walk sees anyway. Links
 * are never followed: a link is compared as itself (its target changes only by replacing it).
 *
 * Left out, because tools write there by design while they run: the cache folders directly inside a
 * node_modules (`.cache`; `.vite`, where vitest keeps its results; `.vitest`; `.tmp`, where Vite's
 * templates keep `tsc -b`'s build info), and files Python adds under `__pycache__` (a venv installed
 * without bytecode); a `__pycache__` file that was there and changed still counts.
 *
 * The tampering outlives the validation, so the entries found changed are also written down (in the
 * main checkout's `.guardian/validator/deps-tainted.json`): the next validation fails too while they are
 * still exactly as the checks left them, and forgets them once they have changed again (reinstalled).
 */
import { lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { commonGitDir } from '../../git/gitdir.js';
import { dependencyFoldersIn, type DependencyFolder } from '../../git/worktree.js';
import { writeFileAtomic } from '../../util/fs.js';
import type { CheckResult } from './types.js';

/** The walk stops after this many entries (all folders together); the rest is not watched. */
export const MAX_DEPENDENCY_ENTRIES = 300_000;

/** Folders directly inside a node_modules that tools write caches into while they run. */
const NODE_CACHE_DIRS = new Set(['.cache', '.vite', '.vitest', '.tmp']);

/** At most this many changed entries are written down for the next validation. */
const MAX_TAINTED = 1000;

interface FolderPrint {
  folder: DependencyFolder;
  /** Path relative to the folder (posix, '' for the folder itself) → fingerprint. */
  entries: Map<string, string>;
  /** The walk stopped inside (or before) this folder: entries after `last`, in walk order, are unknown. */
  capped: boolean;
  last?: string;
}

export interface DependencyFingerprint {
  folders: FolderPrint[];
  /** Entries fingerprinted, all folders together. */
  count: number;
  capped: boolean;
  maxEntries: number;
  durationMs: number;
}

export interface DependencyChange {
  /** As a check sees it: `node_modules/mylint/index.js`. */
  path: string;
  /** The entry's real path. */
  real: string;
  change: 'added' | 'removed' | 'modified';
  /** Its fingerprint now (null: gone). */
  sig: string | null;
}

/** The dependency folders of these trees, each real folder once (a linked one is the repository's). */
export function dependencyFolders(trees: string[]): DependencyFolder[] {
  const seen = new Set<string>();
  const out: DependencyFolder[] = [];
  for (const tree of trees) {
    for (const f of dependencyFoldersIn(tree)) {
      if (seen.has(f.real)) continue;
      seen.add(f.real);
      out.push(f);
    }
  }
  return out;
}

/** An entry's fingerprint from its lstat; null when it does not exist. */
export function entrySig(path: string): string | null {
  let st;
  try {
    st = lstatSync(path, { bigint: true });
  } catch {
    return null;
  }
  if (st.isDirectory()) return `d:${st.mode}:${st.ino}`;
  const kind = st.isFile() ? 'f' : st.isSymbolicLink() ? 'l' : 'o';
  return `${kind}:${st.size}:${st.mode}:${st.ino}:${st.mtimeNs}:${st.ctimeNs}`;
}

/** Depth-first, names in sorted order: the order the walk visits paths in (what a cap cuts). */
function walkOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * Visits every entry of the folder (itself as '') depth-first in sorted order, up to the budget; returns
 * whether the budget ran out, and the last path visited.
 */
function walk(
  folder: DependencyFolder,
  budget: { left: number },
  visit: (rel: string, sig: string) => void,
): { capped: boolean; last?: string } {
  let last: string | undefined;
  const stack: string[] = [''];
  while (stack.length) {
    if (budget.left <= 0) return { capped: true, ...(last !== undefined ? { last } : {}) };
    const rel = stack.pop()!;
    const abs = rel ? join(folder.real, rel) : folder.real;
    const sig = entrySig(abs);
    if (sig === null) continue; // gone while walking: the other walk sees it missing
    budget.left--;
    last = rel;
    if (!sig.startsWith('d:')) {
      visit(rel, sig);
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(abs);
    } catch {
      visit(rel, `${sig}:unreadable`);
      continue;
    }
    visit(rel, sig);
    const inNodeModules = basename(abs) === 'node_modules';
    names.sort();
    for (let i = names.length - 1; i >= 0; i--) {
      const name = names[i]!;
      if (inNodeModules && NODE_CACHE_DIRS.has(name)) continue;
      stack.push(rel ? `${rel}/${name}` : name);
    }
  }
  return { capped: false };
}

/** Fingerprints every entry of the folders (up to `maxEntries` in all). */
export function fingerprintDependencies(
  folders: DependencyFolder[],
  maxEntries = MAX_DEPENDENCY_ENTRIES,
): DependencyFingerprint {
  const started = performance.now();
  const budget = { left: maxEntries };
  const prints = folders.map((folder): FolderPrint => {
    const entries = new Map<string, string>();
    return { folder, entries, ...walk(folder, budget, (rel, sig) => entries.set(rel, sig)) };
  });
  return {
    folders: prints,
    count: maxEntries - budget.left,
    capped: prints.some((p) => p.capped),
    maxEntries,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * What changed in the folders since `before`, sorted by path. Walks them again, comparing as it goes
 * (so only one fingerprint is held in memory); `before` is used up.
 */
export function compareDependencies(before: DependencyFingerprint): DependencyChange[] {
  const changes: DependencyChange[] = [];
  const budget = { left: before.maxEntries };
  for (const b of before.folders) {
    const shown = (rel: string) => (rel ? `${b.folder.name}/${rel}` : b.folder.name);
    const real = (rel: string) => (rel ? join(b.folder.real, rel) : b.folder.real);
    const { capped } = walk(b.folder, budget, (rel, sig) => {
      const was = b.entries.get(rel);
      if (was !== undefined) {
        b.entries.delete(rel);
        if (was !== sig) changes.push({ path: shown(rel), real: real(rel), change: 'modified', sig });
        return;
      }
      // Past what the first walk watched: not known to be new.
      if (b.capped && (b.last === undefined || walkOrder(rel, b.last) > 0)) return;
      if (rel.split('/').includes('__pycache__')) return;
      changes.push({ path: shown(rel), real: real(rel), change: 'added', sig });
    });
    // Not seen this time: gone, or past this walk's cap (entries were added before it), looked at one by one.
    for (const [rel, was] of b.entries) {
      const now = capped ? entrySig(real(rel)) : null;
      if (now === null) changes.push({ path: shown(rel), real: real(rel), change: 'removed', sig: null });
      else if (now !== was) changes.push({ path: shown(rel), real: real(rel), change: 'modified', sig: now });
    }
    b.entries.clear();
  }
  changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  return changes;
}

// --- What the next validation is told --------------------------------------------------------------

/** Entries a validation found changed, as its checks left them. */
export interface DependencyTaint {
  taskId: string;
  /** ISO time of that validation. */
  at: string;
  entries: DependencyChange[];
  /** Who changed them: a validation's checks (the default), or the Coder's own test runs. */
  by?: 'checks' | 'coder';
}

/**
 * Where the changed entries are written down: the main checkout's `.guardian/validator/` (a task run in
 * a worktree of `guardian milestone` shares it), next to the dependency folders the worktrees link.
 */
export function taintPath(root: string): string {
  let main = root;
  try {
    const common = commonGitDir(root);
    if (basename(common) === '.git') main = dirname(common);
  } catch {
    // not a repository git can read: the root's own
  }
  return join(main, '.guardian', 'validator', 'deps-tainted.json');
}

function isChange(e: unknown): e is DependencyChange {
  const c = e as DependencyChange;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.path === 'string' &&
    typeof c.real === 'string' &&
    (c.change === 'added' || c.change === 'removed' || c.change === 'modified') &&
    (c.sig === null || typeof c.sig === 'string')
  );
}

/**
 * The entries an earlier validation found changed that are still exactly as its checks left them
 * (undefined: none). Once none is (they were reinstalled), the record is removed.
 */
export function readTaint(root: string): DependencyTaint | undefined {
  const p = taintPath(root);
  let doc: Partial<DependencyTaint>;
  try {
    doc = JSON.parse(readFileSync(p, 'utf8')) as Partial<DependencyTaint>;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') rmSync(p, { force: true });
    return undefined;
  }
  const entries = Array.isArray(doc.entries) ? doc.entries.filter(isChange) : [];
  const still = entries.filter((e) => entrySig(e.real) === e.sig);
  if (still.length === 0) {
    rmSync(p, { force: true });
    return undefined;
  }
  return {
    taskId: typeof doc.taskId === 'string' ? doc.taskId : 'an earlier task',
    at: typeof doc.at === 'string' ? doc.at : 'an earlier validation',
    entries: still,
    ...(doc.by === 'coder' ? { by: 'coder' as const } : {}),
  };
}

/** Writes down the entries the checks changed (with those still changed from before). */
export function writeTaint(
  root: string,
  taskId: string,
  at: string,
  changes: DependencyChange[],
  earlier?: DependencyTaint,
  by: 'checks' | 'coder' = 'checks',
): void {
  const byReal = new Map<string, DependencyChange>();
  for (const c of [...(earlier?.entries ?? []), ...changes]) byReal.set(c.real, c);
  const entries = [...byReal.values()].slice(0, MAX_TAINTED);
  writeFileAtomic(
    taintPath(root),
    JSON.stringify({ schemaVersion: 1, taskId, at, by, entries }, null, 2) + '\n',
  );
}

// --- The check ---------------------------------------------------------------------------------------

/** Entries named one by one in the output (the one diagnostic names 5). */
const SHOWN_IN_OUTPUT = 20;
const SHOWN_IN_DIAGNOSTIC = 5;

function reinstallHint(changes: DependencyChange[]): string {
  const names = new Set(changes.map((c) => c.path.split('/')[0]!));
  const hints: string[] = [];
  if (names.has('node_modules')) hints.push('`npm ci` or your package manager’s clean install');
  if (names.has('.venv') || names.has('venv')) hints.push('recreate the virtual environment');
  return hints.length ? ` (${hints.join('; ')})` : '';
}

function listed(changes: DependencyChange[], max: number): string[] {
  const lines = changes.slice(0, max).map((c) => `  ${c.change} ${c.path}`);
  if (changes.length > max) lines.push(`  … and ${changes.length - max} more`);
  return lines;
}

/**
 * The failing `guard:deps` check: entries the checks changed (`during`), and those an earlier
 * validation found changed that nobody reinstalled since (`still`). Undefined when both are empty.
 */
export function depsCheck(opts: {
  during: DependencyChange[];
  still?: DependencyTaint;
  /** Set when the walk stopped at its cap. */
  cappedAt?: number;
}): CheckResult | undefined {
  const { during } = opts;
  const still = opts.still?.entries.filter((e) => !during.some((d) => d.real === e.real)) ?? [];
  if (during.length === 0 && still.length === 0) return undefined;
  const all = [...during, ...still];
  const hint = reinstallHint(all);
  const lines: string[] = [];
  if (during.length) {
    lines.push(
      `the dependencies were modified during the checks: ${during.length} entr${during.length === 1 ? 'y' : 'ies'}:`,
      ...listed(during, SHOWN_IN_OUTPUT),
    );
  }
  if (still.length) {
    lines.push(
      `the dependencies are still as ${opts.still!.by === 'coder' ? `the Coder's test runs for ${opts.still!.taskId}` : `the checks of ${opts.still!.taskId}'s validation`} (${opts.still!.at}) left them when they modified them: ${still.length} entr${still.length === 1 ? 'y' : 'ies'}:`,
      ...listed(still, SHOWN_IN_OUTPUT),
    );
  }
  lines.push(
    `The checks take their tools from these folders (linked into every worktree): a check that wrote there (most likely the change's own tests) may have changed what the checks after it reported, and every later validation until they are reinstalled. Reinstall them${hint} before validating again. A command that writes there by design belongs in \`[setup] commands\`, which run before the folders are watched.`,
  );
  if (opts.cappedAt !== undefined) {
    lines.push(
      `note: the dependency folders hold more than ${opts.cappedAt} entries; only the first ${opts.cappedAt} (in path order) were watched`,
    );
  }
  const named = all
    .slice(0, SHOWN_IN_DIAGNOSTIC)
    .map((c) => c.path)
    .join(', ');
  const more = all.length > SHOWN_IN_DIAGNOSTIC ? `, +${all.length - SHOWN_IN_DIAGNOSTIC} more` : '';
  const what = during.length
    ? 'the dependencies were modified during the checks'
    : `the dependencies are still modified since ${opts.still!.taskId}'s validation`;
  return {
    name: 'guard:deps',
    kind: 'guard',
    description:
      'the checks leave the dependency folders they take their tools from (node_modules, .venv) as they found them',
    exitCode: null,
    durationMs: 0,
    outcome: 'fail',
    outputTail: lines.join('\n'),
    diagnostics: [
      {
        file: all[0]!.path,
        line: 1,
        message: `${what} (${named}${more}; ${all.length} in all): they must be reinstalled${hint} before validating again`,
        tool: 'guard',
      },
    ],
  };
}
