export const id = 842;
export const ids = [842];
export const modules = {

/***/ 6782:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TASK_ID_PATTERN = exports.STATIONS = exports.BUNDLE_SCHEMA_VERSION = void 0;
exports.bundleDirFor = bundleDirFor;
exports.emptyUsage = emptyUsage;
exports.newManifest = newManifest;
exports.readManifest = readManifest;
exports.manifestBase = manifestBase;
exports.shownPath = shownPath;
exports.describeJson = describeJson;
exports.bundleFieldError = bundleFieldError;
exports.isJsonObject = isJsonObject;
exports.checkManifest = checkManifest;
exports.readInputFile = readInputFile;
exports.readBundleJson = readBundleJson;
exports.checkBundleWritable = checkBundleWritable;
exports.writeManifest = writeManifest;
exports.verifyBundle = verifyBundle;
exports.writeBundleFile = writeBundleFile;
exports.readBundleFile = readBundleFile;
exports.readBundleBytes = readBundleBytes;
exports.addUsage = addUsage;
exports.recordStation = recordStation;
/**
 * The Task Bundle on disk: `.guardian/bundles/<TASK-ID>/`. Every station reads the bundle, does its
 * work, and records itself in `manifest.json`. Writes are atomic so an interrupted station never leaves
 * half a file behind.
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const chars_js_1 = __webpack_require__(5153);
const fs_js_1 = __webpack_require__(1917);
exports.BUNDLE_SCHEMA_VERSION = 1;
exports.STATIONS = ['prestart', 'bundle', 'security', 'code', 'validate', 'complete'];
exports.TASK_ID_PATTERN = /^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$/;
function bundleDirFor(root, taskId) {
    if (!exports.TASK_ID_PATTERN.test(taskId) || taskId.length > 64) {
        throw new errors_js_1.ConfigurationError(`invalid task id '${taskId}': expected letters, digits and dashes, like TASK-042`, { exitCode: 2 });
    }
    const dir = (0, node_path_1.join)(root, '.guardian', 'bundles', taskId);
    // Read or written, a bundle is the one in this repository's .guardian/, never one behind a link.
    (0, fs_js_1.refuseLinkedState)(dir);
    return dir;
}
function emptyUsage() {
    return { promptTokens: 0, completionTokens: 0, cachedTokens: 0, costUsd: 0 };
}
function newManifest(init) {
    return {
        schemaVersion: exports.BUNDLE_SCHEMA_VERSION,
        ...init,
        createdAt: new Date().toISOString(),
        stations: {},
        files: {},
        usage: emptyUsage(),
    };
}
/** Reads and checks a bundle's manifest; a missing bundle or one of another task is a user error. */
function readManifest(dir, expectedTaskId) {
    const path = (0, node_path_1.join)(dir, 'manifest.json');
    if (!(0, node_fs_1.existsSync)(path)) {
        throw new errors_js_1.ConfigurationError(`no Task Bundle at ${dir} (manifest.json missing): run \`guardian bundle ${expectedTaskId ?? 'TASK-ID'}\` first`);
    }
    const m = readBundleJson(dir, 'manifest.json', checkManifest);
    if (!m)
        throw new errors_js_1.ConfigurationError(`no Task Bundle at ${dir} (manifest.json missing)`);
    if (expectedTaskId && m.taskId !== expectedTaskId) {
        throw new errors_js_1.ConfigurationError(`${shownPath(path)}: this bundle belongs to task ${m.taskId}, not ${expectedTaskId}`);
    }
    return m;
}
/**
 * The manifest's base commit, resolved in `root`: a commit this repository does not have (a bundle from
 * elsewhere, a shallow clone, a tampered field) is one message naming the field.
 */
function manifestBase(root, dir, m) {
    try {
        return (0, git_js_1.resolveCommit)(root, m.baseCommit);
    }
    catch {
        throw new errors_js_1.ConfigurationError(`${shownPath((0, node_path_1.join)(dir, 'manifest.json'))}: field \`baseCommit\` is ${m.baseCommit.slice(0, 12)}, which is not a commit of the repository at ${root} (a bundle from another repository, or a shallow clone without it)`);
    }
}
/** A path as messages show it: relative to the working directory when it is inside it. */
function shownPath(p) {
    const rel = (0, node_path_1.relative)(process.cwd(), p);
    return rel !== '' && !rel.startsWith('..') && !(0, node_path_1.isAbsolute)(rel) ? (0, fs_js_1.toPosix)(rel) : p;
}
/** What a JSON value is, for messages: "a number", "an array", "null", … */
function describeJson(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'object')
        return 'an object';
    if (typeof v === 'string')
        return v.length > 40 ? 'a string' : `the string ${JSON.stringify(v)}`;
    if (typeof v === 'number' || typeof v === 'boolean')
        return `the ${typeof v} ${String(v)}`;
    return typeof v;
}
/** The user error for a field of a bundle file that does not have the expected shape. */
function bundleFieldError(file, field, expected, got) {
    return new errors_js_1.ConfigurationError(`${file}: field \`${field}\` must be ${expected}, got ${describeJson(got)}`);
}
function isJsonObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isCount = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
function checkUsage(file, field, v) {
    const what = 'an object of promptTokens, completionTokens, cachedTokens and costUsd (numbers ≥ 0)';
    if (!isJsonObject(v))
        throw bundleFieldError(file, field, what, v);
    for (const k of ['promptTokens', 'completionTokens', 'cachedTokens', 'costUsd']) {
        if (!isCount(v[k]))
            throw bundleFieldError(file, `${field}.${k}`, 'a number ≥ 0', v[k]);
    }
    return v;
}
const STATUSES = ['running', 'ok', 'failed', 'skipped'];
function checkStationRecord(file, field, v) {
    if (!isJsonObject(v))
        throw bundleFieldError(file, field, 'a station record (an object)', v);
    if (typeof v.status !== 'string' || !STATUSES.includes(v.status)) {
        throw bundleFieldError(file, `${field}.status`, `one of ${STATUSES.join(', ')}`, v.status);
    }
    if (typeof v.startedAt !== 'string')
        throw bundleFieldError(file, `${field}.startedAt`, 'a string', v.startedAt);
    for (const k of ['finishedAt', 'note', 'stopReason']) {
        if (v[k] !== undefined && typeof v[k] !== 'string')
            throw bundleFieldError(file, `${field}.${k}`, 'a string', v[k]);
    }
    if (v.durationMs !== undefined && !isCount(v.durationMs))
        throw bundleFieldError(file, `${field}.durationMs`, 'a number ≥ 0', v.durationMs);
    if (v.attempt !== undefined && !(Number.isInteger(v.attempt) && v.attempt >= 1))
        throw bundleFieldError(file, `${field}.attempt`, 'a whole number ≥ 1', v.attempt);
    if (v.verdict !== undefined && v.verdict !== 'pass' && v.verdict !== 'fail')
        throw bundleFieldError(file, `${field}.verdict`, '"pass" or "fail"', v.verdict);
    if (v.usage !== undefined)
        checkUsage(file, `${field}.usage`, v.usage);
    return v;
}
/**
 * Checks the shape of a parsed manifest.json (it travels between jobs as an artifact, so it is
 * untrusted): every field the stations rely on has the type they expect.
 */
function checkManifest(doc, file) {
    if (!isJsonObject(doc)) {
        throw new errors_js_1.ConfigurationError(`${file}: not a Guardian manifest (expected a JSON object, got ${describeJson(doc)})`);
    }
    if (doc.schemaVersion !== exports.BUNDLE_SCHEMA_VERSION) {
        throw new errors_js_1.ConfigurationError(`${file}: bundle schema version ${describeJson(doc.schemaVersion)} is not supported (field \`schemaVersion\` must be ${exports.BUNDLE_SCHEMA_VERSION})`);
    }
    if (typeof doc.taskId !== 'string' || !exports.TASK_ID_PATTERN.test(doc.taskId) || doc.taskId.length > 64) {
        throw bundleFieldError(file, 'taskId', 'a task id like TASK-042', doc.taskId);
    }
    if (typeof doc.baseCommit !== 'string' || !/^[0-9a-f]{7,64}$/i.test(doc.baseCommit)) {
        throw bundleFieldError(file, 'baseCommit', 'a commit id (7 to 64 hex digits)', doc.baseCommit);
    }
    for (const k of ['blueprintPath', 'blueprintSha256', 'createdAt']) {
        if (doc[k] === undefined)
            doc[k] = '';
        else if (typeof doc[k] !== 'string')
            throw bundleFieldError(file, k, 'a string', doc[k]);
    }
    // The blueprint's path is quoted in what stations write (task_context.md, reports): a line break in
    // it would start headings of its own there, a `..` would point outside the repository.
    if (doc.blueprintPath) {
        const bad = (0, chars_js_1.hasControlChar)(doc.blueprintPath)
            ? 'a path with control characters (line breaks, terminal escapes)'
            : (0, fs_js_1.checkRepoRelativePath)(doc.blueprintPath);
        if (bad) {
            throw new errors_js_1.ConfigurationError(`${file}: field \`blueprintPath\` is ${bad}: expected the repository-relative path of the task's blueprint; rebuild the bundle with \`guardian bundle ${doc.taskId}\``);
        }
    }
    doc.stations ??= {};
    if (!isJsonObject(doc.stations)) {
        throw bundleFieldError(file, 'stations', 'an object of station records', doc.stations);
    }
    for (const [name, rec] of Object.entries(doc.stations)) {
        if (!exports.STATIONS.includes(name)) {
            throw new errors_js_1.ConfigurationError(`${file}: field \`stations\` has an unknown station ${JSON.stringify(name)} (expected ${exports.STATIONS.join(', ')})`);
        }
        checkStationRecord(file, `stations.${name}`, rec);
    }
    doc.files ??= {};
    if (!isJsonObject(doc.files)) {
        throw bundleFieldError(file, 'files', 'an object of bundle-relative paths to sha256 hashes', doc.files);
    }
    for (const [rel, hash] of Object.entries(doc.files)) {
        const bad = (0, fs_js_1.checkRepoRelativePath)(rel);
        if (bad) {
            throw new errors_js_1.ConfigurationError(`${file}: field \`files\` names ${JSON.stringify(rel)}, ${bad}: expected paths inside the bundle`);
        }
        if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))
            throw bundleFieldError(file, `files[${JSON.stringify(rel)}]`, 'a sha256 hash (64 hex digits)', hash);
    }
    doc.usage = doc.usage === undefined ? emptyUsage() : checkUsage(file, 'usage', doc.usage);
    return doc;
}
function errnoText(e) {
    const code = e?.code;
    switch (code) {
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'EISDIR':
            return 'it is a directory, not a file';
        case 'ENOTDIR':
            return 'a part of its path is a file, not a directory';
        case 'ELOOP':
            return 'too many levels of symbolic links';
        default:
            return code ? `${code}: ${e.message}` : String(e?.message ?? e);
    }
}
/**
 * The bytes of a file the user (or a previous job) handed over, or undefined when it does not exist.
 * Anything else that keeps it from being read — a directory, a symbolic link, a device, no permission
 * — is a user error naming the file.
 */
function readInputFile(path, what = 'Task Bundle file') {
    let st;
    try {
        st = (0, node_fs_1.lstatSync)(path);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw new errors_js_1.ConfigurationError(`${shownPath(path)}: cannot read this ${what}: ${errnoText(e)}`, {
            cause: e,
        });
    }
    if (!st.isFile()) {
        const kind = st.isDirectory()
            ? 'a directory'
            : st.isSymbolicLink()
                ? 'a symbolic link'
                : 'not a regular file';
        throw new errors_js_1.ConfigurationError(`${shownPath(path)}: cannot read this ${what}: it is ${kind}, expected a regular file`);
    }
    try {
        return (0, node_fs_1.readFileSync)(path);
    }
    catch (e) {
        throw new errors_js_1.ConfigurationError(`${shownPath(path)}: cannot read this ${what}: ${errnoText(e)}`, {
            cause: e,
        });
    }
}
/**
 * A bundle file parsed as JSON and checked by `check` (which throws a user error naming the field), or
 * undefined when the file does not exist.
 */
function readBundleJson(dir, rel, check) {
    const path = (0, node_path_1.join)(dir, rel);
    const text = readBundleFile(dir, rel);
    if (text === undefined)
        return undefined;
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new errors_js_1.ConfigurationError(`${shownPath(path)}: not valid JSON (${e.message})`);
    }
    return check(doc, shownPath(path));
}
/**
 * Refuses, before any work starts, bundle files a station will write when something other than a
 * regular file (a directory, a symbolic link) is in their place.
 */
function checkBundleWritable(dir, rels) {
    for (const rel of rels) {
        const path = (0, node_path_1.join)(dir, rel);
        let st;
        try {
            st = (0, node_fs_1.lstatSync)(path);
        }
        catch (e) {
            if (e.code === 'ENOENT')
                continue;
            throw new errors_js_1.ConfigurationError(`${shownPath(path)}: cannot write this Task Bundle file: ${errnoText(e)}`);
        }
        if (!st.isFile()) {
            throw new errors_js_1.ConfigurationError(`${shownPath(path)}: cannot write this Task Bundle file: ${st.isDirectory() ? 'a directory' : 'something that is not a regular file'} is in its place`);
        }
    }
}
/** Regular files of a bundle (bundle-relative, posix) and the entries that are neither files nor directories. */
function walk(dir, base = dir, out = { files: [], dirs: [], other: [] }) {
    for (const name of (0, node_fs_1.readdirSync)(dir).sort()) {
        const p = (0, node_path_1.join)(dir, name);
        const rel = (0, fs_js_1.toPosix)((0, node_path_1.relative)(base, p));
        const st = (0, node_fs_1.lstatSync)(p);
        if (st.isDirectory()) {
            out.dirs.push(rel);
            walk(p, base, out);
        }
        else if (st.isFile()) {
            if (!name.endsWith('.tmp'))
                out.files.push(rel);
        }
        else
            out.other.push(rel);
    }
    return out;
}
function listFiles(dir) {
    return walk(dir).files;
}
/** Hashes every bundle file (so the next job can check what it downloaded) and writes the manifest. */
function writeManifest(dir, m) {
    const files = {};
    if ((0, node_fs_1.existsSync)(dir)) {
        for (const rel of listFiles(dir)) {
            if (rel === 'manifest.json')
                continue;
            files[rel] = (0, fs_js_1.sha256)((0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, rel)));
        }
    }
    m.files = files;
    (0, fs_js_1.writeFileAtomic)((0, node_path_1.join)(dir, 'manifest.json'), JSON.stringify(m, null, 2) + '\n');
}
/** Problems with the bundle's files compared to the manifest's hashes (empty when intact). */
function verifyBundle(dir, m = readManifest(dir)) {
    const problems = [];
    const { files, dirs, other } = walk(dir);
    const present = new Set(files.filter((f) => f !== 'manifest.json'));
    for (const [rel, hash] of Object.entries(m.files)) {
        if (dirs.includes(rel))
            problems.push(`${rel}: a directory, but manifest.json lists a file there`);
        else if (other.includes(rel))
            continue;
        else if (!present.has(rel))
            problems.push(`${rel}: listed in manifest.json but missing`);
        else if ((0, fs_js_1.sha256)(readInputFile((0, node_path_1.join)(dir, rel)) ?? Buffer.alloc(0)) !== hash)
            problems.push(`${rel}: sha256 differs from manifest.json`);
        present.delete(rel);
    }
    for (const rel of present)
        problems.push(`${rel}: not listed in manifest.json`);
    for (const rel of other)
        problems.push(`${rel}: not a regular file (a bundle holds only files and folders)`);
    return problems;
}
function writeBundleFile(dir, rel, data) {
    checkBundleWritable(dir, [rel]);
    (0, fs_js_1.writeFileAtomic)((0, node_path_1.join)(dir, rel), data);
}
/** A bundle file's text, or undefined when it does not exist; unreadable is a user error naming it. */
function readBundleFile(dir, rel) {
    return readInputFile((0, node_path_1.join)(dir, rel))?.toString('utf8');
}
/** A bundle file's bytes (a patch), or undefined when it does not exist. */
function readBundleBytes(dir, rel) {
    return readInputFile((0, node_path_1.join)(dir, rel));
}
function addUsage(a, b) {
    return {
        promptTokens: a.promptTokens + (b?.promptTokens ?? 0),
        completionTokens: a.completionTokens + (b?.completionTokens ?? 0),
        cachedTokens: a.cachedTokens + (b?.cachedTokens ?? 0),
        costUsd: Math.round((a.costUsd + (b?.costUsd ?? 0)) * 1e6) / 1e6,
    };
}
/**
 * Records a station's start and end in the manifest around `fn`. On a thrown error the station is
 * recorded as failed (with the message) and the error re-thrown.
 */
async function recordStation(dir, taskId, station, fn) {
    const startedAt = new Date();
    const m0 = readManifest(dir, taskId);
    m0.stations[station] = { status: 'running', startedAt: startedAt.toISOString() };
    writeManifest(dir, m0);
    try {
        const { result, record } = await fn();
        const m = readManifest(dir, taskId);
        m.stations[station] = {
            status: 'ok',
            ...record,
            startedAt: startedAt.toISOString(),
            finishedAt: new Date().toISOString(),
            durationMs: Date.now() - startedAt.getTime(),
        };
        if (record?.usage)
            m.usage = addUsage(m.usage, record.usage);
        writeManifest(dir, m);
        return result;
    }
    catch (e) {
        let m;
        try {
            m = (0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'manifest.json')) ? readManifest(dir, taskId) : undefined;
        }
        catch {
            m = undefined; // a manifest damaged meanwhile: report the station's own error, not this one
        }
        if (m) {
            m.stations[station] = {
                status: 'failed',
                startedAt: startedAt.toISOString(),
                finishedAt: new Date().toISOString(),
                durationMs: Date.now() - startedAt.getTime(),
                note: e.message?.slice(0, 500),
            };
            writeManifest(dir, m);
        }
        throw e;
    }
}


/***/ }),

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
    // `--root "$REPO"` with REPO unset would otherwise run in the current directory (and commit there).
    if (root === '')
        throw new errors_js_1.UsageError('--root: empty value; expected <dir>: repository root');
    const abs = (0, node_path_1.resolve)(ctx.io.cwd, root ?? '.');
    if (!(0, node_fs_1.existsSync)(abs) || !(0, node_fs_1.statSync)(abs).isDirectory())
        throw new errors_js_1.UsageError(`--root ${root ?? '.'}: not a directory`);
    // A bare repository, or the .git folder of a clone: git answers there, but there are no files to
    // read or change, and its own refusals ("must be run in a work tree") say nothing of the cause.
    if ((0, git_js_1.isGitDirWithoutWorkTree)(abs)) {
        throw new errors_js_1.UsageError(`${abs} is a git directory without a work tree (a bare repository, or inside .git): run Guardian in the work tree of a clone`);
    }
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
/**
 * `list` and `next` read only the blueprints that load: one with errors would be left out without a
 * word (and `next` could pick a task behind it). A note on stderr names them; stdout stays as it was.
 */
function noteBrokenBlueprints(ctx, project) {
    const loaded = new Set(project.tasks.map((t) => t.path));
    const broken = [
        ...new Set(project.problems
            .filter((p) => p.severity === 'error' && p.file.startsWith(`${index_js_1.TASKS_DIR}/`) && p.file.endsWith('.md'))
            .map((p) => p.file)
            .filter((f) => !loaded.has(f))),
    ].sort();
    if (!broken.length)
        return;
    const named = broken.slice(0, 3).map(shown).join(', ') + (broken.length > 3 ? ` and ${broken.length - 3} more` : '');
    ctx.io.stderr.write(`guardian: note: left out ${broken.length} blueprint(s) with errors: ${named} (run \`guardian lint\` to see them)\n`);
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
        noteBrokenBlueprints(ctx, project);
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
        noteBrokenBlueprints(ctx, project);
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

/***/ 308:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GitTimeoutError = exports.GIT_TIMEOUT_VAR = void 0;
exports.gitTimeoutMs = gitTimeoutMs;
exports.execGit = execGit;
exports.execGitBuffer = execGitBuffer;
exports.execGitAsync = execGitAsync;
exports.readBlobs = readBlobs;
exports.isGitRepo = isGitRepo;
exports.isGitDirWithoutWorkTree = isGitDirWithoutWorkTree;
exports.repoRoot = repoRoot;
exports.resolveCommit = resolveCommit;
exports.headCommit = headCommit;
exports.showFile = showFile;
exports.listFilesAt = listFilesAt;
exports.listWorkingFiles = listWorkingFiles;
exports.isCleanWorkingTree = isCleanWorkingTree;
/**
 * The one door to git: every git call in Guardian goes through `execGit`. Arguments are passed as an
 * array (never through a shell), so nothing from a blueprint or a model can be interpreted by a shell.
 */
const node_child_process_1 = __webpack_require__(1421);
const node_crypto_1 = __webpack_require__(7598);
const node_fs_1 = __webpack_require__(3024);
const node_os_1 = __webpack_require__(8161);
const node_path_1 = __webpack_require__(6760);
const node_string_decoder_1 = __webpack_require__(6193);
const errors_js_1 = __webpack_require__(3916);
const env_js_1 = __webpack_require__(8966);
const index_js_1 = __webpack_require__(2157);
/** The variable that sets how long one git call may take, in seconds. */
exports.GIT_TIMEOUT_VAR = 'GUARDIAN_GIT_TIMEOUT_SECONDS';
const DEFAULT_GIT_TIMEOUT_S = 600;
/**
 * How long one git call may take: `GUARDIAN_GIT_TIMEOUT_SECONDS`, else 10 minutes. A remote that
 * accepts the connection and never answers, a lock held by a hung process or a credential helper that
 * waits would otherwise stop Guardian for good (on Actions, until the job's own limit).
 */
function gitTimeoutMs() {
    const raw = process.env[exports.GIT_TIMEOUT_VAR];
    if (raw === undefined || raw.trim() === '')
        return DEFAULT_GIT_TIMEOUT_S * 1000;
    const s = Number(raw.trim());
    if (!Number.isFinite(s) || s <= 0 || s > 86_400)
        throw new errors_js_1.GuardianError(`${exports.GIT_TIMEOUT_VAR} must be a number of seconds between 0 and 86400 (how long one git call may take), got '${raw.slice(0, 40)}'`);
    return Math.round(s * 1000);
}
/** A git call that did not finish in time; it and everything it started were killed. */
class GitTimeoutError extends errors_js_1.GuardianError {
    subcommand;
    timeoutMs;
    constructor(subcommand, timeoutMs) {
        super(`git ${subcommand} did not finish within ${formatSeconds(timeoutMs)} and was stopped ` +
            `(${exports.GIT_TIMEOUT_VAR} sets how long one git call may take)`);
        this.subcommand = subcommand;
        this.timeoutMs = timeoutMs;
        this.name = 'GitTimeoutError';
    }
}
exports.GitTimeoutError = GitTimeoutError;
function formatSeconds(ms) {
    const s = ms / 1000;
    return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
/** The git subcommand of an argument list (after any `-c name=value` pairs). */
function subcommandOf(args) {
    for (let i = 0; i < args.length; i++) {
        if (args[i] === '-c' || args[i] === '-C')
            i++;
        else if (!args[i].startsWith('-'))
            return args[i];
    }
    return args[0] ?? '';
}
/**
 * Each call carries a mark of its own in its environment: on a timeout, git is killed and so is
 * everything it started that is still running (a remote helper blocked on a silent socket, a hook, an
 * ssh) — git's children outlive it otherwise, and spawnSync cannot start git in a process group.
 */
function newMark() {
    return `git-${process.pid}-${(0, node_crypto_1.randomBytes)(8).toString('hex')}`;
}
const BASE_ENV = {
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    // A `refs/replace/*` ref (which code under test can write) would make git show one object in place
    // of another: Guardian compares and commits objects as they are.
    GIT_NO_REPLACE_OBJECTS: '1',
    LC_ALL: 'C',
};
/**
 * git runs with the same scrubbed environment as any user command (no model key, no tokens): a
 * repository's own config can make git run programs (fsmonitor, hooks, filters), and the repository
 * may hold code a model wrote. Push credentials come from the checkout's git config, not from env.
 */
function gitEnv(mark, extra) {
    const env = (0, env_js_1.scrubEnv)(process.env);
    for (const name of REPOSITORY_VARS)
        delete env[name];
    // It sets the context lines of every patch git makes, over `-U` given on the command line: a patch
    // made with `--unified=0` would not apply (nor have the bytes, and so the sha256, that was judged).
    delete env.GIT_DIFF_OPTS;
    return { ...env, ...BASE_ENV, ...extra, [index_js_1.COMMAND_MARK_VAR]: mark };
}
/**
 * Variables that point git at one repository, index, object store or ref namespace (`git rev-parse
 * --local-env-vars`, but for the user's `-c` settings, and `GIT_NAMESPACE`). git sets some of them for
 * the commands it runs: a hook started by `git commit` gets `GIT_INDEX_FILE=.git/index`, an alias run
 * as `git --git-dir=/repo/.git x` gets `GIT_DIR`. Guardian names each repository by its working
 * directory (a temporary worktree, an index of its own), and an inherited one would send its calls to
 * another index or repository: the user's index replaced by the judged tree.
 */
const REPOSITORY_VARS = [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_IMPLICIT_WORK_TREE',
    'GIT_COMMON_DIR',
    'GIT_INDEX_FILE',
    'GIT_OBJECT_DIRECTORY',
    'GIT_ALTERNATE_OBJECT_DIRECTORIES',
    'GIT_GRAFT_FILE',
    'GIT_REPLACE_REF_BASE',
    'GIT_SHALLOW_FILE',
    'GIT_PREFIX',
    'GIT_INTERNAL_SUPER_PREFIX',
    'GIT_CONFIG',
    'GIT_NAMESPACE',
];
/** Config that must not run repository-controlled programs, whatever .git/config says. */
const SAFE_CONFIG = [
    '-c',
    'core.fsmonitor=false',
    '-c',
    'core.hooksPath=/dev/null',
    '-c',
    'protocol.ext.allow=never',
];
function safeArgs(args) {
    return [...SAFE_CONFIG, ...args];
}
function execGit(args, opts) {
    const r = execGitBuffer(args, opts);
    return {
        code: r.code,
        stdout: r.stdout.toString('utf8'),
        stderr: r.stderr,
        ...(r.signal ? { signal: r.signal } : {}),
    };
}
/** Binary-safe variant: stdout as a Buffer. */
function execGitBuffer(args, opts) {
    const timeoutMs = opts.timeoutMs ?? gitTimeoutMs();
    const mark = newMark();
    const r = (0, node_child_process_1.spawnSync)('git', safeArgs(args), {
        cwd: opts.cwd,
        input: opts.input,
        env: gitEnv(mark, opts.env),
        maxBuffer: 512 * 1024 * 1024,
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
    });
    if (r.error) {
        if (r.error.code === 'ETIMEDOUT') {
            (0, index_js_1.killMarked)(mark);
            throw new GitTimeoutError(subcommandOf(args), timeoutMs);
        }
        throw new errors_js_1.GuardianError(`git ${subcommandOf(args)}: ${r.error.message}`);
    }
    const code = r.status ?? 1;
    const stderr = r.stderr.toString('utf8');
    if (code !== 0 && !opts.allowFailure) {
        const detail = stderr.trim() || r.stdout.toString('utf8').trim().slice(0, 2000);
        const how = r.signal ? `stopped by ${r.signal}` : `exit ${code}`;
        throw new errors_js_1.GuardianError(`git ${args.join(' ')} failed (${how}): ${detail}`);
    }
    return { code, stdout: r.stdout, stderr, ...(r.signal ? { signal: r.signal } : {}) };
}
/**
 * Async variant for long-running calls (log over a whole history) so the event loop stays free. With
 * `stdoutToFile`, git writes its output to a temporary file instead of a pipe, so it never waits while
 * this process is busy with synchronous work (a pipe fills at 64 KiB and would stall a long log until
 * the event loop drains it); the output is read back and the file removed.
 */
async function execGitAsync(args, opts) {
    const timeoutMs = opts.timeoutMs ?? gitTimeoutMs();
    const dir = opts.stdoutToFile ? (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'guardian-git-')) : undefined;
    const fd = dir ? (0, node_fs_1.openSync)((0, node_path_1.join)(dir, 'out'), 'w', 0o600) : undefined;
    const mark = newMark();
    let timer;
    try {
        const res = await new Promise((resolve, reject) => {
            const child = (0, node_child_process_1.spawn)('git', safeArgs(args), {
                cwd: opts.cwd,
                env: gitEnv(mark, opts.env),
                stdio: ['pipe', fd ?? 'pipe', 'pipe'],
            });
            let timedOut = false;
            timer = setTimeout(() => {
                timedOut = true;
                child.kill('SIGKILL');
                (0, index_js_1.killMarked)(mark);
            }, timeoutMs);
            const out = [];
            const err = [];
            child.stdout?.on('data', (d) => out.push(d));
            child.stderr?.on('data', (d) => err.push(d));
            child.on('error', (e) => reject(new errors_js_1.GuardianError(`git ${subcommandOf(args)}: ${e.message}`)));
            child.on('close', (code) => {
                clearTimeout(timer);
                if (timedOut) {
                    // A child that held git's pipes open may have started since the first sweep.
                    (0, index_js_1.killMarked)(mark);
                    reject(new GitTimeoutError(subcommandOf(args), timeoutMs));
                    return;
                }
                try {
                    let stdout = '';
                    if (dir && opts.onStdout)
                        readInPieces((0, node_path_1.join)(dir, 'out'), opts.onStdout);
                    else
                        stdout = dir ? (0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, 'out'), 'utf8') : Buffer.concat(out).toString('utf8');
                    resolve({ code: code ?? 1, stdout, stderr: Buffer.concat(err).toString('utf8') });
                }
                catch (e) {
                    reject(new errors_js_1.GuardianError(`git ${subcommandOf(args)}: ${e.message}`));
                }
            });
            child.stdin?.end(opts.input);
        });
        if (res.code !== 0 && !opts.allowFailure) {
            throw new errors_js_1.GuardianError(`git ${args.join(' ')} failed (exit ${res.code}): ${res.stderr.trim()}`);
        }
        return res;
    }
    finally {
        clearTimeout(timer);
        if (fd !== undefined)
            (0, node_fs_1.closeSync)(fd);
        if (dir)
            (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
    }
}
/** Reads a file 8 MiB at a time, decoding UTF-8 across the pieces' boundaries. */
function readInPieces(path, sink) {
    const fd = (0, node_fs_1.openSync)(path, 'r');
    try {
        const decoder = new node_string_decoder_1.StringDecoder('utf8');
        const buf = Buffer.alloc(8 << 20);
        for (;;) {
            const n = (0, node_fs_1.readSync)(fd, buf, 0, buf.length, null);
            if (n <= 0)
                break;
            sink(decoder.write(buf.subarray(0, n)));
        }
        const rest = decoder.end();
        if (rest)
            sink(rest);
    }
    finally {
        (0, node_fs_1.closeSync)(fd);
    }
}
/**
 * The contents of many blobs from one `git cat-file --batch`, in the order asked; undefined for an
 * object that is missing or not a blob (and for all of them when git fails).
 */
function readBlobs(cwd, oids) {
    const out = oids.map(() => undefined);
    if (oids.length === 0)
        return out;
    const r = execGitBuffer(['cat-file', '--batch'], {
        cwd,
        input: oids.join('\n') + '\n',
        allowFailure: true,
    });
    if (r.code !== 0)
        return out;
    let pos = 0;
    for (let i = 0; i < oids.length; i++) {
        const nl = r.stdout.indexOf(0x0a, pos);
        if (nl < 0)
            break;
        const header = r.stdout.subarray(pos, nl).toString('utf8').split(' ');
        pos = nl + 1;
        if (header[1] !== 'blob')
            continue; // "<oid> missing"
        const size = Number(header[2]);
        out[i] = r.stdout.subarray(pos, pos + size);
        pos += size + 1;
    }
    return out;
}
/**
 * Whether `cwd` is inside a git working tree. A repository git refuses to work in because another user
 * owns it (`safe.directory`) is one, but not usable: that is an error saying so, not "not a repository".
 */
function isGitRepo(cwd) {
    const r = insideWorkTree(cwd);
    if (r.code !== 0)
        refuseDubiousOwnership(r.stderr);
    return r.code === 0 && r.stdout.trim() === 'true';
}
/**
 * Whether `cwd` is a git directory without a work tree: a bare repository, or a folder inside `.git`
 * (git answers `false` there, with status 0).
 */
function isGitDirWithoutWorkTree(cwd) {
    const r = insideWorkTree(cwd);
    return r.code === 0 && r.stdout.trim() === 'false';
}
function insideWorkTree(cwd) {
    return execGit(['rev-parse', '--is-inside-work-tree'], { cwd, allowFailure: true });
}
/** git's refusal of a repository another user owns, as one error with git's own remedy. */
function refuseDubiousOwnership(stderr) {
    const m = /detected dubious ownership in repository at '(.+)'/.exec(stderr);
    if (!m)
        return;
    throw new errors_js_1.GuardianError(`git refuses to work in ${m[1]}: the repository is owned by another user than the one running Guardian. ` +
        `If you trust it, run \`git config --global --add safe.directory ${m[1]}\` (or run Guardian as its owner)`);
}
function repoRoot(cwd) {
    return execGit(['rev-parse', '--show-toplevel'], { cwd }).stdout.trim();
}
/** Resolve a ref to a full commit sha; a user error naming the ref when it does not exist. */
function resolveCommit(cwd, ref) {
    if (ref.startsWith('-'))
        throw new errors_js_1.GuardianError(`invalid ref '${ref}'`);
    const r = execGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, allowFailure: true });
    if (r.code !== 0) {
        refuseDubiousOwnership(r.stderr);
        if (ref === 'HEAD' && isGitRepo(cwd))
            throw new errors_js_1.GuardianError(`${cwd}: the repository has no commits yet (HEAD does not resolve); commit first`);
        throw new errors_js_1.GuardianError(`unknown git ref '${ref}' in ${cwd}`);
    }
    return r.stdout.trim();
}
function headCommit(cwd) {
    return resolveCommit(cwd, 'HEAD');
}
/** A file's bytes at a commit, or undefined when the file does not exist there. */
function showFile(cwd, commit, path) {
    // `cat-file blob`, not `show`: show reads a path that names no file as a pathspec (`*.py`, `[a].py`
    // exit 0 with nothing), prints a folder's listing, and applies textconv filters.
    const r = execGitBuffer(['cat-file', 'blob', `${commit}:${path}`], { cwd, allowFailure: true });
    return r.code === 0 ? r.stdout : undefined;
}
/** Paths (posix, repository-relative) of files in a commit, optionally under a folder. */
function listFilesAt(cwd, commit, under) {
    const args = ['ls-tree', '-r', '-z', '--name-only', commit];
    if (under)
        args.push('--', under);
    return execGit(args, { cwd }).stdout.split('\0').filter(Boolean);
}
/** Tracked and untracked (not ignored) files of the working tree. */
function listWorkingFiles(cwd) {
    return execGit(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd })
        .stdout.split('\0')
        .filter(Boolean);
}
function isCleanWorkingTree(cwd, ignorePaths = []) {
    const out = execGit(['status', '--porcelain', '-z', '--untracked-files=all'], { cwd }).stdout;
    const entries = out
        .split('\0')
        .filter(Boolean)
        .map((e) => e.slice(3));
    return entries.filter((p) => !ignorePaths.some((ig) => p === ig || p.startsWith(ig))).length === 0;
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


/***/ }),

/***/ 8056:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BLUEPRINT_FIELDS = void 0;
exports.isTaskId = isTaskId;
exports.parseBlueprint = parseBlueprint;
/** Task blueprints: `specs/tasks/*.md`. Parsing is pure: text in, model + problems out. */
const bundle_js_1 = __webpack_require__(6782);
const chars_js_1 = __webpack_require__(5153);
const fs_js_1 = __webpack_require__(1917);
const frontmatter_js_1 = __webpack_require__(3741);
const markdown_js_1 = __webpack_require__(3938);
const plan_js_1 = __webpack_require__(9948);
const text_js_1 = __webpack_require__(8068);
const types_js_1 = __webpack_require__(9518);
exports.BLUEPRINT_FIELDS = [
    'id',
    'title',
    'status',
    'requirement_id',
    'branch',
    'relevant_tests',
    'depends_on',
    'milestone',
    'labels',
];
/** `./a//b/` as `a/b`: a path already checked to stay inside the repository. */
function normalizeRepoPath(p) {
    const parts = p.split('/').filter((s) => s !== '' && s !== '.');
    return parts.length ? parts.join('/') : p;
}
function isTaskId(v) {
    return typeof v === 'string' && v.length <= 64 && bundle_js_1.TASK_ID_PATTERN.test(v);
}
function parseBlueprint(data, file) {
    const decoded = (0, text_js_1.decodeSpecFile)(data, file);
    if (decoded.text === undefined)
        return { problems: decoded.problems };
    const text = decoded.text;
    const { fm, problems } = (0, frontmatter_js_1.parseFrontMatter)(text, file);
    if (!fm)
        return { problems };
    const d = fm.data;
    const at = (field) => fm.keyLines[field] ?? 1;
    const err = (field, message, line = at(field)) => problems.push({ file, line, field, severity: 'error', message });
    for (const key of Object.keys(d)) {
        if (!exports.BLUEPRINT_FIELDS.includes(key)) {
            err(key, `unknown field '${key}'${(0, text_js_1.didYouMean)(key, exports.BLUEPRINT_FIELDS)}; known fields: ${exports.BLUEPRINT_FIELDS.join(', ')}`);
        }
    }
    if (d.id === undefined)
        err('id', 'missing required field `id` (a task id like TASK-042)', 1);
    else if (typeof d.id !== 'string')
        err('id', `expected a string like TASK-042, got ${(0, plan_js_1.describe)(d.id)}`);
    else if (!isTaskId(d.id))
        err('id', `expected a task id like TASK-042 (letters, digits, dashes), got ${(0, plan_js_1.describe)(d.id)}`);
    if (d.title === undefined)
        err('title', 'missing required field `title`', 1);
    else if (typeof d.title !== 'string' || d.title.trim() === '')
        err('title', `expected a non-empty string, got ${(0, plan_js_1.describe)(d.title)}`);
    else if (/[\r\n]/.test(d.title))
        err('title', 'expected a single line of text');
    // A title reaches terminals, logs and commit subjects: no escape sequences or bidi overrides.
    else if ((0, chars_js_1.hasControlChar)(d.title))
        err('title', 'expected plain text: it contains a control character (an escape sequence or a bidi override)');
    if (d.status === undefined)
        err('status', `missing required field \`status\` (one of ${types_js_1.TASK_STATUSES.join(', ')})`, 1);
    else if (!types_js_1.TASK_STATUSES.includes(d.status)) {
        err('status', `expected one of ${types_js_1.TASK_STATUSES.join(', ')}, got ${(0, plan_js_1.describe)(d.status)}`);
    }
    if (d.requirement_id !== undefined &&
        (typeof d.requirement_id !== 'string' || d.requirement_id.trim() === '')) {
        err('requirement_id', `expected a non-empty string like REQ-007, got ${(0, plan_js_1.describe)(d.requirement_id)}`);
    }
    else if (typeof d.requirement_id === 'string' && (0, chars_js_1.hasControlChar)(d.requirement_id)) {
        // It becomes a commit trailer and is printed by `show`: one line of plain text.
        err('requirement_id', `expected one line of plain text like REQ-007: it contains a control character (a line break, an escape sequence or a bidi override), got ${(0, plan_js_1.describe)(d.requirement_id)}`);
    }
    if (d.branch !== undefined) {
        if (typeof d.branch !== 'string')
            err('branch', `expected a git branch name, got ${(0, plan_js_1.describe)(d.branch)}`);
        else {
            const why = (0, text_js_1.checkRefName)(d.branch);
            if (why)
                err('branch', `'${d.branch}' is not a valid git branch name: ${why}`);
        }
    }
    const stringList = (field, check) => {
        const v = d[field];
        if (v === undefined)
            return [];
        if (!Array.isArray(v)) {
            err(field, `expected a list, got ${(0, plan_js_1.describe)(v)}`);
            return [];
        }
        const out = [];
        v.forEach((item, i) => {
            if (typeof item !== 'string' || item.trim() === '') {
                err(field, `item ${i + 1}: expected a non-empty string, got ${(0, plan_js_1.describe)(item)}`);
                return;
            }
            // Items are printed by `lint`, `list` and `show` and compared with paths and ids: plain text only.
            const why = (0, chars_js_1.hasControlChar)(item)
                ? 'expected plain text: it contains a control character (a line break, an escape sequence or a bidi override)'
                : check?.(item);
            if (why)
                err(field, `item ${i + 1} '${item}': ${why}`);
            else
                out.push(item);
        });
        return out;
    };
    // Written as git lists paths (`tests/a.py`, not `./tests/a.py` or `tests//a.py`): the Validator
    // compares them with the changed files' paths.
    const relevantTests = stringList('relevant_tests', (p) => {
        const why = (0, fs_js_1.checkRepoRelativePath)(p);
        return why ? `expected a repository-relative path, got ${why}` : undefined;
    }).map(normalizeRepoPath);
    const listedDeps = stringList('depends_on', (id) => isTaskId(id) ? undefined : 'expected a task id like TASK-041');
    // A dependency listed twice is kept once (every problem with it was reported twice), and said so.
    const dependsOn = [...new Set(listedDeps)];
    if (dependsOn.length < listedDeps.length) {
        const seen = new Set();
        d.depends_on.forEach((id, i) => {
            if (typeof id === 'string' && isTaskId(id) && seen.has(id))
                problems.push({
                    file,
                    line: at('depends_on'),
                    field: 'depends_on',
                    severity: 'warning',
                    message: `item ${i + 1}: ${id} is listed twice`,
                });
            seen.add(id);
        });
    }
    const labels = stringList('labels');
    if (d.milestone !== undefined && (typeof d.milestone !== 'string' || !(0, text_js_1.isMilestoneId)(d.milestone))) {
        err('milestone', `expected a milestone id (letters, digits, '.', '_', '-', as in a milestone file's \`id\`), got ${(0, plan_js_1.describe)(d.milestone)}`);
    }
    // Sections.
    const all = (0, markdown_js_1.splitSections)(fm.body, fm.bodyLine);
    const sections = {};
    const otherSections = [];
    for (const s of all) {
        if (s.key === null)
            otherSections.push(s);
        else if (sections[s.key]) {
            problems.push({
                file,
                line: s.line,
                field: s.title,
                severity: 'error',
                message: `duplicate section '${s.title}' (first at line ${sections[s.key].line})`,
            });
        }
        else
            sections[s.key] = s;
    }
    const ac = sections.acceptance_criteria;
    const acceptanceCriteria = ac ? (0, markdown_js_1.parseCheckboxes)(ac.body, ac.bodyLine) : [];
    // Criteria reach the prompt, the job summary and the commit message, where control characters are
    // written out or replaced; the architect is told, since the text is likely not what was meant (a tab
    // is only white space).
    for (const c of acceptanceCriteria) {
        if ((0, chars_js_1.hasControlChar)(c.text.replace(/\t/g, ' ')))
            problems.push({
                file,
                line: c.line,
                field: 'acceptance criteria',
                severity: 'warning',
                message: 'expected plain text: the criterion contains a control character (an escape sequence or a bidi override); it is shown escaped, and as a space in the commit message',
            });
    }
    const plan = (0, plan_js_1.parsePlan)(fm.body, fm.bodyLine, file);
    problems.push(...plan.problems);
    if (problems.some((p) => p.severity === 'error'))
        return { problems };
    if (!plan.found) {
        problems.push({
            file,
            line: sections.verification_plan?.line ?? fm.bodyLine,
            field: 'verification plan',
            severity: 'warning',
            message: 'no ```guardian verification plan: the Validator will refuse this task until one is added',
        });
    }
    if (!sections.goal) {
        problems.push({
            file,
            line: fm.bodyLine,
            field: 'Goal',
            severity: 'warning',
            message: "no '## Goal' section",
        });
    }
    if (!ac) {
        problems.push({
            file,
            line: fm.bodyLine,
            field: 'Functional Acceptance Criteria',
            severity: 'warning',
            message: "no '## Functional Acceptance Criteria' section",
        });
    }
    return {
        blueprint: {
            path: file,
            id: d.id,
            title: d.title.trim(),
            status: d.status,
            ...(d.requirement_id !== undefined ? { requirementId: d.requirement_id.trim() } : {}),
            ...(d.branch !== undefined ? { branch: d.branch } : {}),
            relevantTests,
            dependsOn,
            ...(d.milestone !== undefined ? { milestone: d.milestone } : {}),
            labels,
            sections,
            otherSections,
            acceptanceCriteria,
            plan: plan.steps,
            hasPlan: plan.found,
            raw: text,
            sha256: (0, fs_js_1.sha256)(typeof data === 'string' ? Buffer.from(data) : data),
            ...(fm.keyLines.status !== undefined ? { statusLine: fm.keyLines.status } : {}),
            fieldLines: { ...fm.keyLines },
        },
        problems,
    };
}


/***/ }),

/***/ 3741:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_FRONT_MATTER_KEYS = void 0;
exports.parseFrontMatter = parseFrontMatter;
/**
 * Front matter of a user's Markdown file, parsed as untrusted input: gray-matter splits the file, but
 * its engines are replaced so only YAML is accepted, and YAML is parsed with the `yaml` package's core
 * schema (no custom tags such as `!!js/function`), bounded alias expansion and unique keys. A
 * `---js` block is refused before any engine could evaluate it.
 */
const gray_matter_1 = __importDefault(__webpack_require__(9599));
const yaml_1 = __webpack_require__(8815);
const plan_js_1 = __webpack_require__(9948);
const text_js_1 = __webpack_require__(8068);
const lines_js_1 = __webpack_require__(895);
/** Aliases are legitimate YAML; a few dozen are plenty for a blueprint, thousands are an attack. */
const MAX_ALIAS_COUNT = 64;
/** A blueprint has about a dozen fields; thousands of keys are a mistake or an attack. */
exports.MAX_FRONT_MATTER_KEYS = 1000;
/**
 * Offsets of the keys that repeat an earlier key of the same mapping, anywhere in the document: the
 * `yaml` package's own `uniqueKeys` check compares each key with every earlier one (90,000 keys took
 * over a minute), so it is off and this does the same check with a set per mapping. Keys are equal when both
 * are scalars with the same value (`===`, as `yaml` compares them); the walk uses a stack, not
 * recursion, so deep nesting cannot overflow it.
 */
function duplicateKeyOffsets(root, complex = []) {
    const out = [];
    const stack = root ? [root] : [];
    while (stack.length) {
        const node = stack.pop();
        if ((0, yaml_1.isMap)(node)) {
            const seen = new Set();
            for (const item of node.items) {
                const key = item.key;
                // `? [a, b]: x` — a list or mapping as a key has no place in a blueprint (and converting it
                // printed a runtime warning on stderr).
                if ((0, yaml_1.isMap)(key) || (0, yaml_1.isSeq)(key)) {
                    const start = key.range?.[0];
                    if (start !== undefined)
                        complex.push(start);
                }
                if ((0, yaml_1.isScalar)(key) && !Number.isNaN(key.value)) {
                    if (seen.has(key.value)) {
                        const start = key.range?.[0];
                        if (start !== undefined)
                            out.push(start);
                    }
                    else
                        seen.add(key.value);
                }
                stack.push(item.key, item.value);
            }
        }
        else if ((0, yaml_1.isSeq)(node)) {
            for (const item of node.items)
                stack.push(item);
        }
        else if ((0, yaml_1.isPair)(node)) {
            stack.push(node.key, node.value);
        }
    }
    return out.sort((a, b) => a - b);
}
/** A parser message for the user: the parsers recurse, and deep nesting surfaces as a stack overflow. */
function yamlMessage(message) {
    return /Maximum call stack size exceeded/i.test(message)
        ? 'the YAML is nested too deeply (lists or mappings inside each other hundreds of levels down)'
        : message;
}
/** The first alias of the document whose anchor is not defined before it, with its offset: one walk. */
function unresolvedAlias(doc) {
    const anchors = new Set();
    let found;
    (0, yaml_1.visit)(doc, {
        Node: (_key, node) => {
            if ((0, yaml_1.isAlias)(node)) {
                if (!anchors.has(node.source)) {
                    found = { name: node.source, offset: node.range?.[0] ?? 0 };
                    return yaml_1.visit.BREAK;
                }
            }
            else if (node.anchor)
                anchors.add(node.anchor);
            return undefined;
        },
    });
    return found;
}
const refuse = (lang) => () => {
    throw new FrontMatterLanguageError(lang);
};
class FrontMatterLanguageError extends Error {
    language;
    constructor(language) {
        super(`front matter language '${language}' is not allowed`);
        this.language = language;
    }
}
function parseFrontMatter(original, file) {
    const problems = [];
    // CRLF files: gray-matter leaves the '\r' in values. Line numbers do not change.
    const text = original.replace(/\r\n/g, '\n');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    if (!/^---/.test(firstLine)) {
        return {
            problems: [
                {
                    file,
                    line: 1,
                    severity: 'error',
                    message: "no front matter: the file must start with a '---' YAML block",
                },
            ],
        };
    }
    // gray-matter reads a first line of four or more dashes as no front matter at all.
    if (firstLine.startsWith('----')) {
        return {
            problems: [
                {
                    file,
                    line: 1,
                    severity: 'error',
                    message: `the front matter must open with a line that is exactly '---', got ${(0, plan_js_1.describe)(firstLine)}`,
                },
            ],
        };
    }
    // `---js`, `---javascript`, `---coffee`… would make gray-matter pick an engine that evaluates code.
    const lang = firstLine.slice(3).trim();
    if (lang !== '' && lang.toLowerCase() !== 'yaml' && lang.toLowerCase() !== 'yml') {
        return {
            problems: [
                {
                    file,
                    line: 1,
                    severity: 'error',
                    message: `front matter language '${lang}' is not allowed: only YAML ('---') front matter is accepted`,
                },
            ],
        };
    }
    // gray-matter ends the front matter at the first later line that starts with '---' — '----------'
    // and '---x' too — and reads what follows as the body: fields after such a line were silently lost.
    // That line must be exactly '---'; without one, gray-matter takes the whole file as front matter.
    const closeAt = text.indexOf('\n---', firstLine.length);
    if (closeAt < 0) {
        return {
            problems: [
                {
                    file,
                    line: 1,
                    severity: 'error',
                    message: "front matter is not closed: expected a '---' line after it",
                },
            ],
        };
    }
    const closeEnd = text.indexOf('\n', closeAt + 1);
    const closing = text.slice(closeAt + 1, closeEnd < 0 ? text.length : closeEnd);
    if (!/^---[ \t]*$/.test(closing)) {
        return {
            problems: [
                {
                    file,
                    line: (0, text_js_1.lineAt)(text, closeAt + 1),
                    severity: 'error',
                    message: `a line that starts with '---' ends the front matter and must be exactly '---', got ${(0, plan_js_1.describe)(closing)}`,
                },
            ],
        };
    }
    let yamlSource = '';
    let content;
    try {
        const parsed = (0, gray_matter_1.default)(text, {
            language: 'yaml',
            engines: {
                yaml: {
                    parse: (s) => {
                        yamlSource = s;
                        return {};
                    },
                    stringify: refuse('yaml'),
                },
                js: { parse: refuse('js'), stringify: refuse('js') },
                javascript: { parse: refuse('javascript'), stringify: refuse('javascript') },
                coffee: { parse: refuse('coffee'), stringify: refuse('coffee') },
                json: { parse: refuse('json'), stringify: refuse('json') },
            },
        });
        content = parsed.content;
    }
    catch (e) {
        const msg = e instanceof FrontMatterLanguageError
            ? e.message
            : `front matter could not be split: ${e.message}`;
        return { problems: [{ file, line: 1, severity: 'error', message: msg }] };
    }
    const bodyOffset = text.length - content.length;
    const bodyLine = (0, text_js_1.lineAt)(text, bodyOffset);
    // The YAML starts on the line after the opening '---' (gray-matter keeps that line's newline).
    const yamlFirstLine = yamlSource.startsWith('\n') ? 1 : yamlSource.startsWith('\r\n') ? 1 : 2;
    let doc;
    try {
        doc = (0, yaml_1.parseDocument)(yamlSource, {
            schema: 'core',
            customTags: [],
            // `!!binary`, `!!timestamp`, `!!set`, `!!omap` and `!!pairs` are refused like any other custom tag:
            // resolved, they made a Buffer, a Date or a Set of a value and the message a puzzling "got an object".
            resolveKnownTags: false,
            // Checked below in linear time (the package's own check is quadratic in the number of keys).
            uniqueKeys: false,
            strict: true,
            prettyErrors: true,
            version: '1.2',
        });
    }
    catch (e) {
        return {
            problems: [{ file, line: 2, severity: 'error', message: `YAML: ${yamlMessage(e.message)}` }],
        };
    }
    const starts = (0, lines_js_1.lineStarts)(yamlSource);
    // Duplicate keys take their place among the parser's errors by position, where `yaml` reported them.
    const complexKeys = [];
    const duplicates = duplicateKeyOffsets(doc.contents, complexKeys);
    let next = 0;
    const duplicatesBefore = (offset) => {
        while (next < duplicates.length && duplicates[next] < offset) {
            problems.push({
                file,
                line: yamlFirstLine + (0, lines_js_1.lineOfOffset)(starts, duplicates[next]) - 1,
                severity: 'error',
                message: 'YAML syntax error: Map keys must be unique',
            });
            next++;
        }
    };
    for (const err of [...doc.errors, ...doc.warnings]) {
        if (err.name === 'YAMLParseError')
            duplicatesBefore(err.pos[0]);
        else
            duplicatesBefore(Infinity);
        const line = err.linePos?.[0]?.line;
        const first = yamlMessage(err.message.split('\n')[0] ?? err.message);
        const tagHint = err.code === 'TAG_RESOLVE_FAILED' ? ' (custom YAML tags are not allowed)' : '';
        problems.push({
            file,
            line: line !== undefined ? yamlFirstLine + line - 1 : 2,
            severity: 'error',
            message: `YAML syntax error: ${first.replace(/ at line \d+, column \d+:?$/, '')}${tagHint}`,
        });
    }
    duplicatesBefore(Infinity);
    for (const offset of complexKeys.sort((a, b) => a - b)) {
        problems.push({
            file,
            line: yamlFirstLine + (0, lines_js_1.lineOfOffset)(starts, offset) - 1,
            severity: 'error',
            message: 'YAML: a key must be a plain value (a word, a number or a quoted string), not a list or a mapping',
        });
    }
    if (problems.length)
        return { problems };
    if (doc.contents === null) {
        return {
            fm: { data: {}, keyLines: Object.create(null), body: content, bodyLine },
            problems,
        };
    }
    if (!(0, yaml_1.isMap)(doc.contents)) {
        return {
            problems: [
                {
                    file,
                    line: 2,
                    severity: 'error',
                    message: 'front matter must be a YAML mapping (key: value lines)',
                },
            ],
        };
    }
    if (doc.contents.items.length > exports.MAX_FRONT_MATTER_KEYS) {
        const extra = doc.contents.items[exports.MAX_FRONT_MATTER_KEYS].key;
        const start = extra?.range?.[0];
        return {
            problems: [
                {
                    file,
                    line: start !== undefined ? yamlFirstLine + (0, lines_js_1.lineOfOffset)(starts, start) - 1 : 2,
                    severity: 'error',
                    message: `front matter has ${doc.contents.items.length} keys; at most ${exports.MAX_FRONT_MATTER_KEYS} are allowed`,
                },
            ],
        };
    }
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (e) {
        const m = e.message;
        // An alias with no anchor before it was reported as an expansion attack, at line 2.
        const unresolved = /^Unresolved alias/.test(m) ? unresolvedAlias(doc) : undefined;
        if (unresolved) {
            return {
                problems: [
                    {
                        file,
                        line: yamlFirstLine + (0, lines_js_1.lineOfOffset)(starts, unresolved.offset) - 1,
                        severity: 'error',
                        message: `YAML: the alias *${unresolved.name} names no anchor (&${unresolved.name}) defined before it`,
                    },
                ],
            };
        }
        const message = /alias/i.test(m)
            ? `YAML aliases expand too much (more than ${MAX_ALIAS_COUNT} alias uses): refused as a resource-exhaustion risk`
            : `YAML: ${yamlMessage(m)}`;
        return { problems: [{ file, line: 2, severity: 'error', message }] };
    }
    // No prototype: a key named `__proto__` or `constructor` is an ordinary key here.
    const keyLines = Object.create(null);
    for (const item of doc.contents.items) {
        // As `toJS` names it: an empty key (`: x`) is ''.
        const key = (0, yaml_1.isScalar)(item.key) ? String(item.key.value ?? '') : String(item.key);
        const range = item.key?.range;
        if (range)
            keyLines[key] = yamlFirstLine + (0, lines_js_1.lineOfOffset)(starts, range[0]) - 1;
    }
    return { fm: { data: data, keyLines, body: content, bodyLine }, problems };
}


/***/ }),

/***/ 5371:
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
exports.QUALITY_FILE = exports.MILESTONES_DIR = exports.TASKS_DIR = exports.errorsOf = exports.formatProblem = exports.findCycles = exports.readyTasks = exports.requireQuality = exports.requireMilestone = exports.requireTask = exports.loadProject = exports.SYMLINK_REASON = exports.gitSource = exports.fsSource = exports.parseCheckboxes = exports.findFences = exports.splitSections = exports.parsePlan = exports.parseQualityToml = exports.parseMilestone = exports.BLUEPRINT_FIELDS = exports.isTaskId = exports.parseBlueprint = void 0;
__exportStar(__webpack_require__(9518), exports);
var blueprint_js_1 = __webpack_require__(8056);
Object.defineProperty(exports, "parseBlueprint", ({ enumerable: true, get: function () { return blueprint_js_1.parseBlueprint; } }));
Object.defineProperty(exports, "isTaskId", ({ enumerable: true, get: function () { return blueprint_js_1.isTaskId; } }));
Object.defineProperty(exports, "BLUEPRINT_FIELDS", ({ enumerable: true, get: function () { return blueprint_js_1.BLUEPRINT_FIELDS; } }));
var milestone_js_1 = __webpack_require__(1473);
Object.defineProperty(exports, "parseMilestone", ({ enumerable: true, get: function () { return milestone_js_1.parseMilestone; } }));
var quality_js_1 = __webpack_require__(3650);
Object.defineProperty(exports, "parseQualityToml", ({ enumerable: true, get: function () { return quality_js_1.parseQualityToml; } }));
var plan_js_1 = __webpack_require__(9948);
Object.defineProperty(exports, "parsePlan", ({ enumerable: true, get: function () { return plan_js_1.parsePlan; } }));
var markdown_js_1 = __webpack_require__(3938);
Object.defineProperty(exports, "splitSections", ({ enumerable: true, get: function () { return markdown_js_1.splitSections; } }));
Object.defineProperty(exports, "findFences", ({ enumerable: true, get: function () { return markdown_js_1.findFences; } }));
Object.defineProperty(exports, "parseCheckboxes", ({ enumerable: true, get: function () { return markdown_js_1.parseCheckboxes; } }));
var source_js_1 = __webpack_require__(9930);
Object.defineProperty(exports, "fsSource", ({ enumerable: true, get: function () { return source_js_1.fsSource; } }));
Object.defineProperty(exports, "gitSource", ({ enumerable: true, get: function () { return source_js_1.gitSource; } }));
Object.defineProperty(exports, "SYMLINK_REASON", ({ enumerable: true, get: function () { return source_js_1.SYMLINK_REASON; } }));
var project_js_1 = __webpack_require__(246);
Object.defineProperty(exports, "loadProject", ({ enumerable: true, get: function () { return project_js_1.loadProject; } }));
Object.defineProperty(exports, "requireTask", ({ enumerable: true, get: function () { return project_js_1.requireTask; } }));
Object.defineProperty(exports, "requireMilestone", ({ enumerable: true, get: function () { return project_js_1.requireMilestone; } }));
Object.defineProperty(exports, "requireQuality", ({ enumerable: true, get: function () { return project_js_1.requireQuality; } }));
Object.defineProperty(exports, "readyTasks", ({ enumerable: true, get: function () { return project_js_1.readyTasks; } }));
Object.defineProperty(exports, "findCycles", ({ enumerable: true, get: function () { return project_js_1.findCycles; } }));
Object.defineProperty(exports, "formatProblem", ({ enumerable: true, get: function () { return project_js_1.formatProblem; } }));
Object.defineProperty(exports, "errorsOf", ({ enumerable: true, get: function () { return project_js_1.errorsOf; } }));
Object.defineProperty(exports, "TASKS_DIR", ({ enumerable: true, get: function () { return project_js_1.TASKS_DIR; } }));
Object.defineProperty(exports, "MILESTONES_DIR", ({ enumerable: true, get: function () { return project_js_1.MILESTONES_DIR; } }));
Object.defineProperty(exports, "QUALITY_FILE", ({ enumerable: true, get: function () { return project_js_1.QUALITY_FILE; } }));


/***/ }),

/***/ 3938:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.sectionKeyFor = sectionKeyFor;
exports.headingText = headingText;
exports.findFences = findFences;
exports.splitSections = splitSections;
exports.parseCheckboxes = parseCheckboxes;
const SECTION_PATTERNS = [
    ['goal', /^goals?$/],
    ['acceptance_criteria', /^(functional\s+)?acceptance\s+criteria$/],
    ['implementation_plan', /^implementation(\s+plan)?$/],
    ['verification_plan', /^verification(\s+plan)?$/],
    ['architectural_constraints', /^architectur(al|e)(\s+constraints?|\s+rules)?$/],
    ['security_considerations', /^security(\s+considerations?)?$/],
    ['relevant_existing_code', /^relevant(\s+existing)?\s+code$/],
];
function sectionKeyFor(title) {
    const t = title.toLowerCase().replace(/\s+/g, ' ').trim();
    for (const [key, re] of SECTION_PATTERNS)
        if (re.test(t))
            return key;
    return null;
}
/**
 * An opening fence: up to three spaces, three or more backticks or tildes, then an info string without
 * backticks whose first word is returned. The info string is read in code: a regular expression such as
 * `\s*([^`\s]*)[^`]*$` backtracks quadratically on a long line that ends in a backtick.
 */
function fenceOpen(line) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (!m)
        return undefined;
    const rest = line.slice(m[0].length);
    if (rest.includes('`'))
        return undefined;
    const info = rest.trimStart();
    let end = 0;
    while (end < info.length && !/\s/.test(info[end]))
        end++;
    return { marker: m[1], info: info.slice(0, end) };
}
/** Code fences of a Markdown text. `firstLine` is the file line of the text's first line. */
/**
 * A heading's text without its closing sequence of `#`s and the spaces around it. In code, not in the
 * heading's regular expression: `(.*?)\s*#*\s*$` backtracks cubically on a long run of spaces.
 */
function headingText(rest) {
    const t = rest.trimEnd();
    let end = t.length;
    while (end > 0 && t.charCodeAt(end - 1) === 0x23)
        end--;
    return t.slice(0, end).trim();
}
function findFences(text, firstLine = 1) {
    const lines = text.split(/\r?\n/);
    const fences = [];
    let open;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (!open) {
            const m = fenceOpen(line);
            if (m)
                open = { marker: m.marker, info: m.info, line: i, start: i + 1 };
        }
        else {
            const t = line.trim();
            if (t.startsWith(open.marker[0].repeat(open.marker.length)) &&
                /^(`+|~+)$/.test(t) &&
                t[0] === open.marker[0]) {
                fences.push({
                    info: open.info,
                    openLine: firstLine + open.line,
                    closeLine: firstLine + i,
                    content: lines.slice(open.start, i).join('\n'),
                    contentLine: firstLine + open.start,
                });
                open = undefined;
            }
        }
    }
    if (open) {
        fences.push({
            info: open.info,
            openLine: firstLine + open.line,
            content: lines.slice(open.start).join('\n'),
            contentLine: firstLine + open.start,
        });
    }
    return fences;
}
/**
 * Whether line `i` underlines the line above as a setext H2 (`Goal` over `----`). Only a one-line
 * paragraph counts — a blank line (or the start) before it, and nothing that is a block of its own
 * (a list item, a quote, a heading, a table row, a fence): `---` after a list item is a rule, and a
 * multi-line paragraph is prose, not a section title.
 */
function isSetextTitle(lines, i) {
    if (!/^ {0,3}-+[ \t]*$/.test(lines[i]))
        return false;
    const title = lines[i - 1];
    if (!/^ {0,3}\S/.test(title))
        return false;
    if (/^ {0,3}(?:[-*+>#|]|\d+[.)](?:\s|$)|`{3,}|~{3,})/.test(title))
        return false;
    return i < 2 || lines[i - 2].trim() === '';
}
/** H2 sections of a Markdown body (ATX `## Goal` or setext); headings inside code fences are ignored. */
function splitSections(body, firstLine = 1) {
    const lines = body.split(/\r?\n/);
    const sections = [];
    let inFence;
    let current;
    const close = (end) => {
        if (!current)
            return;
        const raw = lines.slice(current.start, end);
        let lead = 0;
        while (lead < raw.length && raw[lead].trim() === '')
            lead++;
        sections.push({
            title: current.title,
            key: sectionKeyFor(current.title),
            body: raw.join('\n').trim(),
            line: firstLine + current.line,
            bodyLine: firstLine + current.start + lead,
        });
    };
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        // Fences as findFences reads them: a line of backticks whose info string holds a backtick opens none.
        if (inFence) {
            const t = line.trim();
            if (/^ {0,3}(`{3,}|~{3,})/.test(line) && t.startsWith(inFence) && /^(`+|~+)$/.test(t))
                inFence = undefined;
            continue;
        }
        const fo = fenceOpen(line);
        if (fo) {
            inFence = fo.marker[0].repeat(fo.marker.length);
            continue;
        }
        const h = /^ {0,3}##(?!#)\s(.*)$/.exec(line);
        const setext = !h && i > 0 && isSetextTitle(lines, i) ? lines[i - 1].trim() : undefined;
        if (h || setext !== undefined) {
            const at = h ? i : i - 1;
            close(at);
            // "4. Verification Plan", "4) Verification Plan", "Step 4: …" keep only the title.
            const title = (h ? headingText(h[1]) : setext)
                .replace(/^\d+(\.\d+)*[.)]?\s+/, '')
                .replace(/[:.]\s*$/, '')
                .trim();
            current = { title, line: at, start: i + 1 };
        }
    }
    close(lines.length);
    return sections;
}
/** Checkbox list items ("* [ ] text", "- [x] text"); indented continuation lines join their item. */
function parseCheckboxes(body, firstLine) {
    const out = [];
    let current;
    body.split(/\r?\n/).forEach((line, i) => {
        const m = /^\s*(?:[-*+]|\d+[.)])\s+\[( |x|X)\]\s+(.*\S)\s*$/.exec(line);
        if (m) {
            current = { text: m[2], checked: m[1] !== ' ', line: firstLine + i };
            out.push(current);
        }
        else if (current && /^\s+\S/.test(line) && !/^\s*(?:[-*+]|\d+[.)])\s/.test(line)) {
            current.text += ` ${line.trim()}`;
        }
        else
            current = undefined;
    });
    return out;
}


/***/ }),

/***/ 1473:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MILESTONE_FIELDS = exports.isMilestoneId = void 0;
exports.parseMilestone = parseMilestone;
/** Milestones: `specs/milestones/*.md` — an ordered list of tasks. */
const chars_js_1 = __webpack_require__(5153);
const frontmatter_js_1 = __webpack_require__(3741);
const blueprint_js_1 = __webpack_require__(8056);
const plan_js_1 = __webpack_require__(9948);
const text_js_1 = __webpack_require__(8068);
Object.defineProperty(exports, "isMilestoneId", ({ enumerable: true, get: function () { return text_js_1.isMilestoneId; } }));
exports.MILESTONE_FIELDS = ['id', 'title', 'tasks', 'parallel', 'schedule'];
function parseMilestone(data, file) {
    const decoded = (0, text_js_1.decodeSpecFile)(data, file);
    if (decoded.text === undefined)
        return { problems: decoded.problems };
    const { fm, problems } = (0, frontmatter_js_1.parseFrontMatter)(decoded.text, file);
    if (!fm)
        return { problems };
    const d = fm.data;
    const at = (f) => fm.keyLines[f] ?? 1;
    const err = (field, message, line = at(field)) => problems.push({ file, line, field, severity: 'error', message });
    for (const key of Object.keys(d)) {
        if (!exports.MILESTONE_FIELDS.includes(key)) {
            err(key, `unknown field '${key}'${(0, text_js_1.didYouMean)(key, exports.MILESTONE_FIELDS)}; known fields: ${exports.MILESTONE_FIELDS.join(', ')}`);
        }
    }
    if (d.id === undefined)
        err('id', 'missing required field `id` (a milestone id like MVP)', 1);
    else if (typeof d.id !== 'string' || !(0, text_js_1.isMilestoneId)(d.id)) {
        err('id', `expected a milestone id (letters, digits, '.', '_', '-'; no '..', no trailing '.' or '.lock': it names a branch), got ${(0, plan_js_1.describe)(d.id)}`);
    }
    if (d.title === undefined)
        err('title', 'missing required field `title`', 1);
    else if (typeof d.title !== 'string' || d.title.trim() === '')
        err('title', `expected a non-empty string, got ${(0, plan_js_1.describe)(d.title)}`);
    else if ((0, chars_js_1.hasControlChar)(d.title))
        err('title', 'expected plain text: it contains a control character (a line break, an escape sequence or a bidi override)');
    const tasks = [];
    if (d.tasks === undefined)
        err('tasks', 'missing required field `tasks` (the ordered list of task ids)', 1);
    else if (!Array.isArray(d.tasks))
        err('tasks', `expected a list of task ids, got ${(0, plan_js_1.describe)(d.tasks)}`);
    else {
        // A set, not `tasks.includes`: a 1 MiB milestone lists 100,000 ids, and comparing each with every
        // earlier one took minutes.
        const listed = new Set();
        d.tasks.forEach((t, i) => {
            if (!(0, blueprint_js_1.isTaskId)(t))
                err('tasks', `item ${i + 1}: expected a task id like TASK-042, got ${(0, plan_js_1.describe)(t)}`);
            else if (listed.has(t))
                err('tasks', `item ${i + 1}: ${t} is listed twice`);
            else {
                listed.add(t);
                tasks.push(t);
            }
        });
    }
    if (d.parallel !== undefined && typeof d.parallel !== 'boolean')
        err('parallel', `expected true or false, got ${(0, plan_js_1.describe)(d.parallel)}`);
    // Five fields of cron's characters (digits, names, `*`, `,`, `-`, `/`, `?`, `#`), one space-separated
    // line: the value is compared with the cron that fired and shown in logs.
    if (d.schedule !== undefined &&
        (typeof d.schedule !== 'string' ||
            !/^[0-9A-Za-z*,/?#-]+(?: +[0-9A-Za-z*,/?#-]+){4}$/.test(d.schedule.trim()))) {
        err('schedule', `expected a cron expression with five fields like "0 3 * * *", got ${(0, plan_js_1.describe)(d.schedule)}`);
    }
    if (problems.length)
        return { problems };
    return {
        milestone: {
            path: file,
            id: d.id,
            title: d.title.trim(),
            tasks,
            parallel: d.parallel ?? false,
            ...(d.schedule !== undefined ? { schedule: d.schedule } : {}),
            body: fm.body,
            fieldLines: fm.keyLines,
        },
        problems,
    };
}


/***/ }),

/***/ 9948:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parsePlan = parsePlan;
exports.commandProblem = commandProblem;
exports.duplicateJsonKeys = duplicateJsonKeys;
exports.jsonErrorLine = jsonErrorLine;
exports.describe = describe;
/** The verification plan: exactly one ```guardian fence holding a JSON array of steps. */
const yaml_1 = __webpack_require__(8815);
const chars_js_1 = __webpack_require__(5153);
const markdown_js_1 = __webpack_require__(3938);
const text_js_1 = __webpack_require__(8068);
const lines_js_1 = __webpack_require__(895);
const types_js_1 = __webpack_require__(9518);
const STEP_FIELDS = ['description', 'stage', 'command', 'expects', 'timeout'];
function parsePlan(body, bodyLine, file) {
    const problems = [];
    const fences = (0, markdown_js_1.findFences)(body, bodyLine).filter((f) => f.info.toLowerCase() === 'guardian');
    if (fences.length === 0)
        return { steps: [], found: false, problems };
    if (fences.length > 1) {
        problems.push({
            file,
            line: fences[1].openLine,
            field: 'verification plan',
            severity: 'error',
            message: `more than one \`\`\`guardian block (lines ${fences.map((f) => f.openLine).join(', ')}); exactly one is expected`,
        });
        // Every block's own problems too: all of a file's problems are reported at once.
        for (const f of fences)
            parseFence(f, file, problems);
        return { steps: [], found: true, problems };
    }
    return { steps: parseFence(fences[0], file, problems), found: true, problems };
}
/** The steps of one ```guardian block; its problems are added to `problems`. */
function parseFence(fence, file, problems) {
    if (fence.closeLine === undefined) {
        problems.push({
            file,
            line: fence.openLine,
            field: 'verification plan',
            severity: 'error',
            message: 'the ```guardian block is not closed: expected a closing ``` line',
        });
        return [];
    }
    const src = fence.content;
    // Lines of offsets by binary search: a plan of 12,000 steps took half a minute when each step's line
    // was found by counting the newlines before it.
    let starts;
    const srcLine = (offset) => (0, lines_js_1.lineOfOffset)((starts ??= (0, lines_js_1.lineStarts)(src)), offset);
    let value;
    try {
        value = JSON.parse(src);
    }
    catch (e) {
        problems.push({
            file,
            line: fence.contentLine + jsonErrorLine(src, e.message) - 1,
            field: 'verification plan',
            severity: 'error',
            message: `invalid JSON: ${e.message.replace(/\s+in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/, '')}`,
        });
        return [];
    }
    // JSON.parse keeps the last of two equal keys: `"command": "make test", …, "command": "curl … | sh"`
    // would run a command a reader of the first one does not see. Refused, like duplicate YAML keys.
    const duplicates = duplicateJsonKeys(src);
    if (duplicates.length) {
        for (const d of duplicates) {
            problems.push({
                file,
                line: fence.contentLine + srcLine(d.offset) - 1,
                field: 'verification plan',
                severity: 'error',
                message: `duplicate key ${describe(d.key)} in one object: each key may appear once (JSON would keep only the last)`,
            });
        }
        return [];
    }
    if (!Array.isArray(value)) {
        problems.push({
            file,
            line: fence.contentLine,
            field: 'verification plan',
            severity: 'error',
            message: `expected a JSON array of steps, got ${describe(value)}`,
        });
        return [];
    }
    // Each step's line comes from a cheap scan; the yaml parser (JSON is YAML) locates fields only when a
    // step has a problem to report.
    const elements = elementOffsets(src);
    let items;
    const nodes = () => {
        if (!items) {
            const doc = (0, yaml_1.parseDocument)(src);
            items = (0, yaml_1.isSeq)(doc.contents) ? doc.contents.items : [];
        }
        return items;
    };
    const lineOf = (node) => fence.contentLine + (node?.range ? srcLine(node.range[0]) : 1) - 1;
    const steps = [];
    value.forEach((raw, i) => {
        const line = fence.contentLine + srcLine(elements[i] ?? 0) - 1;
        const fieldLine = (name) => {
            const node = nodes()[i];
            if (node && (0, yaml_1.isMap)(node)) {
                const pair = node.items.find((p) => (0, yaml_1.isScalar)(p.key) && p.key.value === name);
                if (pair?.key)
                    return lineOf(pair.key);
            }
            return line;
        };
        const where = `plan step ${i + 1}`;
        const bad = (field, message) => problems.push({ file, line: fieldLine(field), field: `${where}.${field}`, severity: 'error', message });
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
            problems.push({
                file,
                line,
                field: where,
                severity: 'error',
                message: `expected an object, got ${describe(raw)}`,
            });
            return;
        }
        const o = raw;
        for (const k of Object.keys(o)) {
            if (!STEP_FIELDS.includes(k)) {
                bad(k, `unknown field '${k}'; expected one of ${STEP_FIELDS.join(', ')}`);
            }
        }
        const before = problems.length;
        if (typeof o.description !== 'string' || o.description.trim() === '') {
            bad('description', 'expected a non-empty string');
        }
        else if ((0, chars_js_1.hasControlChar)(o.description.replace(/[\t\r\n]/g, ' '))) {
            // Reports quote it: an escape sequence or a bidi override would rewrite what a reader sees.
            bad('description', 'expected plain text: it contains a control character (an escape sequence or a bidi override)');
        }
        if (!types_js_1.PLAN_STAGES.includes(o.stage)) {
            bad('stage', `expected "pre-start" or "final-submit", got ${describe(o.stage)}`);
        }
        if (typeof o.command !== 'string' || o.command.trim() === '') {
            bad('command', `expected a non-empty command string, got ${describe(o.command)}`);
        }
        else {
            const why = commandProblem(o.command);
            if (why)
                bad('command', why);
        }
        if (o.expects !== 'pass' && o.expects !== 'fail') {
            bad('expects', `expected "pass" or "fail", got ${describe(o.expects)}`);
        }
        if (o.timeout !== undefined &&
            (typeof o.timeout !== 'number' || !(o.timeout >= 1) || o.timeout > 86400)) {
            bad('timeout', `expected a number of seconds between 1 and 86400, got ${describe(o.timeout)}`);
        }
        if (problems.length === before) {
            steps.push({
                description: o.description.trim(),
                stage: o.stage,
                command: o.command,
                expects: o.expects,
                ...(o.timeout !== undefined ? { timeout: o.timeout } : {}),
                line,
            });
        }
    });
    return steps;
}
/**
 * Why a shell command from a user's file cannot be run as written, or undefined. A NUL byte cannot be
 * passed to a process at all (spawning it threw); other control characters, bar tabs and line breaks,
 * are escape sequences or bidi overrides that make the command read differently from what runs.
 */
function commandProblem(command) {
    for (let i = 0; i < command.length; i++) {
        const c = command.charCodeAt(i);
        if (c === 0)
            return 'the command contains a NUL character, which no program can be given';
        if ((0, chars_js_1.isControl)(c) && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
            return `the command contains the control character U+${c.toString(16).toUpperCase().padStart(4, '0')} (an escape sequence or a bidi override): write it with printf or $'…' in the command instead`;
        }
    }
    return undefined;
}
/**
 * The keys of a valid JSON text that repeat an earlier key of the same object, with their offsets, in
 * one linear pass (keys are compared decoded: `"comm\u0061nd"` is `"command"`).
 */
function duplicateJsonKeys(src) {
    const out = [];
    /** Per open object its keys and whether a key comes next; `undefined` for an open array. */
    const stack = [];
    for (let i = 0; i < src.length; i++) {
        const c = src[i];
        if (c === '"') {
            const start = i;
            for (i++; i < src.length && src[i] !== '"'; i++)
                if (src[i] === '\\')
                    i++;
            const top = stack[stack.length - 1];
            if (top?.expectKey) {
                top.expectKey = false;
                const key = JSON.parse(src.slice(start, i + 1));
                if (top.keys.has(key))
                    out.push({ key, offset: start });
                else
                    top.keys.add(key);
            }
        }
        else if (c === '{')
            stack.push({ keys: new Set(), expectKey: true });
        else if (c === '[')
            stack.push(undefined);
        else if (c === '}' || c === ']')
            stack.pop();
        else if (c === ',') {
            const top = stack[stack.length - 1];
            if (top)
                top.expectKey = true;
        }
    }
    return out;
}
/** Line (1-based, within `src`) of a JSON.parse error, from the position V8 reports. */
function jsonErrorLine(src, message) {
    const lc = /line (\d+) column \d+/.exec(message);
    if (lc)
        return Number(lc[1]);
    const pos = /position (\d+)/.exec(message);
    if (pos)
        return (0, text_js_1.lineAt)(src, Number(pos[1]));
    if (/end of JSON input/i.test(message))
        return (0, text_js_1.lineAt)(src, src.trimEnd().length);
    return 1;
}
function describe(v) {
    if (v === undefined)
        return 'nothing';
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'string')
        return v === '' ? 'an empty string' : JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
    // A TOML date or time (`timeout = 1979-05-27`) is named as one, not as "an object".
    if (v instanceof Date) {
        const at = Number.isNaN(v.getTime()) ? '' : ` ${v.toISOString()}`;
        return `a date or time${at}`;
    }
    if (typeof v === 'object')
        return 'an object';
    return `${typeof v} ${String(v)}`;
}
/** Offsets of the top-level array's elements in a JSON text already known to be valid. */
function elementOffsets(src) {
    const out = [];
    let depth = 0;
    let inString = false;
    let expectElement = false;
    for (let i = 0; i < src.length; i++) {
        const c = src[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
            continue;
        }
        if (c === ' ' || c === '\n' || c === '\r' || c === '\t')
            continue;
        if (depth === 1 && expectElement) {
            out.push(i);
            expectElement = false;
        }
        if (c === '"')
            inString = true;
        else if (c === '[' || c === '{') {
            depth++;
            if (depth === 1)
                expectElement = true;
        }
        else if (c === ']' || c === '}')
            depth--;
        else if (c === ',' && depth === 1)
            expectElement = true;
    }
    return out;
}


/***/ }),

/***/ 246:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_CYCLES = exports.QUALITY_FILE = exports.MILESTONES_DIR = exports.TASKS_DIR = void 0;
exports.loadProject = loadProject;
exports.cyclesOf = cyclesOf;
exports.findCycles = findCycles;
exports.formatProblem = formatProblem;
exports.errorsOf = errorsOf;
exports.requireTask = requireTask;
exports.taskLookup = taskLookup;
exports.requireMilestone = requireMilestone;
exports.requireQuality = requireQuality;
exports.readyTasks = readyTasks;
/** Loading a whole project's specs and checking them against each other. */
const errors_js_1 = __webpack_require__(3916);
const chars_js_1 = __webpack_require__(5153);
const blueprint_js_1 = __webpack_require__(8056);
const frontmatter_js_1 = __webpack_require__(3741);
const milestone_js_1 = __webpack_require__(1473);
const quality_js_1 = __webpack_require__(3650);
const source_js_1 = __webpack_require__(9930);
const text_js_1 = __webpack_require__(8068);
exports.TASKS_DIR = 'specs/tasks';
exports.MILESTONES_DIR = 'specs/milestones';
exports.QUALITY_FILE = 'quality.toml';
function readChecked(source, path, problems) {
    const size = source.size(path);
    // Refuse huge files before reading them.
    if (size !== undefined && size > text_js_1.MAX_SPEC_FILE_BYTES) {
        problems.push({
            file: path,
            severity: 'error',
            message: `file is ${(0, text_js_1.formatBytes)(size)}; spec files are limited to ${(0, text_js_1.formatBytes)(text_js_1.MAX_SPEC_FILE_BYTES)}`,
        });
        return undefined;
    }
    const data = source.read(path);
    if (data === undefined)
        problems.push({ file: path, severity: 'error', message: source.unreadable(path) });
    return data;
}
/**
 * The bytes of each blueprint or milestone that did not parse, per loaded project: `requireTask` and
 * `requireMilestone` read the `id` such a file declares to name its problems instead of saying
 * "unknown" (only then, so a project with no broken file costs nothing more).
 */
const brokenFiles = new WeakMap();
/** The `id` each of those files declares, read once per project when first asked for. */
const declaredIds = new WeakMap();
/** Loads every blueprint, milestone and quality.toml. Never throws for content problems: see `problems`. */
function loadProject(root, source = (0, source_js_1.fsSource)(root), opts = {}) {
    const problems = [];
    const tasks = [];
    const milestones = [];
    const broken = new Map();
    // A blueprint or milestone that is a link is reported, not silently left out (`show` would then call
    // its task unknown).
    for (const dir of [exports.TASKS_DIR, exports.MILESTONES_DIR])
        for (const x of source.notFollowed(dir))
            if (x.path.endsWith('.md'))
                problems.push({ file: x.path, severity: 'error', message: x.reason });
    for (const path of source.list(exports.TASKS_DIR).filter((p) => p.endsWith('.md'))) {
        const data = readChecked(source, path, problems);
        if (data === undefined)
            continue;
        const r = (0, blueprint_js_1.parseBlueprint)(data, path);
        problems.push(...r.problems);
        if (r.blueprint)
            tasks.push(r.blueprint);
        else
            broken.set(path, data);
    }
    // `TASK-7.MD` or `TASK-7.markdown` is read by no one: said, not silently left out.
    for (const dir of [exports.TASKS_DIR, exports.MILESTONES_DIR])
        for (const path of source.list(dir))
            if (!path.endsWith('.md') && /\.(?:md|markdown|mdown|mkdn?)$/i.test(path))
                problems.push({
                    file: path,
                    severity: 'warning',
                    message: `not read: only files whose names end in '.md' are ${dir === exports.TASKS_DIR ? 'blueprints' : 'milestones'}`,
                });
    for (const path of source.list(exports.MILESTONES_DIR).filter((p) => p.endsWith('.md'))) {
        const data = readChecked(source, path, problems);
        if (data === undefined)
            continue;
        const r = (0, milestone_js_1.parseMilestone)(data, path);
        problems.push(...r.problems);
        if (r.milestone)
            milestones.push(r.milestone);
        else
            broken.set(path, data);
    }
    let quality;
    if (opts.quality !== false) {
        if (source.exists(exports.QUALITY_FILE)) {
            const data = readChecked(source, exports.QUALITY_FILE, problems);
            if (data !== undefined) {
                const r = (0, quality_js_1.parseQualityToml)(data, exports.QUALITY_FILE);
                problems.push(...r.problems);
                quality = r.config;
            }
        }
        else {
            problems.push({
                file: exports.QUALITY_FILE,
                severity: 'warning',
                message: 'no quality.toml: the Validator needs its [quality_checks] (run `guardian init` to create one)',
            });
        }
    }
    problems.push(...crossCheck(tasks, milestones, source, invalidTaskIds(broken)));
    const project = { root, tasks, milestones, ...(quality ? { quality } : {}), problems };
    brokenFiles.set(project, broken);
    return project;
}
/**
 * The ids the invalid blueprint files declare (`id:` at the start of a line of their front matter), so
 * that a milestone or a dependency naming one is told the blueprint is invalid, not that the task is
 * unknown.
 */
function invalidTaskIds(broken) {
    const out = new Map();
    for (const [path, data] of broken) {
        if (!path.startsWith(`${exports.TASKS_DIR}/`))
            continue;
        const head = data.subarray(0, 64 * 1024).toString('utf8');
        const m = /^---\r?\n(?:[^\n]*\n){0,200}?id:[ \t]*(["']?)([A-Za-z][A-Za-z0-9_-]{0,63})\1[ \t]*(?:#[^\n]*)?\r?$/m.exec(head);
        if (m && !out.has(m[2]))
            out.set(m[2], path);
    }
    return out;
}
function crossCheck(tasks, milestones, source, invalid = new Map()) {
    /** What to say of an id that names no valid task. */
    const unknown = (what, id) => {
        const path = invalid.get(id);
        return path
            ? `${what} ${id}, whose blueprint ${path} is invalid (see its own errors)`
            : `${what} unknown task ${id}${suggest(id, known())}`;
    };
    const problems = [];
    const byId = new Map();
    // Ids that differ only in case name the same bundle directory and branch on a case-insensitive file
    // system (macOS, Windows): one task's bundle or branch would be the other's.
    const byFolded = new Map();
    for (const t of tasks) {
        const prev = byId.get(t.id);
        if (prev) {
            problems.push({
                file: t.path,
                line: lineOfField(t, 'id'),
                field: 'id',
                severity: 'error',
                message: `duplicate task id ${t.id}: also defined in ${prev.path}`,
            });
            problems.push({
                file: prev.path,
                line: lineOfField(prev, 'id'),
                field: 'id',
                severity: 'error',
                message: `duplicate task id ${t.id}: also defined in ${t.path}`,
            });
            continue;
        }
        byId.set(t.id, t);
        // `TASK-7.md` declaring `id: TASK-6`: `guardian show TASK-7` would call TASK-7 unknown.
        const named = /^([A-Za-z]+-\d+)(?![A-Za-z0-9])/.exec(t.path.slice(t.path.lastIndexOf('/') + 1));
        if (named && named[1] !== t.id && !nameHasId(t.path, t.id))
            problems.push({
                file: t.path,
                line: lineOfField(t, 'id'),
                field: 'id',
                severity: 'warning',
                message: `the file is named after ${named[1]} but its id is ${t.id}`,
            });
        const folded = t.id.toLowerCase();
        const other = byFolded.get(folded);
        if (other) {
            problems.push({
                file: t.path,
                line: lineOfField(t, 'id'),
                field: 'id',
                severity: 'error',
                message: `task id ${t.id} differs from ${other.id} (${other.path}) only in case: they would share a bundle directory and a branch on a case-insensitive file system`,
            });
        }
        else
            byFolded.set(folded, t);
    }
    // The known ids a "did you mean" lists, computed once (not once per unknown id).
    let knownIds;
    const known = () => (knownIds ??= [...byId.keys()]);
    const milestoneIds = new Map();
    // As for tasks: a milestone id names a branch, and `MVP` and `mvp` would be one on macOS or Windows.
    const milestonesFolded = new Map();
    for (const m of milestones) {
        const prev = milestoneIds.get(m.id);
        if (prev) {
            problems.push({
                file: m.path,
                ...(m.fieldLines?.id ? { line: m.fieldLines.id } : {}),
                field: 'id',
                severity: 'error',
                message: `duplicate milestone id ${m.id}: also defined in ${prev.path}`,
            });
            continue;
        }
        milestoneIds.set(m.id, m);
        const other = milestonesFolded.get(m.id.toLowerCase());
        if (other) {
            problems.push({
                file: m.path,
                ...(m.fieldLines?.id ? { line: m.fieldLines.id } : {}),
                field: 'id',
                severity: 'error',
                message: `milestone id ${m.id} differs from ${other.id} (${other.path}) only in case: they would share a branch on a case-insensitive file system`,
            });
        }
        else
            milestonesFolded.set(m.id.toLowerCase(), m);
    }
    for (const t of tasks) {
        for (const dep of t.dependsOn) {
            if (!byId.has(dep)) {
                problems.push({
                    file: t.path,
                    line: lineOfField(t, 'depends_on'),
                    field: 'depends_on',
                    severity: 'error',
                    message: unknown('depends on', dep),
                });
            }
        }
        for (const test of t.relevantTests) {
            if (!source.exists(test)) {
                problems.push({
                    file: t.path,
                    line: lineOfField(t, 'relevant_tests'),
                    field: 'relevant_tests',
                    severity: 'warning',
                    message: `'${test}' does not exist (yet): fine if the task creates it`,
                });
            }
        }
        if (t.milestone !== undefined && !milestoneIds.has(t.milestone)) {
            problems.push({
                file: t.path,
                line: lineOfField(t, 'milestone'),
                field: 'milestone',
                severity: 'warning',
                message: `milestone '${t.milestone}' has no file in ${exports.MILESTONES_DIR}/`,
            });
        }
    }
    // A task runs in the milestone run that reaches it first; a second milestone listing it then finds it
    // done (or runs it on another branch), which is rarely what the architect meant.
    const listedIn = new Map();
    const members = new Map();
    for (const m of milestones) {
        members.set(m.id, new Set(m.tasks));
        const line = m.fieldLines?.tasks ? { line: m.fieldLines.tasks } : {};
        for (const id of m.tasks) {
            if (!byId.has(id)) {
                problems.push({
                    file: m.path,
                    ...line,
                    field: 'tasks',
                    severity: 'error',
                    message: unknown('names', id),
                });
                continue;
            }
            const first = listedIn.get(id);
            if (first && first.id !== m.id) {
                problems.push({
                    file: m.path,
                    ...line,
                    field: 'tasks',
                    severity: 'warning',
                    message: `${id} is also listed in milestone ${first.id} (${first.path}): a task belongs to one milestone — whichever milestone runs first commits it, and the other skips it as done`,
                });
            }
            else if (!first)
                listedIn.set(id, m);
        }
    }
    for (const t of tasks) {
        if (t.milestone === undefined || !milestoneIds.has(t.milestone))
            continue;
        const m = milestoneIds.get(t.milestone);
        if (members.get(m.id)?.has(t.id))
            continue;
        const actual = listedIn.get(t.id);
        problems.push({
            file: t.path,
            line: lineOfField(t, 'milestone'),
            field: 'milestone',
            severity: 'warning',
            message: `milestone ${m.id} (${m.path}) does not list ${t.id} in its \`tasks\`, so running it will not run this task${actual ? ` (milestone ${actual.id} lists it)` : ''}: add it there, or change this field`,
        });
    }
    const { cycles, more } = cyclesOf(tasks);
    for (const cycle of cycles) {
        const first = byId.get(cycle[0]);
        problems.push({
            file: first.path,
            line: lineOfField(first, 'depends_on'),
            field: 'depends_on',
            severity: 'error',
            message: `dependency cycle: ${cycle.join(' → ')}`,
        });
    }
    if (more) {
        const first = byId.get(cycles[cycles.length - 1][0]);
        problems.push({
            file: first.path,
            line: lineOfField(first, 'depends_on'),
            field: 'depends_on',
            severity: 'error',
            message: `more dependency cycles than the ${exports.MAX_CYCLES} listed: break these first`,
        });
    }
    return problems;
}
function suggest(id, known) {
    return known.length ? ` (known: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''})` : '';
}
/** The line of a front matter key, as the YAML parser found it (a quoted key included). */
function lineOfField(t, field) {
    const known = t.fieldLines?.[field];
    if (known !== undefined)
        return known;
    const m = new RegExp(`^${field}\\s*:`, 'm').exec(t.raw);
    return m ? t.raw.slice(0, m.index).split('\n').length : 1;
}
/** Dependency cycles listed at most: 1,500 tasks each depending on all the others hold a million. */
exports.MAX_CYCLES = 100;
/**
 * Each dependency cycle once, as a path that returns to its start: [A, B, A], the first `MAX_CYCLES`
 * found (`more`: whether there are others). A depth-first search with its own stack (a chain of
 * thousands of tasks overflowed the call stack when it recursed); once the list is full, further cycles
 * are only noted, not built (building each of a million cycles of a thousand tasks never finished).
 */
function cyclesOf(tasks) {
    let more = false;
    const deps = new Map(tasks.map((t) => [t.id, t.dependsOn]));
    const state = new Map();
    /** The path being explored, with each task's position in it and how many of its deps were seen. */
    const stack = [];
    const position = new Map();
    const nextDep = [];
    const cycles = [];
    const seen = new Set();
    const enter = (id) => {
        state.set(id, 1);
        position.set(id, stack.length);
        stack.push(id);
        nextDep.push(0);
    };
    for (const t of [...tasks].sort((a, b) => a.id.localeCompare(b.id))) {
        if (state.has(t.id))
            continue;
        enter(t.id);
        while (stack.length) {
            const top = stack.length - 1;
            const id = stack[top];
            const ds = deps.get(id) ?? [];
            if (nextDep[top] < ds.length) {
                const d = ds[nextDep[top]++];
                if (!deps.has(d))
                    continue;
                if (state.get(d) === 1) {
                    if (cycles.length >= exports.MAX_CYCLES) {
                        more = true;
                        continue;
                    }
                    const cycle = [...stack.slice(position.get(d)), d];
                    const key = [...cycle.slice(0, -1)].sort().join(',');
                    if (!seen.has(key)) {
                        seen.add(key);
                        cycles.push(cycle);
                    }
                }
                else if (!state.has(d))
                    enter(d);
            }
            else {
                stack.pop();
                nextDep.pop();
                position.delete(id);
                state.set(id, 2);
            }
        }
    }
    return { cycles, more };
}
/** Each dependency cycle once (the first `MAX_CYCLES`), as a path that returns to its start. */
function findCycles(tasks) {
    return cyclesOf(tasks).cycles;
}
/**
 * One line of text for a problem. Its parts quote untrusted files (a file name, a key, a value), so
 * control characters are written out (`\u001b`): an escape sequence or a line break in a blueprint
 * cannot rewrite the terminal or forge another problem line.
 */
function formatProblem(p) {
    const where = p.line ? `${p.file}:${p.line}` : p.file;
    return (0, chars_js_1.escapeControlChars)(`${where}: ${p.severity}: ${p.field ? `${p.field}: ` : ''}${p.message}`);
}
function errorsOf(problems, file) {
    return problems.filter((p) => p.severity === 'error' && (file === undefined || p.file === file));
}
/** Whether a file's name holds `id` as a whole word: `TASK-7` in `TASK-7_login.md`, not in `TASK-70.md`. */
function nameHasId(path, id) {
    if (id === '')
        return false;
    const name = path.slice(path.lastIndexOf('/') + 1);
    const alnum = (c) => c !== undefined && /[A-Za-z0-9]/.test(c);
    for (let i = name.indexOf(id); i >= 0; i = name.indexOf(id, i + 1)) {
        if (!alnum(name[i - 1]) && !alnum(name[i + id.length]))
            return true;
    }
    return false;
}
/** The `id` a file that did not parse declares in its front matter, when it declares a string. */
function declaredId(project, path) {
    let ids = declaredIds.get(project);
    if (!ids)
        declaredIds.set(project, (ids = new Map()));
    if (!ids.has(path)) {
        const data = brokenFiles.get(project)?.get(path);
        const text = data === undefined ? undefined : (0, text_js_1.decodeSpecFile)(data, path).text;
        const id = text === undefined ? undefined : (0, frontmatter_js_1.parseFrontMatter)(text, path).fm?.data.id;
        ids.set(path, typeof id === 'string' ? id : undefined);
    }
    return ids.get(path);
}
/**
 * The errors (from `errors`, in order) of the files in `dir` that did not load but are meant to define
 * `id`: the file declares that id, or its name holds it as a whole word (a link or an unreadable file
 * says nothing else). Files that did load (`loaded`) have another id and are not meant.
 */
function brokenFileErrors(project, errors, dir, id, loaded) {
    const meant = new Map();
    return errors.filter((p) => {
        if (!p.file.startsWith(`${dir}/`) || loaded.has(p.file))
            return false;
        let m = meant.get(p.file);
        if (m === undefined) {
            m = nameHasId(p.file, id) || declaredId(project, p.file) === id;
            meant.set(p.file, m);
        }
        return m;
    });
}
/** The task with this id, or a user error: unknown id, or a blueprint with errors (all listed). */
function requireTask(project, taskId) {
    return taskLookup(project)(taskId);
}
/**
 * `requireTask` for many ids of one project (a milestone's tasks): the tasks and the errors are indexed
 * once, so checking thousands of tasks does not rescan every task and problem for each.
 */
function taskLookup(project) {
    const byId = new Map();
    for (const t of project.tasks)
        if (!byId.has(t.id))
            byId.set(t.id, t);
    // Positions in `errors` of each file's errors, and of the errors saying an id is defined twice.
    const errors = errorsOf(project.problems);
    const ofFile = new Map();
    const ofDuplicate = new Map();
    const add = (map, key, i) => {
        const list = map.get(key);
        if (list)
            list.push(i);
        else
            map.set(key, [i]);
    };
    let loaded;
    let known;
    errors.forEach((p, i) => {
        add(ofFile, p.file, i);
        const dup = p.field === 'id' ? /^duplicate task id (\S+): /.exec(p.message) : null;
        if (dup)
            add(ofDuplicate, dup[1], i);
    });
    return (taskId) => {
        const task = byId.get(taskId);
        if (!task) {
            // The blueprint may exist but fail to parse: point at its problems rather than "unknown".
            loaded ??= new Set(project.tasks.map((t) => t.path));
            const broken = brokenFileErrors(project, errors, exports.TASKS_DIR, taskId, loaded);
            if (broken.length) {
                throw new errors_js_1.ConfigurationError(`task ${(0, chars_js_1.escapeControlChars)(taskId)} has an invalid blueprint:\n${broken.map(formatProblem).join('\n')}`);
            }
            known ??= project.tasks.map((t) => t.id).sort();
            // A blueprint named after the id that declares another one is the likely mistake.
            const misnamed = project.tasks
                .filter((t) => nameHasId(t.path, taskId))
                .map((t) => `; ${t.path} declares id ${t.id}`)
                .join('');
            throw new errors_js_1.ConfigurationError(`unknown task ${(0, chars_js_1.escapeControlChars)(taskId)}: no blueprint in ${exports.TASKS_DIR}/ has this id${misnamed}${known.length ? ` (known: ${known.join(', ')})` : ''}`);
        }
        // Its own file's errors, and another file defining the same id (exactly this id: TASK-10 defined
        // twice says nothing about TASK-1), in the order they were found.
        const at = [...new Set([...(ofFile.get(task.path) ?? []), ...(ofDuplicate.get(task.id) ?? [])])];
        const errs = at.sort((a, b) => a - b).map((i) => errors[i]);
        if (errs.length) {
            throw new errors_js_1.ConfigurationError(`task ${taskId} has problems:\n${errs.map(formatProblem).join('\n')}`);
        }
        return task;
    };
}
function requireMilestone(project, id) {
    const m = project.milestones.find((x) => x.id === id);
    if (!m) {
        // The milestone file may exist but fail to load: point at its problems rather than "unknown".
        const broken = brokenFileErrors(project, errorsOf(project.problems), exports.MILESTONES_DIR, id, new Set(project.milestones.map((x) => x.path)));
        if (broken.length) {
            throw new errors_js_1.ConfigurationError(`milestone ${(0, chars_js_1.escapeControlChars)(id)} has an invalid file:\n${broken.map(formatProblem).join('\n')}`);
        }
        const known = project.milestones.map((x) => x.id).sort();
        throw new errors_js_1.ConfigurationError(`unknown milestone ${(0, chars_js_1.escapeControlChars)(id)}: no file in ${exports.MILESTONES_DIR}/ has this id${known.length ? ` (known: ${known.join(', ')})` : ''}`);
    }
    return m;
}
/** quality.toml, or a user error when it is missing or invalid (all its problems listed). */
function requireQuality(project, where = 'the working tree') {
    const errs = errorsOf(project.problems, exports.QUALITY_FILE);
    if (errs.length)
        throw new errors_js_1.ConfigurationError(`quality.toml in ${where} is invalid:\n${errs.map(formatProblem).join('\n')}`);
    if (!project.quality)
        throw new errors_js_1.ConfigurationError(`quality.toml is missing in ${where}: the Validator needs its [quality_checks]`);
    return project.quality;
}
/** Tasks that can start now: pending, every dependency done. In milestone order when given. */
function readyTasks(project, milestone) {
    const byId = new Map(project.tasks.map((t) => [t.id, t]));
    const order = milestone
        ? milestone.tasks.map((id) => byId.get(id)).filter((t) => !!t)
        : [...project.tasks].sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
    return order.filter((t) => t.status === 'pending' && t.dependsOn.every((d) => byId.get(d)?.status === 'done'));
}


/***/ }),

/***/ 3650:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseQualityToml = parseQualityToml;
/** `quality.toml`: the Validator's checks and the optional tables other stations read. */
const smol_toml_1 = __webpack_require__(7106);
const chars_js_1 = __webpack_require__(5153);
const plan_js_1 = __webpack_require__(9948);
const text_js_1 = __webpack_require__(8068);
const types_js_1 = __webpack_require__(9518);
const glob_js_1 = __webpack_require__(3596);
/** How many globs one list of quality.toml may hold. */
const MAX_GLOBS = 200;
const TABLES = ['quality_checks', 'setup', 'guard', 'validator', 'bundle', 'llm', 'commit'];
const CHECK_FIELDS = ['command', 'timeout', 'exclusive', 'env'];
const CHECK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
function isTable(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
/** The key index's name for the lines before the first table header (a header is never a bare word). */
const TOP = 'top-level';
/** The keys a trimmed `key = value` line may define: as written, and without the quotes around it. */
function keyCandidates(line) {
    const out = [];
    const add = (eq) => {
        if (eq < 0)
            return;
        const k = line.slice(0, eq).trimEnd();
        const open = k.startsWith('"') || k.startsWith("'");
        const close = k.endsWith('"') || k.endsWith("'");
        out.push(k);
        if (open)
            out.push(k.slice(1));
        if (close)
            out.push(k.slice(0, -1));
        if (open && close && k.length >= 2)
            out.push(k.slice(1, -1));
    };
    const eq = line.indexOf('=');
    add(eq);
    // A quoted key may itself hold '=': then its definition's '=' is the first one after the closing quote.
    const q = line[0];
    if (eq >= 0 && (q === '"' || q === "'")) {
        let close = 1;
        while (close < line.length && line[close] !== q)
            close += q === '"' && line[close] === '\\' ? 2 : 1;
        if (close > eq)
            add(line.indexOf('=', close + 1));
    }
    return out;
}
/** Words and quoted strings, for the "any mention" fallback of `lineOf` once scanning is too costly. */
const MENTION = /[A-Za-z0-9_.-]+|"[^"]*"|'[^']*'/g;
/** Characters the "any mention" fallback of `lineOf` may scan in all, as a multiple of the file's size. */
const MENTION_SCAN_BUDGET = 8;
/**
 * The table a trimmed `[name]` header line opens (not `[[name]]`), or undefined. Read in code: the
 * expression `^\[\s*([^\]]+?)\s*\]` backtracks quadratically on a long run of spaces with no `]`
 * after it, and such a line is valid inside a multi-line string.
 */
function tableHeader(l) {
    if (!l.startsWith('[') || l.startsWith('[['))
        return undefined;
    const close = l.indexOf(']');
    if (close < 0)
        return undefined;
    const name = l.slice(1, close).trim();
    return name === '' ? undefined : name;
}
/** Everything `lineOf` needs, from one pass over the lines. */
function indexLines(lines) {
    /** Per table (`[name]`, or TOP before the first header): each key's first `key = …` line. */
    const keyLine = new Map();
    /** Each table's last header line. */
    const headerLine = new Map();
    let section = TOP;
    let size = 0;
    for (let i = 0; i < lines.length; i++) {
        size += lines[i].length + 1;
        const l = lines[i].trim();
        const h = tableHeader(l);
        if (h !== undefined) {
            section = `[${h}]`;
            headerLine.set(h, i + 1);
        }
        else {
            let keys = keyLine.get(section);
            if (!keys)
                keyLine.set(section, (keys = new Map()));
            for (const k of keyCandidates(l))
                if (!keys.has(k))
                    keys.set(k, i + 1);
        }
    }
    // The first line that contains the key. Scanning for each key is quadratic when thousands of keys are
    // looked up (dotted `quality_checks.name = …` lines without a header), so after a budget the first
    // line where the key is a word or a quoted string answers instead, from an index built once.
    const found = new Map();
    let budget = MENTION_SCAN_BUDGET * size;
    let words;
    const wordLine = (key) => {
        if (!words) {
            words = new Map();
            for (let i = 0; i < lines.length; i++) {
                for (const m of lines[i].matchAll(MENTION)) {
                    const quoted = m[0].startsWith('"') || m[0].startsWith("'");
                    for (const w of quoted ? [m[0].slice(1, -1)] : [m[0], ...m[0].split('.')])
                        if (w !== '' && !words.has(w))
                            words.set(w, i + 1);
                }
            }
        }
        return words.get(key);
    };
    const mentionLine = (key) => {
        if (found.has(key))
            return found.get(key);
        let line;
        let i = 0;
        for (; i < lines.length && budget > 0; i++) {
            budget -= lines[i].length + 1;
            if (lines[i].includes(key)) {
                line = i + 1;
                break;
            }
        }
        if (line === undefined && i < lines.length)
            line = wordLine(key);
        found.set(key, line);
        return line;
    };
    return { keyLine, headerLine, mentionLine };
}
function parseQualityToml(data, file = 'quality.toml') {
    const decoded = (0, text_js_1.decodeSpecFile)(data, file);
    if (decoded.text === undefined)
        return { problems: decoded.problems };
    const text = decoded.text;
    const lines = text.split(/\r?\n/);
    const problems = [];
    let doc;
    try {
        doc = (0, smol_toml_1.parse)(text);
    }
    catch (e) {
        if (e instanceof smol_toml_1.TomlError) {
            const first = e.message.split('\n')[0] ?? e.message;
            return {
                problems: [{ file, line: e.line, severity: 'error', message: `TOML syntax error: ${first}` }],
            };
        }
        return { problems: [{ file, severity: 'error', message: `TOML: ${e.message}` }] };
    }
    /**
     * Best-effort line of `key` inside `[table]` (smol-toml does not report positions): the first
     * `key = …` line (the key bare or quoted) under a `[table]` header, else the table's header, else the
     * first line that mentions the key. The lines are indexed once: a lookup per check must not rescan
     * the file (10,000 checks took 22 s).
     */
    const { keyLine, headerLine, mentionLine } = indexLines(lines);
    const lineOf = (table, key) => {
        if (key !== undefined) {
            const line = keyLine.get(table === undefined ? TOP : `[${table}]`)?.get(key);
            if (line !== undefined)
                return line;
            // A key that is a table of its own: `[validator.extra]`, `[quality_checks.tests]`.
            const own = headerLine.get(table === undefined ? key : `${table}.${key}`);
            if (own !== undefined)
                return own;
        }
        // Dotted or inline definitions: fall back to the table header or any mention.
        const tableLine = table === undefined ? undefined : headerLine.get(table);
        if (tableLine)
            return tableLine;
        return key === undefined ? undefined : mentionLine(key);
    };
    const err = (table, key, message, at) => {
        const field = [table, key].filter(Boolean).join('.');
        const line = at ?? lineOf(table, key);
        problems.push({
            file,
            ...(line ? { line } : {}),
            field: field || undefined,
            severity: 'error',
            message,
        });
    };
    for (const k of Object.keys(doc)) {
        if (!TABLES.includes(k)) {
            err(undefined, k, `unknown table or key '${k}'${(0, text_js_1.didYouMean)(k, TABLES)}; known tables: ${TABLES.map((t) => `[${t}]`).join(', ')}`);
        }
        else if (!isTable(doc[k])) {
            err(undefined, k, `expected a table [${k}], got ${(0, plan_js_1.describe)(doc[k])}`);
        }
    }
    const table = (name) => (isTable(doc[name]) ? doc[name] : {});
    const allowOnly = (name, allowed) => {
        for (const k of Object.keys(table(name))) {
            if (!allowed.includes(k))
                err(name, k, `unknown key '${k}'${(0, text_js_1.didYouMean)(k, allowed)}; expected one of ${allowed.join(', ')}`);
        }
    };
    const positive = (name, key, opts = {}) => {
        const v = table(name)[key];
        if (v === undefined)
            return undefined;
        const n = typeof v === 'bigint' ? Number(v) : v;
        if (typeof n !== 'number' ||
            !(n > 0) ||
            (opts.int && !Number.isInteger(n)) ||
            (opts.max !== undefined && n > opts.max)) {
            err(name, key, `expected a positive ${opts.int ? 'integer' : 'number'}${opts.max ? ` up to ${opts.max}` : ''}, got ${(0, plan_js_1.describe)(v)}`);
            return undefined;
        }
        return n;
    };
    const str = (name, key, t = table(name)) => {
        const v = t[key];
        if (v === undefined)
            return undefined;
        if (typeof v !== 'string' || v.trim() === '') {
            err(name, key, `expected a non-empty string, got ${(0, plan_js_1.describe)(v)}`);
            return undefined;
        }
        // Names, e-mail addresses, models and URLs: one line of plain text (they reach commits and logs).
        if ((0, chars_js_1.hasControlChar)(v)) {
            err(name, key, `expected one line of plain text, got ${(0, plan_js_1.describe)(v)}: it contains a control character (a line break, an escape sequence or a bidi override)`);
            return undefined;
        }
        return v;
    };
    const bool = (name, key) => {
        const v = table(name)[key];
        if (v === undefined)
            return undefined;
        if (typeof v !== 'boolean') {
            err(name, key, `expected true or false, got ${(0, plan_js_1.describe)(v)}`);
            return undefined;
        }
        return v;
    };
    const strings = (name, key, opts = {}, t = table(name)) => {
        const v = t[key];
        if (v === undefined)
            return undefined;
        if (!Array.isArray(v)) {
            err(name, key, `expected a list of non-empty strings, got ${(0, plan_js_1.describe)(v)}`);
            return undefined;
        }
        // Every bad item, each named: "got a list" did not say which one was wrong.
        let ok = true;
        for (const [i, s] of v.entries()) {
            const why = typeof s !== 'string' || s.trim() === ''
                ? `expected a non-empty string, got ${(0, plan_js_1.describe)(s)}`
                : opts.check?.(s);
            if (why) {
                err(name, key, `item ${i + 1}${typeof s === 'string' && s.trim() !== '' ? ` ${(0, plan_js_1.describe)(s)}` : ''}: ${why}`);
                ok = false;
            }
        }
        return ok ? v : undefined;
    };
    // Globs become backtracking regular expressions: each further wildcard in one path segment multiplies
    // the time a long file name takes (four took 24 s on one name), so a glob is kept simple.
    const globs = (name, key) => {
        const v = strings(name, key);
        if (v === undefined)
            return undefined;
        if (v.length > MAX_GLOBS) {
            err(name, key, `expected at most ${MAX_GLOBS} globs, got ${v.length}`);
            return undefined;
        }
        let ok = true;
        for (const g of v) {
            const problem = (0, glob_js_1.globProblem)(g);
            if (problem) {
                err(name, key, `glob ${(0, plan_js_1.describe)(g)}: ${problem}`);
                ok = false;
            }
        }
        return ok ? v : undefined;
    };
    const url = (name, key, t = table(name)) => {
        const v = str(name, key, t);
        if (v === undefined)
            return undefined;
        try {
            const u = new URL(v);
            if (u.protocol !== 'http:' && u.protocol !== 'https:')
                throw new Error('protocol');
            return v;
        }
        catch {
            err(name, key, `expected an http(s) URL, got ${(0, plan_js_1.describe)(v)}`);
            return undefined;
        }
    };
    // [quality_checks]
    const checks = [];
    if (doc.quality_checks === undefined) {
        err(undefined, 'quality_checks', 'missing [quality_checks] table: the Validator needs at least one check (name = "command")');
    }
    for (const [name, v] of Object.entries(table('quality_checks'))) {
        if (!CHECK_NAME.test(name)) {
            err('quality_checks', name, `check name '${name}' must be letters, digits, '_', '.', '-' (up to 64)`);
            continue;
        }
        if (typeof v === 'string') {
            const why = v.trim() === '' ? 'expected a non-empty command' : (0, plan_js_1.commandProblem)(v);
            if (why)
                err('quality_checks', name, why);
            else
                checks.push({ name, command: v, exclusive: false, env: {}, line: lineOf('quality_checks', name) });
            continue;
        }
        if (!isTable(v)) {
            err('quality_checks', name, `expected a command string or a table {command, timeout, exclusive, env}, got ${(0, plan_js_1.describe)(v)}`);
            continue;
        }
        const before = problems.length;
        // A check written as its own table (`[quality_checks.tests]`): a key's own line there.
        const fieldLine = (k) => keyLine.get(`[quality_checks.${name}]`)?.get(k);
        for (const k of Object.keys(v)) {
            if (!CHECK_FIELDS.includes(k)) {
                err('quality_checks', name, `unknown key '${k}' in check '${name}'${(0, text_js_1.didYouMean)(k, CHECK_FIELDS)}; expected ${CHECK_FIELDS.join(', ')}`, fieldLine(k));
            }
        }
        if (typeof v.command !== 'string' || v.command.trim() === '') {
            err('quality_checks', name, `check '${name}': expected a non-empty 'command' string, got ${(0, plan_js_1.describe)(v.command)}`, fieldLine('command'));
        }
        else {
            const why = (0, plan_js_1.commandProblem)(v.command);
            if (why)
                err('quality_checks', name, `check '${name}': ${why}`, fieldLine('command'));
        }
        const timeout = typeof v.timeout === 'bigint' ? Number(v.timeout) : v.timeout;
        // The bounds the message names (and a plan step's `timeout` keeps): 0.001 passed and timed every
        // run of the check out.
        if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout >= 1) || timeout > 86400)) {
            err('quality_checks', name, `check '${name}': 'timeout' must be seconds between 1 and 86400, got ${(0, plan_js_1.describe)(v.timeout)}`, fieldLine('timeout'));
        }
        if (v.exclusive !== undefined && typeof v.exclusive !== 'boolean') {
            err('quality_checks', name, `check '${name}': 'exclusive' must be true or false, got ${(0, plan_js_1.describe)(v.exclusive)}`, fieldLine('exclusive'));
        }
        const env = {};
        if (v.env !== undefined) {
            if (!isTable(v.env))
                err('quality_checks', name, `check '${name}': 'env' must be a table of strings`, fieldLine('env'));
            else
                for (const [ek, ev] of Object.entries(v.env)) {
                    // A NUL in a value cannot be passed to a process (spawning the check threw).
                    if (typeof ev !== 'string' || ev.includes('\0') || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(ek)) {
                        err('quality_checks', name, `check '${name}': env.${ek} must be a string with a valid variable name`, keyLine.get(`[quality_checks.${name}.env]`)?.get(ek) ?? fieldLine('env'));
                    }
                    else
                        env[ek] = ev;
                }
        }
        if (problems.length === before) {
            checks.push({
                name,
                command: v.command,
                ...(timeout !== undefined ? { timeout: timeout } : {}),
                exclusive: v.exclusive ?? false,
                env,
                line: lineOf('quality_checks', name),
            });
        }
    }
    if (isTable(doc.quality_checks) && Object.keys(doc.quality_checks).length === 0) {
        problems.push({
            file,
            ...(headerLine.get('quality_checks') ? { line: headerLine.get('quality_checks') } : {}),
            field: 'quality_checks',
            severity: 'warning',
            message: '[quality_checks] is empty: the Validator will judge changes by the verification plan alone (add name = "command")',
        });
    }
    allowOnly('setup', ['commands', 'timeout']);
    allowOnly('guard', ['protected', 'allow_skip_markers', 'allow_config_changes']);
    allowOnly('validator', ['jobs', 'fail_fast', 'default_timeout', 'secret_env', 'clean_worktree']);
    allowOnly('bundle', ['token_budget', 'include', 'exclude']);
    allowOnly('llm', [
        'model',
        'base_url',
        'coder',
        'security',
        'max_turns',
        'token_budget',
        'cost_budget_usd',
        'timeout_seconds',
    ]);
    allowOnly('commit', ['author_name', 'author_email']);
    const llm = table('llm');
    const stationLlm = (name) => {
        const t = llm[name];
        if (t === undefined)
            return {};
        if (!isTable(t)) {
            err('llm', name, `expected a table [llm.${name}] with model and base_url`);
            return {};
        }
        for (const k of Object.keys(t)) {
            if (k !== 'model' && k !== 'base_url')
                err(`llm.${name}`, k, `unknown key '${k}'; expected model, base_url`);
        }
        const model = str(`llm.${name}`, 'model', t);
        const baseUrl = url(`llm.${name}`, 'base_url', t);
        return { ...(model ? { model } : {}), ...(baseUrl ? { baseUrl } : {}) };
    };
    const tokenBudget = positive('bundle', 'token_budget', { int: true });
    if (tokenBudget !== undefined && tokenBudget < 1000)
        err('bundle', 'token_budget', `expected at least 1000 tokens, got ${tokenBudget}`);
    const email = str('commit', 'author_email');
    if (email !== undefined && !/^[^\s@<>]+@[^\s@<>]+$/.test(email))
        err('commit', 'author_email', `expected an e-mail address, got ${(0, plan_js_1.describe)(email)}`);
    /** `{ key: value }` when the value is set, else nothing (optional fields stay absent). */
    const opt = (key, value) => (value === undefined ? {} : { [key]: value });
    const config = {
        path: file,
        checks,
        setup: {
            commands: strings('setup', 'commands', { check: plan_js_1.commandProblem }) ?? [],
            ...opt('timeout', positive('setup', 'timeout', { max: 86400 })),
        },
        guard: {
            // A project's own list adds to the defaults: quality.toml, the specs, workflows and bundles stay
            // protected whatever the list says, or a change could rewrite the next run's checks.
            protected: [...new Set([...types_js_1.DEFAULT_PROTECTED, ...(globs('guard', 'protected') ?? [])])],
            allowSkipMarkers: bool('guard', 'allow_skip_markers') ?? false,
            allowConfigChanges: bool('guard', 'allow_config_changes') ?? false,
        },
        validator: {
            ...opt('jobs', positive('validator', 'jobs', { int: true, max: 64 })),
            failFast: bool('validator', 'fail_fast') ?? false,
            defaultTimeout: positive('validator', 'default_timeout', { max: 86400 }) ?? types_js_1.DEFAULT_CHECK_TIMEOUT_SECONDS,
            secretEnv: strings('validator', 'secret_env', {
                check: (s) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s)
                    ? undefined
                    : 'expected an environment variable name (letters, digits, _)',
            }) ?? [],
            cleanWorktree: bool('validator', 'clean_worktree') ?? false,
        },
        bundle: {
            tokenBudget: tokenBudget ?? types_js_1.DEFAULT_TOKEN_BUDGET,
            include: globs('bundle', 'include') ?? [],
            exclude: globs('bundle', 'exclude') ?? [],
        },
        llm: {
            ...opt('model', str('llm', 'model')),
            ...opt('baseUrl', url('llm', 'base_url')),
            coder: stationLlm('coder'),
            security: stationLlm('security'),
            ...opt('maxTurns', positive('llm', 'max_turns', { int: true })),
            ...opt('tokenBudget', positive('llm', 'token_budget', { int: true })),
            ...opt('costBudgetUsd', positive('llm', 'cost_budget_usd')),
            ...opt('timeoutSeconds', positive('llm', 'timeout_seconds', { max: 86400 })),
        },
        commit: {
            ...opt('authorName', str('commit', 'author_name')),
            ...opt('authorEmail', email),
        },
    };
    if (problems.some((p) => p.severity === 'error'))
        return { problems };
    return { config, problems };
}


/***/ }),

/***/ 9930:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NOT_UTF8_REASON = exports.SYMLINK_REASON = void 0;
exports.fsSource = fsSource;
exports.gitSource = gitSource;
/**
 * Where spec files are read from: the working tree, or a commit (the Validator reads quality.toml and
 * the plan from the base commit so a change cannot weaken its own checks).
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const git_js_1 = __webpack_require__(308);
exports.SYMLINK_REASON = 'symbolic link (not followed): spec files must be regular files in the repository';
exports.NOT_UTF8_REASON = 'its name is not valid UTF-8: spec file names must be UTF-8';
function fsSource(root) {
    // `skipped`, when given, collects what is left out (links, devices) with why.
    const walk = (rel, skipped) => {
        const abs = (0, node_path_1.join)(root, rel);
        let names;
        try {
            names = (0, node_fs_1.readdirSync)(abs);
        }
        catch {
            return [];
        }
        const out = [];
        for (const name of names.sort()) {
            const r = rel ? `${rel}/${name}` : name;
            let st;
            try {
                st = (0, node_fs_1.lstatSync)((0, node_path_1.join)(root, r));
            }
            catch {
                // A name that is not UTF-8 comes back from readdir with U+FFFD in it and names no file: such a
                // blueprint was left out in silence.
                skipped?.push({ path: r, reason: r.includes('\uFFFD') ? exports.NOT_UTF8_REASON : 'could not be read' });
                continue;
            }
            // Symlinks are not followed: a spec folder must not pull in files from elsewhere.
            if (st.isDirectory())
                out.push(...walk(r, skipped));
            else if (st.isFile())
                out.push(r);
            else
                skipped?.push({ path: r, reason: st.isSymbolicLink() ? exports.SYMLINK_REASON : 'not a regular file' });
        }
        return out;
    };
    return {
        label: root,
        list: (dir) => walk(dir.replace(/\/+$/, '')),
        read: (p) => {
            try {
                const st = (0, node_fs_1.lstatSync)((0, node_path_1.join)(root, p));
                if (!st.isFile())
                    return undefined;
                return (0, node_fs_1.readFileSync)((0, node_path_1.join)(root, p));
            }
            catch {
                return undefined;
            }
        },
        size: (p) => {
            try {
                return (0, node_fs_1.statSync)((0, node_path_1.join)(root, p)).size;
            }
            catch {
                return undefined;
            }
        },
        // A link counts as present (even a dangling one): reading it then says why it is not followed.
        exists: (p) => {
            try {
                (0, node_fs_1.lstatSync)((0, node_path_1.join)(root, p));
                return true;
            }
            catch {
                return false;
            }
        },
        unreadable: (p) => {
            try {
                const st = (0, node_fs_1.lstatSync)((0, node_path_1.join)(root, p));
                if (st.isSymbolicLink())
                    return exports.SYMLINK_REASON;
                if (st.isDirectory())
                    return 'is a directory; expected a file';
                if (!st.isFile())
                    return 'not a regular file';
                (0, node_fs_1.readFileSync)((0, node_path_1.join)(root, p));
                return 'file could not be read';
            }
            catch (e) {
                const code = e.code;
                return code === 'EACCES'
                    ? 'permission denied'
                    : code === 'ENOENT'
                        ? 'no such file'
                        : `file could not be read (${code ?? e.message})`;
            }
        },
        notFollowed: (dir) => {
            const skipped = [];
            walk(dir.replace(/\/+$/, ''), skipped);
            return skipped;
        },
    };
}
function gitSource(root, commit) {
    let tree;
    const links = new Set();
    /** Every folder of the commit's files and links, built when first asked for. */
    let dirs;
    const folders = () => {
        if (!dirs) {
            dirs = new Set();
            for (const p of [...entries().keys(), ...links])
                for (let i = p.lastIndexOf('/'); i > 0 && !dirs.has(p.slice(0, i)); i = p.lastIndexOf('/', i - 1))
                    dirs.add(p.slice(0, i));
        }
        return dirs;
    };
    const entries = () => {
        if (!tree) {
            tree = new Map();
            const out = (0, git_js_1.execGit)(['ls-tree', '-r', '-l', '-z', commit], { cwd: root }).stdout;
            for (const rec of out.split('\0')) {
                if (!rec)
                    continue;
                // "<mode> <type> <object> <size>\t<path>"
                const tab = rec.indexOf('\t');
                const meta = rec.slice(0, tab).trim().split(/\s+/);
                if (meta[1] !== 'blob')
                    continue;
                if (meta[0] === '120000') {
                    links.add(rec.slice(tab + 1));
                    continue;
                }
                tree.set(rec.slice(tab + 1), Number(meta[3]));
            }
        }
        return tree;
    };
    return {
        label: `commit ${commit.slice(0, 12)}`,
        list: (dir) => {
            const prefix = dir.replace(/\/+$/, '') + '/';
            return [...entries().keys()].filter((p) => p.startsWith(prefix)).sort();
        },
        // `ls-tree` lists paths relative to `root` (which may be a subdirectory of the repository); `./`
        // makes `git show` resolve them the same way.
        read: (p) => (entries().has(p) ? (0, git_js_1.showFile)(root, commit, `./${p}`) : undefined),
        size: (p) => entries().get(p),
        // A set of folders, not a scan of every file per call: a blueprint listing 40,000 missing tests in
        // a repository of 5,000 files took half a minute.
        exists: (p) => entries().has(p) || links.has(p) || folders().has(p.replace(/\/+$/, '')),
        unreadable: (p) => p.includes('\uFFFD')
            ? exports.NOT_UTF8_REASON
            : entries().has(p)
                ? 'file could not be read'
                : links.has(p)
                    ? exports.SYMLINK_REASON
                    : 'not a regular file',
        notFollowed: (dir) => {
            entries();
            const prefix = dir.replace(/\/+$/, '') + '/';
            return [...links].filter((p) => p.startsWith(prefix)).map((path) => ({ path, reason: exports.SYMLINK_REASON }));
        },
    };
}


/***/ }),

/***/ 8068:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_SPEC_FILE_BYTES = void 0;
exports.decodeSpecFile = decodeSpecFile;
exports.formatBytes = formatBytes;
exports.lineAt = lineAt;
exports.isMilestoneId = isMilestoneId;
exports.editDistance = editDistance;
exports.didYouMean = didYouMean;
exports.checkRefName = checkRefName;
/** Files larger than this are refused before parsing: a blueprint is prose, not a data dump. */
exports.MAX_SPEC_FILE_BYTES = 1024 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });
/** Decodes a user's file strictly; returns problems for NUL bytes, invalid UTF-8 and size. */
function decodeSpecFile(data, file) {
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    if (size > exports.MAX_SPEC_FILE_BYTES) {
        return {
            problems: [
                {
                    file,
                    severity: 'error',
                    message: `file is ${formatBytes(size)}; spec files are limited to ${formatBytes(exports.MAX_SPEC_FILE_BYTES)}`,
                },
            ],
        };
    }
    let text;
    if (typeof data === 'string')
        text = data;
    else {
        try {
            text = decoder.decode(data);
        }
        catch {
            const at = firstInvalidUtf8(data);
            return {
                problems: [
                    {
                        file,
                        line: lineAtByte(data, at),
                        severity: 'error',
                        message: `invalid UTF-8 at byte ${at}; spec files must be UTF-8 text`,
                    },
                ],
            };
        }
    }
    const nul = text.indexOf('\0');
    if (nul >= 0) {
        return {
            problems: [
                {
                    file,
                    line: lineAt(text, nul),
                    severity: 'error',
                    message: 'contains a NUL byte; spec files must be text',
                },
            ],
        };
    }
    // A carriage return not followed by a line feed ends a line for YAML, TOML's error messages and
    // Markdown viewers, but not for the line-based reading here: a file with old Mac line endings read as
    // one line whose whole text was quoted back as a "front matter language", and a lone CR in a body hid
    // the heading or fence after it.
    for (let cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1)) {
        if (text.charCodeAt(cr + 1) !== 10) {
            return {
                problems: [
                    {
                        file,
                        line: lineAt(text, cr),
                        severity: 'error',
                        message: 'contains a carriage return without a line feed (an old Mac line ending); spec files must use LF or CRLF line endings',
                    },
                ],
            };
        }
    }
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    return { text, problems: [] };
}
function formatBytes(n) {
    if (n >= 1024 * 1024)
        return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
    if (n >= 1024)
        return `${(n / 1024).toFixed(1)} KiB`;
    return `${n} bytes`;
}
/** Byte offset of the first invalid UTF-8 sequence (linear scan). */
function firstInvalidUtf8(buf) {
    let i = 0;
    while (i < buf.length) {
        const b = buf[i];
        let n = 0;
        let min = 0;
        if (b < 0x80) {
            i++;
            continue;
        }
        else if (b >= 0xc2 && b <= 0xdf) {
            n = 1;
            min = 0x80;
        }
        else if (b >= 0xe0 && b <= 0xef) {
            n = 2;
            min = 0x800;
        }
        else if (b >= 0xf0 && b <= 0xf4) {
            n = 3;
            min = 0x10000;
        }
        else
            return i;
        let cp = b & (0x3f >> n);
        for (let k = 1; k <= n; k++) {
            const c = buf[i + k];
            if (c === undefined || (c & 0xc0) !== 0x80)
                return i;
            cp = (cp << 6) | (c & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += n + 1;
    }
    return buf.length;
}
function lineAtByte(buf, offset) {
    let line = 1;
    for (let i = 0; i < offset && i < buf.length; i++)
        if (buf[i] === 0x0a)
            line++;
    return line;
}
/** 1-based line of a character offset. */
function lineAt(text, offset) {
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            line++;
    return line;
}
/**
 * A milestone id, as the milestone file, a blueprint's `milestone` field, the CLI and the plan action
 * accept it: it becomes part of a branch name (`guardian/<id>`), so what git refuses in one is refused
 * here.
 */
function isMilestoneId(s) {
    return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(s) && !s.includes('..') && !/(?:\.|\.lock)$/.test(s);
}
/** Levenshtein distance, for "did you mean" hints on unknown field names. */
function editDistance(a, b) {
    const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = dp[0];
        dp[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = dp[j];
            dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return dp[b.length];
}
function didYouMean(name, known) {
    let best;
    let bestD = Infinity;
    for (const k of known) {
        const d = editDistance(name.toLowerCase(), k.toLowerCase());
        if (d < bestD) {
            bestD = d;
            best = k;
        }
    }
    return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3))
        ? ` (did you mean '${best}'?)`
        : '';
}
/** Is this a valid git ref name (git check-ref-format rules, for a branch)? Returns the reason if not. */
function checkRefName(ref) {
    if (ref.length === 0)
        return 'it is empty';
    if (ref.length > 200)
        return 'it is longer than 200 characters';
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x20\x7f~^:?*[\\]/.test(ref))
        return 'it contains a space, a control character or one of ~ ^ : ? * [ \\';
    if (ref.includes('..'))
        return "it contains '..'";
    if (ref.includes('@{'))
        return "it contains '@{'";
    if (ref === '@')
        return "it is '@'";
    // git check-ref-format --branch refuses it: HEAD names the checked-out commit, not a branch.
    if (ref === 'HEAD')
        return "it is 'HEAD'";
    if (ref.startsWith('/') || ref.endsWith('/') || ref.includes('//'))
        return "it has an empty component ('/')";
    if (ref.endsWith('.'))
        return "it ends with '.'";
    if (ref.startsWith('-'))
        return "it starts with '-'";
    for (const part of ref.split('/')) {
        if (part.startsWith('.'))
            return "a component starts with '.'";
        if (part.endsWith('.lock'))
            return "a component ends with '.lock'";
    }
    return undefined;
}


/***/ }),

/***/ 9518:
/***/ ((__unused_webpack_module, exports) => {


/** The spec model: what Guardian reads from a user's repository. Pure data, no behaviour. */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEFAULT_TOKEN_BUDGET = exports.DEFAULT_CHECK_TIMEOUT_SECONDS = exports.DEFAULT_PROTECTED = exports.SECTION_KEYS = exports.PLAN_STAGES = exports.TASK_STATUSES = void 0;
exports.TASK_STATUSES = ['pending', 'in_progress', 'done', 'failed', 'blocked'];
exports.PLAN_STAGES = ['pre-start', 'final-submit'];
exports.SECTION_KEYS = [
    'goal',
    'acceptance_criteria',
    'implementation_plan',
    'verification_plan',
    'architectural_constraints',
    'security_considerations',
    'relevant_existing_code',
];
exports.DEFAULT_PROTECTED = ['quality.toml', 'specs/**', '.github/**', '.guardian/**'];
exports.DEFAULT_CHECK_TIMEOUT_SECONDS = 600;
exports.DEFAULT_TOKEN_BUDGET = 24000;


/***/ }),

/***/ 1917:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.sha256 = sha256;
exports.writeFileAtomic = writeFileAtomic;
exports.findBlocker = findBlocker;
exports.unwritableAncestor = unwritableAncestor;
exports.blockerMessage = blockerMessage;
exports.refuseLinkedState = refuseLinkedState;
exports.assertCanBeDir = assertCanBeDir;
exports.ensureDir = ensureDir;
exports.checkRepoRelativePath = checkRepoRelativePath;
exports.toPosix = toPosix;
exports.openRegularFile = openRegularFile;
const node_crypto_1 = __webpack_require__(7598);
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const errors_js_1 = __webpack_require__(3916);
function sha256(data) {
    return (0, node_crypto_1.createHash)('sha256').update(data).digest('hex');
}
/** Write a file atomically (temp file + rename) so a reader never sees half a file. */
function writeFileAtomic(path, data) {
    ensureDir((0, node_path_1.dirname)(path));
    const tmp = `${path}.${(0, node_crypto_1.randomBytes)(6).toString('hex')}.tmp`;
    try {
        (0, node_fs_1.writeFileSync)(tmp, data);
        (0, node_fs_1.renameSync)(tmp, path);
    }
    catch (e) {
        (0, node_fs_1.rmSync)(tmp, { force: true });
        const code = e.code;
        if (code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST') {
            const blocked = findBlocker(guessRoot(path), path, 'file');
            if (blocked)
                throw new errors_js_1.ConfigurationError(blockerMessage(blocked), { cause: e });
        }
        throw e;
    }
}
/**
 * What stands in the way of creating `path` (absolute, or relative to `root`) as a file or directory:
 * a file where a directory is needed anywhere along the path, a directory where the file should be, or
 * a broken symbolic link. Only the part below `root` is looked at; nothing is created.
 */
function findBlocker(root, path, want) {
    const rel = (0, node_path_1.isAbsolute)(path) ? (0, node_path_1.relative)(root, path) : path;
    const parts = rel.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
    let abs = root;
    for (let i = 0; i < parts.length; i++) {
        abs = (0, node_path_1.join)(abs, parts[i]);
        const shown = toPosix((0, node_path_1.isAbsolute)(rel) || rel.startsWith('..') ? abs : (0, node_path_1.relative)(root, abs));
        const last = i === parts.length - 1;
        let st;
        try {
            st = (0, node_fs_1.statSync)(abs, { throwIfNoEntry: false });
        }
        catch {
            st = undefined;
        }
        if (!st) {
            if ((0, node_fs_1.lstatSync)(abs, { throwIfNoEntry: false })?.isSymbolicLink()) {
                return {
                    path: shown,
                    is: 'a broken symbolic link',
                    expected: last && want === 'file' ? 'a file' : 'a directory',
                };
            }
            return undefined; // nothing there yet: the rest of the path is created
        }
        if (last && want === 'file') {
            return st.isDirectory() ? { path: shown, is: 'a directory', expected: 'a file' } : undefined;
        }
        if (!st.isDirectory())
            return { path: shown, is: 'a file', expected: 'a directory' };
    }
    return undefined;
}
/** The nearest existing directory at or above `path` when Guardian may not write there, else undefined. */
function unwritableAncestor(root, path) {
    let abs = (0, node_path_1.isAbsolute)(path) ? path : (0, node_path_1.join)(root, path);
    while ((0, node_fs_1.statSync)(abs, { throwIfNoEntry: false }) === undefined && (0, node_path_1.dirname)(abs) !== abs)
        abs = (0, node_path_1.dirname)(abs);
    try {
        (0, node_fs_1.accessSync)(abs, node_fs_1.constants.W_OK);
        return undefined;
    }
    catch {
        const rel = (0, node_path_1.relative)(root, abs);
        return rel === '' ? '.' : rel.startsWith('..') || (0, node_path_1.isAbsolute)(rel) ? abs : toPosix(rel);
    }
}
const GUARDIAN_STATE = 'Guardian keeps its bundles, index and ledger in a .guardian/ directory';
function blockerMessage(b) {
    const why = b.path === '.guardian'
        ? GUARDIAN_STATE
        : b.path.startsWith('.guardian/')
            ? `${b.expected} is expected there (${GUARDIAN_STATE})`
            : `${b.expected} is expected there`;
    return `${b.path} is ${b.is}; ${why} — remove or rename it`;
}
/** The repository a `.guardian/...` path belongs to (the folder holding `.guardian`), else the path's own folder. */
function guessRoot(path) {
    const parts = path.split(node_path_1.sep);
    const i = parts.lastIndexOf('.guardian');
    return i > 0 ? parts.slice(0, i).join(node_path_1.sep) || node_path_1.sep : (0, node_path_1.dirname)(path);
}
/**
 * Guardian's state stays inside the repository: a `.guardian` (or a folder below it) that is a symbolic
 * link — committed on a branch, say — would have bundles, the index and the ledger written wherever it
 * points, and a bundle read from wherever it points (one Guardian never wrote). Such a link is refused,
 * naming it and its target.
 */
function refuseLinkedState(path) {
    const parts = path.split(node_path_1.sep);
    const i = parts.lastIndexOf('.guardian');
    if (i <= 0)
        return;
    for (let j = i; j < parts.length; j++) {
        const p = parts.slice(0, j + 1).join(node_path_1.sep);
        let st;
        try {
            st = (0, node_fs_1.lstatSync)(p);
        }
        catch {
            return; // not there yet: created as a directory below
        }
        if (st.isSymbolicLink()) {
            let target = '';
            try {
                target = (0, node_fs_1.readlinkSync)(p);
            }
            catch {
                // gone meanwhile
            }
            throw new errors_js_1.ConfigurationError(`${toPosix(parts.slice(i, j + 1).join(node_path_1.sep))} is a symbolic link (to ${JSON.stringify(target)}); ${GUARDIAN_STATE} inside the repository, not behind a link — remove the link`);
        }
    }
}
/** Fails the way `ensureDir` would when something blocks `path` as a directory, but creates nothing. */
function assertCanBeDir(path, root) {
    const blocked = findBlocker(root, path, 'dir');
    if (blocked)
        throw new errors_js_1.ConfigurationError(blockerMessage(blocked));
}
const BLOCKED_CODES = new Set(['ENOTDIR', 'EEXIST', 'EISDIR', 'EACCES', 'EPERM', 'EROFS']);
/**
 * `mkdir -p` for the directories Guardian keeps its state in (`.guardian/...`). A file (or a broken
 * link) in the way, or a directory Guardian may not write to, is the user's to fix: it becomes a
 * ConfigurationError naming the blocking path relative to `root` (default: the folder holding
 * `.guardian`).
 */
function ensureDir(path, root = guessRoot(path)) {
    refuseLinkedState(path);
    try {
        (0, node_fs_1.mkdirSync)(path, { recursive: true });
    }
    catch (e) {
        const code = e.code;
        if (!code || !BLOCKED_CODES.has(code))
            throw e;
        const blocked = findBlocker(root, path, 'dir');
        if (blocked)
            throw new errors_js_1.ConfigurationError(blockerMessage(blocked), { cause: e });
        const denied = unwritableAncestor(root, path);
        if (denied) {
            const rel = toPosix((0, node_path_1.relative)(root, path));
            throw new errors_js_1.ConfigurationError(`cannot create ${rel.startsWith('..') ? path : rel}: ${denied} is not writable (${code})`, { cause: e });
        }
        throw e;
    }
}
/** Posix-style repository-relative path, or an explanation of why it is not one. */
function checkRepoRelativePath(p) {
    if (p.trim() === '')
        return 'an empty path';
    if (p.includes('\0'))
        return 'a path containing a NUL byte';
    if ((0, node_path_1.isAbsolute)(p) || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\'))
        return 'an absolute path';
    const parts = p.split(/[\\/]+/);
    if (parts.includes('..'))
        return "a path that leaves the repository ('..')";
    return undefined;
}
function toPosix(p) {
    return (0, node_path_1.normalize)(p).split(node_path_1.sep).join('/');
}
/**
 * Opens `path` only when it is a regular file: a symbolic link is not followed, and a FIFO is not
 * waited on (`O_NONBLOCK`: opening one with no writer would block for good, and reading it would never
 * end). Returns the open descriptor with its stats; `absent` when nothing is there (unless `flags`
 * create the file); else what is there instead, the descriptor closed. Other errors are thrown.
 */
function openRegularFile(path, flags, mode) {
    let fd;
    try {
        fd = (0, node_fs_1.openSync)(path, flags | node_fs_1.constants.O_NOFOLLOW | node_fs_1.constants.O_NONBLOCK, mode);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' && !(flags & node_fs_1.constants.O_CREAT))
            return { absent: true };
        if (code === 'ELOOP')
            return { not: 'a symbolic link (not followed)' };
        if (code === 'EISDIR')
            return { not: 'a directory' };
        if (code === 'ENXIO')
            return { not: 'a socket (not a regular file)' };
        throw e;
    }
    let st;
    try {
        st = (0, node_fs_1.fstatSync)(fd);
    }
    catch (e) {
        (0, node_fs_1.closeSync)(fd);
        throw e;
    }
    if (st.isFile())
        return { fd, st };
    (0, node_fs_1.closeSync)(fd);
    return {
        not: st.isDirectory()
            ? 'a directory'
            : st.isFIFO()
                ? 'a FIFO (not a regular file)'
                : st.isCharacterDevice() || st.isBlockDevice()
                    ? 'a device (not a regular file)'
                    : 'not a regular file',
    };
}


/***/ }),

/***/ 3596:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.globProblem = globProblem;
// Globs from untrusted text become backtracking regular expressions (picomatch): each further wildcard
// in one path segment multiplies the time a long file name takes (four took 24 s on one name).
const MAX_GLOB_LENGTH = 256;
const MAX_SEGMENT_WILDCARDS = 2;
/**
 * Why a glob (from quality.toml, or a model's tool call) is refused: too long, too many wildcards in
 * one path segment, more than two `**`, or a repeated extglob holding a wildcard. Undefined when it is
 * fine.
 */
function globProblem(glob) {
    if (glob.length > MAX_GLOB_LENGTH)
        return `longer than ${MAX_GLOB_LENGTH} characters`;
    const complex = complexityProblem(glob);
    if (complex)
        return complex;
    for (const segment of glob.split('/')) {
        if (segment === '**')
            continue;
        // `*`, `?` and `+(…)`-style extglobs each match a variable stretch of the name.
        const wildcards = (segment.replace(/\\./g, '').match(/\*+|\?|[+@!]\(/g) ?? []).length;
        if (wildcards > MAX_SEGMENT_WILDCARDS)
            return `${wildcards} wildcards in the path segment '${segment}' (at most ${MAX_SEGMENT_WILDCARDS}; split it into several globs)`;
    }
    return undefined;
}
// `**` segments one glob may hold: each further one multiplies the time a deep path takes.
const MAX_GLOBSTARS = 2;
// Why a glob is refused beyond the length and per-segment limits: picomatch turns a repeated extglob holding a
// wildcard (`+(a*)`, `*(**/a)`) into a nested quantifier that backtracks exponentially (`+(a*)b` took
// over 30 s on a name of 32 letters, `+(**/a)/b` on a path of 30 folders), and three `**` segments
// (`**/a/**/a/**/b`) took 10 s on one deep path. (Line comments: these globs would end a block comment.)
function complexityProblem(glob) {
    const globstars = glob.match(/\*\*/g)?.length ?? 0;
    if (globstars > MAX_GLOBSTARS)
        return `${globstars} '**' wildcards (at most ${MAX_GLOBSTARS}; split it into several globs)`;
    for (let i = 0; i < glob.length; i++) {
        if (glob[i] === '\\') {
            i++;
            continue;
        }
        if ((glob[i] !== '+' && glob[i] !== '*') || glob[i + 1] !== '(')
            continue;
        // The body of the repeated extglob, up to its closing parenthesis.
        let depth = 0;
        let end = i + 1;
        for (; end < glob.length; end++) {
            if (glob[end] === '\\')
                end++;
            else if (glob[end] === '(')
                depth++;
            else if (glob[end] === ')' && --depth === 0)
                break;
        }
        const body = glob.slice(i + 2, end);
        if (/[*?/(]/.test(body.replace(/\\./g, '')))
            return `the repeated pattern '${glob.slice(i, end + 1)}' holds a wildcard, a '/' or another pattern (exponential to match; write it without)`;
    }
    return undefined;
}


/***/ }),

/***/ 895:
/***/ ((__unused_webpack_module, exports) => {


/** Line numbers of offsets in a text, found without rescanning it for every offset. */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.lineStarts = lineStarts;
exports.lineOfOffset = lineOfOffset;
/** Offsets where each line of `text` starts. */
function lineStarts(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return starts;
}
/** 1-based line of `offset`, by binary search in `lineStarts(text)`. */
function lineOfOffset(starts, offset) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo + 1;
}


/***/ })

};
