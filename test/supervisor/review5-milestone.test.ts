/**
 * The milestone's own logic, end to end on real repositories: what a dry run does with a task whose
 * dependency it cannot commit, parallel tasks whose changes meet or that stop out of order, a milestone
 * with nothing left to do, a milestone branch that its base has moved past, and the messages for a
 * cycle and for a task no blueprint defines.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLedger } from '../../src/supervisor/ledger.js';
import { runCli } from '../support/cli.js';
import type { ScriptedServer } from '../support/llm-server.js';
import { makeRepo } from '../support/repo.js';
import {
  ARITHMETIC,
  arithmeticBlueprint,
  arithmeticChange,
  commitsOf,
  modelEnv,
  MUL,
  noModelEnv,
  startTaskModel,
  SUB,
  type TaskChange,
} from './helpers.js';

interface TaskOut {
  taskId: string;
  state: string;
  reason?: string;
  run?: { usage: { promptTokens: number; completionTokens: number }; commit?: string };
}

const DIV = arithmeticChange('div', 'Divide two numbers', '/', 2);
/** MUL and SUB, each also writing the same new file: the second change no longer applies after the first. */
const withIndex = (c: TaskChange, name: string): TaskChange => ({
  ...c,
  code: [...c.code, { path: 'src/index.mjs', old: '', new: `export * from './${name}.mjs';\n` }],
});
const MUL_INDEX = withIndex(MUL, 'mul');
const SUB_INDEX = withIndex(SUB, 'sub');
const tokens = (t: TaskOut) => (t.run ? t.run.usage.promptTokens + t.run.usage.completionTokens : 0);

describe('guardian milestone: scheduling and reports', () => {
  let server: ScriptedServer;

  beforeAll(async () => {
    server = await startTaskModel([MUL, SUB, DIV]);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a dry run passes without trying a task whose dependency it does not commit, and records no blocked run for it', async () => {
    const repo = makeRepo(undefined, {
      files: {
        ...ARITHMETIC,
        'specs/tasks/TASK-103_div.md': arithmeticBlueprint(
          'TASK-103',
          'div',
          'Divide two numbers',
          'depends_on: [TASK-101]\n',
        ),
        'specs/milestones/M1.md': '---\nid: M1\ntitle: "Arithmetic"\ntasks: [TASK-101, TASK-103]\n---\n',
      },
    });
    try {
      const r = await runCli(['milestone', 'M1', '--root', repo.root, '--dry-run', '--json'], {
        env: modelEnv(server),
      });
      expect(r.stderr).not.toMatch(/internal error/);
      const out = JSON.parse(r.stdout);
      expect(out.outcome).toBe('validated');
      expect(r.code).toBe(0);
      expect(out.tasks.map((t: TaskOut) => `${t.taskId}:${t.state}`)).toEqual([
        'TASK-101:validated',
        'TASK-103:not_run',
      ]);
      expect(out.tasks[1].reason).toMatch(/depends on TASK-101.*not committed/);
      expect(out.message).toMatch(/1 task\(s\) not tried/);
      // `guardian status` keeps saying TASK-103 never ran: a dry run's limit is not a run of it.
      expect(readLedger(repo.root).filter((e) => e.taskId === 'TASK-103')).toEqual([]);
    } finally {
      repo.cleanup();
    }
  }, 60_000);

  it('makes a parallel task again on top of the tip when its change no longer applies there, counting both runs', async () => {
    const model = await startTaskModel([MUL_INDEX, SUB_INDEX]);
    const repo = makeRepo(undefined, { files: ARITHMETIC });
    try {
      const r = await runCli(['milestone', 'M1', '--root', repo.root, '--parallel', '2', '--json'], {
        env: modelEnv(model),
      });
      expect(r.stderr).not.toMatch(/internal error/);
      const out = JSON.parse(r.stdout);
      expect(out.tasks.map((t: TaskOut) => `${t.taskId}:${t.state}`)).toEqual([
        'TASK-101:done',
        'TASK-102:done',
      ]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(
        /TASK-102: its change, made in its worktree on an earlier commit, does not apply/,
      );
      const commits = commitsOf(repo.root, 'guardian/M1', 'main');
      expect(commits.map((c) => c.trailers['Task-Id'])).toEqual(['TASK-101', 'TASK-102']);
      // As in a sequential run: the second task's Coder wrote the file over the first one's.
      expect(readFileSync(join(repo.root, 'src/index.mjs'), 'utf8')).toBe("export * from './sub.mjs';\n");
      // The figures add up: the milestone's total is the tasks' sum, and TASK-102 counts both its runs.
      const [t101, t102] = out.tasks as TaskOut[];
      expect(tokens(t102!)).toBeGreaterThan(tokens(t101!) * 1.5);
      expect(out.usage.promptTokens + out.usage.completionTokens).toBe(tokens(t101!) + tokens(t102!));
      // `guardian status` counts every run of a task in that milestone run too, not only the last one.
      const status = JSON.parse(
        (
          await runCli(['status', '--milestone', 'M1', '--root', repo.root, '--json'], {
            env: modelEnv(model),
          })
        ).stdout,
      );
      for (const [i, t] of (out.tasks as TaskOut[]).entries()) {
        const row = status.tasks[i];
        expect(row.lastRun.outcome).toBe('committed');
        expect(row.milestoneRunTotal.usage.promptTokens + row.milestoneRunTotal.usage.completionTokens).toBe(
          tokens(t),
        );
      }
    } finally {
      await model.close();
      repo.cleanup();
    }
  }, 60_000);

  it('commits a parallel task that comes first in run order even when a later one failed before it finished', async () => {
    const slow = `\n  { "description": "baseline", "stage": "pre-start", "command": "sleep 1", "expects": "pass" },`;
    const broken = `\n  { "description": "broken baseline", "stage": "pre-start", "command": "exit 1", "expects": "pass" },`;
    const repo = makeRepo(undefined, {
      files: {
        ...ARITHMETIC,
        'specs/tasks/TASK-101_mul.md': arithmeticBlueprint(
          'TASK-101',
          'mul',
          'Multiply two numbers',
          '',
          slow,
        ),
        'specs/tasks/TASK-102_sub.md': arithmeticBlueprint(
          'TASK-102',
          'sub',
          'Subtract two numbers',
          '',
          broken,
        ),
      },
    });
    try {
      const r = await runCli(['milestone', 'M1', '--root', repo.root, '--parallel', '2', '--json'], {
        env: modelEnv(server),
      });
      expect(r.stderr).not.toMatch(/internal error/);
      const out = JSON.parse(r.stdout);
      expect(out.tasks.map((t: TaskOut) => `${t.taskId}:${t.state}`)).toEqual([
        'TASK-101:done',
        'TASK-102:failed',
      ]);
      expect(out).toMatchObject({ outcome: 'failed', failedTask: 'TASK-102' });
      expect(r.code).toBe(1);
      expect(commitsOf(repo.root, 'guardian/M1', 'main').map((c) => c.trailers['Task-Id'])).toEqual([
        'TASK-101',
      ]);
      // `guardian status` says why TASK-102 stopped, naming its report where it is now: the worktree it
      // ran in is gone, its bundle came back to the main checkout.
      const report = join(repo.root, '.guardian/bundles/TASK-102/prestart.md');
      expect(readFileSync(report, 'utf8')).toMatch(/Pre-start checks of TASK-102: FAIL/);
      const status = await runCli(['status', '--milestone', 'M1', '--root', repo.root], {
        env: modelEnv(server),
      });
      expect(status.stdout).toContain(`TASK-102 failed: TASK-102: pre-start checks failed at the base`);
      expect(status.stdout).toContain(`(report: ${report})`);
      // The ledger itself names the copy in the main checkout, not the removed worktree.
      const end = readLedger(repo.root).filter((e) => e.taskId === 'TASK-102' && e.event === 'end');
      expect(end.at(-1)?.message).toContain(`(report: ${report})`);
      expect(JSON.stringify(end)).not.toContain('guardian-task-');
    } finally {
      repo.cleanup();
    }
  }, 60_000);
});

describe('guardian milestone: the checkout and messages', () => {
  const env = noModelEnv();

  it('leaves the checkout on its branch when every task is already done', async () => {
    const done = (s: string) => s.replace('status: pending', 'status: done');
    const repo = makeRepo(undefined, {
      files: {
        ...ARITHMETIC,
        'specs/tasks/TASK-101_mul.md': done(ARITHMETIC['specs/tasks/TASK-101_mul.md']!),
        'specs/tasks/TASK-102_sub.md': done(ARITHMETIC['specs/tasks/TASK-102_sub.md']!),
      },
    });
    try {
      const r = await runCli(['milestone', 'M1', '--root', repo.root, '--json'], { env });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).outcome).toBe('done');
      expect(repo.git('branch', '--show-current')).toBe('main');
      expect(repo.git('branch', '--list', 'guardian/M1')).toBe('');
    } finally {
      repo.cleanup();
    }
  });

  it('says when the milestone branch lacks commits of the branch it was run from, and how to unblock a task', async () => {
    const pow = (status: string) =>
      arithmeticBlueprint('TASK-100', 'pow', 'Raise to a power')
        .replace('milestone: M1\n', '')
        .replace('status: pending', `status: ${status}`);
    const repo = makeRepo(undefined, {
      files: {
        ...ARITHMETIC,
        'specs/tasks/TASK-100_pow.md': pow('pending'),
        'specs/tasks/TASK-101_mul.md': arithmeticBlueprint(
          'TASK-101',
          'mul',
          'Multiply two numbers',
          'depends_on: [TASK-100]\n',
        ),
      },
    });
    try {
      const first = await runCli(['milestone', 'M1', '--root', repo.root], { env });
      expect(first.code).toBe(0);
      // The note column is cut to fit; the whole reason, with its command, follows the table.
      expect(first.stdout).toContain(
        'TASK-101 blocked: depends on TASK-100 (outside the milestone), not done on guardian/M1: complete it there first (`guardian run TASK-100 --branch guardian/M1`)',
      );
      // `guardian status` says it too: why each task stopped short, with the command that goes on.
      const status = await runCli(['status', '--milestone', 'M1', '--root', repo.root], { env });
      expect(status.stdout).toContain(
        'TASK-101 blocked: depends on TASK-100 (outside the milestone), not done on guardian/M1: complete it there first (`guardian run TASK-100 --branch guardian/M1`)',
      );
      expect(status.stdout).toMatch(
        /^TASK-102 paused: TASK-102: no model configured .*guardian run TASK-102 --resume --branch guardian\/M1/m,
      );
      // TASK-100 is done on main meanwhile; the milestone branch, made before, does not have it.
      repo.git('switch', '--quiet', '--discard-changes', 'main');
      repo.write('specs/tasks/TASK-100_pow.md', pow('done'));
      repo.git('commit', '--quiet', '-am', 'TASK-100 done');
      const second = await runCli(['milestone', 'M1', '--root', repo.root], { env });
      expect(second.stderr).toContain(
        'warning: guardian/M1 does not have 1 commit(s) of main: the milestone continues from guardian/M1 as it is',
      );
      expect(second.stderr).toContain('`git merge main` on guardian/M1');
    } finally {
      repo.cleanup();
    }
  });

  it('names the blueprint file and line of a dependency cycle', async () => {
    const repo = makeRepo(undefined, {
      files: {
        ...ARITHMETIC,
        'specs/tasks/TASK-101_mul.md': arithmeticBlueprint(
          'TASK-101',
          'mul',
          'Multiply two numbers',
          'depends_on: [TASK-102]\n',
        ),
        'specs/tasks/TASK-102_sub.md': arithmeticBlueprint(
          'TASK-102',
          'sub',
          'Subtract two numbers',
          'depends_on: [TASK-101]\n',
        ),
      },
    });
    try {
      const r = await runCli(['milestone', 'M1', '--root', repo.root], { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'TASK-101 → TASK-102 → TASK-101 (specs/tasks/TASK-101_mul.md:7: depends_on)',
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(repo.git('branch', '--show-current')).toBe('main');
    } finally {
      repo.cleanup();
    }
  });

  it("refuses a milestone whose tasks' blueprints are invalid with their own errors, and runs nothing", async () => {
    const repo = makeRepo(undefined, {
      files: {
        ...ARITHMETIC,
        'specs/tasks/TASK-201_a.md': '---\nid: TASK-201\ntitle: "a"\nstatus: wat\n---\nnothing\n',
        'specs/tasks/TASK-202_b.md': '---\nid: TASK-202\n---\n',
        'specs/milestones/M3.md': '---\nid: M3\ntitle: "x"\ntasks: [TASK-201, TASK-202]\n---\n',
      },
    });
    try {
      const r = await runCli(['milestone', 'M3', '--root', repo.root], { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('specs/milestones/M3.md:4: error: tasks: names TASK-201, whose blueprint');
      expect(r.stderr).toContain('specs/tasks/TASK-201_a.md:4: error: status: expected one of');
      expect(r.stderr).toContain('specs/tasks/TASK-202_b.md:1: error: title: missing required field');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(repo.git('branch', '--show-current')).toBe('main');
      expect(readLedger(repo.root)).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });

  it('status of a milestone says which of its tasks no blueprint defines', async () => {
    const repo = makeRepo(undefined, {
      files: {
        ...ARITHMETIC,
        'specs/milestones/M1.md': '---\nid: M1\ntitle: "Arithmetic"\ntasks: [TASK-101, TASK-999]\n---\n',
      },
    });
    try {
      const text = await runCli(['status', '--milestone', 'M1', '--root', repo.root], { env });
      expect(text.stdout).toMatch(/^TASK-101\s+pending/m);
      expect(text.stdout).toContain(
        'note: specs/milestones/M1.md: milestone M1 lists TASK-999, which no blueprint defines',
      );
      const json = JSON.parse(
        (await runCli(['status', '--milestone', 'M1', '--root', repo.root, '--json'], { env })).stdout,
      );
      expect(json.notes).toEqual([expect.stringContaining('lists TASK-999')]);
    } finally {
      repo.cleanup();
    }
  });
});
