/**
 * Guards a step that runs model-written code (the Validator's checks, the Coder's tests) on a runner:
 * what those processes leave behind is taken back before the step says anything (see exec/strays.ts).
 */
import {
  killStrays,
  restoreFileCommands,
  snapshotFileCommands,
  snapshotProcesses,
  type FileCommandSnapshot,
  type ProcessSnapshot,
} from '../exec/strays.js';
import { runAction } from './run.js';

export class StepGuard {
  private readonly procs: ProcessSnapshot | undefined;
  private readonly files: FileCommandSnapshot;
  private taken = false;

  /**
   * Taken at the step's start, before any check runs. Stray processes are swept only on a runner
   * (`GITHUB_ACTIONS=true`): on a developer's machine a process started meanwhile may be the user's own.
   */
  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.procs = env.GITHUB_ACTIONS === 'true' ? snapshotProcesses() : undefined;
    this.files = snapshotFileCommands(env);
  }

  /**
   * Kills the processes the checks left running and puts the step's file commands back. Returns what
   * was found, as one sentence, or undefined when the checks left nothing behind. Only the first call
   * does anything; a step that fails before it calls it again on the way out.
   */
  takeBack(): string | undefined {
    // Once: what the step writes afterwards (its outputs, its summary) is its own.
    if (this.taken) return undefined;
    this.taken = true;
    const killed = killStrays(this.procs);
    const written = restoreFileCommands(this.files);
    const found: string[] = [];
    if (killed > 0)
      found.push(
        `the checks left ${killed} process${killed === 1 ? '' : 'es'} running outside their process group (killed)`,
      );
    if (written.length > 0)
      found.push(`something the checks started wrote to ${written.join(', ')} (put back as it was)`);
    return found.length ? found.join('; ') : undefined;
  }
}

/**
 * `runAction` for a step that runs model-written code: the guard is taken before the body runs (before
 * any check), the body calls `takeBack` before it reports, and a body that fails before that still
 * takes back what was left on the way out.
 */
export async function runGuardedAction(body: (guard: StepGuard) => Promise<void>): Promise<void> {
  const guard = new StepGuard();
  await runAction(async () => {
    try {
      await body(guard);
    } finally {
      guard.takeBack();
    }
  });
}
