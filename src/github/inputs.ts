/**
 * Typed action inputs. Every action has an `Inputs` name table and one `getInputs()` built from these
 * readers; a bad value throws a ConfigurationError that names the input, the value received and what is
 * allowed, before the action touches anything.
 */
import * as core from '@actions/core';
import { lstatSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { TASK_ID_PATTERN } from '../bundle/bundle.js';
import { ConfigurationError, isUserError } from '../errors.js';
import { checkBranchName } from '../git/commit.js';
import { isGitRepo } from '../git/git.js';

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

/**
 * The repository's working tree (the `root` input): an existing directory, inside GITHUB_WORKSPACE
 * when that is set (the checkout; `../..` must not reach the runner's other files), in a git repository.
 */
export function rootInput(name = 'root'): string {
  const path = pathInput(name);
  const given = shown(raw(name) || '.');
  const expected = "expected the repository's working tree: the checkout, or a directory inside it";
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new ConfigurationError(`input '${name}': ${given} does not exist (${path}); ${expected}`);
  }
  if (!isDir)
    throw new ConfigurationError(`input '${name}': ${given} is not a directory (${path}); ${expected}`);
  const workspace = process.env.GITHUB_WORKSPACE;
  if (workspace) {
    const real = realpathSync(path);
    let ws = resolve(workspace);
    try {
      ws = realpathSync(ws);
    } catch {
      // A workspace that does not exist contains nothing: the check below refuses the root.
    }
    const rel = relative(ws, real);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new ConfigurationError(
        `input '${name}': ${given} (${real}) is outside the workspace ${ws} (GITHUB_WORKSPACE); ${expected}`,
      );
    }
  }
  if (!isGitRepo(path)) {
    throw new ConfigurationError(
      `input '${name}': ${given} (${path}) is not in a git repository; ${expected} (actions/checkout first)`,
    );
  }
  return path;
}

/** A model name, or undefined: one word of sane length (it names the model in the API and the summary). */
export function modelInput(name: string): string | undefined {
  const v = raw(name);
  if (v === '') return undefined;
  // eslint-disable-next-line no-control-regex -- whitespace and control characters are never part of a model name
  if (/[\s\x00-\x1f\x7f]/.test(v)) {
    throw new ConfigurationError(
      `input '${name}': ${shown(v)} is not a model name; expected one word without spaces or line breaks, like gpt-4.1`,
    );
  }
  if (v.length > MAX_MODEL_NAME) {
    throw new ConfigurationError(
      `input '${name}': the model name is ${v.length} characters long; expected at most ${MAX_MODEL_NAME}, like gpt-4.1`,
    );
  }
  return v;
}

const MAX_MODEL_NAME = 200;
const MAX_URL = 2048;

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
  // git keeps a ref as a file: a part longer than a file name can be is refused by the file system, late.
  const long = v.split('/').find((part) => Buffer.byteLength(part) > MAX_REF_PART);
  if (long !== undefined) {
    throw new ConfigurationError(
      `input '${name}': ${shown(v)} has a part of ${Buffer.byteLength(long)} bytes; expected a branch, tag or commit whose parts between slashes are at most ${MAX_REF_PART} bytes`,
    );
  }
  return v;
}

const MAX_REF_PART = 200;

/** A branch name (the `branch` input): a ref input that git also accepts as a branch. */
export function branchInput(name: string, root: string): string | undefined {
  const v = refInput(name);
  if (v === undefined) return undefined;
  try {
    checkBranchName(root, v);
  } catch (e) {
    if (!isUserError(e)) throw e;
    throw new ConfigurationError(
      `input '${name}': ${shown(v)} is not a valid branch name; expected one like feature/TASK-042`,
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

/**
 * A secret handed over in a file (`llm-api-key-file`, `github-token-file`) rather than in an input: an
 * input reaches the action as an environment variable, which every process of the job's user can read
 * in /proc/<pid>/environ for as long as the action runs — model-written tests among them. The file (a
 * regular file up to 4 KiB; one trailing line break is dropped) is read and removed at once, so the
 * secret lives only in this process's memory. With `also`, the plain input of the same secret: giving both is
 * refused. `what` names the secret in messages (`key`, `token`).
 */
export function secretFileInput(
  name: string,
  also?: string,
  what = 'key',
  example = what === 'key' ? 'llm-key' : 'github-token',
): string | undefined {
  const v = raw(name);
  if (!v) return undefined;
  // Both given: refused, but only after the file is read and removed (below), so that the secret is not
  // left on disk for the later steps of the job.
  const both = !!also && !!raw(also);
  const path = pathInput(name);
  const outside = outsideRunnerDirs(path);
  if (outside) {
    throw new ConfigurationError(
      `input '${name}': ${shown(v)} (${path}) is outside ${outside}; expected a file a step of this job wrote there, like \${{ runner.temp }}/guardian-${example} (it is removed once read, so nothing else is touched)`,
    );
  }
  let text: string;
  try {
    const st = lstatSync(path);
    if (!st.isFile() || st.size > 4096) {
      throw new ConfigurationError(
        `input '${name}': ${shown(v)} is not a regular file of at most 4 KiB holding the ${what}`,
      );
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof ConfigurationError) throw e;
    throw new ConfigurationError(
      `input '${name}': cannot read ${shown(v)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); expected a file holding the ${what}`,
    );
  }
  rmSync(path, { force: true });
  if (both)
    throw new ConfigurationError(`inputs '${name}' and '${also}' are both set; give the ${what} one way`);
  const secret = text.replace(/\r?\n$/, '');
  // An empty file: no secret (a local model server may need no key).
  if (!secret) return undefined;
  if (/[\s\0]/.test(secret))
    throw new ConfigurationError(
      `input '${name}': the file ${shown(v)} does not hold one ${what} on one line`,
    );
  core.setSecret(secret);
  return secret;
}

/** A path as the file system has it: symbolic links of its folders resolved (the file itself may not exist). */
function realFolderPath(path: string): string {
  try {
    return join(realpathSync(dirname(path)), basename(path));
  } catch {
    return resolve(path);
  }
}

function realOrResolved(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

/**
 * On a runner (RUNNER_TEMP set), a secret's file is read and removed only inside the runner's temporary
 * directory or the workspace: a mistaken path (`../../etc/passwd`, a file of the runner's home) must not
 * remove a file the job did not write for Guardian. Says which folders those are when `path` is in
 * neither; undefined when it is in one, or off a runner.
 */
function outsideRunnerDirs(path: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const temp = env.RUNNER_TEMP;
  if (!temp) return undefined;
  const dirs = [temp, env.GITHUB_WORKSPACE].filter((d): d is string => Boolean(d));
  const real = realFolderPath(path);
  const inside = (dir: string) => {
    const rel = relative(realOrResolved(dir), real);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  };
  if (dirs.some(inside)) return undefined;
  return `the runner's temporary directory ${temp} (runner.temp)${env.GITHUB_WORKSPACE ? ` and the workspace ${env.GITHUB_WORKSPACE}` : ''}`;
}

/** An http(s) URL, or undefined. */
export function urlInput(name: string): string | undefined {
  const v = raw(name);
  if (v === '') return undefined;
  // The URL parser would drop a tab or line break silently: a value that has one was not meant.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\s\x00-\x1f\x7f]/.test(v)) {
    throw new ConfigurationError(
      `input '${name}': ${shown(v)} contains whitespace or a line break; expected one URL like https://host/v1`,
    );
  }
  if (v.length > MAX_URL) {
    throw new ConfigurationError(
      `input '${name}': the URL is ${v.length} characters long; expected at most ${MAX_URL}`,
    );
  }
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
