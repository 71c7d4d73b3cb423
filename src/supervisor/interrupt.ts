/**
 * Ctrl-C for a long run: the first SIGINT aborts the run's signal — the running station's commands are
 * killed, the station is marked unfinished in the bundle's manifest and the ledger records the run as
 * interrupted — and the command exits 130. A second SIGINT exits at once: the commands still running
 * (each in a process group of its own, which the terminal's Ctrl-C does not reach) are killed first, and
 * the exit work registered with util/temp.ts runs — temporary worktrees are removed, the run is
 * recorded as interrupted, the run lock is released. The bundle is still consistent: every bundle write
 * is atomic, and a station left unfinished is run again by --resume.
 */
import { GuardianError } from '../errors.js';
import { processTable } from '../exec/index.js';

export interface InterruptHandle {
  signal: AbortSignal;
  /** Whether a SIGINT/SIGTERM arrived. */
  interrupted(): boolean;
  dispose(): void;
}

export interface InterruptOptions {
  /**
   * Runs on the second signal, just before the exit (default for the real process: kill every process
   * this one started, with their process groups; see killDescendants).
   */
  beforeQuit?: () => void;
  /** Said on the second signal (default: that `--resume` runs the unfinished station again). */
  quitMessage?: string;
}

export function handleInterrupts(
  notify: (message: string) => void,
  proc: Pick<NodeJS.Process, 'on' | 'off' | 'exit'> = process,
  opts: InterruptOptions = {},
): InterruptHandle {
  const controller = new AbortController();
  const beforeQuit = opts.beforeQuit ?? (proc === process ? () => void killDescendants() : () => {});
  let count = 0;
  const handler = (sig: NodeJS.Signals) => {
    count++;
    if (count === 1) {
      notify(
        `${sig === 'SIGTERM' ? 'terminating' : 'interrupted'}: stopping the running station and recording where it stopped (press Ctrl-C again to quit at once)`,
      );
      controller.abort(new Error(`interrupted by ${sig}`));
    } else {
      notify(opts.quitMessage ?? 'quitting now: `--resume` runs the unfinished station again');
      try {
        beforeQuit();
      } finally {
        proc.exit(130);
      }
    }
  };
  proc.on('SIGINT', handler);
  proc.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    interrupted: () => count > 0,
    dispose: () => {
      proc.off('SIGINT', handler);
      proc.off('SIGTERM', handler);
    },
  };
}

/**
 * SIGKILLs every process descended from `pid` (default: this one) and every process group one of them
 * leads: the commands a station runs each have a group of their own, so neither this process's exit
 * nor the terminal's Ctrl-C reaches them. This process and its own group are spared. Returns how many
 * processes were found. On Linux only (elsewhere it finds nothing).
 */
export function killDescendants(pid: number = process.pid): number {
  const table = processTable();
  const own = table.get(pid)?.[1];
  const children = new Map<number, number[]>();
  for (const [p, [ppid]] of table) {
    const list = children.get(ppid);
    if (list) list.push(p);
    else children.set(ppid, [p]);
  }
  const found: number[] = [];
  const queue = [...(children.get(pid) ?? [])];
  while (queue.length) {
    const p = queue.shift()!;
    found.push(p);
    queue.push(...(children.get(p) ?? []));
  }
  const kill = (target: number) => {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // Gone already.
    }
  };
  for (const p of found) {
    const pgrp = table.get(p)![1];
    if (pgrp === p && pgrp !== own && p !== pid) kill(-pgrp);
    kill(p);
  }
  return found.length;
}

/**
 * What a command throws when its run threw `e`: a Ctrl-C at the terminal reaches the git commands this
 * process runs too, and one it killed fails before this process's own SIGINT handler has run. Once the
 * handler has run, the failure is the interruption (exit 130), named with what it stopped.
 */
export async function interruptedInstead(e: unknown, interrupts: InterruptHandle): Promise<unknown> {
  await signalsDelivered();
  if (!interrupts.interrupted()) return e;
  const what = ((e as Error)?.message ?? String(e)).split('\n')[0]!;
  return new GuardianError(`interrupted (${what.length > 200 ? what.slice(0, 199) + '…' : what})`, {
    exitCode: 130,
    cause: e,
  });
}

/**
 * A few turns of the event loop: a SIGINT that arrived while this process was busy (blocked in a
 * synchronous git call) has been handled by then — libuv hands it over in a later poll, not always the
 * next one.
 */
export async function signalsDelivered(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 1));
}
