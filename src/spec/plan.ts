/** The verification plan: exactly one ```guardian fence holding a JSON array of steps. */
import { parseDocument, isSeq, isMap, isScalar, type Node } from 'yaml';
import { hasControlChar, isControl } from '../util/chars.js';
import { findFences, type Fence } from './markdown.js';
import { lineAt } from './text.js';
import { lineOfOffset, lineStarts } from '../util/lines.js';
import { PLAN_STAGES, type PlanStep, type Problem } from './types.js';

const STEP_FIELDS = ['description', 'stage', 'command', 'expects', 'timeout'] as const;

export function parsePlan(
  body: string,
  bodyLine: number,
  file: string,
): { steps: PlanStep[]; found: boolean; problems: Problem[] } {
  const problems: Problem[] = [];
  const fences = findFences(body, bodyLine).filter((f) => f.info.toLowerCase() === 'guardian');
  if (fences.length === 0) return { steps: [], found: false, problems };
  if (fences.length > 1) {
    problems.push({
      file,
      line: fences[1]!.openLine,
      field: 'verification plan',
      severity: 'error',
      message: `more than one \`\`\`guardian block (lines ${fences.map((f) => f.openLine).join(', ')}); exactly one is expected`,
    });
    // Every block's own problems too: all of a file's problems are reported at once.
    for (const f of fences) parseFence(f, file, problems);
    return { steps: [], found: true, problems };
  }
  return { steps: parseFence(fences[0]!, file, problems), found: true, problems };
}

/** The steps of one ```guardian block; its problems are added to `problems`. */
function parseFence(fence: Fence, file: string, problems: Problem[]): PlanStep[] {
  if (fence.closeLine === undefined) {
    problems.push({
      file,
      line: fence.openLine,
      field: 'verification plan',
      severity: 'error',
      message: 'the ```guardian block is not closed: expected a closing ``` line',
    });
    return [];
  }
  const src = fence.content;
  // Lines of offsets by binary search: a plan of 12,000 steps took half a minute when each step's line
  // was found by counting the newlines before it.
  let starts: number[] | undefined;
  const srcLine = (offset: number) => lineOfOffset((starts ??= lineStarts(src)), offset);
  let value: unknown;
  try {
    value = JSON.parse(src);
  } catch (e) {
    problems.push({
      file,
      line: fence.contentLine + jsonErrorLine(src, (e as Error).message) - 1,
      field: 'verification plan',
      severity: 'error',
      message: `invalid JSON: ${(e as Error).message.replace(/\s+in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/, '')}`,
    });
    return [];
  }
  // JSON.parse keeps the last of two equal keys: `"command": "make test", …, "command": "curl … | sh"`
  // would run a command a reader of the first one does not see. Refused, like duplicate YAML keys.
  const duplicates = duplicateJsonKeys(src);
  if (duplicates.length) {
    for (const d of duplicates) {
      problems.push({
        file,
        line: fence.contentLine + srcLine(d.offset) - 1,
        field: 'verification plan',
        severity: 'error',
        message: `duplicate key ${describe(d.key)} in one object: each key may appear once (JSON would keep only the last)`,
      });
    }
    return [];
  }
  if (!Array.isArray(value)) {
    problems.push({
      file,
      line: fence.contentLine,
      field: 'verification plan',
      severity: 'error',
      message: `expected a JSON array of steps, got ${describe(value)}`,
    });
    return [];
  }
  // Each step's line comes from a cheap scan; the yaml parser (JSON is YAML) locates fields only when a
  // step has a problem to report.
  const elements = elementOffsets(src);
  let items: (Node | null)[] | undefined;
  const nodes = () => {
    if (!items) {
      const doc = parseDocument(src);
      items = isSeq(doc.contents) ? (doc.contents.items as (Node | null)[]) : [];
    }
    return items;
  };
  const lineOf = (node: Node | null | undefined) =>
    fence.contentLine + (node?.range ? srcLine(node.range[0]) : 1) - 1;

  const steps: PlanStep[] = [];
  value.forEach((raw, i) => {
    const line = fence.contentLine + srcLine(elements[i] ?? 0) - 1;
    const fieldLine = (name: string): number => {
      const node = nodes()[i];
      if (node && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === name);
        if (pair?.key) return lineOf(pair.key as Node);
      }
      return line;
    };
    const where = `plan step ${i + 1}`;
    const bad = (field: string, message: string) =>
      problems.push({ file, line: fieldLine(field), field: `${where}.${field}`, severity: 'error', message });
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({
        file,
        line,
        field: where,
        severity: 'error',
        message: `expected an object, got ${describe(raw)}`,
      });
      return;
    }
    const o = raw as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (!(STEP_FIELDS as readonly string[]).includes(k)) {
        bad(k, `unknown field '${k}'; expected one of ${STEP_FIELDS.join(', ')}`);
      }
    }
    const before = problems.length;
    if (typeof o.description !== 'string' || o.description.trim() === '') {
      bad('description', 'expected a non-empty string');
    } else if (hasControlChar(o.description.replace(/[\t\r\n]/g, ' '))) {
      // Reports quote it: an escape sequence or a bidi override would rewrite what a reader sees.
      bad(
        'description',
        'expected plain text: it contains a control character (an escape sequence or a bidi override)',
      );
    }
    if (!PLAN_STAGES.includes(o.stage as never)) {
      bad('stage', `expected "pre-start" or "final-submit", got ${describe(o.stage)}`);
    }
    if (typeof o.command !== 'string' || o.command.trim() === '') {
      bad('command', `expected a non-empty command string, got ${describe(o.command)}`);
    } else {
      const why = commandProblem(o.command);
      if (why) bad('command', why);
    }
    if (o.expects !== 'pass' && o.expects !== 'fail') {
      bad('expects', `expected "pass" or "fail", got ${describe(o.expects)}`);
    }
    if (
      o.timeout !== undefined &&
      (typeof o.timeout !== 'number' || !(o.timeout >= 1) || o.timeout > 86400)
    ) {
      bad('timeout', `expected a number of seconds between 1 and 86400, got ${describe(o.timeout)}`);
    }
    if (problems.length === before) {
      steps.push({
        description: (o.description as string).trim(),
        stage: o.stage as PlanStep['stage'],
        command: o.command as string,
        expects: o.expects as PlanStep['expects'],
        ...(o.timeout !== undefined ? { timeout: o.timeout as number } : {}),
        line,
      });
    }
  });
  return steps;
}

/**
 * Why a shell command from a user's file cannot be run as written, or undefined. A NUL byte cannot be
 * passed to a process at all (spawning it threw); other control characters, bar tabs and line breaks,
 * are escape sequences or bidi overrides that make the command read differently from what runs.
 */
export function commandProblem(command: string): string | undefined {
  for (let i = 0; i < command.length; i++) {
    const c = command.charCodeAt(i);
    if (c === 0) return 'the command contains a NUL character, which no program can be given';
    if (isControl(c) && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      return `the command contains the control character U+${c.toString(16).toUpperCase().padStart(4, '0')} (an escape sequence or a bidi override): write it with printf or $'…' in the command instead`;
    }
  }
  return undefined;
}

/**
 * The keys of a valid JSON text that repeat an earlier key of the same object, with their offsets, in
 * one linear pass (keys are compared decoded: `"comm\u0061nd"` is `"command"`).
 */
export function duplicateJsonKeys(src: string): { key: string; offset: number }[] {
  const out: { key: string; offset: number }[] = [];
  /** Per open object its keys and whether a key comes next; `undefined` for an open array. */
  const stack: ({ keys: Set<string>; expectKey: boolean } | undefined)[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '"') {
      const start = i;
      for (i++; i < src.length && src[i] !== '"'; i++) if (src[i] === '\\') i++;
      const top = stack[stack.length - 1];
      if (top?.expectKey) {
        top.expectKey = false;
        const key = JSON.parse(src.slice(start, i + 1)) as string;
        if (top.keys.has(key)) out.push({ key, offset: start });
        else top.keys.add(key);
      }
    } else if (c === '{') stack.push({ keys: new Set(), expectKey: true });
    else if (c === '[') stack.push(undefined);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top) top.expectKey = true;
    }
  }
  return out;
}

/** Line (1-based, within `src`) of a JSON.parse error, from the position V8 reports. */
export function jsonErrorLine(src: string, message: string): number {
  const lc = /line (\d+) column \d+/.exec(message);
  if (lc) return Number(lc[1]);
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineAt(src, Number(pos[1]));
  if (/end of JSON input/i.test(message)) return lineAt(src, src.trimEnd().length);
  return 1;
}

export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string')
    return v === '' ? 'an empty string' : JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
  // A TOML date or time (`timeout = 1979-05-27`) is named as one, not as "an object".
  if (v instanceof Date) {
    const at = Number.isNaN(v.getTime()) ? '' : ` ${v.toISOString()}`;
    return `a date or time${at}`;
  }
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

/** Offsets of the top-level array's elements in a JSON text already known to be valid. */
function elementOffsets(src: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    if (depth === 1 && expectElement) {
      out.push(i);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return out;
}
