import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HeadTailBuffer,
  hiddenValues,
  isSecretEnvName,
  judge,
  killWorkingIn,
  processGroupAlive,
  redactValues,
  runCommand,
  runPool,
  scrubEnv,
} from '../../src/exec/index.js';
import { plainText, tailOf } from '../../src/exec/output.js';

const cwd = tmpdir();

describe('runCommand', () => {
  it('runs through bash in the given directory and captures combined output and exit code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardian-exec-'));
    try {
      const r = await runCommand({ command: 'pwd; echo out; echo err >&2; exit 3', cwd: dir });
      expect(r.exitCode).toBe(3);
      expect(r.signal).toBeNull();
      expect(r.timedOut).toBe(false);
      expect(r.output).toContain(dir);
      expect(r.output).toContain('out');
      expect(r.output).toContain('err');
      expect(judge(r)).toBe('fail');
      expect(judge(r, 'fail')).toBe('pass');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a command that does not exist as a failed check with the shell message', async () => {
    const r = await runCommand({ command: 'no-such-tool-xyz --check', cwd });
    expect(r.exitCode).toBe(127);
    expect(r.output).toMatch(/no-such-tool-xyz: command not found/);
    expect(judge(r)).toBe('fail');
  });

  it('kills the whole process group on timeout', async () => {
    const r = await runCommand({
      command: 'sleep 30 & sleep 31 & echo started $$; wait',
      cwd,
      timeoutMs: 300,
    });
    expect(r.timedOut).toBe(true);
    expect(judge(r)).toBe('timeout');
    const pgid = Number(/started (\d+)/.exec(r.output)?.[1]);
    expect(pgid).toBeGreaterThan(0);
    expect(processGroupAlive(pgid)).toBe(false);
  });

  it('does not wait for background processes left behind by a finished command', async () => {
    const r = await runCommand({ command: 'sleep 30 & echo done $$', cwd });
    expect(r.exitCode).toBe(0);
    const pgid = Number(/done (\d+)/.exec(r.output)?.[1]);
    expect(processGroupAlive(pgid)).toBe(false);
  });

  it('stops on abort', async () => {
    const ac = new AbortController();
    const p = runCommand({ command: 'sleep 30', cwd, signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    const r = await p;
    expect(r.error).toBe('aborted');
    expect(judge(r)).toBe('error');
  });

  it('reports a directory that does not exist as an error, not a crash', async () => {
    const r = await runCommand({ command: 'true', cwd: join(tmpdir(), 'guardian-no-such-dir-xyz') });
    expect(r.exitCode).toBeNull();
    expect(r.error).toMatch(/ENOENT/);
    expect(judge(r)).toBe('error');
  });

  it('keeps head and tail of very long output within the bound', async () => {
    const r = await runCommand({
      command: 'echo FIRST; yes 0123456789 | head -c 3000000; echo; echo LAST',
      cwd,
      maxOutputBytes: 4096,
    });
    expect(r.truncated).toBe(true);
    expect(r.output.length).toBeLessThan(4096 + 200);
    expect(r.output.startsWith('FIRST')).toBe(true);
    expect(r.output.trimEnd().endsWith('LAST')).toBe(true);
    expect(r.output).toMatch(/bytes of output omitted/);
  });

  it('passes a scrubbed environment to the child', async () => {
    const env = {
      PATH: process.env.PATH,
      GITHUB_TOKEN: 'ghs_x',
      INPUT_API_KEY: 'k',
      OPENAI_API_KEY: 'sk-x',
      ACTIONS_RUNTIME_TOKEN: 't',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'u',
      NPM_TOKEN: 'n',
      MY_SECRET_VALUE: 's',
      GUARDIAN_LLM_KEY: 'g',
      DB_PASSWORD: 'p',
      KEEP_ME: 'yes',
      CI: 'true',
    };
    const r = await runCommand({
      command: 'env | sort',
      cwd,
      env,
      secretEnv: ['DB_PASSWORD'],
      allowEnv: ['NPM_TOKEN'],
    });
    expect(r.output).toContain('KEEP_ME=yes');
    expect(r.output).toContain('CI=true');
    expect(r.output).toContain('NPM_TOKEN=n');
    for (const gone of [
      'GITHUB_TOKEN',
      'INPUT_API_KEY',
      'OPENAI_API_KEY',
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_URL',
      'MY_SECRET_VALUE',
      'GUARDIAN_LLM_KEY',
      'DB_PASSWORD',
    ]) {
      expect(r.output).not.toContain(`${gone}=`);
    }
  });
});

describe('secret values in output', () => {
  // A check cannot see the variables, but it can read its parent's initial environment through /proc
  // and print what it finds: the values never reach the report or the terminal.
  const KEY = 'sk-proc-0123456789abcdef';
  const env = {
    PATH: process.env.PATH,
    OPENAI_API_KEY: KEY,
    DB_PASSWORD: 'hunter2-but-longer',
    SHORT_TOKEN: 'abc',
  };

  it('are redacted from the output, streamed or not, even when split across writes', async () => {
    const chunks: string[] = [];
    const r = await runCommand({
      command: `printf 'key=sk-proc-0123'; sleep 0.2; printf '456789abcdef and db=hunter2-but-longer short=abc\\n'; echo done`,
      cwd,
      env,
      secretEnv: ['DB_PASSWORD'],
      onOutput: (c) => chunks.push(c),
    });
    expect(r.output).toBe('key=*** and db=*** short=abc\ndone\n');
    expect(chunks.join('')).toBe(r.output);
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('an allowed variable is not hidden', async () => {
    const r = await runCommand({ command: `echo ${KEY}`, cwd, env, allowEnv: ['OPENAI_API_KEY'] });
    expect(r.output).toBe(`${KEY}\n`);
  });

  it('hiddenValues: secret-named values of 8 characters or more, longest first', () => {
    expect(
      hiddenValues({ env, secretEnv: ['DB_PASSWORD'] }).filter(
        (v) => v in { [KEY]: 1, 'hunter2-but-longer': 1 },
      ),
    ).toEqual([KEY, 'hunter2-but-longer']);
    expect(hiddenValues({ env })).not.toContain('abc');
    expect(redactValues('a sk-proc-0123456789abcdef b', [KEY])).toBe('a *** b');
  });
});

describe('scrubEnv', () => {
  it('drops undefined values and keeps ordinary names', () => {
    expect(scrubEnv({ A: '1', B: undefined, GH_TOKEN: 'x' })).toEqual({ A: '1' });
  });

  it("hides the runner's file commands and every action input from checks, even when allowed", () => {
    const env = {
      GITHUB_OUTPUT: '/t/out',
      GITHUB_ENV: '/t/env',
      GITHUB_PATH: '/t/path',
      GITHUB_STATE: '/t/state',
      GITHUB_STEP_SUMMARY: '/t/sum',
      'INPUT_TASK-ID': 'TASK-042',
      GITHUB_WORKSPACE: '/w',
      GITHUB_SHA: 'abc',
    };
    expect(scrubEnv(env, { allow: ['GITHUB_OUTPUT', 'INPUT_TASK-ID'] })).toEqual({
      GITHUB_WORKSPACE: '/w',
      GITHUB_SHA: 'abc',
    });
  });

  it('counts as secret (to redact) only the inputs whose names say so', () => {
    for (const name of ['INPUT_LLM-API-KEY', 'INPUT_GITHUB-TOKEN', 'INPUT_API_KEY', 'INPUT_DB-PASSWORD'])
      expect([name, isSecretEnvName(name)]).toEqual([name, true]);
    for (const name of ['INPUT_TASK-ID', 'INPUT_MODEL', 'INPUT_LLM-BASE-URL', 'INPUT_ROOT'])
      expect([name, isSecretEnvName(name)]).toEqual([name, false]);
  });
});

describe('processes that leave the process group', () => {
  it('a setsid daemon still running when the command ends is killed and the command judged an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardian-escape-'));
    try {
      const pidFile = join(dir, 'daemon.pid');
      const r = await runCommand({
        command: `setsid bash -c 'echo $$ > ${pidFile}; exec sleep 300' < /dev/null > /dev/null 2>&1 & sleep 0.3; exit 0`,
        cwd: dir,
      });
      expect(r.exitCode).toBe(0);
      expect(r.escaped).toBe(1);
      expect(r.output).toMatch(/1 process\(es\) this command started left its process group .*; killed/);
      expect(judge(r, 'pass')).toBe('error');
      expect(judge(r, 'fail')).toBe('error');
      const pid = Number(readFileSync(pidFile, 'utf8'));
      await new Promise((res) => setTimeout(res, 100));
      expect(processAlive(pid)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('one that also cleared its environment is found afterwards by its working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardian-escape-'));
    try {
      const pidFile = join(dir, 'daemon.pid');
      const command = `setsid env -i bash -c 'echo $$ > ${pidFile}; exec sleep 300' < /dev/null > /dev/null 2>&1 & sleep 0.3; exit 0`;
      // The command itself cannot tell (the limit the README states)…
      const r = await runCommand({ command, cwd: dir });
      expect(r.escaped).toBeUndefined();
      const pid = Number(readFileSync(pidFile, 'utf8'));
      expect(processAlive(pid)).toBe(true);
      // …but once every command in that directory has ended, whatever still works there is killed.
      expect(killWorkingIn([join(tmpdir(), 'elsewhere')])).toBe(0);
      expect(processAlive(pid)).toBe(true);
      expect(killWorkingIn([dir])).toBe(1);
      await new Promise((res) => setTimeout(res, 100));
      expect(processAlive(pid)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a command that cleans up after itself is not affected', async () => {
    const r = await runCommand({ command: 'sleep 0.1 & wait; echo done', cwd });
    expect(r.escaped).toBeUndefined();
    expect(judge(r)).toBe('pass');
  });
});

/** Alive and not a zombie (a killed orphan stays a zombie until it is reaped). */
function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\S+ \(.*\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

describe('HeadTailBuffer', () => {
  it('is exact below the bound', () => {
    const b = new HeadTailBuffer(100);
    b.push(Buffer.from('abc'));
    b.push(Buffer.from('def'));
    expect(b.result()).toEqual({ text: 'abcdef', truncated: false });
  });
});

describe('runPool', () => {
  it('runs at most `jobs` at once, exclusive jobs alone, results in input order', async () => {
    let running = 0;
    let peak = 0;
    const log: string[] = [];
    const job = (name: string, exclusive = false) => ({
      exclusive,
      run: async () => {
        running++;
        peak = Math.max(peak, running);
        if (exclusive) expect(running).toBe(1);
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return name;
      },
    });
    const r = await runPool([job('a'), job('x', true), job('b'), job('c')], { jobs: 2 });
    expect(r).toEqual(['a', 'x', 'b', 'c']);
    expect(peak).toBe(2);
    expect(log.at(-1)).toBe('start x');
  });

  it('starts the longest expected jobs first (unknown durations before known ones)', async () => {
    const started: string[] = [];
    const job = (name: string, expectedMs?: number) => ({
      ...(expectedMs === undefined ? {} : { expectedMs }),
      run: async () => {
        started.push(name);
        return name;
      },
    });
    const r = await runPool([job('short', 10), job('long', 5000), job('new'), job('mid', 300)], { jobs: 1 });
    expect(r).toEqual(['short', 'long', 'new', 'mid']);
    expect(started).toEqual(['new', 'long', 'mid', 'short']);
  });

  it('stops starting jobs after a failure with failFast', async () => {
    const r = await runPool(
      [1, 2, 3].map((n) => ({ run: async () => n })),
      { jobs: 1, failFast: true, isFailure: (n) => n === 1 },
    );
    expect(r).toEqual([1, undefined, undefined]);
  });
});

describe('plainText and tailOf', () => {
  it('drop escape sequences and control characters a check prints, and keep the text', () => {
    const raw =
      '\x1b[31mFAILED\x1b[0m tests/test_a.py::test_x\n' +
      '\x1b]52;c;ZXZpbA==\x07clipboard\n' +
      '\x1b]0;window title\x1b\\title\n' +
      'progress 10%\rprogress 100%\r\n' +
      'bell\x07 nul\x00 c1\x9b2J end\ttab\n';
    expect(plainText(raw)).toBe(
      'FAILED tests/test_a.py::test_x\nclipboard\ntitle\nprogress 10%\nprogress 100%\nbell nul c1 end\ttab\n',
    );
    expect(tailOf(raw, 2)).toBe('progress 100%\nbell nul c1 end\ttab');
  });
});

describe('processGroupAlive', () => {
  it('sees a group through its leader, through a member after the leader is gone, and not after a kill', async () => {
    const { spawn } = await import('node:child_process');
    // The leader starts a member in its group, prints, and waits on stdin; ending stdin ends the leader.
    const leader = spawn('sh', ['-c', 'sleep 30 & echo $!; read x'], { detached: true, stdio: 'pipe' });
    const pgid = leader.pid!;
    try {
      const memberPid = Number(
        await new Promise<string>((res) => leader.stdout.once('data', (d: Buffer) => res(d.toString()))),
      );
      expect(processGroupAlive(pgid)).toBe(true); // the leader itself
      const exited = new Promise((res) => leader.once('exit', res));
      leader.stdin.end();
      await exited;
      expect(() => process.kill(memberPid, 0)).not.toThrow();
      expect(processGroupAlive(pgid)).toBe(true); // the leader is gone: only the member is left
      process.kill(-pgid, 'SIGKILL');
      for (let i = 0; i < 200 && processGroupAlive(pgid); i++) await new Promise((r) => setTimeout(r, 10));
      expect(processGroupAlive(pgid)).toBe(false);
    } finally {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  });
});
