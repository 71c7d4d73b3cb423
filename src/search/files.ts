/**
 * Which files of a repository are worth indexing, and what they are. The list comes from git
 * (`ls-files`), so `.gitignore` is respected; vendored trees, lock files, binaries, minified and generated
 * files are left out with a note saying why.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  lstatSync,
  mkdtempSync,
  readSync,
  realpathSync,
  rmSync,
  type Stats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { GuardianError } from '../errors.js';
import { hasControlChar, replaceControlChars } from '../util/chars.js';
import { execGit, isGitRepo } from '../git/git.js';
import { openRegularFile } from '../util/fs.js';

export type FileKind = 'source' | 'test' | 'doc' | 'config' | 'other';

export interface Candidate {
  path: string;
  symlink: boolean;
  /** Why git's listing already rules it out (a submodule, a nested repository, a sparse checkout). */
  skip?: string;
}

/** Folder names whose contents are third-party, generated or build output. */
const VENDORED_DIRS = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'vendors',
  'third_party',
  'third-party',
  'thirdparty',
  'external',
  'dist',
  'build',
  'out',
  'target',
  'coverage',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.turbo',
  '.cache',
  '__pycache__',
  '.venv',
  'venv',
  'site-packages',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  '.git',
  '.guardian',
  '__snapshots__',
]);

const LOCK_FILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'bun.lock',
  'poetry.lock',
  'pdm.lock',
  'uv.lock',
  'Pipfile.lock',
  'Cargo.lock',
  'Gemfile.lock',
  'composer.lock',
  'go.sum',
  'mix.lock',
  'pubspec.lock',
  'packages.lock.json',
  'flake.lock',
]);

const BINARY_EXT = new Set(
  (
    'png jpg jpeg gif bmp ico icns webp avif tif tiff psd svgz pdf zip gz tgz bz2 xz 7z rar tar jar war ear ' +
    'class pyc pyo so dylib dll exe bin obj o a lib wasm woff woff2 ttf otf eot mp3 mp4 m4a wav ogg flac avi mov ' +
    'mkv webm sqlite sqlite3 db pkl npy npz h5 parquet onnx pt pth ckpt gguf safetensors keystore p12 pfx der'
  ).split(' '),
);

export const LANGUAGE_BY_EXT: Record<string, string> = {
  py: 'python',
  pyi: 'python',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  go: 'go',
  java: 'java',
  rs: 'rust',
  rb: 'ruby',
  c: 'c',
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  hh: 'cpp',
  cs: 'c_sharp',
  php: 'php',
  kt: 'kotlin',
  kts: 'kotlin',
  swift: 'swift',
  scala: 'scala',
  lua: 'lua',
  sh: 'bash',
  bash: 'bash',
  ex: 'elixir',
  exs: 'elixir',
  dart: 'dart',
  vue: 'vue',
  zig: 'zig',
};

const SOURCE_EXT = new Set([
  ...Object.keys(LANGUAGE_BY_EXT),
  'svelte',
  'sql',
  'pyx',
  'pxd',
  'm',
  'mm',
  'r',
  'jl',
  'pl',
  'pm',
  'ps1',
  'clj',
  'hs',
  'ml',
  'erl',
  'fs',
  'groovy',
]);
const DOC_EXT = new Set(['md', 'mdx', 'rst', 'txt', 'adoc', 'asciidoc']);
const CONFIG_EXT = new Set([
  'json',
  'jsonc',
  'json5',
  'yaml',
  'yml',
  'toml',
  'ini',
  'cfg',
  'conf',
  'xml',
  'properties',
  'gradle',
  'env',
]);

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function languageOf(path: string): string | undefined {
  return LANGUAGE_BY_EXT[extensionOf(path)];
}

const TEST_DIR =
  /(^|\/)(tests?|__tests__|__test__|spec|specs|testing|test_?data|fixtures?|e2e|integration[-_]tests?)\//i;
const TEST_NAME =
  /(^|\/)(test_[^/]*|[^/]*_test\.[a-z]+|[^/]*_tests\.[a-z]+|[^/]*\.(test|spec|tests|e2e|test-d)\.[a-z]+|[^/]*Tests?\.(java|kt|cs|scala|swift)|conftest\.py)$/;

export function isTestPath(path: string): boolean {
  return TEST_DIR.test(path) || TEST_NAME.test(path);
}

/** Code that configures tools rather than implementing the product (packaging, bundlers, linters). */
const BUILD_CONFIG =
  /(^|\/)(setup\.py|noxfile\.py|fabfile\.py|manage\.py|\.?[\w-]+rc\.[cm]?js|[\w.-]+\.(config|conf)\.[cm]?[jt]s|Gruntfile\.js|gulpfile\.[cm]?js|sidebars\.js)$/;

export function kindOf(path: string): FileKind {
  const ext = extensionOf(path);
  if (isTestPath(path) && (SOURCE_EXT.has(ext) || ext === '')) return 'test';
  if (BUILD_CONFIG.test(path)) return 'config';
  if (SOURCE_EXT.has(ext)) return /(^|\/)(docs?|documentation)\//.test(path) ? 'doc' : 'source';
  if (DOC_EXT.has(ext)) return 'doc';
  if (CONFIG_EXT.has(ext)) return 'config';
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/^(Dockerfile|Makefile|Rakefile|Gemfile|Procfile|Justfile)$/.test(name)) return 'config';
  return 'other';
}

/** A path for notes and messages: control characters shown as `\u000a` escapes, never raw. */
export function displayPath(path: string): string {
  return replaceControlChars(path, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Why a path is left out before its content is read, or undefined to keep it. */
export function pathSkipReason(path: string): string | undefined {
  // A line break or other control character in a name is an accident or an attack: such a path cannot be
  // cited as `path:line`, and quoted into a bundle it would start a line of its own in the prompt.
  if (hasControlChar(path)) return 'control character in the name';
  const parts = path.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    if (VENDORED_DIRS.has(parts[i]!)) return `vendored or build folder '${parts.slice(0, i + 1).join('/')}'`;
  }
  const name = parts[parts.length - 1]!;
  if (LOCK_FILES.has(name)) return 'lock file';
  const ext = extensionOf(name);
  if (BINARY_EXT.has(ext)) return 'binary file type';
  if (/\.min\.(js|css|mjs)$/.test(name) || /[.-]bundle\.js$/.test(name)) return 'minified file';
  if (
    /(_pb2(_grpc)?\.py|\.pb\.go|\.pb\.(cc|h)|_pb\.(js|ts)|\.g\.dart|\.generated\.[a-z]+|\.snap|\.map)$/.test(
      name,
    )
  ) {
    return 'generated file';
  }
  return undefined;
}

/**
 * A generator's notice in a file's first lines: `@generated`, `DO NOT EDIT`, `auto-generated`, or a file
 * or code said to be generated by/from something ("Code generated by protoc-gen-go", "This file was
 * automatically generated from schema.json"). Prose that merely uses the words — a docstring about
 * "the grammar tables generated by pgen" — is not one: such a file is hand-written code.
 */
const GENERATED_HEADER =
  /@generated\b|\bDO NOT EDIT\b|\bauto-?generated\b|\bautomatically generated\b|\b(?:file|code|module|source|class)\s+(?:(?:is|was|has been|were)\s+)?(?:automatically\s+|auto\s+)?generated\s+(?:by|from|with|using)\b|^\W*generated\s+(?:by|from|with)\b/im;

/** Why a file's content disqualifies it (binary, minified, generated), or undefined. */
export function contentSkipReason(buf: Buffer, path: string): string | undefined {
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) {
    // UTF-16 text (a byte-order mark, then NUL bytes in every ASCII character) is text, just not UTF-8.
    const bom =
      buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));
    return bom ? 'UTF-16 text (only UTF-8 is read)' : 'binary content';
  }
  const text = head.toString('utf8');
  const firstLines = text.split('\n', 6).join('\n');
  if (GENERATED_HEADER.test(firstLines) && !/\bnot\s+@?generated\b/i.test(firstLines)) {
    return 'generated file (header says so)';
  }
  // Minified: very long lines. Source files may have a few long lines (data tables), so look at the average.
  let lines = 0;
  let long = 0;
  for (let pos = 0; pos < buf.length;) {
    let nl = buf.indexOf(10, pos);
    if (nl < 0) nl = buf.length;
    if (nl - pos > 1000) long++;
    lines++;
    pos = nl + 1;
  }
  if (long > 0 && (buf.length / Math.max(1, lines) > 300 || long / lines > 0.2))
    return 'minified (very long lines)';
  if (kindOf(path) === 'config' && /\.json$/.test(path) && buf.length > 100_000) return 'large data file';
  return undefined;
}

/** Git's blob id for content (what `git hash-object` prints). */
export function gitBlobId(buf: Buffer): string {
  return createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
}

export interface Listing {
  files: Candidate[];
  notes: string[];
  /** True when the list came from git. */
  git: boolean;
}

function splitZ(s: string): string[] {
  return s.split('\0').filter(Boolean);
}

/**
 * Lists candidate files: tracked and untracked-but-not-ignored, in one `git ls-files` call. Whether a
 * tracked file is modified is not asked of git: `ls-files -m` re-hashes every "racily clean" file (all
 * of them, just after a checkout) on every call. The indexer checks modification itself, against the
 * size and mtime it recorded when it last read each file.
 */
export function listCandidates(root: string): Listing {
  const notes: string[] = [];
  linkedDirs.clear(); // a new listing: folders are looked at again
  // One spawn fewer than asking first: a failing ls-files means "not a repository" (walk instead).
  // `-t` tags each line: "H <mode> <blob> <stage>\t<path>" for tracked files, "? <path>" for untracked
  // (the mode tells symlinks and submodules).
  const ls = execGit(
    ['-c', 'core.quotepath=off', 'ls-files', '-z', '-t', '-s', '--cached', '--others', '--exclude-standard'],
    { cwd: root, allowFailure: true },
  );
  if (ls.code !== 0) {
    if (isGitRepo(root)) throw new GuardianError(`git ls-files failed in ${root}: ${ls.stderr.trim()}`);
    return walkCandidates(root);
  }
  const byPath = new Map<string, Candidate>();
  for (const entry of splitZ(ls.stdout)) {
    if (entry.startsWith('? ')) {
      const path = entry.slice(2);
      // git lists an untracked folder holding a repository of its own as `name/`.
      if (path.endsWith('/'))
        byPath.set(path, { path, symlink: false, skip: 'a nested git repository (not indexed)' });
      else byPath.set(path, { path, symlink: false });
      continue;
    }
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const mode = entry.slice(0, tab).split(' ')[1];
    const path = entry.slice(tab + 1);
    if (byPath.has(path)) continue;
    if (mode === '160000') byPath.set(path, { path, symlink: false, skip: 'a submodule (not indexed)' });
    else if (entry.startsWith('S '))
      // skip-worktree: outside a sparse checkout, so not in the work tree
      byPath.set(path, { path, symlink: false, skip: 'not checked out (sparse checkout)' });
    else byPath.set(path, { path, symlink: mode === '120000' });
  }
  const files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, notes, git: true };
}

/**
 * Outside a git repository: git's own matcher lists the folder, against an empty repository made for the
 * purpose, so `.gitignore` files at every level are honoured exactly as git would (negations, anchors,
 * `**`), in time git's matcher takes rather than patterns × files in JavaScript. Vendored and build folders
 * are excluded on the command line, so git does not descend into them; the user's global excludes file
 * is not read (the listing depends on the folder alone). A nested repository is skipped with a note.
 */
function walkCandidates(root: string): Listing {
  const notes = [`${root} is not a git repository: walking the folder (honouring .gitignore files)`];
  const gitDir = mkdtempSync(join(tmpdir(), 'guardian-walk-'));
  try {
    execGit(['init', '-q', '--bare', gitDir], { cwd: tmpdir() });
    const ls = execGit(
      [
        `--git-dir=${gitDir}`,
        `--work-tree=${root}`,
        '-c',
        'core.quotepath=off',
        '-c',
        'core.excludesFile=/dev/null',
        'ls-files',
        '-z',
        '--others',
        '--exclude-standard',
        ...[...VENDORED_DIRS].map((d) => `--exclude=${d}/`),
      ],
      { cwd: root, allowFailure: true },
    );
    if (ls.code !== 0) throw new GuardianError(`cannot list the files of ${root}: ${ls.stderr.trim()}`);
    // git warns about folders it cannot open ("could not open directory 'a/locked/': Permission denied").
    for (const line of ls.stderr.split('\n').filter(Boolean).slice(0, 20))
      notes.push(`skipped: ${displayPath(line.replace(/^warning: /, ''))}`);
    const files: Candidate[] = [];
    for (const path of splitZ(ls.stdout)) {
      if (path.endsWith('/')) notes.push(`skipped ${displayPath(path)}: a nested git repository`);
      else files.push({ path, symlink: false });
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, notes, git: false };
  } finally {
    rmSync(gitDir, { recursive: true, force: true });
  }
}

export type ReadOutcome =
  | { ok: true; buf: Buffer; blob: string; size: number; mtimeMs: number }
  | { ok: false; reason: string; blob?: string };

/** Reads a candidate from disk with every guard: symlinks, size, permissions. */
export function readCandidate(root: string, c: Candidate, maxBytes: number): ReadOutcome {
  const abs = join(root, c.path);
  let st;
  try {
    st = lstatSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // git lists names as bytes; one that is not UTF-8 comes back with U+FFFD and names no file.
    if (code === 'ENOENT' && c.path.includes('\ufffd'))
      return { ok: false, reason: 'name is not valid UTF-8' };
    if (code === 'ENOENT')
      return { ok: false, reason: 'cannot stat: ENOENT (not in the work tree: deleted?)' };
    return { ok: false, reason: `cannot stat: ${code ?? (e as Error).message}` };
  }
  if (st.isSymbolicLink() || c.symlink) {
    let target: string;
    try {
      target = realpathSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { ok: false, reason: code === 'ELOOP' ? 'symlink loop' : 'broken symlink' };
    }
    const rootReal = realpathSync(root);
    if (target !== rootReal && !target.startsWith(rootReal + sep))
      return { ok: false, reason: 'symlink pointing outside the repository (not followed)' };
    return { ok: false, reason: 'symlink (its target is indexed on its own)' };
  }
  if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
  // Its content is shared with another file, maybe outside the repository (a link a test made).
  if (st.nlink > 1) return { ok: false, reason: 'a hard link to another file' };
  if (st.size > maxBytes) return { ok: false, reason: `larger than ${Math.round(maxBytes / 1024)} KiB` };
  // A folder on the way that is a symbolic link (git's index still lists `src/x.py` after `src` was
  // replaced by a link to another folder) would have a file outside the repository read as this one.
  const dir = c.path.includes('/') ? dirOutside(root, c.path.slice(0, c.path.lastIndexOf('/'))) : undefined;
  if (dir) return { ok: false, reason: `folder ${displayPath(dir)} is a symbolic link (not followed)` };
  const r = readRegular(abs, maxBytes);
  if (!r.ok) return r;
  return { ok: true, buf: r.buf, blob: gitBlobId(r.buf), size: r.st.size, mtimeMs: r.st.mtimeMs };
}

/**
 * The first folder of `dir` (relative to root) that is a symbolic link, or undefined. The folders of
 * one listing are looked at once each.
 */
function dirOutside(root: string, dir: string): string | undefined {
  let cache = linkedDirs.get(root);
  if (!cache) {
    linkedDirs.clear();
    cache = new Map();
    linkedDirs.set(root, cache);
  }
  const known = cache.get(dir);
  if (known !== undefined) return known || undefined;
  const slash = dir.lastIndexOf('/');
  let found = slash > 0 ? dirOutside(root, dir.slice(0, slash)) : undefined;
  if (!found) {
    try {
      if (lstatSync(join(root, dir)).isSymbolicLink()) found = dir;
    } catch {
      // gone: the file's own read reports it
    }
  }
  cache.set(dir, found ?? '');
  return found;
}
const linkedDirs = new Map<string, Map<string, string>>();

/**
 * Reads a file that was a regular file when it was looked at, as what it is when it is opened: one
 * replaced meanwhile by a symbolic link is not followed, by a FIFO not waited on, and one grown past
 * the limit is not read whole.
 */
export function readRegular(
  abs: string,
  maxBytes: number,
): { ok: true; buf: Buffer; st: Stats } | { ok: false; reason: string } {
  let r: ReturnType<typeof openRegularFile>;
  try {
    r = openRegularFile(abs, constants.O_RDONLY);
  } catch (e) {
    return { ok: false, reason: `unreadable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  if ('absent' in r) return { ok: false, reason: 'cannot stat: ENOENT' };
  if ('not' in r) return { ok: false, reason: `replaced while it was read: now ${r.not}` };
  try {
    if (r.st.nlink > 1) return { ok: false, reason: 'a hard link to another file' };
    if (r.st.size > maxBytes) return { ok: false, reason: `larger than ${Math.round(maxBytes / 1024)} KiB` };
    const buf = Buffer.alloc(r.st.size + 1);
    let n = 0;
    for (let k; n < buf.length && (k = readSync(r.fd, buf, n, buf.length - n, null)) > 0;) n += k;
    if (n > r.st.size) return { ok: false, reason: 'changed while it was read' };
    return { ok: true, buf: buf.subarray(0, n), st: r.st };
  } catch (e) {
    return { ok: false, reason: `unreadable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  } finally {
    closeSync(r.fd);
  }
}

/** Decodes UTF-8; invalid sequences become U+FFFD (reported, not fatal). */
export function decodeText(buf: Buffer): { text: string; invalidUtf8: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), invalidUtf8: false };
  } catch {
    return { text: new TextDecoder('utf-8').decode(buf), invalidUtf8: true };
  }
}
