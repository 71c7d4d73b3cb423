/** `guardian security TASK-ID`: the Security Consultant station from the command line. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { bundleDirFor, manifestBase, readManifest } from '../../bundle/bundle.js';
import { isGitRepo, repoRoot, resolveCommit, showFile } from '../../git/git.js';
import { resolveLlmConfig } from '../../llm/index.js';
import { parseQualityToml } from '../../spec/index.js';
import {
  runSecurityConsultant,
  type SecurityConsultantResult,
} from '../../stations/security-consultant/index.js';
import { withRunLock } from '../../supervisor/lock.js';
import { streamLogger, type Logger } from '../../util/log.js';
import { table } from '../io.js';
import { resolveRoot } from './spec.js';
import type { CommandContext } from './index.js';

/** Version of the `--json` document; bumped only on incompatible changes. */
export const SECURITY_JSON_OUTPUT_VERSION = 1;

function human(r: SecurityConsultantResult): string {
  const main = r.findings.filter((f) => !f.id.includes('/') || f.source === 'model');
  const rows = main.map((f) => [
    f.severity,
    f.category,
    f.source,
    f.where
      .slice(0, 3)
      .map((w) => `${w.path}:${w.line}`)
      .join(' ') || '-',
  ]);
  const lines = [
    `Security Considerations for ${r.taskId} (${r.model ? `rules + model ${r.model}` : 'offline rules'})`,
    `stack: ${r.stacks.join(', ') || 'unknown'} · ${r.counts.high} high, ${r.counts.medium} medium, ${r.counts.low} low · ${r.checks.length} guard checks`,
    '',
    rows.length
      ? table(['severity', 'category', 'source', 'where'], rows).trimEnd()
      : 'no security-relevant risk found',
    '',
    `written: ${r.securityJson}`,
    `         ${r.taskContext} (## Security Considerations)`,
  ];
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join('\n') + '\n';
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('security')
    .description(
      'threat-model a task: security.json (enforced checks) and ## Security Considerations in the bundle',
    )
    .argument('<task-id>', 'the task, e.g. TASK-042')
    .option('--root <dir>', 'repository root', '.')
    .option('--json', `one JSON document on stdout (schemaVersion ${SECURITY_JSON_OUTPUT_VERSION})`)
    .option('--offline', 'rules only, even when a model is configured')
    .option(
      '--model <name>',
      'model for the optional model pass (overrides GUARDIAN_SECURITY_MODEL / quality.toml)',
    )
    .option('--base-url <url>', 'OpenAI-compatible server for the model pass')
    .option('--debug', 'print debug notes')
    .action(
      async (
        taskId: string,
        opts: {
          root?: string;
          json?: boolean;
          offline?: boolean;
          model?: string;
          baseUrl?: string;
          debug?: boolean;
        },
      ) => {
        // From a subdirectory, the bundle still lives at the repository root.
        const dir = resolveRoot(ctx, opts.root);
        const root = isGitRepo(dir) ? repoRoot(dir) : dir;
        const log = streamLogger(ctx.io.stderr, { debug: !!opts.debug });
        const bundleDir = bundleDirFor(root, taskId); // a malformed task id is refused before the lock
        // security.json and task_context.md are written into the bundle, which a `guardian run` there may
        // be rebuilding: one writer at a time (.guardian/run.lock), the bundle read under the lock too.
        const result = await withRunLock(root, `guardian security ${taskId}`, log, () =>
          consult(ctx, root, bundleDir, taskId, log, opts),
        );
        if (opts.json) {
          ctx.io.stdout.write(
            JSON.stringify({ schemaVersion: SECURITY_JSON_OUTPUT_VERSION, ...result }, null, 2) + '\n',
          );
        } else ctx.io.stdout.write(human(result));
        ctx.setExitCode(0);
      },
    );
}

/** The model settings (from the bundle's base commit) and the station's run: under the run lock. */
async function consult(
  ctx: CommandContext,
  root: string,
  bundleDir: string,
  taskId: string,
  log: Logger,
  opts: { json?: boolean; offline?: boolean; model?: string; baseUrl?: string },
): Promise<SecurityConsultantResult> {
  let llm: Parameters<typeof runSecurityConsultant>[0]['llm'];
  if (!opts.offline) {
    // quality.toml decides where the model key is sent: read it from the bundle's base commit (as
    // every station does), never from a working tree a change may have edited.
    // A base commit this repository does not have is one message naming the manifest's field (the
    // working tree's quality.toml is not a stand-in: it decides where the key goes).
    const manifest = existsSync(join(bundleDir, 'manifest.json'))
      ? readManifest(bundleDir, taskId)
      : undefined;
    const qBytes = isGitRepo(root)
      ? showFile(
          root,
          manifest ? manifestBase(root, bundleDir, manifest) : resolveCommit(root, 'HEAD'),
          'quality.toml',
        )
      : undefined;
    const quality = qBytes ? parseQualityToml(qBytes, 'quality.toml').config : undefined;
    const cfg = resolveLlmConfig({
      station: 'security',
      env: ctx.io.env,
      quality,
      overrides: { model: opts.model, baseUrl: opts.baseUrl },
    });
    const timeout = quality?.llm.timeoutSeconds;
    if (cfg) {
      llm = {
        apiKey: cfg.apiKey,
        baseUrl: cfg.baseUrl,
        model: cfg.model,
        ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
      };
    }
  }
  return runSecurityConsultant({
    root,
    taskId,
    log: opts.json ? { ...log, info: () => {}, group: (_n, fn) => fn() } : log,
    llm,
  });
}
