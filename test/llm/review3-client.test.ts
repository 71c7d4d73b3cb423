/**
 * The model client against hostile or broken servers: malformed answers, absurd usage, waits it must
 * not sit through, redirects, connections cut mid-answer, and settings that cannot work.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import {
  createChatClient,
  LlmAbortedError,
  LlmConnectionError,
  LlmError,
  LlmRateLimitError,
  LlmResponseError,
  LlmServerError,
  MAX_TOKENS_PER_ANSWER,
} from '../../src/llm/index.js';
import { ConfigurationError } from '../../src/errors.js';
import { silentLogger } from '../../src/util/log.js';
import {
  httpError,
  openAiError,
  rawBody,
  reply,
  startScriptedServer,
  type ScriptedServer,
} from '../support/llm-server.js';

const KEY = 'sk-test-0123456789abcdefghijklmnop';
const messages = [{ role: 'user' as const, content: 'hello' }];

/** A plain HTTP server on 127.0.0.1 answering with `handle` (n counts requests from 0). */
async function plainServer(handle: (req: IncomingMessage, res: ServerResponse, n: number) => void) {
  let n = 0;
  const s = createServer((req, res) => {
    req.resume();
    req.on('end', () => handle(req, res, n++));
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests: () => n,
    close: () =>
      new Promise<void>((r) => {
        s.closeAllConnections();
        s.close(() => r());
      }),
  };
}

/** A chat completion whose first choice's message is `message`. */
const completion = (message: unknown, usage: unknown = { prompt_tokens: 1, completion_tokens: 1 }) =>
  JSON.stringify({
    id: 'c1',
    object: 'chat.completion',
    created: 0,
    model: 'gpt-4.1',
    choices: [{ index: 0, finish_reason: 'stop', message }],
    usage,
  });

let server: ScriptedServer | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const c of closers.splice(0)) await c();
});

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('answers of the wrong shape', () => {
  it.each([
    ['a message that is a string', 'hello', /choices\[0\]\.message is a string, expected an object/],
    [
      'content that is a number',
      { role: 'assistant', content: 42 },
      /choices\[0\]\.message\.content is a number, expected text or null/,
    ],
    [
      'tool calls that are not a list',
      { role: 'assistant', content: null, tool_calls: { a: 1 } },
      /choices\[0\]\.message\.tool_calls is an object, expected a list/,
    ],
    [
      'a tool call that is null',
      { role: 'assistant', content: null, tool_calls: [null] },
      /choices\[0\]\.message\.tool_calls\[0\] is null, expected an object/,
    ],
    [
      'a tool call whose name is a number',
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'a', type: 'function', function: { name: 5 } }],
      },
      /tool_calls\[0\]\.function\.name is a number, expected a string/,
    ],
  ])('reports %s, naming the field', async (_what, message, expected) => {
    server = await startScriptedServer([rawBody(completion(message))]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    const err = await errorOf(client.complete({ messages }));
    expect(err).toBeInstanceOf(LlmResponseError);
    expect((err as Error).message).toMatch(
      /^the model server at .* answered with a malformed chat completion: /,
    );
    expect((err as Error).message).toMatch(expected);
    expect(server.chatRequests()).toHaveLength(1);
  });

  it('reads content sent as text parts, arguments sent as an object, and makes repeated call ids unique', async () => {
    server = await startScriptedServer([
      rawBody(
        completion({
          role: 'assistant',
          content: [
            { type: 'text', text: 'one ' },
            { type: 'text', text: 'two' },
          ],
          tool_calls: [
            { id: 'same', type: 'function', function: { name: 'read_file', arguments: { path: 'a' } } },
            { id: 'same', type: 'function', function: { name: 'read_file', arguments: '{"path":"b"}' } },
          ],
        }),
      ),
    ]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    const res = await client.complete({ messages });
    expect(res.message.content).toBe('one two');
    const calls = (res.message.tool_calls ?? []).map((c) =>
      c.type === 'function' ? [c.id, c.function.arguments] : [],
    );
    expect(calls).toEqual([
      ['same', '{"path":"a"}'],
      ['same_2', '{"path":"b"}'],
    ]);
  });

  it('shows the error a proxy sends with a 200 answer', async () => {
    server = await startScriptedServer([
      rawBody(JSON.stringify({ error: { message: 'upstream\u001b[31m timed out', type: 'proxy_error' } })),
    ]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    const err = await errorOf(client.complete({ messages }));
    expect(err).toBeInstanceOf(LlmResponseError);
    expect((err as Error).message).toBe(
      `the model server at ${server.url} answered with something that is not a chat completion (error: upstream\\u001b[31m timed out)`,
    );
  });

  it('says an answer is not JSON', async () => {
    server = await startScriptedServer([rawBody('<html>gateway</html>')]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    const err = await errorOf(client.complete({ messages }));
    expect(err).toBeInstanceOf(LlmResponseError);
    expect((err as Error).message).toMatch(
      /^the model server at .* answered with something that is not JSON \(/,
    );
  });

  it('keeps absurd token counts finite, so budgets and costs stay numbers', async () => {
    server = await startScriptedServer([
      rawBody(
        completion(
          { role: 'assistant', content: 'a' },
          { prompt_tokens: 1e308, completion_tokens: 1e308, prompt_tokens_details: { cached_tokens: 5 } },
        ),
      ),
    ]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    const res = await client.complete({ messages });
    expect(res.usage.promptTokens).toBe(MAX_TOKENS_PER_ANSWER);
    expect(res.usage.completionTokens).toBe(MAX_TOKENS_PER_ANSWER);
    expect(Number.isFinite(res.usage.costUsd)).toBe(true);
    expect(res.usage.costUsd).toBeGreaterThan(0);
  });
});

describe('waits and retries', () => {
  it('does not sit through a 5xx retry-after longer than the limit', async () => {
    server = await startScriptedServer([
      httpError(503, openAiError('overloaded', 'server_error'), { 'retry-after': '5' }),
      reply('too late'),
    ]);
    const client = createChatClient({
      baseUrl: server.url,
      apiKey: KEY,
      model: 'gpt-4.1',
      maxRetryAfterMs: 1000,
    });
    const err = await errorOf(client.complete({ messages }));
    expect(err).toBeInstanceOf(LlmServerError);
    expect((err as Error).message).toMatch(
      /failed with 503 after 1 attempt\(s\): overloaded; the server asks to wait 5s \(more than 1s\)$/,
    );
    expect(server.chatRequests()).toHaveLength(1);
  });

  it('says so when a server asks to wait forever', async () => {
    server = await startScriptedServer([
      httpError(429, openAiError('slow down', 'requests'), { 'retry-after': 'Infinity' }),
    ]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    const err = await errorOf(client.complete({ messages }));
    expect(err).toBeInstanceOf(LlmRateLimitError);
    expect((err as Error).message).toMatch(/the server asks to wait indefinitely \(more than 60s\)$/);
  });

  it('ends the wait before a retry at once when the caller aborts', async () => {
    server = await startScriptedServer(() =>
      httpError(429, openAiError('slow down', 'requests'), { 'retry-after': '50' }),
    );
    // The client says when it starts waiting for the retry: that is when the caller aborts.
    let waiting: () => void = () => {};
    const retrying = new Promise<void>((r) => (waiting = r));
    const log = { ...silentLogger, info: (m: string) => void (/retrying/.test(m) && waiting()) };
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1', log });
    const ac = new AbortController();
    const p = errorOf(client.complete({ messages, signal: ac.signal }));
    await retrying;
    ac.abort();
    // Before, the client slept the 50 s out before looking at the signal (past this test's limit).
    expect(await p).toBeInstanceOf(LlmAbortedError);
    expect(server.chatRequests()).toHaveLength(1);
  }, 10_000);

  it('retries an answer cut off mid-body, and names the failure when it keeps happening', async () => {
    const cut = (res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      res.write('{"id":"c1","choices":[');
      setTimeout(() => res.socket?.destroy(), 20);
    };
    const flaky = await plainServer((_req, res, n) =>
      n === 0
        ? cut(res)
        : (res.writeHead(200, { 'content-type': 'application/json' }),
          res.end(completion({ role: 'assistant', content: 'whole' }))),
    );
    closers.push(flaky.close);
    const ok = await createChatClient({
      baseUrl: flaky.url,
      apiKey: KEY,
      model: 'gpt-4.1',
      maxRetries: 1,
    }).complete({
      messages,
    });
    expect(ok.message.content).toBe('whole');
    expect(ok.attempts).toBe(2);

    const broken = await plainServer((_req, res) => cut(res));
    closers.push(broken.close);
    const err = await errorOf(
      createChatClient({ baseUrl: broken.url, apiKey: KEY, model: 'gpt-4.1', maxRetries: 1 }).complete({
        messages,
      }),
    );
    expect(err).toBeInstanceOf(LlmConnectionError);
    expect((err as Error).message).toBe(
      `the connection to the model server at ${broken.url} closed before its answer was complete (tried 2 time(s))`,
    );
    expect(broken.requests()).toBe(2);
  });

  it('works with a timeout longer than timers can count', async () => {
    server = await startScriptedServer([reply('ok'), reply('ok again')]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1', timeoutMs: 3e9 });
    expect((await client.complete({ messages })).message.content).toBe('ok');
    expect((await client.complete({ messages, timeoutMs: 1e12 })).message.content).toBe('ok again');
  });
});

describe('where requests go', () => {
  it('does not follow a redirect to another server', async () => {
    const elsewhere = await plainServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(completion({ role: 'assistant', content: 'from elsewhere' }));
    });
    closers.push(elsewhere.close);
    const redirecting = await plainServer((_req, res) => {
      res.writeHead(307, { location: `http://localhost:${elsewhere.port}/v1/chat/completions` });
      res.end();
    });
    closers.push(redirecting.close);
    const client = createChatClient({ baseUrl: redirecting.url, apiKey: KEY, model: 'gpt-4.1' });
    const err = await errorOf(client.complete({ messages }));
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).retryable).toBe(false);
    expect((err as Error).message).toBe(
      `the model server at ${redirecting.url} redirected the request to http://localhost:${elsewhere.port}/v1/chat/completions (307); redirects are not followed (the request carries the API key and the code): set the base URL to the server's address`,
    );
    expect(elsewhere.requests()).toBe(0);
    expect(redirecting.requests()).toBe(1);
  });

  it("sends a base URL's query with every request, after the path", async () => {
    const seen: string[] = [];
    const azure = await plainServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(completion({ role: 'assistant', content: 'ok' }));
    });
    closers.push(azure.close);
    const client = createChatClient({
      baseUrl: `${azure.url}?api-version=2024-10-21`,
      apiKey: KEY,
      model: 'gpt-4.1',
    });
    expect((await client.complete({ messages })).message.content).toBe('ok');
    expect(seen).toEqual(['/v1/chat/completions?api-version=2024-10-21']);
  });

  it('refuses a base URL with a password without repeating it', () => {
    let err: unknown;
    try {
      createChatClient({ baseUrl: 'http://user:pa55word@127.0.0.1:9/v1', apiKey: KEY, model: 'gpt-4.1' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(/contains a user name or password/);
    expect((err as Error).message).not.toContain('pa55word');
  });
});

describe('the API key and the settings', () => {
  it('keeps a key the server quotes out of the error and everything it holds', async () => {
    server = await startScriptedServer([
      httpError(400, openAiError(`bad key ${KEY} here`, 'invalid_request_error')),
    ]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    const err = await errorOf(client.complete({ messages }));
    expect((err as Error).message).toContain('bad key [REDACTED:api-key] here');
    expect(inspect(err, { depth: 20 })).not.toContain(KEY);
  });

  it('sends its own key and no header from OPENAI_CUSTOM_HEADERS in the process environment', async () => {
    server = await startScriptedServer([reply('ok')], { apiKey: KEY });
    const before = process.env.OPENAI_CUSTOM_HEADERS;
    process.env.OPENAI_CUSTOM_HEADERS = 'Authorization: Bearer someone-else\nX-Forwarded-To: elsewhere';
    try {
      const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
      expect((await client.complete({ messages })).message.content).toBe('ok');
    } finally {
      if (before === undefined) delete process.env.OPENAI_CUSTOM_HEADERS;
      else process.env.OPENAI_CUSTOM_HEADERS = before;
    }
    const headers = server.requests[0]!.headers;
    expect(headers.authorization).toBe(`Bearer ${KEY}`);
    expect(headers['x-forwarded-to']).toBeUndefined();
  });

  it('refuses a key with a line break before sending it, without quoting it', () => {
    let err: unknown;
    try {
      createChatClient({
        baseUrl: 'http://127.0.0.1:9/v1',
        apiKey: `${KEY}\nOPENAI_ORG=x`,
        model: 'gpt-4.1',
        apiKeySource: 'OPENAI_API_KEY',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(/^the API key from OPENAI_API_KEY contains a line break/);
    expect(inspect(err, { depth: 20 })).not.toContain(KEY);
  });

  it.each([
    [
      'a model name with a terminal escape',
      { model: 'gpt\u001b[2J' },
      /model: expected a model name without control characters, got 'gpt\\u001b\[2J'/,
    ],
    [
      'a billion retries',
      { maxRetries: 1e9 },
      /retries: expected a whole number from 0 to 10, got 1000000000/,
    ],
    ['a negative timeout', { timeoutMs: -1 }, /timeout: expected a positive number of ms, got -1/],
    [
      'a price that is not a number',
      { price: { input: Number.NaN, cachedInput: 0, output: 0 } },
      /price\.input: expected USD per million tokens, 0 or more, got NaN/,
    ],
  ])('refuses %s', (_what, bad, expected) => {
    expect(() =>
      createChatClient({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: KEY, model: 'gpt-4.1', ...bad }),
    ).toThrow(expected);
  });

  it('refuses request settings out of range before sending anything', async () => {
    server = await startScriptedServer([reply('never')]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    await expect(client.complete({ messages, temperature: 5 })).rejects.toThrow(
      /^model request temperature: expected a number from 0 to 2, got 5$/,
    );
    await expect(client.complete({ messages, maxCompletionTokens: 0 })).rejects.toThrow(
      /^model request max completion tokens: expected a whole number of at least 1, got 0$/,
    );
    expect(server.chatRequests()).toHaveLength(0);
  });
});

describe('embeddings', () => {
  it('refuses an answer with fewer vectors than inputs', async () => {
    const short = await plainServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }],
          model: 'e',
          usage: { prompt_tokens: -5, total_tokens: 0 },
        }),
      );
    });
    closers.push(short.close);
    const client = createChatClient({ baseUrl: short.url, apiKey: KEY, model: 'text-embedding-3-small' });
    const err = await errorOf(client.embed(['a', 'b']));
    expect(err).toBeInstanceOf(LlmResponseError);
    expect((err as Error).message).toBe(
      `the model server at ${short.url} answered with 1 usable embedding(s) for 2 input(s)`,
    );
    const one = await client.embed(['a']);
    expect(one.vectors).toEqual([[0.1, 0.2]]);
    expect(one.usage.promptTokens).toBe(0);
  });
});
