/**
 * Reading what the consultant works from: the Task Bundle (manifest, blueprint.md, task_context.md,
 * evidence/search.json) and the repository files the evidence and the blueprint name, read at the
 * bundle's base commit. Everything read is redacted before anything else sees it; secret files are
 * never opened.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  bundleDirFor,
  checkBundleWritable,
  readBundleFile,
  readManifest,
  type Manifest,
} from '../../bundle/bundle.js';
import { ConfigurationError } from '../../errors.js';
import { execGit, listFilesAt, listWorkingFiles, showFile } from '../../git/git.js';
import { isSecretFile, redactSecrets } from '../../secrets/index.js';
import { escapeControlChars, hasControlChar } from '../../util/chars.js';
import { checkRepoRelativePath } from '../../util/fs.js';
import type { SourceFile } from './engine.js';
import { stripHiddenText, type StrippedText } from './hygiene.js';
import { SECTION_HEADING, upsertSection } from './render.js';
import { languageOf } from './triggers.js';

export const MAX_FILES = 20;
export const MAX_FILE_BYTES = 256 * 1024;

export interface RankedEntry {
  path: string;
  score: number;
  isTest: boolean;
  reasons: string[];
}

export interface ConsultantInputs {
  dir: string;
  manifest: Manifest;
  blueprintPath: string;
  /** blueprint.md with hidden text removed and secrets redacted. */
  blueprintText: string;
  hidden: StrippedText['removed'];
  /** task_context.md as the Bundler wrote it (hidden text removed, secrets redacted). */
  taskContext: string;
  files: SourceFile[];
  /** Every file at the base commit (or in the working tree when the commit is not available). */
  repoFiles: string[];
  notes: string[];
  redactions: number;
  /** The secret values that were redacted, to scrub them from anything written later (model answers). */
  secretValues: string[];
}

const MARKER = /\[REDACTED:[^\]\s]*\]/g;

/** The values a redaction replaced: the original text between the literal parts around each marker. */
export function redactedValues(original: string, redacted: string): string[] {
  const parts = redacted.split(MARKER);
  if (parts.length < 2) return [];
  const out: string[] = [];
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const at = i === parts.length - 1 ? original.length - part.length : original.indexOf(part, pos);
    if (at < pos) return out;
    if (i > 0) {
      const value = original.slice(pos, at).trim();
      if (value.length >= 8) out.push(value);
      // A multi-line secret (a key block) leaks line by line too.
      if (value.includes('\n'))
        out.push(
          ...value
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l.length >= 16),
        );
    }
    pos = at + part.length;
  }
  return out;
}

/** Ranked files from evidence/search.json, tolerant of the wrapper around the list. */
export function rankedFromEvidence(json: string | undefined, file = 'evidence/search.json'): RankedEntry[] {
  if (json === undefined) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw new ConfigurationError(
      `${file}: not valid JSON (${(e as Error).message}); rebuild the bundle with \`guardian bundle\``,
    );
  }
  const d = doc as { files?: unknown; search?: { files?: unknown }; result?: { files?: unknown } };
  const list = Array.isArray(doc) ? doc : (d?.files ?? d?.search?.files ?? d?.result?.files);
  if (!Array.isArray(list)) return [];
  const out: RankedEntry[] = [];
  for (const f of list) {
    const e = f as Partial<RankedEntry>;
    if (typeof e?.path !== 'string' || checkRepoRelativePath(e.path)) continue;
    out.push({
      path: e.path,
      score: typeof e.score === 'number' && Number.isFinite(e.score) ? e.score : 0,
      isTest: e.isTest === true,
      reasons: Array.isArray(e.reasons) ? e.reasons.filter((r): r is string => typeof r === 'string') : [],
    });
  }
  return out;
}

/** Repository paths the blueprint names (in backticks, bold, links or front-matter lists). */
export function pathsNamedIn(text: string, repoFiles: Set<string>): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(
    /[`*"'(\s[]((?:[\w.-]+\/)*[\w.-]+\.[A-Za-z0-9]{1,8})(?::\d+)?(?=[`*"')\s\]:,]|$)/g,
  )) {
    const p = m[1]!.replace(/^\.\//, '');
    if (repoFiles.has(p)) out.add(p);
  }
  return [...out];
}

function isCommitAvailable(root: string, commit: string): boolean {
  return (
    /^[0-9a-f]{7,64}$/i.test(commit) &&
    execGit(['cat-file', '-e', `${commit}^{commit}`], { cwd: root, allowFailure: true }).code === 0
  );
}

/** A file of the working tree, refusing paths that leave the root (including through symlinks). */
function readWorkingFile(root: string, rel: string): Buffer | undefined {
  if (checkRepoRelativePath(rel)) return undefined;
  const p = join(root, rel);
  if (!existsSync(p) || !statSync(p).isFile()) return undefined;
  const real = realpathSync(p);
  const realRoot = realpathSync(root);
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return undefined;
  if (relative(realRoot, real).split(sep)[0] === '..') return undefined;
  return readFileSync(p);
}

export async function readInputs(root: string, taskId: string): Promise<ConsultantInputs> {
  const dir = bundleDirFor(root, taskId);
  if (!existsSync(dir)) {
    throw new ConfigurationError(
      `no Task Bundle for ${taskId} at ${dir}: run \`guardian bundle ${taskId}\` first`,
    );
  }
  const manifest = readManifest(dir, taskId);
  // readManifest refuses a blueprint path with control characters or leaving the repository: it is
  // quoted in the section (where a phrase of the task was found).
  const notes: string[] = [];
  let redactions = 0;
  const secretValues = new Set<string>();
  const redact = async (text: string, path: string) => {
    const r = await redactSecrets(text, { path });
    redactions += r.findings.length;
    for (const v of redactedValues(text, r.text)) secretValues.add(v);
    return r.text;
  };

  const rawBlueprint = readBundleFile(dir, 'blueprint.md');
  if (rawBlueprint === undefined) {
    throw new ConfigurationError(
      `${join(dir, 'blueprint.md')}: missing; rebuild the bundle with \`guardian bundle ${taskId}\``,
    );
  }
  const fmId = /^---\r?\n[\s\S]*?^id:\s*["']?([^"'\s#]+)/m.exec(rawBlueprint)?.[1];
  if (fmId && fmId !== taskId) {
    throw new ConfigurationError(
      `${join(dir, 'blueprint.md')}: this bundle holds the blueprint of ${fmId}, not ${taskId}; rebuild it with \`guardian bundle ${taskId}\``,
    );
  }
  const rawContext = readBundleFile(dir, 'task_context.md');
  if (rawContext === undefined) {
    throw new ConfigurationError(
      `${join(dir, 'task_context.md')}: missing; rebuild the bundle with \`guardian bundle ${taskId}\``,
    );
  }
  // What the station writes at the end: refused now, before the model pass spends anything.
  checkBundleWritable(dir, ['security.json', 'task_context.md', 'transcript.jsonl']);

  const stripped = stripHiddenText(rawBlueprint);
  if (stripped.removed.length) {
    notes.push(`removed hidden text from blueprint.md: ${summarizeRemoved(stripped.removed)}`);
  }
  const bpText = await redact(stripped.text, 'blueprint.md');
  // The previous Security Considerations section is this station's own output and is replaced: it is
  // dropped (its heading kept as the place of the new one) before hidden text is looked for, so that
  // nothing quoted in it (an unclosed `<!--` in a code excerpt) can hide the sections after it.
  const ctxText = await redact(
    stripHiddenText(upsertSection(rawContext, SECTION_HEADING)).text,
    'task_context.md',
  );

  const commitOk = isCommitAvailable(root, manifest.baseCommit);
  let repoFiles: string[] = [];
  try {
    repoFiles = commitOk ? listFilesAt(root, manifest.baseCommit) : listWorkingFiles(root);
  } catch {
    notes.push('the repository file list is not available (not a git repository?)');
  }
  if (!commitOk)
    notes.push(
      `base commit ${manifest.baseCommit.slice(0, 12)} is not in this repository; read the working tree instead`,
    );
  const repoSet = new Set(repoFiles);

  // Which files to read, and how central each is.
  const ranked = rankedFromEvidence(readBundleFile(dir, 'evidence/search.json'));
  if (ranked.length === 0 && !existsSync(join(dir, 'evidence', 'search.json'))) {
    notes.push('no evidence/search.json in the bundle: only the files the blueprint names were read');
  }
  const relevance = new Map<string, { relevance: number; isTest: boolean; reasons: string[] }>();
  const maxScore = Math.max(0, ...ranked.map((r) => r.score));
  ranked.slice(0, MAX_FILES).forEach((r, i) => {
    const named = r.reasons.some((x) => /blueprint|relevant_tests|named/i.test(x));
    const byScore = maxScore > 0 ? r.score / maxScore : 0.5;
    const rel = named || i < 3 ? 1 : Math.max(0.4, Math.min(1, byScore));
    relevance.set(r.path, { relevance: rel, isTest: r.isTest, reasons: r.reasons });
  });
  const blueprintPath = manifest.blueprintPath || `specs/tasks/${taskId}.md`;
  for (const p of pathsNamedIn(stripped.text, repoSet)) {
    if (p === blueprintPath) continue;
    const prev = relevance.get(p);
    relevance.set(p, {
      relevance: 1,
      isTest:
        prev?.isTest ??
        /(?:^|\/)(?:tests?|__tests__|spec)\/|(?:^|\/)test_[^/]*$|[._-](?:test|spec)\.\w+$/.test(p),
      reasons: [...(prev?.reasons ?? []), 'named in blueprint'],
    });
  }

  const files: SourceFile[] = [];
  const entries = [...relevance.entries()]
    .sort((a, b) => b[1].relevance - a[1].relevance)
    .slice(0, MAX_FILES);
  for (const [path, info] of entries) {
    if (hasControlChar(path)) {
      // A line break or a terminal escape in a path would change the prompt and the Markdown around it.
      notes.push(
        `did not read "${escapeControlChars(path).slice(0, 200)}": the path holds control characters`,
      );
      continue;
    }
    if (commitOk && repoSet.size > 0 && !repoSet.has(path)) {
      notes.push(`${path} is named by the bundle but does not exist at the base commit`);
      continue;
    }
    if (isSecretFile(path)) {
      notes.push(`did not read ${path}: it is a secret file`);
      continue;
    }
    const data = commitOk ? showFile(root, manifest.baseCommit, path) : readWorkingFile(root, path);
    if (data === undefined) {
      notes.push(`${path} is named by the bundle but does not exist at the base commit`);
      continue;
    }
    if (data.subarray(0, 8000).includes(0)) continue;
    let text = data.subarray(0, MAX_FILE_BYTES).toString('utf8');
    if (data.length > MAX_FILE_BYTES) notes.push(`${path}: read the first ${MAX_FILE_BYTES / 1024} KiB only`);
    if (
      !languageOf(path) &&
      !/\.(?:txt|toml|json|cfg|ini|ya?ml|sql|mod|lock)$|(?:^|\/)(?:Dockerfile|Makefile|Gemfile)$/.test(path)
    )
      continue;
    text = await redact(text, path);
    files.push({
      path,
      content: text,
      relevance: info.relevance,
      isTest: info.isTest,
      reasons: info.reasons,
    });
  }
  if (redactions)
    notes.push(
      `redacted ${redactions} secret${redactions === 1 ? '' : 's'} found in the bundle and the files read`,
    );

  return {
    dir,
    manifest,
    blueprintPath,
    blueprintText: bpText,
    hidden: stripped.removed,
    taskContext: ctxText,
    files,
    repoFiles,
    notes,
    redactions,
    secretValues: [...secretValues].sort((a, b) => b.length - a.length),
  };
}

function summarizeRemoved(removed: StrippedText['removed']): string {
  const by = new Map<string, number[]>();
  for (const r of removed) by.set(r.kind, [...(by.get(r.kind) ?? []), r.line]);
  return [...by]
    .map(
      ([k, lines]) =>
        `${k} (line${lines.length > 1 ? 's' : ''} ${[...new Set(lines)].slice(0, 5).join(', ')})`,
    )
    .join(', ');
}
