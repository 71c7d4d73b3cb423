/**
 * The Completion action. On a pass it commits exactly the patch the Validator judged — the verdict and
 * patch sha256 handed over as job outputs must agree with validation.json — pushes the branch and
 * opens or updates a pull request. On a fail it fails the run with the Validator's report in the job
 * summary and annotations on the failing lines.
 */
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleDirFor, type Manifest } from '../../bundle/bundle.js';
import { ConfigurationError, GuardianError, isUserError } from '../../errors.js';
import { annotationsOf, emitAnnotations } from '../../github/annotations.js';
import { openVerifiedBundle } from '../../github/bundle.js';
import {
  booleanInput,
  branchInput,
  choiceInput,
  rootInput,
  refInput,
  secretInput,
  sha256Input,
  taskIdInput,
} from '../../github/inputs.js';
import { actionsLogger } from '../../github/log.js';
import { openOrUpdatePullRequest, pullRequestRepository } from '../../github/pulls.js';
import { runAction, runUrl } from '../../github/run.js';
import { renderStations, renderValidation, table, writeSummary } from '../../github/summary.js';
import { runCompletion } from '../../stations/completion/index.js';
import { readValidationReport } from '../../stations/validator/report-file.js';
import type { ValidationReport } from '../../stations/validator/types.js';
import { execGit } from '../../git/git.js';
import { gitSource, loadProject } from '../../spec/index.js';
import { escapeHtml } from '../../util/markdown.js';

export const Inputs = {
  TaskId: 'task-id',
  Root: 'root',
  Verdict: 'verdict',
  PatchSha256: 'patch-sha256',
  BaseCommit: 'base-commit',
  Branch: 'branch',
  Push: 'push',
  OpenPr: 'open-pr',
  PrBase: 'pr-base',
  GithubToken: 'github-token',
} as const;

export interface CompleteInputs {
  taskId: string;
  root: string;
  verdict?: 'pass' | 'fail';
  patchSha256?: string;
  /** The commit the job checked out as the base (default HEAD): the bundle must name it. */
  baseCommit: string;
  branch?: string;
  push: boolean;
  openPr: boolean;
  prBase?: string;
  githubToken?: string;
}

export function getInputs(): CompleteInputs {
  const taskId = taskIdInput(Inputs.TaskId);
  const root = rootInput(Inputs.Root);
  const inputs: CompleteInputs = {
    taskId,
    root,
    verdict: choiceInput(Inputs.Verdict, ['pass', 'fail'] as const),
    patchSha256: sha256Input(Inputs.PatchSha256),
    baseCommit: refInput(Inputs.BaseCommit) ?? 'HEAD',
    branch: branchInput(Inputs.Branch, root),
    push: booleanInput(Inputs.Push, true),
    openPr: booleanInput(Inputs.OpenPr, false),
    prBase: refInput(Inputs.PrBase),
    githubToken: secretInput(Inputs.GithubToken),
  };
  if (inputs.openPr && !inputs.push) {
    throw new ConfigurationError(
      `input '${Inputs.OpenPr}' is true but '${Inputs.Push}' is false: a pull request needs the pushed branch`,
    );
  }
  if (inputs.openPr && !inputs.githubToken) {
    throw new ConfigurationError(`input '${Inputs.OpenPr}' is true but '${Inputs.GithubToken}' is empty`);
  }
  return inputs;
}

/** The bundle's validation.json, its shape checked field by field (it travelled between jobs). */
function readReport(dir: string): ValidationReport | undefined {
  try {
    return readValidationReport(dir);
  } catch (e) {
    if (isUserError(e)) throw new ConfigurationError(`${e.message}; nothing committed`, { cause: e });
    throw e;
  }
}

/**
 * The job outputs handed from the validate job must name the same verdict and patch as the report. With
 * a Task Bundle both are required: the bundle travelled through jobs that ran model-written code, and
 * only the validate job's outputs (set once its checks were over) say what the Validator judged. An
 * empty value is refused, not read as "no check".
 */
export function checkHandover(
  inputs: CompleteInputs,
  report: ValidationReport | undefined,
  bundle = true,
): void {
  if (bundle && (!inputs.verdict || !inputs.patchSha256)) {
    const missing = [!inputs.verdict && Inputs.Verdict, !inputs.patchSha256 && Inputs.PatchSha256].filter(
      Boolean,
    );
    throw new ConfigurationError(
      `input ${missing.map((m) => `'${m}'`).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} empty: pass the validate step's outputs (verdict, patch-sha256), which say what the Validator judged; nothing committed`,
    );
  }
  if (!inputs.verdict && !inputs.patchSha256) return;
  if (!report) {
    throw new ConfigurationError(
      `the Validator's verdict was handed over (${inputs.verdict ?? 'none'}) but the Task Bundle has no validation.json; nothing committed`,
    );
  }
  if (inputs.verdict && inputs.verdict !== report.verdict) {
    throw new GuardianError(
      `input '${Inputs.Verdict}' is ${inputs.verdict} but validation.json says ${report.verdict}: the bundle is not the one the Validator judged; nothing committed`,
    );
  }
  if (inputs.patchSha256 && inputs.patchSha256 !== report.patchSha256) {
    throw new GuardianError(
      `input '${Inputs.PatchSha256}' (${inputs.patchSha256.slice(0, 16)}…) differs from the patch validation.json judged ` +
        `(${String(report.patchSha256).slice(0, 16)}…); nothing committed`,
    );
  }
}

/**
 * A job starts from a fresh checkout: the task branch exists only as origin/<branch>. Give Completion
 * the local branch, so that a re-run finds the commit an earlier run pushed (no second commit, no
 * refused push) and a milestone's next task lands on top of the branch.
 */
function trackRemoteBranch(
  root: string,
  taskId: string,
  explicit: string | undefined,
  base: string | undefined,
): void {
  let branch = explicit;
  if (!branch && base) {
    const project = loadProject(root, gitSource(root, base), { quality: false });
    branch = project.tasks.find((t) => t.id === taskId)?.branch ?? `guardian/${taskId}`;
  }
  if (!branch) return;
  const local = execGit(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], {
    cwd: root,
    allowFailure: true,
  });
  if (local.code === 0) return;
  const remote = execGit(['rev-parse', '--verify', '--quiet', `refs/remotes/origin/${branch}^{commit}`], {
    cwd: root,
    allowFailure: true,
  });
  if (remote.code !== 0) return;
  execGit(['update-ref', `refs/heads/${branch}`, remote.stdout.trim(), '0'.repeat(40)], { cwd: root });
}

function taskTitle(root: string, commit: string, taskId: string): string {
  try {
    const project = loadProject(root, gitSource(root, commit), { quality: false });
    return project.tasks.find((t) => t.id === taskId)?.title ?? taskId;
  } catch {
    return taskId;
  }
}

/** A failure after the commit and the push says that they happened (their outputs are set). */
async function afterCommit<T>(
  result: { commitSha: string; branch: string; pushed: boolean },
  p: Promise<T>,
): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (!isUserError(e)) throw e;
    throw new GuardianError(
      `${e.message}. The commit ${result.commitSha} on ${result.branch} was already made` +
        `${result.pushed ? ' and pushed' : ''} (outputs commit-sha and branch are set); a re-run of the job finds it instead of committing again`,
      { cause: e },
    );
  }
}

export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = getInputs();
    // Where the pull request goes is checked before anything is committed.
    const repository = inputs.openPr ? pullRequestRepository() : undefined;
    const log = actionsLogger();
    const dir = bundleDirFor(inputs.root, inputs.taskId);
    let manifest: Manifest | undefined;
    if (existsSync(join(dir, 'manifest.json'))) manifest = openVerifiedBundle(dir, inputs.taskId);
    else if (inputs.verdict) {
      throw new ConfigurationError(
        `the Task Bundle for ${inputs.taskId} is missing (no manifest.json in ${dir}): the validate job's artifact was not downloaded there`,
      );
    }
    const report = readReport(dir);
    checkHandover(inputs, report, manifest !== undefined);

    if (report?.verdict === 'fail') {
      emitAnnotations(annotationsOf(report));
      await writeSummary(`${renderValidation(report)}\n${manifest ? renderStations(manifest) : ''}`);
      core.setOutput('branch', '');
      throw new GuardianError(
        `${inputs.taskId}: the Validator's verdict is fail (${report.summary.replace(/\s+/g, ' ').trim()}); nothing committed`,
      );
    }

    const url = runUrl();
    trackRemoteBranch(inputs.root, inputs.taskId, inputs.branch, report?.baseCommit ?? manifest?.baseCommit);
    const result = await runCompletion({
      root: inputs.root,
      taskId: inputs.taskId,
      log,
      push: inputs.push ? 'origin' : undefined,
      branch: inputs.branch,
      runUrl: url,
      base: inputs.baseCommit,
    });
    core.setOutput('commit-sha', result.commitSha);
    core.setOutput('branch', result.branch);
    core.info(`${inputs.taskId}: ${result.commitSha} on ${result.branch}${result.pushed ? ' (pushed)' : ''}`);

    let pr: { url: string; number: number; created: boolean } | undefined;
    if (inputs.openPr && repository) {
      const base = report?.baseCommit ?? manifest?.baseCommit;
      const title = base ? taskTitle(inputs.root, base, inputs.taskId) : inputs.taskId;
      pr = await afterCommit(
        result,
        openOrUpdatePullRequest({
          token: inputs.githubToken!,
          repository,
          head: result.branch,
          base: inputs.prBase,
          title: `feat(${inputs.taskId}): ${title}`,
          sectionId: inputs.taskId,
          // Text, not HTML: a title holding another task's `<!-- guardian:… -->` marker would cut the
          // shared body apart when that task updates its section.
          section: [
            `### ${inputs.taskId}: ${escapeHtml(title)}`,
            '',
            `Commit ${result.commitSha}${report ? ` — Validator: ${escapeHtml(report.summary.replace(/\s+/g, ' ').trim())}` : ''}${url ? ` — [run](${url})` : ''}`,
            '',
            report
              ? table(
                  ['Check', 'Kind', 'Outcome'],
                  report.checks.map((c) => [c.name, c.kind, c.outcome]),
                )
              : '',
          ].join('\n'),
        }),
      );
      core.setOutput('pr-url', pr.url);
      core.setOutput('pr-number', String(pr.number));
      core.info(`${pr.created ? 'opened' : 'updated'} pull request ${pr.url}`);
    }

    const rows: string[][] = [
      ['Commit', result.commitSha],
      ['Branch', result.branch],
      ['Pushed', result.pushed ? `yes (${result.remote})` : 'no'],
    ];
    if (result.alreadyCompleted) rows.push(['Note', 'already completed by an earlier run: no new commit']);
    if (pr) rows.push(['Pull request', `${pr.url} (${pr.created ? 'opened' : 'updated'})`]);
    // The bundle is gone after a successful completion: the manifest read before it stands in.
    const stations = manifest ? renderStations(manifest) : '';
    await writeSummary(
      `### ✅ Completed ${inputs.taskId}\n\n${table(['Result', 'Value'], rows)}\n${report ? renderValidation(report, { tails: false }) : ''}\n${stations}`,
    );
  });
}
