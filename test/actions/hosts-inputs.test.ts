/**
 * Action inputs (sources, in process): the `root` input, model names and URLs are checked with
 * messages that name the input; the bundle action sets its outputs only when the bundle exists.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run as bundle } from '../../src/actions/bundle/main.js';
import { run as code } from '../../src/actions/code/main.js';
import { run as line } from '../../src/actions/line/main.js';
import { run as security } from '../../src/actions/security/main.js';
import type { TempRepo } from '../support/repo.js';
import { errorCommands, greetingRepo } from './harness.js';
import { runSource, STACK } from './hosts-harness.js';

let repo: TempRepo;
beforeAll(() => {
  repo = greetingRepo();
});
afterAll(() => repo?.cleanup());

/** A failed run: exit 1, exactly one ::error:: (returned), no stack, no outputs. */
function failedOnce(r: Awaited<ReturnType<typeof runSource>>): string {
  expect(r.code).toBe(1);
  const errors = errorCommands(r);
  expect(errors).toHaveLength(1);
  expect(r.stdout).not.toMatch(STACK);
  expect(r.outputs).toEqual({});
  return errors[0]!;
}

describe('the root input', () => {
  test('a directory that does not exist is named as the root input, not as a missing git', async () => {
    const r = await runSource(bundle, {
      cwd: repo.root,
      inputs: { 'task-id': 'TASK-900', root: '/nonexistent/x' },
    });
    expect(failedOnce(r)).toMatch(
      /^::error::input 'root': "\/nonexistent\/x" does not exist \(\/nonexistent\/x\); expected the repository's working tree/,
    );
    expect(r.stdout).not.toMatch(/ENOENT/);
  });

  test.each(['/etc', '../..'])('%s, outside the workspace, is refused', async (root) => {
    const r = await runSource(bundle, { cwd: repo.root, inputs: { 'task-id': 'TASK-900', root } });
    expect(failedOnce(r)).toMatch(
      new RegExp(
        `^::error::input 'root': "${root.replace(/\./g, '\\.')}" \\(.+\\) is outside the workspace .+ \\(GITHUB_WORKSPACE\\)`,
      ),
    );
  });

  test('a file is not a directory', async () => {
    const r = await runSource(bundle, {
      cwd: repo.root,
      inputs: { 'task-id': 'TASK-900', root: 'quality.toml' },
    });
    expect(failedOnce(r)).toMatch(/^::error::input 'root': "quality\.toml" is not a directory/);
  });

  test('a directory in the workspace that is not in a git repository is refused as such', async () => {
    const outside = join(repo.root, '..', 'plain');
    mkdirSync(outside, { recursive: true });
    const r = await runSource(bundle, {
      cwd: outside,
      inputs: { 'task-id': 'TASK-900' },
    });
    expect(failedOnce(r)).toMatch(/^::error::input 'root': "\." \(.+plain\) is not in a git repository/);
    expect(r.stdout).not.toMatch(/unknown git ref/);
  });

  test('a repository in a subdirectory of the workspace is accepted', async () => {
    const r = await runSource(bundle, {
      cwd: join(repo.root, '..'),
      inputs: { 'task-id': 'TASK-999', root: 'work' },
    });
    // Past the root check: the next error is about the task.
    expect(failedOnce(r)).not.toMatch(/input 'root'/);
  });
});

describe('the bundle action sets its outputs only on success', () => {
  test('an unknown task: no base-commit, branch or bundle-path', async () => {
    const r = await runSource(bundle, { cwd: repo.root, inputs: { 'task-id': 'TASK-999' } });
    expect(failedOnce(r)).toMatch(/TASK-999/);
    expect(existsSync(join(repo.root, '.guardian/bundles/TASK-999'))).toBe(false);
  });

  test('a failing pre-start check: no outputs', async () => {
    const broken = greetingRepo();
    try {
      broken.write(
        'specs/tasks/TASK-900_greeting.md',
        readBlueprint(broken).replace(
          '"stage": "final-submit"',
          '"stage": "pre-start", "command": "false", "expects": "pass"}, {"description": "x", "stage": "final-submit"',
        ),
      );
      broken.git('commit', '-qam', 'a pre-start step that fails');
      const r = await runSource(bundle, { cwd: broken.root, inputs: { 'task-id': 'TASK-900' } });
      expect(failedOnce(r)).toMatch(/the pre-start checks fail at the base/);
    } finally {
      broken.cleanup();
    }
  });

  test('success sets them (the same run, nothing else changed)', async () => {
    const r = await runSource(bundle, {
      cwd: repo.root,
      inputs: { 'task-id': 'TASK-900', prestart: 'false' },
    });
    expect(errorCommands(r)).toEqual([]);
    expect(r.outputs['base-commit']).toBe(repo.git('rev-parse', 'HEAD'));
    expect(r.outputs.branch).toBe('feature/TASK-900-greeting');
    expect(r.outputs['bundle-path']).toBe(join(repo.root, '.guardian/bundles/TASK-900'));
  });
});

test('line: open-pr without GITHUB_REPOSITORY fails before the line runs (nothing bundled, committed or pushed)', async () => {
  const fresh = greetingRepo();
  try {
    const r = await runSource(line, {
      cwd: fresh.root,
      inputs: { 'task-id': 'TASK-900', 'open-pr': 'true', 'github-token': 'ghs_test-token' },
    });
    expect(failedOnce(r)).toMatch(/^::error::GITHUB_REPOSITORY is not set: cannot open a pull request/);
    expect(existsSync(join(fresh.root, '.guardian'))).toBe(false);
    expect(fresh.git('--git-dir', fresh.remote, 'branch', '--list')).toBe('* main');
  } finally {
    fresh.cleanup();
  }
});

function readBlueprint(r: TempRepo): string {
  return r.git('show', 'HEAD:specs/tasks/TASK-900_greeting.md') + '\n';
}

describe('model and URL inputs', () => {
  const cases: [string, () => Promise<void>, Record<string, string>, RegExp][] = [
    [
      'code: model with a line break',
      code,
      { model: 'gpt-4.1\nother' },
      /^::error::input 'model': "gpt-4\.1\\nother" is not a model name; expected one word/,
    ],
    [
      'code: a 100 KB model',
      code,
      { model: 'x'.repeat(100_000) },
      /^::error::input 'model': the model name is 100000 characters long; expected at most 200/,
    ],
    [
      'security: model with a space',
      security,
      { model: 'gpt 4' },
      /^::error::input 'model': "gpt 4" is not a model name/,
    ],
    [
      'line: coder-model too long',
      line,
      { 'coder-model': 'm'.repeat(201) },
      /^::error::input 'coder-model': the model name is 201 characters long/,
    ],
    [
      'code: llm-base-url with an embedded line break',
      code,
      { 'llm-base-url': 'http://127.0.0.1:9/v\n1' },
      /^::error::input 'llm-base-url': "http:\/\/127\.0\.0\.1:9\/v\\n1" contains whitespace or a line break/,
    ],
  ];
  test.each(cases)('%s', async (_name, main, inputs, expected) => {
    const r = await runSource(main, { cwd: repo.root, inputs: { 'task-id': 'TASK-900', ...inputs } });
    const error = failedOnce(r);
    expect(error).toMatch(expected);
    expect(error.length).toBeLessThan(400);
    expect(r.summary).toBe('');
  });

  test('a model name of 200 characters is accepted', async () => {
    const r = await runSource(code, {
      cwd: repo.root,
      inputs: { 'task-id': 'TASK-900', model: 'm'.repeat(200) },
    });
    // Past the input check: what fails next is the bundle, not the model name.
    expect(errorCommands(r).join('\n')).not.toMatch(/input 'model'/);
  });
});
