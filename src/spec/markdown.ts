/** Markdown structure Guardian needs: H2 sections (outside code fences), checkbox items, fences. */
import type { AcceptanceCriterion, Section, SectionKey } from './types.js';

const SECTION_PATTERNS: [SectionKey, RegExp][] = [
  ['goal', /^goals?$/],
  ['acceptance_criteria', /^(functional\s+)?acceptance\s+criteria$/],
  ['implementation_plan', /^implementation(\s+plan)?$/],
  ['verification_plan', /^verification(\s+plan)?$/],
  ['architectural_constraints', /^architectur(al|e)(\s+constraints?|\s+rules)?$/],
  ['security_considerations', /^security(\s+considerations?)?$/],
  ['relevant_existing_code', /^relevant(\s+existing)?\s+code$/],
];

export function sectionKeyFor(title: string): SectionKey | null {
  const t = title.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [key, re] of SECTION_PATTERNS) if (re.test(t)) return key;
  return null;
}

export interface Fence {
  info: string;
  /** 1-based line of the opening fence (file lines, after offset). */
  openLine: number;
  closeLine?: number;
  content: string;
  /** 1-based line of the first content line. */
  contentLine: number;
}

/**
 * An opening fence: up to three spaces, three or more backticks or tildes, then an info string without
 * backticks whose first word is returned. The info string is read in code: a regular expression such as
 * `\s*([^`\s]*)[^`]*$` backtracks quadratically on a long line that ends in a backtick.
 */
function fenceOpen(line: string): { marker: string; info: string } | undefined {
  const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
  if (!m) return undefined;
  const rest = line.slice(m[0].length);
  if (rest.includes('`')) return undefined;
  const info = rest.trimStart();
  let end = 0;
  while (end < info.length && !/\s/.test(info[end]!)) end++;
  return { marker: m[1]!, info: info.slice(0, end) };
}

/** Code fences of a Markdown text. `firstLine` is the file line of the text's first line. */
/**
 * A heading's text without its closing sequence of `#`s and the spaces around it. In code, not in the
 * heading's regular expression: `(.*?)\s*#*\s*$` backtracks cubically on a long run of spaces.
 */
export function headingText(rest: string): string {
  const t = rest.trimEnd();
  let end = t.length;
  while (end > 0 && t.charCodeAt(end - 1) === 0x23) end--;
  return t.slice(0, end).trim();
}

export function findFences(text: string, firstLine = 1): Fence[] {
  const lines = text.split(/\r?\n/);
  const fences: Fence[] = [];
  let open: { marker: string; info: string; line: number; start: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!open) {
      const m = fenceOpen(line);
      if (m) open = { marker: m.marker, info: m.info, line: i, start: i + 1 };
    } else {
      const t = line.trim();
      if (
        t.startsWith(open.marker[0]!.repeat(open.marker.length)) &&
        /^(`+|~+)$/.test(t) &&
        t[0] === open.marker[0]
      ) {
        fences.push({
          info: open.info,
          openLine: firstLine + open.line,
          closeLine: firstLine + i,
          content: lines.slice(open.start, i).join('\n'),
          contentLine: firstLine + open.start,
        });
        open = undefined;
      }
    }
  }
  if (open) {
    fences.push({
      info: open.info,
      openLine: firstLine + open.line,
      content: lines.slice(open.start).join('\n'),
      contentLine: firstLine + open.start,
    });
  }
  return fences;
}

/**
 * Whether line `i` underlines the line above as a setext H2 (`Goal` over `----`). Only a one-line
 * paragraph counts — a blank line (or the start) before it, and nothing that is a block of its own
 * (a list item, a quote, a heading, a table row, a fence): `---` after a list item is a rule, and a
 * multi-line paragraph is prose, not a section title.
 */
function isSetextTitle(lines: string[], i: number): boolean {
  if (!/^ {0,3}-+[ \t]*$/.test(lines[i]!)) return false;
  const title = lines[i - 1]!;
  if (!/^ {0,3}\S/.test(title)) return false;
  if (/^ {0,3}(?:[-*+>#|]|\d+[.)](?:\s|$)|`{3,}|~{3,})/.test(title)) return false;
  return i < 2 || lines[i - 2]!.trim() === '';
}

/** H2 sections of a Markdown body (ATX `## Goal` or setext); headings inside code fences are ignored. */
export function splitSections(body: string, firstLine = 1): Section[] {
  const lines = body.split(/\r?\n/);
  const sections: Section[] = [];
  let inFence: string | undefined;
  let current: { title: string; line: number; start: number } | undefined;
  const close = (end: number) => {
    if (!current) return;
    const raw = lines.slice(current.start, end);
    let lead = 0;
    while (lead < raw.length && raw[lead]!.trim() === '') lead++;
    sections.push({
      title: current.title,
      key: sectionKeyFor(current.title),
      body: raw.join('\n').trim(),
      line: firstLine + current.line,
      bodyLine: firstLine + current.start + lead,
    });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Fences as findFences reads them: a line of backticks whose info string holds a backtick opens none.
    if (inFence) {
      const t = line.trim();
      if (/^ {0,3}(`{3,}|~{3,})/.test(line) && t.startsWith(inFence) && /^(`+|~+)$/.test(t))
        inFence = undefined;
      continue;
    }
    const fo = fenceOpen(line);
    if (fo) {
      inFence = fo.marker[0]!.repeat(fo.marker.length);
      continue;
    }
    const h = /^ {0,3}##(?!#)\s(.*)$/.exec(line);
    const setext = !h && i > 0 && isSetextTitle(lines, i) ? lines[i - 1]!.trim() : undefined;
    if (h || setext !== undefined) {
      const at = h ? i : i - 1;
      close(at);
      // "4. Verification Plan", "4) Verification Plan", "Step 4: …" keep only the title.
      const title = (h ? headingText(h[1]!) : setext!)
        .replace(/^\d+(\.\d+)*[.)]?\s+/, '')
        .replace(/[:.]\s*$/, '')
        .trim();
      current = { title, line: at, start: i + 1 };
    }
  }
  close(lines.length);
  return sections;
}

/** Checkbox list items ("* [ ] text", "- [x] text"); indented continuation lines join their item. */
export function parseCheckboxes(body: string, firstLine: number): AcceptanceCriterion[] {
  const out: AcceptanceCriterion[] = [];
  let current: AcceptanceCriterion | undefined;
  body.split(/\r?\n/).forEach((line, i) => {
    const m = /^\s*(?:[-*+]|\d+[.)])\s+\[( |x|X)\]\s+(.*\S)\s*$/.exec(line);
    if (m) {
      current = { text: m[2]!, checked: m[1] !== ' ', line: firstLine + i };
      out.push(current);
    } else if (current && /^\s+\S/.test(line) && !/^\s*(?:[-*+]|\d+[.)])\s/.test(line)) {
      current.text += ` ${line.trim()}`;
    } else current = undefined;
  });
  return out;
}
