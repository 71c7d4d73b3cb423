/**
 * The definition and import scans run over every file of a cold index, so a repository file must not be
 * able to make them backtrack without bound. The scans written in code must find exactly what the
 * regular expressions they replace find: the expressions are kept here as the reference.
 */
import { describe, expect, it } from '@jest/globals';
import { outlineByScan, scanDefinitions } from '../../src/search/definitions.js';
import { extractImports } from '../../src/search/imports.js';
import { runCli } from '../support/cli.js';
import { makeRepo } from '../support/repo.js';

/** The expressions the scans replace, language by language, in their order. */
const REFERENCE: Record<string, RegExp[]> = {
  javascript: [
    /\bfunction\b[ \t]*\*?[ \t]*([A-Za-z_$][\w$]*)/g,
    /\bclass[ \t]+([A-Za-z_$][\w$]*)/g,
    /^[ \t]*(?:export[ \t]+)?(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*(?::[^=\n]+)?=[ \t]*(?:async[ \t]*)?(?:function|class|\(|[A-Za-z_$][\w$]*[ \t]*=>|[A-Za-z_$][\w$.]*\()/gm,
    /^[ \t]+(?:(?:static|async|get|set|public|private|protected|readonly|override|abstract)[ \t]+)*([A-Za-z_$][\w$]*)[ \t]*(?:<[^>\n]*>)?\([^)\n]*\)?[^;\n]*\{[ \t]*$/gm,
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
};
REFERENCE.kotlin = [
  ...REFERENCE.java!,
  /\bfun[ \t]+(?:<[^>]*>[ \t]*)?(?:[\w.]+\.)?([A-Za-z_]\w*)/g,
  /\bobject[ \t]+([A-Za-z_]\w*)/g,
];
const NOT_NAMES = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'function', 'constructor']);
for (const n of ['super', 'new', 'else']) NOT_NAMES.add(n);

function referenceFound(lang: string, text: string): { at: number; name: string }[] {
  const found: { at: number; name: string }[] = [];
  for (const re of REFERENCE[lang]!)
    for (const m of text.matchAll(re)) if (!NOT_NAMES.has(m[1]!)) found.push({ at: m.index, name: m[1]! });
  return found.sort((a, b) => a.at - b.at);
}

function referenceDefinitions(lang: string, text: string): string[] {
  return [...new Set(referenceFound(lang, text).map((f) => f.name))];
}

/** Where each definition's line starts, as the outline lists them. */
function referenceOutline(lang: string, text: string): [string, number][] {
  const out: [string, number][] = [];
  for (const f of referenceFound(lang, text)) {
    const at = f.at + (text[f.at] === '\n' ? 1 : 0);
    const line = text.slice(0, at).split('\n').length;
    if (!out.length || out[out.length - 1]![1] !== line) out.push([f.name, line]);
  }
  return out;
}

function referenceImports(lang: string, text: string): string[] {
  const out = new Set<string>();
  const add = (s: string | undefined) => {
    if (s && s.length < 300) out.add(s);
  };
  if (lang === 'javascript') {
    for (const m of text.matchAll(/(?:^|[\s;}])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g))
      add(m[1]);
    for (const m of text.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) add(m[1]);
    for (const m of text.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) add(m[1]);
  } else if (lang === 'go') {
    for (const m of text.matchAll(/^import\s*\(([\s\S]*?)\)/gm))
      for (const q of m[1]!.matchAll(/"([^"]+)"/g)) add(q[1]);
    for (const m of text.matchAll(/^import\s+(?:\w+\s+)?"([^"]+)"/gm)) add(m[1]);
  } else if (lang === 'rust') {
    for (const m of text.matchAll(/^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;/gm)) add(`mod:${m[1]}`);
    for (const m of text.matchAll(/^\s*(?:pub(?:\([^)]*\))?\s+)?use\s+((?:crate|super|self)(?:::\w+)+)/gm))
      add(m[1]);
  }
  return [...out];
}

/** Short texts made of the pieces the expressions care about (a fixed seed: the same texts every run). */
function* texts(pieces: string[], heads: string[], count: number, seed: number): Generator<string> {
  let s = seed;
  const rnd = (n: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return (s >> 8) % n;
  };
  for (let i = 0; i < count; i++) {
    let t = heads[rnd(heads.length)]!;
    for (let k = rnd(12); k > 0; k--) t += pieces[rnd(pieces.length)]!;
    yield t;
  }
}

const BLANKS = [' ', ' ', '\t', '\n', '\n', '\r', '\r\n', '\u2028', '\u00a0'];

describe('definition and import scans', () => {
  it('find what the former expressions find, name for name and line for line', () => {
    const cases: [string, string[], string[]][] = [
      [
        'javascript',
        [
          ...BLANKS,
          '(',
          ')',
          '{',
          '}',
          ';',
          '<',
          '>',
          'a',
          'Foo',
          '$x',
          '1',
          'static ',
          'get ',
          'async ',
          'import ',
        ].concat(['from ', "'./m'", '"p"', "'", '`', 'function', '*', 'export ', 'class ', '=', '=>']),
        ['', '  ', '\t', '  static ', '  async ', 'import ', ' export ', ';import ', 'function '],
      ],
      [
        'java',
        [
          ...BLANKS,
          'public ',
          'static ',
          'int',
          'foo',
          'List<T>',
          '<',
          '>',
          '[',
          ']',
          ',',
          '.',
          '?',
          '(',
          ')',
          '1',
        ],
        ['\tpublic ', '  private static ', ' default', '\tpublic', 'class '],
      ],
      [
        'go',
        [
          ...BLANKS,
          '(',
          ')',
          's *S',
          'Foo',
          '_x',
          '1',
          '"fmt"',
          'import (',
          'x ',
          'func ',
          'struct',
          'type ',
        ],
        ['func ', 'func (', 'import (', 'import ', 'type ', '\t'],
      ],
      [
        'rust',
        [
          ...BLANKS,
          '<T>',
          '<',
          '>',
          'Foo',
          ' for ',
          'a::b',
          'pub ',
          'pub(crate)',
          'pub(',
          ')',
          'mod ',
          'use ',
        ].concat(['crate::a', '::b', ';', 'self', 'super', 'impl ', 'x']),
        ['impl', 'impl<', 'pub(', 'pub ', 'mod ', 'use ', '\n\n mod ', ' pub(in a) use self::'],
      ],
      [
        'kotlin',
        [...BLANKS, '<T>', '<', '>', 'a.b.', 'Foo', '.', 'object ', 'public ', '(', '1', 'fun '],
        ['fun ', 'fun <', '\tpublic ', 'object '],
      ],
    ];
    let checked = 0;
    let named = 0;
    for (const [lang, pieces, heads] of cases) {
      for (const text of texts(pieces, heads, 2000, lang.length * 7919)) {
        const expected = referenceDefinitions(lang, text);
        expect(scanDefinitions(lang, text)).toEqual(expected);
        expect(outlineByScan(lang, text).map((o) => [o.name, o.startLine])).toEqual(
          referenceOutline(lang, text),
        );
        if (lang !== 'java' && lang !== 'kotlin')
          expect(extractImports(lang, text)).toEqual(referenceImports(lang, text));
        checked++;
        if (expected.length) named++;
      }
    }
    expect(checked).toBe(10_000);
    expect(named).toBeGreaterThan(1_000); // the texts do define things
  });

  it('index hostile files quickly: blanks after `public`, an unclosed `(`, `func (`, `pub(`, `impl<`, `fun <` and `import` by the thousand', async () => {
    const N = 30_000;
    const repo = makeRepo(undefined, {
      files: {
        'src/Spaces.java': `class Spaces {\n\tpublic ${' '.repeat(4000)}\n  public int quokkaCount() {\n    return 1;\n  }\n}\n${'// pad\n'.repeat(200)}`,
        'src/paren.ts': `export class Paren {\n  open(${'a'.repeat(150_000)}\n  quokkaOpen() {\n  }\n}\n${'// pad\n'.repeat(2000)}`,
        'src/funcs.go': `package funcs\n\nfunc QuokkaFunc() {}\n${'func (\n'.repeat(N)}`,
        'src/vis.rs': `pub fn quokka_vis() {}\n${' pub(\n'.repeat(N)}\n${'\n'.repeat(N)}mod quokka_mod;\n`,
        'src/impls.rs': `fn quokka_impl() {}\n${'impl<\n'.repeat(N)}`,
        'src/funs.kt': `fun quokkaFun() {}\n${'fun <\n'.repeat(N)}`,
        'src/imports.js': `export function quokkaImports() {}\n${' import\n'.repeat(N)}`,
      },
    });
    try {
      const r = await runCli(['search', '--root', repo.root, '--query', 'quokka', '--top', '10', '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { files: { path: string }[]; stats: { indexedFiles: number } };
      expect(out.stats.indexedFiles).toBe(7);
      expect(out.files.map((f) => f.path).sort()).toEqual([
        'src/Spaces.java',
        'src/funcs.go',
        'src/funs.kt',
        'src/impls.rs',
        'src/imports.js',
        'src/paren.ts',
        'src/vis.rs',
      ]);
    } finally {
      repo.cleanup();
    }
  }, 60_000);
});
