/**
 * Temporary paths a command is building (a bundle's staging directory): removed when the process exits
 * before they were released — a Ctrl-C, a SIGTERM, or `process.exit` anywhere. The removal runs in
 * `process.on('exit')`, so it is synchronous and never waits for the event loop.
 *
 * Work that must be undone or recorded before such an exit (a temporary git worktree to remove, a run
 * to record as interrupted) is registered with `onExit`: it runs at exit too, newest first, before the
 * paths are removed.
 */
import { rmSync } from 'node:fs';

const temps = new Set<string>();
const cleanups: (() => void)[] = [];
let hooked = false;

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', removeTemps);
}

/**
 * Runs the registered exit work (newest first), then removes every registered path (best effort), and
 * forgets them.
 */
export function removeTemps(): void {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      fn();
    } catch {
      // Nothing more can be done while exiting.
    }
  }
  for (const p of temps) {
    try {
      rmSync(p, { recursive: true, force: true });
    } catch {
      // Nothing more can be done while exiting.
    }
  }
  temps.clear();
}

/** Marks `path` as temporary: it is removed if the process exits before `releaseTemp(path)`. */
export function registerTemp(path: string): void {
  temps.add(path);
  hook();
}

/**
 * Runs `fn` (synchronous, best effort) if the process exits before the returned function is called.
 * Calling the returned function forgets `fn` without running it.
 */
export function onExit(fn: () => void): () => void {
  cleanups.push(fn);
  hook();
  return () => {
    const i = cleanups.lastIndexOf(fn);
    if (i !== -1) cleanups.splice(i, 1);
  };
}

/** The path was moved into place or removed already: leave it alone at exit. */
export function releaseTemp(path: string): void {
  temps.delete(path);
}

/** The registered paths (for tests). */
export function registeredTemps(): string[] {
  return [...temps];
}

/**
 * For a standalone command without graceful interruption (`guardian bundle`): on SIGINT/SIGTERM, say
 * so and exit 130 — the exit removes the registered temporary paths. Returns the uninstaller. `guardian
 * run` has its own handler (supervisor/interrupt.ts) and does not use this.
 */
export function exitOnInterrupt(
  notify: (signal: NodeJS.Signals) => void,
  proc: Pick<NodeJS.Process, 'on' | 'off' | 'exit'> = process,
): () => void {
  const handler = (sig: NodeJS.Signals) => {
    notify(sig);
    proc.exit(130);
  };
  proc.on('SIGINT', handler);
  proc.on('SIGTERM', handler);
  return () => {
    proc.off('SIGINT', handler);
    proc.off('SIGTERM', handler);
  };
}
