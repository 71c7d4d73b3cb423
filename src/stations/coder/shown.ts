/**
 * Model-controlled text on its way to a terminal (the CLI's log) or echoed back in a message: escape
 * sequences (OSC 52 clipboard writes, window titles, cursor moves), carriage returns and bidirectional
 * overrides must arrive as visible text, never be interpreted.
 */
import { escapeControlChars } from '../../util/chars.js';

/** Text for a log line: every control character shown as `\uXXXX`, cut at `max` characters. */
export function shownText(s: string, max = 300): string {
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  return escapeControlChars(cut);
}

/** A value the model sent, echoed in double quotes: JSON-quoted (C0 escaped), C1 and bidi escaped too. */
export function quoted(s: string, max = 200): string {
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  return escapeControlChars(JSON.stringify(cut));
}
