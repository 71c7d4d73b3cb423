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
  type Blueprint,
  type Milestone,
  type Project,
} from '../spec/index.js';
import { taskLookup } from '../spec/project.js';

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
    // A task named whose blueprint is invalid: its own errors are shown too, so one message says it all.
    const named = new Set(
      errorsOf(project.problems)
        .map((p) => p.file)
        .filter(
          (f) =>
            f !== milestone.path && fileErrors.some((e) => e.message.includes(`blueprint ${f} is invalid`)),
        ),
    );
    const blueprintErrors = errorsOf(project.problems).filter((p) => named.has(p.file));
    throw new ConfigurationError(
      `milestone ${id} cannot run:\n${[...fileErrors, ...blueprintErrors].map(formatProblem).join('\n')}`,
    );
  }
  if (milestone.tasks.length === 0) {
    throw new ConfigurationError(
      `${milestone.path}: milestone ${id} lists no tasks (front matter \`tasks: [...]\`)`,
    );
  }
  const inMilestone = new Set(milestone.tasks);
  const byId = new Map(project.tasks.map((t) => [t.id, t]));

  // Any cycle reachable from the milestone's tasks makes some of them impossible to start. A walk with
  // its own stack, in the order a recursive one would take (a chain of thousands of tasks overflowed
  // the call stack).
  const reachable = new Set<string>();
  const toVisit = [...milestone.tasks].reverse();
  while (toVisit.length) {
    const tid = toVisit.pop()!;
    if (reachable.has(tid)) continue;
    reachable.add(tid);
    const deps = byId.get(tid)?.dependsOn ?? [];
    for (let i = deps.length - 1; i >= 0; i--) toVisit.push(deps[i]!);
  }
  const cycles = findCycles(project.tasks).filter((c) => c.some((t) => reachable.has(t)));
  if (cycles.length) {
    const lines = cycles.map((c) => {
      const first = byId.get(c[0]!)!;
      const line = first.fieldLines?.['depends_on'];
      return `  ${c.join(' → ')} (${first.path}${line !== undefined ? `:${line}` : ''}: depends_on)`;
    });
    throw new ConfigurationError(
      `milestone ${id} cannot run: its tasks have a dependency cycle, so none of them could ever start — nothing was run:\n${lines.join('\n')}`,
    );
  }

  // Every task must be known and valid before the first one starts.
  const tasks: Blueprint[] = [];
  const problems: string[] = [];
  const requireTask = taskLookup(project);
  for (const t of milestone.tasks) {
    try {
      tasks.push(requireTask(t));
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
  // are placed. No cycle was found above, so this always terminates with every task placed. The ready
  // tasks wait in a heap by milestone position, so a chain of thousands is not rescanned at each step.
  const position = new Map(tasks.map((t, i) => [t.id, i]));
  const waitingOn = tasks.map((t) => new Set(internalDeps.get(t.id)));
  const dependents = tasks.map((): number[] => []);
  waitingOn.forEach((deps, i) => deps.forEach((d) => dependents[position.get(d)!]!.push(i)));
  const ready = new MinHeap();
  waitingOn.forEach((deps, i) => {
    if (deps.size === 0) ready.push(i);
  });
  const order: Blueprint[] = [];
  const placed = tasks.map(() => false);
  let firstUnplaced = 0;
  while (order.length < tasks.length) {
    let i = ready.pop();
    if (i === undefined) {
      // Unreachable without a cycle; as before, the first task left would go next.
      while (placed[firstUnplaced]) firstUnplaced++;
      i = firstUnplaced;
    }
    if (placed[i]) continue;
    placed[i] = true;
    order.push(tasks[i]!);
    for (const j of dependents[i]!) {
      waitingOn[j]!.delete(tasks[i]!.id);
      if (waitingOn[j]!.size === 0 && !placed[j]) ready.push(j);
    }
  }
  return { milestone, order, internalDeps, externalDeps };
}

/**
 * Every task that depends on `id`, directly or through others, within the plan. `plan.order` puts every
 * task after the tasks it depends on, so one pass in that order sees each dependency settled before
 * its dependents: linear in tasks plus dependencies.
 */
export function dependentsOf(plan: MilestonePlan, id: string): Set<string> {
  const out = new Set<string>();
  for (const t of plan.order) {
    if (t.id === id) continue;
    if ((plan.internalDeps.get(t.id) ?? []).some((d) => d === id || out.has(d))) out.add(t.id);
  }
  return out;
}

/** The smallest number first. */
class MinHeap {
  private readonly items: number[] = [];

  push(n: number): void {
    const a = this.items;
    a.push(n);
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= a[i]!) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }

  pop(): number | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    a[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && a[l]! < a[m]!) m = l;
      if (r < a.length && a[r]! < a[m]!) m = r;
      if (m === i) break;
      [a[m], a[i]] = [a[i]!, a[m]!];
      i = m;
    }
    return top;
  }
}
