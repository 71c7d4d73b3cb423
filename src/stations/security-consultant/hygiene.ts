/**
 * Injection hygiene. Blueprints and repository files are written by people (and tools) Guardian does not
 * control, and they end up in front of models. Three defences:
 *  - invisible text is removed from blueprint text: HTML comments outside code (hidden when rendered),
 *    zero-width characters, bidirectional controls and Unicode tag characters (which can smuggle ASCII);
 *  - text that reads like instructions to an automated agent is reported with its location;
 *  - everything handed to a model is wrapped as data in a delimited block the text cannot close.
 */
import { lineOfOffset, lineStarts } from '../../util/lines.js';

/** Zero-width and invisible formatting characters. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060-\u2064\uFEFF\u180E\u00AD\u115F\u1160\u3164\uFFA0]|\u034F/gu;
/** Bidirectional embedding, override and isolate controls (the "Trojan Source" characters). */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;
/** Unicode tag characters (U+E0000–U+E007F): invisible copies of ASCII. */
const TAGS = /[\u{E0000}-\u{E007F}]/gu;

export interface StrippedText {
  text: string;
  /** What was removed, with 1-based lines of the original text. */
  removed: {
    kind: 'html-comment' | 'zero-width' | 'bidi-control' | 'tag-characters';
    line: number;
    content?: string;
  }[];
}

/**
 * The 1-based line of an index of `text`, from the line starts found once: counting the line breaks
 * before each match would take time quadratic in a text full of matches (a model's answer, a blueprint).
 */
function lineFinder(text: string): (index: number) => number {
  const starts = lineStarts(text);
  return (index) => lineOfOffset(starts, index);
}

/** Ranges [start, end) of fenced code blocks (``` or ~~~), where comments are visible text. */
function fencedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /^( {0,3})(`{3,}|~{3,})[^\n]*$/gm;
  let open: { start: number; fence: string } | undefined;
  for (const m of text.matchAll(re)) {
    const fence = m[2]!;
    if (!open) open = { start: m.index, fence };
    else if (fence[0] === open.fence[0] && fence.length >= open.fence.length && m[0].trim() === fence) {
      out.push([open.start, m.index + m[0].length]);
      open = undefined;
    }
  }
  if (open) out.push([open.start, text.length]);
  return out;
}

/**
 * Removes hidden HTML comments (outside fenced code) and invisible control characters. Line breaks inside
 * a removed comment are kept so line numbers of the rest of the text do not move.
 */
export function stripHiddenText(text: string): StrippedText {
  const removed: StrippedText['removed'] = [];
  const fences = fencedRanges(text);
  // Comments are found in order, and the fences are in order: one pass over both.
  let f = 0;
  const inFence = (i: number) => {
    while (f < fences.length && fences[f]![1] <= i) f++;
    return f < fences.length && fences[f]![0] <= i;
  };
  const lineOf = lineFinder(text);
  let out = '';
  let pos = 0;
  for (const m of text.matchAll(/<!--[\s\S]*?(?:-->|$)/g)) {
    if (inFence(m.index)) continue;
    out += text.slice(pos, m.index) + '\n'.repeat(m[0].split('\n').length - 1);
    removed.push({
      kind: 'html-comment',
      line: lineOf(m.index),
      content: m[0].slice(4, 200).replace(/-->$/, '').trim(),
    });
    pos = m.index + m[0].length;
  }
  out += text.slice(pos);
  const chars: [RegExp, StrippedText['removed'][number]['kind']][] = [
    [ZERO_WIDTH, 'zero-width'],
    [BIDI, 'bidi-control'],
    [TAGS, 'tag-characters'],
  ];
  for (const [re, kind] of chars) {
    const lines = new Set<number>();
    const lineOfOut = lineFinder(out);
    for (const m of out.matchAll(re)) lines.add(lineOfOut(m.index));
    for (const line of lines) removed.push({ kind, line });
    out = out.replace(re, '');
  }
  removed.sort((a, b) => a.line - b.line);
  return { text: out, removed };
}

/** Invisible characters of any kind (for scanning repository files, which we report but do not edit). */
export function findInvisibleCharacters(text: string): { line: number; kind: string }[] {
  const out: { line: number; kind: string }[] = [];
  const seen = new Set<string>();
  const lineOf = lineFinder(text);
  for (const [re, kind] of [
    [BIDI, 'bidi-control'],
    [TAGS, 'tag-characters'],
  ] as const) {
    for (const m of text.matchAll(re)) {
      const line = lineOf(m.index);
      const key = `${kind}:${line}`;
      if (!seen.has(key)) out.push({ line, kind });
      seen.add(key);
    }
  }
  return out;
}

/**
 * Phrases that address an automated agent rather than a human reader. Each needs a verb aimed at the
 * reader and an object typical of prompt injection, so ordinary prose ("the previous version ignored
 * errors") stays out.
 */
const AGENT_INSTRUCTION_PATTERNS: { re: RegExp; what: string }[] = [
  {
    re: /\b(?:ignore|disregard|forget|override|bypass)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|all|any|your|the system|these)\b[^.\n]{0,30}\b(?:instructions?|prompts?|rules|guidelines|directives|guardrails|constraints)\b/i,
    what: 'asks to ignore earlier instructions',
  },
  {
    re: /\b(?:you are now|from now on,? you|act as (?:an?|the) (?:ai|assistant|agent|llm|model)|new (?:system )?instructions\s*:|system prompt|<\|im_start\|>|<\|(?:system|assistant)\|>|\[\/?INST\])/i,
    what: 'tries to change the role or the system prompt of a model',
  },
  {
    re: /\b(?:ai|llm|coding|autonomous|automated)\s+(?:agents?|assistants?|models?|coders?)\b[^.\n]{0,60}\b(?:must|should|shall|need to|are required to|always|never)\b/i,
    what: 'gives orders to AI agents',
  },
  {
    re: /\b(?:run|execute|invoke)\s+(?:this|the following|these)\s+(?:shell\s+)?(?:commands?|scripts?|code)\b[^.\n]{0,40}(?:\bwithout\b|\bsilently\b|\bdo not (?:tell|mention|report)|\bbefore (?:anything|you)\b|:)/i,
    what: 'asks the reader to run a command',
  },
  {
    re: /\b(?:do not|don't|never)\s+(?:tell|inform|mention (?:this )?to|reveal (?:this )?to|alert)\s+(?:the\s+)?(?:user|human|developer|reviewer|maintainers?)\b/i,
    what: 'asks to hide something from the user',
  },
  {
    re: /\b(?:curl|wget)\b[^\n|]{0,200}\|\s*(?:sudo\s+)?(?:ba|z)?sh\b/i,
    what: 'pipes a download into a shell',
  },
  {
    re: /\b(?:send|post|upload|exfiltrate|leak|print|echo)\b[^.\n]{0,40}\b(?:secrets?|api[_ -]?keys?|tokens?|credentials|env(?:ironment)? variables|\.env|GITHUB_TOKEN|OPENAI_API_KEY)\b[^.\n]{0,40}\b(?:to|into)\s+(?:https?:\/\/|the (?:url|server|endpoint)|a (?:url|server|webhook))/i,
    what: 'asks to send secrets somewhere',
  },
];

export interface InstructionHit {
  line: number;
  what: string;
  excerpt: string;
}

/** Lines of `text` that read like instructions to an agent. */
export function findAgentInstructions(text: string): InstructionHit[] {
  const hits: InstructionHit[] = [];
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    for (const p of AGENT_INSTRUCTION_PATTERNS) {
      const m = p.re.exec(l);
      if (m) {
        hits.push({ line: i + 1, what: p.what, excerpt: l.trim().slice(0, 160) });
        break;
      }
    }
  });
  return hits;
}

/**
 * Wraps untrusted text as data for a prompt. The delimiter carries a random nonce the text cannot guess,
 * and any attempt to write a closing tag inside the text is defused.
 */
export function wrapAsData(text: string, meta: { source: string; nonce: string }): string {
  const safe = text.replace(/<\/?untrusted-data[^>]*>/gi, (t) => t.replace(/</g, '&lt;'));
  return `<untrusted-data source="${meta.source.replace(/["<>\n]/g, '_')}" id="${meta.nonce}">\n${safe}\n</untrusted-data id="${meta.nonce}">`;
}
