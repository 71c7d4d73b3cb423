/**
 * `.guardian/runs.jsonl` that is not a plain file Guardian wrote: a symbolic link (to a file of yours
 * outside the repository), a FIFO, a file larger than the longest string V8 can make, and a dangling
 * `.guardian/.gitignore` link. Each is named in one clear message, nothing outside the repository is
 * written, and nothing blocks.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  constants,
  existsSync,
  lstatSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  appendLedger,
  ensureGuardianDir,
  ledgerPath,
  readLedger,
  MAX_LEDGER_LINE_BYTES,
  type LedgerEntry,
} from '../../src/supervisor/ledger.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { ARITHMETIC, noModelEnv } from './helpers.js';

const entry: LedgerEntry = {
  schemaVersion: 1,
  runId: '20240101T000000Z-aaaaaa',
  event: 'end',
  taskId: 'TASK-101',
  status: 'in_progress',
  outcome: 'paused',
  at: '2024-01-01T00:00:00.000Z',
  startedAt: '2024-01-01T00:00:00.000Z',
  resumed: false,
  dryRun: false,
};

describe('a ledger that is not a regular file', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo(undefined, { files: ARITHMETIC });
    ensureGuardianDir(repo.root);
  });
  afterEach(() => repo.cleanup());

  it('a symbolic link to a file outside the repository is neither written nor read', async () => {
    const outside = join(repo.root, '..', 'notes.txt');
    writeFileSync(outside, 'my own notes\n');
    symlinkSync(outside, ledgerPath(repo.root));

    const run = await runCli(['run', 'TASK-101', '--root', repo.root], { env: noModelEnv() });
    expect(readFileSync(outside, 'utf8')).toBe('my own notes\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /\.guardian\/runs\.jsonl is a symbolic link \(not followed\); Guardian's run ledger must be a regular file — remove or rename it/,
    );
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);

    const status = await runCli(['status', '--root', repo.root]);
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(/\.guardian\/runs\.jsonl is a symbolic link/);
  }, 120_000);

  it('a FIFO is refused instead of blocking `guardian status`', async () => {
    execFileSync('mkfifo', [ledgerPath(repo.root)]);
    // A writer that opens and closes the FIFO: a reader that waited on it would see an empty ledger.
    const writer = spawn('sh', ['-c', ': > "$0"', ledgerPath(repo.root)], { stdio: 'ignore' });
    try {
      const status = await runCli(['status', '--root', repo.root]);
      expect(status.code).toBe(1);
      expect(status.stderr).toMatch(/\.guardian\/runs\.jsonl is a FIFO \(not a regular file\)/);
      expect(status.stderr).not.toMatch(/internal error/);
    } finally {
      if (writer.exitCode === null) writer.kill('SIGKILL');
    }
  });

  it('a FIFO is refused instead of taking what a run appends', () => {
    execFileSync('mkfifo', [ledgerPath(repo.root)]);
    // Held open for reading and writing here, so neither side would wait: the append must still refuse.
    const fd = openSync(ledgerPath(repo.root), constants.O_RDWR);
    try {
      expect(() => appendLedger(repo.root, entry)).toThrow(/runs\.jsonl is a FIFO \(not a regular file\)/);
    } finally {
      closeSync(fd);
    }
  });

  it('a dangling `.guardian/.gitignore` link does not create its target', () => {
    rmSync(join(repo.root, '.guardian', '.gitignore'));
    const target = join(repo.root, '..', 'created-by-guardian');
    symlinkSync(target, join(repo.root, '.guardian', '.gitignore'));
    ensureGuardianDir(repo.root);
    expect(existsSync(target)).toBe(false);
    expect(lstatSync(join(repo.root, '.guardian', '.gitignore')).isSymbolicLink()).toBe(true);
  });
});

describe('a ledger larger than a string can be', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo(undefined, { files: ARITHMETIC });
    ensureGuardianDir(repo.root);
  });
  afterEach(() => repo.cleanup());

  it('is read in chunks: its entries are kept and the overlong line is named, with no internal error', async () => {
    const path = ledgerPath(repo.root);
    writeFileSync(path, JSON.stringify(entry) + '\n');
    // 600 MB of NULs (a sparse file): more than 0x1fffffe8 characters, one line with no line break.
    truncateSync(path, 600 * 1024 * 1024);
    const fd = openSync(path, 'a');
    writeSync(
      fd,
      '\n' + JSON.stringify({ ...entry, runId: '20240101T000000Z-bbbbbb', taskId: 'TASK-102' }) + '\n',
    );
    closeSync(fd);

    const notes: string[] = [];
    expect(readLedger(repo.root, notes).map((e) => e.taskId)).toEqual(['TASK-101', 'TASK-102']);
    expect(notes).toEqual([
      `.guardian/runs.jsonl:2 skipped: longer than ${MAX_LEDGER_LINE_BYTES} bytes (not an entry Guardian wrote)`,
    ]);

    const status = await runCli(['status', '--root', repo.root]);
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^TASK-101 +pending +\d+d ago +paused/m);
    expect(status.stdout).toMatch(/^note: \.guardian\/runs\.jsonl:2 skipped: longer than/m);
  }, 120_000);

  it('a multibyte character split across read chunks is kept whole', () => {
    const path = ledgerPath(repo.root);
    // The second line starts 100 bytes before the 1 MiB read chunk ends, in a run of 3-byte characters.
    const head = JSON.stringify({ ...entry, message: '' });
    const first = JSON.stringify({ ...entry, message: 'x'.repeat(1024 * 1024 - 101 - head.length) });
    const euros = '€'.repeat(300);
    writeFileSync(path, `${first}\n${JSON.stringify({ ...entry, message: euros })}\n`);
    expect(Buffer.byteLength(first) + 1).toBe(1024 * 1024 - 100);
    const notes: string[] = [];
    const got = readLedger(repo.root, notes);
    expect(notes).toEqual([]);
    expect(got.map((e) => e.message!.length)).toEqual([first.length - head.length, 300]);
    expect(got[1]!.message).toBe(euros);
  });
});
