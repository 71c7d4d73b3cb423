/** `guardian prestart TASK-ID`: the verification plan's pre-start steps at the base commit. */
import type { Command } from 'commander';
import { runPrestart } from '../../stations/prestart.js';
import { withRunLock } from '../../supervisor/lock.js';
import { streamLogger } from '../../util/log.js';
import type { CommandContext } from './index.js';
import { positiveInt } from '../io.js';
import { checksTable, failureDetails, gitRoot, withInterrupt } from './validate.js';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('prestart')
    .description("run the verification plan's pre-start steps at the base commit; exit 1 when one fails")
    .argument('<task-id>', 'the task, e.g. TASK-042')
    .option('--root <dir>', 'repository root', '.')
    .option('--base <ref>', 'base commit when there is no Task Bundle (default HEAD)')
    .option('--json', 'print prestart.json on stdout')
    .option(
      '--jobs <n>',
      'steps run in parallel (default [validator] jobs, else the number of cores)',
      positiveInt('--jobs'),
    )
    .option('--setup', 'run [setup] commands first even when running in place')
    .action(
      async (
        taskId: string,
        opts: { root?: string; base?: string; json?: boolean; jobs?: number; setup?: boolean },
      ) => {
        const root = gitRoot(ctx, opts.root);
        const log = streamLogger(ctx.io.stderr);
        // The report is written into the bundle (and --setup touches the working tree), which a
        // `guardian run` there may be using: one writer at a time (.guardian/run.lock).
        const { report, markdownPath } = await withRunLock(root, `guardian prestart ${taskId}`, log, () =>
          withInterrupt((signal) =>
            runPrestart({
              signal,
              root,
              taskId,
              base: opts.base,
              env: ctx.io.env,
              log,
              ...(opts.jobs ? { jobs: opts.jobs } : {}),
              ...(opts.setup ? { runSetup: true } : {}),
            }),
          ),
        );
        if (opts.json) ctx.io.stdout.write(JSON.stringify(report, null, 2) + '\n');
        else {
          if (report.checks.length) ctx.io.stdout.write(checksTable(report.checks));
          if (report.verdict === 'fail') ctx.io.stdout.write(failureDetails(report.checks));
          ctx.io.stdout.write(`\n${report.summary}\nreport: ${markdownPath}\n`);
        }
        ctx.setExitCode(report.verdict === 'pass' ? 0 : 1);
      },
    );
}
