/**
 * A quick scan for the names a file defines (functions, classes, types, constants), used by the index:
 * the symbol-name field of the lexical engine and the "defines a symbol the task names" signal. Exact
 * chunk boundaries come later from tree-sitter, for the files that rank (chunks.ts); this scan only needs
 * names, and it has to be cheap enough to run over every file of a cold index.
 */
import { lineOfOffset, lineStarts } from '../util/lines.js';

const PATTERNS: Record<string, RegExp[]> = {
  python: [
    /^[ \t]*(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)/gm,
    /^[ \t]*class[ \t]+([A-Za-z_]\w*)/gm,
    /^([A-Z][A-Z0-9_]{2,})[ \t]*(?::[^=\n]+)?=/gm,
  ],
  javascript: [
    /\bfunction\b[ \t]*\*?[ \t]*([A-Za-z_$][\w$]*)/g,
    /\bclass[ \t]+([A-Za-z_$][\w$]*)/g,
    /^[ \t]*(?:export[ \t]+)?(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*(?::[^=\n]+)?=[ \t]*(?:async[ \t]*)?(?:function|class|\(|[A-Za-z_$][\w$]*[ \t]*=>|[A-Za-z_$][\w$.]*\()/gm,
    /^[ \t]+(?:(?:static|async|get|set|public|private|protected|readonly|override|abstract)[ \t]+)*([A-Za-z_$][\w$]*)[ \t]*(?:<[^>\n]*>)?\([^)\n]*\)?[^;\n]*\{[ \t]*$/gm,
  ],
  typescript: [
    /\b(?:interface|type|enum|namespace)[ \t]+([A-Za-z_$][\w$]*)/g,
    /^[ \t]*(?:export[ \t]+)?(?:declare[ \t]+)?function[ \t]+([A-Za-z_$][\w$]*)/gm,
  ],
  go: [
    /^func[ \t]+(?:\([^)]*\)[ \t]*)?([A-Za-z_]\w*)/gm,
    /^(?:type[ \t]+|[ \t]+)([A-Za-z_]\w*)[ \t]+(?:struct|interface)\b/gm,
  ],
  java: [
    /\b(?:class|interface|enum|record|@interface)[ \t]+([A-Za-z_]\w*)/g,
    /^[ \t]+(?:(?:public|private|protected|static|final|abstract|synchronized|native|default)[ \t]+)+[\w<>[\],.? \t]+?[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm,
  ],
  rust: [
    /\b(?:fn|struct|enum|trait|mod|type|union|macro_rules!)[ \t]+([A-Za-z_]\w*)/g,
    /^[ \t]*impl(?:<[^>]*>)?[ \t]+(?:[\w:]+[ \t]+for[ \t]+)?([A-Za-z_]\w*)/gm,
  ],
  generic: [
    /\b(?:def|function|func|fn|class|struct|interface|trait|module|enum|object|sub)[ \t]+([A-Za-z_$][\w$]*)/g,
  ],
};
PATTERNS.typescript = [...PATTERNS.javascript!, ...PATTERNS.typescript!];
PATTERNS.tsx = PATTERNS.typescript;
PATTERNS.kotlin = [
  ...PATTERNS.java!,
  /\bfun[ \t]+(?:<[^>]*>[ \t]*)?(?:[\w.]+\.)?([A-Za-z_]\w*)/g,
  /\bobject[ \t]+([A-Za-z_]\w*)/g,
];

const NOT_NAMES = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'return',
  'function',
  'constructor',
  'super',
  'new',
  'else',
]);

/** Names defined in a file (deduplicated, in order of appearance, at most 2,000). */
function findDefinitions(lang: string | undefined, text: string): { at: number; name: string }[] {
  const patterns = (lang && PATTERNS[lang]) || PATTERNS.generic!;
  const found: { at: number; name: string }[] = [];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const name = m[1]!;
      if (!NOT_NAMES.has(name)) found.push({ at: m.index ?? 0, name });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * An outline from the definition scan: each definition runs to the line before the next one. The
 * stand-in for tree-sitter on very large files, where parsing costs more than it is worth.
 */
export function outlineByScan(
  lang: string | undefined,
  text: string,
): { name: string; kind: string; startLine: number; endLine: number }[] {
  const found = findDefinitions(lang, text);
  const offsets = lineStarts(text);
  const lineOf = (at: number) => lineOfOffset(offsets, at);
  const starts: { name: string; line: number }[] = [];
  for (const f of found) {
    const line = lineOf(f.at + (text[f.at] === '\n' ? 1 : 0));
    if (!starts.length || starts[starts.length - 1]!.line !== line) starts.push({ name: f.name, line });
  }
  return starts.map((s, i) => ({
    name: s.name,
    kind: 'definition',
    startLine: s.line,
    endLine: i + 1 < starts.length ? Math.max(s.line, starts[i + 1]!.line - 1) : offsets.length,
  }));
}

export function scanDefinitions(lang: string | undefined, text: string): string[] {
  const found = findDefinitions(lang, text);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    if (seen.has(f.name)) continue;
    seen.add(f.name);
    out.push(f.name);
    if (out.length >= 2000) break;
  }
  return out;
}
