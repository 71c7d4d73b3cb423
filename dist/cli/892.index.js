export const id = 892;
export const ids = [892];
export const modules = {

/***/ 4892:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.humanReport = humanReport;
exports.register = register;
/** `guardian code TASK-ID`: the Coder station from the command line. */
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const index_js_1 = __webpack_require__(6627);
const index_js_2 = __webpack_require__(9043);
const lock_js_1 = __webpack_require__(2055);
const interrupt_js_1 = __webpack_require__(2125);
const log_js_1 = __webpack_require__(9906);
const io_js_1 = __webpack_require__(1604);
const spec_js_1 = __webpack_require__(5842);
const fmt = (n) => n.toLocaleString('en-US');
function humanReport(r, root) {
    const rel = (p) => (0, node_path_1.relative)(root, p) || '.';
    const tokens = r.usage.promptTokens + r.usage.completionTokens;
    const lines = [
        `${r.taskId} attempt ${r.attempt}: ${r.stopReason} — ${r.message}`,
        `model ${r.model}: ${r.turns} turn(s), ${fmt(tokens)} tokens (${fmt(r.usage.cachedTokens)} cached), $${r.usage.costUsd.toFixed(4)}`,
    ];
    if (r.redProof) {
        lines.push(`red:   \`${r.redProof.command}\` failed (exit ${r.redProof.exitCode}) with ${r.redProof.testFiles.join(', ')}`);
    }
    lines.push(`phase: ${r.phase}${r.ok ? ' — tests pass' : ''}`);
    lines.push(`changed: ${r.changedFiles.length ? r.changedFiles.join(', ') : '(nothing)'}`);
    if (r.patchPath)
        lines.push(`patch: ${rel(r.patchPath)}${r.patchSha256 ? ` (sha256 ${r.patchSha256.slice(0, 12)})` : ''}`);
    lines.push(`transcript: ${rel(r.bundleDir)}/transcript.jsonl`);
    if (r.summary)
        lines.push('', r.summary);
    lines.push('');
    // Where the work is: changes.patch only when it was written this time (an interrupted diff may not be).
    const kept = `the work so far is in the working tree${r.patchPath ? ' and in changes.patch' : ' (changes.patch was not written)'}`;
    if (r.ok)
        lines.push(`next: guardian validate ${r.taskId}`);
    else if (r.stopReason === 'aborted')
        lines.push(`interrupted: ${kept}`);
    else {
        lines.push(`${kept}; run \`guardian validate ${r.taskId}\`, then ` +
            `\`guardian code ${r.taskId} --attempt ${r.attempt + 1}\` to try again with the Validator's report`);
    }
    return lines.join('\n') + '\n';
}
function register(program, ctx) {
    program
        .command('code')
        .description('let a model implement the task test-first in this working tree (sandboxed tools, budgets); without a model, explain how to continue by hand')
        .argument('<task-id>', 'the task, e.g. TASK-042')
        .option('--root <dir>', 'repository root', '.')
        .option('--attempt <n>', 'attempt number (default 1); from 2 on, the Validator report is fed back', (0, io_js_1.positiveInt)('--attempt'))
        .option('--max-attempts <n>', `highest attempt number allowed (default ${index_js_2.DEFAULT_MAX_ATTEMPTS})`, (0, io_js_1.positiveInt)('--max-attempts'))
        .option('--max-turns <n>', 'model calls (default [llm] max_turns, else 40)', (0, io_js_1.positiveInt)('--max-turns'))
        .option('--token-budget <n>', 'prompt + completion tokens (default [llm] token_budget, else 1,000,000)', (0, io_js_1.positiveInt)('--token-budget'))
        .option('--cost-budget <usd>', 'estimated cost in USD (default [llm] cost_budget_usd, else none)', (0, io_js_1.positiveNumber)('--cost-budget'))
        .option('--time-budget <seconds>', 'wall time (default [llm] timeout_seconds, else 1800)', (0, io_js_1.positiveNumber)('--time-budget'))
        .option('--model <name>', 'model (default GUARDIAN_CODER_MODEL, [llm.coder], GUARDIAN_MODEL, [llm])')
        .option('--base-url <url>', 'OpenAI-compatible base URL (default OPENAI_BASE_URL, [llm] base_url, api.openai.com)')
        .option('--json', 'print the result as JSON on stdout')
        .option('-v, --verbose', 'debug output on stderr')
        // The other commands say --debug: the same word works here.
        .option('--debug', 'same as --verbose')
        .action(async (taskId, opts) => {
        const dir = (0, spec_js_1.resolveRoot)(ctx, opts.root);
        if (!(0, git_js_1.isGitRepo)(dir))
            throw new errors_js_1.UsageError(`${dir} is not inside a git repository`);
        const root = (0, git_js_1.repoRoot)(dir);
        const log = (0, log_js_1.streamLogger)(ctx.io.stderr, { debug: opts.verbose === true || opts.debug === true });
        (0, bundle_js_1.bundleDirFor)(root, taskId); // a malformed task id is refused before the lock
        // The Coder edits the working tree and writes into the bundle, as a `guardian run` there would:
        // one writer at a time (.guardian/run.lock), the bundle read under the lock too.
        const command = `guardian code ${taskId}${opts.attempt ? ` --attempt ${opts.attempt}` : ''}`;
        const result = await (0, lock_js_1.withRunLock)(root, command, log, () => code(ctx, root, taskId, opts, log));
        if (opts.json) {
            ctx.io.stdout.write(JSON.stringify({ schemaVersion: 1, ...result }, null, 2) + '\n');
        }
        else if (result.stopReason === 'no_model') {
            ctx.io.stdout.write(`${result.instructions}\n`);
        }
        else {
            ctx.io.stdout.write(humanReport(result, root));
        }
        ctx.setExitCode(result.ok || result.stopReason === 'no_model' ? 0 : result.stopReason === 'aborted' ? 130 : 1);
    });
}
/** The Coder's run with the model and budgets the options and quality.toml give: under the run lock. */
async function code(ctx, root, taskId, opts, log) {
    const { quality } = (0, index_js_2.loadCoderInputs)(root, taskId, undefined, log);
    const llm = (0, index_js_1.resolveLlmConfig)({
        station: 'coder',
        env: ctx.io.env,
        ...(quality ? { quality } : {}),
        overrides: {
            ...(opts.model ? { model: opts.model } : {}),
            ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
        },
    });
    if (llm)
        log.info(`model ${llm.model} at ${(0, index_js_1.withoutCredentials)(llm.baseUrl)} (${llm.sources.model})`);
    const budget = {
        ...(opts.maxTurns ? { maxTurns: opts.maxTurns } : {}),
        ...(opts.tokenBudget ? { maxTokens: opts.tokenBudget } : {}),
        ...(opts.costBudget ? { maxCostUsd: opts.costBudget } : {}),
        ...(opts.timeBudget ? { maxWallSeconds: opts.timeBudget } : {}),
    };
    // Ctrl-C (or a CI cancel's SIGTERM) ends the run cleanly: the loop stops, test processes are
    // killed, outputs are written. A second signal quits at once: the test processes still running are
    // killed, and the exit work runs (coder.json records the tokens spent, the run lock is released).
    const interrupts = (0, interrupt_js_1.handleInterrupts)((m) => log.warn(m), process, {
        quitMessage: `quitting now: coder.json records what this attempt spent; changes.patch is not written, the edits stay in the working tree`,
    });
    try {
        return await (0, index_js_2.runCoder)({
            root,
            taskId,
            log,
            ...(llm ? { llm } : {}),
            ...(opts.attempt ? { attempt: opts.attempt } : {}),
            ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
            budget,
            env: ctx.io.env,
            signal: interrupts.signal,
        });
    }
    finally {
        interrupts.dispose();
    }
}


/***/ }),

/***/ 4646:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Budget = exports.DEFAULT_BUDGET = exports.BUDGET_STOP_REASONS = void 0;
exports.resolveBudget = resolveBudget;
/**
 * Budgets enforced outside the model: the harness counts turns, tokens, wall time and cost and stops
 * the run with a typed reason, whatever the model says. The wall-time limit also aborts a request in
 * flight (through `signal`), so a slow server cannot hold a run past its deadline.
 */
const bundle_js_1 = __webpack_require__(6782);
const errors_js_1 = __webpack_require__(3916);
exports.BUDGET_STOP_REASONS = ['max_turns', 'token_budget', 'time_budget', 'cost_budget'];
exports.DEFAULT_BUDGET = {
    maxTurns: 40,
    maxTokens: 1_000_000,
    maxWallMs: 30 * 60_000,
};
function positive(name, v, opts = {}) {
    if (v === undefined)
        return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
        throw new errors_js_1.ConfigurationError(`${name}: expected a positive number, got ${String(v)}`);
    // A fraction of a turn or token would be rounded down, to no budget at all.
    if (opts.int && !Number.isInteger(v))
        throw new errors_js_1.ConfigurationError(`${name}: expected a whole number of at least 1, got ${v}`);
    return v;
}
/**
 * Limits from (most important first) the host's overrides, quality.toml `[llm]` (`max_turns`,
 * `token_budget`, `cost_budget_usd`, `timeout_seconds` = wall time of a run), then the defaults.
 */
function resolveBudget(quality, overrides = {}) {
    const llm = quality?.llm;
    const int = { int: true };
    const turns = positive('max turns', overrides.maxTurns, int) ?? positive('[llm] max_turns', llm?.maxTurns, int);
    const tokens = positive('token budget', overrides.maxTokens, int) ??
        positive('[llm] token_budget', llm?.tokenBudget, int);
    const wall = positive('wall time', overrides.maxWallSeconds) ?? positive('[llm] timeout_seconds', llm?.timeoutSeconds);
    const cost = positive('cost budget', overrides.maxCostUsd) ?? positive('[llm] cost_budget_usd', llm?.costBudgetUsd);
    return {
        maxTurns: Math.floor(turns ?? exports.DEFAULT_BUDGET.maxTurns),
        maxTokens: Math.floor(tokens ?? exports.DEFAULT_BUDGET.maxTokens),
        maxWallMs: wall !== undefined ? wall * 1000 : exports.DEFAULT_BUDGET.maxWallMs,
        ...(cost !== undefined ? { maxCostUsd: cost } : {}),
    };
}
/** Dollars with `digits` decimals, or two significant digits for an amount too small for them. */
function usd(v, digits) {
    return v === 0 || v >= 10 ** -digits ? v.toFixed(digits) : String(Number(v.toPrecision(2)));
}
class Budget {
    limits;
    startedAt;
    turns = 0;
    usage = (0, bundle_js_1.emptyUsage)();
    controller = new AbortController();
    timer;
    now;
    external;
    constructor(limits, opts = {}) {
        this.limits = limits;
        this.now = opts.now ?? Date.now;
        this.startedAt = this.now();
        this.external = opts.signal;
        // setTimeout fires at once for delays past 2^31-1 ms (~24.8 days): clamp.
        this.timer = setTimeout(() => this.controller.abort(new Error('time budget exhausted')), Math.min(limits.maxWallMs, 2 ** 31 - 1));
        this.timer.unref();
        if (opts.signal) {
            if (opts.signal.aborted)
                this.controller.abort(opts.signal.reason);
            else
                opts.signal.addEventListener('abort', () => this.controller.abort(opts.signal?.reason), {
                    once: true,
                });
        }
    }
    /** Aborted when the wall time runs out or the caller's signal fires. */
    get signal() {
        return this.controller.signal;
    }
    elapsedMs() {
        return this.now() - this.startedAt;
    }
    remainingMs() {
        return Math.max(0, this.limits.maxWallMs - this.elapsedMs());
    }
    get totalTokens() {
        return this.usage.promptTokens + this.usage.completionTokens;
    }
    record(usage) {
        // Counted only as finite numbers of 0 or more: a NaN would never exhaust a budget, a negative
        // number would give some back.
        const n = (v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
        this.usage = (0, bundle_js_1.addUsage)(this.usage, {
            promptTokens: n(usage.promptTokens),
            completionTokens: n(usage.completionTokens),
            cachedTokens: n(usage.cachedTokens),
            costUsd: n(usage.costUsd),
        });
    }
    /** Whether another model call may start; counts the turn when it may. */
    beginTurn() {
        const stop = this.exhausted();
        if (stop)
            return stop;
        this.turns += 1;
        return undefined;
    }
    /** The first exhausted limit, if any. */
    exhausted() {
        const l = this.limits;
        if (this.external?.aborted)
            return { reason: 'aborted', message: 'interrupted' };
        if (this.turns >= l.maxTurns) {
            return {
                reason: 'max_turns',
                message: `turn budget exhausted (${this.turns} of ${l.maxTurns} model calls)`,
            };
        }
        if (this.totalTokens >= l.maxTokens) {
            return {
                reason: 'token_budget',
                message: `token budget exhausted (${this.totalTokens} of ${l.maxTokens} tokens)`,
            };
        }
        if (l.maxCostUsd !== undefined && this.usage.costUsd >= l.maxCostUsd) {
            return {
                reason: 'cost_budget',
                message: `cost budget exhausted ($${usd(this.usage.costUsd, 4)} of $${usd(l.maxCostUsd, 2)})`,
            };
        }
        if (this.elapsedMs() >= l.maxWallMs || this.controller.signal.aborted) {
            return this.timeStop();
        }
        return undefined;
    }
    timeStop() {
        return {
            reason: 'time_budget',
            message: `time budget exhausted (${Math.round(this.elapsedMs() / 1000)}s of ${Math.round(this.limits.maxWallMs / 1000)}s)`,
        };
    }
    dispose() {
        clearTimeout(this.timer);
    }
}
exports.Budget = Budget;


/***/ }),

/***/ 6627:
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
__exportStar(__webpack_require__(9968), exports);
__exportStar(__webpack_require__(8353), exports);
__exportStar(__webpack_require__(401), exports);
__exportStar(__webpack_require__(4646), exports);
__exportStar(__webpack_require__(2156), exports);


/***/ })

};
