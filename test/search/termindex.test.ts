import { describe, expect, it } from '@jest/globals';
import MiniSearch from 'minisearch';
import { serializeTermIndex, TermIndex } from '../../src/search/termindex.js';

// A deterministic pseudo-random corpus: documents of varied length over a Zipf-like vocabulary, so that
// BM25's document frequencies and field lengths differ from term to term and document to document.
function corpus(n: number, seed = 7) {
  let x = seed;
  const rand = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const vocab = Array.from({ length: 400 }, (_, i) => `t${i.toString(36)}${'abc'[i % 3]}`);
  const pick = () => vocab[Math.floor(vocab.length * rand() * rand())]!;
  return Array.from({ length: n }, (_, i) => ({
    id: `src/f${i}.ts`,
    path: [pick(), pick()],
    symbols: Array.from({ length: Math.floor(rand() * 6) }, pick),
    content: Array.from({ length: 5 + Math.floor(rand() * 200) }, pick),
  }));
}

const options = {
  fields: ['path', 'symbols', 'content'],
  idField: 'id',
  // The reference indexes term arrays as they are (no string round trip).
  stringifyField: (v: unknown) => v as string,
  tokenize: (terms: string) => terms as unknown as string[],
  processTerm: (t: string) => t,
  searchOptions: {
    tokenize: (q: string) => q.split(' '),
    processTerm: (t: string) => t,
    boost: { path: 3, symbols: 2, content: 1 },
    combineWith: 'OR' as const,
  },
};

describe('term index', () => {
  const docs = corpus(300);
  const reference = new MiniSearch(options);
  reference.addAll(docs);
  const text = serializeTermIndex(
    ['path', 'symbols', 'content'],
    docs.map((d) => ({ id: d.id, fields: [d.path, d.symbols, d.content] })),
    { note: 'kept' },
  );
  const ix = new TermIndex(text, options);

  // Each matches something: short and long, repeated terms, an absent one, one document's own words.
  const queries = [
    't0a t1b',
    't5c tzz t2a t0a t5c t5c',
    't1b',
    'nothing-here t3a',
    docs[17]!.content.slice(0, 40).join(' '),
    docs[3]!.path.join(' ') + ' ' + docs[3]!.symbols.join(' '),
  ];

  it('gives the scores MiniSearch gives over the whole index', () => {
    for (const q of queries) {
      const want = reference.search(q).map((r) => [r.id, r.score.toPrecision(12), [...r.terms].sort()]);
      const got = ix.search(q).map((r) => [r.id, r.score.toPrecision(12), [...r.terms].sort()]);
      expect(got).toEqual(want);
      expect(got.length).toBeGreaterThan(0);
    }
  });

  it('honours search-time options (a boost per term)', () => {
    const opts = { boostTerm: (t: string) => (t === 't1b' ? 3 : 1) };
    const want = reference.search('t0a t1b', opts).map((r) => [r.id, r.score.toFixed(9)]);
    expect(ix.search('t0a t1b', opts).map((r) => [r.id, r.score.toFixed(9)])).toEqual(want);
  });

  it('scores without MiniSearch exactly as MiniSearch does: same scores, order and terms', () => {
    const exact = (r: { id: unknown; score: number; terms: string[] }) => [r.id, r.score, r.terms];
    const boostTerm = (t: string) => (t.endsWith('b') ? 2 : 1);
    for (const q of queries) {
      for (const opts of [{}, { boostTerm }, { boost: { path: 5 } }, { fields: ['content', 'path'] }]) {
        const want = ix.search(q, opts).map(exact);
        const got = ix.scores(q, opts).map(exact);
        expect(got).toEqual(want);
        expect(reference.search(q, opts).map((r) => [r.id, r.score.toPrecision(12)])).toEqual(
          got.map(([id, score]) => [id, (score as number).toPrecision(12)]),
        );
        expect(got.length).toBeGreaterThan(0);
      }
    }
    // Options it does not cover go to MiniSearch.
    const and = { combineWith: 'AND' as const };
    expect(ix.scores('t0a t1b', and).map(exact)).toEqual(ix.search('t0a t1b', and).map(exact));
    expect(ix.scores('t0a t1b', and).length).toBeGreaterThan(0);
    expect(ix.scores('t0a t1b', and).length).toBeLessThan(ix.scores('t0a t1b').length);
  });

  it('orders numeric terms as MiniSearch lists them, and skips documents its header lacks', () => {
    const t = serializeTermIndex(
      ['c'],
      [
        { id: 'a', fields: [['zeta', '42', 'alpha', '7', '4294967295', '4294967294', '007']] },
        { id: 'b', fields: [['7', 'zeta']] },
      ],
    );
    const o = { fields: ['c'], searchOptions: { tokenize: (q: string) => q.split(' ') } };
    const small = new TermIndex(t, o);
    const q = 'zeta 4294967295 42 alpha 007 7 4294967294';
    expect(small.scores(q).map((r) => [r.id, r.score, r.terms])).toEqual(
      small.search(q).map((r) => [r.id, r.score, r.terms]),
    );
    expect(small.scores(q)[0]!.terms).toEqual([
      '7',
      '42',
      '4294967294',
      'zeta',
      '4294967295',
      'alpha',
      '007',
    ]);
    const [head, ...lines] = t.trimEnd().split('\n');
    const damaged = [head, ...lines.map((l) => l.replace('{"0":1}', '{"0":1,"9":3}'))].join('\n');
    const ix2 = new TermIndex(`${damaged}\n`, o);
    expect(ix2.scores(q).map((r) => [r.id, r.score])).toEqual(ix2.search(q).map((r) => [r.id, r.score]));
  });

  it('finds every term by binary search, and none that is absent', () => {
    const all = new Set(docs.flatMap((d) => [...d.path, ...d.symbols, ...d.content]));
    const engine = ix.engineFor([...all, 'absent', '', 'zzzz', '0']);
    expect(engine.termCount).toBe(all.size);
    expect(ix.documentCount).toBe(300);
    expect(ix.header.meta).toEqual({ note: 'kept' });
  });

  it('handles terms JSON must escape', () => {
    const odd = ['a"b', 'back\\slash', 'é', 'x,y', '["z",'];
    const t = serializeTermIndex(
      ['c'],
      [
        { id: 1, fields: [odd] },
        { id: 2, fields: [['plain']] },
      ],
    );
    const small = new TermIndex(t, {
      fields: ['c'],
      idField: 'i',
      searchOptions: { tokenize: (q: string) => [q] },
    });
    for (const term of [...odd, 'plain']) expect(small.search(term).length).toBe(1);
    expect(small.search('missing')).toEqual([]);
  });

  it('skips postings of a document its header does not know (a damaged cache), without throwing', () => {
    const t = serializeTermIndex(['c'], [{ id: 'a', fields: [['x', 'y']] }]);
    const [head, ...lines] = t.trimEnd().split('\n');
    const damaged = [head, ...lines.map((l) => l.replace('{"0":1}', '{"0":1,"7":2}'))].join('\n');
    expect(damaged).toContain('"7":2');
    const ix2 = new TermIndex(`${damaged}\n`, {
      fields: ['c'],
      searchOptions: { tokenize: (q: string) => [q] },
    });
    expect(ix2.search('x').map((r) => r.id)).toEqual(['a']);
  });

  it('refuses text that is not a term index', () => {
    expect(() => new TermIndex('', options)).toThrow();
    expect(() => new TermIndex('{"format": 99}\n', options)).toThrow(/not a term index/);
    expect(() => new TermIndex('{nonsense\n', options)).toThrow();
  });

  it('serializes an empty index that searches to nothing', () => {
    const empty = new TermIndex(serializeTermIndex(['m'], []), {
      fields: ['m'],
      searchOptions: { tokenize: (q: string) => q.split(' ') },
    });
    expect(empty.documentCount).toBe(0);
    expect(empty.search('anything at all')).toEqual([]);
  });
});
