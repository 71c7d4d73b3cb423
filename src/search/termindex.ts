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
    if (
      typeof header !== 'object' ||
      header === null ||
      header.format !== TERM_INDEX_FORMAT ||
      header.serializationVersion !== 2 ||
      typeof header.documentIds !== 'object' ||
      typeof header.fieldLength !== 'object' ||
      !Array.isArray(header.averageFieldLength)
    ) {
      throw new Error('not a term index of this format');
    }
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
      if (t === term) return JSON.parse(text.slice(start, end)) as [string, unknown];
      if (t < term) lo = end + 1;
      else hi = start;
    }
    return undefined;
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
    const defaults = this.options.searchOptions ?? {};
    const tokenize = searchOptions.tokenize ?? defaults.tokenize ?? this.options.tokenize;
    const processTerm = searchOptions.processTerm ?? defaults.processTerm ?? this.options.processTerm;
    if (!tokenize) throw new Error('TermIndex needs a tokenizer');
    const counts = new Map<string, number>();
    for (const raw of tokenize(query)) {
      const p = processTerm ? processTerm(raw) : raw;
      for (const t of Array.isArray(p) ? p : p ? [p] : []) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    const unique = [...counts.keys()];
    const boost = searchOptions.boostTerm ?? defaults.boostTerm;
    return this.engineFor(unique).search(query, {
      ...searchOptions,
      tokenize: () => unique,
      processTerm: (t: string) => t,
      boostTerm: (t: string, i: number, ts: string[]) => counts.get(t)! * (boost ? boost(t, i, ts) : 1),
    });
  }
}
