/**
 * Builds (or updates) the repository index: one record per file content (keyed by git blob id), the
 * lexical engine over path, symbol names and content, and the history. Everything lives under
 * `.guardian/index/`; a warm run reads only the files whose content changed. A cache that cannot be
 * read is rebuilt with a note, never trusted and never fatal.
 */
import { existsSync, lstatSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { silentLogger } from '../util/log.js';
import { writeFileAtomic } from '../util/fs.js';
import {
  type FileKind,
  contentSkipReason,
  decodeText,
  kindOf,
  languageOf,
  listCandidates,
  pathSkipReason,
  readCandidate,
} from './files.js';
import {
  buildCommitIndex,
  commitIndexOptions,
  type History,
  HISTORY_VERSION,
  headSha,
  loadHistory,
} from './history.js';
import { extractImports } from './imports.js';
import { scanDefinitions } from './definitions.js';
import { identifierTerms, pathTerms, queryTerms, tokenize } from './text.js';
import type { IndexOptions } from './types.js';

export const INDEX_VERSION = 4;
const MAX_TOKENS_PER_FILE = 40_000;
const TF_CAP = 3;

/** What the cache keeps per blob. */
export interface BlobRecord {
  /** Skip reason (content-based: binary, minified, generated). */
  s?: string;
  /** Line count. */
  n?: number;
  /** Names the file defines (quick scan). */
  d?: string[];
  i?: string[];
  /** Invalid UTF-8 (decoded with replacement characters). */
  u?: 1;
  /** package.json: the package's name; go.mod: the module path. */
  pk?: string;
}

export interface FileEntry {
  path: string;
  blob: string;
  kind: FileKind;
  lang?: string;
  lines: number;
  definitions: string[];
  imports: string[];
}

export interface RepoIndex {
  root: string;
  files: Map<string, FileEntry>;
  lexical: MiniSearch;
  history: History;
  /** Lexical index over past commit messages (ids = positions in history.commits). */
  commitIndex: MiniSearch;
  notes: string[];
  skipped: { path: string; reason: string }[];
  stats: {
    indexedFiles: number;
    reusedFromCache: number;
    readFiles: number;
    skippedFiles: number;
    historyCommits: number;
  };
  /** Workspace manifests for import resolution: package.json folder → package name; go.mod text. */
  manifests: { packageJson: Map<string, string>; goModule?: string };
}

/** Fields arrive as term arrays (already tokenized by `analyze`). */
interface LexicalDoc {
  id: string;
  path: string[];
  symbols: string[];
  content: string[];
}

const LEXICAL_FIELDS = ['path', 'symbols', 'content'];

export function lexicalOptions() {
  return {
    fields: LEXICAL_FIELDS,
    idField: 'id',
    // Vacuuming runs in the background by default and breaks when documents change between its batches
    // (the indexer awaits the parser between files): vacuum explicitly once all changes are in.
    autoVacuum: false,
    // Documents arrive as term arrays: no string round trip (queries use the full tokenizer below).
    stringifyField: (value: unknown) => value as string,
    tokenize: (terms: string) => terms as unknown as string[],
    processTerm: (term: string) => term,
    searchOptions: {
      tokenize: (text: string) => queryTerms(text),
      processTerm: (term: string) => term,
      prefix: false,
      fuzzy: false,
      combineWith: 'OR' as const,
      boost: { path: 3, symbols: 2, content: 1 },
    },
  };
}

function readJson<T>(path: string, notes: string[], what: string): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    notes.push(`${what} cache at ${path} is unreadable (${(e as Error).message.slice(0, 80)}): rebuilt`);
    rmSync(path, { force: true });
    return undefined;
  }
}

function isRecordMap(v: unknown): v is Record<string, BlobRecord> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  // Spot-check the values: a well-formed file of the wrong shape is not trusted.
  for (const r of Object.values(v).slice(0, 50)) {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return false;
    if (!('s' in r) && !Array.isArray((r as BlobRecord).d)) return false;
  }
  return true;
}

function isStatMap(v: unknown): v is Record<string, [number, number, string]> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((e) => Array.isArray(e) && e.length === 3)
  );
}

function lexicalDoc(path: string, rec: BlobRecord, contentTerms: string[]): LexicalDoc {
  const sym: string[] = [];
  for (const d of rec.d ?? []) identifierTerms(d, sym);
  return {
    id: path,
    path: pathTerms(path),
    symbols: sym,
    content: contentTerms,
  };
}

/** Analyzes one file's text: its terms, the names it defines, its imports. */
function analyze(path: string, text: string): { rec: BlobRecord; contentTerms: string[] } {
  const lang = languageOf(path);
  // BM25 saturates term frequency quickly (k1 = 1.2): past a few occurrences a term adds almost nothing,
  // so each term is indexed at most TF_CAP times — a much smaller index for the same ranking.
  const all = tokenize(text);
  const contentTerms: string[] = [];
  const seenCount = new Map<string, number>();
  for (const t of all) {
    const n = seenCount.get(t) ?? 0;
    if (n < TF_CAP) {
      contentTerms.push(t);
      seenCount.set(t, n + 1);
      if (contentTerms.length >= MAX_TOKENS_PER_FILE) break;
    }
  }
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  const rec: BlobRecord = { n: lines, d: scanDefinitions(lang, text), i: extractImports(lang, text) };
  if (path === 'package.json' || path.endsWith('/package.json')) {
    try {
      const name = (JSON.parse(text) as { name?: unknown }).name;
      if (typeof name === 'string') rec.pk = name;
    } catch {
      // an invalid package.json only loses workspace import resolution
    }
  } else if (path === 'go.mod') {
    rec.pk = text.match(/^module\s+(\S+)/m)?.[1];
  }
  return { rec, contentTerms };
}

function summarizeSkips(skipped: { path: string; reason: string }[]): string[] {
  const by = new Map<string, string[]>();
  for (const s of skipped) {
    // Vendored folders and binary types are expected; only count them.
    const key = s.reason.startsWith('vendored or build folder') ? 'vendored or build folders' : s.reason;
    const list = by.get(key) ?? [];
    list.push(s.path);
    by.set(key, list);
  }
  return [...by.entries()].map(
    ([reason, paths]) =>
      `skipped ${paths.length} file${paths.length === 1 ? '' : 's'} (${reason}): ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', …' : ''}`,
  );
}

/** Indexes the repository at `root`, reusing the on-disk cache. */
export async function indexRepository(opts: IndexOptions): Promise<RepoIndex> {
  const log = opts.log ?? silentLogger;
  const root = opts.root;
  const cacheDir = opts.cacheDir ?? join(root, '.guardian', 'index');
  const maxBytes = opts.maxFileBytes ?? 512 * 1024;
  const depth = opts.historyDepth ?? 5000;
  const notes: string[] = [];

  // History first: it runs in a child process while the files are read.
  const head = headSha(root);
  const histPath = join(cacheDir, 'history.json');
  const cachedHist = readJson<{ version: number; depth: number; history: History }>(
    histPath,
    notes,
    'history',
  );
  const histOk =
    cachedHist &&
    cachedHist.version === HISTORY_VERSION &&
    cachedHist.depth === depth &&
    cachedHist.history?.head;
  const historyP: Promise<{ history: History; reused: boolean }> = head
    ? loadHistory(root, head, depth, histOk ? cachedHist.history : undefined)
    : Promise.resolve({ history: { head: '', commits: [] }, reused: false });

  const phases: string[] = [];
  let mark = process.cpuUsage();
  const phase = (name: string) => {
    const d = process.cpuUsage(mark);
    phases.push(`${name} ${Math.round((d.user + d.system) / 1000)}ms`);
    mark = process.cpuUsage();
  };
  const listing = listCandidates(root);
  phase('list');
  notes.push(...listing.notes);

  const blobsPath = join(cacheDir, 'blobs.json');
  const cachedBlobs = readJson<{
    version: number;
    entries: Record<string, BlobRecord>;
    stat?: Record<string, [size: number, mtimeMs: number, blob: string]>;
  }>(blobsPath, notes, 'index');
  const blobsOk = !!cachedBlobs && cachedBlobs.version === INDEX_VERSION && isRecordMap(cachedBlobs.entries);
  const blobCache: Record<string, BlobRecord> = blobsOk ? cachedBlobs.entries : {};
  const statCache = blobsOk && isStatMap(cachedBlobs.stat) ? cachedBlobs.stat : {};
  const newStat: Record<string, [number, number, string]> = {};

  const lexPath = join(cacheDir, 'lexical.json');
  const cachedLex = readJson<{ version: number; docs: Record<string, string>; index: unknown }>(
    lexPath,
    notes,
    'lexical',
  );
  let lexical: MiniSearch | undefined;
  let lexDocs: Record<string, string> = {};
  if (cachedLex && cachedLex.version === INDEX_VERSION && cachedLex.docs && cachedLex.index) {
    try {
      lexical = MiniSearch.loadJS(cachedLex.index as never, lexicalOptions());
      lexDocs = cachedLex.docs;
    } catch (e) {
      notes.push(`lexical cache is inconsistent (${(e as Error).message.slice(0, 80)}): rebuilt`);
      lexical = undefined;
    }
  }
  if (!lexical) {
    lexical = new MiniSearch(lexicalOptions());
    lexDocs = {};
  }

  const files = new Map<string, FileEntry>();
  const skipped: { path: string; reason: string }[] = [];
  const packageJson = new Map<string, string>();
  let goModule: string | undefined;
  let reused = 0;
  let read = 0;
  const newBlobs: Record<string, BlobRecord> = {};
  const toAdd: LexicalDoc[] = [];
  const seen = new Set<string>();

  phase('load caches');
  for (const c of listing.files) {
    const why = pathSkipReason(c.path);
    if (why) {
      skipped.push({ path: c.path, reason: why });
      continue;
    }
    let blob = c.blobKnown && !c.symlink ? c.blob : undefined;
    if (!blob && !c.symlink) {
      // Modified or untracked: the stat cache spares re-reading files unchanged since the last run.
      const prev = statCache[c.path];
      if (prev) {
        try {
          const st = lstatSync(join(root, c.path));
          if (st.isFile() && st.size === prev[0] && st.mtimeMs === prev[1]) blob = prev[2];
        } catch {
          // gone: readCandidate below reports it
        }
      }
    }
    let rec = blob ? blobCache[blob] : undefined;
    let contentTerms: string[] | undefined;
    if (!rec || (!rec.s && lexDocs[c.path] !== blob)) {
      const r = readCandidate(root, c, maxBytes);
      if (!r.ok) {
        skipped.push({ path: c.path, reason: r.reason });
        continue;
      }
      read++;
      blob = r.blob;
      if (!c.blobKnown) newStat[c.path] = [r.size, r.mtimeMs, blob];
      const cachedRec = blobCache[blob];
      if (cachedRec && (cachedRec.s || lexDocs[c.path] === blob)) {
        rec = cachedRec;
      } else {
        const why2 = contentSkipReason(r.buf, c.path);
        if (why2) {
          newBlobs[blob] = { s: why2 };
          skipped.push({ path: c.path, reason: why2 });
          continue;
        }
        const { text, invalidUtf8 } = decodeText(r.buf);
        const a = analyze(c.path, text);
        rec = a.rec;
        if (invalidUtf8) rec.u = 1;
        contentTerms = a.contentTerms;
      }
    } else {
      if (!rec.s) reused++;
      if (!c.blobKnown) newStat[c.path] = statCache[c.path]!;
    }
    if (rec.s) {
      skipped.push({ path: c.path, reason: rec.s });
      newBlobs[blob!] = rec;
      continue;
    }
    newBlobs[blob!] = rec;
    seen.add(c.path);
    if (rec.pk && c.path.endsWith('package.json'))
      packageJson.set(c.path.slice(0, -'package.json'.length).replace(/\/$/, ''), rec.pk);
    if (rec.pk && c.path === 'go.mod') goModule = rec.pk;
    files.set(c.path, {
      path: c.path,
      blob: blob!,
      kind: kindOf(c.path),
      lang: languageOf(c.path),
      lines: rec.n ?? 0,
      definitions: rec.d ?? [],
      imports: rec.i ?? [],
    });
    if (lexDocs[c.path] !== blob) {
      if (lexDocs[c.path] !== undefined && lexical.has(c.path)) lexical.discard(c.path);
      toAdd.push(lexicalDoc(c.path, rec, contentTerms ?? []));
      lexDocs[c.path] = blob!;
    }
  }
  for (const p of Object.keys(lexDocs)) {
    if (!seen.has(p)) {
      if (lexical.has(p)) lexical.discard(p);
      delete lexDocs[p];
    }
  }
  phase('read+analyze');
  if (toAdd.length) lexical.addAll(toAdd);
  if (lexical.dirtCount > 0) await lexical.vacuum({ batchSize: 1e9, batchWait: 0 });

  const invalid = [...files.values()].filter((f) => newBlobs[f.blob]?.u).map((f) => f.path);
  if (invalid.length)
    notes.push(
      `${invalid.length} file(s) with invalid UTF-8 indexed with replacement characters: ${invalid.slice(0, 3).join(', ')}`,
    );
  notes.push(
    ...summarizeSkips(
      skipped.filter((s) => !/^(vendored|binary file type|lock file|symlink \(its target)/.test(s.reason)),
    ),
  );
  if (files.size === 0) notes.push('no source files to index');

  phase('lexical');
  const { history, reused: histReused } = await historyP;
  const commitsPath = join(cacheDir, 'commits.json');
  const cachedCommits = readJson<{ version: number; head: string; count: number; index: unknown }>(
    commitsPath,
    notes,
    'history',
  );
  let commitIndex: MiniSearch | undefined;
  if (
    cachedCommits &&
    cachedCommits.version === HISTORY_VERSION &&
    cachedCommits.head === history.head &&
    cachedCommits.count === history.commits.length
  ) {
    try {
      commitIndex = MiniSearch.loadJS(cachedCommits.index as never, commitIndexOptions());
    } catch {
      commitIndex = undefined;
    }
  }
  const commitIndexFresh = !commitIndex;
  commitIndex ??= buildCommitIndex(history);
  phase('history');

  // Write the cache back only when something changed.
  try {
    if (
      read > 0 ||
      Object.keys(newBlobs).length !== Object.keys(blobCache).length ||
      Object.keys(newStat).length !== Object.keys(statCache).length
    ) {
      writeFileAtomic(
        blobsPath,
        JSON.stringify({ version: INDEX_VERSION, entries: newBlobs, stat: newStat }),
      );
    }
    if (
      toAdd.length > 0 ||
      !cachedLex ||
      Object.keys(lexDocs).length !== Object.keys(cachedLex.docs ?? {}).length
    ) {
      writeFileAtomic(
        lexPath,
        JSON.stringify({ version: INDEX_VERSION, docs: lexDocs, index: lexical.toJSON() }),
      );
    }
    if (!histReused || !cachedHist || cachedHist.history.head !== history.head) {
      writeFileAtomic(histPath, JSON.stringify({ version: HISTORY_VERSION, depth, history }));
    }
    if (commitIndexFresh) {
      writeFileAtomic(
        commitsPath,
        JSON.stringify({
          version: HISTORY_VERSION,
          head: history.head,
          count: history.commits.length,
          index: commitIndex.toJSON(),
        }),
      );
    }
  } catch (e) {
    notes.push(`could not write the index cache in ${cacheDir}: ${(e as Error).message}`);
  }
  phase('write caches');
  log.debug(`search index CPU: ${phases.join(', ')}`);
  log.debug(
    `search index: ${files.size} files (${reused} from cache, ${read} read), ${history.commits.length} commits`,
  );

  return {
    root,
    files,
    lexical,
    history,
    commitIndex,
    notes,
    skipped,
    manifests: { packageJson, goModule },
    stats: {
      indexedFiles: files.size,
      reusedFromCache: reused,
      readFiles: read,
      skippedFiles: skipped.length,
      historyCommits: history.commits.length,
    },
  };
}
