/**
 * A secret the Coder's process holds must not leave it inside the change either: a test the model wrote
 * can read the key (for example from /proc) and write it, plain or encoded, into a source file.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuardianError } from '../../src/errors.js';
import { runCoder } from '../../src/stations/coder/index.js';
import { Redactor } from '../../src/stations/coder/redact.js';
import { callTool, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { llmFor, MINI_FILES, writeBundle } from './helpers.js';

const API_KEY = 'sk-proj-leakcanary0123456789abcdefXYZ';

describe('Redactor.fromEnv', () => {
  it('takes the credential inputs and credential URLs, not the task id, model or plain base URL', () => {
    const r = Redactor.fromEnv({
      'INPUT_TASK-ID': 'TASK-042-long',
      INPUT_MODEL: 'gpt-something-large',
      'INPUT_LLM-BASE-URL': 'http://127.0.0.1:8080/v1',
      'INPUT_LLM-API-KEY': 'sk-proj-abcdefgh12345678',
      PROXY_URL: 'https://user:hunter2hunter2@proxy.example/',
    });
    const text = r.literal(
      'TASK-042-long gpt-something-large http://127.0.0.1:8080/v1 sk-proj-abcdefgh12345678 https://user:hunter2hunter2@proxy.example/',
    );
    expect(text).toBe(
      'TASK-042-long gpt-something-large http://127.0.0.1:8080/v1 [REDACTED:input_llm-api-key] [REDACTED:proxy_url]',
    );
  });
});

describe('Redactor.leaks', () => {
  const r = new Redactor([{ value: API_KEY, label: 'api-key' }]);
  it('finds a secret plain, in hex and in base64 at any alignment', () => {
    expect(r.leaks(`const k = "${API_KEY}";`)).toEqual(['api-key']);
    expect(r.leaks(Buffer.from(API_KEY).toString('hex'))).toEqual(['api-key']);
    for (const prefix of ['', 'a', 'ab', 'abc', 'token=']) {
      const b64 = Buffer.from(prefix + API_KEY + '!').toString('base64');
      expect(r.leaks(`data = "${b64}"`)).toEqual(['api-key']);
      expect(r.leaks(b64.replace(/\+/g, '-').replace(/\//g, '_'))).toEqual(['api-key']);
    }
  });
  it('does not flag ordinary text', () => {
    expect(r.leaks('const k = process.env.OPENAI_API_KEY; // sk-proj-...')).toEqual([]);
    expect(r.leaks(Buffer.from('hello world, nothing here').toString('base64'))).toEqual([]);
  });
});

describe('a change carrying the API key', () => {
  let repo: TempRepo;
  let server: ScriptedServer;
  let failure: unknown;
  let bundleDir: string;
  const encoded = Buffer.from(`key:${API_KEY}`).toString('base64');
  const script = [
    callTool('write_file', { path: 'test/x.test.mjs', content: `export const blob = "${encoded}";\n` }),
    callTool('finish', { summary: 'done' }),
  ];

  beforeAll(async () => {
    repo = makeRepo(undefined, { files: MINI_FILES });
    bundleDir = writeBundle(repo, 'TASK-001', '## Notes\nnothing');
    server = await startScriptedServer(script);
    failure = await runCoder({
      root: repo.root,
      taskId: 'TASK-001',
      llm: llmFor(server, API_KEY),
      env: { ...process.env, OPENAI_API_KEY: API_KEY },
      budget: { maxTurns: script.length },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
  });
  afterAll(async () => {
    await server.close();
    repo.cleanup();
  });

  it('writes no changes.patch and fails with a message that names the secret, not its value', () => {
    expect(existsSync(join(bundleDir, 'changes.patch'))).toBe(false);
    expect(failure).toBeInstanceOf(GuardianError);
    expect((failure as Error).message).toMatch(/the change contains a secret \(api-key\), plain or encoded/);
    expect((failure as Error).message).not.toContain(API_KEY);
    expect(readFileSync(join(bundleDir, 'transcript.jsonl'), 'utf8')).toMatch(/contains a secret/);
  });
});

describe('tool output carrying an encoded secret', () => {
  let repo: TempRepo;
  let server: ScriptedServer;
  const hexTest = `import { it } from 'node:test';
it('prints', () => { console.log(Buffer.from(process.env.LEAK_ME ?? '${API_KEY}').toString('hex')); throw new Error('red'); });
`;
  const script = [
    callTool('write_file', { path: 'test/hex.test.mjs', content: hexTest }),
    callTool('run_tests', {}),
    callTool('finish', { summary: 'done' }),
  ];
  beforeAll(async () => {
    repo = makeRepo(undefined, { files: MINI_FILES });
    writeBundle(repo, 'TASK-001', '## Notes\nnothing');
    server = await startScriptedServer(script);
    await runCoder({
      root: repo.root,
      taskId: 'TASK-001',
      llm: llmFor(server, API_KEY),
      env: { ...process.env, OPENAI_API_KEY: API_KEY },
      budget: { maxTurns: script.length },
    }).catch(() => undefined);
  });
  afterAll(async () => {
    await server.close();
    repo.cleanup();
  });

  it('is withheld from the model', () => {
    const hex = Buffer.from(API_KEY).toString('hex');
    for (const r of server.requests) expect(r.raw).not.toContain(hex);
    expect(server.requests.map((r) => r.raw).join('\n')).toMatch(/output withheld: it contained a secret/);
  });
});
