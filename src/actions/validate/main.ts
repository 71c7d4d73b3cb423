/**
 * The Validator action: judges the bundle's changes.patch (or the working tree) and sets `verdict`.
 * In the assembly line it enforces the security checks of the Security Consultant's own artifact.
 */
import * as core from '@actions/core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleDirFor, readManifest, writeBundleFile } from '../../bundle/bundle.js';
import { ConfigurationError, GuardianError } from '../../errors.js';
import { annotationsOf, emitAnnotations } from '../../github/annotations.js';
import { openVerifiedBundle, verifiedBundleIfPresent } from '../../github/bundle.js';
import { booleanInput, optionalString, pathInput, rootInput, taskIdInput } from '../../github/inputs.js';
import { actionsLogger } from '../../github/log.js';
import { runAction } from '../../github/run.js';
import { renderStations, renderValidation, writeSummary } from '../../github/summary.js';
import { runValidator } from '../../stations/validator/index.js';

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
 * changed it) and returns its path.
 */
function enforceSecurityJson(inputs: ValidateInputs & { securityBundle: string }): string {
  openVerifiedBundle(inputs.securityBundle, inputs.taskId, "the Security Consultant's Task Bundle");
  const source = join(inputs.securityBundle, 'security.json');
  if (!existsSync(source)) {
    throw new ConfigurationError(
      `the Security Consultant's Task Bundle at ${inputs.securityBundle} has no security.json: its station did not finish`,
    );
  }
  const enforced = readFileSync(source);
  const dir = bundleDirFor(inputs.root, inputs.taskId);
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
  return source;
}

export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = getInputs();
    const log = actionsLogger();
    verifiedBundleIfPresent(inputs.root, inputs.taskId);
    const securityJson = inputs.securityBundle
      ? enforceSecurityJson({ ...inputs, securityBundle: inputs.securityBundle })
      : undefined;

    const { report, bundleDir } = await runValidator({
      root: inputs.root,
      taskId: inputs.taskId,
      log,
      securityJson,
      env: process.env,
    });

    const failed = report.checks.filter((c) => c.outcome !== 'pass').map((c) => c.name);
    core.setOutput('verdict', report.verdict);
    core.setOutput('patch-sha256', report.patchSha256);
    core.setOutput('summary', report.summary);
    core.setOutput('failed-checks', failed.join(','));

    emitAnnotations(annotationsOf(report));
    await writeSummary(
      `${renderValidation(report)}\n${renderStations(readManifest(bundleDir, inputs.taskId))}`,
    );
    core.info(`verdict: ${report.summary}`);

    if (report.verdict === 'fail' && inputs.failOnFail) {
      throw new GuardianError(`the Validator's verdict is fail (${report.summary}); see the job summary`);
    }
  });
}
