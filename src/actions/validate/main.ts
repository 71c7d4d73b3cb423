/**
 * The Validator action: judges the bundle's changes.patch (or the working tree) and sets `verdict`.
 * In the assembly line it enforces the security checks of the Security Consultant's own artifact.
 */
import * as core from '@actions/core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bundleDirFor,
  manifestBase,
  readManifest,
  writeBundleFile,
  type Manifest,
} from '../../bundle/bundle.js';
import { ConfigurationError, GuardianError } from '../../errors.js';
import { annotationsOf, emitAnnotations } from '../../github/annotations.js';
import { openVerifiedBundle, verifiedBundleIfPresent } from '../../github/bundle.js';
import { booleanInput, optionalString, pathInput, rootInput, taskIdInput } from '../../github/inputs.js';
import { actionsLogger, inertLines } from '../../github/log.js';
import { runGuardedAction, type StepGuard } from '../../github/step-guard.js';
import { renderStations, renderValidation, writeSummary } from '../../github/summary.js';
import { runValidator } from '../../stations/validator/index.js';

/** The name a step's own guard fails under. */
const HOST_CHECK = 'guard:step';

export const Inputs = {
  TaskId: 'task-id',
  Root: 'root',
  SecurityBundle: 'security-bundle',
  FailOnFail: 'fail-on-fail',
} as const;

export interface ValidateInputs {
  taskId: string;
  root: string;
  securityBundle?: string;
  failOnFail: boolean;
}

export function getInputs(): ValidateInputs {
  const security = optionalString(Inputs.SecurityBundle);
  return {
    taskId: taskIdInput(Inputs.TaskId),
    root: rootInput(Inputs.Root),
    securityBundle: security ? pathInput(Inputs.SecurityBundle) : undefined,
    failOnFail: booleanInput(Inputs.FailOnFail, true),
  };
}

/**
 * Puts the Security Consultant's security.json into the bundle under test (the Coder's copy may have
 * changed it) and returns its path, with the base commit that bundle names. The Coder's manifest must
 * name the same base: the model's tests could rewrite it (hashes and all) to have the change judged
 * against an older commit with fewer checks.
 */
function enforceSecurityJson(
  inputs: ValidateInputs & { securityBundle: string },
  coded: Manifest | undefined,
): { path: string; baseCommit: string } {
  const trusted = openVerifiedBundle(
    inputs.securityBundle,
    inputs.taskId,
    "the Security Consultant's Task Bundle",
  );
  const dir = bundleDirFor(inputs.root, inputs.taskId);
  if (coded) {
    const claimed = manifestBase(inputs.root, dir, coded);
    const base = manifestBase(inputs.root, inputs.securityBundle, trusted);
    if (claimed !== base) {
      throw new ConfigurationError(
        `the Task Bundle at ${dir} names the base commit ${claimed.slice(0, 12)} (manifest.json \`baseCommit\`), but the Security Consultant's Task Bundle at ${inputs.securityBundle} names ${base.slice(0, 12)}: refusing to judge the change against a base the Bundler did not choose`,
      );
    }
  }
  const source = join(inputs.securityBundle, 'security.json');
  if (!existsSync(source)) {
    throw new ConfigurationError(
      `the Security Consultant's Task Bundle at ${inputs.securityBundle} has no security.json: its station did not finish`,
    );
  }
  const enforced = readFileSync(source);
  const current = join(dir, 'security.json');
  if (
    existsSync(join(dir, 'manifest.json')) &&
    (!existsSync(current) || !readFileSync(current).equals(enforced))
  ) {
    core.warning(
      "security.json in the Coder's Task Bundle differs from the Security Consultant's; the Security Consultant's is enforced",
    );
    writeBundleFile(dir, 'security.json', enforced);
  }
  return { path: source, baseCommit: trusted.baseCommit };
}

export async function run(): Promise<void> {
  // Before anything runs: what the checks leave behind is taken back before the outputs are set.
  await runGuardedAction(validate);
}

async function validate(guard: StepGuard): Promise<void> {
  const inputs = getInputs();
  const log = actionsLogger();
  const coded = verifiedBundleIfPresent(inputs.root, inputs.taskId);
  const security = inputs.securityBundle
    ? enforceSecurityJson({ ...inputs, securityBundle: inputs.securityBundle }, coded)
    : undefined;

  const { report, bundleDir } = await runValidator({
    root: inputs.root,
    taskId: inputs.taskId,
    log,
    securityJson: security?.path,
    // The base the Security Consultant's bundle names, also when the Coder's artifact has no manifest.
    base: security?.baseCommit,
    env: process.env,
  });

  const failed = report.checks.filter((c) => c.outcome !== 'pass').map((c) => c.name);
  // Whatever the report says, a change whose checks reach past them (a process still running, a write
  // to this step's outputs) is not passed on.
  const leftBehind = guard.takeBack();
  const verdict = leftBehind ? 'fail' : report.verdict;
  const summary = leftBehind ? `fail: ${[...failed, HOST_CHECK].join(', ')}` : report.summary;
  core.setOutput('verdict', verdict);
  core.setOutput('patch-sha256', report.patchSha256);
  core.setOutput('summary', summary);
  core.setOutput('failed-checks', (leftBehind ? [...failed, HOST_CHECK] : failed).join(','));

  emitAnnotations(annotationsOf(report));
  await writeSummary(
    `${leftBehind ? `### ❌ ${HOST_CHECK}: ${leftBehind}\n\n` : ''}${renderValidation(report)}\n${renderStations(readManifest(bundleDir, inputs.taskId))}`,
  );
  core.info(inertLines(`verdict: ${summary}`));

  if (leftBehind) throw new GuardianError(`${HOST_CHECK}: ${leftBehind}; the verdict is fail`);
  if (report.verdict === 'fail' && inputs.failOnFail) {
    throw new GuardianError(`the Validator's verdict is fail (${report.summary}); see the job summary`);
  }
}
