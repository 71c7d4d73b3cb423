/**
 * The Supervisor: the life of one task (`runTask`) and the autonomous loop over a milestone
 * (`runMilestone`). Hosts — the `guardian` CLI and the root action — call these two functions and turn
 * their typed results into output; nothing here reads process.env or action inputs.
 *
 * ```ts
 * const r = await runTask({ root, taskId: 'TASK-042', env: process.env, push: 'origin' });
 * if (r.outcome === 'committed') console.log(r.commit, r.branch);      // PR head: r.branch
 * else if (r.outcome === 'failed') console.error(r.message, r.report); // validation.md
 * console.log(r.usage.promptTokens + r.usage.completionTokens, r.usage.costUsd);
 *
 * const m = await runMilestone({ root, milestone: 'MVP', parallel: 2, env: process.env });
 * // m.outcome: done | failed | interrupted | paused | validated; m.commits; m.failedTask; m.tasks[]
 * ```
 */
export { runTask, resumePoint, parseStationName, parseMaxAttempts, DEFAULT_MAX_ATTEMPTS } from './task.js';
export { runMilestone, parseParallel } from './milestone.js';
export { planMilestone, dependentsOf, type MilestonePlan } from './plan.js';
export { projectStatus, type StatusReport, type TaskStatusRow } from './status.js';
export {
  readLedger,
  lastRuns,
  ledgerPath,
  LEDGER_SCHEMA_VERSION,
  type LedgerEntry,
  type RunOutcome,
} from './ledger.js';
export { createProgress, progressLogger, silentProgress, type ProgressSink } from './progress.js';
export { renderTaskSummary, renderMilestoneSummary, renderStatus } from './render.js';
export { handleInterrupts, type InterruptHandle } from './interrupt.js';
export {
  defaultStations,
  type StationSet,
  type StationRunner,
  type StationContext,
  type StationOutcome,
} from './stations.js';
export type * from './types.js';

import type { MilestoneRunResult, TaskRunResult } from './types.js';

/** Process exit code for a task run: 0 done/validated/paused, 1 failed or blocked, 130 interrupted. */
export function taskExitCode(r: TaskRunResult): number {
  switch (r.outcome) {
    case 'failed':
    case 'blocked':
      return 1;
    case 'interrupted':
      return 130;
    default:
      return 0;
  }
}

/** Process exit code for a milestone run: 0 done/validated/paused, 1 failed (or blocked), 130 interrupted. */
export function milestoneExitCode(r: MilestoneRunResult): number {
  return r.outcome === 'failed' ? 1 : r.outcome === 'interrupted' ? 130 : 0;
}
