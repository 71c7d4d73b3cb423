/**
 * Which tests of a test file the runner would collect, read from the file's text without running it.
 * The guard on removed tests compares them at the base and in the change: a test whose `def` or `it(`
 * line stays in the file can still vanish from the run when the change wraps it in a string or a
 * comment, nests it in a function or in a class the runner does not collect, puts it under a condition,
 * deletes or rebinds its name (`del test_x`) or defines it a second time (the later definition wins).
 */

/** One test of a file, as the runner would collect it. */
export interface CollectedTest {
  /** `test_x`, `TestAuth::test_x` (Python), or the title of an `it(…)` / `test(…)` call (JavaScript). */
  key: string;
  /** 1-based line of its definition. */
  line: number;
  /**
   * The enclosing block's header when the definition runs only if that block does (`if …:`; in
   * JavaScript also `function later() {`, `const later = () => {`).
   */
  condition?: string;
}

/** What the runner collects from one file, and the definitions it would not collect. */
export interface FileTests {
  tests: CollectedTest[];
  /** Test definitions that a later statement of their scope hides (`del test_x`, a second `def test_x`). */
  hidden: { key: string; line: number; why: string }[];
}

/** Python's line breaks: `\r\n`, `\n`, and a lone `\r`, which Python reads as a line break too. */
const PY_NEWLINE = /\r\n|\r|\n/;

/** A string literal's prefix and opening quote, read where the scan stands. */
const PY_STRING = /([rRbBuUfF]{0,2})("""|'''|"|')/y;

interface PyStatement {
  line: number;
  indent: number;
  /** The statement's code: comments removed, every string literal replaced by `''`. */
  code: string;
}

/** The logical lines of a Python module (strings and comments blanked out), with their indentation. */
function pythonStatements(src: string): PyStatement[] {
  const out: PyStatement[] = [];
  const lines = src.split(PY_NEWLINE);
  // Lines as git and editors number them (a lone `\r` does not start one): for each of Python's lines.
  const gitLine: number[] = [];
  let at = 1;
  for (const piece of src.split(/(\r\n|\r|\n)/)) {
    if (piece === '\r') continue;
    if (piece === '\n' || piece === '\r\n') at++;
    else gitLine.push(at);
  }
  let code = '';
  let start = 0;
  let indent = 0;
  let depth = 0;
  let continued = false;
  // A string still open at the end of a line (a triple-quoted one): its quote.
  let open: { quote: string } | undefined;
  const flush = () => {
    if (code.trim()) out.push({ line: gitLine[start] ?? start + 1, indent, code: code.trim() });
    code = '';
  };
  for (let n = 0; n < lines.length; n++) {
    const text = lines[n]!;
    let i = 0;
    if (!open && depth === 0 && !continued) {
      flush();
      start = n;
      indent = 0;
      for (; i < text.length; i++) {
        const c = text[i];
        if (c === ' ') indent++;
        else if (c === '\t') indent = indent - (indent % 8) + 8;
        else if (c === '\f') indent = 0;
        else break;
      }
    }
    continued = false;
    // A backslash that ends the line inside a one-quote string continues the string.
    let escapedEnd = false;
    while (i < text.length) {
      if (open) {
        const c = text[i]!;
        // Even in a raw string a backslash keeps the quote after it from ending the string.
        if (c === '\\') {
          escapedEnd = i === text.length - 1;
          i += 2;
          continue;
        }
        if (text.startsWith(open.quote, i)) {
          i += open.quote.length;
          open = undefined;
          code += "''";
          continue;
        }
        i++;
        continue;
      }
      const c = text[i]!;
      if (c === '#') break;
      if (c === '\\' && i === text.length - 1) {
        continued = true;
        break;
      }
      // A string literal, with its prefix (`r"…"`, `b'…'`, `f"""…"""`) when that is not the end of a name.
      PY_STRING.lastIndex = i;
      const str = PY_STRING.exec(text);
      if (str && !(str[1] && i > 0 && /\w/.test(text[i - 1]!))) {
        open = { quote: str[2]! };
        i += str[0].length;
        continue;
      }
      if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
      code += c;
      i++;
    }
    // A one-quote string does not span lines (an unterminated one is a syntax error: close it here).
    if (open && open.quote.length === 1 && !escapedEnd) {
      open = undefined;
      code += "''";
    }
    code += ' ';
  }
  flush();
  return out;
}

/** Splits a logical line at its top-level `;`. */
function simpleStatements(code: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      parts.push(code.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(code.slice(from).trim());
  return parts.filter(Boolean);
}

/** The position of the `:` that ends a compound statement's header, or -1. */
function headerEnd(code: string): number {
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === ':' && depth === 0 && code[i + 1] !== '=') return i;
  }
  return -1;
}

const PY_COMPOUND = /^(?:async\s+)?(?:def|class|if|elif|else|while|for|with|try|except|finally|match|case)\b/;

/** The names a simple statement binds or deletes in its scope (not a `def`/`class`). */
function boundNames(statement: string): { names: string[]; deleted: boolean } {
  // The names come first: a long statement (a data literal) is not read to its end.
  const code = statement.slice(0, 2000);
  const del = /^del\s+(.+)$/.exec(code);
  if (del) return { names: del[1]!.split(',').map((s) => s.trim().replace(/^\(|\)$/g, '')), deleted: true };
  const imp = /^(?:from\s+\S+\s+)?import\s+(.+)$/.exec(code);
  if (imp) {
    return {
      names: imp[1]!
        .replace(/[()]/g, '')
        .split(',')
        .map((s) => {
          const as = /\bas\s+(\w+)\s*$/.exec(s);
          return as ? as[1]! : s.trim().split('.')[0]!;
        }),
      deleted: false,
    };
  }
  // `test_x = …`, `test_x: T = …`, `a = test_x = …`, `test_x, y = …`, `test_x += …`.
  const names: string[] = [];
  let rest = code;
  for (;;) {
    const m = /^((?:\s*\w+\s*,)*\s*\w+\s*,?\s*)(?::[^=]*)?(?:[-+*/%&|^@]|\/\/|\*\*|<<|>>)?=(?!=)/.exec(rest);
    if (!m) break;
    names.push(...m[1]!.split(',').map((s) => s.trim()));
    rest = rest.slice(m[0].length);
  }
  return { names, deleted: false };
}

/**
 * The tests pytest (or unittest) would collect from a Python test file: functions named `test…` at module
 * level or in classes (nested in no function), under their class path. A definition a later statement of
 * the same scope deletes, rebinds or defines again is hidden, not collected.
 */
export function pythonTests(src: string): FileTests {
  type Block = {
    indent: number;
    kind: 'def' | 'class' | 'other';
    name: string;
    header: string;
    /** A class pytest collects tests from: `Test…`, or one with a `…Test…` base (`unittest.TestCase`). */
    collects?: boolean;
  };
  const stack: Block[] = [];
  // Per scope (class path), the last binding of each name: a test definition, or what replaced it.
  const last = new Map<string, { test?: CollectedTest; line: number; why?: string }>();
  const hidden: FileTests['hidden'] = [];
  // Classes (by their path) that hold tests.
  const holders = new Set<string>();
  const bind = (scope: string, name: string, line: number, why: string | undefined, test?: CollectedTest) => {
    const key = scope ? `${scope}::${name}` : name;
    const what = why ?? `defined again at line ${line} (the later definition replaces it)`;
    const hide = (k: string) => {
      const v = last.get(k);
      if (!v?.test) return;
      hidden.push({ key: k, line: v.test.line, why: what });
      last.set(k, { line, why: what });
    };
    hide(key);
    // The tests of a class of that name (`del TestAuth`, a second `class TestAuth:`).
    if (holders.delete(key)) {
      for (const k of [...last.keys()]) if (k.startsWith(`${key}::`)) hide(k);
    }
    last.set(key, { test, line, why });
    if (test && scope) {
      const parts = scope.split('::');
      parts.forEach((_, i) => holders.add(parts.slice(0, i + 1).join('::')));
    }
  };
  // Python reads names in their NFKC form: `def ｔｅｓｔ_x` defines test_x.
  for (const st of pythonStatements(src.normalize('NFKC'))) {
    while (stack.length && stack[stack.length - 1]!.indent >= st.indent) stack.pop();
    const inDef = stack.some((b) => b.kind === 'def');
    const scope = stack
      .filter((b) => b.kind === 'class')
      .map((b) => b.name)
      .join('::');
    const condition = stack.find((b) => b.kind === 'other')?.header;
    const collected = stack.every((b) => b.kind !== 'class' || b.collects);
    for (const part of simpleStatements(st.code)) {
      if (PY_COMPOUND.test(part)) {
        const end = headerEnd(part);
        const header = end >= 0 ? part.slice(0, end + 1) : part;
        const body = end >= 0 ? part.slice(end + 1).trim() : '';
        const def = /^(?:async\s+)?def\s+(\w+)/.exec(header);
        const cls = /^class\s+(\w+)/.exec(header);
        if (def && !inDef && collected && /^test/.test(def[1]!)) {
          const key = scope ? `${scope}::${def[1]}` : def[1]!;
          bind(scope, def[1]!, st.line, undefined, {
            key,
            line: st.line,
            ...(condition ? { condition } : {}),
          });
        } else if ((def || cls) && !inDef) {
          bind(scope, (def ?? cls)![1]!, st.line, `rebound at line ${st.line}`);
        }
        if (!body) {
          stack.push({
            indent: st.indent,
            kind: def ? 'def' : cls ? 'class' : 'other',
            name: (def ?? cls)?.[1] ?? '',
            header,
            ...(cls ? { collects: /^Test/.test(cls[1]!) || /\(.*Test/.test(header) } : {}),
          });
        } else if (!def && !cls && !inDef) {
          // `if c: del test_x` — the body runs in the same scope.
          for (const s of simpleStatements(body)) {
            const b = boundNames(s);
            for (const n of b.names)
              bind(scope, n, st.line, `${b.deleted ? 'deleted' : 'rebound'} at line ${st.line}`);
          }
        }
        continue;
      }
      if (inDef || part.startsWith('@')) continue;
      const b = boundNames(part);
      for (const n of b.names)
        bind(scope, n, st.line, `${b.deleted ? 'deleted' : 'rebound'} at line ${st.line}`);
    }
  }
  return { tests: [...last.values()].flatMap((v) => (v.test ? [v.test] : [])), hidden };
}

/** The end of a `//` comment: JavaScript's line terminators. */
const JS_LINE_END = /[\r\n\u2028\u2029]/g;

/**
 * The text of a JavaScript/TypeScript file with every comment blanked out and the contents of every
 * string, template and regular expression literal blanked out too (their delimiters stay, and so does
 * every line break), so that a search of it finds code only, at the original offsets.
 */
export function jsCodeMask(src: string): string {
  const out = src.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  // Brace depths at which a template's `${…}` returns to the template.
  const templates: number[] = [];
  let braces = 0;
  let prev = '';
  let i = 0;
  const readTemplate = () => {
    // From just after "`" or "}" of a substitution: to the closing "`" or the next "${".
    const from = i;
    while (i < src.length) {
      const c = src[i]!;
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '`') {
        blank(from, i);
        i++;
        prev = '`';
        return;
      }
      if (c === '$' && src[i + 1] === '{') {
        blank(from, i);
        i += 2;
        templates.push(braces);
        braces++;
        prev = '{';
        return;
      }
      i++;
    }
    blank(from, i);
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '/' && src[i + 1] === '/') {
      JS_LINE_END.lastIndex = i;
      const to = JS_LINE_END.exec(src) ? JS_LINE_END.lastIndex - 1 : src.length;
      blank(i, to);
      i = to;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const to = end < 0 ? src.length : end + 2;
      blank(i, to);
      i = to;
      continue;
    }
    if (c === '"' || c === "'") {
      let k = i + 1;
      while (k < src.length && src[k] !== c && src[k] !== '\n') k += src[k] === '\\' ? 2 : 1;
      blank(i + 1, k);
      i = k + 1;
      prev = c;
      continue;
    }
    if (c === '`') {
      i++;
      readTemplate();
      continue;
    }
    if (
      c === '/' &&
      (prev === '' ||
        /[(,=:[!&|?{};+\-*%<>~^]/.test(prev) ||
        /\b(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/.test(
          src.slice(Math.max(0, i - 10), i).trimEnd(),
        ))
    ) {
      let k = i + 1;
      let cls = false;
      while (k < src.length && src[k] !== '\n') {
        const d = src[k]!;
        if (d === '\\') k++;
        else if (d === '[') cls = true;
        else if (d === ']') cls = false;
        else if (d === '/' && !cls) break;
        k++;
      }
      blank(i + 1, k);
      i = k + 1;
      prev = '/';
      continue;
    }
    if (c === '{') braces++;
    if (c === '}') {
      braces--;
      if (templates.length && templates[templates.length - 1] === braces) {
        templates.pop();
        i++;
        readTemplate();
        continue;
      }
    }
    if (!/\s/.test(c)) prev = /\w/.test(c) ? 'w' : c;
    i++;
  }
  return out.join('');
}

/** The titles of the `it(…)`, `test(…)` and `specify(…)` calls of a JavaScript/TypeScript test file that are code. */
export function jsTests(src: string): FileTests {
  const code = jsCodeMask(src);
  const tests: CollectedTest[] = [];
  // With a modifier too (`test.only(`, `it.concurrent(`): the skip-marker rule judges those.
  const call = /(?<![\w.$])(?:it|test|specify)(?:\s*\.\s*\w+)*\s*\(\s*(['"`])/g;
  // Lines counted as git counts them, up to each match in turn; the blocks open at each match.
  let line = 1;
  let counted = 0;
  const blocks: (string | undefined)[] = [];
  let scanned = 0;
  for (const m of code.matchAll(call)) {
    const open = m.index + m[0].length;
    const close = code.indexOf(m[1]!, open);
    if (close < 0) continue;
    for (let k = src.indexOf('\n', counted); k >= 0 && k < m.index; k = src.indexOf('\n', k + 1)) line++;
    counted = m.index;
    for (; scanned < m.index; scanned++) {
      if (code[scanned] === '{')
        blocks.push(code[scanned - 1] === '$' ? undefined : jsBlockCondition(code, scanned));
      else if (code[scanned] === '}') blocks.pop();
    }
    const condition = blocks.find((b) => b !== undefined);
    tests.push({ key: src.slice(open, close), line, ...(condition ? { condition } : {}) });
  }
  return { tests, hidden: [] };
}

/** The position of the `(` that the `)` at `at` closes, in code whose strings and comments are blank. */
function openingParen(code: string, at: number): number {
  let depth = 0;
  for (let i = at; i >= 0; i--) {
    if (code[i] === ')') depth++;
    else if (code[i] === '(' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Why the block that a `{` at `at` opens may not run when the file is loaded: the body of an `if`, a
 * loop, an `else` or a `catch`, or of a function that is declared or stored rather than passed to a
 * call (`function later() {`, `const later = () => {`, a method). A callback passed to a call
 * (`describe('x', () => {`) and plain blocks run.
 */
function jsBlockCondition(code: string, at: number): string | undefined {
  // Without a TypeScript return type (`function later(): void {`, `(): void => {`).
  let before = code.slice(Math.max(0, at - 2000), at).trimEnd();
  const typed = /\)\s*:\s*[\w$<>[\]|&.,\s]+?(\s*=>)?$/.exec(before.slice(-120));
  if (typed) before = `${before.slice(0, before.length - typed[0].length)})${typed[1] ?? ''}`;
  const shown = (text: string) => `${text.replace(/\s+/g, ' ').trim().slice(0, 80)} {`;
  if (/\b(?:else|do)$/.test(before)) return shown(before.slice(-4));
  let end = before.length - 1;
  const arrow = before.endsWith('=>');
  if (arrow) end = before.slice(0, -2).trimEnd().length - 1;
  let start: number;
  if (before[end] === ')') {
    start = openingParen(before, end);
    if (start < 0) return undefined;
  } else if (arrow && /[\w$]/.test(before[end] ?? '')) {
    start = end;
    while (start > 0 && /[\w$]/.test(before[start - 1]!)) start--;
  } else {
    return undefined;
  }
  const head = before.slice(0, start).trimEnd();
  if (arrow) {
    // `const later = () => {`, `{ later: () => {`, `return () => {`: stored, not run here.
    const held = /(?:[=:]|\breturn)$/.test(head.replace(/\basync$/, '').trimEnd());
    const statement = Math.max(...[';', '{', '}', '\n'].map((c) => head.lastIndexOf(c))) + 1;
    return held ? shown(before.slice(statement)) : undefined;
  }
  const word = /([\w$]+)$/.exec(head)?.[1];
  if (!word) return undefined;
  if (['if', 'while', 'for', 'switch', 'catch', 'with'].includes(word))
    return shown(before.slice(head.length - word.length));
  if (word === 'function' || /\bfunction\s*\*?\s*[\w$]+$/.test(head)) {
    // A function expression passed to a call runs when the call runs it (`describe('x', function () {`).
    const fn = head.slice(0, head.lastIndexOf('function')).trimEnd();
    return /[(,]$/.test(fn) ? undefined : shown(before.slice(head.lastIndexOf('function')));
  }
  // A method (`later() {` in a class or an object), not a call: calls are not followed by a block.
  if (/^[\w$]+$/.test(word) && !/[.\w$]$/.test(head.slice(0, -word.length).trimEnd() || '')) {
    return ['super', 'catch', 'constructor'].includes(word)
      ? undefined
      : shown(before.slice(head.length - word.length));
  }
  return undefined;
}

/** The tests of a test file by its language, or undefined for a file of another kind. */
export function collectedTests(path: string, src: string): FileTests | undefined {
  if (/\.py$/.test(path)) return pythonTests(src);
  if (/\.[cm]?[jt]sx?$/.test(path)) return jsTests(src);
  return undefined;
}
