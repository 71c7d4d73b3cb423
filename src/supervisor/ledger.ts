/**
 * The run ledger: `.guardian/runs.jsonl`, one JSON object per line, append-only and git-ignored.
 *
 * Every task run appends a `start` entry before its first station and an `end` entry when it stops —
 * done, failed, blocked, interrupted (Ctrl-C) or paused (`--until`, or waiting for a change made by
 * hand). A run killed hard (SIGKILL, power loss) leaves only its `start` entry, which `guardian status`
 * shows as an unfinished run. Lines are written with one `appendFileSync` call each, so a reader never
 * sees half an entry from this process; a torn last line (a crash mid-write) is skipped when reading.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ConfigurationError } from '../errors.js';
import { join } from 'node:path';
import type { StationName, Usage } from '../bundle/bundle.js';
import type { TaskStatus } from '../spec/types.js';
import { blockerMessage, ensureDir, findBlocker } from '../util/fs.js';

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
  if (!existsSync(ignore)) writeFileSync(ignore, "# Guardian's local state: bundles, ledger, caches.\n*\n");
  return dir;
}

/** The ledger's place must hold a file (or nothing yet): a directory or a broken link there is named. */
function checkLedgerPlace(root: string): void {
  const blocked = findBlocker(root, ledgerPath(root), 'file');
  if (blocked) throw new ConfigurationError(blockerMessage(blocked));
}

export function appendLedger(root: string, entry: LedgerEntry): void {
  ensureGuardianDir(root);
  checkLedgerPlace(root);
  appendFileSync(ledgerPath(root), JSON.stringify(entry) + '\n');
}

/** Every well-formed entry, oldest first. Lines that do not parse (a torn write) are skipped. */
export function readLedger(root: string): LedgerEntry[] {
  const path = ledgerPath(root);
  if (!existsSync(path)) return [];
  checkLedgerPlace(root);
  const out: LedgerEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as LedgerEntry;
      if (e && typeof e === 'object' && typeof e.taskId === 'string' && typeof e.runId === 'string')
        out.push(e);
    } catch {
      // A torn line from a crash mid-write: the rest of the ledger is still good.
    }
  }
  return out;
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
