/**
 * Symbol chunks for the files a search returns: tree-sitter boundaries (functions, classes, methods)
 * with the terms of each chunk, or line windows where no grammar applies. Parsing happens only for
 * files that rank, once per content: results are cached by blob id in `chunks.json`.
 */
import { join } from 'node:path';
import { hasControlChar } from '../util/chars.js';
import { writeFileAtomic } from '../util/fs.js';
import { isObject, own, readCacheFile } from './cachefile.js';
import { outlineByScan } from './definitions.js';
import { decodeText, displayPath, readCandidate } from './files.js';
import type { RepoIndex } from './indexer.js';
import { lineWindows, SymbolExtractor } from './symbols.js';
import { tokenize } from './text.js';

export const CHUNKS_VERSION = 1;
const MAX_CHUNK_TERMS = 400;
const MAX_PARSE_CHARS = 100_000;
/** A file the index read is at most its limit (512 KiB unless a host sets another). */
const MAX_READ_BYTES = 64 * 1024 * 1024;

/** A chunk as stored: name, kind, start line, end line, its distinct terms. */
export type StoredChunk = [name: string, kind: string, start: number, end: number, terms: string[]];

interface ChunkCacheFile {
  version: number;
  entries: Record<string, StoredChunk[]>;
}

const isLine = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Whether a cached entry has the shape `chunksOf` stores (a hand-edited cache may hold anything). */
function isChunkList(v: unknown): v is StoredChunk[] {
  return (
    Array.isArray(v) &&
    v.every(
      (c) =>
        Array.isArray(c) &&
        c.length === 5 &&
        typeof c[0] === 'string' &&
        !hasControlChar(c[0]) &&
        typeof c[1] === 'string' &&
        isLine(c[2]) &&
        isLine(c[3]) &&
        Array.isArray(c[4]) &&
        c[4].every((t: unknown) => typeof t === 'string'),
    )
  );
}

export class ChunkStore {
  private entries: Record<string, StoredChunk[]> = {};
  private dirty = false;
  /** Files read and parsed in this run. */
  parsed = 0;
  readonly notes: string[] = [];
  private extractor: SymbolExtractor;

  constructor(
    private readonly index: RepoIndex,
    private readonly cacheDir: string,
    wasmDir?: string,
  ) {
    this.extractor = new SymbolExtractor(wasmDir);
    const r = readCacheFile(join(cacheDir, 'chunks.json'));
    try {
      const parsed = 'text' in r ? (JSON.parse(r.text) as ChunkCacheFile) : undefined;
      if (parsed?.version === CHUNKS_VERSION && isObject(parsed.entries)) this.entries = parsed.entries;
    } catch {
      // unreadable: chunks are recomputed for the files that need them
    }
  }

  async chunksOf(path: string): Promise<StoredChunk[]> {
    const f = this.index.files.get(path);
    if (!f) return [];
    // Entries are checked as they are used: one of another shape is computed again.
    const cached = own(this.entries, f.blob);
    if (cached !== undefined && isChunkList(cached)) return cached;
    // Read with the index's guards (no link followed, no FIFO waited on), and only the content the index
    // saw: a file changed since would have its chunks cached under the old content's blob.
    const r = readCandidate(this.index.root, { path, symlink: false }, MAX_READ_BYTES);
    if (!r.ok || r.blob !== f.blob) {
      this.notes.push(
        `could not read ${displayPath(path)} for its symbols: ${r.ok ? 'changed since it was indexed' : r.reason}`,
      );
      return [];
    }
    const text = decodeText(r.buf).text;
    this.parsed++;
    const lines = text.split('\n');
    // Very large files: the definition scan's outline instead of a parse that would cost more than the
    // rest of the search (a 150 KB TypeScript file takes ~0.3 s to parse).
    let symbols =
      text.length > MAX_PARSE_CHARS
        ? outlineByScan(f.lang, text)
        : await this.extractor.extract(f.lang, text);
    if (!symbols || symbols.length === 0) symbols = lineWindows(lines.length);
    const lineTerms = lines.map((l) => tokenize(l));
    const chunks: StoredChunk[] = symbols.map((s) => {
      const set = new Set<string>();
      for (
        let l = s.startLine - 1;
        l < s.endLine && l < lineTerms.length && set.size < MAX_CHUNK_TERMS;
        l++
      ) {
        for (const t of lineTerms[l]!) set.add(t);
      }
      return [s.name, s.kind, s.startLine, s.endLine, [...set]];
    });
    // Line windows standing in for a grammar that failed to load are not kept: next time may work.
    if (!f.lang || !this.extractor.degraded.has(f.lang)) {
      this.entries[f.blob] = chunks;
      this.dirty = true;
    }
    return chunks;
  }

  /** Writes new chunks back, dropping entries of contents no longer in the repository. */
  save(): void {
    this.notes.push(...this.extractor.notes.filter((n) => !this.notes.includes(n)));
    if (!this.dirty) return;
    const live = new Set([...this.index.files.values()].map((f) => f.blob));
    const kept: Record<string, StoredChunk[]> = {};
    for (const [b, c] of Object.entries(this.entries)) if (live.has(b)) kept[b] = c;
    try {
      writeFileAtomic(
        join(this.cacheDir, 'chunks.json'),
        JSON.stringify({ version: CHUNKS_VERSION, entries: kept }),
      );
    } catch (e) {
      this.notes.push(`could not write the chunk cache: ${(e as Error).message}`);
    }
  }
}
