/** `guardian lint | list | next | show`: reading the project's specs. */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { checkBranchName, pushTargetProblem } from '../../git/commit.js';
import { isGitDirWithoutWorkTree, isGitRepo, repoRoot } from '../../git/git.js';
import {
  formatProblem,
  loadProject,
  readyTasks,
  requireMilestone,
  requireTask,
  TASK_STATUSES,
  TASKS_DIR,
  type Blueprint,
  type Project,
} from '../../spec/index.js';
import { replaceControlChars } from '../../util/chars.js';
import { table } from '../io.js';
import type { CommandContext } from './index.js';

export const JSON_SCHEMA_VERSION = 1;

export function resolveRoot(ctx: CommandContext, root: string | undefined): string {
  // `--root "$REPO"` with REPO unset would otherwise run in the current directory (and commit there).
  if (root === '') throw new UsageError('--root: empty value; expected <dir>: repository root');
  const abs = resolve(ctx.io.cwd, root ?? '.');
  if (!existsSync(abs) || !statSync(abs).isDirectory())
    throw new UsageError(`--root ${root ?? '.'}: not a directory`);
  // A bare repository, or the .git folder of a clone: git answers there, but there are no files to
  // read or change, and its own refusals ("must be run in a work tree") say nothing of the cause.
  if (isGitDirWithoutWorkTree(abs)) {
    throw new UsageError(
      `${abs} is a git directory without a work tree (a bare repository, or inside .git): run Guardian in the work tree of a clone`,
    );
  }
  return abs;
}

/**
 * The root of the commands that read the specs. From a folder of a repository whose specs/ lives
 * higher up, they would find no task at all (and `lint` would say "ok"): a note says where they are.
 */
export function specsRoot(ctx: CommandContext, root: string | undefined): string {
  const abs = resolveRoot(ctx, root);
  if (existsSync(join(abs, 'specs')) || !isGitRepo(abs)) return abs;
  const top = repoRoot(abs);
  if (realpathSync(top) !== realpathSync(abs) && existsSync(join(top, 'specs'))) {
    ctx.io.stderr.write(
      `guardian: note: no specs/ in ${shown(abs)}; this repository's specs/ is in ${shown(top)} (run there, or pass --root ${shown(top)})\n`,
    );
  }
  return abs;
}

/** `--branch` and `--push` of the commands that commit: refused before anything runs, not after. */
export function checkCommitFlags(root: string, flags: { branch?: string; push?: string }): void {
  if (flags.branch !== undefined) {
    try {
      checkBranchName(root, flags.branch);
    } catch {
      throw new UsageError(`--branch ${flags.branch}: not a valid branch name`);
    }
  }
  if (flags.push !== undefined) {
    const why = pushTargetProblem(root, flags.push);
    if (why) throw new UsageError(`--push ${flags.push}: ${why}`);
  }
}

function json(ctx: CommandContext, value: unknown) {
  ctx.io.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** The end of `run` and `milestone`: the result as JSON or a summary table, and the exit code. */
export function writeLineResult<R extends object>(
  ctx: CommandContext,
  asJson: boolean,
  result: R,
  render: (r: R) => string,
  exitCode: (r: R) => number,
): void {
  if (asJson) json(ctx, { schemaVersion: JSON_SCHEMA_VERSION, ...result });
  else ctx.io.stdout.write(render(result));
  ctx.setExitCode(exitCode(result));
}

/** Each task's milestones (the files that list it), indexed once per project. */
const milestoneIndex = new WeakMap<Project, Map<string, string[]>>();

function milestonesOf(project: Project, t: Blueprint): string[] {
  // An index, not `m.tasks.includes` per task: `list` of 20,000 tasks in one milestone compared
  // every task with every listed id.
  let index = milestoneIndex.get(project);
  if (!index) {
    index = new Map();
    for (const m of project.milestones) {
      for (const id of m.tasks) {
        const ids = index.get(id);
        if (!ids) index.set(id, [m.id]);
        else if (!ids.includes(m.id)) ids.push(m.id);
      }
    }
    milestoneIndex.set(project, index);
  }
  const ids = [...(index.get(t.id) ?? [])];
  if (t.milestone && !ids.includes(t.milestone)) ids.push(t.milestone);
  return ids;
}

/**
 * Text from a user's files as a terminal shows it: control characters (escape sequences, bidi
 * overrides, a line break inside one value) are written out as `\uXXXX`; tabs stay.
 */
function shown(s: string): string {
  return replaceControlChars(s, (c) =>
    c === '\t' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * `list` and `next` read only the blueprints that load: one with errors would be left out without a
 * word (and `next` could pick a task behind it). A note on stderr names them; stdout stays as it was.
 */
function noteBrokenBlueprints(ctx: CommandContext, project: Project): void {
  const loaded = new Set(project.tasks.map((t) => t.path));
  const broken = [
    ...new Set(
      project.problems
        .filter((p) => p.severity === 'error' && p.file.startsWith(`${TASKS_DIR}/`) && p.file.endsWith('.md'))
        .map((p) => p.file)
        .filter((f) => !loaded.has(f)),
    ),
  ].sort();
  if (!broken.length) return;
  const named =
    broken.slice(0, 3).map(shown).join(', ') + (broken.length > 3 ? ` and ${broken.length - 3} more` : '');
  ctx.io.stderr.write(
    `guardian: note: left out ${broken.length} blueprint(s) with errors: ${named} (run \`guardian lint\` to see them)\n`,
  );
}

/** How many waiting task ids `next` names before it says how many more there are. */
const MAX_NAMED_WAITING = 20;

export function taskSummary(project: Project, t: Blueprint) {
  return {
    id: t.id,
    title: t.title,
    status: t.status,
    path: t.path,
    dependsOn: t.dependsOn,
    milestones: milestonesOf(project, t),
    requirementId: t.requirementId ?? null,
    branch: t.branch ?? null,
    labels: t.labels,
  };
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('lint')
    .description(
      'check blueprints, milestones and quality.toml; exit 0 when clean, 1 on problems, 2 on usage errors',
    )
    .option('--root <dir>', 'repository root', '.')
    .option('--json', 'machine-readable output (schema: docs in README, "guardian lint --json")')
    .action((opts: { root: string; json?: boolean }) => {
      const root = specsRoot(ctx, opts.root);
      const project = loadProject(root);
      const errors = project.problems.filter((p) => p.severity === 'error');
      const warnings = project.problems.filter((p) => p.severity === 'warning');
      if (opts.json) {
        json(ctx, {
          schemaVersion: JSON_SCHEMA_VERSION,
          root,
          ok: errors.length === 0,
          errorCount: errors.length,
          warningCount: warnings.length,
          tasks: project.tasks.length,
          milestones: project.milestones.length,
          problems: project.problems.map((p) => ({
            file: p.file,
            line: p.line ?? null,
            field: p.field ?? null,
            severity: p.severity,
            message: p.message,
          })),
        });
      } else {
        const sorted = [...project.problems].sort(
          (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
        );
        for (const p of sorted) ctx.io.stdout.write(formatProblem(p) + '\n');
        ctx.io.stdout.write(
          `${errors.length === 0 ? 'ok' : 'problems found'}: ${project.tasks.length} task(s), ${project.milestones.length} milestone(s), ` +
            `${errors.length} error(s), ${warnings.length} warning(s)\n`,
        );
      }
      ctx.setExitCode(errors.length ? 1 : 0);
    });

  program
    .command('list')
    .description('list tasks with their status, dependencies and milestones')
    .option('--root <dir>', 'repository root', '.')
    .option('--status <status>', `only tasks with this status (${TASK_STATUSES.join(', ')})`)
    .option('--milestone <id>', "only the milestone's tasks, in its order")
    .option('--json', 'machine-readable output')
    .action((opts: { root: string; status?: string; milestone?: string; json?: boolean }) => {
      if (opts.status && !TASK_STATUSES.includes(opts.status as never)) {
        throw new UsageError(`--status ${opts.status}: expected one of ${TASK_STATUSES.join(', ')}`);
      }
      const project = loadProject(specsRoot(ctx, opts.root));
      noteBrokenBlueprints(ctx, project);
      let tasks = [...project.tasks].sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
      if (opts.milestone) {
        const m = requireMilestone(project, opts.milestone);
        const byId = new Map(tasks.map((t) => [t.id, t]));
        tasks = m.tasks.map((id) => byId.get(id)).filter((t): t is Blueprint => !!t);
      }
      if (opts.status) tasks = tasks.filter((t) => t.status === opts.status);
      if (opts.json) {
        json(ctx, { schemaVersion: JSON_SCHEMA_VERSION, tasks: tasks.map((t) => taskSummary(project, t)) });
        return;
      }
      if (!tasks.length) {
        ctx.io.stdout.write('no tasks\n');
        return;
      }
      ctx.io.stdout.write(
        table(
          ['ID', 'STATUS', 'DEPENDS ON', 'MILESTONE', 'TITLE'],
          tasks.map((t) =>
            [
              t.id,
              t.status,
              t.dependsOn.join(',') || '-',
              milestonesOf(project, t).join(',') || '-',
              t.title,
            ].map(shown),
          ),
        ),
      );
    });

  program
    .command('next')
    .description('print the first pending task whose dependencies are done (exit 1 when none is ready)')
    .option('--root <dir>', 'repository root', '.')
    .option('--milestone <id>', "in this milestone's order")
    .option('--json', 'machine-readable output')
    .action((opts: { root: string; milestone?: string; json?: boolean }) => {
      const project = loadProject(specsRoot(ctx, opts.root));
      noteBrokenBlueprints(ctx, project);
      const m = opts.milestone ? requireMilestone(project, opts.milestone) : undefined;
      const ready = readyTasks(project, m);
      const next = ready[0];
      if (opts.json) {
        json(ctx, {
          schemaVersion: JSON_SCHEMA_VERSION,
          task: next ? taskSummary(project, next) : null,
          ready: ready.map((t) => t.id),
        });
      } else if (next) {
        ctx.io.stdout.write(`${next.id}\n`);
      } else {
        const status = new Map<string, string>();
        for (const t of project.tasks) if (!status.has(t.id)) status.set(t.id, t.status);
        const pending = (m ? m.tasks : project.tasks.map((t) => t.id)).filter(
          (id) => status.get(id) === 'pending',
        );
        const named =
          pending.length > MAX_NAMED_WAITING
            ? `${pending.slice(0, MAX_NAMED_WAITING).join(', ')} and ${pending.length - MAX_NAMED_WAITING} more`
            : pending.join(', ');
        ctx.io.stderr.write(
          pending.length
            ? `no task is ready: pending tasks wait on dependencies (${named})\n`
            : 'no pending task\n',
        );
      }
      ctx.setExitCode(next ? 0 : 1);
    });

  program
    .command('show')
    .description('show one task: fields, acceptance criteria, verification plan')
    .argument('<task-id>', 'task id, e.g. TASK-042')
    .option('--root <dir>', 'repository root', '.')
    .option('--json', 'machine-readable output')
    .action((taskId: string, opts: { root: string; json?: boolean }) => {
      const project = loadProject(specsRoot(ctx, opts.root));
      const t = requireTask(project, taskId);
      if (opts.json) {
        json(ctx, {
          schemaVersion: JSON_SCHEMA_VERSION,
          task: {
            ...taskSummary(project, t),
            relevantTests: t.relevantTests,
            acceptanceCriteria: t.acceptanceCriteria,
            plan: t.plan,
            sections: Object.fromEntries(
              Object.entries(t.sections).map(([k, s]) => [
                k,
                { title: s!.title, line: s!.line, body: s!.body },
              ]),
            ),
          },
        });
        return;
      }
      const out: string[] = [];
      out.push(`${t.id}: ${t.title}`);
      out.push(`  file:         ${t.path}`);
      out.push(`  status:       ${t.status}`);
      if (t.requirementId) out.push(`  requirement:  ${t.requirementId}`);
      out.push(`  branch:       ${t.branch ?? `guardian/${t.id} (default)`}`);
      if (t.dependsOn.length) out.push(`  depends on:   ${t.dependsOn.join(', ')}`);
      const ms = milestonesOf(project, t);
      if (ms.length) out.push(`  milestones:   ${ms.join(', ')}`);
      if (t.relevantTests.length) out.push(`  tests:        ${t.relevantTests.join(', ')}`);
      if (t.sections.goal) out.push('', 'Goal:', ...t.sections.goal.body.split('\n').map((l) => `  ${l}`));
      if (t.acceptanceCriteria.length) {
        out.push('', 'Acceptance criteria:');
        for (const c of t.acceptanceCriteria) out.push(`  [${c.checked ? 'x' : ' '}] ${c.text}`);
      }
      out.push('', 'Verification plan:');
      if (!t.plan.length) out.push('  (none)');
      for (const s of t.plan) {
        out.push(
          `  ${s.stage.padEnd(12)} expects ${s.expects.padEnd(4)}  ${s.command}${s.timeout ? `  (timeout ${s.timeout}s)` : ''}`,
        );
      }
      // The blueprint is untrusted text: its escape sequences and bidi overrides are shown, not obeyed
      // (line breaks of the sections stay; one inside a command or a criterion is written out).
      ctx.io.stdout.write(out.map(shown).join('\n') + '\n');
    });
}
