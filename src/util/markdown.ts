// Untrusted text in Markdown: job summaries and the Validator's reports.

/** `&`, `<` and `>` as entities: text that cannot open a tag. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The longest run of backticks in `s` (0 without one). */
export function longestBackticks(s: string): number {
  return Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
}

/** A fence for a code block holding `text`: longer than any run of backticks in it, so nothing inside closes it. */
export function fenceFor(text: string): string {
  return '`'.repeat(Math.max(3, longestBackticks(text) + 1));
}
