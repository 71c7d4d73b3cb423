// Control characters in untrusted names (file paths from a repository, for one).

/** C0 and C1 control characters and the Unicode line and paragraph separators. */
export function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
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
