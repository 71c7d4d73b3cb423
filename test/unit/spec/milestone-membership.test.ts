/**
 * Which milestone a task belongs to: a task listed by two milestones is committed by whichever runs
 * first (the other skips it as done), and a blueprint whose `milestone` field names a milestone that
 * does not list it is never run by that milestone. Both are warnings naming the file, line and field.
 */
import { describe, expect, test } from '@jest/globals';
import { runCli } from '../../support/cli.js';
import { blueprint, specDir } from './helpers.js';

const front = (id: string, more = '') => `id: ${id}\ntitle: "Task ${id}"\nstatus: pending${more}`;

async function lint(root: string) {
  const r = await runCli(['lint', '--root', root, '--json']);
  expect(r.stderr).toBe('');
  return { code: r.code, problems: JSON.parse(r.stdout).problems as Record<string, unknown>[] };
}

describe('milestone membership', () => {
  test('a task listed in two milestones is a warning on the second, naming the first', async () => {
    const root = specDir({
      'specs/tasks/TASK-1.md': blueprint(front('TASK-1')),
      'specs/tasks/TASK-2.md': blueprint(front('TASK-2')),
      'specs/milestones/A.md': '---\nid: A\ntitle: first\ntasks: [TASK-1]\n---\n',
      'specs/milestones/B.md': '---\nid: B\ntitle: second\ntasks:\n  - TASK-2\n  - TASK-1\n---\n',
    });
    const { code, problems } = await lint(root);
    expect(problems).toEqual([
      {
        file: 'specs/milestones/B.md',
        line: 4,
        field: 'tasks',
        severity: 'warning',
        message:
          'TASK-1 is also listed in milestone A (specs/milestones/A.md): a task belongs to one milestone — whichever milestone runs first commits it, and the other skips it as done',
      },
    ]);
    expect(code).toBe(0);
  });

  test("a blueprint's milestone field naming a milestone that does not list it", async () => {
    const root = specDir({
      'specs/tasks/TASK-1.md': blueprint(front('TASK-1', '\nmilestone: A')),
      'specs/tasks/TASK-2.md': blueprint(front('TASK-2', '\nmilestone: A')),
      'specs/tasks/TASK-3.md': blueprint(front('TASK-3', '\nmilestone: A')),
      'specs/milestones/A.md': '---\nid: A\ntitle: first\ntasks: [TASK-1]\n---\n',
      'specs/milestones/B.md': '---\nid: B\ntitle: second\ntasks: [TASK-2]\n---\n',
    });
    const { problems } = await lint(root);
    expect(problems).toEqual([
      {
        file: 'specs/tasks/TASK-2.md',
        line: 5,
        field: 'milestone',
        severity: 'warning',
        message:
          'milestone A (specs/milestones/A.md) does not list TASK-2 in its `tasks`, so running it will not run this task (milestone B lists it): add it there, or change this field',
      },
      {
        file: 'specs/tasks/TASK-3.md',
        line: 5,
        field: 'milestone',
        severity: 'warning',
        message:
          'milestone A (specs/milestones/A.md) does not list TASK-3 in its `tasks`, so running it will not run this task: add it there, or change this field',
      },
    ]);
  });

  test('a milestone listing its own tasks, each once, gives no warning', async () => {
    const root = specDir({
      'specs/tasks/TASK-1.md': blueprint(front('TASK-1', '\nmilestone: A')),
      'specs/tasks/TASK-2.md': blueprint(front('TASK-2')),
      'specs/milestones/A.md': '---\nid: A\ntitle: first\ntasks: [TASK-1, TASK-2]\n---\n',
    });
    expect((await lint(root)).problems).toEqual([]);
  });
});
