/**
 * `guardian run` end to end on a copy of examples/ts-todo-api with a bare remote, without a model: the
 * line stops before the Coder and says how to continue; the developer implements the task by hand;
 * `--resume` validates, commits (with the trailers) and pushes; the ledger and `guardian status` follow.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLedger } from '../../src/supervisor/ledger.js';
import { runCli } from '../support/cli.js';
import type { TempRepo } from '../support/repo.js';
import { applyByHand, commitsOf, noModelEnv, TASK_001, todoRepo } from './helpers.js';

describe('guardian run, by hand (no model)', () => {
  let repo: TempRepo;
  let initial: string;
  const env = noModelEnv();

  beforeAll(() => {
    repo = todoRepo();
    initial = repo.git('rev-parse', 'HEAD');
  });
  afterAll(() => repo?.cleanup());

  it('runs pre-start, bundle and security, then stops before the Coder with what to do', async () => {
    const r = await runCli(['run', 'TASK-001', '--root', repo.root, '--json'], { env });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ taskId: 'TASK-001', outcome: 'paused', status: 'in_progress' });
    expect(out.stations.map((s: { station: string; status: string }) => `${s.station}:${s.status}`)).toEqual([
      'prestart:ok',
      'bundle:ok',
      'security:ok',
    ]);
    expect(out.message).toMatch(/no model configured/);
    expect(out.message).toMatch(/guardian run TASK-001 --resume/);
    const bundle = join(repo.root, '.guardian/bundles/TASK-001');
    expect(existsSync(join(bundle, 'task_context.md'))).toBe(true);
    expect(readFileSync(join(bundle, 'task_context.md'), 'utf8')).toMatch(/## Security Considerations/);
    // The ledger: one run, started and paused; .guardian/ stays out of git.
    const ledger = readLedger(repo.root);
    expect(ledger.map((e) => `${e.event}:${e.outcome}`)).toEqual(['start:running', 'end:paused']);
    expect(repo.git('status', '--porcelain')).toBe('');
  }, 120_000);

  it('refuses a fresh run over uncommitted changes, saying how to proceed', async () => {
    applyByHand(repo.root, TASK_001);
    const r = await runCli(['run', 'TASK-001', '--root', repo.root], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/uncommitted changes \(src\/store\.ts, src\/todo\.ts, test\/store\.test\.ts\)/);
    expect(r.stderr).toMatch(/--dry-run/);
    expect(r.stderr).toMatch(/guardian run TASK-001 --resume/);
    // Nothing ran: the ledger did not grow.
    expect(readLedger(repo.root)).toHaveLength(2);
  });

  it('--resume validates the change made by hand, commits it with the trailers and pushes it', async () => {
    const r = await runCli(['run', 'TASK-001', '--root', repo.root, '--resume', '--push', 'origin'], { env });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stdout).toMatch(
      /TASK-001 done: committed [0-9a-f]{12} on feature\/TASK-001-complete-todo, pushed to origin/,
    );
    expect(r.code).toBe(0);
    // The summary table lists the stations this invocation ran.
    expect(r.stdout).toMatch(/^code\s+skipped/m);
    expect(r.stdout).toMatch(/^validate\s+pass/m);
    expect(r.stdout).toMatch(/^complete\s+ok/m);

    const commits = commitsOf(repo.remote, 'feature/TASK-001-complete-todo', initial);
    expect(commits).toHaveLength(1);
    expect(commits[0]!.message).toMatch(/^feat\(TASK-001\): Mark a todo as completed/);
    expect(commits[0]!.trailers).toMatchObject({
      'Task-Id': 'TASK-001',
      'Requirement-Id': 'REQ-001',
      'Guardian-Verdict': 'pass',
    });
    const blueprint = repo.git('show', `${commits[0]!.sha}:specs/tasks/TASK-001_complete-todo.md`);
    expect(blueprint).toMatch(/^status: "done"$/m);

    const end = readLedger(repo.root).at(-1)!;
    expect(end).toMatchObject({
      event: 'end',
      taskId: 'TASK-001',
      status: 'done',
      outcome: 'committed',
      verdict: 'pass',
      commit: commits[0]!.sha,
      pushedTo: 'origin',
      resumed: true,
    });
    expect(end.stations!.map((s) => s.station)).toEqual(['code', 'validate', 'complete']);
  }, 240_000);

  it('a task already done: nothing to do, exit 0', async () => {
    const r = await runCli(['run', 'TASK-001', '--root', repo.root], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/TASK-001 is already done/);
  });

  it('guardian status shows each task with its last run', async () => {
    const r = await runCli(['status', '--milestone', 'MVP', '--root', repo.root, '--json'], { env });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.milestone.id).toBe('MVP');
    expect(out.tasks.map((t: { taskId: string; status: string }) => `${t.taskId}:${t.status}`)).toEqual([
      'TASK-001:done',
      'TASK-002:pending',
      'TASK-003:pending',
    ]);
    expect(out.tasks[0].lastRun).toMatchObject({ outcome: 'committed', verdict: 'pass' });
    expect(out.tasks[1].lastRun).toBeNull();
    const text = await runCli(['status', '--milestone', 'MVP', '--root', repo.root], { env });
    expect(text.stdout).toMatch(/^TASK-001\s+done\s+\d+s ago\s+committed\s+pass\s+[0-9a-f]{12}/m);
    expect(text.stdout).toMatch(/^TASK-002\s+pending\s+never/m);
    expect(text.stdout).toMatch(/1\/3 done/);
  });
});
