/**
 * Which third-party libraries a task touches: imports in the relevant code, names in the task text,
 * and the project's manifests (package.json, requirements*.txt, pyproject.toml) for declared versions
 * and to tell third-party code from the project's own.
 */
import { builtinModules } from 'node:module';
import { parse as parseToml } from 'smol-toml';
import { terms } from './terms.js';
import type { Ecosystem, LibraryRef, RelevantSource } from './types.js';

export interface ImportUse {
  ecosystem: Ecosystem;
  /** Module as written: `sqlalchemy.orm`, `node:http`, `zod/v4`. */
  module: string;
  /** Names imported from it (`Column`), or used through an alias (`sa.Column` → `Column`). */
  names: string[];
  /**
   * `from x import y`: the members used through each imported name (`from google.cloud import
   * storage` then `storage.Client()` → `{ storage: ['Client'] }`), for a name that is a module.
   */
  members?: Record<string, string[]>;
  line: number;
}

export interface ManifestDependency {
  ecosystem: Ecosystem;
  name: string;
  spec: string;
  file: string;
}

const PY_EXT = /\.pyi?$/;
const PY_IDENT = /^[A-Za-z_]\w*$/;

/**
 * 1-based line of a character offset, by binary search over the line starts: a file of thousands of
 * imports would otherwise be rescanned from its start for each one.
 */
function lineLocator(text: string): (idx: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (idx) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= idx) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
const JS_EXT = /\.(?:[cm]?[jt]sx?)$/;

/** Imports of a Python or JS/TS file (by extension); other files have none. */
export function parseImports(path: string, text: string): ImportUse[] {
  if (PY_EXT.test(path)) return parsePythonImports(text);
  if (JS_EXT.test(path)) return parseJsImports(text);
  return [];
}

export function parsePythonImports(text: string): ImportUse[] {
  const out: ImportUse[] = [];
  const lineOf = lineLocator(text);
  const aliases = new Map<string, string>();
  /** Local name of a `from` import → its entry and the name imported. */
  const fromNames = new Map<string, { entry: ImportUse; name: string }>();
  for (const m of text.matchAll(/^[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]+(\([^)]{0,4000}\)|[^\n#]+)/gm)) {
    const module = m[1]!;
    const names: string[] = [];
    const entry: ImportUse = { ecosystem: 'python', module, names, line: lineOf(m.index) };
    for (const part of m[2]!.replace(/[()\\]/g, ' ').split(',')) {
      const [name, alias] = part
        .trim()
        .split(/\s+as\s+/)
        .map((x) => x.trim());
      if (!name || !PY_IDENT.test(name)) continue;
      names.push(name);
      const local = alias ?? name;
      if (PY_IDENT.test(local)) fromNames.set(local, { entry, name });
    }
    out.push(entry);
  }
  for (const m of text.matchAll(/^[ \t]*import[ \t]+([^\n#]+)/gm)) {
    for (const part of m[1]!.split(',')) {
      const [mod, alias] = part.trim().split(/\s+as\s+/);
      if (!mod || !/^[\w.]+$/.test(mod)) continue;
      // Only an identifier is an alias (`import x as *` is not Python): its uses are looked up by it.
      const name = alias === undefined ? mod : alias.trim();
      if (name === mod || PY_IDENT.test(name)) aliases.set(name, mod);
      out.push({ ecosystem: 'python', module: mod, names: [], line: lineOf(m.index) });
    }
  }
  // `sa.Column(...)`, `sqlalchemy.orm.relationship(...)`: names used through a module alias. One scan
  // of the dotted names for all aliases (a scan per alias costs imports × size on a file of imports).
  if (aliases.size > 0) {
    const used = new Map<string, Set<string>>();
    for (const c of text.matchAll(/(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+/g)) {
      const segs = c[0].split('.').slice(0, 9);
      for (let k = 1; k < segs.length; k++) {
        const alias = segs.slice(0, k).join('.');
        if (!aliases.has(alias)) continue;
        const set = used.get(alias) ?? new Set<string>();
        set.add(segs[k]!);
        used.set(alias, set);
      }
    }
    const firstOf = new Map<string, ImportUse>();
    for (const e of out) if (e.names.length === 0 && !firstOf.has(e.module)) firstOf.set(e.module, e);
    for (const [alias, mod] of aliases) {
      const entry = firstOf.get(mod);
      if (entry) entry.names.push(...[...(used.get(alias) ?? [])].slice(0, 40));
    }
  }
  // `storage.Client` after `from google.cloud import storage`: members used through an imported name.
  if (fromNames.size > 0) {
    for (const c of text.matchAll(/(?<![\w.])([A-Za-z_]\w*)\.([A-Za-z_]\w*)/g)) {
      const from = fromNames.get(c[1]!);
      if (!from) continue;
      // No prototype: an imported name `__proto__` is a key like any other.
      const members = (from.entry.members ??= Object.create(null) as Record<string, string[]>);
      const list = Object.prototype.hasOwnProperty.call(members, from.name) ? members[from.name]! : [];
      members[from.name] = list;
      if (list.length < 40 && !list.includes(c[2]!)) list.push(c[2]!);
    }
  }
  return out;
}

export function parseJsImports(text: string): ImportUse[] {
  const out: ImportUse[] = [];
  const lineOf = lineLocator(text);
  // An import clause (`x`, `{ a, type b as c }`, `* as ns`) has no `;` or `=` and does not run into the
  // next import or export: `export const x = 1` is no clause of a later `from '…'`.
  const re =
    /(?:^|[;\n])[ \t]*(?:import|export)\s+(type\s+)?((?:(?!\n[ \t]*(?:import|export)\s)[^;=]){0,100000}?)\s+from\s+['"]([^'"\n]+)['"]|(?:^|[;\n])[ \t]*import\s+['"]([^'"\n]+)['"]|\brequire\(\s*['"]([^'"\n]+)['"]\s*\)|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;
  // `alias.member` uses of every identifier, in one scan (a scan per default or namespace import costs
  // imports × size on a file of imports).
  let members: Map<string, Set<string>> | undefined;
  const membersOf = (ns: string): Set<string> => {
    if (!members) {
      members = new Map();
      for (const u of text.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)/g)) {
        const set = members.get(u[1]!) ?? new Set<string>();
        set.add(u[2]!);
        members.set(u[1]!, set);
      }
    }
    return members.get(ns) ?? new Set();
  };
  for (const m of text.matchAll(re)) {
    const module = m[3] ?? m[4] ?? m[5] ?? m[6];
    if (!module) continue;
    const names: string[] = [];
    const clause = m[2] ?? '';
    const braces = /\{([\s\S]*)\}/.exec(clause);
    if (braces) {
      for (const part of braces[1]!.split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]!
          .trim();
        if (/^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default') names.push(name);
      }
    }
    // Default or namespace import: collect `alias.member` uses.
    const ns =
      /\*\s+as\s+([A-Za-z_$][\w$]*)/.exec(clause)?.[1] ??
      /^\s*([A-Za-z_$][\w$]*)\s*(?:,|$)/.exec(clause)?.[1];
    if (ns && ns !== 'type') names.push(...[...membersOf(ns)].slice(0, 40));
    out.push({ ecosystem: 'npm', module, names, line: lineOf(m.index + (m[0].match(/^[;\n]/) ? 1 : 0)) });
  }
  return out;
}

/** An npm package name (`x`, `@scope/x`); anything else is no package (and no name to show). */
const NPM_NAME = /^(?:@[a-z0-9~][\w.~-]*\/)?[a-z0-9~][\w.~-]*$/i;

/**
 * The npm package of a module specifier (`@scope/pkg/sub` → `@scope/pkg`), or undefined for local
 * ones and for specifiers that name no package (a URL, a path alias, markdown or control characters).
 */
export function npmPackageOf(spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('/') || /^[a-z]+:\/\//.test(spec)) return undefined;
  if (spec.startsWith('node:')) return /^node:[a-z_][\w-]*(?:\/[\w-]+)*$/i.test(spec) ? spec : undefined;
  if (spec.startsWith('#') || spec.startsWith('~/') || spec.startsWith('@/')) return undefined;
  const parts = spec.split('/');
  const pkg = spec.startsWith('@') ? (parts.length >= 2 ? `${parts[0]}/${parts[1]}` : undefined) : parts[0]!;
  if (!pkg || !NPM_NAME.test(pkg)) return undefined;
  return isNodeBuiltin(pkg) ? `node:${pkg}` : pkg;
}

export function isNodeBuiltin(name: string): boolean {
  const n = name.replace(/^node:/, '');
  return builtinModules.includes(n) || builtinModules.includes(n.split('/')[0]!);
}

/** Python standard library top-level modules (3.8–3.13), so imports of them are not "third-party". */
const PY_STDLIB = new Set(
  `__future__ abc argparse array ast asyncio atexit base64 binascii bisect builtins bz2 calendar cgi cmath
  code codecs collections colorsys concurrent configparser contextlib contextvars copy copyreg csv ctypes
  curses dataclasses datetime dbm decimal difflib dis email encodings enum errno faulthandler fcntl
  filecmp fileinput fnmatch fractions ftplib functools gc getopt getpass gettext glob graphlib grp gzip
  hashlib heapq hmac html http imaplib importlib inspect io ipaddress itertools json keyword linecache
  locale logging lzma mailbox marshal math mimetypes mmap multiprocessing netrc numbers operator optparse
  os pathlib pdb pickle pkgutil platform plistlib poplib posix pprint profile pstats pty pwd py_compile
  queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve
  shlex shutil signal site smtplib socket socketserver sqlite3 ssl stat statistics string stringprep
  struct subprocess symtable sys sysconfig syslog tarfile tempfile termios textwrap threading time
  timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle types typing unicodedata
  unittest urllib uuid venv warnings wave weakref webbrowser wsgiref xml xmlrpc zipapp zipfile zipimport
  zlib zoneinfo typing_extensions`.split(/\s+/),
);
// typing_extensions is third-party strictly speaking, but it only mirrors `typing`: no task needs its docs.

export function isPythonStdlib(top: string): boolean {
  return PY_STDLIB.has(top);
}

/** A PEP 508 distribution name; anything else in a manifest is no dependency (and no name to show). */
const PY_DIST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
/** A declared requirement is shown as written, up to this many characters. */
const MAX_SPEC_CHARS = 200;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Dependencies declared in manifests at the base commit. A manifest is the repository's: one that does
 * not parse declares nothing, and an entry of the wrong shape (a version that is no string, a name
 * that is no package name, a list where a table belongs) is left out.
 */
export function parseManifest(path: string, text: string, kind?: 'requirements'): ManifestDependency[] {
  const base = path.split('/').pop() ?? path;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    if (base === 'package.json') {
      const j: unknown = JSON.parse(text);
      if (!isRecord(j)) return [];
      const out: ManifestDependency[] = [];
      for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
        const deps = j[field];
        if (!isRecord(deps)) continue;
        for (const [name, spec] of Object.entries(deps)) {
          if (typeof spec !== 'string' || !NPM_NAME.test(name)) continue;
          out.push({ ecosystem: 'npm', name, spec: clipSpec(spec), file: path });
        }
      }
      return out;
    }
    if (
      kind === 'requirements' ||
      /^requirements.*\.(?:txt|in)$/.test(base) ||
      REQUIREMENTS_FILE.test(path)
    ) {
      return (
        text
          // A backslash at the end of a line continues it (pip joins them before parsing).
          .replace(/\\\r?\n/g, ' ')
          .split(/\r?\n/)
          // A comment starts at a `#` at the start of the line or after whitespace (`#egg=` is part of a URL).
          .map((l) => l.replace(/(?:^|\s)#.*/, '').trim())
          .filter((l) => l && !l.startsWith('-'))
          .map((l) => requirement(l, path))
          .filter((d): d is ManifestDependency => d !== undefined)
      );
    }
    if (base === 'pyproject.toml') {
      const t = parseToml(text) as Record<string, unknown>;
      const out: ManifestDependency[] = [];
      const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
      const project = isRecord(t.project) ? t.project : {};
      const reqs: unknown[] = [...list(project.dependencies)];
      const optional = isRecord(project['optional-dependencies']) ? project['optional-dependencies'] : {};
      for (const l of Object.values(optional)) reqs.push(...list(l));
      // PEP 735 dependency groups (tables in them include other groups: no requirement of their own).
      if (isRecord(t['dependency-groups']))
        for (const l of Object.values(t['dependency-groups'])) reqs.push(...list(l));
      for (const r of reqs) {
        const d = typeof r === 'string' ? requirement(r, path) : undefined;
        if (d) out.push(d);
      }
      const tool = isRecord(t.tool) ? t.tool : {};
      const poetry = isRecord(tool.poetry) ? tool.poetry : {};
      const tables = [poetry.dependencies, poetry['dev-dependencies']];
      if (isRecord(poetry.group))
        for (const g of Object.values(poetry.group)) if (isRecord(g)) tables.push(g.dependencies);
      for (const deps of tables) {
        if (!isRecord(deps)) continue;
        for (const [name, spec] of Object.entries(deps)) {
          if (name.toLowerCase() === 'python' || !PY_DIST_NAME.test(name)) continue;
          out.push({
            ecosystem: 'python',
            name,
            spec: clipSpec(typeof spec === 'string' ? spec : tableSpec(spec)),
            file: path,
          });
        }
      }
      return out;
    }
  } catch {
    // A manifest that does not parse declares nothing we can use; the spec checker reports it elsewhere.
    return [];
  }
  return [];
}

/** A pip requirements file by its name: `requirements*.txt` / `.in` at the top or in a `requirements/` folder. */
export const REQUIREMENTS_FILE = /^(?:requirements[^/]*|requirements\/[^/]+)\.(?:txt|in)$/;

/**
 * The requirements files a requirements file includes (`-r other.txt`, `--requirement=other.txt`), as
 * repository paths resolved from the including file's folder, each with its 1-based line. Constraints
 * files (`-c`) pin versions but declare nothing, so they are not followed. An include that is a URL,
 * an absolute path or leaves the repository is `outside` (never read).
 */
export function requirementIncludes(
  path: string,
  text: string,
): { line: number; target: string; outside: boolean; resolved?: string }[] {
  const out: { line: number; target: string; outside: boolean; resolved?: string }[] = [];
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.replace(/(?:^|\s)#.*/, '').trim();
    const m = /^(?:-r\s*|--requirement(?:\s*=\s*|\s+))(\S.*)$/.exec(l);
    if (!m) continue;
    // pip splits an option line like a shell does: a quoted path may hold spaces.
    const target = m[1]!.replace(/^(["'])(.*)\1$/, '$2');
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/') || target.startsWith('~')) {
      out.push({ line: i + 1, target, outside: true });
      continue;
    }
    const parts: string[] = dir ? dir.split('/') : [];
    let outside = false;
    for (const seg of target.split(/[\\/]+/)) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (!parts.length) outside = true;
        else parts.pop();
      } else parts.push(seg);
    }
    out.push(
      outside || !parts.length
        ? { line: i + 1, target, outside: true }
        : { line: i + 1, target, outside: false, resolved: parts.join('/') },
    );
  }
  return out;
}

/** A Poetry table (`{ version = "^1", extras = [...] }`) as JSON; one nested too deeply for that is `{…}`. */
function tableSpec(spec: unknown): string {
  try {
    return JSON.stringify(spec) ?? '';
  } catch {
    return '{…}';
  }
}

function clipSpec(spec: string): string {
  return spec.length > MAX_SPEC_CHARS ? `${spec.slice(0, MAX_SPEC_CHARS - 1)}…` : spec;
}

/**
 * One PEP 508 requirement (`name[extras] specifier ; marker`), or undefined for what is not one: a
 * URL or a path to an archive (`https://…/x.whl`, `./pkg`, `git+https://…`) names no distribution.
 */
function requirement(line: string, file: string): ManifestDependency | undefined {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/.exec(line.split(';')[0]!.trim());
  if (!m || !PY_DIST_NAME.test(m[1]!)) return undefined;
  if (/\.(?:whl|zip|tar\.gz|tgz|tar\.bz2|tar\.xz)$/i.test(m[1]!)) return undefined;
  // What may follow a name: a version specifier, `@ url`, or nothing; pip options (`--hash=…`) are not
  // part of the requirement.
  const rest = ` ${m[3]}`.replace(/\s+--?[A-Za-z][\w-]*(?:[= ]\S+)?/g, '').trim();
  if (rest && !/^[<>=!~@(]/.test(rest)) return undefined;
  return { ecosystem: 'python', name: m[1]!, spec: clipSpec(`${m[1]}${rest}`), file };
}

export function normalizePyName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Names kept per library (best first), and places each is used from. */
export const MAX_SYMBOLS_PER_LIBRARY = 100;
const MAX_SYMBOL_SOURCES = 6;

export interface DetectInput {
  taskText: string;
  sources: RelevantSource[];
  manifests: ManifestDependency[];
  /** Top-level Python module names of the project itself, and `npm:<name>` for its own package name. */
  localModules: Set<string>;
  /** Python import name → distribution name, from installed metadata (top_level.txt). */
  pythonDistOf?: (importName: string) => string | undefined;
  /** Python distribution name → the module it is imported as (`PyYAML` → `yaml`), when installed. */
  pythonImportOf?: (distName: string) => string | undefined;
  /**
   * The library a dotted module belongs to when its top-level package is a namespace several
   * distributions install into (`google.protobuf.message` → `google.protobuf`), or undefined.
   */
  pythonLibraryOf?: (module: string) => string | undefined;
}

/**
 * The files that import a library, most relevant first (repository paths): node resolves a package from
 * the importing file's folder upwards, so a workspace package's own node_modules comes before the root's.
 */
const importersOfLib = new WeakMap<LibraryRef, { path: string; weight: number }[]>();

export function importersOf(lib: LibraryRef): string[] {
  // Stable: of equally relevant importers, the first given comes first.
  return [...(importersOfLib.get(lib) ?? [])].sort((a, b) => b.weight - a.weight).map((i) => i.path);
}

/**
 * Libraries the task touches, best first. Evidence: imports in the relevant code (weighted by how
 * relevant the importing file is) and the library's name in the task's own text. A library that is
 * only declared in a manifest is not "touched".
 */
export function detectLibraries(input: DetectInput): LibraryRef[] {
  const libs = new Map<string, LibraryRef>();
  const get = (ecosystem: Ecosystem, importName: string): LibraryRef => {
    const key = `${ecosystem}:${importName}`;
    let l = libs.get(key);
    if (!l) {
      const packageName =
        ecosystem === 'python' ? (input.pythonDistOf?.(importName) ?? importName) : importName;
      l = { ecosystem, importName, packageName, score: 0, reasons: [], symbols: [] };
      libs.set(key, l);
    }
    return l;
  };
  // Symbols by library and name: a file may import thousands of names from one library.
  const symbolIndex = new Map<LibraryRef, Map<string, LibraryRef['symbols'][number]>>();
  const addSymbol = (l: LibraryRef, name: string, score: number, from: string, module: string) => {
    let byName = symbolIndex.get(l);
    if (!byName) symbolIndex.set(l, (byName = new Map()));
    let s = byName.get(name);
    if (!s) {
      s = { name, score: 0, from: [], module };
      l.symbols.push(s);
      byName.set(name, s);
    }
    s.score += score;
    if (s.from.length < MAX_SYMBOL_SOURCES && !s.from.includes(from)) s.from.push(from);
  };

  const weights = new Map<LibraryRef, number[]>();
  const use = (src: RelevantSource, imp: ImportUse, lib: LibraryRef, names: string[]) => {
    const importers = importersOfLib.get(lib) ?? [];
    if (!importers.some((i) => i.path === src.path) && importers.length < 6)
      importersOfLib.set(lib, [...importers, { path: src.path, weight: src.weight }]);
    const reason = `imported by ${src.path}:${imp.line}`;
    if (!lib.reasons.includes(reason) && lib.reasons.length < 6) lib.reasons.push(reason);
    const ws = weights.get(lib);
    if (ws) ws.push(src.weight);
    else weights.set(lib, [src.weight]);
    for (const n of names) addSymbol(lib, n, src.weight, `${src.path}:${imp.line}`, imp.module);
  };
  for (const src of input.sources) {
    for (const imp of parseImports(src.path, src.text)) {
      let lib: LibraryRef | undefined;
      if (imp.ecosystem === 'python') {
        if (imp.module.startsWith('.')) continue;
        const top = imp.module.split('.')[0]!;
        if (isPythonStdlib(top) || input.localModules.has(top)) continue;
        const libOf = input.pythonLibraryOf;
        const whole = libOf?.(imp.module);
        if (libOf && !whole && imp.names.length > 0) {
          // `from google.cloud import storage, pubsub`: each name is a package of its own distribution.
          const byLib = new Map<string, string[]>();
          for (const n of imp.names) {
            const full = `${imp.module}.${n}`;
            const l = libOf(full) ?? top;
            // The name is the library's own package (`storage` of google.cloud.storage): what the code
            // uses of it is `storage.Client`, not a name `storage` inside it.
            const own =
              l === full ? (imp.members && Object.hasOwn(imp.members, n) ? imp.members[n]! : []) : [n];
            byLib.set(l, [...(byLib.get(l) ?? []), ...own]);
          }
          for (const [l, names] of byLib) use(src, imp, get('python', l), names);
          continue;
        }
        lib = get('python', whole ?? top);
      } else {
        const pkg = npmPackageOf(imp.module);
        if (!pkg) continue;
        // Bare specifiers are packages (local code is imported by relative path); only the
        // project's own package name (a self-reference) is local.
        if (input.localModules.has(`npm:${pkg}`)) continue;
        lib = get('npm', pkg);
      }
      use(src, imp, lib, imp.names);
    }
  }

  // The most relevant importer counts fully, further importers a little: a library every test file
  // imports is not thereby more relevant than the one the code to change uses.
  for (const [lib, ws] of weights) {
    const sorted = [...ws].sort((a, b) => b - a);
    const rest = sorted.slice(1).reduce((a, c) => a + c, 0);
    lib.score += (sorted[0] ?? 0) + 0.2 * rest;
    // Node's built-in modules are documented in @types/node and well known; packages come first.
    if (lib.importName.startsWith('node:')) lib.score *= 0.6;
  }

  // Libraries named in the task text: declared dependencies whose name appears as a word.
  const text = input.taskText;
  const lowerText = text.toLowerCase();
  // A substring test first: a manifest may list thousands of names, and a pattern per name is costly.
  const named = (n: string) =>
    lowerText.includes(n.toLowerCase()) &&
    new RegExp(`(?<![\\w/-])${escapeRe(n)}(?![\\w/-])`, 'i').test(text);
  const namedLibs = new Set<LibraryRef>();
  for (const dep of input.manifests) {
    if (dep.ecosystem === 'npm' && dep.name.startsWith('@types/')) continue;
    if (!named(dep.name)) continue;
    const importName =
      dep.ecosystem === 'python'
        ? ([...libs.values()].find(
            (l) => l.ecosystem === 'python' && normalizePyName(l.packageName) === normalizePyName(dep.name),
          )?.importName ??
          input.pythonImportOf?.(dep.name) ??
          dep.name.toLowerCase().replace(/[-.]/g, '_'))
        : dep.name;
    const lib = get(dep.ecosystem, importName);
    // Declared in two manifests (requirements.txt and pyproject.toml) is still named once.
    if (namedLibs.has(lib)) continue;
    namedLibs.add(lib);
    lib.score += 1;
    lib.reasons.unshift(`named in the task (${dep.name})`);
  }
  // Imported libraries named in the task text by their import name.
  for (const lib of libs.values()) {
    // `node:test` is named by "node:test", never by the word "test".
    const bare = lib.importName;
    if (namedLibs.has(lib)) continue;
    if (named(bare)) {
      lib.score += 1;
      lib.reasons.unshift(`named in the task (${bare})`);
    }
  }

  // Declared versions: the first declaration of each name, looked up by name (not a scan per library).
  const npmDeclared = new Map<string, ManifestDependency>();
  const pyDeclared = new Map<string, ManifestDependency>();
  for (const d of input.manifests) {
    const [map, key] = d.ecosystem === 'npm' ? [npmDeclared, d.name] : [pyDeclared, normalizePyName(d.name)];
    if (!map.has(key)) map.set(key, d);
  }
  const firstOf = (...deps: (ManifestDependency | undefined)[]) =>
    deps
      .filter((d): d is ManifestDependency => d !== undefined)
      .sort((x, y) => input.manifests.indexOf(x) - input.manifests.indexOf(y))[0];
  for (const lib of libs.values()) {
    const dep =
      lib.ecosystem === 'npm'
        ? firstOf(
            npmDeclared.get(lib.importName),
            lib.importName.startsWith('node:') ? npmDeclared.get('@types/node') : undefined,
          )
        : firstOf(
            pyDeclared.get(normalizePyName(lib.packageName)),
            pyDeclared.get(normalizePyName(lib.importName)),
          );
    if (dep) {
      lib.declared = { file: dep.file, spec: dep.spec };
      if (lib.ecosystem === 'python') lib.packageName = dep.name;
    }
  }

  // Identifiers of the task text raise the symbols they name.
  const taskIdents = new Set([...text.matchAll(/[A-Za-z_$][\w$]*/g)].map((m) => m[0]));
  const taskTerms = new Set(terms(text));
  for (const lib of libs.values()) {
    for (const s of lib.symbols) {
      if (taskIdents.has(s.name)) s.score += 1;
      // Words of the name the task talks about (`DateTime` for "the time is recorded in UTC").
      const parts = [...new Set(terms(s.name))];
      const shared = parts.filter((t) => taskTerms.has(t)).length;
      if (parts.length) s.score += (0.5 * shared) / parts.length;
      s.score = Math.round(s.score * 1000) / 1000;
    }
    lib.symbols.sort((a, b) => b.score - a.score || byCodeUnits(a.name, b.name));
    // The best names are the ones looked up and written to the evidence; a file importing thousands
    // of names from one library would otherwise fill it with them.
    lib.symbols.length = Math.min(lib.symbols.length, MAX_SYMBOLS_PER_LIBRARY);
    lib.score = Math.round(lib.score * 1000) / 1000;
  }
  return [...libs.values()]
    .filter((l) => l.score > 0)
    .sort((a, b) => b.score - a.score || byCodeUnits(a.importName, b.importName));
}

/** Identifiers in the task text that may name library APIs: `code spans`, CamelCase words, calls. */
export function taskIdentifiers(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/`([A-Za-z_$][\w$.]*)(?:\(\))?`/g)) out.add(m[1]!.split('.').pop()!);
  for (const m of text.matchAll(/\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)\b/g)) out.add(m[1]!);
  for (const m of text.matchAll(/\b([A-Za-z_]\w*)\(/g)) out.add(m[1]!);
  return [...out];
}

/**
 * Ties are broken by code units, never by the machine's locale (`localeCompare` puts `aa` after `z` in
 * Danish): the same task gives the same libraries everywhere.
 */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
