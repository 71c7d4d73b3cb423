/**
 * What every gate station starts from: the bundle directory, the base commit, and the task and
 * quality.toml as they are AT THE BASE (never as the change left them).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  bundleDirFor,
  newManifest,
  manifestBase,
  readManifest,
  writeManifest,
  type Manifest,
} from '../../bundle/bundle.js';
import { ConfigurationError } from '../../errors.js';
import { execGit, resolveCommit } from '../../git/git.js';
import {
  gitSource,
  loadProject,
  requireQuality,
  requireTask,
  type Blueprint,
  type QualityConfig,
} from '../../spec/index.js';
import type { Logger } from '../../util/log.js';

export interface GateContext {
  root: string;
  bundleDir: string;
  manifest: Manifest;
  baseCommit: string;
  task: Blueprint;
  quality: QualityConfig;
}

/**
 * Base commit: the bundle manifest's, else `base`, else HEAD. Without a bundle, a minimal one is created
 * (manifest only) so later stations find the reports.
 */
export function openGate(opts: {
  root: string;
  taskId: string;
  base?: string;
  log: Logger;
  createBundle?: boolean;
}): GateContext {
  const { root, taskId } = opts;
  const bundleDir = bundleDirFor(root, taskId);
  const hasBundle = existsSync(join(bundleDir, 'manifest.json'));
  let manifest = hasBundle ? readManifest(bundleDir, taskId) : undefined;
  let baseCommit: string;
  if (manifest) {
    baseCommit = manifestBase(root, bundleDir, manifest);
    // The bundle travelled through jobs that ran model-written code; a host that knows the base
    // (--base) is trusted over the manifest, and a disagreement is refused rather than resolved.
    if (opts.base !== undefined && resolveCommit(root, opts.base) !== baseCommit) {
      throw new ConfigurationError(
        `--base ${opts.base} is ${resolveCommit(root, opts.base).slice(0, 12)}, but the Task Bundle's manifest says ${baseCommit.slice(0, 12)}: refusing to judge against a base the host did not ask for (a Task Bundle's base is fixed when the bundle is made; to judge the task against another base, remove .guardian/bundles/${taskId}/ first)`,
      );
    }
  } else {
    baseCommit = resolveCommit(root, opts.base ?? 'HEAD');
  }
  const short = baseCommit.slice(0, 12);
  const project = loadProject(root, gitSource(root, baseCommit));
  const task = requireTask(project, taskId);
  const quality = requireQuality(project, `the base commit ${short}`);
  if (!task.hasPlan || task.plan.length === 0) {
    throw new ConfigurationError(
      `${task.path}: task ${taskId} has no verification plan at the base commit ${short} (a "## Verification Plan" section with a \`\`\`guardian JSON block of steps)`,
    );
  }
  if (!manifest) {
    if (opts.createBundle === false)
      throw new ConfigurationError(`no Task Bundle for ${taskId} at ${bundleDir}`);
    mkdirSync(bundleDir, { recursive: true });
    manifest = newManifest({ taskId, baseCommit, blueprintPath: task.path, blueprintSha256: task.sha256 });
    writeManifest(bundleDir, manifest);
  }
  return { root, bundleDir, manifest, baseCommit, task, quality };
}

/** Whether the working tree is exactly the commit (HEAD there, nothing modified or untracked outside .guardian/). */
export function workingTreeAt(root: string, commit: string): boolean {
  const head = execGit(['rev-parse', '--verify', '--quiet', 'HEAD'], {
    cwd: root,
    allowFailure: true,
  }).stdout.trim();
  if (head !== commit) return false;
  const st = execGit(['status', '--porcelain', '-z', '--untracked-files=all'], { cwd: root }).stdout;
  return st
    .split('\0')
    .filter(Boolean)
    .every((e) => e.slice(3).startsWith('.guardian/'));
}
