/**
 * The Validator on a temporary copy of examples/ts-todo-api (ESLint, tsc, node --test through npm).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import type { CheckResult, ValidationReport } from '../../src/stations/validator/types.js';
import { edit, readJson } from './helpers.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function implementComplete(r: TempRepo): void {
  edit(
    r,
    'src/todo.ts',
    '  readonly createdAt: string;\n',
    '  readonly createdAt: string;\n  readonly completed: boolean;\n',
  );
  edit(
    r,
    'src/store.ts',
    'createdAt: this.now().toISOString() }',
    'createdAt: this.now().toISOString(), completed: false }',
  );
  edit(
    r,
    'src/store.ts',
    '  get(id: number): Todo | undefined {',
    [
      '  /** Marks a todo completed; undefined for an unknown id. */',
      '  complete(id: number): Todo | undefined {',
      '    const todo = this.todos.get(id);',
      '    if (todo === undefined) return undefined;',
      '    const done: Todo = { ...todo, completed: true };',
      '    this.todos.set(id, done);',
      '    return { ...done };',
      '  }',
      '',
      '  get(id: number): Todo | undefined {',
    ].join('\n'),
  );
}

function addCompleteTest(r: TempRepo): void {
  const p = join(r.root, 'test/store.test.ts');
  writeFileSync(
    p,
    readFileSync(p, 'utf8') +
      [
        '',
        "describe('TodoStore.complete', () => {",
        "  it('marks a todo completed', () => {",
        '    const store = new TodoStore(fixedNow);',
        "    const todo = store.add({ title: 'Buy milk' });",
        '    assert.equal(todo.completed, false);',
        '    assert.equal(store.complete(todo.id)?.completed, true);',
        '    assert.equal(store.get(todo.id)?.completed, true);',
        '    assert.equal(store.complete(99), undefined);',
        '  });',
        '});',
        '',
      ].join('\n'),
  );
}

async function validate(r: TempRepo) {
  const run = await runCli(['validate', 'TASK-001', '--root', r.root], { env: process.env });
  const report = readJson<ValidationReport>(join(r.root, '.guardian/bundles/TASK-001/validation.json'));
  return { ...run, report, check: (n: string) => report.checks.find((c) => c.name === n) as CheckResult };
}

describe('validate on the TypeScript example', () => {
  it('passes a TDD change', async () => {
    const r = makeRepo('ts-todo-api');
    repos.push(r);
    addCompleteTest(r);
    implementComplete(r);
    const v = await validate(r);
    expect(v.report.summary).toMatch(/^pass/);
    expect(v.code).toBe(0);
    expect(v.report.checks.map((c) => c.name)).toEqual([
      'guard:protected-paths',
      'guard:git-config',
      'guard:links',
      'guard:test-files',
      'guard:skip-markers',
      'guard:tool-config',
      'lint',
      'typecheck',
      'test',
      'plan:2',
      'tdd:red-green',
    ]);
  });

  it('fails on a type error and a lint error, with tsc and ESLint diagnostics', async () => {
    const r = makeRepo('ts-todo-api');
    repos.push(r);
    addCompleteTest(r);
    implementComplete(r);
    edit(
      r,
      'src/store.ts',
      '    const done: Todo = { ...todo, completed: true };',
      '    const done: Todo = { ...todo, completed: "yes" };\n    const unused = 1;',
    );
    const v = await validate(r);
    expect(v.code).toBe(1);
    const line =
      readFileSync(join(r.root, 'src/store.ts'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('completed: "yes"')) + 1;
    expect(v.check('typecheck').outcome).toBe('fail');
    expect(v.check('typecheck').diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'src/store.ts',
        line,
        tool: 'tsc',
        message: expect.stringMatching(/^TS2322: Type 'string' is not assignable to type 'boolean'/),
      }),
    );
    expect(v.check('lint').outcome).toBe('fail');
    expect(v.check('lint').diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'src/store.ts',
        line: line + 1,
        column: 11,
        tool: 'eslint',
        message: expect.stringMatching(/'unused' is assigned a value but never used/),
      }),
    );
    expect(v.report.summary).toMatch(/^fail: lint, typecheck, test, plan:2/);
  });

  it('refuses a change that neuters the test script instead of implementing the task', async () => {
    const r = makeRepo('ts-todo-api');
    repos.push(r);
    addCompleteTest(r);
    const pkgPath = join(r.root, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { scripts: Record<string, string> };
    pkg.scripts.test = `${pkg.scripts.test} || true`;
    writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
    const v = await validate(r);
    expect(v.code).toBe(1);
    expect(v.check('guard:tool-config').outcome).toBe('fail');
    expect(v.check('guard:tool-config').diagnostics[0]!.message).toMatch(
      /modifies "scripts" in package.json/,
    );
    expect(v.report.verdict).toBe('fail');
  });
});
