/** `guardian status`: each task's lifecycle status (from its blueprint) and its last run (from the ledger). */
import { resolve } from 'node:path';
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
}

export interface StatusReport {
  milestone?: { id: string; title: string };
  tasks: TaskStatusRow[];
  /** Ledger lines that were skipped (not JSON, or a field of the wrong type), each naming its line. */
  notes?: string[];
}

export function projectStatus(rootDir: string, milestoneId?: string): StatusReport {
  const root = resolve(rootDir);
  const project = loadProject(root);
  let tasks: Blueprint[];
  let milestone: StatusReport['milestone'];
  if (milestoneId) {
    // The milestone's own order; status never refuses to show a milestone (not even one with a cycle).
    const m = requireMilestone(project, milestoneId);
    const byId = new Map(project.tasks.map((t) => [t.id, t]));
    tasks = m.tasks.map((id) => byId.get(id)).filter((t): t is Blueprint => !!t);
    milestone = { id: m.id, title: m.title };
  } else {
    tasks = [...project.tasks].sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
  }
  const notes: string[] = [];
  const runs = lastRuns(readLedger(root, notes));
  return {
    ...(milestone ? { milestone } : {}),
    tasks: tasks.map((t) => {
      const last = runs.get(t.id);
      return {
        taskId: t.id,
        title: t.title,
        status: t.status,
        dependsOn: t.dependsOn,
        lastRun: last?.entry ?? null,
        unfinished: last?.unfinished ?? false,
      };
    }),
    ...(notes.length ? { notes } : {}),
  };
}
