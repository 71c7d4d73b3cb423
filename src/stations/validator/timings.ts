/**
 * How long each check took last time, so the next validation starts the longest ones first (with two
 * workers and one slow test suite, starting it last can make the whole run a third longer). Kept in
 * `.guardian/validator/timings.json`; a missing or unreadable file only means no history.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../util/fs.js';

export type Timings = Record<string, number>;

export function timingsPath(root: string): string {
  return join(root, '.guardian', 'validator', 'timings.json');
}

/** The key of a command: which tree it runs in (judged / red) and the command itself. */
export function timingKey(tree: 'judged' | 'red', command: string): string {
  return `${tree}\u0000${command}`;
}

export function loadTimings(root: string): Timings {
  const p = timingsPath(root);
  if (!existsSync(p)) return {};
  try {
    const data = JSON.parse(readFileSync(p, 'utf8')) as { timings?: Record<string, unknown> };
    const out: Timings = {};
    for (const [k, v] of Object.entries(data.timings ?? {})) if (typeof v === 'number' && v >= 0) out[k] = v;
    return out;
  } catch {
    return {};
  }
}

/** Merges new durations (an average with the previous one, so one slow run does not dominate). */
export function saveTimings(root: string, previous: Timings, measured: Timings): void {
  const next: Timings = { ...previous };
  for (const [k, ms] of Object.entries(measured)) {
    next[k] = previous[k] === undefined ? ms : Math.round((previous[k]! + ms) / 2);
  }
  try {
    writeFileAtomic(timingsPath(root), JSON.stringify({ schemaVersion: 1, timings: next }, null, 2) + '\n');
  } catch {
    // A read-only checkout: no history next time, nothing else changes.
  }
}
