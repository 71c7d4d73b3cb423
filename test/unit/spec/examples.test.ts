import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { runCli } from '../../support/cli.js';
import { EXAMPLES } from '../../support/repo.js';

describe('the included examples', () => {
  test.each(['python-flask-users', 'ts-todo-api'])('%s lints clean', async (name) => {
    const r = await runCli(['lint', '--root', join(EXAMPLES, name), '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.problems).toEqual([]);
    expect(r.code).toBe(0);
    expect(j.tasks).toBe(3);
    expect(j.milestones).toBe(1);
  });

  test('ts-todo-api has exactly one dependency in its milestone', async () => {
    const r = await runCli(['list', '--root', join(EXAMPLES, 'ts-todo-api'), '--milestone', 'MVP', '--json']);
    const tasks = JSON.parse(r.stdout).tasks as { id: string; dependsOn: string[] }[];
    expect(tasks).toHaveLength(3);
    expect(tasks.flatMap((t) => t.dependsOn)).toHaveLength(1);
  });
});
