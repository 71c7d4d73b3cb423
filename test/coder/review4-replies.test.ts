/**
 * Replies of a model that are no use as they are: arguments of megabytes, a long conversation of large
 * writes, an answer with neither text nor a call, refusals, a content filter, an answer cut off by the
 * length limit. The run stays sound, the model is told what happened, and the context sent back stays
 * bounded — a refused call's megabytes are not paid for again on every turn.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { runCoder, type CoderResult } from '../../src/stations/coder/index.js';
import {
  callTool,
  callTools,
  startScriptedServer,
  type ScriptStep,
  type ScriptedServer,
} from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { llmFor, MINI_FILES, readJsonl, writeBundle } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Msg = any;
const USAGE = { usage: { prompt_tokens: 10, completion_tokens: 10 } };

let repo: TempRepo | undefined;
let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  repo?.cleanup();
  server = undefined;
  repo = undefined;
});

async function run(script: ScriptStep[]): Promise<{ result: CoderResult; bundleDir: string }> {
  repo = makeRepo(undefined, { files: MINI_FILES });
  const bundleDir = writeBundle(repo, 'TASK-001');
  server = await startScriptedServer(script);
  const result = await runCoder({
    root: repo.root,
    taskId: 'TASK-001',
    llm: llmFor(server),
    env: { ...process.env },
    budget: { maxTurns: script.length },
  });
  return { result, bundleDir };
}

const messagesOf = (request: number): Msg[] => server!.chatRequests()[request]!.body.messages as Msg[];

describe("the model's replies", () => {
  it('a refused call of megabytes is answered, and its arguments are not sent back in full', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    const { result } = await run([
      callTools(
        [
          { name: 'write_file', arguments: { path: 'test/big.test.mjs', content: big }, id: 'big' },
          { name: 'no_such_tool', arguments: { blob: big }, id: 'unknown' },
          { name: 'list_files', arguments: {}, id: 'small' },
        ],
        USAGE,
      ),
      callTool('list_files', {}, USAGE),
      callTool('list_files', {}, USAGE),
    ]);
    expect(result.stopReason).toBe('max_turns');
    const second = messagesOf(1);
    const tools = second.filter((m) => m.role === 'tool').map((m) => String(m.content));
    expect(tools[0]).toMatch(/content is larger than 1048576 bytes/);
    expect(tools[1]).toMatch(/unknown tool "no_such_tool"/);
    const calls = second.find((m) => m.role === 'assistant').tool_calls;
    // Still a JSON object each (the API wants one), saying what was left out.
    expect(JSON.parse(calls[0].function.arguments).elided).toMatch(/^3145\d+ characters of arguments/);
    expect(JSON.parse(calls[1].function.arguments).elided).toMatch(/characters of arguments/);
    expect(calls[2].function.arguments).toBe('{}');
    for (const r of server!.chatRequests().slice(1)) expect(r.raw.length).toBeLessThan(100_000);
  });

  it('a long conversation of large writes is compacted, arguments included', async () => {
    const chunk = (i: number) => `// ${i}\n` + 'y'.repeat(60_000) + '\n';
    const turns = 14;
    await run(
      Array.from({ length: turns }, (_, i) =>
        callTool('write_file', { path: `test/f${i}.test.mjs`, content: chunk(i) }, USAGE),
      ),
    );
    const last = messagesOf(turns - 1);
    const assistants = last.filter((m) => m.role === 'assistant');
    expect(assistants).toHaveLength(turns - 1);
    expect(JSON.parse(assistants[0].tool_calls[0].function.arguments).elided).toMatch(
      /elided to save context/,
    );
    // The recent writes are still there in full.
    expect(JSON.parse(assistants.at(-1).tool_calls[0].function.arguments).content).toBe(chunk(turns - 2));
    expect(server!.chatRequests().at(-1)!.raw.length).toBeLessThan(500_000);
  });

  it('an answer with neither text nor a call is sent back with text, as the API requires', async () => {
    const { result } = await run([
      { kind: 'reply', content: null, ...USAGE },
      { kind: 'reply', content: '', ...USAGE },
      callTool('list_files', {}, USAGE),
    ]);
    expect(result.stopReason).toBe('max_turns');
    for (const m of messagesOf(2).filter((x) => x.role === 'assistant')) {
      if (!m.tool_calls?.length) expect(typeof m.content === 'string' && m.content !== '').toBe(true);
    }
  });

  it('a refusal is named in the stop message and kept in the transcript', async () => {
    const refusal = (text: string): ScriptStep => ({
      kind: 'raw',
      body: JSON.stringify({
        id: 'r',
        object: 'chat.completion',
        created: 0,
        model: 'gpt-4.1',
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: { role: 'assistant', content: null, refusal: text },
          },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }),
    });
    const { result, bundleDir } = await run([
      refusal("I'm sorry, I can't help with that."),
      refusal("I'm sorry, I can't help with that."),
      refusal("I'm sorry, I can't help with that.\u001b[2J"),
    ]);
    expect(result.stopReason).toBe('model_stopped');
    expect(result.message).toBe(
      "the model answered 3 times in a row without using a tool; it refused: I'm sorry, I can't help with that.\\u001b[2J",
    );
    const models = readJsonl(join(bundleDir, 'transcript.jsonl')).filter((e) => e.type === 'model');
    expect(models[0]).toMatchObject({ refusal: "I'm sorry, I can't help with that." });
    // The model sees its own refusal as its answer, not an empty message.
    expect(messagesOf(1).at(-2)).toEqual({
      role: 'assistant',
      content: "I'm sorry, I can't help with that.",
    });
  });

  it("a content filter's empty answers end the run saying so", async () => {
    const { result } = await run([
      { kind: 'reply', content: null, finishReason: 'content_filter', ...USAGE },
      { kind: 'reply', content: null, finishReason: 'content_filter', ...USAGE },
      { kind: 'reply', content: null, finishReason: 'content_filter', ...USAGE },
    ]);
    expect(result.stopReason).toBe('model_stopped');
    expect(result.message).toMatch(/content filter withheld its reply/);
  });

  it('a call cut off by the length limit gets an error that says so', async () => {
    await run([
      callTool('write_file', '{"path":"test/cut.test.mjs","content":"import', {
        finishReason: 'length',
        ...USAGE,
      }),
      callTool('list_files', {}, USAGE),
    ]);
    const tool = messagesOf(1).find((m) => m.role === 'tool');
    expect(tool.content).toMatch(/not valid JSON/);
    expect(tool.content).toMatch(/cut off by the length limit/);
  });
});
