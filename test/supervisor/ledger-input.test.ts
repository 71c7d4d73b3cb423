/**
 * What the user hands Guardian between runs: a hand-edited `.guardian/runs.jsonl` (every field is
 * checked; a line that fails is skipped with a note naming it), and a change made by hand in the working
 * tree while a milestone waits for it (the next `guardian milestone` validates and commits it).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendLedger,
  ensureGuardianDir,
  ledgerPath,
  readLedger,
  type LedgerEntry,
} from '../../src/supervisor/ledger.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { applyByHand, ARITHMETIC, commitsOf, MUL, noModelEnv } from './helpers.js';

const good: LedgerEntry = {
  schemaVersion: 1,
  runId: '20240101T000000Z-aaaaaa',
  event: 'end',
  taskId: 'TASK-101',
  status: 'done',
  outcome: 'committed',
  at: '2024-01-01T00:00:00.000Z',
  startedAt: '2024-01-01T00:00:00.000Z',
  durationMs: 61_000,
  resumed: false,
  dryRun: false,
  stations: [{ station: 'validate', status: 'ok', durationMs: 1000, attempt: 1, verdict: 'pass' }],
  attempts: 1,
  verdict: 'pass',
  commit: '0123456789abcdef0123456789abcdef01234567',
  branch: 'guardian/TASK-101',
  usage: { promptTokens: 10, completionTokens: 5, cachedTokens: 0, costUsd: 0.01 },
  message: 'TASK-101 done',
};

const line = (fields: Record<string, unknown>) => JSON.stringify({ ...good, ...fields });

describe('reading a hand-edited ledger', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'guardian-ledger-input-'));
    ensureGuardianDir(root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    [{ commit: 12345 }, 'commit: expected a commit id (7 to 64 hex digits), found 12345'],
    [{ commit: 'not-a-sha' }, 'commit: expected a commit id (7 to 64 hex digits), found "not-a-sha"'],
    [
      { outcome: {} },
      'outcome: expected one of running, committed, already_done, validated, failed, blocked, interrupted, paused, found {}',
    ],
    [{ at: 'garbage' }, 'at: expected an ISO date and time, found "garbage"'],
    [{ durationMs: 'slow' }, 'durationMs: expected a duration in ms (a number, 0 or more), found "slow"'],
    [{ durationMs: -5 }, 'durationMs: expected a duration in ms (a number, 0 or more), found -5'],
    [
      { usage: {} },
      'usage: expected token counts and cost (promptTokens, completionTokens, cachedTokens, costUsd: numbers, 0 or more), found {}',
    ],
    [
      { usage: null },
      'usage: expected token counts and cost (promptTokens, completionTokens, cachedTokens, costUsd: numbers, 0 or more), found null',
    ],
    [{ usage: { ...good.usage, promptTokens: 'a' } }, 'usage: expected token counts and cost'],
    [{ verdict: 'maybe' }, 'verdict: expected one of pass, fail, found "maybe"'],
    [{ branch: 7 }, 'branch: expected a non-empty string, found 7'],
    [{ event: 'stop' }, 'event: expected one of start, end, found "stop"'],
    [{ taskId: 42 }, 'taskId: expected a non-empty string, found 42'],
    [{ status: 'Done' }, 'status: expected one of pending, in_progress, done, failed, blocked, found "Done"'],
    [{ resumed: 'no' }, 'resumed: expected true or false, found "no"'],
    [{ attempts: 1.5 }, 'attempts: expected a whole number, 0 or more, found 1.5'],
    [{ message: ['x'] }, 'message: expected a string, found ["x"]'],
    [{ stations: 'all' }, 'stations: expected a list of stations, found "all"'],
    [
      { stations: [{ station: 'deploy', status: 'ok', durationMs: 1 }] },
      'stations[0].station: expected one of prestart',
    ],
    [{ schemaVersion: 2 }, 'schemaVersion: expected 1, found 2'],
    [{ startedAt: undefined }, 'startedAt: expected an ISO date and time, found nothing'],
    [{ message: '\u001b[2J\u202eevil' }, undefined],
  ])('%j', (fields, note) => {
    writeFileSync(ledgerPath(root), [line({}), line(fields), ''].join('\n'));
    const notes: string[] = [];
    const entries = readLedger(root, notes);
    if (note === undefined) {
      expect(notes).toEqual([]);
      expect(entries).toHaveLength(2);
      return;
    }
    expect(entries).toEqual([good]);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.startsWith(`.guardian/runs.jsonl:2 skipped: ${note}`)).toBe(true);
  });

  it('names every skipped line (a torn write, a line that is not an object), and keeps the good ones', () => {
    writeFileSync(
      ledgerPath(root),
      ['[1,2]', line({}), '', 'null', line({ commit: 12345 }), '{"schemaVersion":1,"runId":"r3","ev'].join(
        '\n',
      ),
    );
    const notes: string[] = [];
    expect(readLedger(root, notes)).toEqual([good]);
    expect(notes).toEqual([
      '.guardian/runs.jsonl:1 skipped: expected a JSON object, found [1,2]',
      '.guardian/runs.jsonl:4 skipped: expected a JSON object, found null',
      '.guardian/runs.jsonl:5 skipped: commit: expected a commit id (7 to 64 hex digits), found 12345',
      '.guardian/runs.jsonl:6 skipped: not a JSON line (a write cut short?)',
    ]);
  });

  it('an entry written after a torn last line starts a line of its own and is kept', () => {
    writeFileSync(ledgerPath(root), `${line({})}\n{"schemaVersion":1,"runId":"r3","ev`);
    appendLedger(root, { ...good, runId: '20240101T000000Z-bbbbbb' });
    const notes: string[] = [];
    expect(readLedger(root, notes).map((e) => e.runId)).toEqual([good.runId, '20240101T000000Z-bbbbbb']);
    expect(notes).toEqual(['.guardian/runs.jsonl:2 skipped: not a JSON line (a write cut short?)']);
  });

  it('names the first 20 skipped lines and counts the rest', () => {
    writeFileSync(ledgerPath(root), Array.from({ length: 25 }, () => line({ at: 'x' })).join('\n'));
    const notes: string[] = [];
    expect(readLedger(root, notes)).toEqual([]);
    expect(notes).toHaveLength(21);
    expect(notes.at(-1)).toBe('.guardian/runs.jsonl: 5 more line(s) skipped');
  });
});

describe('guardian status on a hand-edited ledger', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo(undefined, { files: ARITHMETIC });
    ensureGuardianDir(repo.root);
  });
  afterAll(() => repo?.cleanup());

  // The reviewer's lines: each crashed `guardian status` (exit 70) or printed NaN.
  const reviewer = (fields: string) => `{"taskId":"TASK-101","runId":"r1","event":"end",${fields}}`;
  it.each([
    ['reviewer: commit 12345', reviewer('"outcome":"committed","at":"2024-01-01T00:00:00Z","commit":12345')],
    ['reviewer: usage {}', reviewer('"outcome":"failed","at":"2024-01-01T00:00:00Z","usage":{}')],
    ['reviewer: at garbage', reviewer('"outcome":"failed","at":"garbage","durationMs":"slow"')],
    ['reviewer: outcome {}', reviewer('"outcome":{"x":1},"at":"2024-01-01T00:00:00Z"')],
    ['commit 12345', line({ commit: 12345 })],
    ['outcome {}', line({ outcome: {} })],
    ['at garbage', line({ at: 'garbage', durationMs: 'slow' })],
    ['durationMs "slow"', line({ durationMs: 'slow' })],
    [
      'usage with a string',
      line({ usage: { promptTokens: 'a', completionTokens: 1, cachedTokens: 0, costUsd: 0 } }),
    ],
  ])('%s', async (_label, bad) => {
    writeFileSync(
      ledgerPath(repo.root),
      `${line({ taskId: 'TASK-102', outcome: 'paused', status: 'in_progress' })}\n${bad}\n`,
    );
    const r = await runCli(['status', '--root', repo.root]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/NaN|undefined|\[object/);
    expect(r.stdout).toMatch(/^TASK-101 +pending +never/m);
    expect(r.stdout).toMatch(/^TASK-102 +pending +\d+d ago +paused/m);
    expect(r.stdout).toMatch(/^note: \.guardian\/runs\.jsonl:2 skipped: \w+: expected .+, found .+$/m);

    const json = await runCli(['status', '--root', repo.root, '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      notes: string[];
      tasks: { taskId: string; lastRun: unknown }[];
    };
    expect(report.notes).toHaveLength(1);
    expect(report.notes[0]).toMatch(/^\.guardian\/runs\.jsonl:2 skipped: /);
    expect(report.tasks.find((t) => t.taskId === 'TASK-101')!.lastRun).toBeNull();
  });

  it('says nothing more when every line is good', async () => {
    writeFileSync(ledgerPath(repo.root), `${line({})}\n`);
    const r = await runCli(['status', '--root', repo.root, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).notes).toBeUndefined();
    const text = await runCli(['status', '--root', repo.root]);
    expect(text.stdout).toMatch(
      /^TASK-101 +pending \(done on guardian\/TASK-101\) +\d+d ago +committed +pass +0123456789ab +1m01s/m,
    );
    expect(text.stdout).not.toMatch(/note:/);
  });
});

describe('a milestone waiting for a change made by hand', () => {
  const env = noModelEnv();

  it('validates and commits the change on the next `guardian milestone`, then goes on', async () => {
    const repo = makeRepo(undefined, { files: ARITHMETIC });
    try {
      const first = await runCli(['milestone', 'M1', '--root', repo.root, '--json'], { env });
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout).tasks.map((t: { state: string }) => t.state)).toEqual([
        'paused',
        'not_run',
      ]);

      // The developer implements TASK-101 in the working tree and runs the milestone again.
      applyByHand(repo.root, MUL);
      const second = await runCli(['milestone', 'M1', '--root', repo.root, '--json'], { env });
      expect(second.stderr).not.toMatch(/Commit or stash|internal error/);
      expect(second.stderr).toMatch(
        /resuming TASK-101 with them \(as `guardian run TASK-101 --resume --branch guardian\/M1` does\)/,
      );
      expect(second.code).toBe(0);
      const b = JSON.parse(second.stdout);
      expect(b.tasks.map((t: { taskId: string; state: string }) => `${t.taskId}:${t.state}`)).toEqual([
        'TASK-101:done',
        'TASK-102:paused',
      ]);
      expect(b.message).toMatch(/milestone M1 paused at TASK-102/);
      expect(commitsOf(repo.root, 'guardian/M1', 'main').map((c) => c.trailers['Task-Id'])).toEqual([
        'TASK-101',
      ]);
      expect(repo.git('status', '--porcelain')).toBe('');
      expect(repo.git('show', 'guardian/M1:specs/tasks/TASK-101_mul.md')).toMatch(/^status: done$/m);
    } finally {
      repo.cleanup();
    }
  }, 180_000);

  it('names the command for each task when more than one waits for a change', async () => {
    const repo = makeRepo(undefined, { files: ARITHMETIC });
    try {
      expect((await runCli(['milestone', 'M1', '--root', repo.root], { env })).code).toBe(0);
      // TASK-102 started by hand on the milestone branch too: both bundles wait on HEAD.
      expect(
        (await runCli(['run', 'TASK-102', '--root', repo.root, '--branch', 'guardian/M1'], { env })).code,
      ).toBe(0);
      applyByHand(repo.root, MUL);
      const r = await runCli(['milestone', 'M1', '--root', repo.root], { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /Commit or stash them first, or run with --dry-run \(nothing is committed\)\./,
      );
      expect(r.stderr).toMatch(
        /If they implement one of TASK-101, TASK-102, which all wait for a change, validate and commit them with `guardian run <task-id> --resume --branch guardian\/M1`, then run `guardian milestone M1` again\./,
      );
      expect(commitsOf(repo.root, 'guardian/M1', 'main')).toEqual([]);
    } finally {
      repo.cleanup();
    }
  }, 180_000);
});
