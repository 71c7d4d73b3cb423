/**
 * Reading the index cache: its files are untrusted input (a restored Actions cache, a hand edit, a
 * folder a repository ships). A cache file is read only when it is a regular file of a sane size: a
 * symbolic link is not followed, and a FIFO or a device (`/dev/zero`) is refused instead of blocking the
 * search or reading without end.
 */
import { closeSync, constants, readFileSync } from 'node:fs';
import { openRegularFile } from '../util/fs.js';
import { constants as bufferConstants } from 'node:buffer';

/** The longest string V8 can make: a larger cache file could never be parsed anyway. */
export const MAX_CACHE_FILE_BYTES = bufferConstants.MAX_STRING_LENGTH;

export type CacheRead = { text: string } | { absent: true } | { problem: string };

/** Reads a cache file as UTF-8 text; `absent` when there is none, `problem` when it cannot be trusted. */
export function readCacheFile(path: string, maxBytes: number = MAX_CACHE_FILE_BYTES): CacheRead {
  let r: ReturnType<typeof openRegularFile>;
  try {
    r = openRegularFile(path, constants.O_RDONLY);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return { absent: true };
    return { problem: code ?? (e as Error).message };
  }
  if ('absent' in r) return { absent: true };
  if ('not' in r)
    return {
      problem:
        r.not === 'a symbolic link (not followed)' || r.not === 'a directory' ? r.not : 'not a regular file',
    };
  try {
    if (r.st.size > maxBytes) return { problem: `${r.st.size} bytes, more than a cache file can hold` };
    const buf = readFileSync(r.fd);
    if (buf.length > maxBytes) return { problem: `more than ${maxBytes} bytes` };
    return { text: buf.toString('utf8') };
  } catch (e) {
    return { problem: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  } finally {
    closeSync(r.fd);
  }
}

/** Whether `v` is a plain JSON object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `obj[key]` when it is the object's own property (a key such as `constructor` is not inherited). */
export function own<T>(obj: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}
