/**
 * The bundle step runs repository code (quality.toml's [setup] commands and the verification plan's
 * pre-start steps) at the base commit, which in a milestone holds code an earlier task's model wrote.
 * Its outputs fix the branch the complete job pushes to and the base every later job works on, so
 * what that code writes to the step's file commands is taken back before the outputs are set, and the
 * step fails.
 */
import { afterEach, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as bundle } from '../../src/actions/bundle/main.js';
import type { TempRepo } from '../support/repo.js';
import { errorCommands, GREETING_BLUEPRINT, greetingRepo } from './harness.js';
import { runSource, STACK } from './hosts-harness.js';

const repos: TempRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** TASK-900 with a pre-start step that runs `sh scripts/pre.sh` (the repository's own code). */
function repoWithPrestart(script: string): TempRepo {
  const repo = greetingRepo();
  repos.push(repo);
  repo.write('scripts/pre.sh', script);
  repo.write(
    'specs/tasks/TASK-900_greeting.md',
    GREETING_BLUEPRINT.replace(
      '[\n',
      '[\n  {"description": "The repository is ready.", "stage": "pre-start", "command": "sh scripts/pre.sh", "expects": "pass"},\n',
    ),
  );
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'a pre-start step');
  repo.git('push', '-q', 'origin', 'main');
  return repo;
}

function envFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guardian-step-env-'));
  dirs.push(dir);
  const file = join(dir, 'env');
  writeFileSync(file, '');
  return file;
}

test("a pre-start step that writes the step's file commands (the branch output, a variable for the next step) fails the step, and the files are put back", async () => {
  const env = envFile();
  const forged = join(dirs[dirs.length - 1]!, 'output-path');
  // The step's output file is not in the checks' environment; the script reaches it through a path the
  // test writes into the repository, as code that found it in the runner's file-commands folder would.
  const repo = repoWithPrestart(
    `out=$(cat "${forged}")\nprintf 'branch=main\\nbase-commit=0000000000000000000000000000000000000000\\n' >>"$out"\nprintf 'LD_PRELOAD=/tmp/evil.so\\n' >>"${env}"\n`,
  );
  let outputPath = '';
  // runSource names the output file; the test learns it from GITHUB_OUTPUT once the action runs.
  const r = await runSource(
    async () => {
      outputPath = process.env.GITHUB_OUTPUT!;
      writeFileSync(forged, outputPath);
      await bundle();
    },
    { cwd: repo.root, inputs: { 'task-id': 'TASK-900' }, env: { GITHUB_ENV: env } },
  );
  expect(r.code).toBe(1);
  expect(errorCommands(r)).toEqual([
    "::error::TASK-900: the pre-start checks reach past the step: something the checks started wrote to GITHUB_OUTPUT, GITHUB_ENV (put back as it was); the step's outputs (base commit, branch) are not set and no Task Bundle is handed on",
  ]);
  expect(r.stdout).not.toMatch(STACK);
  // Not one line the script wrote is left for the runner to read, and no output names a branch.
  expect(readFileSync(outputPath, 'utf8')).not.toMatch(/branch=main|base-commit=0000/);
  expect(r.outputs.branch).toBeUndefined();
  expect(r.outputs['base-commit']).toBeUndefined();
  expect(readFileSync(env, 'utf8')).toBe('');
});

test('the same pre-start step without the writes: the step passes and its outputs are the real branch and base', async () => {
  const repo = repoWithPrestart('true\n');
  const env = envFile();
  const r = await runSource(bundle, {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK-900' },
    env: { GITHUB_ENV: env },
  });
  expect(errorCommands(r)).toEqual([]);
  expect(r.outputs.branch).toBe('feature/TASK-900-greeting');
  expect(r.outputs['base-commit']).toBe(repo.git('rev-parse', 'HEAD'));
  expect(existsSync(join(repo.root, '.guardian/bundles/TASK-900/manifest.json'))).toBe(true);
});

test('a failing pre-start step: the step fails with its report in the job summary, which the guard leaves alone', async () => {
  const repo = repoWithPrestart('echo "the fixture is missing" >&2\nexit 3\n');
  const r = await runSource(bundle, {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK-900' },
    env: { GITHUB_ENV: envFile() },
  });
  expect(r.code).toBe(1);
  expect(errorCommands(r).filter((l) => l.startsWith('::error::'))).toEqual([
    expect.stringMatching(/^::error::TASK-900: the pre-start checks fail at the base [0-9a-f]{12} \(/),
  ]);
  expect(r.summary).toContain('### ❌ Validator: fail — TASK-900');
  expect(r.summary).toContain('the fixture is missing');
  expect(r.outputs.branch).toBeUndefined();
});
