/**
 * The repository as it is at the base commit, read through git's object store. Reading blobs (not the
 * working tree) means the bundle shows exactly the code the Coder's patch will apply to, symbolic links
 * are never followed (git stores a link as its target text), and nothing outside the repository can be
 * reached.
 */
import { execGit, execGitBuffer, readBlobs } from '../../git/git.js';
import { secretFileReason } from '../../secrets/index.js';
import { SYMLINK_REASON, type FileSource } from '../../spec/index.js';

export interface TreeEntry {
  path: string;
  /** Git file mode: 100644 / 100755 file, 120000 symbolic link, 160000 submodule. */
  mode: string;
  oid: string;
  size: number;
}

export interface TextFile {
  path: string;
  text: string;
  /** Lines without their line breaks; `lines[0]` is line 1. */
  lines: string[];
}

export type ReadResult = { ok: true; file: TextFile } | { ok: false; path: string; reason: string };

export interface ReadLimits {
  /** Files larger than this are not read (bytes). */
  maxBytes: number;
  /** A line longer than this marks the file as minified or generated. */
  maxLineLength: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 512 * 1024, maxLineLength: 1000 };

const MINIFIED_NAME = /\.min\.(?:js|mjs|cjs|css)$|[.-]bundle\.js$|\.map$/i;

export class RepoTree {
  readonly entries: Map<string, TreeEntry>;
  private readonly cache = new Map<string, ReadResult>();
  private fileList?: string[];

  constructor(
    readonly root: string,
    readonly commit: string,
    readonly limits: ReadLimits = DEFAULT_READ_LIMITS,
    entries?: Map<string, TreeEntry>,
  ) {
    this.entries = entries ?? listTree(root, commit);
  }

  /** The same tree read with other limits (and a cache of its own). */
  withLimits(limits: ReadLimits): RepoTree {
    return new RepoTree(this.root, this.commit, limits, this.entries);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** The raw bytes of a regular file (no text checks), or undefined. */
  bytes(path: string): Buffer | undefined {
    const e = this.entries.get(path);
    if (!e || (e.mode !== '100644' && e.mode !== '100755')) return undefined;
    const r = execGitBuffer(['cat-file', 'blob', e.oid], { cwd: this.root, allowFailure: true });
    return r.code === 0 ? r.stdout : undefined;
  }

  /**
   * The tree as a spec `FileSource`, so blueprints and quality.toml are read from exactly the files the
   * bundle quotes — also when the project is a subdirectory of its repository.
   */
  asFileSource(): FileSource {
    return {
      label: `commit ${this.commit.slice(0, 12)}`,
      list: (dir) => {
        const prefix = dir.replace(/\/+$/, '') + '/';
        return this.files().filter((p) => p.startsWith(prefix));
      },
      read: (p) => this.bytes(p),
      size: (p) => {
        const e = this.entries.get(p);
        return e && (e.mode === '100644' || e.mode === '100755') ? e.size : undefined;
      },
      exists: (p) =>
        this.entries.has(p) || this.files().some((f) => f.startsWith(p.replace(/\/+$/, '') + '/')),
      unreadable: (p) => {
        const e = this.entries.get(p);
        return e?.mode === '120000' ? SYMLINK_REASON : e ? 'not a regular file' : 'no such file';
      },
      notFollowed: (dir) => {
        const prefix = dir.replace(/\/+$/, '') + '/';
        return [...this.entries.values()]
          .filter((e) => e.path.startsWith(prefix) && e.mode === '120000')
          .map((e) => ({ path: e.path, reason: SYMLINK_REASON }))
          .sort((a, b) => (a.path < b.path ? -1 : 1));
      },
    };
  }

  /** Paths of regular files, sorted. */
  files(): string[] {
    this.fileList ??= [...this.entries.values()]
      .filter((e) => e.mode === '100644' || e.mode === '100755')
      .map((e) => e.path)
      .sort();
    return this.fileList;
  }

  /** Reads a file as UTF-8 text, or says why it is not read (missing, link, secret, binary, …). */
  read(path: string): ReadResult {
    const cached = this.cache.get(path);
    if (cached) return cached;
    const r = this.readUncached(path);
    this.cache.set(path, r);
    return r;
  }

  /**
   * Reads many files with one `git cat-file --batch` (one process instead of one per file) and keeps
   * the results for `read`. Paths that cannot be read are left to `read` to explain.
   */
  prefetch(paths: string[]): void {
    const wanted = paths.filter((p) => !this.cache.has(p) && this.readable(p) === undefined);
    if (wanted.length === 0) return;
    const blobs = readBlobs(
      this.root,
      wanted.map((p) => this.entries.get(p)!.oid),
    );
    // A missing object is left to read() to report.
    wanted.forEach((path, i) => {
      const b = blobs[i];
      if (b) this.cache.set(path, classifyBytes(path, b, this.limits));
    });
  }

  /** Why a path cannot be read from its tree entry alone (undefined: its bytes decide). */
  private readable(path: string): string | undefined {
    const e = this.entries.get(path);
    if (!e) return `not in the base commit ${this.commit.slice(0, 12)}`;
    if (e.mode === '120000') return 'symbolic link (not followed)';
    if (e.mode === '160000') return 'git submodule (not read)';
    const secret = secretFileReason(path);
    if (secret) return `${secret}: never included`;
    if (e.size > this.limits.maxBytes) return `too large (${e.size} bytes > ${this.limits.maxBytes})`;
    if (MINIFIED_NAME.test(path)) return 'minified or generated file';
    return undefined;
  }

  private readUncached(path: string): ReadResult {
    const no = (reason: string): ReadResult => ({ ok: false, path, reason });
    const why = this.readable(path);
    if (why) return no(why);
    const e = this.entries.get(path)!;
    const r = execGitBuffer(['cat-file', 'blob', e.oid], { cwd: this.root, allowFailure: true });
    if (r.code !== 0) return no(`unreadable (${r.stderr.trim() || `git cat-file exit ${r.code}`})`);
    return classifyBytes(path, r.stdout, this.limits);
  }
}

/** Decides whether bytes are usable source text. Exported for files read from disk. */
export function classifyBytes(
  path: string,
  data: Buffer,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): ReadResult {
  const no = (reason: string): ReadResult => ({ ok: false, path, reason });
  if (data.length > limits.maxBytes) return no(`too large (${data.length} bytes > ${limits.maxBytes})`);
  if (data.subarray(0, 8000).includes(0)) return no('binary file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return no('not valid UTF-8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const longest = lines.reduce((m, l) => Math.max(m, l.length), 0);
  if (longest > limits.maxLineLength) return no(`minified or generated (a line of ${longest} characters)`);
  return { ok: true, file: { path, text, lines } };
}

/**
 * Entries of a commit under `root`, with paths relative to it: when `root` is a subdirectory of the
 * repository (a project inside a monorepo), only its part of the tree, as the spec loader sees it.
 */
export function listTree(root: string, commit: string): Map<string, TreeEntry> {
  const out = execGit(['ls-tree', '-r', '-l', '-z', commit], { cwd: root }).stdout;
  const entries = new Map<string, TreeEntry>();
  for (const rec of out.split('\0')) {
    if (!rec) continue;
    // "<mode> SP <type> SP <object> SP+ <size> TAB <path>"
    const tab = rec.indexOf('\t');
    if (tab < 0) continue;
    const [mode, _type, oid, size] = rec.slice(0, tab).trim().split(/\s+/);
    if (!mode || !oid) continue;
    const path = rec.slice(tab + 1);
    entries.set(path, { path, mode, oid, size: size === '-' || size === undefined ? 0 : Number(size) });
  }
  return entries;
}
