/**
 * The one-job line takes the model's key and the job token from files it reads and removes when it
 * starts, so that no later process finds them on disk. A mistake in another input must not leave them
 * there: the files are read before any other input is checked.
 */
import { afterAll, afterEach, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as line } from '../../src/actions/line/main.js';
import type { TempRepo } from '../support/repo.js';
import { errorCommands, greetingRepo } from './harness.js';
import { runSource, STACK } from './hosts-harness.js';

const runnerTemp = mkdtempSync(join(tmpdir(), 'guardian-runner-temp-'));
afterAll(() => rmSync(runnerTemp, { recursive: true, force: true }));
const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function secretFiles(): { key: string; token: string } {
  const key = join(runnerTemp, 'guardian-llm-key');
  const token = join(runnerTemp, 'guardian-github-token');
  writeFileSync(key, 'sk-test-line-0123456789abcdef\n', { mode: 0o600 });
  writeFileSync(token, 'ghs_test0123456789abcdef0123456789\n', { mode: 0o600 });
  return { key, token };
}

test.each([
  ['task-id', { 'task-id': 'TASK 900' }, /^::error::input 'task-id': "TASK 900" is not a task id/],
  ['max-attempts', { 'task-id': 'TASK-900', 'max-attempts': 'many' }, /^::error::input 'max-attempts'/],
  ['model', { 'task-id': 'TASK-900', model: 'gpt 4' }, /^::error::input 'model'/],
  ['branch', { 'task-id': 'TASK-900', branch: 'a..b' }, /^::error::input 'branch'/],
])(
  'a bad %s input fails the step with its one message, and neither the key nor the token is left on disk',
  async (_name, inputs, message) => {
    const repo = greetingRepo();
    repos.push(repo);
    const { key, token } = secretFiles();
    const r = await runSource(line, {
      cwd: repo.root,
      inputs: { ...inputs, 'llm-api-key-file': key, 'github-token-file': token },
      env: { RUNNER_TEMP: runnerTemp },
    });
    expect(r.code).toBe(1);
    const errors = errorCommands(r);
    expect(errors).toEqual([expect.stringMatching(message)]);
    expect(r.stdout).not.toMatch(STACK);
    expect([existsSync(key), existsSync(token)]).toEqual([false, false]);
  },
);

test('both ways of giving the key: refused, and the token file is still read and removed', async () => {
  const repo = greetingRepo();
  repos.push(repo);
  const { key, token } = secretFiles();
  const r = await runSource(line, {
    cwd: repo.root,
    inputs: {
      'task-id': 'TASK-900',
      'llm-api-key-file': key,
      'llm-api-key': 'sk-test-line-also-0123456789',
      'github-token-file': token,
    },
    env: { RUNNER_TEMP: runnerTemp },
  });
  expect(r.code).toBe(1);
  expect(errorCommands(r)).toEqual([
    "::error::inputs 'llm-api-key-file' and 'llm-api-key' are both set; give the key one way",
  ]);
  expect(existsSync(token)).toBe(false);
});
