export const id = 832;
export const ids = [832];
export const modules = {

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
    const r = execGit(['rev-parse', '--is-inside-work-tree'], { cwd, allowFailure: true });
    if (r.code !== 0)
        refuseDubiousOwnership(r.stderr);
    return r.code === 0;
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
