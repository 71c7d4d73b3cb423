export const id = 533;
export const ids = [533];
export const modules = {

/***/ 745:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BUNDLE_JSON_SCHEMA_VERSION = void 0;
exports.register = register;
/** `guardian bundle TASK-ID`: build the Task Bundle (task_context.md + evidence) for a task. */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const index_js_1 = __webpack_require__(7208);
const lock_js_1 = __webpack_require__(2055);
const log_js_1 = __webpack_require__(9906);
const temp_js_1 = __webpack_require__(4868);
const io_js_1 = __webpack_require__(1604);
/** Version of the `--json` document; bumped only on incompatible changes. */
exports.BUNDLE_JSON_SCHEMA_VERSION = 1;
const collect = (v, prev = []) => [...prev, v];
function human(r) {
    const rows = Object.entries(r.sectionTokens)
        .filter(([, t]) => t > 0)
        .map(([name, t]) => [name, String(t)]);
    const lines = [
        `Task Bundle for ${r.taskId} at ${r.bundleDir}`,
        `base commit ${r.baseCommit.slice(0, 12)} · ${r.tokens}/${r.tokenBudget} tokens (${r.tokenizer})`,
        '',
        (0, io_js_1.table)(['section', 'tokens'], rows).trimEnd(),
        '',
        `code: ${r.codeFiles.length ? r.codeFiles.map((f) => `${f.path}:${f.ranges.map((x) => `${x.start}-${x.end}`).join(',')}`).join(' ') : '(none)'}`,
        `rules: ${r.rules} · libraries: ${r.libraries.length ? r.libraries.join(', ') : '(none)'} · API facts: ${r.facts}`,
    ];
    if (r.redactions)
        lines.push(`secrets redacted: ${r.redactions}`);
    for (const n of r.notes)
        lines.push(`note: ${n}`);
    return lines.join('\n') + '\n';
}
function register(program, ctx) {
    program
        .command('bundle')
        .description('build the Task Bundle (.guardian/bundles/TASK-ID/) the Coder works from')
        .argument('<task-id>', 'the task, e.g. TASK-042')
        .option('--root <dir>', 'project root (may be a subdirectory of its git repository)', '.')
        .option('--base <ref>', 'base commit (default HEAD)')
        .option('--json', `one JSON document on stdout (schemaVersion ${exports.BUNDLE_JSON_SCHEMA_VERSION})`)
        .option('--budget <tokens>', 'token budget for task_context.md (default: quality.toml [bundle] token_budget, else 24000)')
        .option('--top <k>', 'how many files code search considers', '12')
        .option('--python <path>', 'Python interpreter whose site-packages hold the libraries (repeatable)', collect)
        .option('--site-packages <dir>', 'a site-packages directory to read library APIs from (repeatable)', collect)
        .option('--debug', 'print debug notes')
        .action(async (taskId, opts) => {
        const root = (0, node_path_1.resolve)(ctx.io.cwd, opts.root);
        if (!(0, node_fs_1.existsSync)(root) || !(0, node_fs_1.statSync)(root).isDirectory())
            throw new errors_js_1.UsageError(`--root ${opts.root}: not a directory`);
        let budget;
        if (opts.budget !== undefined) {
            budget = Number(opts.budget);
            if (!Number.isInteger(budget) || budget < 1000) {
                throw new errors_js_1.UsageError(`--budget ${opts.budget}: expected an integer of at least 1000`);
            }
        }
        const top = Number(opts.top ?? '12');
        if (!Number.isInteger(top) || top < 1 || top > 200)
            throw new errors_js_1.UsageError(`--top ${opts.top}: expected an integer from 1 to 200`);
        const env = ctx.io.env;
        // Paths the user named must exist: a typo would otherwise only show as "no site-packages found".
        for (const dir of opts.sitePackages ?? []) {
            const abs = (0, node_path_1.resolve)(ctx.io.cwd, dir);
            if (!(0, node_fs_1.existsSync)(abs) || !(0, node_fs_1.statSync)(abs).isDirectory())
                throw new errors_js_1.UsageError(`--site-packages ${dir}: not a directory`);
        }
        for (const exe of opts.python ?? []) {
            if (!findExecutable(exe, ctx.io.cwd, env.PATH))
                throw new errors_js_1.UsageError(`--python ${exe}: ${/[/\\]/.test(exe) ? 'no executable file there' : 'not found on PATH'}`);
        }
        let embeddings;
        if (env.GUARDIAN_EMBEDDINGS_BASE_URL && env.GUARDIAN_EMBEDDINGS_MODEL) {
            embeddings = {
                baseUrl: env.GUARDIAN_EMBEDDINGS_BASE_URL,
                model: env.GUARDIAN_EMBEDDINGS_MODEL,
                ...(env.GUARDIAN_EMBEDDINGS_API_KEY ? { apiKey: env.GUARDIAN_EMBEDDINGS_API_KEY } : {}),
            };
        }
        const context7Key = env.CONTEXT7_API_KEY?.trim();
        const log = (0, log_js_1.streamLogger)(ctx.io.stderr, { debug: !!opts.debug });
        const quiet = opts.json ? { ...log, info: () => { }, group: (_n, fn) => fn() } : log;
        (0, bundle_js_1.bundleDirFor)(root, taskId); // a malformed task id is refused before the lock
        // Ctrl-C: the staging directory is removed at exit; the previous bundle (if any) is untouched.
        const stopHandling = (0, temp_js_1.exitOnInterrupt)((sig) => ctx.io.stderr.write(`guardian: ${sig === 'SIGTERM' ? 'terminated' : 'interrupted'}: the Task Bundle for ${taskId} was not built (the partial one was removed)\n`));
        const build = () => (0, index_js_1.runBundler)({
            root,
            taskId,
            base: opts.base,
            log: quiet,
            tokenBudget: budget,
            searchTop: top,
            embeddings,
            python: opts.sitePackages?.length
                ? { sitePackages: opts.sitePackages.map((p) => (0, node_path_1.resolve)(ctx.io.cwd, p)) }
                : opts.python?.length
                    ? { interpreters: opts.python }
                    : undefined,
            context7: context7Key
                ? { apiKey: context7Key, ...(env.CONTEXT7_API_URL ? { baseUrl: env.CONTEXT7_API_URL } : {}) }
                : undefined,
        });
        // The bundle is written under <root>/.guardian/, which a `guardian run` there may be rewriting:
        // one writer at a time (.guardian/run.lock). Outside a git repository the Bundler refuses before it
        // writes anything, so there is nothing to lock (and no .guardian/ to create for the refusal).
        const result = await ((0, git_js_1.isGitRepo)(root) ? (0, lock_js_1.withRunLock)(root, `guardian bundle ${taskId}`, quiet, build) : build()).finally(stopHandling);
        if (opts.json) {
            ctx.io.stdout.write(JSON.stringify({ schemaVersion: exports.BUNDLE_JSON_SCHEMA_VERSION, ...result }, null, 2) + '\n');
        }
        else
            ctx.io.stdout.write(human(result));
        ctx.setExitCode(0);
    });
}
/** `name` as the shell would find it: a path (relative to `cwd`), else on `PATH`; executable files only. */
function findExecutable(name, cwd, path) {
    const isExe = (p) => {
        try {
            (0, node_fs_1.accessSync)(p, node_fs_1.constants.X_OK);
            return (0, node_fs_1.statSync)(p).isFile();
        }
        catch {
            return false;
        }
    };
    if (/[/\\]/.test(name)) {
        const abs = (0, node_path_1.resolve)(cwd, name);
        return isExe(abs) ? abs : undefined;
    }
    for (const dir of (path ?? '').split(node_path_1.delimiter)) {
        if (dir && isExe((0, node_path_1.join)(dir, name)))
            return (0, node_path_1.join)(dir, name);
    }
    return undefined;
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
    const allow = new Set((opts.allowEnv ?? []).map((n) => n.toUpperCase()));
    const values = new Set();
    for (const env of [opts.env ?? process.env, process.env])
        for (const [k, v] of Object.entries(env))
            if (v && v.trim().length >= 8 && !allow.has(k.toUpperCase()) && (0, env_js_1.isHiddenFromCode)(k, v, opts.secretEnv))
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
 * longest-value-minus-one characters) is held back until more output comes or the command ends.
 */
class RedactingStream {
    values;
    sink;
    pending = '';
    keep;
    constructor(values, sink) {
        this.values = values;
        this.sink = sink;
        this.keep = Math.max(0, ...values.map((v) => v.length - 1));
    }
    push(chunk) {
        if (this.values.length === 0)
            return this.sink(chunk);
        const text = redactValues(this.pending + chunk, this.values);
        const cut = text.length - this.keep;
        this.pending = cut > 0 ? text.slice(cut) : text;
        if (cut > 0)
            this.sink(text.slice(0, cut));
    }
    flush() {
        if (this.pending)
            this.sink(this.pending);
        this.pending = '';
    }
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
    for (const name of (0, node_fs_1.readdirSync)('/proc')) {
        if (!/^\d+$/.test(name))
            continue;
        let stat;
        try {
            stat = (0, node_fs_1.readFileSync)(`/proc/${name}/stat`, 'utf8');
        }
        catch {
            continue;
        }
        // "pid (comm) state ppid pgrp …" — comm may contain spaces and parentheses.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X')
            return true;
    }
    return false;
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
    const timeoutMs = opts.timeoutMs ?? exports.DEFAULT_TIMEOUT_MS;
    const out = new output_js_1.HeadTailBuffer(opts.maxOutputBytes ?? exports.DEFAULT_MAX_OUTPUT_BYTES);
    const env = (0, env_js_1.scrubCodeEnv)(opts.env ?? process.env, { allow: opts.allowEnv, secretEnv: opts.secretEnv });
    const hidden = hiddenValues(opts);
    const stream = opts.onOutput && new RedactingStream(hidden, opts.onOutput);
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
        const child = (0, node_child_process_1.spawn)('bash', ['-c', opts.command], {
            cwd: opts.cwd,
            env,
            // Its own process group: a timeout kills the whole tree, not only bash.
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const pid = child.pid;
        const onData = (d) => {
            out.push(d);
            stream?.push(d.toString('utf8'));
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
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
                const escaped = killMarked(mark);
                if (escaped > 0)
                    out.push(Buffer.from(`\nguardian: ${escaped} process(es) this command started left its process group and were still running when it ended; killed\n`));
                stream?.flush();
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
    tail = [];
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
            const first = this.tail[0];
            const excess = this.tailLen - this.tailMax;
            if (first.length <= excess) {
                this.tail.shift();
                this.tailLen -= first.length;
                this.dropped += first.length;
            }
            else {
                this.tail[0] = first.subarray(excess);
                this.tailLen -= excess;
                this.dropped += excess;
            }
        }
    }
    get truncated() {
        return this.dropped > 0;
    }
    result() {
        const head = Buffer.concat(this.head).toString('utf8');
        const tail = Buffer.concat(this.tail).toString('utf8');
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
    let next = 0;
    const worker = async () => {
        while (!stop && next < shared.length) {
            const { j, i } = shared[next++];
            record(i, await j.run());
        }
    };
    const width = Math.max(1, Math.min(Math.floor(opts.jobs) || 1, shared.length));
    await Promise.all(Array.from({ length: width }, worker));
    for (const { j, i } of alone) {
        if (stop)
            break;
        record(i, await j.run());
    }
    return results;
}


/***/ }),

/***/ 7130:
/***/ ((__unused_webpack_module, exports) => {


/**
 * Files that hold secrets by their nature (environment files, private keys, credential stores). Their
 * content never enters a bundle or a prompt, whatever it looks like.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.secretFileReason = secretFileReason;
exports.isSecretFile = isSecretFile;
/** Templates of environment files are committed on purpose and hold placeholders; their text is still redacted. */
const ENV_TEMPLATE = /^\.env\.(?:example|sample|template|dist|defaults)$/i;
const RULES = [
    { test: (b) => /^\.env(?:\..+)?$/i.test(b) && !ENV_TEMPLATE.test(b), reason: 'environment file (.env)' },
    {
        test: (b) => /\.env$/i.test(b) && b.length > 4 && !/^\.?env$/i.test(b),
        reason: 'environment file (*.env)',
    },
    { test: (b) => /^\.envrc$/i.test(b), reason: 'direnv environment file' },
    {
        test: (b) => /\.(?:pem|key|p12|pfx|jks|keystore|p8|ppk|asc|gpg|kdbx|ovpn)$/i.test(b),
        reason: 'key or certificate store',
    },
    { test: (b) => /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_[a-z0-9]+)?$/i.test(b), reason: 'SSH private key' },
    {
        test: (b) => /^(?:\.npmrc|\.pypirc|\.netrc|_netrc|\.git-credentials|\.htpasswd|\.pgpass|\.dockercfg)$/i.test(b),
        reason: 'credentials file',
    },
    {
        test: (b) => /^(?:credentials|credentials\.(?:json|ya?ml|toml|xml|csv|ini)|client_secrets?\.json)$/i.test(b),
        reason: 'credentials file',
    },
    {
        test: (b) => /^(?:secrets?\.(?:json|ya?ml|toml|ini|env)|\.secrets?(?:\..*)?|service[-_]account.*\.json)$/i.test(b),
        reason: 'secrets file',
    },
    {
        test: (b) => /\.tfvars(?:\.json)?$/i.test(b) || /^terraform\.tfstate(?:\.backup)?$/i.test(b),
        reason: 'Terraform variables or state',
    },
    { test: (_b, p) => /(?:^|\/)\.docker\/config\.json$/.test(p), reason: 'Docker credentials' },
    { test: (_b, p) => /(?:^|\/)\.aws\/(?:credentials|config)$/.test(p), reason: 'AWS credentials' },
    { test: (_b, p) => /(?:^|\/)\.ssh\//.test(p) && !/\.pub$/.test(p), reason: 'SSH directory' },
    { test: (_b, p) => /(?:^|\/)\.kube\/config$/.test(p), reason: 'Kubernetes credentials' },
];
/** Why a path is a secret file, or undefined when it is not one. */
function secretFileReason(path) {
    const lowerPath = path.replace(/\\/g, '/').toLowerCase();
    const base = lowerPath.split('/').pop() ?? lowerPath;
    if (base === '')
        return undefined;
    // Public halves of key pairs are not secret.
    if (/\.pub$/.test(base) || /\.crt$|\.cer$/.test(base))
        return undefined;
    for (const r of RULES)
        if (r.test(base, lowerPath))
            return r.reason;
    return undefined;
}
/** True for `.env*` (not templates), `*.pem`, `*.key`, `id_rsa*`, credential stores, secrets files… */
function isSecretFile(path) {
    return secretFileReason(path) !== undefined;
}


/***/ }),

/***/ 5073:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.secretFileReason = exports.isSecretFile = void 0;
exports.redactSecrets = redactSecrets;
exports.redactSecretsSync = redactSecretsSync;
/**
 * Secret detection and redaction for everything Guardian puts in front of a model or into a bundle.
 * Two layers: secretlint's recommended preset (a maintained catalogue of provider token formats) and
 * Guardian's own patterns (`patterns.ts`). A secret is replaced by `[REDACTED:<rule>]`; line breaks inside
 * a redacted span are kept, so `path:line` references into redacted text stay right.
 */
const core_1 = __webpack_require__(6707);
const profiler_1 = __webpack_require__(806);
const chars_js_1 = __webpack_require__(5153);
const secretlint_rule_preset_recommend_1 = __webpack_require__(1577);
const patterns_js_1 = __webpack_require__(2374);
var files_js_1 = __webpack_require__(7130);
Object.defineProperty(exports, "isSecretFile", ({ enumerable: true, get: function () { return files_js_1.isSecretFile; } }));
Object.defineProperty(exports, "secretFileReason", ({ enumerable: true, get: function () { return files_js_1.secretFileReason; } }));
// The engine times every scan with process-wide performance marks, and its observer keeps every mark
// and searches them all for each new one: the cost of a scan grows with the number of scans before it
// (a bundle of 3,000 rule files spent 40 s there) and the marks are never freed. Nothing here reads the
// timings. The package is pinned to the engine's own version, so this is the instance the engine uses.
profiler_1.secretLintProfiler.mark = () => { };
const SECRETLINT_CONFIG = {
    rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: secretlint_rule_preset_recommend_1.creator }],
};
const SECRETLINT_PREFIX = /^@secretlint\/secretlint-rule-/;
/**
 * Finds secrets in `text` and returns the text with each one replaced by `[REDACTED:<rule>]`.
 * `path` (repository-relative or absolute) lets rules that depend on the file kind apply: the generic
 * `password = "…"` rule fires on any literal in configuration files (`.env`, `.ini`, `.yaml`, …) and
 * text of unknown origin, but in source code only on values that look machine-generated.
 */
async function redactSecrets(text, opts = {}) {
    if (text.length === 0)
        return { text, findings: [] };
    const spans = [];
    for (const p of patterns_js_1.GUARDIAN_PATTERNS)
        spans.push(...matchPattern(text, p));
    spans.push(...genericAssignments(text, (0, patterns_js_1.isConfigLikePath)(opts.path)));
    spans.push(...(await secretlintSpans(text, opts.path)));
    return applySpans(text, spans);
}
/** Synchronous Guardian-only pass (no secretlint) for hot paths that cannot await. */
function redactSecretsSync(text, opts = {}) {
    const spans = [];
    for (const p of patterns_js_1.GUARDIAN_PATTERNS)
        spans.push(...matchPattern(text, p));
    spans.push(...genericAssignments(text, (0, patterns_js_1.isConfigLikePath)(opts.path)));
    return applySpans(text, spans);
}
function matchPattern(text, p) {
    const out = [];
    p.regex.lastIndex = 0;
    for (const m of text.matchAll(p.regex)) {
        const whole = m[0];
        if (whole.length === 0)
            continue;
        let start = m.index;
        let secret = whole;
        if (p.group !== undefined) {
            const g = m[p.group];
            if (g === undefined)
                continue;
            // The group is the last occurrence of its text inside the match (values follow key names).
            start = m.index + whole.lastIndexOf(g);
            secret = g;
        }
        if (p.accept && !p.accept(secret))
            continue;
        out.push({
            start,
            end: start + secret.length,
            marker: p.id,
            ruleId: `guardian/${p.id}`,
            message: `found ${p.message}`,
        });
    }
    return out;
}
function genericAssignments(text, configLike) {
    const out = [];
    const re = patterns_js_1.GENERIC_ASSIGNMENT.regex;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
        const value = m[1] ?? m[2] ?? m[3];
        if (value === undefined)
            continue;
        if ((0, patterns_js_1.isPlaceholder)(value))
            continue;
        // In code, `password = "correct horse"` in a test is a fixture, not a secret; only values that
        // look generated are. Unquoted values in code are expressions (variables, calls), never literals.
        if (!configLike && (m[3] !== undefined || !(0, patterns_js_1.looksRandom)(value)))
            continue;
        const start = m.index + m[0].lastIndexOf(value);
        out.push({
            start,
            end: start + value.length,
            marker: patterns_js_1.GENERIC_ASSIGNMENT.id,
            ruleId: `guardian/${patterns_js_1.GENERIC_ASSIGNMENT.id}`,
            message: `found ${patterns_js_1.GENERIC_ASSIGNMENT.message}`,
        });
    }
    return out;
}
async function secretlintSpans(text, path) {
    // The engine's profiler names performance marks after the path and measures them with a pattern that
    // stops at a line break: a file named with one (repository names are untrusted) would crash the
    // process from a stray promise. The rules need only a path-like name.
    const name = path === undefined ? undefined : (0, chars_js_1.replaceControlChars)(path, () => '_');
    const result = await (0, core_1.lintSource)({
        source: { content: text, filePath: name ?? 'input.txt', contentType: 'text' },
        options: {
            config: SECRETLINT_CONFIG,
            noPhysicFilePath: name === undefined || name !== path,
            locale: 'en',
        },
    });
    const out = [];
    for (const msg of result.messages) {
        if (msg.type !== 'message')
            continue;
        const marker = msg.ruleId.replace(SECRETLINT_PREFIX, '');
        const base = {
            marker,
            ruleId: msg.ruleId,
            message: `found ${describeSecretlintMessage(msg.messageId, marker)}`,
        };
        // secretlint reports the secret's value in `data`; its `range` is not always the value's exact
        // place (some rules report the start of the line), so redact every occurrence of the value and
        // fall back to the range only when no value is found in the text.
        const values = Object.values(msg.data ?? {}).filter((v) => typeof v === 'string' && v.length >= 8 && !/\s/.test(v));
        let found = false;
        for (const v of values) {
            let i = text.indexOf(v);
            while (i !== -1) {
                found = true;
                out.push({ start: i, end: i + v.length, ...base });
                i = text.indexOf(v, i + v.length);
            }
        }
        if (!found && msg.range[1] > msg.range[0]) {
            out.push({ start: msg.range[0], end: msg.range[1], ...base });
        }
    }
    return out;
}
function describeSecretlintMessage(messageId, rule) {
    // messageIds are like "AWSSecretAccessKey", "GITHUB_TOKEN", "PostgreSQLConnection": readable enough.
    const words = messageId
        .replace(/_/g, ' ')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .trim();
    return words ? `${words} (${rule})` : rule;
}
function lineAt(lineStarts, index) {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((lineStarts[mid] ?? 0) <= index)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo + 1;
}
function applySpans(text, spans) {
    if (spans.length === 0)
        return { text, findings: [] };
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            lineStarts.push(i + 1);
    // Merge overlapping spans; the earliest-starting (then longest) span names the merged one.
    const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
    const merged = [];
    for (const s of sorted) {
        const last = merged[merged.length - 1];
        if (last && s.start < last.end) {
            last.end = Math.max(last.end, s.end);
            continue;
        }
        merged.push({ ...s });
    }
    const findings = [];
    const seen = new Set();
    for (const s of sorted) {
        const f = { ruleId: s.ruleId, line: lineAt(lineStarts, s.start), message: s.message };
        const key = `${f.ruleId}\0${f.line}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        findings.push(f);
    }
    findings.sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
    let out = '';
    let pos = 0;
    for (const s of merged) {
        out += text.slice(pos, s.start);
        const newlines = text.slice(s.start, s.end).split('\n').length - 1;
        out += `[REDACTED:${s.marker}]` + '\n'.repeat(newlines);
        pos = s.end;
    }
    out += text.slice(pos);
    return { text: out, findings };
}


/***/ }),

/***/ 2374:
/***/ ((__unused_webpack_module, exports) => {


/**
 * Guardian's own secret patterns, on top of secretlint's recommended preset. They cover tokens the
 * preset misses or only finds in some shapes (OpenAI keys, a lone AWS access key id, fine-grained
 * GitHub tokens, private key blocks of any kind, JWTs) and the generic `password = "…"` assignment of
 * configuration files.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GENERIC_ASSIGNMENT = exports.GUARDIAN_PATTERNS = void 0;
exports.isPlaceholder = isPlaceholder;
exports.entropy = entropy;
exports.looksRandom = looksRandom;
exports.isConfigLikePath = isConfigLikePath;
exports.GUARDIAN_PATTERNS = [
    {
        id: 'private-key',
        message: 'private key block',
        // Any PEM/OpenSSH/PGP private key, including a block cut off before its END line.
        regex: /-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|$(?![\s\S]))/g,
    },
    {
        id: 'github-token',
        message: 'GitHub token',
        regex: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\b/g,
    },
    {
        id: 'github-token',
        message: 'GitHub fine-grained personal access token',
        regex: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
    },
    {
        id: 'openai-key',
        message: 'OpenAI-style API key (sk-…)',
        regex: /(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-|ant-(?:api\d\d-)?)?[A-Za-z0-9_-]{20,}/g,
        // Real keys mix letters and digits; "sk-learn-style-identifiers" do not.
        accept: (s) => /\d/.test(s) && /[A-Za-z]/.test(s.slice(3)),
    },
    {
        id: 'aws-access-key-id',
        message: 'AWS access key id',
        regex: /\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/g,
    },
    {
        id: 'aws-secret-access-key',
        message: 'AWS secret access key',
        regex: /\baws_?(?:secret_?access_?key|secret_?key|secret)\b["']?\s*(?:[:=]|:=|=>)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
        group: 1,
    },
    {
        id: 'slack-token',
        message: 'Slack token',
        regex: /\bxox[abposr]-[A-Za-z0-9-]{10,250}/g,
    },
    {
        id: 'slack-webhook',
        message: 'Slack webhook URL',
        regex: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,}/g,
    },
    {
        id: 'stripe-key',
        message: 'Stripe secret key',
        regex: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,}\b/g,
    },
    {
        id: 'google-api-key',
        message: 'Google API key',
        regex: /\bAIza[0-9A-Za-z_-]{35}\b/g,
    },
    {
        id: 'npm-token',
        message: 'npm access token',
        regex: /\bnpm_[A-Za-z0-9]{36}\b/g,
    },
    {
        id: 'jwt',
        message: 'JSON Web Token',
        regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g,
    },
    {
        id: 'url-credentials',
        message: 'password in a URL',
        regex: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@'"]{1,100}:([^\s:/@'"]{3,200})@[^\s/'"]/gi,
        group: 1,
        accept: (s) => !isPlaceholder(s),
    },
];
/** Key names whose value is a secret in configuration text. */
const SECRET_KEY_NAME = '[A-Za-z0-9_.-]{0,40}?(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|session[_-]?key|master[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?key|credentials?|signing[_-]?key|encryption[_-]?key)';
/**
 * `NAME = value` / `NAME: value` / `"name": "value"` where NAME ends in a secret-ish word. Applied to
 * configuration-like files (and text of unknown origin); in source code it is applied only to values
 * that look random (see `looksRandom`), so test fixtures like `password="correct horse"` stay readable.
 */
exports.GENERIC_ASSIGNMENT = {
    id: 'generic-secret',
    message: 'secret-looking assignment',
    regex: new RegExp(`(?<![A-Za-z0-9])${SECRET_KEY_NAME}["']?[ \\t]*(?:=|:(?!:)|:=|=>)[ \\t]*(?:"([^"\\r\\n]{4,})"|'([^'\\r\\n]{4,})'|([^\\s"'#,;]{4,}))`, 'gi'),
};
const PLACEHOLDER = /^(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\{\{.*\}\}|<[^>]*>|%\(.*\)s?|\*+|x+|\.{3}|changeme|change[_-]?me|your[_-].*|example.*|dummy|placeholder|redacted|none|null|nil|true|false|undefined|secret|password|token|todo|tbd|fake.*|test|\[REDACTED:[^\]]*\])$/i;
function isPlaceholder(value) {
    const v = value.trim();
    if (v.length < 4)
        return true;
    if (PLACEHOLDER.test(v))
        return true;
    // Lookups rather than literals: os.environ[...], process.env.X, getenv("X"), ENV["X"].
    if (/(?:environ|process\.env|getenv|ENV\[|env\(|secrets\.|vars\.)/i.test(v))
        return true;
    // A function call or expression rather than a literal.
    if (/^[A-Za-z_][A-Za-z0-9_.]*\(/.test(v))
        return true;
    return false;
}
/** Shannon entropy in bits per character. */
function entropy(s) {
    const counts = new Map();
    for (const ch of s)
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let h = 0;
    for (const c of counts.values()) {
        const p = c / s.length;
        h -= p * Math.log2(p);
    }
    return h;
}
/** A value that looks machine-generated: long, no spaces, mixed classes, high entropy. */
function looksRandom(value) {
    if (value.length < 12 || /\s/.test(value))
        return false;
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
    return classes >= 2 && /\d/.test(value) && entropy(value) >= 3.3;
}
/** Files whose text is configuration (KEY=value), where any secret-named key holds a secret. */
function isConfigLikePath(path) {
    if (path === undefined)
        return true;
    const base = path.split(/[\\/]/).pop() ?? path;
    return (/^\.env(?:\..*)?$/i.test(base) ||
        /\.(?:env|ini|cfg|conf|config|properties|toml|ya?ml|json|tfvars|envrc)$/i.test(base) ||
        /^(?:\.npmrc|\.pypirc|\.netrc|_netrc|\.htpasswd|dockerfile|docker-compose.*)$/i.test(base));
}


/***/ })

};
