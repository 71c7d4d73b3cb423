/**
 * `file:line` diagnostics from the output of the tools people put in quality.toml, so the Actions host
 * can annotate the lines. Each parser knows one format; a location is kept only when the file exists in
 * the judged tree (which weeds out URLs, timestamps and paths of the tools themselves).
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Diagnostic } from './types.js';

export const MAX_DIAGNOSTICS_PER_CHECK = 200;

// Strip ANSI colour codes: many tools colour their output even in a pipe when FORCE_COLOR is set.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

interface Raw {
  file: string;
  line: number;
  column?: number;
  message: string;
  tool: string;
}

const PY_ERROR = /^(?:[A-Za-z_][\w.]*(?:Error|Exception|Warning|Exit)|AssertionError|Failed|in [\w<>]+)\b/;

function parseLines(text: string): Raw[] {
  const out: Raw[] = [];
  const lines = text.replace(ANSI, '').split(/\r?\n/);
  let eslintFile: string | undefined;
  let banditIssue: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    // Diagnostics are short lines; a huge line (minified output, a model's test printing a blob) would
    // only cost regex time.
    if (l.length > 2000) continue;
    let m: RegExpExecArray | null;

    // tsc: "src/a.ts(12,5): error TS2322: Type 'x' is not assignable …"
    if ((m = /^(\S.*?)\((\d+),(\d+)\): (error|warning) (TS\d+: .*)$/.exec(l))) {
      out.push({ file: m[1]!, line: +m[2]!, column: +m[3]!, message: m[5]!, tool: 'tsc' });
      continue;
    }
    // tsc --pretty: "src/a.ts:12:5 - error TS2322: …"
    if ((m = /^(\S.*?):(\d+):(\d+) - (error|warning) (TS\d+: .*)$/.exec(l))) {
      out.push({ file: m[1]!, line: +m[2]!, column: +m[3]!, message: m[5]!, tool: 'tsc' });
      continue;
    }
    // bandit: ">> Issue: [B608:hardcoded_sql_expressions] Possible SQL injection …" … "Location: src/x.py:12:4"
    if ((m = /^>> Issue: (\[[^\]]+\] .*)$/.exec(l))) {
      banditIssue = m[1]!;
      continue;
    }
    if (banditIssue && (m = /^\s+Location: (.+?):(\d+)(?::(\d+))?\s*$/.exec(l))) {
      out.push({
        file: m[1]!,
        line: +m[2]!,
        column: m[3] ? +m[3] : undefined,
        message: banditIssue,
        tool: 'bandit',
      });
      banditIssue = undefined;
      continue;
    }
    // black: "would reformat /abs/src/x.py", "error: cannot format src/x.py: Cannot parse: 12:4: …"
    if ((m = /^would reformat (.+)$/.exec(l))) {
      out.push({ file: m[1]!.trim(), line: 1, message: 'black would reformat this file', tool: 'black' });
      continue;
    }
    if ((m = /^error: cannot format (.+?): (Cannot parse[^:]*): (\d+):(\d+): (.*)$/.exec(l))) {
      out.push({ file: m[1]!, line: +m[3]!, column: +m[4]! + 1, message: `${m[2]}: ${m[5]}`, tool: 'black' });
      continue;
    }
    // pytest short summary: "FAILED tests/test_a.py::test_x - AssertionError: …" (line resolved later)
    if ((m = /^(?:FAILED|ERROR) (\S+?\.py)::(\S+)(?: - (.*))?$/.exec(l))) {
      out.push({ file: m[1]!, line: 0, message: `${m[2]} failed${m[3] ? `: ${m[3]}` : ''}`, tool: 'pytest' });
      continue;
    }
    // pytest traceback location: "tests/test_a.py:42: AssertionError" / "src/x.py:10: in login"
    if ((m = /^(\S+?\.py):(\d+): (.+)$/.exec(l)) && PY_ERROR.test(m[3]!)) {
      out.push({ file: m[1]!, line: +m[2]!, message: m[3]!, tool: 'pytest' });
      continue;
    }
    // mypy: "src/x.py:12: error: Incompatible …  [assignment]" (with or without a column)
    if ((m = /^(\S+?\.pyi?):(\d+)(?::(\d+))?: (error|warning|note): (.*)$/.exec(l))) {
      if (m[4] === 'note') continue;
      out.push({ file: m[1]!, line: +m[2]!, column: m[3] ? +m[3] : undefined, message: m[5]!, tool: 'mypy' });
      continue;
    }
    // ESLint stylish: a path on its own line, then "  12:5  error  Message  rule-id"
    if (/^(\/|\.{0,2}[\w@.-]+\/)\S*\.[cm]?[jt]sx?$/.test(l.trim()) && !l.startsWith(' ')) {
      eslintFile = l.trim();
      continue;
    }
    if (eslintFile && (m = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.*?)(?:\s{2,}([\w@/-]+))?\s*$/.exec(l))) {
      out.push({
        file: eslintFile,
        line: +m[1]!,
        column: +m[2]!,
        message: m[5] ? `${m[4]} (${m[5]})` : m[4]!,
        tool: 'eslint',
      });
      continue;
    }
    if (l.trim() === '') eslintFile = undefined;
    // Generic: "path:line:col: message" or "path:line: message" (flake8, ruff, gcc, ESLint unix, …)
    if ((m = /^(\S+?):(\d+)(?::(\d+))?:? (?:-\s)?(.+)$/.exec(l)) && /\.[A-Za-z0-9]+$/.test(m[1]!)) {
      out.push({
        file: m[1]!,
        line: +m[2]!,
        column: m[3] ? +m[3] : undefined,
        message: m[4]!.trim(),
        tool: 'generic',
      });
    }
  }
  return out;
}

/** Repository-relative path of a file a tool printed, or undefined when it is not in the judged tree. */
function resolveFile(file: string, dir: string, aliases: string[]): string | undefined {
  let f = file.replace(/^"|"$/g, '');
  if (isAbsolute(f)) {
    const base = [dir, ...aliases].find((d) => f === d || f.startsWith(d + '/'));
    if (!base) return undefined;
    f = relative(base, f);
  }
  f = f.replace(/^\.\//, '');
  if (f.startsWith('..') || f === '') return undefined;
  try {
    if (!statSync(join(dir, f)).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return f.split('\\').join('/');
}

/** The line of `def name` / `function name` in a file, for pytest results that name only the test. */
function findDefinition(path: string, testId: string): number {
  const name = testId.split('::').pop()!.replace(/\[.*$/, '');
  try {
    const lines = readFileSync(path, 'utf8').split('\n');
    const i = lines.findIndex((l) => new RegExp(`^\\s*(?:async\\s+)?def\\s+${name}\\b`).test(l));
    return i >= 0 ? i + 1 : 1;
  } catch {
    return 1;
  }
}

/**
 * Diagnostics in `output`, with paths made relative to `dir` (the tree the tool ran in). `aliases`
 * are other absolute roots that map onto the same files (the repository root when judging a worktree).
 */
export function extractDiagnostics(output: string, dir: string, aliases: string[] = []): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  const specific = new Set<string>();
  const raws = parseLines(output);
  for (const r of raws) {
    const file = resolveFile(r.file, dir, aliases);
    if (!file) continue;
    const line = r.line === 0 ? findDefinition(join(dir, file), r.message.split(' ')[0]!) : r.line;
    const where = `${file}:${line}`;
    // A generic match of a line another parser understood is the same diagnostic.
    if (r.tool === 'generic' && specific.has(where)) continue;
    if (r.tool !== 'generic') specific.add(where);
    const key = `${where}:${r.column ?? ''}:${r.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      file,
      line,
      ...(r.column ? { column: r.column } : {}),
      message: r.message.slice(0, 500),
      tool: r.tool,
    });
    if (out.length >= MAX_DIAGNOSTICS_PER_CHECK) break;
  }
  return out;
}
