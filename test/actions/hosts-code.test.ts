/**
 * The code and line actions (sources, in process) when the model fails: one ::error:: naming the stop
 * reason and the model's error, exit 1, and no patch outputs for a change that is not there.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as bundle } from '../../src/actions/bundle/main.js';
import { run as code } from '../../src/actions/code/main.js';
import { run as line } from '../../src/actions/line/main.js';
import { startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import type { TempRepo } from '../support/repo.js';
import { errorCommands, greetingRepo } from './harness.js';
import { runSource, STACK } from './hosts-harness.js';

const KEY = 'sk-test-hosts-0123456789abcdef0123';
let repo: TempRepo;
let server: ScriptedServer;
let saved: string;

/** A 127.0.0.1 port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

beforeAll(async () => {
  repo = greetingRepo();
  server = await startScriptedServer([], { apiKey: KEY });
  const b = await runSource(bundle, { cwd: repo.root, inputs: { 'task-id': 'TASK-900', prestart: 'false' } });
  expect(errorCommands(b)).toEqual([]);
  saved = mkdtempSync(join(tmpdir(), 'guardian-hosts-bundle-'));
  cpSync(join(repo.root, '.guardian/bundles/TASK-900'), saved, { recursive: true });
});
afterAll(async () => {
  await server?.close();
  repo?.cleanup();
  if (saved) rmSync(saved, { recursive: true, force: true });
});

/** Each run starts from the bundle as the bundle job left it. */
function freshBundle(): void {
  const dir = join(repo.root, '.guardian/bundles/TASK-900');
  rmSync(dir, { recursive: true, force: true });
  cpSync(saved, dir, { recursive: true });
}

const EMPTY_SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

test('code: a model that answers 401 fails the step with one error naming the stop reason and the cause', async () => {
  freshBundle();
  const r = await runSource(code, {
    cwd: repo.root,
    inputs: {
      'task-id': 'TASK-900',
      model: 'gpt-test',
      'llm-base-url': server.url,
      'llm-api-key': 'sk-wrong-key-0123456789abcdef0123',
    },
  });
  expect(r.code).toBe(1);
  const errors = errorCommands(r);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(
    /^::error::TASK-900: the Coder produced no change: it stopped with llm_error: .+/,
  );
  expect(errors[0]).toMatch(
    /rejected the API key \(401: Incorrect API key provided\.\); check the action's 'llm-api-key' input/,
  );
  expect(r.stdout).not.toMatch(STACK);
  expect(r.outputs['patch-sha256']).toBeUndefined();
  expect(r.outputs['changed-files']).toBeUndefined();
  expect(r.outputs['stop-reason']).toBe('llm_error');
  expect(Object.values(r.outputs)).not.toContain(EMPTY_SHA);
  // One attempt: a model that refuses the key is not asked again.
  expect(r.summary).toMatch(/\| 1 \| llm_error \|/);
  expect(r.summary).not.toMatch(/\| 2 \| llm_error \|/);
});

test('code: an unreachable model server fails the step the same way', async () => {
  freshBundle();
  const r = await runSource(code, {
    cwd: repo.root,
    inputs: {
      'task-id': 'TASK-900',
      model: 'gpt-test',
      'llm-base-url': `http://127.0.0.1:${await closedPort()}/v1`,
      'llm-api-key': KEY,
      'max-attempts': '1',
    },
  });
  expect(r.code).toBe(1);
  const errors = errorCommands(r);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(
    /^::error::TASK-900: the Coder produced no change: it stopped with llm_error: cannot reach the model server at http:\/\/127\.0\.0\.1:\d+\/v1/,
  );
  expect(r.stdout).not.toMatch(STACK);
  expect(r.outputs['patch-sha256']).toBeUndefined();
  expect(r.outputs['changed-files']).toBeUndefined();
}, 180_000);

test('line: a model that answers 401 fails with no patch output of an empty change', async () => {
  rmSync(join(repo.root, '.guardian'), { recursive: true, force: true });
  const r = await runSource(line, {
    cwd: repo.root,
    inputs: {
      'task-id': 'TASK-900',
      model: 'gpt-test',
      'llm-base-url': server.url,
      'llm-api-key': 'sk-wrong-key-0123456789abcdef0123',
      'max-attempts': '1',
      push: 'false',
    },
  });
  expect(r.code).toBe(1);
  const errors = errorCommands(r);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^::error::TASK-900: failed: .*failed at code: .*rejected the API key \(401/);
  // The key came from the input, not from an OPENAI_API_KEY the user set: the message says so.
  expect(errors[0]).toMatch(/rejected the API key \(401: [^)]*\); check the action's 'llm-api-key' input/);
  expect(r.stdout).not.toMatch(STACK);
  expect(r.outputs.outcome).toBe('failed');
  expect(r.outputs['patch-sha256'] ?? '').toBe('');
  expect(r.outputs['commit-sha'] ?? '').toBe('');
  expect(Object.values(r.outputs)).not.toContain(EMPTY_SHA);
}, 180_000);
