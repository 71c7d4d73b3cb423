/** Loading a whole project's specs and checking them against each other. */
import { ConfigurationError } from '../errors.js';
import { escapeControlChars } from '../util/chars.js';
import { parseBlueprint } from './blueprint.js';
import { parseFrontMatter } from './frontmatter.js';
import { parseMilestone } from './milestone.js';
import { parseQualityToml } from './quality.js';
import { fsSource, type FileSource } from './source.js';
import { MAX_SPEC_FILE_BYTES, decodeSpecFile, formatBytes } from './text.js';
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

/**
 * The bytes of each blueprint or milestone that did not parse, per loaded project: `requireTask` and
 * `requireMilestone` read the `id` such a file declares to name its problems instead of saying
 * "unknown" (only then, so a project with no broken file costs nothing more).
 */
const brokenFiles = new WeakMap<Project, Map<string, Buffer>>();
/** The `id` each of those files declares, read once per project when first asked for. */
const declaredIds = new WeakMap<Project, Map<string, string | undefined>>();

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
  const broken = new Map<string, Buffer>();

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
    else broken.set(path, data);
  }
  // `TASK-7.MD` or `TASK-7.markdown` is read by no one: said, not silently left out.
  for (const dir of [TASKS_DIR, MILESTONES_DIR])
    for (const path of source.list(dir))
      if (!path.endsWith('.md') && /\.(?:md|markdown|mdown|mkdn?)$/i.test(path))
        problems.push({
          file: path,
          severity: 'warning',
          message: `not read: only files whose names end in '.md' are ${dir === TASKS_DIR ? 'blueprints' : 'milestones'}`,
        });
  for (const path of source.list(MILESTONES_DIR).filter((p) => p.endsWith('.md'))) {
    const data = readChecked(source, path, problems);
    if (data === undefined) continue;
    const r = parseMilestone(data, path);
    problems.push(...r.problems);
    if (r.milestone) milestones.push(r.milestone);
    else broken.set(path, data);
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
  problems.push(...crossCheck(tasks, milestones, source, invalidTaskIds(broken)));
  const project: Project = { root, tasks, milestones, ...(quality ? { quality } : {}), problems };
  brokenFiles.set(project, broken);
  return project;
}

/**
 * The ids the invalid blueprint files declare (`id:` at the start of a line of their front matter), so
 * that a milestone or a dependency naming one is told the blueprint is invalid, not that the task is
 * unknown.
 */
function invalidTaskIds(broken: Map<string, Buffer>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, data] of broken) {
    if (!path.startsWith(`${TASKS_DIR}/`)) continue;
    const head = data.subarray(0, 64 * 1024).toString('utf8');
    const m =
      /^---\r?\n(?:[^\n]*\n){0,200}?id:[ \t]*(["']?)([A-Za-z][A-Za-z0-9_-]{0,63})\1[ \t]*(?:#[^\n]*)?\r?$/m.exec(
        head,
      );
    if (m && !out.has(m[2]!)) out.set(m[2]!, path);
  }
  return out;
}

function crossCheck(
  tasks: Blueprint[],
  milestones: Milestone[],
  source: FileSource,
  invalid: Map<string, string> = new Map(),
): Problem[] {
  /** What to say of an id that names no valid task. */
  const unknown = (what: string, id: string): string => {
    const path = invalid.get(id);
    return path
      ? `${what} ${id}, whose blueprint ${path} is invalid (see its own errors)`
      : `${what} unknown task ${id}${suggest(id, known())}`;
  };
  const problems: Problem[] = [];
  const byId = new Map<string, Blueprint>();
  // Ids that differ only in case name the same bundle directory and branch on a case-insensitive file
  // system (macOS, Windows): one task's bundle or branch would be the other's.
  const byFolded = new Map<string, Blueprint>();
  for (const t of tasks) {
    const prev = byId.get(t.id);
    if (prev) {
      problems.push({
        file: t.path,
        line: lineOfField(t, 'id'),
        field: 'id',
        severity: 'error',
        message: `duplicate task id ${t.id}: also defined in ${prev.path}`,
      });
      problems.push({
        file: prev.path,
        line: lineOfField(prev, 'id'),
        field: 'id',
        severity: 'error',
        message: `duplicate task id ${t.id}: also defined in ${t.path}`,
      });
      continue;
    }
    byId.set(t.id, t);
    // `TASK-7.md` declaring `id: TASK-6`: `guardian show TASK-7` would call TASK-7 unknown.
    const named = /^([A-Za-z]+-\d+)(?![A-Za-z0-9])/.exec(t.path.slice(t.path.lastIndexOf('/') + 1));
    if (named && named[1] !== t.id && !nameHasId(t.path, t.id))
      problems.push({
        file: t.path,
        line: lineOfField(t, 'id'),
        field: 'id',
        severity: 'warning',
        message: `the file is named after ${named[1]} but its id is ${t.id}`,
      });
    const folded = t.id.toLowerCase();
    const other = byFolded.get(folded);
    if (other) {
      problems.push({
        file: t.path,
        line: lineOfField(t, 'id'),
        field: 'id',
        severity: 'error',
        message: `task id ${t.id} differs from ${other.id} (${other.path}) only in case: they would share a bundle directory and a branch on a case-insensitive file system`,
      });
    } else byFolded.set(folded, t);
  }
  // The known ids a "did you mean" lists, computed once (not once per unknown id).
  let knownIds: string[] | undefined;
  const known = () => (knownIds ??= [...byId.keys()]);
  const milestoneIds = new Map<string, Milestone>();
  // As for tasks: a milestone id names a branch, and `MVP` and `mvp` would be one on macOS or Windows.
  const milestonesFolded = new Map<string, Milestone>();
  for (const m of milestones) {
    const prev = milestoneIds.get(m.id);
    if (prev) {
      problems.push({
        file: m.path,
        ...(m.fieldLines?.id ? { line: m.fieldLines.id } : {}),
        field: 'id',
        severity: 'error',
        message: `duplicate milestone id ${m.id}: also defined in ${prev.path}`,
      });
      continue;
    }
    milestoneIds.set(m.id, m);
    const other = milestonesFolded.get(m.id.toLowerCase());
    if (other) {
      problems.push({
        file: m.path,
        ...(m.fieldLines?.id ? { line: m.fieldLines.id } : {}),
        field: 'id',
        severity: 'error',
        message: `milestone id ${m.id} differs from ${other.id} (${other.path}) only in case: they would share a branch on a case-insensitive file system`,
      });
    } else milestonesFolded.set(m.id.toLowerCase(), m);
  }
  for (const t of tasks) {
    for (const dep of t.dependsOn) {
      if (!byId.has(dep)) {
        problems.push({
          file: t.path,
          line: lineOfField(t, 'depends_on'),
          field: 'depends_on',
          severity: 'error',
          message: unknown('depends on', dep),
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
  // A task runs in the milestone run that reaches it first; a second milestone listing it then finds it
  // done (or runs it on another branch), which is rarely what the architect meant.
  const listedIn = new Map<string, Milestone>();
  const members = new Map<string, Set<string>>();
  for (const m of milestones) {
    members.set(m.id, new Set(m.tasks));
    const line = m.fieldLines?.tasks ? { line: m.fieldLines.tasks } : {};
    for (const id of m.tasks) {
      if (!byId.has(id)) {
        problems.push({
          file: m.path,
          ...line,
          field: 'tasks',
          severity: 'error',
          message: unknown('names', id),
        });
        continue;
      }
      const first = listedIn.get(id);
      if (first && first.id !== m.id) {
        problems.push({
          file: m.path,
          ...line,
          field: 'tasks',
          severity: 'warning',
          message: `${id} is also listed in milestone ${first.id} (${first.path}): a task belongs to one milestone — whichever milestone runs first commits it, and the other skips it as done`,
        });
      } else if (!first) listedIn.set(id, m);
    }
  }
  for (const t of tasks) {
    if (t.milestone === undefined || !milestoneIds.has(t.milestone)) continue;
    const m = milestoneIds.get(t.milestone)!;
    if (members.get(m.id)?.has(t.id)) continue;
    const actual = listedIn.get(t.id);
    problems.push({
      file: t.path,
      line: lineOfField(t, 'milestone'),
      field: 'milestone',
      severity: 'warning',
      message: `milestone ${m.id} (${m.path}) does not list ${t.id} in its \`tasks\`, so running it will not run this task${actual ? ` (milestone ${actual.id} lists it)` : ''}: add it there, or change this field`,
    });
  }
  const { cycles, more } = cyclesOf(tasks);
  for (const cycle of cycles) {
    const first = byId.get(cycle[0]!)!;
    problems.push({
      file: first.path,
      line: lineOfField(first, 'depends_on'),
      field: 'depends_on',
      severity: 'error',
      message: `dependency cycle: ${cycle.join(' → ')}`,
    });
  }
  if (more) {
    const first = byId.get(cycles[cycles.length - 1]![0]!)!;
    problems.push({
      file: first.path,
      line: lineOfField(first, 'depends_on'),
      field: 'depends_on',
      severity: 'error',
      message: `more dependency cycles than the ${MAX_CYCLES} listed: break these first`,
    });
  }
  return problems;
}

function suggest(id: string, known: string[]): string {
  return known.length ? ` (known: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''})` : '';
}

/** The line of a front matter key, as the YAML parser found it (a quoted key included). */
function lineOfField(t: Blueprint, field: string): number {
  const known = t.fieldLines?.[field];
  if (known !== undefined) return known;
  const m = new RegExp(`^${field}\\s*:`, 'm').exec(t.raw);
  return m ? t.raw.slice(0, m.index).split('\n').length : 1;
}

/** Dependency cycles listed at most: 1,500 tasks each depending on all the others hold a million. */
export const MAX_CYCLES = 100;

/**
 * Each dependency cycle once, as a path that returns to its start: [A, B, A], the first `MAX_CYCLES`
 * found (`more`: whether there are others). A depth-first search with its own stack (a chain of
 * thousands of tasks overflowed the call stack when it recursed); once the list is full, further cycles
 * are only noted, not built (building each of a million cycles of a thousand tasks never finished).
 */
export function cyclesOf(tasks: Blueprint[]): { cycles: string[][]; more: boolean } {
  let more = false;
  const deps = new Map(tasks.map((t) => [t.id, t.dependsOn]));
  const state = new Map<string, 1 | 2>();
  /** The path being explored, with each task's position in it and how many of its deps were seen. */
  const stack: string[] = [];
  const position = new Map<string, number>();
  const nextDep: number[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const enter = (id: string) => {
    state.set(id, 1);
    position.set(id, stack.length);
    stack.push(id);
    nextDep.push(0);
  };
  for (const t of [...tasks].sort((a, b) => a.id.localeCompare(b.id))) {
    if (state.has(t.id)) continue;
    enter(t.id);
    while (stack.length) {
      const top = stack.length - 1;
      const id = stack[top]!;
      const ds = deps.get(id) ?? [];
      if (nextDep[top]! < ds.length) {
        const d = ds[nextDep[top]!++]!;
        if (!deps.has(d)) continue;
        if (state.get(d) === 1) {
          if (cycles.length >= MAX_CYCLES) {
            more = true;
            continue;
          }
          const cycle = [...stack.slice(position.get(d)), d];
          const key = [...cycle.slice(0, -1)].sort().join(',');
          if (!seen.has(key)) {
            seen.add(key);
            cycles.push(cycle);
          }
        } else if (!state.has(d)) enter(d);
      } else {
        stack.pop();
        nextDep.pop();
        position.delete(id);
        state.set(id, 2);
      }
    }
  }
  return { cycles, more };
}

/** Each dependency cycle once (the first `MAX_CYCLES`), as a path that returns to its start. */
export function findCycles(tasks: Blueprint[]): string[][] {
  return cyclesOf(tasks).cycles;
}

/**
 * One line of text for a problem. Its parts quote untrusted files (a file name, a key, a value), so
 * control characters are written out (`\u001b`): an escape sequence or a line break in a blueprint
 * cannot rewrite the terminal or forge another problem line.
 */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return escapeControlChars(`${where}: ${p.severity}: ${p.field ? `${p.field}: ` : ''}${p.message}`);
}

export function errorsOf(problems: Problem[], file?: string): Problem[] {
  return problems.filter((p) => p.severity === 'error' && (file === undefined || p.file === file));
}

/** Whether a file's name holds `id` as a whole word: `TASK-7` in `TASK-7_login.md`, not in `TASK-70.md`. */
function nameHasId(path: string, id: string): boolean {
  if (id === '') return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const alnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
  for (let i = name.indexOf(id); i >= 0; i = name.indexOf(id, i + 1)) {
    if (!alnum(name[i - 1]) && !alnum(name[i + id.length])) return true;
  }
  return false;
}

/** The `id` a file that did not parse declares in its front matter, when it declares a string. */
function declaredId(project: Project, path: string): string | undefined {
  let ids = declaredIds.get(project);
  if (!ids) declaredIds.set(project, (ids = new Map()));
  if (!ids.has(path)) {
    const data = brokenFiles.get(project)?.get(path);
    const text = data === undefined ? undefined : decodeSpecFile(data, path).text;
    const id = text === undefined ? undefined : parseFrontMatter(text, path).fm?.data.id;
    ids.set(path, typeof id === 'string' ? id : undefined);
  }
  return ids.get(path);
}

/**
 * The errors (from `errors`, in order) of the files in `dir` that did not load but are meant to define
 * `id`: the file declares that id, or its name holds it as a whole word (a link or an unreadable file
 * says nothing else). Files that did load (`loaded`) have another id and are not meant.
 */
function brokenFileErrors(
  project: Project,
  errors: Problem[],
  dir: string,
  id: string,
  loaded: Set<string>,
): Problem[] {
  const meant = new Map<string, boolean>();
  return errors.filter((p) => {
    if (!p.file.startsWith(`${dir}/`) || loaded.has(p.file)) return false;
    let m = meant.get(p.file);
    if (m === undefined) {
      m = nameHasId(p.file, id) || declaredId(project, p.file) === id;
      meant.set(p.file, m);
    }
    return m;
  });
}

/** The task with this id, or a user error: unknown id, or a blueprint with errors (all listed). */
export function requireTask(project: Project, taskId: string): Blueprint {
  return taskLookup(project)(taskId);
}

/**
 * `requireTask` for many ids of one project (a milestone's tasks): the tasks and the errors are indexed
 * once, so checking thousands of tasks does not rescan every task and problem for each.
 */
export function taskLookup(project: Project): (taskId: string) => Blueprint {
  const byId = new Map<string, Blueprint>();
  for (const t of project.tasks) if (!byId.has(t.id)) byId.set(t.id, t);
  // Positions in `errors` of each file's errors, and of the errors saying an id is defined twice.
  const errors = errorsOf(project.problems);
  const ofFile = new Map<string, number[]>();
  const ofDuplicate = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  let loaded: Set<string> | undefined;
  let known: string[] | undefined;
  errors.forEach((p, i) => {
    add(ofFile, p.file, i);
    const dup = p.field === 'id' ? /^duplicate task id (\S+): /.exec(p.message) : null;
    if (dup) add(ofDuplicate, dup[1]!, i);
  });
  return (taskId) => {
    const task = byId.get(taskId);
    if (!task) {
      // The blueprint may exist but fail to parse: point at its problems rather than "unknown".
      loaded ??= new Set(project.tasks.map((t) => t.path));
      const broken = brokenFileErrors(project, errors, TASKS_DIR, taskId, loaded);
      if (broken.length) {
        throw new ConfigurationError(
          `task ${escapeControlChars(taskId)} has an invalid blueprint:\n${broken.map(formatProblem).join('\n')}`,
        );
      }
      known ??= project.tasks.map((t) => t.id).sort();
      // A blueprint named after the id that declares another one is the likely mistake.
      const misnamed = project.tasks
        .filter((t) => nameHasId(t.path, taskId))
        .map((t) => `; ${t.path} declares id ${t.id}`)
        .join('');
      throw new ConfigurationError(
        `unknown task ${escapeControlChars(taskId)}: no blueprint in ${TASKS_DIR}/ has this id${misnamed}${known.length ? ` (known: ${known.join(', ')})` : ''}`,
      );
    }
    // Its own file's errors, and another file defining the same id (exactly this id: TASK-10 defined
    // twice says nothing about TASK-1), in the order they were found.
    const at = [...new Set([...(ofFile.get(task.path) ?? []), ...(ofDuplicate.get(task.id) ?? [])])];
    const errs = at.sort((a, b) => a - b).map((i) => errors[i]!);
    if (errs.length) {
      throw new ConfigurationError(`task ${taskId} has problems:\n${errs.map(formatProblem).join('\n')}`);
    }
    return task;
  };
}

export function requireMilestone(project: Project, id: string): Milestone {
  const m = project.milestones.find((x) => x.id === id);
  if (!m) {
    // The milestone file may exist but fail to load: point at its problems rather than "unknown".
    const broken = brokenFileErrors(
      project,
      errorsOf(project.problems),
      MILESTONES_DIR,
      id,
      new Set(project.milestones.map((x) => x.path)),
    );
    if (broken.length) {
      throw new ConfigurationError(
        `milestone ${escapeControlChars(id)} has an invalid file:\n${broken.map(formatProblem).join('\n')}`,
      );
    }
    const known = project.milestones.map((x) => x.id).sort();
    throw new ConfigurationError(
      `unknown milestone ${escapeControlChars(id)}: no file in ${MILESTONES_DIR}/ has this id${known.length ? ` (known: ${known.join(', ')})` : ''}`,
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
