/** The verification plan: exactly one ```guardian fence holding a JSON array of steps. */
import { parseDocument, isSeq, isMap, isScalar, type Node } from 'yaml';
import { findFences, type Fence } from './markdown.js';
import { lineAt } from './text.js';
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
  const starts = elementOffsets(src);
  let items: (Node | null)[] | undefined;
  const nodes = () => {
    if (!items) {
      const doc = parseDocument(src);
      items = isSeq(doc.contents) ? (doc.contents.items as (Node | null)[]) : [];
    }
    return items;
  };
  const lineOf = (node: Node | null | undefined) =>
    fence.contentLine + (node?.range ? lineAt(src, node.range[0]) : 1) - 1;

  const steps: PlanStep[] = [];
  value.forEach((raw, i) => {
    const line = fence.contentLine + lineAt(src, starts[i] ?? 0) - 1;
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
    }
    if (!PLAN_STAGES.includes(o.stage as never)) {
      bad('stage', `expected "pre-start" or "final-submit", got ${describe(o.stage)}`);
    }
    if (typeof o.command !== 'string' || o.command.trim() === '') {
      bad('command', `expected a non-empty command string, got ${describe(o.command)}`);
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
