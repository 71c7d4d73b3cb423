export const id = 886;
export const ids = [886];
export const modules = {

/***/ 4886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rerankWithEmbeddings: () => (/* binding */ rerankWithEmbeddings)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/openai/index.mjs + 152 modules
var openai = __webpack_require__(3674);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(9906);
;// CONCATENATED MODULE: ./src/llm/errors.ts
/**
 * Typed failures of a model call. Each says what went wrong in words a user can act on, and whether
 * trying again could help. They are GuardianErrors: a bad key or an unknown model is the user's to fix,
 * so hosts print the message alone (no stack) and exit non-zero.
 */

class errors_LlmError extends errors/* GuardianError */.cD {
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
/** 401/403: the key is missing, wrong, or not allowed to use this model or endpoint. */
class errors_LlmAuthError extends errors_LlmError {
    constructor(message, opts = {}) {
        super('auth', message, opts);
        this.name = 'LlmAuthError';
    }
}
/** 404: the server does not know the model (or the base URL points at something that is not an API). */
class errors_LlmModelNotFoundError extends errors_LlmError {
    constructor(message, opts = {}) {
        super('model_not_found', message, opts);
        this.name = 'LlmModelNotFoundError';
    }
}
/** 429 with `insufficient_quota`: the account is out of credit. Waiting does not help. */
class errors_LlmQuotaError extends errors_LlmError {
    constructor(message, opts = {}) {
        super('quota', message, opts);
        this.name = 'LlmQuotaError';
    }
}
/** 429 rate limit that outlasted the retries (or asked for a longer wait than Guardian accepts). */
class errors_LlmRateLimitError extends errors_LlmError {
    constructor(message, opts = {}) {
        super('rate_limit', message, { ...opts, retryable: true });
        this.name = 'LlmRateLimitError';
    }
}
/** 5xx that outlasted the retries. */
class errors_LlmServerError extends errors_LlmError {
    constructor(message, opts = {}) {
        super('server', message, { ...opts, retryable: true });
        this.name = 'LlmServerError';
    }
}
/** No answer within the request timeout (after the retries). */
class errors_LlmTimeoutError extends errors_LlmError {
    constructor(message, opts = {}) {
        super('timeout', message, { ...opts, retryable: true });
        this.name = 'LlmTimeoutError';
    }
}
/** The server could not be reached (DNS, refused connection, TLS). */
class errors_LlmConnectionError extends errors_LlmError {
    constructor(message, opts = {}) {
        super('connection', message, { ...opts, retryable: true });
        this.name = 'LlmConnectionError';
    }
}
/** 400/422: the server rejected the request (context too long, unsupported parameter). */
class errors_LlmBadRequestError extends errors_LlmError {
    constructor(message, opts = {}) {
        super('bad_request', message, opts);
        this.name = 'LlmBadRequestError';
    }
}
/** A 2xx answer that is not a usable chat completion (no choices, not JSON). */
class errors_LlmResponseError extends errors_LlmError {
    constructor(message, opts = {}) {
        super('bad_response', message, opts);
        this.name = 'LlmResponseError';
    }
}
/** The caller aborted the request (budget exhausted, SIGINT). */
class errors_LlmAbortedError extends errors_LlmError {
    constructor(message = 'model request aborted', opts = {}) {
        super('aborted', message, opts);
        this.name = 'LlmAbortedError';
    }
}

;// CONCATENATED MODULE: ./src/llm/config.ts
/**
 * Which model a station talks to, resolved from what the host passes in: environment variables (the
 * host hands over its env; stations never read process.env) and the `[llm]` table of quality.toml.
 *
 * Most specific first, and at the same level the environment before the file:
 *   model:    --model  >  GUARDIAN_<STATION>_MODEL  >  [llm.<station>] model  >  GUARDIAN_MODEL  >  [llm] model
 *   base URL: --base-url  >  GUARDIAN_<STATION>_BASE_URL  >  [llm.<station>] base_url  >  OPENAI_BASE_URL  >  [llm] base_url
 *   API key:  GUARDIAN_<STATION>_API_KEY  >  OPENAI_API_KEY   (never from a file: keys do not belong in the repo)
 */


const config_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
/** Sent when a local server (Ollama, vLLM) needs no key: the SDK refuses an empty one. */
const NO_KEY_PLACEHOLDER = 'no-key';
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
    if (/\s/.test(modelName) || hasControlChar(modelName)) {
        throw new ConfigurationError(`${modelSource}: model name '${escapeControlChars(modelName)}' contains whitespace or a control character`);
    }
    const base = pick([
        [opts.overrides?.baseUrl, opts.overrideSources?.baseUrl ?? '--base-url'],
        [env[`GUARDIAN_${S}_BASE_URL`], named(`GUARDIAN_${S}_BASE_URL`)],
        [llm?.[station]?.baseUrl, `${file} [llm.${station}] base_url`],
        [env.OPENAI_BASE_URL, named('OPENAI_BASE_URL')],
        [llm?.baseUrl, `${file} [llm] base_url`],
    ]) ?? [config_DEFAULT_BASE_URL, 'default'];
    const [baseUrl, baseSource] = base;
    let parsed;
    try {
        parsed = new URL(baseUrl);
    }
    catch {
        throw new ConfigurationError(`${baseSource}: '${escapeControlChars(baseUrl)}' is not a URL (expected e.g. ${config_DEFAULT_BASE_URL})`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new ConfigurationError(`${baseSource}: '${escapeControlChars(baseUrl)}' must be an http(s) URL (expected e.g. ${config_DEFAULT_BASE_URL})`);
    }
    if (parsed.username || parsed.password) {
        // fetch refuses such a URL (its refusal quotes the password); the key travels on its own.
        throw new ConfigurationError(`${baseSource}: the base URL must not contain a user name or password (expected e.g. ${config_DEFAULT_BASE_URL}; the API key is set on its own)`);
    }
    if (parsed.hash) {
        throw new ConfigurationError(`${baseSource}: the base URL must not contain a '#' fragment (expected e.g. ${config_DEFAULT_BASE_URL})`);
    }
    const key = pick([
        [opts.overrides?.apiKey, opts.overrideSources?.apiKey ?? 'api key option'],
        [env[`GUARDIAN_${S}_API_KEY`], named(`GUARDIAN_${S}_API_KEY`)],
        [env.OPENAI_API_KEY, named('OPENAI_API_KEY')],
    ]);
    // Sent in a header: a line break or control character (a key pasted with its neighbour) would be
    // refused by fetch with an error quoting the key. The message names where it came from, never the key.
    if (key && /[^\x20-\x7e\x80-\xff]|[\x7f-\x9f]/.test(key[0])) {
        throw new ConfigurationError(`${key[1]}: the API key contains a line break, a control character or a character an HTTP header cannot carry; check it was copied whole and alone`);
    }
    if (!key && parsed.hostname === new URL(config_DEFAULT_BASE_URL).hostname) {
        throw new ConfigurationError(`model '${modelName}' is configured (${modelSource}) but no API key is set: set OPENAI_API_KEY (or GUARDIAN_${S}_API_KEY)`);
    }
    return {
        apiKey: key?.[0] ?? NO_KEY_PLACEHOLDER,
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

;// CONCATENATED MODULE: ./src/llm/pricing.ts
const PRICE_TABLE = {
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
function pricing_priceFor(model, table = PRICE_TABLE) {
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
function pricing_costOf(usage, price) {
    if (!price)
        return 0;
    // Counts and prices that are not finite numbers of 0 or more count as 0: a cost is never negative,
    // NaN or infinite (a budget compares against it, a report prints it).
    const n = (v) => (Number.isFinite(v) && v > 0 ? v : 0);
    const prompt = n(usage.promptTokens);
    const cached = Math.min(n(usage.cachedTokens), prompt);
    const fresh = prompt - cached;
    const usd = (fresh * n(price.input) + cached * n(price.cachedInput) + n(usage.completionTokens) * n(price.output)) /
        1e6;
    const rounded = Math.round(usd * 1e6) / 1e6;
    return Number.isFinite(rounded) ? rounded : Number.MAX_SAFE_INTEGER;
}

;// CONCATENATED MODULE: ./src/llm/client.ts
/**
 * A chat-completions client over the official `openai` package, for any OpenAI-compatible server
 * (OpenAI, Azure OpenAI's v1 endpoint, GitHub Models, Ollama, vLLM). The SDK does the HTTP and the
 * per-attempt timeout; this module adds what the SDK does not:
 *  - no hidden configuration: base URL, key, organisation and log level are passed explicitly, so the
 *    SDK never reads OPENAI_* variables from the process environment behind the host's back;
 *  - retries it controls (429 honouring `retry-after`, 408/409, 5xx, dropped connections, answers cut
 *    off): bounded in number, each wait bounded and ended at once by the caller's abort, and no retry
 *    where it cannot help (`insufficient_quota`, a `retry-after` longer than we are willing to wait);
 *  - no redirects: the request carries the key and the code, and goes only where the base URL says;
 *  - an answer checked before anyone uses it: the message's shape, the token counts;
 *  - typed errors with a message that names the server, the model and what to check;
 *  - usage accounting (prompt, completion, cached tokens) and a cost estimate.
 */







const DEFAULT_TIMEOUT_MS = 300_000;
const DEFAULT_MAX_RETRIES = 3;
/** A server asking for a longer pause than this gets a clear failure instead of a silent wait. */
const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
/**
 * The largest answer read from the model server. A chat completion is kilobytes, rarely a megabyte; the
 * answer is untrusted, and read whole it costs several times its size in memory (a 300 MB answer peaked
 * near 2 GB), so reading stops here.
 */
const DEFAULT_MAX_RESPONSE_BYTES = (/* unused pure expression or super */ null && (32 * 1024 * 1024));
/** The most retries a client may be set to make: every retry is another paid request. */
const MAX_RETRIES_LIMIT = 10;
/**
 * Token counts above this in one answer are not believed: no model reads or writes that much in one
 * exchange. A larger (or absurd) count is taken as this, so it still weighs on the token budget.
 */
const MAX_TOKENS_PER_ANSWER = 100_000_000;
/** The headers the SDK sends besides its `x-stainless-*` ones; any other came from somewhere else. */
const SDK_HEADERS = new Set(['accept', 'content-type', 'user-agent', 'idempotency-key']);
/**
 * The headers the SDK set for a request, without those it took from OPENAI_CUSTOM_HEADERS in the
 * process environment (added after the key: an "Authorization:" line there replaces it), and with
 * this client's key.
 */
function requestHeaders(sdkHeaders, apiKey) {
    const headers = new Headers();
    for (const [name, value] of new Headers(sdkHeaders)) {
        if (SDK_HEADERS.has(name) || name.startsWith('x-stainless-'))
            headers.set(name, value);
    }
    headers.set('authorization', `Bearer ${apiKey}`);
    return headers;
}
/** setTimeout and AbortSignal.timeout fire at once past 2^31-1 ms (~24.8 days): longer waits are clamped. */
const MAX_TIMER_MS = (/* unused pure expression or super */ null && (2 ** 31 - 1));
/**
 * The wait a failed response asks for, in ms: `retry-after-ms`, else `retry-after` (seconds or an HTTP
 * date). Infinity for a number too large to mean anything; undefined when there is none.
 */
function retryAfterMs(headers) {
    if (!headers)
        return undefined;
    const ms = parseFloat(headers.get('retry-after-ms') ?? '');
    if (!Number.isNaN(ms))
        return Math.max(0, ms);
    const raw = headers.get('retry-after');
    if (!raw)
        return undefined;
    const s = parseFloat(raw);
    if (!Number.isNaN(s))
        return Math.max(0, s * 1000);
    const at = Date.parse(raw);
    return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
function formatWait(ms) {
    return Number.isFinite(ms) && ms < 1e15 ? `${Math.ceil(ms / 1000)}s` : 'indefinitely';
}
/** The SDK's backoff between attempts: 0.5 s doubling up to 8 s, less up to a quarter at random. */
function backoffMs(retry) {
    return Math.min(0.5 * 2 ** retry, 8) * (1 - Math.random() * 0.25) * 1000;
}
/** Waits `ms`, or until the signal fires (then rejects with `onAbort()`). */
function sleep(ms, signal, onAbort) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(onAbort());
        const abort = () => {
            clearTimeout(timer);
            reject(onAbort());
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', abort);
            resolve();
        }, Math.min(ms, MAX_TIMER_MS));
        signal?.addEventListener('abort', abort, { once: true });
    });
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
/** The connection closed while the answer's body was being read (fetch says "terminated"). */
function cutOff(e) {
    if (e instanceof APIError)
        return false;
    for (let x = e, depth = 0; x && depth < 8; x = x.cause, depth++) {
        const { message, code } = x;
        if (message === 'terminated' || code === 'UND_ERR_SOCKET' || code === 'ECONNRESET')
            return true;
    }
    return false;
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
/** Server text for a message: one line, at most `max` characters, control characters written out. */
function shown(s, max = 300) {
    return escapeControlChars(s.replace(/\s+/g, ' ').slice(0, max));
}
/**
 * The base URL split for the SDK: its query (Azure's `?api-version=`) is sent with every request, as
 * the SDK would otherwise append the path after it; a fragment means nothing to a server.
 */
function splitBaseUrl(raw) {
    let u;
    try {
        u = new URL(raw);
    }
    catch {
        throw new ConfigurationError(`model server base URL '${shown(raw, 200)}' is not a URL`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
        throw new ConfigurationError(`model server base URL '${shown(raw, 200)}' must be an http(s) URL`);
    if (u.username || u.password) {
        throw new ConfigurationError(`model server base URL ${withoutCredentials(raw)} contains a user name or password: requests cannot carry them; remove them (the API key is sent on its own)`);
    }
    const query = u.search ? Object.fromEntries(u.searchParams) : undefined;
    return { base: `${u.origin}${u.pathname}`.replace(/\/+$/, ''), ...(query ? { query } : {}) };
}
function checkOptions(opts) {
    const bad = (what, expected, got) => new ConfigurationError(`model client ${what}: expected ${expected}, got ${String(got)}`);
    if (opts.timeoutMs !== undefined && !(Number.isFinite(opts.timeoutMs) && opts.timeoutMs > 0))
        throw bad('timeout', 'a positive number of ms', opts.timeoutMs);
    if (opts.maxRetries !== undefined &&
        !(Number.isInteger(opts.maxRetries) && opts.maxRetries >= 0 && opts.maxRetries <= MAX_RETRIES_LIMIT))
        throw bad('retries', `a whole number from 0 to ${MAX_RETRIES_LIMIT}`, opts.maxRetries);
    if (opts.maxRetryAfterMs !== undefined && !(opts.maxRetryAfterMs >= 0))
        throw bad('longest retry-after', 'a number of ms of 0 or more', opts.maxRetryAfterMs);
    if (opts.maxResponseBytes !== undefined &&
        !(Number.isInteger(opts.maxResponseBytes) && opts.maxResponseBytes > 0))
        throw bad('answer size limit', 'a positive whole number of bytes', opts.maxResponseBytes);
    if (opts.price) {
        for (const k of ['input', 'cachedInput', 'output']) {
            const v = opts.price[k];
            if (!(Number.isFinite(v) && v >= 0))
                throw bad(`price.${k}`, 'USD per million tokens, 0 or more', v);
        }
    }
    if (typeof opts.model !== 'string' || !opts.model.trim() || hasControlChar(opts.model))
        throw new ConfigurationError(`model client model: expected a model name without control characters, got '${escapeControlChars(String(opts.model))}'`);
    // Header values are Latin-1 without control characters: fetch would refuse the key with an error
    // quoting it (and the refusal would look like a network failure).
    if (typeof opts.apiKey !== 'string' || /[^\x20-\x7e\x80-\xff]|[\x7f-\x9f]/.test(opts.apiKey)) {
        throw new ConfigurationError(`the API key${opts.apiKeySource ? ` from ${opts.apiKeySource}` : ''} contains a line break, a control character or a character an HTTP header cannot carry; check it was copied whole and alone`);
    }
}
/** Where in the answer a malformed value was, for LlmResponseError messages. */
class Malformed extends (/* unused pure expression or super */ null && (Error)) {
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeName = (v) => v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
/**
 * The assistant message of an answer, checked and normalised: content is text or null (a list of text
 * parts, as some servers send, is joined); each tool call has an id of its own (or none), a name, and
 * its arguments as a string (some servers send an object). What cannot be read so is a Malformed.
 */
function assistantMessageOf(m) {
    const at = 'choices[0].message';
    if (!isObject(m))
        throw new Malformed(`${at} is ${typeName(m)}, expected an object`);
    let content;
    if (m.content === undefined || m.content === null)
        content = null;
    else if (typeof m.content === 'string')
        content = m.content;
    else if (Array.isArray(m.content)) {
        content = m.content
            .map((part, i) => {
            if (typeof part === 'string')
                return part;
            if (isObject(part) && typeof part.text === 'string')
                return part.text;
            if (isObject(part) && part.type !== 'text')
                return '';
            throw new Malformed(`${at}.content[${i}] is ${typeName(part)}, expected a text part`);
        })
            .join('');
    }
    else
        throw new Malformed(`${at}.content is ${typeName(m.content)}, expected text or null`);
    const refusal = typeof m.refusal === 'string' ? m.refusal : null;
    const out = { role: 'assistant', content, refusal };
    if (m.tool_calls === undefined || m.tool_calls === null)
        return out;
    if (!Array.isArray(m.tool_calls))
        throw new Malformed(`${at}.tool_calls is ${typeName(m.tool_calls)}, expected a list`);
    const ids = new Set();
    const calls = m.tool_calls.map((c, i) => {
        const where = `${at}.tool_calls[${i}]`;
        if (!isObject(c))
            throw new Malformed(`${where} is ${typeName(c)}, expected an object`);
        // Results are paired with calls by id: two calls with one id would get each other's results. A call
        // without an id keeps an empty one (the caller numbers those in its own scheme).
        const sent = typeof c.id === 'string' ? c.id.slice(0, 200) : '';
        let id = sent;
        for (let n = 2; id && ids.has(id); n++)
            id = `${sent}_${n}`;
        ids.add(id);
        if (c.type !== undefined && c.type !== 'function')
            return { ...c, id };
        const fn = c.function;
        if (!isObject(fn))
            throw new Malformed(`${where}.function is ${typeName(fn)}, expected an object`);
        if (typeof fn.name !== 'string')
            throw new Malformed(`${where}.function.name is ${typeName(fn.name)}, expected a string`);
        const args = fn.arguments;
        const argText = typeof args === 'string' ? args : args === undefined || args === null ? '' : JSON.stringify(args);
        return { id, type: 'function', function: { name: fn.name, arguments: argText } };
    });
    return calls.length ? { ...out, tool_calls: calls } : out;
}
/** A short untrusted string from the answer (model name, finish reason), or undefined. */
function label(v, max = 200) {
    return typeof v === 'string' && v ? escapeControlChars(v.slice(0, max)) : undefined;
}
/** A token count from the server: a finite number of 0 or more, at most MAX_TOKENS_PER_ANSWER. */
function tokenCount(v) {
    return typeof v === 'number' && Number.isFinite(v) && v > 0
        ? Math.min(Math.round(v), MAX_TOKENS_PER_ANSWER)
        : 0;
}
function createChatClient(opts) {
    checkOptions(opts);
    const baseUrl = (opts.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    const { base: sdkBase, query } = splitBaseUrl(baseUrl);
    const log = opts.log ?? silentLogger;
    const maxRetries = opts.maxRetries ?? DEFAULT_MAX_RETRIES;
    const timeoutMs = Math.min(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, MAX_TIMER_MS);
    const maxRetryAfterMs = opts.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
    const baseFetch = opts.fetch ?? ((input, init) => fetch(input, init));
    const maxResponseBytes = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const price = opts.price ?? priceFor(opts.model);
    // The query may hold a key of its own (some proxies take one there): messages show the path alone.
    const shownUrl = sdkBase;
    const shownModel = escapeControlChars(opts.model);
    const guardedFetch = async (input, init) => {
        const headers = requestHeaders(init?.headers, opts.apiKey);
        let res;
        try {
            // Redirects are not followed: the request carries the key and the code, and a server that
            // answers elsewhere is one the user did not choose (the answer becomes a clear failure).
            res = await baseFetch(input, { ...init, headers, redirect: 'manual' });
        }
        catch (e) {
            throw sameRealmError(e);
        }
        return capBody(res, maxResponseBytes);
    };
    const redact = (s) => opts.apiKey.length >= 8 ? s.split(opts.apiKey).join('[REDACTED:api-key]') : s;
    /**
     * The key taken out of an error and its causes (the SDK's errors keep the server's body, which may
     * quote the key): a host that logs the cause must not print it.
     */
    const scrub = (e) => {
        if (opts.apiKey.length < 8)
            return;
        for (let x = e, depth = 0; x && typeof x === 'object' && depth < 8; x = x.cause, depth++) {
            const err = x;
            try {
                if (typeof err.message === 'string')
                    err.message = redact(err.message);
                if (typeof err.stack === 'string')
                    err.stack = redact(err.stack);
                if (err.error !== undefined) {
                    const text = JSON.stringify(err.error);
                    if (text?.includes(opts.apiKey))
                        err.error = JSON.parse(redact(text));
                }
            }
            catch {
                // a read-only or unserialisable property: left as it is
            }
        }
    };
    const sdk = new OpenAI({
        apiKey: opts.apiKey,
        baseURL: sdkBase,
        ...(query ? { defaultQuery: query } : {}),
        // Explicit nulls: otherwise the SDK reads OPENAI_ORG_ID / OPENAI_PROJECT_ID / OPENAI_ADMIN_KEY itself.
        organization: null,
        project: null,
        adminAPIKey: null,
        webhookSecret: null,
        timeout: timeoutMs,
        // Retries are this module's (see attempt): the SDK's waits could not be cut short by an abort.
        maxRetries: 0,
        fetch: guardedFetch,
        logLevel: 'warn',
        logger: {
            error: (m) => log.debug(`openai: ${redact(m)}`),
            warn: (m) => log.debug(`openai: ${redact(m)}`),
            info: () => { },
            debug: () => { },
        },
    });
    /** Whether another attempt could help, and after how long; `note` says why not when it could not. */
    function retryPlan(e) {
        if (tooLarge(e) || e instanceof APIUserAbortError)
            return {};
        if (e instanceof APIConnectionError || cutOff(e))
            return { waitMs: -1 };
        if (!(e instanceof APIError))
            return {};
        const status = e.status ?? 0;
        const told = e.headers?.get('x-should-retry');
        if (told === 'false')
            return {};
        const code = apiCode(e);
        if (status === 429 && code === 'insufficient_quota')
            return {};
        if (told !== 'true' && !(status === 408 || status === 409 || status === 429 || status >= 500))
            return {};
        const wait = retryAfterMs(e.headers);
        if (wait !== undefined && wait > maxRetryAfterMs) {
            return {
                note: `the server asks to wait ${formatWait(wait)} (more than ${formatWait(maxRetryAfterMs)})`,
            };
        }
        return { waitMs: wait ?? -1 };
    }
    const apiCode = (e) => {
        const c = (e.code ?? e.type);
        return typeof c === 'string' ? c : undefined;
    };
    function toLlmError(e, callTimeoutMs, signal, attempts, note) {
        if (e instanceof LlmError)
            return e;
        scrub(e);
        const where = `the model server at ${shownUrl}`;
        const big = tooLarge(e);
        if (big) {
            return new LlmResponseError(`${where} sent an answer larger than ${formatBytes(big.limit)}; stopped reading it`, { cause: e });
        }
        if (e instanceof APIUserAbortError || signal?.aborted) {
            return new LlmAbortedError(`request to ${where} aborted`, { cause: e });
        }
        if (e instanceof APIConnectionTimeoutError) {
            return new LlmTimeoutError(`no answer from ${where} within ${Math.max(1, Math.round(callTimeoutMs / 1000))}s (tried ${attempts} time(s))`, { cause: e });
        }
        if (e instanceof APIConnectionError) {
            const cause = e.cause;
            const detail = cause?.cause?.code ?? cause?.message ?? e.message;
            return new LlmConnectionError(`cannot reach ${where}: ${shown(redact(String(detail)))}${attempts > 1 ? ` (tried ${attempts} times)` : ''}`, { cause: e });
        }
        if (cutOff(e)) {
            return new LlmConnectionError(`the connection to ${where} closed before its answer was complete (tried ${attempts} time(s))`, { cause: e });
        }
        if (e instanceof APIError) {
            const status = e.status ?? 0;
            // The server's text is shown on a terminal and written in reports: one line, its control
            // characters (terminal escapes) written out.
            const serverMsg = shown(redact(String(e.error?.message ?? e.message ?? '')));
            const code = apiCode(e);
            if (status >= 300 && status < 400) {
                const to = e.headers?.get('location');
                return new LlmError('server', `${where} redirected the request${to ? ` to ${shown(redact(withoutCredentials(to)), 200)}` : ''} (${status}); redirects are not followed (the request carries the API key and the code): set the base URL to the server's address`, { status, cause: e });
            }
            if (status === 401) {
                return new LlmAuthError(`${where} rejected the API key (401: ${serverMsg}); check ${opts.apiKeySource ?? "OPENAI_API_KEY (or the station's API key)"}`, { status, cause: e });
            }
            if (status === 403) {
                return new LlmAuthError(`${where} refused access with this API key (403: ${serverMsg}); check the key's permissions for model '${shownModel}'`, { status, cause: e });
            }
            if (status === 404) {
                return new LlmModelNotFoundError(`model '${shownModel}' not found at ${shownUrl} (404: ${serverMsg}); check the model name and the base URL`, { status, cause: e });
            }
            if (status === 429) {
                if (code === 'insufficient_quota') {
                    return new LlmQuotaError(`the account behind the API key has no quota left at ${shownUrl} (429 insufficient_quota: ${serverMsg}); add credit or use another key`, { status, cause: e });
                }
                const why = note ?? `still limited after ${attempts} attempt(s)`;
                return new LlmRateLimitError(`rate limited by ${where} (429: ${serverMsg}); ${why}`, {
                    status,
                    cause: e,
                });
            }
            if (status === 400 || status === 422) {
                return new LlmBadRequestError(`${where} rejected the request (${status}: ${serverMsg})`, {
                    status,
                    cause: e,
                });
            }
            if (status >= 500) {
                return new LlmServerError(`${where} failed with ${status} after ${attempts} attempt(s): ${serverMsg || 'no message'}${note ? `; ${note}` : ''}`, { status, cause: e });
            }
            return new LlmError('server', `${where} answered ${status}: ${serverMsg}`, { status, cause: e });
        }
        // By name: the parser that threw may belong to another realm (fetch's own).
        if (e?.name === 'SyntaxError') {
            return new LlmResponseError(`${where} answered with something that is not JSON (${shown(redact(String(e.message)), 120)})`, { cause: e });
        }
        return new LlmResponseError(`unexpected failure talking to ${where}: ${shown(redact(String(e?.message ?? e)))}`, { cause: e });
    }
    /**
     * Sends with `send` until an answer, a failure another attempt cannot help, or the retries run out.
     * Each attempt has the timeout for the answer's headers (the SDK's) and twice that for the whole
     * answer (a body that trickles forever); the waits between attempts end at once on the caller's abort.
     */
    async function attempt(send, callSignal, callTimeout) {
        const where = `the model server at ${shownUrl}`;
        const aborted = () => new LlmAbortedError(`request to ${where} aborted`);
        for (let attempts = 1;; attempts++) {
            if (callSignal?.aborted)
                throw aborted();
            const deadlineMs = Math.min(2 * callTimeout, MAX_TIMER_MS);
            const deadline = AbortSignal.timeout(deadlineMs);
            const signal = callSignal ? AbortSignal.any([callSignal, deadline]) : deadline;
            let err;
            let plan;
            try {
                return { value: await send(signal, callTimeout), attempts };
            }
            catch (e) {
                if (deadline.aborted && !callSignal?.aborted) {
                    scrub(e);
                    err = new LlmTimeoutError(`no complete answer from ${where} within ${Math.max(1, Math.round(deadlineMs / 1000))}s (its answer did not finish)${attempts > 1 ? ` (tried ${attempts} times)` : ''}`, { cause: e });
                    plan = { waitMs: -1 };
                }
                else {
                    plan = callSignal?.aborted ? {} : retryPlan(e);
                    err = toLlmError(e, callTimeout, callSignal, attempts, plan.note);
                }
            }
            if (plan.waitMs === undefined || attempts > maxRetries)
                throw err;
            const waitMs = plan.waitMs < 0 ? backoffMs(attempts - 1) : plan.waitMs;
            log.info(`model server: ${err.status ? `answered ${err.status}` : err.kind.replace('_', ' ')} at ${shownUrl}; retrying in ${(waitMs / 1000).toFixed(1)}s (${maxRetries - attempts + 1} retries left)`);
            await sleep(waitMs, callSignal, aborted);
        }
    }
    function usageOf(u) {
        // The server's numbers are untrusted: a negative, non-numeric or absurd count would defeat the budgets.
        const usage = isObject(u) ? u : {};
        const details = isObject(usage.prompt_tokens_details) ? usage.prompt_tokens_details : {};
        const promptTokens = tokenCount(usage.prompt_tokens);
        const completionTokens = tokenCount(usage.completion_tokens);
        const cachedTokens = Math.min(promptTokens, tokenCount(details.cached_tokens));
        return {
            promptTokens,
            completionTokens,
            cachedTokens,
            costUsd: costOf({ promptTokens, completionTokens, cachedTokens }, price),
        };
    }
    const requestProblem = (req) => {
        const t = req.temperature;
        if (t !== undefined && !(typeof t === 'number' && t >= 0 && t <= 2))
            return `temperature: expected a number from 0 to 2, got ${String(t)}`;
        const m = req.maxCompletionTokens;
        if (m !== undefined && !(Number.isInteger(m) && m >= 1))
            return `max completion tokens: expected a whole number of at least 1, got ${String(m)}`;
        if (!Array.isArray(req.messages) || req.messages.length === 0)
            return 'messages: expected at least one';
        return undefined;
    };
    return {
        model: opts.model,
        baseUrl,
        priced: price !== undefined,
        async complete(req) {
            const problem = requestProblem(req);
            if (problem)
                throw new ConfigurationError(`model request ${problem}`);
            const callTimeout = req.timeoutMs !== undefined && Number.isFinite(req.timeoutMs) && req.timeoutMs > 0
                ? Math.min(req.timeoutMs, MAX_TIMER_MS)
                : timeoutMs;
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
                throw new LlmAbortedError();
            const { value: completion, attempts } = await attempt((signal, timeout) => sdk.chat.completions.create(body, { signal, timeout }), req.signal, callTimeout);
            const raw = completion;
            if (!isObject(raw) || !Array.isArray(raw.choices)) {
                // Some proxies answer a failure with 200 and an error body: its message is the useful part.
                const said = isObject(raw) && isObject(raw.error) ? raw.error.message : undefined;
                throw new LlmResponseError(`the model server at ${shownUrl} answered with something that is not a chat completion${typeof said === 'string' ? ` (error: ${shown(redact(said))})` : ''}`);
            }
            const choice = raw.choices[0];
            if (!isObject(choice) || choice.message === undefined || choice.message === null) {
                throw new LlmResponseError(`the model server at ${shownUrl} answered without a message (no choices)`);
            }
            let message;
            try {
                message = assistantMessageOf(choice.message);
            }
            catch (e) {
                if (!(e instanceof Malformed))
                    throw e;
                throw new LlmResponseError(`the model server at ${shownUrl} answered with a malformed chat completion: ${e.message}`);
            }
            return {
                message,
                usage: usageOf(raw.usage),
                finishReason: label(choice.finish_reason, 64) ?? 'unknown',
                model: label(raw.model) ?? opts.model,
                ...(typeof raw.id === 'string' ? { id: raw.id.slice(0, 200) } : {}),
                attempts,
            };
        },
        async embed(input, eopts = {}) {
            const { value: res } = await attempt((signal, timeout) => sdk.embeddings.create({ model: eopts.model ?? opts.model, input, encoding_format: 'float' }, { signal, timeout }), eopts.signal, timeoutMs);
            const raw = res;
            const data = isObject(raw) && Array.isArray(raw.data) ? raw.data : undefined;
            const vectors = [];
            for (const [i, d] of (data ?? []).entries()) {
                const index = isObject(d) ? d.index : undefined;
                const v = isObject(d) ? d.embedding : undefined;
                const at = typeof index === 'number' && Number.isInteger(index) ? index : i;
                if (at < 0 || at >= input.length || vectors[at] !== undefined)
                    break;
                if (!Array.isArray(v) || !v.length || !v.every((x) => typeof x === 'number' && Number.isFinite(x)))
                    break;
                vectors[at] = v;
            }
            if (!data || data.length !== input.length || vectors.filter(Boolean).length !== input.length) {
                throw new LlmResponseError(`the model server at ${shownUrl} answered with ${data ? data.length : 'no'} usable embedding(s) for ${input.length} input(s)`);
            }
            const promptTokens = tokenCount(isObject(raw) && isObject(raw.usage) ? raw.usage.prompt_tokens : 0);
            return { vectors, usage: { promptTokens, completionTokens: 0, cachedTokens: 0, costUsd: 0 } };
        },
    };
}

// EXTERNAL MODULE: ./src/util/chars.ts
var chars = __webpack_require__(5153);
// EXTERNAL MODULE: ./src/secrets/index.ts + 21 modules
var secrets = __webpack_require__(9706);
// EXTERNAL MODULE: ./src/util/fs.ts
var fs = __webpack_require__(1917);
// EXTERNAL MODULE: ./src/search/cachefile.ts
var cachefile = __webpack_require__(9396);
;// CONCATENATED MODULE: ./src/search/embeddings.ts
/**
 * Optional re-ranking with an OpenAI-compatible embeddings endpoint. Never required: any failure leaves
 * the lexical/structural order as it was, with a note. File vectors are cached by model and blob id, so
 * a warm run embeds only the query and files whose content changed.
 */








const RERANK_POOL = 30;
/** How much the embedding similarity moves a file (the fused score is normalized to [0, 1] first). */
const EMBEDDING_WEIGHT = 0.5;
const MAX_CHARS = 4000;
/**
 * The largest answer read: 31 vectors of 3,072 floats written out in JSON are about 2 MB. A server
 * sending more (or without end) is cut off rather than read into memory.
 */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** What was wrong with an answer, said better than the client's "Connection error." would. */
class ResponseProblem extends Error {
}
const isVector = (v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
/**
 * `fetch` that reads the whole body before it returns, at most `max` bytes of it. The client's time
 * limit runs until this returns, so it covers a body that trickles in without end, not only the wait
 * for the headers.
 */
async function boundedFetch(url, init, limits) {
    let res;
    try {
        // Redirects are not followed: the request carries the key and the repository's code, and goes only
        // where the configured URL says. Nor are headers from OPENAI_CUSTOM_HEADERS sent.
        res = await fetch(url, {
            ...init,
            headers: requestHeaders(init?.headers, limits.apiKey),
            redirect: 'manual',
        });
    }
    catch (e) {
        if (init?.signal?.aborted)
            throw new ResponseProblem(`no response within ${limits.timeoutMs} ms`);
        throw e;
    }
    if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => undefined);
        throw new ResponseProblem(`the server redirected the request (${res.status}); redirects are not followed: set the embeddings URL to the server's address`);
    }
    const chunks = [];
    let total = 0;
    if (res.body) {
        const reader = res.body.getReader();
        for (;;) {
            let next;
            try {
                next = await reader.read();
            }
            catch (e) {
                if (init?.signal?.aborted)
                    throw new ResponseProblem(`no complete response within ${limits.timeoutMs} ms`);
                throw e;
            }
            if (next.done)
                break;
            total += next.value.byteLength;
            if (total > limits.maxBytes) {
                await reader.cancel().catch(() => undefined);
                const mib = Math.round(limits.maxBytes / 1024 / 1024);
                throw new ResponseProblem(`the response is larger than ${mib} MiB`);
            }
            chunks.push(next.value);
        }
    }
    // The body is decoded already: the headers that described it as sent no longer apply.
    const headers = new Headers(res.headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
    const empty = [101, 204, 205, 304].includes(res.status);
    return new Response(empty ? null : Buffer.concat(chunks), {
        status: res.status,
        statusText: res.statusText,
        headers,
    });
}
function cosine(a, b) {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
        dot += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
    }
    return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
function fileText(index, path, known) {
    const f = index.files.get(path);
    let body = '';
    try {
        body = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(index.root, path), 'utf8').slice(0, MAX_CHARS);
    }
    catch {
        // unreadable now: embed what the index knows
    }
    const names = f.definitions.slice(0, 60).join(', ');
    // What leaves the machine is redacted like a prompt; a secret file's content never leaves it.
    return (0,secrets/* redactSecretsSync */.mB)(`${path}\n${names}\n${(0,secrets/* isSecretFile */.D0)(path) ? '' : body}`, { path, known }).text;
}
/**
 * Vectors from the server are untrusted input: each must be a non-empty list of finite numbers, all of
 * one length (the cached vectors' length when there are any).
 */
function checkVectors(vs, cachedDim) {
    const dim = cachedDim ?? (Array.isArray(vs[0]) ? vs[0].length : 0);
    vs.forEach((v, i) => {
        if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'number' && Number.isFinite(x)))
            throw new Error(`embedding ${i} is not a list of numbers`);
        if (v.length !== dim)
            throw new Error(`embedding ${i} has ${v.length} dimensions, expected ${dim}`);
    });
}
/**
 * One request, and a second one for a refused connection or a busy server (429, 5xx), both within one
 * time limit. Never again after a time-out or an answer that was wrong: a server that did not answer in
 * time, or answered nonsense, would most likely do the same again, and the search would wait twice.
 */
async function withOneRetry(timeoutMs, request, answeredWrongly) {
    const deadline = Date.now() + timeoutMs;
    try {
        return await request(timeoutMs);
    }
    catch (e) {
        const busy = e instanceof openai/* default.APIError */.Ay.APIError &&
            !(e instanceof openai/* default.APIConnectionTimeoutError */.Ay.APIConnectionTimeoutError) &&
            (e instanceof openai/* default.APIConnectionError */.Ay.APIConnectionError || e.status === 429 || (e.status ?? 0) >= 500);
        const left = deadline - Date.now();
        if (!busy || answeredWrongly() || left < 1000)
            throw e;
        await new Promise((r) => setTimeout(r, Math.min(500, left / 4)));
        return request(deadline - Date.now());
    }
}
async function rerankWithEmbeddings(opts) {
    const { index, config } = opts;
    const head = opts.pool.slice(0, RERANK_POOL);
    if (head.length < 2)
        return { pool: opts.pool };
    const cachePath = (0,external_node_path_.join)(opts.cacheDir, 'embeddings.json');
    let cache = { version: 1, vectors: {} };
    const r = (0,cachefile/* readCacheFile */.l9)(cachePath);
    try {
        const parsed = 'text' in r ? JSON.parse(r.text) : undefined;
        if (parsed?.version === 1 && (0,cachefile/* isObject */.Gv)(parsed.vectors))
            cache = parsed;
    }
    catch {
        // corrupt: start empty
    }
    const keyOf = (p) => `${config.model}:${index.files.get(p).blob}`;
    // Cached vectors are untrusted too: the head's must be lists of finite numbers of one length, else
    // they are asked for again (a damaged or hand-edited cache would otherwise re-rank by noise).
    const cachedOf = (p) => {
        const v = (0,cachefile/* own */.ZV)(cache.vectors, keyOf(p));
        return isVector(v) ? v : undefined;
    };
    const dims = new Set(head.map((h) => cachedOf(h.path)?.length).filter((n) => n !== undefined));
    if (dims.size > 1)
        for (const h of head)
            delete cache.vectors[keyOf(h.path)];
    let responseProblem;
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const apiKey = config.apiKey ?? 'unused';
    const limits = { maxBytes: opts.maxResponseBytes ?? MAX_RESPONSE_BYTES, timeoutMs, apiKey };
    try {
        const client = new openai/* default */.Ay({
            baseURL: config.baseUrl,
            apiKey,
            // Explicit nulls: otherwise the SDK reads OPENAI_ORG_ID / OPENAI_PROJECT_ID itself.
            organization: null,
            project: null,
            timeout: timeoutMs,
            // Retries are decided below: the client's own would retry a time-out too, doubling the wait.
            maxRetries: 0,
            // The whole body is read within the request's time limit, and only up to a size.
            fetch: (url, init) => boundedFetch(url, init, limits).catch((e) => {
                if (e instanceof ResponseProblem)
                    responseProblem = e.message;
                throw e;
            }),
        });
        const missing = head.map((h) => h.path).filter((p) => !cachedOf(p));
        const known = config.known;
        const inputs = [
            (0,secrets/* redactSecretsSync */.mB)(opts.query.slice(0, 8000), { known }).text,
            ...missing.map((p) => fileText(index, p, known)),
        ];
        // Floats, asked for by name: the client would otherwise ask for base64 and decode whatever comes back
        // as base64, and a server that ignores the parameter (returning floats, as is the API's default)
        // would yield vectors of noise that re-rank nothing, silently.
        const res = await withOneRetry(timeoutMs, (timeout) => client.embeddings.create({ model: config.model, input: inputs, encoding_format: 'float' }, { timeout, maxRetries: 0 }), () => responseProblem !== undefined);
        const data = [...(Array.isArray(res.data) ? res.data : [])].sort((a, b) => a.index - b.index);
        if (data.length !== inputs.length)
            throw new Error(`expected ${inputs.length} embeddings, got ${data.length}`);
        // One vector per input, each numbered by its input's position: a repeated or missing index would
        // pair vectors with the wrong files.
        data.forEach((d, i) => {
            if (d?.index !== i)
                throw new Error(`embedding ${i} is numbered ${JSON.stringify(d?.index)}`);
        });
        // Vectors cached earlier must have the same length (a model replaced under the same name would not).
        const cachedDim = head.map((h) => cachedOf(h.path)).find((v) => v !== undefined)?.length;
        checkVectors(data.map((d) => d.embedding), cachedDim);
        const q = data[0].embedding;
        missing.forEach((p, i) => {
            cache.vectors[keyOf(p)] = data[i + 1].embedding;
        });
        const sims = head.map((h) => cosine(q, cachedOf(h.path)));
        const lo = Math.min(...sims);
        const hi = Math.max(...sims);
        const top = head[0].score || 1;
        const reranked = head.map((h, i) => {
            const s = hi > lo ? (sims[i] - lo) / (hi - lo) : 0;
            return { path: h.path, score: (h.score / top + EMBEDDING_WEIGHT * s) * top, similarity: sims[i] };
        });
        reranked.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
        // Keep only vectors of current blobs so the cache does not grow without bound.
        const live = new Set([...index.files.values()].map((f) => `${config.model}:${f.blob}`));
        for (const k of Object.keys(cache.vectors))
            if (!live.has(k))
                delete cache.vectors[k];
        try {
            (0,fs/* writeFileAtomic */.Zf)(cachePath, JSON.stringify(cache));
        }
        catch {
            // a read-only cache only costs the next run some requests
        }
        return { pool: [...reranked, ...opts.pool.slice(RERANK_POOL)] };
    }
    catch (e) {
        const msg = responseProblem ?? (e instanceof Error ? e.message : String(e));
        // The note is printed and kept in evidence: no user:password of the URL, no key a server echoed.
        const clean = (t) => (0,chars/* escapeControlChars */._s)((config.apiKey && config.apiKey.length >= 8 ? t.split(config.apiKey).join('[REDACTED]') : t).replace(/\/\/[^\s/@]*@/g, '//'));
        return {
            pool: opts.pool,
            note: `embeddings re-ranking skipped (${clean(withoutCredentials(config.baseUrl))}): ${clean(msg.slice(0, 200))}`,
        };
    }
}


/***/ })

};
