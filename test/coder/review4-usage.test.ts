/**
 * A run whose changes.patch cannot be made (here: a test left a git repository without a commit in the
 * working tree, which `git add` refuses) fails — and the manifest still records the tokens the model
 * spent, which is where the Supervisor reads a station's usage from.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from '../../src/bundle/bundle.js';
import { runCoder } from '../../src/stations/coder/index.js';
import { callTool, reply, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { llmFor, MINI_FILES, writeBundle } from './helpers.js';

const USAGE = { prompt_tokens: 1000, completion_tokens: 100 };
const SPENT = { promptTokens: 4000, completionTokens: 400, cachedTokens: 0 };

describe('a run whose changes.patch cannot be written', () => {
  let repo: TempRepo;
  let server: ScriptedServer;
  afterAll(async () => {
    await server?.close();
    repo?.cleanup();
  });

  it('fails, and the manifest records the tokens spent', async () => {
    repo = makeRepo(undefined, {
      files: {
        ...MINI_FILES,
        'quality.toml':
          '[quality_checks]\ntests = "node --test test/*.test.mjs"\nnest = "git init -q nested"\n',
      },
    });
    const bundleDir = writeBundle(repo, 'TASK-001');
    server = await startScriptedServer([
      callTool('run_tests', { command: 'nest' }, { usage: USAGE }),
      reply('thinking', { usage: USAGE }),
      reply('thinking', { usage: USAGE }),
      reply('thinking', { usage: USAGE }),
    ]);
    await expect(
      runCoder({ root: repo.root, taskId: 'TASK-001', llm: llmFor(server), env: { ...process.env } }),
    ).rejects.toThrow(/nested/);
    expect(existsSync(join(repo.root, 'nested/.git'))).toBe(true);
    const m = readManifest(bundleDir, 'TASK-001');
    expect(m.stations.code).toMatchObject({ status: 'failed', usage: SPENT });
    expect(m.stations.code!.note).toMatch(/nested/);
    expect(m.usage).toMatchObject(SPENT);
    const report = JSON.parse(readFileSync(join(bundleDir, 'coder.json'), 'utf8'));
    expect(report.usage).toMatchObject(SPENT);
  }, 30_000);
});
