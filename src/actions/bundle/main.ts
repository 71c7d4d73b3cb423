/**
 * The Bundler action: decides the task's branch and base commit, runs the pre-start checks there,
 * then builds the Task Bundle. Its outputs fix the base commit for every later job.
 */
import * as core from '@actions/core';
import { join } from 'node:path';
import { bundleDirFor, readManifest } from '../../bundle/bundle.js';
import { ConfigurationError, GuardianError, isUserError } from '../../errors.js';
import { execGit, resolveCommit } from '../../git/git.js';
import {
  booleanInput,
  branchInput,
  integerInput,
  rootInput,
  refInput,
  secretFileInput,
  secretInput,
  shown,
  taskIdInput,
} from '../../github/inputs.js';
import { actionsLogger } from '../../github/log.js';
import { runGuardedAction } from '../../github/step-guard.js';
import { renderStations, renderValidation, table, writeSummary } from '../../github/summary.js';
import { fsSource, gitSource, loadProject } from '../../spec/index.js';
import { runBundler } from '../../stations/bundler/index.js';
import { runPrestart } from '../../stations/prestart.js';
import type { ValidationReport } from '../../stations/validator/types.js';
import { escapeHtml } from '../../util/markdown.js';
import { secretEnvValues } from '../../secrets/index.js';

/**
 * A note of the Bundler as one list item: notes quote the blueprint, file names and documentation
 * servers' error text, so they are text on one line, never HTML (inside the notes' <details>).
 */
function noteItem(note: string): string {
  return `- ${escapeHtml(note.replace(/\s+/g, ' ').trim())}`;
}

export const Inputs = {
  TaskId: 'task-id',
  Root: 'root',
  BaseRef: 'base-ref',
  Branch: 'branch',
  TokenBudget: 'token-budget',
  Prestart: 'prestart',
  Context7ApiKey: 'context7-api-key',
  Context7ApiKeyFile: 'context7-api-key-file',
} as const;

export interface BundleInputs {
  taskId: string;
  root: string;
  baseRef?: string;
  branch?: string;
  tokenBudget?: number;
  prestart: boolean;
  context7ApiKey?: string;
}

export function getInputs(): BundleInputs {
  // First, so that a mistake in another input leaves no key on disk.
  const keyFromFile = secretFileInput(
    Inputs.Context7ApiKeyFile,
    Inputs.Context7ApiKey,
    'key',
    'context7-key',
  );
  const taskId = taskIdInput(Inputs.TaskId);
  const root = rootInput(Inputs.Root);
  return {
    taskId,
    root,
    baseRef: refInput(Inputs.BaseRef),
    // Checked here, not when the complete job commits on it after the model has run.
    branch: branchInput(Inputs.Branch, root),
    tokenBudget: integerInput(Inputs.TokenBudget, { min: 1000, max: 2_000_000, zeroMeansUnset: true }),
    prestart: booleanInput(Inputs.Prestart, true),
    context7ApiKey: keyFromFile ?? secretInput(Inputs.Context7ApiKey),
  };
}

/** The branch the task's commit goes to: the input, else the blueprint's `branch`, else guardian/<task-id>. */
export function taskBranch(root: string, taskId: string, explicit: string | undefined): string {
  if (explicit) return explicit;
  const head = execGit(['rev-parse', '--verify', '--quiet', 'HEAD'], {
    cwd: root,
    allowFailure: true,
  }).stdout.trim();
  const project = loadProject(root, head ? gitSource(root, head) : fsSource(root), { quality: false });
  return project.tasks.find((t) => t.id === taskId)?.branch ?? `guardian/${taskId}`;
}

/**
 * Where the task starts: the input; else the branch's tip on origin when the branch exists there (so
 * the commit can be pushed without force, and the tasks of a milestone stack); else HEAD.
 */
export function baseFor(
  root: string,
  branch: string,
  explicit: string | undefined,
): { commit: string; from: string } {
  if (explicit) {
    const remote = `refs/remotes/origin/${explicit}`;
    const viaRemote = execGit(['rev-parse', '--verify', '--quiet', `${remote}^{commit}`], {
      cwd: root,
      allowFailure: true,
    });
    if (viaRemote.code === 0) return { commit: viaRemote.stdout.trim(), from: `origin/${explicit}` };
    try {
      return { commit: resolveCommit(root, explicit), from: explicit };
    } catch (e) {
      if (!isUserError(e)) throw e;
      throw new ConfigurationError(
        `input '${Inputs.BaseRef}': ${shown(explicit)} is not a branch, tag or commit of the repository at ${root}, nor origin/${explicit}; expected one the checkout has (actions/checkout with fetch-depth: 0 fetches them all)`,
        { cause: e },
      );
    }
  }
  const tip = execGit(['rev-parse', '--verify', '--quiet', `refs/remotes/origin/${branch}^{commit}`], {
    cwd: root,
    allowFailure: true,
  });
  if (tip.code === 0) return { commit: tip.stdout.trim(), from: `origin/${branch}` };
  return { commit: resolveCommit(root, 'HEAD'), from: 'HEAD' };
}

/**
 * The pre-start checks and [setup] commands run the repository's code at the base, which in a milestone
 * holds what an earlier task's model wrote. This step's outputs fix the branch the complete job pushes
 * to and the base every later job works on: what that code leaves behind (a process, a write to the
 * step's file commands) is taken back before they are set, and fails the step.
 */
export async function run(): Promise<void> {
  await runGuardedAction(async (guard) => {
    const inputs = getInputs();
    const log = actionsLogger();
    const { root, taskId } = inputs;
    const branch = taskBranch(root, taskId, inputs.branch);
    const base = baseFor(root, branch, inputs.baseRef);
    core.info(`${taskId}: base ${base.commit.slice(0, 12)} (${base.from}), branch ${branch}`);

    const pre = inputs.prestart
      ? await log.group('Pre-start checks', () =>
          // A fresh checkout has no dependencies installed: run quality.toml's [setup] commands first.
          runPrestart({ root, taskId, log, base: base.commit, env: process.env, runSetup: true }),
        )
      : undefined;
    // Once the checks are over, before this step writes its summary or builds the bundle (a process
    // the checks left could still write either).
    const leftBehind = guard.takeBack();
    if (leftBehind) {
      throw new GuardianError(
        `${taskId}: the pre-start checks reach past the step: ${leftBehind}; the step's outputs (base commit, branch) are not set and no Task Bundle is handed on`,
      );
    }
    if (pre?.report.verdict === 'fail') {
      await writeSummary(
        renderValidation({
          ...pre.report,
          patchSha256: '',
          patchSource: 'working-tree',
          judgedIn: 'in-place',
          changedFiles: [],
        } as ValidationReport),
      );
      throw new GuardianError(
        `${taskId}: the pre-start checks fail at the base ${base.commit.slice(0, 12)} (${pre.report.summary}): the codebase is not in the state the blueprint expects; nothing was built`,
      );
    }

    const result = await runBundler({
      root,
      taskId,
      // The secrets of the job's environment and the key read from a file, redacted wherever they appear.
      known: [...secretEnvValues(process.env), ...(inputs.context7ApiKey ? [inputs.context7ApiKey] : [])],
      base: base.commit,
      log,
      tokenBudget: inputs.tokenBudget,
      // CONTEXT7_API_URL, as for the CLI: a proxy or a stand-in instead of the public service.
      context7: inputs.context7ApiKey
        ? {
            apiKey: inputs.context7ApiKey,
            ...(process.env.CONTEXT7_API_URL ? { baseUrl: process.env.CONTEXT7_API_URL } : {}),
          }
        : undefined,
    });
    // Outputs only once the bundle exists: a failed step must not hand a path to nothing to later jobs.
    core.setOutput('base-commit', base.commit);
    core.setOutput('branch', branch);
    core.setOutput('bundle-path', bundleDirFor(root, taskId));
    core.setOutput('context-tokens', String(result.tokens));

    const manifest = readManifest(result.bundleDir, taskId);
    await writeSummary(
      [
        `### 📦 Task Bundle — ${taskId}\n`,
        table(
          ['Item', 'Value'],
          [
            ['Base commit', `${base.commit} (${base.from})`],
            ['Branch', branch],
            ['task_context.md', `${result.tokens} / ${result.tokenBudget} tokens (${result.tokenizer})`],
            ['Relevant code', result.codeFiles.map((f) => f.path).join(', ') || 'none'],
            ['Architectural rules', String(result.rules)],
            ['Libraries', result.libraries.join(', ') || 'none'],
            ['Secrets redacted', String(result.redactions)],
          ],
        ),
        result.notes.length
          ? `\n<details><summary>Notes (${result.notes.length})</summary>\n\n${result.notes.map(noteItem).join('\n')}\n</details>\n`
          : '',
        renderStations(manifest),
        `\nBundle: \`${join('.guardian', 'bundles', taskId)}\``,
      ].join('\n'),
    );
  });
}
