/** Model settings that cannot work stop `guardian code` with one message naming where they came from. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { MINI_FILES, writeBundle } from '../coder/helpers.js';

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

describe('guardian code with model settings that cannot work', () => {
  it('names the variable holding a key with a line break, never the key, and sends nothing', async () => {
    repo = makeRepo(undefined, { files: MINI_FILES });
    writeBundle(repo, 'TASK-001');
    server = await startScriptedServer([]);
    const key = 'sk-cli-secret-0123456789abcdef';
    const r = await runCli(['code', 'TASK-001', '--root', repo.root], {
      env: {
        ...baseEnv(),
        GUARDIAN_MODEL: 'gpt-4.1',
        OPENAI_BASE_URL: server.url,
        OPENAI_API_KEY: `${key}\nsk-second-line`,
      },
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/OPENAI_API_KEY: the API key contains a line break/);
    expect(r.stderr + r.stdout).not.toContain(key);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(server.requests).toHaveLength(0);
  });

  it('names the variable holding a base URL with a password, without repeating it', async () => {
    repo = makeRepo(undefined, { files: MINI_FILES });
    writeBundle(repo, 'TASK-001');
    const r = await runCli(['code', 'TASK-001', '--root', repo.root], {
      env: {
        ...baseEnv(),
        GUARDIAN_MODEL: 'gpt-4.1',
        OPENAI_BASE_URL: 'http://me:hunter22@127.0.0.1:9/v1',
        OPENAI_API_KEY: 'sk-x',
      },
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/OPENAI_BASE_URL: the base URL must not contain a user name or password/);
    expect(r.stderr + r.stdout).not.toContain('hunter22');
  });
});
