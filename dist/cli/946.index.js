export const id = 946;
export const ids = [946,575];
export const modules = {

/***/ 3294:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.register = register;
const bundle_js_1 = __webpack_require__(6782);
const errors_js_1 = __webpack_require__(3916);
const index_js_1 = __webpack_require__(5688);
const lock_js_1 = __webpack_require__(2055);
const log_js_1 = __webpack_require__(9906);
const spec_js_1 = __webpack_require__(5842);
const validate_js_1 = __webpack_require__(2575);
function parseAuthor(v) {
    const m = /^\s*(.+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(v);
    if (!m)
        throw new errors_js_1.UsageError(`--author ${v}: expected "Name <email@example.com>"`);
    return { name: m[1], email: m[2] };
}
function register(program, ctx) {
    program
        .command('complete')
        .description('commit exactly the change the Validator passed (blueprint status set to done) and optionally push it')
        .argument('<task-id>', 'the task, e.g. TASK-042')
        .option('--root <dir>', 'repository root', '.')
        .option('--push <remote>', 'push the branch to this remote (never forced)')
        .option('--branch <name>', "branch to commit on (default: the blueprint's branch, else guardian/<task-id>)")
        .option('--author <who>', 'commit author, "Name <email>" (default: [commit] in quality.toml, else your git identity)', parseAuthor)
        .option('--run-url <url>', 'the CI run URL for the Guardian-Run trailer')
        .option('--json', 'print the result as JSON')
        .action(async (taskId, opts) => {
        const root = (0, validate_js_1.gitRoot)(ctx, opts.root);
        (0, spec_js_1.checkCommitFlags)(root, opts);
        (0, bundle_js_1.bundleDirFor)(root, taskId); // a malformed task id is refused before the lock
        const log = (0, log_js_1.streamLogger)(ctx.io.stderr);
        // Completion commits, switches branches and deletes the bundle, as a `guardian run` there would:
        // one writer at a time (.guardian/run.lock).
        const command = `guardian complete ${taskId}${opts.push ? ` --push ${opts.push}` : ''}`;
        const r = await (0, lock_js_1.withRunLock)(root, command, log, () => (0, index_js_1.runCompletion)({
            root,
            taskId,
            log,
            ...(opts.push ? { push: opts.push } : {}),
            ...(opts.branch ? { branch: opts.branch } : {}),
            ...(opts.author ? { author: opts.author } : {}),
            ...(opts.runUrl ? { runUrl: opts.runUrl } : {}),
        }));
        if (opts.json)
            ctx.io.stdout.write(JSON.stringify({ schemaVersion: 1, ...r }, null, 2) + '\n');
        else {
            ctx.io.stdout.write(`${r.alreadyCompleted ? 'already completed' : 'completed'} ${r.taskId}: ${r.commitSha} on ${r.foundOn ?? r.branch}` +
                `${r.pushed ? ` (pushed to ${r.remote})` : r.remote ? ' (not pushed)' : ''}\n`);
        }
        ctx.setExitCode(0);
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

/***/ 6519:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.checkValidationReport = checkValidationReport;
exports.readValidationReport = readValidationReport;
/**
 * Reading `validation.json` back from a Task Bundle (the Coder's next attempt, Completion): the file
 * travelled between jobs, so its shape is checked field by field before anything relies on it.
 */
const bundle_js_1 = __webpack_require__(6782);
const OUTCOMES = ['pass', 'fail', 'timeout', 'error'];
function checkString(file, field, v, optional = false) {
    if (optional && v === undefined)
        return;
    if (typeof v !== 'string')
        throw (0, bundle_js_1.bundleFieldError)(file, field, 'a string', v);
}
/** Checks a parsed validation.json; throws a user error naming the first field of the wrong shape. */
function checkValidationReport(doc, file) {
    if (!(0, bundle_js_1.isJsonObject)(doc))
        throw (0, bundle_js_1.bundleFieldError)(file, '(top level)', 'a validation report (an object)', doc);
    checkString(file, 'taskId', doc.taskId);
    checkString(file, 'baseCommit', doc.baseCommit);
    checkString(file, 'patchSha256', doc.patchSha256);
    checkString(file, 'summary', doc.summary);
    if (doc.verdict !== 'pass' && doc.verdict !== 'fail')
        throw (0, bundle_js_1.bundleFieldError)(file, 'verdict', '"pass" or "fail"', doc.verdict);
    if (doc.changedFiles !== undefined) {
        if (!Array.isArray(doc.changedFiles))
            throw (0, bundle_js_1.bundleFieldError)(file, 'changedFiles', 'an array of paths', doc.changedFiles);
        doc.changedFiles.forEach((p, i) => checkString(file, `changedFiles[${i}]`, p));
    }
    if (!Array.isArray(doc.checks))
        throw (0, bundle_js_1.bundleFieldError)(file, 'checks', 'an array of check results', doc.checks);
    doc.checks.forEach((c, i) => {
        const at = `checks[${i}]`;
        if (!(0, bundle_js_1.isJsonObject)(c))
            throw (0, bundle_js_1.bundleFieldError)(file, at, 'a check result (an object)', c);
        checkString(file, `${at}.name`, c.name);
        checkString(file, `${at}.kind`, c.kind);
        if (typeof c.outcome !== 'string' || !OUTCOMES.includes(c.outcome))
            throw (0, bundle_js_1.bundleFieldError)(file, `${at}.outcome`, `one of ${OUTCOMES.join(', ')}`, c.outcome);
        for (const k of ['description', 'command'])
            checkString(file, `${at}.${k}`, c[k], true);
        if (c.exitCode !== undefined && c.exitCode !== null && typeof c.exitCode !== 'number')
            throw (0, bundle_js_1.bundleFieldError)(file, `${at}.exitCode`, 'a number or null', c.exitCode);
        if (c.outputTail === undefined)
            c.outputTail = '';
        checkString(file, `${at}.outputTail`, c.outputTail);
        if (c.diagnostics === undefined)
            c.diagnostics = [];
        if (!Array.isArray(c.diagnostics))
            throw (0, bundle_js_1.bundleFieldError)(file, `${at}.diagnostics`, 'an array of diagnostics', c.diagnostics);
        c.diagnostics.forEach((d, j) => {
            const dat = `${at}.diagnostics[${j}]`;
            if (!(0, bundle_js_1.isJsonObject)(d))
                throw (0, bundle_js_1.bundleFieldError)(file, dat, 'a diagnostic (an object)', d);
            checkString(file, `${dat}.file`, d.file);
            checkString(file, `${dat}.message`, d.message);
            if (typeof d.line !== 'number')
                throw (0, bundle_js_1.bundleFieldError)(file, `${dat}.line`, 'a number', d.line);
            if (d.column !== undefined && typeof d.column !== 'number')
                throw (0, bundle_js_1.bundleFieldError)(file, `${dat}.column`, 'a number', d.column);
            checkString(file, `${dat}.tool`, d.tool, true);
        });
    });
    return doc;
}
/** The bundle's validation.json, checked; undefined when there is none. */
function readValidationReport(bundleDir) {
    return (0, bundle_js_1.readBundleJson)(bundleDir, 'validation.json', checkValidationReport);
}


/***/ })

};
