export const id = 842;
export const ids = [842];
export const modules = {

/***/ 5842:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSON_SCHEMA_VERSION = void 0;
exports.resolveRoot = resolveRoot;
exports.specsRoot = specsRoot;
exports.checkCommitFlags = checkCommitFlags;
exports.writeLineResult = writeLineResult;
exports.taskSummary = taskSummary;
exports.register = register;
/** `guardian lint | list | next | show`: reading the project's specs. */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const errors_js_1 = __webpack_require__(3916);
const commit_js_1 = __webpack_require__(5895);
const git_js_1 = __webpack_require__(308);
const index_js_1 = __webpack_require__(5371);
const chars_js_1 = __webpack_require__(5153);
const io_js_1 = __webpack_require__(1604);
exports.JSON_SCHEMA_VERSION = 1;
function resolveRoot(ctx, root) {
    const abs = (0, node_path_1.resolve)(ctx.io.cwd, root ?? '.');
    if (!(0, node_fs_1.existsSync)(abs) || !(0, node_fs_1.statSync)(abs).isDirectory())
        throw new errors_js_1.UsageError(`--root ${root ?? '.'}: not a directory`);
    return abs;
}
/**
 * The root of the commands that read the specs. From a folder of a repository whose specs/ lives
 * higher up, they would find no task at all (and `lint` would say "ok"): a note says where they are.
 */
function specsRoot(ctx, root) {
    const abs = resolveRoot(ctx, root);
    if ((0, node_fs_1.existsSync)((0, node_path_1.join)(abs, 'specs')) || !(0, git_js_1.isGitRepo)(abs))
        return abs;
    const top = (0, git_js_1.repoRoot)(abs);
    if ((0, node_fs_1.realpathSync)(top) !== (0, node_fs_1.realpathSync)(abs) && (0, node_fs_1.existsSync)((0, node_path_1.join)(top, 'specs'))) {
        ctx.io.stderr.write(`guardian: note: no specs/ in ${shown(abs)}; this repository's specs/ is in ${shown(top)} (run there, or pass --root ${shown(top)})\n`);
    }
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
/** Each task's milestones (the files that list it), indexed once per project. */
const milestoneIndex = new WeakMap();
function milestonesOf(project, t) {
    // An index, not `m.tasks.includes` per task: `list` of 20,000 tasks in one milestone compared
    // every task with every listed id.
    let index = milestoneIndex.get(project);
    if (!index) {
        index = new Map();
        for (const m of project.milestones) {
            for (const id of m.tasks) {
                const ids = index.get(id);
                if (!ids)
                    index.set(id, [m.id]);
                else if (!ids.includes(m.id))
                    ids.push(m.id);
            }
        }
        milestoneIndex.set(project, index);
    }
    const ids = [...(index.get(t.id) ?? [])];
    if (t.milestone && !ids.includes(t.milestone))
        ids.push(t.milestone);
    return ids;
}
/**
 * Text from a user's files as a terminal shows it: control characters (escape sequences, bidi
 * overrides, a line break inside one value) are written out as `\uXXXX`; tabs stay.
 */
function shown(s) {
    return (0, chars_js_1.replaceControlChars)(s, (c) => c === '\t' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** How many waiting task ids `next` names before it says how many more there are. */
const MAX_NAMED_WAITING = 20;
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
        const root = specsRoot(ctx, opts.root);
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
        const project = (0, index_js_1.loadProject)(specsRoot(ctx, opts.root));
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
        ].map(shown))));
    });
    program
        .command('next')
        .description('print the first pending task whose dependencies are done (exit 1 when none is ready)')
        .option('--root <dir>', 'repository root', '.')
        .option('--milestone <id>', "in this milestone's order")
        .option('--json', 'machine-readable output')
        .action((opts) => {
        const project = (0, index_js_1.loadProject)(specsRoot(ctx, opts.root));
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
            const status = new Map();
            for (const t of project.tasks)
                if (!status.has(t.id))
                    status.set(t.id, t.status);
            const pending = (m ? m.tasks : project.tasks.map((t) => t.id)).filter((id) => status.get(id) === 'pending');
            const named = pending.length > MAX_NAMED_WAITING
                ? `${pending.slice(0, MAX_NAMED_WAITING).join(', ')} and ${pending.length - MAX_NAMED_WAITING} more`
                : pending.join(', ');
            ctx.io.stderr.write(pending.length
                ? `no task is ready: pending tasks wait on dependencies (${named})\n`
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
        const project = (0, index_js_1.loadProject)(specsRoot(ctx, opts.root));
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
        // The blueprint is untrusted text: its escape sequences and bidi overrides are shown, not obeyed
        // (line breaks of the sections stay; one inside a command or a criterion is written out).
        ctx.io.stdout.write(out.map(shown).join('\n') + '\n');
    });
}


/***/ }),

/***/ 5895:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.replaceInTree = replaceInTree;
exports.commitTree = commitTree;
exports.identityProblem = identityProblem;
exports.gitIdentity = gitIdentity;
exports.commitObject = commitObject;
exports.branchTip = branchTip;
exports.checkBranchName = checkBranchName;
exports.pushTargetProblem = pushTargetProblem;
exports.trailerValues = trailerValues;
exports.findCommitWithTrailer = findCommitWithTrailer;
exports.isAncestor = isAncestor;
exports.isShallow = isShallow;
exports.currentBranch = currentBranch;
exports.shownUrl = shownUrl;
exports.pushUrls = pushUrls;
exports.pushBranch = pushBranch;
/** Commits, branches and pushes as Completion makes them: plumbing only, never a force push. */
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const gitdir_js_1 = __webpack_require__(9501);
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
    // The message is UTF-8 whatever `i18n.commitEncoding` says (git would label it with that encoding,
    // and show it garbled), and the commit is not signed whatever `commit.gpgSign` says.
    return (0, git_js_1.execGit)([
        '-c',
        'i18n.commitEncoding=UTF-8',
        '-c',
        'commit.gpgSign=false',
        'commit-tree',
        tree,
        '-p',
        parent,
        '-F',
        '-',
    ], {
        cwd: root,
        input: message,
        env,
    }).stdout.trim();
}
/**
 * Why `who` can not be a commit's author as it is, or undefined. git drops line breaks, `<` and `>`
 * from a name and refuses one left empty; control characters (escape sequences) it keeps, and `git log`
 * would print them to a terminal.
 */
function identityProblem(who) {
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(who.name + who.email))
        return 'it holds a control character (a line break, an escape sequence, a bidi override)';
    if (!who.name.replace(/[<>\s.,:;'"\\]/g, ''))
        return `the name '${who.name}' is empty to git`;
    if (!/^[^\s<>]+$/.test(who.email))
        return `'${who.email}' is not an e-mail address`;
    return undefined;
}
/** The configured git identity of the repository, when there is one. */
function gitIdentity(root) {
    const name = (0, git_js_1.execGit)(['config', 'user.name'], { cwd: root, allowFailure: true }).stdout.trim();
    const email = (0, git_js_1.execGit)(['config', 'user.email'], { cwd: root, allowFailure: true }).stdout.trim();
    return name && email ? { name, email } : undefined;
}
/**
 * A commit's tree and parents as the object says them (`cat-file`, not a revision walk: git's replace
 * refs are off for Guardian, and a grafts file would change a walk's parents, not the object's).
 */
function commitObject(root, commit) {
    const raw = (0, git_js_1.execGit)(['cat-file', 'commit', commit], { cwd: root }).stdout;
    const header = raw.slice(0, raw.indexOf('\n\n') < 0 ? raw.length : raw.indexOf('\n\n'));
    let tree = '';
    const parents = [];
    for (const line of header.split('\n')) {
        if (line.startsWith('tree '))
            tree = line.slice(5).trim();
        else if (line.startsWith('parent '))
            parents.push(line.slice(7).trim());
    }
    return { tree, parents };
}
function branchTip(root, branch) {
    const r = (0, git_js_1.execGit)(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], {
        cwd: root,
        allowFailure: true,
    });
    return r.code === 0 ? r.stdout.trim() : undefined;
}
/**
 * Refuses a name that is not a branch name as written: `check-ref-format --branch` also accepts `@{-1}`
 * (the branch checked out before, which it prints instead) and `@`, neither of which can be written as
 * `refs/heads/<name>` — found only once the commit was made.
 */
function checkBranchName(root, branch) {
    const r = (0, git_js_1.execGit)(['check-ref-format', '--branch', branch], { cwd: root, allowFailure: true });
    const full = (0, git_js_1.execGit)(['check-ref-format', `refs/heads/${branch}`], { cwd: root, allowFailure: true });
    if (r.code !== 0 || r.stdout.trim() !== branch || full.code !== 0 || branch.startsWith('-'))
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
    const out = (0, git_js_1.execGit)(['log', '-1', '--no-show-signature', `--format=%(trailers:key=${key},valueonly)`, commit], {
        cwd: root,
    }).stdout;
    return out
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
}
/** The newest commit reachable from `rev` (within `depth`) whose trailer `key` has `value`. */
function findCommitWithTrailer(root, rev, key, value, depth = 500) {
    // No signature checks (`log.showSignature`): they would run the gpg program for every signed commit
    // and print its report into the output read here, ahead of a commit's sha.
    const r = (0, git_js_1.execGit)([
        'log',
        `-n${depth}`,
        '--no-show-signature',
        `--format=%H%x00%(trailers:key=${key},valueonly)%x1e`,
        rev,
        '--',
    ], {
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
/** Whether the repository is a shallow clone (part of its history is missing). */
function isShallow(root) {
    const r = (0, git_js_1.execGit)(['rev-parse', '--is-shallow-repository'], { cwd: root, allowFailure: true });
    return r.stdout.trim() === 'true';
}
function currentBranch(root) {
    const r = (0, git_js_1.execGit)(['symbolic-ref', '--quiet', 'HEAD'], { cwd: root, allowFailure: true });
    return r.code === 0 ? r.stdout.trim().replace(/^refs\/heads\//, '') : undefined;
}
/** A URL as it may be shown: a password or token in it is hidden. */
function shownUrl(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1***@');
}
/** Text from git (its errors) as it may be shown: a password or token in any URL in it is hidden. */
function hideCredentials(text) {
    return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@');
}
/** Whether `remote` names a configured remote (otherwise git takes it as a URL or a path). */
function isConfiguredRemote(root, remote) {
    const r = (0, git_js_1.execGit)(['remote'], { cwd: root, allowFailure: true });
    return r.code === 0 && r.stdout.split('\n').includes(remote);
}
/**
 * A URL given on the command line as `git push` rewrites it: the longest matching
 * `url.<base>.pushInsteadOf`, else the longest matching `url.<base>.insteadOf`.
 */
function rewriteForPush(root, url) {
    const r = (0, git_js_1.execGit)(['config', '--null', '--get-regexp', '^url\\..*\\.(push)?insteadof$'], {
        cwd: root,
        allowFailure: true,
    });
    const best = { push: { len: -1, to: '' }, plain: { len: -1, to: '' } };
    for (const rec of r.stdout.split('\0')) {
        const nl = rec.indexOf('\n');
        if (nl < 0)
            continue;
        const key = rec.slice(0, nl);
        const prefix = rec.slice(nl + 1);
        const m = /^url\.(.*)\.(pushinsteadof|insteadof)$/i.exec(key);
        if (!m || !url.startsWith(prefix))
            continue;
        const slot = m[2].toLowerCase() === 'pushinsteadof' ? best.push : best.plain;
        if (prefix.length > slot.len)
            Object.assign(slot, { len: prefix.length, to: m[1] + url.slice(prefix.length) });
    }
    return best.push.len >= 0 ? best.push.to : best.plain.len >= 0 ? best.plain.to : url;
}
/**
 * The URLs `git push <remote>` writes to, resolved as git resolves them (`remote.<name>.pushurl`,
 * `url.*.pushInsteadOf`, `url.*.insteadOf`).
 */
function pushUrls(root, remote) {
    if (isConfiguredRemote(root, remote)) {
        const r = (0, git_js_1.execGit)(['remote', 'get-url', '--push', '--all', remote], { cwd: root, allowFailure: true });
        const urls = r.stdout.split('\n').filter(Boolean);
        if (r.code === 0 && urls.length)
            return urls;
    }
    return [rewriteForPush(root, remote)];
}
/**
 * Pushes `commit` to `remote`'s `branch` without force. A remote branch that exists and is not an
 * ancestor of the commit holds work Guardian did not make: refused, with the local state explained.
 *
 * The remote branch is read from the very URLs the push writes to: `git ls-remote <name>` would use the
 * fetch URL, and a `pushurl` or a `url.*.pushInsteadOf` (one a check could have planted in a git config)
 * sends the push elsewhere. Each push URL must read back as itself (no `url.*.insteadOf` sends the read
 * to a third repository), otherwise nothing is pushed.
 */
function pushBranch(root, remote, branch, commit, opts = {}) {
    // The remote as messages name it: a token in a URL given on the command line is not printed.
    const shown = shownUrl(remote);
    if (remote.startsWith('-'))
        throw new errors_js_1.GuardianError(`invalid remote '${shown}'`);
    const named = isConfiguredRemote(root, remote);
    const urls = pushUrls(root, remote);
    const fetchUrls = named
        ? (0, git_js_1.execGit)(['remote', 'get-url', '--all', remote], { cwd: root, allowFailure: true })
            .stdout.split('\n')
            .filter(Boolean)
        : [remote];
    const redirected = urls.some((u) => !fetchUrls.includes(u));
    const kept = `the commit ${commit.slice(0, 12)} is on the local branch ${branch}`;
    for (const url of urls) {
        const read = (0, git_js_1.execGit)(['ls-remote', '--get-url', url], { cwd: root, allowFailure: true }).stdout.trim();
        const again = named ? url : rewriteForPush(root, url);
        if (url.startsWith('-') || read !== url || again !== url) {
            throw new errors_js_1.GuardianError(`refused to push: ${shown}'s push URL ${shownUrl(url)} is rewritten by git's url.*.insteadOf settings ` +
                `(to ${shownUrl(read !== url ? read : again)}), so the branch Guardian checks and the branch it pushes would be in different repositories. ` +
                `Nothing was pushed; ${kept}. Check \`git config --show-origin --get-regexp '^url\\.'\`.`);
        }
    }
    /** A remote that does not answer in time: the call is named, with where it went and what was kept. */
    const inTime = (url, what, call) => {
        try {
            return call();
        }
        catch (e) {
            if (!(e instanceof git_js_1.GitTimeoutError))
                throw e;
            throw new errors_js_1.GuardianError(`the remote '${shown}'${url !== remote ? ` (${shownUrl(url)})` : ''} did not answer: ${e.message}.\n${what}`);
        }
    };
    const nothingPushed = `Nothing was pushed; ${kept}.`;
    let haveIt = 0;
    for (const url of urls) {
        const ls = inTime(url, nothingPushed, () => (0, git_js_1.execGit)(['ls-remote', '--heads', url, `refs/heads/${branch}`], { cwd: root, allowFailure: true }));
        if (ls.code !== 0) {
            throw new errors_js_1.GuardianError(`cannot reach the remote '${shown}'${url !== remote ? ` (${shownUrl(url)})` : ''}: ${hideCredentials(ls.stderr.trim())}\nnothing was pushed; ${kept}`);
        }
        const remoteSha = ls.stdout
            .split('\n')
            .find((l) => l.endsWith(`\trefs/heads/${branch}`))
            ?.split('\t')[0];
        if (remoteSha === commit) {
            haveIt++;
            continue;
        }
        if (opts.onlyIfThere !== undefined) {
            const at = remoteSha ? `is at ${remoteSha.slice(0, 12)}` : 'does not exist';
            throw new errors_js_1.GuardianError(`refused to push: ${shown}'s branch ${branch}${url !== remote ? ` (${shownUrl(url)})` : ''} ${at}, not ${commit.slice(0, 12)}; ${opts.onlyIfThere}`);
        }
        if (remoteSha) {
            inTime(url, nothingPushed, () => 
            // Only the branch's commits: not those of submodules its commits name (`fetch.recurseSubmodules`),
            // which git would fetch from their own remotes, with their own settings.
            (0, git_js_1.execGit)(['fetch', '--quiet', '--no-tags', '--recurse-submodules=no', url, `refs/heads/${branch}`], {
                cwd: root,
                allowFailure: true,
            }));
            const known = (0, git_js_1.execGit)(['cat-file', '-e', `${remoteSha}^{commit}`], { cwd: root, allowFailure: true }).code === 0;
            if (!known || !isAncestor(root, remoteSha, commit)) {
                // In a shallow clone (actions/checkout's default depth of 1) the history that would join the
                // remote branch to the base is missing: git can not tell an ancestor, and would refuse the push
                // as well. Not "work Guardian did not make".
                if (isShallow(root)) {
                    throw new errors_js_1.GuardianError(`refused to push: ${shown}'s branch ${branch} is at ${remoteSha.slice(0, 12)}, and this clone is shallow, so git can not ` +
                        `tell whether that commit is an ancestor of the new commit ${commit.slice(0, 12)} (a push without force needs it to be). ` +
                        `Nothing was pushed; ${kept}. Fetch the whole history (\`git fetch --unshallow\`, or \`fetch-depth: 0\` for ` +
                        `actions/checkout) and run complete again.`);
                }
                throw new errors_js_1.GuardianError(`refused to push: ${shown}'s branch ${branch} is at ${remoteSha.slice(0, 12)}, which is not an ancestor of ` +
                    `the new commit ${commit.slice(0, 12)} (it holds work Guardian did not make; no force push). ` +
                    `Nothing was pushed; the commit is on the local branch ${branch}. Push it under another name with ` +
                    `--branch, or reconcile the remote branch and run complete again.`);
            }
        }
    }
    if (haveIt === urls.length)
        return { pushed: false, alreadyThere: true, urls, redirected };
    // A configured remote is pushed to by its name (its own settings apply, and its remote-tracking
    // branch follows); a URL or path is pushed to as resolved above.
    const target = named ? remote : urls[0];
    // A push cut off by the time limit may or may not have reached the remote: running complete again
    // reads the remote branch first, and pushes only when it is not there yet.
    const r = inTime(urls[0], `The push may or may not have reached the remote; ${kept} and the Task Bundle is kept: run complete again ` +
        '(it reads the remote branch first and makes no second commit).', () => 
    // Only the branch: no tags (`push.followTags` would publish the user's unpushed annotated tags
    // reachable from the base) and no submodule commits (`push.recurseSubmodules`).
    (0, git_js_1.execGit)([
        'push',
        '--porcelain',
        '--no-follow-tags',
        '--recurse-submodules=no',
        target,
        `${commit}:refs/heads/${branch}`,
    ], {
        cwd: root,
        allowFailure: true,
    }));
    if (r.code !== 0 && r.signal) {
        // Not the remote's answer: git itself was stopped (a Ctrl-C reaches it too), mid-push.
        throw new errors_js_1.GuardianError(`the push of ${branch} to '${shown}' was stopped by ${r.signal}: it may or may not have reached the remote; ` +
            `the commit ${commit.slice(0, 12)} is on the local branch ${branch} and the Task Bundle is kept: ` +
            'run complete again (it reads the remote branch first and makes no second commit)');
    }
    if (r.code !== 0) {
        throw new errors_js_1.GuardianError(`the remote '${shown}' rejected the push of ${branch}: ${hideCredentials(r.stderr.trim() || r.stdout.trim())
            .split('\n')
            .slice(0, 6)
            .join(' | ')}\n` +
            `nothing was pushed; the commit ${commit.slice(0, 12)} is on the local branch ${branch} and the Task Bundle is kept: ` +
            `run complete again once the remote accepts it (no second commit is made)`);
    }
    // The remote-tracking branch moved to the commit: not a check's doing, should one be running.
    (0, gitdir_js_1.acceptOwnRefUpdates)(root, commit);
    return { pushed: true, alreadyThere: false, urls, redirected };
}


/***/ }),

/***/ 9501:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.commonGitDir = commonGitDir;
exports.globalConfigPaths = globalConfigPaths;
exports.includedWorkTreeFiles = includedWorkTreeFiles;
exports.snapshotGitDir = snapshotGitDir;
exports.acceptOwnRefUpdates = acceptOwnRefUpdates;
exports.restoreGitDir = restoreGitDir;
exports.shownGitPath = shownGitPath;
/**
 * The repository's own git settings, watched while checks run. A check runs code the change wrote, as
 * the user, next to a linked worktree whose `git rev-parse --git-common-dir` names the real `.git`: it
 * could plant a hook, or a `core.sshCommand`, `credential.helper` or `url.*.insteadOf` that a later git
 * command (Completion's push, the user's next commit) would run, or move a branch (Completion's task
 * branch) to a commit of its own. The user's global git config (`~/.gitconfig`, the XDG one, or
 * `$GIT_CONFIG_GLOBAL`, and the files they include) is read by the same later commands, so it is watched
 * too, and so are the files the repository's own config includes (`include.path = ../.gitconfig`, a
 * file of the work tree). Whatever a check changed there is put back as it was, and the verdict fails
 * naming it.
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const git_js_1 = __webpack_require__(308);
/**
 * Paths under the common git directory whose content decides what git runs and reads: its settings,
 * and its refs (a branch, `HEAD`, a `refs/replace/*` that swaps one object for another), loose, packed
 * or in a reftable.
 */
const WATCHED = [
    'config',
    'config.worktree',
    'hooks',
    'info',
    'objects/info/alternates',
    'HEAD',
    'refs',
    'packed-refs',
    'reftable',
];
/**
 * The same for each submodule's git directory (`modules/<name>/`, and the ones nested in it): a hook or a
 * `core.fsmonitor` planted there runs at the user's next `git status` or `git submodule update` in the
 * repository. Its objects, refs and index are not watched.
 */
const MODULE_WATCHED = ['config', 'config.worktree', 'hooks', 'info', 'objects/info/alternates'];
/** How deep folders under `modules/` are followed (a submodule's name may hold slashes). */
const MAX_MODULE_DEPTH = 24;
/** A file larger than this is compared by size and time only (it is not restored, only reported). */
const MAX_KEPT_BYTES = 4 * 1024 * 1024;
/** How deep `[include]`s of the global config are followed. */
const MAX_INCLUDE_DEPTH = 5;
function commonGitDir(root) {
    const out = (0, git_js_1.execGit)(['rev-parse', '--git-common-dir'], { cwd: root }).stdout.trim();
    return (0, node_path_1.isAbsolute)(out) ? out : (0, node_path_1.join)(root, out);
}
/** A watched path on disk: relative to the git directory, or absolute (a global config file). */
function onDisk(dir, p) {
    return (0, node_path_1.isAbsolute)(p) ? p : (0, node_path_1.join)(dir, p);
}
function walk(dir, rel, out) {
    let st;
    try {
        st = (0, node_fs_1.lstatSync)(onDisk(dir, rel));
    }
    catch {
        return;
    }
    if (st.isDirectory()) {
        for (const name of (0, node_fs_1.readdirSync)(onDisk(dir, rel)).sort())
            walk(dir, (0, node_path_1.join)(rel, name), out);
    }
    else if (st.isSymbolicLink()) {
        // A link's target is what it says, not followed.
        const link = (0, node_fs_1.readlinkSync)(onDisk(dir, rel));
        out.set(rel, { link, sig: `link:${link}` });
    }
    else if (st.isFile() && st.size <= MAX_KEPT_BYTES) {
        out.set(rel, {
            content: (0, node_fs_1.readFileSync)(onDisk(dir, rel)),
            mode: st.mode & 0o7777,
            sig: `file:${st.mode & 0o7777}`,
        });
    }
    else {
        out.set(rel, { sig: `${st.isFile() ? 'file' : 'special'}:${st.size}:${st.mtimeMs}` });
    }
}
/**
 * Under `rel` (a folder of `modules/`): the settings of each git directory (a folder with a `HEAD`), the
 * folders nested in it as submodules' own `modules/`, and anything else as it is.
 */
function walkModules(dir, rel, out, depth = 0) {
    let names;
    try {
        if (!(0, node_fs_1.lstatSync)(onDisk(dir, rel)).isDirectory())
            return walk(dir, rel, out);
        names = (0, node_fs_1.readdirSync)(onDisk(dir, rel)).sort();
    }
    catch {
        return;
    }
    if (depth > MAX_MODULE_DEPTH)
        return;
    if (names.includes('HEAD')) {
        for (const w of MODULE_WATCHED)
            walk(dir, (0, node_path_1.join)(rel, w), out);
        walkModules(dir, (0, node_path_1.join)(rel, 'modules'), out, depth + 1);
        return;
    }
    for (const name of names)
        walkModules(dir, (0, node_path_1.join)(rel, name), out, depth + 1);
}
/**
 * The global config files git reads for this process's user: `$GIT_CONFIG_GLOBAL` when it is set,
 * otherwise `~/.gitconfig` and `$XDG_CONFIG_HOME/git/config` (default `~/.config/git/config`). Absolute
 * paths; a file that does not exist yet is watched too (a check could create it).
 */
function globalConfigPaths(env = process.env) {
    if (env.GIT_CONFIG_GLOBAL)
        return [(0, node_path_1.resolve)(env.GIT_CONFIG_GLOBAL)];
    const home = env.HOME;
    const paths = [];
    if (home)
        paths.push((0, node_path_1.join)((0, node_path_1.resolve)(home), '.gitconfig'));
    const xdg = env.XDG_CONFIG_HOME ? (0, node_path_1.resolve)(env.XDG_CONFIG_HOME) : home ? (0, node_path_1.join)((0, node_path_1.resolve)(home), '.config') : '';
    if (xdg)
        paths.push((0, node_path_1.join)(xdg, 'git', 'config'));
    return paths;
}
/** Files a config file includes (`include.path`, `includeIf.*.path`), as git resolves them. */
function includedBy(file, cwd) {
    const r = (0, git_js_1.execGit)(['config', '--file', file, '--get-regexp', '^include(if\\..*)?\\.path$'], {
        cwd,
        allowFailure: true,
    });
    if (r.code !== 0)
        return [];
    const home = process.env.HOME;
    const out = [];
    for (const line of r.stdout.split('\n')) {
        const sp = line.indexOf(' ');
        if (sp < 0)
            continue;
        const value = line.slice(sp + 1).trim();
        if (!value)
            continue;
        if (value.startsWith('~/')) {
            if (home)
                out.push((0, node_path_1.join)(home, value.slice(2)));
        }
        else
            out.push((0, node_path_1.isAbsolute)(value) ? value : (0, node_path_1.join)((0, node_path_1.dirname)(file), value));
    }
    return out;
}
/**
 * Follows config files and what they include, to `MAX_INCLUDE_DEPTH`: each file, the file a symbolic
 * link among them points at (a `~/.gitconfig` kept in a dotfiles repository), and what they include.
 * Something that is not a file (`GIT_CONFIG_GLOBAL=/dev/null`) is left out; a file that does not exist
 * yet is kept (a check could create it).
 */
function followConfigFiles(starts, cwd, depth0 = 0) {
    const seen = new Set();
    const add = (p, depth) => {
        if (seen.has(p))
            return;
        let st;
        try {
            st = (0, node_fs_1.lstatSync)(p);
        }
        catch {
            seen.add(p); // not there yet: watched, so that its creation is seen
            return;
        }
        if (!st.isFile() && !st.isSymbolicLink())
            return;
        seen.add(p);
        if (st.isSymbolicLink()) {
            try {
                add((0, node_fs_1.realpathSync)(p), depth);
            }
            catch {
                // a dangling link: its target is watched as the link's text
            }
            return;
        }
        if (depth < MAX_INCLUDE_DEPTH)
            for (const inc of includedBy(p, cwd))
                add((0, node_path_1.resolve)(inc), depth + 1);
    };
    for (const p of starts)
        add((0, node_path_1.resolve)(p), depth0);
    return [...seen];
}
/** The global config files to watch: those git reads and what they include. */
function globalFiles(cwd) {
    return followConfigFiles(globalConfigPaths(), cwd);
}
/**
 * Files the repository's own config files (`config`, `config.worktree` in the git directory `dir`)
 * include, and what those include: a project that asks its users to run `git config include.path
 * ../.gitconfig` makes a file of its work tree part of git's settings. The config files themselves are
 * not in the list (they are watched as part of the git directory).
 */
function localIncludes(dir) {
    return localConfigFiles(dir).flatMap((file) => includesOf(file, dir));
}
/** The repository's own config files that exist, in the git directory `dir`. */
function localConfigFiles(dir) {
    return ['config', 'config.worktree']
        .map((n) => (0, node_path_1.join)(dir, n))
        .filter((f) => (0, node_fs_1.lstatSync)(f, { throwIfNoEntry: false })?.isFile());
}
/** What one config file includes, followed. */
function includesOf(file, cwd) {
    return followConfigFiles(includedBy(file, cwd), cwd, 1);
}
/**
 * Files of the work tree (of `root`, and of the main worktree when `root` is a linked one) that git
 * reads as settings, because the repository's config or the user's global config includes them. A
 * change to one of them changes what git runs (`core.fsmonitor`, `core.sshCommand`, `core.hooksPath`,
 * a `diff.external`) for Guardian's own later git commands and for the user's.
 */
function includedWorkTreeFiles(root) {
    const dir = commonGitDir(root);
    const tops = new Set([(0, node_path_1.resolve)(root), realOrSame(root)]);
    // The main worktree of a repository whose git directory is a `.git` folder.
    if ((0, node_path_1.basename)((0, node_path_1.resolve)(dir)) === '.git')
        tops.add(realOrSame((0, node_path_1.dirname)((0, node_path_1.resolve)(dir))));
    const out = new Map();
    const consider = (file, via) => {
        const real = realOrSame(file);
        for (const top of tops) {
            for (const candidate of new Set([(0, node_path_1.resolve)(file), real])) {
                const rel = (0, node_path_1.relative)(top, candidate);
                if (!rel || rel.startsWith('..') || (0, node_path_1.isAbsolute)(rel))
                    continue;
                const path = rel.split(node_path_1.sep).join('/');
                if (!out.has(path))
                    out.set(path, via);
            }
        }
    };
    for (const file of localConfigFiles(dir)) {
        const rel = (0, node_path_1.relative)(realOrSame(root), realOrSame(file));
        const via = rel.startsWith('..') || (0, node_path_1.isAbsolute)(rel) ? file : rel.split(node_path_1.sep).join('/');
        for (const inc of includesOf(file, dir))
            consider(inc, via);
    }
    for (const file of globalConfigPaths()) {
        if (!(0, node_fs_1.lstatSync)(file, { throwIfNoEntry: false })?.isFile())
            continue;
        for (const inc of includesOf(file, dir))
            consider(inc, file);
    }
    return [...out].map(([path, via]) => ({ path, via })).sort((a, b) => (a.path < b.path ? -1 : 1));
}
function snapshotOf(dir, globals) {
    const files = new Map();
    for (const w of WATCHED)
        walk(dir, w, files);
    walkModules(dir, 'modules', files);
    for (const g of globals)
        walk(dir, g, files);
    return { dir, files, globals };
}
/** Watches under way, so that Guardian's own ref updates (a parallel milestone's commit) join them. */
const active = new Set();
function realOrSame(p) {
    try {
        return (0, node_fs_1.realpathSync)(p);
    }
    catch {
        return (0, node_path_1.resolve)(p);
    }
}
function snapshotGitDir(root) {
    const dir = commonGitDir(root);
    const snapshot = snapshotOf(dir, [...new Set([...globalFiles(dir), ...localIncludes(dir)])]);
    active.add(snapshot);
    return snapshot;
}
/**
 * Guardian itself moved refs while checks may be running (in a parallel milestone, one task is committed
 * while another is validated in its worktree): the refs it set to `commit` (a branch, its remote-tracking
 * ref after the push) and the `paths` it wrote (`HEAD`) become part of every watch under way on this
 * repository, so they are neither reported as a check's change nor put back. A reftable is taken as a
 * whole (its files can not be told apart by ref).
 */
function acceptOwnRefUpdates(root, commit, paths = []) {
    if (active.size === 0)
        return;
    const dir = realOrSame(commonGitDir(root));
    const line = Buffer.from(`${commit}\n`);
    for (const s of active) {
        if (realOrSame(s.dir) !== dir)
            continue;
        const now = new Map();
        walk(s.dir, 'refs', now);
        for (const [p, e] of now)
            if (e.content?.equals(line))
                s.files.set(p, e);
        for (const p of [...paths, 'reftable']) {
            for (const k of [...s.files.keys()])
                if (k === p || k.startsWith(`${p}/`))
                    s.files.delete(k);
            walk(s.dir, p, s.files);
        }
    }
}
/** What changed since `before`, each put back as it was where possible. */
function restoreGitDir(before) {
    active.delete(before);
    const now = snapshotOf(before.dir, before.globals ?? []).files;
    const changes = [];
    const same = (p) => {
        const a = before.files.get(p);
        const b = now.get(p);
        return (a.sig === b.sig && (a.content && b.content ? a.content.equals(b.content) : !a.content && !b.content));
    };
    const put = (p) => {
        const e = before.files.get(p);
        if (e.content === undefined && e.link === undefined)
            return false;
        const abs = onDisk(before.dir, p);
        try {
            (0, node_fs_1.rmSync)(abs, { recursive: true, force: true });
            (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(abs), { recursive: true });
            if (e.link !== undefined)
                (0, node_fs_1.symlinkSync)(e.link, abs);
            else {
                (0, node_fs_1.writeFileSync)(abs, e.content);
                if (e.mode !== undefined)
                    (0, node_fs_1.chmodSync)(abs, e.mode);
            }
            return true;
        }
        catch {
            return false;
        }
    };
    for (const p of before.files.keys()) {
        if (!now.has(p))
            changes.push({ path: p, change: 'removed', restored: put(p) });
        else if (!same(p))
            changes.push({ path: p, change: 'modified', restored: put(p) });
    }
    for (const p of now.keys()) {
        if (before.files.has(p))
            continue;
        let restored = true;
        try {
            (0, node_fs_1.rmSync)(onDisk(before.dir, p), { recursive: true, force: true });
        }
        catch {
            restored = false;
        }
        changes.push({ path: p, change: 'added', restored });
    }
    return changes.sort((a, b) => (a.path < b.path ? -1 : 1));
}
/** How a change is named in a report: `.git/hooks/pre-commit`, or a global config file's own path. */
function shownGitPath(root, snapshot, p) {
    if ((0, node_path_1.isAbsolute)(p))
        return p;
    const rel = (0, node_path_1.relative)(root, (0, node_path_1.join)(snapshot.dir, p));
    return rel.startsWith('..') ? (0, node_path_1.join)(snapshot.dir, p) : rel;
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
 * Refuses a working tree whose index hides edits from git: a file marked assume-unchanged or
 * skip-worktree (`git update-index`) that is present and differs from its index version. Such an edit is
 * invisible to `git add`, so the patch would leave it out while the checks, run in the working tree,
 * see it: the change judged would not be the change committed. (A sparse checkout's skip-worktree files
 * are absent from the working tree, and fine.)
 */
function refuseHiddenEdits(root) {
    const flagged = [];
    for (const rec of (0, git_js_1.execGit)(['ls-files', '-v', '-s', '-z'], { cwd: root }).stdout.split('\0')) {
        const m = /^([a-zS]) (\d+) ([0-9a-f]+) \d\t(.+)$/s.exec(rec);
        // Regular files only (a link's or a submodule's entry is no file content), and names `--stdin-paths`
        // can carry (one a line).
        if (!m || (m[2] !== '100644' && m[2] !== '100755') || m[4].includes('\n'))
            continue;
        flagged.push({ tag: m[1], sha: m[3], path: m[4] });
    }
    if (!flagged.length)
        return;
    const present = flagged.filter((f) => {
        try {
            return (0, node_fs_1.lstatSync)((0, node_path_1.join)(root, f.path)).isFile();
        }
        catch {
            return false;
        }
    });
    if (!present.length)
        return;
    // What `git add` would store for each, filters included, read in one call.
    const hashes = (0, git_js_1.execGit)(['hash-object', '--stdin-paths'], {
        cwd: root,
        input: present.map((f) => f.path).join('\n') + '\n',
        allowFailure: true,
    }).stdout.split('\n');
    const hidden = present.filter((f, i) => hashes[i] !== undefined && hashes[i] !== f.sha);
    if (!hidden.length)
        return;
    const shown = hidden
        .slice(0, 5)
        .map((f) => `${f.path} (${f.tag === 'S' ? 'skip-worktree' : 'assume-unchanged'})`)
        .join(', ');
    throw new errors_js_1.GuardianError(`the index hides edits from git: ${shown}${hidden.length > 5 ? `, … (${hidden.length} in all)` : ''} differ from the index but are marked so that git ignores the difference. ` +
        `What the checks would judge in the working tree is not what would be committed. Clear the mark ` +
        `(\`git update-index --no-assume-unchanged <file>\` or \`--no-skip-worktree <file>\`) or undo the edit, then run again`);
}
/**
 * The tree of the working tree as it is now: tracked changes and untracked files that are not ignored.
 * Untracked files under `.guardian/` (bundles, caches) are left out; tracked ones are included so the
 * guard sees a change to them.
 */
function workingTreeTree(root) {
    refuseHiddenEdits(root);
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
function explainApplyFailure(stderr, label, base, patch) {
    const at = `${label} does not apply onto the base commit ${base.slice(0, 12)}`;
    // Refusals of what the patch asks for, whatever the base holds.
    const invalid = /error: invalid path '(.+)'/.exec(stderr);
    if (invalid)
        return `${label} is refused: it names the path '${invalid[1]}', which git does not allow in a repository (absolute, with '..', inside .git, or a name git reserves)`;
    const beyond = /affected file '(.+)' is beyond a symbolic link/.exec(stderr);
    if (beyond)
        return `${label} is refused: it writes to '${beyond[1]}' through a symbolic link`;
    const corrupt = /corrupt (binary )?patch at line (\d+)/.exec(stderr);
    if (corrupt)
        return `${label} is not a valid patch: corrupt ${corrupt[1] ? 'binary data ' : ''}at line ${corrupt[2]}`;
    const noPatch = /No valid patches in input|patch with only garbage at line (\d+)/.exec(stderr);
    if (noPatch)
        return `${label} is not a valid patch: ${noPatch[1] ? `only garbage at line ${noPatch[1]}` : 'it holds no `diff --git` change git can read'}`;
    const failed = /patch failed: (.+):(\d+)/.exec(stderr);
    if (failed)
        return `${at}: first failing hunk in ${failed[1]} (at line ${failed[2]})${crlfHint(patch, label)}`;
    const binaryBase = /the patch applies to '(.+?)' \([0-9a-f]+\), which does not match the current contents/.exec(stderr);
    if (binaryBase)
        return `${at}: first failing hunk in ${binaryBase[1]} (the binary file at the base is not the one the patch was made from)`;
    const both = /'(.+)' appears as both a file and as a directory/.exec(stderr);
    if (both)
        return `${at}: '${both[1]}' would be both a file and a folder`;
    const missing = /error: (.+): does not exist in index/.exec(stderr);
    if (missing)
        return `${at}: first failing hunk in ${missing[1]} (the file does not exist at the base)`;
    const exists = /error: (.+): already exists in index/.exec(stderr);
    if (exists)
        return `${at}: first failing hunk in ${exists[1]} (the patch creates it, but it exists at the base)`;
    const binary = /cannot apply binary patch to '(.+?)'/.exec(stderr);
    if (binary)
        return `${at}: first failing hunk in ${binary[1]} (a binary change without data)`;
    const first = stderr.split('\n').find((l) => l.trim()) ?? 'git apply failed';
    return `${at}: ${first.replace(/^error: /, '')}`;
}
/** A hunk that failed in a patch whose lines end in CR LF: most likely the line endings, not the base. */
function crlfHint(patch, label) {
    if (!patch)
        return '';
    const nl = patch.indexOf(0x0a);
    if (nl <= 0 || patch[nl - 1] !== 0x0d)
        return '';
    return `; ${label} has CRLF (Windows) line endings, so its context lines match no file with LF endings: save it with LF endings`;
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
    const file = dataLessBinaryChange(patch.toString('latin1'));
    if (file !== undefined) {
        throw new errors_js_1.GuardianError(`${label}: the binary change to ${file} has no data ("Binary files … differ"); create the patch with \`git diff --binary\``);
    }
}
/**
 * The file of the first "Binary files A and B differ" line, found by a linear scan: the patch is
 * untrusted, and a regular expression that searches for " and " on a long line of a hostile patch
 * backtracks for hours.
 */
function dataLessBinaryChange(text) {
    const lead = 'Binary files ';
    const tail = ' differ';
    for (let at = text.indexOf(lead); at >= 0; at = text.indexOf(lead, at + 1)) {
        if (at > 0 && text[at - 1] !== '\n')
            continue;
        let end = text.indexOf('\n', at);
        if (end < 0)
            end = text.length;
        const line = text.slice(at, text[end - 1] === '\r' ? end - 1 : end);
        if (!line.endsWith(tail))
            continue;
        const middle = line.slice(lead.length, line.length - tail.length);
        const and = middle.indexOf(' and ', 1);
        if (and < 0)
            continue;
        const from = middle.slice(0, and).replace(/^a\//, '');
        const to = middle.slice(and + ' and '.length).replace(/^b\//, '');
        if (!to)
            continue;
        return to === '/dev/null' ? from : to;
    }
    return undefined;
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
            throw new errors_js_1.GuardianError(explainApplyFailure(r.stderr, label, base, patch));
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
/**
 * Lines the change adds and removes, with the added lines' numbers in the new file. Every file is read
 * as text (`--text`): git would call a file binary, and show none of its lines, when it holds a NUL byte
 * or when a `.gitattributes` the change adds says `-diff` — and the guards reading these lines would
 * then not see a source file whose interpreter happily ignores the NUL in a comment.
 */
function lineChanges(root, from, to) {
    const out = (0, git_js_1.execGit)([
        'diff-tree',
        '-r',
        '-p',
        '-U0',
        '-M',
        '--text',
        '--no-color',
        '--no-ext-diff',
        '--no-textconv',
        from,
        to,
    ], { cwd: root }).stdout;
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
