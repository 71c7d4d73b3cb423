/** Every way a run can end badly still leaves changes.patch, transcript.jsonl, coder.json and a manifest record. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest, verifyBundle } from '../../src/bundle/bundle.js';
import { runCoder, type CoderReport, type RunCoderOptions } from '../../src/stations/coder/index.js';
import type { ValidationReport } from '../../src/stations/validator/types.js';
import { writeBundleFile } from '../../src/bundle/bundle.js';
import {
  callTool,
  hang,
  httpError,
  openAiError,
  rawBody,
  reply,
  startScriptedServer,
  type Script,
  type ScriptedServer,
} from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { llmFor, MINI_FILES, readJsonl, writeBundle } from './helpers.js';

let repo: TempRepo | undefined;
let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  repo?.cleanup();
  server = undefined;
  repo = undefined;
});

async function run(script: Script, opts: Partial<RunCoderOptions> = {}) {
  repo = makeRepo(undefined, { files: MINI_FILES });
  const bundleDir = writeBundle(repo, 'TASK-001');
  server = await startScriptedServer(script);
  const result = await runCoder({
    root: repo.root,
    taskId: 'TASK-001',
    llm: llmFor(server),
    env: { ...process.env },
    ...opts,
  });
  const report = JSON.parse(readFileSync(join(bundleDir, 'coder.json'), 'utf8')) as CoderReport;
  const transcript = readJsonl(join(bundleDir, 'transcript.jsonl'));
  const manifest = readManifest(bundleDir, 'TASK-001');
  expect(existsSync(join(bundleDir, 'changes.patch'))).toBe(true);
  expect(verifyBundle(bundleDir)).toEqual([]);
  return { result, report, transcript, manifest, bundleDir, repo, server };
}

const NEW_TEST = (n: number) =>
  `import assert from 'node:assert/strict';\nimport { it } from 'node:test';\nit('loop ${n}', () => assert.ok(true));\n`;

describe('Coder stop reasons', () => {
  it('returns malformed tool calls to the model as errors and never crashes', async () => {
    const { result, transcript } = await run(
      [
        callTool('read_file', '{"path": "src/add.mjs"'),
        callTool('read_file', '[1, 2]'),
        callTool('no_such_tool', {}),
        callTool('read_file', {}),
        callTool('read_file', { path: 'src/add.mjs', start_line: 'x' }),
        callTool('edit_file', { path: 'test/add.test.mjs', old_string: 'no such text', new_string: 'x' }),
        callTool('edit_file', { path: 'test/add.test.mjs', old_string: 'assert', new_string: 'ASSERT' }),
        callTool('edit_file', { path: 'test/add.test.mjs', old_string: 'import {  it }', new_string: 'x' }),
        callTool('write_file', { path: 'test/x.test.mjs', content: 42 }),
        reply('I think I am done.'),
        reply('Really done.'),
        reply('Done!'),
      ],
      { budget: { maxTurns: 30 } },
    );
    const results = transcript.filter((e) => e.type === 'tool').map((e) => String(e.result));
    expect(results[0]).toMatch(/arguments of read_file are not valid JSON/);
    expect(results[1]).toMatch(/must be a JSON object/);
    expect(results[2]).toMatch(/unknown tool "no_such_tool". Available tools: list_files, read_file/);
    expect(results[3]).toMatch(/missing required argument "path"/);
    expect(results[4]).toMatch(/"start_line" must be a positive integer/);
    expect(results[5]).toMatch(/old_string not found/);
    expect(results[6]).toMatch(/ambiguous: \d+ matches \(lines 1, /);
    expect(results[7]).toMatch(/different whitespace/);
    expect(results[8]).toMatch(/"content" must be a string/);
    // Replies without tool calls get a nudge, then the run ends.
    const nudges = server!
      .chatRequests()[10]!
      .body.messages.filter((m: { role: string }) => m.role === 'user');
    expect(nudges.at(-1).content).toMatch(/Continue by calling the tools/);
    expect(result.stopReason).toBe('model_stopped');
    expect(readFileSync(join(repo!.root, 'test/add.test.mjs'), 'utf8')).toBe(MINI_FILES['test/add.test.mjs']);
  });

  it('tolerates servers that send object arguments and no call ids', async () => {
    const body = JSON.stringify({
      id: 'x',
      object: 'chat.completion',
      created: 0,
      model: 'local',
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [
              { type: 'function', function: { name: 'read_file', arguments: { path: 'src/add.mjs' } } },
            ],
          },
        },
      ],
    });
    const { transcript } = await run([rawBody(body)], { budget: { maxTurns: 2 } });
    const tool = transcript.find((e) => e.type === 'tool')!;
    expect(tool).toMatchObject({ name: 'read_file', ok: true, id: 'call_1_0' });
    const second = server!.chatRequests()[1]!.body.messages;
    expect(second.at(-2).tool_calls[0]).toMatchObject({
      id: 'call_1_0',
      function: { arguments: '{"path":"src/add.mjs"}' },
    });
    expect(second.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_1_0' });
  });

  it('stops a runaway loop with the turn budget and keeps the work in changes.patch', async () => {
    let n = 0;
    const { result, report, manifest, bundleDir, transcript } = await run(
      () => {
        n += 1;
        return callTool('write_file', { path: `test/loop_${n}.test.mjs`, content: NEW_TEST(n) });
      },
      { budget: { maxTurns: 4 } },
    );
    expect(result.stopReason).toBe('max_turns');
    expect(result.ok).toBe(false);
    expect(result.turns).toBe(4);
    expect(server!.chatRequests()).toHaveLength(4);
    const patch = readFileSync(join(bundleDir, 'changes.patch'), 'utf8');
    for (const i of [1, 2, 3, 4]) expect(patch).toContain(`+++ b/test/loop_${i}.test.mjs`);
    expect(result.changedFiles).toHaveLength(4);
    expect(report).toMatchObject({
      stopReason: 'max_turns',
      message: expect.stringMatching(/turn budget exhausted/),
    });
    expect(manifest.stations.code).toMatchObject({ status: 'failed', stopReason: 'max_turns' });
    expect(manifest.usage.promptTokens).toBeGreaterThan(0);
    expect(transcript.at(-1)).toMatchObject({ type: 'stop', reason: 'max_turns' });
  });

  it('ends as incomplete when the model keeps finishing with failing tests', async () => {
    const failing = NEW_TEST(1).replace('assert.ok(true)', 'assert.ok(false)');
    const { result, report } = await run(
      [
        callTool('write_file', { path: 'test/mul.test.mjs', content: failing }),
        callTool('run_tests', { command: 'tests' }),
        callTool('finish', { summary: 'done' }),
        callTool('run_tests', {}),
        callTool('finish', { summary: 'done' }),
        callTool('finish', { summary: 'really done' }),
      ],
      { budget: { maxTurns: 20 } },
    );
    expect(result.redProof?.command).toBe('node --test test/*.test.mjs');
    expect(result.stopReason).toBe('incomplete');
    expect(report.testRuns.map((r) => [r.phase, r.passed])).toEqual([
      ['red', false],
      ['green', false],
    ]);
  });

  it('stops on the token budget', async () => {
    const { result } = await run(
      () => callTool('list_files', {}, { usage: { prompt_tokens: 600, completion_tokens: 10 } }),
      {
        budget: { maxTokens: 1500 },
      },
    );
    expect(result.stopReason).toBe('token_budget');
    expect(result.turns).toBe(3);
  });

  it('stops on the cost budget', async () => {
    // gpt-4.1: 100k prompt tokens = $0.20 a turn
    const { result, report } = await run(
      () => callTool('list_files', {}, { usage: { prompt_tokens: 100_000, completion_tokens: 0 } }),
      {
        budget: { maxCostUsd: 0.5 },
      },
    );
    expect(result.stopReason).toBe('cost_budget');
    expect(result.usage.costUsd).toBeCloseTo(0.6, 6);
    expect(report.priced).toBe(true);
  });

  it('ends cleanly after repeated 500s', async () => {
    const { result, manifest, transcript } = await run(
      () => httpError(500, openAiError('The server had an error', 'server_error'), { 'retry-after-ms': '1' }),
      { maxRetries: 2 },
    );
    expect(result.stopReason).toBe('llm_error');
    expect(result.message).toMatch(/failed with 500 after 3 attempt/);
    expect(server!.chatRequests()).toHaveLength(3);
    expect(manifest.stations.code).toMatchObject({ status: 'failed', stopReason: 'llm_error' });
    expect(transcript.at(-1)).toMatchObject({ type: 'stop', reason: 'llm_error' });
  });

  it('fails fast on a bad key', async () => {
    repo = makeRepo(undefined, { files: MINI_FILES });
    writeBundle(repo, 'TASK-001');
    server = await startScriptedServer([], { apiKey: 'the-right-key' });
    const result = await runCoder({
      root: repo.root,
      taskId: 'TASK-001',
      llm: llmFor(server, 'sk-wrong-key-123456789'),
      env: {},
    });
    expect(result.stopReason).toBe('llm_error');
    expect(result.message).toMatch(/rejected the API key \(401/);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 429 with retry-after, then goes on', async () => {
    const { transcript } = await run(
      [
        httpError(429, openAiError('Rate limit reached', 'requests', 'rate_limit_exceeded'), {
          'retry-after': '1',
        }),
        callTool('list_files', {}),
      ],
      { budget: { maxTurns: 1 } },
    );
    const model = transcript.find((e) => e.type === 'model')!;
    expect(model.httpAttempts).toBe(2);
    expect(transcript.find((e) => e.type === 'tool')).toMatchObject({ name: 'list_files', ok: true });
  });

  it('stops a hanging server with the request timeout', async () => {
    const { result } = await run(() => hang(), { requestTimeoutMs: 300, maxRetries: 0 });
    expect(result.stopReason).toBe('llm_error');
    expect(result.message).toMatch(/no answer from the model server .* within/);
  });

  it('stops a hanging server with the wall-time budget', async () => {
    const { result, report } = await run(() => hang(), { budget: { maxWallSeconds: 1 } });
    expect(result.stopReason).toBe('time_budget');
    expect(report.message).toMatch(/time budget exhausted/);
  });

  it('stops when the host aborts (SIGINT) and still writes the outputs', async () => {
    const ac = new AbortController();
    let calls = 0;
    const pending = run(
      () => {
        calls += 1;
        if (calls === 1) return callTool('write_file', { path: 'test/wip.test.mjs', content: NEW_TEST(1) });
        setTimeout(() => ac.abort(), 20);
        return hang();
      },
      { signal: ac.signal },
    );
    const { result, bundleDir } = await pending;
    expect(result.stopReason).toBe('aborted');
    expect(readFileSync(join(bundleDir, 'changes.patch'), 'utf8')).toContain('+++ b/test/wip.test.mjs');
  });

  it('without a model, records no_model and explains the by-hand flow', async () => {
    repo = makeRepo(undefined, { files: MINI_FILES });
    const bundleDir = writeBundle(repo, 'TASK-001');
    const result = await runCoder({ root: repo.root, taskId: 'TASK-001' });
    expect(result.stopReason).toBe('no_model');
    expect(result.instructions).toMatch(/\.guardian\/bundles\/TASK-001\/task_context\.md/);
    expect(result.instructions).toMatch(/guardian run TASK-001 --resume/);
    expect(readManifest(bundleDir, 'TASK-001').stations.code).toMatchObject({
      status: 'skipped',
      stopReason: 'no_model',
    });
  });

  it('feeds the Validator report into the next attempt and starts in phase green', async () => {
    repo = makeRepo(undefined, { files: MINI_FILES });
    const bundleDir = writeBundle(repo, 'TASK-001');
    server = await startScriptedServer([
      callTool('write_file', {
        path: 'test/mul.test.mjs',
        content: NEW_TEST(1).replace('assert.ok(true)', 'assert.ok(false)'),
      }),
      callTool('run_tests', {}),
    ]);
    const first = await runCoder({
      root: repo.root,
      taskId: 'TASK-001',
      llm: llmFor(server),
      env: { ...process.env },
      budget: { maxTurns: 2 },
    });
    expect(first.phase).toBe('green');
    expect(first.redProof?.testFiles).toEqual(['test/mul.test.mjs']);
    await server.close();

    const validation: ValidationReport = {
      schemaVersion: 1,
      taskId: 'TASK-001',
      verdict: 'fail',
      baseCommit: repo.git('rev-parse', 'HEAD'),
      patchSha256: first.patchSha256!,
      patchSource: 'bundle',
      judgedIn: 'clean-worktree',
      changedFiles: ['test/mul.test.mjs'],
      startedAt: new Date().toISOString(),
      durationMs: 10,
      summary: 'fail: tests',
      checks: [
        {
          name: 'tests',
          kind: 'quality',
          command: 'node --test test/*.test.mjs',
          exitCode: 1,
          durationMs: 5,
          outcome: 'fail',
          outputTail: 'not ok 1 - loop 1',
          diagnostics: [
            { file: 'test/mul.test.mjs', line: 3, message: 'AssertionError: false == true', tool: 'node' },
          ],
        },
      ],
    };
    writeBundleFile(bundleDir, 'validation.json', JSON.stringify(validation));
    // A fresh checkout (the split workflow): the previous attempt's work comes back from changes.patch.
    repo.git('clean', '-fdq', '-e', '.guardian');
    server = await startScriptedServer([callTool('list_files', {})]);
    const second = await runCoder({
      root: repo.root,
      taskId: 'TASK-001',
      llm: llmFor(server),
      env: { ...process.env },
      attempt: 2,
      budget: { maxTurns: 1 },
    });
    const msgs = server.chatRequests()[0]!.body.messages;
    expect(msgs[1].content).toMatch(
      /attempt 2[\s\S]*<validator_report>[\s\S]*test\/mul\.test\.mjs:3: AssertionError/,
    );
    expect(msgs[0].content).toMatch(/Phase RED \(already done in an earlier attempt\)/);
    expect(second.phase).toBe('green');
    expect(existsSync(join(repo.root, 'test/mul.test.mjs'))).toBe(true);
    const report = JSON.parse(readFileSync(join(bundleDir, 'coder.json'), 'utf8')) as CoderReport;
    expect(report.attempt).toBe(2);
    expect(report.history.map((h) => h.attempt)).toEqual([1]);
    const transcript = readJsonl(join(bundleDir, 'transcript.jsonl'));
    expect(new Set(transcript.map((e) => e.attempt))).toEqual(new Set([1, 2]));
    await expect(
      runCoder({ root: repo.root, taskId: 'TASK-001', llm: llmFor(server), attempt: 4, maxAttempts: 3 }),
    ).rejects.toThrow(/attempt 4 is more than the configured maximum of 3/);
  });
});
