/** `guardian code TASK-ID`: the Coder station from the command line. */
import { relative } from 'node:path';
import type { Command } from 'commander';
import { bundleDirFor } from '../../bundle/bundle.js';
import { UsageError } from '../../errors.js';
import { isGitRepo, repoRoot } from '../../git/git.js';
import { resolveLlmConfig, withoutCredentials, type BudgetOverrides } from '../../llm/index.js';
import {
  DEFAULT_MAX_ATTEMPTS,
  loadCoderInputs,
  runCoder,
  type CoderResult,
} from '../../stations/coder/index.js';
import { withRunLock } from '../../supervisor/lock.js';
import { handleInterrupts } from '../../supervisor/interrupt.js';
import { streamLogger, type Logger } from '../../util/log.js';
import { positiveInt, positiveNumber } from '../io.js';
import { resolveRoot } from './spec.js';
import type { CommandContext } from './index.js';

interface CodeOptions {
  root?: string;
  attempt?: number;
  maxAttempts?: number;
  maxTurns?: number;
  tokenBudget?: number;
  costBudget?: number;
  timeBudget?: number;
  model?: string;
  baseUrl?: string;
  json?: boolean;
  verbose?: boolean;
  debug?: boolean;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function humanReport(r: CoderResult, root: string): string {
  const rel = (p: string) => relative(root, p) || '.';
  const tokens = r.usage.promptTokens + r.usage.completionTokens;
  const lines = [
    `${r.taskId} attempt ${r.attempt}: ${r.stopReason} — ${r.message}`,
    `model ${r.model}: ${r.turns} turn(s), ${fmt(tokens)} tokens (${fmt(r.usage.cachedTokens)} cached), $${r.usage.costUsd.toFixed(4)}`,
  ];
  if (r.redProof) {
    lines.push(
      `red:   \`${r.redProof.command}\` failed (exit ${r.redProof.exitCode}) with ${r.redProof.testFiles.join(', ')}`,
    );
  }
  lines.push(`phase: ${r.phase}${r.ok ? ' — tests pass' : ''}`);
  lines.push(`changed: ${r.changedFiles.length ? r.changedFiles.join(', ') : '(nothing)'}`);
  if (r.patchPath)
    lines.push(`patch: ${rel(r.patchPath)}${r.patchSha256 ? ` (sha256 ${r.patchSha256.slice(0, 12)})` : ''}`);
  lines.push(`transcript: ${rel(r.bundleDir)}/transcript.jsonl`);
  if (r.summary) lines.push('', r.summary);
  lines.push('');
  // Where the work is: changes.patch only when it was written this time (an interrupted diff may not be).
  const kept = `the work so far is in the working tree${r.patchPath ? ' and in changes.patch' : ' (changes.patch was not written)'}`;
  if (r.ok) lines.push(`next: guardian validate ${r.taskId}`);
  else if (r.stopReason === 'aborted') lines.push(`interrupted: ${kept}`);
  else {
    lines.push(
      `${kept}; run \`guardian validate ${r.taskId}\`, then ` +
        `\`guardian code ${r.taskId} --attempt ${r.attempt + 1}\` to try again with the Validator's report`,
    );
  }
  return lines.join('\n') + '\n';
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('code')
    .description(
      'let a model implement the task test-first in this working tree (sandboxed tools, budgets); without a model, explain how to continue by hand',
    )
    .argument('<task-id>', 'the task, e.g. TASK-042')
    .option('--root <dir>', 'repository root', '.')
    .option(
      '--attempt <n>',
      'attempt number (default 1); from 2 on, the Validator report is fed back',
      positiveInt('--attempt'),
    )
    .option(
      '--max-attempts <n>',
      `highest attempt number allowed (default ${DEFAULT_MAX_ATTEMPTS})`,
      positiveInt('--max-attempts'),
    )
    .option('--max-turns <n>', 'model calls (default [llm] max_turns, else 40)', positiveInt('--max-turns'))
    .option(
      '--token-budget <n>',
      'prompt + completion tokens (default [llm] token_budget, else 1,000,000)',
      positiveInt('--token-budget'),
    )
    .option(
      '--cost-budget <usd>',
      'estimated cost in USD (default [llm] cost_budget_usd, else none)',
      positiveNumber('--cost-budget'),
    )
    .option(
      '--time-budget <seconds>',
      'wall time (default [llm] timeout_seconds, else 1800)',
      positiveNumber('--time-budget'),
    )
    .option('--model <name>', 'model (default GUARDIAN_CODER_MODEL, [llm.coder], GUARDIAN_MODEL, [llm])')
    .option(
      '--base-url <url>',
      'OpenAI-compatible base URL (default OPENAI_BASE_URL, [llm] base_url, api.openai.com)',
    )
    .option('--json', 'print the result as JSON on stdout')
    .option('-v, --verbose', 'debug output on stderr')
    // The other commands say --debug: the same word works here.
    .option('--debug', 'same as --verbose')
    .action(async (taskId: string, opts: CodeOptions) => {
      const dir = resolveRoot(ctx, opts.root);
      if (!isGitRepo(dir)) throw new UsageError(`${dir} is not inside a git repository`);
      const root = repoRoot(dir);
      const log = streamLogger(ctx.io.stderr, { debug: opts.verbose === true || opts.debug === true });
      bundleDirFor(root, taskId); // a malformed task id is refused before the lock
      // The Coder edits the working tree and writes into the bundle, as a `guardian run` there would:
      // one writer at a time (.guardian/run.lock), the bundle read under the lock too.
      const command = `guardian code ${taskId}${opts.attempt ? ` --attempt ${opts.attempt}` : ''}`;
      const result = await withRunLock(root, command, log, () => code(ctx, root, taskId, opts, log));
      if (opts.json) {
        ctx.io.stdout.write(JSON.stringify({ schemaVersion: 1, ...result }, null, 2) + '\n');
      } else if (result.stopReason === 'no_model') {
        ctx.io.stdout.write(`${result.instructions}\n`);
      } else {
        ctx.io.stdout.write(humanReport(result, root));
      }
      ctx.setExitCode(
        result.ok || result.stopReason === 'no_model' ? 0 : result.stopReason === 'aborted' ? 130 : 1,
      );
    });
}

/** The Coder's run with the model and budgets the options and quality.toml give: under the run lock. */
async function code(
  ctx: CommandContext,
  root: string,
  taskId: string,
  opts: CodeOptions,
  log: Logger,
): Promise<CoderResult> {
  const { quality } = loadCoderInputs(root, taskId, undefined, log);
  const llm = resolveLlmConfig({
    station: 'coder',
    env: ctx.io.env,
    ...(quality ? { quality } : {}),
    overrides: {
      ...(opts.model ? { model: opts.model } : {}),
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
    },
  });
  if (llm) log.info(`model ${llm.model} at ${withoutCredentials(llm.baseUrl)} (${llm.sources.model})`);
  const budget: BudgetOverrides = {
    ...(opts.maxTurns ? { maxTurns: opts.maxTurns } : {}),
    ...(opts.tokenBudget ? { maxTokens: opts.tokenBudget } : {}),
    ...(opts.costBudget ? { maxCostUsd: opts.costBudget } : {}),
    ...(opts.timeBudget ? { maxWallSeconds: opts.timeBudget } : {}),
  };
  // Ctrl-C (or a CI cancel's SIGTERM) ends the run cleanly: the loop stops, test processes are
  // killed, outputs are written. A second signal quits at once: the test processes still running are
  // killed, and the exit work runs (coder.json records the tokens spent, the run lock is released).
  const interrupts = handleInterrupts((m) => log.warn(m), process, {
    quitMessage: `quitting now: coder.json records what this attempt spent; changes.patch is not written, the edits stay in the working tree`,
  });
  try {
    return await runCoder({
      root,
      taskId,
      log,
      ...(llm ? { llm } : {}),
      ...(opts.attempt ? { attempt: opts.attempt } : {}),
      ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
      budget,
      env: ctx.io.env,
      signal: interrupts.signal,
    });
  } finally {
    interrupts.dispose();
  }
}
