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
import { AsyncLocalStorage } from 'node:async_hooks';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type {
  ChatCompletion,
  ChatCompletionFunctionTool,
  ChatCompletionMessage,
  ChatCompletionMessageParam,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import type { Usage } from '../bundle/bundle.js';
import { silentLogger, type Logger } from '../util/log.js';
import { escapeControlChars } from '../util/chars.js';
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

/** Reads an error body without consuming the response the SDK will read. */
async function peekErrorCode(res: Response): Promise<string | undefined> {
  try {
    const body = (await res.clone().json()) as { error?: { code?: unknown; type?: unknown } };
    const code = body?.error?.code ?? body?.error?.type;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

function retryAfterMs(headers: Headers): number | undefined {
  const ms = parseFloat(headers.get('retry-after-ms') ?? '');
  if (!Number.isNaN(ms)) return ms;
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const s = parseFloat(raw);
  if (!Number.isNaN(s)) return s * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : at - Date.now();
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

function withHeader(res: Response, name: string, value: string): Response {
  const headers = new Headers(res.headers);
  headers.set(name, value);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

export function createChatClient(opts: ChatClientOptions): ChatClient {
  const baseUrl = (opts.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const log = opts.log ?? silentLogger;
  const maxRetries = opts.maxRetries ?? DEFAULT_MAX_RETRIES;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const baseFetch: FetchLike = opts.fetch ?? ((input, init) => fetch(input, init));
  const maxResponseBytes = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const price = opts.price ?? priceFor(opts.model);
  const shownUrl = withoutCredentials(baseUrl);
  /** Per call (calls may overlap): HTTP attempts, and why the last response was not retried. */
  const callState = new AsyncLocalStorage<{ attempts: number; noRetry?: string }>();

  const guardedFetch: FetchLike = async (input, init) => {
    const state = callState.getStore();
    if (state) state.attempts += 1;
    let res: Response;
    try {
      res = await baseFetch(input, init);
    } catch (e) {
      throw sameRealmError(e);
    }
    if (res.status === 429) {
      const code = await peekErrorCode(res);
      if (code === 'insufficient_quota') {
        if (state) state.noRetry = 'quota';
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

  const redact = (s: string) =>
    opts.apiKey.length >= 8 ? s.split(opts.apiKey).join('[REDACTED:api-key]') : s;

  const sdk = new OpenAI({
    apiKey: opts.apiKey,
    baseURL: baseUrl,
    // Explicit nulls: otherwise the SDK reads OPENAI_ORG_ID / OPENAI_PROJECT_ID / OPENAI_ADMIN_KEY itself.
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    timeout: timeoutMs,
    maxRetries,
    fetch: guardedFetch as never,
    logLevel: 'info',
    logger: {
      error: (m: string) => log.debug(`openai: ${m}`),
      warn: (m: string) => log.debug(`openai: ${m}`),
      // The SDK's own retry notices ("… failed with status 429 … retrying") are worth seeing.
      info: (m: string) =>
        /retrying/.test(m) ? log.info(`model server: ${redact(m)}`) : log.debug(`openai: ${m}`),
      debug: () => {},
    },
  });

  function toLlmError(
    e: unknown,
    callTimeoutMs: number,
    signal: AbortSignal | undefined,
    state: { attempts: number; noRetry?: string },
  ): LlmError {
    if (e instanceof LlmError) return e;
    const { attempts } = state;
    const lastNoRetryNote = state.noRetry;
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
        `no answer from ${where} within ${Math.round(callTimeoutMs / 1000)}s (tried ${attempts} time(s))`,
        { cause: e },
      );
    }
    if (e instanceof APIConnectionError) {
      const cause = (e as { cause?: { message?: string; cause?: { code?: string } } }).cause;
      const detail = cause?.cause?.code ?? cause?.message ?? e.message;
      return new LlmConnectionError(`cannot reach ${where}: ${redact(String(detail))}`, { cause: e });
    }
    if (e instanceof APIError) {
      const status = e.status ?? 0;
      // The server's text is shown on a terminal and written in reports: one line, its control
      // characters (terminal escapes) written out.
      const serverMsg = escapeControlChars(
        redact(
          String((e.error as { message?: unknown } | undefined)?.message ?? e.message ?? '')
            .replace(/\s+/g, ' ')
            .slice(0, 300),
        ),
      );
      const code = typeof e.code === 'string' ? e.code : undefined;
      if (status === 401) {
        return new LlmAuthError(
          `${where} rejected the API key (401: ${serverMsg}); check ${opts.apiKeySource ?? "OPENAI_API_KEY (or the station's API key)"}`,
          { status, cause: e },
        );
      }
      if (status === 403) {
        return new LlmAuthError(
          `${where} refused access with this API key (403: ${serverMsg}); check the key's permissions for model '${opts.model}'`,
          { status, cause: e },
        );
      }
      if (status === 404) {
        return new LlmModelNotFoundError(
          `model '${opts.model}' not found at ${shownUrl} (404: ${serverMsg}); check the model name and the base URL`,
          { status, cause: e },
        );
      }
      if (status === 429) {
        if (code === 'insufficient_quota' || lastNoRetryNote === 'quota') {
          return new LlmQuotaError(
            `the account behind the API key has no quota left at ${shownUrl} (429 insufficient_quota: ${serverMsg}); add credit or use another key`,
            { status, cause: e },
          );
        }
        const why = lastNoRetryNote ? `${lastNoRetryNote}` : `still limited after ${attempts} attempt(s)`;
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
          `${where} failed with ${status} after ${attempts} attempt(s): ${serverMsg || 'no message'}`,
          { status, cause: e },
        );
      }
      return new LlmError('server', `${where} answered ${status}: ${serverMsg}`, { status, cause: e });
    }
    return new LlmResponseError(
      `unexpected failure talking to ${where}: ${escapeControlChars(redact(String((e as Error)?.message ?? e)))}`,
      {
        cause: e,
      },
    );
  }

  function usageOf(u: ChatCompletion['usage'] | undefined): Usage {
    // The server's numbers are untrusted: a negative or non-numeric count would defeat the budgets.
    const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : 0);
    const promptTokens = count(u?.prompt_tokens);
    const completionTokens = count(u?.completion_tokens);
    const cachedTokens = Math.min(promptTokens, count(u?.prompt_tokens_details?.cached_tokens));
    return {
      promptTokens,
      completionTokens,
      cachedTokens,
      costUsd: costOf({ promptTokens, completionTokens, cachedTokens }, price),
    };
  }

  return {
    model: opts.model,
    baseUrl,
    priced: price !== undefined,
    async complete(req: ChatRequest): Promise<ChatResponse> {
      const state = { attempts: 0 } as { attempts: number; noRetry?: string };
      const callTimeout = req.timeoutMs ?? timeoutMs;
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
      // The client's timeout ends when the answer's headers arrive; a body that trickles forever is
      // bounded by a deadline over every attempt: twice the timeout each, and 10 s of waiting between.
      const deadlineMs = 2 * callTimeout * (maxRetries + 1) + maxRetries * 10_000;
      const deadline = AbortSignal.timeout(deadlineMs);
      const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
      let completion: ChatCompletion;
      try {
        completion = await callState.run(state, () =>
          sdk.chat.completions.create(body, { signal, timeout: callTimeout }),
        );
      } catch (e) {
        if (deadline.aborted && !req.signal?.aborted) {
          throw new LlmTimeoutError(
            `no complete answer from the model server at ${shownUrl} within ${Math.round(deadlineMs / 1000)}s (its answer did not finish)`,
            { cause: e },
          );
        }
        throw toLlmError(e, callTimeout, req.signal, state);
      }
      if (typeof completion !== 'object' || completion === null || !Array.isArray(completion.choices)) {
        throw new LlmResponseError(
          `the model server at ${shownUrl} answered with something that is not a chat completion`,
        );
      }
      const choice = completion.choices[0];
      if (!choice?.message) {
        throw new LlmResponseError(`the model server at ${shownUrl} answered without a message (no choices)`);
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
      const state = { attempts: 0 } as { attempts: number; noRetry?: string };
      try {
        const res = await callState.run(state, () =>
          sdk.embeddings.create(
            { model: eopts.model ?? opts.model, input, encoding_format: 'float' },
            { signal: eopts.signal, timeout: timeoutMs },
          ),
        );
        const vectors = [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding as number[]);
        const promptTokens = res.usage?.prompt_tokens ?? 0;
        return { vectors, usage: { promptTokens, completionTokens: 0, cachedTokens: 0, costUsd: 0 } };
      } catch (e) {
        throw toLlmError(e, timeoutMs, eopts.signal, state);
      }
    },
  };
}
