/**
 * Model-controlled text on its way to a terminal (the CLI's log) or echoed back in a message: escape
 * sequences (OSC 52 clipboard writes, window titles, cursor moves), carriage returns and bidirectional
 * overrides must arrive as visible text, never be interpreted.
 */
import { replaceControlChars } from '../../util/chars.js';

const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text for a log line: every control character shown as `\uXXXX`, cut at `max` characters. */
export function shownText(s: string, max = 300): string {
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  return replaceControlChars(cut, escaped);
}

/** A value the model sent, echoed in double quotes: JSON-quoted (C0 escaped), C1 and bidi escaped too. */
export function quoted(s: string, max = 200): string {
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  return replaceControlChars(JSON.stringify(cut), escaped);
}
