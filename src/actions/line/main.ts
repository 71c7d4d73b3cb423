/**
 * The root action: the whole assembly line in one job (`uses: OWNER/guardian@v1`), through the
 * Supervisor. Simpler to adopt than the reusable workflow, at the cost of its trust boundaries: here
 * one job holds the model key and the write token together.
 */
import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { ConfigurationError, GuardianError, isUserError } from '../../errors.js';
import { annotationsOf, emitAnnotations } from '../../github/annotations.js';
import {
  booleanInput,
  branchInput,
  integerInput,
  modelInput,
  rootInput,
  refInput,
  secretFileInput,
  secretInput,
  taskIdInput,
  urlInput,
} from '../../github/inputs.js';
import { actionsLogger } from '../../github/log.js';
import { openOrUpdatePullRequest, pullRequestRepository } from '../../github/pulls.js';
import { runUrl } from '../../github/run.js';
import { runGuardedAction } from '../../github/step-guard.js';
import { formatCost, formatDuration, table, totalTokens, writeSummary } from '../../github/summary.js';
import { readValidationReport } from '../../stations/validator/report-file.js';
import type { ValidationReport } from '../../stations/validator/types.js';
import { runTask } from '../../supervisor/index.js';
import { escapeHtml } from '../../util/markdown.js';

export const Inputs = {
  TaskId: 'task-id',
  Root: 'root',
  BaseRef: 'base-ref',
  Branch: 'branch',
  Model: 'model',
  SecurityModel: 'security-model',
  CoderModel: 'coder-model',
  LlmBaseUrl: 'llm-base-url',
  LlmApiKey: 'llm-api-key',
  LlmApiKeyFile: 'llm-api-key-file',
  MaxAttempts: 'max-attempts',
  Push: 'push',
  OpenPr: 'open-pr',
  DryRun: 'dry-run',
  GithubToken: 'github-token',
  GithubTokenFile: 'github-token-file',
} as const;

export interface LineInputs {
  taskId: string;
  root: string;
  baseRef?: string;
  branch?: string;
  model?: string;
  securityModel?: string;
  coderModel?: string;
  llmBaseUrl?: string;
  llmApiKey?: string;
  maxAttempts: number;
  push: boolean;
  openPr: boolean;
  dryRun: boolean;
  githubToken?: string;
}

/**
 * The key's and the token's files, read and removed before any other input is checked: a mistake in
 * another input (or in one of them) must not leave the other secret on disk for later steps to find.
 */
function secretsFromFiles(): { llmApiKey?: string; githubToken?: string } {
  let first: unknown;
  const attempt = (read: () => string | undefined): string | undefined => {
    try {
      return read();
    } catch (e) {
      first ??= e;
      return undefined;
    }
  };
  const llmApiKey = attempt(() => secretFileInput(Inputs.LlmApiKeyFile, Inputs.LlmApiKey));
  const githubToken = attempt(() => secretFileInput(Inputs.GithubTokenFile, Inputs.GithubToken, 'token'));
  if (first !== undefined) throw first;
  return { llmApiKey, githubToken };
}

export function getInputs(): LineInputs {
  const files = secretsFromFiles();
  const taskId = taskIdInput(Inputs.TaskId);
  const root = rootInput(Inputs.Root);
  const inputs: LineInputs = {
    taskId,
    root,
    baseRef: refInput(Inputs.BaseRef),
    branch: branchInput(Inputs.Branch, root),
    model: modelInput(Inputs.Model),
    securityModel: modelInput(Inputs.SecurityModel),
    coderModel: modelInput(Inputs.CoderModel),
    llmBaseUrl: urlInput(Inputs.LlmBaseUrl),
    llmApiKey: files.llmApiKey ?? secretInput(Inputs.LlmApiKey),
    maxAttempts: integerInput(Inputs.MaxAttempts, { min: 1, max: 10, fallback: 2 })!,
    push: booleanInput(Inputs.Push, true),
    openPr: booleanInput(Inputs.OpenPr, false),
    dryRun: booleanInput(Inputs.DryRun, false),
    // Like the model key: from a file read and removed at once, so that no process environment the
    // Coder's tests can read holds the token (`github-token` has no default for the same reason).
    githubToken: files.githubToken ?? secretInput(Inputs.GithubToken),
  };
  if (inputs.openPr && (!inputs.push || inputs.dryRun)) {
    throw new ConfigurationError(
      `input '${Inputs.OpenPr}' needs '${Inputs.Push}' true and '${Inputs.DryRun}' false`,
    );
  }
  if (inputs.openPr && !inputs.githubToken) {
    throw new ConfigurationError(
      `input '${Inputs.OpenPr}' is true but no token was given: set '${Inputs.GithubTokenFile}' to a file ` +
        'holding a token with pull-requests: write (an earlier step writes ${{ github.token }} to it), ' +
        `or '${Inputs.GithubToken}'; nothing ran`,
    );
  }
  return inputs;
}

const EMPTY_PATCH_SHA256 = createHash('sha256').update('').digest('hex');

/** The host's environment with the action's model settings on top (the stations resolve from it). */
function stationEnv(inputs: LineInputs): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (inputs.model) env.GUARDIAN_MODEL = inputs.model;
  if (inputs.securityModel) env.GUARDIAN_SECURITY_MODEL = inputs.securityModel;
  if (inputs.coderModel) env.GUARDIAN_CODER_MODEL = inputs.coderModel;
  if (inputs.llmBaseUrl) env.OPENAI_BASE_URL = inputs.llmBaseUrl;
  if (inputs.llmApiKey) env.OPENAI_API_KEY = inputs.llmApiKey;
  return env;
}

/** How messages name the variables stationEnv set from inputs (a rejected key names `llm-api-key`). */
export function stationEnvSources(inputs: LineInputs): Record<string, string> {
  const out: Record<string, string> = {};
  const set = (name: string, value: string | undefined, input: string) => {
    if (value) out[name] = `the action's '${input}' input`;
  };
  set('GUARDIAN_MODEL', inputs.model, Inputs.Model);
  set('GUARDIAN_SECURITY_MODEL', inputs.securityModel, Inputs.SecurityModel);
  set('GUARDIAN_CODER_MODEL', inputs.coderModel, Inputs.CoderModel);
  set('OPENAI_BASE_URL', inputs.llmBaseUrl, Inputs.LlmBaseUrl);
  set('OPENAI_API_KEY', inputs.llmApiKey, Inputs.LlmApiKey);
  return out;
}

export async function run(): Promise<void> {
  // Before anything runs: what the Coder's tests and the checks leave behind is taken back before
  // Completion and before the outputs are set.
  await runGuardedAction(async (guard) => {
    let leftBehind: string | undefined;
    const takeBack = () => (leftBehind ??= guard.takeBack());
    const inputs = getInputs();
    // Where the pull request goes is checked before the line commits and pushes anything.
    const repository = inputs.openPr ? pullRequestRepository() : undefined;
    const url = runUrl();
    const r = await runTask({
      root: inputs.root,
      taskId: inputs.taskId,
      base: inputs.baseRef,
      branch: inputs.branch,
      maxAttempts: inputs.maxAttempts,
      push: inputs.push && !inputs.dryRun ? 'origin' : undefined,
      dryRun: inputs.dryRun,
      runUrl: url,
      env: stationEnv(inputs),
      envSources: stationEnvSources(inputs),
      log: actionsLogger(),
      beforeComplete: takeBack,
    });
    takeBack();
    // A run that stopped before Completion (a dry run, a failed verdict) is judged the same way.
    if (leftBehind && r.outcome === 'validated') {
      r.outcome = 'failed';
      r.message = `${r.taskId}: ${leftBehind}`;
    }
    core.setOutput('outcome', r.outcome);
    core.setOutput('verdict', leftBehind ? 'fail' : (r.verdict ?? ''));
    // The empty patch has a sha256 too: it names no change (a Coder that failed), so it is not output.
    core.setOutput(
      'patch-sha256',
      r.patchSha256 && r.patchSha256 !== EMPTY_PATCH_SHA256 ? r.patchSha256 : '',
    );
    core.setOutput('commit-sha', r.commit ?? '');
    core.setOutput('branch', r.branch ?? '');
    core.setOutput('tokens', String(totalTokens(r.usage)));
    core.setOutput('cost-usd', String(r.usage.costUsd));

    let report: ValidationReport | undefined;
    if (r.reportPath && r.reportPath.endsWith('validation.md')) {
      try {
        report = readValidationReport(dirname(r.reportPath));
      } catch (e) {
        // Annotations only: the run's own failure below stays the one error.
        if (!isUserError(e)) throw e;
        core.warning(`no annotations: ${e.message}`);
      }
    }
    if (report && report.verdict === 'fail') emitAnnotations(annotationsOf(report));

    let prUrl = '';
    if (inputs.openPr && repository && r.commit && r.branch && r.pushedTo) {
      const pr = await openOrUpdatePullRequest({
        token: inputs.githubToken!,
        repository,
        head: r.branch,
        title: `feat(${r.taskId}): ${r.title}`,
        sectionId: r.taskId,
        // Text, not HTML: a title holding another task's `<!-- guardian:… -->` marker would cut the
        // shared body apart when that task updates its section.
        section: `### ${r.taskId}: ${escapeHtml(r.title)}\n\nCommit ${r.commit} — ${escapeHtml(r.message)}${url ? ` — [run](${url})` : ''}\n`,
      }).catch((e: unknown) => {
        if (!isUserError(e)) throw e;
        throw new GuardianError(
          `${e.message}. The commit ${r.commit} on ${r.branch} was already made and pushed to ${r.pushedTo} ` +
            `(outputs commit-sha and branch are set)`,
          { cause: e },
        );
      });
      prUrl = pr.url;
      core.info(`${pr.created ? 'opened' : 'updated'} pull request ${pr.url}`);
    }
    core.setOutput('pr-url', prUrl);

    const rows = r.stations.map((s) => [
      s.station,
      s.status + (s.verdict ? ` (${s.verdict})` : ''),
      s.attempt ?? '',
      formatDuration(s.durationMs),
      totalTokens(s.usage) || '',
      s.usage.costUsd ? formatCost(s.usage.costUsd) : '',
      s.note ?? '',
    ]);
    await writeSummary(
      [
        `### ${r.outcome === 'committed' || r.outcome === 'already_done' || r.outcome === 'validated' ? '✅' : '❌'} ${r.taskId}: ${r.outcome}\n`,
        // Text, not HTML: the message quotes model servers' answers, check output and blueprints.
        `${escapeHtml(r.message.replace(/\s+/g, ' ').trim())}\n`,
        table(['Station', 'Result', 'Attempt', 'Time', 'Tokens', 'Cost', 'Note'], rows),
        r.commit
          ? `\nCommit \`${r.commit}\` on \`${r.branch}\`${r.pushedTo ? ` (pushed to ${r.pushedTo})` : ''}${prUrl ? `, ${prUrl}` : ''}.\n`
          : '',
        r.report && r.outcome === 'failed' ? `\n${r.report}\n` : '',
      ].join('\n'),
    );
    if (!['committed', 'already_done', 'validated'].includes(r.outcome)) {
      throw new GuardianError(`${r.taskId}: ${r.outcome}: ${r.message}`);
    }
  });
}
