export const id = 771;
export const ids = [771];
export const modules = {

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
function positive(name, v) {
    if (v === undefined)
        return undefined;
    if (!Number.isFinite(v) || v <= 0)
        throw new errors_js_1.ConfigurationError(`${name}: expected a positive number, got ${v}`);
    return v;
}
/**
 * Limits from (most important first) the host's overrides, quality.toml `[llm]` (`max_turns`,
 * `token_budget`, `cost_budget_usd`, `timeout_seconds` = wall time of a run), then the defaults.
 */
function resolveBudget(quality, overrides = {}) {
    const llm = quality?.llm;
    const turns = positive('max turns', overrides.maxTurns) ?? positive('[llm] max_turns', llm?.maxTurns);
    const tokens = positive('token budget', overrides.maxTokens) ?? positive('[llm] token_budget', llm?.tokenBudget);
    const wall = positive('wall time', overrides.maxWallSeconds) ?? positive('[llm] timeout_seconds', llm?.timeoutSeconds);
    const cost = positive('cost budget', overrides.maxCostUsd) ?? positive('[llm] cost_budget_usd', llm?.costBudgetUsd);
    return {
        maxTurns: Math.floor(turns ?? exports.DEFAULT_BUDGET.maxTurns),
        maxTokens: Math.floor(tokens ?? exports.DEFAULT_BUDGET.maxTokens),
        maxWallMs: wall !== undefined ? wall * 1000 : exports.DEFAULT_BUDGET.maxWallMs,
        ...(cost !== undefined ? { maxCostUsd: cost } : {}),
    };
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
        this.usage = (0, bundle_js_1.addUsage)(this.usage, usage);
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
                message: `cost budget exhausted ($${this.usage.costUsd.toFixed(4)} of $${l.maxCostUsd.toFixed(2)})`,
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

/***/ 2156:
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
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEFAULT_MAX_RESPONSE_BYTES = exports.DEFAULT_MAX_RETRY_AFTER_MS = exports.DEFAULT_MAX_RETRIES = exports.DEFAULT_TIMEOUT_MS = void 0;
exports.withoutCredentials = withoutCredentials;
exports.createChatClient = createChatClient;
/**
 * A chat-completions client over the official `openai` package, for any OpenAI-compatible server
 * (OpenAI, Azure OpenAI's v1 endpoint, GitHub Models, Ollama, vLLM). The SDK does the HTTP, the
 * timeouts and the retries (429 honouring `retry-after`, 408/409, 5xx, dropped connections); this
 * module adds what the SDK does not:
 *  - no hidden configuration: base URL, key, organisation and log level are passed explicitly, so the
 *    SDK never reads OPENAI_* variables from the process environment behind the host's back;
 *  - fast failure where retrying cannot help: a 429 with `insufficient_quota` and a `retry-after`
 *    longer than we are willing to wait are marked not retryable before the SDK sees them;
 *  - typed errors with a message that names the server, the model and what to check;
 *  - usage accounting (prompt, completion, cached tokens) and a cost estimate.
 */
const node_async_hooks_1 = __webpack_require__(6698);
const openai_1 = __importStar(__webpack_require__(2583));
const log_js_1 = __webpack_require__(9906);
const chars_js_1 = __webpack_require__(5153);
const errors_js_1 = __webpack_require__(9968);
const config_js_1 = __webpack_require__(8353);
const pricing_js_1 = __webpack_require__(401);
exports.DEFAULT_TIMEOUT_MS = 300_000;
exports.DEFAULT_MAX_RETRIES = 3;
/** A server asking for a longer pause than this gets a clear failure instead of a silent wait. */
exports.DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
/**
 * The largest answer read from the model server. A chat completion is kilobytes, rarely a megabyte; the
 * answer is untrusted, and read whole it costs several times its size in memory (a 300 MB answer peaked
 * near 2 GB), so reading stops here.
 */
exports.DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** Reads an error body without consuming the response the SDK will read. */
async function peekErrorCode(res) {
    try {
        const body = (await res.clone().json());
        const code = body?.error?.code ?? body?.error?.type;
        return typeof code === 'string' ? code : undefined;
    }
    catch {
        return undefined;
    }
}
function retryAfterMs(headers) {
    const ms = parseFloat(headers.get('retry-after-ms') ?? '');
    if (!Number.isNaN(ms))
        return ms;
    const raw = headers.get('retry-after');
    if (!raw)
        return undefined;
    const s = parseFloat(raw);
    if (!Number.isNaN(s))
        return s * 1000;
    const at = Date.parse(raw);
    return Number.isNaN(at) ? undefined : at - Date.now();
}
/**
 * The SDK recognises a timeout by `err.name === 'AbortError'` only on values that are `instanceof Error`
 * in its own realm; an error from another realm (a test VM, a polyfilled fetch) would lose its name and
 * a timeout would look like a connection failure. Re-create it here, keeping name, message and cause.
 */
function sameRealmError(e) {
    if (e instanceof Error)
        return e;
    const src = (e ?? {});
    const err = new Error(typeof src.message === 'string' ? src.message : String(e), { cause: src.cause });
    if (typeof src.name === 'string')
        err.name = src.name;
    return err;
}
/** A URL for messages: user and password (https://user:pass@host) removed. */
function withoutCredentials(url) {
    try {
        const u = new URL(url);
        if (!u.username && !u.password)
            return url;
        u.username = '';
        u.password = '';
        return u.toString().replace(/\/$/, '');
    }
    catch {
        return url;
    }
}
/** An answer body that grew past the limit (see capBody). */
class ResponseTooLarge extends Error {
    limit;
    constructor(limit) {
        super(`answer larger than ${formatBytes(limit)}`);
        this.limit = limit;
        this.name = 'ResponseTooLarge';
    }
}
function formatBytes(n) {
    return n >= 1024 * 1024 && n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`;
}
/** The error, or one of its causes, is a ResponseTooLarge. */
function tooLarge(e) {
    for (let x = e, depth = 0; x && depth < 8; x = x.cause, depth++)
        if (x instanceof ResponseTooLarge)
            return x;
    return undefined;
}
/**
 * The response with a body that errors once more than `limit` bytes have arrived (at once when its
 * Content-Length already says so), cancelling the rest: the SDK reads the body whole before parsing it.
 */
function capBody(res, limit) {
    if (!res.body)
        return res;
    const declared = Number(res.headers.get('content-length'));
    let seen = 0;
    const counted = res.body.pipeThrough(new TransformStream({
        start(controller) {
            if (Number.isFinite(declared) && declared > limit)
                controller.error(new ResponseTooLarge(limit));
        },
        transform(chunk, controller) {
            seen += chunk.byteLength;
            if (seen > limit)
                controller.error(new ResponseTooLarge(limit));
            else
                controller.enqueue(chunk);
        },
    }));
    return new Response(counted, { status: res.status, statusText: res.statusText, headers: res.headers });
}
function withHeader(res, name, value) {
    const headers = new Headers(res.headers);
    headers.set(name, value);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}
function createChatClient(opts) {
    const baseUrl = (opts.baseUrl ?? config_js_1.DEFAULT_BASE_URL).replace(/\/+$/, '');
    const log = opts.log ?? log_js_1.silentLogger;
    const maxRetries = opts.maxRetries ?? exports.DEFAULT_MAX_RETRIES;
    const timeoutMs = opts.timeoutMs ?? exports.DEFAULT_TIMEOUT_MS;
    const maxRetryAfterMs = opts.maxRetryAfterMs ?? exports.DEFAULT_MAX_RETRY_AFTER_MS;
    const baseFetch = opts.fetch ?? ((input, init) => fetch(input, init));
    const maxResponseBytes = opts.maxResponseBytes ?? exports.DEFAULT_MAX_RESPONSE_BYTES;
    const price = opts.price ?? (0, pricing_js_1.priceFor)(opts.model);
    const shownUrl = withoutCredentials(baseUrl);
    /** Per call (calls may overlap): HTTP attempts, and why the last response was not retried. */
    const callState = new node_async_hooks_1.AsyncLocalStorage();
    const guardedFetch = async (input, init) => {
        const state = callState.getStore();
        if (state)
            state.attempts += 1;
        let res;
        try {
            res = await baseFetch(input, init);
        }
        catch (e) {
            throw sameRealmError(e);
        }
        if (res.status === 429) {
            const code = await peekErrorCode(res);
            if (code === 'insufficient_quota') {
                if (state)
                    state.noRetry = 'quota';
                return withHeader(res, 'x-should-retry', 'false');
            }
            const wait = retryAfterMs(res.headers);
            if (wait !== undefined && wait > maxRetryAfterMs) {
                if (state) {
                    state.noRetry = `the server asks to wait ${Math.ceil(wait / 1000)}s (more than ${Math.round(maxRetryAfterMs / 1000)}s)`;
                }
                return withHeader(res, 'x-should-retry', 'false');
            }
        }
        return capBody(res, maxResponseBytes);
    };
    const redact = (s) => opts.apiKey.length >= 8 ? s.split(opts.apiKey).join('[REDACTED:api-key]') : s;
    const sdk = new openai_1.default({
        apiKey: opts.apiKey,
        baseURL: baseUrl,
        // Explicit nulls: otherwise the SDK reads OPENAI_ORG_ID / OPENAI_PROJECT_ID / OPENAI_ADMIN_KEY itself.
        organization: null,
        project: null,
        adminAPIKey: null,
        webhookSecret: null,
        timeout: timeoutMs,
        maxRetries,
        fetch: guardedFetch,
        logLevel: 'info',
        logger: {
            error: (m) => log.debug(`openai: ${m}`),
            warn: (m) => log.debug(`openai: ${m}`),
            // The SDK's own retry notices ("… failed with status 429 … retrying") are worth seeing.
            info: (m) => /retrying/.test(m) ? log.info(`model server: ${redact(m)}`) : log.debug(`openai: ${m}`),
            debug: () => { },
        },
    });
    function toLlmError(e, callTimeoutMs, signal, state) {
        if (e instanceof errors_js_1.LlmError)
            return e;
        const { attempts } = state;
        const lastNoRetryNote = state.noRetry;
        const where = `the model server at ${shownUrl}`;
        const big = tooLarge(e);
        if (big) {
            return new errors_js_1.LlmResponseError(`${where} sent an answer larger than ${formatBytes(big.limit)}; stopped reading it`, { cause: e });
        }
        if (e instanceof openai_1.APIUserAbortError || signal?.aborted) {
            return new errors_js_1.LlmAbortedError(`request to ${where} aborted`, { cause: e });
        }
        if (e instanceof openai_1.APIConnectionTimeoutError) {
            return new errors_js_1.LlmTimeoutError(`no answer from ${where} within ${Math.round(callTimeoutMs / 1000)}s (tried ${attempts} time(s))`, { cause: e });
        }
        if (e instanceof openai_1.APIConnectionError) {
            const cause = e.cause;
            const detail = cause?.cause?.code ?? cause?.message ?? e.message;
            return new errors_js_1.LlmConnectionError(`cannot reach ${where}: ${redact(String(detail))}`, { cause: e });
        }
        if (e instanceof openai_1.APIError) {
            const status = e.status ?? 0;
            // The server's text is shown on a terminal and written in reports: one line, its control
            // characters (terminal escapes) written out.
            const serverMsg = (0, chars_js_1.escapeControlChars)(redact(String(e.error?.message ?? e.message ?? '')
                .replace(/\s+/g, ' ')
                .slice(0, 300)));
            const code = typeof e.code === 'string' ? e.code : undefined;
            if (status === 401) {
                return new errors_js_1.LlmAuthError(`${where} rejected the API key (401: ${serverMsg}); check ${opts.apiKeySource ?? "OPENAI_API_KEY (or the station's API key)"}`, { status, cause: e });
            }
            if (status === 403) {
                return new errors_js_1.LlmAuthError(`${where} refused access with this API key (403: ${serverMsg}); check the key's permissions for model '${opts.model}'`, { status, cause: e });
            }
            if (status === 404) {
                return new errors_js_1.LlmModelNotFoundError(`model '${opts.model}' not found at ${shownUrl} (404: ${serverMsg}); check the model name and the base URL`, { status, cause: e });
            }
            if (status === 429) {
                if (code === 'insufficient_quota' || lastNoRetryNote === 'quota') {
                    return new errors_js_1.LlmQuotaError(`the account behind the API key has no quota left at ${shownUrl} (429 insufficient_quota: ${serverMsg}); add credit or use another key`, { status, cause: e });
                }
                const why = lastNoRetryNote ? `${lastNoRetryNote}` : `still limited after ${attempts} attempt(s)`;
                return new errors_js_1.LlmRateLimitError(`rate limited by ${where} (429: ${serverMsg}); ${why}`, {
                    status,
                    cause: e,
                });
            }
            if (status === 400 || status === 422) {
                return new errors_js_1.LlmBadRequestError(`${where} rejected the request (${status}: ${serverMsg})`, {
                    status,
                    cause: e,
                });
            }
            if (status >= 500) {
                return new errors_js_1.LlmServerError(`${where} failed with ${status} after ${attempts} attempt(s): ${serverMsg || 'no message'}`, { status, cause: e });
            }
            return new errors_js_1.LlmError('server', `${where} answered ${status}: ${serverMsg}`, { status, cause: e });
        }
        return new errors_js_1.LlmResponseError(`unexpected failure talking to ${where}: ${(0, chars_js_1.escapeControlChars)(redact(String(e?.message ?? e)))}`, {
            cause: e,
        });
    }
    function usageOf(u) {
        // The server's numbers are untrusted: a negative or non-numeric count would defeat the budgets.
        const count = (v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : 0);
        const promptTokens = count(u?.prompt_tokens);
        const completionTokens = count(u?.completion_tokens);
        const cachedTokens = Math.min(promptTokens, count(u?.prompt_tokens_details?.cached_tokens));
        return {
            promptTokens,
            completionTokens,
            cachedTokens,
            costUsd: (0, pricing_js_1.costOf)({ promptTokens, completionTokens, cachedTokens }, price),
        };
    }
    return {
        model: opts.model,
        baseUrl,
        priced: price !== undefined,
        async complete(req) {
            const state = { attempts: 0 };
            const callTimeout = req.timeoutMs ?? timeoutMs;
            const body = {
                model: opts.model,
                messages: req.messages,
                ...(req.tools?.length ? { tools: req.tools } : {}),
                ...(req.tools?.length && req.toolChoice ? { tool_choice: req.toolChoice } : {}),
                ...(req.responseFormat ? { response_format: req.responseFormat } : {}),
                ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
                ...(req.maxCompletionTokens !== undefined ? { max_completion_tokens: req.maxCompletionTokens } : {}),
            };
            if (req.signal?.aborted)
                throw new errors_js_1.LlmAbortedError();
            // The client's timeout ends when the answer's headers arrive; a body that trickles forever is
            // bounded by a deadline over every attempt: twice the timeout each, and 10 s of waiting between.
            const deadlineMs = 2 * callTimeout * (maxRetries + 1) + maxRetries * 10_000;
            const deadline = AbortSignal.timeout(deadlineMs);
            const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
            let completion;
            try {
                completion = await callState.run(state, () => sdk.chat.completions.create(body, { signal, timeout: callTimeout }));
            }
            catch (e) {
                if (deadline.aborted && !req.signal?.aborted) {
                    throw new errors_js_1.LlmTimeoutError(`no complete answer from the model server at ${shownUrl} within ${Math.round(deadlineMs / 1000)}s (its answer did not finish)`, { cause: e });
                }
                throw toLlmError(e, callTimeout, req.signal, state);
            }
            if (typeof completion !== 'object' || completion === null || !Array.isArray(completion.choices)) {
                throw new errors_js_1.LlmResponseError(`the model server at ${shownUrl} answered with something that is not a chat completion`);
            }
            const choice = completion.choices[0];
            if (!choice?.message) {
                throw new errors_js_1.LlmResponseError(`the model server at ${shownUrl} answered without a message (no choices)`);
            }
            return {
                message: choice.message,
                usage: usageOf(completion.usage),
                finishReason: choice.finish_reason ?? 'unknown',
                model: completion.model ?? opts.model,
                id: completion.id,
                attempts: state.attempts,
            };
        },
        async embed(input, eopts = {}) {
            const state = { attempts: 0 };
            try {
                const res = await callState.run(state, () => sdk.embeddings.create({ model: eopts.model ?? opts.model, input, encoding_format: 'float' }, { signal: eopts.signal, timeout: timeoutMs }));
                const vectors = [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
                const promptTokens = res.usage?.prompt_tokens ?? 0;
                return { vectors, usage: { promptTokens, completionTokens: 0, cachedTokens: 0, costUsd: 0 } };
            }
            catch (e) {
                throw toLlmError(e, timeoutMs, eopts.signal, state);
            }
        },
    };
}


/***/ }),

/***/ 8353:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NO_KEY_PLACEHOLDER = exports.DEFAULT_BASE_URL = void 0;
exports.resolveLlmConfig = resolveLlmConfig;
exports.howToConfigureModel = howToConfigureModel;
/**
 * Which model a station talks to, resolved from what the host passes in: environment variables (the
 * host hands over its env; stations never read process.env) and the `[llm]` table of quality.toml.
 *
 * Most specific first, and at the same level the environment before the file:
 *   model:    --model  >  GUARDIAN_<STATION>_MODEL  >  [llm.<station>] model  >  GUARDIAN_MODEL  >  [llm] model
 *   base URL: --base-url  >  GUARDIAN_<STATION>_BASE_URL  >  [llm.<station>] base_url  >  OPENAI_BASE_URL  >  [llm] base_url
 *   API key:  GUARDIAN_<STATION>_API_KEY  >  OPENAI_API_KEY   (never from a file: keys do not belong in the repo)
 */
const errors_js_1 = __webpack_require__(3916);
exports.DEFAULT_BASE_URL = 'https://api.openai.com/v1';
/** Sent when a local server (Ollama, vLLM) needs no key: the SDK refuses an empty one. */
exports.NO_KEY_PLACEHOLDER = 'no-key';
const STATION_ENV = { coder: 'CODER', security: 'SECURITY' };
function pick(candidates) {
    for (const [value, source] of candidates) {
        const v = value?.trim();
        if (v)
            return [v, source];
    }
    return undefined;
}
/** The station's model settings, or undefined when no model is configured at all. */
function resolveLlmConfig(opts) {
    const { station, env } = opts;
    const S = STATION_ENV[station];
    const named = (name) => opts.envSources?.[name] ?? name;
    const llm = opts.quality?.llm;
    const file = opts.quality?.path ?? 'quality.toml';
    const model = pick([
        [opts.overrides?.model, opts.overrideSources?.model ?? '--model'],
        [env[`GUARDIAN_${S}_MODEL`], named(`GUARDIAN_${S}_MODEL`)],
        [llm?.[station]?.model, `${file} [llm.${station}] model`],
        [env.GUARDIAN_MODEL, named('GUARDIAN_MODEL')],
        [llm?.model, `${file} [llm] model`],
    ]);
    if (!model)
        return undefined;
    const [modelName, modelSource] = model;
    if (/\s/.test(modelName)) {
        throw new errors_js_1.ConfigurationError(`${modelSource}: model name '${modelName}' contains whitespace`);
    }
    const base = pick([
        [opts.overrides?.baseUrl, opts.overrideSources?.baseUrl ?? '--base-url'],
        [env[`GUARDIAN_${S}_BASE_URL`], named(`GUARDIAN_${S}_BASE_URL`)],
        [llm?.[station]?.baseUrl, `${file} [llm.${station}] base_url`],
        [env.OPENAI_BASE_URL, named('OPENAI_BASE_URL')],
        [llm?.baseUrl, `${file} [llm] base_url`],
    ]) ?? [exports.DEFAULT_BASE_URL, 'default'];
    const [baseUrl, baseSource] = base;
    let parsed;
    try {
        parsed = new URL(baseUrl);
    }
    catch {
        throw new errors_js_1.ConfigurationError(`${baseSource}: '${baseUrl}' is not a URL (expected e.g. ${exports.DEFAULT_BASE_URL})`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new errors_js_1.ConfigurationError(`${baseSource}: '${baseUrl}' must be an http(s) URL`);
    }
    const key = pick([
        [opts.overrides?.apiKey, opts.overrideSources?.apiKey ?? 'api key option'],
        [env[`GUARDIAN_${S}_API_KEY`], named(`GUARDIAN_${S}_API_KEY`)],
        [env.OPENAI_API_KEY, named('OPENAI_API_KEY')],
    ]);
    if (!key && parsed.hostname === new URL(exports.DEFAULT_BASE_URL).hostname) {
        throw new errors_js_1.ConfigurationError(`model '${modelName}' is configured (${modelSource}) but no API key is set: set OPENAI_API_KEY (or GUARDIAN_${S}_API_KEY)`);
    }
    return {
        apiKey: key?.[0] ?? exports.NO_KEY_PLACEHOLDER,
        baseUrl: baseUrl.replace(/\/+$/, ''),
        model: modelName,
        station,
        sources: { model: modelSource, baseUrl: baseSource, apiKey: key?.[1] ?? 'none (local server)' },
    };
}
/** One line telling a user how to configure a model for the station (for "no model" messages). */
function howToConfigureModel(station) {
    const S = STATION_ENV[station];
    return (`set GUARDIAN_MODEL (or GUARDIAN_${S}_MODEL) and OPENAI_API_KEY, optionally OPENAI_BASE_URL for ` +
        `another OpenAI-compatible server, or add [llm] model = "..." to quality.toml`);
}


/***/ }),

/***/ 9968:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LlmAbortedError = exports.LlmResponseError = exports.LlmBadRequestError = exports.LlmConnectionError = exports.LlmTimeoutError = exports.LlmServerError = exports.LlmRateLimitError = exports.LlmQuotaError = exports.LlmModelNotFoundError = exports.LlmAuthError = exports.LlmError = void 0;
/**
 * Typed failures of a model call. Each says what went wrong in words a user can act on, and whether
 * trying again could help. They are GuardianErrors: a bad key or an unknown model is the user's to fix,
 * so hosts print the message alone (no stack) and exit non-zero.
 */
const errors_js_1 = __webpack_require__(3916);
class LlmError extends errors_js_1.GuardianError {
    kind;
    /** HTTP status of the last response, when there was one. */
    status;
    /** Whether another attempt later could succeed (rate limits, outages); false for a bad key or model. */
    retryable;
    constructor(kind, message, opts = {}) {
        super(message, { cause: opts.cause });
        this.name = 'LlmError';
        this.kind = kind;
        this.status = opts.status;
        this.retryable = opts.retryable ?? false;
    }
}
exports.LlmError = LlmError;
/** 401/403: the key is missing, wrong, or not allowed to use this model or endpoint. */
class LlmAuthError extends LlmError {
    constructor(message, opts = {}) {
        super('auth', message, opts);
        this.name = 'LlmAuthError';
    }
}
exports.LlmAuthError = LlmAuthError;
/** 404: the server does not know the model (or the base URL points at something that is not an API). */
class LlmModelNotFoundError extends LlmError {
    constructor(message, opts = {}) {
        super('model_not_found', message, opts);
        this.name = 'LlmModelNotFoundError';
    }
}
exports.LlmModelNotFoundError = LlmModelNotFoundError;
/** 429 with `insufficient_quota`: the account is out of credit. Waiting does not help. */
class LlmQuotaError extends LlmError {
    constructor(message, opts = {}) {
        super('quota', message, opts);
        this.name = 'LlmQuotaError';
    }
}
exports.LlmQuotaError = LlmQuotaError;
/** 429 rate limit that outlasted the retries (or asked for a longer wait than Guardian accepts). */
class LlmRateLimitError extends LlmError {
    constructor(message, opts = {}) {
        super('rate_limit', message, { ...opts, retryable: true });
        this.name = 'LlmRateLimitError';
    }
}
exports.LlmRateLimitError = LlmRateLimitError;
/** 5xx that outlasted the retries. */
class LlmServerError extends LlmError {
    constructor(message, opts = {}) {
        super('server', message, { ...opts, retryable: true });
        this.name = 'LlmServerError';
    }
}
exports.LlmServerError = LlmServerError;
/** No answer within the request timeout (after the retries). */
class LlmTimeoutError extends LlmError {
    constructor(message, opts = {}) {
        super('timeout', message, { ...opts, retryable: true });
        this.name = 'LlmTimeoutError';
    }
}
exports.LlmTimeoutError = LlmTimeoutError;
/** The server could not be reached (DNS, refused connection, TLS). */
class LlmConnectionError extends LlmError {
    constructor(message, opts = {}) {
        super('connection', message, { ...opts, retryable: true });
        this.name = 'LlmConnectionError';
    }
}
exports.LlmConnectionError = LlmConnectionError;
/** 400/422: the server rejected the request (context too long, unsupported parameter). */
class LlmBadRequestError extends LlmError {
    constructor(message, opts = {}) {
        super('bad_request', message, opts);
        this.name = 'LlmBadRequestError';
    }
}
exports.LlmBadRequestError = LlmBadRequestError;
/** A 2xx answer that is not a usable chat completion (no choices, not JSON). */
class LlmResponseError extends LlmError {
    constructor(message, opts = {}) {
        super('bad_response', message, opts);
        this.name = 'LlmResponseError';
    }
}
exports.LlmResponseError = LlmResponseError;
/** The caller aborted the request (budget exhausted, SIGINT). */
class LlmAbortedError extends LlmError {
    constructor(message = 'model request aborted', opts = {}) {
        super('aborted', message, opts);
        this.name = 'LlmAbortedError';
    }
}
exports.LlmAbortedError = LlmAbortedError;


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


/***/ }),

/***/ 401:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PRICE_TABLE = void 0;
exports.priceFor = priceFor;
exports.costOf = costOf;
exports.PRICE_TABLE = {
    'gpt-5': { input: 1.25, cachedInput: 0.125, output: 10 },
    'gpt-5-mini': { input: 0.25, cachedInput: 0.025, output: 2 },
    'gpt-5-nano': { input: 0.05, cachedInput: 0.005, output: 0.4 },
    'gpt-4.1': { input: 2, cachedInput: 0.5, output: 8 },
    'gpt-4.1-mini': { input: 0.4, cachedInput: 0.1, output: 1.6 },
    'gpt-4.1-nano': { input: 0.1, cachedInput: 0.025, output: 0.4 },
    'gpt-4o': { input: 2.5, cachedInput: 1.25, output: 10 },
    'gpt-4o-mini': { input: 0.15, cachedInput: 0.075, output: 0.6 },
    o3: { input: 2, cachedInput: 0.5, output: 8 },
    'o3-mini': { input: 1.1, cachedInput: 0.55, output: 4.4 },
    'o4-mini': { input: 1.1, cachedInput: 0.275, output: 4.4 },
    'gpt-4-turbo': { input: 10, cachedInput: 10, output: 30 },
};
/**
 * The price of a model name as servers spell it: `gpt-4.1`, `gpt-4.1-2025-04-14` (dated snapshot),
 * `openai/gpt-4.1` (GitHub Models). Undefined when unknown (local models, Azure deployment names).
 */
function priceFor(model, table = exports.PRICE_TABLE) {
    const name = model
        .trim()
        .toLowerCase()
        .replace(/^openai\//, '');
    if (table[name])
        return table[name];
    // A dated snapshot of a known model: the longest known name followed by "-YYYY…".
    let best;
    for (const key of Object.keys(table)) {
        if (name.startsWith(`${key}-`) && /^\d{4}/.test(name.slice(key.length + 1))) {
            if (!best || key.length > best.length)
                best = key;
        }
    }
    return best ? table[best] : undefined;
}
/** Cost in USD of one exchange; cached prompt tokens are part of `promptTokens` (OpenAI's accounting). */
function costOf(usage, price) {
    if (!price)
        return 0;
    const cached = Math.min(usage.cachedTokens, usage.promptTokens);
    const fresh = usage.promptTokens - cached;
    const usd = (fresh * price.input + cached * price.cachedInput + usage.completionTokens * price.output) / 1e6;
    return Math.round(usd * 1e6) / 1e6;
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
