/**
 * The built actions as black boxes, under Node 20 and Node 24: INPUT_* in, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY out, against temporary copies of the flask example with a bare `origin`.
 */
import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TempRepo } from '../support/repo.js';
import { errorCommands, greetingRepo, NODES, runAction, writeGreetingChange } from './harness.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});
const track = (r: TempRepo) => (repos.push(r), r);

const ACTIONS = ['bundle', 'security', 'code', 'validate', 'complete', 'line'];

// One repository for the tests that must fail before touching anything.
let untouched: TempRepo | undefined;
const shared = () => (untouched ??= greetingRepo());
afterAll(() => untouched?.cleanup());

describe.each(NODES)('%s', (_label, node) => {
  test('validate sets verdict; complete commits exactly the judged patch and pushes it to the bare remote', () => {
    const repo = track(greetingRepo());
    writeGreetingChange(repo);
    const v = runAction('validate', { cwd: repo.root, inputs: { 'task-id': 'TASK-900' }, node });
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    expect(v.outputs.verdict).toBe('pass');
    expect(v.outputs['patch-sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(v.summary).toContain('### ✅ Validator: pass — TASK-900');
    expect(v.summary).toMatch(/\| tdd:red-green \| tdd \| ✅ pass \|/);

    const c = runAction('complete', {
      cwd: repo.root,
      inputs: {
        'task-id': 'TASK-900',
        verdict: 'pass',
        'patch-sha256': v.outputs['patch-sha256']!,
        push: 'true',
      },
      node,
    });
    expect(c.code).toBe(0);
    expect(c.outputs.branch).toBe('feature/TASK-900-greeting');
    expect(c.outputs['commit-sha']).toMatch(/^[0-9a-f]{40}$/);
    const remote = (...args: string[]) => repo.git('--git-dir', repo.remote, ...args);
    expect(remote('rev-parse', 'refs/heads/feature/TASK-900-greeting')).toBe(c.outputs['commit-sha']);
    expect(remote('log', '-1', '--format=%s', 'feature/TASK-900-greeting')).toBe(
      'feat(TASK-900): Greet users by name',
    );
    expect(
      remote('show', '--name-only', '--format=', 'feature/TASK-900-greeting').split('\n').sort(),
    ).toEqual(['specs/tasks/TASK-900_greeting.md', 'src/greeting.py', 'tests/test_greeting.py']);
    expect(c.summary).toContain('### ✅ Completed TASK-900');
    expect(c.summary).toContain(c.outputs['commit-sha']);
  });

  test.each(ACTIONS)('%s: a bad task-id fails with a clear message and no stack', (name) => {
    const repo = shared();
    const r = runAction(name, { cwd: repo.root, inputs: { 'task-id': '../../etc/passwd' }, node });
    expect(r.code).toBe(1);
    expect(errorCommands(r)).toEqual([
      `::error::input 'task-id': "../../etc/passwd" is not a task id; expected letters, digits and dashes (at most 64), like TASK-042`,
    ]);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(repo.root, '.guardian'))).toBe(false);
  });
});
