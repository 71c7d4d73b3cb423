/**
 * Pre-start: the verification plan's `pre-start` steps, run at the base commit before any work (and
 * before any model call). A failure halts the task with a report of the same shape as validation.json.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { bundleDirFor, recordStation, writeBundleFile } from '../bundle/bundle.js';
import { redactStrings } from '../secrets/index.js';
import { GuardianError } from '../errors.js';
import { runPool } from '../exec/index.js';
import { addWorktree, linkDependencies, type Worktree } from '../git/worktree.js';
import { assertCanBeDir } from '../util/fs.js';
import { silentLogger, type Logger } from '../util/log.js';
import { openGate, workingTreeAt } from './validator/context.js';
import { renderMarkdown, runCheck, summarize, type RunEnv } from './validator/run-checks.js';
import { VALIDATION_SCHEMA_VERSION, type CheckResult, type PrestartReport } from './validator/types.js';

export interface PrestartOptions {
  root: string;
  taskId: string;
  log?: Logger;
  /** Base ref when there is no bundle (else the manifest's base commit). */
  base?: string;
  env?: NodeJS.ProcessEnv;
  jobs?: number;
  /** Run `[setup] commands` first even when running in place (a worktree always runs them). */
  runSetup?: boolean;
  signal?: AbortSignal;
}

export interface PrestartResult {
  report: PrestartReport;
  bundleDir: string;
  reportPath: string;
  markdownPath: string;
}

export async function runPrestart(opts: PrestartOptions): Promise<PrestartResult> {
  const log = opts.log ?? silentLogger;
  assertCanBeDir(bundleDirFor(opts.root, opts.taskId), opts.root); // before openGate creates it
  const gate = openGate({ root: opts.root, taskId: opts.taskId, base: opts.base, log });
  const { root, bundleDir, baseCommit, task, quality } = gate;
  const steps = task.plan.filter((s) => s.stage === 'pre-start');

  const report = await recordStation(bundleDir, task.id, 'prestart', async () => {
    const startedAt = new Date();
    let wt: Worktree | undefined;
    try {
      // In place when the working tree is exactly the base; otherwise a clean checkout of the base.
      let dir = root;
      const inPlace = workingTreeAt(root, baseCommit);
      if (!inPlace && steps.length) {
        wt = addWorktree(root, baseCommit);
        dir = wt.dir;
      }
      const runEnv: RunEnv = {
        env: opts.env,
        secretEnv: quality.validator.secretEnv,
        signal: opts.signal,
        log,
        aliases: dir === root ? [] : [root],
      };
      const timeout = (s?: number) => Math.round((s ?? quality.validator.defaultTimeout) * 1000);
      const checks: CheckResult[] = [];
      if (steps.length && quality.setup.commands.length && (!inPlace || opts.runSetup)) {
        for (const [i, command] of quality.setup.commands.entries()) {
          const { check } = await runCheck(
            {
              name: `setup:${i + 1}`,
              kind: 'quality',
              description: `[setup] command ${i + 1}`,
              command,
              expects: 'pass',
              cwd: dir,
              timeoutMs: timeout(quality.setup.timeout),
              env: {},
              exclusive: false,
            },
            runEnv,
          );
          checks.push(check);
          if (check.outcome !== 'pass') break;
        }
      } else if (dir !== root) {
        linkDependencies(root, dir);
      }
      if (checks.every((c) => c.outcome === 'pass')) {
        const outs = await runPool(
          steps.map((s) => ({
            run: async () =>
              (
                await runCheck(
                  {
                    name: `plan:${task.plan.indexOf(s) + 1}`,
                    kind: 'plan',
                    description: s.description,
                    command: s.command,
                    expects: s.expects,
                    cwd: dir,
                    timeoutMs: timeout(s.timeout),
                    env: {},
                    exclusive: false,
                  },
                  runEnv,
                )
              ).check,
          })),
          { jobs: Math.max(1, opts.jobs ?? quality.validator.jobs ?? availableParallelism()) },
        );
        checks.push(...outs.filter((c): c is CheckResult => c !== undefined));
      }
      if (opts.signal?.aborted)
        throw new GuardianError('pre-start interrupted: every step was stopped; no report written');
      const s = summarize(checks, 0);
      const summary = steps.length === 0 ? 'pass: the verification plan has no pre-start steps' : s.summary;
      // What the steps printed (a failing test's assertion) is redacted like the bundle.
      const result: PrestartReport = await redactStrings({
        schemaVersion: VALIDATION_SCHEMA_VERSION,
        taskId: task.id,
        verdict: s.verdict,
        baseCommit,
        startedAt: startedAt.toISOString(),
        durationMs: Date.now() - startedAt.getTime(),
        checks,
        summary,
      });
      writeBundleFile(bundleDir, 'prestart.json', JSON.stringify(result, null, 2) + '\n');
      writeBundleFile(
        bundleDir,
        'prestart.md',
        renderMarkdown(
          `Pre-start checks of ${task.id}`,
          [
            `Task: ${task.title}`,
            `Base commit: \`${baseCommit}\` (${dir === root ? 'in place' : 'clean worktree'})`,
          ],
          result.checks,
          s.verdict,
          result.summary,
        ),
      );
      return {
        result,
        record: {
          note: summary.slice(0, 500),
          ...(s.verdict === 'fail' ? { status: 'failed' as const } : {}),
        },
      };
    } finally {
      wt?.remove();
    }
  });
  return {
    report,
    bundleDir,
    reportPath: join(bundleDir, 'prestart.json'),
    markdownPath: join(bundleDir, 'prestart.md'),
  };
}
