export const id = 110;
export const ids = [110];
export const modules = {

/***/ 8966:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isCredentialUrl = isCredentialUrl;
exports.isSecretEnvName = isSecretEnvName;
exports.isHiddenFromCode = isHiddenFromCode;
exports.scrubEnv = scrubEnv;
exports.scrubCodeEnv = scrubCodeEnv;
/**
 * The environment a user-authored command sees. Checks run code the Coder wrote; they must not be
 * able to read the workflow's tokens or the model's API key. A name is removed when it matches one of
 * the patterns below or the configured `secretEnv`, unless it is listed in `allow`.
 */
const SECRET_PATTERNS = [
    // Action inputs whose names say they hold a credential (`llm-api-key`, `github-token`); the other
    // inputs (`task-id`, `model`) are hidden from checks too (below) but are not secrets to redact.
    /^INPUT_.*(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH)/,
    /^GITHUB_TOKEN$/,
    /^GH_TOKEN$/,
    /^ACTIONS_.*TOKEN/,
    /^ACTIONS_RUNTIME_/,
    /^ACTIONS_CACHE_URL$/,
    /^ACTIONS_RESULTS_URL$/,
    /^OPENAI_/,
    /^GUARDIAN_.*KEY/,
    /_API_KEY$/,
    /_TOKEN$/,
    /_SECRET/,
    /^CONTEXT7_/,
    // Passwords by their usual names: DB_PASSWORD, PGPASSWORD, SMTP_PASSWD, GPG_PASSPHRASE, DOCKER_PASS,
    // MYSQL_PWD. `PWD` and `OLDPWD` (the working directory) and `GIT_ASKPASS` (a program) do not match.
    /PASSWORD/,
    /PASSWD/,
    /PASSPHRASE/,
    /(?:^|_)PASS$/,
    /_PWD$/,
    /PRIVATE_KEY/,
    /_ACCESS_KEY$/,
    /_CREDENTIALS?$/,
];
/**
 * Not secrets themselves but a way to use one: the SSH agent's socket signs with every key it holds.
 * Kept for git (a push over SSH goes through the agent), hidden from code under test (`scrubCodeEnv`).
 */
const AGENT_PATTERNS = [/^SSH_AUTH_SOCK$/];
/**
 * A URL with credentials in it (`postgres://user:pass@host/db`, `https://token@host`): a secret whatever
 * the variable holding it is called. The one rule for it: the Coder's Redactor uses it too.
 */
function isCredentialUrl(value) {
    return /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i.test(value.trim());
}
/**
 * Not secrets, but not for code under test either: the action's inputs, and the runner's file commands
 * — a check that could append to `GITHUB_OUTPUT` or `GITHUB_ENV` could overwrite the verdict the step
 * reports or the next step's environment.
 */
const RUNNER_PATTERNS = [/^INPUT_/, /^GITHUB_(?:OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)$/];
function isSecretEnvName(name, secretEnv = []) {
    const upper = name.toUpperCase();
    if (secretEnv.some((s) => s.toUpperCase() === upper))
        return true;
    return SECRET_PATTERNS.some((re) => re.test(upper));
}
/**
 * Whether code under test must not see a variable (nor its value in what it prints): a secret name
 * (`isSecretEnvName`), an agent socket, or a credential URL of any name.
 */
function isHiddenFromCode(name, value, secretEnv = []) {
    if (isSecretEnvName(name, secretEnv))
        return true;
    if (AGENT_PATTERNS.some((re) => re.test(name.toUpperCase())))
        return true;
    return value !== undefined && isCredentialUrl(value);
}
/**
 * The environment of git's own calls (src/git/git.ts): secret names removed, and the runner's file
 * commands. An SSH agent and a proxy URL with a password stay: a push may need them.
 */
function scrubEnv(env, opts = {}) {
    const allow = new Set((opts.allow ?? []).map((n) => n.toUpperCase()));
    const out = {};
    for (const [k, v] of Object.entries(env)) {
        if (v === undefined)
            continue;
        if (!allow.has(k.toUpperCase()) && isSecretEnvName(k, opts.secretEnv))
            continue;
        if (RUNNER_PATTERNS.some((re) => re.test(k.toUpperCase())))
            continue;
        out[k] = v;
    }
    return out;
}
/**
 * The environment of a user-authored command (checks, test commands: code a model may have written):
 * `scrubEnv`, and also the SSH agent's socket and every variable whose value is a credential URL
 * (`DATABASE_URL=postgres://user:pass@db/prod`, a proxy with a password), unless allowed by name.
 */
function scrubCodeEnv(env, opts = {}) {
    const allow = new Set((opts.allow ?? []).map((n) => n.toUpperCase()));
    const out = scrubEnv(env, opts);
    for (const [k, v] of Object.entries(out)) {
        if (!allow.has(k.toUpperCase()) && isHiddenFromCode(k, v, opts.secretEnv))
            delete out[k];
    }
    return out;
}


/***/ }),

/***/ 308:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
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
const node_fs_1 = __webpack_require__(3024);
const node_os_1 = __webpack_require__(8161);
const node_path_1 = __webpack_require__(6760);
const node_string_decoder_1 = __webpack_require__(6193);
const errors_js_1 = __webpack_require__(3916);
const env_js_1 = __webpack_require__(8966);
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
function gitEnv(extra) {
    return { ...(0, env_js_1.scrubEnv)(process.env), ...BASE_ENV, ...extra };
}
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
    return { code: r.code, stdout: r.stdout.toString('utf8'), stderr: r.stderr };
}
/** Binary-safe variant: stdout as a Buffer. */
function execGitBuffer(args, opts) {
    const r = (0, node_child_process_1.spawnSync)('git', safeArgs(args), {
        cwd: opts.cwd,
        input: opts.input,
        env: gitEnv(opts.env),
        maxBuffer: 512 * 1024 * 1024,
    });
    if (r.error)
        throw new errors_js_1.GuardianError(`git ${args[0]}: ${r.error.message}`);
    const code = r.status ?? 1;
    const stderr = r.stderr.toString('utf8');
    if (code !== 0 && !opts.allowFailure) {
        const detail = stderr.trim() || r.stdout.toString('utf8').trim().slice(0, 2000);
        throw new errors_js_1.GuardianError(`git ${args.join(' ')} failed (exit ${code}): ${detail}`);
    }
    return { code, stdout: r.stdout, stderr };
}
/**
 * Async variant for long-running calls (log over a whole history) so the event loop stays free. With
 * `stdoutToFile`, git writes its output to a temporary file instead of a pipe, so it never waits while
 * this process is busy with synchronous work (a pipe fills at 64 KiB and would stall a long log until
 * the event loop drains it); the output is read back and the file removed.
 */
async function execGitAsync(args, opts) {
    const dir = opts.stdoutToFile ? (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'guardian-git-')) : undefined;
    const fd = dir ? (0, node_fs_1.openSync)((0, node_path_1.join)(dir, 'out'), 'w', 0o600) : undefined;
    try {
        const res = await new Promise((resolve, reject) => {
            const child = (0, node_child_process_1.spawn)('git', safeArgs(args), {
                cwd: opts.cwd,
                env: gitEnv(opts.env),
                stdio: ['pipe', fd ?? 'pipe', 'pipe'],
            });
            const out = [];
            const err = [];
            child.stdout?.on('data', (d) => out.push(d));
            child.stderr?.on('data', (d) => err.push(d));
            child.on('error', (e) => reject(new errors_js_1.GuardianError(`git ${args[0]}: ${e.message}`)));
            child.on('close', (code) => {
                try {
                    let stdout = '';
                    if (dir && opts.onStdout)
                        readInPieces((0, node_path_1.join)(dir, 'out'), opts.onStdout);
                    else
                        stdout = dir ? (0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, 'out'), 'utf8') : Buffer.concat(out).toString('utf8');
                    resolve({ code: code ?? 1, stdout, stderr: Buffer.concat(err).toString('utf8') });
                }
                catch (e) {
                    reject(new errors_js_1.GuardianError(`git ${args.find((a) => !a.startsWith('-')) ?? ''}: ${e.message}`));
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
function isGitRepo(cwd) {
    return execGit(['rev-parse', '--is-inside-work-tree'], { cwd, allowFailure: true }).code === 0;
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
    const r = execGitBuffer(['show', `${commit}:${path}`], { cwd, allowFailure: true });
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

/***/ 5153:
/***/ ((__unused_webpack_module, exports) => {


// Control characters in untrusted names (file paths from a repository, for one).
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isControl = isControl;
exports.hasControlChar = hasControlChar;
exports.replaceControlChars = replaceControlChars;
exports.escapeControlChars = escapeControlChars;
/**
 * C0 and C1 control characters, the Unicode line and paragraph separators, and the bidirectional
 * formatting characters (a name with U+202E is shown reversed from there on: "Trojan Source").
 */
function isControl(code) {
    return (code < 0x20 ||
        (code >= 0x7f && code <= 0x9f) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x061c ||
        code === 0x200e ||
        code === 0x200f ||
        (code >= 0x202a && code <= 0x202e) ||
        (code >= 0x2066 && code <= 0x2069));
}
function hasControlChar(s) {
    for (let i = 0; i < s.length; i++)
        if (isControl(s.charCodeAt(i)))
            return true;
    return false;
}
/** `s` with each control character replaced by `by(char)`. */
function replaceControlChars(s, by) {
    if (!hasControlChar(s))
        return s;
    let out = '';
    for (const c of s)
        out += isControl(c.charCodeAt(0)) ? by(c) : c;
    return out;
}
/** `s` with each control character written out as `\uXXXX`: shown as text, never interpreted. */
function escapeControlChars(s) {
    return replaceControlChars(s, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
exports.assertCanBeDir = assertCanBeDir;
exports.ensureDir = ensureDir;
exports.checkRepoRelativePath = checkRepoRelativePath;
exports.toPosix = toPosix;
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
 * points. Such a link is refused, naming it and its target.
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
