export const id = 736;
export const ids = [736];
export const modules = {

/***/ 683:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.openGate = openGate;
exports.workingTreeAt = workingTreeAt;
/**
 * What every gate station starts from: the bundle directory, the base commit, and the task and
 * quality.toml as they are AT THE BASE (never as the change left them).
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const index_js_1 = __webpack_require__(5371);
/**
 * Base commit: the bundle manifest's, else `base`, else HEAD. Without a bundle, a minimal one is created
 * (manifest only) so later stations find the reports.
 */
function openGate(opts) {
    const { root, taskId } = opts;
    const bundleDir = (0, bundle_js_1.bundleDirFor)(root, taskId);
    const hasBundle = (0, node_fs_1.existsSync)((0, node_path_1.join)(bundleDir, 'manifest.json'));
    let manifest = hasBundle ? (0, bundle_js_1.readManifest)(bundleDir, taskId) : undefined;
    let baseCommit;
    if (manifest) {
        baseCommit = (0, bundle_js_1.manifestBase)(root, bundleDir, manifest);
        // The bundle travelled through jobs that ran model-written code; a host that knows the base
        // (--base) is trusted over the manifest, and a disagreement is refused rather than resolved.
        if (opts.base !== undefined && (0, git_js_1.resolveCommit)(root, opts.base) !== baseCommit) {
            throw new errors_js_1.ConfigurationError(`--base ${opts.base} is ${(0, git_js_1.resolveCommit)(root, opts.base).slice(0, 12)}, but the Task Bundle's manifest says ${baseCommit.slice(0, 12)}: refusing to judge against a base the host did not ask for (a Task Bundle's base is fixed when the bundle is made; to judge the task against another base, remove .guardian/bundles/${taskId}/ first)`);
        }
    }
    else {
        baseCommit = (0, git_js_1.resolveCommit)(root, opts.base ?? 'HEAD');
    }
    const short = baseCommit.slice(0, 12);
    const project = (0, index_js_1.loadProject)(root, (0, index_js_1.gitSource)(root, baseCommit));
    const task = (0, index_js_1.requireTask)(project, taskId);
    const quality = (0, index_js_1.requireQuality)(project, `the base commit ${short}`);
    if (!task.hasPlan || task.plan.length === 0) {
        throw new errors_js_1.ConfigurationError(`${task.path}: task ${taskId} has no verification plan at the base commit ${short} (a "## Verification Plan" section with a \`\`\`guardian JSON block of steps)`);
    }
    if (!manifest) {
        if (opts.createBundle === false)
            throw new errors_js_1.ConfigurationError(`no Task Bundle for ${taskId} at ${bundleDir}`);
        (0, node_fs_1.mkdirSync)(bundleDir, { recursive: true });
        manifest = (0, bundle_js_1.newManifest)({ taskId, baseCommit, blueprintPath: task.path, blueprintSha256: task.sha256 });
        (0, bundle_js_1.writeManifest)(bundleDir, manifest);
    }
    return { root, bundleDir, manifest, baseCommit, task, quality };
}
/** Whether the working tree is exactly the commit (HEAD there, nothing modified or untracked outside .guardian/). */
function workingTreeAt(root, commit) {
    const head = (0, git_js_1.execGit)(['rev-parse', '--verify', '--quiet', 'HEAD'], {
        cwd: root,
        allowFailure: true,
    }).stdout.trim();
    if (head !== commit)
        return false;
    const st = (0, git_js_1.execGit)(['status', '--porcelain', '-z', '--untracked-files=all'], { cwd: root }).stdout;
    return st
        .split('\0')
        .filter(Boolean)
        .every((e) => e.slice(3).startsWith('.guardian/'));
}


/***/ }),

/***/ 4056:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_DEPENDENCY_ENTRIES = void 0;
exports.dependencyFolders = dependencyFolders;
exports.entrySig = entrySig;
exports.fingerprintDependencies = fingerprintDependencies;
exports.compareDependencies = compareDependencies;
exports.taintPath = taintPath;
exports.readTaint = readTaint;
exports.writeTaint = writeTaint;
exports.depsCheck = depsCheck;
/**
 * `guard:deps`: the dependency folders (node_modules, .venv, venv) the checks take their tools from.
 *
 * A worktree the checks run in has the repository's own dependency folders linked in (see
 * `linkDependencies`), and a check runs the change's code as the user: a test can rewrite
 * `node_modules/<linter>/index.js` through the link. A lint check running after it would then pass code
 * it should fail, and since the folder is the repository's own, so would every later attempt and task.
 *
 * Each folder is fingerprinted before the checks run and compared once they have all ended. Hashing the
 * content is too slow for a node_modules (hundreds of MB, tens of thousands of files), so an entry is
 * fingerprinted by its `lstat` alone: kind, size, mode, inode, and mtime and ctime to the nanosecond. A
 * write in place moves mtime and ctime (putting mtime back with `utimes` still moves ctime, which no
 * process can set); a replacement (a copy renamed over the file) gives the path another inode; a rename
 * or a deletion removes a path and an addition adds one. Directories are compared by kind, mode and
 * inode only: their times move with every entry added inside them, which the walk sees anyway. Links
 * are never followed: a link is compared as itself (its target changes only by replacing it).
 *
 * Left out, because tools write there by design while they run: the cache folders directly inside a
 * node_modules (`.cache`; `.vite`, where vitest keeps its results; `.vitest`; `.tmp`, where Vite's
 * templates keep `tsc -b`'s build info), and files Python adds under `__pycache__` (a venv installed
 * without bytecode); a `__pycache__` file that was there and changed still counts.
 *
 * The tampering outlives the validation, so the entries found changed are also written down (in the
 * main checkout's `.guardian/validator/deps-tainted.json`): the next validation fails too while they are
 * still exactly as the checks left them, and forgets them once they have changed again (reinstalled).
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const gitdir_js_1 = __webpack_require__(9501);
const worktree_js_1 = __webpack_require__(5847);
const fs_js_1 = __webpack_require__(1917);
/** The walk stops after this many entries (all folders together); the rest is not watched. */
exports.MAX_DEPENDENCY_ENTRIES = 300_000;
/** Folders directly inside a node_modules that tools write caches into while they run. */
const NODE_CACHE_DIRS = new Set(['.cache', '.vite', '.vitest', '.tmp']);
/** At most this many changed entries are written down for the next validation. */
const MAX_TAINTED = 1000;
/** The dependency folders of these trees, each real folder once (a linked one is the repository's). */
function dependencyFolders(trees) {
    const seen = new Set();
    const out = [];
    for (const tree of trees) {
        for (const f of (0, worktree_js_1.dependencyFoldersIn)(tree)) {
            if (seen.has(f.real))
                continue;
            seen.add(f.real);
            out.push(f);
        }
    }
    return out;
}
/** An entry's fingerprint from its lstat; null when it does not exist. */
function entrySig(path) {
    let st;
    try {
        st = (0, node_fs_1.lstatSync)(path, { bigint: true });
    }
    catch {
        return null;
    }
    if (st.isDirectory())
        return `d:${st.mode}:${st.ino}`;
    const kind = st.isFile() ? 'f' : st.isSymbolicLink() ? 'l' : 'o';
    return `${kind}:${st.size}:${st.mode}:${st.ino}:${st.mtimeNs}:${st.ctimeNs}`;
}
/** Depth-first, names in sorted order: the order the walk visits paths in (what a cap cuts). */
function walkOrder(a, b) {
    const x = a.split('/');
    const y = b.split('/');
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        if (x[i] !== y[i])
            return x[i] < y[i] ? -1 : 1;
    }
    return x.length - y.length;
}
/**
 * Visits every entry of the folder (itself as '') depth-first in sorted order, up to the budget; returns
 * whether the budget ran out, and the last path visited.
 */
function walk(folder, budget, visit) {
    let last;
    const stack = [''];
    while (stack.length) {
        if (budget.left <= 0)
            return { capped: true, ...(last !== undefined ? { last } : {}) };
        const rel = stack.pop();
        const abs = rel ? (0, node_path_1.join)(folder.real, rel) : folder.real;
        const sig = entrySig(abs);
        if (sig === null)
            continue; // gone while walking: the other walk sees it missing
        budget.left--;
        last = rel;
        if (!sig.startsWith('d:')) {
            visit(rel, sig);
            continue;
        }
        let names;
        try {
            names = (0, node_fs_1.readdirSync)(abs);
        }
        catch {
            visit(rel, `${sig}:unreadable`);
            continue;
        }
        visit(rel, sig);
        const inNodeModules = (0, node_path_1.basename)(abs) === 'node_modules';
        names.sort();
        for (let i = names.length - 1; i >= 0; i--) {
            const name = names[i];
            if (inNodeModules && NODE_CACHE_DIRS.has(name))
                continue;
            stack.push(rel ? `${rel}/${name}` : name);
        }
    }
    return { capped: false };
}
/** Fingerprints every entry of the folders (up to `maxEntries` in all). */
function fingerprintDependencies(folders, maxEntries = exports.MAX_DEPENDENCY_ENTRIES) {
    const started = performance.now();
    const budget = { left: maxEntries };
    const prints = folders.map((folder) => {
        const entries = new Map();
        return { folder, entries, ...walk(folder, budget, (rel, sig) => entries.set(rel, sig)) };
    });
    return {
        folders: prints,
        count: maxEntries - budget.left,
        capped: prints.some((p) => p.capped),
        maxEntries,
        durationMs: Math.round(performance.now() - started),
    };
}
/**
 * What changed in the folders since `before`, sorted by path. Walks them again, comparing as it goes
 * (so only one fingerprint is held in memory); `before` is used up.
 */
function compareDependencies(before) {
    const changes = [];
    const budget = { left: before.maxEntries };
    for (const b of before.folders) {
        const shown = (rel) => (rel ? `${b.folder.name}/${rel}` : b.folder.name);
        const real = (rel) => (rel ? (0, node_path_1.join)(b.folder.real, rel) : b.folder.real);
        const { capped } = walk(b.folder, budget, (rel, sig) => {
            const was = b.entries.get(rel);
            if (was !== undefined) {
                b.entries.delete(rel);
                if (was !== sig)
                    changes.push({ path: shown(rel), real: real(rel), change: 'modified', sig });
                return;
            }
            // Past what the first walk watched: not known to be new.
            if (b.capped && (b.last === undefined || walkOrder(rel, b.last) > 0))
                return;
            if (rel.split('/').includes('__pycache__'))
                return;
            changes.push({ path: shown(rel), real: real(rel), change: 'added', sig });
        });
        // Not seen this time: gone, or past this walk's cap (entries were added before it), looked at one by one.
        for (const [rel, was] of b.entries) {
            const now = capped ? entrySig(real(rel)) : null;
            if (now === null)
                changes.push({ path: shown(rel), real: real(rel), change: 'removed', sig: null });
            else if (now !== was)
                changes.push({ path: shown(rel), real: real(rel), change: 'modified', sig: now });
        }
        b.entries.clear();
    }
    changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    return changes;
}
/**
 * Where the changed entries are written down: the main checkout's `.guardian/validator/` (a task run in
 * a worktree of `guardian milestone` shares it), next to the dependency folders the worktrees link.
 */
function taintPath(root) {
    let main = root;
    try {
        const common = (0, gitdir_js_1.commonGitDir)(root);
        if ((0, node_path_1.basename)(common) === '.git')
            main = (0, node_path_1.dirname)(common);
    }
    catch {
        // not a repository git can read: the root's own
    }
    return (0, node_path_1.join)(main, '.guardian', 'validator', 'deps-tainted.json');
}
function isChange(e) {
    const c = e;
    return (typeof c === 'object' &&
        c !== null &&
        typeof c.path === 'string' &&
        typeof c.real === 'string' &&
        (c.change === 'added' || c.change === 'removed' || c.change === 'modified') &&
        (c.sig === null || typeof c.sig === 'string'));
}
/**
 * The entries an earlier validation found changed that are still exactly as its checks left them
 * (undefined: none). Once none is (they were reinstalled), the record is removed.
 */
function readTaint(root) {
    const p = taintPath(root);
    let doc;
    try {
        doc = JSON.parse((0, node_fs_1.readFileSync)(p, 'utf8'));
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            (0, node_fs_1.rmSync)(p, { force: true });
        return undefined;
    }
    const entries = Array.isArray(doc.entries) ? doc.entries.filter(isChange) : [];
    const still = entries.filter((e) => entrySig(e.real) === e.sig);
    if (still.length === 0) {
        (0, node_fs_1.rmSync)(p, { force: true });
        return undefined;
    }
    return {
        taskId: typeof doc.taskId === 'string' ? doc.taskId : 'an earlier task',
        at: typeof doc.at === 'string' ? doc.at : 'an earlier validation',
        entries: still,
        ...(doc.by === 'coder' ? { by: 'coder' } : {}),
    };
}
/** Writes down the entries the checks changed (with those still changed from before). */
function writeTaint(root, taskId, at, changes, earlier, by = 'checks') {
    const byReal = new Map();
    for (const c of [...(earlier?.entries ?? []), ...changes])
        byReal.set(c.real, c);
    const entries = [...byReal.values()].slice(0, MAX_TAINTED);
    (0, fs_js_1.writeFileAtomic)(taintPath(root), JSON.stringify({ schemaVersion: 1, taskId, at, by, entries }, null, 2) + '\n');
}
// --- The check ---------------------------------------------------------------------------------------
/** Entries named one by one in the output (the one diagnostic names 5). */
const SHOWN_IN_OUTPUT = 20;
const SHOWN_IN_DIAGNOSTIC = 5;
function reinstallHint(changes) {
    const names = new Set(changes.map((c) => c.path.split('/')[0]));
    const hints = [];
    if (names.has('node_modules'))
        hints.push('`npm ci` or your package manager’s clean install');
    if (names.has('.venv') || names.has('venv'))
        hints.push('recreate the virtual environment');
    return hints.length ? ` (${hints.join('; ')})` : '';
}
function listed(changes, max) {
    const lines = changes.slice(0, max).map((c) => `  ${c.change} ${c.path}`);
    if (changes.length > max)
        lines.push(`  … and ${changes.length - max} more`);
    return lines;
}
/**
 * The failing `guard:deps` check: entries the checks changed (`during`), and those an earlier
 * validation found changed that nobody reinstalled since (`still`). Undefined when both are empty.
 */
function depsCheck(opts) {
    const { during } = opts;
    const still = opts.still?.entries.filter((e) => !during.some((d) => d.real === e.real)) ?? [];
    if (during.length === 0 && still.length === 0)
        return undefined;
    const all = [...during, ...still];
    const hint = reinstallHint(all);
    const lines = [];
    if (during.length) {
        lines.push(`the dependencies were modified during the checks: ${during.length} entr${during.length === 1 ? 'y' : 'ies'}:`, ...listed(during, SHOWN_IN_OUTPUT));
    }
    if (still.length) {
        lines.push(`the dependencies are still as ${opts.still.by === 'coder' ? `the Coder's test runs for ${opts.still.taskId}` : `the checks of ${opts.still.taskId}'s validation`} (${opts.still.at}) left them when they modified them: ${still.length} entr${still.length === 1 ? 'y' : 'ies'}:`, ...listed(still, SHOWN_IN_OUTPUT));
    }
    lines.push(`The checks take their tools from these folders (linked into every worktree): a check that wrote there (most likely the change's own tests) may have changed what the checks after it reported, and every later validation until they are reinstalled. Reinstall them${hint} before validating again. A command that writes there by design belongs in \`[setup] commands\`, which run before the folders are watched.`);
    if (opts.cappedAt !== undefined) {
        lines.push(`note: the dependency folders hold more than ${opts.cappedAt} entries; only the first ${opts.cappedAt} (in path order) were watched`);
    }
    const named = all
        .slice(0, SHOWN_IN_DIAGNOSTIC)
        .map((c) => c.path)
        .join(', ');
    const more = all.length > SHOWN_IN_DIAGNOSTIC ? `, +${all.length - SHOWN_IN_DIAGNOSTIC} more` : '';
    const what = during.length
        ? 'the dependencies were modified during the checks'
        : `the dependencies are still modified since ${opts.still.taskId}'s validation`;
    return {
        name: 'guard:deps',
        kind: 'guard',
        description: 'the checks leave the dependency folders they take their tools from (node_modules, .venv) as they found them',
        exitCode: null,
        durationMs: 0,
        outcome: 'fail',
        outputTail: lines.join('\n'),
        diagnostics: [
            {
                file: all[0].path,
                line: 1,
                message: `${what} (${named}${more}; ${all.length} in all): they must be reinstalled${hint} before validating again`,
                tool: 'guard',
            },
        ],
    };
}


/***/ }),

/***/ 1768:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_DIAGNOSTICS_PER_CHECK = void 0;
exports.extractDiagnostics = extractDiagnostics;
/**
 * `file:line` diagnostics from the output of the tools people put in quality.toml, so the Actions host
 * can annotate the lines. Each parser knows one format; a location is kept only when the file exists in
 * the judged tree (which weeds out URLs, timestamps and paths of the tools themselves).
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
exports.MAX_DIAGNOSTICS_PER_CHECK = 200;
// Strip ANSI colour codes: many tools colour their output even in a pipe when FORCE_COLOR is set.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const PY_ERROR = /^(?:[A-Za-z_][\w.]*(?:Error|Exception|Warning|Exit)|AssertionError|Failed|in [\w<>]+)\b/;
function parseLines(text) {
    const out = [];
    const lines = text.replace(ANSI, '').split(/\r?\n/);
    let eslintFile;
    let banditIssue;
    for (let i = 0; i < lines.length; i++) {
        const l = lines[i];
        // Diagnostics are short lines; a huge line (minified output, a model's test printing a blob) would
        // only cost regex time.
        if (l.length > 2000)
            continue;
        let m;
        // tsc: "src/a.ts(12,5): error TS2322: Type 'x' is not assignable …"
        if ((m = /^(\S.*?)\((\d+),(\d+)\): (error|warning) (TS\d+: .*)$/.exec(l))) {
            out.push({ file: m[1], line: +m[2], column: +m[3], message: m[5], tool: 'tsc' });
            continue;
        }
        // tsc --pretty: "src/a.ts:12:5 - error TS2322: …"
        if ((m = /^(\S.*?):(\d+):(\d+) - (error|warning) (TS\d+: .*)$/.exec(l))) {
            out.push({ file: m[1], line: +m[2], column: +m[3], message: m[5], tool: 'tsc' });
            continue;
        }
        // bandit: ">> Issue: [B608:hardcoded_sql_expressions] Possible SQL injection …" … "Location: src/x.py:12:4"
        if ((m = /^>> Issue: (\[[^\]]+\] .*)$/.exec(l))) {
            banditIssue = m[1];
            continue;
        }
        if (banditIssue && (m = /^\s+Location: (.+?):(\d+)(?::(\d+))?\s*$/.exec(l))) {
            out.push({
                file: m[1],
                line: +m[2],
                column: m[3] ? +m[3] : undefined,
                message: banditIssue,
                tool: 'bandit',
            });
            banditIssue = undefined;
            continue;
        }
        // black: "would reformat /abs/src/x.py", "error: cannot format src/x.py: Cannot parse: 12:4: …"
        if ((m = /^would reformat (.+)$/.exec(l))) {
            out.push({ file: m[1].trim(), line: 1, message: 'black would reformat this file', tool: 'black' });
            continue;
        }
        if ((m = /^error: cannot format (.+?): (Cannot parse[^:]*): (\d+):(\d+): (.*)$/.exec(l))) {
            out.push({ file: m[1], line: +m[3], column: +m[4] + 1, message: `${m[2]}: ${m[5]}`, tool: 'black' });
            continue;
        }
        // pytest short summary: "FAILED tests/test_a.py::test_x - AssertionError: …" (line resolved later)
        if ((m = /^(?:FAILED|ERROR) (\S+?\.py)::(\S+)(?: - (.*))?$/.exec(l))) {
            out.push({ file: m[1], line: 0, message: `${m[2]} failed${m[3] ? `: ${m[3]}` : ''}`, tool: 'pytest' });
            continue;
        }
        // pytest traceback location: "tests/test_a.py:42: AssertionError" / "src/x.py:10: in login"
        if ((m = /^(\S+?\.py):(\d+): (.+)$/.exec(l)) && PY_ERROR.test(m[3])) {
            out.push({ file: m[1], line: +m[2], message: m[3], tool: 'pytest' });
            continue;
        }
        // mypy: "src/x.py:12: error: Incompatible …  [assignment]" (with or without a column)
        if ((m = /^(\S+?\.pyi?):(\d+)(?::(\d+))?: (error|warning|note): (.*)$/.exec(l))) {
            if (m[4] === 'note')
                continue;
            out.push({ file: m[1], line: +m[2], column: m[3] ? +m[3] : undefined, message: m[5], tool: 'mypy' });
            continue;
        }
        // ESLint stylish: a path on its own line, then "  12:5  error  Message  rule-id"
        if (/^(\/|\.{0,2}[\w@.-]+\/)\S*\.[cm]?[jt]sx?$/.test(l.trim()) && !l.startsWith(' ')) {
            eslintFile = l.trim();
            continue;
        }
        if (eslintFile && (m = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.*?)(?:\s{2,}([\w@/-]+))?\s*$/.exec(l))) {
            out.push({
                file: eslintFile,
                line: +m[1],
                column: +m[2],
                message: m[5] ? `${m[4]} (${m[5]})` : m[4],
                tool: 'eslint',
            });
            continue;
        }
        if (l.trim() === '')
            eslintFile = undefined;
        // Generic: "path:line:col: message" or "path:line: message" (flake8, ruff, gcc, ESLint unix, …)
        if ((m = /^(\S+?):(\d+)(?::(\d+))?:? (?:-\s)?(.+)$/.exec(l)) && /\.[A-Za-z0-9]+$/.test(m[1])) {
            out.push({
                file: m[1],
                line: +m[2],
                column: m[3] ? +m[3] : undefined,
                message: m[4].trim(),
                tool: 'generic',
            });
        }
    }
    return out;
}
/** Repository-relative path of a file a tool printed, or undefined when it is not in the judged tree. */
function resolveFile(file, dir, aliases) {
    let f = file.replace(/^"|"$/g, '');
    if ((0, node_path_1.isAbsolute)(f)) {
        const base = [dir, ...aliases].find((d) => f === d || f.startsWith(d + '/'));
        if (!base)
            return undefined;
        f = (0, node_path_1.relative)(base, f);
    }
    f = f.replace(/^\.\//, '');
    if (f.startsWith('..') || f === '')
        return undefined;
    try {
        if (!(0, node_fs_1.statSync)((0, node_path_1.join)(dir, f)).isFile())
            return undefined;
    }
    catch {
        return undefined;
    }
    return f.split('\\').join('/');
}
/** The line of `def name` / `function name` in a file, for pytest results that name only the test. */
function findDefinition(path, testId) {
    const name = testId.split('::').pop().replace(/\[.*$/, '');
    try {
        const lines = (0, node_fs_1.readFileSync)(path, 'utf8').split('\n');
        const i = lines.findIndex((l) => new RegExp(`^\\s*(?:async\\s+)?def\\s+${name}\\b`).test(l));
        return i >= 0 ? i + 1 : 1;
    }
    catch {
        return 1;
    }
}
/**
 * Diagnostics in `output`, with paths made relative to `dir` (the tree the tool ran in). `aliases`
 * are other absolute roots that map onto the same files (the repository root when judging a worktree).
 */
function extractDiagnostics(output, dir, aliases = []) {
    const seen = new Set();
    const out = [];
    const specific = new Set();
    const raws = parseLines(output);
    for (const r of raws) {
        const file = resolveFile(r.file, dir, aliases);
        if (!file)
            continue;
        const line = r.line === 0 ? findDefinition((0, node_path_1.join)(dir, file), r.message.split(' ')[0]) : r.line;
        const where = `${file}:${line}`;
        // A generic match of a line another parser understood is the same diagnostic.
        if (r.tool === 'generic' && specific.has(where))
            continue;
        if (r.tool !== 'generic')
            specific.add(where);
        const key = `${where}:${r.column ?? ''}:${r.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({
            file,
            line,
            ...(r.column ? { column: r.column } : {}),
            message: r.message.slice(0, 500),
            tool: r.tool,
        });
        if (out.length >= exports.MAX_DIAGNOSTICS_PER_CHECK)
            break;
    }
    return out;
}


/***/ }),

/***/ 5736:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isTestFile = exports.extractDiagnostics = void 0;
exports.runValidator = runValidator;
/**
 * The Validator station: one deterministic verdict on one change. It reads its rules from the base
 * commit, runs every quality check and final-submit plan step, applies the guard rules to the change,
 * proves red/green in a worktree, and writes validation.json + validation.md into the Task Bundle.
 */
const node_os_1 = __webpack_require__(8161);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const patch_js_1 = __webpack_require__(1586);
const gitdir_js_1 = __webpack_require__(9501);
const worktree_js_1 = __webpack_require__(5847);
const index_js_1 = __webpack_require__(2157);
const fs_js_1 = __webpack_require__(1917);
const index_js_2 = __webpack_require__(5073);
const log_js_1 = __webpack_require__(9906);
const context_js_1 = __webpack_require__(683);
const deps_js_1 = __webpack_require__(4056);
const state_js_1 = __webpack_require__(3549);
const test_counts_js_1 = __webpack_require__(1803);
const timings_js_1 = __webpack_require__(3867);
const guard_js_1 = __webpack_require__(8969);
const run_checks_js_1 = __webpack_require__(7976);
const types_js_1 = __webpack_require__(3889);
__exportStar(__webpack_require__(3889), exports);
var diagnostics_js_1 = __webpack_require__(1768);
Object.defineProperty(exports, "extractDiagnostics", ({ enumerable: true, get: function () { return diagnostics_js_1.extractDiagnostics; } }));
var guard_js_2 = __webpack_require__(8969);
Object.defineProperty(exports, "isTestFile", ({ enumerable: true, get: function () { return guard_js_2.isTestFile; } }));
function timeoutMs(seconds, quality) {
    return Math.round((seconds ?? quality.validator.defaultTimeout) * 1000);
}
/** Prepares a worktree's dependencies: `[setup] commands` when there are any, else links node_modules/.venv. */
async function prepareTree(root, dir, quality, runEnv, label, force) {
    if (quality.setup.commands.length === 0) {
        if (dir !== root)
            (0, worktree_js_1.linkDependencies)(root, dir);
        return [];
    }
    if (dir === root && !force)
        return [];
    const results = [];
    for (const [i, command] of quality.setup.commands.entries()) {
        const { check } = await (0, run_checks_js_1.runCheck)({
            name: `setup:${label}:${i + 1}`,
            kind: 'quality',
            description: `[setup] command ${i + 1} (${label} tree)`,
            command,
            expects: 'pass',
            cwd: dir,
            timeoutMs: timeoutMs(quality.setup.timeout, quality),
            env: {},
            exclusive: false,
        }, runEnv);
        results.push(check);
        if (check.outcome !== 'pass')
            break;
    }
    return results;
}
function loadSecurityChecks(path, bytes) {
    if (bytes === undefined)
        return { checks: [], problems: [] };
    let doc;
    try {
        doc = JSON.parse(bytes.toString('utf8'));
    }
    catch (e) {
        return { checks: [], problems: [`${path}: not valid JSON (${e.message})`] };
    }
    return (0, guard_js_1.securityChecksOf)(doc, path);
}
function redGreen(steps, results, testPaths) {
    const lines = [
        `red tree: the base commit + ${testPaths.length} test file(s) of the change${testPaths.length ? `: ${testPaths.join(', ')}` : ''}`,
    ];
    if (steps.length === 0) {
        return {
            name: 'tdd:red-green',
            kind: 'tdd',
            description: 'the plan has no final-submit step that expects pass: nothing shows the change works',
            exitCode: null,
            durationMs: 0,
            outcome: 'fail',
            outputTail: 'no final-submit step with "expects": "pass" in the verification plan',
            diagnostics: [],
        };
    }
    const naming = steps.map((s) => testPaths.some((p) => s.command.includes(p)));
    const mustFail = naming.some(Boolean) ? naming : steps.map(() => false);
    let ok = true;
    let anyRed = false;
    steps.forEach((s, i) => {
        const r = results[i];
        const red = r.timedOut || r.exitCode !== 0;
        anyRed ||= red;
        const status = r.timedOut ? 'timed out' : r.error && r.exitCode === null ? r.error : `exit ${r.exitCode}`;
        if (mustFail[i] && !red)
            ok = false;
        lines.push(`${red ? 'red  ' : 'GREEN'} \`${s.command}\` (${status})${mustFail[i] && !red ? ' <- passes without the implementation' : ''}`);
    });
    if (!naming.some(Boolean) && !anyRed)
        ok = false;
    if (!ok) {
        lines.push('the tests do not exercise the change: with only the test files applied to the base, the plan passes without the implementation');
    }
    const failures = steps.filter((_, i) => !results[i].timedOut && results[i].exitCode === 0 && (mustFail[i] || !anyRed));
    return {
        name: 'tdd:red-green',
        kind: 'tdd',
        description: "the plan's tests fail on the base with only the change's test files, and pass with the whole change",
        command: steps.map((s) => s.command).join(' ; '),
        expects: 'fail',
        exitCode: null,
        durationMs: results.reduce((t, r) => t + r.durationMs, 0),
        outcome: ok ? 'pass' : 'fail',
        outputTail: lines.join('\n'),
        diagnostics: ok
            ? []
            : (testPaths.length ? testPaths : ['']).filter(Boolean).map((file) => ({
                file,
                line: 1,
                message: `new or changed tests pass without the implementation (${failures.map((s) => s.command).join(', ')})`,
                tool: 'tdd',
            })),
    };
}
/**
 * The judged runs of the plan's tests must have run the tests: as many as the same command ran on the
 * red tree (the same test files without the implementation), or — when the red run printed no test
 * summary (a TypeScript build that fails without the implementation) — on the base commit, which the
 * change may only add tests to. A judged run printing failures under exit 0 fails too, for every check.
 */
async function checkTestsRan(ran, redSteps, redOuts, plan, added, baseDir, runAtBase) {
    const judged = ran.filter((o) => !o.red);
    const runOf = (raw) => ({
        checks: judged.filter((o) => o.raw === raw).map((o) => o.check),
        raw,
    });
    const done = new Set();
    let base;
    if (redOuts.length === redSteps.length) {
        for (const [i, s] of redSteps.entries()) {
            const green = judged.find((o) => o.check.name === `plan:${plan.indexOf(s) + 1}`);
            if (!green || done.has(green.raw))
                continue;
            done.add(green.raw);
            const red = (0, test_counts_js_1.parseTestCounts)(redOuts[i].raw.output);
            let expected = red && { counts: red, where: "the red tree (the base with the change's test files)" };
            const passed = green.raw.exitCode === 0 && !green.raw.timedOut;
            if (!expected && passed && (0, test_counts_js_1.parseTestCounts)(green.raw.output)) {
                base ??= baseDir();
                const dir = await base;
                const counts = dir ? (0, test_counts_js_1.parseTestCounts)((await runAtBase(s, dir)).output) : undefined;
                if (counts)
                    expected = { counts, where: 'the base commit' };
            }
            (0, test_counts_js_1.judgeTestCounts)(runOf(green.raw), expected, added);
        }
    }
    for (const o of judged) {
        if (done.has(o.raw))
            continue;
        done.add(o.raw);
        (0, test_counts_js_1.judgeTestCounts)(runOf(o.raw), undefined, added);
    }
}
async function runValidator(opts) {
    const log = opts.log ?? log_js_1.silentLogger;
    const gate = (0, context_js_1.openGate)({ root: opts.root, taskId: opts.taskId, base: opts.base, log });
    const { root, bundleDir, baseCommit, task, quality } = gate;
    const finalSteps = task.plan.filter((s) => s.stage === 'final-submit');
    if (finalSteps.length === 0) {
        throw new errors_js_1.ConfigurationError(`${task.path}: task ${task.id} has no final-submit step in its verification plan: the Validator has nothing to prove the change with`);
    }
    // The bundle's files are read (and refused when unreadable) before the manifest records anything.
    const bundlePatch = (0, bundle_js_1.readBundleBytes)(bundleDir, 'changes.patch');
    const securityPath = opts.securityJson ?? (0, node_path_1.join)(bundleDir, 'security.json');
    const securityBytes = (0, bundle_js_1.readInputFile)(securityPath, opts.securityJson ? 'file' : 'Task Bundle file');
    (0, bundle_js_1.checkBundleWritable)(bundleDir, ['validation.json', 'validation.md']);
    const report = await (0, bundle_js_1.recordStation)(bundleDir, task.id, 'validate', async () => {
        const startedAt = new Date();
        const fromBundle = bundlePatch !== undefined;
        let patch;
        let tree;
        if (bundlePatch !== undefined) {
            patch = bundlePatch;
            tree = (0, patch_js_1.applyPatchToTree)(root, baseCommit, patch, 'changes.patch');
        }
        else {
            ({ patch, tree } = (0, patch_js_1.workingTreePatch)(root, baseCommit));
        }
        const patchSha256 = (0, fs_js_1.sha256)(patch);
        const inPlace = !fromBundle && !opts.clean && !quality.validator.cleanWorktree;
        const changed = (0, patch_js_1.changedFiles)(root, baseCommit, tree);
        const { added, removed } = (0, patch_js_1.lineChanges)(root, baseCommit, tree);
        log.info(`validating ${task.id} against ${baseCommit.slice(0, 12)}: ${changed.length} file(s) changed (${fromBundle ? 'changes.patch' : inPlace ? 'working tree, in place' : 'working tree, in a clean worktree'})`);
        const worktrees = [];
        try {
            const runEnv = {
                env: opts.env,
                secretEnv: quality.validator.secretEnv,
                signal: opts.signal,
                log,
                aliases: [],
                shared: new Map(),
            };
            // Guard rules first: they cost nothing and a change that breaks them fails whatever its tests say.
            const guardInput = {
                changed,
                added,
                removed,
                baseFiles: new Set((0, git_js_1.listFilesAt)(root, baseCommit)),
                // quality.toml's own list (the parser fills in the defaults when [guard] protected is absent).
                protectedGlobs: quality.guard.protected,
                allowSkipMarkers: quality.guard.allowSkipMarkers,
                relevantTests: task.relevantTests,
            };
            const read = {
                base: (p) => (0, git_js_1.showFile)(root, baseCommit, p),
                changed: (p) => (0, git_js_1.showFile)(root, tree, p),
            };
            const guards = [
                (0, guard_js_1.protectedPathsCheck)(guardInput),
                (0, guard_js_1.gitConfigFilesCheck)(changed, (0, gitdir_js_1.includedWorkTreeFiles)(root)),
                (() => {
                    const special = (0, patch_js_1.changedSpecialEntries)(root, baseCommit, tree);
                    return (0, guard_js_1.linksCheck)(special.links, special.treeLinks, special.gitlinks, special.baseLinks);
                })(),
                (0, guard_js_1.testFilesCheck)(guardInput, read),
                (0, guard_js_1.skipMarkersCheck)(guardInput),
                (0, guard_js_1.toolConfigCheck)(guardInput, read, quality.guard.allowConfigChanges, 
                // Exactly what this validation runs (from the base): a Makefile is tool configuration when
                // one of these runs make.
                [
                    ...quality.setup.commands,
                    ...quality.checks.map((q) => q.command),
                    ...task.plan.map((s) => s.command),
                ]),
            ];
            if (changed.length === 0) {
                guards.push({
                    name: 'guard:non-empty',
                    kind: 'guard',
                    description: 'the change changes something',
                    exitCode: null,
                    durationMs: 0,
                    outcome: 'fail',
                    outputTail: `the change is empty: ${fromBundle ? 'changes.patch has no changes' : 'the working tree equals the base commit'}`,
                    diagnostics: [],
                });
            }
            const sec = loadSecurityChecks(securityPath, securityBytes);
            for (const problem of sec.problems) {
                guards.push({
                    name: 'security:security.json',
                    kind: 'guard',
                    description: 'security.json can be read',
                    exitCode: null,
                    durationMs: 0,
                    outcome: 'error',
                    outputTail: problem,
                    diagnostics: [],
                });
            }
            for (const spec of sec.checks)
                guards.push((0, guard_js_1.securityCheck)(spec, added));
            for (const g of guards)
                log.info(`  ${g.outcome === 'pass' ? '✓' : '✗'} ${g.name}`);
            const failFast = opts.failFast ?? quality.validator.failFast;
            const jobs = Math.max(1, opts.jobs ?? quality.validator.jobs ?? (0, node_os_1.availableParallelism)());
            const checks = [...guards];
            let notRun = 0;
            const failedAlready = () => failFast && checks.some((c) => c.outcome !== 'pass');
            // What the checks run may not change the repository's git settings (hooks, config): watched from
            // after the setup commands (quality.toml's own, such as an `npm ci` that installs husky's hooks
            // path) to the end of the checks, put back and reported below.
            let gitDir;
            let gitDirChecked = false;
            let state;
            try {
                // The judged tree: the working tree itself, or a clean worktree of the base with the patch applied.
                let judged = root;
                if (!inPlace) {
                    const wt = (0, worktree_js_1.addWorktree)(root, baseCommit, tree);
                    worktrees.push(wt);
                    judged = wt.dir;
                    runEnv.aliases = [root];
                }
                const greenSteps = finalSteps;
                const redSteps = finalSteps.filter((s) => s.expects === 'pass');
                const testPaths = changed
                    .filter((f) => f.status !== 'D' && (0, guard_js_1.isTestFile)(f.path, task.relevantTests))
                    .map((f) => f.path);
                let redDir;
                if (!failedAlready() && redSteps.length) {
                    const redTree = (0, patch_js_1.overlayPaths)(root, baseCommit, tree, testPaths);
                    const wt = (0, worktree_js_1.addWorktree)(root, baseCommit, redTree);
                    worktrees.push(wt);
                    redDir = wt.dir;
                }
                if (!failedAlready()) {
                    // One tree after the other: both trees' worktrees share the repository's git directory, and
                    // setup commands write there (husky's `prepare` runs `git config core.hooksPath`): run side
                    // by side, one of two such writes fails on git's config lock ("could not lock config file").
                    checks.push(...(await prepareTree(root, judged, quality, runEnv, 'judged', opts.runSetup ?? false)));
                    if (redDir)
                        checks.push(...(await prepareTree(root, redDir, quality, runEnv, 'red', true)));
                }
                const watched = (0, gitdir_js_1.snapshotGitDir)(root);
                gitDir = watched;
                // The judged worktree as the checks find it (after its setup commands).
                const judgedBefore = judged !== root ? (0, patch_js_1.workingTreeTree)(judged) : undefined;
                // guard:deps: the dependency folders the checks take their tools from (the repository's own,
                // linked into the worktrees, or a worktree's own from its setup commands) are fingerprinted
                // now and compared once every check has ended. An earlier validation's finding that nobody
                // reinstalled since fails this one before anything runs.
                let taint;
                try {
                    taint = (0, deps_js_1.readTaint)(root);
                }
                catch (e) {
                    log.warn(`guard:deps: could not read what earlier validations found: ${e.message}`);
                }
                const stillTainted = taint ? (0, deps_js_1.depsCheck)({ during: [], still: taint }) : undefined;
                if (stillTainted) {
                    log.info(`  ✗ ${stillTainted.name}`);
                    checks.push(stillTainted);
                }
                let depsBefore;
                const depFolders = (0, deps_js_1.dependencyFolders)([root, judged, ...(redDir ? [redDir] : [])]);
                if (depFolders.length && !failedAlready()) {
                    depsBefore = (0, deps_js_1.fingerprintDependencies)(depFolders);
                    log.debug(`guard:deps: ${depsBefore.count} entries of ${depFolders.map((f) => f.real).join(', ')} fingerprinted in ${depsBefore.durationMs} ms`);
                    if (depsBefore.capped) {
                        log.warn(`guard:deps: the dependency folders hold more than ${depsBefore.maxEntries} entries; only the first ${depsBefore.maxEntries} are watched`);
                    }
                }
                // Guardian's own files within a check's reach: the bundle being judged and the record of
                // neutered dependency folders (as read above), compared and put back once the checks have ended.
                state = (0, state_js_1.snapshotState)([bundleDir], [(0, deps_js_1.taintPath)(root)]);
                const commandChecks = [
                    ...quality.checks.map((q) => ({
                        name: q.name,
                        kind: 'quality',
                        command: q.command,
                        expects: 'pass',
                        cwd: judged,
                        timeoutMs: timeoutMs(q.timeout, quality),
                        env: q.env,
                        exclusive: q.exclusive,
                    })),
                    ...greenSteps.map((s) => ({
                        name: `plan:${task.plan.indexOf(s) + 1}`,
                        kind: 'plan',
                        description: s.description,
                        command: s.command,
                        expects: s.expects,
                        cwd: judged,
                        timeoutMs: timeoutMs(s.timeout, quality),
                        env: {},
                        exclusive: false,
                    })),
                ];
                // Longest first, from the last run's timings; a duplicate of an earlier command (it will share
                // that command's run) goes last so it does not hold a worker while it waits.
                const timings = (0, timings_js_1.loadTimings)(root);
                const seen = new Set();
                const longest = new Map();
                for (const c of commandChecks) {
                    longest.set((0, run_checks_js_1.sharedRunKey)(c), Math.max(longest.get((0, run_checks_js_1.sharedRunKey)(c)) ?? 0, c.timeoutMs));
                }
                for (const c of commandChecks)
                    c.runTimeoutMs = longest.get((0, run_checks_js_1.sharedRunKey)(c));
                const expected = (tree, c) => {
                    const key = (0, run_checks_js_1.sharedRunKey)(c);
                    if (seen.has(key))
                        return 0;
                    seen.add(key);
                    return timings[(0, timings_js_1.timingKey)(tree, c.command)];
                };
                const jobsList = [
                    ...commandChecks.map((c) => ({
                        exclusive: c.exclusive,
                        expectedMs: expected('judged', c),
                        run: async () => ({ ...(await (0, run_checks_js_1.runCheck)(c, runEnv)), red: false }),
                    })),
                    ...(redDir
                        ? redSteps.map((s, i) => ({
                            expectedMs: expected('red', { cwd: redDir, command: s.command, env: {} }),
                            run: async () => ({
                                ...(await (0, run_checks_js_1.runCheck)({
                                    name: `red:${i + 1}`,
                                    kind: 'tdd',
                                    command: s.command,
                                    expects: 'fail',
                                    cwd: redDir,
                                    timeoutMs: timeoutMs(s.timeout, quality),
                                    env: {},
                                    exclusive: false,
                                }, { ...runEnv, log: log_js_1.silentLogger })),
                                red: true,
                            }),
                        }))
                        : []),
                ];
                const outs = failedAlready()
                    ? jobsList.map(() => undefined)
                    : await (0, index_js_1.runPool)(jobsList, {
                        jobs,
                        failFast,
                        isFailure: (o) => !o.red && o.check.outcome !== 'pass',
                    });
                if (opts.signal?.aborted) {
                    throw new errors_js_1.GuardianError('validation interrupted: every check was stopped; no verdict written');
                }
                const ran = outs.filter((o) => o !== undefined);
                (0, timings_js_1.saveTimings)(root, timings, Object.fromEntries(ran.map((o) => [(0, timings_js_1.timingKey)(o.red ? 'red' : 'judged', o.raw.command), o.raw.durationMs])));
                checks.push(...ran.filter((o) => !o.red).map((o) => o.check));
                notRun = outs.filter((o, i) => o === undefined && i < commandChecks.length).length;
                const redOuts = ran.filter((o) => o.red);
                if (redDir && redOuts.length === redSteps.length) {
                    const tdd = redGreen(redSteps, redOuts.map((o) => o.raw), testPaths);
                    log.info(`  ${tdd.outcome === 'pass' ? '✓' : '✗'} ${tdd.name}`);
                    checks.push(tdd);
                }
                else if (redSteps.length === 0) {
                    checks.push(redGreen([], [], testPaths));
                }
                else {
                    notRun++;
                }
                if (!quality.guard.allowSkipMarkers && !opts.signal?.aborted) {
                    const base = async () => {
                        const wt = (0, worktree_js_1.addWorktree)(root, baseCommit);
                        worktrees.push(wt);
                        const setup = await prepareTree(root, wt.dir, quality, runEnv, 'base', true);
                        return setup.every((c) => c.outcome === 'pass') ? wt.dir : undefined;
                    };
                    await checkTestsRan(ran, redSteps, redOuts, task.plan, added, base, (s, cwd) => (0, run_checks_js_1.runCheck)({
                        name: 'base',
                        kind: 'tdd',
                        command: s.command,
                        expects: 'pass',
                        cwd,
                        timeoutMs: timeoutMs(s.timeout, quality),
                        env: {},
                        exclusive: false,
                    }, { ...runEnv, log: log_js_1.silentLogger }).then((r) => r.raw));
                    if (opts.signal?.aborted) {
                        throw new errors_js_1.GuardianError('validation interrupted: every check was stopped; no verdict written');
                    }
                }
                // Every check has ended: whatever still works in their worktrees was left behind (a daemon that
                // left its process group and cleared its environment escapes the per-command sweep).
                const leftovers = (0, index_js_1.killWorkingIn)(worktrees.map((w) => w.dir));
                if (leftovers > 0) {
                    log.warn(`${leftovers} process(es) the checks started were still running in their worktrees; killed`);
                    checks.push({
                        name: 'guard:processes',
                        kind: 'guard',
                        description: 'nothing the checks started is still running when they have all ended',
                        exitCode: null,
                        durationMs: 0,
                        outcome: 'fail',
                        outputTail: `${leftovers} process(es) the checks started were still running in the checks' worktrees after every check had ended; killed (code under test must not leave anything running)`,
                        diagnostics: [],
                    });
                }
                const stateChanges = (0, state_js_1.restoreState)(state);
                state = undefined;
                if (stateChanges.length) {
                    log.warn(`the checks changed Guardian's own files: ${stateChanges.map((c) => `${c.path} ${c.change}`).join('; ')}`);
                    checks.push((0, state_js_1.stateCheck)(root, stateChanges));
                }
                if (depsBefore) {
                    const changes = (0, deps_js_1.compareDependencies)(depsBefore);
                    if (changes.length) {
                        log.warn(`the checks modified the dependency folders: ${changes
                            .slice(0, 5)
                            .map((c) => `${c.path} ${c.change}`)
                            .join('; ')}${changes.length > 5 ? `; ${changes.length} in all` : ''}`);
                        try {
                            (0, deps_js_1.writeTaint)(root, task.id, startedAt.toISOString(), changes, taint);
                        }
                        catch (e) {
                            log.warn(`guard:deps: could not write the finding down for the next validation: ${e.message}`);
                        }
                        const deps = (0, deps_js_1.depsCheck)({
                            during: changes,
                            ...(taint ? { still: taint } : {}),
                            ...(depsBefore.capped ? { cappedAt: depsBefore.maxEntries } : {}),
                        });
                        const at = checks.findIndex((c) => c.name === deps.name);
                        if (at >= 0)
                            checks[at] = deps;
                        else
                            checks.push(deps);
                    }
                }
                gitDirChecked = true;
                const gitChanges = (0, gitdir_js_1.restoreGitDir)(watched);
                if (gitChanges.length) {
                    const shown = (c) => `${(0, gitdir_js_1.shownGitPath)(root, watched, c.path)} ${c.change}${c.restored ? ', put back' : ', NOT put back: check it'}`;
                    log.warn(`the checks changed the repository's git settings: ${gitChanges.map(shown).join('; ')}`);
                    checks.push({
                        name: 'guard:git-dir',
                        kind: 'guard',
                        description: "the checks leave the repository's git settings (config, hooks, info), its refs and the global git config as they found them",
                        exitCode: null,
                        durationMs: 0,
                        outcome: 'fail',
                        outputTail: `the checks changed the repository's git settings, which a later git command would obey:\n${gitChanges.map(shown).join('\n')}`,
                        diagnostics: gitChanges.map((c) => ({
                            file: (0, gitdir_js_1.shownGitPath)(root, watched, c.path),
                            line: 1,
                            message: `${c.change} by a check during validation${c.restored ? ' (put back as it was)' : ''}`,
                            tool: 'guard',
                        })),
                    });
                }
                // Checks that ran in the working tree must not have changed it: the commit would differ from
                // what was judged (a test writing a file that is not git-ignored, a formatter run in write mode).
                if (inPlace) {
                    const after = (0, patch_js_1.workingTreeTree)(root);
                    if (after !== tree) {
                        const touched = (0, patch_js_1.changedFiles)(root, tree, after);
                        checks.push({
                            name: 'guard:unchanged-tree',
                            kind: 'guard',
                            description: 'the checks leave the working tree as they found it',
                            exitCode: null,
                            durationMs: 0,
                            outcome: 'fail',
                            outputTail: `the checks changed the working tree (git-ignore what they write, or stop them writing):\n${touched
                                .map((f) => `${f.status} ${f.path}`)
                                .join('\n')}`,
                            diagnostics: touched.map((f) => ({
                                file: f.path,
                                line: 1,
                                message: `written by a check during validation (${f.status})`,
                                tool: 'guard',
                            })),
                        });
                    }
                }
                else if (judgedBefore) {
                    // In a clean worktree a check may write new files (build output), but not rewrite the change's
                    // own: a test that writes the implementation into the worktree before importing it would pass
                    // on code that is not what gets committed.
                    const after = (0, patch_js_1.workingTreeTree)(judged);
                    const touched = after === judgedBefore
                        ? []
                        : (0, patch_js_1.changedFiles)(judged, judgedBefore, after).filter((f) => f.status !== 'A');
                    if (touched.length) {
                        checks.push({
                            name: 'guard:unchanged-tree',
                            kind: 'guard',
                            description: "the checks leave the judged tree's files as they found them",
                            exitCode: null,
                            durationMs: 0,
                            outcome: 'fail',
                            outputTail: `the checks changed files of the judged tree, so they did not judge the change as it will be committed:\n${touched
                                .map((f) => `${f.status} ${f.oldPath ?? f.path}`)
                                .join('\n')}`,
                            diagnostics: touched.map((f) => ({
                                file: f.oldPath ?? f.path,
                                line: 1,
                                message: `${f.status === 'D' ? 'removed' : f.status === 'R' ? `renamed to ${f.path}` : 'rewritten'} by a check during validation: the checks ran on other code than the change holds`,
                                tool: 'guard',
                            })),
                        });
                    }
                }
            }
            finally {
                // Interrupted or failed: the settings are still put back.
                if (gitDir && !gitDirChecked)
                    (0, gitdir_js_1.restoreGitDir)(gitDir);
                if (state)
                    (0, state_js_1.restoreState)(state);
            }
            const { verdict, summary } = (0, run_checks_js_1.summarize)(checks, notRun);
            // What the checks printed (a failing test's assertion, a file's name) is redacted like the bundle.
            const result = await (0, index_js_2.redactStrings)({
                schemaVersion: types_js_1.VALIDATION_SCHEMA_VERSION,
                taskId: task.id,
                verdict,
                baseCommit,
                patchSha256,
                patchSource: fromBundle ? 'bundle' : 'working-tree',
                judgedIn: inPlace ? 'in-place' : 'clean-worktree',
                changedFiles: changed.map((f) => f.path),
                startedAt: startedAt.toISOString(),
                durationMs: Date.now() - startedAt.getTime(),
                checks,
                summary,
            });
            (0, bundle_js_1.writeBundleFile)(bundleDir, 'validation.json', JSON.stringify(result, null, 2) + '\n');
            (0, bundle_js_1.writeBundleFile)(bundleDir, 'validation.md', (0, run_checks_js_1.renderMarkdown)(`Validation of ${task.id}`, [
                `Task: ${task.title}`,
                `Base commit: \`${baseCommit}\``,
                `Patch: ${fromBundle ? '`changes.patch`' : 'the working tree'}, sha256 \`${patchSha256}\`, ${changed.length} file(s), judged ${inPlace ? 'in place' : 'in a clean worktree of the base'}`,
                `Duration: ${(result.durationMs / 1000).toFixed(1)} s`,
            ], result.checks, verdict, result.summary));
            return {
                result,
                record: {
                    verdict,
                    note: summary.slice(0, 500),
                    ...(verdict === 'fail' ? { status: 'failed' } : {}),
                },
            };
        }
        finally {
            for (const wt of worktrees)
                wt.remove();
        }
    });
    return {
        report,
        bundleDir,
        reportPath: (0, node_path_1.join)(bundleDir, 'validation.json'),
        markdownPath: (0, node_path_1.join)(bundleDir, 'validation.md'),
    };
}


/***/ }),

/***/ 7976:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.sharedRunKey = sharedRunKey;
exports.runCheck = runCheck;
exports.summarize = summarize;
exports.mdText = mdText;
exports.codeSpan = codeSpan;
exports.renderMarkdown = renderMarkdown;
/** Running command checks (quality.toml entries, plan steps) and turning results into report entries. */
const index_js_1 = __webpack_require__(2157);
const output_js_1 = __webpack_require__(2228);
const markdown_js_1 = __webpack_require__(7183);
const diagnostics_js_1 = __webpack_require__(1768);
/** Checks with the same key run once: same directory, command and environment. */
function sharedRunKey(c) {
    return JSON.stringify([c.cwd, c.command, c.env]);
}
async function runCheck(c, r) {
    const base = r.env ?? process.env;
    const key = sharedRunKey(c);
    let pending = r.shared?.get(key);
    const reused = pending !== undefined;
    if (!pending) {
        pending = (0, index_js_1.runCommand)({
            command: c.command,
            cwd: c.cwd,
            timeoutMs: Math.max(c.timeoutMs, c.runTimeoutMs ?? 0),
            env: { ...base, ...c.env },
            secretEnv: r.secretEnv,
            // A check's own `env` names are wanted even when they look like secrets (e.g. a test DB token).
            allowEnv: Object.keys(c.env),
            signal: r.signal,
        });
        r.shared?.set(key, pending);
    }
    const raw = await pending;
    // A shared run that outlived this check's own (shorter) timeout is a timeout for this check.
    const overran = !raw.timedOut && raw.durationMs > c.timeoutMs;
    const outcome = overran ? 'timeout' : (0, index_js_1.judge)(raw, c.expects);
    let outputTail = (0, output_js_1.tailOf)(raw.output);
    if (raw.timedOut && raw.durationMs >= c.timeoutMs)
        outputTail += `\n[timed out after ${Math.round(c.timeoutMs / 1000)} s; process group killed]`;
    if (overran)
        outputTail += `\n[took ${(raw.durationMs / 1000).toFixed(1)} s, over this check's timeout of ${Math.round(c.timeoutMs / 1000)} s]`;
    if (raw.error)
        outputTail += `\n[${raw.error}]`;
    const check = {
        name: c.name,
        kind: c.kind,
        ...(c.description ? { description: c.description } : {}),
        command: c.command,
        expects: c.expects,
        exitCode: raw.exitCode,
        signal: raw.signal,
        durationMs: raw.durationMs,
        outcome,
        outputTail: outputTail.trim(),
        ...(raw.truncated ? { truncated: true } : {}),
        // Diagnostics of a step that is expected to fail are what it is supposed to print.
        diagnostics: outcome !== 'pass' && c.expects === 'pass' ? (0, diagnostics_js_1.extractDiagnostics)(raw.output, c.cwd, r.aliases) : [],
    };
    const secs = (raw.durationMs / 1000).toFixed(1);
    const same = reused ? ', same run as an identical command' : '';
    if (outcome === 'pass')
        r.log.info(`  ✓ ${c.name} (${secs} s${same})`);
    else {
        const why = raw.timedOut ? 'timed out' : raw.error ? raw.error : `exit ${raw.exitCode ?? raw.signal}`;
        r.log.info(`  ✗ ${c.name} (${why}, ${secs} s${same})`);
    }
    return { check, raw };
}
function summarize(checks, notRun) {
    const failed = checks.filter((c) => c.outcome !== 'pass');
    const skipped = notRun > 0 ? ` (${notRun} not run: --fail-fast)` : '';
    if (failed.length === 0 && notRun === 0) {
        const by = (k) => checks.filter((c) => c.kind === k).length;
        return {
            verdict: 'pass',
            summary: `pass: ${checks.length} checks (${by('quality')} quality, ${by('plan')} plan, ${by('guard')} guard, ${by('tdd')} tdd)`,
        };
    }
    return {
        verdict: 'fail',
        summary: `fail: ${failed.map((c) => (c.outcome === 'pass' || c.outcome === 'fail' ? c.name : `${c.name} (${c.outcome})`)).join(', ')}${skipped}`,
    };
}
/*
 * Markdown helpers. validation.md is rendered by GitHub (and shown in job summaries), and much of what
 * goes into it comes from the checks' output, which the change controls: file names, tool messages,
 * output tails. Text outside code is HTML-escaped and kept on one line; code spans and fences are
 * delimited by more backticks than the text holds in a row, so nothing inside can end them early.
 */
/** Plain text on one line, HTML-escaped. */
function mdText(s) {
    return (0, markdown_js_1.escapeHtml)(s.replace(/\r?\n|\r/g, ' '));
}
/** An inline code span holding `s` literally (on one line). */
function codeSpan(s) {
    const text = s.replace(/\r?\n|\r/g, ' ');
    const n = (0, markdown_js_1.longestBackticks)(text);
    const tick = '`'.repeat(n + 1);
    // A space on each side (removed again by the renderer) keeps a backtick at either end off the delimiter.
    return n ? `${tick} ${text} ${tick}` : `${tick}${text}${tick}`;
}
/** A table cell: one line, pipes escaped. */
const cell = (s) => mdText(s).replace(/\|/g, '\\|');
const codeCell = (s) => codeSpan(s).replace(/\|/g, '\\|');
/** validation.md / prestart.md: a table and the output of each failing check. */
function renderMarkdown(title, meta, checks, verdict, summary) {
    const rows = checks.map((c) => {
        const exit = c.exitCode ?? (c.signal ? c.signal : c.kind === 'guard' ? '' : '—');
        const mark = c.outcome === 'pass' ? '✅ pass' : c.outcome === 'fail' ? '❌ fail' : `⚠️ ${c.outcome}`;
        return `| ${cell(c.name)} | ${c.kind} | ${mark} | ${cell(String(exit))} | ${(c.durationMs / 1000).toFixed(1)} s | ${c.command ? codeCell(c.command) : cell(c.description ?? '')} |`;
    });
    const parts = [
        `# ${mdText(title)}: ${verdict.toUpperCase()}`,
        '',
        // HTML-escaped (a task title may hold `<…>`); the callers' code spans hold no `<`, `>` or `&`.
        ...meta.map((m) => `- ${mdText(m)}`),
        '',
        `**${mdText(summary)}**`,
        '',
        '| check | kind | outcome | exit | time | command |',
        '|---|---|---|---|---|---|',
        ...rows,
        '',
    ];
    const failed = checks.filter((c) => c.outcome !== 'pass');
    if (failed.length) {
        parts.push('## Failures', '');
        for (const c of failed) {
            parts.push(`### ${mdText(c.name)}${c.command ? ` — ${codeSpan(c.command)}` : ''}`, '');
            if (c.description)
                parts.push(mdText(c.description), '');
            if (c.diagnostics.length) {
                for (const d of c.diagnostics.slice(0, 50)) {
                    parts.push(`- ${codeSpan(`${d.file}:${d.line}${d.column ? `:${d.column}` : ''}`)} ${mdText(d.message)}${d.tool ? ` (${mdText(d.tool)})` : ''}`);
                }
                parts.push('');
            }
            if (c.kind !== 'guard' || c.diagnostics.length === 0) {
                const fence = (0, markdown_js_1.fenceFor)(c.outputTail);
                parts.push(fence + 'text', c.outputTail, fence, '');
            }
        }
    }
    return parts.join('\n');
}


/***/ }),

/***/ 3549:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.snapshotState = snapshotState;
exports.restoreState = restoreState;
exports.stateCheck = stateCheck;
/**
 * Guardian's own files that a check could reach: the Task Bundle being judged (its manifest, the patch,
 * security.json, …) and the Validator's record of neutered dependency folders. A check runs the change's
 * code, and both are a known path away from the tree it runs in (`git rev-parse --git-common-dir` leads
 * from a worktree to the main checkout). They are read before the checks run and compared after: what a
 * check changed is put back, and `guard:state` fails the verdict — a test that removes the record of the
 * linter its change neutered would otherwise let the next validation run the neutered linter.
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const fs_js_1 = __webpack_require__(1917);
/** Files larger than this are compared by size and time only, and cannot be put back. */
const MAX_KEPT_BYTES = 32 * 1024 * 1024;
/** At most this many files of one folder are watched. */
const MAX_FILES = 2000;
function listFiles(dir, out) {
    let names;
    try {
        names = (0, node_fs_1.readdirSync)(dir).sort();
    }
    catch {
        return;
    }
    for (const name of names) {
        if (out.length >= MAX_FILES)
            return;
        const p = (0, node_path_1.join)(dir, name);
        try {
            const st = (0, node_fs_1.lstatSync)(p);
            if (st.isDirectory())
                listFiles(p, out);
            else
                out.push(p);
        }
        catch {
            // gone meanwhile
        }
    }
}
function keep(path) {
    try {
        const st = (0, node_fs_1.lstatSync)(path);
        if (!st.isFile())
            return { stamp: `not a file: ${st.mode}` };
        if (st.size > MAX_KEPT_BYTES)
            return { stamp: `${st.size}:${st.mtimeMs}` };
        return { bytes: (0, node_fs_1.readFileSync)(path) };
    }
    catch {
        return undefined;
    }
}
function same(a, b) {
    if (a.bytes && b.bytes)
        return a.bytes.equals(b.bytes);
    return a.stamp !== undefined && a.stamp === b.stamp;
}
function watchedPaths(dirs, files) {
    const out = [];
    for (const d of dirs) {
        const inDir = [];
        listFiles(d, inDir);
        out.push(...inDir);
    }
    return [...new Set([...out, ...files])];
}
function snapshotState(dirs, files) {
    const kept = new Map();
    for (const p of watchedPaths(dirs, files)) {
        const k = keep(p);
        if (k)
            kept.set(p, k);
    }
    return { dirs, files, kept };
}
/** What changed since the snapshot, put back where it can be (a removed or rewritten file, an added one). */
function restoreState(before) {
    const changes = [];
    const now = new Set(watchedPaths(before.dirs, before.files));
    for (const p of new Set([...before.kept.keys(), ...now])) {
        const was = before.kept.get(p);
        const is = now.has(p) ? keep(p) : undefined;
        if (was && is && same(was, is))
            continue;
        if (!was && !is)
            continue;
        const change = !was ? 'added' : !is ? 'removed' : 'modified';
        let restored = false;
        try {
            if (!was) {
                (0, node_fs_1.rmSync)(p, { force: true, recursive: true });
                restored = true;
            }
            else if (was.bytes) {
                if (is)
                    (0, node_fs_1.rmSync)(p, { force: true, recursive: true });
                (0, fs_js_1.writeFileAtomic)(p, was.bytes);
                restored = true;
            }
        }
        catch {
            restored = false;
        }
        changes.push({ path: p, change, restored });
    }
    return changes.sort((a, b) => a.path.localeCompare(b.path));
}
/** `guard:state` for what the checks changed, with paths shown relative to the repository. */
function stateCheck(root, changes) {
    const shown = (p) => {
        const rel = (0, node_path_1.relative)(root, p);
        return rel && !rel.startsWith('..') && !(0, node_path_1.isAbsolute)(rel) ? rel.split('\\').join('/') : p;
    };
    const line = (c) => `${shown(c.path)} ${c.change}${c.restored ? ', put back' : ', NOT put back: check it'}`;
    return {
        name: 'guard:state',
        kind: 'guard',
        description: "the checks leave the Task Bundle and the Validator's own records as they found them",
        exitCode: null,
        durationMs: 0,
        outcome: 'fail',
        outputTail: `the checks changed Guardian's own files, which later stations and validations trust:\n${changes.map(line).join('\n')}`,
        diagnostics: changes.map((c) => ({
            file: shown(c.path),
            line: 1,
            message: `${c.change} by a check during validation${c.restored ? ' (put back)' : ''}`,
            tool: 'guard',
        })),
    };
}


/***/ }),

/***/ 1803:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseTestCounts = parseTestCounts;
exports.shownCounts = shownCounts;
exports.judgeTestCounts = judgeTestCounts;
// Terminal colour and cursor sequences (a runner that forces colour), removed before reading.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
/** pytest's last line: `=== 1 failed, 5 passed, 2 skipped in 0.12s ===`, `-q`: `7 passed in 3.54s`. */
const PYTEST = /^=*\s*((?:\d+ (?:passed|failed|errors?|skipped|deselected|xfailed|xpassed|warnings?|rerun|subtests? \w+)(?:, )?)+)\s+in\s+[\d.]+s\b.*$|^=*\s*no tests ran in [\d.]+s\b/;
/** node:test's spec (`ℹ tests 19`) and TAP (`# tests 19`) reporters. */
const NODE_TEST = /^\s*(?:ℹ|#)\s+(tests|pass|fail|cancelled|skipped|todo)\s+(\d+)\s*$/;
/** Jest: `Tests:       1 failed, 2 skipped, 5 passed, 8 total`. */
const JEST = /^\s*Tests:\s+((?:\d+ \w+, )*\d+ total)\s*$/;
/** Vitest: ` Tests  1 failed | 5 passed | 2 skipped (8)`. */
const VITEST = /^\s*Tests\s+((?:\d+ \w+(?: \| )?)+)\s+\((\d+)\)\s*$/;
/** node:test's entry for a whole file that reported no tests: `✔ build/test/store.test.js (82ms)`, TAP `ok 1 - /abs/x.test.js`. */
const NODE_FILE = /^(?:✔ (\S+\.[cm]?[jt]sx?) \([\d.]+m?s\)|ok \d+ - (\S+\.[cm]?[jt]sx?))\s*$/;
/** unittest: `Ran 5 tests in 0.001s`, then `OK (skipped=1)` or `FAILED (failures=1, errors=1)`. */
const UNITTEST_RAN = /^Ran (\d+) tests? in [\d.]+s\s*$/;
const UNITTEST_END = /^(?:OK|FAILED)(?: \(([\w=, ]*)\))?\s*$/;
/** Mocha: `  5 passing (20ms)`, `  1 failing`, `  2 pending`. */
const MOCHA = /^\s+(\d+) (passing|failing)(?: \(\d+m?s\))?\s*$/;
function pairs(text, sep) {
    const out = new Map();
    for (const part of text.split(sep)) {
        const m = /^\s*(\d+) ([\w ]+?)\s*$/.exec(part);
        if (m)
            out.set(m[2], (out.get(m[2]) ?? 0) + Number(m[1]));
    }
    return out;
}
/** The tests a run reports, summed over every summary it prints; undefined when it prints none. */
function parseTestCounts(output) {
    let found = false;
    let ran = 0;
    let failed = 0;
    const lines = [];
    const emptyFiles = [];
    // After unittest's `Ran N tests`, its verdict line.
    let unittest = false;
    // node:test prints its counts on separate lines: collected per block.
    let node;
    const endNode = () => {
        if (!node)
            return;
        const tests = node.get('tests') ?? 0;
        ran += Math.max(0, tests - (node.get('skipped') ?? 0) - (node.get('todo') ?? 0));
        failed += (node.get('fail') ?? 0) + (node.get('cancelled') ?? 0);
        node = undefined;
    };
    for (const raw of output.split(/\r?\n/)) {
        const line = raw.replace(ANSI, '');
        const f = NODE_FILE.exec(line);
        if (f)
            emptyFiles.push(f[1] ?? f[2]);
        const n = NODE_TEST.exec(line);
        if (n) {
            if (n[1] === 'tests') {
                endNode();
                node = new Map();
                found = true;
                lines.push(line.trim());
            }
            node?.set(n[1], Number(n[2]));
            continue;
        }
        let m = PYTEST.exec(line);
        if (m) {
            found = true;
            lines.push(line.trim());
            const p = pairs(m[1] ?? '', /, /);
            const get = (k) => p.get(k) ?? 0;
            ran += get('passed') + get('failed') + get('error') + get('errors') + get('xfailed') + get('xpassed');
            failed += get('failed') + get('error') + get('errors');
            continue;
        }
        m = JEST.exec(line);
        if (m) {
            found = true;
            lines.push(line.trim());
            const p = pairs(m[1], /, /);
            ran += (p.get('total') ?? 0) - (p.get('skipped') ?? 0) - (p.get('todo') ?? 0);
            failed += p.get('failed') ?? 0;
            continue;
        }
        m = VITEST.exec(line);
        if (m) {
            found = true;
            lines.push(line.trim());
            const p = pairs(m[1], / \| /);
            ran += Number(m[2]) - (p.get('skipped') ?? 0) - (p.get('todo') ?? 0);
            failed += p.get('failed') ?? 0;
            continue;
        }
        m = UNITTEST_RAN.exec(line);
        if (m) {
            found = true;
            lines.push(line.trim());
            ran += Number(m[1]);
            unittest = true;
            continue;
        }
        m = unittest ? UNITTEST_END.exec(line) : null;
        if (m) {
            unittest = false;
            lines.push(line.trim());
            for (const [, key, n] of (m[1] ?? '').matchAll(/(\w+)=(\d+)/g)) {
                if (key === 'failures' || key === 'errors')
                    failed += Number(n);
                if (key === 'skipped')
                    ran -= Number(n);
            }
            continue;
        }
        m = MOCHA.exec(line);
        if (m) {
            found = true;
            lines.push(line.trim());
            ran += Number(m[1]);
            if (m[2] === 'failing')
                failed += Number(m[1]);
        }
    }
    endNode();
    return found ? { ran, failed, lines, emptyFiles } : undefined;
}
/** How a count reads in a message. */
function shownCounts(c) {
    if (!c)
        return 'no test summary';
    return `${c.ran} test(s) run${c.failed ? `, ${c.failed} failed` : ''} (${c.lines.slice(-3).join(' / ')})`;
}
/** Added lines that can end a process or set its exit status: where to look when tests did not run. */
const EXITS = /\b(?:os\s*\.\s*_exit|sys\s*\.\s*exit|pytest\s*\.\s*exit|process\s*\.\s*(?:exit|reallyExit|abort|kill))\s*\(|\braise\s+SystemExit\b|\batexit\s*\.\s*register\b|\bprocess\s*\.\s*exitCode\b|\bprocess\s*\.\s*on\s*\(\s*['"`](?:exit|beforeExit)/;
/**
 * Fails the judged checks whose run did not run the tests it should have: fewer than `expected` (what
 * the same command ran on the red tree or the base), or a summary reporting failures under exit 0.
 * Returns whether any check was failed.
 */
function judgeTestCounts(run, expected, added) {
    if (run.raw.exitCode !== 0 || run.raw.timedOut)
        return false;
    const got = parseTestCounts(run.raw.output);
    const problems = [];
    // `pytest || true`: the base's own command tolerates failures.
    if (got && got.failed > 0 && !run.raw.command.includes('||')) {
        problems.push(`the run exited 0 but its summary reports ${got.failed} failed test(s): something rewrote the exit status (${got.lines.slice(-3).join(' / ')})`);
    }
    if (got?.emptyFiles.length) {
        problems.push(`the test file(s) ${got.emptyFiles.slice(0, 5).join(', ')} ran no test and ended with status 0: the process ended before its tests ran`);
    }
    if (expected && expected.counts.ran > 0 && (!got || got.ran < expected.counts.ran)) {
        problems.push(`the same command ran ${expected.counts.ran} test(s) on ${expected.where} but ${got ? `only ${got.ran}` : 'printed no test summary'} with the change: the tests did not all run (the process ended early, or tests were skipped at run time; set [guard] allow_skip_markers = true in quality.toml if the change is meant to run fewer tests)`);
    }
    if (!problems.length)
        return false;
    const hints = added
        .filter((l) => EXITS.test(l.text))
        .slice(0, 20)
        .map((l) => ({
        file: l.file,
        line: l.line,
        message: `the change adds a line that can end the test process or set its exit status: ${l.text.trim().slice(0, 200)}`,
        tool: 'tdd',
    }));
    for (const c of run.checks) {
        if (c.outcome !== 'pass')
            continue;
        c.outcome = 'fail';
        c.outputTail = `${c.outputTail}\n${problems.map((p) => `[${p}]`).join('\n')}`.trim();
        c.diagnostics = [...c.diagnostics, ...hints];
    }
    return true;
}


/***/ }),

/***/ 3867:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.timingsPath = timingsPath;
exports.timingKey = timingKey;
exports.loadTimings = loadTimings;
exports.saveTimings = saveTimings;
/**
 * How long each check took last time, so the next validation starts the longest ones first (with two
 * workers and one slow test suite, starting it last can make the whole run a third longer). Kept in
 * `.guardian/validator/timings.json`; a missing or unreadable file only means no history.
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const fs_js_1 = __webpack_require__(1917);
function timingsPath(root) {
    return (0, node_path_1.join)(root, '.guardian', 'validator', 'timings.json');
}
/** The key of a command: which tree it runs in (judged / red) and the command itself. */
function timingKey(tree, command) {
    return `${tree}\u0000${command}`;
}
function loadTimings(root) {
    const p = timingsPath(root);
    if (!(0, node_fs_1.existsSync)(p))
        return {};
    try {
        const data = JSON.parse((0, node_fs_1.readFileSync)(p, 'utf8'));
        const out = {};
        for (const [k, v] of Object.entries(data.timings ?? {}))
            if (typeof v === 'number' && v >= 0)
                out[k] = v;
        return out;
    }
    catch {
        return {};
    }
}
/** Merges new durations (an average with the previous one, so one slow run does not dominate). */
function saveTimings(root, previous, measured) {
    const next = { ...previous };
    for (const [k, ms] of Object.entries(measured)) {
        next[k] = previous[k] === undefined ? ms : Math.round((previous[k] + ms) / 2);
    }
    try {
        (0, fs_js_1.writeFileAtomic)(timingsPath(root), JSON.stringify({ schemaVersion: 1, timings: next }, null, 2) + '\n');
    }
    catch {
        // A read-only checkout: no history next time, nothing else changes.
    }
}


/***/ }),

/***/ 3889:
/***/ ((__unused_webpack_module, exports) => {


/**
 * `validation.json`: the Validator's verdict and everything it is based on. Written into the Task
 * Bundle next to `validation.md`; read by Completion (verdict + patch hash), the Actions host
 * (annotations, job summary) and the Supervisor. Documented in docs/validation.md.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VALIDATION_SCHEMA_VERSION = void 0;
exports.VALIDATION_SCHEMA_VERSION = 1;


/***/ }),

/***/ 7183:
/***/ ((__unused_webpack_module, exports) => {


// Untrusted text in Markdown: job summaries and the Validator's reports.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.escapeHtml = escapeHtml;
exports.longestBackticks = longestBackticks;
exports.fenceFor = fenceFor;
/** `&`, `<` and `>` as entities: text that cannot open a tag. */
function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** The longest run of backticks in `s` (0 without one). */
function longestBackticks(s) {
    return Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
}
/** A fence for a code block holding `text`: longer than any run of backticks in it, so nothing inside closes it. */
function fenceFor(text) {
    return '`'.repeat(Math.max(3, longestBackticks(text) + 1));
}


/***/ })

};
