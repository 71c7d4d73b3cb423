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
