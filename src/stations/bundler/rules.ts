/**
 * Architecture analysis: the project's own rules that apply to a task. Rule sources (specs/*.md outside
 * tasks/ and milestones/, Project.toml, AGENTS.md, CONTRIBUTING.md, …) are split at their headings;
 * short global rules are always kept, the rest ranked against the task. Every rule keeps its
 * `path:line` so the Coder (and a reviewer) can check it at the source.
 */
import type { Blueprint } from '../../spec/types.js';
import { findFences, headingText } from '../../spec/markdown.js';
import { bm25, terms } from '../../knowledge/terms.js';
import type { RepoTree } from './tree.js';

export type RuleKind = 'blueprint' | 'global' | 'ranked';

export interface RuleSection {
  /** Repository-relative source file. */
  source: string;
  /** 1-based first and last line of the section (heading included). */
  line: number;
  endLine: number;
  /** Heading path, outermost first, joined with " › ". */
  heading: string;
  /** The section's text without its heading line (trimmed of blank edges). */
  body: string;
  /** 1-based line of `body`'s first line. */
  bodyLine: number;
  kind: RuleKind;
  score: number;
  reasons: string[];
}

/** Files, besides specs/**.md, that hold project-wide rules (first match of each group wins nothing: all are read). */
const RULE_FILES = [
  'Project.toml',
  'project.toml',
  'AGENTS.md',
  'CLAUDE.md',
  'CONTRIBUTING.md',
  '.github/CONTRIBUTING.md',
  'docs/CONTRIBUTING.md',
  'ARCHITECTURE.md',
  'docs/architecture.md',
  'docs/ARCHITECTURE.md',
  '.github/copilot-instructions.md',
];

const GLOBAL_HEADING =
  /\b(?:global|general|overall|principles?|conventions?|ground rules|always|golden rules|core rules|guidelines|non-negotiables?)\b/i;

/** Sections longer than this are never "short global rules" (lines, and characters of heading and body). */
const GLOBAL_MAX_LINES = 30;
const GLOBAL_MAX_CHARS = 4000;

export interface RuleSourceNote {
  path: string;
  reason: string;
}

/** The rule files present at the base commit, in a stable order (specs first). */
export function ruleSourcePaths(tree: RepoTree, blueprintPath?: string): string[] {
  // Every entry, links included: a link is not followed, but it is named in the notes.
  const specs = [...tree.entries.keys()].filter(
    (p) =>
      p.startsWith('specs/') &&
      /\.(?:md|markdown)$/i.test(p) &&
      !p.startsWith('specs/tasks/') &&
      !p.startsWith('specs/milestones/') &&
      p !== blueprintPath,
  );
  // specs/architecture.md first: it is the conventional home of the rules.
  specs.sort(
    (a, b) =>
      Number(b === 'specs/architecture.md') - Number(a === 'specs/architecture.md') || byCodeUnits(a, b),
  );
  const others = RULE_FILES.filter((p) => tree.has(p) && !specs.includes(p));
  return [...specs, ...others];
}

const MIB = 1024 * 1024;
/** How many rule sources, and how many bytes of them, one bundle reads at most. */
export const MAX_RULE_SOURCES = 500;
export const MAX_RULE_BYTES = 4 * MIB;
/** The longest line a rule source may hold (characters); longer, it is taken for generated text. */
export const RULE_MAX_LINE_LENGTH = 16_000;

/** Splits every rule source into sections. Files that cannot be read are reported in `notes`. */
export function readRuleSections(
  repoTree: RepoTree,
  blueprintPath?: string,
): { sections: RuleSection[]; notes: RuleSourceNote[] } {
  const sections: RuleSection[] = [];
  const notes: RuleSourceNote[] = [];
  // Prose is often written a paragraph to a line: a long line does not make a rule file generated code.
  const tree = repoTree.withLimits({ ...repoTree.limits, maxLineLength: RULE_MAX_LINE_LENGTH });
  // Most relevant sources first (specs/architecture.md, then by name); a repository with thousands of
  // them gets the first MAX_RULE_SOURCES / MAX_RULE_BYTES and one note for the rest.
  const all = ruleSourcePaths(tree, blueprintPath);
  const paths: string[] = [];
  let bytes = 0;
  for (const path of all) {
    // A file over the size limit is not read (read() says so): it costs nothing here.
    const size = tree.entries.get(path)?.size ?? 0;
    const cost = size > tree.limits.maxBytes ? 0 : size;
    if (paths.length >= MAX_RULE_SOURCES || (paths.length > 0 && bytes + cost > MAX_RULE_BYTES)) break;
    paths.push(path);
    bytes += cost;
  }
  if (paths.length < all.length) {
    const rest = all.length - paths.length;
    notes.push({
      path: all[paths.length]!,
      reason:
        `over the limit of ${MAX_RULE_SOURCES} rule sources or ${MAX_RULE_BYTES / MIB} MiB per bundle; ` +
        (rest === 1
          ? 'it is the only one not read'
          : `neither it nor the ${rest - 1} after it (up to \`${all[all.length - 1]}\`) are read`),
    });
  }
  // One git process for all of them rather than one per file.
  tree.prefetch(paths);
  for (const path of paths) {
    const r = tree.read(path);
    if (!r.ok) {
      notes.push({ path, reason: r.reason });
      continue;
    }
    const split = /\.toml$/i.test(path) ? splitToml(path, r.file.lines) : splitMarkdown(path, r.file.lines);
    sections.push(...split);
  }
  return { sections, notes };
}

/** Splits Markdown at headings (ATX `#` headings outside code fences). */
export function splitMarkdown(path: string, lines: string[]): RuleSection[] {
  const inFence = new Set<number>();
  for (const f of findFences(lines.join('\n'))) {
    const end = f.closeLine ?? lines.length;
    for (let l = f.openLine; l <= end; l++) inFence.add(l);
  }
  const headings: { line: number; level: number; title: string }[] = [];
  lines.forEach((text, i) => {
    const m = /^ {0,3}(#{1,6})\s(.*)$/.exec(text);
    if (m && !inFence.has(i + 1))
      headings.push({ line: i + 1, level: m[1]!.length, title: headingText(m[2]!) });
  });
  const out: RuleSection[] = [];
  const stack: { level: number; title: string }[] = [];
  const push = (start: number, end: number, headingLine: number | undefined) => {
    const bodyStart = headingLine === undefined ? start : start + 1;
    let a = bodyStart;
    let b = end;
    while (a <= b && (lines[a - 1] ?? '').trim() === '') a++;
    while (b >= a && (lines[b - 1] ?? '').trim() === '') b--;
    if (a > b) return;
    const heading = stack.map((s) => s.title).join(' › ') || fileTitle(path);
    out.push({
      source: path,
      line: headingLine ?? a,
      endLine: b,
      heading,
      body: lines.slice(a - 1, b).join('\n'),
      bodyLine: a,
      kind: 'ranked',
      score: 0,
      reasons: [],
    });
  };
  const first = headings[0]?.line ?? lines.length + 1;
  if (first > 1) push(1, first - 1, undefined);
  headings.forEach((h, i) => {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= h.level) stack.pop();
    stack.push({ level: h.level, title: h.title });
    const end = (headings[i + 1]?.line ?? lines.length + 1) - 1;
    push(h.line, end, h.line);
  });
  return out;
}

/** Splits TOML at table headers (`[table]`, `[[array]]`); keys before the first table form one section. */
export function splitToml(path: string, lines: string[]): RuleSection[] {
  const out: RuleSection[] = [];
  let start = 1;
  let title = fileTitle(path);
  const flush = (end: number, headingLine: number | undefined) => {
    let a = headingLine === undefined ? start : start + 1;
    let b = end;
    while (a <= b && /^\s*(?:#.*)?$/.test(lines[a - 1] ?? '') && (lines[a - 1] ?? '').trim() === '') a++;
    while (b >= a && (lines[b - 1] ?? '').trim() === '') b--;
    if (a > b) return;
    out.push({
      source: path,
      line: headingLine ?? a,
      endLine: b,
      heading: title,
      body: lines.slice(a - 1, b).join('\n'),
      bodyLine: a,
      kind: 'ranked',
      score: 0,
      reasons: [],
    });
  };
  let headingLine: number | undefined;
  lines.forEach((text, i) => {
    const m = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(text);
    if (!m) return;
    flush(i, headingLine);
    start = i + 1;
    headingLine = i + 1;
    title = m[1]!;
  });
  flush(lines.length, headingLine);
  return out;
}

function fileTitle(path: string): string {
  return path.split('/').pop() ?? path;
}

/** The blueprint's own "Architectural Constraints" section, as a rule that always applies. */
export function blueprintConstraints(bp: Blueprint): RuleSection | undefined {
  const s = bp.sections.architectural_constraints;
  if (!s || s.body.trim() === '') return undefined;
  const bodyLines = s.body.split('\n');
  return {
    source: bp.path,
    line: s.line,
    endLine: s.bodyLine + bodyLines.length - 1,
    heading: `${bp.id} › ${s.title}`,
    body: s.body,
    bodyLine: s.bodyLine,
    kind: 'blueprint',
    score: 1,
    reasons: ["the task's own architectural constraints"],
  };
}

export interface RankRulesInput {
  sections: RuleSection[];
  /** The task's text (title, goal, criteria, plan, constraints). */
  query: string;
  /** Repository paths the code search found relevant (best first). */
  relevantPaths: string[];
  /** Third-party libraries the task touches (names as written in manifests / imports). */
  libraries: string[];
}

/**
 * Scores every section. Global sections (an introduction directly under the document title, or a
 * heading such as "Global rules"/"Conventions") that are short are marked `global` and always kept;
 * the rest are scored with BM25 on heading + body, plus evidence from the code: a section that names a
 * folder or file the search found, or a library the task uses, is about this task.
 */
export function rankRules(input: RankRulesInput): RuleSection[] {
  const { sections } = input;
  const docs = sections.map((s) => `${s.heading} ${s.heading} ${s.body}`);
  const lexical = bm25(docs, input.query);
  const top = Math.max(...lexical, 1e-9);
  const queryTerms = new Set(terms(input.query));
  const relevantTop = input.relevantPaths.slice(0, 8);
  return sections.map((s, i) => {
    const reasons: string[] = [];
    let score = (lexical[i] ?? 0) / top;
    if (score > 0) {
      const shared = [...new Set(terms(`${s.heading} ${s.body}`))]
        .filter((t) => queryTerms.has(t))
        .slice(0, 6);
      if (shared.length > 0) reasons.push(`lexical: ${shared.join(', ')}`);
    }
    const mentioned = mentionedPaths(s.body);
    const hits = mentioned.filter((m) =>
      relevantTop.some((p) => p === m || (m.endsWith('/') && p.startsWith(m))),
    );
    if (hits.length > 0) {
      score += 0.35;
      reasons.push(`names ${hits.slice(0, 3).join(', ')} where relevant code lives`);
    }
    const libs = input.libraries.filter((l) =>
      new RegExp(`\\b${escapeRe(l)}\\b`, 'i').test(`${s.heading}\n${s.body}`),
    );
    if (libs.length > 0) {
      score += 0.15;
      reasons.push(`about ${libs.slice(0, 3).join(', ')}, used by the task`);
    }
    const isGlobal = isGlobalSection(s, sections);
    if (isGlobal) reasons.unshift('short global rule (always included)');
    return { ...s, kind: isGlobal ? 'global' : s.kind, score: Math.round(score * 1000) / 1000, reasons };
  });
}

function isGlobalSection(s: RuleSection, all: RuleSection[]): boolean {
  const lines = s.endLine - s.line + 1;
  if (lines > GLOBAL_MAX_LINES || s.heading.length + s.body.length > GLOBAL_MAX_CHARS) return false;
  const last = s.heading.split(' › ').pop() ?? '';
  if (GLOBAL_HEADING.test(last) || /^\s*(?:global|general) rules?\b/im.test(s.body)) return true;
  // The introduction under a document's single top heading is its preamble of project-wide rules,
  // when it states rules (a list), not only prose.
  const depth = s.heading.split(' › ').length;
  const firstOfFile = all.find((o) => o.source === s.source) === s;
  return firstOfFile && depth <= 1 && /^\s*(?:[-*+]|\d+\.)\s+/m.test(s.body);
}

/** Repository paths written in a text: `src/models/`, `tests/test_auth.py`, … */
export function mentionedPaths(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/`([^`\s]+)`/g)) {
    const p = m[1]!.replace(/^\.\//, '');
    if (/^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]*)+$|^[A-Za-z0-9_-]+\.[A-Za-z0-9]{1,5}$/.test(p)) out.add(p);
  }
  return [...out];
}

/**
 * Paths compared by their UTF-16 code units, never by the machine's locale: `localeCompare` puts `ch`
 * after `h` under a Czech locale and `ä` after `z` under a Swedish one, and the same commit would give
 * a different task_context.md (and miss the prompt cache) on another machine.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface RuleSelection {
  included: RuleSection[];
  excluded: RuleSection[];
}

/**
 * Chooses the rules for the context: the blueprint's constraints, then short global rules, then
 * ranked sections above a relevance floor (a share of the best score) — most relevant first, ties
 * broken by source and line so the order is stable.
 */
export function selectRules(
  ranked: RuleSection[],
  blueprint: RuleSection | undefined,
  opts: { maxRanked?: number; floor?: number } = {},
): RuleSelection {
  const maxRanked = opts.maxRanked ?? 8;
  const floor = opts.floor ?? 0.3;
  const order = (a: RuleSection, b: RuleSection) =>
    b.score - a.score || byCodeUnits(a.source, b.source) || a.line - b.line;
  const globals = ranked
    .filter((s) => s.kind === 'global')
    .sort((a, b) => byCodeUnits(a.source, b.source) || a.line - b.line);
  const rest = ranked.filter((s) => s.kind !== 'global').sort(order);
  const best = rest[0]?.score ?? 0;
  const chosen = rest.filter((s) => s.score > 0 && s.score >= best * floor).slice(0, maxRanked);
  const included = [...(blueprint ? [blueprint] : []), ...globals, ...chosen];
  const set = new Set(included);
  return { included, excluded: rest.filter((s) => !set.has(s)) };
}
