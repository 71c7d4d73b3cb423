/**
 * What the Supervisor's end-to-end tests share: the changes that implement the ts-todo-api tasks (as a
 * developer would make them by hand, or as a scripted model makes them through the Coder's tools), a
 * scripted model server that plays every task of a milestone, and small git readers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  callTool,
  callTools,
  reply,
  startScriptedServer,
  type RecordedRequest,
  type ScriptStep,
  type ScriptedServer,
} from '../support/llm-server.js';
import { EXAMPLES, gitIn, makeRepo, type TempRepo } from '../support/repo.js';

/** An exact search-and-replace in one file (the Coder's edit_file); `old === ''` writes a new file. */
export interface Edit {
  path: string;
  old: string;
  new: string;
}

export interface TaskChange {
  /** How the scripted model recognises the task in its system prompt (the task's title). */
  title: string;
  tests: Edit[];
  code: Edit[];
  summary: string;
}

const COPIES_ANCHOR = "  it('hands out copies, not the stored objects', () => {";

export const TASK_001: TaskChange = {
  title: 'Mark a todo as completed',
  tests: [
    {
      path: 'test/store.test.ts',
      old: COPIES_ANCHOR,
      new: `  it('completes a todo and returns a copy, or undefined for an unknown id', () => {
    const store = new TodoStore(fixedNow);
    const todo = store.add({ title: 'Buy milk' });
    assert.equal(todo.completed, false);
    const done = store.complete(todo.id);
    assert.deepEqual(done, { ...todo, completed: true });
    assert.equal(store.get(todo.id)?.completed, true);
    assert.equal(store.complete(99), undefined);
  });

${COPIES_ANCHOR}`,
    },
  ],
  code: [
    {
      path: 'src/todo.ts',
      old: '  readonly createdAt: string;\n}',
      new: '  readonly createdAt: string;\n  /** Whether the todo is done; false when created. */\n  readonly completed: boolean;\n}',
    },
    {
      path: 'src/store.ts',
      old: 'createdAt: this.now().toISOString() };',
      new: 'createdAt: this.now().toISOString(), completed: false };',
    },
    {
      path: 'src/store.ts',
      old: '  /** All todos, oldest first. */',
      new: `  /** Marks a todo completed and returns a copy; undefined for an unknown id. */
  complete(id: number): Todo | undefined {
    const todo = this.todos.get(id);
    if (todo === undefined) return undefined;
    const done: Todo = { ...todo, completed: true };
    this.todos.set(id, done);
    return { ...done };
  }

  /** All todos, oldest first. */`,
    },
  ],
  summary: 'Added Todo.completed (false on creation) and TodoStore.complete(id), test first.',
};

/** Priority; its anchors assume TASK-001 is in (the milestone runs it second). */
export const TASK_002: TaskChange = {
  title: 'Add priority to todos',
  tests: [
    {
      path: 'test/validate.test.ts',
      old: "describe('validateNewTodo', () => {\n",
      new: `describe('validateNewTodo', () => {
  it('accepts a priority and defaults it to normal', () => {
    const high = validateNewTodo({ title: 'x', priority: 'high' });
    assert.ok(high.ok, JSON.stringify(high));
    assert.equal(high.value.priority, 'high');
    const plain = validateNewTodo({ title: 'x' });
    assert.ok(plain.ok, JSON.stringify(plain));
    assert.equal(plain.value.priority, 'normal');
    const bad = validateNewTodo({ title: 'x', priority: 'urgent' });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.errors, ['priority must be one of: low, normal, high']);
  });

`,
    },
  ],
  code: [
    {
      path: 'src/todo.ts',
      old: 'export const MAX_TITLE_LENGTH = 200;',
      new: "export const MAX_TITLE_LENGTH = 200;\n\nexport const PRIORITIES = ['low', 'normal', 'high'] as const;\nexport type Priority = (typeof PRIORITIES)[number];",
    },
    {
      path: 'src/todo.ts',
      old: '  readonly completed: boolean;\n}',
      new: '  readonly completed: boolean;\n  readonly priority: Priority;\n}',
    },
    {
      path: 'src/todo.ts',
      old: 'export interface NewTodo {\n  readonly title: string;\n}',
      new: 'export interface NewTodo {\n  readonly title: string;\n  readonly priority?: Priority;\n}',
    },
    {
      path: 'src/store.ts',
      old: 'completed: false };',
      new: "completed: false, priority: input.priority ?? 'normal' };",
    },
    {
      path: 'src/validate.ts',
      old: "import { MAX_TITLE_LENGTH, type NewTodo } from './todo.js';",
      new: `import { MAX_TITLE_LENGTH, PRIORITIES, type NewTodo, type Priority } from './todo.js';

function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}`,
    },
    {
      path: 'src/validate.ts',
      old: "const errors = unknownFields(input, ['title']);",
      new: "const errors = unknownFields(input, ['title', 'priority']);",
    },
    {
      path: 'src/validate.ts',
      old: "  if (errors.length > 0 || typeof title !== 'string') return { ok: false, errors };\n  return { ok: true, value: { title: title.trim() } };",
      new: `  const priority = input.priority === undefined ? 'normal' : input.priority;
  if (!isPriority(priority)) errors.push(\`priority must be one of: \${PRIORITIES.join(', ')}\`);
  if (errors.length > 0 || typeof title !== 'string' || !isPriority(priority)) return { ok: false, errors };
  return { ok: true, value: { title: title.trim(), priority } };`,
    },
  ],
  summary: 'Added PRIORITIES/Priority, validated and defaulted priority, stored it.',
};

/** A task whose tests cannot pass: the test expects two open todos where there is one. */
export const TASK_003_BROKEN: TaskChange = {
  title: 'List only open todos',
  tests: [
    {
      path: 'test/store.test.ts',
      old: COPIES_ANCHOR,
      new: `  it('lists only open todos', () => {
    const store = new TodoStore(fixedNow);
    store.add({ title: 'a' });
    assert.equal(store.list({ status: 'open' }).length, 2);
  });

${COPIES_ANCHOR}`,
    },
  ],
  code: [
    {
      path: 'src/store.ts',
      old: '  list(): Todo[] {\n    return [...this.todos.values()].map((todo) => ({ ...todo }));\n  }',
      new: `  list(filter: { status?: 'open' | 'completed' | 'all' } = {}): Todo[] {
    const status = filter.status ?? 'all';
    return [...this.todos.values()]
      .filter((todo) => status === 'all' || todo.completed === (status === 'completed'))
      .map((todo) => ({ ...todo }));
  }`,
    },
  ],
  summary: 'Added the status filter.',
};

/** Applies a change to a working tree the way a developer would (tests and code). */
export function applyByHand(root: string, change: TaskChange): void {
  for (const e of [...change.tests, ...change.code]) {
    const p = join(root, e.path);
    if (e.old === '') {
      writeFileSync(p, e.new);
      continue;
    }
    const text = readFileSync(p, 'utf8');
    if (!text.includes(e.old)) throw new Error(`${e.path}: anchor not found: ${e.old.slice(0, 60)}`);
    writeFileSync(p, text.replace(e.old, e.new));
  }
}

const toolCall = (e: Edit) =>
  e.old === ''
    ? { name: 'write_file', arguments: { path: e.path, content: e.new } }
    : { name: 'edit_file', arguments: { path: e.path, old_string: e.old, new_string: e.new } };

/** The model's turns for one task: tests (red), run them, code (green), run them, finish. */
export function modelTurns(change: TaskChange): ScriptStep[] {
  return [
    callTools(change.tests.map(toolCall)),
    callTool('run_tests', {}),
    callTools(change.code.map(toolCall)),
    callTool('run_tests', {}),
    callTool('finish', { summary: change.summary }),
  ];
}

/**
 * One scripted model for several tasks (they may run at the same time): the task is recognised by its
 * title in the system prompt (the first one there), the turn by the number of assistant messages so far. A task that has used
 * its script keeps calling finish (a model that insists), which the Coder refuses while tests fail.
 */
export async function startTaskModel(changes: TaskChange[]): Promise<ScriptedServer> {
  return startScriptedServer((req: RecordedRequest) => {
    const messages = (req.body?.messages ?? []) as { role: string; content?: string }[];
    const system = String(messages[0]?.content ?? '');
    // The task's own title comes first; others may appear later (history, relevant code).
    const change = changes
      .filter((c) => system.includes(c.title))
      .sort((a, b) => system.indexOf(a.title) - system.indexOf(b.title))[0];
    if (!change) return reply('I do not know this task.');
    const turn = messages.filter((m) => m.role === 'assistant').length;
    const turns = modelTurns(change);
    return turns[turn] ?? callTool('finish', { summary: change.summary });
  });
}

/**
 * A copy of examples/ts-todo-api with a bare remote. The example's `test` check and its plan step both
 * rebuild `build/` in the same tree, so `test` is marked exclusive (never at the same time as another
 * check); the other checks still run two at a time.
 */
export function todoRepo(): TempRepo {
  const quality = readFileSync(join(EXAMPLE_TODO, 'quality.toml'), 'utf8').replace(
    /^test = "npm test --silent"$/m,
    'test = { command = "npm test --silent", exclusive = true }',
  );
  if (!quality.includes('exclusive = true'))
    throw new Error('examples/ts-todo-api/quality.toml changed: update todoRepo()');
  return makeRepo('ts-todo-api', {
    files: { 'quality.toml': `${quality.trimEnd()}\n\n[validator]\njobs = 2\n` },
  });
}

export const EXAMPLE_TODO = join(EXAMPLES, 'ts-todo-api');

/** The environment that points the Coder at the scripted model (no other model settings leak in). */
export function modelEnv(server: ScriptedServer): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(OPENAI_|GUARDIAN_)/.test(k)) env[k] = v;
  }
  return {
    ...env,
    OPENAI_API_KEY: 'sk-test-key-0123456789abcdef',
    OPENAI_BASE_URL: server.url,
    // Only the Coder talks to the model; the Security Consultant runs its offline rules.
    GUARDIAN_CODER_MODEL: 'gpt-4.1',
  };
}

/** The environment without any model: the by-hand flow. */
export function noModelEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(OPENAI_|GUARDIAN_)/.test(k)) env[k] = v;
  }
  return env;
}

export interface CommitInfo {
  sha: string;
  tree: string;
  message: string;
  trailers: Record<string, string>;
}

/** Commits of `rev` not in `since`, oldest first, in the repository at `cwd` (a work tree or a bare remote). */
export function commitsOf(cwd: string, rev: string, since: string): CommitInfo[] {
  const shas = gitIn(cwd, ['rev-list', '--reverse', `${since}..${rev}`])
    .split('\n')
    .filter(Boolean);
  return shas.map((sha) => {
    const message = gitIn(cwd, ['log', '-1', '--format=%B', sha]);
    const trailers: Record<string, string> = {};
    for (const line of gitIn(cwd, ['log', '-1', '--format=%(trailers:only,unfold)', sha]).split('\n')) {
      const m = /^([\w-]+):\s*(.*)$/.exec(line);
      if (m) trailers[m[1]!] = m[2]!;
    }
    return { sha, tree: gitIn(cwd, ['rev-parse', `${sha}^{tree}`]), message, trailers };
  });
}

/** A blueprint of the small arithmetic project (no pre-start step unless given). */
export const arithmeticBlueprint = (
  id: string,
  name: string,
  title: string,
  extra = '',
  prestart = '',
) => `---
id: ${id}
title: "${title}"
requirement_id: "REQ-${id.slice(5)}"
status: pending
milestone: M1
${extra}---
## 1. Goal
${title}.

## 2. Functional Acceptance Criteria
*   [ ] \`${name}(a, b)\` is exported from \`src/${name}.mjs\`.

## 4. Verification Plan
\`\`\`guardian
[${prestart}
  { "description": "tests pass", "stage": "final-submit", "command": "node --test", "expects": "pass" }
]
\`\`\`
`;

/**
 * A tiny Node project (node --test) with two independent tasks, TASK-101 (mul) and TASK-102 (sub), in
 * milestone M1: fast enough to exercise the line's behaviours end to end.
 */
export const ARITHMETIC: Record<string, string> = {
  '.gitignore': '.guardian/\nnode_modules\n',
  'quality.toml': '[quality_checks]\ntests = "node --test"\n',
  'src/add.mjs': 'export function add(a, b) {\n  return a + b;\n}\n',
  'test/add.test.mjs':
    "import assert from 'node:assert/strict';\nimport { it } from 'node:test';\nimport { add } from '../src/add.mjs';\n\nit('adds', () => assert.equal(add(1, 2), 3));\n",
  'specs/tasks/TASK-101_mul.md': arithmeticBlueprint('TASK-101', 'mul', 'Multiply two numbers'),
  'specs/tasks/TASK-102_sub.md': arithmeticBlueprint('TASK-102', 'sub', 'Subtract two numbers'),
  'specs/milestones/M1.md': '---\nid: M1\ntitle: "Arithmetic"\ntasks: [TASK-101, TASK-102]\n---\n',
};

export const arithmeticChange = (name: string, title: string, op: string, expected: number): TaskChange => ({
  title,
  tests: [
    {
      path: `test/${name}.test.mjs`,
      old: '',
      new: `import assert from 'node:assert/strict';\nimport { it } from 'node:test';\nimport { ${name} } from '../src/${name}.mjs';\n\nit('${name}', () => assert.equal(${name}(6, 3), ${expected}));\n`,
    },
  ],
  code: [
    { path: `src/${name}.mjs`, old: '', new: `export function ${name}(a, b) {\n  return a ${op} b;\n}\n` },
  ],
  summary: `Added ${name}.`,
});

export const MUL = arithmeticChange('mul', 'Multiply two numbers', '*', 18);
export const SUB = arithmeticChange('sub', 'Subtract two numbers', '-', 3);
