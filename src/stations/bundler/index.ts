/**
 * The Bundler station: reads a task's blueprint at the base commit and writes the Task Bundle —
 * `task_context.md` (task, acceptance criteria, the project rules that apply, the existing code to
 * reuse or change, API facts of the libraries involved, verification plan) within a token budget, plus
 * `evidence/*.json` (scores and provenance of every choice), `blueprint.md` and `manifest.json`.
 *
 * The bundle is built in a temporary directory next to its final place and moved there at the end, so
 * a failure leaves the previous bundle (or none) — never half of a new one.
 */
import { randomBytes } from 'node:crypto';
import picomatch from 'picomatch';
import { copyFileSync, existsSync, lstatSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  bundleDirFor,
  newManifest,
  readManifest,
  recordStation,
  writeBundleFile,
  writeManifest,
  type Manifest,
} from '../../bundle/bundle.js';
import { ConfigurationError, GuardianError } from '../../errors.js';
import { isGitRepo, resolveCommit } from '../../git/git.js';
import { REQUIREMENTS_FILE, requirementIncludes } from '../../knowledge/detect.js';
import { gatherKnowledge, type KnowledgeResult, type PythonEnvOptions } from '../../knowledge/index.js';
import type { Context7Options } from '../../knowledge/context7.js';
import { redactSecrets, redactSecretsSync } from '../../secrets/index.js';
import {
  searchRepository,
  type EmbeddingsConfig,
  type RankedFile,
  type SearchResult,
} from '../../search/index.js';
import {
  errorsOf,
  fsSource,
  loadProject,
  parseBlueprint,
  QUALITY_FILE,
  requireQuality,
  requireTask,
} from '../../spec/index.js';
import { DEFAULT_TOKEN_BUDGET, type Blueprint } from '../../spec/types.js';
import { ensureDir } from '../../util/fs.js';
import { silentLogger, type Logger } from '../../util/log.js';
import { registerTemp, releaseTemp } from '../../util/temp.js';
import { assembleContext, type CodeCandidate, type LineRange } from './context.js';
import {
  blueprintConstraints,
  byCodeUnits,
  mentionedPaths,
  rankRules,
  readRuleSections,
  selectRules,
} from './rules.js';
import { countTokens, TOKENIZER } from './tokens.js';
import { RepoTree } from './tree.js';

export { assembleContext } from './context.js';
export { countTokens, TOKENIZER } from './tokens.js';

export interface BundlerOptions {
  root: string;
  taskId: string;
  /** Git ref of the base commit (default HEAD). */
  base?: string;
  log?: Logger;
  /** Overrides quality.toml `[bundle] token_budget` (default 24000). */
  tokenBudget?: number;
  /** How many files code search returns (default 12). */
  searchTop?: number;
  /** Search index cache (default `<root>/.guardian/index`). */
  searchCacheDir?: string;
  /** Optional embeddings re-ranking for code search. */
  embeddings?: EmbeddingsConfig;
  /** Values redacted wherever they appear (the secrets of this run's environment). */
  known?: readonly string[];
  /** Where to find installed Python packages (default: ask the repository's interpreters). */
  python?: PythonEnvOptions;
  /** node_modules directories for TypeScript declarations (default `<root>/node_modules`). */
  nodeModules?: string[];
  /** Context7 documentation, only when a key is configured. Cache defaults to `<root>/.guardian/cache/context7`. */
  context7?: Omit<Context7Options, 'cacheDir'> & { cacheDir?: string };
}

export interface BundlerResult {
  taskId: string;
  bundleDir: string;
  baseCommit: string;
  blueprintPath: string;
  tokens: number;
  tokenBudget: number;
  tokenizer: string;
  sectionTokens: Record<string, number>;
  codeFiles: { path: string; ranges: LineRange[] }[];
  rules: number;
  libraries: string[];
  facts: number;
  /** Secrets replaced in what the bundle quotes (count of findings). */
  redactions: number;
  notes: string[];
}

const SEARCH_TOP = 12;

export async function runBundler(opts: BundlerOptions): Promise<BundlerResult> {
  const log = opts.log ?? silentLogger;
  const { root, taskId } = opts;
  const finalDir = bundleDirFor(root, taskId);
  if (!existsSync(root)) throw new ConfigurationError(`repository root ${root} does not exist`);
  if (!isGitRepo(root))
    throw new ConfigurationError(`${root} is not a git repository: the Bundler reads the base commit`, {
      exitCode: 2,
    });
  let baseCommit: string;
  try {
    baseCommit = resolveCommit(root, opts.base ?? 'HEAD');
  } catch (e) {
    if (opts.base === undefined)
      throw new ConfigurationError(`${root}: the repository has no commits yet (HEAD does not resolve)`);
    throw e;
  }
  const short = baseCommit.slice(0, 12);
  const tree = new RepoTree(root, baseCommit);
  const project = loadProject(root, tree.asFileSource());
  let task: Blueprint;
  try {
    task = requireTask(project, taskId);
  } catch (e) {
    // A blueprint written but not committed yet: say so rather than "unknown task".
    if (e instanceof GuardianError && !project.tasks.some((t) => t.id === taskId)) {
      const wt = loadProject(root, fsSource(root), { quality: false });
      const local = wt.tasks.find((t) => t.id === taskId);
      if (local) {
        throw new ConfigurationError(
          `task ${taskId} (${local.path}) is not in the base commit ${short}: commit the blueprint first (the bundle is built from committed files)`,
        );
      }
    }
    throw e;
  }
  // A quality.toml that does not parse would silently lose its [bundle] settings: say so now (its
  // absence is fine — the defaults apply).
  if (errorsOf(project.problems, QUALITY_FILE).length > 0)
    requireQuality(project, `the base commit ${short}`);
  const budget = opts.tokenBudget ?? project.quality?.bundle.tokenBudget ?? DEFAULT_TOKEN_BUDGET;
  if (!Number.isInteger(budget) || budget < 1000) {
    throw new ConfigurationError(`token budget must be an integer of at least 1000, got ${budget}`);
  }

  // Build next to the final place (same filesystem, so the final rename is atomic).
  const parent = dirname(finalDir);
  ensureDir(parent, root);
  removeStaleWork(parent, taskId);
  const work = join(parent, `.${taskId}.tmp-${randomBytes(4).toString('hex')}`);
  // Registered before it exists: an exit (Ctrl-C) from here on removes it.
  registerTemp(work);
  try {
    ensureDir(work, root);
    const manifest = newManifest({
      taskId,
      baseCommit,
      blueprintPath: redactSecretsSync(task.path).text,
      blueprintSha256: task.sha256,
    });
    carryOverPrestart(finalDir, work, manifest);
    writeManifest(work, manifest);
    const result = await recordStation(work, taskId, 'bundle', async () => {
      const r = await buildBundle({
        ...opts,
        log,
        tree,
        baseCommit,
        task,
        budget,
        dir: work,
        include: project.quality?.bundle.include ?? [],
        exclude: project.quality?.bundle.exclude ?? [],
      });
      return {
        result: r,
        record: {
          note: `${r.tokens}/${budget} tokens · ${r.codeFiles.length} code files · ${r.rules} rules · ${r.facts} API facts${r.redactions ? ` · ${r.redactions} secrets redacted` : ''}`,
        },
      };
    });
    swapIn(work, finalDir);
    return { ...result, bundleDir: finalDir };
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    throw e;
  } finally {
    releaseTemp(work);
  }
}

/**
 * A pre-start report written before the Bundler (into a manifest-only bundle) stays valid when the
 * base commit is the same: keep it. Everything later (security, code, validation) depended on the old
 * context and is dropped.
 */
function carryOverPrestart(finalDir: string, work: string, manifest: Manifest): void {
  if (!existsSync(join(finalDir, 'manifest.json'))) return;
  let old: Manifest;
  try {
    old = readManifest(finalDir, manifest.taskId);
  } catch {
    return;
  }
  if (old.baseCommit !== manifest.baseCommit || !old.stations.prestart) return;
  for (const name of readdirSync(finalDir)) {
    if (!/^prestart\.(?:json|md)$/.test(name)) continue;
    // Only a regular file is carried over: a link put there would copy whatever it points at.
    if (lstatSync(join(finalDir, name)).isFile()) copyFileSync(join(finalDir, name), join(work, name));
  }
  manifest.stations.prestart = old.stations.prestart;
}

/** Work directories of runs that were killed (older than an hour, so a concurrent run is left alone). */
function removeStaleWork(parent: string, taskId: string): void {
  const prefixes = [`.${taskId}.tmp-`, `${taskId}.old-`];
  for (const name of readdirSync(parent)) {
    if (!prefixes.some((p) => name.startsWith(p))) continue;
    const p = join(parent, name);
    try {
      if (Date.now() - statSync(p).mtimeMs > 3600_000) rmSync(p, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
}

function swapIn(work: string, finalDir: string): void {
  const old = `${finalDir}.old-${randomBytes(4).toString('hex')}`;
  const hadOld = existsSync(finalDir);
  if (hadOld) renameSync(finalDir, old);
  try {
    renameSync(work, finalDir);
  } catch (e) {
    if (hadOld) renameSync(old, finalDir);
    throw e;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

interface BuildInput extends BundlerOptions {
  log: Logger;
  tree: RepoTree;
  /** quality.toml `[bundle] include` / `exclude`: globs always quoted / never quoted as code. */
  include: string[];
  exclude: string[];
  baseCommit: string;
  task: Blueprint;
  budget: number;
  dir: string;
}

async function buildBundle(input: BuildInput): Promise<Omit<BundlerResult, 'bundleDir'>> {
  const { root, log, baseCommit, dir } = input;
  const notes: string[] = [];
  let redactions = 0;
  const redact = async (text: string, path?: string) => {
    const r = await redactSecrets(text, { path, known: input.known });
    redactions += r.findings.length;
    return r.text;
  };

  // The blueprint as at the base commit, redacted, re-parsed so every line reference still holds.
  const rawBlueprint = await redact(input.task.raw, input.task.path);
  const bp = parseBlueprint(rawBlueprint, input.task.path).blueprint ?? input.task;
  writeBundleFile(dir, 'blueprint.md', rawBlueprint);

  const tree = input.tree;
  const taskText = blueprintQuery(bp);

  // 1. Code search.
  const excludeMatch = input.exclude.length ? picomatch(input.exclude, { dot: true }) : undefined;
  const excluded = (p: string) => (excludeMatch ? excludeMatch(p) : false);
  const includeMatch = input.include.length ? picomatch(input.include, { dot: true }) : undefined;
  const includedByConfig = includeMatch
    ? tree
        .files()
        .filter((p) => includeMatch(p) && !excluded(p))
        .slice(0, 20)
    : [];
  const hintFiles = [...new Set([...namedFiles(bp, tree), ...includedByConfig])];
  const relevantTests: string[] = [];
  for (const t of bp.relevantTests) {
    if (tree.has(t)) relevantTests.push(t);
    else
      notes.push(
        `relevant test \`${t}\` (relevant_tests) does not exist at the base commit ${baseCommit.slice(0, 12)}: the task may have to create it`,
      );
  }
  const search = await log.group('Searching the code', async () => {
    try {
      return await searchRepository({
        root,
        query: taskText,
        top: input.searchTop ?? SEARCH_TOP,
        hints: { files: hintFiles, relevantTests },
        cacheDir: input.searchCacheDir,
        // What leaves the machine is redacted with the same known values as the bundle.
        embeddings:
          input.embeddings && input.known ? { ...input.embeddings, known: input.known } : input.embeddings,
        log,
      });
    } catch (e) {
      // A search failure costs precision, not the bundle: fall back to the files the blueprint names.
      const msg = (e as Error).message;
      log.warn(`code search failed: ${msg}`);
      notes.push(`code search failed (${msg}); only the files the blueprint names are included`);
      return undefined;
    }
  });
  for (const n of search?.notes ?? []) log.debug(`search: ${n}`);
  const named = new Set(namedFiles(bp, tree));
  const ranked = withHints(search?.files ?? [], [
    ...hintFiles.map((p) => ({
      path: p,
      reason: named.has(p) ? 'named in the blueprint' : 'listed in [bundle] include of quality.toml',
      isTest: false,
    })),
    ...relevantTests.map((p) => ({ path: p, reason: 'relevant_tests in the blueprint', isTest: true })),
  ]);
  if (tree.files().length === 0) notes.push('the repository has no files at the base commit');
  else if (ranked.length === 0) notes.push('code search found no source files related to the task');

  tree.prefetch([
    ...ranked.map((f) => f.path),
    ...tree
      .files()
      .filter((p) => /^(?:package\.json|pyproject\.toml|requirements[^/]*\.(?:txt|in))$/.test(p)),
  ]);
  const candidates: CodeCandidate[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const f of ranked) {
    // Blueprints, milestones and rule files are specifications: they reach the context through their
    // own sections, not as code.
    if (f.path.startsWith('specs/') || f.path.startsWith('.guardian/')) {
      skipped.push({ path: f.path, reason: 'specification file (quoted in its own sections, not as code)' });
      continue;
    }
    if (excluded(f.path)) {
      skipped.push({ path: f.path, reason: 'excluded by [bundle] exclude in quality.toml' });
      continue;
    }
    const r = tree.read(f.path);
    if (!r.ok) {
      skipped.push({ path: f.path, reason: r.reason });
      notes.push(`skipped \`${f.path}\`: ${r.reason}`);
      continue;
    }
    const text = await redact(r.file.text, f.path);
    const lines = text.split(/\r?\n/);
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    candidates.push({
      path: f.path,
      score: f.score,
      isTest: f.isTest,
      reasons: f.reasons,
      lines,
      ...chooseRanges(f, lines),
    });
  }

  // 2. Architectural rules.
  const { sections, notes: ruleNotes } = readRuleSections(tree, bp.path);
  for (const n of ruleNotes) {
    n.reason = await redact(n.reason);
    notes.push(`rule source \`${n.path}\` skipped: ${n.reason}`);
  }
  for (const s of sections) {
    // Heading and body in one scan (a heading is one line, and redaction keeps line breaks).
    const text = await redact(`${s.heading}\n${s.body}`, s.source);
    const nl = text.indexOf('\n');
    s.heading = text.slice(0, nl);
    s.body = text.slice(nl + 1);
  }

  // 3. External knowledge (needs the relevant code to know what is imported).
  const maxScore = Math.max(...candidates.map((c) => c.score), 1e-9);
  const manifests = readManifests(tree, notes);
  const knowledge: KnowledgeResult = await log.group('Reading library APIs', () =>
    gatherKnowledge({
      root,
      taskText,
      docsQuery: `${bp.title}. ${bp.sections.goal?.body ?? ''}`.slice(0, 400),
      sources: candidates.slice(0, 8).map((c) => ({
        path: c.path,
        text: c.lines.join('\n'),
        weight: Math.round((c.score / maxScore) * (c.isTest ? 0.5 : 1) * 1000) / 1000,
      })),
      manifests,
      localModules: localModules(tree),
      python: input.python,
      nodeModules: input.nodeModules,
      context7: input.context7
        ? {
            ...input.context7,
            cacheDir: input.context7.cacheDir ?? join(root, '.guardian', 'cache', 'context7'),
          }
        : undefined,
      log,
    }),
  );
  for (const f of knowledge.facts) {
    f.text = await redact(f.text, f.provider === 'context7' ? undefined : (f.file ?? 'doc.txt'));
    // A documentation server also chooses the title and source shown above its text.
    if (f.provider === 'context7') {
      f.symbol = await redact(f.symbol);
      f.source = await redact(f.source);
    }
  }
  // Notes quote what failed (a server's error text, a file's reason): redacted before they are written
  // anywhere, the evidence included.
  for (const n of knowledge.notes) {
    n.message = await redact(n.message);
    notes.push(n.message);
  }
  const libraryNames = knowledge.libraries.map((l) =>
    l.ecosystem === 'python' ? l.packageName : l.importName,
  );

  const ranking = rankRules({
    sections,
    query: taskText,
    relevantPaths: candidates.map((c) => c.path),
    libraries: [...libraryNames, ...knowledge.libraries.map((l) => l.importName)],
  });
  const own = blueprintConstraints(bp);
  const selection = selectRules(ranking, own);

  // 4. Assembly within the budget.
  const redactedNotes = await Promise.all(notes.map((n) => redact(n)));
  const ctx = assembleContext({
    blueprint: bp,
    baseCommit,
    budget: input.budget,
    rules: selection.included,
    code: candidates,
    libraries: knowledge.libraries,
    facts: knowledge.facts,
    notes: redactedNotes,
  });
  // Belt and braces: the assembled document is scanned once more as a whole.
  const finalScan = await redactSecrets(ctx.markdown, { path: 'task_context.md', known: input.known });
  redactions += finalScan.findings.length;
  writeBundleFile(dir, 'task_context.md', finalScan.text);
  // A marker is not as long as what it replaces: the count reported is the one of the bytes written.
  const tokens = finalScan.text === ctx.markdown ? ctx.tokens : countTokens(finalScan.text);

  // 5. Evidence: every candidate with its score and provenance, and what made it in.
  const included = new Map(ctx.includedCode.map((c) => [c.path, c]));
  const evidence = {
    search: {
      schemaVersion: 1,
      taskId: bp.id,
      baseCommit,
      query: taskText,
      hints: { files: hintFiles, relevantTests },
      stats: search?.stats ?? null,
      notes: search?.notes ?? [],
      /** Everything the Bundler noted (the context shows the first dozen). */
      bundleNotes: redactedNotes,
      files: ranked.map((f, i) => ({
        rank: i + 1,
        path: f.path,
        score: f.score,
        isTest: f.isTest,
        reasons: f.reasons,
        symbols: f.symbols,
        included: included.has(f.path),
        ranges: included.get(f.path)?.ranges ?? [],
        tokens: included.get(f.path)?.tokens ?? 0,
        skipped: skipped.find((s) => s.path === f.path)?.reason,
        omitted: ctx.omitted.find((o) => o.kind === 'code' && o.id === f.path)?.reason,
      })),
    },
    rules: {
      schemaVersion: 1,
      taskId: bp.id,
      sources: [...new Set(sections.map((s) => s.source))],
      notes: ruleNotes,
      sections: [...(own ? [own] : []), ...ranking]
        .map((s) => ({
          source: s.source,
          line: s.line,
          endLine: s.endLine,
          heading: s.heading,
          kind: s.kind,
          score: s.score,
          reasons: s.reasons,
          included:
            ctx.includedRules.includes(s) ||
            ctx.includedRules.some((r) => r.source === s.source && r.line === s.line),
        }))
        .sort(
          (a, b) =>
            Number(b.included) - Number(a.included) ||
            b.score - a.score ||
            byCodeUnits(a.source, b.source) ||
            a.line - b.line,
        ),
    },
    knowledge: {
      schemaVersion: 1,
      taskId: bp.id,
      providers: [
        'python-stub',
        'python-source',
        'typescript-declarations',
        ...(input.context7 ? ['context7'] : []),
      ],
      libraries: knowledge.libraries,
      facts: knowledge.facts.map((f) => ({
        library: f.library,
        version: f.version,
        symbol: f.symbol,
        kind: f.kind,
        provider: f.provider,
        source: f.source,
        file: f.file,
        line: f.line,
        score: f.score,
        included: ctx.includedFacts.includes(f),
      })),
      notes: knowledge.notes,
    },
  };
  for (const [name, value] of Object.entries(evidence)) {
    const path = `evidence/${name}.md`;
    // The written JSON is scanned as a whole below, but there a string's quotes and line breaks are
    // escapes (`\"`, `\n`) that hide a quoted value or a line's start from the patterns: every string
    // JSON escapes is scanned as it is first.
    const unescaped = await redactEscapedStrings(value, (s) => redact(s, path));
    const json = JSON.stringify(unescaped, null, 2) + '\n';
    const clean = await redactSecrets(json, { path, known: input.known });
    JSON.parse(clean.text); // a redaction never breaks the JSON (markers hold no quotes)
    writeBundleFile(dir, `evidence/${name}.json`, clean.text);
  }

  return {
    taskId: bp.id,
    baseCommit,
    blueprintPath: redactSecretsSync(bp.path).text,
    tokens,
    tokenBudget: input.budget,
    tokenizer: TOKENIZER,
    sectionTokens: ctx.sectionTokens,
    codeFiles: ctx.includedCode.map((c) => ({ path: redactSecretsSync(c.path).text, ranges: c.ranges })),
    rules: ctx.includedRules.length,
    libraries: libraryNames,
    facts: ctx.includedFacts.length,
    redactions,
    notes: redactedNotes,
  };
}

/** `value` with every string that JSON would escape (quotes, backslashes, control characters) redacted. */
async function redactEscapedStrings(
  value: unknown,
  redact: (s: string) => Promise<string>,
): Promise<unknown> {
  // A string JSON writes as it is (its quotes aside) was scanned with the whole file.
  if (typeof value === 'string')
    return JSON.stringify(value).length !== value.length + 2 ? redact(value) : value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) out.push(await redactEscapedStrings(v, redact));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await redactEscapedStrings(v, redact);
    return out;
  }
  return value;
}

/** The search query: what the task is about, in the blueprint's own words. */
export function blueprintQuery(bp: Blueprint): string {
  const parts = [bp.title];
  for (const key of [
    'goal',
    'acceptance_criteria',
    'implementation_plan',
    'architectural_constraints',
    'relevant_existing_code',
  ] as const) {
    const body = bp.sections[key]?.body;
    if (body) parts.push(body.replace(/```[\s\S]*?```/g, (m) => (key === 'relevant_existing_code' ? m : '')));
  }
  return parts.join('\n\n').trim();
}

/** Repository files the blueprint names (in code spans, bold paths or its "Relevant Existing Code"). */
export function namedFiles(bp: Blueprint, tree: RepoTree): string[] {
  const out: string[] = [];
  const text = bp.raw.replace(/^---[\s\S]*?\n---/, '');
  for (const p of mentionedPaths(text)) if (tree.has(p) && !out.includes(p)) out.push(p);
  for (const m of text.matchAll(
    /(?:^|[\s(*"'])((?:[A-Za-z0-9_.-]+\/)+[A-Za-z0-9_.-]+\.[A-Za-z0-9]{1,6})(?=$|[\s),.:;*"'])/gm,
  )) {
    const p = m[1]!;
    if (tree.has(p) && !out.includes(p)) out.push(p);
  }
  return out;
}

/** Search results plus the blueprint's own pointers (and configured files) when search left them out. */
function withHints(
  files: RankedFile[],
  hints: { path: string; reason: string; isTest: boolean }[],
): RankedFile[] {
  const out = [...files];
  const have = new Set(files.map((f) => f.path));
  const low = Math.min(...files.map((f) => f.score), 1);
  for (const h of hints) {
    if (have.has(h.path)) continue;
    have.add(h.path);
    const kind: RankedFile['kind'] = h.isTest ? 'test' : 'source';
    out.push({ path: h.path, score: low * 0.9, isTest: h.isTest, reasons: [h.reason], symbols: [], kind });
  }
  return out;
}

/** Files up to this many lines may be quoted whole when the budget leaves room. */
const WHOLE_FILE_MAX_LINES = 300;

const IMPORT_LINE =
  /^\s*(?:import\s|from\s+\S+\s+import\s|export\s+\*?\s*\{?[^=]*\bfrom\s|const\s+\w+\s*=\s*require\(|#include\s|use\s+[\w:]+|package\s+\w)/;

/** Line ranges to quote from a file: all of a short file; else its imports and its best symbols. */
export function chooseRanges(
  f: Pick<RankedFile, 'symbols'>,
  lines: string[],
): { ranges: LineRange[]; fallback?: LineRange[]; whole?: LineRange[] } {
  const n = lines.length;
  if (n === 0) return { ranges: [] };
  const syms = [...f.symbols].sort((a, b) => b.score - a.score || a.startLine - b.startLine);
  const best = syms[0];
  const clamp = (s: number, e: number, label?: string, max = 100): LineRange => {
    const start = Math.max(1, Math.min(n, s));
    const end = Math.max(start, Math.min(n, e, start + max - 1));
    return { start, end, label };
  };
  const label = (s: { kind: string; name: string }) =>
    s.name.startsWith(s.kind) ? s.name : `${s.kind} ${s.name}`;
  const fallback = best
    ? [clamp(best.startLine, best.endLine, label(best), 40)]
    : [clamp(1, 30, 'beginning of the file')];
  if (n <= 80) return { ranges: [{ start: 1, end: n, label: 'whole file' }], fallback };
  const ranges: LineRange[] = [];
  let lastImport = 0;
  for (let i = 0; i < Math.min(n, 60); i++) if (IMPORT_LINE.test(lines[i]!)) lastImport = i + 1;
  if (lastImport > 0 && lastImport <= 40) ranges.push({ start: 1, end: lastImport, label: 'imports' });
  if (best) {
    for (const s of syms.filter((s) => s.score >= best.score * 0.4).slice(0, 3)) {
      ranges.push(clamp(s.startLine - 1, s.endLine, label(s)));
    }
  } else {
    ranges.push(clamp(1, 60, 'beginning of the file'));
  }
  // Merge overlapping or nearly adjacent ranges; keep the labels of what they hold.
  ranges.sort((a, b) => a.start - b.start);
  const merged: LineRange[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end + 3) {
      last.end = Math.max(last.end, r.end);
      const labels = [last.label, r.label].filter(Boolean);
      last.label = [...new Set(labels)].join(', ');
    } else merged.push({ ...r });
  }
  // A file of a few hundred lines is quoted whole when the budget has room left at the end.
  const whole = n <= WHOLE_FILE_MAX_LINES ? [{ start: 1, end: n, label: 'whole file' }] : undefined;
  return { ranges: merged, fallback, ...(whole ? { whole } : {}) };
}

/** Top-level names of the project's own modules (folders and files at the root and under src/). */
function localModules(tree: RepoTree): Set<string> {
  const out = new Set<string>();
  for (const p of tree.files()) {
    const parts = p.split('/');
    const top = parts[0]!.replace(/\.(?:py|pyi|ts|js|mjs|cjs)$/, '');
    out.add(top);
    if (parts[0] === 'src' && parts[1]) out.add(parts[1].replace(/\.(?:py|pyi|ts|js)$/, ''));
  }
  // The package's own name: JS code may import itself by it.
  const pj = tree.read('package.json');
  if (pj.ok) {
    try {
      const name = (JSON.parse(pj.file.text) as { name?: unknown }).name;
      if (typeof name === 'string') out.add(`npm:${name}`);
    } catch {
      // An invalid package.json names nothing.
    }
  }
  return out;
}

export type { SearchResult };

/** At most this many requirements files are read through `-r` includes, and this deep. */
const MAX_REQUIREMENTS_FILES = 32;
const MAX_INCLUDE_DEPTH = 8;

/**
 * The manifests at the base commit: `package.json` and `pyproject.toml` at the top, pip requirements
 * files at the top or in a `requirements/` folder, and the requirements files those include with `-r`
 * (followed within the repository only, each read once). An include that cannot be read is noted.
 */
export function readManifests(
  tree: RepoTree,
  notes: string[],
): { path: string; text: string; kind?: 'requirements' }[] {
  const out: { path: string; text: string; kind?: 'requirements' }[] = [];
  const seen = new Set<string>();
  const queue: { path: string; depth: number }[] = [];
  for (const p of tree.files()) {
    if (p === 'package.json' || p === 'pyproject.toml') {
      const r = tree.read(p);
      if (r.ok) out.push({ path: p, text: r.file.text });
    } else if (REQUIREMENTS_FILE.test(p)) {
      seen.add(p);
      queue.push({ path: p, depth: 0 });
    }
  }
  let read = 0;
  while (queue.length) {
    const { path, depth } = queue.shift()!;
    if (read >= MAX_REQUIREMENTS_FILES) {
      notes.push(
        `requirements file \`${path}\` not read: more than ${MAX_REQUIREMENTS_FILES} requirements files`,
      );
      continue;
    }
    const r = tree.read(path);
    if (!r.ok) {
      if (depth > 0) notes.push(`requirements file \`${path}\` not read: ${r.reason}`);
      continue;
    }
    read++;
    out.push({ path, text: r.file.text, kind: 'requirements' });
    for (const inc of requirementIncludes(path, r.file.text)) {
      const where = `\`${path}:${inc.line}\``;
      if (inc.outside || !inc.resolved) {
        notes.push(`${where} includes a requirements file outside the repository; not read`);
      } else if (seen.has(inc.resolved)) {
        continue;
      } else if (!tree.entries.has(inc.resolved)) {
        notes.push(
          `${where} includes \`${inc.resolved}\`, which is not in the repository at the base commit`,
        );
      } else if (depth + 1 > MAX_INCLUDE_DEPTH) {
        notes.push(
          `${where} includes \`${inc.resolved}\`: includes nested deeper than ${MAX_INCLUDE_DEPTH}; not read`,
        );
      } else {
        seen.add(inc.resolved);
        queue.push({ path: inc.resolved, depth: depth + 1 });
      }
    }
  }
  return out;
}
