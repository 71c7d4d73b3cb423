/** A model server's error text is shown on one line with its control characters written out. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createChatClient, LlmAuthError, LlmBadRequestError } from '../../src/llm/index.js';
import { httpError, openAiError, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KEY = 'sk-test-0123456789abcdefghijklmnop';
const messages = [{ role: 'user' as const, content: 'hello' }];
const HOSTILE = 'boom \u001b]0;pwned\u0007\u001b[2J \u009b31m end';

/** Control characters other than none at all: C0, DEL and C1. */
const controls = (s: string) =>
  [...s].filter((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f));

describe('server error text', () => {
  it.each([
    [400, LlmBadRequestError],
    [401, LlmAuthError],
  ])('of a %s answer keeps no terminal escape', async (status, type) => {
    server = await startScriptedServer([httpError(status, openAiError(HOSTILE, 'invalid_request_error'))]);
    const client = createChatClient({ baseUrl: server.url, apiKey: KEY, model: 'gpt-4.1' });
    let err: unknown;
    try {
      await client.complete({ messages });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(type);
    const msg = (err as Error).message;
    expect(controls(msg)).toEqual([]);
    expect(msg).toContain('boom \\u001b]0;pwned\\u0007\\u001b[2J \\u009b31m end');
  });
});
