/**
 * The import graph: which repository files a file imports. Specifiers are extracted per language with
 * small patterns (cached with the file), then resolved against the current file list at query time.
 */
import { posix } from 'node:path';
import { scanPastGroup } from './definitions.js';

export function extractImports(lang: string | undefined, text: string): string[] {
  const out = new Set<string>();
  const add = (s: string | undefined) => {
    if (s && s.length < 300) out.add(s);
  };
  switch (lang) {
    case 'python':
      for (const m of text.matchAll(/^[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]+\(?([^\n#]*)/gm)) {
        const mod = m[1]!;
        add(mod);
        // `from pkg import mod` may name a sub-module.
        for (const name of m[2]!.split(',')) {
          const n = name.trim().split(/\s+/)[0];
          if (n && /^\w+$/.test(n)) add(`${mod}${mod.endsWith('.') ? '' : '.'}${n}`);
        }
      }
      for (const m of text.matchAll(/^[ \t]*import[ \t]+([\w., \t]+)/gm)) {
        for (const part of m[1]!.split(',')) add(part.trim().split(/\s+/)[0]);
      }
      break;
    case 'typescript':
    case 'tsx':
    case 'javascript':
      for (const spec of jsFromSpecifiers(text)) add(spec);
      for (const m of text.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) add(m[1]);
      for (const m of text.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) add(m[1]);
      break;
    case 'go':
      // Only up to the last `)`: past it no block can close, and each `import (` would scan to the end.
      for (const m of text.slice(0, text.lastIndexOf(')') + 1).matchAll(/^import\s*\(([\s\S]*?)\)/gm)) {
        for (const q of m[1]!.matchAll(/"([^"]+)"/g)) add(q[1]);
      }
      for (const m of text.matchAll(/^import\s+(?:\w+\s+)?"([^"]+)"/gm)) add(m[1]);
      break;
    case 'java':
    case 'kotlin':
      for (const m of text.matchAll(/^import\s+(?:static\s+)?([\w.]+)(?:\.\*)?;?/gm)) add(m[1]);
      break;
    case 'rust':
      for (const name of rustStatements(text, RUST_MOD, RUST_MOD_AFTER_VISIBILITY)) add(`mod:${name}`);
      for (const path of rustStatements(text, RUST_USE, RUST_USE_AFTER_VISIBILITY)) add(path);
      break;
    default:
      break;
  }
  return [...out];
}

/**
 * Rust `mod` and `use` statements, as `/^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;/gm` and
 * `/^\s*(?:pub(?:\([^)]*\))?\s+)?use\s+((?:crate|super|self)(?:::\w+)+)/gm` find them, in time linear in
 * the text: blanks before a statement are read on its own line only (`^\s*` would also run over every
 * blank line below each line start, to the same statements), and the `)` closing `pub(` is looked for once
 * for all the `pub(` before it.
 */
const RUST_LINE = /^[^\S\n\r\u2028\u2029]*/gm;
const RUST_MOD = /(?:pub\s+)?mod\s+(\w+)\s*;/y;
const RUST_MOD_AFTER_VISIBILITY = /\s+mod\s+(\w+)\s*;/y;
const RUST_USE = /(?:pub\s+)?use\s+((?:crate|super|self)(?:::\w+)+)/y;
const RUST_USE_AFTER_VISIBILITY = /\s+use\s+((?:crate|super|self)(?:::\w+)+)/y;

function rustStatements(text: string, statement: RegExp, afterVisibility: RegExp): string[] {
  return scanPastGroup(text, RUST_LINE, 'pub(', ')', statement, afterVisibility).map((f) => f.name);
}

const JS_FROM_HEAD = /(?:^|[\s;}])(?:import|export)\s/g;
const JS_STOP = /['"`;]/g;
const QUOTE = /['"]/g;

/**
 * The specifiers `/(?:^|[\s;}])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g` finds, in time linear
 * in the text: the statement's text runs to its first quote, backtick or `;`, which must be a quote right
 * after `from` (blanks aside). When it is not, no `import` or `export` before that character can match
 * either (they run to the same one), so the search goes on from there instead of trying each of them.
 */
function jsFromSpecifiers(text: string): string[] {
  const out: string[] = [];
  for (let pos = 0; pos < text.length;) {
    JS_FROM_HEAD.lastIndex = pos;
    const head = JS_FROM_HEAD.exec(text);
    if (!head) break;
    const r = head.index + head[0].length;
    JS_STOP.lastIndex = r;
    const stop = JS_STOP.exec(text);
    if (!stop) break; // no statement can end any more
    const q = stop.index;
    let k = q;
    while (k > r && /\s/.test(text[k - 1]!)) k--;
    if (stop[0] !== ';' && stop[0] !== '`' && k - 4 >= r && text.startsWith('from', k - 4)) {
      QUOTE.lastIndex = q + 1;
      const close = QUOTE.exec(text);
      if (close && close.index > q + 1) {
        out.push(text.slice(q + 1, close.index));
        pos = close.index + 1;
        continue;
      }
    }
    // A failed statement: the next one may start at the character that ended this one (`;import`).
    pos = Math.max(q, head.index + 1);
  }
  return out;
}

const JS_EXTS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'];

/** Resolves specifiers to repository paths. Built once per query from the file list. */
export class ImportResolver {
  private readonly files: Set<string>;
  /** Python module suffix (`a/b/c`) → files, for absolute imports from any source root. */
  private readonly pySuffix = new Map<string, string[]>();
  private readonly javaSuffix = new Map<string, string>();
  private readonly goDirs = new Map<string, string[]>();
  /** Workspace package name → its folder (monorepos: `@trpc/server` → `packages/server`). */
  private readonly packages = new Map<string, string>();
  private goModule: string | undefined;

  constructor(paths: string[], manifests: { packageJson: Map<string, string>; goModule?: string }) {
    this.files = new Set(paths);
    for (const p of paths) {
      if (p.endsWith('.py') || p.endsWith('.pyi')) {
        let mod = p.replace(/\.pyi?$/, '').replace(/\/__init__$/, '');
        // Index every suffix so `click.core` finds `src/click/core.py`.
        for (;;) {
          const list = this.pySuffix.get(mod) ?? [];
          if (!list.includes(p)) list.push(p);
          this.pySuffix.set(mod, list);
          const slash = mod.indexOf('/');
          if (slash < 0) break;
          mod = mod.slice(slash + 1);
        }
      } else if (p.endsWith('.java') || p.endsWith('.kt')) {
        const m = p.replace(/\.(java|kt)$/, '');
        let s = m;
        for (;;) {
          if (!this.javaSuffix.has(s)) this.javaSuffix.set(s, p);
          const slash = s.indexOf('/');
          if (slash < 0) break;
          s = s.slice(slash + 1);
        }
      } else if (p.endsWith('.go') && !p.endsWith('_test.go')) {
        const d = posix.dirname(p);
        const list = this.goDirs.get(d) ?? [];
        list.push(p);
        this.goDirs.set(d, list);
      }
    }
    for (const [dir, name] of manifests.packageJson) this.packages.set(name, dir);
    this.goModule = manifests.goModule;
  }

  resolve(from: string, lang: string | undefined, spec: string): string[] {
    switch (lang) {
      case 'python':
        return this.python(from, spec);
      case 'typescript':
      case 'tsx':
      case 'javascript':
        return this.js(from, spec);
      case 'go':
        return this.go(spec);
      case 'java':
      case 'kotlin': {
        const hit = this.javaSuffix.get(spec.replace(/\./g, '/'));
        return hit ? [hit] : [];
      }
      case 'rust':
        return this.rust(from, spec);
      default:
        return [];
    }
  }

  private python(from: string, spec: string): string[] {
    let mod = spec;
    if (spec.startsWith('.')) {
      const dots = spec.match(/^\.+/)![0].length;
      let dir = posix.dirname(from);
      for (let i = 1; i < dots; i++) dir = posix.dirname(dir);
      const rest = spec.slice(dots).replace(/\./g, '/');
      const base = rest ? (dir === '.' ? rest : `${dir}/${rest}`) : dir;
      for (const c of [`${base}.py`, `${base}/__init__.py`, `${base}.pyi`]) if (this.files.has(c)) return [c];
      return [];
    }
    mod = mod.replace(/\./g, '/');
    const hits = this.pySuffix.get(mod);
    if (!hits) return [];
    // Prefer exact full-path matches over suffix matches when several exist.
    return hits.length <= 3
      ? hits
      : hits.filter((h) => h.startsWith(mod) || h.startsWith(`src/${mod}`)).slice(0, 3);
  }

  private jsFile(base: string): string | undefined {
    if (this.files.has(base) && /\.[cm]?[jt]sx?$/.test(base)) return base;
    const stripped = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
    for (const ext of JS_EXTS) if (this.files.has(stripped + ext)) return stripped + ext;
    for (const ext of JS_EXTS) if (this.files.has(`${base}/index${ext}`)) return `${base}/index${ext}`;
    return undefined;
  }

  private js(from: string, spec: string): string[] {
    if (spec.startsWith('.')) {
      const hit = this.jsFile(posix.normalize(posix.join(posix.dirname(from), spec)));
      return hit ? [hit] : [];
    }
    // Workspace package (monorepo) imports.
    const parts = spec.split('/');
    const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const dir = this.packages.get(name);
    if (dir === undefined) return [];
    const sub = parts.slice(spec.startsWith('@') ? 2 : 1).join('/');
    const prefix = dir === '' ? '' : `${dir}/`;
    const tries = sub
      ? [`${prefix}src/${sub}`, `${prefix}${sub}`, `${prefix}src/${sub}/index`]
      : [`${prefix}src/index`, `${prefix}index`, `${prefix}src/main`];
    for (const t of tries) {
      const hit = this.jsFile(t);
      if (hit) return [hit];
    }
    return [];
  }

  private go(spec: string): string[] {
    if (this.goModule && (spec === this.goModule || spec.startsWith(`${this.goModule}/`))) {
      const dir = spec === this.goModule ? '.' : spec.slice(this.goModule.length + 1);
      return (this.goDirs.get(dir) ?? []).slice(0, 20);
    }
    return [];
  }

  private rust(from: string, spec: string): string[] {
    const dir = posix.dirname(from);
    if (spec.startsWith('mod:')) {
      const m = spec.slice(4);
      const base = /(^|\/)(main|lib|mod)\.rs$/.test(from) ? dir : `${dir}/${posix.basename(from, '.rs')}`;
      for (const c of [`${base}/${m}.rs`, `${base}/${m}/mod.rs`]) {
        const n = posix.normalize(c);
        if (this.files.has(n)) return [n];
      }
      return [];
    }
    const parts = spec.split('::');
    let base: string;
    if (parts[0] === 'crate') {
      const srcIdx = from.lastIndexOf('src/');
      base = srcIdx >= 0 ? from.slice(0, srcIdx + 3) : 'src';
    } else base = dir;
    const segs = parts.slice(1);
    for (let n = segs.length; n > 0; n--) {
      const p = posix.normalize(`${base}/${segs.slice(0, n).join('/')}`);
      for (const c of [`${p}.rs`, `${p}/mod.rs`]) if (this.files.has(c)) return [c];
    }
    return [];
  }
}
