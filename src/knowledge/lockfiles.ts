/**
 * Versions a project's lock files record: `package-lock.json` / `npm-shrinkwrap.json` (v1–v3),
 * `yarn.lock` (classic and berry), `pnpm-lock.yaml`, `poetry.lock`, `uv.lock`, `Pipfile.lock`, and `==`
 * pins of requirements files. A lock file is the repository's and untrusted: one that is too large, not
 * a regular file, not UTF-8 or not of the expected shape is a note, never a failure; each is read once
 * and bounded in size and nesting depth; YAML lock files are read line by line, never expanded.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { escapeControlChars } from '../util/chars.js';
import { normalizePyName, type ManifestDependency } from './detect.js';
import type { Ecosystem, KnowledgeNote } from './types.js';

export interface LockedVersion {
  /** The lock file, relative to the project root. */
  file: string;
  /** The versions it records for the name (one, unless it locks several). */
  versions: string[];
}

export interface LockIndex {
  /** npm package name → locked version(s). */
  npm: Map<string, LockedVersion>;
  /**
   * package-lock.json / npm-shrinkwrap.json: the version of each install location
   * (`packages/web/node_modules/zod`), for a package a workspace installs at another version.
   */
  npmPaths: Map<string, LockedVersion>;
  /** Normalized Python distribution name (`normalizePyName`) → locked version(s). */
  python: Map<string, LockedVersion>;
  notes: KnowledgeNote[];
}

/** Bytes of one lock file read at most (a large monorepo's package-lock.json is some megabytes). */
export const MAX_LOCKFILE_BYTES = 16 * 1024 * 1024;
/** Entries of one lock file looked at most. */
export const MAX_LOCK_ENTRIES = 100_000;

export const NPM_LOCKFILES = ['npm-shrinkwrap.json', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock'];
export const PYTHON_LOCKFILES = ['poetry.lock', 'uv.lock', 'Pipfile.lock'];

/** A version worth reporting: short, starts with a digit, no markup or control characters. */
const VERSION = /^v?\d[\w.+!-]{0,63}$/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An own property only: a lock file naming `constructor` or `__proto__` reads no inherited value. */
function own(o: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

class Collector {
  readonly map = new Map<string, LockedVersion>();
  entries = 0;
  /** Set by a reader that stopped before the end of the file for a bound of its own (lines read). */
  cut?: string;
  constructor(
    readonly file: string,
    private readonly key: (name: string) => string = (n) => n,
  ) {}
  /** False once the entry bound is reached. */
  add(name: unknown, version: unknown): boolean {
    if (++this.entries > MAX_LOCK_ENTRIES) return false;
    if (typeof name !== 'string' || typeof version !== 'string' || name.length > 214) return true;
    const v = version.trim();
    if (!VERSION.test(v)) return true;
    const k = this.key(name);
    const cur = this.map.get(k);
    if (!cur) this.map.set(k, { file: this.file, versions: [v] });
    else if (!cur.versions.includes(v) && cur.versions.length < 8) cur.versions.push(v);
    return true;
  }
}

/** The text of a lock file at the project root, or a note saying why it is left out. */
function readLockText(root: string, file: string, notes: KnowledgeNote[]): string | undefined {
  const path = join(root, file);
  let size: number;
  try {
    const st = lstatSync(path);
    if (!st.isFile()) {
      notes.push({ message: `lock file \`${file}\` skipped: not a regular file` });
      return undefined;
    }
    size = st.size;
  } catch {
    return undefined;
  }
  if (size > MAX_LOCKFILE_BYTES) {
    notes.push({
      message: `lock file \`${file}\` skipped: ${size} bytes, over the bound of ${MAX_LOCKFILE_BYTES / (1024 * 1024)} MiB`,
    });
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    notes.push({
      message: `lock file \`${file}\` skipped: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`,
    });
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    notes.push({ message: `lock file \`${file}\` skipped: not valid UTF-8` });
    return undefined;
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Declared ranges of the root package.json, to tell which of several locked versions is the project's. */
function declaredRanges(manifests: ManifestDependency[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of manifests)
    if (d.ecosystem === 'npm' && d.file === 'package.json' && !out.has(d.name)) out.set(d.name, d.spec);
  return out;
}

function packageLock(text: string, c: Collector, paths?: Collector): void {
  const j: unknown = JSON.parse(text);
  if (!isRecord(j)) throw new Error('not a JSON object');
  const packages = own(j, 'packages');
  if (isRecord(packages)) {
    // v2 / v3: `node_modules/<name>` at the top of the tree is what the project's code resolves.
    for (const [path, entry] of Object.entries(packages)) {
      if (!isRecord(entry)) continue;
      const version = own(entry, 'version');
      if (paths && /(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/]+$/.test(path) && !paths.add(path, version))
        return;
      const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(path);
      if (m && !c.add(m[1], version)) return;
    }
    return;
  }
  // v1: top-level `dependencies` (nested ones belong to other packages).
  const deps = own(j, 'dependencies');
  if (!isRecord(deps)) throw new Error('neither packages nor dependencies is an object');
  for (const [name, entry] of Object.entries(deps)) {
    if (!isRecord(entry)) continue;
    if (!c.add(name, own(entry, 'version'))) return;
  }
}

/** The package name of a yarn descriptor (`@scope/x@^1.0.0`, `x@npm:^1.0.0`), and its range. */
function descriptor(d: string): { name: string; range: string } | undefined {
  const at = d.indexOf('@', 1);
  if (at < 0) return undefined;
  return { name: d.slice(0, at), range: d.slice(at + 1) };
}

/** Chooses, for each name yarn locks several times, the entry the root package.json's range resolves to. */
function yarnEntries(
  entries: { descriptors: string[]; version: unknown }[],
  c: Collector,
  declared: Map<string, string>,
): void {
  const byName = new Map<string, { ranges: string[]; version: unknown }[]>();
  for (const e of entries) {
    const seen = new Set<string>();
    const parsed = e.descriptors
      .map((d) => descriptor(d.trim().replace(/^"|"$/g, '')))
      .filter((p): p is { name: string; range: string } => p !== undefined);
    // A workspace or a linked folder is the project's own code, not a locked version of a package; so
    // is a range yarn resolves to one (berry's `"x@npm:^1.0.0, x@workspace:packages/x":` locks
    // `0.0.0-use.local`).
    const local = new Set(
      parsed.filter((p) => /^(?:workspace|link|portal|file):/.test(p.range)).map((p) => p.name),
    );
    for (const p of parsed) {
      if (local.has(p.name)) continue;
      if (seen.has(p.name)) {
        byName.get(p.name)!.at(-1)!.ranges.push(p.range);
        continue;
      }
      seen.add(p.name);
      const list = byName.get(p.name) ?? [];
      list.push({ ranges: [p.range], version: e.version });
      byName.set(p.name, list);
    }
  }
  for (const [name, list] of byName) {
    const want = declared.get(name);
    const hit =
      want === undefined
        ? undefined
        : list.find((e) => e.ranges.some((r) => r === want || r === `npm:${want}`));
    for (const e of hit ? [hit] : list) if (!c.add(name, e.version)) return;
  }
}

/**
 * yarn.lock, classic (`zod@^3.0.0:` / `  version "3.22.4"`) and berry (YAML of the same shape:
 * `"zod@npm:^3.0.0":` / `  version: 3.22.4`), read line by line for the same reasons as pnpm's.
 */
function yarnLock(text: string, c: Collector, declared: Map<string, string>): void {
  const entries: { descriptors: string[]; version: unknown }[] = [];
  let cur: { descriptors: string[]; version: unknown } | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      cur = undefined;
      const m = /^(.+):\s*$/.exec(line);
      if (!m) continue;
      if (entries.length >= MAX_LOCK_ENTRIES) break;
      cur = { descriptors: m[1]!.split(/,\s*/), version: undefined };
      entries.push(cur);
      continue;
    }
    const v = /^ {2}version:?\s+"?([^"\s]+)"?\s*$/.exec(line);
    if (v && cur && cur.version === undefined) cur.version = v[1];
  }
  yarnEntries(entries, c, declared);
}

/**
 * `1.2.3(react@18.2.0)` (v6+) and `1.2.3_react@18.2.0` (v5) are 1.2.3; so is the version of an alias
 * (`zod3: npm:zod@^3` locks `zod@3.24.3` in v9, `/zod@3.24.3` in v6, `/zod/3.24.3` in v5); `link:…`
 * is no version.
 */
function pnpmVersion(v: unknown): unknown {
  const s = isRecord(v) ? own(v, 'version') : v;
  if (typeof s !== 'string') return undefined;
  // Not `1.2.3_react@18.2.0`: a version starts with a digit, an alias's name does not.
  const aliased = /^\d/.test(s)
    ? undefined
    : /^\/?(?:@[^/@]+\/)?[^/@:()]+[@/](\d[^/()]*)(?:\(.*)?$/.exec(s)?.[1];
  return (aliased ?? s).replace(/\(.*$/, '').replace(/_.*$/, '');
}

const unquote = (s: string) => s.replace(/^'(.*)'$|^"(.*)"$/, '$1$2');

/**
 * pnpm-lock.yaml read line by line, not as YAML: only a few fields at known depths are needed, and a
 * YAML parser given deep nesting (`[[[[…`, `- - - …`) or aliases runs out of memory or time. What the
 * projects lock (`importers:` of a workspace and v9, else the single project's top-level fields of v5
 * and v6): the root project's version of a name first, else the versions the workspace's other
 * projects lock; only when no project locks anything, every package the file holds (`/x/1.0.0`,
 * `/x@1.0.0`, `x@1.0.0`). Each project's dependency is also its install location
 * (`packages/web/node_modules/zod`), as package-lock.json records them.
 */
function pnpmLock(text: string, c: Collector, paths?: Collector): void {
  /** Importer (`.` for the root or a single project) → name → version. */
  const importers = new Map<string, Map<string, unknown>>();
  let depCount = 0;
  const setDep = (importer: string, name: string, value: unknown) => {
    let deps = importers.get(importer);
    if (!deps) importers.set(importer, (deps = new Map()));
    if (!deps.has(name) && depCount < MAX_LOCK_ENTRIES) {
      deps.set(name, value);
      depCount++;
    }
  };
  const packages: string[] = [];
  const stack: { indent: number; key: string }[] = [];
  const depFields = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);
  let lines = 0;
  for (const line of text.split(/\r?\n/)) {
    if (++lines > 4 * MAX_LOCK_ENTRIES) {
      c.cut = `more than ${4 * MAX_LOCK_ENTRIES} lines`;
      break;
    }
    // No lazy group before a trailing `\s*$`: on a line of spaces that is quadratic.
    const m = /^( *)('[^']*'|"[^"]*"|[^\s:'"#-][^:#]*?):(?:[ \t]+(.*))?$/.exec(line);
    if (!m) continue;
    const indent = m[1]!.length;
    const key = unquote(m[2]!);
    const rest = m[3]?.trim();
    const value = rest ? unquote(rest) : undefined;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    // Only the first levels matter: a deeper line is read no further (nesting costs nothing).
    if (stack.length <= 4) {
      const path = stack.map((e) => e.key);
      const at = (...want: string[]) =>
        path.length === want.length && want.every((w, i) => w === '*' || w === path[i]);
      const inImporter = path[0] === 'importers' && path.length >= 2;
      const importer = inImporter ? path[1]! : '.';
      if (
        value !== undefined &&
        ((inImporter && path.length === 3) || path.length === 1) &&
        depFields.has(path[path.length - 1]!)
      ) {
        setDep(importer, key, value);
      } else if (
        key === 'version' &&
        value !== undefined &&
        (inImporter ? at('importers', '*', '*', '*') : at('*', '*')) &&
        depFields.has(path[path.length - 2]!)
      ) {
        setDep(importer, path[path.length - 1]!, value);
      } else if (at('packages') && packages.length < MAX_LOCK_ENTRIES) packages.push(key);
    }
    stack.push({ indent, key });
  }
  if (importers.size > 0) {
    const root = importers.get('.');
    if (paths)
      for (const [importer, deps] of importers) {
        // An importer is a folder of the workspace: one that leaves it names no install location.
        if (importer !== '.' && importer.split('/').some((s) => s === '..' || s === '' || s === '.'))
          continue;
        const base = importer === '.' ? '' : `${importer}/`;
        for (const [name, v] of deps) if (!paths.add(`${base}node_modules/${name}`, pnpmVersion(v))) break;
      }
    for (const [name, v] of root ?? []) if (!c.add(name, pnpmVersion(v))) return;
    for (const [importer, deps] of importers) {
      if (importer === '.') continue;
      for (const [name, v] of deps) if (!root?.has(name) && !c.add(name, pnpmVersion(v))) return;
    }
    return;
  }
  for (const key of packages) {
    const m = /^\/?((?:@[^/@]+\/)?[^/@]+)[/@]([^/(]+)/.exec(key);
    if (m && !c.add(m[1], pnpmVersion(m[2]))) return;
  }
}

/** `[[package]]` tables with `name` and `version` (poetry.lock, uv.lock). */
function tomlPackages(text: string, c: Collector): void {
  // Dotted keys (`a.a.a…`) nest tables beyond the parser's depth bound, millions deep in a few megabytes.
  for (let i = 0, start = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 10) continue;
    if (i - start > 1024) {
      let dots = 0;
      for (let k = start; k < i; k++) if (text.charCodeAt(k) === 46) dots++;
      if (dots > 1024)
        throw new Error(`line ${text.slice(0, start).split('\n').length} nests keys too deeply`);
    }
    start = i + 1;
  }
  const t = parseToml(text, { maxDepth: 32 });
  const list = own(t as Record<string, unknown>, 'package');
  if (!Array.isArray(list)) throw new Error('no [[package]] list');
  for (const p of list) {
    if (!isRecord(p)) continue;
    // uv lists the project itself and its workspace members, built from their own folders (`editable`,
    // `virtual`): the project's code, not a locked version of a dependency.
    const source = own(p, 'source');
    if (isRecord(source) && (own(source, 'editable') !== undefined || own(source, 'virtual') !== undefined))
      continue;
    if (!c.add(own(p, 'name'), own(p, 'version'))) return;
  }
}

function pipfileLock(text: string, c: Collector): void {
  const j: unknown = JSON.parse(text);
  if (!isRecord(j)) throw new Error('not a JSON object');
  let any = false;
  for (const section of ['default', 'develop']) {
    const deps = own(j, section);
    if (!isRecord(deps)) continue;
    any = true;
    for (const [name, entry] of Object.entries(deps)) {
      const v = isRecord(entry) ? own(entry, 'version') : undefined;
      const pinned = typeof v === 'string' ? /^===?\s*(\S+)$/.exec(v.trim())?.[1] : undefined;
      if (!c.add(name, pinned)) return;
    }
  }
  if (!any) throw new Error('neither default nor develop is an object');
}

/** Why a lock file does not parse, on one line and short. */
function reason(e: unknown): string {
  const msg = e instanceof RangeError ? 'nested too deeply' : e instanceof Error ? e.message : String(e);
  const line = msg.split('\n')[0]!.replace(/`/g, "'").trim();
  return escapeControlChars(line.length > 160 ? `${line.slice(0, 159)}…` : line);
}

/**
 * Locked versions of the ecosystems asked for, from the lock files at the project root and the `==`
 * pins of its requirements files. Lock files come first; of npm's, the shrinkwrap wins as it does for npm.
 */
export function readLockfiles(
  root: string,
  ecosystems: Set<Ecosystem>,
  manifests: ManifestDependency[],
): LockIndex {
  const notes: KnowledgeNote[] = [];
  const npm = new Map<string, LockedVersion>();
  const python = new Map<string, LockedVersion>();
  const merge = (into: Map<string, LockedVersion>, from: Map<string, LockedVersion>) => {
    for (const [k, v] of from) if (!into.has(k)) into.set(k, v);
  };
  const npmPaths = new Map<string, LockedVersion>();
  const read = (
    file: string,
    parse: (text: string, c: Collector, paths: Collector) => void,
    key?: (n: string) => string,
  ) => {
    const text = readLockText(root, file, notes);
    if (text === undefined) return undefined;
    const c = new Collector(file, key);
    const paths = new Collector(file);
    try {
      parse(text, c, paths);
      merge(npmPaths, paths.map);
    } catch (e) {
      notes.push({ message: `lock file \`${file}\` skipped: it does not parse (${reason(e)})` });
      return undefined;
    }
    const cut = c.cut ?? (c.entries > MAX_LOCK_ENTRIES ? `more than ${MAX_LOCK_ENTRIES} entries` : undefined);
    if (cut) notes.push({ message: `lock file \`${file}\` has ${cut}: the rest are not read` });
    return c.map;
  };
  if (ecosystems.has('npm')) {
    const declared = declaredRanges(manifests);
    const shrinkwrap = read('npm-shrinkwrap.json', packageLock);
    const lock = shrinkwrap ? undefined : read('package-lock.json', packageLock);
    for (const m of [
      shrinkwrap,
      lock,
      read('pnpm-lock.yaml', pnpmLock),
      read('yarn.lock', (t, c) => yarnLock(t, c, declared)),
    ])
      if (m) merge(npm, m);
  }
  if (ecosystems.has('python')) {
    for (const file of PYTHON_LOCKFILES) {
      const m = read(file, file === 'Pipfile.lock' ? pipfileLock : tomlPackages, normalizePyName);
      if (m) merge(python, m);
    }
    // `name==1.2.3` in requirements files (the parsed manifests): a pin, when no lock file says more.
    const pins = new Map<string, LockedVersion>();
    for (const d of manifests) {
      if (d.ecosystem !== 'python' || d.file.endsWith('pyproject.toml')) continue;
      const v = /^[A-Za-z0-9._-]+\s*===?\s*([^\s,;*]+)$/.exec(d.spec)?.[1];
      const k = normalizePyName(d.name);
      if (v && VERSION.test(v) && !pins.has(k)) pins.set(k, { file: d.file, versions: [v] });
    }
    merge(python, pins);
  }
  return { npm, npmPaths, python, notes };
}
