/**
 * A milestone without a model: it pauses at the first task and says how to go on; the developer
 * implements it, commits it on the milestone branch with `guardian run --resume --branch`, and the next
 * `guardian milestone` skips it and goes on to the next task.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { applyByHand, ARITHMETIC, commitsOf, MUL, noModelEnv, SUB } from './helpers.js';

describe('guardian milestone by hand', () => {
  let repo: TempRepo;
  const env = noModelEnv();

  beforeAll(() => {
    repo = makeRepo(undefined, { files: ARITHMETIC });
  });
  afterAll(() => repo?.cleanup());

  it('pauses at the first task with what to do, then goes on after the task is committed by hand', async () => {
    const first = await runCli(['milestone', 'M1', '--root', repo.root, '--json'], { env });
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code).toBe(0);
    const a = JSON.parse(first.stdout);
    expect(a.outcome).toBe('paused');
    expect(a.tasks.map((t: { state: string }) => t.state)).toEqual(['paused', 'not_run']);
    expect(a.message).toMatch(/guardian run TASK-101 --resume --branch guardian\/M1/);
    expect(repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('guardian/M1');

    applyByHand(repo.root, MUL);
    const run = await runCli(
      ['run', 'TASK-101', '--root', repo.root, '--resume', '--branch', 'guardian/M1'],
      {
        env,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/TASK-101 done: committed [0-9a-f]{12} on guardian\/M1/);
    expect(repo.git('status', '--porcelain')).toBe('');

    const second = await runCli(['milestone', 'M1', '--root', repo.root, '--json'], { env });
    const b = JSON.parse(second.stdout);
    expect(b.tasks.map((t: { taskId: string; state: string }) => `${t.taskId}:${t.state}`)).toEqual([
      'TASK-101:skipped',
      'TASK-102:paused',
    ]);
    expect(commitsOf(repo.root, 'guardian/M1', 'main').map((c) => c.trailers['Task-Id'])).toEqual([
      'TASK-101',
    ]);
    expect(b.message).toMatch(
      /then run `guardian milestone M1` again \(with the change still uncommitted, it resumes TASK-102 with it first\)/,
    );
  }, 180_000);

  it('as the pause says: the change made by hand, left uncommitted, is taken by the next milestone run', async () => {
    applyByHand(repo.root, SUB);
    const third = await runCli(['milestone', 'M1', '--root', repo.root, '--json'], { env });
    expect(third.stderr).not.toMatch(/internal error/);
    expect(third.stderr).toMatch(/resuming TASK-102 with them/);
    const c = JSON.parse(third.stdout);
    expect(c.tasks.map((t: { taskId: string; state: string }) => `${t.taskId}:${t.state}`)).toEqual([
      'TASK-101:skipped',
      'TASK-102:done',
    ]);
    expect(commitsOf(repo.root, 'guardian/M1', 'main').map((x) => x.trailers['Task-Id'])).toEqual([
      'TASK-101',
      'TASK-102',
    ]);
  }, 180_000);
});
