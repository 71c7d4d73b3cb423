export const id = 842;
export const ids = [842];
export const modules = {

/***/ 5842:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSON_SCHEMA_VERSION = void 0;
exports.resolveRoot = resolveRoot;
exports.checkCommitFlags = checkCommitFlags;
exports.writeLineResult = writeLineResult;
exports.taskSummary = taskSummary;
exports.register = register;
/** `guardian lint | list | next | show`: reading the project's specs. */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const errors_js_1 = __webpack_require__(3916);
const commit_js_1 = __webpack_require__(5895);
const index_js_1 = __webpack_require__(5371);
const io_js_1 = __webpack_require__(1604);
exports.JSON_SCHEMA_VERSION = 1;
function resolveRoot(ctx, root) {
    const abs = (0, node_path_1.resolve)(ctx.io.cwd, root ?? '.');
    if (!(0, node_fs_1.existsSync)(abs) || !(0, node_fs_1.statSync)(abs).isDirectory())
        throw new errors_js_1.UsageError(`--root ${root ?? '.'}: not a directory`);
    return abs;
}
/** `--branch` and `--push` of the commands that commit: refused before anything runs, not after. */
function checkCommitFlags(root, flags) {
    if (flags.branch !== undefined) {
        try {
            (0, commit_js_1.checkBranchName)(root, flags.branch);
        }
        catch {
            throw new errors_js_1.UsageError(`--branch ${flags.branch}: not a valid branch name`);
        }
    }
    if (flags.push !== undefined) {
        const why = (0, commit_js_1.pushTargetProblem)(root, flags.push);
        if (why)
            throw new errors_js_1.UsageError(`--push ${flags.push}: ${why}`);
    }
}
function json(ctx, value) {
    ctx.io.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
/** The end of `run` and `milestone`: the result as JSON or a summary table, and the exit code. */
function writeLineResult(ctx, asJson, result, render, exitCode) {
    if (asJson)
        json(ctx, { schemaVersion: exports.JSON_SCHEMA_VERSION, ...result });
    else
        ctx.io.stdout.write(render(result));
    ctx.setExitCode(exitCode(result));
}
function milestonesOf(project, t) {
    const ids = project.milestones.filter((m) => m.tasks.includes(t.id)).map((m) => m.id);
    if (t.milestone && !ids.includes(t.milestone))
        ids.push(t.milestone);
    return ids;
}
function taskSummary(project, t) {
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
function register(program, ctx) {
    program
        .command('lint')
        .description('check blueprints, milestones and quality.toml; exit 0 when clean, 1 on problems, 2 on usage errors')
        .option('--root <dir>', 'repository root', '.')
        .option('--json', 'machine-readable output (schema: docs in README, "guardian lint --json")')
        .action((opts) => {
        const root = resolveRoot(ctx, opts.root);
        const project = (0, index_js_1.loadProject)(root);
        const errors = project.problems.filter((p) => p.severity === 'error');
        const warnings = project.problems.filter((p) => p.severity === 'warning');
        if (opts.json) {
            json(ctx, {
                schemaVersion: exports.JSON_SCHEMA_VERSION,
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
        }
        else {
            const sorted = [...project.problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
            for (const p of sorted)
                ctx.io.stdout.write((0, index_js_1.formatProblem)(p) + '\n');
            ctx.io.stdout.write(`${errors.length === 0 ? 'ok' : 'problems found'}: ${project.tasks.length} task(s), ${project.milestones.length} milestone(s), ` +
                `${errors.length} error(s), ${warnings.length} warning(s)\n`);
        }
        ctx.setExitCode(errors.length ? 1 : 0);
    });
    program
        .command('list')
        .description('list tasks with their status, dependencies and milestones')
        .option('--root <dir>', 'repository root', '.')
        .option('--status <status>', `only tasks with this status (${index_js_1.TASK_STATUSES.join(', ')})`)
        .option('--milestone <id>', "only the milestone's tasks, in its order")
        .option('--json', 'machine-readable output')
        .action((opts) => {
        if (opts.status && !index_js_1.TASK_STATUSES.includes(opts.status)) {
            throw new errors_js_1.UsageError(`--status ${opts.status}: expected one of ${index_js_1.TASK_STATUSES.join(', ')}`);
        }
        const project = (0, index_js_1.loadProject)(resolveRoot(ctx, opts.root));
        let tasks = [...project.tasks].sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
        if (opts.milestone) {
            const m = (0, index_js_1.requireMilestone)(project, opts.milestone);
            const byId = new Map(tasks.map((t) => [t.id, t]));
            tasks = m.tasks.map((id) => byId.get(id)).filter((t) => !!t);
        }
        if (opts.status)
            tasks = tasks.filter((t) => t.status === opts.status);
        if (opts.json) {
            json(ctx, { schemaVersion: exports.JSON_SCHEMA_VERSION, tasks: tasks.map((t) => taskSummary(project, t)) });
            return;
        }
        if (!tasks.length) {
            ctx.io.stdout.write('no tasks\n');
            return;
        }
        ctx.io.stdout.write((0, io_js_1.table)(['ID', 'STATUS', 'DEPENDS ON', 'MILESTONE', 'TITLE'], tasks.map((t) => [
            t.id,
            t.status,
            t.dependsOn.join(',') || '-',
            milestonesOf(project, t).join(',') || '-',
            t.title,
        ])));
    });
    program
        .command('next')
        .description('print the first pending task whose dependencies are done (exit 1 when none is ready)')
        .option('--root <dir>', 'repository root', '.')
        .option('--milestone <id>', "in this milestone's order")
        .option('--json', 'machine-readable output')
        .action((opts) => {
        const project = (0, index_js_1.loadProject)(resolveRoot(ctx, opts.root));
        const m = opts.milestone ? (0, index_js_1.requireMilestone)(project, opts.milestone) : undefined;
        const ready = (0, index_js_1.readyTasks)(project, m);
        const next = ready[0];
        if (opts.json) {
            json(ctx, {
                schemaVersion: exports.JSON_SCHEMA_VERSION,
                task: next ? taskSummary(project, next) : null,
                ready: ready.map((t) => t.id),
            });
        }
        else if (next) {
            ctx.io.stdout.write(`${next.id}\n`);
        }
        else {
            const pending = (m ? m.tasks : project.tasks.map((t) => t.id)).filter((id) => project.tasks.find((t) => t.id === id)?.status === 'pending');
            ctx.io.stderr.write(pending.length
                ? `no task is ready: pending tasks wait on dependencies (${pending.join(', ')})\n`
                : 'no pending task\n');
        }
        ctx.setExitCode(next ? 0 : 1);
    });
    program
        .command('show')
        .description('show one task: fields, acceptance criteria, verification plan')
        .argument('<task-id>', 'task id, e.g. TASK-042')
        .option('--root <dir>', 'repository root', '.')
        .option('--json', 'machine-readable output')
        .action((taskId, opts) => {
        const project = (0, index_js_1.loadProject)(resolveRoot(ctx, opts.root));
        const t = (0, index_js_1.requireTask)(project, taskId);
        if (opts.json) {
            json(ctx, {
                schemaVersion: exports.JSON_SCHEMA_VERSION,
                task: {
                    ...taskSummary(project, t),
                    relevantTests: t.relevantTests,
                    acceptanceCriteria: t.acceptanceCriteria,
                    plan: t.plan,
                    sections: Object.fromEntries(Object.entries(t.sections).map(([k, s]) => [
                        k,
                        { title: s.title, line: s.line, body: s.body },
                    ])),
                },
            });
            return;
        }
        const out = [];
        out.push(`${t.id}: ${t.title}`);
        out.push(`  file:         ${t.path}`);
        out.push(`  status:       ${t.status}`);
        if (t.requirementId)
            out.push(`  requirement:  ${t.requirementId}`);
        out.push(`  branch:       ${t.branch ?? `guardian/${t.id} (default)`}`);
        if (t.dependsOn.length)
            out.push(`  depends on:   ${t.dependsOn.join(', ')}`);
        const ms = milestonesOf(project, t);
        if (ms.length)
            out.push(`  milestones:   ${ms.join(', ')}`);
        if (t.relevantTests.length)
            out.push(`  tests:        ${t.relevantTests.join(', ')}`);
        if (t.sections.goal)
            out.push('', 'Goal:', ...t.sections.goal.body.split('\n').map((l) => `  ${l}`));
        if (t.acceptanceCriteria.length) {
            out.push('', 'Acceptance criteria:');
            for (const c of t.acceptanceCriteria)
                out.push(`  [${c.checked ? 'x' : ' '}] ${c.text}`);
        }
        out.push('', 'Verification plan:');
        if (!t.plan.length)
            out.push('  (none)');
        for (const s of t.plan) {
            out.push(`  ${s.stage.padEnd(12)} expects ${s.expects.padEnd(4)}  ${s.command}${s.timeout ? `  (timeout ${s.timeout}s)` : ''}`);
        }
        ctx.io.stdout.write(out.join('\n') + '\n');
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
exports.pushTargetProblem = pushTargetProblem;
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
/**
 * Why `remote` cannot be pushed to, or undefined: a name must be a configured remote (a URL or a path
 * is taken as it is, as git does). Checked before any station runs, not after the commit is made.
 */
function pushTargetProblem(root, remote) {
    if (remote.startsWith('-'))
        return 'not a remote name, URL or path';
    if (/[:/\\]/.test(remote) || remote === '.' || remote === '..')
        return undefined;
    const r = (0, git_js_1.execGit)(['remote'], { cwd: root, allowFailure: true });
    if (r.code !== 0)
        return undefined; // not a repository: the command reports that itself
    const names = r.stdout.split('\n').filter(Boolean);
    if (names.includes(remote))
        return undefined;
    return `no remote of that name (${names.length ? `configured: ${names.join(', ')}` : 'none is configured'})`;
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

/***/ 1586:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_PATCH_BYTES = void 0;
exports.withTempIndex = withTempIndex;
exports.treeOf = treeOf;
exports.workingTreeTree = workingTreeTree;
exports.diffTrees = diffTrees;
exports.workingTreePatch = workingTreePatch;
exports.explainApplyFailure = explainApplyFailure;
exports.checkPatchText = checkPatchText;
exports.applyPatchToTree = applyPatchToTree;
exports.changedFiles = changedFiles;
exports.changedSpecialEntries = changedSpecialEntries;
exports.lineChanges = lineChanges;
exports.overlayPaths = overlayPaths;
/**
 * Patches as Guardian judges and commits them: built from a working tree with a temporary index (the
 * user's index is never touched), applied onto a base commit without a checkout, and compared by tree.
 * Every diff is made by plumbing commands with fixed options, so a user's `diff.*` configuration can
 * not change the bytes (and so the sha256) of a patch.
 */
const node_fs_1 = __webpack_require__(3024);
const node_os_1 = __webpack_require__(8161);
const node_path_1 = __webpack_require__(6760);
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
/** Runs `fn` with a private index file (GIT_INDEX_FILE) that is removed afterwards. */
function withTempIndex(root, fn, seedFromRealIndex = false) {
    const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'guardian-index-'));
    const index = (0, node_path_1.join)(dir, 'index');
    try {
        if (seedFromRealIndex) {
            // Starting from the real index keeps git's stat cache: `add -A` then re-hashes only changed files.
            let real = (0, git_js_1.execGit)(['rev-parse', '--git-path', 'index'], { cwd: root }).stdout.trim();
            if (!(0, node_path_1.isAbsolute)(real))
                real = (0, node_path_1.join)(root, real);
            if ((0, node_fs_1.existsSync)(real)) {
                (0, node_fs_1.copyFileSync)(real, index);
                // Keep the index's mtime: git treats entries as "racily clean" by comparing their mtimes with
                // it. A copy with a new mtime would make a file rewritten in the same second as the last
                // `git add` (same size) look unchanged, and the change would escape judgment.
                const st = (0, node_fs_1.statSync)(real);
                (0, node_fs_1.utimesSync)(index, st.atime, st.mtime);
            }
        }
        return fn({ GIT_INDEX_FILE: index });
    }
    finally {
        (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
    }
}
function treeOf(root, commit) {
    return (0, git_js_1.execGit)(['rev-parse', `${commit}^{tree}`], { cwd: root }).stdout.trim();
}
/**
 * The tree of the working tree as it is now: tracked changes and untracked files that are not ignored.
 * Untracked files under `.guardian/` (bundles, caches) are left out; tracked ones are included so the
 * guard sees a change to them.
 */
function workingTreeTree(root) {
    // Untracked files under .guardian/, listed with the real index ("untracked" means untracked there).
    const untrackedGuardian = (0, git_js_1.execGit)(['ls-files', '-z', '--others', '--exclude-standard', '--', '.guardian'], {
        cwd: root,
    }).stdout;
    return withTempIndex(root, (env) => {
        (0, git_js_1.execGit)(['add', '-A'], { cwd: root, env });
        if (untrackedGuardian) {
            (0, git_js_1.execGit)(['update-index', '--force-remove', '-z', '--stdin'], {
                cwd: root,
                env,
                input: untrackedGuardian,
            });
        }
        return (0, git_js_1.execGit)(['write-tree'], { cwd: root, env }).stdout.trim();
    }, true);
}
/** The binary-safe patch from the base commit's tree to `tree` (empty Buffer when they are equal). */
function diffTrees(root, base, tree) {
    return (0, git_js_1.execGitBuffer)([
        'diff-tree',
        '-r',
        '-p',
        '--binary',
        '--full-index',
        '--no-renames',
        '--no-color',
        '--no-ext-diff',
        base,
        tree,
    ], { cwd: root }).stdout;
}
/** The working tree's change against `base`, as a patch and as a tree. */
function workingTreePatch(root, base) {
    const tree = workingTreeTree(root);
    const patch = diffTrees(root, base, tree);
    checkPatchSize(patch, "the working tree's change");
    return { patch, tree };
}
/** Explains why git could not apply a patch, naming the first failing hunk's file. */
function explainApplyFailure(stderr, label, base) {
    const at = `${label} does not apply onto the base commit ${base.slice(0, 12)}`;
    const failed = /patch failed: (.+):(\d+)/.exec(stderr);
    if (failed)
        return `${at}: first failing hunk in ${failed[1]} (at line ${failed[2]})`;
    const missing = /error: (.+): does not exist in index/.exec(stderr);
    if (missing)
        return `${at}: first failing hunk in ${missing[1]} (the file does not exist at the base)`;
    const exists = /error: (.+): already exists in index/.exec(stderr);
    if (exists)
        return `${at}: first failing hunk in ${exists[1]} (the patch creates it, but it exists at the base)`;
    const binary = /cannot apply binary patch to '(.+?)'/.exec(stderr);
    if (binary)
        return `${at}: first failing hunk in ${binary[1]} (a binary change without data)`;
    const corrupt = /corrupt patch at line (\d+)/.exec(stderr);
    if (corrupt)
        return `${label} is not a valid patch: corrupt at line ${corrupt[1]}`;
    const first = stderr.split('\n').find((l) => l.trim()) ?? 'git apply failed';
    return `${at}: ${first.replace(/^error: /, '')}`;
}
/**
 * The largest patch judged. Every patch is held in memory and read as text more than once; a JavaScript
 * string ends at 512 MiB, and a change this size is no task's work.
 */
exports.MAX_PATCH_BYTES = 256 * 1024 * 1024;
function checkPatchSize(patch, label) {
    if (patch.length > exports.MAX_PATCH_BYTES) {
        throw new errors_js_1.GuardianError(`${label} is ${patch.length} bytes; the largest patch Guardian judges is ${exports.MAX_PATCH_BYTES} bytes (256 MiB)`);
    }
}
/** Problems with a patch that git would report obscurely (too large, a binary change without its data). */
function checkPatchText(patch, label) {
    checkPatchSize(patch, label);
    const text = patch.toString('latin1');
    const m = /^Binary files (?:a\/)?(.+?) and (?:b\/)?(.+?) differ$/m.exec(text);
    if (m) {
        const file = m[2] === '/dev/null' ? m[1] : m[2];
        throw new errors_js_1.GuardianError(`${label}: the binary change to ${file} has no data ("Binary files … differ"); create the patch with \`git diff --binary\``);
    }
}
/**
 * Applies `patch` onto the tree of `base` without touching any working tree or the real index and
 * returns the resulting tree. A patch that does not apply is a user error naming the first failing file.
 */
function applyPatchToTree(root, base, patch, label = 'changes.patch') {
    checkPatchText(patch, label);
    if (patch.length === 0 || patch.toString('utf8').trim() === '')
        return treeOf(root, base);
    return withTempIndex(root, (env) => {
        (0, git_js_1.execGit)(['read-tree', base], { cwd: root, env });
        const r = (0, git_js_1.execGit)(['apply', '--cached', '--binary', '--whitespace=nowarn', '-'], {
            cwd: root,
            env,
            input: patch,
            allowFailure: true,
        });
        if (r.code !== 0)
            throw new errors_js_1.GuardianError(explainApplyFailure(r.stderr, label, base));
        return (0, git_js_1.execGit)(['write-tree'], { cwd: root, env }).stdout.trim();
    });
}
/** Files that differ between two trees, with renames detected (a renamed test is still a removed test). */
function changedFiles(root, from, to) {
    const out = (0, git_js_1.execGit)(['diff-tree', '-r', '-z', '-M', '--name-status', '--no-color', from, to], {
        cwd: root,
    }).stdout;
    const parts = out.split('\0').filter((p, i, a) => p !== '' || i < a.length - 1);
    const files = [];
    for (let i = 0; i < parts.length;) {
        const code = parts[i++] ?? '';
        if (!code)
            continue;
        const status = code[0];
        if (status === 'R' || status === 'C') {
            const oldPath = parts[i++];
            const path = parts[i++];
            files.push({ status, path, oldPath });
        }
        else {
            files.push({ status, path: parts[i++] });
        }
    }
    return files;
}
/** Every symbolic link of a tree with its target. */
function linksOfTree(root, tree) {
    const all = [];
    for (const rec of (0, git_js_1.execGit)(['ls-tree', '-r', '-z', '--full-tree', tree], { cwd: root }).stdout.split('\0')) {
        const tab = rec.indexOf('\t');
        if (tab < 0)
            continue;
        const [mode, , oid] = rec.slice(0, tab).split(' ');
        if (mode === '120000')
            all.push({ path: rec.slice(tab + 1), oid: oid });
    }
    const targets = (0, git_js_1.readBlobs)(root, all.map((l) => l.oid));
    return new Map(all.map((l, i) => [l.path, targets[i]?.toString('utf8') ?? '']));
}
function changedSpecialEntries(root, from, to) {
    const out = (0, git_js_1.execGit)(['diff-tree', '-r', '-z', '--no-renames', '--raw', '--no-color', from, to], {
        cwd: root,
    }).stdout;
    // ":<old mode> <new mode> <old oid> <new oid> <status>\0<path>\0"
    const parts = out.split('\0');
    const linkOids = [];
    const gitlinks = [];
    for (let i = 0; i + 1 < parts.length; i += 2) {
        const meta = parts[i].replace(/^:/, '').split(' ');
        if (meta[4] === 'D')
            continue;
        if (meta[1] === '120000')
            linkOids.push({ path: parts[i + 1], oid: meta[3] });
        else if (meta[1] === '160000')
            gitlinks.push({ path: parts[i + 1], commit: meta[3] });
    }
    if (linkOids.length === 0)
        return { links: [], gitlinks, treeLinks: new Map(), baseLinks: new Map() };
    const treeLinks = linksOfTree(root, to);
    const links = linkOids.map((l) => ({ path: l.path, target: treeLinks.get(l.path) ?? '' }));
    return { links, gitlinks, treeLinks, baseLinks: linksOfTree(root, from) };
}
/** Lines the change adds and removes (text files only), with the added lines' numbers in the new file. */
function lineChanges(root, from, to) {
    const out = (0, git_js_1.execGit)(['diff-tree', '-r', '-p', '-U0', '-M', '--no-color', '--no-ext-diff', from, to], {
        cwd: root,
    }).stdout;
    const added = [];
    const removed = [];
    let file = '';
    let oldFile = '';
    let line = 0;
    // Lines still due in the current hunk, by its header's counts: inside a hunk an added line that
    // reads "++ x" is the content line "+++ x", not a new file's header.
    let oldLeft = 0;
    let newLeft = 0;
    for (const l of out.split('\n')) {
        if (oldLeft > 0 || newLeft > 0) {
            if (l.startsWith('+') && newLeft > 0) {
                if (file)
                    added.push({ file, line, text: l.slice(1) });
                line++;
                newLeft--;
                continue;
            }
            if (l.startsWith('-') && oldLeft > 0) {
                removed.push({ file: file || oldFile, text: l.slice(1) });
                oldLeft--;
                continue;
            }
            if (l.startsWith(' ') && oldLeft > 0 && newLeft > 0) {
                line++;
                oldLeft--;
                newLeft--;
                continue;
            }
            if (l.startsWith('\\'))
                continue; // "\ No newline at end of file"
            oldLeft = newLeft = 0; // not a hunk line: the counts were wrong; read it as a header
        }
        if (l.startsWith('diff --git ')) {
            file = '';
            oldFile = '';
            continue;
        }
        if (l.startsWith('--- ')) {
            oldFile = unquote(l.slice(4)).replace(/^a\//, '');
            continue;
        }
        if (l.startsWith('+++ ')) {
            const p = unquote(l.slice(4));
            file = p === '/dev/null' ? '' : p.replace(/^b\//, '');
            continue;
        }
        const h = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(l);
        if (h) {
            oldLeft = h[1] === undefined ? 1 : Number(h[1]);
            line = Number(h[2]);
            newLeft = h[3] === undefined ? 1 : Number(h[3]);
        }
    }
    return { added, removed };
}
/** git's C-style quoting of unusual paths ("a/t\303\251st.py"). */
function unquote(raw) {
    // git ends a name that contains a space with a TAB, so that the name is unambiguous.
    const p = raw.replace(/\t$/, '');
    if (!p.startsWith('"'))
        return p;
    const inner = p.slice(1, -1);
    const bytes = [];
    for (let i = 0; i < inner.length; i++) {
        const c = inner[i];
        if (c !== '\\') {
            bytes.push(...Buffer.from(c, 'utf8'));
            continue;
        }
        const n = inner[++i];
        if (/[0-7]/.test(n)) {
            bytes.push(parseInt(inner.slice(i, i + 3), 8));
            i += 2;
        }
        else
            bytes.push({ n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 }[n] ??
                n.charCodeAt(0));
    }
    return Buffer.from(bytes).toString('utf8');
}
/** A tree: `base` with the given paths taken from `tree` (used to put only the change's tests onto the base). */
function overlayPaths(root, base, tree, paths) {
    if (paths.length === 0)
        return treeOf(root, base);
    return withTempIndex(root, (env) => {
        (0, git_js_1.execGit)(['read-tree', base], { cwd: root, env });
        const listing = (0, git_js_1.execGit)(['ls-tree', '-r', '-z', tree, '--', ...paths], { cwd: root }).stdout;
        const info = listing
            .split('\0')
            .filter(Boolean)
            .map((rec) => {
            const tab = rec.indexOf('\t');
            const [mode, , sha] = rec.slice(0, tab).split(' ');
            return `${mode} ${sha}\t${rec.slice(tab + 1)}`;
        });
        // NUL-terminated: a path may contain a line break (a newline-separated list would let a file name
        // forge a second record).
        if (info.length)
            (0, git_js_1.execGit)(['update-index', '-z', '--add', '--index-info'], {
                cwd: root,
                env,
                input: info.join('\0') + '\0',
            });
        return (0, git_js_1.execGit)(['write-tree'], { cwd: root, env }).stdout.trim();
    });
}


/***/ })

};
