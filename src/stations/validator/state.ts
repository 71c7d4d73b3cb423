/**
 * Guardian's own files that a check could reach: the Task Bundle being judged (its manifest, the patch,
 * security.json, …) and the Validator's record of neutered dependency folders. A check runs the change's
 * code, and both are a known path away from the tree it runs in (`git rev-parse --git-common-dir` leads
 * from a worktree to the main checkout). They are read before the checks run and compared after: what a
 * check changed is put back, and `guard:state` fails the verdict — a test that removes the record of the
 * linter its change neutered would otherwise let the next validation run the neutered linter.
 */
import { lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { writeFileAtomic } from '../../util/fs.js';
import type { CheckResult } from './types.js';

/** Files larger than this are compared by size and time only, and cannot be put back. */
const MAX_KEPT_BYTES = 32 * 1024 * 1024;
/** At most this many files of one folder are watched. */
const MAX_FILES = 2000;

interface Kept {
  bytes?: Buffer;
  /** Size and mtime, for a file too large to keep. */
  stamp?: string;
}

export interface StateSnapshot {
  /** Watched folders (every file under them) and single files. */
  dirs: string[];
  files: string[];
  /** Absolute path → what it held; a watched single file that did not exist is absent. */
  kept: Map<string, Kept>;
}

export interface StateChange {
  path: string;
  change: 'added' | 'removed' | 'modified';
  restored: boolean;
}

function listFiles(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (out.length >= MAX_FILES) return;
    const p = join(dir, name);
    try {
      const st = lstatSync(p);
      if (st.isDirectory()) listFiles(p, out);
      else out.push(p);
    } catch {
      // gone meanwhile
    }
  }
}

function keep(path: string): Kept | undefined {
  try {
    const st = lstatSync(path);
    if (!st.isFile()) return { stamp: `not a file: ${st.mode}` };
    if (st.size > MAX_KEPT_BYTES) return { stamp: `${st.size}:${st.mtimeMs}` };
    return { bytes: readFileSync(path) };
  } catch {
    return undefined;
  }
}

function same(a: Kept, b: Kept): boolean {
  if (a.bytes && b.bytes) return a.bytes.equals(b.bytes);
  return a.stamp !== undefined && a.stamp === b.stamp;
}

function watchedPaths(dirs: string[], files: string[]): string[] {
  const out: string[] = [];
  for (const d of dirs) {
    const inDir: string[] = [];
    listFiles(d, inDir);
    out.push(...inDir);
  }
  return [...new Set([...out, ...files])];
}

export function snapshotState(dirs: string[], files: string[]): StateSnapshot {
  const kept = new Map<string, Kept>();
  for (const p of watchedPaths(dirs, files)) {
    const k = keep(p);
    if (k) kept.set(p, k);
  }
  return { dirs, files, kept };
}

/** What changed since the snapshot, put back where it can be (a removed or rewritten file, an added one). */
export function restoreState(before: StateSnapshot): StateChange[] {
  const changes: StateChange[] = [];
  const now = new Set(watchedPaths(before.dirs, before.files));
  for (const p of new Set([...before.kept.keys(), ...now])) {
    const was = before.kept.get(p);
    const is = now.has(p) ? keep(p) : undefined;
    if (was && is && same(was, is)) continue;
    if (!was && !is) continue;
    const change = !was ? 'added' : !is ? 'removed' : 'modified';
    let restored = false;
    try {
      if (!was) {
        rmSync(p, { force: true, recursive: true });
        restored = true;
      } else if (was.bytes) {
        if (is) rmSync(p, { force: true, recursive: true });
        writeFileAtomic(p, was.bytes);
        restored = true;
      }
    } catch {
      restored = false;
    }
    changes.push({ path: p, change, restored });
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

/** `guard:state` for what the checks changed, with paths shown relative to the repository. */
export function stateCheck(root: string, changes: StateChange[]): CheckResult {
  const shown = (p: string) => {
    const rel = relative(root, p);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : p;
  };
  const line = (c: StateChange) =>
    `${shown(c.path)} ${c.change}${c.restored ? ', put back' : ', NOT put back: check it'}`;
  return {
    name: 'guard:state',
    kind: 'guard',
    description: "the checks leave the Task Bundle and the Validator's own records as they found them",
    exitCode: null,
    durationMs: 0,
    outcome: 'fail',
    outputTail: `the checks changed Guardian's own files, which later stations and validations trust:\n${changes.map(line).join('\n')}`,
    diagnostics: changes.map((c) => ({
      file: shown(c.path),
      line: 1,
      message: `${c.change} by a check during validation${c.restored ? ' (put back)' : ''}`,
      tool: 'guard',
    })),
  };
}
