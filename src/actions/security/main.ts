/**
 * The Security Consultant action: threat model of the task (rules, plus a model when configured),
 * security.json with the checks the Validator enforces, and "Security Considerations" in task_context.md.
 */
import * as core from '@actions/core';
import { bundleDirFor, readManifest } from '../../bundle/bundle.js';
import { openVerifiedBundle } from '../../github/bundle.js';
import { modelInput, rootInput, secretInput, taskIdInput, urlInput } from '../../github/inputs.js';
import { actionsLogger } from '../../github/log.js';
import { runAction } from '../../github/run.js';
import { formatCost, renderStations, table, totalTokens, writeSummary } from '../../github/summary.js';
import { resolveLlmConfig } from '../../llm/index.js';
import { loadProject, gitSource } from '../../spec/index.js';
import { runSecurityConsultant } from '../../stations/security-consultant/index.js';

export const Inputs = {
  TaskId: 'task-id',
  Root: 'root',
  Model: 'model',
  LlmBaseUrl: 'llm-base-url',
  LlmApiKey: 'llm-api-key',
} as const;

export interface SecurityInputs {
  taskId: string;
  root: string;
  model?: string;
  llmBaseUrl?: string;
  llmApiKey?: string;
}

export function getInputs(): SecurityInputs {
  return {
    taskId: taskIdInput(Inputs.TaskId),
    root: rootInput(Inputs.Root),
    model: modelInput(Inputs.Model),
    llmBaseUrl: urlInput(Inputs.LlmBaseUrl),
    llmApiKey: secretInput(Inputs.LlmApiKey),
  };
}

export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = getInputs();
    const log = actionsLogger();
    const dir = bundleDirFor(inputs.root, inputs.taskId);
    const manifest = openVerifiedBundle(dir, inputs.taskId);
    // quality.toml as it is at the base commit decides the model when no input does.
    const project = loadProject(inputs.root, gitSource(inputs.root, manifest.baseCommit));
    const llm = resolveLlmConfig({
      station: 'security',
      env: process.env,
      quality: project.quality,
      overrides: { model: inputs.model, baseUrl: inputs.llmBaseUrl, apiKey: inputs.llmApiKey },
      overrideSources: {
        model: "the action's 'model' input",
        baseUrl: "the action's 'llm-base-url' input",
        apiKey: "the action's 'llm-api-key' input",
      },
    });
    if (!llm) core.info('no model configured: the Security Consultant runs on its rules alone');

    const result = await runSecurityConsultant({ root: inputs.root, taskId: inputs.taskId, log, llm });
    core.setOutput('findings', String(result.findings.length));
    core.setOutput('checks', String(result.checks.length));
    core.setOutput('tokens', String(totalTokens(result.usage)));
    core.setOutput('cost-usd', String(result.usage?.costUsd ?? 0));

    await writeSummary(
      [
        `### 🛡️ Security Consultant — ${inputs.taskId}\n`,
        `${result.findings.length} finding(s): ${result.counts.high} high, ${result.counts.medium} medium, ${result.counts.low} low; ` +
          `${result.checks.length} check(s) the Validator will enforce. Stack: ${result.stacks.join(', ') || 'unknown'}. ` +
          `${result.model ? `Model: ${result.model} (${totalTokens(result.usage)} tokens, ${formatCost(result.usage?.costUsd)}).` : 'Rules only (no model).'}\n`,
        result.findings.length
          ? table(
              ['Severity', 'Category', 'Finding', 'Where', 'Source'],
              result.findings.map((f) => [
                f.severity,
                f.category,
                f.title,
                f.where.map((w) => `${w.path}${w.line ? `:${w.line}` : ''}`).join(', '),
                f.source,
              ]),
            )
          : '',
        renderStations(readManifest(dir, inputs.taskId)),
      ].join('\n'),
    );
  });
}
