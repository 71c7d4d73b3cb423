/**
 * The code job writes the model's key to a file in the runner's temporary folder for the Coder, after
 * the toolchain steps ran the repository's code. A file or symbolic link those steps left at that path
 * must not receive the key: through a link it would land wherever the link points, such as the Task
 * Bundle that the job uploads as an artifact. The step's script is taken from the workflow and run
 * with bash, as the runner runs it.
 */
import { afterAll, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readRepoFile } from './support.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

const steps = (
  parseYaml(readRepoFile('.github/workflows/assembly-line.yml')) as {
    jobs: Record<string, { steps: Step[] }>;
  }
).jobs.code!.steps;
const handover = steps.find((s) => s.env?.LLM_API_KEY)!;
const KEY = 'sk-review-key-0123456789abcdef';

const scratch = mkdtempSync(join(tmpdir(), 'guardian-key-handover-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The handover script in a fresh job: RUNNER_TEMP and a workspace with a Task Bundle folder. */
function job() {
  const base = mkdtempSync(join(scratch, 'job-'));
  const temp = join(base, 'temp');
  const bundle = join(base, 'work/.guardian/bundles/TASK-042');
  mkdirSync(temp, { recursive: true });
  mkdirSync(bundle, { recursive: true });
  const keyFile = join(temp, 'guardian-llm-key');
  const run = () => {
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', handover.run!], {
      cwd: join(base, 'work'),
      env: { PATH: process.env.PATH, RUNNER_TEMP: temp, LLM_API_KEY: KEY, KEY_FILE: keyFile },
      encoding: 'utf8',
    });
    return { code: r.status, stdout: r.stdout };
  };
  return { temp, bundle, keyFile, run };
}

test('the step writes to the file the Coder is told to read', () => {
  const coder = steps.find((s) => s.uses === '$/actions/code')!;
  expect(handover.env?.KEY_FILE).toBe('${{ runner.temp }}/guardian-llm-key');
  expect(coder.with?.['llm-api-key-file']).toBe(handover.env?.KEY_FILE);
  expect(handover.run).not.toContain('$RUNNER_TEMP');
});

test('the key is written to a new file only its owner can read', () => {
  const { keyFile, run } = job();
  expect(run()).toEqual({ code: 0, stdout: '' });
  expect(readFileSync(keyFile, 'utf8')).toBe(KEY);
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);
});

test('a symbolic link left at the path (into the Task Bundle) is refused: the key goes nowhere', () => {
  const { bundle, keyFile, run } = job();
  const target = join(bundle, 'notes.txt');
  symlinkSync(target, keyFile);
  const r = run();
  expect(r.code).toBe(1);
  expect(r.stdout).toBe(
    `::error title=Key file in the way::${keyFile} exists before this step wrote it (an earlier step of this job left it there); the model's key is not written\n`,
  );
  expect(existsSync(target)).toBe(false);
  expect(lstatSync(keyFile).isSymbolicLink()).toBe(true);
});

test('a symbolic link to an existing file is refused and the file is left as it was', () => {
  const { bundle, keyFile, run } = job();
  const target = join(bundle, 'task_context.md');
  writeFileSync(target, 'context\n');
  symlinkSync(target, keyFile);
  expect(run().code).toBe(1);
  expect(readFileSync(target, 'utf8')).toBe('context\n');
});

test('a regular file left at the path is refused and not overwritten', () => {
  const { keyFile, run } = job();
  writeFileSync(keyFile, 'planted');
  expect(run().code).toBe(1);
  expect(readFileSync(keyFile, 'utf8')).toBe('planted');
});
