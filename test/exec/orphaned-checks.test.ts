/**
 * A Guardian killed with SIGKILL cannot stop the checks it started: the next Guardian that runs checks
 * stops them (found by their mark, which names the Guardian that started them), and leaves alone the
 * checks of a Guardian that is still running.
 */
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killOrphanedChecks, runCommand } from '../../src/exec/index.js';
import { runCli } from '../support/cli.js';
import { killedAfterFirstLine } from '../support/killed-process.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(cond: () => boolean, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return cond();
}

/**
 * A real Node process that runs a check (`sleep 300` in a process group of its own) through the
 * project's runner, prints the check's pid, and is then killed with SIGKILL: its check is left.
 */
async function orphanACheck(dir: string): Promise<{ owner: number; check: number }> {
  const { pid, line } = await killedAfterFirstLine(
    dir,
    `const { runCommand } = await source('src/exec/index.ts');
void runCommand({ command: 'echo $$; exec sleep 300', cwd: ${JSON.stringify(dir)}, onOutput: (t) => process.stdout.write(t) });`,
  );
  return { owner: pid, check: Number(line) };
}

describe('checks left running by a Guardian killed with SIGKILL', () => {
  it('are stopped by killOrphanedChecks, which names the Guardian they belonged to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardian-orphans-'));
    let check = 0;
    try {
      const o = await orphanACheck(dir);
      check = o.check;
      expect(alive(check)).toBe(true); // nothing stopped it: its Guardian had no chance to
      const r = killOrphanedChecks();
      expect(r.killed).toBeGreaterThanOrEqual(1);
      expect(r.owners).toContain(o.owner);
      expect(await until(() => !alive(check))).toBe(true);
    } finally {
      if (check && alive(check)) process.kill(check, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leave the checks of a Guardian that is still running alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardian-orphans-'));
    const ac = new AbortController();
    let pid = 0;
    const running = runCommand({
      command: 'echo $$; exec sleep 300',
      cwd: dir,
      signal: ac.signal,
      onOutput: (t) => (pid ||= Number(t.trim())),
    });
    try {
      expect(await until(() => pid > 0)).toBe(true);
      killOrphanedChecks();
      expect(alive(pid)).toBe(true);
    } finally {
      ac.abort();
      await running;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leave a check alone whose Guardian ran in another PID namespace (its pid names another process here)', async () => {
    const ns = /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))![1]!;
    // Pid 1 exists in every namespace, but did not start at tick 1: a Guardian that is gone — in this
    // namespace; in another one the same numbers say nothing.
    const start = (tag: string) => {
      const child = spawn('sleep', ['300'], {
        stdio: 'ignore',
        env: { ...process.env, GUARDIAN_COMMAND_ID: `${tag}-0123456789abcdef` },
      });
      return child;
    };
    const foreign = start(`${Number(ns) + 1}-1-1`);
    const local = start(`${ns}-1-1`);
    try {
      await new Promise((r) => setTimeout(r, 100));
      const r = killOrphanedChecks();
      expect(r.owners).toContain(1);
      expect(await until(() => !alive(local.pid!))).toBe(true);
      expect(alive(foreign.pid!)).toBe(true);
    } finally {
      foreign.kill('SIGKILL');
      local.kill('SIGKILL');
    }
  });

  it('are stopped before `guardian validate` starts, with one line saying so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardian-orphans-'));
    let check = 0;
    try {
      const o = await orphanACheck(dir);
      check = o.check;
      // The sweep comes before the command's own work: even a task that does not exist finds them.
      const r = await runCli(['validate', 'TASK-404', '--root', dir]);
      // (Another test's Guardian may have been killed meanwhile too: its checks are counted alike.)
      expect(r.stderr).toMatch(
        new RegExp(
          `^guardian: stopped \\d+ process(es)? left running by an earlier Guardian \\(process(es)? [\\d, ]*\\b${o.owner}\\b[\\d, ]*\\) that ended without stopping its checks\n`,
        ),
      );
      expect(await until(() => !alive(check))).toBe(true);
    } finally {
      if (check && alive(check)) process.kill(check, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
