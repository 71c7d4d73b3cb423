/**
 * A full run of the Coder on a copy of examples/ts-todo-api: a scripted model (through the real openai
 * client and a local server) writes a failing test, sees it fail, implements TodoStore.complete, sees
 * the tests pass and finishes; the Validator then judges the patch.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest, verifyBundle } from '../../src/bundle/bundle.js';
import { runCoder, type CoderReport, type CoderResult } from '../../src/stations/coder/index.js';
import { runValidator } from '../../src/stations/validator/index.js';
import { callTool, callTools, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { llmFor, readJsonl, writeBundle } from './helpers.js';

const NEW_TEST = `  it('completes a todo and returns a copy, or undefined for an unknown id', () => {
    const store = new TodoStore(fixedNow);
    const todo = store.add({ title: 'Buy milk' });
    assert.equal(todo.completed, false);
    const done = store.complete(todo.id);
    assert.deepEqual(done, { ...todo, completed: true });
    assert.equal(store.get(todo.id)?.completed, true);
    assert.deepEqual(store.complete(todo.id), done);
    assert.equal(store.complete(99), undefined);
  });

  it('hands out copies, not the stored objects', () => {`;

const COMPLETE_METHOD = `  /** Marks a todo completed and returns a copy; undefined for an unknown id. */
  complete(id: number): Todo | undefined {
    const todo = this.todos.get(id);
    if (todo === undefined) return undefined;
    const done: Todo = { ...todo, completed: true };
    this.todos.set(id, done);
    return { ...done };
  }

  /** All todos, oldest first. */`;

const script = [
  callTool('read_file', { path: 'src/store.ts' }),
  callTool('read_file', { path: 'test/store.test.ts', start_line: 1, end_line: 60 }),
  // Implementation first: refused in phase red.
  callTool('edit_file', {
    path: 'src/todo.ts',
    old_string: '  readonly createdAt: string;\n}',
    new_string: '  readonly createdAt: string;\n  readonly completed: boolean;\n}',
  }),
  callTool('edit_file', {
    path: 'test/store.test.ts',
    old_string: "  it('hands out copies, not the stored objects', () => {",
    new_string: NEW_TEST,
  }),
  callTool('run_tests', {}),
  callTools([
    {
      name: 'edit_file',
      arguments: {
        path: 'src/todo.ts',
        old_string: '  readonly createdAt: string;\n}',
        new_string:
          '  readonly createdAt: string;\n  /** Whether the todo is done; false when created. */\n  readonly completed: boolean;\n}',
      },
    },
    {
      name: 'edit_file',
      arguments: {
        path: 'src/store.ts',
        old_string: 'createdAt: this.now().toISOString() };',
        new_string: 'createdAt: this.now().toISOString(), completed: false };',
      },
    },
    {
      name: 'edit_file',
      arguments: {
        path: 'src/store.ts',
        old_string: '  /** All todos, oldest first. */',
        new_string: COMPLETE_METHOD,
      },
    },
  ]),
  // finish before running the tests: refused
  callTool('finish', { summary: 'done' }),
  callTool('run_tests', {}),
  callTool('finish', {
    summary: 'Added Todo.completed (false on creation) and TodoStore.complete(id), test first.',
  }),
];

describe('Coder red → green on ts-todo-api', () => {
  let repo: TempRepo;
  let server: ScriptedServer;
  let result: CoderResult;
  let bundleDir: string;

  beforeAll(async () => {
    repo = makeRepo('ts-todo-api');
    bundleDir = writeBundle(repo, 'TASK-001');
    server = await startScriptedServer(script);
    result = await runCoder({
      root: repo.root,
      taskId: 'TASK-001',
      llm: llmFor(server),
      env: { ...process.env },
      budget: { maxTurns: 20 },
    });
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    repo?.cleanup();
  });

  it('finishes with passing tests after a recorded red phase', () => {
    expect(result.stopReason).toBe('finished');
    expect(result.ok).toBe(true);
    expect(result.turns).toBe(script.length);
    expect(result.redProof?.testFiles).toEqual(['test/store.test.ts']);
    expect(result.redProof?.exitCode).not.toBe(0);
    expect(result.changedFiles.sort()).toEqual(['src/store.ts', 'src/todo.ts', 'test/store.test.ts']);
    expect(result.summary).toMatch(/TodoStore.complete/);
  });

  it('refused the implementation in phase red and finish before the tests passed', () => {
    const tools = readJsonl(join(bundleDir, 'transcript.jsonl')).filter((e) => e.type === 'tool');
    const early = tools.find((t) => t.turn === 3)!;
    expect(early.ok).toBe(false);
    expect(String(early.result)).toMatch(/phase RED allows only test files/);
    const finishes = tools.filter((t) => t.name === 'finish');
    expect(finishes[0]!.ok).toBe(false);
    expect(String(finishes[0]!.result)).toMatch(/must pass after your last change/);
    expect(finishes[1]!.ok).toBe(true);
  });

  it('records both phases in the transcript', () => {
    const events = readJsonl(join(bundleDir, 'transcript.jsonl'));
    const phase = events.find((e) => e.type === 'phase')!;
    expect(phase).toMatchObject({ from: 'red', to: 'green', turn: 5 });
    const runs = events.filter((e) => e.type === 'tool' && e.name === 'run_tests');
    expect(runs.map((r) => r.phase)).toEqual(['red', 'green']);
    expect(String(runs[0]!.result)).toMatch(/FAILED[\s\S]*RED confirmed/);
    expect(String(runs[1]!.result)).toMatch(/PASSED/);
    expect(events.at(-1)).toMatchObject({ type: 'stop', reason: 'finished' });
  });

  it('writes changes.patch, coder.json and the manifest record', () => {
    const patch = readFileSync(join(bundleDir, 'changes.patch'), 'utf8');
    expect(patch).toContain('+  complete(id: number): Todo | undefined {');
    expect(patch).toContain('diff --git a/test/store.test.ts b/test/store.test.ts');
    const report = JSON.parse(readFileSync(join(bundleDir, 'coder.json'), 'utf8')) as CoderReport;
    expect(report).toMatchObject({ stopReason: 'finished', phase: 'green', tddEnforced: true, attempt: 1 });
    expect(report.testRuns.map((r) => r.passed)).toEqual([false, true]);
    const m = readManifest(bundleDir, 'TASK-001');
    expect(m.stations.code).toMatchObject({ status: 'ok', stopReason: 'finished', attempt: 1 });
    expect(m.stations.code?.usage?.promptTokens).toBeGreaterThan(0);
    expect(m.usage.costUsd).toBeGreaterThan(0);
    expect(verifyBundle(bundleDir)).toEqual([]);
    // the user's index is untouched: nothing staged
    expect(repo.git('diff', '--cached', '--name-only')).toBe('');
  });

  it('gave the model the rules and the task context as data', () => {
    const first = server.chatRequests()[0]!.body;
    const system = first.messages[0].content as string;
    expect(system).toMatch(/<task_context>[\s\S]*Mark a todo as completed[\s\S]*<\/task_context>/);
    expect(system).toMatch(/only these test commands can run/);
    expect(first.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual([
      'list_files',
      'read_file',
      'search_code',
      'write_file',
      'edit_file',
      'run_tests',
      'finish',
    ]);
  });

  it('produces a patch the Validator passes', async () => {
    // jobs: 1 — the example's 'test' check and its plan step both rebuild build/ in the same tree.
    const { report } = await runValidator({
      root: repo.root,
      taskId: 'TASK-001',
      env: { ...process.env },
      jobs: 1,
    });
    const failing = report.checks
      .filter((c) => c.outcome !== 'pass')
      .map((c) => `${c.name}: ${c.outputTail.slice(-400)}`);
    expect(failing).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(existsSync(join(bundleDir, 'validation.json'))).toBe(true);
  }, 240_000);
});
