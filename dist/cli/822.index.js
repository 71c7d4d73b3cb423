export const id = 822;
export const ids = [822];
export const modules = {

/***/ 3978:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.runPrestart = runPrestart;
/**
 * Pre-start: the verification plan's `pre-start` steps, run at the base commit before any work (and
 * before any model call). A failure halts the task with a report of the same shape as validation.json.
 */
const node_os_1 = __webpack_require__(8161);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const index_js_1 = __webpack_require__(5073);
const errors_js_1 = __webpack_require__(3916);
const index_js_2 = __webpack_require__(2157);
const worktree_js_1 = __webpack_require__(5847);
const fs_js_1 = __webpack_require__(1917);
const log_js_1 = __webpack_require__(9906);
const context_js_1 = __webpack_require__(683);
const run_checks_js_1 = __webpack_require__(7976);
const types_js_1 = __webpack_require__(3889);
async function runPrestart(opts) {
    const log = opts.log ?? log_js_1.silentLogger;
    (0, fs_js_1.assertCanBeDir)((0, bundle_js_1.bundleDirFor)(opts.root, opts.taskId), opts.root); // before openGate creates it
    const gate = (0, context_js_1.openGate)({ root: opts.root, taskId: opts.taskId, base: opts.base, log });
    const { root, bundleDir, baseCommit, task, quality } = gate;
    const steps = task.plan.filter((s) => s.stage === 'pre-start');
    const report = await (0, bundle_js_1.recordStation)(bundleDir, task.id, 'prestart', async () => {
        const startedAt = new Date();
        let wt;
        try {
            // In place when the working tree is exactly the base; otherwise a clean checkout of the base.
            let dir = root;
            const inPlace = (0, context_js_1.workingTreeAt)(root, baseCommit);
            if (!inPlace && steps.length) {
                wt = (0, worktree_js_1.addWorktree)(root, baseCommit);
                dir = wt.dir;
            }
            const runEnv = {
                env: opts.env,
                secretEnv: quality.validator.secretEnv,
                signal: opts.signal,
                log,
                aliases: dir === root ? [] : [root],
            };
            const timeout = (s) => Math.round((s ?? quality.validator.defaultTimeout) * 1000);
            const checks = [];
            if (steps.length && quality.setup.commands.length && (!inPlace || opts.runSetup)) {
                for (const [i, command] of quality.setup.commands.entries()) {
                    const { check } = await (0, run_checks_js_1.runCheck)({
                        name: `setup:${i + 1}`,
                        kind: 'quality',
                        description: `[setup] command ${i + 1}`,
                        command,
                        expects: 'pass',
                        cwd: dir,
                        timeoutMs: timeout(quality.setup.timeout),
                        env: {},
                        exclusive: false,
                    }, runEnv);
                    checks.push(check);
                    if (check.outcome !== 'pass')
                        break;
                }
            }
            else if (dir !== root) {
                (0, worktree_js_1.linkDependencies)(root, dir);
            }
            if (checks.every((c) => c.outcome === 'pass')) {
                const outs = await (0, index_js_2.runPool)(steps.map((s) => ({
                    run: async () => (await (0, run_checks_js_1.runCheck)({
                        name: `plan:${task.plan.indexOf(s) + 1}`,
                        kind: 'plan',
                        description: s.description,
                        command: s.command,
                        expects: s.expects,
                        cwd: dir,
                        timeoutMs: timeout(s.timeout),
                        env: {},
                        exclusive: false,
                    }, runEnv)).check,
                })), { jobs: Math.max(1, opts.jobs ?? quality.validator.jobs ?? (0, node_os_1.availableParallelism)()) });
                checks.push(...outs.filter((c) => c !== undefined));
            }
            if (opts.signal?.aborted)
                throw new errors_js_1.GuardianError('pre-start interrupted: every step was stopped; no report written');
            const s = (0, run_checks_js_1.summarize)(checks, 0);
            const summary = steps.length === 0 ? 'pass: the verification plan has no pre-start steps' : s.summary;
            // What the steps printed (a failing test's assertion) is redacted like the bundle.
            const result = await (0, index_js_1.redactStrings)({
                schemaVersion: types_js_1.VALIDATION_SCHEMA_VERSION,
                taskId: task.id,
                verdict: s.verdict,
                baseCommit,
                startedAt: startedAt.toISOString(),
                durationMs: Date.now() - startedAt.getTime(),
                checks,
                summary,
            });
            (0, bundle_js_1.writeBundleFile)(bundleDir, 'prestart.json', JSON.stringify(result, null, 2) + '\n');
            (0, bundle_js_1.writeBundleFile)(bundleDir, 'prestart.md', (0, run_checks_js_1.renderMarkdown)(`Pre-start checks of ${task.id}`, [
                `Task: ${task.title}`,
                `Base commit: \`${baseCommit}\` (${dir === root ? 'in place' : 'clean worktree'})`,
            ], result.checks, s.verdict, result.summary));
            return {
                result,
                record: {
                    note: summary.slice(0, 500),
                    ...(s.verdict === 'fail' ? { status: 'failed' } : {}),
                },
            };
        }
        finally {
            wt?.remove();
        }
    });
    return {
        report,
        bundleDir,
        reportPath: (0, node_path_1.join)(bundleDir, 'prestart.json'),
        markdownPath: (0, node_path_1.join)(bundleDir, 'prestart.md'),
    };
}


/***/ }),

/***/ 5822:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.defaultStations = exports.handleInterrupts = exports.renderStatus = exports.renderMilestoneSummary = exports.renderTaskSummary = exports.silentProgress = exports.progressLogger = exports.createProgress = exports.LEDGER_SCHEMA_VERSION = exports.ledgerPath = exports.lastRuns = exports.readLedger = exports.projectStatus = exports.dependentsOf = exports.planMilestone = exports.parseParallel = exports.runMilestone = exports.DEFAULT_MAX_ATTEMPTS = exports.parseMaxAttempts = exports.parseStationName = exports.resumePoint = exports.runTask = void 0;
exports.taskExitCode = taskExitCode;
exports.milestoneExitCode = milestoneExitCode;
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
var task_js_1 = __webpack_require__(8721);
Object.defineProperty(exports, "runTask", ({ enumerable: true, get: function () { return task_js_1.runTask; } }));
Object.defineProperty(exports, "resumePoint", ({ enumerable: true, get: function () { return task_js_1.resumePoint; } }));
Object.defineProperty(exports, "parseStationName", ({ enumerable: true, get: function () { return task_js_1.parseStationName; } }));
Object.defineProperty(exports, "parseMaxAttempts", ({ enumerable: true, get: function () { return task_js_1.parseMaxAttempts; } }));
Object.defineProperty(exports, "DEFAULT_MAX_ATTEMPTS", ({ enumerable: true, get: function () { return task_js_1.DEFAULT_MAX_ATTEMPTS; } }));
var milestone_js_1 = __webpack_require__(5584);
Object.defineProperty(exports, "runMilestone", ({ enumerable: true, get: function () { return milestone_js_1.runMilestone; } }));
Object.defineProperty(exports, "parseParallel", ({ enumerable: true, get: function () { return milestone_js_1.parseParallel; } }));
var plan_js_1 = __webpack_require__(1031);
Object.defineProperty(exports, "planMilestone", ({ enumerable: true, get: function () { return plan_js_1.planMilestone; } }));
Object.defineProperty(exports, "dependentsOf", ({ enumerable: true, get: function () { return plan_js_1.dependentsOf; } }));
var status_js_1 = __webpack_require__(2426);
Object.defineProperty(exports, "projectStatus", ({ enumerable: true, get: function () { return status_js_1.projectStatus; } }));
var ledger_js_1 = __webpack_require__(1217);
Object.defineProperty(exports, "readLedger", ({ enumerable: true, get: function () { return ledger_js_1.readLedger; } }));
Object.defineProperty(exports, "lastRuns", ({ enumerable: true, get: function () { return ledger_js_1.lastRuns; } }));
Object.defineProperty(exports, "ledgerPath", ({ enumerable: true, get: function () { return ledger_js_1.ledgerPath; } }));
Object.defineProperty(exports, "LEDGER_SCHEMA_VERSION", ({ enumerable: true, get: function () { return ledger_js_1.LEDGER_SCHEMA_VERSION; } }));
var progress_js_1 = __webpack_require__(3075);
Object.defineProperty(exports, "createProgress", ({ enumerable: true, get: function () { return progress_js_1.createProgress; } }));
Object.defineProperty(exports, "progressLogger", ({ enumerable: true, get: function () { return progress_js_1.progressLogger; } }));
Object.defineProperty(exports, "silentProgress", ({ enumerable: true, get: function () { return progress_js_1.silentProgress; } }));
var render_js_1 = __webpack_require__(4464);
Object.defineProperty(exports, "renderTaskSummary", ({ enumerable: true, get: function () { return render_js_1.renderTaskSummary; } }));
Object.defineProperty(exports, "renderMilestoneSummary", ({ enumerable: true, get: function () { return render_js_1.renderMilestoneSummary; } }));
Object.defineProperty(exports, "renderStatus", ({ enumerable: true, get: function () { return render_js_1.renderStatus; } }));
var interrupt_js_1 = __webpack_require__(2125);
Object.defineProperty(exports, "handleInterrupts", ({ enumerable: true, get: function () { return interrupt_js_1.handleInterrupts; } }));
var stations_js_1 = __webpack_require__(8205);
Object.defineProperty(exports, "defaultStations", ({ enumerable: true, get: function () { return stations_js_1.defaultStations; } }));
/** Process exit code for a task run: 0 done/validated/paused, 1 failed or blocked, 130 interrupted. */
function taskExitCode(r) {
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
function milestoneExitCode(r) {
    return r.outcome === 'failed' ? 1 : r.outcome === 'interrupted' ? 130 : 0;
}


/***/ }),

/***/ 5584:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_PARALLEL = void 0;
exports.parseParallel = parseParallel;
exports.runMilestone = runMilestone;
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
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const commit_js_1 = __webpack_require__(5895);
const patch_js_1 = __webpack_require__(1586);
const worktree_js_1 = __webpack_require__(5847);
const index_js_1 = __webpack_require__(5371);
const fs_js_1 = __webpack_require__(1917);
const log_js_1 = __webpack_require__(9906);
const temp_js_1 = __webpack_require__(4868);
const interrupt_js_1 = __webpack_require__(2125);
const ledger_js_1 = __webpack_require__(1217);
const lock_js_1 = __webpack_require__(2055);
const plan_js_1 = __webpack_require__(1031);
const progress_js_1 = __webpack_require__(3075);
const task_js_1 = __webpack_require__(8721);
exports.MAX_PARALLEL = 16;
/** How the note of a task a dry run cannot try (its dependency is not committed) begins. */
const DRY_RUN_NOT_RUN = 'not tried in a dry run';
/** Settles a task that cannot run (blocked, or not tried in a dry run); false when it may still run. */
function settle(t, ready, results) {
    if (typeof ready !== 'object')
        return false;
    results.set(t.id, 'blocked' in ready
        ? { taskId: t.id, title: t.title, state: 'blocked', reason: ready.blocked }
        : { taskId: t.id, title: t.title, state: 'not_run', reason: ready.notRun });
    return true;
}
function parseParallel(value) {
    if (value === undefined)
        return 1;
    // Decimal digits only: Number() would take 0x2, 1e0 and 2.0.
    const n = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > exports.MAX_PARALLEL) {
        throw new errors_js_1.UsageError(`--parallel ${value}: expected a whole number from 1 to ${exports.MAX_PARALLEL}`);
    }
    return n;
}
function prefixed(log, prefix) {
    return {
        info: (m) => log.info(`${prefix} ${m}`),
        warn: (m, w) => log.warn(`${prefix} ${m}`, w),
        error: (m, w) => log.error(`${prefix} ${m}`, w),
        debug: (m) => log.debug(`${prefix} ${m}`),
        group: (name, fn) => log.group(`${prefix} ${name}`, fn),
    };
}
/** Whether the task's bundle was built against `head`: then the run resumes it instead of starting over. */
function resumable(root, taskId, head) {
    const dir = (0, bundle_js_1.bundleDirFor)(root, taskId);
    if (!(0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'manifest.json')))
        return false;
    try {
        return (0, bundle_js_1.readManifest)(dir, taskId).baseCommit === head;
    }
    catch {
        return false;
    }
}
function stateOf(r) {
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
async function runMilestone(opts) {
    const root = (0, node_path_1.resolve)(opts.root);
    const log = opts.log ?? log_js_1.silentLogger;
    parseParallel(opts.parallel);
    (0, task_js_1.ensureGitRepo)(root);
    // What makes the milestone impossible is refused before the lock: nothing is written for it.
    const plan = (0, plan_js_1.planMilestone)((0, index_js_1.loadProject)(root), opts.milestone);
    if (!opts.dryRun)
        (0, commit_js_1.checkBranchName)(root, opts.branch ?? `guardian/${plan.milestone.id}`);
    // One run at a time per checkout; the milestone's task runs go on under its lock.
    const command = `guardian milestone ${plan.milestone.id}${opts.dryRun ? ' --dry-run' : ''}`;
    return (0, lock_js_1.withRunLock)(root, command, log, () => runMilestoneLocked(opts));
}
/**
 * The milestone's next task, when the working tree's changes can only be meant for it: its bundle was
 * built on HEAD (the run paused there, waiting for a change made by hand, or stopped before committing)
 * and its dependencies are done. Resuming it validates and commits them, as `guardian run --resume` would.
 */
function tasksAwaitingChange(root, project, plan) {
    const head = (0, git_js_1.headCommit)(root);
    const statusOf = new Map(project.tasks.map((t) => [t.id, t.status]));
    return plan.order.filter((t) => t.status !== 'done' &&
        t.dependsOn.every((d) => statusOf.get(d) === 'done') &&
        resumable(root, t.id, head));
}
async function runMilestoneLocked(opts) {
    const root = (0, node_path_1.resolve)(opts.root);
    const log = opts.log ?? log_js_1.silentLogger;
    const progress = opts.progress ?? progress_js_1.silentProgress;
    const parallel = parseParallel(opts.parallel);
    const signal = opts.signal ?? new AbortController().signal;
    const startedAt = Date.now();
    (0, task_js_1.ensureGitRepo)(root);
    // Everything that would make the milestone impossible is refused here, before any task runs.
    let project = (0, index_js_1.loadProject)(root);
    let plan = (0, plan_js_1.planMilestone)(project, opts.milestone);
    const branch = opts.branch ?? `guardian/${plan.milestone.id}`;
    /** A task to resume first, with the change made by hand in the working tree. */
    let resumeFirst;
    if (!opts.dryRun) {
        (0, commit_js_1.checkBranchName)(root, branch);
        const dirty = (0, task_js_1.dirtyPaths)(root);
        if (dirty.length && plan.order.some((t) => t.status !== 'done')) {
            const waiting = (0, commit_js_1.currentBranch)(root) === branch ? tasksAwaitingChange(root, project, plan) : [];
            if (waiting.length === 1) {
                resumeFirst = waiting[0];
                log.info(`the working tree has changes and ${resumeFirst.id} waits for a change on ${branch}: resuming ${resumeFirst.id} with them (as \`guardian run ${resumeFirst.id} --resume --branch ${branch}\` does)`);
            }
            else {
                const shown = dirty.slice(0, 5).join(', ') + (dirty.length > 5 ? `, … (${dirty.length} in all)` : '');
                throw new errors_js_1.GuardianError(`the working tree has uncommitted changes (${shown}): milestone ${plan.milestone.id} commits each task on top of the last one and would mix them in. ` +
                    'Commit or stash them first, or run with --dry-run (nothing is committed).' +
                    (waiting.length > 1
                        ? ` If they implement one of ${waiting.map((t) => t.id).join(', ')}, which all wait for a change, validate and commit them with \`guardian run <task-id> --resume --branch ${branch}\`, then run \`guardian milestone ${plan.milestone.id}\` again.`
                        : ''));
            }
        }
        // One branch holds the milestone's commits, each task on top of the one before (a task that depends
        // on another sees its change). It is checked out, so a second run continues where the first stopped.
        // A milestone with nothing left to do leaves the checkout where it is.
        const current = (0, commit_js_1.currentBranch)(root);
        if (current !== branch && !dirty.length && plan.order.some((t) => t.status !== 'done')) {
            const exists = (0, commit_js_1.branchTip)(root, branch) !== undefined;
            // Commits made where the user was since the milestone branch was made are not on it: a task done
            // there is still pending here. Said, not merged: merging is the user's decision.
            const behind = exists
                ? Number((0, git_js_1.execGit)(['rev-list', '--count', `${branch}..HEAD`], { cwd: root }).stdout.trim()) || 0
                : 0;
            (0, git_js_1.execGit)(exists ? ['switch', '--quiet', branch] : ['switch', '--quiet', '-c', branch], { cwd: root });
            const was = current ?? 'a detached HEAD';
            log.info(`${exists ? 'switched to' : 'created and switched to'} branch ${branch} (was ${was})`);
            if (behind > 0) {
                const from = current ?? 'the commit you were on';
                log.warn(`${branch} does not have ${behind} commit(s) of ${from}: the milestone continues from ${branch} as it is (tasks done only on ${from} are not done here). To include them, run \`git merge ${current ?? '<commit>'}\` on ${branch}, then \`guardian milestone ${plan.milestone.id}\` again.`);
            }
            project = (0, index_js_1.loadProject)(root);
            plan = (0, plan_js_1.planMilestone)(project, opts.milestone);
        }
    }
    const runId = (0, task_js_1.newRunId)();
    const results = new Map();
    const statusNow = new Map(project.tasks.map((t) => [t.id, t.status]));
    const todo = plan.order.filter((t) => t.status !== 'done');
    for (const t of plan.order) {
        if (t.status === 'done') {
            results.set(t.id, { taskId: t.id, title: t.title, state: 'skipped', reason: 'already done' });
            continue;
        }
        const missing = plan.externalDeps.get(t.id).filter((d) => statusNow.get(d) !== 'done');
        if (missing.length) {
            results.set(t.id, {
                taskId: t.id,
                title: t.title,
                state: 'blocked',
                reason: `depends on ${missing.join(', ')} (outside the milestone), not done${opts.dryRun
                    ? ''
                    : ` on ${branch}: complete ${missing.length > 1 ? 'them' : 'it'} there first (${missing.map((d) => `\`guardian run ${d} --branch ${branch}\``).join(', ')})`}`,
            });
        }
    }
    if (todo.length === 0)
        log.info(`milestone ${plan.milestone.id}: every task is already done`);
    const taskOpts = (t) => ({
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
    const commits = [];
    const position = new Map(plan.order.map((t, i) => [t.id, i]));
    let halt;
    /** Whether a task can start now; `blocked` and `notRun` settle it (the first is a failure, the second not). */
    const depsReady = (t) => {
        for (const d of plan.internalDeps.get(t.id)) {
            const r = results.get(d);
            if (!r)
                return 'wait';
            if (r.state === 'done' || r.state === 'skipped')
                continue;
            // A dry run commits nothing, so a task can never be tried on its dependency's change: that is
            // the dry run's limit, not a failure of the milestone.
            if (r.state === 'validated' || (r.state === 'not_run' && r.reason?.startsWith(DRY_RUN_NOT_RUN)))
                return {
                    notRun: `${DRY_RUN_NOT_RUN}: it depends on ${d}, ${r.state === 'validated' ? 'which passed but is not committed' : 'which did not run either'}; a run without --dry-run commits ${d} first`,
                };
            if (r.state === 'not_run' || r.state === 'interrupted' || r.state === 'paused')
                return 'wait';
            return { blocked: `depends on ${d} (${r.state})` };
        }
        return 'ready';
    };
    const record = (t, r) => {
        const state = stateOf(r);
        results.set(t.id, { taskId: t.id, title: t.title, state, run: r });
        if (r.commit)
            commits.push(r.commit);
        // Tasks run side by side may stop out of order: the milestone halts where a sequential run would
        // have, at the first one in run order.
        if ((state === 'failed' || state === 'interrupted' || state === 'paused') &&
            (!halt || position.get(t.id) < position.get(halt.taskId)))
            halt = { taskId: t.id, state };
    };
    if (resumeFirst && !results.has(resumeFirst.id)) {
        // In the main checkout, where the change is (a worktree would not have it), before anything else.
        const t = resumeFirst;
        record(t, await (0, task_js_1.runTask)({ root, ...taskOpts(t), resume: true }));
    }
    if (parallel === 1) {
        for (const t of plan.order) {
            if (results.has(t.id))
                continue;
            if (halt || signal.aborted)
                break;
            const ready = depsReady(t);
            if (ready !== 'ready') {
                settle(t, ready, results);
                continue;
            }
            const head = (0, git_js_1.headCommit)(root);
            const r = await (0, task_js_1.runTask)({ root, ...taskOpts(t), resume: resumable(root, t.id, head) });
            record(t, r);
        }
    }
    else {
        await runParallel(root, plan, parallel, results, depsReady, record, taskOpts, () => halt?.taskId, signal, log);
    }
    // What did not run, and why: a task that depends on one that stopped (or on one of those it blocked),
    // directly or not, is blocked by it; the others were not reached. The run order puts every task after
    // its dependencies, so each dependency is settled before its dependents.
    const stoppedStates = new Set(['failed', 'interrupted', 'paused', 'blocked']);
    for (const t of plan.order) {
        if (results.has(t.id))
            continue;
        const stoppedDep = plan.internalDeps
            .get(t.id)
            .find((d) => stoppedStates.has(results.get(d)?.state ?? 'done'));
        if (stoppedDep) {
            results.set(t.id, {
                taskId: t.id,
                title: t.title,
                state: 'blocked',
                reason: `depends on ${stoppedDep} (${results.get(stoppedDep).state})`,
            });
        }
        else {
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
        const r = results.get(t.id);
        if (r.state !== 'blocked' || r.run)
            continue;
        const at = new Date().toISOString();
        (0, ledger_js_1.appendLedger)(root, {
            schemaVersion: 1,
            runId: (0, task_js_1.newRunId)(),
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
    const tasks = plan.order.map((t) => results.get(t.id));
    const usage = tasks.reduce((acc, r) => (0, bundle_js_1.addUsage)(acc, r.run?.usage), (0, bundle_js_1.emptyUsage)());
    const outcome = signal.aborted || halt?.state === 'interrupted'
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
    const message = outcome === 'done'
        ? `milestone ${id} done: ${doneCount} task(s) committed${skipped ? `, ${skipped} already done` : ''}`
        : outcome === 'failed'
            ? halt
                ? `milestone ${id} halted: ${halt.taskId} failed — ${results.get(halt.taskId).run?.message ?? ''}`
                : `milestone ${id} is blocked: ${tasks
                    .filter((r) => r.state === 'blocked')
                    .map((r) => `${r.taskId} (${r.reason})`)
                    .join(', ')}`
            : outcome === 'interrupted'
                ? `milestone ${id} interrupted: run \`guardian milestone ${id}\` again to continue (done tasks are skipped, started ones resume)`
                : outcome === 'paused'
                    ? `milestone ${id} paused at ${halt.taskId}: ${results.get(halt.taskId).run?.message ?? ''}` +
                        (opts.dryRun
                            ? ''
                            : `; then run \`guardian milestone ${id}\` again (with the change still uncommitted, it resumes ${halt.taskId} with it first)`)
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
function rebaseBundle(root, taskId, head) {
    const dir = (0, bundle_js_1.bundleDirFor)(root, taskId);
    const m = (0, bundle_js_1.readManifest)(dir, taskId);
    if (m.baseCommit === head)
        return false;
    m.baseCommit = head;
    delete m.stations.validate;
    delete m.stations.complete;
    for (const f of ['validation.json', 'validation.md'])
        (0, node_fs_1.rmSync)((0, node_path_1.join)(dir, f), { force: true });
    (0, bundle_js_1.writeManifest)(dir, m);
    return true;
}
/** Whether the task's change (its bundle's `changes.patch`) applies onto `head`; no patch applies anywhere. */
function patchApplies(root, taskId, head) {
    const p = (0, node_path_1.join)((0, bundle_js_1.bundleDirFor)(root, taskId), 'changes.patch');
    if (!(0, node_fs_1.existsSync)(p))
        return true;
    try {
        (0, patch_js_1.applyPatchToTree)(root, head, (0, node_fs_1.readFileSync)(p));
        return true;
    }
    catch (e) {
        if (e instanceof errors_js_1.GuardianError)
            return false;
        throw e;
    }
}
/** Copies a task's bundle from one checkout to another (replacing what was there). */
function copyBundle(fromRoot, toRoot, taskId) {
    const from = (0, bundle_js_1.bundleDirFor)(fromRoot, taskId);
    if (!(0, node_fs_1.existsSync)(from))
        return;
    const to = (0, bundle_js_1.bundleDirFor)(toRoot, taskId);
    (0, node_fs_1.rmSync)(to, { recursive: true, force: true });
    (0, fs_js_1.ensureDir)((0, node_path_1.dirname)(to), toRoot);
    (0, node_fs_1.cpSync)(from, to, { recursive: true });
}
async function runParallel(root, plan, parallel, results, depsReady, record, taskOpts, haltedAt, signal, log) {
    /** Tasks through the Validator in their worktree, waiting for their turn to be committed. */
    const validated = new Map();
    const running = new Map();
    const started = new Set();
    /**
     * The first error a task's run threw (a bug, or git failing): surfaced once the tasks still running
     * in their worktrees have stopped — never while they go on writing under the milestone's lock.
     */
    let failure;
    const failed = async (e) => {
        // A Ctrl-C at the terminal reaches the git commands this process runs: a git it killed is the
        // interruption (its SIGINT handler runs once the event loop turns), not an error.
        await (0, interrupt_js_1.signalsDelivered)();
        if (!signal.aborted)
            failure ??= { error: e };
    };
    const position = new Map(plan.order.map((t, i) => [t.id, i]));
    /**
     * Whether `t` is past the point where the milestone stopped. A task that halted the milestone stops
     * only the tasks after it in run order: those before it still run and are committed, as in a
     * sequential run (a later task may fail before an earlier one, run side by side, has finished).
     */
    const stopped = (t) => {
        if (failure !== undefined || signal.aborted)
            return true;
        const at = haltedAt();
        return at !== undefined && position.get(t.id) > position.get(at);
    };
    // Up to the Validator in a worktree at the current HEAD; the bundle comes back to the main checkout.
    const launch = (t) => {
        started.add(t.id);
        const p = (async () => {
            const head = (0, git_js_1.headCommit)(root);
            const resume = resumable(root, t.id, head);
            const wt = (0, worktree_js_1.addWorktree)(root, head, undefined, 'guardian-task-');
            // A second Ctrl-C quits without unwinding this: the bundle (with the Coder's patch, which is work)
            // still comes back to the main checkout and the worktree is removed.
            const forgetExit = (0, temp_js_1.onExit)(() => {
                try {
                    copyBundle(wt.dir, root, t.id);
                }
                finally {
                    wt.remove();
                }
            });
            try {
                (0, worktree_js_1.linkDependencies)(root, wt.dir);
                if (resume)
                    copyBundle(root, wt.dir, t.id);
                const o = taskOpts(t);
                const r = await (0, task_js_1.runTask)({
                    ...o,
                    root: wt.dir,
                    resume,
                    ...(o.dryRun
                        ? {}
                        : {
                            until: 'validate',
                            untilReason: 'validated in its worktree; committed in milestone order',
                        }),
                });
                copyBundle(wt.dir, root, t.id);
                // The worktree is removed below: paths in the result point at the main checkout's copy.
                const here = withRoot(r, wt.dir, root);
                if (r.outcome === 'paused' && r.verdict === 'pass' && !o.dryRun)
                    validated.set(t.id, here);
                else
                    record(t, here);
            }
            catch (e) {
                copyBundle(wt.dir, root, t.id);
                throw e;
            }
            finally {
                forgetExit();
                wt.remove();
            }
        })()
            .catch(async (e) => failed(e))
            .finally(() => running.delete(t.id));
        running.set(t.id, p);
    };
    let next = 0; // the next task (in plan order) to be committed
    for (;;) {
        // Commit what is ready, strictly in plan order (this is what makes the commits equal a sequential run's).
        while (next < plan.order.length) {
            const t = plan.order[next];
            if (results.has(t.id)) {
                next++;
                continue;
            }
            const v = validated.get(t.id);
            if (!v || stopped(t))
                break;
            validated.delete(t.id);
            const head = (0, git_js_1.headCommit)(root);
            // A change made on an earlier commit that no longer applies (a task committed since changed the
            // same lines) is made again on top of the tip, as a sequential run would have made it.
            const redo = !patchApplies(root, t.id, head);
            if (redo) {
                log.info(`${t.id}: its change, made in its worktree on an earlier commit, does not apply onto ${head.slice(0, 12)} (the tasks committed since changed the same files): running ${t.id} again on top of them`);
            }
            else if (rebaseBundle(root, t.id, head)) {
                log.info(`${t.id}: validated in its worktree against an earlier commit; validating again on ${head.slice(0, 12)} before committing`);
            }
            else
                log.info(`${t.id}: validated in its worktree; committing in milestone order`);
            let r;
            try {
                r = await (0, task_js_1.runTask)({ root, ...taskOpts(t), resume: !redo });
            }
            catch (e) {
                await failed(e);
                break;
            }
            // Both runs' tokens, cost and time were spent on this task: the figures count them all.
            record(t, mergeRuns(v, r, !redo));
            next++;
        }
        // Start what is ready, up to the limit; past the task that halted the milestone nothing starts.
        for (const t of plan.order) {
            if (running.size >= parallel || stopped(t))
                break;
            if (results.has(t.id) || started.has(t.id))
                continue;
            const ready = depsReady(t);
            if (ready === 'ready')
                launch(t);
            else
                settle(t, ready, results);
        }
        if (running.size === 0) {
            // Only a task whose turn can still come keeps the loop going (the commit step above takes it).
            const waiting = plan.order.some((t) => validated.has(t.id) && !stopped(t));
            if (!waiting)
                break;
            continue;
        }
        // Surface a bug in one task's run only after the others have stopped (their bundles are kept).
        await Promise.race(running.values());
    }
    if (failure)
        throw failure.error;
    // Validated tasks behind a failure are not committed (a sequential run would not have reached them).
    for (const [id, r] of validated) {
        const t = plan.order.find((x) => x.id === id);
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
function withRoot(r, from, to) {
    const fix = (p) => (p && p.startsWith(from) ? to + p.slice(from.length) : p);
    const inside = from.endsWith(node_path_1.sep) ? from : from + node_path_1.sep;
    const toInside = to.endsWith(node_path_1.sep) ? to : to + node_path_1.sep;
    return {
        ...r,
        ...(r.bundleDir ? { bundleDir: fix(r.bundleDir) } : {}),
        ...(r.reportPath ? { reportPath: fix(r.reportPath) } : {}),
        message: r.message.split(inside).join(toInside),
    };
}
/**
 * The worktree part (up to the Validator) and the part in the main checkout of one task, as one result:
 * the figures (tokens, cost, time, Coder attempts) count both. The verdict and the patch are the second
 * part's; a commit of the change the worktree judged keeps the worktree's when it recorded none. With
 * `samePatch` false, the second part made the change again.
 */
function mergeRuns(a, b, samePatch = true) {
    const kept = samePatch && b.outcome === 'committed';
    const verdict = b.verdict ?? (kept ? a.verdict : undefined);
    const patchSha256 = b.patchSha256 ?? (kept ? a.patchSha256 : undefined);
    return {
        ...b,
        stations: [...a.stations, ...b.stations],
        attempts: a.attempts + b.attempts,
        usage: (0, bundle_js_1.addUsage)(a.usage, b.usage),
        durationMs: a.durationMs + b.durationMs,
        ...(verdict ? { verdict } : {}),
        ...(patchSha256 ? { patchSha256 } : {}),
    };
}


/***/ }),

/***/ 1031:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.planMilestone = planMilestone;
exports.dependentsOf = dependentsOf;
/**
 * A milestone's run order, checked before anything runs: every task known and valid, no dependency
 * cycle, and an order in which each task comes after the tasks it depends on (the milestone's own order
 * wherever the dependencies allow it).
 */
const errors_js_1 = __webpack_require__(3916);
const index_js_1 = __webpack_require__(5371);
const project_js_1 = __webpack_require__(246);
function planMilestone(project, id) {
    const milestone = (0, index_js_1.requireMilestone)(project, id);
    const fileErrors = (0, index_js_1.errorsOf)(project.problems, milestone.path);
    if (fileErrors.length) {
        // A task named whose blueprint is invalid: its own errors are shown too, so one message says it all.
        const named = new Set((0, index_js_1.errorsOf)(project.problems)
            .map((p) => p.file)
            .filter((f) => f !== milestone.path && fileErrors.some((e) => e.message.includes(`blueprint ${f} is invalid`))));
        const blueprintErrors = (0, index_js_1.errorsOf)(project.problems).filter((p) => named.has(p.file));
        throw new errors_js_1.ConfigurationError(`milestone ${id} cannot run:\n${[...fileErrors, ...blueprintErrors].map(index_js_1.formatProblem).join('\n')}`);
    }
    if (milestone.tasks.length === 0) {
        throw new errors_js_1.ConfigurationError(`${milestone.path}: milestone ${id} lists no tasks (front matter \`tasks: [...]\`)`);
    }
    const inMilestone = new Set(milestone.tasks);
    const byId = new Map(project.tasks.map((t) => [t.id, t]));
    // Any cycle reachable from the milestone's tasks makes some of them impossible to start. A walk with
    // its own stack, in the order a recursive one would take (a chain of thousands of tasks overflowed
    // the call stack).
    const reachable = new Set();
    const toVisit = [...milestone.tasks].reverse();
    while (toVisit.length) {
        const tid = toVisit.pop();
        if (reachable.has(tid))
            continue;
        reachable.add(tid);
        const deps = byId.get(tid)?.dependsOn ?? [];
        for (let i = deps.length - 1; i >= 0; i--)
            toVisit.push(deps[i]);
    }
    const cycles = (0, index_js_1.findCycles)(project.tasks).filter((c) => c.some((t) => reachable.has(t)));
    if (cycles.length) {
        const lines = cycles.map((c) => {
            const first = byId.get(c[0]);
            const line = first.fieldLines?.['depends_on'];
            return `  ${c.join(' → ')} (${first.path}${line !== undefined ? `:${line}` : ''}: depends_on)`;
        });
        throw new errors_js_1.ConfigurationError(`milestone ${id} cannot run: its tasks have a dependency cycle, so none of them could ever start — nothing was run:\n${lines.join('\n')}`);
    }
    // Every task must be known and valid before the first one starts.
    const tasks = [];
    const problems = [];
    const requireTask = (0, project_js_1.taskLookup)(project);
    for (const t of milestone.tasks) {
        try {
            tasks.push(requireTask(t));
        }
        catch (e) {
            if (!(e instanceof errors_js_1.ConfigurationError))
                throw e;
            problems.push(e.message);
        }
    }
    if (problems.length) {
        throw new errors_js_1.ConfigurationError(`milestone ${id} cannot run (nothing was run):\n${problems.join('\n')}`);
    }
    const internalDeps = new Map();
    const externalDeps = new Map();
    for (const t of tasks) {
        internalDeps.set(t.id, t.dependsOn.filter((d) => inMilestone.has(d)));
        externalDeps.set(t.id, t.dependsOn.filter((d) => !inMilestone.has(d)));
    }
    // Stable topological order: repeatedly take the first task (in milestone order) whose dependencies
    // are placed. No cycle was found above, so this always terminates with every task placed. The ready
    // tasks wait in a heap by milestone position, so a chain of thousands is not rescanned at each step.
    const position = new Map(tasks.map((t, i) => [t.id, i]));
    const waitingOn = tasks.map((t) => new Set(internalDeps.get(t.id)));
    const dependents = tasks.map(() => []);
    waitingOn.forEach((deps, i) => deps.forEach((d) => dependents[position.get(d)].push(i)));
    const ready = new MinHeap();
    waitingOn.forEach((deps, i) => {
        if (deps.size === 0)
            ready.push(i);
    });
    const order = [];
    const placed = tasks.map(() => false);
    let firstUnplaced = 0;
    while (order.length < tasks.length) {
        let i = ready.pop();
        if (i === undefined) {
            // Unreachable without a cycle; as before, the first task left would go next.
            while (placed[firstUnplaced])
                firstUnplaced++;
            i = firstUnplaced;
        }
        if (placed[i])
            continue;
        placed[i] = true;
        order.push(tasks[i]);
        for (const j of dependents[i]) {
            waitingOn[j].delete(tasks[i].id);
            if (waitingOn[j].size === 0 && !placed[j])
                ready.push(j);
        }
    }
    return { milestone, order, internalDeps, externalDeps };
}
/**
 * Every task that depends on `id`, directly or through others, within the plan. `plan.order` puts every
 * task after the tasks it depends on, so one pass in that order sees each dependency settled before
 * its dependents: linear in tasks plus dependencies.
 */
function dependentsOf(plan, id) {
    const out = new Set();
    for (const t of plan.order) {
        if (t.id === id)
            continue;
        if ((plan.internalDeps.get(t.id) ?? []).some((d) => d === id || out.has(d)))
            out.add(t.id);
    }
    return out;
}
/** The smallest number first. */
class MinHeap {
    items = [];
    push(n) {
        const a = this.items;
        a.push(n);
        for (let i = a.length - 1; i > 0;) {
            const parent = (i - 1) >> 1;
            if (a[parent] <= a[i])
                break;
            [a[parent], a[i]] = [a[i], a[parent]];
            i = parent;
        }
    }
    pop() {
        const a = this.items;
        const top = a[0];
        const last = a.pop();
        if (a.length === 0 || last === undefined)
            return top;
        a[0] = last;
        for (let i = 0;;) {
            const l = 2 * i + 1;
            const r = l + 1;
            let m = i;
            if (l < a.length && a[l] < a[m])
                m = l;
            if (r < a.length && a[r] < a[m])
                m = r;
            if (m === i)
                break;
            [a[m], a[i]] = [a[i], a[m]];
            i = m;
        }
        return top;
    }
}


/***/ }),

/***/ 3075:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.silentProgress = void 0;
exports.formatDuration = formatDuration;
exports.formatTokens = formatTokens;
exports.formatCost = formatCost;
exports.createProgress = createProgress;
exports.progressLogger = progressLogger;
exports.silentProgress = {
    taskStart() { },
    stationStart() { },
    stationEnd() { },
    usage() { },
    taskEnd() { },
    log() { },
    close() { },
};
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const s = ms / 1000;
    if (s < 60)
        return `${s.toFixed(1)}s`;
    const m = Math.floor(s / 60);
    return `${m}m${String(Math.floor(s % 60)).padStart(2, '0')}s`;
}
function formatTokens(u) {
    const n = (u?.promptTokens ?? 0) + (u?.completionTokens ?? 0);
    return n.toLocaleString('en-US');
}
function formatCost(u) {
    const c = u?.costUsd ?? 0;
    return c === 0 ? '$0' : c < 0.01 ? `$${c.toFixed(4)}` : `$${c.toFixed(2)}`;
}
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
function createProgress(opts) {
    const now = opts.now ?? Date.now;
    const live = opts.live ?? opts.stream.isTTY === true;
    const active = new Map();
    let frame = 0;
    let drawn = false;
    let timer;
    // A pseudo-terminal may report 0 columns: fall back to a common width then.
    const columns = () => {
        const c = opts.stream.columns;
        return c && c >= 40 ? c : 100;
    };
    const render = () => {
        const parts = [...active.values()].map((a) => {
            const station = a.station
                ? `${a.station}${a.attempt && a.attempt > 1 ? ` #${a.attempt}` : ''}`
                : 'starting';
            return `${a.taskId} ${station} ${formatDuration(now() - a.stationStartedAt)}`;
        });
        const total = [...active.values()].reduce((acc, a) => ({
            tokens: acc.tokens + (a.usage?.promptTokens ?? 0) + (a.usage?.completionTokens ?? 0),
            cost: acc.cost + (a.usage?.costUsd ?? 0),
        }), { tokens: 0, cost: 0 });
        const elapsed = Math.max(0, ...[...active.values()].map((a) => now() - a.taskStartedAt));
        const line = `${SPINNER[frame++ % SPINNER.length]} ${parts.join(' | ')} · total ${formatDuration(elapsed)} · ${total.tokens.toLocaleString('en-US')} tokens · ${formatCost({ promptTokens: 0, completionTokens: 0, cachedTokens: 0, costUsd: total.cost })}`;
        const max = Math.max(20, columns() - 1);
        return line.length > max ? line.slice(0, max - 1) + '…' : line;
    };
    const clear = () => {
        if (drawn)
            opts.stream.write('\r\x1b[2K');
        drawn = false;
    };
    const draw = () => {
        if (!live || active.size === 0)
            return;
        opts.stream.write(`\r\x1b[2K${render()}`);
        drawn = true;
    };
    const ensureTimer = () => {
        if (!live || timer)
            return;
        timer = setInterval(draw, opts.intervalMs ?? 200);
        timer.unref?.();
    };
    const plain = (s) => {
        if (live) {
            clear();
            opts.stream.write(s + '\n');
            draw();
        }
        else
            opts.stream.write(s + '\n');
    };
    return {
        taskStart(taskId, title) {
            const t = now();
            active.set(taskId, { taskId, taskStartedAt: t, stationStartedAt: t });
            plain(`${taskId}: ${title}`);
            ensureTimer();
        },
        stationStart(taskId, station, attempt) {
            const a = active.get(taskId);
            if (!a)
                return;
            a.station = station;
            a.attempt = attempt;
            a.stationStartedAt = now();
            if (!live)
                plain(`${taskId} ▸ ${station}${attempt && attempt > 1 ? ` (attempt ${attempt})` : ''}`);
            else
                draw();
        },
        stationEnd(taskId, station, status, durationMs, note) {
            const a = active.get(taskId);
            const mark = status === 'ok' ? '✓' : status === 'skipped' ? '–' : '✗';
            const usage = a?.usage && (a.usage.promptTokens || a.usage.completionTokens)
                ? ` · ${formatTokens(a.usage)} tokens · ${formatCost(a.usage)}`
                : '';
            plain(`${taskId} ${mark} ${station} ${status} in ${formatDuration(durationMs)}${usage}${note ? ` — ${note}` : ''}`);
        },
        usage(taskId, total) {
            const a = active.get(taskId);
            if (a)
                a.usage = total;
        },
        taskEnd(taskId, outcome) {
            active.delete(taskId);
            // The line's messages name their task already ("TASK-042 failed …"): not twice.
            plain(outcome.startsWith(taskId) ? outcome : `${taskId}: ${outcome}`);
            if (active.size === 0)
                clear();
        },
        log(line) {
            plain(line);
        },
        close() {
            if (timer)
                clearInterval(timer);
            timer = undefined;
            clear();
        },
    };
}
/** A Logger whose lines go through the progress display (so they never break the live line). */
function progressLogger(progress, opts = {}) {
    const p = opts.prefix ? `${opts.prefix} ` : '';
    const where = (w) => w?.file ? ` (${w.file}${w.line ? `:${w.line}` : ''})` : '';
    return {
        info: (m) => progress.log(`${p}${m}`),
        warn: (m, w) => progress.log(`${p}warning: ${m}${where(w)}`),
        error: (m, w) => progress.log(`${p}error: ${m}${where(w)}`),
        debug: (m) => {
            if (opts.debug)
                progress.log(`${p}debug: ${m}`);
        },
        group: async (name, fn) => {
            progress.log(`${p}▸ ${name}`);
            return fn();
        },
    };
}


/***/ }),

/***/ 4464:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.renderTaskSummary = renderTaskSummary;
exports.renderMilestoneSummary = renderMilestoneSummary;
exports.renderStatus = renderStatus;
/** The terminal summaries of `guardian run`, `guardian milestone` and `guardian status`. */
const io_js_1 = __webpack_require__(1604);
const chars_js_1 = __webpack_require__(5153);
const progress_js_1 = __webpack_require__(3075);
const short = (sha) => (sha ? sha.slice(0, 12) : '-');
/**
 * One line of at most `n` characters. Control characters and bidi overrides left after the whitespace is
 * folded are written out (`\u001b`): notes and ledger fields may quote text Guardian did not write.
 */
const clip = (s, n) => {
    const one = (0, chars_js_1.escapeControlChars)((s ?? '').replace(/\s+/g, ' ').trim());
    return one.length > n ? one.slice(0, n - 1) + '…' : one;
};
function renderTaskSummary(r) {
    let out = '';
    if (r.stations.length) {
        out += (0, io_js_1.table)(['station', 'result', 'attempt', 'time', 'tokens', 'cost', 'note'], r.stations.map((s) => [
            s.station,
            s.status === 'ok' && s.verdict ? s.verdict : s.status,
            s.attempt ? String(s.attempt) : '',
            (0, progress_js_1.formatDuration)(s.durationMs),
            (0, progress_js_1.formatTokens)(s.usage),
            (0, progress_js_1.formatCost)(s.usage),
            clip(s.note, 70),
        ]));
        out += `total: ${(0, progress_js_1.formatDuration)(r.durationMs)}, ${(0, progress_js_1.formatTokens)(r.usage)} tokens, ${(0, progress_js_1.formatCost)(r.usage)}\n`;
    }
    out += `${r.message}\n`;
    if (r.report)
        out += `\n${r.report.trimEnd()}\n`;
    return out;
}
function renderMilestoneSummary(r) {
    let out = `milestone ${r.milestone}: ${r.title}\n`;
    out += (0, io_js_1.table)(['task', 'result', 'commit', 'time', 'tokens', 'cost', 'note'], r.tasks.map((t) => [
        t.taskId,
        t.state,
        short(t.run?.commit),
        t.run ? (0, progress_js_1.formatDuration)(t.run.durationMs) : '',
        t.run ? (0, progress_js_1.formatTokens)(t.run.usage) : '',
        t.run ? (0, progress_js_1.formatCost)(t.run.usage) : '',
        clip(t.reason ?? (t.state === 'done' ? t.title : t.run?.message), 70),
    ]));
    out += `total: ${(0, progress_js_1.formatDuration)(r.durationMs)}, ${(0, progress_js_1.formatTokens)(r.usage)} tokens, ${(0, progress_js_1.formatCost)(r.usage)}\n`;
    // What a blocked or unreached task waits for, in full: the note column is cut to fit, and the
    // reason may end with the command that unblocks it.
    for (const t of r.tasks) {
        if ((t.state === 'blocked' || t.state === 'not_run') &&
            t.reason &&
            clip(t.reason, 70) !== clip(t.reason, Infinity))
            out += `${t.taskId} ${t.state}: ${clip(t.reason, 1000)}\n`;
    }
    out += `${r.message}\n`;
    const failed = r.failedTask ? r.tasks.find((t) => t.taskId === r.failedTask) : undefined;
    if (failed?.run) {
        out += `\n── ${failed.taskId} ──\n`;
        out += renderTaskSummary(failed.run);
    }
    return out;
}
/** Outcomes of a run that stopped before the task was done. */
const STOPPED_SHORT = new Set(['failed', 'blocked', 'paused', 'interrupted']);
function ago(iso, now) {
    const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
    if (s < 60)
        return `${s}s ago`;
    if (s < 3600)
        return `${Math.round(s / 60)}m ago`;
    if (s < 86400)
        return `${Math.round(s / 3600)}h ago`;
    return `${Math.round(s / 86400)}d ago`;
}
function renderStatus(r, now = Date.now()) {
    let out = r.milestone ? `milestone ${r.milestone.id}: ${r.milestone.title}\n` : '';
    const notes = (r.notes ?? []).map((n) => `note: ${(0, chars_js_1.escapeControlChars)(n)}\n`).join('');
    if (!r.tasks.length)
        return out + 'no tasks\n' + notes;
    out += (0, io_js_1.table)(['task', 'status', 'last run', 'outcome', 'verdict', 'commit', 'time', 'tokens', 'cost', 'title'], r.tasks.map((t) => {
        const e = t.lastRun;
        // A commit on a branch that is not checked out: the working tree's blueprint still says pending.
        const elsewhere = e?.outcome === 'committed' && t.status !== 'done' && e.branch
            ? ` (done on ${clip(e.branch, 60)})`
            : '';
        // A task a milestone ran in several runs (its worktree, then the commit): what they spent in all.
        const spent = t.milestoneRunTotal ?? { usage: e?.usage, durationMs: e?.durationMs };
        return [
            t.taskId,
            t.status + elsewhere,
            e ? ago(e.at, now) : 'never',
            e ? (t.unfinished ? 'unfinished' : e.outcome) : '',
            e?.verdict ?? '',
            short(e?.commit),
            spent.durationMs !== undefined ? (0, progress_js_1.formatDuration)(spent.durationMs) : '',
            spent.usage ? (0, progress_js_1.formatTokens)(spent.usage) : '',
            spent.usage ? (0, progress_js_1.formatCost)(spent.usage) : '',
            clip(t.title, 50),
        ];
    }));
    const done = r.tasks.filter((t) => t.status === 'done').length;
    out += `${done}/${r.tasks.length} done\n`;
    // For each task whose last run stopped short, what it said: why, and the command that goes on.
    for (const t of r.tasks) {
        const e = t.lastRun;
        if (!e || t.status === 'done')
            continue;
        if (t.unfinished) {
            out += `${t.taskId} unfinished: its last run started ${ago(e.at, now)} and never ended (killed, or running now); \`guardian run ${t.taskId} --resume\` continues it\n`;
        }
        else if (STOPPED_SHORT.has(e.outcome) && e.message) {
            out += `${t.taskId} ${e.outcome}: ${clip(e.message, 400)}\n`;
        }
    }
    return out + notes;
}


/***/ }),

/***/ 8205:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.coderModel = coderModel;
exports.defaultStations = defaultStations;
/**
 * The six stations behind one small interface, so the pipeline treats them alike: each is called with
 * the repository root and the task id, reads what it needs from the Task Bundle on disk, writes its
 * output there and records itself in the manifest. Nothing is carried in memory from one station to
 * the next — the same contract as the split workflow, where each station is a separate job.
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const worktree_js_1 = __webpack_require__(5847);
const config_js_1 = __webpack_require__(8353);
const index_js_1 = __webpack_require__(5371);
const index_js_2 = __webpack_require__(7208);
const index_js_3 = __webpack_require__(9043);
const deps_js_1 = __webpack_require__(4056);
const index_js_4 = __webpack_require__(5688);
const prestart_js_1 = __webpack_require__(3978);
const index_js_5 = __webpack_require__(7982);
const index_js_6 = __webpack_require__(5736);
const temp_js_1 = __webpack_require__(4868);
const index_js_7 = __webpack_require__(5073);
const prestart = async (ctx) => {
    const r = await (0, prestart_js_1.runPrestart)({
        root: ctx.root,
        taskId: ctx.taskId,
        log: ctx.log,
        base: ctx.base,
        env: ctx.env,
        signal: ctx.signal,
    });
    return {
        status: r.report.verdict === 'pass' ? 'ok' : 'failed',
        verdict: r.report.verdict,
        note: r.report.summary,
        reportPath: r.markdownPath,
    };
};
const validate = async (ctx) => {
    const r = await (0, index_js_6.runValidator)({
        root: ctx.root,
        taskId: ctx.taskId,
        log: ctx.log,
        env: ctx.env,
        signal: ctx.signal,
    });
    return {
        status: r.report.verdict === 'pass' ? 'ok' : 'failed',
        verdict: r.report.verdict,
        note: r.report.summary,
        reportPath: r.markdownPath,
        patchSha256: r.report.patchSha256,
        ...(r.report.checks.some((c) => c.name === 'guard:deps' && c.outcome !== 'pass')
            ? { dependenciesModified: true }
            : {}),
    };
};
/** The Coder's model, resolved from the host's environment and quality.toml (undefined: none). */
function coderModel(root, env, envSources) {
    const quality = (0, index_js_1.loadProject)(root).quality;
    return (0, config_js_1.resolveLlmConfig)({
        station: 'coder',
        env,
        ...(envSources ? { envSources } : {}),
        ...(quality ? { quality } : {}),
    });
}
/**
 * The Coder works in its own clean checkout of the base commit, never in the developer's working tree:
 * its whole output is the bundle's changes.patch (which the Validator judges and Completion commits),
 * and the working tree stays as the developer left it — so Completion can move it to the new commit
 * when the branch is checked out, and parallel tasks never write into each other's files.
 */
const code = async (ctx) => {
    const llm = coderModel(ctx.root, ctx.env, ctx.envSources);
    const bundleDir = (0, bundle_js_1.bundleDirFor)(ctx.root, ctx.taskId);
    const base = (0, bundle_js_1.readManifest)(bundleDir, ctx.taskId).baseCommit;
    const wt = (0, worktree_js_1.addWorktree)(ctx.root, base, undefined, 'guardian-coder-');
    // Removed at exit too (a second Ctrl-C quits without unwinding this function).
    const forgetExit = (0, temp_js_1.onExit)(wt.remove);
    try {
        (0, worktree_js_1.linkDependencies)(ctx.root, wt.dir);
        // The Coder's test runs execute the model's code with the dependency folders linked in: what they
        // change there would sway every later check. Fingerprinted here, out of the model's reach, and
        // written down for the Validator (guard:deps) when changed.
        const deps = (0, deps_js_1.fingerprintDependencies)((0, deps_js_1.dependencyFolders)([ctx.root]));
        const r = await (0, index_js_3.runCoder)({
            root: wt.dir,
            bundleDir,
            taskId: ctx.taskId,
            log: ctx.log,
            ...(llm ? { llm } : {}),
            attempt: ctx.attempt,
            // The Coder refuses an attempt number above its maximum; attempts count across resumed runs.
            maxAttempts: Math.max(ctx.attempt, ctx.maxAttempts),
            env: ctx.env,
            signal: ctx.signal,
        });
        const changed = (0, deps_js_1.compareDependencies)(deps);
        if (changed.length) {
            (0, deps_js_1.writeTaint)(ctx.root, ctx.taskId, new Date().toISOString(), changed, (0, deps_js_1.readTaint)(ctx.root), 'coder');
            ctx.log.warn(`${ctx.taskId}: the Coder's test runs modified ${changed.length} entr${changed.length === 1 ? 'y' : 'ies'} of the dependency folders (${changed
                .slice(0, 3)
                .map((c) => c.path)
                .join(', ')}${changed.length > 3 ? ', …' : ''}); the Validator will fail until they are reinstalled`);
        }
        return {
            status: r.ok ? 'ok' : r.stopReason === 'no_model' ? 'skipped' : 'failed',
            note: r.message,
            ...(r.patchSha256 ? { patchSha256: r.patchSha256 } : {}),
        };
    }
    finally {
        forgetExit();
        wt.remove();
    }
};
const complete = async (ctx) => {
    const r = await (0, index_js_4.runCompletion)({
        root: ctx.root,
        taskId: ctx.taskId,
        log: ctx.log,
        ...(ctx.push ? { push: ctx.push } : {}),
        ...(ctx.branch ? { branch: ctx.branch } : {}),
        ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}),
    });
    return {
        status: 'ok',
        commit: r.commitSha,
        branch: r.branch,
        ...(r.pushed && r.remote ? { pushedTo: r.remote } : {}),
        note: `${r.alreadyCompleted ? 'already committed' : 'committed'} ${r.commitSha.slice(0, 12)} on ${r.branch}${r.pushed ? `, pushed to ${r.remote}` : ''}`,
    };
};
const bundle = async (ctx) => {
    // The bundle keeps the base commit pre-start used (the Bundler would otherwise take HEAD).
    const dir = (0, bundle_js_1.bundleDirFor)(ctx.root, ctx.taskId);
    const base = (0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'manifest.json')) ? (0, bundle_js_1.readManifest)(dir, ctx.taskId).baseCommit : ctx.base;
    const r = await (0, index_js_2.runBundler)({
        root: ctx.root,
        taskId: ctx.taskId,
        log: ctx.log,
        ...(base ? { base } : {}),
        // The values of this run's secret variables, whatever their shape, are redacted wherever they appear.
        known: (0, index_js_7.secretEnvValues)(ctx.env),
    });
    return {
        status: 'ok',
        note: `${r.tokens}/${r.tokenBudget} tokens, ${r.codeFiles.length} code files, ${r.rules} rules${r.redactions ? `, ${r.redactions} secrets redacted` : ''}`,
    };
};
const security = async (ctx) => {
    const quality = (0, index_js_1.loadProject)(ctx.root).quality;
    const llm = (0, config_js_1.resolveLlmConfig)({
        station: 'security',
        env: ctx.env,
        ...(ctx.envSources ? { envSources: ctx.envSources } : {}),
        ...(quality ? { quality } : {}),
    });
    const r = await (0, index_js_5.runSecurityConsultant)({
        root: ctx.root,
        taskId: ctx.taskId,
        log: ctx.log,
        ...(llm ? { llm } : {}),
        signal: ctx.signal,
    });
    const { high, medium, low } = r.counts;
    return {
        status: 'ok',
        // The severities are counted per risk (a category's finding, or one the model added); a risk's
        // further findings (more places, sub-checks) count among the findings only.
        note: `${high + medium + low} risks (${high} high, ${medium} medium, ${low} low), ${r.findings.length} findings, ${r.checks.length} guard checks${r.model ? `, model ${r.model}` : ''}`,
    };
};
function defaultStations() {
    return { prestart, bundle, security, code, validate, complete };
}


/***/ }),

/***/ 2426:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.projectStatus = projectStatus;
/** `guardian status`: each task's lifecycle status (from its blueprint) and its last run (from the ledger). */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const index_js_1 = __webpack_require__(5371);
const ledger_js_1 = __webpack_require__(1217);
function projectStatus(rootDir, milestoneId) {
    const root = (0, node_path_1.resolve)(rootDir);
    const project = (0, index_js_1.loadProject)(root);
    let tasks;
    let milestone;
    const notes = [];
    if (milestoneId) {
        // The milestone's own order; status never refuses to show a milestone (not even one with a cycle).
        const m = (0, index_js_1.requireMilestone)(project, milestoneId);
        const byId = new Map(project.tasks.map((t) => [t.id, t]));
        tasks = m.tasks.map((id) => byId.get(id)).filter((t) => !!t);
        // Shown, not refused: a task the milestone names that no blueprint defines is said, not dropped.
        const unknown = [...new Set(m.tasks.filter((id) => !byId.has(id)))];
        if (unknown.length) {
            notes.push(`${m.path}: milestone ${m.id} lists ${unknown.join(', ')}, which no blueprint defines (\`guardian lint\` names the line)`);
        }
        milestone = { id: m.id, title: m.title };
    }
    else {
        tasks = [...project.tasks].sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
    }
    const entries = (0, ledger_js_1.readLedger)(root, notes);
    const runs = (0, ledger_js_1.lastRuns)(entries);
    // The ended runs of each task in each milestone run.
    const inMilestoneRun = new Map();
    for (const e of entries) {
        if (e.event !== 'end' || !e.milestoneRunId)
            continue;
        const key = `${e.taskId}\0${e.milestoneRunId}`;
        const list = inMilestoneRun.get(key);
        if (list)
            list.push(e);
        else
            inMilestoneRun.set(key, [e]);
    }
    const totalOf = (e) => {
        const parts = e?.milestoneRunId ? inMilestoneRun.get(`${e.taskId}\0${e.milestoneRunId}`) : undefined;
        if (!parts || parts.length < 2)
            return undefined;
        return {
            runs: parts.length,
            usage: parts.reduce((acc, p) => (0, bundle_js_1.addUsage)(acc, p.usage), (0, bundle_js_1.emptyUsage)()),
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
function atRoot(e, root) {
    if (!e.message?.includes('/.guardian/bundles/'))
        return e;
    const message = e.message.replace(/(\/[^\s()`'"]*?)\/\.guardian\/bundles\//g, (whole, dir) => dir === root || (0, node_fs_1.existsSync)(dir) ? whole : `${root.split(node_path_1.sep).join('/')}/.guardian/bundles/`);
    return message === e.message ? e : { ...e, message };
}


/***/ }),

/***/ 8721:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_ATTEMPTS_LIMIT = exports.DEFAULT_MAX_ATTEMPTS = void 0;
exports.newRunId = newRunId;
exports.parseStationName = parseStationName;
exports.parseMaxAttempts = parseMaxAttempts;
exports.resumePoint = resumePoint;
exports.dirtyPaths = dirtyPaths;
exports.archiveBundle = archiveBundle;
exports.ensureGitRepo = ensureGitRepo;
exports.runTask = runTask;
/**
 * The life of one task: pre-start → bundle → security → code → validate → complete, each station
 * starting fresh from the Task Bundle on disk. The Supervisor decides only what runs next; every fact
 * (which station finished, the verdict, the patch's hash) is read back from the bundle's manifest and
 * reports, so `--resume` after a crash, a Ctrl-C or a change made by hand continues exactly where the
 * bundle says the line stopped.
 */
const node_crypto_1 = __webpack_require__(7598);
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const config_js_1 = __webpack_require__(8353);
const index_js_1 = __webpack_require__(5688);
const index_js_2 = __webpack_require__(5371);
const fs_js_1 = __webpack_require__(1917);
const log_js_1 = __webpack_require__(9906);
const temp_js_1 = __webpack_require__(4868);
const interrupt_js_1 = __webpack_require__(2125);
const ledger_js_1 = __webpack_require__(1217);
const lock_js_1 = __webpack_require__(2055);
const progress_js_1 = __webpack_require__(3075);
const watch_js_1 = __webpack_require__(9869);
const stations_js_1 = __webpack_require__(8205);
exports.DEFAULT_MAX_ATTEMPTS = 1;
exports.MAX_ATTEMPTS_LIMIT = 10;
function newRunId() {
    const t = new Date()
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
    return `${t}-${(0, node_crypto_1.randomBytes)(3).toString('hex')}`;
}
function parseStationName(value, flag = '--until') {
    const aliases = {
        'pre-start': 'prestart',
        bundler: 'bundle',
        'security-consultant': 'security',
        coder: 'code',
        validator: 'validate',
        completion: 'complete',
    };
    const name = (aliases[value] ?? value);
    if (!bundle_js_1.STATIONS.includes(name)) {
        throw new errors_js_1.UsageError(`${flag} ${value}: expected one of ${bundle_js_1.STATIONS.join(', ')}`);
    }
    return name;
}
function parseMaxAttempts(value) {
    if (value === undefined)
        return exports.DEFAULT_MAX_ATTEMPTS;
    // Digits only: Number() would also read `1e1` and `0x5`.
    const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > exports.MAX_ATTEMPTS_LIMIT) {
        throw new errors_js_1.UsageError(`--max-attempts ${value}: expected a whole number from 1 to ${exports.MAX_ATTEMPTS_LIMIT}`);
    }
    return n;
}
/** The note of a station Ctrl-C stopped (see markInterrupted). */
const INTERRUPTED_NOTE = 'interrupted (Ctrl-C): `guardian run --resume` runs this station again';
/**
 * The station `--resume` continues from, read from the manifest: the first one that has not finished.
 * A failed verdict sends the line back to the Coder (a new attempt, or the change fixed by hand).
 */
function resumePoint(m) {
    if (!m)
        return 'prestart';
    for (const s of bundle_js_1.STATIONS) {
        const rec = m.stations[s];
        // A validation stopped by Ctrl-C judged nothing: it runs again, the Coder's change is not redone.
        const judged = rec?.note !== INTERRUPTED_NOTE;
        if (s === 'validate' && rec && judged && (rec.verdict === 'fail' || rec.status === 'failed'))
            return 'code';
        if (!rec || (rec.status !== 'ok' && rec.status !== 'skipped'))
            return s;
    }
    return 'complete';
}
/** Uncommitted paths outside `.guardian/` (what a commit would mix in). */
function dirtyPaths(root) {
    const out = (0, git_js_1.execGit)(['status', '--porcelain', '-z', '--untracked-files=all'], { cwd: root }).stdout;
    const paths = [];
    const parts = out.split('\0');
    for (let i = 0; i < parts.length; i++) {
        const e = parts[i];
        if (!e)
            continue;
        const code = e.slice(0, 2);
        paths.push(e.slice(3));
        if (code.startsWith('R') || code.startsWith('C'))
            i++; // the rename's source path follows
    }
    return paths.filter((p) => !p.startsWith('.guardian/'));
}
/** Whether the working tree differs from `commit` (outside .guardian/): a change made by hand. */
function hasWorkingChanges(root, commit) {
    const diff = (0, git_js_1.execGit)(['diff', '--quiet', commit, '--', '.', ':(exclude).guardian'], {
        cwd: root,
        allowFailure: true,
    });
    if (diff.code !== 0)
        return true;
    return dirtyPaths(root).length > 0;
}
function readText(path) {
    return path && (0, node_fs_1.existsSync)(path) ? (0, node_fs_1.readFileSync)(path, 'utf8') : undefined;
}
function manifestIfAny(dir, taskId) {
    return (0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'manifest.json')) ? (0, bundle_js_1.readManifest)(dir, taskId) : undefined;
}
/** Moves an earlier run's bundle aside (never deleted: a Coder's patch in it is work). */
function archiveBundle(root, dir, taskId, log) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const dest = (0, node_path_1.join)(root, '.guardian', 'archive', `${taskId}-${stamp}`);
    (0, fs_js_1.ensureDir)((0, node_path_1.join)(root, '.guardian', 'archive'), root);
    try {
        (0, node_fs_1.renameSync)(dir, dest);
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            throw e;
        // Removed or moved by something else between reading its manifest and moving it.
        throw new errors_js_1.GuardianError(`the earlier bundle of ${taskId} (${dir}) disappeared while Guardian was moving it to ${(0, node_path_1.join)(root, '.guardian', 'archive')}: was it removed, or is another program using .guardian/? Run the command again`, { cause: e });
    }
    log.info(`an earlier bundle of ${taskId} was moved to ${dest} (use --resume to continue a run instead)`);
    return dest;
}
/** Marks a station the Ctrl-C stopped as not finished, so `--resume` runs it again. */
function markInterrupted(dir, taskId, station) {
    if (!(0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'manifest.json')))
        return;
    const m = (0, bundle_js_1.readManifest)(dir, taskId);
    const rec = m.stations[station];
    const now = new Date().toISOString();
    m.stations[station] = {
        ...(rec ?? { startedAt: now }),
        status: 'failed',
        finishedAt: rec?.finishedAt ?? now,
        note: INTERRUPTED_NOTE,
    };
    delete m.stations[station].verdict;
    (0, bundle_js_1.writeManifest)(dir, m);
}
function blockers(project, task) {
    const byId = new Map(project.tasks.map((t) => [t.id, t]));
    return task.dependsOn.filter((d) => byId.get(d)?.status !== 'done');
}
function ensureGitRepo(root) {
    if (!(0, git_js_1.isGitRepo)(root)) {
        throw new errors_js_1.GuardianError(`${root} is not a git repository: Guardian commits each task's change with git`, {
            exitCode: 2,
        });
    }
}
function ledgerEntry(line, event, fields) {
    return {
        schemaVersion: 1,
        runId: line.runId,
        event,
        taskId: line.task.id,
        ...(line.opts.milestone ? { milestone: line.opts.milestone } : {}),
        ...(line.opts.milestoneRunId ? { milestoneRunId: line.opts.milestoneRunId } : {}),
        status: 'in_progress',
        outcome: 'running',
        at: new Date().toISOString(),
        startedAt: line.startedAt.toISOString(),
        resumed: !!line.opts.resume,
        dryRun: !!line.opts.dryRun,
        ...fields,
    };
}
const STATUS_OF = {
    running: 'in_progress',
    committed: 'done',
    already_done: 'done',
    validated: 'in_progress',
    failed: 'failed',
    blocked: 'blocked',
    interrupted: 'in_progress',
    paused: 'in_progress',
};
/**
 * Runs one task through the line. Throws a GuardianError for what must be fixed before anything runs
 * (unknown task, invalid blueprint, dirty working tree, bad options); everything that happens once the
 * line has started — a failed check, a station's error, Ctrl-C — is reported in the result and the
 * ledger instead.
 */
async function runTask(opts) {
    const root = (0, node_path_1.resolve)(opts.root);
    const log = opts.log ?? log_js_1.silentLogger;
    // What must be fixed before anything runs is refused before the lock: nothing is written for it.
    parseMaxAttempts(opts.maxAttempts);
    if (opts.until)
        parseStationName(opts.until);
    ensureGitRepo(root);
    const project = (0, index_js_2.loadProject)(root);
    (0, index_js_2.requireTask)(project, opts.taskId);
    // One run at a time per checkout (a milestone's own task runs hold its lock already). When the lock
    // is taken here, the blueprints are read again under it: a run that held it until a moment ago may
    // have just committed one.
    const command = `guardian run ${opts.taskId}${opts.resume ? ' --resume' : ''}`;
    return (0, lock_js_1.withRunLock)(root, command, log, (fresh) => runTaskLocked(opts, fresh ? (0, index_js_2.loadProject)(root) : project));
}
async function runTaskLocked(opts, project) {
    const root = (0, node_path_1.resolve)(opts.root);
    const log = opts.log ?? log_js_1.silentLogger;
    const progress = opts.progress ?? progress_js_1.silentProgress;
    const stations = { ...(0, stations_js_1.defaultStations)(), ...opts.stations };
    const maxAttempts = parseMaxAttempts(opts.maxAttempts);
    const until = opts.until ? parseStationName(opts.until) : 'complete';
    const signal = opts.signal ?? new AbortController().signal;
    const env = opts.env ?? process.env;
    const startedAt = new Date();
    const bundleDir = (0, bundle_js_1.bundleDirFor)(root, opts.taskId);
    const task = (0, index_js_2.requireTask)(project, opts.taskId);
    const runId = newRunId();
    const line = {
        opts,
        root,
        task,
        runId,
        startedAt,
        ledgerRoot: opts.ledgerRoot ?? root,
        stationRuns: [],
        usage: (0, bundle_js_1.emptyUsage)(),
    };
    const base = {
        taskId: task.id,
        title: task.title,
        runId,
        stations: line.stationRuns,
        attempts: 0,
    };
    if (task.status === 'done') {
        const done = {
            ...base,
            status: 'done',
            outcome: 'already_done',
            usage: (0, bundle_js_1.emptyUsage)(),
            durationMs: 0,
        };
        // Done, but asked to push: an earlier push may have failed after the commit. Push the commit
        // Completion made (it finds it by its Task-Id trailer); a failed push fails this run too.
        if (opts.push && !opts.dryRun) {
            const r = await (0, index_js_1.runCompletion)({
                root,
                taskId: task.id,
                log,
                push: opts.push,
                ...(opts.branch ? { branch: opts.branch } : {}),
            });
            return {
                ...done,
                commit: r.commitSha,
                branch: r.branch,
                ...(r.pushed ? { pushedTo: opts.push } : {}),
                message: `${task.id} is already done (${r.commitSha.slice(0, 12)} on ${r.branch}); ${r.pushed ? `${opts.push}/${r.branch} has it` : 'not pushed'}`,
            };
        }
        return { ...done, message: `${task.id} is already done (status: done in ${task.path}): nothing to do` };
    }
    const waitingFor = blockers(project, task);
    if (waitingFor.length) {
        const message = `${task.id} depends on ${waitingFor.join(', ')}, not done yet: run ${waitingFor.length > 1 ? 'them' : 'it'} first (or \`guardian milestone\`)`;
        (0, ledger_js_1.appendLedger)(line.ledgerRoot, ledgerEntry(line, 'end', { status: 'blocked', outcome: 'blocked', durationMs: 0, message }));
        return { ...base, status: 'blocked', outcome: 'blocked', usage: (0, bundle_js_1.emptyUsage)(), durationMs: 0, message };
    }
    // Where the line starts.
    let manifest = manifestIfAny(bundleDir, task.id);
    let from = 'prestart';
    if (opts.resume && manifest) {
        from = resumePoint(manifest);
    }
    else if (!opts.resume && manifest) {
        const willCommit = !opts.dryRun && until === 'complete';
        if (willCommit)
            checkClean(root, task);
        archiveBundle(root, bundleDir, task.id, log);
        manifest = undefined;
    }
    else if (!opts.resume && !opts.dryRun && until === 'complete') {
        checkClean(root, task);
    }
    if (bundle_js_1.STATIONS.indexOf(from) > bundle_js_1.STATIONS.indexOf(until)) {
        return {
            ...base,
            status: task.status,
            outcome: 'paused',
            usage: (0, bundle_js_1.emptyUsage)(),
            durationMs: 0,
            bundleDir,
            message: `${task.id}: the bundle has already passed ${until}; nothing to do until then (next station: ${from})`,
        };
    }
    (0, ledger_js_1.appendLedger)(line.ledgerRoot, ledgerEntry(line, 'start', { ...(manifest ? { baseCommit: manifest.baseCommit } : {}) }));
    progress.taskStart(task.id, task.title);
    if (opts.resume && manifest)
        log.info(`resuming ${task.id} at ${from} (bundle ${bundleDir})`);
    // What continues an interrupted run: with the same push and branch (a task Completion committed before
    // the Ctrl-C is done, and `--push` then pushes that commit).
    const resumeCommand = `guardian run ${task.id} --resume${opts.push ? ` --push ${opts.push}` : ''}${opts.branch ? ` --branch ${opts.branch}` : ''}`;
    /** The station running now (for a run that ends in the middle of one). */
    let current;
    /** What the running Coder attempt has spent so far, as its transcript shows (for a quit at once). */
    let coderSpent = (0, bundle_js_1.emptyUsage)();
    /** Stops the watch of the running Coder's transcript, after a last read of it. */
    let stopCoderWatch;
    let verdict;
    let commit;
    let branch;
    let pushedTo;
    let patchSha256;
    let reportPath;
    let attempts = 0;
    // The last Coder attempt the bundle records (a resumed run goes on counting from there).
    let attempt = manifest?.stations.code ? (manifest.stations.code.attempt ?? 1) : 0;
    let outcome = 'running';
    let message = '';
    /**
     * The base commit the bundle named when last read: Completion deletes the bundle, and the run's
     * result and ledger entry still say which commit the task was built on.
     */
    let baseCommit = manifest?.baseCommit;
    // A run resumed at Completion reports the judgement it commits: the verdict and the patch's hash the
    // Validator recorded in the bundle.
    if (from === 'complete' && manifest?.stations.validate?.verdict) {
        verdict = manifest.stations.validate.verdict;
        patchSha256 = recordedPatchHash(bundleDir);
    }
    const readManifest = () => {
        const m = manifestIfAny(bundleDir, task.id);
        if (m)
            baseCommit = m.baseCommit;
        return m;
    };
    /**
     * A text as the ledger keeps it: a run in a temporary worktree (a milestone's parallel task) names
     * its bundle and reports there, and the worktree is removed once its bundle is copied back to the
     * checkout whose ledger this is: the paths name that copy.
     */
    const atLedgerRoot = (text) => line.ledgerRoot === root
        ? text
        : text.split(`${root}${node_path_1.sep}.guardian${node_path_1.sep}`).join(`${line.ledgerRoot}${node_path_1.sep}.guardian${node_path_1.sep}`);
    /** The ledger's `end` entry for the run as it stands. */
    const endEntry = (durationMs) => {
        const status = STATUS_OF[outcome];
        const ledgerStations = line.stationRuns.map((s) => ({
            station: s.station,
            status: s.status,
            durationMs: s.durationMs,
            ...(s.attempt ? { attempt: s.attempt } : {}),
            ...(s.verdict ? { verdict: s.verdict } : {}),
            ...(s.note ? { note: atLedgerRoot(s.note).slice(0, 300) } : {}),
            ...(s.usage.promptTokens || s.usage.completionTokens ? { usage: s.usage } : {}),
        }));
        return ledgerEntry(line, 'end', {
            status,
            outcome,
            durationMs,
            stations: ledgerStations,
            attempts,
            ...(baseCommit ? { baseCommit } : {}),
            ...(verdict ? { verdict } : {}),
            ...(commit ? { commit } : {}),
            ...(branch ? { branch } : {}),
            ...(pushedTo ? { pushedTo } : {}),
            usage: line.usage,
            message: atLedgerRoot(message),
        });
    };
    // A second Ctrl-C exits at once, without `finish`: the run still gets its `end` entry (interrupted),
    // so `guardian status` does not show it as killed. The station it stopped in is still `running` in
    // the manifest, which --resume runs again. (Any other exit in the middle of a run leaves the run
    // unfinished, as a kill does.)
    const forgetExit = (0, temp_js_1.onExit)(() => {
        if (!signal.aborted)
            return;
        if (current) {
            // The Coder's tokens are recorded only when it returns: what its transcript shows is what was spent
            // (read once more now: the watch reads it once a second).
            stopCoderWatch?.();
            const usage = current === 'code' ? coderSpent : (0, bundle_js_1.emptyUsage)();
            line.usage = (0, bundle_js_1.addUsage)(line.usage, usage);
            line.stationRuns.push({ station: current, status: 'interrupted', durationMs: 0, usage });
        }
        outcome = 'interrupted';
        message = `${task.id} interrupted${current ? ` during ${current}` : ''} (quit at once): \`${resumeCommand}\` continues${current ? ` from ${current}` : ''}`;
        try {
            readManifest(); // its base commit, if the bundle has one now
        }
        catch {
            // unreadable: the base commit read before stands
        }
        (0, ledger_js_1.appendLedger)(line.ledgerRoot, endEntry(Date.now() - startedAt.getTime()));
    });
    const finish = () => {
        forgetExit();
        current = undefined;
        progress.taskEnd(task.id, message);
        readManifest(); // the base commit, while the bundle is there
        const durationMs = Date.now() - startedAt.getTime();
        const status = STATUS_OF[outcome];
        (0, ledger_js_1.appendLedger)(line.ledgerRoot, endEntry(durationMs));
        const failed = outcome === 'failed';
        return {
            ...base,
            status,
            outcome,
            attempts,
            usage: line.usage,
            durationMs,
            bundleDir: (0, node_fs_1.existsSync)(bundleDir) ? bundleDir : undefined,
            ...(baseCommit ? { baseCommit } : {}),
            ...(verdict ? { verdict } : {}),
            ...(commit ? { commit } : {}),
            ...(branch ? { branch } : {}),
            ...(pushedTo ? { pushedTo } : {}),
            ...(patchSha256 ? { patchSha256 } : {}),
            ...(failed && reportPath ? { reportPath, report: readText(reportPath) } : {}),
            message,
        };
    };
    try {
        const order = bundle_js_1.STATIONS.slice(bundle_js_1.STATIONS.indexOf(from), bundle_js_1.STATIONS.indexOf(until) + 1);
        let i = 0;
        while (i < order.length) {
            const station = order[i];
            if (signal.aborted) {
                outcome = 'interrupted';
                message = `${task.id} interrupted before ${station}: \`${resumeCommand}\` continues`;
                return finish();
            }
            const leftBehind = station === 'complete' ? opts.beforeComplete?.() : undefined;
            if (leftBehind) {
                outcome = 'failed';
                message = `${task.id}: nothing committed: ${leftBehind}`;
                return finish();
            }
            if (station === 'complete' && opts.dryRun) {
                outcome = 'validated';
                message = `${task.id} passed every station (dry run: nothing committed or pushed)`;
                return finish();
            }
            // The Coder without a model: the change is made by hand in the working tree.
            if (station === 'code' && !opts.stations?.code && !coderConfigured(project, env, opts.envSources)) {
                const m = manifestIfAny(bundleDir, task.id);
                const handMade = (m && (0, node_fs_1.existsSync)((0, node_path_1.join)(bundleDir, 'changes.patch'))) || (m && hasWorkingChanges(root, m.baseCommit));
                if (opts.resume && handMade) {
                    recordSkipped(bundleDir, task.id, 'code', 'no model configured: the change was made by hand in the working tree');
                    line.stationRuns.push({
                        station: 'code',
                        status: 'skipped',
                        durationMs: 0,
                        usage: (0, bundle_js_1.emptyUsage)(),
                        note: 'made by hand',
                    });
                    progress.stationEnd(task.id, 'code', 'skipped', 0, 'no model: using the change made by hand');
                    i++;
                    continue;
                }
                outcome = 'paused';
                message = opts.resume
                    ? `${task.id}: no change to validate — no model is configured and the working tree has no change against the base. Implement the task (context: ${(0, node_path_1.join)(bundleDir, 'task_context.md')}), then run \`${resumeCommand}\``
                    : `${task.id}: no model configured (name one with GUARDIAN_MODEL or [llm] model in quality.toml, with OPENAI_API_KEY set). Implement the task in the working tree using ${(0, node_path_1.join)(bundleDir, 'task_context.md')}, then run \`${resumeCommand}\``;
                return finish();
            }
            if (station === 'code') {
                attempt++;
                attempts++;
            }
            const before = readManifest()?.usage ?? (0, bundle_js_1.emptyUsage)();
            const t0 = Date.now();
            progress.stationStart(task.id, station, station === 'code' || station === 'validate' ? attempt || undefined : undefined);
            const ctx = {
                root,
                taskId: task.id,
                log,
                signal,
                env,
                ...(opts.envSources ? { envSources: opts.envSources } : {}),
                attempt: Math.max(1, attempt),
                maxAttempts,
                dryRun: !!opts.dryRun,
                ...(opts.push ? { push: opts.push } : {}),
                ...(opts.branch ? { branch: opts.branch } : {}),
                ...(opts.base ? { base: opts.base } : {}),
                ...(opts.runUrl ? { runUrl: opts.runUrl } : {}),
                onUsage: (u) => progress.usage(task.id, (0, bundle_js_1.addUsage)(line.usage, u)),
            };
            const stopWatch = (stopCoderWatch =
                station === 'code'
                    ? (0, watch_js_1.watchTranscript)((0, node_path_1.join)(bundleDir, 'transcript.jsonl'), Math.max(1, attempt), (u) => {
                        coderSpent = u;
                        progress.usage(task.id, (0, bundle_js_1.addUsage)(line.usage, u));
                    })
                    : undefined);
            current = station;
            let out;
            let thrown;
            try {
                out = await stations[station](ctx);
            }
            catch (e) {
                thrown = { error: e };
            }
            stopWatch?.();
            stopCoderWatch = undefined;
            coderSpent = (0, bundle_js_1.emptyUsage)();
            // A Ctrl-C at the terminal reaches the git a station runs as well (same process group): git dies
            // and the station fails while this process's own SIGINT handler has not run yet. Let it run
            // before judging: that failure is the interruption, not a station's error.
            await (0, interrupt_js_1.signalsDelivered)();
            current = undefined;
            const durationMs = Date.now() - t0;
            const usage = usageDelta(before, readManifest()?.usage);
            line.usage = (0, bundle_js_1.addUsage)(line.usage, usage);
            if (thrown || !out) {
                const e = thrown?.error;
                const note = e.message ?? String(e);
                if (signal.aborted) {
                    markInterrupted(bundleDir, task.id, station);
                    line.stationRuns.push({ station, status: 'interrupted', durationMs, usage, note });
                    progress.stationEnd(task.id, station, 'interrupted', durationMs, firstLine(note));
                    outcome = 'interrupted';
                    message = `${task.id} interrupted during ${station} (${firstLine(note)}): \`${resumeCommand}\` continues from ${station}`;
                    return finish();
                }
                line.stationRuns.push({
                    station,
                    status: 'failed',
                    durationMs,
                    usage,
                    note,
                    ...(station === 'code' ? { attempt } : {}),
                });
                progress.stationEnd(task.id, station, 'failed', durationMs, firstLine(note));
                outcome = 'failed';
                message = `${task.id} failed at ${station}: ${note}`;
                if (!(0, errors_js_1.isUserError)(e)) {
                    finish();
                    throw e;
                }
                return finish();
            }
            progress.usage(task.id, line.usage);
            if (signal.aborted && !IGNORES_SIGNAL.has(station)) {
                // A station that returned while being stopped judged a half-run (killed) command: don't trust it.
                // (Completion is not stopped: a commit it returns was made, and is recorded as made.)
                markInterrupted(bundleDir, task.id, station);
                line.stationRuns.push({ station, status: 'interrupted', durationMs, usage });
                progress.stationEnd(task.id, station, 'interrupted', durationMs);
                outcome = 'interrupted';
                message = `${task.id} interrupted during ${station}: \`${resumeCommand}\` continues from ${station}`;
                return finish();
            }
            const run = {
                station,
                status: out.status,
                durationMs,
                usage,
                ...(station === 'code' || station === 'validate' ? { attempt: Math.max(1, attempt) } : {}),
                ...(out.verdict ? { verdict: out.verdict } : {}),
                ...(out.note ? { note: out.note } : {}),
            };
            line.stationRuns.push(run);
            progress.stationEnd(task.id, station, out.status, durationMs, out.note ? firstLine(out.note) : undefined);
            if (out.patchSha256)
                patchSha256 = out.patchSha256;
            if (station === 'validate')
                verdict = out.verdict;
            if (out.commit)
                commit = out.commit;
            if (out.branch)
                branch = out.branch;
            if (out.pushedTo)
                pushedTo = out.pushedTo;
            if (out.status === 'failed' &&
                station === 'code' &&
                order.includes('validate') &&
                hasPatch(bundleDir)) {
                // The Coder stopped without finishing (tests still failing, a budget): the Validator judges what
                // it wrote, so the failure ends with the precise report (and a next attempt gets it as feedback).
                log.info(`${task.id}: the Coder stopped without finishing (${out.note ?? 'failed'}); the Validator judges its change`);
                i++;
                continue;
            }
            if (out.status === 'failed') {
                reportPath = out.reportPath;
                if (station === 'validate' &&
                    !out.dependenciesModified &&
                    attempts < maxAttempts &&
                    attempts > 0 &&
                    coderAvailable(project, env, opts)) {
                    log.info(`${task.id}: attempt ${attempt} failed (${out.note ?? 'verdict fail'}); the Coder tries again with the report`);
                    i = order.indexOf('code');
                    continue;
                }
                outcome = 'failed';
                const tries = station === 'validate' && attempts > 1 ? ` after ${attempts} attempts` : '';
                message =
                    station === 'validate' && out.dependenciesModified
                        ? `${task.id} failed validation${tries}: the dependency folders were modified (guard:deps)${reportPath ? ` (report: ${reportPath})` : ''}; reinstall them (\`npm ci\`, or recreate the virtual environment), then run \`${resumeCommand}\``
                        : station === 'validate'
                            ? `${task.id} failed validation${tries}: ${out.note ?? 'verdict fail'}${reportPath ? ` (report: ${reportPath})` : ''}; fix the change and run \`${resumeCommand}\``
                            : station === 'prestart'
                                ? `${task.id}: pre-start checks failed at the base — the codebase is not in a state to start from: ${out.note ?? ''}${reportPath ? ` (report: ${reportPath})` : ''}`
                                : `${task.id} failed at ${station}: ${out.note ?? 'see the bundle'}`;
                return finish();
            }
            i++;
        }
        if (until !== 'complete') {
            outcome = 'paused';
            message = opts.untilReason
                ? `${task.id} stopped after ${until}: ${opts.untilReason}`
                : `${task.id} stopped after ${until} (--until): \`${resumeCommand}\` continues`;
        }
        else if (commit) {
            outcome = 'committed';
            message = `${task.id} done: committed ${commit.slice(0, 12)}${branch ? ` on ${branch}` : ''}${pushedTo ? `, pushed to ${pushedTo}` : ''}`;
        }
        else {
            outcome = 'committed';
            message = `${task.id} done`;
        }
        return finish();
    }
    finally {
        // However the run ended (an error too), the exit no longer speaks for it.
        forgetExit();
    }
}
/**
 * Stations that run to their end whatever the signal, and whose success is never a half-run one. (The
 * Bundler is not stopped either, but a terminal's Ctrl-C kills the helpers it runs — an interpreter
 * asked for library APIs — and what it built without them is not trusted.)
 */
const IGNORES_SIGNAL = new Set(['complete']);
function firstLine(s) {
    const l = s.split('\n')[0] ?? '';
    return l.length > 160 ? l.slice(0, 159) + '…' : l;
}
function usageDelta(before, after) {
    if (!after)
        return (0, bundle_js_1.emptyUsage)();
    return {
        promptTokens: Math.max(0, after.promptTokens - before.promptTokens),
        completionTokens: Math.max(0, after.completionTokens - before.completionTokens),
        cachedTokens: Math.max(0, after.cachedTokens - before.cachedTokens),
        costUsd: Math.max(0, Math.round((after.costUsd - before.costUsd) * 1e6) / 1e6),
    };
}
function coderConfigured(project, env, envSources) {
    return ((0, config_js_1.resolveLlmConfig)({
        station: 'coder',
        env,
        ...(envSources ? { envSources } : {}),
        ...(project.quality ? { quality: project.quality } : {}),
    }) !== undefined);
}
function coderAvailable(project, env, opts) {
    return !!opts.stations?.code || coderConfigured(project, env, opts.envSources);
}
function recordSkipped(dir, taskId, station, note) {
    const m = (0, bundle_js_1.readManifest)(dir, taskId);
    const now = new Date().toISOString();
    m.stations[station] = { status: 'skipped', startedAt: now, finishedAt: now, durationMs: 0, note };
    (0, bundle_js_1.writeManifest)(dir, m);
}
function checkClean(root, task) {
    const dirty = dirtyPaths(root);
    if (dirty.length === 0)
        return;
    const shown = dirty.slice(0, 5).join(', ') + (dirty.length > 5 ? `, … (${dirty.length} in all)` : '');
    throw new errors_js_1.GuardianError(`the working tree has uncommitted changes (${shown}): Guardian commits ${task.id}'s change on top of HEAD and would mix them in. ` +
        `Commit or stash them first, or run with --dry-run (nothing is committed). ` +
        `If they are your own implementation of ${task.id}, run \`guardian run ${task.id} --resume\` to validate and commit them.`);
}
function hasPatch(dir) {
    const p = (0, node_path_1.join)(dir, 'changes.patch');
    return (0, node_fs_1.existsSync)(p) && (0, node_fs_1.readFileSync)(p, 'utf8').trim() !== '';
}
/** The patch hash the Validator recorded in the bundle's `validation.json`, if it reads as one. */
function recordedPatchHash(bundleDir) {
    try {
        const v = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(bundleDir, 'validation.json'), 'utf8'));
        const h = typeof v === 'object' && v !== null ? v.patchSha256 : undefined;
        return typeof h === 'string' && /^[0-9a-f]{64}$/.test(h) ? h : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 9869:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.watchTranscript = watchTranscript;
/**
 * Live token and cost figures while the Coder works: the Coder appends one `model` event per model
 * call (with its usage) to the bundle's transcript.jsonl as it goes, so the Supervisor reads the new
 * lines every second and adds them up. Reading only what was appended keeps this cheap on long runs.
 */
const node_fs_1 = __webpack_require__(3024);
const bundle_js_1 = __webpack_require__(6782);
function watchTranscript(path, attempt, onUsage, intervalMs = 1000) {
    let offset = (0, node_fs_1.existsSync)(path) ? (0, node_fs_1.statSync)(path).size : 0;
    let rest = '';
    let total = (0, bundle_js_1.emptyUsage)();
    const poll = () => {
        try {
            if (!(0, node_fs_1.existsSync)(path))
                return;
            const size = (0, node_fs_1.statSync)(path).size;
            if (size < offset) {
                // The first attempt starts a new transcript.
                offset = 0;
                rest = '';
            }
            if (size === offset)
                return;
            const fd = (0, node_fs_1.openSync)(path, 'r');
            const buf = Buffer.alloc(size - offset);
            try {
                (0, node_fs_1.readSync)(fd, buf, 0, buf.length, offset);
            }
            finally {
                (0, node_fs_1.closeSync)(fd);
            }
            offset = size;
            const lines = (rest + buf.toString('utf8')).split('\n');
            rest = lines.pop() ?? '';
            let changed = false;
            for (const line of lines) {
                if (!line.includes('"model"'))
                    continue;
                try {
                    const e = JSON.parse(line);
                    if (e.type === 'model' && (e.attempt === undefined || e.attempt === attempt) && e.usage) {
                        total = (0, bundle_js_1.addUsage)(total, e.usage);
                        changed = true;
                    }
                }
                catch {
                    // A line that is not JSON: not ours to judge here.
                }
            }
            if (changed)
                onUsage(total);
        }
        catch {
            // Live figures are a nicety: a read error must never disturb the run.
        }
    };
    const timer = setInterval(poll, intervalMs);
    timer.unref?.();
    return () => {
        clearInterval(timer);
        poll();
    };
}


/***/ })

};
