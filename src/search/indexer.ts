/**
 * Builds (or updates) the repository index: one record per file content (keyed by git blob id), the
 * lexical engine over path, symbol names and content, and the history. Everything lives under
 * `.guardian/index/`; a warm run reads only the files whose content changed. A cache that cannot be
 * read is rebuilt with a note, never trusted and never fatal.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
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
import { type History, HISTORY_VERSION, headSha, loadHistory } from './history.js';
import { extractImports } from './imports.js';
import { SymbolExtractor, lineWindows } from './symbols.js';
import { identifierTerms, pathTerms, tokenize } from './text.js';
import type { IndexOptions } from './types.js';

export const INDEX_VERSION = 3;
const MAX_TOKENS_PER_FILE = 40_000;
const MAX_SYMBOL_TERMS = 400;

/** A symbol as stored: name, kind, start, end, its distinct terms. */
export type StoredSymbol = [name: string, kind: string, start: number, end: number, terms: string[]];

/** What the cache keeps per blob. */
export interface BlobRecord {
  /** Skip reason (content-based: binary, minified, generated). */
  s?: string;
  /** Line count. */
  n?: number;
  y?: StoredSymbol[];
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
  symbols: StoredSymbol[];
  imports: string[];
}

export interface RepoIndex {
  root: string;
  files: Map<string, FileEntry>;
  lexical: MiniSearch;
  history: History;
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

interface LexicalDoc {
  id: string;
  path: string;
  symbols: string;
  content: string;
}

const LEXICAL_FIELDS = ['path', 'symbols', 'content'];

export function lexicalOptions() {
  return {
    fields: LEXICAL_FIELDS,
    idField: 'id',
    // Vacuuming runs in the background by default and breaks when documents change between its batches
    // (the indexer awaits the parser between files): vacuum explicitly once all changes are in.
    autoVacuum: false,
    // Documents arrive pre-tokenized (space separated); queries use the full tokenizer.
    tokenize: (text: string) => text.split(' ').filter(Boolean),
    processTerm: (term: string) => term,
    searchOptions: {
      tokenize: (text: string) => tokenize(text),
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

function isBlobRecord(v: unknown): v is BlobRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function symbolTerms(lineTerms: string[][], start: number, end: number): string[] {
  const set = new Set<string>();
  for (let l = start - 1; l < end && l < lineTerms.length && set.size < MAX_SYMBOL_TERMS; l++) {
    for (const t of lineTerms[l]!) set.add(t);
  }
  return [...set].slice(0, MAX_SYMBOL_TERMS);
}

function lexicalDoc(path: string, rec: BlobRecord, contentTerms: string[]): LexicalDoc {
  const sym: string[] = [];
  for (const s of rec.y ?? []) {
    if (s[1] === 'lines') continue;
    identifierTerms(s[0].split('.').pop() ?? s[0], sym);
  }
  return {
    id: path,
    path: pathTerms(path).join(' '),
    symbols: sym.join(' '),
    content: contentTerms.join(' '),
  };
}

/** Analyzes one file's text: symbols, imports, the terms of each symbol and of the whole file. */
async function analyze(
  extractor: SymbolExtractor,
  path: string,
  text: string,
): Promise<{ rec: BlobRecord; contentTerms: string[] }> {
  const lang = languageOf(path);
  const lines = text.split('\n');
  const lineTerms = lines.map((l) => tokenize(l));
  const contentTerms: string[] = [];
  for (const lt of lineTerms) {
    if (contentTerms.length >= MAX_TOKENS_PER_FILE) break;
    for (const t of lt) contentTerms.push(t);
  }
  let symbols = await extractor.extract(lang, text);
  if (!symbols || symbols.length === 0) symbols = lineWindows(lines.length);
  const y: StoredSymbol[] = symbols.map((s) => [
    s.name,
    s.kind,
    s.startLine,
    s.endLine,
    symbolTerms(lineTerms, s.startLine, s.endLine),
  ]);
  const rec: BlobRecord = { n: lines.length, y, i: extractImports(lang, text) };
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

  const listing = listCandidates(root);
  notes.push(...listing.notes);

  const blobsPath = join(cacheDir, 'blobs.json');
  const cachedBlobs = readJson<{ version: number; entries: Record<string, BlobRecord> }>(
    blobsPath,
    notes,
    'index',
  );
  const blobCache: Record<string, BlobRecord> =
    cachedBlobs && cachedBlobs.version === INDEX_VERSION && isBlobRecord(cachedBlobs.entries)
      ? cachedBlobs.entries
      : {};

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

  const extractor = new SymbolExtractor(opts.wasmDir);
  const files = new Map<string, FileEntry>();
  const skipped: { path: string; reason: string }[] = [];
  const packageJson = new Map<string, string>();
  let goModule: string | undefined;
  let reused = 0;
  let read = 0;
  const newBlobs: Record<string, BlobRecord> = {};
  const toAdd: LexicalDoc[] = [];
  const seen = new Set<string>();

  for (const c of listing.files) {
    const why = pathSkipReason(c.path);
    if (why) {
      skipped.push({ path: c.path, reason: why });
      continue;
    }
    let rec = c.blobKnown && c.blob && !c.symlink ? blobCache[c.blob] : undefined;
    let blob = c.blob;
    let contentTerms: string[] | undefined;
    const needLexical = !(lexDocs[c.path] && lexDocs[c.path] === blob);
    if (!rec || (needLexical && !rec.s)) {
      const r = readCandidate(root, c, maxBytes);
      if (!r.ok) {
        skipped.push({ path: c.path, reason: r.reason });
        continue;
      }
      read++;
      blob = r.blob;
      const why2 = contentSkipReason(r.buf, c.path);
      if (why2) {
        newBlobs[blob] = { s: why2 };
        skipped.push({ path: c.path, reason: why2 });
        continue;
      }
      const { text, invalidUtf8 } = decodeText(r.buf);
      const cachedRec = blobCache[blob];
      if (cachedRec && !cachedRec.s && !needLexical) {
        rec = cachedRec;
      } else {
        const a = await analyze(extractor, c.path, text);
        rec = cachedRec && !cachedRec.s ? cachedRec : a.rec;
        if (invalidUtf8) rec.u = 1;
        contentTerms = a.contentTerms;
      }
    } else {
      reused++;
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
      symbols: rec.y ?? [],
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
  notes.push(...extractor.notes);
  if (files.size === 0) notes.push('no source files to index');

  const { history, reused: histReused } = await historyP;

  // Write the cache back only when something changed.
  try {
    if (read > 0 || Object.keys(newBlobs).length !== Object.keys(blobCache).length) {
      writeFileAtomic(blobsPath, JSON.stringify({ version: INDEX_VERSION, entries: newBlobs }));
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
  } catch (e) {
    notes.push(`could not write the index cache in ${cacheDir}: ${(e as Error).message}`);
  }
  log.debug(
    `search index: ${files.size} files (${reused} from cache, ${read} read), ${history.commits.length} commits`,
  );

  return {
    root,
    files,
    lexical,
    history,
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
