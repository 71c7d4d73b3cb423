/**
 * Symbol chunks (functions, classes, methods, types) from tree-sitter's wasm grammars, and line windows
 * for everything else.
 *
 * Where the .wasm files come from, in order:
 *   1. `wasmDir` passed by the host;
 *   2. a `tree-sitter/` folder next to the running bundle, or beside its folder: the build copies
 *      `web-tree-sitter/tree-sitter.wasm` and `tree-sitter-wasms/out/tree-sitter-<lang>.wasm` once into
 *      `dist/tree-sitter/`, which every bundle in `dist/<name>/` shares;
 *   3. the installed packages `web-tree-sitter` and `tree-sitter-wasms` (development, tests).
 * A grammar that cannot be found or loaded degrades that language to line windows, with a note.
 */
import { existsSync } from 'node:fs';
import v8 from 'node:v8';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Language, Node, Parser, Query } from 'web-tree-sitter';
import { escapeControlChars, hasControlChar } from '../util/chars.js';
import { outlineByScan } from './definitions.js';

export interface SymbolChunk {
  /** Qualified name: `Class.method` for members. */
  name: string;
  kind: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
}

/** Grammars the build must ship (file names inside tree-sitter-wasms/out/). */
export const GRAMMARS: Record<string, string> = {
  python: 'tree-sitter-python.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  go: 'tree-sitter-go.wasm',
  java: 'tree-sitter-java.wasm',
  rust: 'tree-sitter-rust.wasm',
  ruby: 'tree-sitter-ruby.wasm',
  c: 'tree-sitter-c.wasm',
  cpp: 'tree-sitter-cpp.wasm',
  c_sharp: 'tree-sitter-c_sharp.wasm',
  php: 'tree-sitter-php.wasm',
  kotlin: 'tree-sitter-kotlin.wasm',
};

/** Node types that define a symbol, per language, with the kind reported. */
const DEFINITIONS: Record<string, Record<string, string>> = {
  python: { function_definition: 'function', class_definition: 'class' },
  javascript: {
    function_declaration: 'function',
    generator_function_declaration: 'function',
    class_declaration: 'class',
    method_definition: 'method',
    variable_declarator: 'variable',
    field_definition: 'field',
  },
  typescript: {
    function_declaration: 'function',
    generator_function_declaration: 'function',
    function_signature: 'function',
    class_declaration: 'class',
    abstract_class_declaration: 'class',
    method_definition: 'method',
    method_signature: 'method',
    abstract_method_signature: 'method',
    interface_declaration: 'interface',
    type_alias_declaration: 'type',
    enum_declaration: 'enum',
    internal_module: 'namespace',
    variable_declarator: 'variable',
    public_field_definition: 'field',
  },
  go: {
    function_declaration: 'function',
    method_declaration: 'method',
    type_spec: 'type',
  },
  java: {
    class_declaration: 'class',
    interface_declaration: 'interface',
    enum_declaration: 'enum',
    record_declaration: 'class',
    annotation_type_declaration: 'interface',
    method_declaration: 'method',
    constructor_declaration: 'constructor',
  },
  rust: {
    function_item: 'function',
    function_signature_item: 'function',
    struct_item: 'struct',
    enum_item: 'enum',
    union_item: 'struct',
    trait_item: 'trait',
    impl_item: 'impl',
    mod_item: 'module',
    macro_definition: 'macro',
    type_item: 'type',
  },
  ruby: { method: 'method', singleton_method: 'method', class: 'class', module: 'module' },
  c: { function_definition: 'function', struct_specifier: 'struct', enum_specifier: 'enum' },
  cpp: {
    function_definition: 'function',
    class_specifier: 'class',
    struct_specifier: 'struct',
    enum_specifier: 'enum',
    namespace_definition: 'namespace',
  },
  c_sharp: {
    class_declaration: 'class',
    interface_declaration: 'interface',
    struct_declaration: 'struct',
    enum_declaration: 'enum',
    record_declaration: 'class',
    method_declaration: 'method',
    constructor_declaration: 'constructor',
    property_declaration: 'property',
  },
  php: {
    function_definition: 'function',
    class_declaration: 'class',
    interface_declaration: 'interface',
    trait_declaration: 'trait',
    method_declaration: 'method',
  },
  kotlin: { class_declaration: 'class', object_declaration: 'object', function_declaration: 'function' },
};
DEFINITIONS.tsx = DEFINITIONS.typescript!;

/** Kinds whose members get qualified names (`Class.method`). */
const CONTAINERS = new Set([
  'class',
  'interface',
  'impl',
  'trait',
  'module',
  'namespace',
  'struct',
  'enum',
  'object',
]);

const FUNCTION_VALUES = new Set([
  'arrow_function',
  'function',
  'function_expression',
  'generator_function',
  'class',
  'call_expression',
  'object',
  'as_expression',
  'satisfies_expression',
]);

interface Loaded {
  parser: Parser;
  language: Language;
  /** One pattern per definition node type the grammar knows; runs inside wasm (no tree walk in JS). */
  query: Query;
}

type TreeSitter = typeof import('web-tree-sitter');

/**
 * Where a file of the tree-sitter runtime or grammars is: the host's folder, a `tree-sitter/` folder
 * next to this module or beside its folder (`dist/tree-sitter/`, shared by the bundles), then the
 * installed packages.
 */
function locate(
  wasmDir: string | undefined,
  file: string,
  pkg: 'web-tree-sitter' | 'tree-sitter-wasms' | undefined,
): string | undefined {
  const candidates: string[] = [];
  if (wasmDir) candidates.push(join(wasmDir, file));
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    candidates.push(join(here, 'tree-sitter', file), join(here, '..', 'tree-sitter', file));
  } catch {
    // not a file: URL (unusual hosts); fall through to the packages
  }
  if (pkg) {
    try {
      const require = createRequire(import.meta.url);
      // web-tree-sitter's `exports` hides package.json; tree-sitter-wasms has no loadable main.
      const pkgDir =
        pkg === 'web-tree-sitter'
          ? dirname(require.resolve(pkg))
          : dirname(require.resolve(`${pkg}/package.json`));
      candidates.push(pkg === 'web-tree-sitter' ? join(pkgDir, file) : join(pkgDir, 'out', file));
    } catch {
      // package not installed next to this module (bundled host): rely on the folders above
    }
  }
  return candidates.find((c) => existsSync(c));
}

/**
 * Keeps WebAssembly on V8's baseline compiler (Liftoff). Guardian parses a handful of files per query;
 * with V8's default tiering, the grammars' huge parse functions get recompiled by the optimizing
 * compiler on first use, which costs more than it ever saves here (measured: the first ten TypeScript
 * files parse in half the time). Must run before the first wasm compile; only this process's wasm
 * (tree-sitter) is affected.
 */
let baselineSet = false;
function baselineWasmOnly(): void {
  if (baselineSet) return;
  baselineSet = true;
  try {
    v8.setFlagsFromString('--liftoff-only');
  } catch {
    // an embedder that rejects runtime flags keeps V8's default tiering
  }
}

/** The runtime, started once per process (compiling the wasm is the expensive part). */
const runtimes = new Map<string, Promise<{ ts?: TreeSitter; error?: string }>>();
const grammars = new Map<string, Promise<{ loaded?: Loaded; error?: string }>>();

function startRuntime(wasmDir: string | undefined): Promise<{ ts?: TreeSitter; error?: string }> {
  const key = wasmDir ?? '';
  let p = runtimes.get(key);
  if (!p) {
    p = (async () => {
      baselineWasmOnly();
      const core = locate(wasmDir, 'tree-sitter.wasm', 'web-tree-sitter');
      if (!core) return { error: 'tree-sitter.wasm not found: symbols fall back to line windows' };
      try {
        // A bundle ships web-tree-sitter's own ESM file next to its wasm and loads it as it is: bundlers
        // rewrite its `import.meta.url` handling into `__dirname`, which an ES module does not have.
        const shipped = locate(wasmDir, 'tree-sitter.js', undefined);
        const ts = shipped
          ? ((await import(/* webpackIgnore: true */ pathToFileURL(shipped).href)) as TreeSitter)
          : await import('web-tree-sitter');
        await ts.Parser.init({ locateFile: () => core });
        return { ts };
      } catch (e) {
        return {
          error: `tree-sitter failed to start (${(e as Error).message}): symbols fall back to line windows`,
        };
      }
    })();
    runtimes.set(key, p);
  }
  return p;
}

function loadGrammar(
  wasmDir: string | undefined,
  lang: string,
): Promise<{ loaded?: Loaded; error?: string }> {
  const key = `${wasmDir ?? ''}\0${lang}`;
  let p = grammars.get(key);
  if (!p) {
    p = (async () => {
      const file = GRAMMARS[lang]!;
      const rt = await startRuntime(wasmDir);
      if (!rt.ts) return { error: rt.error };
      const path = locate(wasmDir, file, 'tree-sitter-wasms');
      if (!path) return { error: `grammar ${file} not found: ${lang} files use line windows` };
      try {
        const language = await rt.ts.Language.load(path);
        const parser = new rt.ts.Parser();
        parser.setLanguage(language);
        const types = Object.keys(DEFINITIONS[lang] ?? {}).filter(
          (t) => language.idForNodeType(t, true) !== null,
        );
        const query = new rt.ts.Query(language, types.map((t) => `(${t}) @def`).join('\n'));
        return { loaded: { parser, language, query } };
      } catch (e) {
        return {
          error: `grammar ${file} failed to load (${(e as Error).message}): ${lang} files use line windows`,
        };
      }
    })();
    grammars.set(key, p);
  }
  return p;
}

/** Children of the root of a tree with errors past which a query is not run (see `extract`). */
const MAX_ERROR_CHILDREN = 5000;

export class SymbolExtractor {
  readonly notes: string[] = [];
  /** Languages whose grammar should exist but could not be used (results must not be cached). */
  readonly degraded = new Set<string>();

  constructor(private readonly wasmDir?: string) {}

  private async load(lang: string): Promise<Loaded | undefined> {
    const r = await loadGrammar(this.wasmDir, lang);
    if (r.error) {
      this.degraded.add(lang);
      if (!this.notes.includes(r.error)) this.notes.push(r.error);
    }
    return r.loaded;
  }

  /** Symbols of a file, or undefined when the language has no grammar (caller uses line windows). */
  async extract(lang: string | undefined, text: string): Promise<SymbolChunk[] | undefined> {
    if (!lang || !DEFINITIONS[lang]) return undefined;
    const loaded = await this.load(lang);
    if (!loaded) return undefined;
    let tree;
    try {
      tree = loaded.parser.parse(text);
    } catch {
      return undefined;
    }
    if (!tree) return undefined;
    try {
      // Error recovery over unbalanced input (`{` repeated thousands of times, at any depth) leaves the
      // root an ERROR node with a child per token, and the query's time grows with the square of that:
      // such a file gets the outline of the definition scan instead of a query that could run for minutes.
      if (tree.rootNode.hasError && tree.rootNode.childCount > MAX_ERROR_CHILDREN)
        return outlineByScan(lang, text);
      return collect(
        loaded.query.captures(tree.rootNode).map((c) => c.node),
        DEFINITIONS[lang]!,
      );
    } finally {
      tree.delete();
    }
  }
}

function nameOf(node: Node, type: string): string | undefined {
  if (type === 'impl_item') {
    const t = node.childForFieldName('type');
    const tr = node.childForFieldName('trait');
    return t ? (tr ? `${t.text}` : t.text) : undefined;
  }
  if (type === 'method_declaration' && node.childForFieldName('receiver')) {
    // Go: func (s *Server) Serve() → Server.Serve
    const recv = node.childForFieldName('receiver')!.text.match(/\*?\s*([A-Za-z_]\w*)\s*(\[.*\])?\s*\)$/);
    const n = node.childForFieldName('name')?.text;
    return recv && n ? `${recv[1]}.${n}` : n;
  }
  const n = node.childForFieldName('name');
  if (n) return n.text.length <= 120 ? n.text : undefined;
  if (type === 'function_definition' || type === 'struct_specifier' || type === 'class_specifier') {
    const d = node.childForFieldName('declarator') ?? node.childForFieldName('name');
    const id = d?.text.match(/([A-Za-z_~][\w:~]*)\s*\(/) ?? d?.text.match(/([A-Za-z_]\w*)/);
    return id?.[1];
  }
  return undefined;
}

/** Longer names (the text of a node, a deep nesting) are cut. */
const MAX_NAME = 200;

/**
 * A name as it is listed: the text of a node can span lines (a Rust `impl` of a type written over
 * several), and a line break or other control character in it would start a line of its own wherever
 * the name is printed. Line breaks with their indentation become one space; other control characters
 * are written out.
 */
function shownName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (hasControlChar(name))
    name = escapeControlChars(name.replace(/[ \t]*(?:\r\n|[\r\n\u2028\u2029])\s*/g, ' '));
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…` : name;
}

/** Turns definition nodes (in document order) into qualified symbols. */
function collect(nodes: Node[], defs: Record<string, string>): SymbolChunk[] {
  const out: SymbolChunk[] = [];
  const stack: { end: number; name: string; kind: string }[] = [];
  nodes.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  for (const node of nodes) {
    const type = node.type;
    const kind = defs[type];
    if (!kind) continue;
    while (stack.length && stack[stack.length - 1]!.end <= node.startIndex) stack.pop();
    let k = kind;
    if (type === 'variable_declarator') {
      // Only top-level constants holding functions, classes, schemas or objects are symbols.
      const value = node.childForFieldName('value');
      if (!value || !FUNCTION_VALUES.has(value.type) || stack.length > 0) continue;
      k = value.type.includes('function') ? 'function' : 'const';
    }
    const name = shownName(nameOf(node, type));
    if (!name) continue;
    const parent = stack[stack.length - 1];
    // Qualified names stay short however deep the nesting (thousands of nested functions would
    // otherwise make names whose total length grows with the square of the depth).
    const qualified = parent ? shownName(`${parent.name}.${name}`)! : name;
    const inType = parent !== undefined && CONTAINERS.has(parent.kind);
    out.push({
      name: qualified,
      kind: inType && k === 'function' ? 'method' : k,
      startLine: node.startPosition.row + 1,
      endLine: node.endPosition.row + 1,
    });
    if (CONTAINERS.has(kind) || kind === 'function' || kind === 'method')
      stack.push({ end: node.endIndex, name: qualified, kind });
  }
  return out;
}

/** Fixed windows of lines for files without a grammar (or without symbols). */
export function lineWindows(lineCount: number, size = 60): SymbolChunk[] {
  const out: SymbolChunk[] = [];
  for (let s = 1; s <= lineCount; s += size) {
    const e = Math.min(lineCount, s + size - 1);
    out.push({ name: `lines ${s}-${e}`, kind: 'lines', startLine: s, endLine: e });
  }
  return out;
}
