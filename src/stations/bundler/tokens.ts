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
  // Special-token text in a repository (e.g. "<|endoftext|>") is ordinary text here.
  const n = enc().encode(text, [], []).length;
  if (memo.size > 5000) memo.clear();
  memo.set(text, n);
  return n;
}
