/** `guardian status`: tasks with their status and their last run from the ledger (.guardian/runs.jsonl). */
import type { Command } from 'commander';
import { projectStatus, renderStatus } from '../../supervisor/index.js';
import type { CommandContext } from './index.js';
import { JSON_SCHEMA_VERSION, specsRoot } from './spec.js';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('status')
    .description("show tasks (a milestone's, in its order) with their status and last run")
    .option('--milestone <id>', "only the milestone's tasks, in its order")
    .option('--root <dir>', 'repository root', '.')
    .option('--json', 'print the status as one JSON document on stdout')
    .action((flags: { milestone?: string; root: string; json?: boolean }) => {
      const report = projectStatus(specsRoot(ctx, flags.root), flags.milestone);
      if (flags.json) {
        ctx.io.stdout.write(
          JSON.stringify({ schemaVersion: JSON_SCHEMA_VERSION, ...report }, null, 2) + '\n',
        );
      } else {
        ctx.io.stdout.write(renderStatus(report));
      }
      ctx.setExitCode(0);
    });
}
