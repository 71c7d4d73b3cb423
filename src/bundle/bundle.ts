/**
 * The Task Bundle on disk: `.guardian/bundles/<TASK-ID>/`. Every station reads the bundle, does its
 * work, and records itself in `manifest.json`. Writes are atomic so an interrupted station never leaves
 * half a file behind.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { sha256, toPosix, writeFileAtomic } from '../util/fs.js';

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
    );
  }
  return join(root, '.guardian', 'bundles', taskId);
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
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (e) {
    throw new ConfigurationError(`${path}: manifest.json is not valid JSON (${(e as Error).message})`);
  }
  if (
    typeof m !== 'object' ||
    m === null ||
    typeof m.taskId !== 'string' ||
    typeof m.baseCommit !== 'string'
  ) {
    throw new ConfigurationError(`${path}: not a Guardian manifest (taskId and baseCommit expected)`);
  }
  if (m.schemaVersion !== BUNDLE_SCHEMA_VERSION) {
    throw new ConfigurationError(
      `${path}: bundle schema version ${String(m.schemaVersion)} is not supported (expected ${BUNDLE_SCHEMA_VERSION})`,
    );
  }
  if (expectedTaskId && m.taskId !== expectedTaskId) {
    throw new ConfigurationError(`${path}: this bundle belongs to task ${m.taskId}, not ${expectedTaskId}`);
  }
  m.stations ??= {};
  m.files ??= {};
  m.usage ??= emptyUsage();
  return m;
}

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...listFiles(p, base));
    else if (st.isFile() && !name.endsWith('.tmp')) out.push(toPosix(relative(base, p)));
  }
  return out;
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
  const present = new Set(listFiles(dir).filter((f) => f !== 'manifest.json'));
  for (const [rel, hash] of Object.entries(m.files)) {
    if (!present.has(rel)) problems.push(`${rel}: listed in manifest.json but missing`);
    else if (sha256(readFileSync(join(dir, rel))) !== hash)
      problems.push(`${rel}: sha256 differs from manifest.json`);
    present.delete(rel);
  }
  for (const rel of present) problems.push(`${rel}: not listed in manifest.json`);
  return problems;
}

export function writeBundleFile(dir: string, rel: string, data: string | Buffer): void {
  writeFileAtomic(join(dir, rel), data);
}

export function readBundleFile(dir: string, rel: string): string | undefined {
  const p = join(dir, rel);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
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
    if (existsSync(join(dir, 'manifest.json'))) {
      const m = readManifest(dir, taskId);
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
