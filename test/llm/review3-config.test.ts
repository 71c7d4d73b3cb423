/** Model settings and budgets that cannot work end in one message naming where they came from. */
import { describe, expect, it } from '@jest/globals';
import { Budget, costOf, priceFor, resolveBudget, resolveLlmConfig } from '../../src/llm/index.js';
import { ConfigurationError } from '../../src/errors.js';
import type { QualityConfig } from '../../src/spec/types.js';

const quality = (llm: Partial<QualityConfig['llm']>): Pick<QualityConfig, 'llm' | 'path'> => ({
  path: 'quality.toml',
  llm: { coder: {}, security: {}, ...llm },
});

const failure = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
};

describe('resolveLlmConfig refuses', () => {
  it('a model name with a control character, naming its source and writing the character out', () => {
    const err = failure(() =>
      resolveLlmConfig({
        station: 'coder',
        env: { GUARDIAN_MODEL: 'gpt-4.1\u001b[2J', OPENAI_API_KEY: 'sk-x' },
      }),
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toBe(
      "GUARDIAN_MODEL: model name 'gpt-4.1\\u001b[2J' contains whitespace or a control character",
    );
  });

  it('a base URL with a user name and password, without repeating them', () => {
    const err = failure(() =>
      resolveLlmConfig({
        station: 'security',
        env: { GUARDIAN_MODEL: 'm', OPENAI_API_KEY: 'sk-x' },
        quality: quality({ baseUrl: 'https://me:hunter22@llm.example.com/v1' }),
      }),
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(
      /^quality\.toml \[llm\] base_url: the base URL must not contain a user name or password/,
    );
    expect(err.message).not.toContain('hunter22');
  });

  it('a base URL with a fragment', () => {
    expect(() =>
      resolveLlmConfig({
        station: 'coder',
        env: { GUARDIAN_MODEL: 'm', OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1#x' },
      }),
    ).toThrow(/^OPENAI_BASE_URL: the base URL must not contain a '#' fragment/);
  });

  it('an API key with a line break, naming the variable and never the key', () => {
    const key = 'sk-proj-abcdefghijklmnop0123456789';
    const err = failure(() =>
      resolveLlmConfig({
        station: 'coder',
        env: { GUARDIAN_MODEL: 'm', GUARDIAN_CODER_API_KEY: `${key}\nsk-other` },
      }),
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(/^GUARDIAN_CODER_API_KEY: the API key contains a line break/);
    expect(err.message).not.toContain(key);
  });

  it('a URL that is not one, writing out its control characters', () => {
    expect(() =>
      resolveLlmConfig({
        station: 'coder',
        env: { GUARDIAN_MODEL: 'm', OPENAI_BASE_URL: 'not\u0007a url' },
      }),
    ).toThrow("OPENAI_BASE_URL: 'not\\u0007a url' is not a URL");
  });
});

describe('budgets with hostile numbers', () => {
  it('refuses a fraction of a turn or token instead of rounding it down to none', () => {
    expect(() => resolveBudget(undefined, { maxTurns: 0.5 })).toThrow(
      'max turns: expected a whole number of at least 1, got 0.5',
    );
    expect(() => resolveBudget(quality({ tokenBudget: 0.9 }))).toThrow(
      '[llm] token_budget: expected a whole number of at least 1, got 0.9',
    );
  });

  it('counts NaN, negative or infinite usage as nothing, so later usage still exhausts it', () => {
    const b = new Budget({ maxTurns: 9, maxTokens: 100, maxWallMs: 60_000, maxCostUsd: 1 });
    try {
      b.record({ promptTokens: Number.NaN, completionTokens: -1e9, costUsd: Number.POSITIVE_INFINITY });
      expect(b.totalTokens).toBe(0);
      expect(b.exhausted()).toBeUndefined();
      b.record({ promptTokens: 60, completionTokens: 50, costUsd: 0.01 });
      expect(b.exhausted()?.reason).toBe('token_budget');
    } finally {
      b.dispose();
    }
  });

  it('shows a small cost limit as it is, not as $0.00', () => {
    const b = new Budget({ maxTurns: 9, maxTokens: 1e9, maxWallMs: 60_000, maxCostUsd: 0.001 });
    try {
      b.record({ promptTokens: 1, completionTokens: 1, costUsd: 0.002 });
      expect(b.exhausted()?.message).toBe('cost budget exhausted ($0.0020 of $0.001)');
    } finally {
      b.dispose();
    }
  });

  it('never prices usage as negative, NaN or infinite', () => {
    const p = priceFor('gpt-4.1')!;
    expect(costOf({ promptTokens: -1e6, completionTokens: 0, cachedTokens: 0 }, p)).toBe(0);
    expect(costOf({ promptTokens: Number.NaN, completionTokens: 1e6, cachedTokens: 0 }, p)).toBe(8);
    expect(
      Number.isFinite(costOf({ promptTokens: 1e308, completionTokens: 1e308, cachedTokens: 0 }, p)),
    ).toBe(true);
  });
});
