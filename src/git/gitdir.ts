/**
 * The repository's own git settings, watched while checks run. A check runs code the change wrote, as
 * the user, next to a linked worktree whose `git rev-parse --git-common-dir` names the real `.git`: it
 * could plant a hook, or a `core.sshCommand`, `credential.helper` or `url.*.insteadOf` that a later git
 * command (Completion's push, the user's next commit) would run, or move a branch (Completion's task
 * branch) to a commit of its own. The user's global git config (`~/.gitconfig`, the XDG one, or
 * `$GIT_CONFIG_GLOBAL`, and the files they include) is read by the same later commands, so it is watched
 * too, and so are the files the repository's own config includes (`include.path = ../.gitconfig`, a
 * file of the work tree). Whatever a check changed there is put back as it was, and the verdict fails
 * naming it.
 */
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { execGit } from './git.js';

/**
 * Paths under the common git directory whose content decides what git runs and reads: its settings,
 * and its refs (a branch, `HEAD`, a `refs/replace/*` that swaps one object for another), loose, packed
 * or in a reftable.
 */
const WATCHED = [
  'config',
  'config.worktree',
  'hooks',
  'info',
  'objects/info/alternates',
  'HEAD',
  'refs',
  'packed-refs',
  'reftable',
];
/**
 * The same for each submodule's git directory (`modules/<name>/`, and the ones nested in it): a hook or a
 * `core.fsmonitor` planted there runs at the user's next `git status` or `git submodule update` in the
 * repository. Its objects, refs and index are not watched.
 */
const MODULE_WATCHED = ['config', 'config.worktree', 'hooks', 'info', 'objects/info/alternates'];
/** How deep folders under `modules/` are followed (a submodule's name may hold slashes). */
const MAX_MODULE_DEPTH = 24;
/** A file larger than this is compared by size and time only (it is not restored, only reported). */
const MAX_KEPT_BYTES = 4 * 1024 * 1024;
/** How deep `[include]`s of the global config are followed. */
const MAX_INCLUDE_DEPTH = 5;

/** One watched entry: its content when it can be put back, and what tells a change apart. */
interface Entry {
  content?: Buffer;
  /** Permission bits of a kept file (a hook must stay executable); a link's target. */
  mode?: number;
  link?: string;
  /** Kind, size and time, or a link's target: compared when there is no content. */
  sig: string;
}

export interface GitDirSnapshot {
  dir: string;
  /**
   * Path relative to `dir` → entry; the global config files (outside `dir`) by their absolute path.
   */
  files: Map<string, Entry>;
  /** Absolute paths of the global config files watched (present or not). */
  globals?: string[];
}

export function commonGitDir(root: string): string {
  const out = execGit(['rev-parse', '--git-common-dir'], { cwd: root }).stdout.trim();
  return isAbsolute(out) ? out : join(root, out);
}

/** A watched path on disk: relative to the git directory, or absolute (a global config file). */
function onDisk(dir: string, p: string): string {
  return isAbsolute(p) ? p : join(dir, p);
}

function walk(dir: string, rel: string, out: Map<string, Entry>): void {
  let st;
  try {
    st = lstatSync(onDisk(dir, rel));
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const name of readdirSync(onDisk(dir, rel)).sort()) walk(dir, join(rel, name), out);
  } else if (st.isSymbolicLink()) {
    // A link's target is what it says, not followed.
    const link = readlinkSync(onDisk(dir, rel));
    out.set(rel, { link, sig: `link:${link}` });
  } else if (st.isFile() && st.size <= MAX_KEPT_BYTES) {
    out.set(rel, {
      content: readFileSync(onDisk(dir, rel)),
      mode: st.mode & 0o7777,
      sig: `file:${st.mode & 0o7777}`,
    });
  } else {
    out.set(rel, { sig: `${st.isFile() ? 'file' : 'special'}:${st.size}:${st.mtimeMs}` });
  }
}

/**
 * Under `rel` (a folder of `modules/`): the settings of each git directory (a folder with a `HEAD`), the
 * folders nested in it as submodules' own `modules/`, and anything else as it is.
 */
function walkModules(dir: string, rel: string, out: Map<string, Entry>, depth = 0): void {
  let names: string[];
  try {
    if (!lstatSync(onDisk(dir, rel)).isDirectory()) return walk(dir, rel, out);
    names = readdirSync(onDisk(dir, rel)).sort();
  } catch {
    return;
  }
  if (depth > MAX_MODULE_DEPTH) return;
  if (names.includes('HEAD')) {
    for (const w of MODULE_WATCHED) walk(dir, join(rel, w), out);
    walkModules(dir, join(rel, 'modules'), out, depth + 1);
    return;
  }
  for (const name of names) walkModules(dir, join(rel, name), out, depth + 1);
}

/**
 * The global config files git reads for this process's user: `$GIT_CONFIG_GLOBAL` when it is set,
 * otherwise `~/.gitconfig` and `$XDG_CONFIG_HOME/git/config` (default `~/.config/git/config`). Absolute
 * paths; a file that does not exist yet is watched too (a check could create it).
 */
export function globalConfigPaths(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.GIT_CONFIG_GLOBAL) return [resolve(env.GIT_CONFIG_GLOBAL)];
  const home = env.HOME;
  const paths: string[] = [];
  if (home) paths.push(join(resolve(home), '.gitconfig'));
  const xdg = env.XDG_CONFIG_HOME ? resolve(env.XDG_CONFIG_HOME) : home ? join(resolve(home), '.config') : '';
  if (xdg) paths.push(join(xdg, 'git', 'config'));
  return paths;
}

/** Files a config file includes (`include.path`, `includeIf.*.path`), as git resolves them. */
function includedBy(file: string, cwd: string): string[] {
  const r = execGit(['config', '--file', file, '--get-regexp', '^include(if\\..*)?\\.path$'], {
    cwd,
    allowFailure: true,
  });
  if (r.code !== 0) return [];
  const home = process.env.HOME;
  const out: string[] = [];
  for (const line of r.stdout.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp < 0) continue;
    const value = line.slice(sp + 1).trim();
    if (!value) continue;
    if (value.startsWith('~/')) {
      if (home) out.push(join(home, value.slice(2)));
    } else out.push(isAbsolute(value) ? value : join(dirname(file), value));
  }
  return out;
}

/**
 * Follows config files and what they include, to `MAX_INCLUDE_DEPTH`: each file, the file a symbolic
 * link among them points at (a `~/.gitconfig` kept in a dotfiles repository), and what they include.
 * Something that is not a file (`GIT_CONFIG_GLOBAL=/dev/null`) is left out; a file that does not exist
 * yet is kept (a check could create it).
 */
function followConfigFiles(starts: string[], cwd: string, depth0 = 0): string[] {
  const seen = new Set<string>();
  const add = (p: string, depth: number) => {
    if (seen.has(p)) return;
    let st;
    try {
      st = lstatSync(p);
    } catch {
      seen.add(p); // not there yet: watched, so that its creation is seen
      return;
    }
    if (!st.isFile() && !st.isSymbolicLink()) return;
    seen.add(p);
    if (st.isSymbolicLink()) {
      try {
        add(realpathSync(p), depth);
      } catch {
        // a dangling link: its target is watched as the link's text
      }
      return;
    }
    if (depth < MAX_INCLUDE_DEPTH) for (const inc of includedBy(p, cwd)) add(resolve(inc), depth + 1);
  };
  for (const p of starts) add(resolve(p), depth0);
  return [...seen];
}

/** The global config files to watch: those git reads and what they include. */
function globalFiles(cwd: string): string[] {
  return followConfigFiles(globalConfigPaths(), cwd);
}

/**
 * Files the repository's own config files (`config`, `config.worktree` in the git directory `dir`)
 * include, and what those include: a project that asks its users to run `git config include.path
 * ../.gitconfig` makes a file of its work tree part of git's settings. The config files themselves are
 * not in the list (they are watched as part of the git directory).
 */
function localIncludes(dir: string): string[] {
  return localConfigFiles(dir).flatMap((file) => includesOf(file, dir));
}

/** The repository's own config files that exist, in the git directory `dir`. */
function localConfigFiles(dir: string): string[] {
  return ['config', 'config.worktree']
    .map((n) => join(dir, n))
    .filter((f) => lstatSync(f, { throwIfNoEntry: false })?.isFile());
}

/** What one config file includes, followed. */
function includesOf(file: string, cwd: string): string[] {
  return followConfigFiles(includedBy(file, cwd), cwd, 1);
}

/** A config file that is part of the work tree: its path there and the config file that includes it. */
export interface IncludedWorkTreeFile {
  /** Path relative to the work tree, with `/` separators. */
  path: string;
  /** How the including config file is shown: `.git/config`, or a global config file's path. */
  via: string;
}

/**
 * Files of the work tree (of `root`, and of the main worktree when `root` is a linked one) that git
 * reads as settings, because the repository's config or the user's global config includes them. A
 * change to one of them changes what git runs (`core.fsmonitor`, `core.sshCommand`, `core.hooksPath`,
 * a `diff.external`) for Guardian's own later git commands and for the user's.
 */
export function includedWorkTreeFiles(root: string): IncludedWorkTreeFile[] {
  const dir = commonGitDir(root);
  const tops = new Set<string>([resolve(root), realOrSame(root)]);
  // The main worktree of a repository whose git directory is a `.git` folder.
  if (basename(resolve(dir)) === '.git') tops.add(realOrSame(dirname(resolve(dir))));
  const out = new Map<string, string>();
  const consider = (file: string, via: string) => {
    const real = realOrSame(file);
    for (const top of tops) {
      for (const candidate of new Set([resolve(file), real])) {
        const rel = relative(top, candidate);
        if (!rel || rel.startsWith('..') || isAbsolute(rel)) continue;
        const path = rel.split(sep).join('/');
        if (!out.has(path)) out.set(path, via);
      }
    }
  };
  for (const file of localConfigFiles(dir)) {
    const rel = relative(realOrSame(root), realOrSame(file));
    const via = rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/');
    for (const inc of includesOf(file, dir)) consider(inc, via);
  }
  for (const file of globalConfigPaths()) {
    if (!lstatSync(file, { throwIfNoEntry: false })?.isFile()) continue;
    for (const inc of includesOf(file, dir)) consider(inc, file);
  }
  return [...out].map(([path, via]) => ({ path, via })).sort((a, b) => (a.path < b.path ? -1 : 1));
}

function snapshotOf(dir: string, globals: string[]): GitDirSnapshot {
  const files = new Map<string, Entry>();
  for (const w of WATCHED) walk(dir, w, files);
  walkModules(dir, 'modules', files);
  for (const g of globals) walk(dir, g, files);
  return { dir, files, globals };
}

/** Watches under way, so that Guardian's own ref updates (a parallel milestone's commit) join them. */
const active = new Set<GitDirSnapshot>();

function realOrSame(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

export function snapshotGitDir(root: string): GitDirSnapshot {
  const dir = commonGitDir(root);
  const snapshot = snapshotOf(dir, [...new Set([...globalFiles(dir), ...localIncludes(dir)])]);
  active.add(snapshot);
  return snapshot;
}

/**
 * Guardian itself moved refs while checks may be running (in a parallel milestone, one task is committed
 * while another is validated in its worktree): the refs it set to `commit` (a branch, its remote-tracking
 * ref after the push) and the `paths` it wrote (`HEAD`) become part of every watch under way on this
 * repository, so they are neither reported as a check's change nor put back. A reftable is taken as a
 * whole (its files can not be told apart by ref).
 */
export function acceptOwnRefUpdates(root: string, commit: string, paths: string[] = []): void {
  if (active.size === 0) return;
  const dir = realOrSame(commonGitDir(root));
  const line = Buffer.from(`${commit}\n`);
  for (const s of active) {
    if (realOrSame(s.dir) !== dir) continue;
    const now = new Map<string, Entry>();
    walk(s.dir, 'refs', now);
    for (const [p, e] of now) if (e.content?.equals(line)) s.files.set(p, e);
    for (const p of [...paths, 'reftable']) {
      for (const k of [...s.files.keys()]) if (k === p || k.startsWith(`${p}/`)) s.files.delete(k);
      walk(s.dir, p, s.files);
    }
  }
}

export interface GitDirChange {
  /** Path relative to the common git directory; absolute for a global config file. */
  path: string;
  change: 'added' | 'removed' | 'modified';
  restored: boolean;
}

/** What changed since `before`, each put back as it was where possible. */
export function restoreGitDir(before: GitDirSnapshot): GitDirChange[] {
  active.delete(before);
  const now = snapshotOf(before.dir, before.globals ?? []).files;
  const changes: GitDirChange[] = [];
  const same = (p: string) => {
    const a = before.files.get(p)!;
    const b = now.get(p)!;
    return (
      a.sig === b.sig && (a.content && b.content ? a.content.equals(b.content) : !a.content && !b.content)
    );
  };
  const put = (p: string): boolean => {
    const e = before.files.get(p)!;
    if (e.content === undefined && e.link === undefined) return false;
    const abs = onDisk(before.dir, p);
    try {
      rmSync(abs, { recursive: true, force: true });
      mkdirSync(dirname(abs), { recursive: true });
      if (e.link !== undefined) symlinkSync(e.link, abs);
      else {
        writeFileSync(abs, e.content!);
        if (e.mode !== undefined) chmodSync(abs, e.mode);
      }
      return true;
    } catch {
      return false;
    }
  };
  for (const p of before.files.keys()) {
    if (!now.has(p)) changes.push({ path: p, change: 'removed', restored: put(p) });
    else if (!same(p)) changes.push({ path: p, change: 'modified', restored: put(p) });
  }
  for (const p of now.keys()) {
    if (before.files.has(p)) continue;
    let restored = true;
    try {
      rmSync(onDisk(before.dir, p), { recursive: true, force: true });
    } catch {
      restored = false;
    }
    changes.push({ path: p, change: 'added', restored });
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** How a change is named in a report: `.git/hooks/pre-commit`, or a global config file's own path. */
export function shownGitPath(root: string, snapshot: GitDirSnapshot, p: string): string {
  if (isAbsolute(p)) return p;
  const rel = relative(root, join(snapshot.dir, p));
  return rel.startsWith('..') ? join(snapshot.dir, p) : rel;
}
