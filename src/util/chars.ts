// Control characters in untrusted names (file paths from a repository, for one).

/**
 * C0 and C1 control characters, the Unicode line and paragraph separators, and the bidirectional
 * formatting characters (a name with U+202E is shown reversed from there on: "Trojan Source").
 */
export function isControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

export function hasControlChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isControl(s.charCodeAt(i))) return true;
  return false;
}

/** `s` with each control character replaced by `by(char)`. */
export function replaceControlChars(s: string, by: (c: string) => string): string {
  if (!hasControlChar(s)) return s;
  let out = '';
  for (const c of s) out += isControl(c.charCodeAt(0)) ? by(c) : c;
  return out;
}

/** `s` with each control character written out as `\uXXXX`: shown as text, never interpreted. */
export function escapeControlChars(s: string): string {
  return replaceControlChars(s, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The first `end` UTF-16 units of `s`, one fewer when the cut would fall between the two halves of a
 * character outside the BMP (an emoji, a rare CJK ideograph): half of one is no text, and is written as
 * U+FFFD.
 */
export function sliceWhole(s: string, end: number): string {
  const code = s.charCodeAt(end - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff && end < s.length ? end - 1 : end);
}
