/**
 * `guardian milestone --parallel 2` on two independent tasks: both run at the same time, each in its own
 * git worktree, and the milestone branch ends up with the same commits — same trees, same messages — as
 * a sequential run of the same milestone on an identical repository.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readLedger } from '../../src/supervisor/ledger.js';
import { runCli } from '../support/cli.js';
import type { ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import {
  ARITHMETIC,
  arithmeticBlueprint,
  arithmeticChange,
  commitsOf,
  MUL,
  modelEnv,
  startTaskModel,
  SUB,
} from './helpers.js';

describe('guardian milestone --parallel 2', () => {
  let sequential: TempRepo;
  let parallel: TempRepo;
  let server: ScriptedServer;

  beforeAll(async () => {
    sequential = makeRepo(undefined, { files: ARITHMETIC });
    parallel = makeRepo(undefined, { files: ARITHMETIC });
    server = await startTaskModel([MUL, SUB]);
  });
  afterAll(async () => {
    await server?.close();
    sequential?.cleanup();
    parallel?.cleanup();
  });

  it('gives the same commits as a sequential run, with the tasks run side by side', async () => {
    const env = modelEnv(server);
    const seq = await runCli(['milestone', 'M1', '--root', sequential.root, '--push', 'origin', '--json'], {
      env,
    });
    expect(seq.stderr).not.toMatch(/internal error/);
    expect(seq.code).toBe(0);
    const par = await runCli(
      ['milestone', 'M1', '--root', parallel.root, '--parallel', '2', '--push', 'origin', '--json'],
      { env },
    );
    expect(par.stderr).not.toMatch(/internal error/);
    expect(par.code).toBe(0);
    expect(JSON.parse(par.stdout).tasks.map((t: { state: string }) => t.state)).toEqual(['done', 'done']);

    const a = commitsOf(sequential.remote, 'guardian/M1', 'main');
    const b = commitsOf(parallel.remote, 'guardian/M1', 'main');
    expect(a.map((c) => c.trailers['Task-Id'])).toEqual(['TASK-101', 'TASK-102']);
    expect(b.map((c) => c.tree)).toEqual(a.map((c) => c.tree));
    expect(b.map((c) => c.message)).toEqual(a.map((c) => c.message));
    // The two initial commits differ only by their dates: same tree.
    expect(parallel.git('rev-parse', 'main^{tree}')).toBe(sequential.git('rev-parse', 'main^{tree}'));

    // Side by side: both tasks started (in their worktrees) before either of those runs ended.
    const ledger = readLedger(parallel.root);
    const firstEnd = ledger.findIndex((e) => e.event === 'end');
    const startsBefore = ledger
      .slice(0, firstEnd)
      .filter((e) => e.event === 'start')
      .map((e) => e.taskId);
    expect(startsBefore.sort()).toEqual(['TASK-101', 'TASK-102']);
    // No worktree is left behind, and the main checkout is clean on the milestone branch.
    expect(parallel.git('worktree', 'list').split('\n')).toHaveLength(1);
    expect(parallel.git('status', '--porcelain')).toBe('');
    expect(parallel.git('rev-parse', 'HEAD')).toBe(b[1]!.sha);
  }, 600_000);

  it('starts a dependent task only once its dependency is committed, and commits in the sequential order', async () => {
    const div = arithmeticChange('div', 'Divide two numbers', '/', 2);
    const repo = makeRepo(undefined, {
      files: {
        ...ARITHMETIC,
        'specs/tasks/TASK-103_div.md': arithmeticBlueprint(
          'TASK-103',
          'div',
          'Divide two numbers',
          'depends_on: [TASK-101]\n',
        ),
        // Listed before its dependency: the run order puts TASK-101 first anyway.
        'specs/milestones/M1.md':
          '---\nid: M1\ntitle: "Arithmetic"\ntasks: [TASK-103, TASK-101, TASK-102]\n---\n',
      },
    });
    const model = await startTaskModel([MUL, SUB, div]);
    try {
      const r = await runCli(['milestone', 'M1', '--root', repo.root, '--parallel', '2', '--json'], {
        env: modelEnv(model),
      });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).tasks.map((t: { taskId: string }) => t.taskId)).toEqual([
        'TASK-101',
        'TASK-103',
        'TASK-102',
      ]);
      const commits = commitsOf(repo.root, 'guardian/M1', 'main');
      expect(commits.map((c) => c.trailers['Task-Id'])).toEqual(['TASK-101', 'TASK-103', 'TASK-102']);
      // TASK-103 started after TASK-101's commit: its worktree run's base is that commit.
      const t103 = readLedger(repo.root).find((e) => e.taskId === 'TASK-103' && e.event === 'end')!;
      expect(t103.baseCommit).toBe(commits[0]!.sha);
    } finally {
      await model.close();
      repo.cleanup();
    }
  }, 300_000);
});
