export const id = 294;
export const ids = [294,575];
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
            ctx.io.stdout.write(JSON.stringify(r, null, 2) + '\n');
        else {
            ctx.io.stdout.write(`${r.alreadyCompleted ? 'already completed' : 'completed'} ${r.taskId}: ${r.commitSha} on ${r.branch}` +
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
exports.positiveInt = positiveInt;
exports.withInterrupt = withInterrupt;
exports.checksTable = checksTable;
exports.failureDetails = failureDetails;
exports.register = register;
/** `guardian validate TASK-ID`: the Validator station from the command line. */
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
function positiveInt(name) {
    return (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1)
            throw new errors_js_1.UsageError(`${name} ${v}: expected a whole number ≥ 1`);
        return n;
    };
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
    return (0, io_js_1.table)(['check', 'kind', 'outcome', 'exit', 'time', 'command'], checks.map((c) => [
        c.name,
        c.kind,
        c.outcome,
        c.exitCode === null ? (c.signal ?? '') : String(c.exitCode),
        `${(c.durationMs / 1000).toFixed(1)}s`,
        c.command ?? c.description ?? '',
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
        .option('--jobs <n>', 'checks run in parallel (default [validator] jobs, else the number of cores)', positiveInt('--jobs'))
        .option('--security-json <path>', 'enforce the checks of this security.json (default: the bundle’s)')
        .option('--setup', 'run [setup] commands before judging the working tree in place')
        .option('--clean', 'judge the working tree’s change in a clean worktree of the base, where git-ignored files cannot sway it')
        .action(async (taskId, opts) => {
        const root = gitRoot(ctx, opts.root);
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
            ...(opts.securityJson ? { securityJson: (0, node_path_1.resolve)(ctx.io.cwd, opts.securityJson) } : {}),
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

/***/ 5688:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEFAULT_AUTHOR = void 0;
exports.setStatusDone = setStatusDone;
exports.commitMessage = commitMessage;
exports.runCompletion = runCompletion;
/**
 * The Completion station: commits exactly the patch the Validator judged (and nothing else but the
 * blueprint's status), on the task's branch, and pushes it without force. It refuses anything it can
 * not prove was judged: no passing validation.json, or a patch whose sha256 differs. A commit already on
 * the task branch (an earlier run's, whose push failed) is taken only when it is exactly the commit this
 * run would make — its one parent the base, its tree the judged patch on the base with the blueprint
 * marked done — recomputed, not read from its trailers: code under test can write a branch too.
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const commit_js_1 = __webpack_require__(5895);
const gitdir_js_1 = __webpack_require__(9501);
const patch_js_1 = __webpack_require__(1586);
const index_js_1 = __webpack_require__(5371);
const fs_js_1 = __webpack_require__(1917);
const log_js_1 = __webpack_require__(9906);
const report_file_js_1 = __webpack_require__(6519);
exports.DEFAULT_AUTHOR = { name: 'Guardian', email: 'guardian@users.noreply.github.com' };
/** The blueprint with its `status:` value set to done: only that line changes, byte for byte. */
function setStatusDone(raw, statusLine, path) {
    const lines = raw.split('\n');
    const i = (statusLine ?? 0) - 1;
    const line = lines[i];
    const m = line === undefined ? null : /^(\s*status\s*:\s*)(["']?)([^"'#\s\r]*)\2([^\n]*)$/.exec(line);
    if (!m)
        throw new errors_js_1.ConfigurationError(`${path}${statusLine ? `:${statusLine}` : ''}: no \`status:\` line to mark the task done`);
    lines[i] = `${m[1]}${m[2]}done${m[2]}${m[4]}`;
    return lines.join('\n');
}
function oneLine(s) {
    return s.replace(/\s+/g, ' ').trim();
}
function commitMessage(task, report, runUrl) {
    const parts = [`feat(${task.id}): ${oneLine(task.title)}`, ''];
    if (task.acceptanceCriteria.length) {
        parts.push('Acceptance criteria:', ...task.acceptanceCriteria.map((c) => `- ${oneLine(c.text)}`), '');
    }
    parts.push('Checks passed:', ...report.checks.map((c) => `- ${c.name} (${c.kind})${c.command ? `: ${oneLine(c.command)}` : ''}`), '');
    parts.push(`Task-Id: ${task.id}`);
    if (task.requirementId)
        parts.push(`Requirement-Id: ${oneLine(task.requirementId)}`);
    parts.push('Guardian-Verdict: pass');
    if (runUrl)
        parts.push(`Guardian-Run: ${oneLine(runUrl)}`);
    return parts.join('\n') + '\n';
}
function blueprintDoneAt(root, commit, taskId) {
    const project = (0, index_js_1.loadProject)(root, (0, index_js_1.gitSource)(root, commit), { quality: false });
    return project.tasks.find((t) => t.id === taskId)?.status === 'done';
}
function authorFor(root, opts, quality) {
    if (opts.author)
        return opts.author;
    if (quality?.commit.authorName && quality.commit.authorEmail) {
        return { name: quality.commit.authorName, email: quality.commit.authorEmail };
    }
    return (0, commit_js_1.gitIdentity)(root) ?? exports.DEFAULT_AUTHOR;
}
/**
 * Why `commit` is not the commit Completion makes for `task` on `base` (the judged change as `tree`,
 * blueprint marked done), or undefined when it is exactly that commit.
 */
function notTheCompletion(root, commit, base, tree, taskId) {
    const { tree: has, parents } = (0, commit_js_1.commitObject)(root, commit);
    if (parents.length !== 1)
        return `it has ${parents.length} parents, not one`;
    if (parents[0] !== base)
        return `its parent is ${parents[0].slice(0, 12)}, not the base commit`;
    if (has !== tree) {
        const files = (0, patch_js_1.changedFiles)(root, tree, has).map((f) => `${f.status} ${f.path}`);
        return `its files differ from the judged change with the blueprint marked done (${files.slice(0, 5).join(', ')}${files.length > 5 ? `, and ${files.length - 5} more` : ''})`;
    }
    if (!(0, commit_js_1.trailerValues)(root, commit, 'Task-Id').includes(taskId))
        return `its message has no \`Task-Id: ${taskId}\` trailer`;
    return undefined;
}
/**
 * Why a commit found by its trailer (no Task Bundle left to recompute it from) does not have the shape
 * of a Completion commit — one parent, on which the task's blueprint becomes exactly its done version —
 * or undefined. Its code can not be checked against the judged patch any more: the bundle is gone.
 */
function notCompletionShaped(root, commit, taskId) {
    const { parents } = (0, commit_js_1.commitObject)(root, commit);
    if (parents.length !== 1)
        return `it has ${parents.length} parents, not one`;
    const parent = parents[0];
    let before;
    let after;
    try {
        before = (0, index_js_1.loadProject)(root, (0, index_js_1.gitSource)(root, parent), { quality: false }).tasks.find((t) => t.id === taskId);
        after = (0, index_js_1.loadProject)(root, (0, index_js_1.gitSource)(root, commit), { quality: false }).tasks.find((t) => t.id === taskId);
    }
    catch (e) {
        return `its blueprints can not be read (${e.message})`;
    }
    if (!before)
        return `its parent ${parent.slice(0, 12)} has no blueprint for ${taskId}`;
    if (before.status === 'done')
        return `${taskId} is already done in its parent ${parent.slice(0, 12)}`;
    if (!after || after.path !== before.path)
        return `it moves or removes the blueprint of ${taskId}`;
    let done;
    try {
        done = setStatusDone(before.raw, before.statusLine, before.path);
    }
    catch (e) {
        return e.message;
    }
    if (after.raw !== done)
        return `it changes ${before.path} beyond marking it done`;
    return undefined;
}
/**
 * A completed task found by its `Task-Id:` trailer on the branch (or HEAD) with its blueprint done, when
 * no Task Bundle is left. A commit so found that is not shaped like Completion's is refused, not taken.
 */
function findCompleted(root, taskId, branch) {
    for (const rev of [`refs/heads/${branch}`, 'HEAD']) {
        const sha = (0, commit_js_1.findCommitWithTrailer)(root, rev, 'Task-Id', taskId);
        if (!sha || !blueprintDoneAt(root, sha, taskId))
            continue;
        const problem = notCompletionShaped(root, sha, taskId);
        if (problem) {
            throw new errors_js_1.GuardianError(`${rev === 'HEAD' ? 'HEAD' : branch} has a commit ${sha.slice(0, 12)} with \`Task-Id: ${taskId}\` and the task done, but it is not a commit Completion makes: ${problem}. ` +
                `Expected one commit on top of the base whose only change to the blueprint is its status. Nothing committed or pushed; ` +
                `delete that branch (or pass --branch) and run \`guardian validate ${taskId}\` again`);
        }
        return sha;
    }
    return undefined;
}
function doPush(root, opts, branch, commit, log) {
    if (!opts.push)
        return false;
    const r = (0, commit_js_1.pushBranch)(root, opts.push, branch, commit);
    // Where the push went, when that is not the remote's fetch URL or the URL given (a pushurl, a
    // url.*.pushInsteadOf): a rewrite is seen, not silent.
    const where = r.redirected ? ` (push URL: ${r.urls.map(commit_js_1.shownUrl).join(', ')})` : '';
    log.info(r.alreadyThere
        ? `${opts.push}/${branch} already has ${commit.slice(0, 12)}${where}`
        : `pushed ${branch} to ${opts.push}${where}`);
    return r.pushed || r.alreadyThere;
}
async function runCompletion(opts) {
    const log = opts.log ?? log_js_1.silentLogger;
    const { root, taskId } = opts;
    if (opts.branch)
        (0, commit_js_1.checkBranchName)(root, opts.branch);
    const bundleDir = (0, bundle_js_1.bundleDirFor)(root, taskId);
    if (!(0, node_fs_1.existsSync)((0, node_path_1.join)(bundleDir, 'manifest.json'))) {
        // Re-run after success (the bundle is deleted then): find the commit instead of making another.
        const project = (0, index_js_1.loadProject)(root, (0, index_js_1.fsSource)(root), { quality: false });
        const task = project.tasks.find((t) => t.id === taskId);
        const branch = opts.branch ?? task?.branch ?? `guardian/${taskId}`;
        const done = findCompleted(root, taskId, branch);
        if (!done) {
            if (!task)
                (0, index_js_1.requireTask)(project, taskId);
            throw new errors_js_1.ConfigurationError(`no Task Bundle for ${taskId} at ${bundleDir} and no completed commit (Task-Id: ${taskId}) on ${branch}: run \`guardian validate ${taskId}\` first`);
        }
        log.info(`${taskId} is already completed by ${done.slice(0, 12)}: no new commit`);
        const pushed = doPush(root, opts, branch, done, log);
        return {
            taskId,
            commitSha: done,
            branch,
            pushed,
            ...(opts.push ? { remote: opts.push } : {}),
            alreadyCompleted: true,
            checkedOut: (0, commit_js_1.currentBranch)(root) === branch,
            bundleDeleted: false,
        };
    }
    const manifest = (0, bundle_js_1.readManifest)(bundleDir, taskId);
    const base = (0, bundle_js_1.manifestBase)(root, bundleDir, manifest);
    if (opts.base !== undefined) {
        const trusted = (0, git_js_1.resolveCommit)(root, opts.base);
        if (trusted !== base) {
            throw new errors_js_1.GuardianError(`the Task Bundle's manifest names the base commit ${base.slice(0, 12)}, but the host's base is ${opts.base} (${trusted.slice(0, 12)}): refusing to commit on a base the host did not check out; nothing committed`);
        }
    }
    const validationPath = (0, node_path_1.join)(bundleDir, 'validation.json');
    let report;
    try {
        report = (0, report_file_js_1.readValidationReport)(bundleDir);
    }
    catch (e) {
        if (e instanceof errors_js_1.GuardianError)
            throw new errors_js_1.ConfigurationError(`${e.message}; nothing committed`);
        throw e;
    }
    if (!report) {
        throw new errors_js_1.ConfigurationError(`${validationPath} is missing: run \`guardian validate ${taskId}\` first; nothing committed`);
    }
    // validation.json is what the Validator wrote, as the manifest recorded it: a process a check left
    // running (or anything else) that rewrote it afterwards is caught here.
    const recorded = manifest.files['validation.json'];
    const validationBytes = (0, bundle_js_1.readBundleBytes)(bundleDir, 'validation.json') ?? Buffer.alloc(0);
    if (recorded === undefined || (0, fs_js_1.sha256)(validationBytes) !== recorded) {
        throw new errors_js_1.GuardianError(`${validationPath} is not the report the Validator recorded (${recorded === undefined ? 'manifest.json lists no validation.json' : 'its sha256 differs from manifest.json'}): run \`guardian validate ${taskId}\` again; nothing committed`);
    }
    const validateRecord = manifest.stations.validate;
    if (validateRecord && validateRecord.verdict !== undefined && validateRecord.verdict !== report.verdict) {
        throw new errors_js_1.GuardianError(`${validationPath} says ${report.verdict}, but manifest.json records the Validator's verdict as ${validateRecord.verdict}: run \`guardian validate ${taskId}\` again; nothing committed`);
    }
    if (report.taskId !== taskId || report.baseCommit !== base) {
        throw new errors_js_1.GuardianError(`${validationPath} judged ${report.taskId} against ${String(report.baseCommit).slice(0, 12)}, but the bundle is ${taskId} at ${base.slice(0, 12)}: run \`guardian validate ${taskId}\` again; nothing committed`);
    }
    if (!Array.isArray(report.checks) ||
        (report.verdict === 'pass' && report.checks.some((c) => c.outcome !== 'pass'))) {
        throw new errors_js_1.GuardianError(`${validationPath} is inconsistent (verdict pass with a check that did not pass): run \`guardian validate ${taskId}\` again; nothing committed`);
    }
    if (report.verdict !== 'pass') {
        throw new errors_js_1.GuardianError(`validation of ${taskId} did not pass (${report.summary}); nothing committed or pushed. Report: ${(0, node_path_1.join)(bundleDir, 'validation.md')}`);
    }
    const project = (0, index_js_1.loadProject)(root, (0, index_js_1.gitSource)(root, base));
    const task = (0, index_js_1.requireTask)(project, taskId);
    const branch = opts.branch ?? task.branch ?? `guardian/${taskId}`;
    (0, commit_js_1.checkBranchName)(root, branch);
    const tip0 = (0, commit_js_1.branchTip)(root, branch);
    // The patch must be exactly the judged one: the bundle's changes.patch, or the working tree's change.
    const bundlePatch = (0, bundle_js_1.readBundleBytes)(bundleDir, 'changes.patch');
    const fromBundle = bundlePatch !== undefined;
    let patch = bundlePatch ?? (0, patch_js_1.workingTreePatch)(root, base).patch;
    if (!fromBundle && (0, fs_js_1.sha256)(patch) !== report.patchSha256 && tip0 !== undefined && tip0 !== base) {
        // After an earlier run committed (and the push failed), the working tree is that commit, blueprint
        // done: the change it was made from is its tree with the blueprint as at the base. Taken only when
        // that is the judged patch to the byte (its sha256), and the commit is checked against it below.
        try {
            const judged = (0, commit_js_1.replaceInTree)(root, (0, patch_js_1.treeOf)(root, tip0), task.path, task.raw);
            const earlier = (0, patch_js_1.diffTrees)(root, base, judged);
            if ((0, fs_js_1.sha256)(earlier) === report.patchSha256)
                patch = earlier;
        }
        catch {
            // Not a tree that can hold the blueprint: not that commit; refused below.
        }
    }
    const actual = (0, fs_js_1.sha256)(patch);
    if (actual !== report.patchSha256) {
        throw new errors_js_1.GuardianError(`refused: the ${fromBundle ? 'changes.patch' : "working tree's change"} (sha256 ${actual.slice(0, 16)}…) is not the one the Validator judged ` +
            `(sha256 ${String(report.patchSha256).slice(0, 16)}…); it changed after validation. Nothing committed: run \`guardian validate ${taskId}\` again`);
    }
    const result = await (0, bundle_js_1.recordStation)(bundleDir, taskId, 'complete', async () => {
        const tip = tip0;
        // The commit this run makes has this tree: recomputed from the judged patch, whatever the branch has.
        const blueprint = setStatusDone(task.raw, task.statusLine, task.path);
        let tree = (0, patch_js_1.applyPatchToTree)(root, base, patch, fromBundle ? 'changes.patch' : 'the working tree patch');
        if (blueprint !== task.raw)
            tree = (0, commit_js_1.replaceInTree)(root, tree, task.path, blueprint);
        let commitSha;
        let alreadyCompleted = false;
        let checkedOut = (0, commit_js_1.currentBranch)(root) === branch;
        if (tip && tip !== base) {
            // An earlier run committed and then failed to push: no second commit — but only for exactly the
            // commit it made. Anything else on the branch (work of someone else, or a commit planted by code
            // under test with a `Task-Id:` trailer and the blueprint done) is refused, and nothing is pushed.
            const problem = notTheCompletion(root, tip, base, tree, taskId);
            if (problem) {
                throw new errors_js_1.GuardianError(`the local branch ${branch} is at ${tip.slice(0, 12)}, which is not the commit Completion makes for ${taskId}: ${problem}. ` +
                    `Expected either the base commit ${base.slice(0, 12)} or one commit on it with the tree ${tree.slice(0, 12)} ` +
                    `(the judged patch applied to the base, ${task.path} marked done). Nothing committed or pushed; ` +
                    `delete or rename that branch, or pass --branch`);
            }
            commitSha = tip;
            alreadyCompleted = true;
            log.info(`${branch} already has the commit for ${taskId} (${tip.slice(0, 12)}): no new commit`);
        }
        else {
            commitSha = (0, commit_js_1.commitTree)(root, tree, base, commitMessage(task, report, opts.runUrl), authorFor(root, opts, project.quality));
            const onBranch = (0, commit_js_1.currentBranch)(root) === branch;
            if (fromBundle) {
                // The working tree is not the change: only move it when it has the branch checked out.
                if (onBranch)
                    (0, git_js_1.execGit)(['read-tree', '-m', '-u', base, commitSha], { cwd: root });
                (0, git_js_1.execGit)(['update-ref', `refs/heads/${branch}`, commitSha, tip ?? '0'.repeat(40)], { cwd: root });
                (0, gitdir_js_1.acceptOwnRefUpdates)(root, commitSha);
            }
            else {
                // The working tree holds the change: the commit is what it has, so check the branch out over it
                // (like `git switch -c BRANCH && git commit`), with the blueprint's new status written to disk.
                (0, git_js_1.execGit)(['update-ref', `refs/heads/${branch}`, commitSha, tip ?? '0'.repeat(40)], { cwd: root });
                if (!onBranch)
                    (0, git_js_1.execGit)(['symbolic-ref', 'HEAD', `refs/heads/${branch}`], { cwd: root });
                (0, gitdir_js_1.acceptOwnRefUpdates)(root, commitSha, onBranch ? [] : ['HEAD']);
                (0, git_js_1.execGit)(['read-tree', commitSha], { cwd: root });
                (0, node_fs_1.writeFileSync)((0, node_path_1.join)(root, task.path), blueprint);
                checkedOut = true;
            }
            log.info(`committed ${commitSha.slice(0, 12)} on ${branch}: feat(${taskId}): ${oneLine(task.title)}`);
        }
        const pushed = doPush(root, opts, branch, commitSha, log);
        return {
            result: {
                taskId,
                commitSha,
                branch,
                pushed,
                ...(opts.push ? { remote: opts.push } : {}),
                alreadyCompleted,
                checkedOut,
                bundleDeleted: false,
            },
            record: { note: `${commitSha.slice(0, 12)} on ${branch}${pushed ? ` pushed to ${opts.push}` : ''}` },
        };
    });
    (0, node_fs_1.rmSync)(bundleDir, { recursive: true, force: true });
    return { ...result, bundleDeleted: true };
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
