/**
 * Which model a station talks to, resolved from what the host passes in: environment variables (the
 * host hands over its env; stations never read process.env) and the `[llm]` table of quality.toml.
 *
 * Most specific first, and at the same level the environment before the file:
 *   model:    --model  >  GUARDIAN_<STATION>_MODEL  >  [llm.<station>] model  >  GUARDIAN_MODEL  >  [llm] model
 *   base URL: --base-url  >  GUARDIAN_<STATION>_BASE_URL  >  [llm.<station>] base_url  >  OPENAI_BASE_URL  >  [llm] base_url
 *   API key:  GUARDIAN_<STATION>_API_KEY  >  OPENAI_API_KEY   (never from a file: keys do not belong in the repo)
 */
import { ConfigurationError } from '../errors.js';
import type { QualityConfig } from '../spec/types.js';
import { escapeControlChars, hasControlChar } from '../util/chars.js';

export type LlmStation = 'coder' | 'security';

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** Sent when a local server (Ollama, vLLM) needs no key: the SDK refuses an empty one. */
export const NO_KEY_PLACEHOLDER = 'no-key';

export interface LlmConfig {
  apiKey: string;
  baseUrl: string;
  model: string;
  station: LlmStation;
  /** Where each value came from, for messages ("GUARDIAN_CODER_MODEL", "quality.toml [llm] model"). */
  sources: { model: string; baseUrl: string; apiKey: string };
}

export interface ResolveLlmConfigOptions {
  station: LlmStation;
  env: Record<string, string | undefined>;
  quality?: Pick<QualityConfig, 'llm' | 'path'>;
  /** Command-line or action-input values; they win over everything else. */
  overrides?: { model?: string; baseUrl?: string; apiKey?: string };
  /** How messages name the overrides (default: the CLI's options; an action names its inputs). */
  overrideSources?: { model?: string; baseUrl?: string; apiKey?: string };
  /**
   * How messages name environment variables a host set on the user's behalf (an action copies its
   * `llm-api-key` input into OPENAI_API_KEY: a rejected key should send the user to the input).
   */
  envSources?: Record<string, string>;
}

const STATION_ENV: Record<LlmStation, string> = { coder: 'CODER', security: 'SECURITY' };

function pick(candidates: [string | undefined, string][]): [string, string] | undefined {
  for (const [value, source] of candidates) {
    const v = value?.trim();
    if (v) return [v, source];
  }
  return undefined;
}

/** The station's model settings, or undefined when no model is configured at all. */
export function resolveLlmConfig(opts: ResolveLlmConfigOptions): LlmConfig | undefined {
  const { station, env } = opts;
  const S = STATION_ENV[station];
  const named = (name: string) => opts.envSources?.[name] ?? name;
  const llm = opts.quality?.llm;
  const file = opts.quality?.path ?? 'quality.toml';
  const model = pick([
    [opts.overrides?.model, opts.overrideSources?.model ?? '--model'],
    [env[`GUARDIAN_${S}_MODEL`], named(`GUARDIAN_${S}_MODEL`)],
    [llm?.[station]?.model, `${file} [llm.${station}] model`],
    [env.GUARDIAN_MODEL, named('GUARDIAN_MODEL')],
    [llm?.model, `${file} [llm] model`],
  ]);
  if (!model) return undefined;
  const [modelName, modelSource] = model;
  if (/\s/.test(modelName) || hasControlChar(modelName)) {
    throw new ConfigurationError(
      `${modelSource}: model name '${escapeControlChars(modelName)}' contains whitespace or a control character`,
    );
  }
  const base = pick([
    [opts.overrides?.baseUrl, opts.overrideSources?.baseUrl ?? '--base-url'],
    [env[`GUARDIAN_${S}_BASE_URL`], named(`GUARDIAN_${S}_BASE_URL`)],
    [llm?.[station]?.baseUrl, `${file} [llm.${station}] base_url`],
    [env.OPENAI_BASE_URL, named('OPENAI_BASE_URL')],
    [llm?.baseUrl, `${file} [llm] base_url`],
  ]) ?? [DEFAULT_BASE_URL, 'default'];
  const [baseUrl, baseSource] = base;
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new ConfigurationError(
      `${baseSource}: '${escapeControlChars(baseUrl)}' is not a URL (expected e.g. ${DEFAULT_BASE_URL})`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigurationError(
      `${baseSource}: '${escapeControlChars(baseUrl)}' must be an http(s) URL (expected e.g. ${DEFAULT_BASE_URL})`,
    );
  }
  if (parsed.username || parsed.password) {
    // fetch refuses such a URL (its refusal quotes the password); the key travels on its own.
    throw new ConfigurationError(
      `${baseSource}: the base URL must not contain a user name or password (expected e.g. ${DEFAULT_BASE_URL}; the API key is set on its own)`,
    );
  }
  if (parsed.hash) {
    throw new ConfigurationError(
      `${baseSource}: the base URL must not contain a '#' fragment (expected e.g. ${DEFAULT_BASE_URL})`,
    );
  }
  const key = pick([
    [opts.overrides?.apiKey, opts.overrideSources?.apiKey ?? 'api key option'],
    [env[`GUARDIAN_${S}_API_KEY`], named(`GUARDIAN_${S}_API_KEY`)],
    [env.OPENAI_API_KEY, named('OPENAI_API_KEY')],
  ]);
  // Sent in a header: a line break or control character (a key pasted with its neighbour) would be
  // refused by fetch with an error quoting the key. The message names where it came from, never the key.
  if (key && /[^\x20-\x7e\x80-\xff]|[\x7f-\x9f]/.test(key[0])) {
    throw new ConfigurationError(
      `${key[1]}: the API key contains a line break, a control character or a character an HTTP header cannot carry; check it was copied whole and alone`,
    );
  }
  if (!key && parsed.hostname === new URL(DEFAULT_BASE_URL).hostname) {
    throw new ConfigurationError(
      `model '${modelName}' is configured (${modelSource}) but no API key is set: set OPENAI_API_KEY (or GUARDIAN_${S}_API_KEY)`,
    );
  }
  return {
    apiKey: key?.[0] ?? NO_KEY_PLACEHOLDER,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    model: modelName,
    station,
    sources: { model: modelSource, baseUrl: baseSource, apiKey: key?.[1] ?? 'none (local server)' },
  };
}

/** One line telling a user how to configure a model for the station (for "no model" messages). */
export function howToConfigureModel(station: LlmStation): string {
  const S = STATION_ENV[station];
  return (
    `set GUARDIAN_MODEL (or GUARDIAN_${S}_MODEL) and OPENAI_API_KEY, optionally OPENAI_BASE_URL for ` +
    `another OpenAI-compatible server, or add [llm] model = "..." to quality.toml`
  );
}
