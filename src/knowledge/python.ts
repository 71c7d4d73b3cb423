/**
 * API facts of installed Python packages, read statically (nothing is imported or executed): the
 * declaration from the package's `.pyi` stubs (`<pkg>-stubs/`, or stubs next to the sources) and the
 * docstring from its sources, at the version installed in the project's site-packages.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ApiFact } from './types.js';

export interface PythonPackage {
  importName: string;
  /** The site-packages directory it was found in. */
  site: string;
  /** Directory (or single-module file) of the sources, and of the stubs. */
  srcDir?: string;
  stubDir?: string;
  /** The site directories holding the sources and the stubs (they may differ). */
  srcSite?: string;
  stubSite?: string;
  version?: string;
  distName?: string;
  /** A compiled extension module (`_cffi_backend.cpython-311-x86_64-linux-gnu.so`): no text to read. */
  compiled?: string;
}

export interface InstalledDist {
  name: string;
  version: string;
  topLevel: string[];
}

/**
 * The packages a distribution installs, as imported: its top-level names, except that a distribution
 * installing into a namespace shared with others (`google/`, `google/cloud/`) owns the packages below
 * it (`google.protobuf`, `google.auth`, `google.cloud.storage`), from its RECORD. Stubs
 * (`google-stubs/protobuf/`) are named as the package they type (`google.protobuf`).
 */
const rootsByDist = new WeakMap<InstalledDist, string[]>();

export function distRoots(dist: InstalledDist): string[] {
  return rootsByDist.get(dist) ?? dist.topLevel.filter((t) => IDENT.test(t));
}

/**
 * Bytes of distribution metadata (top_level.txt, RECORD) one bundle reads at most: a site directory may
 * hold thousands of metadata folders, each RECORD of megabytes.
 */
export const MAX_METADATA_BYTES = 64 * 1024 * 1024;
let metadataRead = 0;
let metadataOver = false;

/**
 * A regular file of sane size, or undefined: a FIFO would block, a link to /dev/zero would never end.
 * Counted against the metadata bound; the first file over it is noted.
 */
function smallFile(path: string, max: number): string | undefined {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size > max) return undefined;
    if (metadataRead + st.size > MAX_METADATA_BYTES) {
      if (!metadataOver)
        unreadableFiles.set(
          path,
          `over the read bound of ${MAX_METADATA_BYTES / (1024 * 1024)} MiB of distribution metadata; later metadata files are skipped too`,
        );
      metadataOver = true;
      return undefined;
    }
    metadataRead += st.size;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Top-level modules a wheel installed, from its RECORD (`yaml/__init__.py,sha256=…,123`), for the
 * distributions that have no top_level.txt (wheels not built by setuptools).
 */
function topLevelFromRecord(record: string): string[] {
  const out = new Set<string>();
  for (const line of record.split('\n')) {
    const path = line.split(',')[0]!.trim();
    const first = path.split('/')[0]!;
    if (path.includes('/')) {
      if (/^[A-Za-z_]\w*$/.test(first)) out.add(first);
    } else {
      const m = /^([A-Za-z_]\w*)\.pyi?$/.exec(first);
      if (m) out.add(m[1]!);
    }
  }
  return [...out].sort();
}

/**
 * The packages a RECORD installs below namespace packages: the outermost folders with an `__init__`
 * that are no namespace themselves (`google/protobuf/__init__.py` → `google.protobuf`), and top-level
 * modules. `<name>-stubs/` is named as `<name>`. Paths that leave the site directory are ignored.
 */
function rootsFromRecord(record: string, namespaces: Set<string>): string[] {
  const packages = new Set<string>();
  const modules = new Set<string>();
  for (const line of record.split('\n')) {
    const path = line.split(',')[0]!.trim();
    const segs = path.split('/');
    if (segs.length > 16 || segs.some((x) => x === '..' || x === '')) continue;
    segs[0] = segs[0]!.replace(/-stubs$/, '');
    const file = segs.pop()!;
    if (!segs.every((x) => IDENT.test(x))) continue;
    if (/^__init__\.pyi?$/.test(file)) {
      if (segs.length) packages.add(segs.join('.'));
    } else if (segs.length === 0) {
      const m = /^([A-Za-z_]\w*)(?:\.pyi?|\.(?:[\w-]+\.)?(?:so|pyd))$/.exec(file);
      if (m) modules.add(m[1]!);
    }
  }
  const owned = [...packages].filter((p) => !namespaces.has(p));
  const ownedSet = new Set(owned);
  const outermost = owned.filter((p) => {
    const parts = p.split('.');
    for (let k = 1; k < parts.length; k++) if (ownedSet.has(parts.slice(0, k).join('.'))) return false;
    return true;
  });
  return [...new Set([...outermost, ...modules])].sort();
}

const IDENT = /^[A-Za-z_]\w*$/;

/**
 * The package below a namespace a distribution is named after (`lazr.uri` → `lazr.uri`,
 * `google-cloud-storage` → `google.cloud.storage`), when the site holds it as a regular package or a
 * module, else undefined.
 */
function packageNamedAfter(site: string, distName: string, namespaces: Set<string>): string | undefined {
  const parts = distName.split(/[-_.]+/);
  for (let i = parts.length - 1; i >= 1; i--) {
    const ns = parts.slice(0, i).join('.');
    if (!namespaces.has(ns)) continue;
    const tail = parts.slice(i).join('_');
    if (!IDENT.test(tail) || !parts.slice(0, i).every((x) => IDENT.test(x))) continue;
    const dir = join(site, ...parts.slice(0, i));
    if (
      isFile(join(dir, tail, '__init__.py')) ||
      isFile(join(dir, tail, '__init__.pyi')) ||
      isFile(join(dir, `${tail}.py`))
    )
      return `${ns}.${tail}`;
  }
  return undefined;
}

/** A folder of the site without `__init__`: a namespace package (PEP 420) several distributions share. */
function isNamespaceDir(site: string, name: string): boolean {
  const dir = join(site, name);
  return isDirectory(dir) && !existsSync(join(dir, '__init__.py')) && !existsSync(join(dir, '__init__.pyi'));
}

const distCache = new Map<string, InstalledDist[]>();

/** Distributions installed in a site directory, from `*.dist-info` / `*.egg-info` metadata. */
export function installedDists(site: string): InstalledDist[] {
  const cached = distCache.get(site);
  if (cached) return cached;
  let names: string[];
  try {
    names = readdirSync(site);
  } catch {
    return [];
  }
  const found: { name: string; version: string; meta: string; top?: string[]; namespaces: string[] }[] = [];
  // In name order, not the file system's: which of two metadata folders wins must not vary by machine.
  for (const n of names.sort()) {
    const m = /^(.+?)-(\d[^-]*?)(?:-py[\d.]+)?\.(?:dist-info|egg-info)$/.exec(n);
    // The name and version are shown in the context: a distribution name and a version, nothing else.
    if (!m || !/^[A-Za-z0-9](?:[\w.-]*[A-Za-z0-9])?$/.test(m[1]!) || !/^[\w.+!]{1,64}$/.test(m[2]!)) continue;
    const meta = join(site, n);
    const lines = (t: string | undefined) =>
      t
        ?.split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    const namespaces = (lines(smallFile(join(meta, 'namespace_packages.txt'), 64 * 1024)) ?? []).filter((x) =>
      /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(x),
    );
    found.push({
      name: m[1]!,
      version: m[2]!,
      meta,
      top: lines(smallFile(join(meta, 'top_level.txt'), 64 * 1024)),
      namespaces,
    });
  }
  // A top-level name two distributions install is a namespace too (`google` of pkg_resources style).
  const claims = new Map<string, number>();
  for (const d of found) for (const t of d.top ?? []) claims.set(t, (claims.get(t) ?? 0) + 1);
  const out: InstalledDist[] = [];
  for (const d of found) {
    // Only names of packages (`google`, `google-stubs`) are looked up in the site directory.
    const shared = (d.top ?? [])
      .filter((t) => /^[A-Za-z_]\w*(?:-stubs)?$/.test(t))
      .filter((t) => {
        const bare = t.replace(/-stubs$/, '');
        return (
          (claims.get(t) ?? 0) > 1 ||
          d.namespaces.includes(bare) ||
          isNamespaceDir(site, t) ||
          // Stubs of a namespace package (`google-stubs` has an `__init__.pyi`; `google/` has none).
          (bare !== t && isNamespaceDir(site, bare))
        );
      });
    // RECORD is read only where it tells more than top_level.txt: without one, or below a namespace.
    const record =
      d.top === undefined || shared.length > 0 || d.namespaces.length > 0
        ? smallFile(join(d.meta, 'RECORD'), 4 * 1024 * 1024)
        : undefined;
    // Unreadable metadata: the distribution is still listed by its name.
    const topLevel = d.top ?? (record !== undefined ? topLevelFromRecord(record) : []);
    let roots = topLevel.map((t) => t.replace(/-stubs$/, '')).filter((t) => IDENT.test(t));
    const namespaces = new Set([...d.namespaces, ...shared.map((t) => t.replace(/-stubs$/, ''))]);
    // A namespace of pkg_resources style has an `__init__` of its own in each distribution.
    for (const ns of [...namespaces]) {
      const parts = ns.split('.');
      for (let k = 1; k < parts.length; k++) namespaces.add(parts.slice(0, k).join('.'));
    }
    let fromRecord: string[] = [];
    if (record !== undefined && (namespaces.size > 0 || d.top === undefined)) {
      fromRecord = rootsFromRecord(record, namespaces);
      // A top-level name outside the namespaces that the RECORD shows no package of (a folder of
      // compiled modules only) is still the distribution's.
      const covered = new Set(fromRecord.map((r) => r.split('.')[0]!));
      if (fromRecord.length > 0)
        roots = [...fromRecord, ...roots.filter((t) => !namespaces.has(t) && !covered.has(t))];
    }
    // No RECORD to tell (Debian's egg-info of `lazr.uri` has none): the package below the namespace
    // the distribution is named after (`lazr/uri/`), when the site holds it.
    if (namespaces.size > 0 && fromRecord.length === 0) {
      const own = packageNamedAfter(site, d.name, namespaces);
      if (own) roots = [own, ...roots.filter((t) => !namespaces.has(t))];
    }
    const dist: InstalledDist = { name: d.name, version: d.version, topLevel };
    rootsByDist.set(dist, [...new Set(roots)].sort());
    out.push(dist);
  }
  distCache.set(site, out);
  return out;
}

/**
 * The module a distribution is imported as (`PyYAML` → `yaml`, `beautifulsoup4` → `bs4`), from its
 * installed metadata: the top-level name like the distribution's, else its first public one.
 */
export function importNameOf(dist: InstalledDist): string | undefined {
  // Stubs-only distributions name the package they type, not one to import.
  if (/^types[-_.]/i.test(dist.name)) return undefined;
  const roots = distRoots(dist);
  const names = roots.length > 0 ? roots : dist.topLevel.filter((t) => IDENT.test(t));
  const n = norm(dist.name);
  // `google-auth` → `google.auth`, `protobuf` → `google.protobuf`.
  return (
    names.find((t) => norm(t) === n) ??
    names.find((t) => norm(t.split('.').pop()!) === n) ??
    names.find((t) => !t.split('.').pop()!.startsWith('_')) ??
    names[0]
  );
}

const norm = (s: string) => s.toLowerCase().replace(/[-_.]+/g, '_');

/** Finds an importable top-level package in the site directories (first hit wins, like Python). */
export function findPythonPackage(sites: string[], importName: string): PythonPackage | undefined {
  // A name from a manifest or the task is joined onto site-packages: only an identifier may be, or a
  // dotted package below a namespace (`google.protobuf`).
  if (!/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*){0,7}$/.test(importName)) return undefined;
  const [top, ...rest] = importName.split('.') as [string, ...string[]];
  const last = rest.length ? rest[rest.length - 1]! : top;
  let found: PythonPackage | undefined;
  for (const site of sites) {
    const dir = join(site, top, ...rest);
    const parent = join(site, top, ...rest.slice(0, -1));
    const srcDir = firstExisting([join(dir, '__init__.py'), join(dir, '__init__.pyi')])
      ? dir
      : rest.length
        ? firstExisting([join(parent, `${last}.py`), join(parent, `${last}.pyi`)])
        : firstExisting([join(site, `${importName}.py`), join(site, `${importName}.pyi`)]);
    const stubPath = join(site, `${top}-stubs`, ...rest);
    const stubDir = existsSync(stubPath) ? stubPath : undefined;
    if (!srcDir && !stubDir) continue;
    if (!found) found = { importName, site };
    if (srcDir && !found.srcDir) {
      found.srcDir = srcDir;
      found.srcSite = site;
    }
    if (stubDir && !found.stubDir) {
      found.stubDir = stubDir;
      found.stubSite = site;
    }
    if (found.srcDir && found.stubDir) break;
  }
  // A compiled extension module without sources or stubs is still installed: its version is known,
  // its API is not readable.
  if (!found && rest.length === 0) {
    for (const site of sites) {
      const so = extensionModule(site, importName);
      if (so) {
        found = { importName, site, compiled: join(site, so) };
        break;
      }
    }
  }
  // A folder without `__init__` is a namespace package (PEP 420: `google.cloud` spread over several
  // distributions), importable when no regular package or module of the name is found.
  if (!found) {
    const site = sites.find((d) => isDirectory(join(d, top, ...rest)));
    if (site) found = { importName, site, srcDir: join(site, top, ...rest), srcSite: site };
  }
  if (!found) return undefined;
  // The distribution that installs the package: below a namespace, the one whose RECORD holds it (not
  // another one installing into the same namespace); never a stubs-only one (its version is the stubs').
  for (const site of sites) {
    const dists = installedDists(site).filter((d) => !/^types[-_.]/i.test(d.name));
    const dist =
      dists.find((d) => distRoots(d).includes(importName)) ??
      (rest.length === 0
        ? dists.find((d) => d.topLevel.includes(importName) || norm(d.name) === norm(importName))
        : undefined);
    if (dist) {
      found.version = dist.version;
      found.distName = dist.name;
      break;
    }
  }
  return found;
}

/** `name.so`, `name.abi3.so`, `name.cpython-311-x86_64-linux-gnu.so`, `name.cp311-win_amd64.pyd`. */
function extensionModule(site: string, importName: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(site);
  } catch {
    return undefined;
  }
  return names
    .sort()
    .find(
      (n) =>
        n.startsWith(`${importName}.`) &&
        /^\.(?:[\w-]+\.)?(?:so|pyd)$/.test(n.slice(importName.length)) &&
        isFile(join(site, n)),
    );
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function firstExisting(paths: string[]): string | undefined {
  return paths.find((p) => existsSync(p));
}

interface PyDef {
  file: string;
  /** 0-based line of the definition (after decorators). */
  index: number;
  lines: string[];
  kind: 'class' | 'function' | 'variable';
}

/** A module file read once per bundle: its lines, top-level definitions and `from … import` lines. */
interface PyFile {
  lines: string[];
  /** Name → 0-based line and kind of its first top-level definition. */
  defs: Map<string, { index: number; kind: PyDef['kind'] }>;
  /** `from <spec> import <clause>`, in order. */
  froms: { spec: string; clause: string }[];
}

const fileCache = new Map<string, PyFile | null>();

/** Files that exist but could not be read, with why (reported as notes by the caller). */
export const unreadableFiles = new Map<string, string>();

/** Bytes of stubs and sources one bundle reads at most: a site directory is large and untrusted. */
export const MAX_PYTHON_BYTES = 32 * 1024 * 1024;
let bytesRead = 0;
let overBound = false;

function readPyFile(file: string): PyFile | undefined {
  if (!fileCache.has(file)) {
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a regular file');
      if (st.size > 4 * 1024 * 1024) throw new Error(`too large (${st.size} bytes)`);
      if (bytesRead + st.size > MAX_PYTHON_BYTES) {
        // One note for the first file left out: the later ones add nothing to it.
        if (!overBound)
          unreadableFiles.set(
            file,
            `over the read bound of ${MAX_PYTHON_BYTES / (1024 * 1024)} MiB of Python files; later files are skipped too`,
          );
        overBound = true;
        fileCache.set(file, null);
        return undefined;
      }
      bytesRead += st.size;
      fileCache.set(file, indexPyFile(readFileSync(file, 'utf8')));
    } catch (e) {
      fileCache.set(file, null);
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') unreadableFiles.set(file, code ?? (e as Error).message);
    }
  }
  return fileCache.get(file) ?? undefined;
}

function readLines(file: string): string[] | undefined {
  return readPyFile(file)?.lines;
}

/** One pass over a file: each lookup of a name is then a map access, not a scan of megabytes. */
function indexPyFile(text: string): PyFile {
  const lines = text.split(/\r?\n/);
  const defs = new Map<string, { index: number; kind: PyDef['kind'] }>();
  lines.forEach((l, index) => {
    const m = /^(?:async\s+)?(def|class)\s+(\w+)|^(\w+)\s*(?::[^=]*)?=|^(\w+)\s*:/.exec(l);
    if (!m) return;
    const name = m[2] ?? m[3] ?? m[4]!;
    if (defs.has(name)) return;
    defs.set(name, { index, kind: m[1] === 'class' ? 'class' : m[1] === 'def' ? 'function' : 'variable' });
  });
  const froms: { spec: string; clause: string }[] = [];
  // The parenthesised list is bounded: an unclosed `(` on every line would rescan the rest of the file.
  for (const m of text.matchAll(/^from[ \t]+([.\w]+)[ \t]+import[ \t]+(\([^)]{0,4000}\)|[^\n#]+)/gm))
    froms.push({ spec: m[1]!, clause: m[2]!.replace(/[()\\]/g, ' ') });
  return { lines, defs, froms };
}

/** Where module files are looked up: a site directory, reading stubs (`<top>-stubs/`) or sources. */
export interface PyLayout {
  site: string;
  stubs: boolean;
}

/** The file of a dotted module (`['sqlalchemy', 'orm']`) in a layout, or undefined. */
export function moduleFile(layout: PyLayout, parts: string[], ext: '.pyi' | '.py'): string | undefined {
  const [top, ...rest] = parts;
  if (!top) return undefined;
  let dir = join(layout.site, top);
  if (layout.stubs && existsSync(join(layout.site, `${top}-stubs`))) dir = join(layout.site, `${top}-stubs`);
  if (rest.length === 0 && !existsSync(dir)) return firstExisting([join(layout.site, `${top}${ext}`)]);
  const base = join(dir, ...rest);
  return firstExisting([`${base}${ext}`, join(base, `__init__${ext}`)]);
}

/**
 * Finds where `name` is defined, starting at module `parts` and following `from x import name`
 * re-exports (relative or absolute, into other packages of the same site) and star imports.
 */
export function resolvePythonDef(
  layout: PyLayout,
  parts: string[],
  name: string,
  ext: '.pyi' | '.py',
  depth = 0,
  seen = new Set<string>(),
): PyDef | undefined {
  if (depth > 8) return undefined;
  const file = moduleFile(layout, parts, ext);
  if (!file || seen.has(`${file}#${name}`)) return undefined;
  seen.add(`${file}#${name}`);
  const pf = readPyFile(file);
  if (!pf) return undefined;
  const def = pf.defs.get(name);
  if (def) return { file, index: def.index, lines: pf.lines, kind: def.kind };
  const isPkg = /__init__\.pyi?$/.test(file);
  const resolveModule = (spec: string): string[] => {
    const dots = /^\.*/.exec(spec)![0].length;
    const rest = spec.slice(dots).split('.').filter(Boolean);
    if (dots === 0) return rest;
    const here = isPkg ? parts : parts.slice(0, -1);
    return [...here.slice(0, Math.max(1, here.length - (dots - 1))), ...rest];
  };
  const stars: string[][] = [];
  for (const { spec, clause } of pf.froms) {
    const target = resolveModule(spec);
    if (clause.trim() === '*') {
      stars.push(target);
      continue;
    }
    for (const part of clause.split(',')) {
      const [orig, alias] = part
        .trim()
        .split(/\s+as\s+/)
        .map((x) => x.trim());
      if (!orig || (alias ?? orig) !== name) continue;
      const r = resolvePythonDef(layout, target, orig, ext, depth + 1, seen);
      if (r) return r;
    }
  }
  for (const target of stars) {
    const r = resolvePythonDef(layout, target, name, ext, depth + 1, seen);
    if (r) return r;
  }
  return undefined;
}

const MAX_DOC_LINES = 14;
const MAX_MEMBERS = 24;

/** Header (decorators + signature up to its colon), docstring, and for classes the public members. */
export function describePythonDef(
  def: PyDef,
  opts: { withDoc: boolean },
): { header: string; doc?: string; members: string[] } {
  const { lines, index } = def;
  let start = index;
  while (start > 0 && /^\s*@/.test(lines[start - 1]!)) start--;
  const header: string[] = lines.slice(start, index);
  let depth = 0;
  let i = index;
  for (; i < lines.length && i < index + 40; i++) {
    const l = lines[i]!;
    header.push(l);
    for (const ch of l.replace(/#.*$/, '')) {
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) depth--;
    }
    if (def.kind === 'variable' && depth <= 0) break;
    if (depth <= 0 && /:\s*(?:\.\.\.)?\s*(?:#.*)?$/.test(l)) break;
  }
  const bodyStart = i + 1;
  const indent = /^(\s*)/.exec(lines[index]!)![1]!.length;
  const doc = opts.withDoc ? docstringAt(lines, bodyStart) : undefined;
  // Further @overload signatures of the same function (stubs list them one after the other).
  const name = /(?:def|class)\s+(\w+)/.exec(lines[index]!)?.[1];
  if (def.kind === 'function' && name && header.some((h) => /^\s*@(?:typing\.)?overload\b/.test(h))) {
    let j = bodyStart;
    let count = 1;
    while (count < 3) {
      while (j < lines.length && lines[j]!.trim() === '') j++;
      const deco: string[] = [];
      while (j < lines.length && /^\s*@/.test(lines[j]!)) deco.push(lines[j++]!);
      if (j >= lines.length || !new RegExp(`^\\s*(?:async\\s+)?def\\s+${name}\\b`).test(lines[j]!)) break;
      let d = 0;
      const sig: string[] = [];
      for (; j < lines.length; j++) {
        sig.push(lines[j]!);
        for (const ch of lines[j]!.replace(/#.*$/, '')) {
          if ('([{'.includes(ch)) d++;
          else if (')]}'.includes(ch)) d--;
        }
        if (d <= 0 && /:\s*(?:\.\.\.)?\s*(?:#.*)?$/.test(lines[j]!)) break;
      }
      j++;
      header.push(...deco, ...sig);
      count++;
    }
  }
  const members: string[] = [];
  if (def.kind === 'class') {
    let memberIndent: number | undefined;
    for (let j = bodyStart; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.trim() === '') continue;
      const ind = /^(\s*)/.exec(l)![1]!.length;
      if (ind <= indent) break;
      memberIndent ??= ind;
      if (ind !== memberIndent) continue;
      const m = /^\s*(?:async\s+)?def\s+(\w+)\s*\(/.exec(l);
      if (m && (!m[1]!.startsWith('_') || m[1] === '__init__' || m[1] === '__call__')) {
        // The whole signature of each public method, up to its colon.
        const sig: string[] = [];
        let d = 0;
        for (let k = j; k < lines.length && k < j + 20; k++) {
          sig.push(lines[k]!.trim());
          for (const ch of lines[k]!) {
            if ('([{'.includes(ch)) d++;
            else if (')]}'.includes(ch)) d--;
          }
          if (d <= 0 && /:\s*(?:\.\.\.)?\s*(?:#.*)?$/.test(lines[k]!)) break;
        }
        const text = sig
          .join(' ')
          .replace(/\(\s+/g, '(')
          .replace(/,\s*\)/g, ')');
        if (!members.includes(text)) members.push(text);
      }
      if (members.length >= MAX_MEMBERS) break;
    }
  }
  return { header: dedent(header).join('\n'), doc, members };
}

function docstringAt(lines: string[], from: number): string | undefined {
  let j = from;
  while (j < lines.length && lines[j]!.trim() === '') j++;
  const first = lines[j];
  if (first === undefined) return undefined;
  const m = /^\s*[rRuU]?("""|''')(.*)$/.exec(first);
  if (!m) return undefined;
  const quote = m[1]!;
  const out: string[] = [];
  let rest = m[2]!;
  for (let k = j; k < lines.length && k < j + 400; k++) {
    if (k > j) rest = lines[k]!;
    const end = rest.indexOf(quote);
    if (end >= 0) {
      out.push(rest.slice(0, end));
      break;
    }
    out.push(rest);
  }
  const trimmed = dedent(out.slice(1)).map((l) => l.trimEnd());
  const all = [out[0]!.trim(), ...trimmed];
  while (all.length && all[all.length - 1] === '') all.pop();
  if (all[0] === '') all.shift();
  if (all.length > MAX_DOC_LINES) return [...all.slice(0, MAX_DOC_LINES), '…'].join('\n');
  return all.join('\n');
}

function dedent(lines: string[]): string[] {
  const ind = Math.min(...lines.filter((l) => l.trim()).map((l) => /^(\s*)/.exec(l)![1]!.length));
  return Number.isFinite(ind) ? lines.map((l) => l.slice(ind)) : lines;
}

/** One API fact for `name` of a package: stub declaration + source docstring, with provenance. */
export function pythonFact(
  pkg: PythonPackage,
  name: string,
  library: string,
  module: string = pkg.importName,
): ApiFact | undefined {
  const parts = module.split('.');
  const find = (site: string | undefined, stubs: boolean, ext: '.pyi' | '.py') => {
    if (!site) return undefined;
    const layout = { site, stubs };
    return (
      resolvePythonDef(layout, parts, name, ext) ??
      (module !== pkg.importName ? resolvePythonDef(layout, pkg.importName.split('.'), name, ext) : undefined)
    );
  };
  let stubDef = find(pkg.stubSite, true, '.pyi');
  const srcDef = find(pkg.srcSite, false, '.pyi') ?? find(pkg.srcSite, false, '.py');
  // A stub that only says `name: Any` knows less than the source's real definition.
  if (stubDef?.kind === 'variable' && srcDef && srcDef.kind !== 'variable') stubDef = undefined;
  const primary = stubDef ?? srcDef;
  if (!primary) return moduleFact(pkg, [...parts, name], library);
  // `name: Any` says nothing the Coder can use.
  if (primary.kind === 'variable' && /^\s*\w+\s*:\s*Any\s*$/.test(primary.lines[primary.index]!))
    return undefined;
  const p = describePythonDef(primary, { withDoc: true });
  const src = srcDef && srcDef !== primary ? describePythonDef(srcDef, { withDoc: true }) : undefined;
  let doc = p.doc;
  let docFrom: PyDef | undefined = doc ? primary : undefined;
  if (!doc && src?.doc) {
    doc = src.doc;
    docFrom = srcDef;
  }
  const members = p.members.length > 0 ? p.members : (src?.members ?? []);
  const parts2 = [p.header.replace(/:\s*\.\.\.\s*(#.*)?$/, ':')];
  if (doc) parts2.push(indentBlock(`"""${doc}"""`, primary.kind === 'variable' ? '' : '    '));
  if (members.length)
    parts2.push(...members.map((m) => `    ${m.replace(/:\s*(?:\.\.\.)?\s*(#.*)?$/, ': ...')}`));
  // Weak stubs (`__init__(self, *args, **kwargs)`) hide the real parameters: list the ones the
  // source documents.
  if (primary.kind === 'class') {
    const init = srcDef ? initParams(srcDef) : [];
    if (init.length) parts2.push(`    # __init__ parameters: ${init.join(', ')}`);
  }
  const rel = (f: string) => siteRelative(pkg, f);
  const source =
    `${rel(primary.file)}:${primary.index + 1}` +
    (docFrom && docFrom !== primary ? ` (docstring: ${rel(docFrom.file)}:${docFrom.index + 1})` : '');
  return {
    library,
    version: pkg.version,
    symbol: name,
    kind: primary.kind,
    text: parts2.join('\n'),
    language: 'python',
    provider: primary === stubDef ? 'python-stub' : 'python-source',
    source,
    file: primary.file,
    line: primary.index + 1,
    score: 0,
  };
}

function siteRelative(pkg: PythonPackage, file: string): string {
  const site = [pkg.stubSite, pkg.srcSite, pkg.site].find((d) => d && file.startsWith(d + '/')) ?? pkg.site;
  return relative(site, file).split('\\').join('/');
}

/** A module imported as a name (`from alembic import op`): its public functions and classes. */
function moduleFact(pkg: PythonPackage, parts: string[], library: string): ApiFact | undefined {
  const layouts: [PyLayout | undefined, '.pyi' | '.py'][] = [
    [pkg.stubSite ? { site: pkg.stubSite, stubs: true } : undefined, '.pyi'],
    [pkg.srcSite ? { site: pkg.srcSite, stubs: false } : undefined, '.pyi'],
    [pkg.srcSite ? { site: pkg.srcSite, stubs: false } : undefined, '.py'],
  ];
  for (const [layout, ext] of layouts) {
    if (!layout) continue;
    const file = moduleFile(layout, parts, ext);
    const lines = file ? readLines(file) : undefined;
    if (!file || !lines) continue;
    const sigs: string[] = [];
    for (let i = 0; i < lines.length && sigs.length < 40; i++) {
      const m = /^(?:async\s+)?(def|class)\s+([A-Za-z]\w*)/.exec(lines[i]!);
      if (!m) continue;
      let sig = '';
      let d = 0;
      for (let k = i; k < lines.length && k < i + 30; k++) {
        sig += (k > i ? ' ' : '') + lines[k]!.trim();
        for (const ch of lines[k]!) {
          if ('([{'.includes(ch)) d++;
          else if (')]}'.includes(ch)) d--;
        }
        if (d <= 0 && /:\s*(?:\.\.\.)?\s*(?:#.*)?$/.test(lines[k]!)) break;
      }
      sig = sig
        .replace(/\(\s+/g, '(')
        .replace(/,\s*\)/g, ')')
        .replace(/:\s*(?:\.\.\.)?\s*(#.*)?$/, ': ...');
      if (sig.length > 300) sig = sig.slice(0, 297) + '...';
      if (!sigs.includes(sig)) sigs.push(sig);
    }
    if (sigs.length === 0) continue;
    const doc = docstringAt(lines, 0);
    return {
      library,
      version: pkg.version,
      symbol: parts.join('.'),
      kind: 'module',
      text: [doc ? `"""${doc}"""` : undefined, ...sigs].filter(Boolean).join('\n'),
      language: 'python',
      provider: layout.stubs || ext === '.pyi' ? 'python-stub' : 'python-source',
      source: `${siteRelative(pkg, file)}:1`,
      file,
      line: 1,
      score: 0,
    };
  }
  return undefined;
}

/** Parameter names a class's `__init__` docstring documents (`:param name:`), in order. */
function initParams(def: PyDef): string[] {
  const { lines, index } = def;
  const indent = /^(\s*)/.exec(lines[index]!)![1]!.length;
  for (let j = index + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.trim() && /^(\s*)/.exec(l)![1]!.length <= indent) break;
    if (/^\s*def\s+__init__\s*\(/.test(l)) {
      const names: string[] = [];
      for (let k = j + 1; k < lines.length && k < j + 1500; k++) {
        const ln = lines[k]!;
        if (/^\s*def\s+\w+\s*\(/.test(ln)) break;
        const m = /:param\s+(?:[\w.[\], ]+\s+)?(\*{0,2}\w+):/.exec(ln);
        if (m && !names.includes(m[1]!)) names.push(m[1]!);
      }
      return names.slice(0, 30);
    }
  }
  return [];
}

function indentBlock(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => (l ? prefix + l : l))
    .join('\n');
}

/** Clears the file cache (tests that rewrite files between runs). */
export function clearPythonCache(): void {
  fileCache.clear();
  distCache.clear();
  unreadableFiles.clear();
  bytesRead = 0;
  overBound = false;
  metadataRead = 0;
  metadataOver = false;
}
