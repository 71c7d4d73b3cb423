/**
 * A MiniSearch index kept on disk term by term, so that a query loads only the postings of its own terms.
 *
 * MiniSearch (the lexical engine) scores with BM25 from three things: the postings of each query term,
 * every document's field lengths, and the average field lengths. The file written here holds exactly
 * MiniSearch's own serialization (`toJSON`, serialization version 2), split into lines: the first line
 * is everything but the postings, then one line per term, `["term",{fieldId:{docId:freq}}]`, sorted by
 * term (found by binary search). `engineFor` hands MiniSearch's `loadJS` the header plus the lines of
 * the query's terms: the scores are the ones the whole index would give, at a small fraction of the cost
 * of loading it (a warm query on a 1,500-file repository reads a few dozen lines instead of rebuilding a
 * 30,000-term tree).
 *
 * The index is also built here, from already-tokenized documents, in the form `toJSON` would produce:
 * building it through `MiniSearch.addAll` and then `toJSON` costs several times more for the same bytes.
 * A test checks that both give identical search results.
 */
import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import { isObject } from './cachefile.js';

export const TERM_INDEX_FORMAT = 1;

export interface TermDoc {
  id: string | number;
  /** Terms per field, in the order of the field names (repeats count as term frequency). */
  fields: string[][];
}

export interface TermIndexHeader {
  format: number;
  documentCount: number;
  nextId: number;
  documentIds: Record<string, string | number>;
  fieldIds: Record<string, number>;
  fieldLength: Record<string, number[]>;
  averageFieldLength: number[];
  storedFields: Record<string, never>;
  dirtCount: number;
  serializationVersion: 2;
  /** Caller's data (for example the content version of each document). */
  meta?: unknown;
}

/** A document's score for a query, and the query terms it contains (MiniSearch's `id`, `score`, `terms`). */
export interface ScoredDoc {
  id: string | number;
  score: number;
  terms: string[];
}

/** MiniSearch's BM25 parameters (its defaults). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** Whether a property name is an array index: `Object.keys` lists those first, in numeric order. */
const isArrayIndex = (t: string): boolean => /^(?:0|[1-9]\d*)$/.test(t) && Number(t) < 4294967295;

/** Serializes documents as a term-sliced MiniSearch index (see the module comment). */
export function serializeTermIndex(fieldNames: string[], docs: TermDoc[], meta?: unknown): string {
  const documentIds: Record<string, string | number> = {};
  const fieldLength: Record<string, number[]> = {};
  const sums = fieldNames.map(() => 0);
  // Postings as flat (field, document, frequency) triples, appended in document order: few objects, so
  // little garbage on a large repository.
  const postings = new Map<string, number[]>();
  const counts = new Map<string, number>();
  docs.forEach((d, short) => {
    documentIds[short] = d.id;
    const lengths: number[] = [];
    for (let f = 0; f < fieldNames.length; f++) {
      counts.clear();
      for (const t of d.fields[f] ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
      // MiniSearch's field length is the number of distinct terms.
      lengths.push(counts.size);
      sums[f]! += counts.size;
      for (const [t, n] of counts) {
        if (!t) continue;
        const p = postings.get(t);
        if (p) p.push(f, short, n);
        else postings.set(t, [f, short, n]);
      }
    }
    fieldLength[short] = lengths;
  });
  const header: TermIndexHeader = {
    format: TERM_INDEX_FORMAT,
    documentCount: docs.length,
    nextId: docs.length,
    documentIds,
    fieldIds: Object.fromEntries(fieldNames.map((n, i) => [n, i])),
    fieldLength,
    averageFieldLength: sums.map((s) => (docs.length ? s / docs.length : 0)),
    storedFields: {},
    dirtCount: 0,
    serializationVersion: 2,
    ...(meta !== undefined ? { meta } : {}),
  };
  const terms = [...postings.keys()].sort();
  const parts = [JSON.stringify(header)];
  for (const t of terms) {
    // `toJSON`'s shape, written directly: ["term",{"field":{"doc":freq,…},…}]
    const p = postings.get(t)!;
    let line = `[${JSON.stringify(t)},{`;
    let firstField = true;
    for (let f = 0; f < fieldNames.length; f++) {
      let entries = '';
      for (let i = 0; i < p.length; i += 3) {
        if (p[i] !== f) continue;
        entries += `${entries ? ',' : ''}"${p[i + 1]}":${p[i + 2]}`;
      }
      if (!entries) continue;
      line += `${firstField ? '' : ','}"${f}":{${entries}}`;
      firstField = false;
    }
    parts.push(`${line}}]`);
  }
  return `${parts.join('\n')}\n`;
}

/**
 * A term index whose postings turn out to be damaged when a query reads them (the header is checked
 * when the index is opened; the postings, term by term, only when a query needs them).
 */
export class CorruptIndexError extends Error {
  override readonly name = 'CorruptIndexError';
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Why a parsed header is not one `serializeTermIndex` wrote, or undefined. Everything a query relies
 * on is checked, so that a damaged or hand-edited file is rebuilt rather than trusted: documents
 * numbered 0..n-1, one length per field for each, and the average lengths those lengths give (a
 * `nextId` of billions would otherwise be an allocation of gigabytes, and a wrong length a wrong score).
 */
function headerProblem(h: unknown, fieldNames: string[] | undefined): string | undefined {
  if (!isObject(h)) return 'no header';
  if (h.format !== TERM_INDEX_FORMAT || h.serializationVersion !== 2) return 'format';
  const n = h.documentCount;
  if (!isCount(n) || h.nextId !== n || h.dirtCount !== 0) return 'document count';
  if (
    !isObject(h.documentIds) ||
    !isObject(h.fieldLength) ||
    !isObject(h.fieldIds) ||
    !isObject(h.storedFields)
  )
    return 'tables';
  const byName = h.fieldIds;
  const fieldIds = Object.values(byName);
  const f = fieldIds.length;
  if (!fieldIds.every((id) => isCount(id) && id < f) || new Set(fieldIds).size !== f) return 'field ids';
  // The fields are numbered in the order the engine names them (a swap would move the field boosts).
  if (fieldNames && (f !== fieldNames.length || fieldNames.some((name, i) => byName[name] !== i)))
    return 'field names';
  const ids = h.documentIds;
  const lengths = h.fieldLength;
  if (Object.keys(ids).length !== n || Object.keys(lengths).length !== n) return 'document table';
  const sums = new Array<number>(f).fill(0);
  for (let d = 0; d < n; d++) {
    const id = ids[d];
    if (typeof id !== 'string' && typeof id !== 'number') return `document ${d}`;
    const ls = lengths[d];
    if (!Array.isArray(ls) || ls.length !== f || !ls.every(isCount)) return `lengths of document ${d}`;
    for (let i = 0; i < f; i++) sums[i]! += ls[i] as number;
  }
  const avg = h.averageFieldLength;
  // The averages are recomputed as the serializer computes them (sums of integers, exact).
  if (!Array.isArray(avg) || avg.length !== f || avg.some((a, i) => a !== (n ? sums[i]! / n : 0)))
    return 'average lengths';
  return undefined;
}

/** A postings line parsed and checked: `["term",{"field":{"doc":frequency,…},…}]`. */
function checkedPostings(line: string, term: string): [string, unknown] {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    throw new CorruptIndexError(`postings of '${term.slice(0, 40)}': ${(e as Error).message.slice(0, 80)}`);
  }
  const ok =
    Array.isArray(v) &&
    v.length === 2 &&
    v[0] === term &&
    isObject(v[1]) &&
    Object.values(v[1]).every(
      (docs) =>
        isObject(docs) &&
        Object.values(docs).every((tf) => typeof tf === 'number' && Number.isSafeInteger(tf) && tf > 0),
    );
  if (!ok) throw new CorruptIndexError(`postings of '${term.slice(0, 40)}' are not a term's postings`);
  return v as [string, unknown];
}

/**
 * A term-sliced index opened for searching. `search` has MiniSearch's signature; the terms a query
 * needs are the ones the (search-time) tokenizer makes of it.
 */
export class TermIndex {
  readonly header: TermIndexHeader;
  private readonly text: string;
  private readonly options: Options;
  private readonly bodyStart: number;

  /** Throws when the text is not a term index of this format (callers rebuild it). */
  constructor(text: string, options: Options) {
    const nl = text.indexOf('\n');
    if (nl < 0) throw new Error('no header line');
    const header = JSON.parse(text.slice(0, nl)) as TermIndexHeader;
    const problem = headerProblem(header, options.fields);
    if (problem) throw new Error(`not a term index of this format: ${problem}`);
    this.header = header;
    this.text = text;
    this.options = options;
    this.bodyStart = nl;
  }

  get documentCount(): number {
    return this.header.documentCount;
  }

  /** The term a postings line (starting at `start`) is about. */
  private termAt(start: number): string {
    // Lines start with `["term",`: the term is a JSON string (plain tokens need no decoding).
    const text = this.text;
    let i = start + 2;
    let escaped = false;
    while (i < text.length && text.charCodeAt(i) !== 34 /* " */) {
      if (text.charCodeAt(i) === 92 /* \ */) {
        escaped = true;
        i++;
      }
      i++;
    }
    const raw = text.slice(start + 2, i);
    return escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  /** The postings line of one term, parsed, or undefined when no document has it (binary search). */
  private postings(term: string): [string, unknown] | undefined {
    const text = this.text;
    let lo = this.bodyStart + 1; // always the start of a line
    let hi = text.length; // the start of a line, or the end
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = text.lastIndexOf('\n', mid - 1) + 1;
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const t = this.termAt(start);
      if (t === term) return checkedPostings(text.slice(start, end), term);
      if (t < term) lo = end + 1;
      else hi = start;
    }
    return undefined;
  }

  /** Field lengths per document (MiniSearch's `_fieldLength`), one array per field, made on first use. */
  private lengths?: Float64Array[];

  private fieldLengths(): Float64Array[] {
    if (this.lengths) return this.lengths;
    const n = this.header.nextId;
    const fields = Object.keys(this.header.fieldIds).length;
    const out = Array.from({ length: fields }, () => new Float64Array(n));
    for (const [doc, ls] of Object.entries(this.header.fieldLength)) {
      const d = Number(doc);
      if (Number.isInteger(d) && d >= 0 && d < n) for (let f = 0; f < fields; f++) out[f]![d] = ls[f] ?? 0;
    }
    this.lengths = out;
    return out;
  }

  /** Whether the header knows a document (postings of others are skipped, as MiniSearch does). */
  private known(doc: number): boolean {
    return doc < this.header.nextId && this.header.documentIds[doc] !== undefined;
  }

  /** The query's terms as the search-time tokenizer makes them, each with its number of occurrences. */
  private queryTerms(query: string, searchOptions: SearchOptions): Map<string, number> {
    const defaults = this.options.searchOptions ?? {};
    const tokenize = searchOptions.tokenize ?? defaults.tokenize ?? this.options.tokenize;
    const processTerm = searchOptions.processTerm ?? defaults.processTerm ?? this.options.processTerm;
    if (!tokenize) throw new Error('TermIndex needs a tokenizer');
    const counts = new Map<string, number>();
    for (const raw of tokenize(query)) {
      const p = processTerm ? processTerm(raw) : raw;
      for (const t of Array.isArray(p) ? p : p ? [p] : []) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return counts;
  }

  /**
   * `search` without MiniSearch: the same BM25 sums, in the same order of floating-point operations, and
   * the same order of results (ties in the order MiniSearch first meets the documents), read straight
   * from the postings lines. MiniSearch builds a match object per document and term and merges one map
   * per term; on a long task text over a few thousand commits that was a third of a warm query's time.
   * Covers what the ranking uses (exact terms, OR, field and term boosts); other options go to `search`.
   */
  scores(query: string, searchOptions: SearchOptions = {}): ScoredDoc[] {
    const defaults = this.options.searchOptions ?? {};
    const o = { ...defaults, ...searchOptions };
    if (
      o.fuzzy ||
      o.prefix ||
      o.boostDocument ||
      o.filter ||
      o.weights ||
      o.bm25 ||
      (o.combineWith && o.combineWith.toUpperCase() !== 'OR')
    ) {
      return this.search(query, searchOptions).map((r) => ({
        id: r.id as string | number,
        score: r.score,
        terms: r.terms,
      }));
    }
    const counts = this.queryTerms(query, searchOptions);
    const unique = [...counts.keys()];
    const fieldNames = (o.fields ?? this.options.fields) as string[];
    const fields = fieldNames.map((name) => ({
      boost: (o.boost && Object.prototype.hasOwnProperty.call(o.boost, name) ? o.boost[name] : 0) || 1,
      id: this.header.fieldIds[name],
    }));
    const lengths = this.fieldLengths();
    const avg = this.header.averageFieldLength;
    const total = this.header.documentCount;
    const n = this.header.nextId;
    const sum = new Float64Array(n);
    const partial = new Float64Array(n);
    const quality = new Uint32Array(n);
    const matched: number[][] = [];
    const order: number[] = [];
    const touched: number[] = [];
    const { k, b, d } = BM25;
    unique.forEach((term, i) => {
      const line = this.postings(term);
      if (!line) return;
      const data = line[1] as Record<string, Record<string, number>>;
      const boost = counts.get(term)! * (o.boostTerm ? o.boostTerm(term, i, unique) : 1);
      touched.length = 0;
      for (const { boost: fieldBoost, id } of fields) {
        const entry = id === undefined ? undefined : data[id];
        if (!entry) continue;
        const docs = Object.keys(entry);
        let matching = docs.length;
        const avgLength = avg[id!]!;
        let idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
        const length = lengths[id!]!;
        for (const key of docs) {
          const doc = Number(key);
          if (!this.known(doc)) {
            // MiniSearch drops it and counts one document fewer from there on.
            matching--;
            idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
            continue;
          }
          const tf = entry[key]!;
          const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length[doc]!) / avgLength)));
          const weighted = boost * fieldBoost * raw;
          if (quality[doc] === 0) {
            order.push(doc);
            matched[doc] = [];
          }
          if (matched[doc]![matched[doc]!.length - 1] !== i) {
            matched[doc]!.push(i);
            quality[doc]!++;
            touched.push(doc);
            partial[doc] = weighted;
          } else partial[doc]! += weighted;
        }
      }
      for (const doc of touched)
        sum[doc] = matched[doc]!.length === 1 ? partial[doc]! : sum[doc]! + partial[doc]!;
    });
    const out: ScoredDoc[] = order.map((doc) => {
      let terms = matched[doc]!.map((i) => unique[i]!);
      // MiniSearch lists the terms as the keys of an object: array indices first, in numeric order.
      if (terms.some(isArrayIndex))
        terms = [
          ...terms.filter(isArrayIndex).sort((x, y) => Number(x) - Number(y)),
          ...terms.filter((t) => !isArrayIndex(t)),
        ];
      return { id: this.header.documentIds[doc]!, score: sum[doc]! * quality[doc]!, terms };
    });
    // Array.prototype.sort is stable: ties keep the order the documents were met in, as in MiniSearch.
    return out.sort((x, y) => y.score - x.score);
  }

  /** A MiniSearch holding every document but only the postings of `terms`. */
  engineFor(terms: Iterable<string>): MiniSearch {
    const index: [string, unknown][] = [];
    for (const t of new Set(terms)) {
      const line = this.postings(t);
      if (line) index.push(line);
    }
    return MiniSearch.loadJS({ ...this.header, index } as never, this.options);
  }

  /**
   * MiniSearch's `search`. A term repeated in the query is looked up once with its boost multiplied by
   * its count: MiniSearch sums one result per occurrence, so the scores are the same (to the last bits
   * of floating point) for a fraction of the work on a long task text.
   */
  search(query: string, searchOptions: SearchOptions = {}): SearchResult[] {
    const counts = this.queryTerms(query, searchOptions);
    const unique = [...counts.keys()];
    const boost = searchOptions.boostTerm ?? this.options.searchOptions?.boostTerm;
    return this.engineFor(unique).search(query, {
      ...searchOptions,
      tokenize: () => unique,
      processTerm: (t: string) => t,
      boostTerm: (t: string, i: number, ts: string[]) => counts.get(t)! * (boost ? boost(t, i, ts) : 1),
    });
  }
}
