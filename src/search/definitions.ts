/**
 * A quick scan for the names a file defines (functions, classes, types, constants), used by the index:
 * the symbol-name field of the lexical engine and the "defines a symbol the task names" signal. Exact
 * chunk boundaries come later from tree-sitter, for the files that rank (chunks.ts); this scan only needs
 * names, and it has to be cheap enough to run over every file of a cold index.
 */
import { lineOfOffset, lineStarts } from '../util/lines.js';

/** A definition found: where its match starts, and the name. */
export interface Found {
  at: number;
  name: string;
}

/**
 * A scan in code where a pattern would backtrack without bound on hostile text: each finds exactly
 * what the regular expression in its comment finds, in time linear in the text (a repository file of
 * blanks after `public` or of `(` without `{` would otherwise hold the index for minutes).
 */
type Scan = (text: string) => Found[];

const isBlank = (c: number) => c === 32 || c === 9;
const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isLineEnd = (c: number) => c !== c || c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * Java and Kotlin members:
 * `/^[ \t]+(?:(?:public|…|default)[ \t]+)+[\w<>[\],.? \t]+?[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm`. After the
 * first modifier and one blank, the line runs through characters of `[\w<>[\],.? \t]` to a `(`; the name
 * is the word before the blanks ahead of it, preceded by a blank that is not the first character.
 */
const JAVA_MODIFIER =
  /^[ \t]+(?:public|private|protected|static|final|abstract|synchronized|native|default)[ \t]/gm;
const isJavaTypeChar = (c: number) =>
  isWordChar(c) ||
  isBlank(c) ||
  c === 60 ||
  c === 62 ||
  c === 91 ||
  c === 93 ||
  c === 44 ||
  c === 46 ||
  c === 63;

function javaMembers(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(JAVA_MODIFIER)) {
    const pos = m.index + m[0].length;
    let j = pos;
    while (j < text.length && isJavaTypeChar(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 40) continue; // (
    let e = j;
    while (e > pos && isBlank(text.charCodeAt(e - 1))) e--;
    let b = e;
    while (b > pos && isWordChar(text.charCodeAt(b - 1))) b--;
    const first = text.charCodeAt(b);
    if (b === e || (first >= 48 && first <= 57)) continue;
    if (b - 1 < pos + 1 || !isBlank(text.charCodeAt(b - 1))) continue;
    out.push({ at: m.index, name: text.slice(b, e) });
  }
  return out;
}

/**
 * JavaScript and TypeScript methods:
 * `/^[ \t]+(?:(?:static|…|abstract)[ \t]+)*([A-Za-z_$][\w$]*)[ \t]*(?:<[^>\n]*>)?\([^)\n]*\)?[^;\n]*\{[ \t]*$/gm`.
 * The modifiers are read as the expression would try them (all it can take, then one fewer), and the
 * rest of the line is checked once per try: it holds a `{` ending the line (blanks aside) before any `;`
 * that follows the first `)`.
 */
const JS_MODIFIERS = new Set([
  'static',
  'async',
  'get',
  'set',
  'public',
  'private',
  'protected',
  'readonly',
  'override',
  'abstract',
]);
const isJsIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isJsIdentChar = (c: number) => isJsIdentStart(c) || (c >= 48 && c <= 57);

/**
 * Whether `[^)\n]*\)?[^;\n]*\{[ \t]*$` matches at `q`, and where: it does when a `{` ending a line (blanks
 * aside) lies before the `\n` after `q` and before any `;` that follows the first `)` after `q`; the
 * expression takes the last such `{`. The positions asked about grow (one per line at most), so a search
 * for the next `\n`, `)` or `;` is reused until it is passed.
 */
class JsMethodTails {
  /** Per character: the last search's start and what it found. */
  private readonly found = new Map<string, [from: number, at: number]>();
  /** Every `{` followed by blanks and the end of a line, in order (found once, when first needed). */
  private braces: number[] | undefined;

  constructor(private readonly text: string) {}

  /** The first `ch` at or after `from` (text.length: none). */
  private next(ch: string, from: number): number {
    const f = this.found.get(ch);
    if (f && f[0] <= from && from <= f[1]) return f[1];
    let at = this.text.indexOf(ch, from);
    if (at < 0) at = this.text.length;
    this.found.set(ch, [from, at]);
    return at;
  }

  /** Where the match ends, or -1. */
  end(q: number): number {
    const text = this.text;
    const nl = this.next('\n', q);
    const paren = this.next(')', q);
    let limit = nl;
    if (paren < nl) {
      const semi = this.next(';', paren + 1);
      if (semi < nl) limit = semi;
    }
    if (!this.braces) {
      this.braces = [];
      for (let b = text.indexOf('{'); b >= 0; b = text.indexOf('{', b + 1)) {
        let k = b + 1;
        while (isBlank(text.charCodeAt(k))) k++;
        if (isLineEnd(text.charCodeAt(k))) this.braces.push(b);
      }
    }
    // The last brace before the limit.
    let lo = 0;
    let hi = this.braces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.braces[mid]! < limit) lo = mid + 1;
      else hi = mid;
    }
    const b = lo > 0 ? this.braces[lo - 1]! : -1;
    if (b < q) return -1;
    let k = b + 1;
    while (isBlank(text.charCodeAt(k))) k++;
    return k;
  }
}

function jsMethods(text: string): Found[] {
  const out: Found[] = [];
  const tails = new JsMethodTails(text);
  let resume = 0;
  for (let start = 0; start < text.length;) {
    const next = nextLineStart(text, start);
    if (start >= resume) {
      const m = jsMethodAt(text, start, tails);
      if (m) {
        out.push({ at: start, name: m.name });
        resume = m.end;
      }
    }
    start = next;
  }
  return out;
}

/** The position after the line terminator that ends the line at `i` (where `^` matches next). */
function nextLineStart(text: string, i: number): number {
  for (; i < text.length; i++) if (isLineEnd(text.charCodeAt(i))) return i + 1;
  return text.length;
}

function jsMethodAt(
  text: string,
  start: number,
  tails: JsMethodTails,
): { name: string; end: number } | undefined {
  let i = start;
  while (isBlank(text.charCodeAt(i))) i++;
  if (i === start) return undefined;
  // Words each followed by blanks, as many as are modifiers: the positions the name may start at.
  const starts = [i];
  for (;;) {
    let j = i;
    while (j < text.length && isJsIdentChar(text.charCodeAt(j))) j++;
    if (!JS_MODIFIERS.has(text.slice(i, j)) || !isBlank(text.charCodeAt(j))) break;
    while (isBlank(text.charCodeAt(j))) j++;
    i = j;
    starts.push(i);
  }
  for (let t = starts.length - 1; t >= 0; t--) {
    const s = starts[t]!;
    if (!isJsIdentStart(text.charCodeAt(s))) continue;
    let j = s + 1;
    while (j < text.length && isJsIdentChar(text.charCodeAt(j))) j++;
    const name = text.slice(s, j);
    while (isBlank(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 60) {
      // <
      let k = j + 1;
      while (k < text.length && text.charCodeAt(k) !== 62 && text.charCodeAt(k) !== 10) k++;
      if (text.charCodeAt(k) === 62) j = k + 1;
    }
    if (text.charCodeAt(j) !== 40) continue; // (
    const end = tails.end(j + 1);
    if (end >= 0) return { name, end };
  }
  return undefined;
}

/**
 * Go functions and methods: `/^func[ \t]+(?:\([^)]*\)[ \t]*)?([A-Za-z_]\w*)/gm`. The receiver runs to the
 * next `)`, which is looked for once for all the `func (` before it (a file of `func (` lines without
 * one would have each of them read the rest of the file).
 */
const GO_FUNC = /^func[ \t]+/gm;

function goFuncs(text: string): Found[] {
  const out: Found[] = [];
  let paren = -1; // the first `)` at or after the last position asked about, or text.length: none
  let resume = 0;
  for (const m of text.matchAll(GO_FUNC)) {
    if (m.index < resume) continue;
    let i = m.index + m[0].length;
    if (text.charCodeAt(i) === 40) {
      // (
      if (paren < i + 1) {
        paren = text.indexOf(')', i + 1);
        if (paren < 0) paren = text.length;
      }
      if (paren === text.length) continue;
      i = paren + 1;
      while (isBlank(text.charCodeAt(i))) i++;
    }
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) continue;
    let j = i + 1;
    while (isWordChar(text.charCodeAt(j))) j++;
    out.push({ at: m.index, name: text.slice(i, j) });
    resume = j;
  }
  return out;
}

/**
 * Matches of `head`, then of `tail` (sticky) right after it or, when a `<` follows the head, after the
 * `>` closing what `<[^>]*>` would take: the first `>` after it, looked for once for all the heads before
 * it. `afterAngle` is the tail after such a group. Matches do not overlap, as with `matchAll`.
 */
function withAngles(text: string, head: RegExp, tail: RegExp, afterAngle: RegExp): Found[] {
  return scanPastGroup(text, head, '<', '>', tail, afterAngle);
}

/**
 * Matches of `head`, each followed by `tail` (sticky) right after it — or, where `open` follows the head,
 * by `after` from just past the first `close` after it, as `open[^close]*close` would take it. That
 * `close` is looked for once for all the heads before it, so the scan is linear in the text where a
 * regular expression with such a group backtracks over every head. Matches do not overlap, as with
 * `matchAll`; each gives the head's index and the tail's first group.
 */
export function scanPastGroup(
  text: string,
  head: RegExp,
  open: string,
  close: string,
  tail: RegExp,
  after: RegExp,
): Found[] {
  const out: Found[] = [];
  let closeAt = -1; // the first `close` at or after the last position asked about, or text.length: none
  let resume = 0;
  for (const m of text.matchAll(head)) {
    if (m.index < resume) continue;
    let i = m.index + m[0].length;
    let re = tail;
    if (text.startsWith(open, i)) {
      const from = i + open.length;
      if (closeAt < from) {
        closeAt = text.indexOf(close, from);
        if (closeAt < 0) closeAt = text.length;
      }
      if (closeAt === text.length) continue;
      i = closeAt + 1;
      re = after;
    }
    re.lastIndex = i;
    const t = re.exec(text);
    if (!t) continue;
    out.push({ at: m.index, name: t[1]! });
    resume = re.lastIndex;
  }
  return out;
}

/** Rust impls: `/^[ \t]*impl(?:<[^>]*>)?[ \t]+(?:[\w:]+[ \t]+for[ \t]+)?([A-Za-z_]\w*)/gm`. */
const RUST_IMPL = /^[ \t]*impl/gm;
const RUST_IMPL_TAIL = /[ \t]+(?:[\w:]+[ \t]+for[ \t]+)?([A-Za-z_]\w*)/y;
const rustImpls: Scan = (text) => withAngles(text, RUST_IMPL, RUST_IMPL_TAIL, RUST_IMPL_TAIL);

/** Kotlin functions: `/\bfun[ \t]+(?:<[^>]*>[ \t]*)?(?:[\w.]+\.)?([A-Za-z_]\w*)/g`. */
const KOTLIN_FUN = /\bfun[ \t]+/g;
const KOTLIN_FUN_TAIL = /(?:[\w.]+\.)?([A-Za-z_]\w*)/y;
const KOTLIN_FUN_AFTER_ANGLE = /[ \t]*(?:[\w.]+\.)?([A-Za-z_]\w*)/y;
const kotlinFuns: Scan = (text) => withAngles(text, KOTLIN_FUN, KOTLIN_FUN_TAIL, KOTLIN_FUN_AFTER_ANGLE);

const PATTERNS: Record<string, (RegExp | Scan)[]> = {
  python: [
    /^[ \t]*(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)/gm,
    /^[ \t]*class[ \t]+([A-Za-z_]\w*)/gm,
    /^([A-Z][A-Z0-9_]{2,})[ \t]*(?::[^=\n]+)?=/gm,
  ],
  javascript: [
    // `(?:[ \t]*\*)?[ \t]*`, not `[ \t]*\*?[ \t]*`: the same text, without trying every split of a long
    // run of blanks between two stars that may or may not be there.
    /\bfunction\b(?:[ \t]*\*)?[ \t]*([A-Za-z_$][\w$]*)/g,
    /\bclass[ \t]+([A-Za-z_$][\w$]*)/g,
    /^[ \t]*(?:export[ \t]+)?(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*(?::[^=\n]+)?=[ \t]*(?:async[ \t]*)?(?:function|class|\(|[A-Za-z_$][\w$]*[ \t]*=>|[A-Za-z_$][\w$.]*\()/gm,
    jsMethods,
  ],
  typescript: [
    /\b(?:interface|type|enum|namespace)[ \t]+([A-Za-z_$][\w$]*)/g,
    /^[ \t]*(?:export[ \t]+)?(?:declare[ \t]+)?function[ \t]+([A-Za-z_$][\w$]*)/gm,
  ],
  go: [goFuncs, /^(?:type[ \t]+|[ \t]+)([A-Za-z_]\w*)[ \t]+(?:struct|interface)\b/gm],
  java: [/\b(?:class|interface|enum|record|@interface)[ \t]+([A-Za-z_]\w*)/g, javaMembers],
  rust: [/\b(?:fn|struct|enum|trait|mod|type|union|macro_rules!)[ \t]+([A-Za-z_]\w*)/g, rustImpls],
  generic: [
    /\b(?:def|function|func|fn|class|struct|interface|trait|module|enum|object|sub)[ \t]+([A-Za-z_$][\w$]*)/g,
  ],
};
PATTERNS.typescript = [...PATTERNS.javascript!, ...PATTERNS.typescript!];
PATTERNS.tsx = PATTERNS.typescript;
PATTERNS.kotlin = [...PATTERNS.java!, kotlinFuns, /\bobject[ \t]+([A-Za-z_]\w*)/g];

const NOT_NAMES = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'return',
  'function',
  'constructor',
  'super',
  'new',
  'else',
]);

/** Names defined in a file (deduplicated, in order of appearance, at most 2,000). */
function findDefinitions(lang: string | undefined, text: string): Found[] {
  const patterns = (lang && PATTERNS[lang]) || PATTERNS.generic!;
  const found: Found[] = [];
  for (const re of patterns) {
    if (typeof re === 'function') {
      for (const f of re(text)) if (!NOT_NAMES.has(f.name)) found.push(f);
      continue;
    }
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const name = m[1]!;
      if (!NOT_NAMES.has(name)) found.push({ at: m.index ?? 0, name });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * An outline from the definition scan: each definition runs to the line before the next one. The
 * stand-in for tree-sitter on very large files, where parsing costs more than it is worth.
 */
export function outlineByScan(
  lang: string | undefined,
  text: string,
): { name: string; kind: string; startLine: number; endLine: number }[] {
  const found = findDefinitions(lang, text);
  const offsets = lineStarts(text);
  const lineOf = (at: number) => lineOfOffset(offsets, at);
  const starts: { name: string; line: number }[] = [];
  for (const f of found) {
    const line = lineOf(f.at + (text[f.at] === '\n' ? 1 : 0));
    if (!starts.length || starts[starts.length - 1]!.line !== line) starts.push({ name: f.name, line });
  }
  return starts.map((s, i) => ({
    name: s.name,
    kind: 'definition',
    startLine: s.line,
    endLine: i + 1 < starts.length ? Math.max(s.line, starts[i + 1]!.line - 1) : offsets.length,
  }));
}

export function scanDefinitions(lang: string | undefined, text: string): string[] {
  const found = findDefinitions(lang, text);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    if (seen.has(f.name)) continue;
    seen.add(f.name);
    out.push(f.name);
    if (out.length >= 2000) break;
  }
  return out;
}
