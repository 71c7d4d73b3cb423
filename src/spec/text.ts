/** Decoding and locating text in users' files (untrusted input). */
import type { Problem } from './types.js';

/** Files larger than this are refused before parsing: a blueprint is prose, not a data dump. */
export const MAX_SPEC_FILE_BYTES = 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes a user's file strictly; returns problems for NUL bytes, invalid UTF-8 and size. */
export function decodeSpecFile(data: Buffer | string, file: string): { text?: string; problems: Problem[] } {
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  if (size > MAX_SPEC_FILE_BYTES) {
    return {
      problems: [
        {
          file,
          severity: 'error',
          message: `file is ${formatBytes(size)}; spec files are limited to ${formatBytes(MAX_SPEC_FILE_BYTES)}`,
        },
      ],
    };
  }
  let text: string;
  if (typeof data === 'string') text = data;
  else {
    try {
      text = decoder.decode(data);
    } catch {
      const at = firstInvalidUtf8(data);
      return {
        problems: [
          {
            file,
            line: lineAtByte(data, at),
            severity: 'error',
            message: `invalid UTF-8 at byte ${at}; spec files must be UTF-8 text`,
          },
        ],
      };
    }
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    return {
      problems: [
        {
          file,
          line: lineAt(text, nul),
          severity: 'error',
          message: 'contains a NUL byte; spec files must be text',
        },
      ],
    };
  }
  // A carriage return not followed by a line feed ends a line for YAML, TOML's error messages and
  // Markdown viewers, but not for the line-based reading here: a file with old Mac line endings read as
  // one line whose whole text was quoted back as a "front matter language", and a lone CR in a body hid
  // the heading or fence after it.
  for (let cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1)) {
    if (text.charCodeAt(cr + 1) !== 10) {
      return {
        problems: [
          {
            file,
            line: lineAt(text, cr),
            severity: 'error',
            message:
              'contains a carriage return without a line feed (an old Mac line ending); spec files must use LF or CRLF line endings',
          },
        ],
      };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, problems: [] };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** Byte offset of the first invalid UTF-8 sequence (linear scan). */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let n = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return buf.length;
}

function lineAtByte(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < buf.length; i++) if (buf[i] === 0x0a) line++;
  return line;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * A milestone id, as the milestone file, a blueprint's `milestone` field, the CLI and the plan action
 * accept it: it becomes part of a branch name (`guardian/<id>`), so what git refuses in one is refused
 * here.
 */
export function isMilestoneId(s: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(s) && !s.includes('..') && !/(?:\.|\.lock)$/.test(s);
}

/** Levenshtein distance, for "did you mean" hints on unknown field names. */
export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

export function didYouMean(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3))
    ? ` (did you mean '${best}'?)`
    : '';
}

/** Is this a valid git ref name (git check-ref-format rules, for a branch)? Returns the reason if not. */
export function checkRefName(ref: string): string | undefined {
  if (ref.length === 0) return 'it is empty';
  if (ref.length > 200) return 'it is longer than 200 characters';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(ref))
    return 'it contains a space, a control character or one of ~ ^ : ? * [ \\';
  if (ref.includes('..')) return "it contains '..'";
  if (ref.includes('@{')) return "it contains '@{'";
  if (ref === '@') return "it is '@'";
  // git check-ref-format --branch refuses it: HEAD names the checked-out commit, not a branch.
  if (ref === 'HEAD') return "it is 'HEAD'";
  if (ref.startsWith('/') || ref.endsWith('/') || ref.includes('//'))
    return "it has an empty component ('/')";
  if (ref.endsWith('.')) return "it ends with '.'";
  if (ref.startsWith('-')) return "it starts with '-'";
  for (const part of ref.split('/')) {
    if (part.startsWith('.')) return "a component starts with '.'";
    if (part.endsWith('.lock')) return "a component ends with '.lock'";
  }
  return undefined;
}
