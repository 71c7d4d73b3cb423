/** The terminal summaries of `guardian run`, `guardian milestone` and `guardian status`. */
import { table } from '../cli/io.js';
import { escapeControlChars } from '../util/chars.js';
import { formatCost, formatDuration, formatTokens } from './progress.js';
import type { StatusReport } from './status.js';
import type { MilestoneRunResult, TaskRunResult } from './types.js';

const short = (sha?: string) => (sha ? sha.slice(0, 12) : '-');
/**
 * One line of at most `n` characters. Control characters and bidi overrides left after the whitespace is
 * folded are written out (`\u001b`): notes and ledger fields may quote text Guardian did not write.
 */
const clip = (s: string | undefined, n: number) => {
  const one = escapeControlChars((s ?? '').replace(/\s+/g, ' ').trim());
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
};

export function renderTaskSummary(r: TaskRunResult): string {
  let out = '';
  if (r.stations.length) {
    out += table(
      ['station', 'result', 'attempt', 'time', 'tokens', 'cost', 'note'],
      r.stations.map((s) => [
        s.station,
        s.status === 'ok' && s.verdict ? s.verdict : s.status,
        s.attempt ? String(s.attempt) : '',
        formatDuration(s.durationMs),
        formatTokens(s.usage),
        formatCost(s.usage),
        clip(s.note, 70),
      ]),
    );
    out += `total: ${formatDuration(r.durationMs)}, ${formatTokens(r.usage)} tokens, ${formatCost(r.usage)}\n`;
  }
  out += `${r.message}\n`;
  if (r.report) out += `\n${r.report.trimEnd()}\n`;
  return out;
}

export function renderMilestoneSummary(r: MilestoneRunResult): string {
  let out = `milestone ${r.milestone}: ${r.title}\n`;
  out += table(
    ['task', 'result', 'commit', 'time', 'tokens', 'cost', 'note'],
    r.tasks.map((t) => [
      t.taskId,
      t.state,
      short(t.run?.commit),
      t.run ? formatDuration(t.run.durationMs) : '',
      t.run ? formatTokens(t.run.usage) : '',
      t.run ? formatCost(t.run.usage) : '',
      clip(t.reason ?? (t.state === 'done' ? t.title : t.run?.message), 70),
    ]),
  );
  out += `total: ${formatDuration(r.durationMs)}, ${formatTokens(r.usage)} tokens, ${formatCost(r.usage)}\n`;
  // What a blocked or unreached task waits for, in full: the note column is cut to fit, and the
  // reason may end with the command that unblocks it.
  for (const t of r.tasks) {
    if (
      (t.state === 'blocked' || t.state === 'not_run') &&
      t.reason &&
      clip(t.reason, 70) !== clip(t.reason, Infinity)
    )
      out += `${t.taskId} ${t.state}: ${clip(t.reason, 1000)}\n`;
  }
  out += `${r.message}\n`;
  const failed = r.failedTask ? r.tasks.find((t) => t.taskId === r.failedTask) : undefined;
  if (failed?.run) {
    out += `\n── ${failed.taskId} ──\n`;
    out += renderTaskSummary(failed.run);
  }
  return out;
}

/** Outcomes of a run that stopped before the task was done. */
const STOPPED_SHORT = new Set(['failed', 'blocked', 'paused', 'interrupted']);

function ago(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.round(s / 60)}m ago`;
  if (s < 86400) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86400)}d ago`;
}

export function renderStatus(r: StatusReport, now = Date.now()): string {
  let out = r.milestone ? `milestone ${r.milestone.id}: ${r.milestone.title}\n` : '';
  const notes = (r.notes ?? []).map((n) => `note: ${escapeControlChars(n)}\n`).join('');
  if (!r.tasks.length) return out + 'no tasks\n' + notes;
  out += table(
    ['task', 'status', 'last run', 'outcome', 'verdict', 'commit', 'time', 'tokens', 'cost', 'title'],
    r.tasks.map((t) => {
      const e = t.lastRun;
      // A commit on a branch that is not checked out: the working tree's blueprint still says pending.
      const elsewhere =
        e?.outcome === 'committed' && t.status !== 'done' && e.branch
          ? ` (done on ${clip(e.branch, 60)})`
          : '';
      // A task a milestone ran in several runs (its worktree, then the commit): what they spent in all.
      const spent = t.milestoneRunTotal ?? { usage: e?.usage, durationMs: e?.durationMs };
      return [
        t.taskId,
        t.status + elsewhere,
        e ? ago(e.at, now) : 'never',
        e ? (t.unfinished ? 'unfinished' : e.outcome) : '',
        e?.verdict ?? '',
        short(e?.commit),
        spent.durationMs !== undefined ? formatDuration(spent.durationMs) : '',
        spent.usage ? formatTokens(spent.usage) : '',
        spent.usage ? formatCost(spent.usage) : '',
        clip(t.title, 50),
      ];
    }),
  );
  const done = r.tasks.filter((t) => t.status === 'done').length;
  out += `${done}/${r.tasks.length} done\n`;
  // For each task whose last run stopped short, what it said: why, and the command that goes on.
  for (const t of r.tasks) {
    const e = t.lastRun;
    if (!e || t.status === 'done') continue;
    if (t.unfinished) {
      out += `${t.taskId} unfinished: its last run started ${ago(e.at, now)} and never ended (killed, or running now); \`guardian run ${t.taskId} --resume\` continues it\n`;
    } else if (STOPPED_SHORT.has(e.outcome) && e.message) {
      out += `${t.taskId} ${e.outcome}: ${clip(e.message, 400)}\n`;
    }
  }
  return out + notes;
}
