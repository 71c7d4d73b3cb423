/**
 * Hostile and mistaken action inputs (sources, in process): each ends in one `core.setFailed` message
 * naming the input, before anything is built; a secret's file is removed only where a step of the job
 * could have written it for Guardian.
 */
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { run as bundle } from '../../src/actions/bundle/main.js';
import { run as code } from '../../src/actions/code/main.js';
import { run as complete } from '../../src/actions/complete/main.js';
import { run as line } from '../../src/actions/line/main.js';
import { run as plan } from '../../src/actions/plan/main.js';
import type { TempRepo } from '../support/repo.js';
import { errorCommands, greetingRepo } from './harness.js';
import { runSource, STACK } from './hosts-harness.js';

let repo: TempRepo;
let scratch: string;
beforeAll(() => {
  repo = greetingRepo();
  scratch = mkdtempSync(join(tmpdir(), 'guardian-inputs-'));
});
afterEach(() => rmSync(join(repo.root, '.guardian'), { recursive: true, force: true }));
afterAll(() => {
  repo.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const mains = { bundle, code, complete, line, plan };

/** Refused before anything is built, where they used to fail late (after the model ran) or not name the input. */
const cases: [string, keyof typeof mains, string, string, RegExp][] = [
  [
    'bundle: branch HEAD',
    'bundle',
    'branch',
    'HEAD',
    /^input 'branch': "HEAD" is not a valid branch name; expected one like/,
  ],
  ['line: branch HEAD', 'line', 'branch', 'HEAD', /^input 'branch': "HEAD" is not a valid branch name/],
  [
    'complete: branch HEAD',
    'complete',
    'branch',
    'HEAD',
    /^input 'branch': "HEAD" is not a valid branch name/,
  ],
  [
    'bundle: a branch part of 300 bytes',
    'bundle',
    'branch',
    `feature/${'b'.repeat(300)}`,
    /^input 'branch': "feature\/b+…" has a part of 300 bytes; expected .* at most 200 bytes$/,
  ],
  [
    'bundle: a base-ref of 5000 bytes',
    'bundle',
    'base-ref',
    'x'.repeat(5000),
    /^input 'base-ref': "x+…" has a part of 5000 bytes/,
  ],
  [
    'bundle: a base-ref the checkout does not have',
    'bundle',
    'base-ref',
    'no-such-branch',
    /^input 'base-ref': "no-such-branch" is not a branch, tag or commit of the repository at .*, nor origin\/no-such-branch; expected one the checkout has/,
  ],
];

test.each(cases)('%s', async (_label, name, input, value, expected) => {
  const r = await runSource(mains[name], {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK-900', [input]: value },
  });
  expect(r.code).toBe(1);
  const errors = errorCommands(r);
  expect(errors).toHaveLength(1);
  expect(errors[0]!.replace(/^::error::/, '')).toMatch(expected);
  expect(errors[0]!.length).toBeLessThan(500);
  expect(r.stdout).not.toMatch(STACK);
  expect(r.outputs).toEqual({});
  expect(r.summary).toBe('');
  expect(existsSync(join(repo.root, '.guardian/bundles/TASK-900'))).toBe(false);
});

/** Values a workflow could pass by mistake or on purpose, and the one message each ends in. */
const hostile: [keyof typeof mains, string, string, string][] = [
  [
    'bundle',
    'task-id',
    'TASK-1\n::add-mask::x',
    `input 'task-id': "TASK-1\\n::add-mask::x" is not a task id; expected letters, digits and dashes (at most 64), like TASK-042`,
  ],
  [
    'bundle',
    'task-id',
    'TÄSK-1',
    `input 'task-id': "TÄSK-1" is not a task id; expected letters, digits and dashes (at most 64), like TASK-042`,
  ],
  [
    'bundle',
    'base-ref',
    '--upload-pack=touch x',
    `input 'base-ref': "--upload-pack=touch x" is not a valid git ref; expected a branch, tag or commit like main or feature/TASK-042`,
  ],
  [
    'bundle',
    'base-ref',
    'main\nx',
    `input 'base-ref': "main\\nx" is not a valid git ref; expected a branch, tag or commit like main or feature/TASK-042`,
  ],
  [
    'bundle',
    'token-budget',
    '99999999999999999999999',
    `input 'token-budget': 1e+23 is out of range; allowed values: 1000 to 2000000`,
  ],
  [
    'bundle',
    'token-budget',
    '٣٠٠٠',
    `input 'token-budget': "٣٠٠٠" is not a whole number; allowed values: 1000 to 2000000`,
  ],
  ['bundle', 'prestart', 'maybe', `input 'prestart': "maybe" is not a boolean; allowed values: true, false`],
  [
    'code',
    'max-attempts',
    '2.0',
    `input 'max-attempts': "2.0" is not a whole number; allowed values: 1 to 10`,
  ],
  [
    'code',
    'llm-base-url',
    'javascript:alert(1)',
    `input 'llm-base-url': "javascript:alert(1)" is not an http(s) URL`,
  ],
  ['complete', 'verdict', 'PASS', `input 'verdict': "PASS" is not allowed; allowed values: pass, fail`],
  [
    'complete',
    'patch-sha256',
    'A'.repeat(64),
    `input 'patch-sha256': "${'A'.repeat(64)}" is not a sha256; expected 64 lowercase hex digits`,
  ],
  [
    'plan',
    'schedule',
    '0 3 * * *\n::add-mask::x',
    `input 'schedule': "0 3 * * *\\n::add-mask::x" is not a cron expression; expected one line like "0 3 * * 1"`,
  ],
  [
    'plan',
    'milestone',
    '../MVP',
    `input 'milestone': "../MVP" is not a milestone id; expected letters, digits, dots, underscores and dashes, like MVP`,
  ],
];

test.each(hostile)('%s: %s %j ends in one message naming it', async (name, input, value, message) => {
  const inputs: Record<string, string> = name === 'plan' ? {} : { 'task-id': 'TASK-900' };
  const r = await runSource(mains[name], { cwd: repo.root, inputs: { ...inputs, [input]: value } });
  expect(r.code).toBe(1);
  expect(errorCommands(r)).toEqual([`::error::${message}`]);
  expect(r.stdout).not.toMatch(STACK);
  expect(r.outputs).toEqual({});
});

test("on a runner, a secret's file outside runner.temp and the workspace is refused and left alone", async () => {
  const runnerTemp = join(scratch, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  // A file of the runner's own that a mistaken path names: one short line, like a token.
  const precious = join(scratch, 'home', '.git-credentials-like');
  mkdirSync(join(scratch, 'home'), { recursive: true });
  const env = { RUNNER_TEMP: runnerTemp };
  for (const [main, input] of [
    [code, 'llm-api-key-file'],
    [line, 'llm-api-key-file'],
    [line, 'github-token-file'],
  ] as const) {
    for (const given of [precious, relative(repo.root, precious)]) {
      writeFileSync(precious, 'not-a-secret-for-guardian\n');
      const r = await runSource(main, {
        cwd: repo.root,
        inputs: { 'task-id': 'TASK-900', [input]: given },
        env,
      });
      expect(r.code).toBe(1);
      expect(errorCommands(r)).toEqual([
        `::error::input '${input}': ${JSON.stringify(given)} (${precious}) is outside the runner's temporary directory ${runnerTemp} (runner.temp) and the workspace ${repo.root}; expected a file a step of this job wrote there, like \${{ runner.temp }}/guardian-${input === 'github-token-file' ? 'github-token' : 'llm-key'} (it is removed once read, so nothing else is touched)`,
      ]);
      expect(existsSync(precious)).toBe(true);
    }
  }
  // Where the workflow writes it, the file is read and removed as before.
  const key = join(runnerTemp, 'guardian-llm-key');
  writeFileSync(key, 'sk-test-0123456789\n', { mode: 0o600 });
  const r = await runSource(code, {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK-900', 'llm-api-key-file': key },
    env,
  });
  expect(existsSync(key)).toBe(false);
  expect(errorCommands(r).join('\n')).not.toMatch(/llm-api-key-file/);
});
