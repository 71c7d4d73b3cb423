/**
 * Ranking: the lexical engine's scores fused with structural evidence — files named in the task, the
 * symbols it names, the relevant tests and what they import, test↔source pairing, the import graph, and
 * the repository's history (past commits whose messages resemble the task, co-changes, churn).
 *
 * Every signal is normalized to [0, 1] over the candidates and weighted; the weights are global (no
 * per-repository tuning) and documented next to each signal.
 */
import { posix } from 'node:path';
import { ImportResolver } from './imports.js';
import type { StoredChunk } from './chunks.js';
import type { FileEntry, RepoIndex } from './indexer.js';
import {
  cleanQuery,
  compoundKey,
  cutAtWord,
  type ParsedQuery,
  parseQuery,
  pathTerms,
  queryTerms as joinedQueryTerms,
  tokenize,
} from './text.js';
import type { RankedFile, RankedSymbol } from './types.js';
import { isPythonStdlib, npmPackageOf } from '../knowledge/detect.js';
import { escapeControlChars } from '../util/chars.js';

export const WEIGHTS = {
  /** BM25 over path, symbol names and content. */
  lexical: 1.0,
  /** Past commits with messages like the task, voting for the files they touched. */
  history: 1.0,
  /** The task names a symbol this file defines. */
  definesSymbol: 0.6,
  /** The task names this file (path, file name or dotted module). */
  namedInQuery: 1.2,
  /** A conventional-commit scope (`fix(server): …`) that names a folder or file of this path. */
  scope: 0.5,
  /** The blueprint lists this file. */
  namedInBlueprint: 3.0,
  /** A relevant test: the test itself, and what it imports / is paired with. */
  relevantTest: 1.0,
  relevantTestImport: 1.2,
  /** Evidence flowing from a test to its paired source, and along imports. */
  testPairing: 0.35,
  importNeighbor: 0.15,
  /** Files that import one of the strongest candidates (callers, re-exporting entry points). */
  importedBy: 0.5,
  /**
   * Source files under examples/, www/, docs/, sandbox/… are multiplied by this unless the task names
   * that kind of folder or the example's own folder.
   */
  auxFactor: 0.5,
  /** A word of the task is a module's file name. */
  stemWord: 0.3,
  /**
   * A file's folder holds a strong candidate: the folder's best source score (relative to the best
   * folder's) times this, for files that have evidence of their own. A change tends to stay in one
   * module; a weak match beside the task's strongest file is likelier than the same match far away.
   */
  folder: 0.3,
  /**
   * The task names a third-party package this file imports (`@types/express`, `jinja2`): a task about a
   * library (upgrading it, working around it) changes the code that uses it. Shared among the importers;
   * a package imported by more than 30 files says little. Python and npm packages; standard libraries
   * do not count.
   */
  library: 0.3,
  /** Files that changed together with the strongest candidates. */
  coChange: 0.6,
  /** How often a file changes at all. */
  churn: 0.08,
  /** Test files' scores are multiplied by this unless the task is about tests. */
  testFactor: 0.3,
  /** Switches (1 = on), kept as weights so the benchmark can compare them. */
  codeNormalize: 1,
  joinedPairs: 1,
  subjectTwice: 1,
};

/** Languages whose imports name npm packages. */
const NPM_LANGS = new Set(['typescript', 'tsx', 'javascript']);

/**
 * Multipliers by kind: sources first, tests below unless the task is about tests. Documents, configuration
 * and other files rarely are what a code task changes, yet their text often matches it (a changelog
 * entry, a CI workflow): they stay far below unless the task names them (then `NAMED_FACTOR`).
 */
const KIND_FACTOR = { source: 1, test: WEIGHTS.testFactor, doc: 0.2, config: 0.2, other: 0.2 };
const NAMED_FACTOR = 0.35;

interface Signals {
  score: number;
  parts: Map<string, number>;
  /** A reason's text may be left to be written when the file is shown (most candidates never are). */
  reasons: { weight: number; text: string | (() => string) }[];
}

/**
 * Scales a signal to [0, 1] by its maximum over code files (sources and tests). Documents are left out
 * of the maximum: a changelog or the blueprint itself can match a task far better than any code, and
 * would otherwise flatten every code file's score. Values above 1 are clipped.
 */
function normalize(
  m: Map<string, number>,
  files?: Map<string, FileEntry>,
  byCode = true,
): Map<string, number> {
  let max = 0;
  let codeMax = 0;
  for (const [k, v] of m) {
    if (v > max) max = v;
    const kind = files?.get(k)?.kind;
    if ((kind === 'source' || kind === 'test') && v > codeMax) codeMax = v;
  }
  const d = byCode && codeMax > 0 ? codeMax : max;
  if (d <= 0) return new Map();
  const out = new Map<string, number>();
  for (const [k, v] of m) out.set(k, Math.min(1, v / d));
  return out;
}

/** Folders of code that supports the product without being it. */
function auxFolder(path: string): string | undefined {
  return path.match(/(?:^|\/)(bench|benchmarks?|examples?|fixtures?|scripts?|docs?)\//)?.[1];
}

const BENCH_PATH = /(?:^|\/)(?:bench|benchmarks?|perf)\/|\.bench\.[a-z]+$/;

function stemOfTest(path: string): string | undefined {
  const name = posix.basename(path);
  const m =
    name.match(/^test_(.+)\.[a-z]+$/) ??
    name.match(/^(.+?)_tests?\.[a-z]+$/) ??
    name.match(/^(.+?)\.(test|spec|tests|e2e|test-d)\.[a-z]+$/) ??
    name.match(/^(.+?)Tests?\.[a-z]+$/);
  return m?.[1]?.toLowerCase();
}

/** A path as the index keys it: no `./`, no `a/../` (a `../` above the root stays, and is not found). */
function repoPath(p: string): string {
  const n = posix.normalize(p);
  return n === '.' ? '' : n.replace(/\/$/, '');
}

function fileStem(path: string): string {
  const name = posix.basename(path);
  const dot = name.indexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).toLowerCase();
}

export interface RankInput {
  index: RepoIndex;
  query: string;
  top: number;
  /** Experiments only: weights overriding WEIGHTS. */
  weights?: Partial<typeof WEIGHTS>;
  /** Pad the result with unscored source files up to this many (a pool for re-ranking). */
  minPool?: number;
  hints?: { files?: string[]; relevantTests?: string[] };
  /** Benchmarks only: attach each pool entry's score per signal. */
  explain?: boolean;
}

export interface Ranked {
  files: RankedFile[];
  /** All candidates' scores (for re-ranking). */
  pool: { path: string; score: number; parts?: Record<string, number> }[];
  notes: string[];
  parsed: ParsedQuery;
  /** Scores a file's chunks against the query (best first). */
  scoreChunks(chunks: StoredChunk[], limit?: number): RankedSymbol[];
}

export function rankFiles(input: RankInput): Ranked {
  const { index } = input;
  const W = { ...WEIGHTS, ...input.weights };
  const notes: string[] = [];
  // Paths a caller names are repository paths as git lists them: `./src/app.py` is `src/app.py`.
  const hintFiles = (input.hints?.files ?? []).map(repoPath);
  const hintTests = (input.hints?.relevantTests ?? []).map(repoPath);
  const query = cleanQuery(input.query.slice(0, 20_000), W.subjectTwice > 0);
  const parsed = parseQuery(query);
  const files = index.files;
  const paths = [...files.keys()];
  const sig = new Map<string, Signals>();
  const get = (p: string) => {
    let s = sig.get(p);
    if (!s) {
      s = { score: 0, parts: new Map(), reasons: [] };
      sig.set(p, s);
    }
    return s;
  };
  const add = (p: string, name: string, value: number, reason?: string | (() => string)) => {
    if (!files.has(p) || !(value > 0)) return;
    const s = get(p);
    s.score += value;
    s.parts.set(name, (s.parts.get(name) ?? 0) + value);
    if (reason) s.reasons.push({ weight: value, text: reason });
  };

  const identifierTermSet = new Set<string>();
  for (const id of parsed.identifiers) for (const t of tokenize(id)) identifierTermSet.add(t);

  // 1. Lexical.
  const lexHits = parsed.terms.length
    ? index.lexical.scores(query, {
        tokenize: W.joinedPairs > 0 ? joinedQueryTerms : tokenize,
        boostTerm: (term: string) => (identifierTermSet.has(term) ? 2 : 1),
      })
    : [];
  const df = new Map<string, number>();
  for (const h of lexHits) for (const t of h.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const N = Math.max(1, files.size);
  const idf = (t: string) => Math.log(1 + (N - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
  const lex = normalize(new Map(lexHits.map((h) => [String(h.id), h.score])), files, W.codeNormalize > 0);
  for (const h of lexHits) {
    const p = String(h.id);
    const v = lex.get(p) ?? 0;
    if (v < 0.02) continue;
    // The matched terms, rarest first, are sorted only for the files that are shown.
    const reason = () =>
      `lexical: ${[...h.terms]
        .sort((a, b) => idf(b) - idf(a))
        .slice(0, 4)
        .join(', ')}`;
    add(p, 'lexical', W.lexical * v, reason);
  }

  // 2. History: past commits whose messages resemble the task vote for the files they touched.
  const churn = new Map<string, number>();
  for (const c of index.history.commits) for (const f of c.f) churn.set(f, (churn.get(f) ?? 0) + 1);
  if (index.history.commits.length > 0 && parsed.terms.length) {
    const hits = index.commitIndex.scores(query).slice(0, 40);
    const votes = new Map<string, number>();
    const why = new Map<string, { score: number; h: string; subject: string }>();
    for (const h of hits) {
      const c = index.history.commits[h.id as number]!;
      const present = c.f.filter((f) => files.has(f));
      if (!present.length) continue;
      const w = h.score / Math.sqrt(present.length);
      for (const f of present) {
        votes.set(f, (votes.get(f) ?? 0) + w);
        const prev = why.get(f);
        if (!prev || prev.score < w)
          why.set(f, { score: w, h: c.h, subject: cutAtWord(c.m.split('\n', 1)[0]!, 80) });
      }
    }
    for (const [f, v] of normalize(votes, files, W.codeNormalize > 0)) {
      if (v < 0.02) continue;
      const w = why.get(f)!;
      add(f, 'history', W.history * v, `history: like past commit ${w.h} "${w.subject}"`);
    }
  }

  // 3. Symbols the task names.
  const defs = new Map<string, string[]>();
  for (const f of files.values()) {
    for (const d of f.definitions) {
      const key = compoundKey(d);
      if (key.length < 3) continue;
      const list = defs.get(key);
      if (!list) defs.set(key, [f.path]);
      else if (list[list.length - 1] !== f.path && list.length < 50) list.push(f.path);
    }
  }
  const strongIds = new Set(parsed.identifiers.map(compoundKey));
  // Capitalized words (not first in a sentence) are often class names written in prose.
  const weakIds = new Set<string>();
  for (const m of input.query.matchAll(/(?<![.!?]\s|^)\b([A-Z][a-z]+[A-Za-z]*)\b/gm))
    weakIds.add(compoundKey(m[1]!));
  // A file defining many of the names gains less from each further one: a long task that lists a dozen
  // identifiers would otherwise bury every file but the one that defines them all.
  const symSum = new Map<string, { v: number; key: string; best: number }>();
  for (const [key, list] of defs) {
    const strength = strongIds.has(key) ? 1 : weakIds.has(key) ? 0.4 : 0;
    if (!strength) continue;
    const v = (strength * W.definesSymbol) / Math.sqrt(list.length);
    for (const p of list) {
      const prev = symSum.get(p);
      if (!prev) symSum.set(p, { v, key, best: v });
      else {
        prev.v += v;
        if (v > prev.best) Object.assign(prev, { key, best: v });
      }
    }
  }
  if (W.definesSymbol > 0)
    for (const [p, { v, key }] of symSum)
      add(
        p,
        'symbol',
        W.definesSymbol * Math.log2(1 + v / W.definesSymbol),
        `defines \`${key}\` named in the task`,
      );

  // 4a. The task's scope, conventional-commit style: `fix(server): …`, `feat(form-data): …`.
  const scopeMatch = query.match(/^\s*[a-z]+\(([^)\n]{1,60})\)!?:/i);
  if (scopeMatch && W.scope > 0) {
    const scopes = scopeMatch[1]!
      .split(/[\s,/|]+/)
      .map((x) => x.toLowerCase().replace(/[^a-z0-9]/g, ''))
      .filter((x) => x.length >= 2);
    const scopeStems = new Set(scopes.flatMap((x) => [x, ...tokenize(x)]));
    // Only files with other evidence get it: look at those, not at every path.
    for (const p of [...sig.keys()]) {
      const segs = p.toLowerCase().split('/');
      const hit = segs.some((seg, i) => {
        const bare = (i === segs.length - 1 ? seg.replace(/\.[^.]+$/, '') : seg).replace(/[^a-z0-9]/g, '');
        return scopeStems.has(bare) || tokenize(bare).some((t) => scopeStems.has(t) && t.length >= 4);
      });
      if (hit) add(p, 'scope', W.scope, `in the task's scope (${scopeMatch[1]})`);
    }
  }

  // 4. Files the task names.
  for (const m of parsed.pathMentions) {
    const dotted = !m.includes('/') && !/\.[a-z]+$/.test(m) ? m.replace(/\./g, '/') : undefined;
    const hits: string[] = [];
    for (const p of paths) {
      const noExt = p.replace(/\.[^./]+$/, '');
      const hit =
        p === m ||
        p.endsWith(`/${m}`) ||
        (dotted !== undefined &&
          (noExt === dotted || noExt.endsWith(`/${dotted}`) || noExt.endsWith(`/${dotted}/__init__`)));
      if (hit) hits.push(p);
    }
    // An exact path gets the full weight; files that only end with the name (`package.json`) share it.
    const share = 1 / Math.sqrt(Math.max(1, hits.filter((p) => p !== m).length));
    for (const p of hits) add(p, 'named', W.namedInQuery * (p === m ? 1 : share), `named in the task (${m})`);
  }
  // A word of the task that is a module's name ("annotations of the staticfiles module"); a name shared by
  // more than five files says little.
  if (W.stemWord > 0) {
    const words = new Set(
      (input.query.match(/[A-Za-z][A-Za-z0-9_-]{4,}/g) ?? []).map((w) => w.toLowerCase()),
    );
    const byStem = new Map<string, string[]>();
    for (const f of files.values()) {
      if (f.kind !== 'source') continue;
      const st = fileStem(f.path);
      if (st.length < 5 || !words.has(st)) continue;
      const l = byStem.get(st);
      if (l) l.push(f.path);
      else byStem.set(st, [f.path]);
    }
    for (const [st, list] of byStem) {
      if (list.length > 5) continue;
      for (const p of list)
        add(p, 'stemWord', W.stemWord / Math.sqrt(list.length), `the task names module ${st}`);
    }
  }
  // A third-party package the task names (`@types/express` names express), and the files importing it.
  const resolver = new ImportResolver(paths, index.manifests);
  if (W.library > 0) {
    const named = new Set<string>();
    for (const m of input.query.matchAll(
      /(?<![\w./-])(@[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*|[a-z][a-z0-9._-]{2,})/gi,
    )) {
      const w = m[1]!.toLowerCase().replace(/[.]+$/, '');
      named.add(w);
      if (w.startsWith('@types/')) named.add(w.slice(7));
    }
    const users = new Map<string, { p: string; spec: string; lang?: string }[]>();
    for (const f of files.values()) {
      // Python and npm packages: the ecosystems whose standard libraries are known here.
      if (f.kind !== 'source' || !(f.lang === 'python' || NPM_LANGS.has(f.lang ?? ''))) continue;
      for (const spec of f.imports) {
        // Node's builtins come back as `node:fs`, which no task word matches; local specifiers as undefined.
        const root = f.lang === 'python' ? spec.split('.')[0]! : npmPackageOf(spec);
        if (!root || root.length < 3 || !named.has(root.toLowerCase())) continue;
        if (f.lang === 'python' && isPythonStdlib(root)) continue;
        const l = users.get(root) ?? [];
        if (!l.some((u) => u.p === f.path)) l.push({ p: f.path, spec, lang: f.lang });
        users.set(root, l);
      }
    }
    for (const [root, list] of users) {
      if (list.length > 30) continue;
      // The repository's own packages are not third-party libraries.
      if (list.some((u) => resolver.resolve(u.p, u.lang, u.spec).length > 0)) continue;
      for (const u of list)
        add(u.p, 'library', W.library / Math.sqrt(list.length), `imports ${root}, named in the task`);
    }
  }
  for (const h of hintFiles) {
    if (files.has(h)) add(h, 'blueprint', W.namedInBlueprint, 'named in blueprint');
    else {
      const suffix = paths.filter((p) => p.endsWith(`/${h}`));
      if (suffix.length)
        for (const p of suffix) add(p, 'blueprint', W.namedInBlueprint / suffix.length, 'named in blueprint');
      else notes.push(`blueprint names ${escapeControlChars(h)}, which is not in the index`);
    }
  }

  // 5. Relevant tests and what they import.
  const importsOf = (f: FileEntry) => {
    const out = new Set<string>();
    for (const spec of f.imports)
      for (const r of resolver.resolve(f.path, f.lang, spec)) if (r !== f.path) out.add(r);
    return [...out];
  };
  const sourcesByStem = new Map<string, string[]>();
  for (const f of files.values()) {
    if (f.kind !== 'source') continue;
    const st = fileStem(f.path);
    const list = sourcesByStem.get(st) ?? [];
    list.push(f.path);
    sourcesByStem.set(st, list);
  }
  const pairedSources = (test: string): string[] => {
    const st = stemOfTest(test);
    if (!st) return [];
    // A benchmark, example, fixture or script of the same name is not what the test tests (unless the
    // test lives in such a folder too).
    const testAux = auxFolder(test);
    const list = (sourcesByStem.get(st) ?? sourcesByStem.get(st.replace(/^test_?/, '')) ?? []).filter((p) => {
      const a = auxFolder(p);
      return !a || a === testAux;
    });
    if (list.length <= 1) return list;
    // Several candidates: prefer the one sharing the most path segments with the test.
    const segs = new Set(test.split('/'));
    const scored = list.map((p) => ({ p, n: p.split('/').filter((s) => segs.has(s)).length }));
    const best = Math.max(...scored.map((s) => s.n));
    return scored.filter((s) => s.n === best).map((s) => s.p);
  };
  for (const t of hintTests) {
    const f = files.get(t);
    if (!f) {
      notes.push(`relevant test ${escapeControlChars(t)} is not in the repository index`);
      continue;
    }
    add(t, 'relevantTest', W.relevantTest, 'relevant test of the task');
    const imps = importsOf(f).filter((p) => files.get(p)?.kind !== 'test');
    for (const p of imps)
      add(p, 'relevantTestImport', W.relevantTestImport / Math.sqrt(imps.length), `imported by ${t}`);
    for (const p of pairedSources(t))
      add(p, 'relevantTestImport', W.relevantTestImport, `paired with test ${t}`);
  }

  // 6. Propagation: tests lend evidence to their sources; imports to their neighbours.
  const base = new Map<string, number>();
  for (const [p, s] of sig) base.set(p, s.score);
  for (const [p, v] of base) {
    const f = files.get(p)!;
    if (f.kind === 'test') {
      for (const src of pairedSources(p)) add(src, 'pairing', W.testPairing * v, `paired with test ${p}`);
    }
  }
  const seeds = [...base.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20);
  const topScore = seeds[0]?.[1] ?? 0;
  const neighborGain = new Map<string, { v: number; from: string }>();
  for (const [p, v] of seeds) {
    const f = files.get(p)!;
    if (f.kind === 'test') continue;
    for (const q of importsOf(f)) {
      const g = (W.importNeighbor * v) / Math.max(1, topScore);
      const prev = neighborGain.get(q);
      if (!prev || prev.v < g) neighborGain.set(q, { v: g, from: p });
    }
  }
  for (const [q, g] of neighborGain) add(q, 'imports', g.v, `imported by ${g.from}`);

  // 6b. Dependents: files importing one of the five strongest sources (their callers, the index or
  // `__init__` that re-exports them) often change with them. A source imported by many files shares
  // the evidence among them.
  if (W.importedBy > 0) {
    const strongest = new Map(seeds.filter(([p]) => files.get(p)!.kind === 'source').slice(0, 5));
    // Resolving every import of every file costs more than the rest of the ranking: only files with an
    // import that mentions a seed's name or folder are resolved (resolution then decides).
    const keys = new Set<string>();
    for (const q of strongest.keys()) {
      const segs = q.toLowerCase().split('/');
      const stem = segs[segs.length - 1]!.replace(/\..*$/, '');
      if (stem.length >= 2) keys.add(stem);
      for (const dir of segs.slice(-3, -1)) if (dir.length >= 2) keys.add(dir);
    }
    const mentionsSeed = (spec: string) => {
      const low = spec.toLowerCase();
      for (const k of keys) if (low.includes(k)) return true;
      return false;
    };
    const dependents = new Map<string, string[]>();
    for (const f of files.values()) {
      if (f.kind !== 'source' || !f.imports.some(mentionsSeed)) continue;
      for (const q of importsOf(f)) {
        if (!strongest.has(q)) continue;
        const list = dependents.get(q);
        if (list) list.push(f.path);
        else dependents.set(q, [f.path]);
      }
    }
    const gain = new Map<string, { v: number; of: string }>();
    for (const [q, list] of dependents) {
      const v = (W.importedBy * strongest.get(q)!) / Math.max(1, topScore) / Math.sqrt(list.length);
      for (const d of list) if (v > (gain.get(d)?.v ?? 0)) gain.set(d, { v, of: q });
    }
    for (const [d, g] of gain) add(d, 'importedBy', g.v, `imports ${g.of}`);
  }

  // 6c. Folder: each folder is as strong as its strongest source so far; files with evidence of their
  // own gain a share of their folder's strength.
  if (W.folder > 0) {
    const byFolder = new Map<string, number>();
    const bestOf = new Map<string, string>();
    for (const [p, s] of sig) {
      if (files.get(p)!.kind !== 'source') continue;
      const d = posix.dirname(p);
      if (s.score > (byFolder.get(d) ?? 0)) {
        byFolder.set(d, s.score);
        bestOf.set(d, p);
      }
    }
    const strength = normalize(byFolder);
    for (const p of sig.keys()) {
      const d = posix.dirname(p);
      const v = strength.get(d);
      // Said in a file's reasons only when another file makes its folder strong.
      if (v && v >= 0.02) {
        const best = bestOf.get(d)!;
        const why = v >= 0.5 && best !== p ? `in ${d}/, beside ${posix.basename(best)}` : undefined;
        add(p, 'folder', W.folder * v, why);
      }
    }
  }

  // 7. Co-change with the strongest candidates (blueprint files first).
  const anchor = [...sig.entries()]
    .filter(([p]) => files.get(p)!.kind === 'source')
    .sort((a, b) => b[1].score - a[1].score)
    .slice(0, 3)
    .map(([p]) => p);
  if (anchor.length && index.history.commits.length) {
    const anchorSet = new Set(anchor);
    const co = new Map<string, number>();
    /** For the reason only: in how many commits each file changed with an anchor, and with which. */
    const withAnchors = new Map<string, { commits: number; anchors: Set<string> }>();
    const anchorCount = new Map<string, number>();
    for (const c of index.history.commits) {
      if (c.f.length > 20) continue;
      const inA = c.f.filter((f) => anchorSet.has(f));
      if (!inA.length) continue;
      for (const a of inA) anchorCount.set(a, (anchorCount.get(a) ?? 0) + 1);
      for (const f of c.f) {
        if (anchorSet.has(f)) continue;
        co.set(f, (co.get(f) ?? 0) + inA.length);
        const w = withAnchors.get(f) ?? { commits: 0, anchors: new Set<string>() };
        w.commits++;
        for (const a of inA) w.anchors.add(a);
        withAnchors.set(f, w);
      }
    }
    const total = [...anchorCount.values()].reduce((a, b) => a + b, 0);
    if (total >= 3) {
      for (const [f, n] of co) {
        const conf = n / total;
        if (n >= 2 && conf >= 0.1) {
          const w = withAnchors.get(f)!;
          const names = anchor.filter((a) => w.anchors.has(a));
          add(
            f,
            'cochange',
            W.coChange * conf,
            `changed together with ${names.join(', ')} in ${w.commits} past commit${w.commits === 1 ? '' : 's'}`,
          );
        }
      }
    }
  }

  // 8. Churn prior (only for files with other evidence), scaled by the most-changed path's. Only the
  // maximum is taken over every path the history touched (tens of thousands in a large repository);
  // the scaled value is computed for the candidates alone.
  let churnMax = 0;
  for (const v of churn.values()) churnMax = Math.max(churnMax, Math.log1p(v));
  if (churnMax > 0) {
    for (const p of sig.keys()) {
      const n = churn.get(p);
      if (n) add(p, 'churn', W.churn * Math.min(1, Math.log1p(n) / churnMax));
    }
  }

  // Kind factor and final order.
  const blueprint = new Set(hintFiles);
  const relevant = new Set(hintTests);
  const aboutSpeed = /\b(bench\w*|perf\w*|speed\w*|slow\w*|fast\w*)\b/i.test(input.query);
  // Example apps, sample servers and the docs site are code, yet rarely what a task changes unless it
  // says so: by naming the folder kind or the example's own folder.
  const qTermSet = new Set(parsed.terms);
  const auxWord = /\b(examples?|www|website|docs?|sandbox|demos?|playground|sample)\b/i.test(input.query);
  const auxNamed = (p: string): boolean => {
    const m = p.match(/(?:^|\/)(examples?|www|website|docs?|sandbox|demos?|samples?)\/(?:([^/]+)\/)?/);
    if (!m) return true;
    if (auxWord) return true;
    return !!m[2] && pathTerms(m[2]).some((t) => t.length >= 4 && qTermSet.has(t));
  };
  const scored: { path: string; score: number; parts?: Record<string, number> }[] = [];
  for (const [p, s] of sig) {
    const f = files.get(p)!;
    let k = f.kind === 'test' ? W.testFactor : KIND_FACTOR[f.kind];
    if (f.kind !== 'source' && f.kind !== 'test' && s.parts.has('named')) k = Math.max(k, NAMED_FACTOR);
    if (f.kind === 'test' && (parsed.aboutTests || relevant.has(p))) k = 0.9;
    // Benchmark code is not product code either: ranked like tests unless the task is about speed.
    if (f.kind === 'source' && BENCH_PATH.test(p) && !aboutSpeed) k = W.testFactor;
    if (W.auxFactor < 1 && f.kind === 'source' && !auxNamed(p)) k *= W.auxFactor;
    if (blueprint.has(p)) k = 1;
    scored.push({
      path: p,
      score: s.score * k,
      ...(input.explain ? { parts: Object.fromEntries(s.parts) } : {}),
    });
  }
  scored.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
  if (input.minPool && scored.length < input.minPool) {
    // Semantic re-ranking may find what no term matched: offer it the most-changed sources too.
    const rest = [...files.values()]
      .filter((f) => f.kind === 'source' && !sig.has(f.path))
      .sort((a, b) => (churn.get(b.path) ?? 0) - (churn.get(a.path) ?? 0) || (a.path < b.path ? -1 : 1));
    for (const f of rest.slice(0, input.minPool - scored.length)) {
      sig.set(f.path, { score: 0, parts: new Map(), reasons: [] });
      scored.push({ path: f.path, score: 0 });
    }
  }

  const queryTerms = new Set(parsed.terms);
  const out: RankedFile[] = scored.slice(0, input.top).map(({ path, score }) => {
    const f = files.get(path)!;
    const s = sig.get(path)!;
    const reasons = dedupeReasons(s.reasons);
    return {
      path,
      score: round(score),
      isTest: f.kind === 'test',
      kind: f.kind,
      ...(f.lang ? { language: f.lang } : {}),
      reasons,
      symbols: [],
    };
  });
  return {
    files: out,
    pool: scored,
    notes,
    parsed,
    scoreChunks: (chunks, limit) => bestSymbols(chunks, queryTerms, strongIds, idf, limit),
  };
}

function dedupeReasons(rs: Signals['reasons']): string[] {
  const by = new Map<string, number>();
  for (const r of rs) {
    const text = typeof r.text === 'function' ? r.text() : r.text;
    by.set(text, Math.max(by.get(text) ?? 0, r.weight));
  }
  return [...by.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([t]) => t);
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/** The symbols of a file that best match the task (defined names count double). */
export function bestSymbols(
  symbols: StoredChunk[],
  queryTerms: Set<string>,
  strongIds: Set<string>,
  idf: (t: string) => number,
  limit = 5,
): RankedSymbol[] {
  const scored: RankedSymbol[] = [];
  for (const [name, kind, startLine, endLine, terms] of symbols) {
    let s = 0;
    for (const t of terms) if (queryTerms.has(t)) s += idf(t);
    const last = name.slice(name.lastIndexOf('.') + 1);
    const nameTerms = tokenize(last);
    for (const t of nameTerms) if (queryTerms.has(t)) s += 2 * idf(t);
    if (strongIds.has(compoundKey(last))) s += 10;
    // Prefer precise chunks: a whole class matches everything its methods match.
    const span = endLine - startLine + 1;
    s = s / Math.log2(2 + span / 40);
    if (s > 0) scored.push({ name, kind, startLine, endLine, score: s });
  }
  scored.sort((a, b) => b.score - a.score || a.startLine - b.startLine);
  if (scored.length === 0) {
    // Nothing matched (a file chosen by a hint or by history): its outline is still useful.
    return symbols
      .filter((s) => !s[0].includes('.'))
      .slice(0, limit)
      .map(([name, kind, startLine, endLine]) => ({ name, kind, startLine, endLine, score: 0 }));
  }
  const max = scored[0]!.score;
  return scored.slice(0, limit).map((s) => ({ ...s, score: round(s.score / max) }));
}
