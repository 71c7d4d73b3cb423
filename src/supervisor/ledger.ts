/**
 * The run ledger: `.guardian/runs.jsonl`, one JSON object per line, append-only and git-ignored.
 *
 * Every task run appends a `start` entry before its first station and an `end` entry when it stops —
 * done, failed, blocked, interrupted (Ctrl-C) or paused (`--until`, or waiting for a change made by
 * hand). A run killed hard (SIGKILL, power loss) leaves only its `start` entry, which `guardian status`
 * shows as an unfinished run. Lines are written with one `appendFileSync` call each, so a reader never
 * sees half an entry from this process; a torn last line (a crash mid-write) is skipped when reading.
 *
 * The ledger is read and written only when it is a regular file: a symbolic link is not followed (a
 * repository could ship `.guardian/runs.jsonl` pointing at a file of yours), and a FIFO or a device is
 * refused instead of blocking `guardian status` and `guardian run` for good. It is read in chunks, so a
 * ledger larger than the longest string V8 can make is still read; a line longer than any entry Guardian
 * writes is skipped with a note.
 */
import { closeSync, constants, existsSync, fstatSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { ConfigurationError } from '../errors.js';
import { dirname, join } from 'node:path';
import { STATIONS, type StationName, type Usage } from '../bundle/bundle.js';
import { TASK_STATUSES, type TaskStatus } from '../spec/types.js';
import { escapeControlChars } from '../util/chars.js';
import { blockerMessage, ensureDir, findBlocker, openRegularFile, refuseLinkedState } from '../util/fs.js';

export const LEDGER_SCHEMA_VERSION = 1;
export const LEDGER_FILE = 'runs.jsonl';

/**
 * How a run ended, finer than the lifecycle status:
 * - committed: Completion committed the change (status done);
 * - already_done: the blueprint says done, nothing ran (status done);
 * - validated: `--dry-run` (or `--until validate/complete` without commit) passed everything it ran;
 * - failed: a station failed or the Validator's verdict is fail after every attempt (status failed);
 * - blocked: a dependency is not done (status blocked);
 * - interrupted: Ctrl-C; `--resume` continues (status in_progress);
 * - paused: stopped on purpose — `--until`, or no model is configured and the change is to be made by
 *   hand (status in_progress);
 * - running: the `start` entry.
 */
export type RunOutcome =
  'running' | 'committed' | 'already_done' | 'validated' | 'failed' | 'blocked' | 'interrupted' | 'paused';

export interface LedgerStation {
  station: StationName;
  status: 'ok' | 'failed' | 'skipped' | 'interrupted';
  durationMs: number;
  attempt?: number;
  verdict?: 'pass' | 'fail';
  note?: string;
  usage?: Usage;
}

export interface LedgerEntry {
  schemaVersion: typeof LEDGER_SCHEMA_VERSION;
  /** Unique per task run; the `start` and `end` entries of one run share it. */
  runId: string;
  event: 'start' | 'end';
  taskId: string;
  /** Set when the run is part of `guardian milestone`. */
  milestone?: string;
  milestoneRunId?: string;
  /** The task's lifecycle status after this entry. */
  status: TaskStatus;
  outcome: RunOutcome;
  /** ISO time of this entry. */
  at: string;
  startedAt: string;
  durationMs?: number;
  resumed: boolean;
  dryRun: boolean;
  baseCommit?: string;
  stations?: LedgerStation[];
  attempts?: number;
  verdict?: 'pass' | 'fail';
  /** The commit Completion made. */
  commit?: string;
  branch?: string;
  pushedTo?: string;
  usage?: Usage;
  /** One line: why it failed, where it paused, what to do next. */
  message?: string;
}

export function ledgerPath(root: string): string {
  return join(root, '.guardian', LEDGER_FILE);
}

/**
 * Makes sure `.guardian/` is git-ignored even in a repository whose .gitignore does not mention it: a
 * `.guardian/.gitignore` containing `*` ignores the folder's whole content (itself included).
 */
export function ensureGuardianDir(root: string): string {
  const dir = join(root, '.guardian');
  ensureDir(dir, root);
  const ignore = join(dir, '.gitignore');
  if (!existsSync(ignore)) {
    try {
      // `wx`: never through a symbolic link left there (a dangling one would create its target).
      writeFileSync(ignore, "# Guardian's local state: bundles, ledger, caches.\n*\n", { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return dir;
}

/** The ledger's place must hold a file (or nothing yet): a directory or a broken link there is named. */
function checkLedgerPlace(root: string): void {
  const blocked = findBlocker(root, ledgerPath(root), 'file');
  if (blocked) throw new ConfigurationError(blockerMessage(blocked));
}

/**
 * Opens the ledger without following a symbolic link and without waiting on a FIFO; anything but a
 * regular file there is a ConfigurationError naming it. Undefined when there is no ledger (and `flags`
 * do not create one).
 */
function openLedger(root: string, flags: number): number | undefined {
  // Never a ledger behind a linked .guardian (read or written): the runs of this repository only.
  refuseLinkedState(dirname(ledgerPath(root)));
  // A directory or a broken link there is named as everywhere else in .guardian/.
  checkLedgerPlace(root);
  const r = openRegularFile(ledgerPath(root), flags, 0o666);
  if ('absent' in r) return undefined;
  if ('not' in r)
    throw new ConfigurationError(
      `.guardian/${LEDGER_FILE} is ${r.not}; Guardian's run ledger must be a regular file — remove or rename it`,
    );
  return r.fd;
}

export function appendLedger(root: string, entry: LedgerEntry): void {
  ensureGuardianDir(root);
  checkLedgerPlace(root);
  const fd = openLedger(root, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT)!;
  try {
    // After a write cut short (no line break at the end), the entry starts a line of its own instead of
    // being glued to the torn one and lost with it.
    writeSync(fd, (endsTorn(fd) ? '\n' : '') + JSON.stringify(entry) + '\n');
  } finally {
    closeSync(fd);
  }
}

function endsTorn(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

/** Far longer than any entry Guardian writes: a longer line is not one of them, and is skipped unread. */
export const MAX_LEDGER_LINE_BYTES = 1 << 20;
const CHUNK_BYTES = 1 << 20;

/**
 * Calls `onLine(line, lineNumber)` for each line of the open file, read in chunks; a line longer than
 * MAX_LEDGER_LINE_BYTES is passed as undefined (not kept in memory).
 */
function eachLine(fd: number, onLine: (line: string | undefined, n: number) => void): void {
  const buf = Buffer.alloc(CHUNK_BYTES);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let n = 0;
  const end = () => {
    n++;
    onLine(tooLong ? undefined : Buffer.concat(pending, pendingBytes).toString('utf8'), n);
    pending = [];
    pendingBytes = 0;
    tooLong = false;
  };
  const add = (part: Buffer) => {
    if (tooLong || part.length === 0) return;
    if (pendingBytes + part.length > MAX_LEDGER_LINE_BYTES) {
      tooLong = true;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(Buffer.from(part));
    pendingBytes += part.length;
  };
  for (;;) {
    const got = readSync(fd, buf, 0, buf.length, null);
    if (got === 0) break;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(0x0a, start);
      if (nl === -1 || nl >= got) break;
      add(buf.subarray(start, nl));
      end();
      start = nl + 1;
    }
    add(buf.subarray(start, got));
  }
  if (pendingBytes > 0 || tooLong) end();
}

/** At most this many skipped lines are named one by one; the rest are counted. */
const MAX_LINE_NOTES = 20;

/**
 * Every well-formed entry, oldest first. A line that does not parse (a torn write) is skipped; so is a
 * line with a field of the wrong type (a hand edit): `guardian status` must not trust what it did not
 * write. Each skipped line is named in `notes` (when given), as `.guardian/runs.jsonl:<line>`.
 */
export function readLedger(root: string, notes?: string[]): LedgerEntry[] {
  const fd = openLedger(root, constants.O_RDONLY);
  if (fd === undefined) return [];
  const out: LedgerEntry[] = [];
  let skipped = 0;
  const skip = (n: number, why: string) => {
    skipped++;
    if (notes && skipped <= MAX_LINE_NOTES) notes.push(`.guardian/${LEDGER_FILE}:${n} skipped: ${why}`);
  };
  try {
    eachLine(fd, (line, n) => {
      if (line === undefined) {
        skip(n, `longer than ${MAX_LEDGER_LINE_BYTES} bytes (not an entry Guardian wrote)`);
        return;
      }
      if (!line.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        // A torn line from a crash mid-write: the rest of the ledger is still good.
        skip(n, 'not a JSON line (a write cut short?)');
        return;
      }
      const problem = entryProblem(value);
      if (problem) skip(n, problem);
      else out.push(value as LedgerEntry);
    });
  } finally {
    closeSync(fd);
  }
  if (notes && skipped > MAX_LINE_NOTES) {
    notes.push(`.guardian/${LEDGER_FILE}: ${skipped - MAX_LINE_NOTES} more line(s) skipped`);
  }
  return out;
}

const RUN_OUTCOMES: readonly RunOutcome[] = [
  'running',
  'committed',
  'already_done',
  'validated',
  'failed',
  'blocked',
  'interrupted',
  'paused',
];
const STATION_STATUSES: readonly LedgerStation['status'][] = ['ok', 'failed', 'skipped', 'interrupted'];
const USAGE_KEYS: readonly (keyof Usage)[] = ['promptTokens', 'completionTokens', 'cachedTokens', 'costUsd'];

/** A value as a short, printable JSON excerpt (control characters escaped by JSON itself). */
function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  // JSON escapes C0 controls; the others (C1, line separators, bidi overrides) are escaped here.
  s = escapeControlChars(s);
  return s.length > 60 ? s.slice(0, 59) + '…' : s;
}

type Check = (v: unknown) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? undefined : `one of ${values.join(', ')}`;
const text: Check = (v) => (typeof v === 'string' ? undefined : 'a string');
const nonEmpty: Check = (v) => (typeof v === 'string' && v !== '' ? undefined : 'a non-empty string');
const bool: Check = (v) => (typeof v === 'boolean' ? undefined : 'true or false');
const date: Check = (v) =>
  typeof v === 'string' && Number.isFinite(Date.parse(v)) ? undefined : 'an ISO date and time';
const commitId: Check = (v) =>
  typeof v === 'string' && /^[0-9a-f]{7,64}$/i.test(v) ? undefined : 'a commit id (7 to 64 hex digits)';
const duration: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0
    ? undefined
    : 'a duration in ms (a number, 0 or more)';
const count: Check = (v) =>
  Number.isSafeInteger(v) && (v as number) >= 0 ? undefined : 'a whole number, 0 or more';
const usage: Check = (v) => {
  const want = `token counts and cost (${USAGE_KEYS.join(', ')}: numbers, 0 or more)`;
  if (!isObject(v)) return want;
  for (const k of USAGE_KEYS) {
    const n = v[k];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return want;
  }
  return undefined;
};

/** Checks `obj[key]`; `optional` fields may be absent. Returns `field: expected …, found …`. */
function field(
  obj: Record<string, unknown>,
  key: string,
  check: Check,
  optional: boolean,
  prefix = '',
): string | undefined {
  const v = Object.hasOwn(obj, key) ? obj[key] : undefined;
  if (v === undefined && optional) return undefined;
  const want = v === undefined ? (check(undefined) ?? 'a value') : check(v);
  return want ? `${prefix}${key}: expected ${want}, found ${shown(v)}` : undefined;
}

function stationProblem(v: unknown, i: number): string | undefined {
  const where = `stations[${i}].`;
  if (!isObject(v)) return `stations[${i}]: expected an object, found ${shown(v)}`;
  return (
    field(v, 'station', oneOf(STATIONS), false, where) ??
    field(v, 'status', oneOf(STATION_STATUSES), false, where) ??
    field(v, 'durationMs', duration, false, where) ??
    field(v, 'attempt', count, true, where) ??
    field(v, 'verdict', oneOf(['pass', 'fail']), true, where) ??
    field(v, 'note', text, true, where) ??
    field(v, 'usage', usage, true, where)
  );
}

/** What is wrong with a parsed ledger line, as `field: expected …, found …`; undefined when it is an entry. */
export function entryProblem(v: unknown): string | undefined {
  if (!isObject(v)) return `expected a JSON object, found ${shown(v)}`;
  const stations = Object.hasOwn(v, 'stations') ? v.stations : undefined;
  return (
    field(
      v,
      'schemaVersion',
      (x) => (x === LEDGER_SCHEMA_VERSION ? undefined : String(LEDGER_SCHEMA_VERSION)),
      false,
    ) ??
    field(v, 'runId', nonEmpty, false) ??
    field(v, 'event', oneOf(['start', 'end']), false) ??
    field(v, 'taskId', nonEmpty, false) ??
    field(v, 'status', oneOf(TASK_STATUSES), false) ??
    field(v, 'outcome', oneOf(RUN_OUTCOMES), false) ??
    field(v, 'at', date, false) ??
    field(v, 'startedAt', date, false) ??
    field(v, 'resumed', bool, false) ??
    field(v, 'dryRun', bool, false) ??
    field(v, 'milestone', text, true) ??
    field(v, 'milestoneRunId', text, true) ??
    field(v, 'durationMs', duration, true) ??
    field(v, 'baseCommit', commitId, true) ??
    field(v, 'stations', (x) => (Array.isArray(x) ? undefined : 'a list of stations'), true) ??
    (Array.isArray(stations) ? stations.map(stationProblem).find((p) => p !== undefined) : undefined) ??
    field(v, 'attempts', count, true) ??
    field(v, 'verdict', oneOf(['pass', 'fail']), true) ??
    field(v, 'commit', commitId, true) ??
    field(v, 'branch', nonEmpty, true) ??
    field(v, 'pushedTo', nonEmpty, true) ??
    field(v, 'usage', usage, true) ??
    field(v, 'message', text, true)
  );
}

export interface LastRun {
  /** The last entry of the task's most recent run (its `end`, or its `start` when it never ended). */
  entry: LedgerEntry;
  /** True when the run has a `start` but no `end` (killed hard, or still running). */
  unfinished: boolean;
}

/** The most recent run of each task. */
export function lastRuns(entries: LedgerEntry[]): Map<string, LastRun> {
  const byRun = new Map<string, LedgerEntry>();
  const lastRunOfTask = new Map<string, string>();
  for (const e of entries) {
    byRun.set(e.runId, e);
    lastRunOfTask.set(e.taskId, e.runId);
  }
  const out = new Map<string, LastRun>();
  for (const [taskId, runId] of lastRunOfTask) {
    const entry = byRun.get(runId)!;
    out.set(taskId, { entry, unfinished: entry.event === 'start' });
  }
  return out;
}
