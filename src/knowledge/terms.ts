/** Words of a text for relevance ranking (rules, library names): identifiers split at camelCase and snake_case, stemmed lightly. */

const STOP = new Set(
  `a an and are as at be been but by can do does for from has have how i if in into is it its itself
  may must no not of on or our should so such than that the their them then there these they this to
  was we were what when where which while who will with within without you your all any each every
  also only other own same some more most very just use used using ensure make made new add adds added
  e g eg ie etc via per after before during about above below up down out over under again further
  once here why both few nor too s t don now`.split(/\s+/),
);

/** Lower-cased terms of `text`: identifiers split, stop words dropped, plurals folded. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.match(/[A-Za-z][A-Za-z0-9]*(?:[_'][A-Za-z0-9]+)*|\d+/g) ?? []) {
    const parts = raw
      .replace(/'/g, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .split(/[\s_]+/);
    const whole = raw.toLowerCase().replace(/'/g, '');
    if (parts.length > 1 && !STOP.has(whole)) out.push(stem(whole));
    for (const p of parts) {
      const w = p.toLowerCase();
      if (w.length < 2 || STOP.has(w) || /^\d+$/.test(w)) continue;
      out.push(stem(w));
    }
  }
  return out;
}

export function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && /(?:ss|us|is)$/.test(w)) return w;
  if (w.length > 3 && w.endsWith('s')) return w.slice(0, -1);
  return w;
}

export function termCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms(text)) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/**
 * Okapi BM25 over a small set of documents (rule sections, doc snippets). Deterministic, no index
 * files: the sets are small enough to score directly.
 */
export function bm25(docs: string[], query: string, k1 = 1.2, b = 0.75): number[] {
  const q = [...new Set(terms(query))];
  const tfs = docs.map(termCounts);
  const lens = tfs.map((m) => [...m.values()].reduce((a, c) => a + c, 0));
  const avg = lens.reduce((a, c) => a + c, 0) / Math.max(1, lens.length) || 1;
  const df = new Map<string, number>();
  for (const m of tfs) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return tfs.map((m, i) => {
    let s = 0;
    for (const t of q) {
      const f = m.get(t);
      if (!f) continue;
      const d = df.get(t) ?? 0;
      const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
      s += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * (lens[i] ?? 0)) / avg));
    }
    return s;
  });
}
