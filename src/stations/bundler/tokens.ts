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

export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  // Special-token text in a repository (e.g. "<|endoftext|>") is ordinary text here.
  return enc().encode(text, [], []).length;
}
