/**
 * External knowledge for a task: the third-party libraries it touches and their API facts, from what
 * is installed (TypeScript declarations in node_modules, Python stubs and docstrings in site-packages)
 * and, when a key is configured, from Context7. Offline by default; never fails a bundle.
 */
import { existsSync, mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
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
import type { ApiFact, KnowledgeNote, KnowledgeResult, LibraryRef, RelevantSource } from './types.js';

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

  const libraries = detectLibraries({
    taskText: opts.taskText,
    sources: opts.sources,
    manifests,
    localModules: opts.localModules,
    pythonDistOf: (n) => topLevelDist.get(n),
    pythonImportOf: (n) => distImport.get(normalizePyName(n)),
  }).slice(0, maxLibraries);

  const nodeModules = (opts.nodeModules ?? [join(opts.root, 'node_modules')]).filter(isDir);
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
            message: `${label} is not installed in ${sites.length ? sites.map(codeSpan).join(', ') : 'any site-packages found'}: no offline API facts`,
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
            message: `${label}: no TypeScript declarations installed (${nodeModules.length ? nodeModules.map(codeSpan).join(', ') : 'no node_modules'}): no offline API facts`,
          });
          continue;
        }
        lib.version = pkg.version;
        noteVersionMismatch(lib, label, notes);
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
        const id = versionedId(best, lib.version);
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
  const first = importers[0];
  if (!first || isAbsolute(first)) return [];
  const parts = first.split('/').slice(0, -1);
  if (parts.some((p) => p === '..' || p === '.' || p === '' || p === 'node_modules')) return [];
  const out: string[] = [];
  for (let k = parts.length; k > 0; k--) {
    const nm = join(root, ...parts.slice(0, k), 'node_modules');
    if (isDir(nm)) out.push(nm);
  }
  return out;
}

/** Characters of one offline API fact kept (a declaration with its documentation is kilobytes). */
export const MAX_FACT_CHARS = 16_000;

/** A pinned version (`==1.4.46`, `"1.4.46"`) that differs from the installed one: the facts may not match. */
function noteVersionMismatch(lib: LibraryRef, label: string, notes: KnowledgeNote[]): void {
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
