/**
 * Runs a built action (dist/<name>/index.js) as GitHub's runner would: inputs as INPUT_* variables,
 * outputs and the job summary through the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
 */
import { afterAll } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callTool, type ScriptStep } from '../support/llm-server.js';
import { debianFirstPath, makeRepo, PROJECT_ROOT, type TempRepo } from '../support/repo.js';

export const NODE24 = join(PROJECT_ROOT, 'node_modules/node24/bin/node');
export const NODES: [string, string][] = [
  ['Node 20', process.execPath],
  ['Node 24', NODE24],
];

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export function distEntry(name: string): string {
  const p = join(PROJECT_ROOT, 'dist', name, 'index.js');
  if (!existsSync(p)) throw new Error(`${p} is missing: run \`npm run build\` first`);
  return p;
}

/** Parses the GITHUB_OUTPUT file (`name<<DELIM\nvalue\nDELIM` blocks, or `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

interface RunOptions {
  cwd: string;
  inputs?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  node?: string;
  /** A command the action runs under (`unshare …`), its arguments first. */
  wrap?: string[];
  /** Where the GITHUB_OUTPUT (`output`) and GITHUB_STEP_SUMMARY (`summary`) files go (default: a new folder). */
  dir?: string;
}

const made: string[] = [];
// The output folders this harness made are removed when the test file is done.
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

function prepare(opts: RunOptions) {
  let dir = opts.dir;
  if (!dir) made.push((dir = mkdtempSync(join(tmpdir(), 'guardian-action-'))));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  // A clean environment: nothing of the machine's (or of a CI runner's own GITHUB_*) leaks in.
  const env: NodeJS.ProcessEnv = {
    PATH: debianFirstPath(),
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: opts.cwd,
    ...opts.env,
  };
  for (const [k, v] of Object.entries(opts.inputs ?? {})) env[`INPUT_${k.toUpperCase()}`] = v;
  const collect = (code: number | null, stdout: string, stderr: string): ActionRun => ({
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  });
  return { env, collect };
}

export function runAction(name: string, opts: RunOptions): ActionRun {
  const { env, collect } = prepare(opts);
  const argv = [...(opts.wrap ?? []), opts.node ?? process.execPath, distEntry(name)];
  const r = spawnSync(argv[0]!, argv.slice(1), {
    cwd: opts.cwd,
    env,
    encoding: 'utf8',
    timeout: 180_000,
  });
  return collect(r.status, r.stdout, r.stderr);
}

/** Like runAction, without blocking the event loop (for tests that serve HTTP in-process). */
export function runActionAsync(name: string, opts: RunOptions): Promise<ActionRun> {
  const { env, collect } = prepare(opts);
  return new Promise((resolve, reject) => {
    const argv = [...(opts.wrap ?? []), opts.node ?? process.execPath, distEntry(name)];
    const child = spawn(argv[0]!, argv.slice(1), { cwd: opts.cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve(collect(code, stdout, stderr)));
  });
}

/** The `::error::` lines a run printed (workflow commands), unescaped. */
export function errorCommands(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error'))
    .map((l) => l.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'));
}

export const GREETING_QUALITY = `[quality_checks]
tests = "python3 -m pytest -q tests/test_greeting.py"
`;

export const GREETING_BLUEPRINT = `---
id: TASK-900
title: "Greet users by name"
status: "pending"
branch: "feature/TASK-900-greeting"
relevant_tests:
  - "tests/test_greeting.py"
---
## 1. Goal
Greet a user by name.

## 2. Functional Acceptance Criteria
*   [ ] \`greet("Ada")\` returns \`Hello, Ada!\`

## 3. Implementation Plan
Add \`src/greeting.py\`.

## 4. Verification Plan
\`\`\`guardian
[
  {"description": "The greeting test passes.", "stage": "final-submit", "command": "python3 -m pytest -q tests/test_greeting.py", "expects": "pass"}
]
\`\`\`
`;

/**
 * The flask example with a small extra task (TASK-900) whose quality.toml runs one fast test file, so
 * that the Validator's verdict takes seconds.
 */
export function greetingRepo(): TempRepo {
  return makeRepo('python-flask-users', {
    files: { 'quality.toml': GREETING_QUALITY, 'specs/tasks/TASK-900_greeting.md': GREETING_BLUEPRINT },
  });
}

/** Writes TASK-900's change into the working tree: a test, and an implementation (right or wrong). */
export function writeGreetingChange(repo: TempRepo, greeting = 'Hello'): void {
  repo.write('src/greeting.py', `def greet(name: str) -> str:\n    return f"${greeting}, {name}!"\n`);
  repo.write(
    'tests/test_greeting.py',
    'from src.greeting import greet\n\n\ndef test_greet() -> None:\n    assert greet("Ada") == "Hello, Ada!"\n',
  );
}

/** TASK-900's test and implementation, as a scripted Coder writes them. */
export const GREETING_TEST_FILE =
  'from src.greeting import greet\n\n\ndef test_greet() -> None:\n    assert greet("Ada") == "Hello, Ada!"\n';
export const GREETING_IMPL = 'def greet(name: str) -> str:\n    return f"Hello, {name}!"\n';

/** A scripted Coder for TASK-900, test first: `before` comes first (a conftest.py a test needs, say). */
export function greetingCoderScript(before: ScriptStep[] = []): ScriptStep[] {
  return [
    ...before,
    callTool('write_file', { path: 'tests/test_greeting.py', content: GREETING_TEST_FILE }),
    callTool('run_tests', {}),
    callTool('write_file', { path: 'src/greeting.py', content: GREETING_IMPL }),
    callTool('run_tests', {}),
    callTool('finish', { summary: 'Added greet(name), test first.' }),
  ];
}

/**
 * A Python script that appends to `out` how many processes have `key` in their environment
 * (/proc/<pid>/environ); the key is spelled backwards in it, so the script itself holds it nowhere.
 */
export function procEnvScanner(key: string, out: string): string {
  return `import os
KEY = ${JSON.stringify([...key].reverse().join(''))}[::-1].encode()
found = 0
for pid in os.listdir("/proc"):
    if pid.isdigit():
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                found += KEY in f.read()
        except OSError:
            pass
with open(${JSON.stringify(out)}, "a") as f:
    f.write(f"{found}\\n")
`;
}
