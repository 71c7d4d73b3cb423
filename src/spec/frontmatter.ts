/**
 * Front matter of a user's Markdown file, parsed as untrusted input: gray-matter splits the file, but
 * its engines are replaced so only YAML is accepted, and YAML is parsed with the `yaml` package's core
 * schema (no custom tags such as `!!js/function`), bounded alias expansion and unique keys. A
 * `---js` block is refused before any engine could evaluate it.
 */
import matter from 'gray-matter';
import {
  parseDocument,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit,
  type Document,
  type Node,
} from 'yaml';
import { describe } from './plan.js';
import { lineAt } from './text.js';
import type { Problem } from './types.js';
import { lineOfOffset, lineStarts } from '../util/lines.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** 1-based file line of each top-level key. */
  keyLines: Record<string, number>;
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based file line where `body` starts. */
  bodyLine: number;
}

/** Aliases are legitimate YAML; a few dozen are plenty for a blueprint, thousands are an attack. */
const MAX_ALIAS_COUNT = 64;

/** A blueprint has about a dozen fields; thousands of keys are a mistake or an attack. */
export const MAX_FRONT_MATTER_KEYS = 1000;

/**
 * Offsets of the keys that repeat an earlier key of the same mapping, anywhere in the document: the
 * `yaml` package's own `uniqueKeys` check compares each key with every earlier one (90,000 keys took
 * over a minute), so it is off and this does the same check with a set per mapping. Keys are equal when both
 * are scalars with the same value (`===`, as `yaml` compares them); the walk uses a stack, not
 * recursion, so deep nesting cannot overflow it.
 */
function duplicateKeyOffsets(root: Node | null, complex: number[] = []): number[] {
  const out: number[] = [];
  const stack: unknown[] = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const item of node.items) {
        const key = item.key;
        // `? [a, b]: x` — a list or mapping as a key has no place in a blueprint (and converting it
        // printed a runtime warning on stderr).
        if (isMap(key) || isSeq(key)) {
          const start = (key as Node).range?.[0];
          if (start !== undefined) complex.push(start);
        }
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value)) {
            const start = key.range?.[0];
            if (start !== undefined) out.push(start);
          } else seen.add(key.value);
        }
        stack.push(item.key, item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  return out.sort((a, b) => a - b);
}

/** A parser message for the user: the parsers recurse, and deep nesting surfaces as a stack overflow. */
function yamlMessage(message: string): string {
  return /Maximum call stack size exceeded/i.test(message)
    ? 'the YAML is nested too deeply (lists or mappings inside each other hundreds of levels down)'
    : message;
}

/** The first alias of the document whose anchor is not defined before it, with its offset: one walk. */
function unresolvedAlias(doc: Document.Parsed): { name: string; offset: number } | undefined {
  const anchors = new Set<string>();
  let found: { name: string; offset: number } | undefined;
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) {
          found = { name: node.source, offset: node.range?.[0] ?? 0 };
          return visit.BREAK;
        }
      } else if (node.anchor) anchors.add(node.anchor);
      return undefined;
    },
  });
  return found;
}

const refuse = (lang: string) => () => {
  throw new FrontMatterLanguageError(lang);
};

class FrontMatterLanguageError extends Error {
  constructor(readonly language: string) {
    super(`front matter language '${language}' is not allowed`);
  }
}

export function parseFrontMatter(original: string, file: string): { fm?: FrontMatter; problems: Problem[] } {
  const problems: Problem[] = [];
  // CRLF files: gray-matter leaves the '\r' in values. Line numbers do not change.
  const text = original.replace(/\r\n/g, '\n');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (!/^---/.test(firstLine)) {
    return {
      problems: [
        {
          file,
          line: 1,
          severity: 'error',
          message: "no front matter: the file must start with a '---' YAML block",
        },
      ],
    };
  }
  // gray-matter reads a first line of four or more dashes as no front matter at all.
  if (firstLine.startsWith('----')) {
    return {
      problems: [
        {
          file,
          line: 1,
          severity: 'error',
          message: `the front matter must open with a line that is exactly '---', got ${describe(firstLine)}`,
        },
      ],
    };
  }
  // `---js`, `---javascript`, `---coffee`… would make gray-matter pick an engine that evaluates code.
  const lang = firstLine.slice(3).trim();
  if (lang !== '' && lang.toLowerCase() !== 'yaml' && lang.toLowerCase() !== 'yml') {
    return {
      problems: [
        {
          file,
          line: 1,
          severity: 'error',
          message: `front matter language '${lang}' is not allowed: only YAML ('---') front matter is accepted`,
        },
      ],
    };
  }

  // gray-matter ends the front matter at the first later line that starts with '---' — '----------'
  // and '---x' too — and reads what follows as the body: fields after such a line were silently lost.
  // That line must be exactly '---'; without one, gray-matter takes the whole file as front matter.
  const closeAt = text.indexOf('\n---', firstLine.length);
  if (closeAt < 0) {
    return {
      problems: [
        {
          file,
          line: 1,
          severity: 'error',
          message: "front matter is not closed: expected a '---' line after it",
        },
      ],
    };
  }
  const closeEnd = text.indexOf('\n', closeAt + 1);
  const closing = text.slice(closeAt + 1, closeEnd < 0 ? text.length : closeEnd);
  if (!/^---[ \t]*$/.test(closing)) {
    return {
      problems: [
        {
          file,
          line: lineAt(text, closeAt + 1),
          severity: 'error',
          message: `a line that starts with '---' ends the front matter and must be exactly '---', got ${describe(closing)}`,
        },
      ],
    };
  }

  let yamlSource = '';
  let content: string;
  try {
    const parsed = matter(text, {
      language: 'yaml',
      engines: {
        yaml: {
          parse: (s: string) => {
            yamlSource = s;
            return {};
          },
          stringify: refuse('yaml'),
        },
        js: { parse: refuse('js'), stringify: refuse('js') },
        javascript: { parse: refuse('javascript'), stringify: refuse('javascript') },
        coffee: { parse: refuse('coffee'), stringify: refuse('coffee') },
        json: { parse: refuse('json'), stringify: refuse('json') },
      },
    } as unknown as Parameters<typeof matter>[1]);
    content = parsed.content;
  } catch (e) {
    const msg =
      e instanceof FrontMatterLanguageError
        ? e.message
        : `front matter could not be split: ${(e as Error).message}`;
    return { problems: [{ file, line: 1, severity: 'error', message: msg }] };
  }

  const bodyOffset = text.length - content.length;
  const bodyLine = lineAt(text, bodyOffset);
  // The YAML starts on the line after the opening '---' (gray-matter keeps that line's newline).
  const yamlFirstLine = yamlSource.startsWith('\n') ? 1 : yamlSource.startsWith('\r\n') ? 1 : 2;

  let doc: Document.Parsed;
  try {
    doc = parseDocument(yamlSource, {
      schema: 'core',
      customTags: [],
      // `!!binary`, `!!timestamp`, `!!set`, `!!omap` and `!!pairs` are refused like any other custom tag:
      // resolved, they made a Buffer, a Date or a Set of a value and the message a puzzling "got an object".
      resolveKnownTags: false,
      // Checked below in linear time (the package's own check is quadratic in the number of keys).
      uniqueKeys: false,
      strict: true,
      prettyErrors: true,
      version: '1.2',
    });
  } catch (e) {
    return {
      problems: [{ file, line: 2, severity: 'error', message: `YAML: ${yamlMessage((e as Error).message)}` }],
    };
  }
  const starts = lineStarts(yamlSource);
  // Duplicate keys take their place among the parser's errors by position, where `yaml` reported them.
  const complexKeys: number[] = [];
  const duplicates = duplicateKeyOffsets(doc.contents, complexKeys);
  let next = 0;
  const duplicatesBefore = (offset: number) => {
    while (next < duplicates.length && duplicates[next]! < offset) {
      problems.push({
        file,
        line: yamlFirstLine + lineOfOffset(starts, duplicates[next]!) - 1,
        severity: 'error',
        message: 'YAML syntax error: Map keys must be unique',
      });
      next++;
    }
  };
  for (const err of [...doc.errors, ...doc.warnings]) {
    if (err.name === 'YAMLParseError') duplicatesBefore(err.pos[0]);
    else duplicatesBefore(Infinity);
    const line = err.linePos?.[0]?.line;
    const first = yamlMessage(err.message.split('\n')[0] ?? err.message);
    const tagHint = err.code === 'TAG_RESOLVE_FAILED' ? ' (custom YAML tags are not allowed)' : '';
    problems.push({
      file,
      line: line !== undefined ? yamlFirstLine + line - 1 : 2,
      severity: 'error',
      message: `YAML syntax error: ${first.replace(/ at line \d+, column \d+:?$/, '')}${tagHint}`,
    });
  }
  duplicatesBefore(Infinity);
  for (const offset of complexKeys.sort((a, b) => a - b)) {
    problems.push({
      file,
      line: yamlFirstLine + lineOfOffset(starts, offset) - 1,
      severity: 'error',
      message:
        'YAML: a key must be a plain value (a word, a number or a quoted string), not a list or a mapping',
    });
  }
  if (problems.length) return { problems };

  if (doc.contents === null) {
    return {
      fm: { data: {}, keyLines: Object.create(null) as Record<string, number>, body: content, bodyLine },
      problems,
    };
  }
  if (!isMap(doc.contents)) {
    return {
      problems: [
        {
          file,
          line: 2,
          severity: 'error',
          message: 'front matter must be a YAML mapping (key: value lines)',
        },
      ],
    };
  }

  if (doc.contents.items.length > MAX_FRONT_MATTER_KEYS) {
    const extra = doc.contents.items[MAX_FRONT_MATTER_KEYS]!.key as {
      range?: [number, number, number];
    } | null;
    const start = extra?.range?.[0];
    return {
      problems: [
        {
          file,
          line: start !== undefined ? yamlFirstLine + lineOfOffset(starts, start) - 1 : 2,
          severity: 'error',
          message: `front matter has ${doc.contents.items.length} keys; at most ${MAX_FRONT_MATTER_KEYS} are allowed`,
        },
      ],
    };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const m = (e as Error).message;
    // An alias with no anchor before it was reported as an expansion attack, at line 2.
    const unresolved = /^Unresolved alias/.test(m) ? unresolvedAlias(doc) : undefined;
    if (unresolved) {
      return {
        problems: [
          {
            file,
            line: yamlFirstLine + lineOfOffset(starts, unresolved.offset) - 1,
            severity: 'error',
            message: `YAML: the alias *${unresolved.name} names no anchor (&${unresolved.name}) defined before it`,
          },
        ],
      };
    }
    const message = /alias/i.test(m)
      ? `YAML aliases expand too much (more than ${MAX_ALIAS_COUNT} alias uses): refused as a resource-exhaustion risk`
      : `YAML: ${yamlMessage(m)}`;
    return { problems: [{ file, line: 2, severity: 'error', message }] };
  }

  // No prototype: a key named `__proto__` or `constructor` is an ordinary key here.
  const keyLines = Object.create(null) as Record<string, number>;
  for (const item of doc.contents.items) {
    // As `toJS` names it: an empty key (`: x`) is ''.
    const key = isScalar(item.key) ? String(item.key.value ?? '') : String(item.key);
    const range = (item.key as { range?: [number, number, number] } | null)?.range;
    if (range) keyLines[key] = yamlFirstLine + lineOfOffset(starts, range[0]) - 1;
  }
  return { fm: { data: data as Record<string, unknown>, keyLines, body: content, bodyLine }, problems };
}
