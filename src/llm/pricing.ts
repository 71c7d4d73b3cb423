/**
 * Cost estimates from a price table. Prices are USD per million tokens, as published by the providers
 * (list prices; batch and regional discounts are not modelled). A model not in the table costs 0 and is
 * reported as unpriced, so a cost budget is never silently "met" by an unknown model: the budget check
 * says so instead.
 */
import type { Usage } from '../bundle/bundle.js';

export interface ModelPrice {
  /** USD per 1M prompt tokens that were not served from the prompt cache. */
  input: number;
  /** USD per 1M prompt tokens served from the cache. */
  cachedInput: number;
  /** USD per 1M completion tokens (reasoning tokens included). */
  output: number;
}

export const PRICE_TABLE: Record<string, ModelPrice> = {
  'gpt-5': { input: 1.25, cachedInput: 0.125, output: 10 },
  'gpt-5-mini': { input: 0.25, cachedInput: 0.025, output: 2 },
  'gpt-5-nano': { input: 0.05, cachedInput: 0.005, output: 0.4 },
  'gpt-4.1': { input: 2, cachedInput: 0.5, output: 8 },
  'gpt-4.1-mini': { input: 0.4, cachedInput: 0.1, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, cachedInput: 0.025, output: 0.4 },
  'gpt-4o': { input: 2.5, cachedInput: 1.25, output: 10 },
  'gpt-4o-mini': { input: 0.15, cachedInput: 0.075, output: 0.6 },
  o3: { input: 2, cachedInput: 0.5, output: 8 },
  'o3-mini': { input: 1.1, cachedInput: 0.55, output: 4.4 },
  'o4-mini': { input: 1.1, cachedInput: 0.275, output: 4.4 },
  'gpt-4-turbo': { input: 10, cachedInput: 10, output: 30 },
};

/**
 * The price of a model name as servers spell it: `gpt-4.1`, `gpt-4.1-2025-04-14` (dated snapshot),
 * `openai/gpt-4.1` (GitHub Models). Undefined when unknown (local models, Azure deployment names).
 */
export function priceFor(
  model: string,
  table: Record<string, ModelPrice> = PRICE_TABLE,
): ModelPrice | undefined {
  const name = model
    .trim()
    .toLowerCase()
    .replace(/^openai\//, '');
  if (table[name]) return table[name];
  // A dated snapshot of a known model: the longest known name followed by "-YYYY…".
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (name.startsWith(`${key}-`) && /^\d{4}/.test(name.slice(key.length + 1))) {
      if (!best || key.length > best.length) best = key;
    }
  }
  return best ? table[best] : undefined;
}

/** Cost in USD of one exchange; cached prompt tokens are part of `promptTokens` (OpenAI's accounting). */
export function costOf(
  usage: Pick<Usage, 'promptTokens' | 'completionTokens' | 'cachedTokens'>,
  price: ModelPrice | undefined,
): number {
  if (!price) return 0;
  // Counts and prices that are not finite numbers of 0 or more count as 0: a cost is never negative,
  // NaN or infinite (a budget compares against it, a report prints it).
  const n = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);
  const prompt = n(usage.promptTokens);
  const cached = Math.min(n(usage.cachedTokens), prompt);
  const fresh = prompt - cached;
  const usd =
    (fresh * n(price.input) + cached * n(price.cachedInput) + n(usage.completionTokens) * n(price.output)) /
    1e6;
  const rounded = Math.round(usd * 1e6) / 1e6;
  return Number.isFinite(rounded) ? rounded : Number.MAX_SAFE_INTEGER;
}
