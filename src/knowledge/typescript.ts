/**
 * API facts of installed npm packages from their TypeScript declarations (`.d.ts` in the package, or
 * `@types/<pkg>`; Node's built-in modules from `@types/node`), at the installed version. Declarations
 * are read as text: the declaration of each name (JSDoc, signature, overloads, members), following
 * re-exports (`export * from`, `export { a } from`) across the package's files.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
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
  try {
    return realpathSync(dirname(nodeModules));
  } catch {
    return dirname(nodeModules);
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
  const target = sub in e ? e[sub] : Object.keys(e).every((k) => !k.startsWith('.')) ? e : undefined;
  // Conditions nest a few levels in practice; a file nesting thousands would overflow the stack.
  const pick = (v: unknown, depth = 0): string | undefined => {
    if (typeof v === 'string') return /\.d\.[cm]?ts$/.test(v) ? v : undefined;
    if (v && typeof v === 'object' && depth < 16) {
      const o = v as Record<string, unknown>;
      if (typeof o.types === 'string') return o.types;
      for (const k of ['import', 'default', 'require', 'node']) {
        const r = pick(o[k], depth + 1);
        if (r) return r;
      }
    }
    return undefined;
  };
  return pick(target);
}

/** Finds a package's declarations in the given node_modules directories. */
export function findNpmPackage(nodeModulesDirs: string[], spec: string): NpmPackage | undefined {
  if (spec.startsWith('node:')) {
    const mod = spec.slice(5).split('/')[0]!;
    if (!/^[a-z_][\w-]*$/i.test(mod)) return undefined;
    for (const nm of nodeModulesDirs) {
      // The same bound as any package: @types/node linked out of the tree is not read.
      const boundary = boundaryOf(nm);
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
    const boundary = boundaryOf(nm);
    const dir = join(nm, spec);
    const pj = readJson(join(dir, 'package.json'));
    if (pj) {
      const rel =
        typesFromExports(pj.exports) ??
        (typeof pj.types === 'string' ? pj.types : undefined) ??
        (typeof pj.typings === 'string' ? pj.typings : undefined) ??
        'index.d.ts';
      const entry = resolveDeclFile(dir, rel.startsWith('.') ? rel : `./${rel}`);
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
  const candidates = [
    base,
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
  for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^{}]{0,4000})\}\s*from\s*['"](\.[^'"]*)['"]/g))
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
    for (const { orig, spec } of df.named.get(want) ?? []) {
      const f = spec.startsWith('.') ? resolveDeclFile(dirname(file), spec) : undefined;
      if (f) queue.push({ file: f, name: orig === 'default' ? want : orig });
    }
    for (const { as, spec } of df.stars) {
      if (as && as !== want) continue;
      if (!spec.startsWith('.')) continue;
      const f = resolveDeclFile(dirname(file), spec);
      if (f) queue.push({ file: f, name: want });
    }
    // `/// <reference path="x.d.ts" />` (how @types/node's index pulls in its modules).
    for (const ref of df.references) {
      const f = resolveDeclFile(dirname(file), ref.startsWith('.') ? ref : `./${ref}`);
      if (f) queue.push({ file: f, name: want });
    }
  }
  return undefined;
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
  const out: string[] = [body[0]!];
  let depth = 0;
  let inDoc = false;
  for (const raw of body.slice(1)) {
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
    else if (out.length > 1 && out[out.length - 1]!.length < 240) out[out.length - 1] += ` ${t}`;
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

export function typescriptFact(pkg: NpmPackage, name: string, library: string): ApiFact | undefined {
  const d = findTsDeclaration(pkg.entry, name, 60, pkg.boundary);
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
  unreadableFiles.clear();
  bytesRead = 0;
  overBound = false;
}

/** True when a path exists (used by callers deciding which node_modules to search). */
export function hasNodeModules(dir: string): boolean {
  return existsSync(join(dir, 'node_modules'));
}
