import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createChatClient,
  LlmAbortedError,
  LlmAuthError,
  LlmConnectionError,
  LlmModelNotFoundError,
  LlmQuotaError,
  LlmRateLimitError,
  LlmResponseError,
  LlmServerError,
  LlmTimeoutError,
} from '../../src/llm/index.js';
import {
  callTool,
  hang,
  httpError,
  openAiError,
  rawBody,
  reply,
  startScriptedServer,
  type ScriptedServer,
} from '../support/llm-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KEY = 'sk-test-0123456789abcdefghijklmnop';
const messages = [{ role: 'user' as const, content: 'hello' }];

describe('createChatClient', () => {
  it('sends a chat completion and accounts usage and cost', async () => {
    server = await startScriptedServer([
      reply('hi there', { usage: { prompt_tokens: 1000, completion_tokens: 100, cached_tokens: 400 } }),
    ]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    const res = await client.complete({ messages, temperature: 0 });
    expect(res.message.content).toBe('hi there');
    expect(res.finishReason).toBe('stop');
    expect(res.attempts).toBe(1);
    // 600 fresh * $2 + 400 cached * $0.5 + 100 out * $8, per million
    expect(res.usage).toEqual({
      promptTokens: 1000,
      completionTokens: 100,
      cachedTokens: 400,
      costUsd: 0.0022,
    });
    const req = server.chatRequests()[0]!;
    expect(req.body.model).toBe('gpt-4.1');
    expect(req.body.temperature).toBe(0);
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('returns tool calls in the wire format', async () => {
    server = await startScriptedServer([callTool('read_file', { path: 'src/a.ts' })]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'local-model' });
    const res = await client.complete({
      messages,
      tools: [
        { type: 'function', function: { name: 'read_file', parameters: { type: 'object', properties: {} } } },
      ],
    });
    expect(client.priced).toBe(false);
    expect(res.usage.costUsd).toBe(0);
    expect(res.finishReason).toBe('tool_calls');
    const call = res.message.tool_calls?.[0];
    expect(call?.type).toBe('function');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ path: 'src/a.ts' });
    expect(server.chatRequests()[0]!.body.tools[0].function.name).toBe('read_file');
  });

  it('retries a 429 after the retry-after the server asks for, then succeeds', async () => {
    server = await startScriptedServer([
      httpError(429, openAiError('Rate limit reached', 'requests', 'rate_limit_exceeded'), {
        'retry-after': '1',
      }),
      reply('ok'),
    ]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    const res = await client.complete({ messages });
    expect(res.message.content).toBe('ok');
    expect(res.attempts).toBe(2);
    const [a, b] = server.chatRequests();
    // The SDK waited at least what retry-after said (a lower bound only: no upper timing bound).
    expect(b!.receivedAt - a!.receivedAt).toBeGreaterThanOrEqual(900);
  });

  it('fails fast, without retrying, on insufficient_quota', async () => {
    server = await startScriptedServer(() =>
      httpError(
        429,
        openAiError('You exceeded your current quota', 'insufficient_quota', 'insufficient_quota'),
      ),
    );
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1', maxRetries: 3 });
    const err = await client.complete({ messages }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmQuotaError);
    expect((err as LlmQuotaError).retryable).toBe(false);
    expect((err as Error).message).toMatch(/no quota left/);
    expect(server.chatRequests()).toHaveLength(1);
  });

  it('does not silently wait when retry-after is longer than the limit', async () => {
    server = await startScriptedServer(() =>
      httpError(429, openAiError('slow down', 'requests'), { 'retry-after': '3600' }),
    );
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    const err = await client.complete({ messages }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmRateLimitError);
    expect((err as Error).message).toMatch(/asks to wait 3600s/);
    expect(server.chatRequests()).toHaveLength(1);
  });

  it('fails fast on a bad key (401) and never echoes the key', async () => {
    server = await startScriptedServer([], { apiKey: 'the-right-key' });
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1', maxRetries: 3 });
    const err = await client.complete({ messages }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmAuthError);
    expect((err as Error).message).toMatch(/rejected the API key \(401.*\); check OPENAI_API_KEY/);
    expect((err as Error).message).not.toContain(KEY);
    expect(server.requests).toHaveLength(1);
    // A host that knows where the key came from says so.
    const named = createChatClient({
      baseUrl: server.url,
      apiKey: KEY,
      model: 'gpt-4.1',
      apiKeySource: 'GUARDIAN_CODER_API_KEY',
    });
    const err2 = await named.complete({ messages }).catch((e: unknown) => e);
    expect((err2 as Error).message).toMatch(/; check GUARDIAN_CODER_API_KEY$/);
  });

  it('fails fast on 403', async () => {
    server = await startScriptedServer([httpError(403, openAiError('not allowed', 'permission_error'))]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    await expect(client.complete({ messages })).rejects.toBeInstanceOf(LlmAuthError);
    expect(server.requests).toHaveLength(1);
  });

  it('fails fast on an unknown model (404)', async () => {
    server = await startScriptedServer([
      httpError(
        404,
        openAiError('The model `gpt-9` does not exist', 'invalid_request_error', 'model_not_found'),
      ),
    ]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-9' });
    const err = await client.complete({ messages }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmModelNotFoundError);
    expect((err as Error).message).toMatch(/model 'gpt-9' not found/);
    expect(server.requests).toHaveLength(1);
  });

  it('retries 5xx and then fails cleanly with a typed error', async () => {
    server = await startScriptedServer(() =>
      httpError(500, openAiError('The server had an error', 'server_error'), { 'retry-after-ms': '5' }),
    );
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1', maxRetries: 2 });
    const err = await client.complete({ messages }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmServerError);
    expect((err as LlmServerError).status).toBe(500);
    expect((err as Error).message).toMatch(/failed with 500 after 3 attempt/);
    expect(server.chatRequests()).toHaveLength(3);
  });

  it('stops a hanging server with the timeout', async () => {
    server = await startScriptedServer(() => hang());
    const client = createChatClient({
      baseUrl: server.url,
      apiKey: KEY,
      model: 'gpt-4.1',
      timeoutMs: 300,
      maxRetries: 1,
    });
    const err = await client.complete({ messages }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmTimeoutError);
    expect(server.chatRequests()).toHaveLength(2);
  });

  it('stops an answer whose body never finishes (headers sent, then a byte now and then)', async () => {
    const drip = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":"x",');
      const t = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(t));
    });
    await new Promise<void>((r) => drip.listen(0, '127.0.0.1', r));
    try {
      const { port } = drip.address() as AddressInfo;
      const client = createChatClient({
        baseUrl: `http://127.0.0.1:${port}/v1`,
        apiKey: KEY,
        model: 'gpt-4.1',
        timeoutMs: 300,
        maxRetries: 0,
      });
      const err = await client.complete({ messages }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmTimeoutError);
      expect((err as Error).message).toMatch(
        /^no complete answer from the model server at .* within 1s \(its answer did not finish\)$/,
      );
    } finally {
      drip.closeAllConnections();
      await new Promise((r) => drip.close(r));
    }
  });

  it('stops reading an answer larger than the limit, without retrying, and still reads one below it', async () => {
    let requests = 0;
    /** A chat completion whose content is `size` bytes, sent chunked or with its length declared. */
    const answer = (size: number) =>
      JSON.stringify({
        id: 'big',
        object: 'chat.completion',
        created: 0,
        model: 'gpt-4.1',
        choices: [
          { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'x'.repeat(size) } },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      });
    const big = createServer((req, res) => {
      requests++;
      const size = Number(new URL(req.url!, 'http://x').searchParams.get('size') ?? req.headers['x-size']);
      const body = answer(size);
      if (req.headers['x-declare'] === 'yes') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
        return;
      }
      // Chunked: no length announced, 64 KiB at a time.
      res.writeHead(200, { 'content-type': 'application/json' });
      let at = 0;
      const more = () => {
        while (at < body.length) {
          const ok = res.write(body.slice(at, at + 65536));
          at += 65536;
          if (!ok) return void res.once('drain', more);
        }
        res.end();
      };
      res.on('error', () => {});
      more();
    });
    await new Promise<void>((r) => big.listen(0, '127.0.0.1', r));
    try {
      const { port } = big.address() as AddressInfo;
      const client = (size: number, declare: boolean) =>
        createChatClient({
          baseUrl: `http://127.0.0.1:${port}/v1`,
          apiKey: KEY,
          model: 'gpt-4.1',
          maxRetries: 2,
          maxResponseBytes: 1024 * 1024,
          fetch: (input, init) => {
            const headers = new Headers(init?.headers);
            headers.set('x-size', String(size));
            headers.set('x-declare', declare ? 'yes' : 'no');
            return fetch(input, { ...init, headers });
          },
        });
      for (const declare of [false, true]) {
        requests = 0;
        const err = await client(3 * 1024 * 1024, declare)
          .complete({ messages })
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(LlmResponseError);
        expect((err as Error).message).toBe(
          `the model server at http://127.0.0.1:${port}/v1 sent an answer larger than 1 MiB; stopped reading it`,
        );
        expect(requests).toBe(1);
      }
      const ok = await client(900 * 1024, false).complete({ messages });
      expect(ok.message.content).toHaveLength(900 * 1024);
    } finally {
      big.closeAllConnections();
      await new Promise((r) => big.close(r));
    }
  });

  it('counts only finite, non-negative token numbers from the server', async () => {
    server = await startScriptedServer([
      reply('a', { usage: { prompt_tokens: -1e9, completion_tokens: '10' as unknown as number } }),
    ]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    const res = await client.complete({ messages });
    expect(res.usage).toMatchObject({ promptTokens: 0, completionTokens: 0, cachedTokens: 0 });
    expect(res.usage.costUsd).toBe(0);
  });

  it('is aborted by the caller', async () => {
    server = await startScriptedServer(() => hang());
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    const ac = new AbortController();
    const p = client.complete({ messages, signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    await expect(p).rejects.toBeInstanceOf(LlmAbortedError);
  });

  it('reports an answer that is not a chat completion', async () => {
    server = await startScriptedServer([rawBody('{"object":"something-else"}')]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    await expect(client.complete({ messages })).rejects.toBeInstanceOf(LlmResponseError);
  });

  it('reports a server that cannot be reached', async () => {
    server = await startScriptedServer([]);
    const url = server.url;
    await server.close();
    server = undefined;
    const client = createChatClient({ baseUrl: url, apiKey: KEY, model: 'gpt-4.1', maxRetries: 0 });
    const err = await client.complete({ messages }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmConnectionError);
    expect((err as Error).message).toMatch(/cannot reach/);
  });

  it('computes embeddings', async () => {
    server = await startScriptedServer([]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'text-embedding-3-small' });
    const { vectors, usage } = await client.embed(['user login time', 'user login']);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(64);
    expect(usage.promptTokens).toBeGreaterThan(0);
    expect(server.requests[0]!.path).toBe('/v1/embeddings');
  });
});
