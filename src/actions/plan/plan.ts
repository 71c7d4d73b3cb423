/**
 * What a milestone run does now: its tasks in run order (the Supervisor's plan), without the ones
 * already done; sequential tasks stack on one branch, parallel tasks need all their dependencies done.
 */
import { ConfigurationError } from '../../errors.js';
import type { Blueprint, Project } from '../../spec/index.js';
import { planMilestone } from '../../supervisor/plan.js';

export interface MilestoneRunPlan {
  milestone: string;
  tasks: string[];
  parallel: boolean;
  /** Sequential runs: the branch every task commits to, each starting from the previous one's commit. */
  branch: string;
  /** Tasks of the milestone left out, with why. */
  skipped: { id: string; why: string }[];
}

export function milestoneBranch(id: string): string {
  return `guardian/milestone/${id}`;
}

/** The milestone to run: the one named, else the one whose `schedule` is the cron that fired. */
export function chooseMilestone(
  project: Project,
  named: string | undefined,
  schedule: string | undefined,
): string | undefined {
  if (named) return named;
  if (!schedule)
    throw new ConfigurationError(`input 'milestone' is empty and the run was not started by a schedule`);
  const due = project.milestones.filter((m) => m.schedule?.trim() === schedule.trim());
  if (due.length > 1) {
    throw new ConfigurationError(
      `milestones ${due.map((m) => `${m.id} (${m.path})`).join(', ')} share the schedule "${schedule}": give each its own cron, or call the milestone workflow once per milestone`,
    );
  }
  return due[0]?.id;
}

const RUNNABLE = new Set(['pending', 'in_progress', 'failed']);

export function planMilestoneRun(project: Project, id: string): MilestoneRunPlan {
  const plan = planMilestone(project, id);
  const byId = new Map(project.tasks.map((t) => [t.id, t]));
  const done = (tid: string) => byId.get(tid)?.status === 'done';
  const skipped: { id: string; why: string }[] = [];
  const tasks: Blueprint[] = [];
  const parallel = plan.milestone.parallel;
  const planned = new Set<string>();
  for (const t of plan.order) {
    if (done(t.id)) continue;
    if (!RUNNABLE.has(t.status)) {
      skipped.push({ id: t.id, why: `status ${t.status}` });
      continue;
    }
    const external = (plan.externalDeps.get(t.id) ?? []).filter((d) => !done(d));
    if (external.length) {
      skipped.push({ id: t.id, why: `depends on ${external.join(', ')} (outside the milestone, not done)` });
      continue;
    }
    const internal = (plan.internalDeps.get(t.id) ?? []).filter((d) => !done(d));
    if (parallel && internal.length) {
      skipped.push({
        id: t.id,
        why: `waits for ${internal.join(', ')} (runs in a later run, when they are done)`,
      });
      continue;
    }
    const unplanned = internal.filter((d) => !planned.has(d));
    if (unplanned.length) {
      skipped.push({ id: t.id, why: `depends on ${unplanned.join(', ')}, which cannot run now` });
      continue;
    }
    tasks.push(t);
    planned.add(t.id);
  }
  return {
    milestone: plan.milestone.id,
    tasks: tasks.map((t) => t.id),
    parallel,
    branch: parallel ? '' : milestoneBranch(plan.milestone.id),
    skipped,
  };
}
