/**
 * The Coder action: up to `max-attempts` attempts, each judged by the Validator inside this job as
 * feedback for the next (the authoritative verdict comes from the validate job). The change leaves
 * the job only as changes.patch in the Task Bundle.
 */
import * as core from '@actions/core';
import { bundleDirFor, readManifest } from '../../bundle/bundle.js';
import { ConfigurationError, GuardianError } from '../../errors.js';
import { openVerifiedBundle } from '../../github/bundle.js';
import {
  integerInput,
  modelInput,
  rootInput,
  secretFileInput,
  secretInput,
  taskIdInput,
  urlInput,
} from '../../github/inputs.js';
import { actionsLogger, inertLines } from '../../github/log.js';
import { runGuardedAction, type StepGuard } from '../../github/step-guard.js';
import { formatCost, renderStations, table, totalTokens, writeSummary } from '../../github/summary.js';
import { howToConfigureModel, resolveLlmConfig } from '../../llm/index.js';
import { gitSource, loadProject } from '../../spec/index.js';
import { runCoder, type CoderResult } from '../../stations/coder/index.js';
import { runValidator } from '../../stations/validator/index.js';
import { escapeHtml } from '../../util/markdown.js';

export const Inputs = {
  TaskId: 'task-id',
  Root: 'root',
  Model: 'model',
  LlmBaseUrl: 'llm-base-url',
  LlmApiKey: 'llm-api-key',
  LlmApiKeyFile: 'llm-api-key-file',
  MaxAttempts: 'max-attempts',
  MaxTurns: 'max-turns',
} as const;

export interface CodeInputs {
  taskId: string;
  root: string;
  model?: string;
  llmBaseUrl?: string;
  llmApiKey?: string;
  /** The key came from `llm-api-key-file` (read and removed at the start). */
  llmApiKeyFromFile?: boolean;
  maxAttempts: number;
  maxTurns?: number;
}

export function getInputs(): CodeInputs {
  const fromFile = secretFileInput(Inputs.LlmApiKeyFile, Inputs.LlmApiKey);
  return {
    taskId: taskIdInput(Inputs.TaskId),
    root: rootInput(Inputs.Root),
    model: modelInput(Inputs.Model),
    llmBaseUrl: urlInput(Inputs.LlmBaseUrl),
    llmApiKey: fromFile ?? secretInput(Inputs.LlmApiKey),
    llmApiKeyFromFile: fromFile !== undefined,
    maxAttempts: integerInput(Inputs.MaxAttempts, { min: 1, max: 10, fallback: 2 })!,
    maxTurns: integerInput(Inputs.MaxTurns, { min: 1, max: 1000, zeroMeansUnset: true }),
  };
}

/** The most of the model's finish summary the job summary shows (the rest is cut). */
const MAX_MODEL_SUMMARY = 20_000;

function shortened(text: string): string {
  return text.length > MAX_MODEL_SUMMARY
    ? `${text.slice(0, MAX_MODEL_SUMMARY)}… (${text.length - MAX_MODEL_SUMMARY} more characters not shown)`
    : text;
}

/** A real change: a patch that touches at least one file. */
function hasChange(r: CoderResult): r is CoderResult & { patchSha256: string } {
  return Boolean(r.patchSha256) && r.changedFiles.length > 0;
}

export async function run(): Promise<void> {
  await runGuardedAction(code);
}

/**
 * The Coder runs the tests the model wrote: what they leave behind (a process, a write to this step's
 * file commands such as GITHUB_ENV for the next step) is taken back before the outputs are set. The
 * change itself is judged again by the validate job, so this is a warning here, not a failure.
 */
async function code(guard: StepGuard): Promise<void> {
  const inputs = getInputs();
  const log = actionsLogger();
  const dir = bundleDirFor(inputs.root, inputs.taskId);
  const manifest = openVerifiedBundle(dir, inputs.taskId);
  const project = loadProject(inputs.root, gitSource(inputs.root, manifest.baseCommit));
  const llm = resolveLlmConfig({
    station: 'coder',
    env: process.env,
    quality: project.quality,
    overrides: { model: inputs.model, baseUrl: inputs.llmBaseUrl, apiKey: inputs.llmApiKey },
    overrideSources: {
      model: "the action's 'model' input",
      baseUrl: "the action's 'llm-base-url' input",
      apiKey: inputs.llmApiKeyFromFile
        ? "the action's 'llm-api-key-file' input"
        : "the action's 'llm-api-key' input",
    },
  });
  if (!llm) {
    throw new ConfigurationError(
      `no model configured for the Coder: set the action's 'model' input, or ${howToConfigureModel('coder')}`,
    );
  }

  const attempts: { result: CoderResult; feedback?: string }[] = [];
  for (let attempt = 1; attempt <= inputs.maxAttempts; attempt++) {
    const result = await log.group(`Coder, attempt ${attempt} of ${inputs.maxAttempts}`, () =>
      runCoder({
        root: inputs.root,
        taskId: inputs.taskId,
        log,
        llm,
        attempt,
        maxAttempts: inputs.maxAttempts,
        budget: inputs.maxTurns ? { maxTurns: inputs.maxTurns } : undefined,
        env: process.env,
      }),
    );
    const entry: { result: CoderResult; feedback?: string } = { result };
    attempts.push(entry);
    core.info(inertLines(`attempt ${attempt}: ${result.message}`));
    // No change to judge (the model failed, or wrote nothing): another attempt would not help.
    if (!hasChange(result) || attempt === inputs.maxAttempts) break;
    // Judge the attempt here, so that the next one gets the Validator's report as feedback.
    const { report } = await log.group(`Validator (feedback for attempt ${attempt + 1})`, () =>
      runValidator({ root: inputs.root, taskId: inputs.taskId, log, env: process.env }),
    );
    entry.feedback = report.summary;
    if (report.verdict === 'pass') break;
  }

  const leftBehind = guard.takeBack();
  if (leftBehind) core.warning(`the tests the Coder ran left something behind: ${leftBehind}`);
  const last = attempts[attempts.length - 1]!.result;
  const total = readManifest(dir, inputs.taskId);
  // The patch outputs name a change only when there is one (the empty patch has a sha256 too).
  if (hasChange(last)) {
    core.setOutput('patch-sha256', last.patchSha256);
    core.setOutput('changed-files', String(last.changedFiles.length));
  }
  core.setOutput('stop-reason', last.stopReason);
  core.setOutput('tokens', String(totalTokens(total.usage)));
  core.setOutput('cost-usd', String(total.usage.costUsd));

  await writeSummary(
    [
      `### 🛠️ Coder — ${inputs.taskId}\n`,
      `Model ${escapeHtml(llm.model)}. ${escapeHtml(last.message.replace(/\s+/g, ' '))}\n`,
      table(
        ['Attempt', 'Stop reason', 'Turns', 'Tokens', 'Cost', 'Files changed', 'Feedback (Validator)'],
        attempts.map(({ result: r, feedback }) => [
          r.attempt,
          r.stopReason,
          r.turns,
          totalTokens(r.usage),
          formatCost(r.usage.costUsd),
          r.changedFiles.join(', ') || 'none',
          feedback ?? '',
        ]),
      ),
      // The model's own words: text in a quote, never HTML that could reshape the summary around it,
      // and not so long that the tables after it no longer fit in the job summary.
      last.summary ? `\n> ${escapeHtml(shortened(last.summary)).replace(/\n/g, '\n> ')}\n` : '',
      renderStations(total),
    ].join('\n'),
  );
  if (!hasChange(last)) {
    throw new GuardianError(
      `${inputs.taskId}: the Coder produced no change: it stopped with ${last.stopReason}: ${last.message}`,
    );
  }
}
