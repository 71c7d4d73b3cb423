/**
 * Where spec files are read from: the working tree, or a commit (the Validator reads quality.toml and
 * the plan from the base commit so a change cannot weaken its own checks).
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execGit, showFile } from '../git/git.js';

export interface FileSource {
  /** Human label, e.g. the root path or "commit abc1234". */
  readonly label: string;
  /** Repository-relative posix paths of the files under `dir` (recursive), sorted. */
  list(dir: string): string[];
  /** The file's bytes, or undefined when absent. */
  read(path: string): Buffer | undefined;
  /** Size in bytes without reading the whole file, or undefined when absent. */
  size(path: string): number | undefined;
  exists(path: string): boolean;
  /**
   * Entries under `dir` that `list` leaves out because they are not regular files: symbolic links (never
   * followed) and the like, with why — so a blueprint that is a link is reported, not silently ignored.
   */
  notFollowed(dir: string): { path: string; reason: string }[];
  /** Why `read` returned nothing for a path that exists (a link, a directory, no permission). */
  unreadable(path: string): string;
}

export const SYMLINK_REASON =
  'symbolic link (not followed): spec files must be regular files in the repository';

export const NOT_UTF8_REASON = 'its name is not valid UTF-8: spec file names must be UTF-8';

export function fsSource(root: string): FileSource {
  // `skipped`, when given, collects what is left out (links, devices) with why.
  const walk = (rel: string, skipped?: { path: string; reason: string }[]): string[] => {
    const abs = join(root, rel);
    let names: string[];
    try {
      names = readdirSync(abs);
    } catch {
      return [];
    }
    const out: string[] = [];
    for (const name of names.sort()) {
      const r = rel ? `${rel}/${name}` : name;
      let st;
      try {
        st = lstatSync(join(root, r));
      } catch {
        // A name that is not UTF-8 comes back from readdir with U+FFFD in it and names no file: such a
        // blueprint was left out in silence.
        skipped?.push({ path: r, reason: r.includes('\uFFFD') ? NOT_UTF8_REASON : 'could not be read' });
        continue;
      }
      // Symlinks are not followed: a spec folder must not pull in files from elsewhere.
      if (st.isDirectory()) out.push(...walk(r, skipped));
      else if (st.isFile()) out.push(r);
      else skipped?.push({ path: r, reason: st.isSymbolicLink() ? SYMLINK_REASON : 'not a regular file' });
    }
    return out;
  };
  return {
    label: root,
    list: (dir) => walk(dir.replace(/\/+$/, '')),
    read: (p) => {
      try {
        const st = lstatSync(join(root, p));
        if (!st.isFile()) return undefined;
        return readFileSync(join(root, p));
      } catch {
        return undefined;
      }
    },
    size: (p) => {
      try {
        return statSync(join(root, p)).size;
      } catch {
        return undefined;
      }
    },
    // A link counts as present (even a dangling one): reading it then says why it is not followed.
    exists: (p) => {
      try {
        lstatSync(join(root, p));
        return true;
      } catch {
        return false;
      }
    },
    unreadable: (p) => {
      try {
        const st = lstatSync(join(root, p));
        if (st.isSymbolicLink()) return SYMLINK_REASON;
        if (st.isDirectory()) return 'is a directory; expected a file';
        if (!st.isFile()) return 'not a regular file';
        readFileSync(join(root, p));
        return 'file could not be read';
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return code === 'EACCES'
          ? 'permission denied'
          : code === 'ENOENT'
            ? 'no such file'
            : `file could not be read (${code ?? (e as Error).message})`;
      }
    },
    notFollowed: (dir) => {
      const skipped: { path: string; reason: string }[] = [];
      walk(dir.replace(/\/+$/, ''), skipped);
      return skipped;
    },
  };
}

export function gitSource(root: string, commit: string): FileSource {
  let tree: Map<string, number> | undefined;
  const links = new Set<string>();
  /** Every folder of the commit's files and links, built when first asked for. */
  let dirs: Set<string> | undefined;
  const folders = () => {
    if (!dirs) {
      dirs = new Set();
      for (const p of [...entries().keys(), ...links])
        for (let i = p.lastIndexOf('/'); i > 0 && !dirs.has(p.slice(0, i)); i = p.lastIndexOf('/', i - 1))
          dirs.add(p.slice(0, i));
    }
    return dirs;
  };
  const entries = () => {
    if (!tree) {
      tree = new Map();
      const out = execGit(['ls-tree', '-r', '-l', '-z', commit], { cwd: root }).stdout;
      for (const rec of out.split('\0')) {
        if (!rec) continue;
        // "<mode> <type> <object> <size>\t<path>"
        const tab = rec.indexOf('\t');
        const meta = rec.slice(0, tab).trim().split(/\s+/);
        if (meta[1] !== 'blob') continue;
        if (meta[0] === '120000') {
          links.add(rec.slice(tab + 1));
          continue;
        }
        tree.set(rec.slice(tab + 1), Number(meta[3]));
      }
    }
    return tree;
  };
  return {
    label: `commit ${commit.slice(0, 12)}`,
    list: (dir) => {
      const prefix = dir.replace(/\/+$/, '') + '/';
      return [...entries().keys()].filter((p) => p.startsWith(prefix)).sort();
    },
    // `ls-tree` lists paths relative to `root` (which may be a subdirectory of the repository); `./`
    // makes `git show` resolve them the same way.
    read: (p) => (entries().has(p) ? showFile(root, commit, `./${p}`) : undefined),
    size: (p) => entries().get(p),
    // A set of folders, not a scan of every file per call: a blueprint listing 40,000 missing tests in
    // a repository of 5,000 files took half a minute.
    exists: (p) => entries().has(p) || links.has(p) || folders().has(p.replace(/\/+$/, '')),
    unreadable: (p) =>
      p.includes('\uFFFD')
        ? NOT_UTF8_REASON
        : entries().has(p)
          ? 'file could not be read'
          : links.has(p)
            ? SYMLINK_REASON
            : 'not a regular file',
    notFollowed: (dir) => {
      entries();
      const prefix = dir.replace(/\/+$/, '') + '/';
      return [...links].filter((p) => p.startsWith(prefix)).map((path) => ({ path, reason: SYMLINK_REASON }));
    },
  };
}
