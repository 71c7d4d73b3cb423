/**
 * task_context.md: the one document the Coder reads. Sections in a fixed order (Task, Acceptance
 * Criteria, Architectural Rules, Relevant Existing Code, External Knowledge, Verification Plan), items
 * most relevant first, no timestamps — the same inputs give the same bytes, so providers' prompt caches
 * hit on a rerun. Everything is fitted into a token budget counted with a real tokenizer.
 */
import { ConfigurationError } from '../../errors.js';
import type { Blueprint } from '../../spec/types.js';
import { escapeControlChars, replaceControlChars, sliceWhole } from '../../util/chars.js';
import { longestBackticks } from '../../util/markdown.js';
import type { ApiFact, LibraryRef } from '../../knowledge/types.js';
import type { RuleSection } from './rules.js';
import { countTokens, TOKENIZER } from './tokens.js';

export interface LineRange {
  start: number;
  end: number;
  /** What the range holds ("class User", "imports"). */
  label?: string;
}

export interface CodeCandidate {
  path: string;
  score: number;
  isTest: boolean;
  reasons: string[];
  /** Redacted lines of the file (`lines[0]` is line 1). */
  lines: string[];
  /** Preferred ranges, and a smaller fallback when the preferred ones do not fit. */
  ranges: LineRange[];
  fallback?: LineRange[];
  /** The whole file, quoted instead of `ranges` when room is left once everything else is placed. */
  whole?: LineRange[];
}

export interface ContextInput {
  blueprint: Blueprint;
  baseCommit: string;
  budget: number;
  rules: RuleSection[];
  code: CodeCandidate[];
  libraries: LibraryRef[];
  facts: ApiFact[];
  notes: string[];
}

export interface ContextOutput {
  markdown: string;
  tokens: number;
  sectionTokens: Record<string, number>;
  includedRules: RuleSection[];
  includedCode: { path: string; ranges: LineRange[]; tokens: number }[];
  includedFacts: ApiFact[];
  omitted: { kind: 'rule' | 'code' | 'fact'; id: string; reason: string }[];
}

export const SECTION_TITLES = {
  task: 'Task',
  criteria: 'Acceptance Criteria',
  rules: 'Architectural Rules',
  code: 'Relevant Existing Code',
  knowledge: 'External Knowledge',
  plan: 'Verification Plan',
} as const;

const LANGUAGES: Record<string, string> = {
  py: 'python',
  pyi: 'python',
  ts: 'ts',
  tsx: 'tsx',
  mts: 'ts',
  cts: 'ts',
  js: 'js',
  jsx: 'jsx',
  mjs: 'js',
  cjs: 'js',
  go: 'go',
  rs: 'rust',
  java: 'java',
  kt: 'kotlin',
  rb: 'ruby',
  php: 'php',
  cs: 'csharp',
  c: 'c',
  h: 'c',
  cpp: 'cpp',
  hpp: 'cpp',
  sh: 'bash',
  sql: 'sql',
  md: 'markdown',
  toml: 'toml',
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  ini: 'ini',
  html: 'html',
  css: 'css',
  mako: 'mako',
};

export function languageOf(path: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return LANGUAGES[ext] ?? '';
}

/** A fence longer than any backtick run inside the text; an info string that is not a plain word is dropped. */
function fence(text: string, lang = ''): string {
  const longest = Math.max(2, longestBackticks(text));
  const f = '`'.repeat(Math.max(3, longest + 1));
  const info = /^[\w+#.-]{1,32}$/.test(lang) ? lang : '';
  return `${f}${info}\n${text}\n${f}`;
}

/**
 * Untrusted text (a file name, a server's title, a manifest's version, a note) on one line of the
 * document: a line break in it would start a heading or a list item of its own.
 */
export function oneLine(s: string): string {
  return replaceControlChars(s, () => ' ');
}

/** `s` as a code span on one line, whatever backticks it holds. */
export function inlineCode(s: string): string {
  const t = oneLine(s);
  const n = longestBackticks(t);
  if (n === 0) return `\`${t}\``;
  const f = '`'.repeat(n + 1);
  return `${f} ${t} ${f}`;
}

const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const PARAGRAPH_LINE =
  /^ {0,3}(?![-*+](?:[ \t]|$)|[>|]|#{1,6}(?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3,}|~{3,})\S/;

/** CommonMark's HTML blocks that end only at a given string, however many blank lines come first. */
const HTML_BLOCKS: { start: RegExp; end: RegExp; close: string }[] = [
  {
    start: /^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i,
    end: /<\/(?:script|pre|style|textarea)>/i,
    close: '',
  },
  { start: /^ {0,3}<!--/, end: /-->/, close: '-->' },
  { start: /^ {0,3}<\?/, end: /\?>/, close: '?>' },
  { start: /^ {0,3}<![A-Za-z]/, end: />/, close: '>' },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, close: ']]>' },
];

/**
 * A Markdown body quoted inside the document (a rule section, a part of the blueprint): it stays inside
 * its own section. A code fence it leaves open is closed at its end (else everything after it, the
 * later sections included, would read as code), so is an HTML block that only a closing string ends
 * (`<!--` without `-->` would hide the rest of the document), and a setext underline (`Title` over
 * `====`), which would make a heading of the line above, is escaped. A carriage return alone ends a
 * line for a Markdown reader but not for `path:line` (nor for the checks here): it is shown as a space.
 * Every line keeps its place (a closing line is added after the last one), so `path:line` references
 * into the body still hold. A fence opened inside a list item may be ended by the item rather than by
 * its closing line, and that line then opens a fence of its own: a body where that can happen is quoted
 * whole in a fence of its own instead.
 */
export function quoteMarkdown(body: string): string {
  const text = body.replace(/\r\n/g, '\n').replace(/\r/g, ' ');
  const lines = text.split('\n');
  const indent = (line: string) => /^ */.exec(line)![0].length;
  // Lines inside a fence or an HTML block, as CommonMark reads them: a fence closes only on a line of the
  // same character, at least as long, indented at most three spaces, with nothing after it.
  const inBlock = new Set<number>();
  let openFence: { char: string; length: number; indent: number } | undefined;
  let html: { end: RegExp; close: string; indent: number } | undefined;
  let nested = false;
  lines.forEach((line, i) => {
    if (openFence) {
      inBlock.add(i);
      // Less indented than the opening line: a list item holding the fence would end here.
      if (line.trim() !== '' && indent(line) < openFence.indent) nested = true;
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
      if (close && close[0] === openFence.char && close.length >= openFence.length) openFence = undefined;
      return;
    }
    if (html) {
      inBlock.add(i);
      if (html.end.test(line)) html = undefined;
      return;
    }
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      inBlock.add(i);
      openFence = { char: open[1]![0]!, length: open[1]!.length, indent: indent(line) };
      return;
    }
    const block = HTML_BLOCKS.find((b) => b.start.test(line));
    if (block) {
      inBlock.add(i);
      const startAt = block.start.exec(line)![0].length;
      const tag = /^ {0,3}<([A-Za-z]+)/.exec(line)?.[1]?.toLowerCase();
      if (!block.end.test(line.slice(startAt)))
        html = { end: block.end, close: block.close || `</${tag}>`, indent: indent(line) };
    }
  });
  if (nested) return fence(text, 'markdown');
  for (let i = 1; i < lines.length; i++) {
    if (inBlock.has(i) || inBlock.has(i - 1)) continue;
    if (SETEXT_UNDERLINE.test(lines[i]!) && PARAGRAPH_LINE.test(lines[i - 1]!)) {
      lines[i] = lines[i]!.replace(/^( {0,3})/, '$1\\');
    }
  }
  // Closed at the opening line's indentation: inside a list item too.
  if (openFence) lines.push(' '.repeat(openFence.indent) + openFence.char.repeat(openFence.length));
  else if (html) lines.push(' '.repeat(html.indent) + html.close);
  return lines.join('\n');
}

function cite(path: string, start: number, end?: number): string {
  return end !== undefined && end !== start ? `${path}:${start}-${end}` : `${path}:${start}`;
}

function renderTask(bp: Blueprint): string {
  const out: string[] = [`## ${SECTION_TITLES.task}`, ''];
  const meta = [
    `**${bp.id}** — ${oneLine(bp.title)}`,
    bp.requirementId ? `requirement ${oneLine(bp.requirementId)}` : undefined,
    bp.branch ? `branch ${inlineCode(bp.branch)}` : undefined,
    bp.dependsOn.length ? `depends on ${oneLine(bp.dependsOn.join(', '))}` : undefined,
    bp.labels.length ? `labels ${oneLine(bp.labels.join(', '))}` : undefined,
  ].filter(Boolean);
  out.push(meta.join(' · '), '', `Blueprint: ${inlineCode(bp.path)}`);
  const sub = (
    key: 'goal' | 'implementation_plan' | 'relevant_existing_code' | 'security_considerations',
    title: string,
  ) => {
    const s = bp.sections[key];
    if (!s || !s.body.trim()) return;
    out.push('', `### ${title} (${inlineCode(cite(bp.path, s.line))})`, '', quoteMarkdown(s.body.trim()));
  };
  sub('goal', 'Goal');
  sub('implementation_plan', 'Implementation Plan');
  for (const s of bp.otherSections) {
    if (s.body.trim())
      out.push(
        '',
        `### ${oneLine(s.title)} (${inlineCode(cite(bp.path, s.line))})`,
        '',
        quoteMarkdown(s.body.trim()),
      );
  }
  sub('relevant_existing_code', "The blueprint's pointers to existing code");
  sub('security_considerations', 'Security notes from the blueprint');
  return out.join('\n');
}

function renderCriteria(bp: Blueprint): string {
  const out = [`## ${SECTION_TITLES.criteria}`, ''];
  if (bp.acceptanceCriteria.length === 0) {
    const s = bp.sections.acceptance_criteria;
    out.push(s?.body.trim() ? quoteMarkdown(s.body.trim()) : '_The blueprint lists no acceptance criteria._');
  } else {
    for (const c of bp.acceptanceCriteria) {
      out.push(`- [${c.checked ? 'x' : ' '}] ${oneLine(c.text)} (${inlineCode(cite(bp.path, c.line))})`);
    }
  }
  return out.join('\n');
}

function renderPlan(bp: Blueprint): string {
  const out = [`## ${SECTION_TITLES.plan}`, ''];
  if (bp.plan.length === 0) {
    out.push('_The blueprint has no verification plan steps._');
    return out.join('\n');
  }
  out.push(
    'The Validator runs these steps (from the blueprint at the base commit) after the quality checks of `quality.toml`.',
    '',
  );
  for (const st of bp.plan) {
    const t = st.timeout ? `, timeout ${st.timeout}s` : '';
    out.push(
      `- **${oneLine(st.stage)}** \`${escapeControlChars(st.command).replace(/`/g, "'")}\` must **${oneLine(st.expects)}**${t} — ${oneLine(st.description)} (${inlineCode(cite(bp.path, st.line))})`,
    );
  }
  return out.join('\n');
}

function renderRule(r: RuleSection): string {
  const why = r.reasons.length ? `\n_Why: ${oneLine(r.reasons.join('; '))}._\n` : '';
  // A TOML table is quoted as TOML: its `# comments` would otherwise be Markdown headings.
  const body = /\.toml$/i.test(r.source) ? fence(r.body.trim(), 'toml') : quoteMarkdown(r.body.trim());
  return `### ${oneLine(r.heading)} (${inlineCode(cite(r.source, r.line, r.endLine))})\n${why}\n${body}`;
}

function renderCode(c: CodeCandidate, ranges: LineRange[]): string {
  const lang = languageOf(c.path);
  const kind = c.isTest ? ' (test)' : '';
  const out = [
    `### ${inlineCode(c.path)}${kind}`,
    '',
    `_Why: ${c.reasons.length ? oneLine(c.reasons.join('; ')) : 'ranked by code search'} (score ${c.score.toFixed(3)})._`,
  ];
  for (const r of ranges) {
    const text = c.lines.slice(r.start - 1, r.end).join('\n');
    out.push(
      '',
      `${inlineCode(cite(c.path, r.start, r.end))}${r.label ? ` — ${oneLine(r.label)}` : ''}`,
      fence(text, lang),
    );
  }
  return out.join('\n');
}

function renderLibraryHeader(lib: LibraryRef | undefined, name: string, version?: string): string {
  // Not installed: the version the project's lock file records, said to be that.
  const locked = !version && lib?.locked?.versions.length === 1 ? lib.locked.versions[0] : undefined;
  const shown = version ?? locked;
  const parts = [`### ${oneLine(name)}${shown ? ` ${oneLine(clip(shown, 40))}` : ''}`];
  const meta: string[] = [];
  if (version) meta.push('installed version');
  else if (locked) meta.push(`locked in ${oneLine(lib!.locked!.file)}, not installed`);
  if (version && lib?.locked && !lib.locked.versions.includes(version))
    meta.push(`${oneLine(lib.locked.file)} locks ${oneLine(clip(lib.locked.versions.join(', '), 60))}`);
  if (lib?.declared)
    meta.push(`declared in ${oneLine(lib.declared.file)}: ${inlineCode(clip(lib.declared.spec, 120))}`);
  if (lib?.reasons.length) meta.push(`why: ${oneLine(lib.reasons.slice(0, 3).join('; '))}`);
  if (meta.length) parts.push('', `_${meta.join(' · ')}._`);
  return parts.join('\n');
}

/**
 * At most `max` characters of a field a manifest or a server chose (a version, a title), never cut
 * between the two halves of a character outside the BMP (an emoji, a rare CJK ideograph): half of one
 * is no text, and is written as U+FFFD.
 */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${sliceWhole(s, max - 1)}…`;
}

function renderFact(f: ApiFact): string {
  const head =
    f.provider === 'context7'
      ? `#### ${oneLine(clip(f.symbol, 200))} (${oneLine(clip(f.source, 300))})`
      : `#### ${inlineCode(f.symbol)} — ${oneLine(f.kind)} (${inlineCode(f.source)}, ${f.provider})`;
  return `${head}\n${fence(f.text.trimEnd(), f.language === 'text' ? '' : f.language)}`;
}

/**
 * Builds the document within the budget. Fixed sections (task, criteria, plan) always go in; the
 * rest is filled greedily in relevance order with shares for rules and library facts, and code taking
 * what remains. An item that does not fit is tried in a smaller form, then omitted (and recorded).
 */
export function assembleContext(input: ContextInput): ContextOutput {
  const { blueprint: bp, budget } = input;
  const omitted: ContextOutput['omitted'] = [];
  const header = [
    `# ${bp.id}: ${bp.title}`,
    '',
    `> Task context assembled by Guardian's Bundler at base commit \`${input.baseCommit.slice(0, 12)}\`. Code, rules and API facts below are quoted from that commit and the installed libraries, with \`path:line\` sources; secrets are redacted. Token budget ${budget} (${TOKENIZER}).`,
  ].join('\n');
  const task = renderTask(bp);
  const criteria = renderCriteria(bp);
  const plan = renderPlan(bp);
  // Notes are for transparency; past a dozen they would crowd out code, and evidence/ has them all.
  const MAX_NOTES = 12;
  const noteBlock = (notes: string[]) => {
    if (notes.length === 0) return '';
    const shown = notes.slice(0, MAX_NOTES).map((n) => `- ${oneLine(n)}`);
    if (notes.length > MAX_NOTES)
      shown.push(`- … and ${notes.length - MAX_NOTES} more (see evidence/*.json)`);
    return `## Notes\n\n${shown.join('\n')}`;
  };

  const SEP = 2; // tokens for the blank lines joining blocks (over-estimate)
  const fixed = countTokens(header) + countTokens(task) + countTokens(criteria) + countTokens(plan) + 6 * SEP;
  let notesCost = countTokens(noteBlock(input.notes));
  let remaining = budget - fixed - notesCost - 40;
  if (remaining < 0) {
    throw new ConfigurationError(
      `token budget ${budget} is too small for ${bp.id}: the task's own text (goal, criteria, plan) already takes ${fixed} tokens; raise [bundle] token_budget in quality.toml (or --budget)`,
    );
  }

  const rulesOut: { r: RuleSection; text: string; tokens: number }[] = [];
  const codeOut: { c: CodeCandidate; ranges: LineRange[]; text: string; tokens: number }[] = [];
  const factsOut: { f: ApiFact; text: string; tokens: number }[] = [];

  let rulesUsed = 0;
  let factsUsed = 0;

  // A library's header (version, declared requirement, why) is paid for by its first fact placed.
  const libraryOf = (name: string) =>
    input.libraries.find((l) => l.packageName === name || l.importName === name);
  const headerPaid = new Set<string>();
  const factCost = (f: ApiFact, text: string) =>
    countTokens(text) +
    SEP +
    (headerPaid.has(f.library)
      ? 0
      : countTokens(renderLibraryHeader(libraryOf(f.library), f.library, f.version)) + SEP);

  // The files left out are named in the notes (the first few, most relevant first): evidence/search.json
  // has them all.
  const MAX_OMITTED_NAMED = 8;
  const notesBlock = () => {
    const omittedCode = omitted
      .filter((o) => o.kind === 'code')
      .map((o) => o.id)
      .sort((a, b) => codeRank(a) - codeRank(b))
      .map((id) => inlineCode(id));
    if (omittedCode.length === 0) return noteBlock(input.notes);
    const named = omittedCode.slice(0, MAX_OMITTED_NAMED).join(', ');
    const more =
      omittedCode.length > MAX_OMITTED_NAMED ? ` and ${omittedCode.length - MAX_OMITTED_NAMED} more` : '';
    return noteBlock([
      `Left out to stay within the token budget: ${named}${more} (see evidence/search.json).`,
      ...input.notes,
    ]);
  };
  const codeRank = (path: string) => input.code.findIndex((c) => c.path === path);
  // A file left out is named in the notes: the room that takes comes out of what the rest may use, so
  // the document fits without dropping a file that was placed.
  const omitCode = (path: string) => {
    omitted.push({ kind: 'code', id: path, reason: 'token budget' });
    const cost = countTokens(notesBlock());
    remaining -= cost - notesCost;
    notesCost = cost;
  };

  const build = () => {
    const notesText = notesBlock();
    const rulesText = [
      `## ${SECTION_TITLES.rules}`,
      '',
      rulesOut.length
        ? rulesOut.map((x) => x.text).join('\n\n')
        : '_No project rules found (specs/architecture.md, other specs/*.md, Project.toml, AGENTS.md, CONTRIBUTING.md)._',
    ].join('\n');
    const codeText = [
      `## ${SECTION_TITLES.code}`,
      '',
      codeOut.length
        ? codeOut.map((x) => x.text).join('\n\n')
        : omitted.some((o) => o.kind === 'code')
          ? '_Left out for the token budget (see the notes)._'
          : '_Code search found no relevant files at the base commit._',
    ].join('\n');
    const byLib = new Map<string, typeof factsOut>();
    for (const x of factsOut) {
      const k = x.f.library;
      if (!byLib.has(k)) byLib.set(k, []);
      byLib.get(k)!.push(x);
    }
    const knowledgeText = [
      `## ${SECTION_TITLES.knowledge}`,
      '',
      byLib.size
        ? [...byLib.entries()]
            .map(([name, xs]) => {
              const lib = libraryOf(name);
              return [renderLibraryHeader(lib, name, xs[0]!.f.version), ...xs.map((x) => x.text)].join(
                '\n\n',
              );
            })
            .join('\n\n')
        : input.libraries.length
          ? `_No API facts found offline for: ${oneLine(input.libraries.map((l) => (l.ecosystem === 'python' ? l.packageName : l.importName)).join(', '))}._`
          : '_The task touches no third-party library._',
    ].join('\n');
    const sections = {
      header,
      task,
      criteria,
      rules: rulesText,
      code: codeText,
      knowledge: knowledgeText,
      plan,
      notes: notesText,
    };
    const markdown =
      [header, task, criteria, rulesText, codeText, knowledgeText, plan, notesText]
        .filter(Boolean)
        .join('\n\n') + '\n';
    return { markdown, sections };
  };

  // What the document takes with nothing placed yet: its section titles and the placeholders of empty
  // sections count too (an item placed only ever replaces a placeholder, so this is an upper bound).
  remaining = Math.min(remaining, budget - countTokens(build().markdown) - 16);

  const share = (p: number) => Math.max(0, Math.floor(remaining * p));
  const rulesCap = share(0.25);
  const factsCap = share(0.2);
  // Short global rules always go in, as long as they leave most of the room to the task's code: dozens
  // of packages' "Conventions" would otherwise take it all. The rest get what is left at the end.
  const globalsCap = share(0.4);

  // 1. Rules: the blueprint's and global ones first (they come first in `input.rules`).
  const pendingRules: RuleSection[] = [];
  for (const r of input.rules) {
    const text = renderRule(r);
    const t = countTokens(text) + SEP;
    const fits =
      r.kind === 'blueprint'
        ? t <= remaining
        : rulesUsed + t <= (r.kind === 'global' ? globalsCap : rulesCap);
    if (fits) {
      rulesOut.push({ r, text, tokens: t });
      rulesUsed += t;
      remaining -= t;
    } else pendingRules.push(r);
  }
  // 2. Library facts, within their share.
  const pendingFacts: ApiFact[] = [];
  for (const f of input.facts) {
    const text = renderFact(f);
    const t = factCost(f, text);
    if (factsUsed + t <= factsCap) {
      factsOut.push({ f, text, tokens: t });
      headerPaid.add(f.library);
      factsUsed += t;
      remaining -= t;
    } else pendingFacts.push(f);
  }
  // 3. Code takes what remains, most relevant first; a file that does not fit is tried smaller.
  for (const c of input.code) {
    let placed = false;
    for (const ranges of [c.ranges, c.fallback].filter((r): r is LineRange[] => !!r && r.length > 0)) {
      const text = renderCode(c, ranges);
      const t = countTokens(text) + SEP;
      if (t <= remaining) {
        codeOut.push({ c, ranges, text, tokens: t });
        remaining -= t;
        placed = true;
        break;
      }
    }
    if (!placed) omitCode(c.path);
  }
  // 4. Leftover room goes to the rules and facts that missed their share.
  for (const r of pendingRules) {
    const text = renderRule(r);
    const t = countTokens(text) + SEP;
    if (t <= remaining) {
      rulesOut.push({ r, text, tokens: t });
      remaining -= t;
    } else omitted.push({ kind: 'rule', id: cite(r.source, r.line, r.endLine), reason: 'token budget' });
  }
  for (const f of pendingFacts) {
    const text = renderFact(f);
    const t = factCost(f, text);
    if (t <= remaining) {
      factsOut.push({ f, text, tokens: t });
      headerPaid.add(f.library);
      remaining -= t;
    } else omitted.push({ kind: 'fact', id: `${f.library}:${f.symbol}`, reason: 'token budget' });
  }
  // 5. Room left over: a file quoted in parts is quoted whole, most relevant first (the parts left out
  // of a mid-sized file, a helper or an error class, are often what the change needs).
  for (const x of codeOut) {
    if (!x.c.whole || x.ranges === x.c.whole) continue;
    const text = renderCode(x.c, x.c.whole);
    const t = countTokens(text) + SEP;
    if (t - x.tokens <= remaining) {
      remaining -= t - x.tokens;
      Object.assign(x, { ranges: x.c.whole, text, tokens: t });
    }
  }
  // Stable order inside sections: the input order (relevance), not the order of placement.
  rulesOut.sort((a, b) => input.rules.indexOf(a.r) - input.rules.indexOf(b.r));
  factsOut.sort((a, b) => input.facts.indexOf(a.f) - input.facts.indexOf(b.f));
  codeOut.sort((a, b) => input.code.indexOf(a.c) - input.code.indexOf(b.c));

  let { markdown, sections } = build();
  let tokens = countTokens(markdown);
  // The estimate above is conservative; if rounding still overflows, drop the least relevant code,
  // then the least relevant API facts, then ranked rules: the document written always fits.
  while (tokens > budget) {
    if (codeOut.length > 0) {
      const dropped = codeOut.pop()!;
      omitted.push({ kind: 'code', id: dropped.c.path, reason: 'token budget' });
    } else if (factsOut.length > 0) {
      const { f } = factsOut.pop()!;
      omitted.push({ kind: 'fact', id: `${f.library}:${f.symbol}`, reason: 'token budget' });
    } else {
      const i = rulesOut.map((x) => x.r.kind).lastIndexOf('ranked');
      if (i < 0) break;
      const { r } = rulesOut.splice(i, 1)[0]!;
      omitted.push({ kind: 'rule', id: cite(r.source, r.line, r.endLine), reason: 'token budget' });
    }
    ({ markdown, sections } = build());
    tokens = countTokens(markdown);
  }
  if (tokens > budget) {
    throw new ConfigurationError(
      `token budget ${budget} is too small for ${bp.id}: the task's own text, its constraints, the project's global rules and the notes already take ${tokens} tokens; raise [bundle] token_budget in quality.toml (or --budget)`,
    );
  }
  const sectionTokens: Record<string, number> = {};
  for (const [k, v] of Object.entries(sections)) sectionTokens[k] = v ? countTokens(v) : 0;
  return {
    markdown,
    tokens,
    sectionTokens,
    includedRules: rulesOut.map((x) => x.r),
    includedCode: codeOut.map((x) => ({ path: x.c.path, ranges: x.ranges, tokens: x.tokens })),
    includedFacts: factsOut.map((x) => x.f),
    omitted,
  };
}
