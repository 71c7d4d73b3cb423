export const id = 55;
export const ids = [55];
export const modules = {

/***/ 1217:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_LEDGER_LINE_BYTES = exports.LEDGER_FILE = exports.LEDGER_SCHEMA_VERSION = void 0;
exports.ledgerPath = ledgerPath;
exports.ensureGuardianDir = ensureGuardianDir;
exports.appendLedger = appendLedger;
exports.readLedger = readLedger;
exports.entryProblem = entryProblem;
exports.lastRuns = lastRuns;
/**
 * The run ledger: `.guardian/runs.jsonl`, one JSON object per line, append-only and git-ignored.
 *
 * Every task run appends a `start` entry before its first station and an `end` entry when it stops —
 * done, failed, blocked, interrupted (Ctrl-C) or paused (`--until`, or waiting for a change made by
 * hand). A run killed hard (SIGKILL, power loss) leaves only its `start` entry, which `guardian status`
 * shows as an unfinished run. Lines are written with one `appendFileSync` call each, so a reader never
 * sees half an entry from this process; a torn last line (a crash mid-write) is skipped when reading.
 *
 * The ledger is read and written only when it is a regular file: a symbolic link is not followed (a
 * repository could ship `.guardian/runs.jsonl` pointing at a file of yours), and a FIFO or a device is
 * refused instead of blocking `guardian status` and `guardian run` for good. It is read in chunks, so a
 * ledger larger than the longest string V8 can make is still read; a line longer than any entry Guardian
 * writes is skipped with a note.
 */
const node_fs_1 = __webpack_require__(3024);
const errors_js_1 = __webpack_require__(3916);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const types_js_1 = __webpack_require__(9518);
const chars_js_1 = __webpack_require__(5153);
const fs_js_1 = __webpack_require__(1917);
exports.LEDGER_SCHEMA_VERSION = 1;
exports.LEDGER_FILE = 'runs.jsonl';
function ledgerPath(root) {
    return (0, node_path_1.join)(root, '.guardian', exports.LEDGER_FILE);
}
/**
 * Makes sure `.guardian/` is git-ignored even in a repository whose .gitignore does not mention it: a
 * `.guardian/.gitignore` containing `*` ignores the folder's whole content (itself included).
 */
function ensureGuardianDir(root) {
    const dir = (0, node_path_1.join)(root, '.guardian');
    (0, fs_js_1.ensureDir)(dir, root);
    const ignore = (0, node_path_1.join)(dir, '.gitignore');
    if (!(0, node_fs_1.existsSync)(ignore)) {
        try {
            // `wx`: never through a symbolic link left there (a dangling one would create its target).
            (0, node_fs_1.writeFileSync)(ignore, "# Guardian's local state: bundles, ledger, caches.\n*\n", { flag: 'wx' });
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
        }
    }
    return dir;
}
/** The ledger's place must hold a file (or nothing yet): a directory or a broken link there is named. */
function checkLedgerPlace(root) {
    const blocked = (0, fs_js_1.findBlocker)(root, ledgerPath(root), 'file');
    if (blocked)
        throw new errors_js_1.ConfigurationError((0, fs_js_1.blockerMessage)(blocked));
}
/**
 * Opens the ledger without following a symbolic link and without waiting on a FIFO; anything but a
 * regular file there is a ConfigurationError naming it. Undefined when there is no ledger (and `flags`
 * do not create one).
 */
function openLedger(root, flags) {
    // Never a ledger behind a linked .guardian (read or written): the runs of this repository only.
    (0, fs_js_1.refuseLinkedState)((0, node_path_1.dirname)(ledgerPath(root)));
    // A directory or a broken link there is named as everywhere else in .guardian/.
    checkLedgerPlace(root);
    const r = (0, fs_js_1.openRegularFile)(ledgerPath(root), flags, 0o666);
    if ('absent' in r)
        return undefined;
    if ('not' in r)
        throw new errors_js_1.ConfigurationError(`.guardian/${exports.LEDGER_FILE} is ${r.not}; Guardian's run ledger must be a regular file — remove or rename it`);
    return r.fd;
}
function appendLedger(root, entry) {
    ensureGuardianDir(root);
    checkLedgerPlace(root);
    const fd = openLedger(root, node_fs_1.constants.O_RDWR | node_fs_1.constants.O_APPEND | node_fs_1.constants.O_CREAT);
    try {
        // After a write cut short (no line break at the end), the entry starts a line of its own instead of
        // being glued to the torn one and lost with it.
        (0, node_fs_1.writeSync)(fd, (endsTorn(fd) ? '\n' : '') + JSON.stringify(entry) + '\n');
    }
    finally {
        (0, node_fs_1.closeSync)(fd);
    }
}
function endsTorn(fd) {
    const size = (0, node_fs_1.fstatSync)(fd).size;
    if (size === 0)
        return false;
    const last = Buffer.alloc(1);
    (0, node_fs_1.readSync)(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
}
/** Far longer than any entry Guardian writes: a longer line is not one of them, and is skipped unread. */
exports.MAX_LEDGER_LINE_BYTES = 1 << 20;
const CHUNK_BYTES = 1 << 20;
/**
 * Calls `onLine(line, lineNumber)` for each line of the open file, read in chunks; a line longer than
 * MAX_LEDGER_LINE_BYTES is passed as undefined (not kept in memory).
 */
function eachLine(fd, onLine) {
    const buf = Buffer.alloc(CHUNK_BYTES);
    let pending = [];
    let pendingBytes = 0;
    let tooLong = false;
    let n = 0;
    const end = () => {
        n++;
        onLine(tooLong ? undefined : Buffer.concat(pending, pendingBytes).toString('utf8'), n);
        pending = [];
        pendingBytes = 0;
        tooLong = false;
    };
    const add = (part) => {
        if (tooLong || part.length === 0)
            return;
        if (pendingBytes + part.length > exports.MAX_LEDGER_LINE_BYTES) {
            tooLong = true;
            pending = [];
            pendingBytes = 0;
            return;
        }
        pending.push(Buffer.from(part));
        pendingBytes += part.length;
    };
    for (;;) {
        const got = (0, node_fs_1.readSync)(fd, buf, 0, buf.length, null);
        if (got === 0)
            break;
        let start = 0;
        for (;;) {
            const nl = buf.indexOf(0x0a, start);
            if (nl === -1 || nl >= got)
                break;
            add(buf.subarray(start, nl));
            end();
            start = nl + 1;
        }
        add(buf.subarray(start, got));
    }
    if (pendingBytes > 0 || tooLong)
        end();
}
/** At most this many skipped lines are named one by one; the rest are counted. */
const MAX_LINE_NOTES = 20;
/**
 * Every well-formed entry, oldest first. A line that does not parse (a torn write) is skipped; so is a
 * line with a field of the wrong type (a hand edit): `guardian status` must not trust what it did not
 * write. Each skipped line is named in `notes` (when given), as `.guardian/runs.jsonl:<line>`.
 */
function readLedger(root, notes) {
    const fd = openLedger(root, node_fs_1.constants.O_RDONLY);
    if (fd === undefined)
        return [];
    const out = [];
    let skipped = 0;
    const skip = (n, why) => {
        skipped++;
        if (notes && skipped <= MAX_LINE_NOTES)
            notes.push(`.guardian/${exports.LEDGER_FILE}:${n} skipped: ${why}`);
    };
    try {
        eachLine(fd, (line, n) => {
            if (line === undefined) {
                skip(n, `longer than ${exports.MAX_LEDGER_LINE_BYTES} bytes (not an entry Guardian wrote)`);
                return;
            }
            if (!line.trim())
                return;
            let value;
            try {
                value = JSON.parse(line);
            }
            catch {
                // A torn line from a crash mid-write: the rest of the ledger is still good.
                skip(n, 'not a JSON line (a write cut short?)');
                return;
            }
            const problem = entryProblem(value);
            if (problem)
                skip(n, problem);
            else
                out.push(value);
        });
    }
    finally {
        (0, node_fs_1.closeSync)(fd);
    }
    if (notes && skipped > MAX_LINE_NOTES) {
        notes.push(`.guardian/${exports.LEDGER_FILE}: ${skipped - MAX_LINE_NOTES} more line(s) skipped`);
    }
    return out;
}
const RUN_OUTCOMES = [
    'running',
    'committed',
    'already_done',
    'validated',
    'failed',
    'blocked',
    'interrupted',
    'paused',
];
const STATION_STATUSES = ['ok', 'failed', 'skipped', 'interrupted'];
const USAGE_KEYS = ['promptTokens', 'completionTokens', 'cachedTokens', 'costUsd'];
/** A value as a short, printable JSON excerpt (control characters escaped by JSON itself). */
function shown(v) {
    if (v === undefined)
        return 'nothing';
    let s;
    try {
        s = JSON.stringify(v) ?? String(v);
    }
    catch {
        s = String(v);
    }
    // JSON escapes C0 controls; the others (C1, line separators, bidi overrides) are escaped here.
    s = (0, chars_js_1.escapeControlChars)(s);
    return s.length > 60 ? s.slice(0, 59) + '…' : s;
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = (values) => (v) => typeof v === 'string' && values.includes(v) ? undefined : `one of ${values.join(', ')}`;
const text = (v) => (typeof v === 'string' ? undefined : 'a string');
const nonEmpty = (v) => (typeof v === 'string' && v !== '' ? undefined : 'a non-empty string');
const bool = (v) => (typeof v === 'boolean' ? undefined : 'true or false');
const date = (v) => typeof v === 'string' && Number.isFinite(Date.parse(v)) ? undefined : 'an ISO date and time';
const commitId = (v) => typeof v === 'string' && /^[0-9a-f]{7,64}$/i.test(v) ? undefined : 'a commit id (7 to 64 hex digits)';
const duration = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0
    ? undefined
    : 'a duration in ms (a number, 0 or more)';
const count = (v) => Number.isSafeInteger(v) && v >= 0 ? undefined : 'a whole number, 0 or more';
const usage = (v) => {
    const want = `token counts and cost (${USAGE_KEYS.join(', ')}: numbers, 0 or more)`;
    if (!isObject(v))
        return want;
    for (const k of USAGE_KEYS) {
        const n = v[k];
        if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
            return want;
    }
    return undefined;
};
/** Checks `obj[key]`; `optional` fields may be absent. Returns `field: expected …, found …`. */
function field(obj, key, check, optional, prefix = '') {
    const v = Object.hasOwn(obj, key) ? obj[key] : undefined;
    if (v === undefined && optional)
        return undefined;
    const want = v === undefined ? (check(undefined) ?? 'a value') : check(v);
    return want ? `${prefix}${key}: expected ${want}, found ${shown(v)}` : undefined;
}
function stationProblem(v, i) {
    const where = `stations[${i}].`;
    if (!isObject(v))
        return `stations[${i}]: expected an object, found ${shown(v)}`;
    return (field(v, 'station', oneOf(bundle_js_1.STATIONS), false, where) ??
        field(v, 'status', oneOf(STATION_STATUSES), false, where) ??
        field(v, 'durationMs', duration, false, where) ??
        field(v, 'attempt', count, true, where) ??
        field(v, 'verdict', oneOf(['pass', 'fail']), true, where) ??
        field(v, 'note', text, true, where) ??
        field(v, 'usage', usage, true, where));
}
/** What is wrong with a parsed ledger line, as `field: expected …, found …`; undefined when it is an entry. */
function entryProblem(v) {
    if (!isObject(v))
        return `expected a JSON object, found ${shown(v)}`;
    const stations = Object.hasOwn(v, 'stations') ? v.stations : undefined;
    return (field(v, 'schemaVersion', (x) => (x === exports.LEDGER_SCHEMA_VERSION ? undefined : String(exports.LEDGER_SCHEMA_VERSION)), false) ??
        field(v, 'runId', nonEmpty, false) ??
        field(v, 'event', oneOf(['start', 'end']), false) ??
        field(v, 'taskId', nonEmpty, false) ??
        field(v, 'status', oneOf(types_js_1.TASK_STATUSES), false) ??
        field(v, 'outcome', oneOf(RUN_OUTCOMES), false) ??
        field(v, 'at', date, false) ??
        field(v, 'startedAt', date, false) ??
        field(v, 'resumed', bool, false) ??
        field(v, 'dryRun', bool, false) ??
        field(v, 'milestone', text, true) ??
        field(v, 'milestoneRunId', text, true) ??
        field(v, 'durationMs', duration, true) ??
        field(v, 'baseCommit', commitId, true) ??
        field(v, 'stations', (x) => (Array.isArray(x) ? undefined : 'a list of stations'), true) ??
        (Array.isArray(stations) ? stations.map(stationProblem).find((p) => p !== undefined) : undefined) ??
        field(v, 'attempts', count, true) ??
        field(v, 'verdict', oneOf(['pass', 'fail']), true) ??
        field(v, 'commit', commitId, true) ??
        field(v, 'branch', nonEmpty, true) ??
        field(v, 'pushedTo', nonEmpty, true) ??
        field(v, 'usage', usage, true) ??
        field(v, 'message', text, true));
}
/** The most recent run of each task. */
function lastRuns(entries) {
    const byRun = new Map();
    const lastRunOfTask = new Map();
    for (const e of entries) {
        byRun.set(e.runId, e);
        lastRunOfTask.set(e.taskId, e.runId);
    }
    const out = new Map();
    for (const [taskId, runId] of lastRunOfTask) {
        const entry = byRun.get(runId);
        out.set(taskId, { entry, unfinished: entry.event === 'start' });
    }
    return out;
}


/***/ }),

/***/ 2055:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LOCK_FILE = void 0;
exports.lockPath = lockPath;
exports.withRunLock = withRunLock;
exports.acquireRunLock = acquireRunLock;
/**
 * One writer at a time per repository: `.guardian/run.lock`, created with O_EXCL by `guardian run` and
 * `guardian milestone`, and by the single-station commands (`bundle`, `security`, `code`, `validate`,
 * `complete`), before they write anything, and removed when they end — normally, with an error,
 * or at exit (a second Ctrl-C exits at once: the exit removes it like the other temporary paths, see
 * util/temp.ts). Two runs at once would move, rewrite and commit the same bundles and branches.
 *
 * The lock records who holds it (pid, host, start time, command). A lock whose process is gone (killed
 * hard, power loss) is taken over with a note; a live one is refused with a ConfigurationError.
 *
 * The lock is re-entrant within one async call chain: a milestone holds it and the task runs it starts
 * (in the same checkout) run under it. Two unrelated runs in one process exclude each other like two
 * processes do.
 */
const node_async_hooks_1 = __webpack_require__(6698);
const node_crypto_1 = __webpack_require__(7598);
const node_fs_1 = __webpack_require__(3024);
const node_os_1 = __webpack_require__(8161);
const node_path_1 = __webpack_require__(6760);
const errors_js_1 = __webpack_require__(3916);
const chars_js_1 = __webpack_require__(5153);
const fs_js_1 = __webpack_require__(1917);
const temp_js_1 = __webpack_require__(4868);
const ledger_js_1 = __webpack_require__(1217);
exports.LOCK_FILE = 'run.lock';
/** A lock file younger than this whose content does not parse is being written right now. */
const UNREADABLE_GRACE_MS = 5_000;
/** Locks held in the current async call chain (absolute lock paths). */
const chain = new node_async_hooks_1.AsyncLocalStorage();
/** Locks this process holds: lock path → token. */
const heldHere = new Map();
function lockPath(root) {
    return (0, node_path_1.join)(root, '.guardian', exports.LOCK_FILE);
}
function canonical(root) {
    try {
        return lockPath((0, node_fs_1.realpathSync)(root));
    }
    catch {
        return lockPath((0, node_path_1.resolve)(root));
    }
}
/** Control characters and bidi overrides shown as `?`: the lock's content may have been edited by hand. */
function printable(s, max = 120) {
    const one = (0, chars_js_1.replaceControlChars)(s, () => '?');
    return one.length > max ? one.slice(0, max - 1) + '…' : one;
}
function parseLock(raw, mtimeMs) {
    try {
        const v = JSON.parse(raw);
        if (v &&
            typeof v === 'object' &&
            Number.isSafeInteger(v.pid) &&
            v.pid > 0 &&
            typeof v.hostname === 'string' &&
            typeof v.startedAt === 'string' &&
            typeof v.command === 'string' &&
            typeof v.token === 'string') {
            return { kind: 'info', info: v, raw };
        }
    }
    catch {
        // Falls through: unreadable.
    }
    return { kind: 'unreadable', raw, mtimeMs };
}
/** Far more than a lock record: a larger file is not one, and is not read. */
const MAX_LOCK_BYTES = 64 * 1024;
/**
 * The lock file's text and time, or undefined when the file is gone (released meanwhile). Only a regular
 * file is read: a symbolic link is not followed and a FIFO or a device (which would block or never end)
 * is refused with a ConfigurationError naming it. A file too large to be a lock record reads as a
 * marker of its size (it is no record either way).
 */
function readLockText(path) {
    const r = (0, fs_js_1.openRegularFile)(path, node_fs_1.constants.O_RDONLY);
    if ('absent' in r)
        return undefined;
    if ('not' in r)
        throw new errors_js_1.ConfigurationError(`.guardian/${exports.LOCK_FILE} is ${r.not}; a lock file Guardian wrote is expected there — remove or rename it`);
    try {
        if (r.st.size > MAX_LOCK_BYTES)
            return { raw: `\u0000${r.st.size} bytes`, mtimeMs: r.st.mtimeMs };
        return { raw: (0, node_fs_1.readFileSync)(r.fd, 'utf8'), mtimeMs: r.st.mtimeMs };
    }
    finally {
        (0, node_fs_1.closeSync)(r.fd);
    }
}
/** The lock's holder, or undefined when the file is gone (released meanwhile). */
function readHolder(path) {
    const got = readLockText(path);
    return got && parseLock(got.raw, got.mtimeMs);
}
function pidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        // EPERM: the process exists but belongs to someone else.
        return e.code !== 'ESRCH';
    }
}
/** Why the lock is stale (its holder is gone), or undefined when it may be alive. */
function staleReason(h, now) {
    if (h.kind === 'unreadable') {
        return now - h.mtimeMs > UNREADABLE_GRACE_MS ? 'its content is not a lock record' : undefined;
    }
    const { info } = h;
    // On another host the pid means nothing here: only its owner (or the user) can tell it is gone.
    if (info.hostname !== (0, node_os_1.hostname)())
        return undefined;
    if (info.pid === process.pid) {
        // This process: held by another run in it, or left by an earlier process that had the same pid.
        return [...heldHere.values()].includes(info.token) ? undefined : `process ${info.pid} is this one`;
    }
    return pidAlive(info.pid) ? undefined : `process ${info.pid} is not running`;
}
function describeHolder(h) {
    if (h.kind === 'unreadable')
        return `a lock written ${new Date(h.mtimeMs).toISOString()}`;
    const { info } = h;
    const host = info.hostname !== (0, node_os_1.hostname)() ? ` on ${printable(info.hostname, 60)}` : '';
    return `pid ${info.pid}${host}, started ${printable(info.startedAt, 40)}, \`${printable(info.command)}\``;
}
/**
 * Moves a stale lock out of the way — only if it is still the one judged stale: two runs taking over the
 * same stale lock at once must not remove each other's new one.
 */
function takeOver(path, staleRaw) {
    const aside = `${path}.${(0, node_crypto_1.randomBytes)(4).toString('hex')}.stale`;
    try {
        (0, node_fs_1.renameSync)(path, aside);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return false; // someone else moved it
        throw e;
    }
    let raw;
    try {
        raw = readLockText(aside)?.raw;
    }
    catch {
        // Unreadable: treated as not ours to remove.
    }
    if (raw === staleRaw) {
        (0, node_fs_1.rmSync)(aside, { force: true });
        return true;
    }
    // Another run's fresh lock was moved: put it back (unless a third one took the place meanwhile).
    try {
        (0, node_fs_1.linkSync)(aside, path);
    }
    catch {
        // The place is taken again: that run holds the lock.
    }
    (0, node_fs_1.rmSync)(aside, { force: true });
    return false;
}
function createLock(path, root, info) {
    try {
        (0, node_fs_1.writeFileSync)(path, JSON.stringify(info) + '\n', { flag: 'wx' });
        return true;
    }
    catch (e) {
        const code = e.code;
        if (code === 'EEXIST') {
            // A directory (or a dangling link) there is never a lock: name it.
            const blocked = (0, fs_js_1.findBlocker)(root, path, 'file');
            if (blocked)
                throw new errors_js_1.ConfigurationError((0, fs_js_1.blockerMessage)(blocked), { cause: e });
            return false;
        }
        const blocked = (0, fs_js_1.findBlocker)(root, path, 'file');
        if (blocked)
            throw new errors_js_1.ConfigurationError((0, fs_js_1.blockerMessage)(blocked), { cause: e });
        throw e;
    }
}
/**
 * Takes `.guardian/run.lock` for `command` and runs `fn` holding it; the lock is released when `fn`
 * settles. Inside a call chain that already holds this repository's lock, `fn` just runs: `fresh` tells
 * `fn` whether the lock was taken just now (false: the caller's chain held it all along).
 */
async function withRunLock(rootDir, command, log, fn) {
    const root = (0, node_path_1.resolve)(rootDir);
    const key = canonical(root);
    const held = chain.getStore();
    if (held?.has(key))
        return fn(false);
    const release = acquireRunLock(root, command, log);
    try {
        return await chain.run(new Set([...(held ?? []), key]), () => fn(true));
    }
    finally {
        release();
    }
}
/** Takes the lock (see withRunLock) and returns its release; throws a ConfigurationError when held. */
function acquireRunLock(rootDir, command, log) {
    const root = (0, node_path_1.resolve)(rootDir);
    const key = canonical(root);
    (0, ledger_js_1.ensureGuardianDir)(root);
    const path = lockPath(root);
    const info = {
        pid: process.pid,
        hostname: (0, node_os_1.hostname)(),
        startedAt: new Date().toISOString(),
        command,
        token: (0, node_crypto_1.randomBytes)(8).toString('hex'),
    };
    for (let tries = 0; tries < 5; tries++) {
        if (createLock(path, root, info)) {
            (0, temp_js_1.registerTemp)(path);
            heldHere.set(key, info.token);
            let released = false;
            return () => {
                if (released)
                    return;
                released = true;
                heldHere.delete(key);
                (0, temp_js_1.releaseTemp)(path);
                try {
                    // Only our own lock: never one a later run took after this one's was removed by hand.
                    const now = readHolder(path);
                    if (now?.kind === 'info' && now.info.token === info.token)
                        (0, node_fs_1.unlinkSync)(path);
                }
                catch {
                    // Gone already.
                }
            };
        }
        const holder = readHolder(path);
        if (!holder)
            continue; // released meanwhile: try again
        const stale = staleReason(holder, Date.now());
        if (!stale) {
            throw new errors_js_1.ConfigurationError(`another guardian command (${describeHolder(holder)}) is using this repository; wait for it or remove .guardian/run.lock if it is gone`);
        }
        if (takeOver(path, holder.raw)) {
            log.warn(`took over .guardian/run.lock from an earlier run that is gone (${describeHolder(holder)}: ${stale})`);
        }
    }
    throw new errors_js_1.ConfigurationError('another guardian command keeps taking .guardian/run.lock; wait for it or remove .guardian/run.lock if it is gone');
}


/***/ }),

/***/ 4868:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.removeTemps = removeTemps;
exports.registerTemp = registerTemp;
exports.onExit = onExit;
exports.releaseTemp = releaseTemp;
exports.registeredTemps = registeredTemps;
exports.exitOnInterrupt = exitOnInterrupt;
/**
 * Temporary paths a command is building (a bundle's staging directory): removed when the process exits
 * before they were released — a Ctrl-C, a SIGTERM, or `process.exit` anywhere. The removal runs in
 * `process.on('exit')`, so it is synchronous and never waits for the event loop.
 *
 * Work that must be undone or recorded before such an exit (a temporary git worktree to remove, a run
 * to record as interrupted) is registered with `onExit`: it runs at exit too, newest first, before the
 * paths are removed.
 */
const node_fs_1 = __webpack_require__(3024);
const temps = new Set();
const cleanups = [];
let hooked = false;
function hook() {
    if (hooked)
        return;
    hooked = true;
    process.on('exit', removeTemps);
}
/**
 * Runs the registered exit work (newest first), then removes every registered path (best effort), and
 * forgets them.
 */
function removeTemps() {
    for (const fn of cleanups.splice(0).reverse()) {
        try {
            fn();
        }
        catch {
            // Nothing more can be done while exiting.
        }
    }
    for (const p of temps) {
        try {
            (0, node_fs_1.rmSync)(p, { recursive: true, force: true });
        }
        catch {
            // Nothing more can be done while exiting.
        }
    }
    temps.clear();
}
/** Marks `path` as temporary: it is removed if the process exits before `releaseTemp(path)`. */
function registerTemp(path) {
    temps.add(path);
    hook();
}
/**
 * Runs `fn` (synchronous, best effort) if the process exits before the returned function is called.
 * Calling the returned function forgets `fn` without running it.
 */
function onExit(fn) {
    cleanups.push(fn);
    hook();
    return () => {
        const i = cleanups.lastIndexOf(fn);
        if (i !== -1)
            cleanups.splice(i, 1);
    };
}
/** The path was moved into place or removed already: leave it alone at exit. */
function releaseTemp(path) {
    temps.delete(path);
}
/** The registered paths (for tests). */
function registeredTemps() {
    return [...temps];
}
/**
 * For a standalone command without graceful interruption (`guardian bundle`): on SIGINT/SIGTERM, say
 * so and exit 130 — the exit removes the registered temporary paths. Returns the uninstaller. `guardian
 * run` has its own handler (supervisor/interrupt.ts) and does not use this.
 */
function exitOnInterrupt(notify, proc = process) {
    const handler = (sig) => {
        notify(sig);
        proc.exit(130);
    };
    proc.on('SIGINT', handler);
    proc.on('SIGTERM', handler);
    return () => {
        proc.off('SIGINT', handler);
        proc.off('SIGTERM', handler);
    };
}


/***/ })

};
