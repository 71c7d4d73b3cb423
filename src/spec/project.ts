/** Loading a whole project's specs and checking them against each other. */
import { ConfigurationError } from '../errors.js';
import { parseBlueprint } from './blueprint.js';
import { parseMilestone } from './milestone.js';
import { parseQualityToml } from './quality.js';
import { fsSource, type FileSource } from './source.js';
import { MAX_SPEC_FILE_BYTES, formatBytes } from './text.js';
import type { Blueprint, Milestone, Problem, Project, QualityConfig } from './types.js';

export const TASKS_DIR = 'specs/tasks';
export const MILESTONES_DIR = 'specs/milestones';
export const QUALITY_FILE = 'quality.toml';

function readChecked(source: FileSource, path: string, problems: Problem[]): Buffer | undefined {
  const size = source.size(path);
  // Refuse huge files before reading them.
  if (size !== undefined && size > MAX_SPEC_FILE_BYTES) {
    problems.push({
      file: path,
      severity: 'error',
      message: `file is ${formatBytes(size)}; spec files are limited to ${formatBytes(MAX_SPEC_FILE_BYTES)}`,
    });
    return undefined;
  }
  const data = source.read(path);
  if (data === undefined) problems.push({ file: path, severity: 'error', message: source.unreadable(path) });
  return data;
}

export interface LoadOptions {
  /** Read quality.toml (default true). */
  quality?: boolean;
}

/** Loads every blueprint, milestone and quality.toml. Never throws for content problems: see `problems`. */
export function loadProject(
  root: string,
  source: FileSource = fsSource(root),
  opts: LoadOptions = {},
): Project {
  const problems: Problem[] = [];
  const tasks: Blueprint[] = [];
  const milestones: Milestone[] = [];

  // A blueprint or milestone that is a link is reported, not silently left out (`show` would then call
  // its task unknown).
  for (const dir of [TASKS_DIR, MILESTONES_DIR])
    for (const x of source.notFollowed(dir))
      if (x.path.endsWith('.md')) problems.push({ file: x.path, severity: 'error', message: x.reason });
  for (const path of source.list(TASKS_DIR).filter((p) => p.endsWith('.md'))) {
    const data = readChecked(source, path, problems);
    if (data === undefined) continue;
    const r = parseBlueprint(data, path);
    problems.push(...r.problems);
    if (r.blueprint) tasks.push(r.blueprint);
  }
  for (const path of source.list(MILESTONES_DIR).filter((p) => p.endsWith('.md'))) {
    const data = readChecked(source, path, problems);
    if (data === undefined) continue;
    const r = parseMilestone(data, path);
    problems.push(...r.problems);
    if (r.milestone) milestones.push(r.milestone);
  }
  let quality: QualityConfig | undefined;
  if (opts.quality !== false) {
    if (source.exists(QUALITY_FILE)) {
      const data = readChecked(source, QUALITY_FILE, problems);
      if (data !== undefined) {
        const r = parseQualityToml(data, QUALITY_FILE);
        problems.push(...r.problems);
        quality = r.config;
      }
    } else {
      problems.push({
        file: QUALITY_FILE,
        severity: 'warning',
        message:
          'no quality.toml: the Validator needs its [quality_checks] (run `guardian init` to create one)',
      });
    }
  }
  problems.push(...crossCheck(tasks, milestones, source));
  return { root, tasks, milestones, ...(quality ? { quality } : {}), problems };
}

function crossCheck(tasks: Blueprint[], milestones: Milestone[], source: FileSource): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, Blueprint>();
  for (const t of tasks) {
    const prev = byId.get(t.id);
    if (prev) {
      problems.push({
        file: t.path,
        line: 1,
        field: 'id',
        severity: 'error',
        message: `duplicate task id ${t.id}: also defined in ${prev.path}`,
      });
      problems.push({
        file: prev.path,
        line: 1,
        field: 'id',
        severity: 'error',
        message: `duplicate task id ${t.id}: also defined in ${t.path}`,
      });
    } else byId.set(t.id, t);
  }
  const milestoneIds = new Map<string, Milestone>();
  for (const m of milestones) {
    const prev = milestoneIds.get(m.id);
    if (prev) {
      problems.push({
        file: m.path,
        field: 'id',
        severity: 'error',
        message: `duplicate milestone id ${m.id}: also defined in ${prev.path}`,
      });
    } else milestoneIds.set(m.id, m);
  }
  for (const t of tasks) {
    for (const dep of t.dependsOn) {
      if (!byId.has(dep)) {
        problems.push({
          file: t.path,
          line: lineOfField(t, 'depends_on'),
          field: 'depends_on',
          severity: 'error',
          message: `depends on unknown task ${dep}${suggest(dep, [...byId.keys()])}`,
        });
      }
    }
    for (const test of t.relevantTests) {
      if (!source.exists(test)) {
        problems.push({
          file: t.path,
          line: lineOfField(t, 'relevant_tests'),
          field: 'relevant_tests',
          severity: 'warning',
          message: `'${test}' does not exist (yet): fine if the task creates it`,
        });
      }
    }
    if (t.milestone !== undefined && !milestoneIds.has(t.milestone)) {
      problems.push({
        file: t.path,
        line: lineOfField(t, 'milestone'),
        field: 'milestone',
        severity: 'warning',
        message: `milestone '${t.milestone}' has no file in ${MILESTONES_DIR}/`,
      });
    }
  }
  for (const m of milestones) {
    for (const id of m.tasks) {
      if (!byId.has(id)) {
        problems.push({
          file: m.path,
          field: 'tasks',
          severity: 'error',
          message: `names unknown task ${id}${suggest(id, [...byId.keys()])}`,
        });
      }
    }
  }
  for (const cycle of findCycles(tasks)) {
    const first = byId.get(cycle[0]!)!;
    problems.push({
      file: first.path,
      line: lineOfField(first, 'depends_on'),
      field: 'depends_on',
      severity: 'error',
      message: `dependency cycle: ${cycle.join(' → ')}`,
    });
  }
  return problems;
}

function suggest(id: string, known: string[]): string {
  return known.length ? ` (known: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''})` : '';
}

function lineOfField(t: Blueprint, field: string): number {
  const m = new RegExp(`^${field}\\s*:`, 'm').exec(t.raw);
  return m ? t.raw.slice(0, m.index).split('\n').length : 1;
}

/** Each dependency cycle once, as a path that returns to its start: [A, B, A]. */
export function findCycles(tasks: Blueprint[]): string[][] {
  const deps = new Map(tasks.map((t) => [t.id, t.dependsOn]));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    state.set(id, 1);
    stack.push(id);
    for (const d of deps.get(id) ?? []) {
      if (!deps.has(d)) continue;
      if (state.get(d) === 1) {
        const cycle = [...stack.slice(stack.indexOf(d)), d];
        const key = [...cycle.slice(0, -1)].sort().join(',');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(id, 2);
  };
  for (const t of [...tasks].sort((a, b) => a.id.localeCompare(b.id))) if (!state.has(t.id)) visit(t.id);
  return cycles;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.severity}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

export function errorsOf(problems: Problem[], file?: string): Problem[] {
  return problems.filter((p) => p.severity === 'error' && (file === undefined || p.file === file));
}

/** The task with this id, or a user error: unknown id, or a blueprint with errors (all listed). */
export function requireTask(project: Project, taskId: string): Blueprint {
  const task = project.tasks.find((t) => t.id === taskId);
  if (!task) {
    // The blueprint may exist but fail to parse: point at its problems rather than "unknown".
    const broken = project.problems.filter((p) => p.severity === 'error' && p.file.includes(taskId));
    if (broken.length) {
      throw new ConfigurationError(
        `task ${taskId} has an invalid blueprint:\n${broken.map(formatProblem).join('\n')}`,
      );
    }
    const known = project.tasks.map((t) => t.id).sort();
    throw new ConfigurationError(
      `unknown task ${taskId}: no blueprint in ${TASKS_DIR}/ has this id${known.length ? ` (known: ${known.join(', ')})` : ''}`,
    );
  }
  const errs = errorsOf(project.problems).filter(
    (p) => p.file === task.path || (p.field === 'id' && p.message.includes(task.id)),
  );
  if (errs.length) {
    throw new ConfigurationError(`task ${taskId} has problems:\n${errs.map(formatProblem).join('\n')}`);
  }
  return task;
}

export function requireMilestone(project: Project, id: string): Milestone {
  const m = project.milestones.find((x) => x.id === id);
  if (!m) {
    const known = project.milestones.map((x) => x.id).sort();
    throw new ConfigurationError(
      `unknown milestone ${id}: no file in ${MILESTONES_DIR}/ has this id${known.length ? ` (known: ${known.join(', ')})` : ''}`,
    );
  }
  return m;
}

/** quality.toml, or a user error when it is missing or invalid (all its problems listed). */
export function requireQuality(project: Project, where = 'the working tree'): QualityConfig {
  const errs = errorsOf(project.problems, QUALITY_FILE);
  if (errs.length)
    throw new ConfigurationError(
      `quality.toml in ${where} is invalid:\n${errs.map(formatProblem).join('\n')}`,
    );
  if (!project.quality)
    throw new ConfigurationError(
      `quality.toml is missing in ${where}: the Validator needs its [quality_checks]`,
    );
  return project.quality;
}

/** Tasks that can start now: pending, every dependency done. In milestone order when given. */
export function readyTasks(project: Project, milestone?: Milestone): Blueprint[] {
  const byId = new Map(project.tasks.map((t) => [t.id, t]));
  const order = milestone
    ? milestone.tasks.map((id) => byId.get(id)).filter((t): t is Blueprint => !!t)
    : [...project.tasks].sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
  return order.filter(
    (t) => t.status === 'pending' && t.dependsOn.every((d) => byId.get(d)?.status === 'done'),
  );
}
