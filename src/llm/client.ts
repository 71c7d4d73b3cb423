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
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type {
  ChatCompletionFunctionTool,
  ChatCompletionMessage,
  ChatCompletionMessageParam,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import type { Usage } from '../bundle/bundle.js';
import { ConfigurationError } from '../errors.js';
import { silentLogger, type Logger } from '../util/log.js';
import { escapeControlChars, hasControlChar } from '../util/chars.js';
import {
  LlmAbortedError,
  LlmAuthError,
  LlmBadRequestError,
  LlmConnectionError,
  LlmError,
  LlmModelNotFoundError,
  LlmQuotaError,
  LlmRateLimitError,
  LlmResponseError,
  LlmServerError,
  LlmTimeoutError,
} from './errors.js';
import { DEFAULT_BASE_URL } from './config.js';
import { costOf, priceFor, type ModelPrice } from './pricing.js';

export type ChatMessage = ChatCompletionMessageParam;
export type ChatTool = ChatCompletionFunctionTool;
export type AssistantMessage = ChatCompletionMessage;

export const DEFAULT_TIMEOUT_MS = 300_000;
export const DEFAULT_MAX_RETRIES = 3;
/** A server asking for a longer pause than this gets a clear failure instead of a silent wait. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
/**
 * The largest answer read from the model server. A chat completion is kilobytes, rarely a megabyte; the
 * answer is untrusted, and read whole it costs several times its size in memory (a 300 MB answer peaked
 * near 2 GB), so reading stops here.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ChatClientOptions {
  baseUrl?: string;
  apiKey: string;
  model: string;
  /** Per attempt, ms. */
  timeoutMs?: number;
  /** Retries after the first attempt, for failures the SDK considers transient. */
  maxRetries?: number;
  maxRetryAfterMs?: number;
  fetch?: FetchLike;
  /** Answers larger than this (bytes) are not read: the call fails. Default DEFAULT_MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number;
  log?: Logger;
  /** Price of the model when the built-in table does not know it (local or Azure deployment names). */
  price?: ModelPrice;
  /** Where the API key came from (`OPENAI_API_KEY`, the action's `llm-api-key` input), for messages. */
  apiKeySource?: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  tools?: ChatTool[];
  toolChoice?: ChatCompletionCreateParamsNonStreaming['tool_choice'];
  responseFormat?: ChatCompletionCreateParamsNonStreaming['response_format'];
  temperature?: number;
  maxCompletionTokens?: number;
  /** Aborts the request (and its retries). */
  signal?: AbortSignal;
  /** Overrides the client's per-attempt timeout for this call. */
  timeoutMs?: number;
}

export interface ChatResponse {
  message: AssistantMessage;
  usage: Usage;
  finishReason: string;
  /** The model the server says answered (may be a dated snapshot of the requested one). */
  model: string;
  id?: string;
  /** HTTP attempts this call took (1 = no retry). */
  attempts: number;
}

export interface ChatClient {
  readonly model: string;
  readonly baseUrl: string;
  /** Whether the price table knows the model (otherwise costs are 0 and a cost budget cannot bind). */
  readonly priced: boolean;
  complete(req: ChatRequest): Promise<ChatResponse>;
  embed(
    input: string[],
    opts?: { model?: string; signal?: AbortSignal },
  ): Promise<{ vectors: number[][]; usage: Usage }>;
}

/** The most retries a client may be set to make: every retry is another paid request. */
export const MAX_RETRIES_LIMIT = 10;
/**
 * Token counts above this in one answer are not believed: no model reads or writes that much in one
 * exchange. A larger (or absurd) count is taken as this, so it still weighs on the token budget.
 */
export const MAX_TOKENS_PER_ANSWER = 100_000_000;
/** The headers the SDK sends besides its `x-stainless-*` ones; any other came from somewhere else. */
const SDK_HEADERS = new Set(['accept', 'content-type', 'user-agent', 'idempotency-key']);

/**
 * The headers the SDK set for a request, without those it took from OPENAI_CUSTOM_HEADERS in the
 * process environment (added after the key: an "Authorization:" line there replaces it), and with
 * this client's key.
 */
export function requestHeaders(
  sdkHeaders: ConstructorParameters<typeof Headers>[0],
  apiKey: string,
): Headers {
  const headers = new Headers();
  for (const [name, value] of new Headers(sdkHeaders)) {
    if (SDK_HEADERS.has(name) || name.startsWith('x-stainless-')) headers.set(name, value);
  }
  headers.set('authorization', `Bearer ${apiKey}`);
  return headers;
}
/** setTimeout and AbortSignal.timeout fire at once past 2^31-1 ms (~24.8 days): longer waits are clamped. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The wait a failed response asks for, in ms: `retry-after-ms`, else `retry-after` (seconds or an HTTP
 * date). Infinity for a number too large to mean anything; undefined when there is none.
 */
function retryAfterMs(headers: Headers | undefined): number | undefined {
  if (!headers) return undefined;
  const ms = parseFloat(headers.get('retry-after-ms') ?? '');
  if (!Number.isNaN(ms)) return Math.max(0, ms);
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const s = parseFloat(raw);
  if (!Number.isNaN(s)) return Math.max(0, s * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function formatWait(ms: number): string {
  return Number.isFinite(ms) && ms < 1e15 ? `${Math.ceil(ms / 1000)}s` : 'indefinitely';
}

/** The SDK's backoff between attempts: 0.5 s doubling up to 8 s, less up to a quarter at random. */
function backoffMs(retry: number): number {
  return Math.min(0.5 * 2 ** retry, 8) * (1 - Math.random() * 0.25) * 1000;
}

/** Waits `ms`, or until the signal fires (then rejects with `onAbort()`). */
function sleep(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(onAbort());
    const abort = () => {
      clearTimeout(timer);
      reject(onAbort());
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', abort);
        resolve();
      },
      Math.min(ms, MAX_TIMER_MS),
    );
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * The SDK recognises a timeout by `err.name === 'AbortError'` only on values that are `instanceof Error`
 * in its own realm; an error from another realm (a test VM, a polyfilled fetch) would lose its name and
 * a timeout would look like a connection failure. Re-create it here, keeping name, message and cause.
 */
function sameRealmError(e: unknown): Error {
  if (e instanceof Error) return e;
  const src = (e ?? {}) as { name?: unknown; message?: unknown; cause?: unknown };
  const err = new Error(typeof src.message === 'string' ? src.message : String(e), { cause: src.cause });
  if (typeof src.name === 'string') err.name = src.name;
  return err;
}

/** A URL for messages: user and password (https://user:pass@host) removed. */
export function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** An answer body that grew past the limit (see capBody). */
class ResponseTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`answer larger than ${formatBytes(limit)}`);
    this.name = 'ResponseTooLarge';
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 && n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`;
}

/** The error, or one of its causes, is a ResponseTooLarge. */
function tooLarge(e: unknown): ResponseTooLarge | undefined {
  for (let x = e, depth = 0; x && depth < 8; x = (x as { cause?: unknown }).cause, depth++)
    if (x instanceof ResponseTooLarge) return x;
  return undefined;
}

/** The connection closed while the answer's body was being read (fetch says "terminated"). */
function cutOff(e: unknown): boolean {
  if (e instanceof APIError) return false;
  for (let x = e, depth = 0; x && depth < 8; x = (x as { cause?: unknown }).cause, depth++) {
    const { message, code } = x as { message?: unknown; code?: unknown };
    if (message === 'terminated' || code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return true;
  }
  return false;
}

/**
 * The response with a body that errors once more than `limit` bytes have arrived (at once when its
 * Content-Length already says so), cancelling the rest: the SDK reads the body whole before parsing it.
 */
function capBody(res: Response, limit: number): Response {
  if (!res.body) return res;
  const declared = Number(res.headers.get('content-length'));
  let seen = 0;
  const counted = res.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start(controller) {
        if (Number.isFinite(declared) && declared > limit) controller.error(new ResponseTooLarge(limit));
      },
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(new ResponseTooLarge(limit));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/** Server text for a message: one line, at most `max` characters, control characters written out. */
function shown(s: string, max = 300): string {
  return escapeControlChars(s.replace(/\s+/g, ' ').slice(0, max));
}

/**
 * The base URL split for the SDK: its query (Azure's `?api-version=`) is sent with every request, as
 * the SDK would otherwise append the path after it; a fragment means nothing to a server.
 */
function splitBaseUrl(raw: string): { base: string; query?: Record<string, string> } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigurationError(`model server base URL '${shown(raw, 200)}' is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new ConfigurationError(`model server base URL '${shown(raw, 200)}' must be an http(s) URL`);
  if (u.username || u.password) {
    throw new ConfigurationError(
      `model server base URL ${withoutCredentials(raw)} contains a user name or password: requests cannot carry them; remove them (the API key is sent on its own)`,
    );
  }
  const query = u.search ? Object.fromEntries(u.searchParams) : undefined;
  return { base: `${u.origin}${u.pathname}`.replace(/\/+$/, ''), ...(query ? { query } : {}) };
}

function checkOptions(opts: ChatClientOptions): void {
  const bad = (what: string, expected: string, got: unknown) =>
    new ConfigurationError(`model client ${what}: expected ${expected}, got ${String(got)}`);
  if (opts.timeoutMs !== undefined && !(Number.isFinite(opts.timeoutMs) && opts.timeoutMs > 0))
    throw bad('timeout', 'a positive number of ms', opts.timeoutMs);
  if (
    opts.maxRetries !== undefined &&
    !(Number.isInteger(opts.maxRetries) && opts.maxRetries >= 0 && opts.maxRetries <= MAX_RETRIES_LIMIT)
  )
    throw bad('retries', `a whole number from 0 to ${MAX_RETRIES_LIMIT}`, opts.maxRetries);
  if (opts.maxRetryAfterMs !== undefined && !(opts.maxRetryAfterMs >= 0))
    throw bad('longest retry-after', 'a number of ms of 0 or more', opts.maxRetryAfterMs);
  if (
    opts.maxResponseBytes !== undefined &&
    !(Number.isInteger(opts.maxResponseBytes) && opts.maxResponseBytes > 0)
  )
    throw bad('answer size limit', 'a positive whole number of bytes', opts.maxResponseBytes);
  if (opts.price) {
    for (const k of ['input', 'cachedInput', 'output'] as const) {
      const v = opts.price[k];
      if (!(Number.isFinite(v) && v >= 0)) throw bad(`price.${k}`, 'USD per million tokens, 0 or more', v);
    }
  }
  if (typeof opts.model !== 'string' || !opts.model.trim() || hasControlChar(opts.model))
    throw new ConfigurationError(
      `model client model: expected a model name without control characters, got '${escapeControlChars(String(opts.model))}'`,
    );
  // Header values are Latin-1 without control characters: fetch would refuse the key with an error
  // quoting it (and the refusal would look like a network failure).
  if (typeof opts.apiKey !== 'string' || /[^\x20-\x7e\x80-\xff]|[\x7f-\x9f]/.test(opts.apiKey)) {
    throw new ConfigurationError(
      `the API key${opts.apiKeySource ? ` from ${opts.apiKeySource}` : ''} contains a line break, a control character or a character an HTTP header cannot carry; check it was copied whole and alone`,
    );
  }
}

/** Where in the answer a malformed value was, for LlmResponseError messages. */
class Malformed extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const typeName = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

/**
 * The assistant message of an answer, checked and normalised: content is text or null (a list of text
 * parts, as some servers send, is joined); each tool call has an id of its own (or none), a name, and
 * its arguments as a string (some servers send an object). What cannot be read so is a Malformed.
 */
function assistantMessageOf(m: unknown): AssistantMessage {
  const at = 'choices[0].message';
  if (!isObject(m)) throw new Malformed(`${at} is ${typeName(m)}, expected an object`);
  let content: string | null;
  if (m.content === undefined || m.content === null) content = null;
  else if (typeof m.content === 'string') content = m.content;
  else if (Array.isArray(m.content)) {
    content = m.content
      .map((part: unknown, i) => {
        if (typeof part === 'string') return part;
        if (isObject(part) && typeof part.text === 'string') return part.text;
        if (isObject(part) && part.type !== 'text') return '';
        throw new Malformed(`${at}.content[${i}] is ${typeName(part)}, expected a text part`);
      })
      .join('');
  } else throw new Malformed(`${at}.content is ${typeName(m.content)}, expected text or null`);
  const refusal = typeof m.refusal === 'string' ? m.refusal : null;
  const out: AssistantMessage = { role: 'assistant', content, refusal };
  if (m.tool_calls === undefined || m.tool_calls === null) return out;
  if (!Array.isArray(m.tool_calls))
    throw new Malformed(`${at}.tool_calls is ${typeName(m.tool_calls)}, expected a list`);
  const ids = new Set<string>();
  const calls = m.tool_calls.map((c: unknown, i) => {
    const where = `${at}.tool_calls[${i}]`;
    if (!isObject(c)) throw new Malformed(`${where} is ${typeName(c)}, expected an object`);
    // Results are paired with calls by id: two calls with one id would get each other's results. A call
    // without an id keeps an empty one (the caller numbers those in its own scheme).
    const sent = typeof c.id === 'string' ? c.id.slice(0, 200) : '';
    let id = sent;
    for (let n = 2; id && ids.has(id); n++) id = `${sent}_${n}`;
    ids.add(id);
    if (c.type !== undefined && c.type !== 'function') return { ...c, id } as never;
    const fn = c.function;
    if (!isObject(fn)) throw new Malformed(`${where}.function is ${typeName(fn)}, expected an object`);
    if (typeof fn.name !== 'string')
      throw new Malformed(`${where}.function.name is ${typeName(fn.name)}, expected a string`);
    const args = fn.arguments;
    const argText =
      typeof args === 'string' ? args : args === undefined || args === null ? '' : JSON.stringify(args);
    return { id, type: 'function' as const, function: { name: fn.name, arguments: argText } };
  });
  return calls.length ? { ...out, tool_calls: calls } : out;
}

/** A short untrusted string from the answer (model name, finish reason), or undefined. */
function label(v: unknown, max = 200): string | undefined {
  return typeof v === 'string' && v ? escapeControlChars(v.slice(0, max)) : undefined;
}

/** A token count from the server: a finite number of 0 or more, at most MAX_TOKENS_PER_ANSWER. */
function tokenCount(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0
    ? Math.min(Math.round(v), MAX_TOKENS_PER_ANSWER)
    : 0;
}

export function createChatClient(opts: ChatClientOptions): ChatClient {
  checkOptions(opts);
  const baseUrl = (opts.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const { base: sdkBase, query } = splitBaseUrl(baseUrl);
  const log = opts.log ?? silentLogger;
  const maxRetries = opts.maxRetries ?? DEFAULT_MAX_RETRIES;
  const timeoutMs = Math.min(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, MAX_TIMER_MS);
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const baseFetch: FetchLike = opts.fetch ?? ((input, init) => fetch(input, init));
  const maxResponseBytes = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const price = opts.price ?? priceFor(opts.model);
  // The query may hold a key of its own (some proxies take one there): messages show the path alone.
  const shownUrl = sdkBase;
  const shownModel = escapeControlChars(opts.model);

  const guardedFetch: FetchLike = async (input, init) => {
    const headers = requestHeaders(init?.headers, opts.apiKey);
    let res: Response;
    try {
      // Redirects are not followed: the request carries the key and the code, and a server that
      // answers elsewhere is one the user did not choose (the answer becomes a clear failure).
      res = await baseFetch(input, { ...init, headers, redirect: 'manual' });
    } catch (e) {
      throw sameRealmError(e);
    }
    return capBody(res, maxResponseBytes);
  };

  const redact = (s: string) =>
    opts.apiKey.length >= 8 ? s.split(opts.apiKey).join('[REDACTED:api-key]') : s;
  /**
   * The key taken out of an error and its causes (the SDK's errors keep the server's body, which may
   * quote the key): a host that logs the cause must not print it.
   */
  const scrub = (e: unknown): void => {
    if (opts.apiKey.length < 8) return;
    for (let x = e, depth = 0; x && typeof x === 'object' && depth < 8; x = (x as Error).cause, depth++) {
      const err = x as { message?: unknown; stack?: unknown; error?: unknown };
      try {
        if (typeof err.message === 'string') err.message = redact(err.message);
        if (typeof err.stack === 'string') err.stack = redact(err.stack);
        if (err.error !== undefined) {
          const text = JSON.stringify(err.error);
          if (text?.includes(opts.apiKey)) err.error = JSON.parse(redact(text)) as unknown;
        }
      } catch {
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
    fetch: guardedFetch as never,
    logLevel: 'warn',
    logger: {
      error: (m: string) => log.debug(`openai: ${redact(m)}`),
      warn: (m: string) => log.debug(`openai: ${redact(m)}`),
      info: () => {},
      debug: () => {},
    },
  });

  /** Whether another attempt could help, and after how long; `note` says why not when it could not. */
  function retryPlan(e: unknown): { waitMs?: number; note?: string } {
    if (tooLarge(e) || e instanceof APIUserAbortError) return {};
    if (e instanceof APIConnectionError || cutOff(e)) return { waitMs: -1 };
    if (!(e instanceof APIError)) return {};
    const status = e.status ?? 0;
    const told = e.headers?.get('x-should-retry');
    if (told === 'false') return {};
    const code = apiCode(e);
    if (status === 429 && code === 'insufficient_quota') return {};
    if (told !== 'true' && !(status === 408 || status === 409 || status === 429 || status >= 500)) return {};
    const wait = retryAfterMs(e.headers);
    if (wait !== undefined && wait > maxRetryAfterMs) {
      return {
        note: `the server asks to wait ${formatWait(wait)} (more than ${formatWait(maxRetryAfterMs)})`,
      };
    }
    return { waitMs: wait ?? -1 };
  }

  const apiCode = (e: APIError) => {
    const c = (e.code ?? e.type) as unknown;
    return typeof c === 'string' ? c : undefined;
  };

  function toLlmError(
    e: unknown,
    callTimeoutMs: number,
    signal: AbortSignal | undefined,
    attempts: number,
    note: string | undefined,
  ): LlmError {
    if (e instanceof LlmError) return e;
    scrub(e);
    const where = `the model server at ${shownUrl}`;
    const big = tooLarge(e);
    if (big) {
      return new LlmResponseError(
        `${where} sent an answer larger than ${formatBytes(big.limit)}; stopped reading it`,
        { cause: e },
      );
    }
    if (e instanceof APIUserAbortError || signal?.aborted) {
      return new LlmAbortedError(`request to ${where} aborted`, { cause: e });
    }
    if (e instanceof APIConnectionTimeoutError) {
      return new LlmTimeoutError(
        `no answer from ${where} within ${Math.max(1, Math.round(callTimeoutMs / 1000))}s (tried ${attempts} time(s))`,
        { cause: e },
      );
    }
    if (e instanceof APIConnectionError) {
      const cause = (e as { cause?: { message?: string; cause?: { code?: string } } }).cause;
      const detail = cause?.cause?.code ?? cause?.message ?? e.message;
      return new LlmConnectionError(
        `cannot reach ${where}: ${shown(redact(String(detail)))}${attempts > 1 ? ` (tried ${attempts} times)` : ''}`,
        { cause: e },
      );
    }
    if (cutOff(e)) {
      return new LlmConnectionError(
        `the connection to ${where} closed before its answer was complete (tried ${attempts} time(s))`,
        { cause: e },
      );
    }
    if (e instanceof APIError) {
      const status = e.status ?? 0;
      // The server's text is shown on a terminal and written in reports: one line, its control
      // characters (terminal escapes) written out.
      const serverMsg = shown(
        redact(String((e.error as { message?: unknown } | undefined)?.message ?? e.message ?? '')),
      );
      const code = apiCode(e);
      if (status >= 300 && status < 400) {
        const to = e.headers?.get('location');
        return new LlmError(
          'server',
          `${where} redirected the request${to ? ` to ${shown(redact(withoutCredentials(to)), 200)}` : ''} (${status}); redirects are not followed (the request carries the API key and the code): set the base URL to the server's address`,
          { status, cause: e },
        );
      }
      if (status === 401) {
        return new LlmAuthError(
          `${where} rejected the API key (401: ${serverMsg}); check ${opts.apiKeySource ?? "OPENAI_API_KEY (or the station's API key)"}`,
          { status, cause: e },
        );
      }
      if (status === 403) {
        return new LlmAuthError(
          `${where} refused access with this API key (403: ${serverMsg}); check the key's permissions for model '${shownModel}'`,
          { status, cause: e },
        );
      }
      if (status === 404) {
        return new LlmModelNotFoundError(
          `model '${shownModel}' not found at ${shownUrl} (404: ${serverMsg}); check the model name and the base URL`,
          { status, cause: e },
        );
      }
      if (status === 429) {
        if (code === 'insufficient_quota') {
          return new LlmQuotaError(
            `the account behind the API key has no quota left at ${shownUrl} (429 insufficient_quota: ${serverMsg}); add credit or use another key`,
            { status, cause: e },
          );
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
        return new LlmServerError(
          `${where} failed with ${status} after ${attempts} attempt(s): ${serverMsg || 'no message'}${note ? `; ${note}` : ''}`,
          { status, cause: e },
        );
      }
      return new LlmError('server', `${where} answered ${status}: ${serverMsg}`, { status, cause: e });
    }
    // By name: the parser that threw may belong to another realm (fetch's own).
    if ((e as Error | undefined)?.name === 'SyntaxError') {
      return new LlmResponseError(
        `${where} answered with something that is not JSON (${shown(redact(String((e as Error).message)), 120)})`,
        { cause: e },
      );
    }
    return new LlmResponseError(
      `unexpected failure talking to ${where}: ${shown(redact(String((e as Error)?.message ?? e)))}`,
      { cause: e },
    );
  }

  /**
   * Sends with `send` until an answer, a failure another attempt cannot help, or the retries run out.
   * Each attempt has the timeout for the answer's headers (the SDK's) and twice that for the whole
   * answer (a body that trickles forever); the waits between attempts end at once on the caller's abort.
   */
  async function attempt<T>(
    send: (signal: AbortSignal, timeout: number) => Promise<T>,
    callSignal: AbortSignal | undefined,
    callTimeout: number,
  ): Promise<{ value: T; attempts: number }> {
    const where = `the model server at ${shownUrl}`;
    const aborted = () => new LlmAbortedError(`request to ${where} aborted`);
    for (let attempts = 1; ; attempts++) {
      if (callSignal?.aborted) throw aborted();
      const deadlineMs = Math.min(2 * callTimeout, MAX_TIMER_MS);
      const deadline = AbortSignal.timeout(deadlineMs);
      const signal = callSignal ? AbortSignal.any([callSignal, deadline]) : deadline;
      let err: LlmError;
      let plan: { waitMs?: number; note?: string };
      try {
        return { value: await send(signal, callTimeout), attempts };
      } catch (e) {
        if (deadline.aborted && !callSignal?.aborted) {
          scrub(e);
          err = new LlmTimeoutError(
            `no complete answer from ${where} within ${Math.max(1, Math.round(deadlineMs / 1000))}s (its answer did not finish)${attempts > 1 ? ` (tried ${attempts} times)` : ''}`,
            { cause: e },
          );
          plan = { waitMs: -1 };
        } else {
          plan = callSignal?.aborted ? {} : retryPlan(e);
          err = toLlmError(e, callTimeout, callSignal, attempts, plan.note);
        }
      }
      if (plan.waitMs === undefined || attempts > maxRetries) throw err;
      const waitMs = plan.waitMs < 0 ? backoffMs(attempts - 1) : plan.waitMs;
      log.info(
        `model server: ${err.status ? `answered ${err.status}` : err.kind.replace('_', ' ')} at ${shownUrl}; retrying in ${(waitMs / 1000).toFixed(1)}s (${maxRetries - attempts + 1} retries left)`,
      );
      await sleep(waitMs, callSignal, aborted);
    }
  }

  function usageOf(u: unknown): Usage {
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

  const requestProblem = (req: ChatRequest): string | undefined => {
    const t = req.temperature;
    if (t !== undefined && !(typeof t === 'number' && t >= 0 && t <= 2))
      return `temperature: expected a number from 0 to 2, got ${String(t)}`;
    const m = req.maxCompletionTokens;
    if (m !== undefined && !(Number.isInteger(m) && m >= 1))
      return `max completion tokens: expected a whole number of at least 1, got ${String(m)}`;
    if (!Array.isArray(req.messages) || req.messages.length === 0) return 'messages: expected at least one';
    return undefined;
  };

  return {
    model: opts.model,
    baseUrl,
    priced: price !== undefined,
    async complete(req: ChatRequest): Promise<ChatResponse> {
      const problem = requestProblem(req);
      if (problem) throw new ConfigurationError(`model request ${problem}`);
      const callTimeout =
        req.timeoutMs !== undefined && Number.isFinite(req.timeoutMs) && req.timeoutMs > 0
          ? Math.min(req.timeoutMs, MAX_TIMER_MS)
          : timeoutMs;
      const body: ChatCompletionCreateParamsNonStreaming = {
        model: opts.model,
        messages: req.messages,
        ...(req.tools?.length ? { tools: req.tools } : {}),
        ...(req.tools?.length && req.toolChoice ? { tool_choice: req.toolChoice } : {}),
        ...(req.responseFormat ? { response_format: req.responseFormat } : {}),
        ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
        ...(req.maxCompletionTokens !== undefined ? { max_completion_tokens: req.maxCompletionTokens } : {}),
      };
      if (req.signal?.aborted) throw new LlmAbortedError();
      const { value: completion, attempts } = await attempt(
        (signal, timeout) => sdk.chat.completions.create(body, { signal, timeout }),
        req.signal,
        callTimeout,
      );
      const raw = completion as unknown;
      if (!isObject(raw) || !Array.isArray(raw.choices)) {
        // Some proxies answer a failure with 200 and an error body: its message is the useful part.
        const said = isObject(raw) && isObject(raw.error) ? raw.error.message : undefined;
        throw new LlmResponseError(
          `the model server at ${shownUrl} answered with something that is not a chat completion${typeof said === 'string' ? ` (error: ${shown(redact(said))})` : ''}`,
        );
      }
      const choice: unknown = raw.choices[0];
      if (!isObject(choice) || choice.message === undefined || choice.message === null) {
        throw new LlmResponseError(`the model server at ${shownUrl} answered without a message (no choices)`);
      }
      let message: AssistantMessage;
      try {
        message = assistantMessageOf(choice.message);
      } catch (e) {
        if (!(e instanceof Malformed)) throw e;
        throw new LlmResponseError(
          `the model server at ${shownUrl} answered with a malformed chat completion: ${e.message}`,
        );
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
      const { value: res } = await attempt(
        (signal, timeout) =>
          sdk.embeddings.create(
            { model: eopts.model ?? opts.model, input, encoding_format: 'float' },
            { signal, timeout },
          ),
        eopts.signal,
        timeoutMs,
      );
      const raw = res as unknown;
      const data = isObject(raw) && Array.isArray(raw.data) ? (raw.data as unknown[]) : undefined;
      const vectors: number[][] = [];
      for (const [i, d] of (data ?? []).entries()) {
        const index = isObject(d) ? d.index : undefined;
        const v = isObject(d) ? d.embedding : undefined;
        const at = typeof index === 'number' && Number.isInteger(index) ? index : i;
        if (at < 0 || at >= input.length || vectors[at] !== undefined) break;
        if (!Array.isArray(v) || !v.length || !v.every((x) => typeof x === 'number' && Number.isFinite(x)))
          break;
        vectors[at] = v as number[];
      }
      if (!data || data.length !== input.length || vectors.filter(Boolean).length !== input.length) {
        throw new LlmResponseError(
          `the model server at ${shownUrl} answered with ${data ? data.length : 'no'} usable embedding(s) for ${input.length} input(s)`,
        );
      }
      const promptTokens = tokenCount(isObject(raw) && isObject(raw.usage) ? raw.usage.prompt_tokens : 0);
      return { vectors, usage: { promptTokens, completionTokens: 0, cachedTokens: 0, costUsd: 0 } };
    },
  };
}
