/**
 * Ctrl-C for a long run: the first SIGINT aborts the run's signal — the running station's commands are
 * killed, the station is marked unfinished in the bundle's manifest and the ledger records the run as
 * interrupted — and the command exits 130. A second SIGINT exits at once (the bundle is still
 * consistent: every bundle write is atomic, and a station left "running" is run again by --resume).
 */
export interface InterruptHandle {
  signal: AbortSignal;
  /** Whether a SIGINT/SIGTERM arrived. */
  interrupted(): boolean;
  dispose(): void;
}

export function handleInterrupts(
  notify: (message: string) => void,
  proc: Pick<NodeJS.Process, 'on' | 'off' | 'exit'> = process,
): InterruptHandle {
  const controller = new AbortController();
  let count = 0;
  const handler = (sig: NodeJS.Signals) => {
    count++;
    if (count === 1) {
      notify(
        `${sig === 'SIGTERM' ? 'terminating' : 'interrupted'}: stopping the running station and recording where it stopped (press Ctrl-C again to quit at once)`,
      );
      controller.abort(new Error(`interrupted by ${sig}`));
    } else {
      notify('quitting now: `--resume` runs the unfinished station again');
      proc.exit(130);
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
