/** `guardian bundle TASK-ID`: build the Task Bundle (task_context.md + evidence) for a task. */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { bundleDirFor } from '../../bundle/bundle.js';
import { UsageError } from '../../errors.js';
import { isGitRepo } from '../../git/git.js';
import type { EmbeddingsConfig } from '../../search/index.js';
import { runBundler, type BundlerResult } from '../../stations/bundler/index.js';
import { withRunLock } from '../../supervisor/lock.js';
import { streamLogger, type Logger } from '../../util/log.js';
import { exitOnInterrupt } from '../../util/temp.js';
import { table } from '../io.js';
import type { CommandContext } from './index.js';
import { resolveRoot } from './spec.js';
import { secretEnvValues } from '../../secrets/index.js';

/** Version of the `--json` document; bumped only on incompatible changes. */
export const BUNDLE_JSON_SCHEMA_VERSION = 1;

interface BundleCliOptions {
  root: string;
  base?: string;
  json?: boolean;
  budget?: string;
  top?: string;
  python?: string[];
  sitePackages?: string[];
  debug?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

function human(r: BundlerResult): string {
  const rows = Object.entries(r.sectionTokens)
    .filter(([, t]) => t > 0)
    .map(([name, t]) => [name, String(t)]);
  const lines = [
    `Task Bundle for ${r.taskId} at ${r.bundleDir}`,
    `base commit ${r.baseCommit.slice(0, 12)} · ${r.tokens}/${r.tokenBudget} tokens (${r.tokenizer})`,
    '',
    table(['section', 'tokens'], rows).trimEnd(),
    '',
    `code: ${r.codeFiles.length ? r.codeFiles.map((f) => `${f.path}:${f.ranges.map((x) => `${x.start}-${x.end}`).join(',')}`).join(' ') : '(none)'}`,
    `rules: ${r.rules} · libraries: ${r.libraries.length ? r.libraries.join(', ') : '(none)'} · API facts: ${r.facts}`,
  ];
  if (r.redactions) lines.push(`secrets redacted: ${r.redactions}`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join('\n') + '\n';
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('bundle')
    .description('build the Task Bundle (.guardian/bundles/TASK-ID/) the Coder works from')
    .argument('<task-id>', 'the task, e.g. TASK-042')
    .option('--root <dir>', 'project root (may be a subdirectory of its git repository)', '.')
    .option('--base <ref>', 'base commit (default HEAD)')
    .option('--json', `one JSON document on stdout (schemaVersion ${BUNDLE_JSON_SCHEMA_VERSION})`)
    .option(
      '--budget <tokens>',
      'token budget for task_context.md (default: quality.toml [bundle] token_budget, else 24000)',
    )
    .option('--top <k>', 'how many files code search considers', '12')
    .option(
      '--python <path>',
      'Python interpreter whose site-packages hold the libraries (repeatable)',
      collect,
    )
    .option(
      '--site-packages <dir>',
      'a site-packages directory to read library APIs from (repeatable)',
      collect,
    )
    .option('--debug', 'print debug notes')
    .action(async (taskId: string, opts: BundleCliOptions) => {
      const root = resolveRoot(ctx, opts.root);
      let budget: number | undefined;
      if (opts.budget !== undefined) {
        budget = /^\d+$/.test(opts.budget) ? Number(opts.budget) : NaN;
        if (!Number.isInteger(budget) || budget < 1000) {
          throw new UsageError(`--budget ${opts.budget}: expected an integer of at least 1000`);
        }
      }
      // Decimal digits only: Number() would take 1e2, 0x10 and 2.0.
      const top = /^\d+$/.test(opts.top ?? '12') ? Number(opts.top ?? '12') : NaN;
      if (!Number.isInteger(top) || top < 1 || top > 200)
        throw new UsageError(`--top ${opts.top}: expected an integer from 1 to 200`);
      const env = ctx.io.env;
      // Paths the user named must exist: a typo would otherwise only show as "no site-packages found".
      for (const dir of opts.sitePackages ?? []) {
        const abs = resolve(ctx.io.cwd, dir);
        if (!existsSync(abs) || !statSync(abs).isDirectory())
          throw new UsageError(`--site-packages ${dir}: not a directory`);
      }
      for (const exe of opts.python ?? []) {
        if (!findExecutable(exe, ctx.io.cwd, env.PATH))
          throw new UsageError(
            `--python ${exe}: ${/[/\\]/.test(exe) ? 'no executable file there' : 'not found on PATH'}`,
          );
      }
      let embeddings: EmbeddingsConfig | undefined;
      if (env.GUARDIAN_EMBEDDINGS_BASE_URL && env.GUARDIAN_EMBEDDINGS_MODEL) {
        embeddings = {
          baseUrl: env.GUARDIAN_EMBEDDINGS_BASE_URL,
          model: env.GUARDIAN_EMBEDDINGS_MODEL,
          ...(env.GUARDIAN_EMBEDDINGS_API_KEY ? { apiKey: env.GUARDIAN_EMBEDDINGS_API_KEY } : {}),
        };
      }
      const context7Key = env.CONTEXT7_API_KEY?.trim();
      const log = streamLogger(ctx.io.stderr, { debug: !!opts.debug });
      const quiet: Logger = opts.json ? { ...log, info: () => {}, group: (_n, fn) => fn() } : log;
      bundleDirFor(root, taskId); // a malformed task id is refused before the lock
      // Ctrl-C: the staging directory is removed at exit; the previous bundle (if any) is untouched.
      const stopHandling = exitOnInterrupt((sig) =>
        ctx.io.stderr.write(
          `guardian: ${sig === 'SIGTERM' ? 'terminated' : 'interrupted'}: the Task Bundle for ${taskId} was not built (the partial one was removed)\n`,
        ),
      );
      const build = () =>
        runBundler({
          root,
          taskId,
          base: opts.base,
          log: quiet,
          tokenBudget: budget,
          searchTop: top,
          embeddings,
          known: secretEnvValues(env),
          python: opts.sitePackages?.length
            ? { sitePackages: opts.sitePackages.map((p) => resolve(ctx.io.cwd, p)) }
            : opts.python?.length
              ? { interpreters: opts.python }
              : undefined,
          context7: context7Key
            ? { apiKey: context7Key, ...(env.CONTEXT7_API_URL ? { baseUrl: env.CONTEXT7_API_URL } : {}) }
            : undefined,
        });
      // The bundle is written under <root>/.guardian/, which a `guardian run` there may be rewriting:
      // one writer at a time (.guardian/run.lock). Outside a git repository the Bundler refuses before it
      // writes anything, so there is nothing to lock (and no .guardian/ to create for the refusal).
      const result = await (
        isGitRepo(root) ? withRunLock(root, `guardian bundle ${taskId}`, quiet, build) : build()
      ).finally(stopHandling);
      if (opts.json) {
        ctx.io.stdout.write(
          JSON.stringify({ schemaVersion: BUNDLE_JSON_SCHEMA_VERSION, ...result }, null, 2) + '\n',
        );
      } else ctx.io.stdout.write(human(result));
      ctx.setExitCode(0);
    });
}

/** `name` as the shell would find it: a path (relative to `cwd`), else on `PATH`; executable files only. */
function findExecutable(name: string, cwd: string, path: string | undefined): string | undefined {
  const isExe = (p: string) => {
    try {
      accessSync(p, constants.X_OK);
      return statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (/[/\\]/.test(name)) {
    const abs = resolve(cwd, name);
    return isExe(abs) ? abs : undefined;
  }
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir && isExe(join(dir, name))) return join(dir, name);
  }
  return undefined;
}
