/**
 * The milestone driver: a milestone's tasks in dependency order, each through the whole line, halting
 * at the first failure. Tasks already done are skipped, so a second run continues where the first one
 * stopped.
 *
 * With `parallel > 1`, tasks whose dependencies are done run at the same time, each in its own git
 * worktree (the local counterpart of the runners' matrix) up to and including the Validator. Their
 * Completion then runs in the main checkout one at a time, in the order a sequential run would have
 * used, so the branch ends up with the same commits (same trees, same messages) as a sequential run.
 */
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import {
  bundleDirFor,
  emptyUsage,
  addUsage,
  readManifest,
  writeManifest,
  type Usage,
} from '../bundle/bundle.js';
import { GuardianError, UsageError } from '../errors.js';
import { execGit, headCommit } from '../git/git.js';
import { branchTip, checkBranchName, currentBranch } from '../git/commit.js';
import { applyPatchToTree } from '../git/patch.js';
import { addWorktree, linkDependencies } from '../git/worktree.js';
import { loadProject, type Blueprint, type Project } from '../spec/index.js';
import { ensureDir } from '../util/fs.js';
import { silentLogger, type Logger } from '../util/log.js';
import { onExit } from '../util/temp.js';
import { signalsDelivered } from './interrupt.js';
import { appendLedger } from './ledger.js';
import { withRunLock } from './lock.js';
import { planMilestone, type MilestonePlan } from './plan.js';
import { silentProgress } from './progress.js';
import { dirtyPaths, ensureGitRepo, newRunId, runTask } from './task.js';
import type {
  MilestoneRunResult,
  MilestoneTaskResult,
  RunMilestoneOptions,
  RunTaskOptions,
  TaskRunResult,
} from './types.js';

export const MAX_PARALLEL = 16;

/** How the note of a task a dry run cannot try (its dependency is not committed) begins. */
const DRY_RUN_NOT_RUN = 'not tried in a dry run';

type DepsReady = 'ready' | 'wait' | { blocked: string } | { notRun: string };

/** Settles a task that cannot run (blocked, or not tried in a dry run); false when it may still run. */
function settle(t: Blueprint, ready: DepsReady, results: Map<string, MilestoneTaskResult>): boolean {
  if (typeof ready !== 'object') return false;
  results.set(
    t.id,
    'blocked' in ready
      ? { taskId: t.id, title: t.title, state: 'blocked', reason: ready.blocked }
      : { taskId: t.id, title: t.title, state: 'not_run', reason: ready.notRun },
  );
  return true;
}

export function parseParallel(value: string | number | undefined): number {
  if (value === undefined) return 1;
  // Decimal digits only: Number() would take 0x2, 1e0 and 2.0.
  const n = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PARALLEL) {
    throw new UsageError(`--parallel ${value}: expected a whole number from 1 to ${MAX_PARALLEL}`);
  }
  return n;
}

function prefixed(log: Logger, prefix: string): Logger {
  return {
    info: (m) => log.info(`${prefix} ${m}`),
    warn: (m, w) => log.warn(`${prefix} ${m}`, w),
    error: (m, w) => log.error(`${prefix} ${m}`, w),
    debug: (m) => log.debug(`${prefix} ${m}`),
    group: (name, fn) => log.group(`${prefix} ${name}`, fn),
  };
}

/** Whether the task's bundle was built against `head`: then the run resumes it instead of starting over. */
function resumable(root: string, taskId: string, head: string): boolean {
  const dir = bundleDirFor(root, taskId);
  if (!existsSync(join(dir, 'manifest.json'))) return false;
  try {
    return readManifest(dir, taskId).baseCommit === head;
  } catch {
    return false;
  }
}

function stateOf(r: TaskRunResult): MilestoneTaskResult['state'] {
  switch (r.outcome) {
    case 'committed':
      return 'done';
    case 'already_done':
      return 'skipped';
    case 'validated':
      return 'validated';
    case 'failed':
      return 'failed';
    case 'blocked':
      return 'blocked';
    case 'interrupted':
      return 'interrupted';
    default:
      return 'paused';
  }
}

export async function runMilestone(opts: RunMilestoneOptions): Promise<MilestoneRunResult> {
  const root = resolve(opts.root);
  const log = opts.log ?? silentLogger;
  parseParallel(opts.parallel);
  ensureGitRepo(root);
  // What makes the milestone impossible is refused before the lock: nothing is written for it.
  const plan = planMilestone(loadProject(root), opts.milestone);
  if (!opts.dryRun) checkBranchName(root, opts.branch ?? `guardian/${plan.milestone.id}`);
  // One run at a time per checkout; the milestone's task runs go on under its lock.
  const command = `guardian milestone ${plan.milestone.id}${opts.dryRun ? ' --dry-run' : ''}`;
  return withRunLock(root, command, log, () => runMilestoneLocked(opts));
}

/**
 * The milestone's next task, when the working tree's changes can only be meant for it: its bundle was
 * built on HEAD (the run paused there, waiting for a change made by hand, or stopped before committing)
 * and its dependencies are done. Resuming it validates and commits them, as `guardian run --resume` would.
 */
function tasksAwaitingChange(root: string, project: Project, plan: MilestonePlan): Blueprint[] {
  const head = headCommit(root);
  const statusOf = new Map(project.tasks.map((t) => [t.id, t.status]));
  return plan.order.filter(
    (t) =>
      t.status !== 'done' &&
      t.dependsOn.every((d) => statusOf.get(d) === 'done') &&
      resumable(root, t.id, head),
  );
}

async function runMilestoneLocked(opts: RunMilestoneOptions): Promise<MilestoneRunResult> {
  const root = resolve(opts.root);
  const log = opts.log ?? silentLogger;
  const progress = opts.progress ?? silentProgress;
  const parallel = parseParallel(opts.parallel);
  const signal = opts.signal ?? new AbortController().signal;
  const startedAt = Date.now();
  ensureGitRepo(root);

  // Everything that would make the milestone impossible is refused here, before any task runs.
  let project = loadProject(root);
  let plan = planMilestone(project, opts.milestone);
  const branch = opts.branch ?? `guardian/${plan.milestone.id}`;
  /** A task to resume first, with the change made by hand in the working tree. */
  let resumeFirst: Blueprint | undefined;
  if (!opts.dryRun) {
    checkBranchName(root, branch);
    const dirty = dirtyPaths(root);
    if (dirty.length && plan.order.some((t) => t.status !== 'done')) {
      const waiting = currentBranch(root) === branch ? tasksAwaitingChange(root, project, plan) : [];
      if (waiting.length === 1) {
        resumeFirst = waiting[0]!;
        log.info(
          `the working tree has changes and ${resumeFirst.id} waits for a change on ${branch}: resuming ${resumeFirst.id} with them (as \`guardian run ${resumeFirst.id} --resume --branch ${branch}\` does)`,
        );
      } else {
        const shown = dirty.slice(0, 5).join(', ') + (dirty.length > 5 ? `, … (${dirty.length} in all)` : '');
        throw new GuardianError(
          `the working tree has uncommitted changes (${shown}): milestone ${plan.milestone.id} commits each task on top of the last one and would mix them in. ` +
            'Commit or stash them first, or run with --dry-run (nothing is committed).' +
            (waiting.length > 1
              ? ` If they implement one of ${waiting.map((t) => t.id).join(', ')}, which all wait for a change, validate and commit them with \`guardian run <task-id> --resume --branch ${branch}\`, then run \`guardian milestone ${plan.milestone.id}\` again.`
              : ''),
        );
      }
    }
    // One branch holds the milestone's commits, each task on top of the one before (a task that depends
    // on another sees its change). It is checked out, so a second run continues where the first stopped.
    // A milestone with nothing left to do leaves the checkout where it is.
    const current = currentBranch(root);
    if (current !== branch && !dirty.length && plan.order.some((t) => t.status !== 'done')) {
      const exists = branchTip(root, branch) !== undefined;
      // Commits made where the user was since the milestone branch was made are not on it: a task done
      // there is still pending here. Said, not merged: merging is the user's decision.
      const behind = exists
        ? Number(execGit(['rev-list', '--count', `${branch}..HEAD`], { cwd: root }).stdout.trim()) || 0
        : 0;
      execGit(exists ? ['switch', '--quiet', branch] : ['switch', '--quiet', '-c', branch], { cwd: root });
      const was = current ?? 'a detached HEAD';
      log.info(`${exists ? 'switched to' : 'created and switched to'} branch ${branch} (was ${was})`);
      if (behind > 0) {
        const from = current ?? 'the commit you were on';
        log.warn(
          `${branch} does not have ${behind} commit(s) of ${from}: the milestone continues from ${branch} as it is (tasks done only on ${from} are not done here). To include them, run \`git merge ${current ?? '<commit>'}\` on ${branch}, then \`guardian milestone ${plan.milestone.id}\` again.`,
        );
      }
      project = loadProject(root);
      plan = planMilestone(project, opts.milestone);
    }
  }
  const runId = newRunId();
  const results = new Map<string, MilestoneTaskResult>();
  const statusNow = new Map(project.tasks.map((t) => [t.id, t.status]));
  const todo = plan.order.filter((t) => t.status !== 'done');

  for (const t of plan.order) {
    if (t.status === 'done') {
      results.set(t.id, { taskId: t.id, title: t.title, state: 'skipped', reason: 'already done' });
      continue;
    }
    const missing = plan.externalDeps.get(t.id)!.filter((d) => statusNow.get(d) !== 'done');
    if (missing.length) {
      results.set(t.id, {
        taskId: t.id,
        title: t.title,
        state: 'blocked',
        reason: `depends on ${missing.join(', ')} (outside the milestone), not done${
          opts.dryRun
            ? ''
            : ` on ${branch}: complete ${missing.length > 1 ? 'them' : 'it'} there first (${missing.map((d) => `\`guardian run ${d} --branch ${branch}\``).join(', ')})`
        }`,
      });
    }
  }
  if (todo.length === 0) log.info(`milestone ${plan.milestone.id}: every task is already done`);

  const taskOpts = (t: Blueprint): Omit<RunTaskOptions, 'root'> => ({
    taskId: t.id,
    ...(opts.dryRun ? { dryRun: true } : {}),
    ...(opts.push ? { push: opts.push } : {}),
    ...(opts.dryRun ? {} : { branch }),
    ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
    ...(opts.runUrl ? { runUrl: opts.runUrl } : {}),
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.stations ? { stations: opts.stations } : {}),
    log: parallel > 1 ? prefixed(log, `[${t.id}]`) : log,
    progress,
    signal,
    milestone: plan.milestone.id,
    milestoneRunId: runId,
    ledgerRoot: root,
  });

  const commits: string[] = [];
  const position = new Map(plan.order.map((t, i) => [t.id, i]));
  let halt: { taskId: string; state: MilestoneTaskResult['state'] } | undefined;

  /** Whether a task can start now; `blocked` and `notRun` settle it (the first is a failure, the second not). */
  const depsReady = (t: Blueprint): DepsReady => {
    for (const d of plan.internalDeps.get(t.id)!) {
      const r = results.get(d);
      if (!r) return 'wait';
      if (r.state === 'done' || r.state === 'skipped') continue;
      // A dry run commits nothing, so a task can never be tried on its dependency's change: that is
      // the dry run's limit, not a failure of the milestone.
      if (r.state === 'validated' || (r.state === 'not_run' && r.reason?.startsWith(DRY_RUN_NOT_RUN)))
        return {
          notRun: `${DRY_RUN_NOT_RUN}: it depends on ${d}, ${r.state === 'validated' ? 'which passed but is not committed' : 'which did not run either'}; a run without --dry-run commits ${d} first`,
        };
      if (r.state === 'not_run' || r.state === 'interrupted' || r.state === 'paused') return 'wait';
      return { blocked: `depends on ${d} (${r.state})` };
    }
    return 'ready';
  };

  const record = (t: Blueprint, r: TaskRunResult) => {
    const state = stateOf(r);
    results.set(t.id, { taskId: t.id, title: t.title, state, run: r });
    if (r.commit) commits.push(r.commit);
    // Tasks run side by side may stop out of order: the milestone halts where a sequential run would
    // have, at the first one in run order.
    if (
      (state === 'failed' || state === 'interrupted' || state === 'paused') &&
      (!halt || position.get(t.id)! < position.get(halt.taskId)!)
    )
      halt = { taskId: t.id, state };
  };

  if (resumeFirst && !results.has(resumeFirst.id)) {
    // In the main checkout, where the change is (a worktree would not have it), before anything else.
    const t = resumeFirst;
    record(t, await runTask({ root, ...taskOpts(t), resume: true }));
  }

  if (parallel === 1) {
    for (const t of plan.order) {
      if (results.has(t.id)) continue;
      if (halt || signal.aborted) break;
      const ready = depsReady(t);
      if (ready !== 'ready') {
        settle(t, ready, results);
        continue;
      }
      const head = headCommit(root);
      const r = await runTask({ root, ...taskOpts(t), resume: resumable(root, t.id, head) });
      record(t, r);
    }
  } else {
    await runParallel(
      root,
      plan,
      parallel,
      results,
      depsReady,
      record,
      taskOpts,
      () => halt?.taskId,
      signal,
      log,
    );
  }

  // What did not run, and why: a task that depends on one that stopped (or on one of those it blocked),
  // directly or not, is blocked by it; the others were not reached. The run order puts every task after
  // its dependencies, so each dependency is settled before its dependents.
  const stoppedStates = new Set<MilestoneTaskResult['state']>(['failed', 'interrupted', 'paused', 'blocked']);
  for (const t of plan.order) {
    if (results.has(t.id)) continue;
    const stoppedDep = plan.internalDeps
      .get(t.id)!
      .find((d) => stoppedStates.has(results.get(d)?.state ?? 'done'));
    if (stoppedDep) {
      results.set(t.id, {
        taskId: t.id,
        title: t.title,
        state: 'blocked',
        reason: `depends on ${stoppedDep} (${results.get(stoppedDep)!.state})`,
      });
    } else {
      results.set(t.id, {
        taskId: t.id,
        title: t.title,
        state: 'not_run',
        reason: halt ? `the milestone halted at ${halt.taskId}` : 'interrupted',
      });
    }
  }
  // Blocked tasks get a ledger entry too, so `guardian status` says why they did not run.
  for (const t of plan.order) {
    const r = results.get(t.id)!;
    if (r.state !== 'blocked' || r.run) continue;
    const at = new Date().toISOString();
    appendLedger(root, {
      schemaVersion: 1,
      runId: newRunId(),
      event: 'end',
      taskId: t.id,
      milestone: plan.milestone.id,
      milestoneRunId: runId,
      status: 'blocked',
      outcome: 'blocked',
      at,
      startedAt: at,
      durationMs: 0,
      resumed: false,
      dryRun: !!opts.dryRun,
      message: r.reason ?? 'blocked',
    });
  }

  const tasks = plan.order.map((t) => results.get(t.id)!);
  const usage = tasks.reduce<Usage>((acc, r) => addUsage(acc, r.run?.usage), emptyUsage());
  const outcome: MilestoneRunResult['outcome'] =
    signal.aborted || halt?.state === 'interrupted'
      ? 'interrupted'
      : halt?.state === 'failed'
        ? 'failed'
        : halt?.state === 'paused'
          ? 'paused'
          : tasks.some((r) => r.state === 'blocked')
            ? 'failed'
            : tasks.some((r) => r.state === 'validated')
              ? 'validated'
              : 'done';
  const id = plan.milestone.id;
  const doneCount = tasks.filter((r) => r.state === 'done').length;
  const skipped = tasks.filter((r) => r.state === 'skipped').length;
  const untried = tasks.filter((r) => r.state === 'not_run' && r.reason?.startsWith(DRY_RUN_NOT_RUN)).length;
  const message =
    outcome === 'done'
      ? `milestone ${id} done: ${doneCount} task(s) committed${skipped ? `, ${skipped} already done` : ''}`
      : outcome === 'failed'
        ? halt
          ? `milestone ${id} halted: ${halt.taskId} failed — ${results.get(halt.taskId)!.run?.message ?? ''}`
          : `milestone ${id} is blocked: ${tasks
              .filter((r) => r.state === 'blocked')
              .map((r) => `${r.taskId} (${r.reason})`)
              .join(', ')}`
        : outcome === 'interrupted'
          ? `milestone ${id} interrupted: run \`guardian milestone ${id}\` again to continue (done tasks are skipped, started ones resume)`
          : outcome === 'paused'
            ? `milestone ${id} paused at ${halt!.taskId}: ${results.get(halt!.taskId)!.run?.message ?? ''}` +
              (opts.dryRun
                ? ''
                : `; then run \`guardian milestone ${id}\` again (with the change still uncommitted, it resumes ${halt!.taskId} with it first)`)
            : `milestone ${id}: dry run passed for ${tasks.filter((r) => r.state === 'validated').length} task(s); nothing committed` +
              (untried
                ? `; ${untried} task(s) not tried: they depend on tasks a dry run does not commit`
                : '');
  return {
    milestone: id,
    title: plan.milestone.title,
    runId,
    outcome,
    tasks,
    commits,
    ...(halt && halt.state === 'failed' ? { failedTask: halt.taskId } : {}),
    usage,
    durationMs: Date.now() - startedAt,
    message,
  };
}

/**
 * Moves a bundle onto a new base commit (the tasks committed before it in milestone order): the
 * Validator's verdict and Completion's record are dropped, so the change is judged again on the commit
 * it will actually sit on. Returns false when the bundle is already based there.
 */
function rebaseBundle(root: string, taskId: string, head: string): boolean {
  const dir = bundleDirFor(root, taskId);
  const m = readManifest(dir, taskId);
  if (m.baseCommit === head) return false;
  m.baseCommit = head;
  delete m.stations.validate;
  delete m.stations.complete;
  for (const f of ['validation.json', 'validation.md']) rmSync(join(dir, f), { force: true });
  writeManifest(dir, m);
  return true;
}

/** Whether the task's change (its bundle's `changes.patch`) applies onto `head`; no patch applies anywhere. */
function patchApplies(root: string, taskId: string, head: string): boolean {
  const p = join(bundleDirFor(root, taskId), 'changes.patch');
  if (!existsSync(p)) return true;
  try {
    applyPatchToTree(root, head, readFileSync(p));
    return true;
  } catch (e) {
    if (e instanceof GuardianError) return false;
    throw e;
  }
}

/** Copies a task's bundle from one checkout to another (replacing what was there). */
function copyBundle(fromRoot: string, toRoot: string, taskId: string): void {
  const from = bundleDirFor(fromRoot, taskId);
  if (!existsSync(from)) return;
  const to = bundleDirFor(toRoot, taskId);
  rmSync(to, { recursive: true, force: true });
  ensureDir(dirname(to), toRoot);
  cpSync(from, to, { recursive: true });
}

async function runParallel(
  root: string,
  plan: MilestonePlan,
  parallel: number,
  results: Map<string, MilestoneTaskResult>,
  depsReady: (t: Blueprint) => DepsReady,
  record: (t: Blueprint, r: TaskRunResult) => void,
  taskOpts: (t: Blueprint) => Omit<RunTaskOptions, 'root'>,
  haltedAt: () => string | undefined,
  signal: AbortSignal,
  log: Logger,
): Promise<void> {
  /** Tasks through the Validator in their worktree, waiting for their turn to be committed. */
  const validated = new Map<string, TaskRunResult>();
  const running = new Map<string, Promise<void>>();
  const started = new Set<string>();
  /**
   * The first error a task's run threw (a bug, or git failing): surfaced once the tasks still running
   * in their worktrees have stopped — never while they go on writing under the milestone's lock.
   */
  let failure: { error: unknown } | undefined;
  const failed = async (e: unknown) => {
    // A Ctrl-C at the terminal reaches the git commands this process runs: a git it killed is the
    // interruption (its SIGINT handler runs once the event loop turns), not an error.
    await signalsDelivered();
    if (!signal.aborted) failure ??= { error: e };
  };
  const position = new Map(plan.order.map((t, i) => [t.id, i]));
  /**
   * Whether `t` is past the point where the milestone stopped. A task that halted the milestone stops
   * only the tasks after it in run order: those before it still run and are committed, as in a
   * sequential run (a later task may fail before an earlier one, run side by side, has finished).
   */
  const stopped = (t: Blueprint) => {
    if (failure !== undefined || signal.aborted) return true;
    const at = haltedAt();
    return at !== undefined && position.get(t.id)! > position.get(at)!;
  };

  // Up to the Validator in a worktree at the current HEAD; the bundle comes back to the main checkout.
  const launch = (t: Blueprint) => {
    started.add(t.id);
    const p = (async () => {
      const head = headCommit(root);
      const resume = resumable(root, t.id, head);
      const wt = addWorktree(root, head, undefined, 'guardian-task-');
      // A second Ctrl-C quits without unwinding this: the bundle (with the Coder's patch, which is work)
      // still comes back to the main checkout and the worktree is removed.
      const forgetExit = onExit(() => {
        try {
          copyBundle(wt.dir, root, t.id);
        } finally {
          wt.remove();
        }
      });
      try {
        linkDependencies(root, wt.dir);
        if (resume) copyBundle(root, wt.dir, t.id);
        const o = taskOpts(t);
        const r = await runTask({
          ...o,
          root: wt.dir,
          resume,
          ...(o.dryRun
            ? {}
            : {
                until: 'validate' as const,
                untilReason: 'validated in its worktree; committed in milestone order',
              }),
        });
        copyBundle(wt.dir, root, t.id);
        // The worktree is removed below: paths in the result point at the main checkout's copy.
        const here = withRoot(r, wt.dir, root);
        if (r.outcome === 'paused' && r.verdict === 'pass' && !o.dryRun) validated.set(t.id, here);
        else record(t, here);
      } catch (e) {
        copyBundle(wt.dir, root, t.id);
        throw e;
      } finally {
        forgetExit();
        wt.remove();
      }
    })()
      .catch(async (e: unknown) => failed(e))
      .finally(() => running.delete(t.id));
    running.set(t.id, p);
  };

  let next = 0; // the next task (in plan order) to be committed
  for (;;) {
    // Commit what is ready, strictly in plan order (this is what makes the commits equal a sequential run's).
    while (next < plan.order.length) {
      const t = plan.order[next]!;
      if (results.has(t.id)) {
        next++;
        continue;
      }
      const v = validated.get(t.id);
      if (!v || stopped(t)) break;
      validated.delete(t.id);
      const head = headCommit(root);
      // A change made on an earlier commit that no longer applies (a task committed since changed the
      // same lines) is made again on top of the tip, as a sequential run would have made it.
      const redo = !patchApplies(root, t.id, head);
      if (redo) {
        log.info(
          `${t.id}: its change, made in its worktree on an earlier commit, does not apply onto ${head.slice(0, 12)} (the tasks committed since changed the same files): running ${t.id} again on top of them`,
        );
      } else if (rebaseBundle(root, t.id, head)) {
        log.info(
          `${t.id}: validated in its worktree against an earlier commit; validating again on ${head.slice(0, 12)} before committing`,
        );
      } else log.info(`${t.id}: validated in its worktree; committing in milestone order`);
      let r: TaskRunResult;
      try {
        r = await runTask({ root, ...taskOpts(t), resume: !redo });
      } catch (e) {
        await failed(e);
        break;
      }
      // Both runs' tokens, cost and time were spent on this task: the figures count them all.
      record(t, mergeRuns(v, r, !redo));
      next++;
    }
    // Start what is ready, up to the limit; past the task that halted the milestone nothing starts.
    for (const t of plan.order) {
      if (running.size >= parallel || stopped(t)) break;
      if (results.has(t.id) || started.has(t.id)) continue;
      const ready = depsReady(t);
      if (ready === 'ready') launch(t);
      else settle(t, ready, results);
    }
    if (running.size === 0) {
      // Only a task whose turn can still come keeps the loop going (the commit step above takes it).
      const waiting = plan.order.some((t) => validated.has(t.id) && !stopped(t));
      if (!waiting) break;
      continue;
    }
    // Surface a bug in one task's run only after the others have stopped (their bundles are kept).
    await Promise.race(running.values());
  }
  if (failure) throw failure.error;
  // Validated tasks behind a failure are not committed (a sequential run would not have reached them).
  for (const [id, r] of validated) {
    const t = plan.order.find((x) => x.id === id)!;
    results.set(id, {
      taskId: id,
      title: t.title,
      state: 'not_run',
      run: r,
      reason: 'validated in its worktree, not committed: the milestone halted before its turn',
    });
  }
}

/**
 * A task's paths point into the worktree that is gone — its bundle, its report, and the paths its
 * message names (the context to implement it from, the report to read): point them at the main
 * checkout's copy.
 */
function withRoot(r: TaskRunResult, from: string, to: string): TaskRunResult {
  const fix = (p?: string) => (p && p.startsWith(from) ? to + p.slice(from.length) : p);
  const inside = from.endsWith(sep) ? from : from + sep;
  const toInside = to.endsWith(sep) ? to : to + sep;
  return {
    ...r,
    ...(r.bundleDir ? { bundleDir: fix(r.bundleDir)! } : {}),
    ...(r.reportPath ? { reportPath: fix(r.reportPath)! } : {}),
    message: r.message.split(inside).join(toInside),
  };
}

/**
 * The worktree part (up to the Validator) and the part in the main checkout of one task, as one result:
 * the figures (tokens, cost, time, Coder attempts) count both. The verdict and the patch are the second
 * part's; a commit of the change the worktree judged keeps the worktree's when it recorded none. With
 * `samePatch` false, the second part made the change again.
 */
function mergeRuns(a: TaskRunResult, b: TaskRunResult, samePatch = true): TaskRunResult {
  const kept = samePatch && b.outcome === 'committed';
  const verdict = b.verdict ?? (kept ? a.verdict : undefined);
  const patchSha256 = b.patchSha256 ?? (kept ? a.patchSha256 : undefined);
  return {
    ...b,
    stations: [...a.stations, ...b.stations],
    attempts: a.attempts + b.attempts,
    usage: addUsage(a.usage, b.usage),
    durationMs: a.durationMs + b.durationMs,
    ...(verdict ? { verdict } : {}),
    ...(patchSha256 ? { patchSha256 } : {}),
  };
}
