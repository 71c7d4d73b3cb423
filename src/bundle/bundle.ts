/**
 * The Task Bundle on disk: `.guardian/bundles/<TASK-ID>/`. Every station reads the bundle, does its
 * work, and records itself in `manifest.json`. Writes are atomic so an interrupted station never leaves
 * half a file behind.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { resolveCommit } from '../git/git.js';
import { hasControlChar } from '../util/chars.js';
import { checkRepoRelativePath, refuseLinkedState, sha256, toPosix, writeFileAtomic } from '../util/fs.js';

export const BUNDLE_SCHEMA_VERSION = 1;
export const STATIONS = ['prestart', 'bundle', 'security', 'code', 'validate', 'complete'] as const;
export type StationName = (typeof STATIONS)[number];

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  costUsd: number;
}

export interface StationRecord {
  status: 'running' | 'ok' | 'failed' | 'skipped';
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  /** Short human note (why it failed, what it produced). */
  note?: string;
  usage?: Usage;
  /** Coder: why the loop stopped (finished, max_turns, token_budget, …). */
  stopReason?: string;
  /** Validator: pass | fail. */
  verdict?: 'pass' | 'fail';
  attempt?: number;
}

export interface Manifest {
  schemaVersion: number;
  taskId: string;
  /** The commit every station works against. */
  baseCommit: string;
  blueprintPath: string;
  blueprintSha256: string;
  createdAt: string;
  stations: Partial<Record<StationName, StationRecord>>;
  /** sha256 of every file in the bundle except manifest.json, by bundle-relative path. */
  files: Record<string, string>;
  usage: Usage;
}

export const TASK_ID_PATTERN = /^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$/;

export function bundleDirFor(root: string, taskId: string): string {
  if (!TASK_ID_PATTERN.test(taskId) || taskId.length > 64) {
    throw new ConfigurationError(
      `invalid task id '${taskId}': expected letters, digits and dashes, like TASK-042`,
      { exitCode: 2 },
    );
  }
  const dir = join(root, '.guardian', 'bundles', taskId);
  // Read or written, a bundle is the one in this repository's .guardian/, never one behind a link.
  refuseLinkedState(dir);
  return dir;
}

export function emptyUsage(): Usage {
  return { promptTokens: 0, completionTokens: 0, cachedTokens: 0, costUsd: 0 };
}

export function newManifest(init: {
  taskId: string;
  baseCommit: string;
  blueprintPath: string;
  blueprintSha256: string;
}): Manifest {
  return {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    ...init,
    createdAt: new Date().toISOString(),
    stations: {},
    files: {},
    usage: emptyUsage(),
  };
}

/** Reads and checks a bundle's manifest; a missing bundle or one of another task is a user error. */
export function readManifest(dir: string, expectedTaskId?: string): Manifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) {
    throw new ConfigurationError(
      `no Task Bundle at ${dir} (manifest.json missing): run \`guardian bundle ${expectedTaskId ?? 'TASK-ID'}\` first`,
    );
  }
  const m = readBundleJson(dir, 'manifest.json', checkManifest);
  if (!m) throw new ConfigurationError(`no Task Bundle at ${dir} (manifest.json missing)`);
  if (expectedTaskId && m.taskId !== expectedTaskId) {
    throw new ConfigurationError(
      `${shownPath(path)}: this bundle belongs to task ${m.taskId}, not ${expectedTaskId}`,
    );
  }
  return m;
}

/**
 * The manifest's base commit, resolved in `root`: a commit this repository does not have (a bundle from
 * elsewhere, a shallow clone, a tampered field) is one message naming the field.
 */
export function manifestBase(root: string, dir: string, m: Manifest): string {
  try {
    return resolveCommit(root, m.baseCommit);
  } catch {
    throw new ConfigurationError(
      `${shownPath(join(dir, 'manifest.json'))}: field \`baseCommit\` is ${m.baseCommit.slice(0, 12)}, which is not a commit of the repository at ${root} (a bundle from another repository, or a shallow clone without it)`,
    );
  }
}

/** A path as messages show it: relative to the working directory when it is inside it. */
export function shownPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? toPosix(rel) : p;
}

/** What a JSON value is, for messages: "a number", "an array", "null", … */
export function describeJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return v.length > 40 ? 'a string' : `the string ${JSON.stringify(v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `the ${typeof v} ${String(v)}`;
  return typeof v;
}

/** The user error for a field of a bundle file that does not have the expected shape. */
export function bundleFieldError(
  file: string,
  field: string,
  expected: string,
  got: unknown,
): ConfigurationError {
  return new ConfigurationError(`${file}: field \`${field}\` must be ${expected}, got ${describeJson(got)}`);
}

export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function checkUsage(file: string, field: string, v: unknown): Usage {
  const what = 'an object of promptTokens, completionTokens, cachedTokens and costUsd (numbers ≥ 0)';
  if (!isJsonObject(v)) throw bundleFieldError(file, field, what, v);
  for (const k of ['promptTokens', 'completionTokens', 'cachedTokens', 'costUsd'] as const) {
    if (!isCount(v[k])) throw bundleFieldError(file, `${field}.${k}`, 'a number ≥ 0', v[k]);
  }
  return v as unknown as Usage;
}

const STATUSES = ['running', 'ok', 'failed', 'skipped'];

function checkStationRecord(file: string, field: string, v: unknown): StationRecord {
  if (!isJsonObject(v)) throw bundleFieldError(file, field, 'a station record (an object)', v);
  if (typeof v.status !== 'string' || !STATUSES.includes(v.status)) {
    throw bundleFieldError(file, `${field}.status`, `one of ${STATUSES.join(', ')}`, v.status);
  }
  if (typeof v.startedAt !== 'string')
    throw bundleFieldError(file, `${field}.startedAt`, 'a string', v.startedAt);
  for (const k of ['finishedAt', 'note', 'stopReason'] as const) {
    if (v[k] !== undefined && typeof v[k] !== 'string')
      throw bundleFieldError(file, `${field}.${k}`, 'a string', v[k]);
  }
  if (v.durationMs !== undefined && !isCount(v.durationMs))
    throw bundleFieldError(file, `${field}.durationMs`, 'a number ≥ 0', v.durationMs);
  if (v.attempt !== undefined && !(Number.isInteger(v.attempt) && (v.attempt as number) >= 1))
    throw bundleFieldError(file, `${field}.attempt`, 'a whole number ≥ 1', v.attempt);
  if (v.verdict !== undefined && v.verdict !== 'pass' && v.verdict !== 'fail')
    throw bundleFieldError(file, `${field}.verdict`, '"pass" or "fail"', v.verdict);
  if (v.usage !== undefined) checkUsage(file, `${field}.usage`, v.usage);
  return v as unknown as StationRecord;
}

/**
 * Checks the shape of a parsed manifest.json (it travels between jobs as an artifact, so it is
 * untrusted): every field the stations rely on has the type they expect.
 */
export function checkManifest(doc: unknown, file: string): Manifest {
  if (!isJsonObject(doc)) {
    throw new ConfigurationError(
      `${file}: not a Guardian manifest (expected a JSON object, got ${describeJson(doc)})`,
    );
  }
  if (doc.schemaVersion !== BUNDLE_SCHEMA_VERSION) {
    throw new ConfigurationError(
      `${file}: bundle schema version ${describeJson(doc.schemaVersion)} is not supported (field \`schemaVersion\` must be ${BUNDLE_SCHEMA_VERSION})`,
    );
  }
  if (typeof doc.taskId !== 'string' || !TASK_ID_PATTERN.test(doc.taskId) || doc.taskId.length > 64) {
    throw bundleFieldError(file, 'taskId', 'a task id like TASK-042', doc.taskId);
  }
  if (typeof doc.baseCommit !== 'string' || !/^[0-9a-f]{7,64}$/i.test(doc.baseCommit)) {
    throw bundleFieldError(file, 'baseCommit', 'a commit id (7 to 64 hex digits)', doc.baseCommit);
  }
  for (const k of ['blueprintPath', 'blueprintSha256', 'createdAt'] as const) {
    if (doc[k] === undefined) doc[k] = '';
    else if (typeof doc[k] !== 'string') throw bundleFieldError(file, k, 'a string', doc[k]);
  }
  // The blueprint's path is quoted in what stations write (task_context.md, reports): a line break in
  // it would start headings of its own there, a `..` would point outside the repository.
  if (doc.blueprintPath) {
    const bad = hasControlChar(doc.blueprintPath as string)
      ? 'a path with control characters (line breaks, terminal escapes)'
      : checkRepoRelativePath(doc.blueprintPath as string);
    if (bad) {
      throw new ConfigurationError(
        `${file}: field \`blueprintPath\` is ${bad}: expected the repository-relative path of the task's blueprint; rebuild the bundle with \`guardian bundle ${doc.taskId}\``,
      );
    }
  }
  doc.stations ??= {};
  if (!isJsonObject(doc.stations)) {
    throw bundleFieldError(file, 'stations', 'an object of station records', doc.stations);
  }
  for (const [name, rec] of Object.entries(doc.stations)) {
    if (!(STATIONS as readonly string[]).includes(name)) {
      throw new ConfigurationError(
        `${file}: field \`stations\` has an unknown station ${JSON.stringify(name)} (expected ${STATIONS.join(', ')})`,
      );
    }
    checkStationRecord(file, `stations.${name}`, rec);
  }
  doc.files ??= {};
  if (!isJsonObject(doc.files)) {
    throw bundleFieldError(file, 'files', 'an object of bundle-relative paths to sha256 hashes', doc.files);
  }
  for (const [rel, hash] of Object.entries(doc.files)) {
    const bad = checkRepoRelativePath(rel);
    if (bad) {
      throw new ConfigurationError(
        `${file}: field \`files\` names ${JSON.stringify(rel)}, ${bad}: expected paths inside the bundle`,
      );
    }
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))
      throw bundleFieldError(file, `files[${JSON.stringify(rel)}]`, 'a sha256 hash (64 hex digits)', hash);
  }
  doc.usage = doc.usage === undefined ? emptyUsage() : checkUsage(file, 'usage', doc.usage);
  return doc as unknown as Manifest;
}

function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of its path is a file, not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return code ? `${code}: ${(e as Error).message}` : String((e as Error)?.message ?? e);
  }
}

/**
 * The bytes of a file the user (or a previous job) handed over, or undefined when it does not exist.
 * Anything else that keeps it from being read — a directory, a symbolic link, a device, no permission
 * — is a user error naming the file.
 */
export function readInputFile(path: string, what = 'Task Bundle file'): Buffer | undefined {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigurationError(`${shownPath(path)}: cannot read this ${what}: ${errnoText(e)}`, {
      cause: e,
    });
  }
  if (!st.isFile()) {
    const kind = st.isDirectory()
      ? 'a directory'
      : st.isSymbolicLink()
        ? 'a symbolic link'
        : 'not a regular file';
    throw new ConfigurationError(
      `${shownPath(path)}: cannot read this ${what}: it is ${kind}, expected a regular file`,
    );
  }
  try {
    return readFileSync(path);
  } catch (e) {
    throw new ConfigurationError(`${shownPath(path)}: cannot read this ${what}: ${errnoText(e)}`, {
      cause: e,
    });
  }
}

/**
 * A bundle file parsed as JSON and checked by `check` (which throws a user error naming the field), or
 * undefined when the file does not exist.
 */
export function readBundleJson<T>(
  dir: string,
  rel: string,
  check: (doc: unknown, file: string) => T,
): T | undefined {
  const path = join(dir, rel);
  const text = readBundleFile(dir, rel);
  if (text === undefined) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ConfigurationError(`${shownPath(path)}: not valid JSON (${(e as Error).message})`);
  }
  return check(doc, shownPath(path));
}

/**
 * Refuses, before any work starts, bundle files a station will write when something other than a
 * regular file (a directory, a symbolic link) is in their place.
 */
export function checkBundleWritable(dir: string, rels: string[]): void {
  for (const rel of rels) {
    const path = join(dir, rel);
    let st: Stats;
    try {
      st = lstatSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new ConfigurationError(`${shownPath(path)}: cannot write this Task Bundle file: ${errnoText(e)}`);
    }
    if (!st.isFile()) {
      throw new ConfigurationError(
        `${shownPath(path)}: cannot write this Task Bundle file: ${st.isDirectory() ? 'a directory' : 'something that is not a regular file'} is in its place`,
      );
    }
  }
}

/** Regular files of a bundle (bundle-relative, posix) and the entries that are neither files nor directories. */
function walk(
  dir: string,
  base = dir,
  out = { files: [] as string[], dirs: [] as string[], other: [] as string[] },
) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const rel = toPosix(relative(base, p));
    const st = lstatSync(p);
    if (st.isDirectory()) {
      out.dirs.push(rel);
      walk(p, base, out);
    } else if (st.isFile()) {
      if (!name.endsWith('.tmp')) out.files.push(rel);
    } else out.other.push(rel);
  }
  return out;
}

function listFiles(dir: string): string[] {
  return walk(dir).files;
}

/** Hashes every bundle file (so the next job can check what it downloaded) and writes the manifest. */
export function writeManifest(dir: string, m: Manifest): void {
  const files: Record<string, string> = {};
  if (existsSync(dir)) {
    for (const rel of listFiles(dir)) {
      if (rel === 'manifest.json') continue;
      files[rel] = sha256(readFileSync(join(dir, rel)));
    }
  }
  m.files = files;
  writeFileAtomic(join(dir, 'manifest.json'), JSON.stringify(m, null, 2) + '\n');
}

/** Problems with the bundle's files compared to the manifest's hashes (empty when intact). */
export function verifyBundle(dir: string, m: Manifest = readManifest(dir)): string[] {
  const problems: string[] = [];
  const { files, dirs, other } = walk(dir);
  const present = new Set(files.filter((f) => f !== 'manifest.json'));
  for (const [rel, hash] of Object.entries(m.files)) {
    if (dirs.includes(rel)) problems.push(`${rel}: a directory, but manifest.json lists a file there`);
    else if (other.includes(rel)) continue;
    else if (!present.has(rel)) problems.push(`${rel}: listed in manifest.json but missing`);
    else if (sha256(readInputFile(join(dir, rel)) ?? Buffer.alloc(0)) !== hash)
      problems.push(`${rel}: sha256 differs from manifest.json`);
    present.delete(rel);
  }
  for (const rel of present) problems.push(`${rel}: not listed in manifest.json`);
  for (const rel of other)
    problems.push(`${rel}: not a regular file (a bundle holds only files and folders)`);
  return problems;
}

export function writeBundleFile(dir: string, rel: string, data: string | Buffer): void {
  checkBundleWritable(dir, [rel]);
  writeFileAtomic(join(dir, rel), data);
}

/** A bundle file's text, or undefined when it does not exist; unreadable is a user error naming it. */
export function readBundleFile(dir: string, rel: string): string | undefined {
  return readInputFile(join(dir, rel))?.toString('utf8');
}

/** A bundle file's bytes (a patch), or undefined when it does not exist. */
export function readBundleBytes(dir: string, rel: string): Buffer | undefined {
  return readInputFile(join(dir, rel));
}

export function addUsage(a: Usage, b: Partial<Usage> | undefined): Usage {
  return {
    promptTokens: a.promptTokens + (b?.promptTokens ?? 0),
    completionTokens: a.completionTokens + (b?.completionTokens ?? 0),
    cachedTokens: a.cachedTokens + (b?.cachedTokens ?? 0),
    costUsd: Math.round((a.costUsd + (b?.costUsd ?? 0)) * 1e6) / 1e6,
  };
}

/**
 * Records a station's start and end in the manifest around `fn`. On a thrown error the station is
 * recorded as failed (with the message) and the error re-thrown.
 */
export async function recordStation<T>(
  dir: string,
  taskId: string,
  station: StationName,
  fn: () => Promise<{ result: T; record?: Partial<StationRecord> }>,
): Promise<T> {
  const startedAt = new Date();
  const m0 = readManifest(dir, taskId);
  m0.stations[station] = { status: 'running', startedAt: startedAt.toISOString() };
  writeManifest(dir, m0);
  try {
    const { result, record } = await fn();
    const m = readManifest(dir, taskId);
    m.stations[station] = {
      status: 'ok',
      ...record,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
    };
    if (record?.usage) m.usage = addUsage(m.usage, record.usage);
    writeManifest(dir, m);
    return result;
  } catch (e) {
    let m: Manifest | undefined;
    try {
      m = existsSync(join(dir, 'manifest.json')) ? readManifest(dir, taskId) : undefined;
    } catch {
      m = undefined; // a manifest damaged meanwhile: report the station's own error, not this one
    }
    if (m) {
      m.stations[station] = {
        status: 'failed',
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        durationMs: Date.now() - startedAt.getTime(),
        note: (e as Error).message?.slice(0, 500),
      };
      writeManifest(dir, m);
    }
    throw e;
  }
}
