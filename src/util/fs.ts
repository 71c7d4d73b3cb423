import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, normalize, sep } from 'node:path';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Write a file atomically (temp file + rename) so a reader never sees half a file. */
export function writeFileAtomic(path: string, data: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Posix-style repository-relative path, or an explanation of why it is not one. */
export function checkRepoRelativePath(p: string): string | undefined {
  if (p.trim() === '') return 'an empty path';
  if (p.includes('\0')) return 'a path containing a NUL byte';
  if (isAbsolute(p) || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\')) return 'an absolute path';
  const parts = p.split(/[\\/]+/);
  if (parts.includes('..')) return "a path that leaves the repository ('..')";
  return undefined;
}

export function toPosix(p: string): string {
  return normalize(p).split(sep).join('/');
}
