/**
 * `guardian status` prints what a hand-edited ledger says: its free text (a branch name) must not reach
 * the terminal as an escape sequence (clearing the screen) or a bidi override (reversing what follows).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { ensureGuardianDir, ledgerPath } from '../../src/supervisor/ledger.js';
import { renderTaskSummary } from '../../src/supervisor/render.js';
import { emptyUsage } from '../../src/bundle/bundle.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { ARITHMETIC } from './helpers.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('status with control characters in the ledger', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo(undefined, { files: ARITHMETIC });
    ensureGuardianDir(repo.root);
  });
  afterAll(() => repo?.cleanup());

  it('writes them out in the branch a committed run names', async () => {
    writeFileSync(
      ledgerPath(repo.root),
      JSON.stringify({
        schemaVersion: 1,
        runId: 'r1',
        event: 'end',
        taskId: 'TASK-101',
        status: 'done',
        outcome: 'committed',
        at: '2024-01-01T00:00:00.000Z',
        startedAt: '2024-01-01T00:00:00.000Z',
        resumed: false,
        dryRun: false,
        branch: 'main\u001b[2J\u202eevil',
      }) + '\n',
    );
    const r = await runCli(['status', '--root', repo.root]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain('(done on main\\u001b[2J\\u202eevil)');
  });

  it('writes them out in the notes of the run table', () => {
    const out = renderTaskSummary({
      taskId: 'TASK-101',
      title: 'Multiply two numbers',
      runId: 'r1',
      status: 'failed',
      outcome: 'failed',
      attempts: 1,
      usage: emptyUsage(),
      durationMs: 5,
      stations: [
        {
          station: 'bundle',
          status: 'failed',
          durationMs: 5,
          usage: emptyUsage(),
          note: 'bad \u001b]0;title\u0007 name',
        },
      ],
      message: 'TASK-101 failed at bundle',
    });
    expect(out).not.toMatch(CONTROL);
    expect(out).toContain('bad \\u001b]0;title\\u0007 name');
  });
});
