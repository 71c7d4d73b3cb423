export const id = 970;
export const ids = [970,575];
export const modules = {

/***/ 5970:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.register = register;
const prestart_js_1 = __webpack_require__(3978);
const lock_js_1 = __webpack_require__(2055);
const log_js_1 = __webpack_require__(9906);
const io_js_1 = __webpack_require__(1604);
const validate_js_1 = __webpack_require__(2575);
function register(program, ctx) {
    program
        .command('prestart')
        .description("run the verification plan's pre-start steps at the base commit; exit 1 when one fails")
        .argument('<task-id>', 'the task, e.g. TASK-042')
        .option('--root <dir>', 'repository root', '.')
        .option('--base <ref>', 'base commit when there is no Task Bundle (default HEAD)')
        .option('--json', 'print prestart.json on stdout')
        .option('--jobs <n>', 'steps run in parallel (default [validator] jobs, else the number of cores)', (0, io_js_1.positiveInt)('--jobs'))
        .option('--setup', 'run [setup] commands first even when running in place')
        .action(async (taskId, opts) => {
        const root = (0, validate_js_1.gitRoot)(ctx, opts.root);
        const log = (0, log_js_1.streamLogger)(ctx.io.stderr);
        // The report is written into the bundle (and --setup touches the working tree), which a
        // `guardian run` there may be using: one writer at a time (.guardian/run.lock).
        const { report, markdownPath } = await (0, lock_js_1.withRunLock)(root, `guardian prestart ${taskId}`, log, () => (0, validate_js_1.withInterrupt)((signal) => (0, prestart_js_1.runPrestart)({
            signal,
            root,
            taskId,
            base: opts.base,
            env: ctx.io.env,
            log,
            ...(opts.jobs ? { jobs: opts.jobs } : {}),
            ...(opts.setup ? { runSetup: true } : {}),
        })));
        if (opts.json)
            ctx.io.stdout.write(JSON.stringify(report, null, 2) + '\n');
        else {
            if (report.checks.length)
                ctx.io.stdout.write((0, validate_js_1.checksTable)(report.checks));
            if (report.verdict === 'fail')
                ctx.io.stdout.write((0, validate_js_1.failureDetails)(report.checks));
            ctx.io.stdout.write(`\n${report.summary}\nreport: ${markdownPath}\n`);
        }
        ctx.setExitCode(report.verdict === 'pass' ? 0 : 1);
    });
}


/***/ }),

/***/ 2575:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.gitRoot = gitRoot;
exports.withInterrupt = withInterrupt;
exports.checksTable = checksTable;
exports.failureDetails = failureDetails;
exports.register = register;
/** `guardian validate TASK-ID`: the Validator station from the command line. */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const index_js_1 = __webpack_require__(5736);
const lock_js_1 = __webpack_require__(2055);
const fs_js_1 = __webpack_require__(1917);
const log_js_1 = __webpack_require__(9906);
const io_js_1 = __webpack_require__(1604);
const spec_js_1 = __webpack_require__(5842);
/** The repository root for --root (default: the current directory's repository). */
function gitRoot(ctx, root) {
    const dir = (0, spec_js_1.resolveRoot)(ctx, root);
    if (!(0, git_js_1.isGitRepo)(dir))
        throw new errors_js_1.UsageError(`${dir} is not inside a git repository`);
    return (0, git_js_1.repoRoot)(dir);
}
/**
 * Runs `fn` with an AbortSignal that fires on Ctrl-C / SIGTERM. Checks run in their own process
 * groups, out of reach of the terminal's SIGINT, so the station has to stop them itself.
 */
async function withInterrupt(fn) {
    const ac = new AbortController();
    const stop = () => ac.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
        return await fn(ac.signal);
    }
    finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
    }
}
function checksTable(checks) {
    return (0, io_js_1.table)(['check', 'kind', 'outcome', 'exit', 'time', 'command or rule'], checks.map((c) => [
        c.name,
        c.kind,
        c.outcome,
        c.exitCode === null ? (c.signal ?? '') : String(c.exitCode),
        `${(c.durationMs / 1000).toFixed(1)}s`,
        // A check without a command states its rule ("the change touches no protected path"): marked as
        // one, so that a failing row does not read as a statement that it holds.
        c.command ?? (c.description ? `rule: ${c.description}` : ''),
    ]));
}
/** The failing checks' diagnostics and output, for the terminal. */
function failureDetails(checks) {
    const parts = [];
    for (const c of checks.filter((x) => x.outcome !== 'pass')) {
        parts.push(`\n── ${c.name} (${c.outcome})${c.command ? `: ${c.command}` : ''}`);
        for (const d of c.diagnostics.slice(0, 20)) {
            parts.push(`  ${d.file}:${d.line}${d.column ? `:${d.column}` : ''}: ${d.message}`);
        }
        // A guard rule's output is its diagnostics again: show it only for commands.
        if (c.kind !== 'guard' || c.diagnostics.length === 0) {
            const tail = c.outputTail.split('\n').slice(-25).join('\n');
            parts.push(tail.replace(/^/gm, '  │ '));
        }
    }
    return parts.join('\n') + '\n';
}
function register(program, ctx) {
    program
        .command('validate')
        .description('judge a change: quality checks, verification plan, guard rules and red/green proof; exit 0 on pass, 1 on fail')
        .argument('<task-id>', 'the task, e.g. TASK-042')
        .option('--root <dir>', 'repository root', '.')
        .option('--base <ref>', 'base commit when there is no Task Bundle (default HEAD)')
        .option('--json', 'print validation.json on stdout')
        .option('--fail-fast', 'stop starting checks after the first failure')
        .option('--jobs <n>', 'checks run in parallel (default [validator] jobs, else the number of cores)', (0, io_js_1.positiveInt)('--jobs'))
        .option('--security-json <path>', 'enforce the checks of this security.json (default: the bundle’s)')
        .option('--setup', 'run [setup] commands before judging the working tree in place')
        .option('--clean', 'judge the working tree’s change in a clean worktree of the base, where git-ignored files cannot sway it')
        .action(async (taskId, opts) => {
        const root = gitRoot(ctx, opts.root);
        const securityJson = opts.securityJson === undefined ? undefined : (0, node_path_1.resolve)(ctx.io.cwd, opts.securityJson);
        // A file the user named must be there: a typo would otherwise judge without its checks.
        if (securityJson !== undefined && !(0, node_fs_1.existsSync)(securityJson))
            throw new errors_js_1.UsageError(`--security-json ${opts.securityJson}: no such file`);
        if (securityJson !== undefined && (0, node_fs_1.statSync)(securityJson).isDirectory())
            throw new errors_js_1.UsageError(`--security-json ${opts.securityJson}: a directory, expected a JSON file`);
        (0, fs_js_1.assertCanBeDir)((0, bundle_js_1.bundleDirFor)(root, taskId), root); // a .guardian file in the way: say so
        const log = (0, log_js_1.streamLogger)(ctx.io.stderr);
        // The report is written into the bundle (and --setup, --clean touch the working tree and its
        // worktrees), which a `guardian run` there may be using: one writer at a time (.guardian/run.lock).
        const { report, markdownPath } = await (0, lock_js_1.withRunLock)(root, `guardian validate ${taskId}`, log, () => withInterrupt((signal) => (0, index_js_1.runValidator)({
            signal,
            root,
            taskId,
            base: opts.base,
            env: ctx.io.env,
            log,
            ...(opts.failFast ? { failFast: true } : {}),
            ...(opts.jobs ? { jobs: opts.jobs } : {}),
            ...(securityJson ? { securityJson } : {}),
            ...(opts.setup ? { runSetup: true } : {}),
            ...(opts.clean ? { clean: true } : {}),
        })));
        if (opts.json) {
            ctx.io.stdout.write(JSON.stringify(report, null, 2) + '\n');
            if (report.verdict === 'fail')
                ctx.io.stderr.write(`${report.summary}\n`);
        }
        else {
            ctx.io.stdout.write(checksTable(report.checks));
            if (report.verdict === 'fail')
                ctx.io.stdout.write(failureDetails(report.checks));
            ctx.io.stdout.write(`\n${report.summary}\nreport: ${markdownPath}\n`);
        }
        ctx.setExitCode(report.verdict === 'pass' ? 0 : 1);
    });
}


/***/ }),

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


/***/ })

};
