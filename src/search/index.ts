/**
 * Code search: which files of a repository a task is about, each with its best symbols and the reasons
 * it was chosen. Works offline; an embeddings endpoint, when configured, only re-orders the head.
 */
import { join } from 'node:path';
import { GuardianError } from '../errors.js';
import { silentLogger } from '../util/log.js';
import { ChunkStore } from './chunks.js';
import { indexRepository, type RepoIndex } from './indexer.js';
import { rankFiles } from './rank.js';
import { CorruptIndexError } from './termindex.js';
import type { SearchOptions, SearchResult } from './types.js';

export type {
  RankedFile,
  RankedSymbol,
  SearchOptions,
  SearchResult,
  SearchStats,
  IndexOptions,
  EmbeddingsConfig,
} from './types.js';
export { indexRepository, type RepoIndex } from './indexer.js';
export { GRAMMARS } from './symbols.js';
export { WEIGHTS } from './rank.js';

/** Searches a prepared index (lets a host run several queries over one index). */
export async function searchIndex(
  index: RepoIndex,
  opts: Omit<SearchOptions, 'root'>,
): Promise<Omit<SearchResult, 'stats'> & { parsedFiles: number }> {
  const top = opts.top ?? 10;
  const cacheDir = opts.cacheDir ?? join(index.root, '.guardian', 'index');
  const c0 = process.cpuUsage();
  const ranked = rankFiles({
    index,
    query: opts.query,
    top: Math.max(top, opts.embeddings ? 30 : top),
    ...(opts.embeddings ? { minPool: 30 } : {}),
    ...(opts.weights ? { weights: opts.weights } : {}),
    hints: opts.hints,
  });
  const notes = [...ranked.notes];
  let files = ranked.files;
  if (opts.embeddings && files.length > 1) {
    // Loaded only when configured: the HTTP client is a large module.
    const { rerankWithEmbeddings } = await import('./embeddings.js');
    const rr = await rerankWithEmbeddings({
      index,
      query: opts.query,
      pool: files.map((f) => ({ path: f.path, score: f.score })),
      config: opts.embeddings,
      cacheDir,
    });
    if (rr.note) {
      notes.push(rr.note);
      files = files.filter((f) => f.score > 0); // drop the padding offered to the re-ranker
    } else {
      const byPath = new Map(files.map((f) => [f.path, f]));
      files = rr.pool.map((p) => {
        const f = byPath.get(p.path)!;
        const reasons =
          p.similarity !== undefined
            ? [...f.reasons, `embeddings: similarity ${p.similarity.toFixed(3)}`]
            : f.reasons;
        return { ...f, score: Math.round(p.score * 10000) / 10000, reasons };
      });
    }
  }
  files = files.slice(0, top);
  // Best symbols: tree-sitter chunks of the returned files (parsed once per content, cached).
  const c1 = process.cpuUsage(c0);
  const store = new ChunkStore(index, cacheDir, opts.wasmDir);
  for (const f of files.slice(0, opts.symbolFiles ?? files.length))
    f.symbols = ranked.scoreChunks(await store.chunksOf(f.path));
  store.save();
  const c2 = process.cpuUsage(c0);
  const ms = (c: NodeJS.CpuUsage) => Math.round((c.user + c.system) / 1000);
  opts.log?.debug(`search CPU: rank ${ms(c1)}ms, rank+chunks ${ms(c2)}ms (${store.parsed} parsed)`);
  notes.push(...store.notes);
  return { files, notes, parsedFiles: store.parsed };
}

export async function searchRepository(opts: SearchOptions): Promise<SearchResult> {
  const started = performance.now();
  if (!opts.query.trim()) throw new GuardianError('search: the query is empty');
  if (opts.top !== undefined && (!Number.isInteger(opts.top) || opts.top < 1)) {
    throw new GuardianError(`search: top must be a positive integer, got ${opts.top}`);
  }
  const log = opts.log ?? silentLogger;
  let index = await indexRepository(opts);
  let res: Awaited<ReturnType<typeof searchIndex>>;
  try {
    res = await searchIndex(index, opts);
  } catch (e) {
    if (!(e instanceof CorruptIndexError)) throw e;
    // Postings are checked only as a query reads them: a damaged line is found here, after the index
    // was opened. The lexical and commit indexes are rebuilt (from terms.json and git) and the search
    // runs again on them.
    const cacheDir = opts.cacheDir ?? join(opts.root, '.guardian', 'index');
    index = await indexRepository(opts, { rebuildIndexes: true });
    index.notes.unshift(`index cache in ${cacheDir} is damaged (${e.message}): rebuilt`);
    res = await searchIndex(index, opts);
  }
  for (const n of [...index.notes, ...res.notes]) log.debug(n);
  return {
    files: res.files,
    notes: [...index.notes, ...res.notes],
    stats: { ...index.stats, parsedFiles: res.parsedFiles, tookMs: Math.round(performance.now() - started) },
  };
}
