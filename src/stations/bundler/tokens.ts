/**
 * Token counting with a real tokenizer: OpenAI's o200k_base (GPT-4o / GPT-4.1 / o-series) through
 * js-tiktoken. Other providers' tokenizers differ by a few percent; the budget is a ceiling, not a
 * target, so the bundle leaves that margin implicitly.
 */
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';

export const TOKENIZER = 'o200k_base';

let encoder: Tiktoken | undefined;

function enc(): Tiktoken {
  encoder ??= new Tiktoken(o200k);
  return encoder;
}

const memo = new Map<string, number>();

/** Tokens of `text` (memoized: assembly counts the same pieces several times). */
export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  const known = memo.get(text);
  if (known !== undefined) return known;
  const n = encodedLength(text);
  if (memo.size > 5000) memo.clear();
  memo.set(text, n);
  return n;
}

/**
 * Byte-pair merging is quadratic in the length of one pre-token, and a run of punctuation or of letters
 * without a space is one pre-token: 40,000 `=` in a blueprint took minutes. Runs longer than RUN are
 * counted RUN characters at a time (a cut costs at most a token; the budget is a ceiling anyway), so
 * the count stays linear. Text without such runs is counted exactly as one piece.
 */
const RUN = 128;
const LONG_RUN = new RegExp(`\\S{${RUN + 1},}`, 'g');

function encodedLength(text: string): number {
  // Special-token text in a repository (e.g. "<|endoftext|>") is ordinary text here.
  const count = (t: string) => (t ? enc().encode(t, [], []).length : 0);
  let n = 0;
  let last = 0;
  for (const m of text.matchAll(LONG_RUN)) {
    n += count(text.slice(last, m.index));
    for (let i = 0; i < m[0].length; i += RUN) n += count(m[0].slice(i, i + RUN));
    last = m.index + m[0].length;
  }
  return n + count(text.slice(last));
}
