/** `guardian complete TASK-ID`: commit the judged change and push it. */
import type { Command } from 'commander';
import { bundleDirFor } from '../../bundle/bundle.js';
import { UsageError } from '../../errors.js';
import { runCompletion } from '../../stations/completion/index.js';
import { withRunLock } from '../../supervisor/lock.js';
import { streamLogger } from '../../util/log.js';
import type { CommandContext } from './index.js';
import { checkCommitFlags } from './spec.js';
import { gitRoot } from './validate.js';

function parseAuthor(v: string): { name: string; email: string } {
  const m = /^\s*(.+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(v);
  if (!m) throw new UsageError(`--author ${v}: expected "Name <email@example.com>"`);
  return { name: m[1]!, email: m[2]! };
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('complete')
    .description(
      'commit exactly the change the Validator passed (blueprint status set to done) and optionally push it',
    )
    .argument('<task-id>', 'the task, e.g. TASK-042')
    .option('--root <dir>', 'repository root', '.')
    .option('--push <remote>', 'push the branch to this remote (never forced)')
    .option(
      '--branch <name>',
      "branch to commit on (default: the blueprint's branch, else guardian/<task-id>)",
    )
    .option(
      '--author <who>',
      'commit author, "Name <email>" (default: [commit] in quality.toml, else your git identity)',
      parseAuthor,
    )
    .option('--run-url <url>', 'the CI run URL for the Guardian-Run trailer')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        taskId: string,
        opts: {
          root?: string;
          push?: string;
          branch?: string;
          author?: { name: string; email: string };
          runUrl?: string;
          json?: boolean;
        },
      ) => {
        const root = gitRoot(ctx, opts.root);
        checkCommitFlags(root, opts);
        bundleDirFor(root, taskId); // a malformed task id is refused before the lock
        const log = streamLogger(ctx.io.stderr);
        // Completion commits, switches branches and deletes the bundle, as a `guardian run` there would:
        // one writer at a time (.guardian/run.lock).
        const command = `guardian complete ${taskId}${opts.push ? ` --push ${opts.push}` : ''}`;
        const r = await withRunLock(root, command, log, () =>
          runCompletion({
            root,
            taskId,
            log,
            ...(opts.push ? { push: opts.push } : {}),
            ...(opts.branch ? { branch: opts.branch } : {}),
            ...(opts.author ? { author: opts.author } : {}),
            ...(opts.runUrl ? { runUrl: opts.runUrl } : {}),
          }),
        );
        if (opts.json) ctx.io.stdout.write(JSON.stringify({ schemaVersion: 1, ...r }, null, 2) + '\n');
        else {
          ctx.io.stdout.write(
            `${r.alreadyCompleted ? 'already completed' : 'completed'} ${r.taskId}: ${r.commitSha} on ${r.foundOn ?? r.branch}` +
              `${r.pushed ? ` (pushed to ${r.remote})` : r.remote ? ' (not pushed)' : ''}\n`,
          );
        }
        ctx.setExitCode(0);
      },
    );
}
