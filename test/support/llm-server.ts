/**
 * A scripted OpenAI-compatible server on 127.0.0.1 for tests: it speaks the real chat-completions wire
 * format (tool calls, finish reasons, usage with cached tokens) and embeddings, so tests drive the real
 * `openai` client over HTTP instead of mocking it.
 *
 * A script is a list of steps (one per chat-completions request, retries included) or a function of
 * the request. A step is a reply (`reply`, `callTool`, `callTools`), an HTTP error (`httpError`, with
 * headers such as `retry-after`), a raw body (`rawBody`) or `hang()` (never answers). When a list runs
 * out the server answers 400 "script exhausted" (not retried by clients, so the test fails fast).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedToolCall {
  name: string;
  /** An object (serialised as JSON) or a raw string (to send malformed JSON). */
  arguments: unknown;
  id?: string;
}

export interface ReplyStep {
  kind: 'reply';
  content?: string | null;
  toolCalls?: ScriptedToolCall[];
  finishReason?: string;
  usage?: { prompt_tokens?: number; completion_tokens?: number; cached_tokens?: number };
  model?: string;
  delayMs?: number;
}

export interface ErrorStep {
  kind: 'error';
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RawStep {
  kind: 'raw';
  status?: number;
  body: string;
  headers?: Record<string, string>;
}

export interface HangStep {
  kind: 'hang';
}

export type ScriptStep = ReplyStep | ErrorStep | RawStep | HangStep;

export interface RecordedRequest {
  method: string;
  path: string;
  /** Parsed JSON body (or the raw text when it is not JSON). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The body exactly as received. */
  raw: string;
  headers: IncomingHttpHeaders;
  /** Date.now() when the request arrived. */
  receivedAt: number;
}

export type Script =
  ScriptStep[] | ((req: RecordedRequest, index: number) => ScriptStep | Promise<ScriptStep>);

export interface ScriptedServerOptions {
  /** When set, requests without `Authorization: Bearer <apiKey>` get a 401 in OpenAI's format. */
  apiKey?: string;
  /** Embedding for one input (default: a deterministic 64-dim hashed bag of words, L2-normalised). */
  embed?: (text: string) => number[];
}

export interface ScriptedServer {
  /** Base URL including `/v1`, e.g. http://127.0.0.1:PORT/v1 */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Only the chat-completions requests. */
  chatRequests(): RecordedRequest[];
  close(): Promise<void>;
}

export const reply = (content: string, extra: Partial<ReplyStep> = {}): ReplyStep => ({
  kind: 'reply',
  content,
  ...extra,
});

export const callTool = (
  name: string,
  args: unknown,
  extra: Partial<ReplyStep> & { id?: string } = {},
): ReplyStep => {
  const { id, ...rest } = extra;
  return { kind: 'reply', content: null, toolCalls: [{ name, arguments: args, id }], ...rest };
};

export const callTools = (calls: ScriptedToolCall[], extra: Partial<ReplyStep> = {}): ReplyStep => ({
  kind: 'reply',
  content: null,
  toolCalls: calls,
  ...extra,
});

export const httpError = (status: number, body?: unknown, headers?: Record<string, string>): ErrorStep => ({
  kind: 'error',
  status,
  body,
  headers,
});

/** OpenAI's error body shape. */
export const openAiError = (message: string, type: string, code: string | null = null) => ({
  error: { message, type, param: null, code },
});

export const rawBody = (body: string, status = 200, headers?: Record<string, string>): RawStep => ({
  kind: 'raw',
  body,
  status,
  headers,
});

export const hang = (): HangStep => ({ kind: 'hang' });

/** Rough token estimate (4 characters a token) used when a step gives no usage. */
const estimateTokens = (s: string) => Math.max(1, Math.ceil(s.length / 4));

export function hashedEmbedding(text: string, dims = 64): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9_]+/g) ?? []) {
    let h = 2166136261;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
    v[(h >>> 0) % dims]! += 1;
  }
  const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
  return v.map((x) => x / norm);
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

let nextId = 1;

function completionBody(step: ReplyStep, req: RecordedRequest) {
  const toolCalls = step.toolCalls?.map((c, i) => ({
    id: c.id ?? `call_${nextId++}_${i}`,
    type: 'function' as const,
    function: {
      name: c.name,
      arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments),
    },
  }));
  const content = step.content ?? null;
  const prompt = step.usage?.prompt_tokens ?? estimateTokens(req.raw);
  const completion =
    step.usage?.completion_tokens ?? estimateTokens((content ?? '') + JSON.stringify(toolCalls ?? [])) + 5;
  return {
    id: `chatcmpl-${nextId++}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: step.model ?? (typeof req.body?.model === 'string' ? req.body.model : 'scripted'),
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content,
          refusal: null,
          ...(toolCalls?.length ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: step.finishReason ?? (toolCalls?.length ? 'tool_calls' : 'stop'),
      },
    ],
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      prompt_tokens_details: { cached_tokens: step.usage?.cached_tokens ?? 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    },
    system_fingerprint: 'fp_scripted',
  };
}

export async function startScriptedServer(
  script: Script,
  opts: ScriptedServerOptions = {},
): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  let chatIndex = 0;
  const embed = opts.embed ?? ((t: string) => hashedEmbedding(t));

  const server = createServer((req, res) => {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown = raw;
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          // keep the raw text
        }
        const path = (req.url ?? '/').split('?')[0]!;
        const rec: RecordedRequest = {
          method: req.method ?? 'GET',
          path,
          body,
          raw,
          headers: req.headers,
          receivedAt,
        };
        requests.push(rec);

        if (opts.apiKey !== undefined && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
          sendJson(
            res,
            401,
            openAiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'),
          );
          return;
        }
        if (req.method === 'POST' && path.endsWith('/chat/completions')) {
          const index = chatIndex++;
          let step: ScriptStep | undefined;
          try {
            step = typeof script === 'function' ? await script(rec, index) : script[index];
          } catch (e) {
            sendJson(res, 500, openAiError(`script failed: ${(e as Error).message}`, 'server_error'));
            return;
          }
          if (!step) {
            sendJson(
              res,
              400,
              openAiError(
                `scripted server: script exhausted after ${index} chat requests`,
                'invalid_request_error',
              ),
            );
            return;
          }
          switch (step.kind) {
            case 'hang':
              return; // never answer; close() destroys the socket
            case 'error':
              sendJson(
                res,
                step.status,
                step.body ?? openAiError(`scripted ${step.status}`, 'server_error'),
                step.headers,
              );
              return;
            case 'raw':
              res.writeHead(step.status ?? 200, { 'content-type': 'application/json', ...step.headers });
              res.end(step.body);
              return;
            case 'reply':
              if (step.delayMs) await new Promise((r) => setTimeout(r, step.delayMs));
              if (res.destroyed) return;
              sendJson(res, 200, completionBody(step, rec));
              return;
          }
        }
        if (req.method === 'POST' && path.endsWith('/embeddings')) {
          const b = body as { input?: unknown; model?: string; encoding_format?: string } | undefined;
          const inputs = Array.isArray(b?.input) ? (b.input as unknown[]) : [b?.input];
          if (!inputs.every((x) => typeof x === 'string')) {
            sendJson(
              res,
              400,
              openAiError('input must be a string or an array of strings', 'invalid_request_error'),
            );
            return;
          }
          const tokens = (inputs as string[]).reduce((a, t) => a + estimateTokens(t), 0);
          sendJson(res, 200, {
            object: 'list',
            data: (inputs as string[]).map((t, index) => {
              const v = embed(t);
              const embedding =
                b?.encoding_format === 'base64'
                  ? Buffer.from(new Float32Array(v).buffer).toString('base64')
                  : v;
              return { object: 'embedding', index, embedding };
            }),
            model: b?.model ?? 'scripted-embedding',
            usage: { prompt_tokens: tokens, total_tokens: tokens },
          });
          return;
        }
        if (req.method === 'GET' && path.endsWith('/models')) {
          sendJson(res, 200, {
            object: 'list',
            data: [{ id: 'scripted', object: 'model', created: 0, owned_by: 'test' }],
          });
          return;
        }
        sendJson(
          res,
          404,
          openAiError(`Unknown request URL: ${req.method} ${path}`, 'invalid_request_error', 'unknown_url'),
        );
      })();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path.endsWith('/chat/completions')),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
