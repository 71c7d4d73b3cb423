/**
 * Runs an action's sources (src/actions/<name>/main.ts) in this process, as the runner would run the
 * built one: inputs as INPUT_* variables, outputs and the job summary through the GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, workflow commands on stdout, the result in process.exitCode.
 */
import { afterAll } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { debianFirstPath } from '../support/repo.js';
import { parseOutputFile, type ActionRun } from './harness.js';

// core.summary remembers the file of its first write: one summary file for the whole test file.
const scratch = mkdtempSync(join(tmpdir(), 'guardian-hosts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const summaryFile = join(scratch, 'summary');
let runs = 0;

/** Variables of this machine that would change what an action does. */
const SCRUB = /^(INPUT_|GITHUB_|GUARDIAN_|OPENAI_|RUNNER_)/;

export async function runSource(
  main: () => Promise<void>,
  opts: { cwd: string; inputs?: Record<string, string>; env?: Record<string, string | undefined> },
): Promise<ActionRun> {
  const outputFile = join(scratch, `output-${++runs}`);
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (SCRUB.test(k)) delete process.env[k];
  Object.assign(process.env, {
    // The system's python first (the examples' tools), as the subprocess harness does.
    PATH: debianFirstPath(),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: opts.cwd,
  });
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  for (const [k, v] of Object.entries(opts.inputs ?? {})) process.env[`INPUT_${k.toUpperCase()}`] = v;

  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  process.exitCode = undefined;
  try {
    await main();
  } finally {
    process.stdout.write = write;
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return {
    code,
    stdout,
    stderr: '',
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

/** No stack trace anywhere in what the run printed. */
export const STACK = /\n\s+at |internal error/;
