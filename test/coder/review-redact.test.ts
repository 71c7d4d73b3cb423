/**
 * Secrets in what the Coder keeps and hands on: the red proof's output tail in coder.json (and the
 * result `--json` prints) is redacted like the transcript; password variables, credential URLs and the
 * SSH agent never reach a test command, and their values are redacted where the model reads.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand, scrubEnv } from '../../src/exec/index.js';
import { runCoder, type CoderResult } from '../../src/stations/coder/index.js';
import { Redactor } from '../../src/stations/coder/redact.js';
import { callTool, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { coderTools, llmFor, MINI_FILES, writeBundle } from './helpers.js';

const GHP = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const DB_URL = 'postgres://admin:S3cretPassw0rd@db.internal:5432/prod';
const SERVICE_TOKEN = 'svc-token-value-0123456789';

describe('the red proof in coder.json', () => {
  let repo: TempRepo;
  let server: ScriptedServer;
  let bundleDir: string;
  let result: CoderResult;
  // The failing test prints secrets it holds in its own source (split, so that no pattern sees the
  // model's write_file arguments whole): a token, a credential URL, a known value of the environment.
  const testSrc = `import { it } from 'node:test';
it('red', () => {
  console.log('${GHP.slice(0, 4)}' + '${GHP.slice(4)}');
  console.log('${DB_URL.slice(0, 20)}' + '${DB_URL.slice(20)}');
  console.log('${SERVICE_TOKEN.slice(0, 6)}' + '${SERVICE_TOKEN.slice(6)}');
  throw new Error('red');
});
`;
  beforeAll(async () => {
    repo = makeRepo(undefined, { files: MINI_FILES });
    bundleDir = writeBundle(repo, 'TASK-001', '## Notes\nnothing');
    const script = [
      callTool('write_file', { path: 'test/red.test.mjs', content: testSrc }),
      callTool('run_tests', {}),
    ];
    server = await startScriptedServer(script);
    result = await runCoder({
      root: repo.root,
      taskId: 'TASK-001',
      llm: llmFor(server),
      env: { ...process.env, MY_SERVICE_TOKEN: SERVICE_TOKEN },
      budget: { maxTurns: 2 },
    });
  });
  afterAll(async () => {
    await server.close();
    repo.cleanup();
  });

  it('is recorded (red confirmed)', () => {
    expect(result.phase).toBe('green');
    expect(result.redProof?.outputTail).toMatch(/red/);
  });

  it('holds no secret, in coder.json nor in the result', () => {
    const coder = readFileSync(join(bundleDir, 'coder.json'), 'utf8');
    for (const text of [coder, JSON.stringify(result)]) {
      expect(text).not.toContain(GHP);
      expect(text).not.toContain('S3cretPassw0rd');
      expect(text).not.toContain(SERVICE_TOKEN);
    }
    expect(result.redProof!.outputTail).toMatch(/\[REDACTED:[^\]]+\]/);
  });
});

describe('password variables, credential URLs and the SSH agent', () => {
  const secrets: Record<string, string> = {
    DB_PASSWORD: 'hunter2-db-password-xyz',
    PGPASSWORD: 'pg-password-123456',
    MYSQL_PWD: 'mysql-pwd-abcdef12',
    DOCKER_PASS: 'docker-pass-1234567',
    GPG_PASSPHRASE: 'gpg-passphrase-98765',
    DATABASE_URL: DB_URL,
    PROXY_AUTH_URL: 'http://user:proxy-pass-123@proxy.example:3128',
    SSH_AUTH_SOCK: '/tmp/ssh-XXXXagent/agent.4242',
  };
  const kept: Record<string, string> = {
    PWD: '/some/working/dir',
    // bash keeps an inherited OLDPWD only when it names a folder.
    OLDPWD: tmpdir(),
    GIT_ASKPASS: '/usr/lib/git-core/askpass',
    PLAIN_DATABASE_URL: 'postgres://localhost:5432/test',
    PASSENGER_APP_ENV: 'development',
  };
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo(undefined, { files: { 'a.txt': 'x\n' } });
  });
  afterAll(() => repo.cleanup());

  it('never reach a test command; the working directory variables do', async () => {
    const r = await runCommand({
      command: 'env',
      cwd: repo.root,
      env: { PATH: process.env.PATH, ...secrets, ...kept },
    });
    const seen = Object.fromEntries(
      r.output
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    for (const name of Object.keys(secrets)) expect([name, seen[name]]).toEqual([name, undefined]);
    expect(seen.OLDPWD).toBe(kept.OLDPWD);
    for (const name of ['GIT_ASKPASS', 'PLAIN_DATABASE_URL', 'PASSENGER_APP_ENV'])
      expect([name, seen[name]]).toEqual([name, kept[name]]);
    // bash sets PWD itself: the variable is there, with the command's own folder.
    expect(seen.PWD).toBeDefined();
    for (const v of Object.values(secrets)) expect(r.output).not.toContain(v);
  });

  it("git's own environment keeps the SSH agent and a proxy URL (a push may need them), not passwords", () => {
    const env = scrubEnv({ ...secrets, ...kept });
    expect(env.SSH_AUTH_SOCK).toBe(secrets.SSH_AUTH_SOCK);
    expect(env.PROXY_AUTH_URL).toBe(secrets.PROXY_AUTH_URL);
    expect(env.DB_PASSWORD).toBeUndefined();
    expect(env.PWD).toBe(kept.PWD);
    expect(env.OLDPWD).toBe(kept.OLDPWD);
  });

  it('a check configured with such a variable (quality.toml) still gets it', async () => {
    const t = coderTools(
      repo.root,
      {
        command: 'echo "db=$DB_PASSWORD url=$DATABASE_URL"',
        env: { DB_PASSWORD: 'test-db-pass', DATABASE_URL: 'postgres://test:test@localhost/test' },
        source: 'quality.toml',
      },
      { env: { PATH: process.env.PATH } },
    );
    const r = await t.execute('run_tests', '{}');
    expect(r.content).toContain('db=test-db-pass url=postgres://test:test@localhost/test');
  });

  it('their values are redacted where the model reads, whatever the test prints', async () => {
    const red = Redactor.fromEnv({ ...secrets, ...kept });
    const text = Object.entries({ ...secrets, ...kept })
      .map(([k, v]) => `${k.toLowerCase()} -> ${v}`)
      .join('\n');
    const shown = await red.full(text);
    for (const v of Object.values(secrets)) expect(shown).not.toContain(v);
    for (const v of Object.values(kept)) expect(shown).toContain(v);
  });
});
