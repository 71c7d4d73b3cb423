/** `guardian validate TASK-ID`: the Validator station from the command line. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { bundleDirFor } from '../../bundle/bundle.js';
import { UsageError } from '../../errors.js';
import { isGitRepo, repoRoot } from '../../git/git.js';
import { runValidator, type CheckResult } from '../../stations/validator/index.js';
import { withRunLock } from '../../supervisor/lock.js';
import { assertCanBeDir } from '../../util/fs.js';
import { streamLogger } from '../../util/log.js';
import { positiveInt, table } from '../io.js';
import { resolveRoot } from './spec.js';
import type { CommandContext } from './index.js';

/** The repository root for --root (default: the current directory's repository). */
export function gitRoot(ctx: CommandContext, root: string | undefined): string {
  const dir = resolveRoot(ctx, root);
  if (!isGitRepo(dir)) throw new UsageError(`${dir} is not inside a git repository`);
  return repoRoot(dir);
}

/**
 * Runs `fn` with an AbortSignal that fires on Ctrl-C / SIGTERM. Checks run in their own process
 * groups, out of reach of the terminal's SIGINT, so the station has to stop them itself.
 */
export async function withInterrupt<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  const stop = () => ac.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await fn(ac.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

export function checksTable(checks: CheckResult[]): string {
  return table(
    ['check', 'kind', 'outcome', 'exit', 'time', 'command or rule'],
    checks.map((c) => [
      c.name,
      c.kind,
      c.outcome,
      c.exitCode === null ? (c.signal ?? '') : String(c.exitCode),
      `${(c.durationMs / 1000).toFixed(1)}s`,
      // A check without a command states its rule ("the change touches no protected path"): marked as
      // one, so that a failing row does not read as a statement that it holds.
      c.command ?? (c.description ? `rule: ${c.description}` : ''),
    ]),
  );
}

/** The failing checks' diagnostics and output, for the terminal. */
export function failureDetails(checks: CheckResult[]): string {
  const parts: string[] = [];
  for (const c of checks.filter((x) => x.outcome !== 'pass')) {
    parts.push(`\n── ${c.name} (${c.outcome})${c.command ? `: ${c.command}` : ''}`);
    for (const d of c.diagnostics.slice(0, 20)) {
      parts.push(`  ${d.file}:${d.line}${d.column ? `:${d.column}` : ''}: ${d.message}`);
    }
    // A guard rule's output is its diagnostics again: show it only for commands.
    if (c.kind !== 'guard' || c.diagnostics.length === 0) {
      const tail = c.outputTail.split('\n').slice(-25).join('\n');
      parts.push(tail.replace(/^/gm, '  │ '));
    }
  }
  return parts.join('\n') + '\n';
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description(
      'judge a change: quality checks, verification plan, guard rules and red/green proof; exit 0 on pass, 1 on fail',
    )
    .argument('<task-id>', 'the task, e.g. TASK-042')
    .option('--root <dir>', 'repository root', '.')
    .option('--base <ref>', 'base commit when there is no Task Bundle (default HEAD)')
    .option('--json', 'print validation.json on stdout')
    .option('--fail-fast', 'stop starting checks after the first failure')
    .option(
      '--jobs <n>',
      'checks run in parallel (default [validator] jobs, else the number of cores)',
      positiveInt('--jobs'),
    )
    .option('--security-json <path>', 'enforce the checks of this security.json (default: the bundle’s)')
    .option('--setup', 'run [setup] commands before judging the working tree in place')
    .option(
      '--clean',
      'judge the working tree’s change in a clean worktree of the base, where git-ignored files cannot sway it',
    )
    .action(
      async (
        taskId: string,
        opts: {
          root?: string;
          base?: string;
          json?: boolean;
          failFast?: boolean;
          jobs?: number;
          securityJson?: string;
          setup?: boolean;
          clean?: boolean;
        },
      ) => {
        const root = gitRoot(ctx, opts.root);
        const securityJson =
          opts.securityJson === undefined ? undefined : resolve(ctx.io.cwd, opts.securityJson);
        // A file the user named must be there: a typo would otherwise judge without its checks.
        if (securityJson !== undefined && !existsSync(securityJson))
          throw new UsageError(`--security-json ${opts.securityJson}: no such file`);
        if (securityJson !== undefined && statSync(securityJson).isDirectory())
          throw new UsageError(`--security-json ${opts.securityJson}: a directory, expected a JSON file`);
        assertCanBeDir(bundleDirFor(root, taskId), root); // a .guardian file in the way: say so
        const log = streamLogger(ctx.io.stderr);
        // The report is written into the bundle (and --setup, --clean touch the working tree and its
        // worktrees), which a `guardian run` there may be using: one writer at a time (.guardian/run.lock).
        const { report, markdownPath } = await withRunLock(root, `guardian validate ${taskId}`, log, () =>
          withInterrupt((signal) =>
            runValidator({
              signal,
              root,
              taskId,
              base: opts.base,
              env: ctx.io.env,
              log,
              ...(opts.failFast ? { failFast: true } : {}),
              ...(opts.jobs ? { jobs: opts.jobs } : {}),
              ...(securityJson ? { securityJson } : {}),
              ...(opts.setup ? { runSetup: true } : {}),
              ...(opts.clean ? { clean: true } : {}),
            }),
          ),
        );
        if (opts.json) {
          ctx.io.stdout.write(JSON.stringify(report, null, 2) + '\n');
          if (report.verdict === 'fail') ctx.io.stderr.write(`${report.summary}\n`);
        } else {
          ctx.io.stdout.write(checksTable(report.checks));
          if (report.verdict === 'fail') ctx.io.stdout.write(failureDetails(report.checks));
          ctx.io.stdout.write(`\n${report.summary}\nreport: ${markdownPath}\n`);
        }
        ctx.setExitCode(report.verdict === 'pass' ? 0 : 1);
      },
    );
}
