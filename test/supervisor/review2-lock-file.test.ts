/**
 * `.guardian/run.lock` that is not a lock file Guardian wrote: a FIFO (reading it would wait for a
 * writer for good), a symbolic link (to a device that never ends, or to a file of yours), or a file far
 * too large to be a lock record. Each is named in one message, or taken over like any other stale lock.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureGuardianDir } from '../../src/supervisor/ledger.js';
import { acquireRunLock, lockPath } from '../../src/supervisor/lock.js';
import { silentLogger } from '../../src/util/log.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { ARITHMETIC, noModelEnv } from './helpers.js';

describe('a run lock that is not a lock file', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo(undefined, { files: ARITHMETIC });
    ensureGuardianDir(repo.root);
  });
  afterEach(() => repo.cleanup());

  it('a FIFO is named instead of blocking `guardian run`', async () => {
    execFileSync('mkfifo', [lockPath(repo.root)]);
    // A writer that opens and closes the FIFO: a reader that waited on it would see an empty lock.
    const writer = spawn('sh', ['-c', ': > "$0"', lockPath(repo.root)], { stdio: 'ignore' });
    try {
      const r = await runCli(['run', 'TASK-101', '--root', repo.root, '--dry-run'], { env: noModelEnv() });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /\.guardian\/run\.lock is a FIFO \(not a regular file\); a lock file Guardian wrote is expected there — remove or rename it/,
      );
      expect(r.stderr).not.toMatch(/another guardian command|internal error/);
    } finally {
      if (writer.exitCode === null) writer.kill('SIGKILL');
    }
  });

  it('a symbolic link is not followed', () => {
    const outside = join(repo.root, '..', 'holder.json');
    writeFileSync(outside, '{"not":"a lock"}\n');
    utimesSync(outside, new Date('2020-01-01'), new Date('2020-01-01'));
    symlinkSync(outside, lockPath(repo.root));
    expect(() => acquireRunLock(repo.root, 'guardian run TASK-101', silentLogger)).toThrow(
      /\.guardian\/run\.lock is a symbolic link \(not followed\)/,
    );
    expect(readFileSync(outside, 'utf8')).toBe('{"not":"a lock"}\n');
  });

  it('an old file far too large to be a lock record is taken over like a stale lock', () => {
    const path = lockPath(repo.root);
    writeFileSync(path, '');
    truncateSync(path, 600 * 1024 * 1024);
    utimesSync(path, new Date('2020-01-01'), new Date('2020-01-01'));
    const warnings: string[] = [];
    const release = acquireRunLock(repo.root, 'guardian run TASK-101', {
      ...silentLogger,
      warn: (m: string) => warnings.push(m),
    });
    try {
      expect(JSON.parse(readFileSync(path, 'utf8')).command).toBe('guardian run TASK-101');
      expect(warnings.join('\n')).toMatch(
        /took over \.guardian\/run\.lock .*its content is not a lock record/,
      );
    } finally {
      release();
    }
    expect(existsSync(path)).toBe(false);
  });
});
