import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HeadTailBuffer,
  isSecretEnvName,
  judge,
  runCommand,
  runPool,
  scrubCodeEnv,
} from '../../src/exec/index.js';

const dir = mkdtempSync(join(tmpdir(), 'guardian-exec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secret values and the head/tail cut', () => {
  it('a value printed across the cut is not kept as a start in the head and an end in the tail', async () => {
    const secret = 'sk-cut-0123456789abcdefghij';
    // The check found the value somewhere (its parent's environment in /proc, a file) and prints it.
    writeFileSync(join(dir, 'found'), secret);
    // maxOutputBytes 1000: the head keeps the first 500 bytes, the tail the last 500.
    const r = await runCommand({
      command:
        `node -e "const k = require('fs').readFileSync('found', 'utf8'); ` +
        `process.stdout.write('a'.repeat(490) + k + 'b'.repeat(3000) + k + 'c'.repeat(480))"`,
      cwd: dir,
      maxOutputBytes: 1000,
      env: { PATH: process.env.PATH, OPENAI_API_KEY: secret },
    });
    expect(r.exitCode).toBe(0);
    expect(r.truncated).toBe(true);
    // Not a piece of the value on either side of the cut.
    expect(r.output).not.toMatch(/sk-cut|ghij/);
    expect(r.output).toMatch(/^a{490}\*\*\*/);
    expect(r.output).toMatch(/\*\*\*c{480}$/);
  });
});

describe('allowed names', () => {
  it('allowing a lower-case name does not let the upper-case secret through', async () => {
    const r = await runCommand({
      command: 'env',
      cwd: dir,
      env: { PATH: process.env.PATH, OPENAI_API_KEY: 'sk-real-0123456789', openai_api_key: 'dummy-value' },
      allowEnv: ['openai_api_key'],
    });
    expect(r.output).toContain('openai_api_key=dummy-value');
    expect(r.output).not.toContain('OPENAI_API_KEY');
    expect(r.output).not.toContain('sk-real');
  });
});

describe('secret names', () => {
  it('removes names ending in a KEY, TOKEN, SECRET or PAT word, whatever the case or separators', () => {
    const secrets = [
      'MY_KEY',
      'AZURE_OPENAI_KEY',
      'STRIPE_KEYS',
      'TOKEN',
      'SECRET',
      'API_KEY',
      'APIKEY',
      'my_apikey',
      'my-token',
      'My.Token',
      'service-api-key',
      'SECRET_KEY_BASE',
      'CLIENT_SECRET_VALUE',
      'GITHUB_PAT',
      'TOKEN_FOR_TESTS',
      'HF_TOKENS',
      'NPM_CONFIG__AUTH',
      'npm_config__authToken',
      'AWS_ACCESS_KEY_ID',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    ];
    const ordinary = ['PATH', 'HOME', 'MANPATH', 'KEYBOARD_LAYOUT', 'TOKENIZERS_PARALLELISM', 'SSH_KEY_PATH'];
    const env = Object.fromEntries([...secrets, ...ordinary].map((n) => [n, 'v']));
    expect(Object.keys(scrubCodeEnv(env)).sort()).toEqual([...ordinary].sort());
    for (const n of secrets) expect([n, isSecretEnvName(n)]).toEqual([n, true]);
  });
});

describe('starting a command', () => {
  it('a working directory that is a file is an error result, not a rejected promise', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = await runCommand({ command: 'echo hi', cwd: file });
    expect(r.exitCode).toBeNull();
    expect(r.error).toContain(file);
    expect(judge(r)).toBe('error');
  });

  it('a time limit beyond what a timer can wait is not a limit of one millisecond', async () => {
    for (const timeoutMs of [1e12, Infinity, NaN]) {
      const r = await runCommand({ command: 'sleep 0.3; echo finished', cwd: dir, timeoutMs });
      expect([timeoutMs, r.timedOut, r.output]).toEqual([timeoutMs, false, 'finished\n']);
    }
  });

  it('a character split across two writes arrives whole, streamed and kept', async () => {
    const chunks: string[] = [];
    const r = await runCommand({
      command: "printf 'price \\xe2\\x82'; sleep 0.2; printf '\\xac 5\\n'",
      cwd: dir,
      onOutput: (c) => chunks.push(c),
    });
    expect(r.output).toBe('price € 5\n');
    expect(chunks.join('')).toBe('price € 5\n');
  });
});

describe('HeadTailBuffer', () => {
  it('keeps the exact head and tail of output written a byte at a time', () => {
    const b = new HeadTailBuffer(200);
    let all = '';
    for (let i = 0; i < 50_000; i++) {
      const c = String.fromCharCode(97 + (i % 26));
      all += c;
      b.push(Buffer.from(c));
    }
    const { text, truncated } = b.result();
    expect(truncated).toBe(true);
    expect(text).toBe(
      `${all.slice(0, 100)}\n… [${50_000 - 200} bytes of output omitted] …\n${all.slice(-100)}`,
    );
  });
});

describe('runPool', () => {
  it('a job that throws: the jobs already running finish before the error is passed on, no more start', async () => {
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const run = runPool<string>(
      [
        {
          run: async () => {
            events.push('slow started');
            await held;
            events.push('slow finished');
            return 'slow';
          },
        },
        {
          run: async () => {
            events.push('bad started');
            setTimeout(release, 50);
            throw new Error('broken job');
          },
        },
        { run: async () => (events.push('later started'), 'later') },
        { exclusive: true, run: async () => (events.push('exclusive started'), 'alone') },
      ],
      { jobs: 2 },
    );
    await expect(run).rejects.toThrow('broken job');
    expect(events).toEqual(['slow started', 'bad started', 'slow finished']);
  });
});
