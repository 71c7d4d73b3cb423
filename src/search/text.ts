/**
 * Tokenization shared by the index and the query: identifiers are split at camelCase and snake_case
 * boundaries (and kept whole as well, so an exact identifier still outranks its parts), lower-cased,
 * stemmed, and stripped of stop words. Numbers are dropped: in task text they are mostly issue numbers.
 */
import { stemmer } from 'stemmer';

const STOP = new Set(
  (
    'a an and are as at be been but by can could did do does done for from had has have he her his how i if in ' +
    'into is it its just let may me might more most must my no nor not of on or our out should so some such than ' +
    'that the their them then there these they this those to too up us use used using via was we were what when ' +
    'where which while who why will with would you your also all any each other only own same very now new ' +
    // Words every commit message or every file has; their idf is near zero anyway, dropping them keeps the
    // index small.
    'self return def const var import export true false none null undefined fix fixes fixed issue pr ' +
    'http https www com github'
  ).split(' '),
);

const stemCache = new Map<string, string>();

export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    // Three-letter words are stemmed too: the stemmer maps "keys" to "kei", so "key" must go there as well.
    s = word.length <= 2 ? word : stemmer(word);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** `parseHTTPResponse_v2` → ["parse", "HTTP", "Response", "v2"]. */
export function splitIdentifier(id: string): string[] {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_$]+/)
    .filter(Boolean);
}

const IDENT = /[A-Za-z_$][A-Za-z0-9_$]*/g;

const termsCache = new Map<string, string[]>();

function computeIdentifierTerms(id: string): string[] {
  const out: string[] = [];
  const parts = splitIdentifier(id);
  for (const p of parts) {
    const low = p.toLowerCase();
    if (low.length < 2 || STOP.has(low) || /^\d+$/.test(low)) continue;
    out.push(stem(low));
  }
  if (parts.length > 1) {
    const whole = id.toLowerCase().replace(/[_$]/g, '');
    if (whole.length >= 3) out.push(whole);
  }
  return out;
}

/**
 * Adjacent parts of a compound identifier joined (stemmed), as `queryTerms` joins adjacent words:
 * `getArrayQueryKey` → `getarrai`, `arraiqueri`, `querikei`, so "query keys" finds it.
 */
export function identifierPairs(id: string, out: string[]): void {
  const parts = splitIdentifier(id);
  for (let i = 0; i + 1 < parts.length; i++) {
    const a = parts[i]!.toLowerCase();
    const b = parts[i + 1]!.toLowerCase();
    if (a.length < 3 || b.length < 3 || STOP.has(a) || STOP.has(b) || /\d/.test(a + b)) continue;
    out.push(stem(a) + stem(b));
  }
}

/** Terms of one identifier: its stemmed parts and, when compound, the whole identifier (memoized). */
export function identifierTerms(id: string, out: string[]): void {
  let terms = termsCache.get(id);
  if (!terms) {
    terms = computeIdentifierTerms(id);
    if (termsCache.size > 500_000) termsCache.clear();
    termsCache.set(id, terms);
  }
  for (const t of terms) out.push(t);
}

/** All terms of a text, in order (with repeats). A hand-written scanner: this runs over every file. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // [A-Za-z_$] starts an identifier
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if ((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 95 || d === 36)
          j++;
        else break;
      }
      if (j - i <= 80) identifierTerms(text.slice(i, j), out);
      i = j;
    } else if (c >= 48 && c <= 57) {
      // skip numbers together with any letters glued to them (0x1F, 10px)
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if ((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 95) j++;
        else break;
      }
      i = j;
    } else i++;
  }
  return out;
}

/**
 * Task text as the ranking should read it: without trailers, links, HTML comments and checklists
 * (templates say the same in every task), with the first line (the subject) counted twice.
 */
export function cleanQuery(text: string, subjectTwice = true): string {
  const lines = text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .split('\n')
    .filter(
      (l) =>
        !/^\s*(co-authored-by|signed-off-by|reviewed-by|acked-by|change-id|cc):/i.test(l) &&
        !/^\s*[-*]\s*\[[ xX]\]/.test(l),
    );
  const subject = lines.find((l) => l.trim()) ?? '';
  return subjectTwice ? `${subject}\n${lines.join('\n')}` : lines.join('\n');
}

/**
 * Query terms: the text's terms plus each pair of adjacent words joined, so "HTTPS redirect" also
 * looks for `httpsredirect` / `HttpsRedirect` (file and identifier names written as one word).
 */
export function queryTerms(text: string): string[] {
  const out = tokenize(text);
  const words = text.match(/[A-Za-z]+/g) ?? [];
  const seen = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!.toLowerCase();
    const b = words[i + 1]!.toLowerCase();
    if (a.length < 3 || b.length < 3 || STOP.has(a) || STOP.has(b)) continue;
    for (const joined of [stem(a) + stem(b), a + b]) {
      if (!seen.has(joined)) {
        seen.add(joined);
        out.push(joined);
      }
    }
  }
  return out;
}

/** The compound form of an identifier, as `identifierTerms` emits it (for exact symbol matching). */
export function compoundKey(id: string): string {
  return id.toLowerCase().replace(/[_$]/g, '');
}

/** Tokens of a repository path: its folders, name and extension split like identifiers. */
export function pathTerms(path: string): string[] {
  const out: string[] = [];
  for (const seg of path.split(/[/\\.-]+/)) if (seg) identifierTerms(seg, out);
  return out;
}

export interface ParsedQuery {
  /** Terms for the lexical engine, in order. */
  terms: string[];
  /** Code-like identifiers quoted or written in the text (camelCase, snake_case, dotted, backticked). */
  identifiers: string[];
  /** Path-like or file-name-like mentions (`src/app.py`, `core.py`, `click.types`). */
  pathMentions: string[];
  /** True when the task itself is about tests (test files then keep their rank). */
  aboutTests: boolean;
}

const PATH_MENTION =
  /(?:^|[\s`'"([])((?:[\w@.-]+\/)*[\w@-]+\.(?:py|pyi|ts|tsx|js|jsx|mjs|cjs|go|java|rs|rb|c|h|cc|cpp|hpp|cs|php|kt|swift|scala|md|rst|toml|json|ya?ml))\b/g;
const DOTTED = /\b([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)+)\b/g;
const BACKTICK = /`([^`\n]{1,80})`/g;

export function parseQuery(text: string): ParsedQuery {
  const terms = tokenize(text);
  const identifiers = new Set<string>();
  const pathMentions = new Set<string>();
  for (const m of text.matchAll(PATH_MENTION)) pathMentions.add(m[1]!);
  for (const m of text.matchAll(BACKTICK)) {
    for (const id of m[1]!.matchAll(IDENT)) if (id[0].length >= 3) identifiers.add(id[0]);
  }
  for (const m of text.matchAll(DOTTED)) {
    const d = m[1]!;
    if (/\.(py|ts|js|tsx|jsx|md|rst|go|rs|java|json|toml|ya?ml)$/.test(d)) continue;
    if (/^(e\.g|i\.e|etc)\b/i.test(d)) continue;
    pathMentions.add(d);
    for (const part of d.split('.')) if (part.length >= 3) identifiers.add(part);
  }
  for (const m of text.matchAll(IDENT)) {
    const id = m[0];
    // camelCase / PascalCase with an inner capital, or snake_case: almost certainly code.
    if (
      id.length >= 4 &&
      (/[a-z][A-Z]/.test(id) || /[A-Za-z]_[A-Za-z]/.test(id) || /^[A-Z][a-z]+[A-Z]/.test(id))
    ) {
      identifiers.add(id.replace(/^_+|_+$/g, ''));
    }
  }
  const head = text.split('\n', 1)[0] ?? '';
  const aboutTests =
    /\b(tests?|testing|test suite|unit tests?|spec|specs|fixtures?|flaky|coverage|conftest|pytest|jest|vitest)\b/i.test(
      head,
    ) && !/\b(add(ed|s)?|with|and|update[sd]?)\s+(a\s+|some\s+|more\s+)?(regression\s+)?tests?\b/i.test(head);
  return { terms, identifiers: [...identifiers], pathMentions: [...pathMentions], aboutTests };
}

/**
 * The first `max` characters of a line shown as evidence, cut between words: a secret in a commit
 * subject cut in its middle would be too short for the secret scan to recognise, and would be shown
 * half. A cut line ends in `…`.
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  let t = text.slice(0, max);
  if (/\S/.test(text[max]!)) t = t.replace(/\S+$/, '');
  return `${t.trimEnd()}…`;
}
