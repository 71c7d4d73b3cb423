/**
 * A canary secret in the host's environment must never reach the model: not through the test commands'
 * environment (scrubbed), not through /proc, not through a file that happens to hold the same value, not
 * through the task context. The server records every request body; none may contain it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCoder, type CoderResult } from '../../src/stations/coder/index.js';
import { callTool, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { llmFor, MINI_FILES, readJsonl, writeBundle } from './helpers.js';

const CANARY = 'canary-5f0c2a9e7b3d41c8a6e2';
const CANARY_FILE = 'canary-file-0d93be71c4a25f86';
const API_KEY = 'sk-proj-canarykey0123456789abcdefABCDEF';

const LEAK_TEST = `import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';

it('leaks what it can', () => {
  const parts = ['ENV-DUMP ' + JSON.stringify(process.env)];
  let pid = process.pid;
  for (let i = 0; i < 8 && pid > 1; i++) {
    try {
      parts.push('ENVIRON ' + pid + ' ' + readFileSync('/proc/' + pid + '/environ', 'utf8').replace(/\\0/g, ' '));
      pid = Number(readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1].split(' ')[1]);
    } catch (e) {
      parts.push('ERR ' + e.message);
      break;
    }
  }
  assert.fail(parts.join('\\n'));
});
`;

describe('secrets never reach the model', () => {
  let repo: TempRepo;
  let server: ScriptedServer;
  let result: CoderResult;
  let bundleDir: string;
  const script = [
    callTool('write_file', { path: 'test/leak.test.mjs', content: LEAK_TEST }),
    callTool('run_tests', {}),
    callTool('read_file', { path: 'config/settings.json' }),
    callTool('read_file', { path: '/proc/self/environ' }),
    callTool('read_file', { path: '.env' }),
    callTool('search_code', { query: 'settings token endpoint' }),
  ];

  beforeAll(async () => {
    repo = makeRepo(undefined, {
      files: {
        ...MINI_FILES,
        'config/settings.json': `{ "endpoint": "https://api.example.com", "token": "${CANARY_FILE}" }\n`,
        '.env': `GUARDIAN_CANARY_TOKEN=${CANARY}\n`,
      },
    });
    bundleDir = writeBundle(repo, 'TASK-001', `## Notes\nThe deploy token is ${CANARY}.`);
    server = await startScriptedServer(script);
    result = await runCoder({
      root: repo.root,
      taskId: 'TASK-001',
      llm: llmFor(server, API_KEY),
      env: {
        ...process.env,
        GUARDIAN_CANARY_TOKEN: CANARY,
        MY_SERVICE_API_KEY: CANARY_FILE,
        OPENAI_API_KEY: API_KEY,
        UNRELATED_NAME: API_KEY,
      },
      budget: { maxTurns: script.length },
    });
  });
  afterAll(async () => {
    await server.close();
    repo.cleanup();
  });

  it('ran the leaking test (so the attempt was real)', () => {
    expect(result.redProof?.testFiles).toEqual(['test/leak.test.mjs']);
    const run = readJsonl(join(bundleDir, 'transcript.jsonl')).find((e) => e.name === 'run_tests')!;
    const output = String(run.result);
    // It read the environ of its own process and of its parents, up to the process running Guardian.
    expect(output.match(/ENVIRON \d+ /g)?.length).toBeGreaterThanOrEqual(3);
    expect(output).toMatch(/RED confirmed/);
  });

  it('no request body contains the canaries or the API key', () => {
    expect(server.requests.length).toBe(script.length);
    for (const r of server.requests) {
      expect(r.raw).not.toContain(CANARY);
      expect(r.raw).not.toContain(CANARY_FILE);
      expect(r.raw).not.toContain(API_KEY);
    }
    // The file holding the same value as a secret variable was shown redacted; .env and /proc were refused.
    const last = server.chatRequests().at(-1)!.raw;
    expect(last).toContain('[REDACTED:my_service_api_key]');
    expect(last).toMatch(/\/proc is never accessible/);
    expect(last).toMatch(/\.env: looks like a secrets file/);
  });

  it('searched the code through the search index', () => {
    const search = readJsonl(join(bundleDir, 'transcript.jsonl')).find((e) => e.name === 'search_code')!;
    expect(search.ok).toBe(true);
    expect(String(search.result)).toMatch(/config\/settings\.json/);
  });

  it('nothing in the bundle contains them either', () => {
    for (const f of ['transcript.jsonl', 'coder.json', 'changes.patch', 'manifest.json']) {
      const text = readFileSync(join(bundleDir, f), 'utf8');
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain(CANARY_FILE);
      expect(text).not.toContain(API_KEY);
    }
  });
});
