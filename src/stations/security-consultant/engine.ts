/**
 * The offline threat model: task text + bundled code in, findings out. Pure (no I/O), so the benchmark
 * and the station run the same code.
 *
 * A category applies when its evidence adds up:
 *  - a strong phrase in the task text (weight ≥ 3), or
 *  - some task text (≥ 1) plus code evidence, together ≥ 4, or
 *  - existing code in a central file that already does what the category's guard checks forbid.
 * Code evidence counts once per label (the strongest occurrence), scaled by the file's relevance, so a
 * big file does not outvote the task.
 */
import { adviceFor, CATEGORIES, THREAT_CATEGORIES, type CategoryId, type Severity } from './categories.js';
import {
  CHECKS,
  compileCheck,
  pathsFor,
  toSecurityCheck,
  type Language,
  type SecurityCheck,
} from './checks.js';
import { findAgentInstructions, findInvisibleCharacters } from './hygiene.js';
import {
  CODE_TRIGGERS,
  FILE_KIND_TRIGGERS,
  isCommentLine,
  languageOf,
  NEGATION,
  ABSENCE,
  PROHIBITION,
  TEXT_TRIGGERS,
  type CodeTrigger,
} from './triggers.js';

export interface SourceFile {
  /** Repository-relative posix path. */
  path: string;
  content: string;
  /** How central the file is to the task, 0–1 (named in the blueprint or top-ranked = 1). */
  relevance: number;
  isTest?: boolean;
  /** Why the file is in the bundle (from the search evidence). */
  reasons?: string[];
}

export interface TaskText {
  /** Repository-relative path of the blueprint (for `path:line` of text triggers). */
  path: string;
  /** The blueprint text, already stripped of hidden text. */
  text: string;
}

export interface AnalysisInput {
  taskId: string;
  blueprint: TaskText;
  files: SourceFile[];
  /** Every file in the repository (for stack detection from manifests); optional. */
  repoFiles?: string[];
}

export type TriggerKind =
  | 'text'
  | 'import'
  | 'call'
  | 'source'
  | 'sink'
  | 'definition'
  | 'field'
  | 'file-kind'
  | 'existing-violation'
  | 'symbol';

export interface Evidence {
  category: CategoryId;
  kind: TriggerKind;
  label: string;
  weight: number;
  path: string;
  line: number;
  excerpt: string;
}

export interface Location {
  path: string;
  line: number;
}

export interface Finding {
  id: string;
  category: CategoryId;
  title: string;
  cwe: string[];
  owasp: string[];
  severity: Severity;
  where: Location[];
  risk: string;
  advice: string;
  verification: string;
  source: 'rules' | 'model';
  check?: SecurityCheck;
  /** Rule findings: the strongest evidence that raised the category, as short sentences. */
  because?: string[];
}

export interface CategoryAssessment {
  category: CategoryId;
  textScore: number;
  codeScore: number;
  applies: boolean;
  evidence: Evidence[];
}

export interface AnalysisResult {
  findings: Finding[];
  stacks: string[];
  languages: Language[];
  assessments: CategoryAssessment[];
}

// --- task text -----------------------------------------------------------------------------------------

interface TextLine {
  line: number;
  text: string;
  /** 0.5 for project-wide boilerplate (architectural constraints), 1 otherwise. */
  factor: number;
}

/** Prose lines of a blueprint worth reading: the title, labels and body text outside code fences. */
export function proseLines(text: string): {
  prose: TextLine[];
  snippets: { line: number; lang: string; code: string }[];
} {
  const lines = text.split('\n');
  const prose: TextLine[] = [];
  const snippets: { line: number; lang: string; code: string }[] = [];
  let i = 0;
  if (lines[0]?.trim() === '---') {
    for (i = 1; i < lines.length && lines[i]?.trim() !== '---'; i++) {
      const l = lines[i] ?? '';
      if (/^(?:title|labels)\s*:/.test(l))
        prose.push({ line: i + 1, text: l.replace(/^\w+\s*:\s*/, ''), factor: 1 });
    }
    i++;
  }
  let factor = 1;
  let continued = false;
  let fence: { marker: string; lang: string; start: number; body: string[] } | undefined;
  for (; i < lines.length; i++) {
    const l = lines[i] ?? '';
    const f = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/.exec(l);
    if (fence) {
      if (f && f[1]!.startsWith(fence.marker) && l.trim() === f[1]) {
        if (fence.lang !== 'guardian')
          snippets.push({ line: fence.start + 1, lang: fence.lang, code: fence.body.join('\n') });
        fence = undefined;
      } else fence.body.push(l);
      continue;
    }
    if (f) {
      fence = { marker: f[1]!, lang: (f[2] ?? '').toLowerCase(), start: i + 1, body: [] };
      continue;
    }
    const h = /^#{1,6}\s+(.*)$/.exec(l);
    if (h) factor = /architectur|constraint|convention/i.test(h[1]!) ? 0.5 : 1;
    if (!l.trim()) {
      continued = false;
      continue;
    }
    // A wrapped line continues the paragraph or list item above it: read them as one sentence.
    const last = prose[prose.length - 1];
    if (continued && last && !h && !/^\s*(?:[-*+]\s|\d+[.)]\s|>|\|)/.test(l)) {
      last.text += ' ' + l.trim();
      continue;
    }
    prose.push({ line: i + 1, text: l, factor });
    continued = !h;
  }
  return { prose, snippets };
}

/** A user story's role ("As an admin, …") is context, not a requirement of the task. */
const USER_STORY_ROLE = /^(\s*(?:[-*]\s+)?as (?:a|an|the) [^,.]{1,60},)/i;
/** File paths and file names in prose say where, not what ("`blog/models.py`" is not about models). */
const PATH_TOKEN =
  /`?(?:[\w.-]+\/)+(?:[\w.-]+\.(?:py|js|jsx|ts|tsx|go|html?|md|json|txt|toml|ya?ml|cfg|ini|sql|css)\b|(?=[`\s,.;:)]|$))`?|`?\b(?!(?:requirements|package|pyproject|go|Pipfile|Gemfile|Cargo)\b)[\w-]+\.(?:py|js|jsx|ts|tsx|go|html?|md|json|txt|toml|ya?ml|cfg|ini|sql|css)\b`?/g;

function textEvidence(blueprint: TaskText): Evidence[] {
  const out: Evidence[] = [];
  for (const { line, text: raw, factor } of proseLines(blueprint.text).prose) {
    const role = USER_STORY_ROLE.exec(raw)?.[1] ?? '';
    // Code spans read as words ("the `Stripe-Signature` header"); paths are blanked first.
    const text = raw
      .slice(role.length)
      .replace(PATH_TOKEN, (m) => ' '.repeat(m.length))
      .replace(/`/g, '');
    for (const trig of TEXT_TRIGGERS) {
      const target = trig.label === 'user story role' ? role : text;
      if (!target) continue;
      const re = new RegExp(
        trig.re.source,
        trig.re.flags.includes('g') ? trig.re.flags : trig.re.flags + 'g',
      );
      for (const m of target.matchAll(re)) {
        // "no user input", "does not touch the database": explicit absence counts against the category.
        const before = target.slice(Math.max(0, m.index - 40), m.index);
        const negated = NEGATION.test(before) && !PROHIBITION.test(before);
        if (negated && !ABSENCE.test(before)) continue;
        out.push({
          category: trig.category,
          kind: 'text',
          label: negated ? `not: ${trig.label}` : trig.label,
          weight: (negated ? -Math.min(1, trig.weight) : trig.weight) * factor,
          path: blueprint.path,
          line,
          excerpt: m[0],
        });
        if (!negated) break;
      }
    }
  }
  return out;
}

/** Identifiers the task names: `backticked` words and capitalised words of the title. */
export function namedIdentifiers(blueprint: TaskText): Set<string> {
  const names = new Set<string>();
  for (const { text } of proseLines(blueprint.text).prose) {
    for (const m of text.matchAll(/`([A-Za-z_][\w.]*)(?:\(\))?`/g)) {
      const last = m[1]!.split('.').pop()!;
      if (last.length >= 3) names.add(last);
    }
  }
  const title = /^title\s*:\s*(.*)$/m.exec(blueprint.text)?.[1] ?? '';
  for (const m of title.matchAll(/\b([A-Z][a-z]+[A-Za-z0-9]*|[a-z]+_[a-z_]+)\b/g))
    if (m[1]!.length >= 3) names.add(m[1]!);
  return names;
}

function definitionLine(content: string, name: string): number | undefined {
  const n = name.replace(/[$]/g, '\\$');
  const re = new RegExp(
    String.raw`^\s*(?:(?:async\s+)?def\s+${n}\b|class\s+${n}\b|(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*${n}\b|(?:export\s+)?(?:const|let|var)\s+${n}\s*=|func\s+(?:\([^)]*\)\s*)?${n}\b|type\s+${n}\s+struct\b|(?:export\s+)?(?:abstract\s+)?(?:class|interface)\s+${n}\b)`,
  );
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) if (re.test(lines[i]!)) return i + 1;
  return undefined;
}

// --- code ----------------------------------------------------------------------------------------------

function codeEvidence(file: SourceFile, lang: Language | undefined, stacks: Set<string>): Evidence[] {
  const out: Evidence[] = [];
  const lines = file.content.split('\n');
  const triggers = CODE_TRIGGERS.filter(
    (t) => t.languages.includes('any') || (lang && t.languages.includes(lang)),
  );
  const seen = new Set<CodeTrigger>();
  lines.forEach((raw, i) => {
    if (raw.length > 2000 || isCommentLine(raw, lang)) return;
    for (const trig of triggers) {
      if (!trig.re.test(raw)) continue;
      for (const s of trig.stacks ?? []) stacks.add(s);
      // Every occurrence is a possible location; scoring keeps the strongest per label.
      out.push({
        category: trig.category,
        kind: trig.kind,
        label: trig.label,
        weight: trig.weight * file.relevance,
        path: file.path,
        line: i + 1,
        excerpt: raw.trim().slice(0, 160),
      });
      seen.add(trig);
    }
  });
  for (const k of FILE_KIND_TRIGGERS) {
    if (k.re.test(file.path)) {
      out.push({
        category: k.category,
        kind: 'file-kind',
        label: k.label,
        weight: k.weight * file.relevance,
        path: file.path,
        line: 1,
        excerpt: file.path,
      });
    }
  }
  // Existing code that already does what a guard check forbids: the pattern is likely to be copied.
  if (!file.isTest) {
    for (const check of CHECKS) {
      if (!(check.languages.includes('any') || (lang && check.languages.includes(lang)))) continue;
      if (check.paths && !check.paths.some((g) => globMatchesName(g, file.path))) continue;
      const re = compileCheck(check);
      lines.forEach((raw, i) => {
        if (raw.length <= 2000 && re.test(raw)) {
          out.push({
            category: check.category,
            kind: 'existing-violation',
            label: check.id,
            weight: 3 * file.relevance,
            path: file.path,
            line: i + 1,
            excerpt: raw.trim().slice(0, 160),
          });
        }
      });
    }
  }
  return out;
}

/** Enough glob matching for the check paths used here ("**\/name", "**\/*.ext", "**"). */
function globMatchesName(glob: string, path: string): boolean {
  if (glob === '**') return true;
  const base = path.split('/').pop() ?? path;
  const pat = glob.replace(/^\*\*\//, '');
  const re = new RegExp('^' + pat.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '$');
  return re.test(pat.includes('/') ? path : base);
}

const STACK_FILES: [RegExp, string[]][] = [
  [/(?:^|\/)(?:requirements[\w.-]*\.txt|pyproject\.toml|setup\.py|Pipfile)$/, ['python']],
  [/(?:^|\/)package\.json$/, ['node']],
  [/(?:^|\/)go\.mod$/, ['go']],
  [/(?:^|\/)manage\.py$/, ['django']],
  [/(?:^|\/)alembic\.ini$/, ['alembic']],
];

const LANGUAGE_STACK: Partial<Record<Language, string>> = { python: 'python', javascript: 'node', go: 'go' };

// --- scoring -------------------------------------------------------------------------------------------

const KIND_ORDER: TriggerKind[] = [
  'existing-violation',
  'symbol',
  'sink',
  'source',
  'call',
  'definition',
  'field',
  'import',
  'file-kind',
  'text',
];

function assess(category: CategoryId, evidence: Evidence[]): CategoryAssessment {
  const mine = evidence.filter((e) => e.category === category);
  const best = new Map<string, number>();
  for (const e of mine) {
    if (e.kind === 'symbol') continue;
    const key = `${e.kind === 'text' ? 'text' : 'code'}:${e.label}`;
    const prev = best.get(key);
    best.set(
      key,
      prev === undefined ? e.weight : e.weight < 0 ? Math.min(prev, e.weight) : Math.max(prev, e.weight),
    );
  }
  let textScore = 0;
  let codeScore = 0;
  for (const [key, w] of best) {
    // "No CORS headers for other origins" does not cancel "CORS for the partner": absence only
    // counts when the same phrase is never stated positively.
    if (key.startsWith('text:not: ') && best.has(`text:${key.slice('text:not: '.length)}`)) continue;
    if (key.startsWith('text:')) textScore += w;
    else codeScore += w;
  }
  textScore = Math.max(0, textScore);
  const centralViolation = mine.some((e) => e.kind === 'existing-violation' && e.weight >= 2.25);
  // One strong phrase is enough; weaker phrases need each other (4) or code evidence next to them.
  const strongPhrase = mine.some((e) => e.kind === 'text' && e.weight >= 3);
  const applies =
    (strongPhrase && textScore >= 3) ||
    textScore >= 4 ||
    (textScore >= 1 && textScore + codeScore >= 4) ||
    centralViolation;
  return { category, textScore, codeScore, applies, evidence: mine };
}

/**
 * Where a finding points: code before text, application code before tests and blueprint snippets, the
 * definitions the task names first, then sinks and sources (those inside or just after a named
 * definition first), spread over files.
 */
function pickLocations(
  evidence: Evidence[],
  opts: { blueprintPath: string; tests: Set<string> },
  limit = 5,
): Location[] {
  const symbols = evidence.filter((e) => e.kind === 'symbol');
  const nearSymbol = (e: Evidence) =>
    symbols.some((s) => s.path === e.path && e.line >= s.line && e.line <= s.line + 30);
  const tier = (e: Evidence) =>
    e.kind === 'text' ? 3 : e.path === opts.blueprintPath ? 2 : opts.tests.has(e.path) ? 1 : 0;
  const sorted = [...evidence].sort(
    (a, b) =>
      tier(a) - tier(b) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      Number(nearSymbol(b)) - Number(nearSymbol(a)) ||
      b.weight - a.weight ||
      a.path.localeCompare(b.path) ||
      a.line - b.line,
  );
  const best = sorted.length ? tier(sorted[0]!) : 0;
  const tierPool = sorted.filter((e) => tier(e) === best);
  // Import lines say which library is in use, not where the risk is: only when nothing better exists.
  const pool = tierPool.some((e) => e.kind !== 'import')
    ? tierPool.filter((e) => e.kind !== 'import')
    : tierPool;
  const out: Location[] = [];
  const perFile = new Map<string, number>();
  for (const round of [2, Infinity]) {
    for (const e of pool) {
      if (out.length >= limit) break;
      if (out.some((o) => o.path === e.path && o.line === e.line)) continue;
      if ((perFile.get(e.path) ?? 0) >= round) continue;
      perFile.set(e.path, (perFile.get(e.path) ?? 0) + 1);
      out.push({ path: e.path, line: e.line });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

/** The strongest evidence of a category in words: the task's own words first, then up to three code facts. */
function explain(evidence: Evidence[]): string[] {
  const quote = (s: string) => s.replace(/`/g, "'").slice(0, 90);
  const strongest = (list: Evidence[]) =>
    [...list].sort((a, b) => b.weight - a.weight || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const e of strongest(evidence.filter((x) => x.kind === 'text' && x.weight > 0)).slice(0, 1)) {
    out.push(`the task says “${quote(e.excerpt)}” (${e.path}:${e.line})`);
  }
  for (const e of strongest(
    evidence.filter((x) => x.kind !== 'text' && x.kind !== 'symbol' && x.weight > 0),
  )) {
    if (seen.has(e.label)) continue;
    seen.add(e.label);
    if (e.kind === 'file-kind') out.push(`${e.path} (${e.label})`);
    else if (e.kind === 'existing-violation')
      out.push(`${e.path}:${e.line} already breaks ${e.label}: \`${quote(e.excerpt)}\``);
    else out.push(`${e.label} at ${e.path}:${e.line}: \`${quote(e.excerpt)}\``);
    if (out.length >= 4) break;
  }
  return out;
}

function lowerSeverity(s: Severity): Severity {
  return s === 'high' ? 'medium' : 'low';
}

/** Words in a test's name that say it exercises a category (`test_login_does_not_treat_input_as_sql`). */
const TEST_NAME_WORDS: Partial<Record<CategoryId, RegExp>> = {
  'sql-injection': /sql|inject|quot(?:e|ing)/i,
  'input-validation': /invalid|malformed|reject|validat|bad_?input|too_?(?:long|large|big)|missing|empty/i,
  'command-injection': /shell|command|inject/i,
  'path-traversal': /travers|dot_?dot|outside|escape_?(?:dir|root)/i,
  xss: /xss|escap|html|script/i,
  ssrf: /ssrf|private|internal|localhost|loopback|metadata/i,
  authentication: /login|logout|sign_?in|password|session|auth(?!or)/i,
  authorization: /forbid|permission|owner|other_?user|admin|not_?allowed|403|access/i,
  cryptography: /token|random|hash|signature|hmac/i,
  deserialization: /pickle|yaml|deserial/i,
  secrets: /secret|credential/i,
  'sensitive-logging': /log(?!in|out)/i,
  'file-upload': /upload|file_?type|too_?large/i,
  'open-redirect': /redirect|next_?url/i,
};

interface TestCase {
  path: string;
  line: number;
  name: string;
}

function existingTests(category: CategoryId, tests: TestCase[]): string {
  const words = TEST_NAME_WORDS[category];
  const hits = words ? tests.filter((t) => words.test(t.name.replace(/\s+/g, '_'))).slice(0, 3) : [];
  if (!hits.length) return '';
  return ` Existing tests to keep passing and extend: ${hits.map((t) => `\`${t.path}:${t.line}\` (${t.name})`).join(', ')}.`;
}

/** Test cases defined in the bundle's test files (pytest, jest/mocha/node:test, Go). */
function testCases(files: SourceFile[]): TestCase[] {
  const out: TestCase[] = [];
  const re = /^\s*(?:async\s+)?def\s+(test_\w+)|^\s*(?:it|test)\s*\(\s*(["'`])(.+?)\2|^func\s+(Test\w+)\s*\(/;
  for (const f of files.filter((x) => x.isTest)) {
    f.content.split('\n').forEach((l, i) => {
      const m = re.exec(l);
      const name = m?.[1] ?? m?.[3] ?? m?.[4];
      if (name) out.push({ path: f.path, line: i + 1, name });
    });
  }
  return out;
}

export function analyze(input: AnalysisInput): AnalysisResult {
  const stacks = new Set<string>();
  const languages = new Set<Language>();
  const evidence: Evidence[] = textEvidence(input.blueprint);

  for (const rel of input.repoFiles ?? []) {
    for (const [re, s] of STACK_FILES) if (re.test(rel)) s.forEach((x) => stacks.add(x));
  }
  // Blueprint snippets carry their language from the fence; repository files from their extension.
  const files: (SourceFile & { language?: Language })[] = [...input.files];
  // Code snippets in the blueprint (e.g. "Relevant Existing Code") count as code of the blueprint file.
  for (const sn of proseLines(input.blueprint.text).snippets) {
    const lang = languageOfFence(sn.lang, sn.code);
    if (!lang) continue;
    const content = '\n'.repeat(sn.line) + sn.code;
    files.push({
      path: input.blueprint.path,
      content,
      relevance: 0.6,
      reasons: ['code in blueprint'],
      language: lang,
    });
  }

  const names = namedIdentifiers(input.blueprint);
  const tests = new Set(input.files.filter((f) => f.isTest).map((f) => f.path));
  for (const f of files) {
    const lang = f.language ?? languageOf(f.path);
    if (lang) {
      languages.add(lang);
      const s = LANGUAGE_STACK[lang];
      if (s && f.relevance >= 0.5) stacks.add(s);
    }
    const scaled: SourceFile = f.isTest ? { ...f, relevance: f.relevance * 0.3 } : f;
    const ev = codeEvidence(scaled, lang, stacks);
    evidence.push(...ev);
    // Definitions of identifiers the task names are locations for every category raised in that file.
    if (!f.isTest && f.path !== input.blueprint.path) {
      // Only where the file does more than import a library for the category.
      const cats = new Set(
        ev.filter((e) => e.kind !== 'file-kind' && e.kind !== 'import').map((e) => e.category),
      );
      for (const name of names) {
        const line = definitionLine(f.content, name);
        if (line === undefined) continue;
        for (const category of cats) {
          evidence.push({
            category,
            kind: 'symbol',
            label: `named: ${name}`,
            weight: 0,
            path: f.path,
            line,
            excerpt: name,
          });
        }
      }
    }
  }
  if (stacks.has('express') || stacks.has('react')) stacks.add('node');
  if (languages.has('template')) stacks.add('jinja');

  // No code in the bundle (a new project, a docs-only search result): the manifests name the language.
  if (languages.size === 0) {
    if (stacks.has('python')) languages.add('python');
    if (stacks.has('node')) languages.add('javascript');
    if (stacks.has('go')) languages.add('go');
  }
  const assessments = THREAT_CATEGORIES.map((c) => assess(c, evidence));
  const knownTests = testCases(input.files);
  const findings: Finding[] = [];
  for (const a of assessments) {
    if (!a.applies) continue;
    const cat = CATEGORIES[a.category];
    const strong =
      a.textScore >= 3 || a.codeScore >= 4 || a.evidence.some((e) => e.kind === 'existing-violation');
    // Prefer code locations; text locations only when the code says nothing.
    const codeEv = a.evidence.filter((e) => (e.kind !== 'file-kind' && e.weight > 0) || e.kind === 'symbol');
    const where = pickLocations(codeEv.length ? codeEv : a.evidence, {
      blueprintPath: input.blueprint.path,
      tests,
    });
    const violations = a.evidence.filter((e) => e.kind === 'existing-violation');
    const checks = checksFor(a.category, languages);
    const advice = adviceFor(a.category, stacks);
    const note = violations.length
      ? ` Existing code already does this at ${[...new Set(violations.map((v) => `${v.path}:${v.line}`))].slice(0, 3).join(', ')} (${violations[0]!.label}): do not copy the pattern.`
      : '';
    const base: Finding = {
      id: a.category,
      category: a.category,
      title: cat.title,
      cwe: cat.cwe,
      owasp: cat.owasp,
      severity: strong ? cat.severity : lowerSeverity(cat.severity),
      where,
      risk: cat.risk + note,
      advice: advice.join(' '),
      verification: cat.verification + existingTests(a.category, knownTests),
      source: 'rules',
      because: explain(a.evidence),
    };
    const [first, ...rest] = checks;
    findings.push(first ? { ...base, check: toSecurityCheck(first) } : base);
    for (const ch of rest) {
      const hits = violations.filter((v) => v.label === ch.id).map((v) => ({ path: v.path, line: v.line }));
      findings.push({
        ...base,
        id: `${a.category}/${ch.id}`,
        title: `${cat.title}: ${ch.description}`,
        where: hits.slice(0, 5),
        risk: ch.message,
        advice: ch.message,
        verification: `The Validator rejects added lines matching this pattern (guard check security:${ch.id}).`,
        check: toSecurityCheck(ch),
      });
    }
  }
  return { findings, stacks: [...stacks].sort(), languages: [...languages].sort(), assessments };
}

function languageOfFence(info: string, code: string): Language | undefined {
  const map: Record<string, Language> = {
    python: 'python',
    py: 'python',
    javascript: 'javascript',
    js: 'javascript',
    typescript: 'javascript',
    ts: 'javascript',
    tsx: 'javascript',
    jsx: 'javascript',
    go: 'go',
    golang: 'go',
    html: 'template',
    jinja: 'template',
    jinja2: 'template',
  };
  if (map[info]) return map[info];
  if (info) return undefined;
  if (/^\s*(?:def |class |from \w+ import|import \w+$)/m.test(code)) return 'python';
  if (/\b(?:const|let|function|require\(|=>)\b/.test(code)) return 'javascript';
  return undefined;
}

/** The guard checks for a category that understand at least one language of the bundle. */
export function checksFor(category: CategoryId, languages: Set<Language>) {
  return CHECKS.filter(
    (c) =>
      c.category === category && (c.languages.includes('any') || c.languages.some((l) => languages.has(l))),
  ).filter((c) => pathsFor(c).length > 0);
}

// --- repository text aimed at agents -----------------------------------------------------------------

/** Findings for text that addresses automated agents, and for invisible characters in code files. */
export function injectionFindings(
  sources: { path: string; text: string; hidden?: { line: number; content?: string }[] }[],
): Finding[] {
  const where: Location[] = [];
  const details: string[] = [];
  for (const s of sources) {
    for (const h of findAgentInstructions(s.text)) {
      where.push({ path: s.path, line: h.line });
      details.push(`${s.path}:${h.line} ${h.what}`);
    }
    for (const h of s.hidden ?? []) {
      const instr = h.content ? findAgentInstructions(h.content) : [];
      where.push({ path: s.path, line: h.line });
      details.push(
        `${s.path}:${h.line} hidden HTML comment${instr.length ? ` that ${instr[0]!.what}` : ''} (removed)`,
      );
    }
    for (const inv of findInvisibleCharacters(s.text)) {
      where.push({ path: s.path, line: inv.line });
      details.push(`${s.path}:${inv.line} invisible ${inv.kind} characters`);
    }
  }
  if (where.length === 0) return [];
  const cat = CATEGORIES['prompt-injection'];
  const uniq = [...new Map(where.map((w) => [`${w.path}:${w.line}`, w])).values()];
  return [
    {
      id: 'prompt-injection',
      category: 'prompt-injection',
      title: cat.title,
      cwe: cat.cwe,
      owasp: cat.owasp,
      severity: 'high',
      where: uniq.slice(0, 10),
      risk: `${cat.risk} Found: ${details.slice(0, 6).join('; ')}${details.length > 6 ? `; and ${details.length - 6} more` : ''}.`,
      advice: cat.advice.map((a) => a.text).join(' '),
      verification: cat.verification,
      source: 'rules',
    },
  ];
}
