/**
 * One model reply may carry any number of tool calls. Only MAX_TOOL_CALLS_PER_REPLY are run, and no
 * more once their results reach MAX_TOOL_RESULT_CHARS_PER_REPLY; every other call is answered with a
 * one-line "not run" (the API wants an answer to every tool_call id), recorded once in the transcript.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import {
  MAX_TOOL_CALLS_PER_REPLY,
  MAX_TOOL_RESULT_CHARS_PER_REPLY,
  runCoder,
} from '../../src/stations/coder/index.js';
import { callTool, callTools, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { llmFor, MINI_FILES, readJsonl, writeBundle } from './helpers.js';

// 250 lines of 100 characters: one read_file window is about 27,000 characters.
const BIG = Array.from({ length: 250 }, (_, i) => `line ${i} ` + 'abcdefghij'.repeat(9)).join('\n') + '\n';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Msg = any;

describe('tool calls per reply', () => {
  let repo: TempRepo;
  let server: ScriptedServer;
  let bundleDir: string;
  const N = 100;
  beforeAll(async () => {
    repo = makeRepo(undefined, { files: { ...MINI_FILES, 'src/big.txt': BIG } });
    bundleDir = writeBundle(repo, 'TASK-001', '## Notes\nnothing');
    const script = [
      callTools(Array.from({ length: N }, (_, i) => ({ name: 'list_files', arguments: {}, id: `many${i}` }))),
      callTools(
        Array.from({ length: 20 }, (_, i) => ({
          name: 'read_file',
          arguments: { path: 'src/big.txt' },
          id: `big${i}`,
        })),
      ),
      callTool('list_files', {}),
    ];
    server = await startScriptedServer(script);
    await runCoder({
      root: repo.root,
      taskId: 'TASK-001',
      llm: llmFor(server),
      env: { ...process.env },
      budget: { maxTurns: script.length },
    });
  });
  afterAll(async () => {
    await server.close();
    repo.cleanup();
  });

  const answers = (request: number, prefix: string): string[] =>
    (server.chatRequests()[request]!.body.messages as Msg[])
      .filter((m) => m.role === 'tool' && String(m.tool_call_id).startsWith(prefix))
      .map((m) => String(m.content));

  it(`runs the first ${MAX_TOOL_CALLS_PER_REPLY} calls of a reply and answers every other one "not run"`, () => {
    const a = answers(1, 'many');
    expect(a).toHaveLength(N);
    expect(a.slice(0, MAX_TOOL_CALLS_PER_REPLY).every((c) => /file\(s\):/.test(c))).toBe(true);
    expect(a.slice(MAX_TOOL_CALLS_PER_REPLY)).toEqual(
      Array(N - MAX_TOOL_CALLS_PER_REPLY).fill(
        `not run: too many tool calls in one reply (limit ${MAX_TOOL_CALLS_PER_REPLY})`,
      ),
    );
  });

  it('stops running a reply’s calls once their results reach the character limit', () => {
    const a = answers(2, 'big');
    expect(a).toHaveLength(20);
    const ran = a.filter((c) => c.startsWith('src/big.txt (lines'));
    const total = ran.reduce((n, c) => n + c.length, 0);
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.length).toBeLessThan(20);
    expect(total - ran.at(-1)!.length).toBeLessThan(MAX_TOOL_RESULT_CHARS_PER_REPLY);
    expect(a.slice(ran.length).every((c) => /^not run: this reply's tool results reached/.test(c))).toBe(
      true,
    );
  });

  it('keeps the transcript small: one line for the calls not run, a bounded list of calls', () => {
    const events = readJsonl(join(bundleDir, 'transcript.jsonl'));
    const tools = events.filter((e) => e.type === 'tool' && e.turn === 1);
    expect(tools).toHaveLength(MAX_TOOL_CALLS_PER_REPLY);
    expect(events.find((e) => e.type === 'tools_not_run' && e.turn === 1)).toMatchObject({
      count: N - MAX_TOOL_CALLS_PER_REPLY,
    });
    const model = events.find((e) => e.type === 'model' && e.turn === 1)!;
    expect(model.toolCalls).toHaveLength(MAX_TOOL_CALLS_PER_REPLY);
    expect(model.toolCallsNotListed).toBe(N - MAX_TOOL_CALLS_PER_REPLY);
  });
});
