import { afterEach, describe, expect, it } from '@jest/globals';
import { readManifest } from '../../src/bundle/bundle.js';
import { callTool, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { MINI_FILES, writeBundle } from './helpers.js';

let repo: TempRepo | undefined;
let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  repo?.cleanup();
  repo = undefined;
  server = undefined;
});

const baseEnv = () => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (/^(OPENAI_|GUARDIAN_)/.test(k)) delete env[k];
  return env;
};

const MUL_TEST = `import assert from 'node:assert/strict';
import { it } from 'node:test';
import { mul } from '../src/mul.mjs';

it('multiplies', () => assert.equal(mul(3, 4), 12));
`;

describe('guardian code', () => {
  it('without a model, says where the bundle is and how to continue by hand (exit 0)', async () => {
    repo = makeRepo(undefined, { files: MINI_FILES });
    const bundleDir = writeBundle(repo, 'TASK-001');
    const r = await runCli(['code', 'TASK-001', '--root', repo.root], { env: baseEnv() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No model is configured/);
    expect(r.stdout).toMatch(/\.guardian\/bundles\/TASK-001\/task_context\.md/);
    expect(r.stdout).toMatch(/guardian run TASK-001 --resume/);
    expect(r.stdout).toMatch(/set GUARDIAN_MODEL/);
    expect(readManifest(bundleDir, 'TASK-001').stations.code?.stopReason).toBe('no_model');
  });

  it('runs red → green against the server named by the environment and exits 0', async () => {
    repo = makeRepo(undefined, { files: MINI_FILES });
    writeBundle(repo, 'TASK-001');
    server = await startScriptedServer(
      [
        callTool('write_file', { path: 'test/mul.test.mjs', content: MUL_TEST }),
        callTool('run_tests', {}),
        callTool('write_file', {
          path: 'src/mul.mjs',
          content: 'export function mul(a, b) {\n  return a * b;\n}\n',
        }),
        callTool('run_tests', {}),
        callTool('finish', { summary: 'Added mul(a, b) with a test.' }),
      ],
      { apiKey: 'sk-cli-test-key-123456' },
    );
    const env = {
      ...baseEnv(),
      GUARDIAN_MODEL: 'gpt-4.1-mini',
      OPENAI_BASE_URL: server.url,
      OPENAI_API_KEY: 'sk-cli-test-key-123456',
    };
    const r = await runCli(['code', 'TASK-001', '--root', repo.root, '--max-turns', '10'], { env });
    expect(r.stderr).toMatch(/model gpt-4.1-mini at http:\/\/127\.0\.0\.1/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/TASK-001 attempt 1: finished/);
    expect(r.stdout).toMatch(
      /red: {3}`node --test test\/\*\.test\.mjs` failed \(exit 1\) with test\/mul\.test\.mjs/,
    );
    expect(r.stdout).toMatch(/changed: src\/mul\.mjs, test\/mul\.test\.mjs/);
    expect(r.stdout).toMatch(/next: guardian validate TASK-001/);
    expect(server.chatRequests()[0]!.body.model).toBe('gpt-4.1-mini');
  });

  it('reports a budget stop as JSON with exit 1; --model wins over the environment', async () => {
    repo = makeRepo(undefined, { files: MINI_FILES });
    writeBundle(repo, 'TASK-001');
    server = await startScriptedServer(() => callTool('list_files', {}));
    const env = {
      ...baseEnv(),
      GUARDIAN_MODEL: 'gpt-4.1',
      OPENAI_BASE_URL: server.url,
      OPENAI_API_KEY: 'sk-x-123456789',
    };
    const r = await runCli(
      ['code', 'TASK-001', '--root', repo.root, '--max-turns', '2', '--model', 'o4-mini', '--json'],
      { env },
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      schemaVersion: 1,
      stopReason: 'max_turns',
      turns: 2,
      model: 'o4-mini',
      ok: false,
    });
    expect(server.chatRequests()[0]!.body.model).toBe('o4-mini');
  });

  it('rejects bad numbers and too many attempts', async () => {
    repo = makeRepo(undefined, { files: MINI_FILES });
    writeBundle(repo, 'TASK-001');
    const bad = await runCli(['code', 'TASK-001', '--root', repo.root, '--max-turns', 'lots'], {
      env: baseEnv(),
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-turns lots: expected a whole number/);
    const many = await runCli(['code', 'TASK-001', '--root', repo.root, '--attempt', '5'], {
      env: baseEnv(),
    });
    expect(many.code).toBe(1);
    expect(many.stderr).toMatch(/attempt 5 is more than the configured maximum of 3/);
    const missing = await runCli(['code', 'TASK-009', '--root', repo.root], { env: baseEnv() });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no Task Bundle|run `guardian bundle TASK-009`/);
  });
});
