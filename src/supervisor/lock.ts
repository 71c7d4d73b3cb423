/**
 * One writer at a time per repository: `.guardian/run.lock`, created with O_EXCL by `guardian run` and
 * `guardian milestone`, and by the single-station commands (`bundle`, `security`, `code`, `validate`,
 * `complete`), before they write anything, and removed when they end — normally, with an error,
 * or at exit (a second Ctrl-C exits at once: the exit removes it like the other temporary paths, see
 * util/temp.ts). Two runs at once would move, rewrite and commit the same bundles and branches.
 *
 * The lock records who holds it (pid, host, start time, command). A lock whose process is gone (killed
 * hard, power loss) is taken over with a note; a live one is refused with a ConfigurationError.
 *
 * The lock is re-entrant within one async call chain: a milestone holds it and the task runs it starts
 * (in the same checkout) run under it. Two unrelated runs in one process exclude each other like two
 * processes do.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  linkSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { replaceControlChars } from '../util/chars.js';
import { blockerMessage, findBlocker, openRegularFile } from '../util/fs.js';
import type { Logger } from '../util/log.js';
import { registerTemp, releaseTemp } from '../util/temp.js';
import { ensureGuardianDir } from './ledger.js';

export const LOCK_FILE = 'run.lock';

/** What `.guardian/run.lock` holds. */
export interface LockInfo {
  pid: number;
  hostname: string;
  /** ISO time the run took the lock. */
  startedAt: string;
  /** The command holding it, e.g. `guardian run TASK-1 --resume`. */
  command: string;
  /** Random: tells this lock from a later one with the same pid. */
  token: string;
}

/** A lock file younger than this whose content does not parse is being written right now. */
const UNREADABLE_GRACE_MS = 5_000;

/** Locks held in the current async call chain (absolute lock paths). */
const chain = new AsyncLocalStorage<ReadonlySet<string>>();
/** Locks this process holds: lock path → token. */
const heldHere = new Map<string, string>();

export function lockPath(root: string): string {
  return join(root, '.guardian', LOCK_FILE);
}

function canonical(root: string): string {
  try {
    return lockPath(realpathSync(root));
  } catch {
    return lockPath(resolve(root));
  }
}

/** Control characters and bidi overrides shown as `?`: the lock's content may have been edited by hand. */
function printable(s: string, max = 120): string {
  const one = replaceControlChars(s, () => '?');
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

type Holder =
  { kind: 'info'; info: LockInfo; raw: string } | { kind: 'unreadable'; raw: string; mtimeMs: number };

function parseLock(raw: string, mtimeMs: number): Holder {
  try {
    const v = JSON.parse(raw) as Partial<LockInfo> | null;
    if (
      v &&
      typeof v === 'object' &&
      Number.isSafeInteger(v.pid) &&
      (v.pid as number) > 0 &&
      typeof v.hostname === 'string' &&
      typeof v.startedAt === 'string' &&
      typeof v.command === 'string' &&
      typeof v.token === 'string'
    ) {
      return { kind: 'info', info: v as LockInfo, raw };
    }
  } catch {
    // Falls through: unreadable.
  }
  return { kind: 'unreadable', raw, mtimeMs };
}

/** Far more than a lock record: a larger file is not one, and is not read. */
const MAX_LOCK_BYTES = 64 * 1024;

/**
 * The lock file's text and time, or undefined when the file is gone (released meanwhile). Only a regular
 * file is read: a symbolic link is not followed and a FIFO or a device (which would block or never end)
 * is refused with a ConfigurationError naming it. A file too large to be a lock record reads as a
 * marker of its size (it is no record either way).
 */
function readLockText(path: string): { raw: string; mtimeMs: number } | undefined {
  const r = openRegularFile(path, constants.O_RDONLY);
  if ('absent' in r) return undefined;
  if ('not' in r)
    throw new ConfigurationError(
      `.guardian/${LOCK_FILE} is ${r.not}; a lock file Guardian wrote is expected there — remove or rename it`,
    );
  try {
    if (r.st.size > MAX_LOCK_BYTES) return { raw: `\u0000${r.st.size} bytes`, mtimeMs: r.st.mtimeMs };
    return { raw: readFileSync(r.fd, 'utf8'), mtimeMs: r.st.mtimeMs };
  } finally {
    closeSync(r.fd);
  }
}

/** The lock's holder, or undefined when the file is gone (released meanwhile). */
function readHolder(path: string): Holder | undefined {
  const got = readLockText(path);
  return got && parseLock(got.raw, got.mtimeMs);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Why the lock is stale (its holder is gone), or undefined when it may be alive. */
function staleReason(h: Holder, now: number): string | undefined {
  if (h.kind === 'unreadable') {
    return now - h.mtimeMs > UNREADABLE_GRACE_MS ? 'its content is not a lock record' : undefined;
  }
  const { info } = h;
  // On another host the pid means nothing here: only its owner (or the user) can tell it is gone.
  if (info.hostname !== hostname()) return undefined;
  if (info.pid === process.pid) {
    // This process: held by another run in it, or left by an earlier process that had the same pid.
    return [...heldHere.values()].includes(info.token) ? undefined : `process ${info.pid} is this one`;
  }
  return pidAlive(info.pid) ? undefined : `process ${info.pid} is not running`;
}

function describeHolder(h: Holder): string {
  if (h.kind === 'unreadable') return `a lock written ${new Date(h.mtimeMs).toISOString()}`;
  const { info } = h;
  const host = info.hostname !== hostname() ? ` on ${printable(info.hostname, 60)}` : '';
  return `pid ${info.pid}${host}, started ${printable(info.startedAt, 40)}, \`${printable(info.command)}\``;
}

/**
 * Moves a stale lock out of the way — only if it is still the one judged stale: two runs taking over the
 * same stale lock at once must not remove each other's new one.
 */
function takeOver(path: string, staleRaw: string): boolean {
  const aside = `${path}.${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false; // someone else moved it
    throw e;
  }
  let raw: string | undefined;
  try {
    raw = readLockText(aside)?.raw;
  } catch {
    // Unreadable: treated as not ours to remove.
  }
  if (raw === staleRaw) {
    rmSync(aside, { force: true });
    return true;
  }
  // Another run's fresh lock was moved: put it back (unless a third one took the place meanwhile).
  try {
    linkSync(aside, path);
  } catch {
    // The place is taken again: that run holds the lock.
  }
  rmSync(aside, { force: true });
  return false;
}

function createLock(path: string, root: string, info: LockInfo): boolean {
  try {
    writeFileSync(path, JSON.stringify(info) + '\n', { flag: 'wx' });
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      // A directory (or a dangling link) there is never a lock: name it.
      const blocked = findBlocker(root, path, 'file');
      if (blocked) throw new ConfigurationError(blockerMessage(blocked), { cause: e });
      return false;
    }
    const blocked = findBlocker(root, path, 'file');
    if (blocked) throw new ConfigurationError(blockerMessage(blocked), { cause: e });
    throw e;
  }
}

/**
 * Takes `.guardian/run.lock` for `command` and runs `fn` holding it; the lock is released when `fn`
 * settles. Inside a call chain that already holds this repository's lock, `fn` just runs: `fresh` tells
 * `fn` whether the lock was taken just now (false: the caller's chain held it all along).
 */
export async function withRunLock<T>(
  rootDir: string,
  command: string,
  log: Logger,
  fn: (fresh: boolean) => Promise<T>,
): Promise<T> {
  const root = resolve(rootDir);
  const key = canonical(root);
  const held = chain.getStore();
  if (held?.has(key)) return fn(false);
  const release = acquireRunLock(root, command, log);
  try {
    return await chain.run(new Set([...(held ?? []), key]), () => fn(true));
  } finally {
    release();
  }
}

/** Takes the lock (see withRunLock) and returns its release; throws a ConfigurationError when held. */
export function acquireRunLock(rootDir: string, command: string, log: Logger): () => void {
  const root = resolve(rootDir);
  const key = canonical(root);
  ensureGuardianDir(root);
  const path = lockPath(root);
  const info: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    command,
    token: randomBytes(8).toString('hex'),
  };
  for (let tries = 0; tries < 5; tries++) {
    if (createLock(path, root, info)) {
      registerTemp(path);
      heldHere.set(key, info.token);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(key);
        releaseTemp(path);
        try {
          // Only our own lock: never one a later run took after this one's was removed by hand.
          const now = readHolder(path);
          if (now?.kind === 'info' && now.info.token === info.token) unlinkSync(path);
        } catch {
          // Gone already.
        }
      };
    }
    const holder = readHolder(path);
    if (!holder) continue; // released meanwhile: try again
    const stale = staleReason(holder, Date.now());
    if (!stale) {
      throw new ConfigurationError(
        `another guardian command (${describeHolder(holder)}) is using this repository; wait for it or remove .guardian/run.lock if it is gone`,
      );
    }
    if (takeOver(path, holder.raw)) {
      log.warn(
        `took over .guardian/run.lock from an earlier run that is gone (${describeHolder(holder)}: ${stale})`,
      );
    }
  }
  throw new ConfigurationError(
    'another guardian command keeps taking .guardian/run.lock; wait for it or remove .guardian/run.lock if it is gone',
  );
}
