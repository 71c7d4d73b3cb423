import { describe, expect, it } from '@jest/globals';
import {
  Budget,
  costOf,
  DEFAULT_BASE_URL,
  priceFor,
  resolveBudget,
  resolveLlmConfig,
  withoutCredentials,
} from '../../src/llm/index.js';
import { ConfigurationError } from '../../src/errors.js';
import type { QualityConfig } from '../../src/spec/types.js';

const quality = (llm: Partial<QualityConfig['llm']>): Pick<QualityConfig, 'llm' | 'path'> => ({
  path: 'quality.toml',
  llm: { coder: {}, security: {}, ...llm },
});

describe('resolveLlmConfig', () => {
  it('is undefined when no model is configured', () => {
    expect(resolveLlmConfig({ station: 'coder', env: { OPENAI_API_KEY: 'sk-x' } })).toBeUndefined();
  });

  it('takes the model from GUARDIAN_MODEL and the key from OPENAI_API_KEY', () => {
    const c = resolveLlmConfig({
      station: 'coder',
      env: { GUARDIAN_MODEL: 'gpt-4.1', OPENAI_API_KEY: 'sk-x' },
    });
    expect(c).toMatchObject({ model: 'gpt-4.1', apiKey: 'sk-x', baseUrl: DEFAULT_BASE_URL });
    expect(c?.sources.model).toBe('GUARDIAN_MODEL');
  });

  it('prefers the station-specific settings, environment before file at the same level', () => {
    const q = quality({
      model: 'gpt-4.1',
      baseUrl: 'http://file/v1',
      coder: { model: 'gpt-5' },
      security: { model: 'o3' },
    });
    const env = { GUARDIAN_MODEL: 'gpt-4o', OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'http://env/v1/' };
    expect(resolveLlmConfig({ station: 'coder', env, quality: q })).toMatchObject({
      model: 'gpt-5',
      baseUrl: 'http://env/v1',
    });
    expect(resolveLlmConfig({ station: 'security', env, quality: q })?.model).toBe('o3');
    expect(
      resolveLlmConfig({
        station: 'security',
        env: { ...env, GUARDIAN_SECURITY_MODEL: 'gpt-4.1-mini' },
        quality: q,
      })?.model,
    ).toBe('gpt-4.1-mini');
    expect(
      resolveLlmConfig({ station: 'coder', env: { OPENAI_API_KEY: 'k' }, quality: quality({ model: 'm' }) })
        ?.sources,
    ).toMatchObject({ model: 'quality.toml [llm] model' });
    expect(
      resolveLlmConfig({ station: 'coder', env, quality: q, overrides: { model: 'cli-model' } })?.model,
    ).toBe('cli-model');
  });

  it('uses a per-station key before OPENAI_API_KEY', () => {
    const env = { GUARDIAN_MODEL: 'm', OPENAI_API_KEY: 'general', GUARDIAN_CODER_API_KEY: 'coder-key' };
    expect(resolveLlmConfig({ station: 'coder', env })?.apiKey).toBe('coder-key');
    expect(resolveLlmConfig({ station: 'security', env })?.apiKey).toBe('general');
  });

  it('needs no key for a local server but does for api.openai.com', () => {
    expect(
      resolveLlmConfig({
        station: 'coder',
        env: { GUARDIAN_MODEL: 'llama3', OPENAI_BASE_URL: 'http://localhost:11434/v1' },
      })?.apiKey,
    ).toBe('no-key');
    expect(() => resolveLlmConfig({ station: 'coder', env: { GUARDIAN_MODEL: 'gpt-4.1' } })).toThrow(
      /no API key is set: set OPENAI_API_KEY/,
    );
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(() =>
      resolveLlmConfig({ station: 'coder', env: { GUARDIAN_MODEL: 'm', OPENAI_BASE_URL: 'file:///etc' } }),
    ).toThrow(ConfigurationError);
    expect(() =>
      resolveLlmConfig({
        station: 'coder',
        env: { GUARDIAN_MODEL: 'm' },
        quality: quality({ baseUrl: 'not a url' }),
      }),
    ).toThrow(/quality.toml \[llm\] base_url: 'not a url' is not a URL/);
  });
});

describe('withoutCredentials', () => {
  it('drops user and password from URLs shown in messages', () => {
    expect(withoutCredentials('https://user:pa55@llm.example.com/v1')).toBe('https://llm.example.com/v1');
    expect(withoutCredentials('http://127.0.0.1:8080/v1')).toBe('http://127.0.0.1:8080/v1');
  });
});

describe('pricing', () => {
  it('knows models by name, dated snapshot and GitHub Models prefix', () => {
    expect(priceFor('gpt-4.1')?.input).toBe(2);
    expect(priceFor('gpt-4.1-mini-2025-04-14')?.input).toBe(0.4);
    expect(priceFor('openai/gpt-4.1')?.output).toBe(8);
    expect(priceFor('llama3.1:8b')).toBeUndefined();
  });

  it('charges cached prompt tokens at the cached rate', () => {
    const p = priceFor('gpt-4o')!;
    expect(costOf({ promptTokens: 1_000_000, completionTokens: 0, cachedTokens: 1_000_000 }, p)).toBe(1.25);
    expect(costOf({ promptTokens: 1_000_000, completionTokens: 1_000_000, cachedTokens: 0 }, p)).toBe(12.5);
    expect(costOf({ promptTokens: 10, completionTokens: 10, cachedTokens: 0 }, undefined)).toBe(0);
  });
});

describe('budgets', () => {
  it('resolves overrides before quality.toml before defaults', () => {
    const q = quality({ maxTurns: 10, tokenBudget: 5000, costBudgetUsd: 1, timeoutSeconds: 60 });
    expect(resolveBudget(q)).toEqual({ maxTurns: 10, maxTokens: 5000, maxWallMs: 60_000, maxCostUsd: 1 });
    expect(resolveBudget(q, { maxTurns: 3 }).maxTurns).toBe(3);
    expect(resolveBudget(undefined).maxTurns).toBe(40);
    expect(() => resolveBudget(undefined, { maxTurns: 0 })).toThrow(/positive number/);
  });

  it('stops on turns, tokens, cost and time with typed reasons', () => {
    let now = 0;
    const b = new Budget(
      { maxTurns: 2, maxTokens: 100, maxWallMs: 1000, maxCostUsd: 0.5 },
      { now: () => now },
    );
    expect(b.beginTurn()).toBeUndefined();
    expect(b.beginTurn()).toBeUndefined();
    expect(b.beginTurn()?.reason).toBe('max_turns');
    const t = new Budget({ maxTurns: 9, maxTokens: 100, maxWallMs: 1000 }, { now: () => now });
    t.record({ promptTokens: 60, completionTokens: 40 });
    expect(t.beginTurn()?.reason).toBe('token_budget');
    const c = new Budget(
      { maxTurns: 9, maxTokens: 1e9, maxWallMs: 1000, maxCostUsd: 0.5 },
      { now: () => now },
    );
    c.record({ costUsd: 0.6 });
    expect(c.beginTurn()?.reason).toBe('cost_budget');
    const w = new Budget({ maxTurns: 9, maxTokens: 1e9, maxWallMs: 1000 }, { now: () => now });
    now = 1000;
    expect(w.beginTurn()?.reason).toBe('time_budget');
    const ac = new AbortController();
    const a = new Budget(
      { maxTurns: 9, maxTokens: 1e9, maxWallMs: 1000 },
      { now: () => now, signal: ac.signal },
    );
    ac.abort();
    expect(a.signal.aborted).toBe(true);
    expect(a.beginTurn()?.reason).toBe('aborted');
    for (const x of [b, t, c, w, a]) x.dispose();
  });
});
