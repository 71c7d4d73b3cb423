/**
 * The `guardian` CLI from its sources in a real process of its own (a process group, as a shell gives a
 * foreground command), for tests that send it signals.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './repo.js';

export interface Cli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ctrl-C at a terminal: SIGINT to the command's whole process group. */
  ctrlC(): void;
}

export function startCli(args: string[], cwd: string, env: NodeJS.ProcessEnv): Cli {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'test/unit/cli-from-source.mjs'), ...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // a process group of its own, as a shell gives a foreground command
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.on('exit', (code, signal) => r({ code, signal })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    ctrlC: () => process.kill(-child.pid!, 'SIGINT'),
  };
}

/** Waits until `cond` holds; fails naming `what` (with the command's last output) if it ends first or after 90 s. */
export async function until(what: string, cond: () => boolean, cli: Cli): Promise<void> {
  let ended = false;
  void cli.exited.then(() => (ended = true));
  const deadline = Date.now() + 90_000;
  while (!cond()) {
    if (ended || Date.now() > deadline)
      throw new Error(`${what}: not seen (exited: ${ended})\n${cli.stderr().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
