/** `guardian status`: each task's lifecycle status (from its blueprint) and its last run (from the ledger). */
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { addUsage, emptyUsage, type Usage } from '../bundle/bundle.js';
import { loadProject, requireMilestone, type Blueprint } from '../spec/index.js';
import type { TaskStatus } from '../spec/types.js';
import { lastRuns, readLedger, type LedgerEntry } from './ledger.js';

export interface TaskStatusRow {
  taskId: string;
  title: string;
  /** The blueprint's status (what Completion committed). */
  status: TaskStatus;
  dependsOn: string[];
  /** The last entry of the task's most recent run, or null when it never ran. */
  lastRun: LedgerEntry | null;
  /** The most recent run has a start but no end (killed hard, or running now). */
  unfinished: boolean;
  /**
   * When the last run was part of a milestone run that ran the task in several runs (in its worktree up
   * to the Validator, then committed in the main checkout): what those runs spent in all.
   */
  milestoneRunTotal?: { runs: number; usage: Usage; durationMs: number };
}

export interface StatusReport {
  milestone?: { id: string; title: string };
  tasks: TaskStatusRow[];
  /**
   * Ledger lines that were skipped (not JSON, or a field of the wrong type), each naming its line, and
   * the milestone's tasks that no blueprint defines.
   */
  notes?: string[];
}

export function projectStatus(rootDir: string, milestoneId?: string): StatusReport {
  const root = resolve(rootDir);
  const project = loadProject(root);
  let tasks: Blueprint[];
  let milestone: StatusReport['milestone'];
  const notes: string[] = [];
  if (milestoneId) {
    // The milestone's own order; status never refuses to show a milestone (not even one with a cycle).
    const m = requireMilestone(project, milestoneId);
    const byId = new Map(project.tasks.map((t) => [t.id, t]));
    tasks = m.tasks.map((id) => byId.get(id)).filter((t): t is Blueprint => !!t);
    // Shown, not refused: a task the milestone names that no blueprint defines is said, not dropped.
    const unknown = [...new Set(m.tasks.filter((id) => !byId.has(id)))];
    if (unknown.length) {
      notes.push(
        `${m.path}: milestone ${m.id} lists ${unknown.join(', ')}, which no blueprint defines (\`guardian lint\` names the line)`,
      );
    }
    milestone = { id: m.id, title: m.title };
  } else {
    tasks = [...project.tasks].sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
  }
  const entries = readLedger(root, notes);
  const runs = lastRuns(entries);
  // The ended runs of each task in each milestone run.
  const inMilestoneRun = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    if (e.event !== 'end' || !e.milestoneRunId) continue;
    const key = `${e.taskId}\0${e.milestoneRunId}`;
    const list = inMilestoneRun.get(key);
    if (list) list.push(e);
    else inMilestoneRun.set(key, [e]);
  }
  const totalOf = (e: LedgerEntry | undefined): TaskStatusRow['milestoneRunTotal'] => {
    const parts = e?.milestoneRunId ? inMilestoneRun.get(`${e.taskId}\0${e.milestoneRunId}`) : undefined;
    if (!parts || parts.length < 2) return undefined;
    return {
      runs: parts.length,
      usage: parts.reduce<Usage>((acc, p) => addUsage(acc, p.usage), emptyUsage()),
      durationMs: parts.reduce((acc, p) => acc + (p.durationMs ?? 0), 0),
    };
  };
  return {
    ...(milestone ? { milestone } : {}),
    tasks: tasks.map((t) => {
      const last = runs.get(t.id);
      const total = last && !last.unfinished ? totalOf(last.entry) : undefined;
      return {
        taskId: t.id,
        title: t.title,
        status: t.status,
        dependsOn: t.dependsOn,
        lastRun: last ? atRoot(last.entry, root) : null,
        unfinished: last?.unfinished ?? false,
        ...(total ? { milestoneRunTotal: total } : {}),
      };
    }),
    ...(notes.length ? { notes } : {}),
  };
}

/**
 * A run in a temporary worktree (a milestone's parallel task) names paths into it — its bundle, its
 * report — and the worktree is gone: its bundle came back to the main checkout, so those paths are shown
 * at the main checkout's copy.
 */
function atRoot(e: LedgerEntry, root: string): LedgerEntry {
  if (!e.message?.includes('/.guardian/bundles/')) return e;
  const message = e.message.replace(/(\/[^\s()`'"]*?)\/\.guardian\/bundles\//g, (whole, dir: string) =>
    dir === root || existsSync(dir) ? whole : `${root.split(sep).join('/')}/.guardian/bundles/`,
  );
  return message === e.message ? e : { ...e, message };
}
