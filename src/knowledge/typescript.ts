/**
 * API facts of installed npm packages from their TypeScript declarations (`.d.ts` in the package, or
 * `@types/<pkg>`; Node's built-in modules from `@types/node`), at the installed version. Declarations
 * are read as text: the declaration of each name (JSDoc, signature, overloads, members), following
 * re-exports (`export * from`, `export { a } from`) across the package's files.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ApiFact } from './types.js';

export interface NpmPackage {
  name: string;
  /** Directory of the package (or of its @types package). */
  dir: string;
  /** The declaration entry file. */
  entry: string;
  version?: string;
  /** `@types/x` when the declarations come from DefinitelyTyped. */
  typesPackage?: string;
  /** The version is the `@types` package's: the package itself is not installed (or names no version). */
  versionOfTypes?: boolean;
  /** node_modules directory it was found in (for provenance paths). */
  nodeModules: string;
  /** The project folder declarations must stay inside (real path). */
  boundary?: string;
}

/**
 * Declarations are read only from inside the project that holds the node_modules folder (after links
 * are resolved): a package name, a `types` path, a re-export or a symlinked package that leads out of
 * it (`../../etc`, a link to /) is not followed. pnpm's store and workspace links stay inside.
 */
function within(boundary: string, file: string): boolean {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return false;
  }
  const rel = relative(boundary, real);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function boundaryOf(nodeModules: string): string {
  return realOr(dirname(nodeModules));
}

function realOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** An npm package name (`x`, `@scope/x`): nothing else is joined onto a node_modules path. */
const NPM_NAME = /^(?:@[a-z0-9~][\w.~-]*\/)?[a-z0-9~][\w.~-]*$/i;

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    // A FIFO would block the read forever and /dev/zero would never end: regular files up to 1 MiB.
    const st = statSync(path);
    if (!st.isFile() || st.size > 1024 * 1024) return undefined;
    const j: unknown = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    return j && typeof j === 'object' && !Array.isArray(j) ? (j as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A package.json `version` worth showing: a short string without control characters or markup. */
function versionOf(pj: Record<string, unknown> | undefined): string | undefined {
  const v = pj?.version;
  return typeof v === 'string' && /^[\w.+-]{1,64}$/.test(v) ? v : undefined;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** `types` of a package.json `exports` entry (string or nested conditions). */
function typesFromExports(exp: unknown, sub = '.'): string | undefined {
  if (!exp || typeof exp !== 'object') return undefined;
  const e = exp as Record<string, unknown>;
  const target =
    sub in e ? e[sub] : sub === '.' && Object.keys(e).every((k) => !k.startsWith('.')) ? e : undefined;
  // Conditions nest a few levels in practice; a file nesting thousands would overflow the stack.
  const pick = (v: unknown, depth = 0): string | undefined => {
    if (typeof v === 'string') return /\.d\.[cm]?ts$/.test(v) ? v : undefined;
    if (v && typeof v === 'object' && depth < 16) {
      const o = v as Record<string, unknown>;
      if (typeof o.types === 'string') return o.types;
      // `"types": { "import": "./x.d.mts", "require": "./x.d.cts" }`.
      const nested = o.types !== undefined ? pick(o.types, depth + 1) : undefined;
      if (nested) return nested;
      for (const k of ['import', 'default', 'require', 'node']) {
        const r = pick(o[k], depth + 1);
        if (r) return r;
      }
    }
    return undefined;
  };
  return pick(target);
}

/** The JavaScript file an `exports` entry names for `import` (else `default`, `require`, `node`). */
function targetFromExports(exp: unknown, sub = '.'): string | undefined {
  if (typeof exp === 'string') return sub === '.' ? exp : undefined;
  if (!exp || typeof exp !== 'object' || Array.isArray(exp)) return undefined;
  const e = exp as Record<string, unknown>;
  const target =
    sub in e ? e[sub] : sub === '.' && Object.keys(e).every((k) => !k.startsWith('.')) ? e : undefined;
  const pick = (v: unknown, depth = 0): string | undefined => {
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object' && !Array.isArray(v) && depth < 16) {
      const o = v as Record<string, unknown>;
      for (const k of ['import', 'default', 'require', 'node']) {
        const r = pick(o[k], depth + 1);
        if (r) return r;
      }
    }
    return undefined;
  };
  return pick(target);
}

/**
 * Finds a package's declarations in the given node_modules directories. `boundary` is the project folder
 * declarations must stay inside (default: the folder holding each node_modules directory); a workspace
 * package's own node_modules is bounded by the project, as its links lead to the root's.
 */
export function findNpmPackage(
  nodeModulesDirs: string[],
  spec: string,
  boundary?: string,
): NpmPackage | undefined {
  const boundaryOfNm = (nm: string) => (boundary !== undefined ? realOr(boundary) : boundaryOf(nm));
  if (spec.startsWith('node:')) {
    const mod = spec.slice(5).split('/')[0]!;
    if (!/^[a-z_][\w-]*$/i.test(mod)) return undefined;
    for (const nm of nodeModulesDirs) {
      // The same bound as any package: @types/node linked out of the tree is not read.
      const boundary = boundaryOfNm(nm);
      const dir = join(nm, '@types', 'node');
      const entry = [join(dir, `${mod}.d.ts`), join(dir, mod, 'index.d.ts')].find(isFile);
      if (entry && within(boundary, entry)) {
        const pj = readJson(join(dir, 'package.json'));
        return {
          name: spec,
          dir,
          entry,
          version: versionOf(pj),
          typesPackage: '@types/node',
          nodeModules: nm,
          boundary,
        };
      }
    }
    return undefined;
  }
  if (!NPM_NAME.test(spec) || spec.split('/').some((seg) => seg === '.' || seg === '..')) return undefined;
  for (const nm of nodeModulesDirs) {
    const boundary = boundaryOfNm(nm);
    const dir = join(nm, spec);
    const pj = readJson(join(dir, 'package.json'));
    if (pj) {
      // As TypeScript resolves: the `types` of `exports`, else the declarations beside its JavaScript
      // target (`./x.mjs` → `./x.d.mts`), then `types` / `typings`, then `index.d.ts`.
      const rels = [
        typesFromExports(pj.exports),
        targetFromExports(pj.exports),
        typeof pj.types === 'string' ? pj.types : undefined,
        typeof pj.typings === 'string' ? pj.typings : undefined,
        'index.d.ts',
      ].filter((r): r is string => r !== undefined);
      const entry = rels
        .map((rel) => resolveDeclFile(dir, rel.startsWith('.') ? rel : `./${rel}`))
        .find((e) => e !== undefined);
      if (entry && within(boundary, entry))
        return {
          name: spec,
          dir,
          entry,
          version: versionOf(pj),
          nodeModules: nm,
          boundary,
        };
    }
    const typesName = spec.startsWith('@') ? `@types/${spec.slice(1).replace('/', '__')}` : `@types/${spec}`;
    const tdir = join(nm, typesName);
    const tpj = readJson(join(tdir, 'package.json'));
    if (tpj) {
      const rel =
        (typeof tpj.types === 'string' ? tpj.types : undefined) ??
        typesFromExports(tpj.exports) ??
        'index.d.ts';
      const entry = resolveDeclFile(tdir, rel.startsWith('.') ? rel : `./${rel}`);
      if (entry && within(boundary, entry)) {
        return {
          name: spec,
          dir: tdir,
          entry,
          version: versionOf(pj) ?? versionOf(tpj),
          typesPackage: typesName,
          ...(versionOf(pj) === undefined && versionOf(tpj) !== undefined ? { versionOfTypes: true } : {}),
          nodeModules: nm,
          boundary,
        };
      }
    }
  }
  return undefined;
}

function resolveDeclFile(fromDir: string, spec: string): string | undefined {
  const base = resolve(fromDir, spec);
  const noJs = base.replace(/\.(?:[cm]?js)$/, '');
  // `./x.mjs` is declared by `x.d.mts`, `./x.cjs` by `x.d.cts` (a dual package ships both and `x.d.ts`).
  const ext = /\.([cm])js$/.exec(base)?.[1];
  const candidates = [
    base,
    ...(ext ? [`${noJs}.d.${ext}ts`] : []),
    `${noJs}.d.ts`,
    `${noJs}.d.mts`,
    `${noJs}.d.cts`,
    join(base, 'index.d.ts'),
    base.replace(/\.ts$/, '.d.ts'),
  ];
  return candidates.find((c) => /\.d\.[cm]?ts$/.test(c) && isFile(c));
}

/** A declaration file read once per bundle: its lines, declared names and re-export edges. */
interface DeclFile {
  lines: string[];
  /** Name → 0-based line of its first declaration. */
  decls: Map<string, number>;
  /** `export { a as b } from './x'` and `import { a as b } from './x'`: exported or local name → edges. */
  named: Map<string, { orig: string; spec: string }[]>;
  /** `export * from './x'` (`as` set for `export * as ns from`). */
  stars: { as?: string; spec: string }[];
  /** `/// <reference path="x.d.ts" />`. */
  references: string[];
}

const fileCache = new Map<string, DeclFile | null>();

/** Files that exist but could not be read, with why (reported as notes by the caller). */
export const unreadableFiles = new Map<string, string>();

/** Bytes of declarations one bundle reads at most: installed packages are untrusted, and large. */
export const MAX_DECLARATION_BYTES = 32 * 1024 * 1024;
let bytesRead = 0;
let overBound = false;

/** The start of a declaration line, up to the declared name. */
const DECL_START =
  '^\\s*(?:export\\s+)?(?:declare\\s+)?(?:default\\s+)?(?:abstract\\s+)?(?:async\\s+)?(function\\*?|class|interface|type|const|let|var|enum|namespace)\\s+';
const DECL_HEAD = new RegExp(`${DECL_START}([A-Za-z_$][\\w$]*)`);

function readDeclFile(file: string): DeclFile | undefined {
  if (!fileCache.has(file)) {
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a regular file');
      if (st.size > 8 * 1024 * 1024) throw new Error(`too large (${st.size} bytes)`);
      if (bytesRead + st.size > MAX_DECLARATION_BYTES) {
        // One note for the first file left out: the later ones add nothing to it.
        if (!overBound)
          unreadableFiles.set(
            file,
            `over the read bound of ${MAX_DECLARATION_BYTES / (1024 * 1024)} MiB of declarations; later files are skipped too`,
          );
        overBound = true;
        fileCache.set(file, null);
        return undefined;
      }
      bytesRead += st.size;
      fileCache.set(file, indexDeclFile(readFileSync(file, 'utf8')));
    } catch (e) {
      fileCache.set(file, null);
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') unreadableFiles.set(file, code ?? (e as Error).message);
    }
  }
  return fileCache.get(file) ?? undefined;
}

/** One pass over a file: each lookup of a name is then a map access, not a scan of megabytes. */
function indexDeclFile(text: string): DeclFile {
  const lines = text.split(/\r?\n/);
  const decls = new Map<string, number>();
  lines.forEach((l, i) => {
    const m = DECL_HEAD.exec(l);
    if (m && !decls.has(m[2]!)) decls.set(m[2]!, i);
  });
  const named = new Map<string, { orig: string; spec: string }[]>();
  const addNamed = (list: string, spec: string) => {
    for (const part of list.split(',')) {
      const [orig, alias] = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .map((x) => x.trim());
      if (!orig) continue;
      const key = alias ?? orig;
      const edges = named.get(key) ?? [];
      edges.push({ orig, spec });
      named.set(key, edges);
    }
  };
  for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^{}]{0,4000})\}\s*from\s*['"]([^'"]+)['"]/g))
    addNamed(m[1]!, m[2]!);
  // `import { a as b } from './x'; export { b }`.
  for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^{}]{0,4000})\}\s*from\s*['"]([^'"]+)['"]/g))
    addNamed(m[1]!, m[2]!);
  const stars: { as?: string; spec: string }[] = [];
  for (const m of text.matchAll(/export\s+\*\s+(?:as\s+(\w+)\s+)?from\s*['"]([^'"]+)['"]/g))
    stars.push({ as: m[1], spec: m[2]! });
  const references = [...text.matchAll(/\/\/\/\s*<reference\s+path=['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return { lines, decls, named, stars, references };
}

interface TsDecl {
  file: string;
  /** 0-based first line of the declaration (after its JSDoc). */
  index: number;
  kind: string;
  text: string;
}

const MAX_DECL_LINES = 40;
const MAX_DOC_LINES = 12;

/** Finds `name`'s declaration starting at a declaration file, following re-exports breadth-first. */
export function findTsDeclaration(
  entry: string,
  name: string,
  maxFiles = 60,
  boundary?: string,
): TsDecl | undefined {
  // A re-export from another package (`export { defineConfig } from '@eslint/config-helpers'`) is
  // followed into that package as node resolves it from the file, inside the same bound.
  const resolveSpec = (file: string, spec: string): string | undefined =>
    spec.startsWith('.')
      ? resolveDeclFileOnce(dirname(file), spec)
      : boundary !== undefined
        ? resolveBare(file, spec, boundary)
        : undefined;
  const queue: { file: string; name: string }[] = [{ file: entry, name }];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < maxFiles) {
    const { file, name: want } = queue.shift()!;
    const key = `${file}#${want}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (boundary !== undefined && !within(boundary, file)) continue;
    const df = readDeclFile(file);
    if (!df) continue;
    const d = declarationIn(file, df, want);
    if (d) return d;
    // Files queued past what can be visited are never read: resolving them would only cost time (a
    // file of thousands of `export * from` lines).
    const full = () => queue.length >= 2 * maxFiles;
    for (const { orig, spec } of df.named.get(want) ?? []) {
      if (full()) break;
      const f = resolveSpec(file, spec);
      if (f) queue.push({ file: f, name: orig === 'default' ? want : orig });
    }
    for (const { as, spec } of df.stars) {
      if (full()) break;
      if (as && as !== want) continue;
      const f = resolveSpec(file, spec);
      if (f) queue.push({ file: f, name: want });
    }
    // `/// <reference path="x.d.ts" />` (how @types/node's index pulls in its modules).
    for (const ref of df.references) {
      if (full()) break;
      const f = resolveDeclFileOnce(dirname(file), ref.startsWith('.') ? ref : `./${ref}`);
      if (f) queue.push({ file: f, name: want });
    }
  }
  return undefined;
}

/**
 * The declaration entry of a bare specifier (`pkg`, `@scope/pkg/sub`) imported by a declaration file:
 * the nearest node_modules above the file that holds the package, inside the bound.
 */
function resolveBare(fromFile: string, spec: string, boundary: string): string | undefined {
  const key = `${boundary}\0${dirname(fromFile)}\0${spec}`;
  if (bareCache.has(key)) return bareCache.get(key);
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  let entry: string | undefined;
  if (!spec.startsWith('node:') && NPM_NAME.test(name)) {
    const dirs: string[] = [];
    for (let d = dirname(fromFile), n = 0; n < 64; d = dirname(d), n++) {
      const atBoundary = realOr(d) === boundary;
      if (!atBoundary && !within(boundary, d)) break;
      if (basename(d) !== 'node_modules' && isDirectory(join(d, 'node_modules')))
        dirs.push(join(d, 'node_modules'));
      if (atBoundary || dirname(d) === d) break;
    }
    const pkg = findNpmPackage(dirs, name, boundary);
    entry = pkg && (spec === name ? pkg.entry : subpathEntry(pkg, spec));
  }
  bareCache.set(key, entry);
  return entry;
}

/**
 * A relative specifier resolved once per bundle: every lookup of a name walks the same `export * from`
 * lines, and each resolution asks the file system about several candidate files.
 */
function resolveDeclFileOnce(fromDir: string, spec: string): string | undefined {
  const key = `${fromDir}\0${spec}`;
  if (!relCache.has(key)) relCache.set(key, resolveDeclFile(fromDir, spec));
  return relCache.get(key);
}

const relCache = new Map<string, string | undefined>();

/** Bare specifiers resolved in this bundle: (bound, folder, specifier) → declaration entry. */
const bareCache = new Map<string, string | undefined>();

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function declarationIn(file: string, df: DeclFile, name: string): TsDecl | undefined {
  const ls = df.lines;
  const i = df.decls.get(name);
  if (i !== undefined) {
    const re = new RegExp(`${DECL_START}${name.replace(/\$/g, '\\$')}(?![\\w$])`);
    const m = re.exec(ls[i]!)!;
    const kind = m[1]!.replace('*', '');
    const blocks: string[] = [];
    let end = extractBlock(ls, i, kind);
    blocks.push(withDoc(ls, i, end));
    // Overloads: the same function declared again right after.
    let j = end + 1;
    let n = 1;
    while (kind === 'function' && n < 4) {
      let k = j;
      while (k < ls.length && (ls[k]!.trim() === '' || /^\s*(?:\/\*\*|\*|\*\/|\/\/)/.test(ls[k]!))) k++;
      if (k >= ls.length || !re.exec(ls[k]!)) break;
      end = extractBlock(ls, k, kind);
      blocks.push(withDoc(ls, k, end));
      j = end + 1;
      n++;
    }
    return { file, index: i, kind, text: blocks.join('\n') };
  }
  return undefined;
}

/** Last line (0-based) of the declaration starting at `i`: matching brace or the `;` at depth 0. */
function extractBlock(ls: string[], i: number, kind: string): number {
  const braceKinds = new Set(['class', 'interface', 'enum', 'namespace']);
  let depth = 0;
  let opened = false;
  let inBlockComment = false;
  for (let k = i; k < ls.length && k < i + 5000; k++) {
    const l = ls[k]!;
    let quote: string | undefined;
    for (let c = 0; c < l.length; c++) {
      const ch = l[c]!;
      if (inBlockComment) {
        if (ch === '*' && l[c + 1] === '/') {
          inBlockComment = false;
          c++;
        }
        continue;
      }
      if (quote) {
        if (ch === '\\') c++;
        else if (ch === quote) quote = undefined;
        continue;
      }
      if (ch === '/' && l[c + 1] === '/') break;
      if (ch === '/' && l[c + 1] === '*') {
        inBlockComment = true;
        c++;
        continue;
      }
      if (ch === "'" || ch === '"' || ch === '`') quote = ch;
      else if (ch === '{' || ch === '(' || ch === '[') {
        depth++;
        if (ch === '{') opened = true;
      } else if (ch === '}' || ch === ')' || ch === ']') depth--;
      else if (ch === ';' && depth === 0 && !braceKinds.has(kind)) return k;
    }
    if (inBlockComment) continue;
    if (braceKinds.has(kind) && opened && depth <= 0) return k;
    if (
      !braceKinds.has(kind) &&
      depth <= 0 &&
      /^\s*(?:export|declare|\/\*\*|function|interface|class|type)\b/.test(ls[k + 1] ?? '')
    ) {
      return k;
    }
  }
  return i;
}

/**
 * A long class or interface condensed to its member signatures (depth-1 lines without comments), so
 * the Coder sees the whole surface rather than the first screen of it.
 */
function condenseMembers(body: string[]): string[] {
  // The header runs to the line that opens the body: type parameters may span lines
  // (`class Server<\n  Request …,\n> extends NetServer {`), and its members are one level inside.
  const opens = body.findIndex((l) => l.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, '""').includes('{'));
  const headerEnd = opens >= 0 && opens < 20 ? opens : 0;
  const out: string[] = body.slice(0, headerEnd + 1);
  let depth = 0;
  let inDoc = false;
  for (const raw of body.slice(headerEnd + 1)) {
    const t = raw.trim();
    if (inDoc) {
      if (t.includes('*/')) inDoc = false;
      continue;
    }
    if (t.startsWith('/*')) {
      if (!t.includes('*/')) inDoc = true;
      continue;
    }
    if (t.startsWith('//') || t === '') continue;
    if (depth === 0) out.push(raw);
    else if (out.length > headerEnd + 1 && out[out.length - 1]!.length < 240) out[out.length - 1] += ` ${t}`;
    for (const ch of t.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, '""')) {
      if (ch === '{' || ch === '(' || ch === '[') depth++;
      else if (ch === '}' || ch === ')' || ch === ']') depth--;
    }
    if (depth < 0) depth = 0;
  }
  return out;
}

/** The declaration's lines with its JSDoc (trimmed), long bodies cut with a note. */
function withDoc(ls: string[], start: number, end: number): string {
  let docStart = start;
  if (/\*\/\s*$/.test(ls[start - 1] ?? '')) {
    let k = start - 1;
    while (k >= 0 && !/^\s*\/\*\*/.test(ls[k]!)) k--;
    if (k >= 0) docStart = k;
  }
  let doc = ls.slice(docStart, start);
  if (doc.length > MAX_DOC_LINES)
    doc = [...doc.slice(0, MAX_DOC_LINES - 1), ls[start - 1]!.replace(/^(\s*).*/, '$1 * …'), ls[start - 1]!];
  let body = ls.slice(start, end + 1);
  if (body.length > MAX_DECL_LINES) body = condenseMembers(body);
  if (body.length > MAX_DECL_LINES) {
    const more = body.length - (MAX_DECL_LINES - 1);
    body = [
      ...body.slice(0, MAX_DECL_LINES - 1),
      `${/^(\s*)/.exec(body[0]!)![1]}    // … ${more} more lines`,
    ];
  }
  const all = [...doc, ...body];
  const ind = Math.min(...all.filter((l) => l.trim()).map((l) => /^(\s*)/.exec(l)![1]!.length));
  return all.map((l) => l.slice(Number.isFinite(ind) ? ind : 0)).join('\n');
}

/**
 * The declaration entry of a subpath import (`pkg/compiler`): its `exports` entry, else the file or
 * folder of that name in the package. Undefined when the module is the package itself or the subpath
 * has no declarations inside the project.
 */
export function subpathEntry(pkg: NpmPackage, module: string): string | undefined {
  if (pkg.name.startsWith('node:') || !module.startsWith(`${pkg.name}/`)) return undefined;
  const sub = `./${module.slice(pkg.name.length + 1)}`;
  if (sub.split('/').some((seg) => seg === '..') || !/^[\w./@~-]+$/.test(sub)) return undefined;
  const pj = readJson(join(pkg.dir, 'package.json'));
  const exp = pj?.exports;
  let entry: string | undefined;
  if (exp && typeof exp === 'object' && !Array.isArray(exp) && sub in exp) {
    entry = [typesFromExports(exp, sub), targetFromExports(exp, sub)]
      .filter((r): r is string => r !== undefined)
      .map((rel) => resolveDeclFile(pkg.dir, rel.startsWith('.') ? rel : `./${rel}`))
      .find((e) => e !== undefined);
  } else {
    entry = resolveDeclFile(pkg.dir, sub);
  }
  return entry && (pkg.boundary === undefined || within(pkg.boundary, entry)) ? entry : undefined;
}

/**
 * Files one lookup visits at most. A package's index may re-export a hundred modules with
 * `export * from` (TypeBox's does), and each visit is a map access on a file read once per bundle.
 */
export const MAX_FILES_PER_LOOKUP = 400;

export function typescriptFact(
  pkg: NpmPackage,
  name: string,
  library: string,
  module?: string,
): ApiFact | undefined {
  // A name imported from a subpath (`pkg/compiler`) is declared there, and may differ from the
  // package's main export of the same name.
  const entry = (module !== undefined ? subpathEntry(pkg, module) : undefined) ?? pkg.entry;
  const d = findTsDeclaration(entry, name, MAX_FILES_PER_LOOKUP, pkg.boundary);
  if (!d) return undefined;
  const rel = relative(pkg.nodeModules, d.file).split('\\').join('/');
  return {
    library,
    version: pkg.version,
    symbol: name,
    kind: d.kind,
    text: d.text,
    language: 'ts',
    provider: 'typescript-declarations',
    source: `${rel}:${d.index + 1}`,
    file: d.file,
    line: d.index + 1,
    score: 0,
  };
}

export function clearTypescriptCache(): void {
  fileCache.clear();
  bareCache.clear();
  relCache.clear();
  unreadableFiles.clear();
  bytesRead = 0;
  overBound = false;
}

/** True when a path exists (used by callers deciding which node_modules to search). */
export function hasNodeModules(dir: string): boolean {
  return existsSync(join(dir, 'node_modules'));
}
