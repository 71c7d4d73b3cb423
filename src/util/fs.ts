import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { ConfigurationError } from '../errors.js';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Write a file atomically (temp file + rename) so a reader never sees half a file. */
export function writeFileAtomic(path: string, data: string | Buffer): void {
  ensureDir(dirname(path));
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST') {
      const blocked = findBlocker(guessRoot(path), path, 'file');
      if (blocked) throw new ConfigurationError(blockerMessage(blocked), { cause: e });
    }
    throw e;
  }
}

/** Something in the way of a path Guardian needs: `path` (relative to the root) is `is`, not `expected`. */
export interface Blocker {
  path: string;
  is: string;
  expected: 'a file' | 'a directory';
}

/**
 * What stands in the way of creating `path` (absolute, or relative to `root`) as a file or directory:
 * a file where a directory is needed anywhere along the path, a directory where the file should be, or
 * a broken symbolic link. Only the part below `root` is looked at; nothing is created.
 */
export function findBlocker(root: string, path: string, want: 'file' | 'dir'): Blocker | undefined {
  const rel = isAbsolute(path) ? relative(root, path) : path;
  const parts = rel.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  let abs = root;
  for (let i = 0; i < parts.length; i++) {
    abs = join(abs, parts[i]!);
    const shown = toPosix(isAbsolute(rel) || rel.startsWith('..') ? abs : relative(root, abs));
    const last = i === parts.length - 1;
    let st;
    try {
      st = statSync(abs, { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    if (!st) {
      if (lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink()) {
        return {
          path: shown,
          is: 'a broken symbolic link',
          expected: last && want === 'file' ? 'a file' : 'a directory',
        };
      }
      return undefined; // nothing there yet: the rest of the path is created
    }
    if (last && want === 'file') {
      return st.isDirectory() ? { path: shown, is: 'a directory', expected: 'a file' } : undefined;
    }
    if (!st.isDirectory()) return { path: shown, is: 'a file', expected: 'a directory' };
  }
  return undefined;
}

/** The nearest existing directory at or above `path` when Guardian may not write there, else undefined. */
export function unwritableAncestor(root: string, path: string): string | undefined {
  let abs = isAbsolute(path) ? path : join(root, path);
  while (statSync(abs, { throwIfNoEntry: false }) === undefined && dirname(abs) !== abs) abs = dirname(abs);
  try {
    accessSync(abs, constants.W_OK);
    return undefined;
  } catch {
    const rel = relative(root, abs);
    return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? abs : toPosix(rel);
  }
}

const GUARDIAN_STATE = 'Guardian keeps its bundles, index and ledger in a .guardian/ directory';

export function blockerMessage(b: Blocker): string {
  const why =
    b.path === '.guardian'
      ? GUARDIAN_STATE
      : b.path.startsWith('.guardian/')
        ? `${b.expected} is expected there (${GUARDIAN_STATE})`
        : `${b.expected} is expected there`;
  return `${b.path} is ${b.is}; ${why} — remove or rename it`;
}

/** The repository a `.guardian/...` path belongs to (the folder holding `.guardian`), else the path's own folder. */
function guessRoot(path: string): string {
  const parts = path.split(sep);
  const i = parts.lastIndexOf('.guardian');
  return i > 0 ? parts.slice(0, i).join(sep) || sep : dirname(path);
}

/**
 * Guardian's state stays inside the repository: a `.guardian` (or a folder below it) that is a symbolic
 * link — committed on a branch, say — would have bundles, the index and the ledger written wherever it
 * points, and a bundle read from wherever it points (one Guardian never wrote). Such a link is refused,
 * naming it and its target.
 */
export function refuseLinkedState(path: string): void {
  const parts = path.split(sep);
  const i = parts.lastIndexOf('.guardian');
  if (i <= 0) return;
  for (let j = i; j < parts.length; j++) {
    const p = parts.slice(0, j + 1).join(sep);
    let st;
    try {
      st = lstatSync(p);
    } catch {
      return; // not there yet: created as a directory below
    }
    if (st.isSymbolicLink()) {
      let target = '';
      try {
        target = readlinkSync(p);
      } catch {
        // gone meanwhile
      }
      throw new ConfigurationError(
        `${toPosix(parts.slice(i, j + 1).join(sep))} is a symbolic link (to ${JSON.stringify(target)}); ${GUARDIAN_STATE} inside the repository, not behind a link — remove the link`,
      );
    }
  }
}

/** Fails the way `ensureDir` would when something blocks `path` as a directory, but creates nothing. */
export function assertCanBeDir(path: string, root: string): void {
  const blocked = findBlocker(root, path, 'dir');
  if (blocked) throw new ConfigurationError(blockerMessage(blocked));
}

const BLOCKED_CODES = new Set(['ENOTDIR', 'EEXIST', 'EISDIR', 'EACCES', 'EPERM', 'EROFS']);

/**
 * `mkdir -p` for the directories Guardian keeps its state in (`.guardian/...`). A file (or a broken
 * link) in the way, or a directory Guardian may not write to, is the user's to fix: it becomes a
 * ConfigurationError naming the blocking path relative to `root` (default: the folder holding
 * `.guardian`).
 */
export function ensureDir(path: string, root: string = guessRoot(path)): void {
  refuseLinkedState(path);
  try {
    mkdirSync(path, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!code || !BLOCKED_CODES.has(code)) throw e;
    const blocked = findBlocker(root, path, 'dir');
    if (blocked) throw new ConfigurationError(blockerMessage(blocked), { cause: e });
    const denied = unwritableAncestor(root, path);
    if (denied) {
      const rel = toPosix(relative(root, path));
      throw new ConfigurationError(
        `cannot create ${rel.startsWith('..') ? path : rel}: ${denied} is not writable (${code})`,
        { cause: e },
      );
    }
    throw e;
  }
}

/** Posix-style repository-relative path, or an explanation of why it is not one. */
export function checkRepoRelativePath(p: string): string | undefined {
  if (p.trim() === '') return 'an empty path';
  if (p.includes('\0')) return 'a path containing a NUL byte';
  if (isAbsolute(p) || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\')) return 'an absolute path';
  const parts = p.split(/[\\/]+/);
  if (parts.includes('..')) return "a path that leaves the repository ('..')";
  return undefined;
}

export function toPosix(p: string): string {
  return normalize(p).split(sep).join('/');
}

/** What stands at a path instead of a regular file, as a message names it. */
export type NotRegularFile =
  | 'a symbolic link (not followed)'
  | 'a directory'
  | 'a FIFO (not a regular file)'
  | 'a device (not a regular file)'
  | 'a socket (not a regular file)'
  | 'not a regular file';

/**
 * Opens `path` only when it is a regular file: a symbolic link is not followed, and a FIFO is not
 * waited on (`O_NONBLOCK`: opening one with no writer would block for good, and reading it would never
 * end). Returns the open descriptor with its stats; `absent` when nothing is there (unless `flags`
 * create the file); else what is there instead, the descriptor closed. Other errors are thrown.
 */
export function openRegularFile(
  path: string,
  flags: number,
  mode?: number,
): { fd: number; st: Stats } | { absent: true } | { not: NotRegularFile } {
  let fd: number;
  try {
    fd = openSync(path, flags | constants.O_NOFOLLOW | constants.O_NONBLOCK, mode);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !(flags & constants.O_CREAT)) return { absent: true };
    if (code === 'ELOOP') return { not: 'a symbolic link (not followed)' };
    if (code === 'EISDIR') return { not: 'a directory' };
    if (code === 'ENXIO') return { not: 'a socket (not a regular file)' };
    throw e;
  }
  let st: Stats;
  try {
    st = fstatSync(fd);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  if (st.isFile()) return { fd, st };
  closeSync(fd);
  return {
    not: st.isDirectory()
      ? 'a directory'
      : st.isFIFO()
        ? 'a FIFO (not a regular file)'
        : st.isCharacterDevice() || st.isBlockDevice()
          ? 'a device (not a regular file)'
          : 'not a regular file',
  };
}
