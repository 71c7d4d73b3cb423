/**
 * External knowledge for a task: the third-party libraries it touches and their API facts, from what
 * is installed (TypeScript declarations in node_modules, Python stubs and docstrings in site-packages)
 * and, when a key is configured, from Context7. Offline by default; never fails a bundle.
 */
import { existsSync, lstatSync, mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { runCommand } from '../exec/index.js';
import { execGit } from '../git/git.js';
import { escapeControlChars } from '../util/chars.js';
import { silentLogger, type Logger } from '../util/log.js';
import { capChars, Context7Client, Context7Error, versionedId, type Context7Options } from './context7.js';
import {
  detectLibraries,
  importersOf,
  normalizePyName,
  parseManifest,
  taskIdentifiers,
  type ManifestDependency,
} from './detect.js';
import {
  clearPythonCache,
  distRoots,
  findPythonPackage,
  importNameOf,
  installedDists,
  pythonFact,
  unreadableFiles as pyUnreadable,
  type PythonPackage,
} from './python.js';
import {
  clearTypescriptCache,
  findNpmPackage,
  typescriptFact,
  unreadableFiles as tsUnreadable,
  type NpmPackage,
} from './typescript.js';
import { readLockfiles, type LockIndex } from './lockfiles.js';
import type {
  ApiFact,
  Ecosystem,
  KnowledgeNote,
  KnowledgeResult,
  LibraryRef,
  RelevantSource,
} from './types.js';

export type { ApiFact, KnowledgeNote, KnowledgeResult, LibraryRef, RelevantSource } from './types.js';
export {
  Context7Client,
  Context7Error,
  CONTEXT7_DEFAULT_BASE_URL,
  type Context7Options,
} from './context7.js';
export { detectLibraries, parseImports, parseManifest, type ManifestDependency } from './detect.js';

export interface PythonEnvOptions {
  /** site-packages directories to search, in order; skips asking an interpreter. */
  sitePackages?: string[];
  /** Interpreters to ask for their `sys.path` (default: the repository's .venv/venv, then python3). */
  interpreters?: string[];
}

export interface GatherKnowledgeOptions {
  root: string;
  /** The task's text (title, goal, criteria, plan). */
  taskText: string;
  /** Short query for documentation services (the title and goal). */
  docsQuery?: string;
  /** The code the task is about, most relevant first, with weights. */
  sources: RelevantSource[];
  /** Manifests at the base commit (package.json, requirements*.txt, pyproject.toml). */
  manifests: { path: string; text: string; kind?: 'requirements' }[];
  /** Top-level module names that belong to the project (never third-party). */
  localModules: Set<string>;
  python?: PythonEnvOptions;
  /** node_modules directories to search (default: `<root>/node_modules`). */
  nodeModules?: string[];
  context7?: Context7Options;
  maxLibraries?: number;
  maxFactsPerLibrary?: number;
  log?: Logger;
}

const sysPathCache = new Map<string, string[] | null>();

/** site-packages directories of the given interpreters (asked once per process each). */
export async function discoverSitePackages(
  interpreters: string[],
  log: Logger = silentLogger,
): Promise<string[]> {
  const out: string[] = [];
  for (const py of interpreters) {
    let paths = sysPathCache.get(py);
    if (paths === undefined) {
      const quoted = `'${py.replace(/'/g, `'\\''`)}'`;
      // Asked from an empty folder, never from the repository: `python -c` puts the working folder first
      // on the import path, so a committed json.py or sys.py would run.
      const empty = mkdtempSync(join(tmpdir(), 'guardian-python-'));
      const r = await runCommand({
        command: `${quoted} -c 'import json, sys; print(json.dumps(sys.path))'`,
        cwd: empty,
        timeoutMs: 20_000,
        maxOutputBytes: 64 * 1024,
      }).finally(() => rmSync(empty, { recursive: true, force: true }));
      paths = null;
      if (r.exitCode === 0) {
        try {
          const line = r.output.trim().split('\n').pop() ?? '[]';
          paths = (JSON.parse(line) as unknown[]).filter((p): p is string => typeof p === 'string');
        } catch {
          paths = null;
        }
      }
      if (!paths) log.debug(`python interpreter ${py} did not answer (${r.error ?? `exit ${r.exitCode}`})`);
      sysPathCache.set(py, paths);
    }
    for (const p of paths ?? []) {
      if (!/(?:site|dist)-packages\/?$/.test(p)) continue;
      if (!isDir(p) || out.includes(p)) continue;
      out.push(p);
    }
  }
  return out;
}

/** Where a node_modules folder that is a link leading out of its project's folder points, if it is one. */
function linkedOutOfProject(nm: string): string | undefined {
  try {
    if (!lstatSync(nm).isSymbolicLink()) return undefined;
    const to = realpathSync(nm);
    const rel = relative(realpathSync(dirname(nm)), to);
    return rel.startsWith('..') || isAbsolute(rel) ? to : undefined;
  } catch {
    return undefined;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function defaultInterpreters(root: string): string[] {
  const venvs = ['.venv/bin/python', 'venv/bin/python', '.venv/Scripts/python.exe']
    .filter((p) => existsSync(join(root, p)))
    // A virtualenv made on this machine is git-ignored; an interpreter the repository itself commits is
    // code from the repository, and the Bundler never runs that.
    .filter((p) => !isTracked(root, p))
    .map((p) => join(root, p));
  return [...venvs, 'python3', '/usr/bin/python3'];
}

function isTracked(root: string, rel: string): boolean {
  const r = execGit(['ls-files', '-z', '--', rel], { cwd: root, allowFailure: true });
  // Outside a repository nothing is tracked, and nothing vouches for the file either.
  return r.code !== 0 || r.stdout.length > 0;
}

/** Gathers libraries, API facts and notes. Errors of providers become notes. */
export async function gatherKnowledge(opts: GatherKnowledgeOptions): Promise<KnowledgeResult> {
  const log = opts.log ?? silentLogger;
  clearPythonCache();
  clearTypescriptCache();
  const notes: KnowledgeNote[] = [];
  const manifests: ManifestDependency[] = opts.manifests.flatMap((m) =>
    parseManifest(m.path, m.text, m.kind),
  );
  const maxLibraries = opts.maxLibraries ?? 4;
  const maxFacts = opts.maxFactsPerLibrary ?? 6;

  // Python environment only when the task touches Python code or declares Python dependencies.
  const pythonRelevant =
    opts.sources.some((s) => /\.pyi?$/.test(s.path)) || manifests.some((d) => d.ecosystem === 'python');
  let sites: string[] = [];
  if (pythonRelevant) {
    sites =
      opts.python?.sitePackages?.filter(isDir) ??
      (await discoverSitePackages(opts.python?.interpreters ?? defaultInterpreters(opts.root), log));
    if (sites.length === 0)
      notes.push({ message: 'no Python site-packages found: no offline API facts for Python libraries' });
  }
  const topLevelDist = new Map<string, string>();
  const distImport = new Map<string, string>();
  for (const site of sites) {
    for (const d of installedDists(site)) {
      for (const t of d.topLevel) if (!topLevelDist.has(t)) topLevelDist.set(t, d.name);
      const imp = importNameOf(d);
      const key = normalizePyName(d.name);
      if (imp && !distImport.has(key)) distImport.set(key, imp);
    }
  }
  // A stubs-only distribution names the package it types (`types-Pillow` installs `PIL-stubs`): with
  // the package itself not installed, that still tells `PIL` and Pillow are one library. Stubs of a
  // namespace (`google-stubs`, from types-protobuf and others) name no one distribution.
  const typedBy = new Map<string, Set<string>>();
  for (const site of sites) {
    for (const d of installedDists(site)) {
      const typed = /^types[-_.](.+)$/i.exec(d.name)?.[1];
      if (!typed) continue;
      for (const t of d.topLevel) {
        const imp = /^([A-Za-z_]\w*)-stubs$/.exec(t)?.[1];
        if (imp) typedBy.set(imp, (typedBy.get(imp) ?? new Set()).add(typed));
      }
    }
  }
  for (const [imp, typed] of typedBy) {
    if (typed.size !== 1) continue;
    const [dist] = [...typed];
    if (!topLevelDist.has(imp)) topLevelDist.set(imp, dist!);
    if (!distImport.has(normalizePyName(dist!))) distImport.set(normalizePyName(dist!), imp);
  }

  // Distributions sharing a namespace (`google-auth` and `protobuf` both install under `google/`) each
  // own their packages below it (`google.auth`, `google.protobuf`), by their RECORD: a module of the
  // namespace is attributed to the distribution owning it, at that distribution's version.
  // Stubs-only distributions (`types-protobuf`) do not: their version is not the library's.
  const rootDist = new Map<string, string>();
  for (const site of sites)
    for (const d of installedDists(site)) {
      if (/^types[-_.]/i.test(d.name)) continue;
      for (const r of distRoots(d)) if (r.includes('.') && !rootDist.has(r)) rootDist.set(r, d.name);
    }
  const namespaces = new Set<string>();
  for (const r of rootDist.keys()) {
    const parts = r.split('.');
    for (let k = 1; k < parts.length; k++) namespaces.add(parts.slice(0, k).join('.'));
  }
  const pythonLibraryOf = (module: string): string | undefined => {
    const parts = module.split('.');
    if (!namespaces.has(parts[0]!)) return undefined;
    for (let k = parts.length; k >= 2; k--) {
      const p = parts.slice(0, k).join('.');
      if (rootDist.has(p)) return p;
    }
    // Not installed: the package below the namespaces others install into (`google.cloud.storage`).
    for (let k = 2; k <= parts.length; k++) {
      const p = parts.slice(0, k).join('.');
      if (!namespaces.has(p)) return p;
    }
    return undefined;
  };

  const libraries = detectLibraries({
    taskText: opts.taskText,
    sources: opts.sources,
    manifests,
    localModules: opts.localModules,
    pythonDistOf: (n) => rootDist.get(n) ?? topLevelDist.get(n),
    pythonLibraryOf: namespaces.size > 0 ? pythonLibraryOf : undefined,
    pythonImportOf: (n) => distImport.get(normalizePyName(n)),
  }).slice(0, maxLibraries);

  // Lock files of the ecosystems the libraries belong to: the version used when one is not installed.
  const ecosystems = new Set<Ecosystem>(libraries.map((l) => l.ecosystem));
  let locks: LockIndex | undefined;
  if (ecosystems.size > 0) {
    locks = readLockfiles(opts.root, ecosystems, manifests);
    notes.push(...locks.notes);
    for (const lib of libraries) {
      const locked = lockedVersion(locks, lib);
      if (locked) lib.locked = { file: locked.file, versions: [...locked.versions] };
    }
  }

  const nodeModules = (opts.nodeModules ?? [join(opts.root, 'node_modules')]).filter(isDir);
  // Said once, or every library would read "no TypeScript declarations installed" with no reason why.
  if (libraries.some((l) => l.ecosystem === 'npm')) {
    for (const nm of nodeModules) {
      const to = linkedOutOfProject(nm);
      if (to)
        notes.push({
          message: `${codeSpan(nm)} is a symbolic link out of the project (to ${codeSpan(to)}): declarations there are not read`,
        });
    }
  }
  const identifiers = taskIdentifiers(opts.taskText);
  // A name of the task text that the code imports from one library is that library's: `Session` is
  // SQLAlchemy's when the code imports it from sqlalchemy.orm, not pytest's `Session` too.
  const importedFrom = new Map<string, Set<LibraryRef>>();
  for (const lib of libraries)
    for (const s of lib.symbols) {
      const set = importedFrom.get(s.name) ?? new Set<LibraryRef>();
      set.add(lib);
      importedFrom.set(s.name, set);
    }
  const taskNamesFor = (lib: LibraryRef) =>
    identifiers.filter((n) => {
      const owners = importedFrom.get(n);
      return !owners || owners.has(lib);
    });
  const facts: ApiFact[] = [];
  // Libraries whose version is their `@types` package's, not their own.
  const typesVersionOnly = new Set<LibraryRef>();

  for (const lib of libraries) {
    const label = lib.ecosystem === 'python' ? lib.packageName : lib.importName;
    // Installed files are the repository's (or anyone's): one that cannot be read costs its facts, never
    // the bundle.
    try {
      if (lib.ecosystem === 'python') {
        const pkg = findPythonPackage(sites, lib.importName);
        if (!pkg) {
          notes.push({
            library: label,
            message: `${label} is not installed in ${sites.length ? sites.map(codeSpan).join(', ') : 'any site-packages found'}: no offline API facts${lockedClause(lib)}`,
          });
          continue;
        }
        lib.version = pkg.version;
        noteVersionMismatch(lib, label, notes);
        if (pkg.compiled) {
          notes.push({
            library: label,
            message: `${label} is a compiled module (${codeSpan(pkg.compiled)}) without stubs or sources: no offline API facts`,
          });
          continue;
        }
        facts.push(
          ...pickFacts(lib, taskNamesFor(lib), maxFacts, (name, module) =>
            pythonFact(pkg, name, label, module),
          ),
        );
        noteIfNone(lib, facts, notes, pkg);
      } else {
        // Resolved as node does from the most relevant importing file: a workspace package's own
        // node_modules (another version) comes before the root's.
        const pkg =
          findNpmPackage(nestedNodeModules(opts.root, importersOf(lib)), lib.importName, opts.root) ??
          findNpmPackage(nodeModules, lib.importName);
        if (!pkg) {
          notes.push({
            library: label,
            message: `${label}: no TypeScript declarations installed (${nodeModules.length ? nodeModules.map(codeSpan).join(', ') : 'no node_modules'}): no offline API facts${lockedClause(lib)}`,
          });
          continue;
        }
        lib.version = pkg.version;
        // A workspace's own copy (`packages/web/node_modules/zod`) is compared with what the lock file
        // records for that location, not for the root's.
        const atPath = pkg.typesPackage
          ? undefined
          : locks?.npmPaths.get(relative(opts.root, pkg.dir).split(sep).join('/'));
        if (atPath) lib.locked = { file: atPath.file, versions: [...atPath.versions] };
        if (pkg.versionOfTypes) typesVersionOnly.add(lib);
        if (pkg.versionOfTypes && lib.locked) {
          // Declarations of `@types/x` at their own version: the library itself is not installed.
          notes.push({
            library: label,
            message: `${label} is not installed: the API facts are from ${pkg.typesPackage} ${pkg.version}${lockedClause(lib)}`,
          });
        } else noteVersionMismatch(lib, label, notes);
        facts.push(
          ...pickFacts(lib, taskNamesFor(lib), maxFacts, (name, module) =>
            typescriptFact(pkg, name, label, module),
          ),
        );
        noteIfNone(lib, facts, notes, pkg);
      }
    } catch (e) {
      notes.push({
        library: label,
        message: `${label}: its installed files could not be read (${(e as Error).message}): no offline API facts`,
      });
    }
  }
  // Installed files are untrusted too: a declaration on one minified line of megabytes would cost
  // minutes of token counting before the budget leaves it out.
  for (const f of facts) f.text = capChars(f.text, MAX_FACT_CHARS);
  for (const [file, why] of [...pyUnreadable, ...tsUnreadable])
    notes.push({ message: `skipped unreadable ${codeSpan(file)} (${why})` });

  if (opts.context7 && libraries.length > 0) {
    const client = new Context7Client(opts.context7);
    let stopped: string | undefined;
    const query = (opts.docsQuery ?? opts.taskText).slice(0, 400);
    const asked = libraries.slice(0, 3);
    for (const [k, lib] of asked.entries()) {
      const name = lib.ecosystem === 'npm' ? lib.importName.replace(/^node:/, 'node ') : lib.packageName;
      if (stopped) {
        const rest = asked.slice(k).map((l) => (l.ecosystem === 'python' ? l.packageName : l.importName));
        notes.push({ message: `Context7 not asked about ${rest.join(', ')} after: ${stopped}` });
        break;
      }
      try {
        const found = await client.searchLibraries(name, query);
        const best = found[0];
        if (!best) {
          notes.push({ library: name, message: `Context7 has no library matching ${name}` });
          continue;
        }
        // The installed version is what the code runs against; without one, the locked version.
        const id = versionedId(
          best,
          typesVersionOnly.has(lib) ? soleLocked(lib) : (lib.version ?? soleLocked(lib)),
        );
        const snippets = await client.context(id, query);
        snippets.slice(0, 3).forEach((s, i) => {
          facts.push({
            library: lib.ecosystem === 'python' ? lib.packageName : lib.importName,
            version: lib.version,
            symbol: s.title,
            kind: 'documentation',
            text: s.content,
            language: s.language || 'text',
            provider: 'context7',
            source: `context7:${id}${s.source ? ` (${s.source})` : ''}`,
            score: 0.5 - i * 0.1,
          });
        });
      } catch (e) {
        notes.push({ library: name, message: (e as Error).message });
        log.warn(`Context7: ${(e as Error).message}`);
        // A server that does not answer, a refused key or a spent quota fails every library alike: the
        // others are not asked (each would wait out its own deadline or spend a request for nothing).
        const status = e instanceof Context7Error ? e.status : undefined;
        if (status === undefined || status === 401 || status === 403 || status === 429)
          stopped = status === undefined ? 'a request that failed' : `HTTP ${status}`;
      }
    }
  }
  return { libraries, facts, notes };
}

/**
 * node_modules folders between the first importing file and the repository root (nearest first, the
 * root's own left to the caller), as node resolves a bare specifier. Importers are repository paths.
 */
function nestedNodeModules(root: string, importers: string[]): string[] {
  return importerFolders(importers)
    .map((f) => join(root, ...f, 'node_modules'))
    .filter(isDir);
}

/**
 * The folders of the most relevant importer, deepest first, below the root (`packages/web/src`,
 * `packages/web`, `packages`): where node looks for a package before the root's node_modules. None for
 * a path that leaves the tree or lies in a node_modules.
 */
function importerFolders(importers: string[]): string[][] {
  const first = importers[0];
  if (!first || isAbsolute(first)) return [];
  const parts = first.split('/').slice(0, -1);
  if (parts.some((p) => p === '..' || p === '.' || p === '' || p === 'node_modules')) return [];
  const out: string[][] = [];
  for (let k = parts.length; k > 0; k--) out.push(parts.slice(0, k));
  return out;
}

/** Characters of one offline API fact kept (a declaration with its documentation is kilobytes). */
export const MAX_FACT_CHARS = 16_000;

/** The locked version of a library, looked up by its distribution or package name. */
function lockedVersion(locks: LockIndex, lib: LibraryRef): { file: string; versions: string[] } | undefined {
  if (lib.ecosystem === 'npm') {
    if (lib.importName.startsWith('node:')) return undefined;
    // Where node would install it for the file importing it: a workspace's own entry before the root's.
    for (const folder of importerFolders(importersOf(lib))) {
      const hit = locks.npmPaths.get([...folder, 'node_modules', lib.importName].join('/'));
      if (hit) return hit;
    }
    return locks.npm.get(lib.importName);
  }
  const names = [lib.packageName, lib.importName];
  // A module of a namespace (`google.protobuf`, `google.cloud.storage`) not installed: its distribution
  // is commonly named by its last part or by its dotted path (`protobuf`, `google-cloud-storage`).
  if (lib.importName.includes('.') && lib.packageName === lib.importName)
    names.push(lib.importName.replace(/\./g, '-'), lib.importName.split('.').pop()!);
  for (const n of names) {
    const hit = locks.python.get(normalizePyName(n));
    if (hit) return hit;
  }
  return undefined;
}

/** `2.0` and `2.0.0`, `v1.2.3` and `1.2.3` are one version (as PEP 440 and npm compare them). */
function sameVersion(a: string, b: string): boolean {
  const norm = (v: string) =>
    v
      .toLowerCase()
      .replace(/^v/, '')
      .replace(/(?:\.0)+$/, '');
  return norm(a) === norm(b);
}

function soleLocked(lib: LibraryRef): string | undefined {
  return lib.locked?.versions.length === 1 ? lib.locked.versions[0] : undefined;
}

/** What the lock file says of a library that is not installed (appended to the note saying so). */
function lockedClause(lib: LibraryRef): string {
  if (!lib.locked) return '';
  const file = codeSpan(lib.locked.file);
  return lib.locked.versions.length === 1
    ? `; ${file} locks version ${lib.locked.versions[0]}`
    : `; ${file} locks several versions (${lib.locked.versions.join(', ')})`;
}

/** A pinned version (`==1.4.46`, `"1.4.46"`) that differs from the installed one: the facts may not match. */
function noteVersionMismatch(lib: LibraryRef, label: string, notes: KnowledgeNote[]): void {
  // A lock file (not the requirements file declaring the pin) that records other versions than the
  // installed one: the installed one is what the code runs against.
  if (
    lib.version &&
    lib.locked &&
    lib.locked.file !== lib.declared?.file &&
    !lib.locked.versions.some((v) => sameVersion(v, lib.version!))
  ) {
    const locked = lib.locked.versions.join(', ');
    notes.push({
      library: label,
      message: `${label}: ${codeSpan(lib.locked.file)} locks ${locked} but ${lib.version} is installed; the API facts describe ${lib.version}, the version the code runs against`,
    });
  }
  if (!lib.version || !lib.declared) return;
  const spec = lib.declared.spec.replace(/^[A-Za-z0-9._-]+(?=\s*==)/, '').trim();
  const pinned = /^==\s*v?([\w.+-]+)$/.exec(spec)?.[1] ?? /^v?(\d+\.\d+\.\d+[\w.+-]*)$/.exec(spec)?.[1];
  if (pinned && pinned !== lib.version) {
    notes.push({
      library: label,
      message: `${label}: ${lib.declared.file} pins ${pinned} but ${lib.version} is installed; the API facts describe ${lib.version}`,
    });
  }
}

/**
 * Names looked up per library at most. The relevant code may import thousands of names from one
 * library; each lookup may follow re-exports through dozens of files, and the best-ranked come first.
 */
export const MAX_LOOKUPS_PER_LIBRARY = 48;

function pickFacts(
  lib: LibraryRef,
  identifiers: string[],
  max: number,
  lookup: (name: string, module?: string) => ApiFact | undefined,
): ApiFact[] {
  const out: ApiFact[] = [];
  const tried = new Set<string>();
  for (const s of lib.symbols) {
    if (out.length >= max || tried.size >= MAX_LOOKUPS_PER_LIBRARY) break;
    tried.add(s.name);
    const f = lookup(s.name, s.module);
    if (f) out.push({ ...f, score: Math.round(s.score * 1000) / 1000 });
  }
  // Names the task text uses that the library defines, though the code does not import them yet.
  for (const name of identifiers.slice(0, 20)) {
    if (out.length >= max || tried.size >= MAX_LOOKUPS_PER_LIBRARY + 20) break;
    if (tried.has(name)) continue;
    tried.add(name);
    const f = lookup(name);
    if (f) {
      out.push({ ...f, score: 0.5 });
      if (!lib.symbols.some((s) => s.name === name))
        lib.symbols.push({ name, score: 0.5, from: ['task text'] });
    }
  }
  return out;
}

function noteIfNone(
  lib: LibraryRef,
  facts: ApiFact[],
  notes: KnowledgeNote[],
  pkg: PythonPackage | NpmPackage,
): void {
  const label = lib.ecosystem === 'python' ? lib.packageName : lib.importName;
  if (!facts.some((f) => f.library === label)) {
    const where = 'entry' in pkg ? pkg.entry : (pkg.stubDir ?? pkg.srcDir ?? pkg.site);
    notes.push({
      library: label,
      message: `${label}: none of the names the task uses were found in ${codeSpan(safeReal(where))}`,
    });
  }
}

/**
 * A path as a code span: installed packages choose their file names (`types` of a package.json, a
 * re-export), and a name like `[x](https://…).d.ts` is shown, never rendered as a link in the context.
 */
function codeSpan(p: string): string {
  const t = escapeControlChars(p);
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return longest === 0 ? `${fence}${t}${fence}` : `${fence} ${t} ${fence}`;
}

function safeReal(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
