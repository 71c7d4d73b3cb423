export const id = 294;
export const ids = [294,575];
export const modules = {

/***/ 3294:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.register = register;
const errors_js_1 = __webpack_require__(3916);
const index_js_1 = __webpack_require__(5688);
const log_js_1 = __webpack_require__(9906);
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
        const r = await (0, index_js_1.runCompletion)({
            root,
            taskId,
            log: (0, log_js_1.streamLogger)(ctx.io.stderr),
            ...(opts.push ? { push: opts.push } : {}),
            ...(opts.branch ? { branch: opts.branch } : {}),
            ...(opts.author ? { author: opts.author } : {}),
            ...(opts.runUrl ? { runUrl: opts.runUrl } : {}),
        });
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
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const index_js_1 = __webpack_require__(5736);
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
        const { report, markdownPath } = await withInterrupt((signal) => (0, index_js_1.runValidator)({
            signal,
            root,
            taskId,
            base: opts.base,
            env: ctx.io.env,
            log: (0, log_js_1.streamLogger)(ctx.io.stderr),
            ...(opts.failFast ? { failFast: true } : {}),
            ...(opts.jobs ? { jobs: opts.jobs } : {}),
            ...(opts.securityJson ? { securityJson: (0, node_path_1.resolve)(ctx.io.cwd, opts.securityJson) } : {}),
            ...(opts.setup ? { runSetup: true } : {}),
            ...(opts.clean ? { clean: true } : {}),
        }));
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

/***/ 5895:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.replaceInTree = replaceInTree;
exports.commitTree = commitTree;
exports.gitIdentity = gitIdentity;
exports.branchTip = branchTip;
exports.checkBranchName = checkBranchName;
exports.trailerValues = trailerValues;
exports.findCommitWithTrailer = findCommitWithTrailer;
exports.isAncestor = isAncestor;
exports.currentBranch = currentBranch;
exports.pushBranch = pushBranch;
/** Commits, branches and pushes as Completion makes them: plumbing only, never a force push. */
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const patch_js_1 = __webpack_require__(1586);
/** Replaces (or adds) one file in a tree and returns the new tree. */
function replaceInTree(root, tree, path, content) {
    const blob = (0, git_js_1.execGit)(['hash-object', '-w', '--stdin'], { cwd: root, input: content }).stdout.trim();
    const ls = (0, git_js_1.execGit)(['ls-tree', '-z', tree, '--', path], { cwd: root }).stdout;
    const mode = ls ? ls.split(' ')[0] : '100644';
    return (0, patch_js_1.withTempIndex)(root, (env) => {
        (0, git_js_1.execGit)(['read-tree', tree], { cwd: root, env });
        (0, git_js_1.execGit)(['update-index', '--add', '--cacheinfo', `${mode},${blob},${path}`], { cwd: root, env });
        return (0, git_js_1.execGit)(['write-tree'], { cwd: root, env }).stdout.trim();
    });
}
function commitTree(root, tree, parent, message, author) {
    const env = {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
    };
    return (0, git_js_1.execGit)(['commit-tree', tree, '-p', parent, '-F', '-'], {
        cwd: root,
        input: message,
        env,
    }).stdout.trim();
}
/** The configured git identity of the repository, when there is one. */
function gitIdentity(root) {
    const name = (0, git_js_1.execGit)(['config', 'user.name'], { cwd: root, allowFailure: true }).stdout.trim();
    const email = (0, git_js_1.execGit)(['config', 'user.email'], { cwd: root, allowFailure: true }).stdout.trim();
    return name && email ? { name, email } : undefined;
}
function branchTip(root, branch) {
    const r = (0, git_js_1.execGit)(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], {
        cwd: root,
        allowFailure: true,
    });
    return r.code === 0 ? r.stdout.trim() : undefined;
}
function checkBranchName(root, branch) {
    const r = (0, git_js_1.execGit)(['check-ref-format', '--branch', branch], { cwd: root, allowFailure: true });
    if (r.code !== 0 || branch.startsWith('-'))
        throw new errors_js_1.GuardianError(`'${branch}' is not a valid branch name`);
}
/** Values of a trailer (e.g. Task-Id) in a commit's message. */
function trailerValues(root, commit, key) {
    const out = (0, git_js_1.execGit)(['log', '-1', `--format=%(trailers:key=${key},valueonly)`, commit], {
        cwd: root,
    }).stdout;
    return out
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
}
/** The newest commit reachable from `rev` (within `depth`) whose trailer `key` has `value`. */
function findCommitWithTrailer(root, rev, key, value, depth = 500) {
    const r = (0, git_js_1.execGit)(['log', `-n${depth}`, `--format=%H%x00%(trailers:key=${key},valueonly)%x1e`, rev, '--'], {
        cwd: root,
        allowFailure: true,
    });
    if (r.code !== 0)
        return undefined;
    for (const rec of r.stdout.split('\x1e')) {
        const [sha, values] = rec.trim().split('\0');
        if (sha && values?.split('\n').some((v) => v.trim() === value))
            return sha;
    }
    return undefined;
}
function isAncestor(root, ancestor, of) {
    return (0, git_js_1.execGit)(['merge-base', '--is-ancestor', ancestor, of], { cwd: root, allowFailure: true }).code === 0;
}
function currentBranch(root) {
    const r = (0, git_js_1.execGit)(['symbolic-ref', '--quiet', 'HEAD'], { cwd: root, allowFailure: true });
    return r.code === 0 ? r.stdout.trim().replace(/^refs\/heads\//, '') : undefined;
}
/**
 * Pushes `commit` to `remote`'s `branch` without force. A remote branch that exists and is not an
 * ancestor of the commit holds work Guardian did not make: refused, with the local state explained.
 */
function pushBranch(root, remote, branch, commit) {
    if (remote.startsWith('-'))
        throw new errors_js_1.GuardianError(`invalid remote '${remote}'`);
    const ls = (0, git_js_1.execGit)(['ls-remote', '--heads', remote, `refs/heads/${branch}`], {
        cwd: root,
        allowFailure: true,
    });
    if (ls.code !== 0) {
        throw new errors_js_1.GuardianError(`cannot reach the remote '${remote}': ${ls.stderr.trim()}\nnothing was pushed; the commit ${commit.slice(0, 12)} is on the local branch ${branch}`);
    }
    const remoteSha = ls.stdout
        .split('\n')
        .find((l) => l.endsWith(`\trefs/heads/${branch}`))
        ?.split('\t')[0];
    if (remoteSha === commit)
        return { pushed: false, alreadyThere: true };
    if (remoteSha) {
        (0, git_js_1.execGit)(['fetch', '--quiet', '--no-tags', remote, `refs/heads/${branch}`], {
            cwd: root,
            allowFailure: true,
        });
        const known = (0, git_js_1.execGit)(['cat-file', '-e', `${remoteSha}^{commit}`], { cwd: root, allowFailure: true }).code === 0;
        if (!known || !isAncestor(root, remoteSha, commit)) {
            throw new errors_js_1.GuardianError(`refused to push: ${remote}'s branch ${branch} is at ${remoteSha.slice(0, 12)}, which is not an ancestor of ` +
                `the new commit ${commit.slice(0, 12)} (it holds work Guardian did not make; no force push). ` +
                `Nothing was pushed; the commit is on the local branch ${branch}. Push it under another name with ` +
                `--branch, or reconcile the remote branch and run complete again.`);
        }
    }
    const r = (0, git_js_1.execGit)(['push', '--porcelain', remote, `${commit}:refs/heads/${branch}`], {
        cwd: root,
        allowFailure: true,
    });
    if (r.code !== 0) {
        throw new errors_js_1.GuardianError(`the remote '${remote}' rejected the push of ${branch}: ${(r.stderr.trim() || r.stdout.trim()).split('\n').slice(0, 6).join(' | ')}\n` +
            `nothing was pushed; the commit ${commit.slice(0, 12)} is on the local branch ${branch} and the Task Bundle is kept: ` +
            `run complete again once the remote accepts it (no second commit is made)`);
    }
    return { pushed: true, alreadyThere: false };
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
 * not prove was judged: no passing validation.json, or a patch whose sha256 differs.
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const commit_js_1 = __webpack_require__(5895);
const patch_js_1 = __webpack_require__(1586);
const index_js_1 = __webpack_require__(5371);
const fs_js_1 = __webpack_require__(1917);
const log_js_1 = __webpack_require__(9906);
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
/** A completed task found by its `Task-Id:` trailer on the branch (or HEAD) with its blueprint done. */
function findCompleted(root, taskId, branch) {
    for (const rev of [`refs/heads/${branch}`, 'HEAD']) {
        const sha = (0, commit_js_1.findCommitWithTrailer)(root, rev, 'Task-Id', taskId);
        if (sha && blueprintDoneAt(root, sha, taskId))
            return sha;
    }
    return undefined;
}
function doPush(root, opts, branch, commit, log) {
    if (!opts.push)
        return false;
    const r = (0, commit_js_1.pushBranch)(root, opts.push, branch, commit);
    log.info(r.alreadyThere
        ? `${opts.push}/${branch} already has ${commit.slice(0, 12)}`
        : `pushed ${branch} to ${opts.push}`);
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
    const base = (0, git_js_1.resolveCommit)(root, manifest.baseCommit);
    const validationPath = (0, node_path_1.join)(bundleDir, 'validation.json');
    if (!(0, node_fs_1.existsSync)(validationPath)) {
        throw new errors_js_1.ConfigurationError(`${validationPath} is missing: run \`guardian validate ${taskId}\` first; nothing committed`);
    }
    let report;
    try {
        report = JSON.parse((0, node_fs_1.readFileSync)(validationPath, 'utf8'));
    }
    catch (e) {
        throw new errors_js_1.ConfigurationError(`${validationPath}: not valid JSON (${e.message}); nothing committed`);
    }
    if (typeof report !== 'object' || report === null || Array.isArray(report)) {
        throw new errors_js_1.ConfigurationError(`${validationPath}: expected a validation report object; nothing committed`);
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
    const completedBefore = tip0 !== undefined &&
        (0, commit_js_1.findCommitWithTrailer)(root, tip0, 'Task-Id', taskId, 1) === tip0 &&
        blueprintDoneAt(root, tip0, taskId);
    // After an earlier run committed (and the push failed), the working tree is that commit: the patch
    // was verified then. Otherwise the patch must be exactly the judged one.
    let patch = Buffer.alloc(0);
    let fromBundle = false;
    if (!completedBefore) {
        const patchFile = (0, node_path_1.join)(bundleDir, 'changes.patch');
        fromBundle = (0, node_fs_1.existsSync)(patchFile);
        patch = fromBundle ? (0, node_fs_1.readFileSync)(patchFile) : (0, patch_js_1.workingTreePatch)(root, base).patch;
        const actual = (0, fs_js_1.sha256)(patch);
        if (actual !== report.patchSha256) {
            throw new errors_js_1.GuardianError(`refused: the ${fromBundle ? 'changes.patch' : "working tree's change"} (sha256 ${actual.slice(0, 16)}…) is not the one the Validator judged ` +
                `(sha256 ${String(report.patchSha256).slice(0, 16)}…); it changed after validation. Nothing committed: run \`guardian validate ${taskId}\` again`);
        }
    }
    const result = await (0, bundle_js_1.recordStation)(bundleDir, taskId, 'complete', async () => {
        const tip = tip0;
        let commitSha;
        let alreadyCompleted = false;
        let checkedOut = (0, commit_js_1.currentBranch)(root) === branch;
        if (tip && completedBefore) {
            // An earlier run committed and then failed to push: no second commit.
            commitSha = tip;
            alreadyCompleted = true;
            log.info(`${branch} already has the commit for ${taskId} (${tip.slice(0, 12)}): no new commit`);
        }
        else {
            if (tip && tip !== base) {
                throw new errors_js_1.GuardianError(`the local branch ${branch} is at ${tip.slice(0, 12)}, not at the base commit ${base.slice(0, 12)}: it has commits Guardian did not make. ` +
                    `Nothing committed; delete or rename that branch, or pass --branch`);
            }
            let tree = (0, patch_js_1.applyPatchToTree)(root, base, patch, fromBundle ? 'changes.patch' : 'the working tree patch');
            const blueprint = setStatusDone(task.raw, task.statusLine, task.path);
            if (blueprint !== task.raw)
                tree = (0, commit_js_1.replaceInTree)(root, tree, task.path, blueprint);
            commitSha = (0, commit_js_1.commitTree)(root, tree, base, commitMessage(task, report, opts.runUrl), authorFor(root, opts, project.quality));
            const onBranch = (0, commit_js_1.currentBranch)(root) === branch;
            if (fromBundle) {
                // The working tree is not the change: only move it when it has the branch checked out.
                if (onBranch)
                    (0, git_js_1.execGit)(['read-tree', '-m', '-u', base, commitSha], { cwd: root });
                (0, git_js_1.execGit)(['update-ref', `refs/heads/${branch}`, commitSha, tip ?? '0'.repeat(40)], { cwd: root });
            }
            else {
                // The working tree holds the change: the commit is what it has, so check the branch out over it
                // (like `git switch -c BRANCH && git commit`), with the blueprint's new status written to disk.
                (0, git_js_1.execGit)(['update-ref', `refs/heads/${branch}`, commitSha, tip ?? '0'.repeat(40)], { cwd: root });
                if (!onBranch)
                    (0, git_js_1.execGit)(['symbolic-ref', 'HEAD', `refs/heads/${branch}`], { cwd: root });
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


/***/ })

};
