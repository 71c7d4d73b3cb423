/**
 * Typed action inputs. Every action has an `Inputs` name table and one `getInputs()` built from these
 * readers; a bad value throws a ConfigurationError that names the input, the value received and what is
 * allowed, before the action touches anything.
 */
import * as core from '@actions/core';
import { isAbsolute, resolve } from 'node:path';
import { TASK_ID_PATTERN } from '../bundle/bundle.js';
import { ConfigurationError } from '../errors.js';

/** The value as it should appear in a message: quoted, control characters escaped, long values cut. */
export function shown(value: string): string {
  const cut = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(cut);
}

function raw(name: string): string {
  // Trim like actions/checkout does: a stray newline from a YAML block scalar is never meant.
  return core.getInput(name, { trimWhitespace: true });
}

export function requiredString(name: string): string {
  const v = raw(name);
  if (!v) throw new ConfigurationError(`input '${name}' is required and was empty`);
  return v;
}

export function optionalString(name: string): string | undefined {
  return raw(name) || undefined;
}

/** A task id, like TASK-042: checked before it names a directory, a branch or an artifact. */
export function taskIdInput(name = 'task-id'): string {
  const v = requiredString(name);
  if (!TASK_ID_PATTERN.test(v) || v.length > 64) {
    throw new ConfigurationError(
      `input '${name}': ${shown(v)} is not a task id; expected letters, digits and dashes (at most 64), like TASK-042`,
    );
  }
  return v;
}

export function booleanInput(name: string, fallback: boolean): boolean {
  const v = raw(name);
  if (v === '') return fallback;
  if (/^(true|yes|1)$/i.test(v)) return true;
  if (/^(false|no|0)$/i.test(v)) return false;
  throw new ConfigurationError(`input '${name}': ${shown(v)} is not a boolean; allowed values: true, false`);
}

/** A whole number in [min, max]; empty gives `fallback` (undefined = not set). */
export function integerInput(
  name: string,
  opts: { min: number; max: number; fallback?: number; zeroMeansUnset?: boolean },
): number | undefined {
  const v = raw(name);
  if (v === '') return opts.fallback;
  if (!/^-?\d+$/.test(v)) {
    throw new ConfigurationError(
      `input '${name}': ${shown(v)} is not a whole number; allowed values: ${opts.min} to ${opts.max}`,
    );
  }
  const n = Number(v);
  if (opts.zeroMeansUnset && n === 0) return opts.fallback;
  if (n < opts.min || n > opts.max) {
    throw new ConfigurationError(
      `input '${name}': ${n} is out of range; allowed values: ${opts.min} to ${opts.max}`,
    );
  }
  return n;
}

export function choiceInput<T extends string>(name: string, allowed: readonly T[], fallback: T): T;
export function choiceInput<T extends string>(name: string, allowed: readonly T[]): T | undefined;
export function choiceInput<T extends string>(
  name: string,
  allowed: readonly T[],
  fallback?: T,
): T | undefined {
  const v = raw(name);
  if (v === '') return fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    throw new ConfigurationError(
      `input '${name}': ${shown(v)} is not allowed; allowed values: ${allowed.join(', ')}`,
    );
  }
  return v as T;
}

/** A directory, resolved against GITHUB_WORKSPACE (the checkout), else the current directory. */
export function pathInput(name: string, fallback = '.'): string {
  const v = raw(name) || fallback;
  if (v.includes('\0')) throw new ConfigurationError(`input '${name}': ${shown(v)} is not a path`);
  return isAbsolute(v) ? v : resolve(process.env.GITHUB_WORKSPACE || process.cwd(), v);
}

/** A git ref name or commit; refuses option-like and malformed values before git sees them. */
export function refInput(name: string): string | undefined {
  const v = raw(name);
  if (v === '') return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a ref may not contain
  if (v.startsWith('-') || /[\s~^:?*[\\\x00-\x1f\x7f]|\.\.|@\{|\/\/|\.lock$|\/$|\.$/.test(v)) {
    throw new ConfigurationError(
      `input '${name}': ${shown(v)} is not a valid git ref; expected a branch, tag or commit like main or feature/TASK-042`,
    );
  }
  return v;
}

/** A lowercase hex sha256, or undefined. */
export function sha256Input(name: string): string | undefined {
  const v = raw(name);
  if (v === '') return undefined;
  if (!/^[0-9a-f]{64}$/.test(v)) {
    throw new ConfigurationError(
      `input '${name}': ${shown(v)} is not a sha256; expected 64 lowercase hex digits`,
    );
  }
  return v;
}

/** A secret: masked in the log at once. */
export function secretInput(name: string): string | undefined {
  const v = raw(name);
  if (!v) return undefined;
  core.setSecret(v);
  return v;
}

/** An http(s) URL, or undefined. */
export function urlInput(name: string): string | undefined {
  const v = raw(name);
  if (v === '') return undefined;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new ConfigurationError(`input '${name}': ${shown(v)} is not a URL; expected http(s)://host/path`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new ConfigurationError(`input '${name}': ${shown(v)} is not an http(s) URL`);
  }
  return v;
}
