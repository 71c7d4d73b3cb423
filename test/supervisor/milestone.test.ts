/**
 * `guardian milestone MVP` end to end on a copy of examples/ts-todo-api with a bare remote and a scripted
 * model behind the real openai client: TASK-001 and TASK-002 are committed (two commits with the
 * trailers on the remote milestone branch); TASK-003's tests cannot pass, so the milestone halts there
 * with its report. A second run skips the done tasks and only works on TASK-003 again.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readLedger } from '../../src/supervisor/ledger.js';
import type { ScriptedServer } from '../support/llm-server.js';
import { runCli } from '../support/cli.js';
import type { TempRepo } from '../support/repo.js';
import {
  commitsOf,
  modelEnv,
  startTaskModel,
  TASK_001,
  TASK_002,
  TASK_003_BROKEN,
  todoRepo,
} from './helpers.js';

interface TaskOut {
  taskId: string;
  state: string;
  run?: { commit?: string; report?: string; outcome: string; stations: { station: string }[] };
}

describe('guardian milestone MVP with a scripted model', () => {
  let repo: TempRepo;
  let server: ScriptedServer;
  let initial: string;

  beforeAll(async () => {
    repo = todoRepo();
    initial = repo.git('rev-parse', 'HEAD');
    server = await startTaskModel([TASK_001, TASK_002, TASK_003_BROKEN]);
  });
  afterAll(async () => {
    await server?.close();
    repo?.cleanup();
  });

  it('commits two tasks on the milestone branch and halts at the third with its report', async () => {
    const r = await runCli(['milestone', 'MVP', '--root', repo.root, '--push', 'origin', '--json'], {
      env: modelEnv(server),
    });
    expect(r.stderr).not.toMatch(/internal error/);
    const out = JSON.parse(r.stdout);
    expect(out.tasks.map((t: TaskOut) => `${t.taskId}:${t.state}`)).toEqual([
      'TASK-001:done',
      'TASK-002:done',
      'TASK-003:failed',
    ]);
    expect(r.code).toBe(1);
    expect(out).toMatchObject({ milestone: 'MVP', outcome: 'failed', failedTask: 'TASK-003' });
    expect(out.message).toMatch(/milestone MVP halted: TASK-003 failed/);

    // Two commits on the remote branch, one per task, with the trailers.
    const commits = commitsOf(repo.remote, 'guardian/MVP', initial);
    expect(commits.map((c) => c.trailers['Task-Id'])).toEqual(['TASK-001', 'TASK-002']);
    expect(commits.map((c) => c.trailers['Requirement-Id'])).toEqual(['REQ-001', 'REQ-002']);
    expect(commits.every((c) => c.trailers['Guardian-Verdict'] === 'pass')).toBe(true);
    expect(out.commits).toEqual(commits.map((c) => c.sha));
    // The working tree has the milestone branch checked out, at the last commit, clean.
    expect(repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('guardian/MVP');
    expect(repo.git('rev-parse', 'HEAD')).toBe(commits[1]!.sha);
    expect(repo.git('status', '--porcelain')).toBe('');

    // The failing task's report: the Validator's, naming the failed checks.
    const failed = out.tasks[2] as TaskOut;
    expect(failed.run!.report).toMatch(/Validation of TASK-003/);
    expect(failed.run!.report).toMatch(/fail/);
    const text = await runCli(['status', '--milestone', 'MVP', '--root', repo.root]);
    expect(text.stdout).toMatch(/^TASK-003\s+pending\s+\S+ ago\s+failed\s+fail/m);
  }, 600_000);

  it('a second run skips the done tasks and works only on the failed one', async () => {
    const before = server.chatRequests().length;
    const r = await runCli(['milestone', 'MVP', '--root', repo.root, '--push', 'origin', '--json'], {
      env: modelEnv(server),
    });
    expect(r.stderr).not.toMatch(/internal error/);
    const out = JSON.parse(r.stdout);
    expect(out.tasks.map((t: TaskOut) => `${t.taskId}:${t.state}`)).toEqual([
      'TASK-001:skipped',
      'TASK-002:skipped',
      'TASK-003:failed',
    ]);
    expect(r.code).toBe(1);
    const asked = server.chatRequests().slice(before);
    expect(asked.length).toBeGreaterThan(0);
    for (const req of asked) expect(String(req.body.messages[0].content)).toContain(TASK_003_BROKEN.title);
    // No new commit; the ledger has no new run of the done tasks.
    expect(commitsOf(repo.remote, 'guardian/MVP', initial)).toHaveLength(2);
    const runs = readLedger(repo.root).filter((e) => e.event === 'start');
    expect(runs.filter((e) => e.taskId === 'TASK-001')).toHaveLength(1);
    expect(runs.filter((e) => e.taskId === 'TASK-003')).toHaveLength(2);
    // It continued TASK-003's bundle: the Coder's second attempt, with the Validator's report as feedback.
    const t3 = out.tasks[2] as TaskOut;
    expect(t3.run!.stations[0]!.station).toBe('code');
  }, 600_000);
});
