/** `guardian milestone NAME`: every task of a milestone through the line, halting at the first failure. */
import type { Command } from 'commander';
import {
  createProgress,
  handleInterrupts,
  milestoneExitCode,
  parseMaxAttempts,
  parseParallel,
  progressLogger,
  renderMilestoneSummary,
  runMilestone,
} from '../../supervisor/index.js';
import { interruptedInstead } from '../../supervisor/interrupt.js';
import type { CommandContext } from './index.js';
import { checkCommitFlags, resolveRoot, writeLineResult } from './spec.js';

interface MilestoneFlags {
  root: string;
  parallel?: string;
  dryRun?: boolean;
  push?: string;
  branch?: string;
  maxAttempts?: string;
  runUrl?: string;
  json?: boolean;
  debug?: boolean;
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('milestone')
    .description(
      "run a milestone's tasks in dependency order, skipping done tasks and halting at the first failure (exit 0 done, 1 failed, 130 interrupted)",
    )
    .argument('<name>', 'the milestone id, e.g. MVP')
    .option('--root <dir>', 'repository root', '.')
    .option(
      '--parallel <n>',
      'run up to N tasks whose dependencies are done at the same time, each in its own git worktree',
      '1',
    )
    .option(
      '--dry-run',
      'everything except commit and push (tasks that depend on an uncommitted task are not run)',
    )
    .option('--push <remote>', 'push the milestone branch to this remote after each commit')
    .option(
      '--branch <name>',
      'the branch that receives the commits (default guardian/<milestone>; created and checked out)',
    )
    .option('--max-attempts <n>', 'Coder ↔ Validator attempts per task', '1')
    .option('--run-url <url>', 'recorded in each commit as the Guardian-Run trailer')
    .option('--json', 'print the result as one JSON document on stdout')
    .option('--debug', 'debug logging')
    .action(async (name: string, flags: MilestoneFlags) => {
      const root = resolveRoot(ctx, flags.root);
      checkCommitFlags(root, flags);
      const parallel = parseParallel(flags.parallel);
      const maxAttempts = parseMaxAttempts(flags.maxAttempts);
      const progress = createProgress({ stream: ctx.io.stderr });
      const interrupts = handleInterrupts((m) => progress.log(m));
      try {
        const result = await runMilestone({
          root,
          milestone: name,
          parallel,
          maxAttempts,
          ...(flags.dryRun ? { dryRun: true } : {}),
          ...(flags.push ? { push: flags.push } : {}),
          ...(flags.branch ? { branch: flags.branch } : {}),
          ...(flags.runUrl ? { runUrl: flags.runUrl } : {}),
          env: ctx.io.env,
          log: progressLogger(progress, { debug: !!flags.debug }),
          progress,
          signal: interrupts.signal,
        });
        progress.close();
        writeLineResult(ctx, !!flags.json, result, renderMilestoneSummary, milestoneExitCode);
      } catch (e) {
        throw await interruptedInstead(e, interrupts);
      } finally {
        progress.close();
        interrupts.dispose();
      }
    });
}
