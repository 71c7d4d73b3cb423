import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restoreFileCommands, snapshotFileCommands } from '../../src/exec/strays.js';

const dir = mkdtempSync(join(tmpdir(), 'guardian-filecmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A runner's GITHUB_OUTPUT file with one line in it, in a folder of its own. */
function outputFile(name: string): { path: string; env: NodeJS.ProcessEnv } {
  const path = join(dir, name);
  writeFileSync(path, 'before=1\n');
  return { path, env: { GITHUB_OUTPUT: path } };
}

describe('restoreFileCommands', () => {
  it('a link put in place of the file is replaced, and the file it leads to is left alone', () => {
    const { path, env } = outputFile('link');
    const snap = snapshotFileCommands(env);
    const theirs = join(dir, 'theirs');
    writeFileSync(theirs, 'verdict=pass\n');
    rmSync(path);
    symlinkSync(theirs, path);
    expect(restoreFileCommands(snap)).toEqual(['GITHUB_OUTPUT']);
    expect(lstatSync(path).isSymbolicLink()).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('before=1\n');
    expect(readFileSync(theirs, 'utf8')).toBe('verdict=pass\n');
  });

  it('a second name given to the file is cut off from it', () => {
    const { path, env } = outputFile('hardlink');
    const snap = snapshotFileCommands(env);
    const theirs = join(dir, 'second-name');
    linkSync(path, theirs);
    expect(restoreFileCommands(snap)).toEqual(['GITHUB_OUTPUT']);
    writeFileSync(theirs, 'verdict=pass\n');
    expect(readFileSync(path, 'utf8')).toBe('before=1\n');
  });

  it('a directory or a named pipe in its place is replaced by the file', () => {
    const a = outputFile('dir');
    const snapA = snapshotFileCommands(a.env);
    rmSync(a.path);
    mkdirSync(a.path);
    writeFileSync(join(a.path, 'x'), 'x');
    expect(restoreFileCommands(snapA)).toEqual(['GITHUB_OUTPUT']);
    expect(readFileSync(a.path, 'utf8')).toBe('before=1\n');

    const b = outputFile('fifo');
    const snapB = snapshotFileCommands(b.env);
    rmSync(b.path);
    execFileSync('mkfifo', [b.path]);
    expect(restoreFileCommands(snapB)).toEqual(['GITHUB_OUTPUT']);
    expect(readFileSync(b.path, 'utf8')).toBe('before=1\n');
  });

  it('an untouched file is not reported', () => {
    const { env } = outputFile('same');
    expect(restoreFileCommands(snapshotFileCommands(env))).toEqual([]);
  });
});
