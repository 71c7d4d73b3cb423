/** Test helpers for the Coder: a Task Bundle written by hand (as the Bundler would), and request checks. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleDirFor, newManifest, writeBundleFile, writeManifest } from '../../src/bundle/bundle.js';
import { loadProject, requireTask } from '../../src/spec/index.js';
import { sha256 } from '../../src/util/fs.js';
import type { TempRepo } from '../support/repo.js';
import type { LlmConfig } from '../../src/llm/index.js';
import type { ScriptedServer } from '../support/llm-server.js';
import { Sandbox } from '../../src/stations/coder/sandbox.js';
import type { Phase } from '../../src/stations/coder/tdd.js';
import { CoderTools, type AllowedCommand } from '../../src/stations/coder/tools.js';
import { silentLogger } from '../../src/util/log.js';

/** Creates `.guardian/bundles/<id>/` with task_context.md and a manifest based on HEAD. */
export function writeBundle(repo: TempRepo, taskId: string, extraContext = ''): string {
  const base = repo.git('rev-parse', 'HEAD');
  const project = loadProject(repo.root);
  const task = requireTask(project, taskId);
  const dir = bundleDirFor(repo.root, taskId);
  mkdirSync(dir, { recursive: true });
  const section = (k: keyof typeof task.sections) => task.sections[k]?.body ?? '';
  writeBundleFile(
    dir,
    'task_context.md',
    [
      `# ${task.id}: ${task.title}`,
      `## Task\n${section('goal')}`,
      `## Acceptance Criteria\n${section('acceptance_criteria')}`,
      `## Architectural Rules\n${section('architectural_constraints')}`,
      `## Relevant Existing Code\n${section('relevant_existing_code')}`,
      `## Verification Plan\n${section('verification_plan')}`,
      extraContext,
    ].join('\n\n'),
  );
  writeManifest(
    dir,
    newManifest({
      taskId,
      baseCommit: base,
      blueprintPath: task.path,
      blueprintSha256: sha256(readFileSync(join(repo.root, task.path))),
    }),
  );
  return dir;
}

export function llmFor(server: ScriptedServer, apiKey = 'sk-test-key-0123456789abcdef'): LlmConfig {
  return {
    apiKey,
    baseUrl: server.url,
    model: 'gpt-4.1',
    station: 'coder',
    sources: { model: 'test', baseUrl: 'test', apiKey: 'test' },
  };
}

/** The tool results the model received, by tool_call_id, from the last chat request. */
export function toolResults(server: ScriptedServer): string[] {
  const last = server.chatRequests().at(-1);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return ((last?.body?.messages ?? []) as any[])
    .filter((m) => m.role === 'tool')
    .map((m) => String(m.content));
}

export function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** A tiny Node project whose test command is `node --test test/*.test.mjs`. */
export const MINI_FILES: Record<string, string> = {
  '.gitignore': '.guardian/\nnode_modules\n',
  'quality.toml': '[quality_checks]\ntests = "node --test test/*.test.mjs"\n',
  'src/add.mjs': 'export function add(a, b) {\n  return a + b;\n}\n',
  'test/add.test.mjs':
    "import assert from 'node:assert/strict';\nimport { it } from 'node:test';\nimport { add } from '../src/add.mjs';\n\nit('adds', () => assert.equal(add(1, 2), 3));\n",
  'specs/tasks/TASK-001_mul.md': `---
id: TASK-001
title: "Add mul"
status: pending
---
## 1. Goal
Add a mul function.

## 2. Functional Acceptance Criteria
*   [ ] \`mul(a, b)\` returns the product.

## 4. Verification Plan
\`\`\`guardian
[
  { "description": "tests pass", "stage": "final-submit", "command": "node --test test/*.test.mjs", "expects": "pass" }
]
\`\`\`
`,
};

/**
 * The Coder's tools over `root` as the station sets them up, with one default test command (a plan step
 * unless `command` is a full AllowedCommand) and a minute of wall time.
 */
export function coderTools(
  root: string,
  command: string | Partial<AllowedCommand> = 'true',
  opts: { phase?: Phase; env?: NodeJS.ProcessEnv } = {},
): CoderTools {
  const allowed: AllowedCommand = {
    name: 'tests',
    command: 'true',
    timeoutMs: 60_000,
    env: {},
    isDefault: true,
    source: 'plan',
    ...(typeof command === 'string' ? { command } : command),
  };
  return new CoderTools(
    {
      root,
      sandbox: new Sandbox(root),
      commands: [allowed],
      env: opts.env ?? { ...process.env },
      secretEnv: [],
      relevantTests: [],
      signal: new AbortController().signal,
      remainingMs: () => 60_000,
      log: silentLogger,
    },
    opts.phase ?? 'green',
  );
}
