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
  line: number;
}

export interface ManifestDependency {
  ecosystem: Ecosystem;
  name: string;
  spec: string;
  file: string;
}

const PY_EXT = /\.pyi?$/;
const JS_EXT = /\.(?:[cm]?[jt]sx?)$/;

/** Imports of a Python or JS/TS file (by extension); other files have none. */
export function parseImports(path: string, text: string): ImportUse[] {
  if (PY_EXT.test(path)) return parsePythonImports(text);
  if (JS_EXT.test(path)) return parseJsImports(text);
  return [];
}

export function parsePythonImports(text: string): ImportUse[] {
  const out: ImportUse[] = [];
  const lineOf = (idx: number) => text.slice(0, idx).split('\n').length;
  const aliases = new Map<string, string>();
  for (const m of text.matchAll(/^[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]+(\([^)]{0,4000}\)|[^\n#]+)/gm)) {
    const module = m[1]!;
    const names = m[2]!
      .replace(/[()\\]/g, ' ')
      .split(',')
      .map((s) =>
        s
          .trim()
          .split(/\s+as\s+/)[0]!
          .trim(),
      )
      .filter((s) => /^[A-Za-z_]\w*$/.test(s));
    out.push({ ecosystem: 'python', module, names, line: lineOf(m.index) });
  }
  for (const m of text.matchAll(/^[ \t]*import[ \t]+([^\n#]+)/gm)) {
    for (const part of m[1]!.split(',')) {
      const [mod, alias] = part.trim().split(/\s+as\s+/);
      if (!mod || !/^[\w.]+$/.test(mod)) continue;
      aliases.set(alias?.trim() || mod, mod);
      out.push({ ecosystem: 'python', module: mod, names: [], line: lineOf(m.index) });
    }
  }
  // `sa.Column(...)`, `sqlalchemy.orm.relationship(...)`: names used through a module alias.
  for (const [alias, mod] of aliases) {
    const re = new RegExp(`(?<![\\w.])${alias.replace(/\./g, '\\.')}\\.([A-Za-z_]\\w*)`, 'g');
    const used = new Set<string>();
    for (const u of text.matchAll(re)) used.add(u[1]!);
    const entry = out.find((e) => e.module === mod && e.names.length === 0);
    if (entry) entry.names.push(...[...used].slice(0, 40));
  }
  return out;
}

export function parseJsImports(text: string): ImportUse[] {
  const out: ImportUse[] = [];
  const lineOf = (idx: number) => text.slice(0, idx).split('\n').length;
  const re =
    /(?:^|[;\n])[ \t]*(?:import|export)\s+(type\s+)?([\s\S]*?)\s+from\s+['"]([^'"\n]+)['"]|(?:^|[;\n])[ \t]*import\s+['"]([^'"\n]+)['"]|\brequire\(\s*['"]([^'"\n]+)['"]\s*\)|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;
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
    if (ns && ns !== 'type') {
      const used = new Set<string>();
      for (const u of text.matchAll(
        new RegExp(`(?<![\\w$.])${ns.replace(/\$/g, '\\$')}\\.([A-Za-z_$][\\w$]*)`, 'g'),
      )) {
        used.add(u[1]!);
      }
      names.push(...[...used].slice(0, 40));
    }
    out.push({ ecosystem: 'npm', module, names, line: lineOf(m.index + (m[0].match(/^[;\n]/) ? 1 : 0)) });
  }
  return out;
}

/** The npm package of a module specifier (`@scope/pkg/sub` → `@scope/pkg`), or undefined for local ones. */
export function npmPackageOf(spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('/') || /^[a-z]+:\/\//.test(spec)) return undefined;
  if (spec.startsWith('node:')) return spec;
  if (spec.startsWith('#') || spec.startsWith('~/') || spec.startsWith('@/')) return undefined;
  const parts = spec.split('/');
  if (spec.startsWith('@')) return parts.length >= 2 ? `${parts[0]}/${parts[1]}` : undefined;
  const base = parts[0]!;
  return isNodeBuiltin(base) ? `node:${base}` : base;
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

/** Dependencies declared in manifests at the base commit. */
export function parseManifest(path: string, text: string): ManifestDependency[] {
  const base = path.split('/').pop() ?? path;
  try {
    if (base === 'package.json') {
      const j = JSON.parse(text) as Record<string, unknown>;
      const out: ManifestDependency[] = [];
      for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
        const deps = j[field];
        if (deps && typeof deps === 'object') {
          for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
            out.push({ ecosystem: 'npm', name, spec: String(spec), file: path });
          }
        }
      }
      return out;
    }
    if (/^requirements.*\.(?:txt|in)$/.test(base)) {
      return text
        .split('\n')
        .map((l) => l.replace(/#.*/, '').trim())
        .filter((l) => l && !l.startsWith('-'))
        .map((l) => requirement(l, path))
        .filter((d): d is ManifestDependency => d !== undefined);
    }
    if (base === 'pyproject.toml') {
      const t = parseToml(text) as Record<string, unknown>;
      const out: ManifestDependency[] = [];
      const project = (t.project ?? {}) as Record<string, unknown>;
      const reqs: unknown[] = [...((project.dependencies as unknown[]) ?? [])];
      const optional = (project['optional-dependencies'] ?? {}) as Record<string, unknown[]>;
      for (const list of Object.values(optional)) if (Array.isArray(list)) reqs.push(...list);
      for (const r of reqs) {
        const d = typeof r === 'string' ? requirement(r, path) : undefined;
        if (d) out.push(d);
      }
      const poetry = ((t.tool as Record<string, unknown> | undefined)?.poetry ?? {}) as Record<
        string,
        unknown
      >;
      for (const key of ['dependencies', 'dev-dependencies']) {
        const deps = poetry[key];
        if (deps && typeof deps === 'object') {
          for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
            if (name.toLowerCase() === 'python') continue;
            out.push({
              ecosystem: 'python',
              name,
              spec: typeof spec === 'string' ? spec : JSON.stringify(spec),
              file: path,
            });
          }
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

function requirement(line: string, file: string): ManifestDependency | undefined {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/.exec(line.split(';')[0]!.trim());
  if (!m) return undefined;
  return { ecosystem: 'python', name: m[1]!, spec: `${m[1]}${m[3] ? m[3].trim() : ''}`, file };
}

export function normalizePyName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export interface DetectInput {
  taskText: string;
  sources: RelevantSource[];
  manifests: ManifestDependency[];
  /** Top-level Python module names of the project itself, and `npm:<name>` for its own package name. */
  localModules: Set<string>;
  /** Python import name → distribution name, from installed metadata (top_level.txt). */
  pythonDistOf?: (importName: string) => string | undefined;
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
  const addSymbol = (l: LibraryRef, name: string, score: number, from: string, module: string) => {
    let s = l.symbols.find((x) => x.name === name);
    if (!s) {
      s = { name, score: 0, from: [], module };
      l.symbols.push(s);
    }
    s.score += score;
    if (!s.from.includes(from)) s.from.push(from);
  };

  const weights = new Map<LibraryRef, number[]>();
  for (const src of input.sources) {
    for (const imp of parseImports(src.path, src.text)) {
      let lib: LibraryRef | undefined;
      if (imp.ecosystem === 'python') {
        if (imp.module.startsWith('.')) continue;
        const top = imp.module.split('.')[0]!;
        if (isPythonStdlib(top) || input.localModules.has(top)) continue;
        lib = get('python', top);
      } else {
        const pkg = npmPackageOf(imp.module);
        if (!pkg) continue;
        // Bare specifiers are packages (local code is imported by relative path); only the
        // project's own package name (a self-reference) is local.
        if (input.localModules.has(`npm:${pkg}`)) continue;
        lib = get('npm', pkg);
      }
      const reason = `imported by ${src.path}:${imp.line}`;
      if (!lib.reasons.includes(reason) && lib.reasons.length < 6) lib.reasons.push(reason);
      weights.set(lib, [...(weights.get(lib) ?? []), src.weight]);
      for (const n of imp.names) addSymbol(lib, n, src.weight, `${src.path}:${imp.line}`, imp.module);
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
  for (const dep of input.manifests) {
    const names = [dep.name];
    if (dep.ecosystem === 'npm' && dep.name.startsWith('@types/')) continue;
    const hit = names.some((n) => new RegExp(`(?<![\\w/-])${escapeRe(n)}(?![\\w/-])`, 'i').test(text));
    if (!hit) continue;
    const importName =
      dep.ecosystem === 'python'
        ? ([...libs.values()].find(
            (l) => l.ecosystem === 'python' && normalizePyName(l.packageName) === normalizePyName(dep.name),
          )?.importName ?? dep.name.toLowerCase().replace(/-/g, '_'))
        : dep.name;
    const lib = get(dep.ecosystem, importName);
    lib.score += 1;
    lib.reasons.unshift(`named in the task (${dep.name})`);
  }
  // Imported libraries named in the task text by their import name.
  for (const lib of libs.values()) {
    // `node:test` is named by "node:test", never by the word "test".
    const bare = lib.importName;
    if (lib.reasons.some((r) => r.startsWith('named in the task'))) continue;
    if (new RegExp(`(?<![\\w/-])${escapeRe(bare)}(?![\\w/-])`, 'i').test(text)) {
      lib.score += 1;
      lib.reasons.unshift(`named in the task (${bare})`);
    }
  }

  // Declared versions.
  for (const lib of libs.values()) {
    const dep = input.manifests.find(
      (d) =>
        d.ecosystem === lib.ecosystem &&
        (lib.ecosystem === 'npm'
          ? d.name === lib.importName || (lib.importName.startsWith('node:') && d.name === '@types/node')
          : normalizePyName(d.name) === normalizePyName(lib.packageName) ||
            normalizePyName(d.name) === normalizePyName(lib.importName)),
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
    lib.symbols.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    lib.score = Math.round(lib.score * 1000) / 1000;
  }
  return [...libs.values()]
    .filter((l) => l.score > 0)
    .sort((a, b) => b.score - a.score || a.importName.localeCompare(b.importName));
}

/** Identifiers in the task text that may name library APIs: `code spans`, CamelCase words, calls. */
export function taskIdentifiers(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/`([A-Za-z_$][\w$.]*)(?:\(\))?`/g)) out.add(m[1]!.split('.').pop()!);
  for (const m of text.matchAll(/\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)\b/g)) out.add(m[1]!);
  for (const m of text.matchAll(/\b([A-Za-z_]\w*)\(/g)) out.add(m[1]!);
  return [...out];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
