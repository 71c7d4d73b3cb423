/** `guardian run TASK-ID`: one task through the whole line, with live progress and a summary table. */
import type { Command } from 'commander';
import {
  createProgress,
  handleInterrupts,
  parseMaxAttempts,
  parseStationName,
  progressLogger,
  renderTaskSummary,
  runTask,
  taskExitCode,
} from '../../supervisor/index.js';
import { interruptedInstead } from '../../supervisor/interrupt.js';
import type { CommandContext } from './index.js';
import { checkCommitFlags, resolveRoot, writeLineResult } from './spec.js';

interface RunFlags {
  root: string;
  resume?: boolean;
  dryRun?: boolean;
  until?: string;
  maxAttempts?: string;
  push?: string;
  branch?: string;
  runUrl?: string;
  json?: boolean;
  debug?: boolean;
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('run')
    .description(
      'run one task through the line: pre-start, bundle, security, code, validate, complete (exit 0 done, 1 failed or blocked, 130 interrupted)',
    )
    .argument('<task-id>', 'the task, e.g. TASK-042')
    .option('--root <dir>', 'repository root', '.')
    .option(
      '--resume',
      'continue from the last finished station recorded in the Task Bundle (also: validate and commit a change made by hand)',
    )
    .option('--dry-run', 'everything except commit and push')
    .option(
      '--until <station>',
      'stop after this station: prestart, bundle, security, code, validate, complete',
    )
    .option('--max-attempts <n>', 'Coder ↔ Validator attempts; each retry gets the failure report', '1')
    .option('--push <remote>', "push the task's branch to this remote after the commit")
    .option(
      '--branch <name>',
      "commit on this branch (default: the blueprint's branch, else guardian/<task-id>)",
    )
    .option('--run-url <url>', 'recorded in the commit as the Guardian-Run trailer')
    .option('--json', 'print the result as one JSON document on stdout')
    .option('--debug', 'debug logging')
    .action(async (taskId: string, flags: RunFlags) => {
      const root = resolveRoot(ctx, flags.root);
      checkCommitFlags(root, flags);
      const until = flags.until ? parseStationName(flags.until) : undefined;
      const maxAttempts = parseMaxAttempts(flags.maxAttempts);
      const progress = createProgress({ stream: ctx.io.stderr });
      const interrupts = handleInterrupts((m) => progress.log(m));
      try {
        const result = await runTask({
          root,
          taskId,
          ...(flags.resume ? { resume: true } : {}),
          ...(flags.dryRun ? { dryRun: true } : {}),
          ...(until ? { until } : {}),
          maxAttempts,
          ...(flags.push ? { push: flags.push } : {}),
          ...(flags.branch ? { branch: flags.branch } : {}),
          ...(flags.runUrl ? { runUrl: flags.runUrl } : {}),
          env: ctx.io.env,
          log: progressLogger(progress, { debug: !!flags.debug }),
          progress,
          signal: interrupts.signal,
        });
        progress.close();
        writeLineResult(ctx, !!flags.json, result, renderTaskSummary, taskExitCode);
      } catch (e) {
        throw await interruptedInstead(e, interrupts);
      } finally {
        progress.close();
        interrupts.dispose();
      }
    });
}
