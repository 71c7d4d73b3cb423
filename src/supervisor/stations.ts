/**
 * The six stations behind one small interface, so the pipeline treats them alike: each is called with
 * the repository root and the task id, reads what it needs from the Task Bundle on disk, writes its
 * output there and records itself in the manifest. Nothing is carried in memory from one station to
 * the next — the same contract as the split workflow, where each station is a separate job.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleDirFor, readManifest, type StationName, type Usage } from '../bundle/bundle.js';
import { addWorktree, linkDependencies } from '../git/worktree.js';
import { resolveLlmConfig } from '../llm/config.js';
import { loadProject } from '../spec/index.js';
import { runBundler } from '../stations/bundler/index.js';
import { runCoder } from '../stations/coder/index.js';
import {
  compareDependencies,
  dependencyFolders,
  fingerprintDependencies,
  readTaint,
  writeTaint,
} from '../stations/validator/deps.js';
import { runCompletion } from '../stations/completion/index.js';
import { runPrestart } from '../stations/prestart.js';
import { runSecurityConsultant } from '../stations/security-consultant/index.js';
import { runValidator } from '../stations/validator/index.js';
import type { Logger } from '../util/log.js';
import { onExit } from '../util/temp.js';
import { secretEnvValues } from '../secrets/index.js';

export interface StationContext {
  root: string;
  taskId: string;
  log: Logger;
  signal: AbortSignal;
  /** The host's environment: the base of the checks' (scrubbed) environment and the model settings. */
  env: NodeJS.ProcessEnv;
  /** How messages name the host-set variables of `env` (see RunTaskOptions.envSources). */
  envSources?: Record<string, string>;
  /** Coder attempt number (1-based); the Validator's report of the previous one is in the bundle. */
  attempt: number;
  maxAttempts: number;
  dryRun: boolean;
  push?: string;
  branch?: string;
  base?: string;
  runUrl?: string;
  /** Live token and cost figures while a station talks to a model (this station's total so far). */
  onUsage(usage: Usage): void;
}

export interface StationOutcome {
  /** failed: the line stops here (the station's report says why). */
  status: 'ok' | 'failed' | 'skipped';
  verdict?: 'pass' | 'fail';
  note?: string;
  /** Absolute path of a report worth showing on failure (markdown). */
  reportPath?: string;
  patchSha256?: string;
  commit?: string;
  branch?: string;
  pushedTo?: string;
  /**
   * The Validator found the dependency folders modified (`guard:deps`): every later attempt fails the
   * same way until they are reinstalled, so the Coder is not sent back.
   */
  dependenciesModified?: boolean;
}

export type StationRunner = (ctx: StationContext) => Promise<StationOutcome>;
export type StationSet = Record<StationName, StationRunner>;

const prestart: StationRunner = async (ctx) => {
  const r = await runPrestart({
    root: ctx.root,
    taskId: ctx.taskId,
    log: ctx.log,
    base: ctx.base,
    env: ctx.env,
    signal: ctx.signal,
  });
  return {
    status: r.report.verdict === 'pass' ? 'ok' : 'failed',
    verdict: r.report.verdict,
    note: r.report.summary,
    reportPath: r.markdownPath,
  };
};

const validate: StationRunner = async (ctx) => {
  const r = await runValidator({
    root: ctx.root,
    taskId: ctx.taskId,
    log: ctx.log,
    env: ctx.env,
    signal: ctx.signal,
  });
  return {
    status: r.report.verdict === 'pass' ? 'ok' : 'failed',
    verdict: r.report.verdict,
    note: r.report.summary,
    reportPath: r.markdownPath,
    patchSha256: r.report.patchSha256,
    ...(r.report.checks.some((c) => c.name === 'guard:deps' && c.outcome !== 'pass')
      ? { dependenciesModified: true }
      : {}),
  };
};

/** The Coder's model, resolved from the host's environment and quality.toml (undefined: none). */
export function coderModel(root: string, env: NodeJS.ProcessEnv, envSources?: Record<string, string>) {
  const quality = loadProject(root).quality;
  return resolveLlmConfig({
    station: 'coder',
    env,
    ...(envSources ? { envSources } : {}),
    ...(quality ? { quality } : {}),
  });
}

/**
 * The Coder works in its own clean checkout of the base commit, never in the developer's working tree:
 * its whole output is the bundle's changes.patch (which the Validator judges and Completion commits),
 * and the working tree stays as the developer left it — so Completion can move it to the new commit
 * when the branch is checked out, and parallel tasks never write into each other's files.
 */
const code: StationRunner = async (ctx) => {
  const llm = coderModel(ctx.root, ctx.env, ctx.envSources);
  const bundleDir = bundleDirFor(ctx.root, ctx.taskId);
  const base = readManifest(bundleDir, ctx.taskId).baseCommit;
  const wt = addWorktree(ctx.root, base, undefined, 'guardian-coder-');
  // Removed at exit too (a second Ctrl-C quits without unwinding this function).
  const forgetExit = onExit(wt.remove);
  try {
    linkDependencies(ctx.root, wt.dir);
    // The Coder's test runs execute the model's code with the dependency folders linked in: what they
    // change there would sway every later check. Fingerprinted here, out of the model's reach, and
    // written down for the Validator (guard:deps) when changed.
    const deps = fingerprintDependencies(dependencyFolders([ctx.root]));
    const r = await runCoder({
      root: wt.dir,
      bundleDir,
      taskId: ctx.taskId,
      log: ctx.log,
      ...(llm ? { llm } : {}),
      attempt: ctx.attempt,
      // The Coder refuses an attempt number above its maximum; attempts count across resumed runs.
      maxAttempts: Math.max(ctx.attempt, ctx.maxAttempts),
      env: ctx.env,
      signal: ctx.signal,
    });
    const changed = compareDependencies(deps);
    if (changed.length) {
      writeTaint(ctx.root, ctx.taskId, new Date().toISOString(), changed, readTaint(ctx.root), 'coder');
      ctx.log.warn(
        `${ctx.taskId}: the Coder's test runs modified ${changed.length} entr${changed.length === 1 ? 'y' : 'ies'} of the dependency folders (${changed
          .slice(0, 3)
          .map((c) => c.path)
          .join(
            ', ',
          )}${changed.length > 3 ? ', …' : ''}); the Validator will fail until they are reinstalled`,
      );
    }
    return {
      status: r.ok ? 'ok' : r.stopReason === 'no_model' ? 'skipped' : 'failed',
      note: r.message,
      ...(r.patchSha256 ? { patchSha256: r.patchSha256 } : {}),
    };
  } finally {
    forgetExit();
    wt.remove();
  }
};

const complete: StationRunner = async (ctx) => {
  const r = await runCompletion({
    root: ctx.root,
    taskId: ctx.taskId,
    log: ctx.log,
    ...(ctx.push ? { push: ctx.push } : {}),
    ...(ctx.branch ? { branch: ctx.branch } : {}),
    ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}),
  });
  return {
    status: 'ok',
    commit: r.commitSha,
    branch: r.branch,
    ...(r.pushed && r.remote ? { pushedTo: r.remote } : {}),
    note: `${r.alreadyCompleted ? 'already committed' : 'committed'} ${r.commitSha.slice(0, 12)} on ${r.branch}${r.pushed ? `, pushed to ${r.remote}` : ''}`,
  };
};

const bundle: StationRunner = async (ctx) => {
  // The bundle keeps the base commit pre-start used (the Bundler would otherwise take HEAD).
  const dir = bundleDirFor(ctx.root, ctx.taskId);
  const base = existsSync(join(dir, 'manifest.json')) ? readManifest(dir, ctx.taskId).baseCommit : ctx.base;
  const r = await runBundler({
    root: ctx.root,
    taskId: ctx.taskId,
    log: ctx.log,
    ...(base ? { base } : {}),
    // The values of this run's secret variables, whatever their shape, are redacted wherever they appear.
    known: secretEnvValues(ctx.env),
  });
  return {
    status: 'ok',
    note: `${r.tokens}/${r.tokenBudget} tokens, ${r.codeFiles.length} code files, ${r.rules} rules${r.redactions ? `, ${r.redactions} secrets redacted` : ''}`,
  };
};

const security: StationRunner = async (ctx) => {
  const quality = loadProject(ctx.root).quality;
  const llm = resolveLlmConfig({
    station: 'security',
    env: ctx.env,
    ...(ctx.envSources ? { envSources: ctx.envSources } : {}),
    ...(quality ? { quality } : {}),
  });
  const r = await runSecurityConsultant({
    root: ctx.root,
    taskId: ctx.taskId,
    log: ctx.log,
    ...(llm ? { llm } : {}),
    signal: ctx.signal,
  });
  const { high, medium, low } = r.counts;
  return {
    status: 'ok',
    // The severities are counted per risk (a category's finding, or one the model added); a risk's
    // further findings (more places, sub-checks) count among the findings only.
    note: `${high + medium + low} risks (${high} high, ${medium} medium, ${low} low), ${r.findings.length} findings, ${r.checks.length} guard checks${r.model ? `, model ${r.model}` : ''}`,
  };
};

export function defaultStations(): StationSet {
  return { prestart, bundle, security, code, validate, complete };
}
