export const id = 832;
export const ids = [832];
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
    // Names tested with every run of characters other than letters and digits made one `_` (`my-token`,
    // `Azure.OpenAI.Key` become MY_TOKEN, AZURE_OPENAI_KEY): a name ending in a TOKEN, KEY, SECRET or PAT
    // word, or with SECRET, TOKEN, APIKEY, ACCESS_KEY or AUTH_TOKEN anywhere in it.
    /(?:^|_)(?:TOKENS?|KEYS?|APIKEYS?|SECRETS?|PAT|AUTH)$/,
    /TOKENS?$/,
    /(?:^|_)TOKENS?_/,
    /SECRET/,
    /API_?KEY/,
    /ACCESS_?KEY/,
    /AUTH_?TOKEN/,
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
    const words = upper.replace(/[^A-Z0-9]+/g, '_');
    return SECRET_PATTERNS.some((re) => re.test(upper) || re.test(words));
}
/**
 * The names kept although they look like secrets: exactly as written. Names differ by case in an
 * environment; allowing `openai_api_key` (a check's own dummy value) must not let `OPENAI_API_KEY` through.
 */
function allowSet(allow) {
    return new Set(allow ?? []);
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
    const allow = allowSet(opts.allow);
    const out = {};
    for (const [k, v] of Object.entries(env)) {
        if (v === undefined)
            continue;
        if (!allow.has(k) && isSecretEnvName(k, opts.secretEnv))
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
    const allow = allowSet(opts.allow);
    const out = scrubEnv(env, opts);
    for (const [k, v] of Object.entries(out)) {
        if (!allow.has(k) && isHiddenFromCode(k, v, opts.secretEnv))
            delete out[k];
    }
    return out;
}


/***/ }),

/***/ 2157:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.COMMAND_MARK_VAR = exports.KILL_GRACE_MS = exports.DEFAULT_MAX_OUTPUT_BYTES = exports.DEFAULT_TIMEOUT_MS = exports.runPool = exports.HeadTailBuffer = exports.isCredentialUrl = exports.isHiddenFromCode = exports.isSecretEnvName = exports.scrubCodeEnv = exports.scrubEnv = void 0;
exports.killMarked = killMarked;
exports.hiddenValues = hiddenValues;
exports.redactValues = redactValues;
exports.killWorkingIn = killWorkingIn;
exports.processGroupAlive = processGroupAlive;
exports.processTable = processTable;
exports.runCommand = runCommand;
exports.judge = judge;
/**
 * The one door to subprocesses for user-authored commands (quality checks, verification plan steps,
 * setup commands). A command runs as `bash -c COMMAND` in its own process group, so a timeout or an
 * abort kills everything it started; its combined output is kept with bounded memory (head and tail);
 * its environment is scrubbed of tokens and keys unless a name is explicitly allowed.
 */
const node_child_process_1 = __webpack_require__(1421);
const node_crypto_1 = __webpack_require__(7598);
const node_fs_1 = __webpack_require__(3024);
const node_string_decoder_1 = __webpack_require__(6193);
const output_js_1 = __webpack_require__(2228);
const env_js_1 = __webpack_require__(8966);
var env_js_2 = __webpack_require__(8966);
Object.defineProperty(exports, "scrubEnv", ({ enumerable: true, get: function () { return env_js_2.scrubEnv; } }));
Object.defineProperty(exports, "scrubCodeEnv", ({ enumerable: true, get: function () { return env_js_2.scrubCodeEnv; } }));
Object.defineProperty(exports, "isSecretEnvName", ({ enumerable: true, get: function () { return env_js_2.isSecretEnvName; } }));
Object.defineProperty(exports, "isHiddenFromCode", ({ enumerable: true, get: function () { return env_js_2.isHiddenFromCode; } }));
Object.defineProperty(exports, "isCredentialUrl", ({ enumerable: true, get: function () { return env_js_2.isCredentialUrl; } }));
var output_js_2 = __webpack_require__(2228);
Object.defineProperty(exports, "HeadTailBuffer", ({ enumerable: true, get: function () { return output_js_2.HeadTailBuffer; } }));
var pool_js_1 = __webpack_require__(4567);
Object.defineProperty(exports, "runPool", ({ enumerable: true, get: function () { return pool_js_1.runPool; } }));
exports.DEFAULT_TIMEOUT_MS = 600_000;
exports.DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;
/** How long a process group gets between SIGTERM and SIGKILL. */
exports.KILL_GRACE_MS = 2000;
/** The longest delay a Node timer can wait; a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;
/** A time limit a timer can keep: missing or not a number is the default, beyond a timer's range its end. */
function timerMs(ms) {
    if (ms === undefined || Number.isNaN(ms))
        return exports.DEFAULT_TIMEOUT_MS;
    return Math.min(Math.max(0, ms), MAX_TIMER_MS);
}
/** The variable that marks every process a command starts (children inherit it, also across setsid). */
exports.COMMAND_MARK_VAR = 'GUARDIAN_COMMAND_ID';
/**
 * Kills the processes (other than this one) whose environment carries `mark`, and returns how many. On
 * Linux this reads /proc/<pid>/environ, which only processes of the same user (or root) can read;
 * elsewhere it finds nothing. A process that cleared its environment is not found: this catches the
 * daemons tests forget, and makes escaping deliberate work.
 */
function killMarked(mark) {
    if (!(0, node_fs_1.existsSync)('/proc/self/environ'))
        return 0;
    const needle = Buffer.from(`\0${exports.COMMAND_MARK_VAR}=${mark}\0`);
    const first = Buffer.from(`${exports.COMMAND_MARK_VAR}=${mark}\0`);
    return killProcesses((pid) => {
        const environ = (0, node_fs_1.readFileSync)(`/proc/${pid}/environ`);
        return environ.includes(needle) || environ.subarray(0, first.length).equals(first);
    });
}
/**
 * SIGKILLs every process (other than this one) that `matches` (a throw counts as no: a process that is
 * gone, or another user's whose /proc entries cannot be read), and returns how many.
 */
function killProcesses(matches) {
    let killed = 0;
    for (const name of (0, node_fs_1.readdirSync)('/proc')) {
        if (!/^\d+$/.test(name) || Number(name) === process.pid)
            continue;
        try {
            if (!matches(name))
                continue;
            process.kill(Number(name), 'SIGKILL');
            killed++;
        }
        catch {
            // gone already, or not ours to read
        }
    }
    return killed;
}
/**
 * The values a command's output may not show: those of the variables scrubbed from its environment as
 * secrets (secret names, credential URLs), and of this process's own (a check can read its parent's initial environment through
 * /proc, and print it). Values under 8 characters are left alone: they would redact ordinary words.
 */
function hiddenValues(opts) {
    // Allowed names are matched exactly, as `scrubCodeEnv` keeps them: `openai_api_key` is not `OPENAI_API_KEY`.
    const allow = new Set(opts.allowEnv ?? []);
    const values = new Set();
    for (const env of [opts.env ?? process.env, process.env])
        for (const [k, v] of Object.entries(env))
            if (v && v.trim().length >= 8 && !allow.has(k) && (0, env_js_1.isHiddenFromCode)(k, v, opts.secretEnv))
                values.add(v);
    return [...values].sort((a, b) => b.length - a.length);
}
function redactValues(text, values) {
    for (const v of values)
        if (text.includes(v))
            text = text.split(v).join('***');
    return text;
}
/**
 * Streams output through `redactValues`. What could be the start of a value still to arrive (the last
 * longest-value-minus-one characters) is held back until more output comes or the command ends. The
 * kept output is fed from here too: redacted before the head/tail cut, which would otherwise split a
 * value printed across it into a start kept in the head and an end kept in the tail.
 */
class RedactingStream {
    sink;
    pending = Buffer.alloc(0);
    keep;
    values;
    constructor(values, sink) {
        this.sink = sink;
        // Matched as bytes: fast on any output (even one that is not UTF-8), and the same matches as in text.
        this.values = values.map((v) => Buffer.from(v, 'utf8'));
        this.keep = Math.max(0, ...this.values.map((v) => v.length - 1));
    }
    push(chunk) {
        if (chunk.length === 0)
            return;
        if (this.values.length === 0)
            return this.sink(chunk);
        const data = redactBytes(this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk, this.values);
        const cut = data.length - this.keep;
        this.pending = cut > 0 ? Buffer.from(data.subarray(cut)) : data;
        if (cut > 0)
            this.sink(data.subarray(0, cut));
    }
    flush() {
        if (this.pending.length)
            this.sink(this.pending);
        this.pending = Buffer.alloc(0);
    }
}
const REDACTED = Buffer.from('***');
/** `redactValues` over bytes (`values` longest first). */
function redactBytes(data, values) {
    for (const v of values) {
        let i = data.indexOf(v);
        if (i < 0)
            continue;
        const parts = [];
        let from = 0;
        for (; i >= 0; i = data.indexOf(v, from)) {
            parts.push(data.subarray(from, i), REDACTED);
            from = i + v.length;
        }
        parts.push(data.subarray(from));
        data = Buffer.concat(parts);
    }
    return data;
}
/**
 * Kills the processes (of this user, other than this one) whose working directory is inside one of
 * `dirs`, and returns how many. For temporary worktrees once every command run in them has ended:
 * what still works there was left behind, even a process that left its group and cleared its
 * environment (which `killMarked` cannot recognise). On Linux only.
 */
function killWorkingIn(dirs) {
    if (dirs.length === 0 || !(0, node_fs_1.existsSync)('/proc/self/cwd'))
        return 0;
    return killProcesses((pid) => {
        const cwd = (0, node_fs_1.readlinkSync)(`/proc/${pid}/cwd`);
        return dirs.some((d) => cwd === d || cwd.startsWith(`${d}/`));
    });
}
function killGroup(pid, sig) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, sig);
    }
    catch {
        // The group is already gone.
    }
}
/**
 * True while a live (not zombie) process of the group `pgid` exists. On Linux this reads /proc, since
 * an orphan killed with its group stays a zombie until init reaps it, and `kill(-pgid, 0)` counts it.
 */
function processGroupAlive(pgid) {
    try {
        process.kill(-pgid, 0);
    }
    catch {
        return false;
    }
    if (!(0, node_fs_1.existsSync)('/proc/self/stat'))
        return true;
    for (const [, [, pgrp]] of processTable())
        if (pgrp === pgid)
            return true;
    return false;
}
/** pid → [parent pid, process group] of every live process, from /proc (empty where there is none). */
function processTable() {
    const out = new Map();
    if (!(0, node_fs_1.existsSync)('/proc/self/stat'))
        return out;
    for (const name of (0, node_fs_1.readdirSync)('/proc')) {
        if (!/^\d+$/.test(name))
            continue;
        let stat;
        try {
            stat = (0, node_fs_1.readFileSync)(`/proc/${name}/stat`, 'utf8');
        }
        catch {
            continue; // gone meanwhile
        }
        // "pid (comm) state ppid pgrp …" — comm may contain spaces and parentheses.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (fields[0] === 'Z' || fields[0] === 'X')
            continue;
        out.set(Number(name), [Number(fields[1]), Number(fields[2])]);
    }
    return out;
}
/** Waits (up to `maxMs`) until a killed group has really gone, so callers can remove its directory. */
async function waitGroupGone(pgid, maxMs) {
    if (pgid === undefined)
        return;
    const until = Date.now() + maxMs;
    while (processGroupAlive(pgid) && Date.now() < until)
        await new Promise((r) => setTimeout(r, 10));
}
function runCommand(opts) {
    const started = Date.now();
    const timeoutMs = timerMs(opts.timeoutMs);
    const out = new output_js_1.HeadTailBuffer(opts.maxOutputBytes ?? exports.DEFAULT_MAX_OUTPUT_BYTES);
    const env = (0, env_js_1.scrubCodeEnv)(opts.env ?? process.env, { allow: opts.allowEnv, secretEnv: opts.secretEnv });
    const hidden = hiddenValues(opts);
    // What is streamed is decoded as a whole: a character split across two reads arrives whole.
    const decoder = new node_string_decoder_1.StringDecoder('utf8');
    const stream = new RedactingStream(hidden, (bytes) => {
        out.push(bytes);
        if (opts.onOutput) {
            const text = decoder.write(bytes);
            if (text)
                opts.onOutput(text);
        }
    });
    const mark = (0, node_crypto_1.randomBytes)(8).toString('hex');
    env[exports.COMMAND_MARK_VAR] = mark;
    return new Promise((resolve) => {
        let timedOut = false;
        let aborted = false;
        let spawnError;
        let settled = false;
        let exit;
        const timers = [];
        if (opts.signal?.aborted) {
            resolve({
                command: opts.command,
                exitCode: null,
                signal: null,
                timedOut: false,
                durationMs: 0,
                output: '',
                truncated: false,
                error: 'aborted before start',
            });
            return;
        }
        let child;
        try {
            child = (0, node_child_process_1.spawn)('bash', ['-c', opts.command], {
                cwd: opts.cwd,
                env,
                // Its own process group: a timeout kills the whole tree, not only bash.
                detached: true,
                stdio: ['ignore', 'pipe', 'pipe'],
            });
        }
        catch (e) {
            // Thrown, not emitted, for some bad starts (a working directory that is a file: ENOTDIR).
            resolve({
                command: opts.command,
                exitCode: null,
                signal: null,
                timedOut: false,
                durationMs: Date.now() - started,
                output: '',
                truncated: false,
                error: `cannot start in ${opts.cwd}: ${e.message}`,
            });
            return;
        }
        const pid = child.pid;
        child.stdout?.on('data', (d) => stream.push(d));
        child.stderr?.on('data', (d) => stream.push(d));
        const terminate = () => {
            killGroup(pid, 'SIGTERM');
            timers.push(setTimeout(() => killGroup(pid, 'SIGKILL'), exports.KILL_GRACE_MS));
        };
        const finish = () => {
            if (settled)
                return;
            settled = true;
            for (const t of timers)
                clearTimeout(t);
            opts.signal?.removeEventListener('abort', onAbort);
            // Nothing of the group may outlive the command (background jobs, daemons started by a test).
            killGroup(pid, 'SIGKILL');
            void waitGroupGone(pid, 1000).then(() => {
                stream.flush();
                const rest = decoder.end();
                if (rest && opts.onOutput)
                    opts.onOutput(rest);
                const escaped = killMarked(mark);
                if (escaped > 0)
                    out.push(Buffer.from(`\nguardian: ${escaped} process(es) this command started left its process group and were still running when it ended; killed\n`));
                const { text: raw, truncated } = out.result();
                const text = redactValues(raw, hidden);
                let error = spawnError;
                if (!error && aborted)
                    error = 'aborted';
                resolve({
                    command: opts.command,
                    exitCode: exit?.code ?? null,
                    signal: exit?.signal ?? null,
                    timedOut,
                    durationMs: Date.now() - started,
                    output: text,
                    truncated,
                    ...(error ? { error } : {}),
                    ...(escaped > 0 ? { escaped } : {}),
                });
            });
        };
        const onAbort = () => {
            aborted = true;
            terminate();
        };
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        timers.push(setTimeout(() => {
            timedOut = true;
            terminate();
        }, timeoutMs));
        child.on('error', (e) => {
            spawnError = e.message;
            finish();
        });
        child.on('exit', (code, signal) => {
            exit = { code, signal };
            // bash is gone; a background process may still hold the pipes open. Kill the rest of the group
            // (politely first) and stop waiting for the pipes after the grace period.
            killGroup(pid, 'SIGTERM');
            timers.push(setTimeout(() => {
                killGroup(pid, 'SIGKILL');
                child.stdout?.destroy();
                child.stderr?.destroy();
                finish();
            }, exports.KILL_GRACE_MS));
        });
        child.on('close', () => {
            if (exit === undefined)
                exit = { code: child.exitCode, signal: child.signalCode };
            finish();
        });
    });
}
/** The outcome of a command judged against an expectation: `expects: fail` inverts the exit status. */
function judge(r, expects = 'pass') {
    if (r.timedOut)
        return 'timeout';
    if (r.error && r.exitCode === null)
        return 'error';
    if (r.escaped)
        return 'error';
    const ok = r.exitCode === 0;
    return ok === (expects === 'pass') ? 'pass' : 'fail';
}


/***/ }),

/***/ 2228:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.HeadTailBuffer = void 0;
exports.plainText = plainText;
exports.tailOf = tailOf;
/**
 * Bounded capture of a command's output: the first half of the budget is kept from the start, the rest
 * as a ring of the most recent bytes. A test run that prints 200 MB costs at most `maxBytes` of memory,
 * and the report still shows how the output began and how it ended.
 */
class HeadTailBuffer {
    headMax;
    tailMax;
    head = [];
    headLen = 0;
    /** The kept tail is `tail[tailStart…]`: dropping from the front moves the index, not the array. */
    tail = [];
    tailStart = 0;
    tailLen = 0;
    dropped = 0;
    constructor(maxBytes) {
        const max = Math.max(64, Math.floor(maxBytes));
        this.headMax = Math.floor(max / 2);
        this.tailMax = max - this.headMax;
    }
    push(chunk) {
        let c = chunk;
        if (this.headLen < this.headMax) {
            const take = Math.min(this.headMax - this.headLen, c.length);
            this.head.push(c.subarray(0, take));
            this.headLen += take;
            c = c.subarray(take);
        }
        if (c.length === 0)
            return;
        this.tail.push(c);
        this.tailLen += c.length;
        while (this.tailLen > this.tailMax) {
            const first = this.tail[this.tailStart];
            const excess = this.tailLen - this.tailMax;
            if (first.length <= excess) {
                this.tailStart++;
                this.tailLen -= first.length;
                this.dropped += first.length;
            }
            else {
                this.tail[this.tailStart] = first.subarray(excess);
                this.tailLen -= excess;
                this.dropped += excess;
            }
        }
        // Output written a byte at a time is many small chunks: shifting each one off the front of a long
        // array would cost time in proportion to its length, on every write.
        if (this.tailStart > 1024 && this.tailStart * 2 > this.tail.length) {
            this.tail = this.tail.slice(this.tailStart);
            this.tailStart = 0;
        }
    }
    get truncated() {
        return this.dropped > 0;
    }
    result() {
        const head = Buffer.concat(this.head).toString('utf8');
        const tail = Buffer.concat(this.tail.slice(this.tailStart)).toString('utf8');
        if (this.dropped === 0)
            return { text: head + tail, truncated: false };
        return {
            text: `${head}\n… [${this.dropped} bytes of output omitted] …\n${tail}`,
            truncated: true,
        };
    }
}
exports.HeadTailBuffer = HeadTailBuffer;
/**
 * Command output made safe to show on a terminal and in a report: escape sequences (colors, cursor
 * moves, OSC 52 clipboard writes, window titles) and other control characters are removed; carriage
 * returns become line breaks. Tabs and line breaks stay.
 */
/* eslint-disable no-control-regex -- control characters are what this removes */
function plainText(text) {
    return (text
        // OSC … (BEL | ESC \\), DCS/PM/APC/SOS … ESC \\, CSI … final byte, then any other ESC pair.
        .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[P^_X][^\x1b]*(?:\x1b\\)?|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]?/g, '')
        .replace(/\x9b[0-?]*[ -/]*[@-~]/g, '')
        .replace(/\r\n?/g, '\n')
        .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, ''));
}
/* eslint-enable no-control-regex */
/** The last `maxLines` lines (and at most `maxChars` characters) of a text, as `plainText`. */
function tailOf(text, maxLines = 60, maxChars = 8000) {
    const lines = plainText(text).replace(/\s+$/, '').split('\n');
    let t = lines.slice(-maxLines).join('\n');
    if (t.length > maxChars)
        t = '…' + t.slice(t.length - maxChars);
    return t;
}


/***/ }),

/***/ 4567:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.runPool = runPool;
async function runPool(list, opts) {
    const results = new Array(list.length).fill(undefined);
    let stop = false;
    const record = (i, r) => {
        results[i] = r;
        if (opts.failFast && opts.isFailure?.(r))
            stop = true;
    };
    const rank = (j) => (j.expectedMs === undefined ? Infinity : j.expectedMs);
    const shared = list
        .map((j, i) => ({ j, i }))
        .filter(({ j }) => !j.exclusive)
        .sort((a, b) => rank(b.j) - rank(a.j) || a.i - b.i);
    const alone = list.map((j, i) => ({ j, i })).filter(({ j }) => j.exclusive);
    // A job that throws stops the others from starting; the ones running are waited for before the
    // error is passed on, so that nothing of the run is still going when the caller cleans up after it.
    let failure;
    const attempt = async (j, i) => {
        try {
            record(i, await j.run());
        }
        catch (error) {
            failure ??= { error };
            stop = true;
        }
    };
    let next = 0;
    const worker = async () => {
        while (!stop && next < shared.length) {
            const { j, i } = shared[next++];
            await attempt(j, i);
        }
    };
    const width = Math.max(1, Math.min(Math.floor(opts.jobs) || 1, shared.length));
    await Promise.all(Array.from({ length: width }, worker));
    for (const { j, i } of alone) {
        if (stop)
            break;
        await attempt(j, i);
    }
    if (failure)
        throw failure.error;
    return results;
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
    return { ...(0, env_js_1.scrubEnv)(process.env), ...BASE_ENV, ...extra, [index_js_1.COMMAND_MARK_VAR]: mark };
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
