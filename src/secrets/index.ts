/**
 * Secret detection and redaction for everything Guardian puts in front of a model or into a bundle.
 * Two layers: secretlint's recommended preset (a maintained catalogue of provider token formats) and
 * Guardian's own patterns (`patterns.ts`). A secret is replaced by `[REDACTED:<rule>]`; line breaks inside
 * a redacted span are kept, so `path:line` references into redacted text stay right.
 */
import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { isCredentialUrl, isHiddenFromCode } from '../exec/env.js';
import { replaceControlChars } from '../util/chars.js';
import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import {
  GENERIC_ASSIGNMENT,
  GUARDIAN_PATTERNS,
  isPlaceholder,
  looksRandom,
  textKind,
  type SecretPattern,
} from './patterns.js';

export { isSecretFile, secretFileReason } from './files.js';

// The engine times every scan with process-wide performance marks, and its observer keeps every mark
// and searches them all for each new one: the cost of a scan grows with the number of scans before it
// (a bundle of 3,000 rule files spent 40 s there) and the marks are never freed. Nothing here reads the
// timings. The package is pinned to the engine's own version, so this is the instance the engine uses.
secretLintProfiler.mark = () => {};

export interface SecretFinding {
  /** `@secretlint/secretlint-rule-…` for secretlint's rules, `guardian/<id>` for Guardian's own. */
  ruleId: string;
  /** 1-based line in the text as given. */
  line: number;
  /** What was found — never the secret itself. */
  message: string;
}

export interface RedactResult {
  text: string;
  findings: SecretFinding[];
}

interface Span {
  start: number;
  end: number;
  /** Short rule name for the marker. */
  marker: string;
  ruleId: string;
  message: string;
}

type SecretlintConfig = Parameters<typeof lintSource>[0]['options']['config'];

/**
 * The recommended preset's rules, each registered on its own, less `filter-comments`: that rule honours
 * `secretlint-disable` comments, and text from a repository must not be able to switch the scan off for
 * the secrets that follow. (A preset's own `disabled` setting for one of its rules is not applied by
 * this engine version, so the preset itself is not registered.)
 */
const SECRETLINT_CONFIG: SecretlintConfig = {
  rules: recommendedRules
    .filter((rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments')
    .map((rule) => ({ id: rule.meta.id, rule })),
};

const SECRETLINT_PREFIX = /^@secretlint\/secretlint-rule-/;
const TRAILING_PUNCTUATION = /["'`;,)\]}>]+$/;

export interface RedactOptions {
  /** Repository-relative or absolute path of the text, for the rules that depend on the file kind. */
  path?: string;
  /**
   * Values known to be secret whatever they look like (the model's API key, the values of the
   * process's secret variables): each occurrence becomes `[REDACTED:known-secret]`. Values under 8
   * characters are left alone: they would redact ordinary words.
   */
  known?: readonly string[];
}

/**
 * Finds secrets in `text` and returns the text with each one replaced by `[REDACTED:<rule>]`.
 * `path` (repository-relative or absolute) lets rules that depend on the file kind apply: the generic
 * `password = "…"` rule fires on any literal in configuration files (`.env`, `.ini`, `.yaml`, …) and
 * text of unknown origin, but in source code only on values that look machine-generated.
 */
export async function redactSecrets(text: string, opts: RedactOptions = {}): Promise<RedactResult> {
  if (text.length === 0) return { text, findings: [] };
  const spans = guardianSpans(text, opts.path, opts.known);
  spans.push(...(await secretlintSpans(text, opts.path)));
  const view = decodedView(text);
  if (view) {
    const inView = guardianSpans(view.text, opts.path, opts.known);
    inView.push(...(await secretlintSpans(view.text, opts.path)));
    spans.push(...inView.flatMap((s) => view.toSource(s)));
  }
  const encoded = base64View(text);
  if (encoded) {
    const inView = guardianSpans(encoded.text, undefined, opts.known);
    inView.push(...(await secretlintSpans(encoded.text, undefined)));
    spans.push(...inView.flatMap((s) => encoded.toSource(s)));
  }
  return applySpans(text, spans);
}

/** Synchronous Guardian-only pass (no secretlint) for hot paths that cannot await. */
export function redactSecretsSync(text: string, opts: RedactOptions = {}): RedactResult {
  const spans = guardianSpans(text, opts.path, opts.known);
  const view = decodedView(text);
  if (view) spans.push(...guardianSpans(view.text, opts.path, opts.known).flatMap((s) => view.toSource(s)));
  const encoded = base64View(text);
  if (encoded)
    spans.push(...guardianSpans(encoded.text, undefined, opts.known).flatMap((s) => encoded.toSource(s)));
  return applySpans(text, spans);
}

function guardianSpans(text: string, path: string | undefined, known: readonly string[] = []): Span[] {
  const spans: Span[] = [];
  for (const p of GUARDIAN_PATTERNS) spans.push(...matchPattern(text, p));
  spans.push(...genericAssignments(text, textKind(path)));
  for (const value of known) {
    if (value.length < 8) continue;
    for (let i = text.indexOf(value); i !== -1; i = text.indexOf(value, i + value.length)) {
      spans.push({
        start: i,
        end: i + value.length,
        marker: 'known-secret',
        ruleId: 'guardian/known-secret',
        message: 'found the value of a secret of this run',
      });
    }
  }
  return spans;
}

/** Escapes of JSON, JavaScript, Python and URLs whose decoded character can be part of a secret. */
const ESCAPE = /\\(?:u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2})|(["'\\/])|([nrt]))|%([0-9A-Fa-f]{2})/g;
/**
 * Between two string literals that a program joins into one: `"abc" + "def"`, `"abc" "def"`, across a
 * line break (with or without a `\` continuation), in JavaScript, Python, Java, Go, C… Written so that
 * no run of blanks can be split two ways (linear time).
 */
const CONCATENATION = /(["'])(?=[ \t+\\\r\n])[ \t]*(?:\+[ \t]*)?(?:\\?\r?\n[ \t]*(?:\+[ \t]*)?)?\1/g;

interface View {
  text: string;
  /** The source spans that a span of the view covers: one per stretch of source text it was read from. */
  toSource(s: Span): Span[];
}

/**
 * The text as a program would see it: escapes decoded (`\u0067hp_…`, `\"`, `%5F`) and concatenated
 * string literals joined, so a secret written in pieces or escaped is found as a whole. Undefined when
 * there is nothing to decode or join.
 */
function decodedView(text: string): View | undefined {
  const edits: { start: number; end: number; to: string }[] = [];
  for (const m of text.matchAll(ESCAPE)) {
    const [whole, u, x, lit, ctl, pct] = m;
    const code = u ?? x ?? pct;
    const to =
      code !== undefined
        ? String.fromCharCode(parseInt(code, 16))
        : lit !== undefined
          ? lit
          : (({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[ctl ?? ''] ?? whole);
    edits.push({ start: m.index, end: m.index + whole.length, to });
  }
  for (const m of text.matchAll(CONCATENATION)) {
    edits.push({ start: m.index, end: m.index + m[0].length, to: '' });
  }
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => a.start - b.start);
  // For each character of the view, where it comes from: [from[i], upTo[i]) in the source.
  const from: number[] = [];
  const upTo: number[] = [];
  let out = '';
  let pos = 0;
  for (const e of edits) {
    if (e.start < pos) continue; // an escape's backslash inside a gap, or the reverse: keep the first
    for (let i = pos; i < e.start; i++) {
      from.push(i);
      upTo.push(i + 1);
    }
    out += text.slice(pos, e.start) + e.to;
    for (let i = 0; i < e.to.length; i++) {
      from.push(e.start);
      upTo.push(e.end);
    }
    pos = e.end;
  }
  for (let i = pos; i < text.length; i++) {
    from.push(i);
    upTo.push(i + 1);
  }
  out += text.slice(pos);
  return {
    text: out,
    toSource(s) {
      // A secret joined from pieces is redacted piece by piece, so the quotes and the `+` between
      // the pieces stay where they are.
      const spans: Span[] = [];
      let start = from[s.start] ?? 0;
      for (let i = s.start + 1; i < s.end; i++) {
        if ((from[i] ?? 0) !== (upTo[i - 1] ?? 0)) {
          spans.push({ ...s, start, end: upTo[i - 1] ?? start });
          start = from[i] ?? 0;
        }
      }
      spans.push({ ...s, start, end: upTo[s.end - 1] ?? start });
      return spans;
    },
  };
}

/**
 * A run of base64 (standard or URL-safe alphabet), on one line or wrapped over several (continuation
 * lines may be indented). Each line is delimited by its line break, so a run is read once.
 */
const BASE64_RUN =
  /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{20,}={0,2}(?:\r?\n[ \t]*[A-Za-z0-9+/_-]{20,}={0,2})*(?![A-Za-z0-9+/=_-])/g;

/**
 * The values a run of base64 lines holds: the lines of one value wrapped over several, or one value a
 * line. A line with padding (`=`) or a length that is not a multiple of 4 ends a value; the lines of a
 * wrapped value (64 or 76 characters) continue it.
 */
function base64Segments(run: string, offset: number): { start: number; end: number }[] {
  const segments: { start: number; end: number }[] = [];
  let start = -1;
  const re = /[A-Za-z0-9+/_-]+=*/g;
  for (const m of run.matchAll(re)) {
    if (start === -1) start = m.index;
    const end = m.index + m[0].length;
    if (m[0].endsWith('=') || m[0].length % 4 !== 0 || end === run.length) {
      segments.push({ start: offset + start, end: offset + end });
      start = -1;
    }
  }
  if (start !== -1) segments.push({ start: offset + start, end: offset + run.length });
  return segments;
}

/**
 * The text that runs of base64 stand for, where it is text: a token, an `.env` or a key written as
 * base64 (a Kubernetes Secret's `data:`, a CI variable, a test fixture) is found in what it decodes
 * to. A secret found there redacts its whole run: a piece of base64 says nothing on its own.
 * Undefined when no run decodes to text.
 */
function base64View(text: string): View | undefined {
  const runs: { start: number; end: number; at: number; length: number }[] = [];
  let out = '';
  for (const m of text.matchAll(BASE64_RUN)) {
    for (const seg of base64Segments(m[0], m.index)) {
      const decoded = Buffer.from(text.slice(seg.start, seg.end).replace(/\s+/g, ''), 'base64');
      // Printable ASCII, tabs and line breaks only: binary data (images, hashes, keys' DER) is left to
      // the patterns that know its shape.
      if (
        decoded.length < 12 ||
        !decoded.every((b) => (b >= 0x20 && b < 0x7f) || b === 9 || b === 10 || b === 13)
      )
        continue;
      const t = decoded.toString('latin1');
      runs.push({ ...seg, at: out.length, length: t.length });
      // Blank lines between runs: a value read from one run stops at the end of it.
      out += t + '\n\n';
    }
  }
  if (runs.length === 0) return undefined;
  return {
    text: out,
    toSource(s) {
      // The first run that ends after the span starts (runs are in order and never overlap).
      let lo = 0;
      let hi = runs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (runs[mid]!.at + runs[mid]!.length <= s.start) lo = mid + 1;
        else hi = mid;
      }
      const spans: Span[] = [];
      for (let i = lo; i < runs.length && runs[i]!.at < s.end; i++) {
        spans.push({ ...s, start: runs[i]!.start, end: runs[i]!.end });
      }
      return spans;
    },
  };
}

function matchPattern(text: string, p: SecretPattern): Span[] {
  const out: Span[] = [];
  p.regex.lastIndex = 0;
  for (const m of text.matchAll(p.regex)) {
    const whole = m[0];
    if (whole.length === 0) continue;
    let start = m.index;
    let secret = whole;
    if (p.group !== undefined) {
      const g = m[p.group];
      if (g === undefined) continue;
      // The group is the last occurrence of its text inside the match (values follow key names).
      start = m.index + whole.lastIndexOf(g);
      secret = g;
    }
    if (p.accept && !p.accept(secret)) continue;
    out.push({
      start,
      end: start + secret.length,
      marker: p.id,
      ruleId: `guardian/${p.id}`,
      message: `found ${p.message}`,
    });
  }
  return out;
}

function genericAssignments(text: string, kind: 'config' | 'code' | 'text'): Span[] {
  const out: Span[] = [];
  const re = GENERIC_ASSIGNMENT.regex;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const value = m[1] ?? m[2] ?? m[3];
    if (value === undefined) continue;
    if (isPlaceholder(value)) continue;
    // In code, `password = "correct horse"` in a test is a fixture, not a secret; only values that
    // look generated are. Unquoted values in code are expressions (variables, calls), never literals;
    // in documentation, scripts and notes they are literals.
    if (kind !== 'config' && !looksRandom(value)) continue;
    if (kind === 'code' && m[3] !== undefined) continue;
    const start = m.index + m[0].lastIndexOf(value);
    out.push({
      start,
      end: start + value.length,
      marker: GENERIC_ASSIGNMENT.id,
      ruleId: `guardian/${GENERIC_ASSIGNMENT.id}`,
      message: `found ${GENERIC_ASSIGNMENT.message}`,
    });
  }
  return out;
}

async function secretlintSpans(text: string, path: string | undefined): Promise<Span[]> {
  // The engine's profiler names performance marks after the path and measures them with a pattern that
  // stops at a line break: a file named with one (repository names are untrusted) would crash the
  // process from a stray promise. The rules need only a path-like name.
  const name = path === undefined ? undefined : replaceControlChars(path, () => '_');
  const result = await lintSource({
    source: { content: text, filePath: name ?? 'input.txt', contentType: 'text' },
    options: {
      config: SECRETLINT_CONFIG,
      noPhysicFilePath: name === undefined || name !== path,
      locale: 'en',
    },
  });
  const out: Span[] = [];
  for (const msg of result.messages) {
    if (msg.type !== 'message') continue;
    const marker = msg.ruleId.replace(SECRETLINT_PREFIX, '');
    const base = {
      marker,
      ruleId: msg.ruleId,
      message: `found ${describeSecretlintMessage(msg.messageId, marker)}`,
    };
    // secretlint reports the secret's value in `data`; its `range` is not always the value's exact
    // place (some rules report the start of the line), so redact every occurrence of the value and
    // fall back to the range only when no value is found in the text.
    // Some rules' values run on over the quote and punctuation after them (`…/app";`): those are
    // not part of the secret, and redacting them would break the text around it.
    const values = Object.values(msg.data ?? {})
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.replace(TRAILING_PUNCTUATION, ''))
      .filter((v) => v.length >= 8 && !/\s/.test(v));
    let found = false;
    for (const v of values) {
      let i = text.indexOf(v);
      while (i !== -1) {
        found = true;
        out.push({ start: i, end: i + v.length, ...base });
        i = text.indexOf(v, i + v.length);
      }
    }
    if (!found && msg.range[1] > msg.range[0]) {
      const end =
        msg.range[0] + text.slice(msg.range[0], msg.range[1]).replace(TRAILING_PUNCTUATION, '').length;
      if (end > msg.range[0]) out.push({ start: msg.range[0], end, ...base });
    }
  }
  return out;
}

function describeSecretlintMessage(messageId: string, rule: string): string {
  // messageIds are like "AWSSecretAccessKey", "GITHUB_TOKEN", "PostgreSQLConnection": readable enough.
  const words = messageId
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
  return words ? `${words} (${rule})` : rule;
}

function lineAt(lineStarts: number[], index: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const MARKER = /\[REDACTED:[A-Za-z0-9_.:/@-]{0,100}\]/g;

/**
 * The spans less the markers of an earlier redaction they cover: text redacted once and scanned again
 * (a bundle's parts, then the whole) keeps its markers as they are, not `[REDACTED:[REDACTED:…]`.
 */
function outsideMarkers(text: string, spans: Span[]): Span[] {
  if (!text.includes('[REDACTED:')) return [...spans];
  const markers = [...text.matchAll(MARKER)].map((m) => [m.index, m.index + m[0].length] as const);
  if (markers.length === 0) return [...spans];
  const out: Span[] = [];
  for (const s of spans) {
    let start = s.start;
    // The first marker that ends after the span starts (markers are sorted and never overlap).
    let lo = 0;
    let hi = markers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (markers[mid]![1] <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < markers.length && markers[i]![0] < s.end; i++) {
      const [mStart, mEnd] = markers[i]!;
      if (mStart > start) out.push({ ...s, start, end: mStart });
      start = Math.max(start, mEnd);
    }
    if (start < s.end) out.push({ ...s, start });
  }
  return out;
}

function applySpans(text: string, spans: Span[]): RedactResult {
  if (spans.length === 0) return { text, findings: [] };
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);

  // Merge overlapping spans; the earliest-starting (then longest) span names the merged one.
  const sorted = outsideMarkers(text, spans).sort((a, b) => a.start - b.start || b.end - a.end);
  if (sorted.length === 0) return { text, findings: [] };
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      continue;
    }
    merged.push({ ...s });
  }

  const findings: SecretFinding[] = [];
  const seen = new Set<string>();
  for (const s of sorted) {
    const f = { ruleId: s.ruleId, line: lineAt(lineStarts, s.start), message: s.message };
    const key = `${f.ruleId}\0${f.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(f);
  }
  findings.sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));

  let out = '';
  let pos = 0;
  for (const s of merged) {
    out += text.slice(pos, s.start);
    const newlines = text.slice(s.start, s.end).split('\n').length - 1;
    out += `[REDACTED:${s.marker}]` + '\n'.repeat(newlines);
    pos = s.end;
  }
  out += text.slice(pos);
  return { text: out, findings };
}

/**
 * A JSON-like value with every string in it redacted, object keys included (a record keyed by file
 * path). Each string is scanned as it is: a JSON text scanned whole hides a quoted value behind `\"`
 * escapes, and a redaction that took an escape's backslash with it would break the JSON.
 */
export async function redactStrings<T>(value: T, opts: RedactOptions = {}): Promise<T> {
  if (typeof value === 'string') return (await redactSecrets(value, opts)).text as T;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) out.push(await redactStrings(v, opts));
    return out as T;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[(await redactSecrets(k, opts)).text] = await redactStrings(v, opts);
    }
    return out as T;
  }
  return value;
}

/** `redactStrings` with the synchronous Guardian-only pass. */
export function redactStringsSync<T>(value: T, opts: RedactOptions = {}): T {
  if (typeof value === 'string') return redactSecretsSync(value, opts).text as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactStringsSync(v, opts)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[redactSecretsSync(k, opts).text] = redactStringsSync(v, opts);
    }
    return out as T;
  }
  return value;
}

/**
 * The values of an environment's secret variables, as the Coder's redactor takes them: the variables
 * checks do not get (API keys, tokens, passwords, `secret_env`, credential URLs of any name), less
 * model names and base URLs, which are configuration. For `known`: a key that looks like nothing in
 * particular is still redacted where a repository file or a tool repeats it.
 */
export function secretEnvValues(env: Record<string, string | undefined>, secretEnv: string[] = []): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (!value || value.length < 8) continue;
    if (!isHiddenFromCode(name, value, secretEnv)) continue;
    if (/_(?:MODEL|BASE_URL)$/i.test(name) && !isCredentialUrl(value)) continue;
    values.add(value);
  }
  // Longest first: a value that contains another is redacted whole.
  return [...values].sort((a, b) => b.length - a.length);
}
