/**
 * A milestone's run order, checked before anything runs: every task known and valid, no dependency
 * cycle, and an order in which each task comes after the tasks it depends on (the milestone's own order
 * wherever the dependencies allow it).
 */
import { ConfigurationError } from '../errors.js';
import {
  errorsOf,
  findCycles,
  formatProblem,
  requireMilestone,
  requireTask,
  type Blueprint,
  type Milestone,
  type Project,
} from '../spec/index.js';

export interface MilestonePlan {
  milestone: Milestone;
  /** The milestone's tasks in run order. */
  order: Blueprint[];
  /** Dependencies of each task that are inside the milestone. */
  internalDeps: Map<string, string[]>;
  /** Dependencies outside the milestone (they must already be done). */
  externalDeps: Map<string, string[]>;
}

export function planMilestone(project: Project, id: string): MilestonePlan {
  const milestone = requireMilestone(project, id);
  const fileErrors = errorsOf(project.problems, milestone.path);
  if (fileErrors.length) {
    throw new ConfigurationError(`milestone ${id} cannot run:\n${fileErrors.map(formatProblem).join('\n')}`);
  }
  if (milestone.tasks.length === 0) {
    throw new ConfigurationError(
      `${milestone.path}: milestone ${id} lists no tasks (front matter \`tasks: [...]\`)`,
    );
  }
  const inMilestone = new Set(milestone.tasks);
  const byId = new Map(project.tasks.map((t) => [t.id, t]));

  // Any cycle reachable from the milestone's tasks makes some of them impossible to start.
  const reachable = new Set<string>();
  const walk = (tid: string) => {
    if (reachable.has(tid)) return;
    reachable.add(tid);
    for (const d of byId.get(tid)?.dependsOn ?? []) walk(d);
  };
  milestone.tasks.forEach(walk);
  const cycles = findCycles(project.tasks).filter((c) => c.some((t) => reachable.has(t)));
  if (cycles.length) {
    const lines = cycles.map((c) => {
      const first = byId.get(c[0]!)!;
      return `  ${c.join(' → ')} (${first.path}: depends_on)`;
    });
    throw new ConfigurationError(
      `milestone ${id} cannot run: its tasks have a dependency cycle, so none of them could ever start — nothing was run:\n${lines.join('\n')}`,
    );
  }

  // Every task must be known and valid before the first one starts.
  const tasks: Blueprint[] = [];
  const problems: string[] = [];
  for (const t of milestone.tasks) {
    try {
      tasks.push(requireTask(project, t));
    } catch (e) {
      if (!(e instanceof ConfigurationError)) throw e;
      problems.push(e.message);
    }
  }
  if (problems.length) {
    throw new ConfigurationError(`milestone ${id} cannot run (nothing was run):\n${problems.join('\n')}`);
  }

  const internalDeps = new Map<string, string[]>();
  const externalDeps = new Map<string, string[]>();
  for (const t of tasks) {
    internalDeps.set(
      t.id,
      t.dependsOn.filter((d) => inMilestone.has(d)),
    );
    externalDeps.set(
      t.id,
      t.dependsOn.filter((d) => !inMilestone.has(d)),
    );
  }

  // Stable topological order: repeatedly take the first task (in milestone order) whose dependencies
  // are placed. No cycle was found above, so this always terminates with every task placed.
  const order: Blueprint[] = [];
  const placed = new Set<string>();
  const remaining = [...tasks];
  while (remaining.length) {
    const i = remaining.findIndex((t) => internalDeps.get(t.id)!.every((d) => placed.has(d)));
    const [next] = remaining.splice(i < 0 ? 0 : i, 1);
    order.push(next!);
    placed.add(next!.id);
  }
  return { milestone, order, internalDeps, externalDeps };
}

/** Every task that depends on `id`, directly or through others, within the plan. */
export function dependentsOf(plan: MilestonePlan, id: string): Set<string> {
  const out = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const t of plan.order) {
      if (out.has(t.id)) continue;
      if (plan.internalDeps.get(t.id)!.some((d) => d === id || out.has(d))) {
        out.add(t.id);
        changed = true;
      }
    }
  }
  return out;
}
