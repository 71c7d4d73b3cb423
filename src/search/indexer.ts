/**
 * Builds (or updates) the repository index: one record per file content (keyed by git blob id), the
 * lexical engine over path, symbol names and content, and the history. Everything lives under
 * `.guardian/index/`; a warm run reads only the files whose content changed. A cache that cannot be
 * read is rebuilt with a note, never trusted and never fatal.
 *
 * Cache files: `blobs.json` (per blob: line count, defined names, imports, or why it is skipped; plus,
 * per path, the size and mtime the file had when it was read), `terms.json` (per blob: its content terms, read only when the
 * lexical index must be rebuilt), `lexical.tix` (the lexical index, term by term: see termindex.ts),
 * `history.json` and `commits.tix` (see history.ts), `chunks.json` (symbol chunks: see chunks.ts).
 */
import { lstatSync, realpathSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { silentLogger } from '../util/log.js';
import { isObject, own, readCacheFile } from './cachefile.js';
import { refuseLinkedState, writeFileAtomic } from '../util/fs.js';
import {
  type Candidate,
  type FileKind,
  contentSkipReason,
  decodeText,
  kindOf,
  languageOf,
  listCandidates,
  pathSkipReason,
  displayPath,
  readCandidate,
} from './files.js';
import {
  COMMIT_FIELDS,
  commitIndexOptions,
  type History,
  headSha,
  openCommitIndex,
  readHistory,
  restoreHistory,
  storeHistory,
} from './history.js';
import { extractImports } from './imports.js';
import { scanDefinitions } from './definitions.js';
import { serializeTermIndex, TermIndex } from './termindex.js';
import { identifierPairs, identifierTerms, pathTerms, queryTerms, tokenize } from './text.js';
import type { IndexOptions } from './types.js';

export const INDEX_VERSION = 7;
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

/** What ranking needs of a lexical engine: MiniSearch's `search`. */
export type LexicalEngine = Pick<TermIndex, 'search' | 'scores' | 'documentCount'>;

export interface RepoIndex {
  root: string;
  files: Map<string, FileEntry>;
  lexical: LexicalEngine;
  history: History;
  /** Lexical index over past commit messages (ids = positions in history.commits). */
  commitIndex: LexicalEngine;
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

const LEXICAL_FIELDS = ['path', 'symbols', 'content'];

export function lexicalOptions() {
  return {
    fields: LEXICAL_FIELDS,
    idField: 'id',
    autoVacuum: false,
    // Documents are indexed as term arrays (see termindex.ts); queries use the full tokenizer below.
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

/** A cache file's text, or undefined (with a note when it exists but cannot be trusted). */
function readText(path: string, notes: string[], what: string): string | undefined {
  const r = readCacheFile(path);
  if ('text' in r) return r.text;
  if ('problem' in r) notes.push(`${what} cache at ${path} is unreadable (${r.problem}): rebuilt`);
  return undefined;
}

function readJson<T>(path: string, notes: string[], what: string): T | undefined {
  const text = readText(path, notes, what);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    notes.push(`${what} cache at ${path} is unreadable (${(e as Error).message.slice(0, 80)}): rebuilt`);
    rmSync(path, { force: true });
    return undefined;
  }
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Whether a cached blob record has the shape the indexer writes (anything else is read again). */
export function isBlobRecord(r: unknown): r is BlobRecord {
  if (!isObject(r)) return false;
  if (r.s !== undefined) return typeof r.s === 'string' && r.s !== '';
  return (
    typeof r.n === 'number' &&
    Number.isSafeInteger(r.n) &&
    r.n >= 0 &&
    isStringArray(r.d) &&
    isStringArray(r.i) &&
    (r.u === undefined || r.u === 1) &&
    (r.pk === undefined || typeof r.pk === 'string')
  );
}

function isRecordMap(v: unknown): v is Record<string, BlobRecord> {
  // Each record is checked when it is used (see isBlobRecord).
  return isObject(v);
}

/** A cached [size, mtime, blob] entry, or undefined when it is not one. */
function statEntry(v: unknown): [number, number, string] | undefined {
  return Array.isArray(v) &&
    v.length === 3 &&
    typeof v[0] === 'number' &&
    typeof v[1] === 'number' &&
    typeof v[2] === 'string' &&
    /^[0-9a-f]{40}$/.test(v[2])
    ? (v as [number, number, string])
    : undefined;
}

function isStatMap(v: unknown): v is Record<string, unknown> {
  return isObject(v);
}

function isStringMap(v: unknown): v is Record<string, string> {
  // Values are checked when used (a term list that is not a string is rebuilt).
  return isObject(v);
}

/**
 * Whether a file's size and mtime, seen at `seenAt`, can vouch for its content next time. A write in the
 * same timestamp tick as the one we saw would leave both unchanged (git's "racily clean" problem), so a
 * file modified less than a tick before we read it is read again next time. File times come from a
 * clock with a tick of a few milliseconds (Linux, macOS, Windows); whole-second mtimes mean a filesystem
 * with coarse timestamps, and a two-second window.
 */
export function statSettled(mtimeMs: number, seenAt: number): boolean {
  return seenAt - mtimeMs > (mtimeMs % 1000 === 0 ? 2000 : 25);
}

function symbolTerms(rec: BlobRecord): string[] {
  const out: string[] = [];
  for (const d of rec.d ?? []) identifierTerms(d, out);
  for (const d of rec.d ?? []) identifierPairs(d, out);
  return out;
}

/** The path field: the path's terms, and adjacent parts of each name joined (see `identifierPairs`). */
function pathFieldTerms(path: string): string[] {
  const out = pathTerms(path);
  for (const seg of path.split(/[/\\.-]+/)) if (seg) identifierPairs(seg, out);
  return out;
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
    list.push(displayPath(s.path));
    by.set(key, list);
  }
  return [...by.entries()].map(
    ([reason, paths]) =>
      `skipped ${paths.length} file${paths.length === 1 ? '' : 's'} (${reason}): ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', …' : ''}`,
  );
}

/** A term index whose documents are exactly `files` at their blobs, or undefined. */
function openLexical(text: string | undefined, files: Map<string, FileEntry>, notes: string[]) {
  if (text === undefined) return undefined;
  try {
    const ix = new TermIndex(text, lexicalOptions());
    const meta = ix.header.meta as { blobs?: unknown; version?: unknown } | undefined;
    const blobs = meta?.blobs;
    if (
      meta?.version !== INDEX_VERSION ||
      !Array.isArray(blobs) ||
      blobs.length !== ix.documentCount ||
      ix.documentCount !== files.size
    )
      return undefined;
    const seen = new Set<string>();
    for (let i = 0; i < blobs.length; i++) {
      const path = ix.header.documentIds[i];
      if (typeof path !== 'string' || seen.has(path) || files.get(path)?.blob !== blobs[i]) return undefined;
      seen.add(path);
    }
    return ix;
  } catch (e) {
    notes.push(`lexical cache is unreadable (${(e as Error).message.slice(0, 80)}): rebuilt`);
    return undefined;
  }
}

const CACHE_FOLDER = 'the index cache folder';

/**
 * The cache folder as a path relative to `root` when it lies inside the repository (a `--cache-dir`
 * there is listed by git as untracked files): its files are the index's own, never part of it.
 */
function cacheFolderIn(root: string, cacheDir: string): string | undefined {
  const real = (p: string): string => {
    p = resolve(p);
    try {
      return realpathSync(p);
    } catch {
      // not there yet: its parent decides where it will be
      const up = join(p, '..');
      return up === p ? p : join(real(up), p.slice(p.lastIndexOf(sep) + 1));
    }
  };
  const rel = relative(real(root), real(cacheDir));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** Indexes the repository at `root`, reusing the on-disk cache. */
export async function indexRepository(
  opts: IndexOptions,
  internal: {
    /** Ignore the cached lexical and commit indexes (found damaged). */ rebuildIndexes?: boolean;
  } = {},
): Promise<RepoIndex> {
  const log = opts.log ?? silentLogger;
  const root = opts.root;
  const cacheDir = opts.cacheDir ?? join(root, '.guardian', 'index');
  // The cache Guardian keeps in the repository, never one behind a link (named by the caller: theirs).
  if (opts.cacheDir === undefined) refuseLinkedState(cacheDir);
  const maxBytes = opts.maxFileBytes ?? 512 * 1024;
  const depth = opts.historyDepth ?? 5000;
  const notes: string[] = [];

  const phases: string[] = [];
  let mark = process.cpuUsage();
  let wall = performance.now();
  const phase = (name: string) => {
    const d = process.cpuUsage(mark);
    const now = performance.now();
    phases.push(`${name} ${Math.round(now - wall)}ms (CPU ${Math.round((d.user + d.system) / 1000)}ms)`);
    mark = process.cpuUsage();
    wall = now;
  };

  // git answers HEAD while it lists the files; when HEAD moved, the history is read by a child process
  // while this one reads the files.
  const headP = headSha(root);
  const listing = listCandidates(root);
  notes.push(...listing.notes);
  const head = await headP;
  phase('list');

  const histPath = join(cacheDir, 'history.json');
  const commitsPath = join(cacheDir, 'commits.tix');
  let history: History | undefined = head ? undefined : { head: '', commits: [] };
  let commitIndex: TermIndex | undefined;
  if (head) {
    history = restoreHistory(readJson(histPath, notes, 'history'), head, depth);
    const text = history && !internal.rebuildIndexes ? readText(commitsPath, notes, 'history') : undefined;
    if (history && text !== undefined) {
      try {
        commitIndex = openCommitIndex(text, history);
      } catch (e) {
        notes.push(`history cache is unreadable (${(e as Error).message.slice(0, 80)}): rebuilt`);
      }
    }
  } else {
    commitIndex = new TermIndex(serializeTermIndex(COMMIT_FIELDS, []), commitIndexOptions());
  }
  const historyP = head && !commitIndex ? readHistory(root, head, depth) : undefined;
  phase('history cache');

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
  /** Cached records of the wrong shape (a damaged or hand-edited cache): their files are read again. */
  const badRecords = new Set<string>();
  const cachedRecord = (blob: string): BlobRecord | undefined => {
    const r = own(blobCache, blob);
    if (r === undefined) return undefined;
    if (isBlobRecord(r)) return r;
    badRecords.add(blob);
    return undefined;
  };

  const files = new Map<string, FileEntry>();
  const skipped: { path: string; reason: string }[] = [];
  let reused = 0;
  /** Files whose blob came from the stat cache (not read in this run). */
  const fromCache = new Set<string>();
  let read = 0;
  const newBlobs: Record<string, BlobRecord> = {};
  /** Content terms of the blobs analyzed in this run. */
  const freshTerms = new Map<string, string[]>();
  const candidates = new Map<string, Candidate>();

  phase('load caches');
  const ownCache = cacheFolderIn(root, cacheDir);
  for (const c of listing.files) {
    const why =
      ownCache !== undefined && (c.path === ownCache || c.path.startsWith(`${ownCache}/`))
        ? CACHE_FOLDER
        : (c.skip ?? pathSkipReason(c.path));
    if (why) {
      skipped.push({ path: c.path, reason: why });
      continue;
    }
    // Unchanged since a previous run read it (same size and mtime): its blob is known without reading.
    let blob: string | undefined;
    const prev = c.symlink ? undefined : statEntry(own(statCache, c.path));
    if (prev) {
      try {
        const st = lstatSync(join(root, c.path));
        if (st.isFile() && st.size === prev[0] && st.mtimeMs === prev[1]) blob = prev[2];
      } catch {
        // gone: readCandidate below reports it
      }
    }
    let rec = blob ? cachedRecord(blob) : undefined;
    if (!rec) {
      const r = readCandidate(root, c, maxBytes);
      if (!r.ok) {
        skipped.push({ path: c.path, reason: r.reason });
        continue;
      }
      read++;
      blob = r.blob;
      if (statSettled(r.mtimeMs, Date.now())) newStat[c.path] = [r.size, r.mtimeMs, blob];
      rec = cachedRecord(blob) ?? own(newBlobs, blob);
      if (!rec) {
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
        freshTerms.set(blob, a.contentTerms);
      }
    } else {
      if (!rec.s) {
        reused++;
        fromCache.add(c.path);
      }
      newStat[c.path] = prev!;
    }
    newBlobs[blob!] = rec;
    if (rec.s) {
      skipped.push({ path: c.path, reason: rec.s });
      continue;
    }
    candidates.set(c.path, c);
    files.set(c.path, {
      path: c.path,
      blob: blob!,
      kind: kindOf(c.path),
      lang: languageOf(c.path),
      lines: rec.n ?? 0,
      definitions: rec.d ?? [],
      imports: rec.i ?? [],
    });
  }
  phase('read+analyze');
  if (badRecords.size > 0)
    notes.push(
      `index cache at ${blobsPath} has ${badRecords.size} damaged record(s): those files were read again`,
    );

  // The lexical index: reused when its documents are exactly these files at these blobs, else rebuilt
  // from the content terms of each blob (kept in terms.json, so only new content is ever tokenized).
  const lexPath = join(cacheDir, 'lexical.tix');
  const termsPath = join(cacheDir, 'terms.json');
  let lexical = internal.rebuildIndexes
    ? undefined
    : openLexical(readText(lexPath, notes, 'lexical'), files, notes);
  let lexicalText: string | undefined;
  let termsCache: Record<string, string> = {};
  let termsChanged = false;
  if (!lexical) {
    const cachedTerms = readJson<{ version: number; entries: Record<string, string> }>(
      termsPath,
      notes,
      'terms',
    );
    if (cachedTerms?.version === INDEX_VERSION && isStringMap(cachedTerms.entries))
      termsCache = cachedTerms.entries;
    const newTerms: Record<string, string> = {};
    const docs = [];
    for (const f of [...files.values()]) {
      let terms = freshTerms.get(f.blob);
      if (!terms) {
        const cached = own(termsCache, f.blob);
        if (typeof cached === 'string') terms = cached ? cached.split(' ') : [];
      }
      if (!terms) {
        // Known blob without its terms (terms.json lost): read it once more.
        const r = readCandidate(root, candidates.get(f.path)!, maxBytes);
        if (!r.ok) {
          skipped.push({ path: f.path, reason: r.reason });
          files.delete(f.path);
          continue;
        }
        read++;
        if (fromCache.has(f.path)) reused--;
        terms = analyze(f.path, decodeText(r.buf).text).contentTerms;
        termsChanged = true;
      }
      newTerms[f.blob] = terms.join(' ');
      docs.push({ id: f.path, fields: [pathFieldTerms(f.path), symbolTerms(newBlobs[f.blob]!), terms] });
    }
    termsChanged ||= freshTerms.size > 0 || Object.keys(newTerms).length !== Object.keys(termsCache).length;
    termsCache = newTerms;
    lexicalText = serializeTermIndex(LEXICAL_FIELDS, docs, {
      version: INDEX_VERSION,
      blobs: docs.map((d) => files.get(d.id)!.blob),
    });
    lexical = new TermIndex(lexicalText, lexicalOptions());
  }
  phase('lexical');

  const invalid = [...files.values()].filter((f) => newBlobs[f.blob]?.u).map((f) => f.path);
  if (invalid.length)
    notes.push(
      `${invalid.length} file(s) with invalid UTF-8 indexed with replacement characters: ${invalid.slice(0, 3).join(', ')}`,
    );
  notes.push(
    ...summarizeSkips(
      skipped.filter(
        (s) =>
          s.reason !== CACHE_FOLDER &&
          !/^(vendored|binary file type|lock file|symlink \(its target)/.test(s.reason),
      ),
    ),
  );
  if (files.size === 0) notes.push('no source files to index');

  let commitIndexText: string | undefined;
  if (historyP) {
    const fresh = await historyP;
    history = fresh.history;
    commitIndexText = fresh.commitIndexText;
    commitIndex = new TermIndex(commitIndexText, commitIndexOptions());
  }
  phase('history');

  // Write back only what changed.
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
    if (lexicalText !== undefined) {
      if (termsChanged)
        writeFileAtomic(termsPath, JSON.stringify({ version: INDEX_VERSION, entries: termsCache }));
      writeFileAtomic(lexPath, lexicalText);
    }
    if (commitIndexText !== undefined && history) {
      writeFileAtomic(histPath, JSON.stringify(storeHistory(history, depth)));
      writeFileAtomic(commitsPath, commitIndexText);
    }
  } catch (e) {
    notes.push(`could not write the index cache in ${cacheDir}: ${(e as Error).message}`);
  }
  phase('write caches');
  log.debug(`search index: ${phases.join(', ')}`);
  log.debug(
    `search index: ${files.size} files (${reused} from cache, ${read} read), ${history!.commits.length} commits`,
  );

  return {
    root,
    files,
    lexical,
    history: history!,
    commitIndex: commitIndex!,
    notes,
    skipped,
    manifests: manifestsOf(files, newBlobs),
    stats: {
      indexedFiles: files.size,
      reusedFromCache: reused,
      readFiles: read,
      skippedFiles: skipped.length,
      historyCommits: history!.commits.length,
    },
  };
}

function manifestsOf(
  files: Map<string, FileEntry>,
  blobs: Record<string, BlobRecord>,
): RepoIndex['manifests'] {
  const packageJson = new Map<string, string>();
  let goModule: string | undefined;
  for (const f of files.values()) {
    const pk = blobs[f.blob]?.pk;
    if (!pk) continue;
    if (f.path.endsWith('package.json'))
      packageJson.set(f.path.slice(0, -'package.json'.length).replace(/\/$/, ''), pk);
    else if (f.path === 'go.mod') goModule = pk;
  }
  return { packageJson, goModule };
}
