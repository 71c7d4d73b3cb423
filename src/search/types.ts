import type { Logger } from '../util/log.js';
import type { FileKind } from './files.js';

export interface EmbeddingsConfig {
  /** OpenAI-compatible base URL, e.g. `http://127.0.0.1:8080/v1`. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** Values redacted from every text sent (the secrets of this run's environment). */
  known?: readonly string[];
}

export interface IndexOptions {
  root: string;
  /** Default `<root>/.guardian/index`. */
  cacheDir?: string;
  log?: Logger;
  /** Folder holding `tree-sitter.wasm` and `tree-sitter-<lang>.wasm` (see symbols.ts for the default search). */
  wasmDir?: string;
  /** Files larger than this are skipped (default 512 KiB). */
  maxFileBytes?: number;
  /** How many past commits to learn from (default 5000). */
  historyDepth?: number;
}

export interface SearchOptions extends IndexOptions {
  query: string;
  /** How many files to return (default 10). */
  top?: number;
  hints?: { files?: string[]; relevantTests?: string[] };
  /** Experiments (the retrieval benchmark's tuning): override ranking weights, see rank.ts WEIGHTS. */
  weights?: Record<string, number>;
  /** How many of the returned files get their best symbols (default: all of them). */
  symbolFiles?: number;
  embeddings?: EmbeddingsConfig;
}

export interface RankedSymbol {
  name: string;
  kind: string;
  startLine: number;
  endLine: number;
  score: number;
}

export interface RankedFile {
  path: string;
  score: number;
  isTest: boolean;
  /** Why the file was chosen, strongest first ("named in blueprint", "lexical: last_login", …). */
  reasons: string[];
  symbols: RankedSymbol[];
  kind: FileKind;
  language?: string;
}

export interface SearchStats {
  /** Files in the index (after skips). */
  indexedFiles: number;
  /** Of those, how many came from the cache without reading the file. */
  reusedFromCache: number;
  /** Files read from disk to (re)index them in this run. */
  readFiles: number;
  /** Returned files whose symbol chunks were parsed in this run (the rest came from the chunk cache). */
  parsedFiles: number;
  skippedFiles: number;
  historyCommits: number;
  tookMs: number;
}

export interface SearchResult {
  files: RankedFile[];
  stats: SearchStats;
  /** Things the user may want to know (skipped files, missing grammars, a rebuilt cache…). */
  notes: string[];
}
