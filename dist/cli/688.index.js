export const id = 688;
export const ids = [688];
export const modules = {

/***/ 5688:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEFAULT_AUTHOR = void 0;
exports.setStatusDone = setStatusDone;
exports.commitMessage = commitMessage;
exports.completedRef = completedRef;
exports.runCompletion = runCompletion;
/**
 * The Completion station: commits exactly the patch the Validator judged (and nothing else but the
 * blueprint's status), on the task's branch, and pushes it without force. It refuses anything it can
 * not prove was judged: no passing validation.json, or a patch whose sha256 differs. A commit already on
 * the task branch (an earlier run's, whose push failed) is taken only when it is exactly the commit this
 * run would make — its one parent the base, its tree the judged patch on the base with the blueprint
 * marked done — recomputed, not read from its trailers: code under test can write a branch too. The
 * commit made is recorded as `refs/guardian/completed/<task-id>`: once the bundle is gone, a re-run
 * finds the commit by its trailer, but pushes only that recorded one.
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
const chars_js_1 = __webpack_require__(5153);
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
/**
 * One line of plain text for the commit message (and the log): line breaks and other control
 * characters (escape sequences, bidi overrides) become spaces. A commit message is shown by `git log`
 * on terminals, and a line break would let a value start lines of its own (trailers among them).
 */
function oneLine(s) {
    return (0, chars_js_1.replaceControlChars)(String(s), () => ' ')
        .replace(/\s+/g, ' ')
        .trim();
}
function commitMessage(task, report, runUrl) {
    const parts = [`feat(${task.id}): ${oneLine(task.title)}`, ''];
    if (task.acceptanceCriteria.length) {
        parts.push('Acceptance criteria:', ...task.acceptanceCriteria.map((c) => `- ${oneLine(c.text)}`), '');
    }
    parts.push('Checks passed:', ...report.checks.map((c) => `- ${oneLine(c.name)} (${oneLine(c.kind)})${c.command ? `: ${oneLine(c.command)}` : ''}`), '');
    parts.push(`Task-Id: ${oneLine(task.id)}`);
    if (task.requirementId)
        parts.push(`Requirement-Id: ${oneLine(task.requirementId)}`);
    parts.push('Guardian-Verdict: pass');
    if (runUrl)
        parts.push(`Guardian-Run: ${oneLine(runUrl)}`);
    return parts.join('\n') + '\n';
}
/**
 * Moves the index and working tree of the checked-out `branch` from `base` to `commit` (as a checkout
 * would), refusing, with nothing changed, when that would overwrite changes of the user's own there.
 */
function moveCheckedOutTree(root, branch, base, commit) {
    const r = (0, git_js_1.execGit)(['read-tree', '-m', '-u', base, commit], { cwd: root, allowFailure: true });
    if (r.code === 0)
        return;
    // git names the first path it stops at; the user is told every path of theirs in the way.
    const changed = new Set((0, git_js_1.execGit)(['diff', '--no-ext-diff', '--no-renames', '--name-only', '-z', base, commit], {
        cwd: root,
        allowFailure: true,
    }).stdout.split('\0'));
    const status = (0, git_js_1.execGit)(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'], {
        cwd: root,
        allowFailure: true,
    }).stdout;
    const mine = status
        .split('\0')
        .map((rec) => rec.slice(3))
        .filter((p) => p && changed.has(p))
        .sort();
    const why = mine.length
        ? mine
            .slice(0, 10)
            .map((p) => `'${(0, chars_js_1.escapeControlChars)(p)}'`)
            .join(', ') + (mine.length > 10 ? ` and ${mine.length - 10} more` : '')
        : r.stderr
            .split('\n')
            .map((l) => l.replace(/^(?:error|fatal): /, '').trim())
            .filter(Boolean)
            .slice(0, 5)
            .map(chars_js_1.escapeControlChars)
            .join('; ');
    throw new errors_js_1.GuardianError(`${branch} is checked out, and its working tree has changes of its own that the commit would overwrite (${why}). ` +
        `Nothing committed, and those changes are as they were: commit or stash them and run complete again, ` +
        `or complete on another branch with --branch`);
}
function blueprintDoneAt(root, commit, taskId) {
    const project = (0, index_js_1.loadProject)(root, (0, index_js_1.gitSource)(root, commit), { quality: false });
    return project.tasks.find((t) => t.id === taskId)?.status === 'done';
}
function authorFor(root, opts, quality) {
    let who;
    let from;
    if (opts.author)
        [who, from] = [opts.author, '--author'];
    else if (quality?.commit.authorName && quality.commit.authorEmail) {
        who = { name: quality.commit.authorName, email: quality.commit.authorEmail };
        from = 'quality.toml [commit] author_name / author_email (at the base commit)';
    }
    else {
        const git = (0, commit_js_1.gitIdentity)(root);
        [who, from] = git ? [git, 'git config user.name / user.email'] : [exports.DEFAULT_AUTHOR, 'the default'];
    }
    const problem = (0, commit_js_1.identityProblem)(who);
    if (problem) {
        throw new errors_js_1.ConfigurationError(`the commit author from ${from} can not be used: ${problem}. Nothing committed: set another (--author "Name <email>")`);
    }
    return who;
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
 * A completed task found by its `Task-Id:` trailer on the branch (or HEAD, or the commit Completion
 * recorded making) with its blueprint done, when
 * no Task Bundle is left. A commit so found that is not shaped like Completion's is refused, not taken.
 */
function findCompleted(root, taskId, branch) {
    // Last, the commit an earlier run recorded making: found also once its branch is gone.
    for (const rev of [`refs/heads/${branch}`, 'HEAD', completedRef(taskId)]) {
        const sha = (0, commit_js_1.findCommitWithTrailer)(root, rev, 'Task-Id', taskId);
        if (!sha || !blueprintDoneAt(root, sha, taskId))
            continue;
        const problem = notCompletionShaped(root, sha, taskId);
        if (problem) {
            throw new errors_js_1.GuardianError(`${rev === `refs/heads/${branch}` ? branch : rev} has a commit ${sha.slice(0, 12)} with \`Task-Id: ${taskId}\` and the task done, but it is not a commit Completion makes: ${problem}. ` +
                `Expected one commit on top of the base whose only change to the blueprint is its status. Nothing committed or pushed; ` +
                `delete that branch (or pass --branch) and run \`guardian validate ${taskId}\` again`);
        }
        return { sha, rev };
    }
    return undefined;
}
/** The ref where Completion records the commit it made for a task (checked, from the judged patch). */
function completedRef(taskId) {
    return `refs/guardian/completed/${taskId}`;
}
/** Paths as a message lists them: the first few, quoted. */
function listPaths(paths) {
    const shown = paths.slice(0, 5).map((p) => `'${(0, chars_js_1.escapeControlChars)(p)}'`);
    return shown.join(', ') + (paths.length > 5 ? ` and ${paths.length - 5} more` : '');
}
/**
 * What differs between the change Completion would commit (`patch`, the bundle's or the working
 * tree's, whose tree is `tree` when known) and the one the Validator judged: where it comes from, the
 * base the working tree stands on, the files it touches.
 */
function notJudged(root, bundleDir, report, base, patch, tree) {
    const judged = `the Validator judged (sha256 ${String(report.patchSha256).slice(0, 16)}…)`;
    const fromBundle = tree === undefined;
    if (report.patchSource === 'bundle' && !fromBundle) {
        return `the Validator judged the Task Bundle's changes.patch, and ${(0, node_path_1.join)(bundleDir, 'changes.patch')} is gone: the working tree's change is not what was judged`;
    }
    if (report.patchSource === 'working-tree' && fromBundle) {
        return `the Validator judged the working tree's change, but ${(0, node_path_1.join)(bundleDir, 'changes.patch')} was added to the Task Bundle since; it is not what was judged`;
    }
    const what = fromBundle ? 'the changes.patch' : "the working tree's change";
    const details = [];
    if (!fromBundle) {
        const head = (0, git_js_1.execGit)(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
            cwd: root,
            allowFailure: true,
        });
        const at = head.code === 0 ? head.stdout.trim() : '';
        if (at && at !== base)
            details.push(`HEAD is now ${at.slice(0, 12)}, not the base commit ${base.slice(0, 12)} it was judged on`);
    }
    try {
        const now = tree ?? (0, patch_js_1.applyPatchToTree)(root, base, patch, 'changes.patch');
        const files = new Set((0, patch_js_1.changedFiles)(root, base, now).map((f) => f.path));
        const was = new Set(Array.isArray(report.changedFiles) ? report.changedFiles : []);
        const added = [...files].filter((f) => !was.has(f)).sort();
        const gone = [...was].filter((f) => !files.has(f)).sort();
        if (added.length)
            details.push(`it now changes ${listPaths(added)}, which the judged change did not`);
        if (gone.length)
            details.push(`it no longer changes ${listPaths(gone)}`);
        if (!added.length && !gone.length)
            details.push('the same files, with other content');
    }
    catch {
        details.push('it does not apply onto the base commit');
    }
    return `${what} (sha256 ${(0, fs_js_1.sha256)(patch).slice(0, 16)}…) is not the one ${judged}: ${details.join('; ')}`;
}
function doPush(root, opts, branch, commit, log, onlyIfThere) {
    if (!opts.push)
        return false;
    const r = (0, commit_js_1.pushBranch)(root, opts.push, branch, commit, onlyIfThere === undefined ? {} : { onlyIfThere });
    // Where the push went, when that is not the remote's fetch URL or the URL given (a pushurl, a
    // url.*.pushInsteadOf): a rewrite is seen, not silent.
    const where = r.redirected ? ` (push URL: ${r.urls.map(commit_js_1.shownUrl).join(', ')})` : '';
    const remote = (0, commit_js_1.shownUrl)(opts.push);
    log.info(r.alreadyThere
        ? `${remote}/${branch} already has ${commit.slice(0, 12)}${where}`
        : `pushed ${branch} to ${remote}${where}`);
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
        const found = findCompleted(root, taskId, branch);
        if (!found) {
            if (!task)
                (0, index_js_1.requireTask)(project, taskId);
            throw new errors_js_1.ConfigurationError(`no Task Bundle for ${taskId} at ${bundleDir} and no completed commit (Task-Id: ${taskId}) on ${branch}: run \`guardian validate ${taskId}\` first`);
        }
        const done = found.sha;
        const current = (0, commit_js_1.currentBranch)(root);
        const foundOn = found.rev === 'HEAD'
            ? `HEAD${current ? ` (${current})` : ''}`
            : found.rev === completedRef(taskId)
                ? found.rev
                : branch;
        // Found by its trailer and shape: any commit can claim a Task-Id and mark the blueprint done (code
        // under test can write a branch). Only the commit Completion recorded making from the judged patch
        // is pushed from here; another is taken as pushed only when the remote branch already has it.
        const recorded = (0, git_js_1.execGit)(['rev-parse', '--verify', '--quiet', `${completedRef(taskId)}^{commit}`], {
            cwd: root,
            allowFailure: true,
        }).stdout.trim();
        log.info(`${taskId} is already completed by ${done.slice(0, 12)} on ${foundOn}: no new commit` +
            (recorded === done
                ? ''
                : ` (found by its \`Task-Id:\` trailer; with the Task Bundle gone, its code is not checked against a judged patch)`));
        const pushed = doPush(root, opts, branch, done, log, recorded === done
            ? undefined
            : `nothing was pushed. Without its Task Bundle Guardian can not check that ${done.slice(0, 12)} holds the judged change ` +
                `and not merely a \`Task-Id: ${taskId}\` trailer: it is not the commit Completion recorded making in this repository (${completedRef(taskId)}). ` +
                `If it is the commit Completion made, push it yourself (\`git push ${(0, commit_js_1.shownUrl)(opts.push ?? 'REMOTE')} ${done}:refs/heads/${branch}\`); ` +
                `otherwise delete it from ${foundOn} and run \`guardian validate ${taskId}\` and \`guardian complete ${taskId}\` again`);
        return {
            taskId,
            commitSha: done,
            branch,
            pushed,
            ...(opts.push ? { remote: (0, commit_js_1.shownUrl)(opts.push) } : {}),
            alreadyCompleted: true,
            foundOn,
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
    // manifest.json's record of the bundle's files is rewritten by every station that runs (each hashes
    // the files as they are then): a station run after the Validator would have taken a validation.json
    // or changes.patch rewritten meanwhile as recorded. Only a record the Validator left is trusted.
    const judgedAt = Date.parse(validateRecord?.finishedAt ?? '');
    const later = bundle_js_1.STATIONS.filter((s) => s !== 'validate' && s !== 'complete' && Date.parse(manifest.stations[s]?.startedAt ?? '') > judgedAt);
    if (later.length) {
        throw new errors_js_1.GuardianError(`${(0, node_path_1.join)(bundleDir, 'manifest.json')}: ${later.join(', ')} ran after the validation (finished ${validateRecord.finishedAt}) and rewrote ` +
            `the record of the bundle's files, so validation.json and changes.patch can no longer be checked against what the Validator recorded: ` +
            `run \`guardian validate ${taskId}\` again; nothing committed`);
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
    const current = bundlePatch === undefined ? (0, patch_js_1.workingTreePatch)(root, base) : undefined;
    let patch = bundlePatch ?? current.patch;
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
        throw new errors_js_1.GuardianError(`refused: ${notJudged(root, bundleDir, report, base, patch, current?.tree)}. Nothing committed: ` +
            `put back what was judged, or run \`guardian validate ${taskId}\` again`);
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
                    moveCheckedOutTree(root, branch, base, commitSha);
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
        // The commit is the judged one: recorded, so that a re-run without the bundle may push it.
        const rec = (0, git_js_1.execGit)(['update-ref', completedRef(taskId), commitSha], { cwd: root, allowFailure: true });
        if (rec.code === 0)
            (0, gitdir_js_1.acceptOwnRefUpdates)(root, commitSha);
        else
            log.warn(`could not record ${commitSha.slice(0, 12)} as ${completedRef(taskId)} (${(0, chars_js_1.escapeControlChars)(rec.stderr.trim().split('\n')[0] ?? '')}): ` +
                'a later `complete --push` without the Task Bundle will not push it');
        const pushed = doPush(root, opts, branch, commitSha, log);
        return {
            result: {
                taskId,
                commitSha,
                branch,
                pushed,
                ...(opts.push ? { remote: (0, commit_js_1.shownUrl)(opts.push) } : {}),
                alreadyCompleted,
                checkedOut,
                bundleDeleted: false,
            },
            record: {
                note: `${commitSha.slice(0, 12)} on ${branch}${pushed && opts.push ? ` pushed to ${(0, commit_js_1.shownUrl)(opts.push)}` : ''}`,
            },
        };
    });
    (0, node_fs_1.rmSync)(bundleDir, { recursive: true, force: true });
    return { ...result, bundleDeleted: true };
}


/***/ })

};
