/**
 * Inputs within the 1 MiB limit that were quadratic: a verification plan of 12,000 steps (each step's
 * line was found by counting the newlines before it: about 30 s), and a blueprint listing 40,000
 * missing `relevant_tests` read from a commit of 5,000 files (each path was compared with every file of
 * the commit: about 30 s), and tasks that each depend on all the others (1,500 of them hold about a
 * million cycles, each built and reported: lint never finished). These tests check the answers at that
 * scale; no timing is asserted.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../../../src/spec/plan.js';
import { findCycles, loadProject } from '../../../src/spec/project.js';
import { gitSource } from '../../../src/spec/source.js';
import type { Blueprint } from '../../../src/spec/types.js';
import { runCli } from '../../support/cli.js';
import { makeRepo, type TempRepo } from '../../support/repo.js';
import { specDir } from './helpers.js';

const repos: TempRepo[] = [];
afterAll(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const step = (expects: string) =>
  `{"description": "d", "stage": "final-submit", "command": "true", "expects": "${expects}"}`;

describe('a verification plan of thousands of steps', () => {
  test('12,000 steps, one per line: each step keeps its own line', () => {
    const n = 12_000;
    const body = `## Verification Plan\n\`\`\`guardian\n[\n${Array.from({ length: n }, () => step('pass')).join(',\n')}\n]\n\`\`\`\n`;
    expect(body.length).toBeLessThan(1024 * 1024);
    const r = parsePlan(body, 10, 'specs/tasks/T.md');
    expect(r.problems).toEqual([]);
    expect(r.steps).toHaveLength(n);
    // The body starts at line 10: the fence opens at 11, '[' is 12, the first step 13.
    expect(r.steps[0]!.line).toBe(13);
    expect(r.steps[n - 1]!.line).toBe(13 + n - 1);
  });

  test('12,000 steps with a wrong field each: every problem at its step', () => {
    const n = 12_000;
    const body = `\`\`\`guardian\n[\n${Array.from({ length: n }, () => step('maybe')).join(',\n')}\n]\n\`\`\`\n`;
    const r = parsePlan(body, 1, 'specs/tasks/T.md');
    expect(r.steps).toEqual([]);
    expect(r.problems).toHaveLength(n);
    expect(r.problems[n - 1]).toMatchObject({
      line: 3 + n - 1,
      field: `plan step ${n}.expects`,
      message: 'expected "pass" or "fail", got "maybe"',
    });
  });
});

describe('a commit read as the source of the specs', () => {
  test('40,000 missing relevant_tests in a commit of 5,000 files: one warning each, folders still exist', () => {
    const repo = makeRepo();
    repos.push(repo);
    mkdirSync(join(repo.root, 'src', 'deep', 'er'), { recursive: true });
    for (let i = 0; i < 5000; i++) writeFileSync(join(repo.root, 'src', 'deep', 'er', `f${i}.py`), '');
    const missing = Array.from({ length: 40_000 }, (_, i) => `"t/m${i}.py"`);
    const present = ['"src/deep/er/f7.py"', '"src/deep"', '"src/deep/er/"'];
    repo.write(
      'specs/tasks/TASK-1.md',
      `---\nid: TASK-1\ntitle: t\nstatus: pending\nrelevant_tests: [${[...present, ...missing].join(', ')}]\n---\n## Goal\ng\n`,
    );
    repo.write('quality.toml', '[quality_checks]\ntests = "true"\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'specs');
    const project = loadProject(repo.root, gitSource(repo.root, repo.git('rev-parse', 'HEAD')));
    expect(project.tasks.map((t) => t.id)).toEqual(['TASK-1']);
    const warned = project.problems.filter((p) => p.field === 'relevant_tests');
    expect(warned).toHaveLength(40_000);
    expect(
      warned.every((p) => p.severity === 'warning' && /^'t\/m\d+\.py' does not exist/.test(p.message)),
    ).toBe(true);
    expect(project.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('tasks that each depend on all the others', () => {
  /** Cycles listed at most (the rest are summed up in one more problem). */
  const MAX_CYCLES = 100;
  const task = (id: string, dependsOn: string[]): Blueprint => ({
    path: `specs/tasks/${id}.md`,
    id,
    title: id,
    status: 'pending',
    relevantTests: [],
    dependsOn,
    labels: [],
    sections: {},
    otherSections: [],
    acceptanceCriteria: [],
    plan: [],
    hasPlan: false,
    raw: '',
    sha256: '',
  });

  test('1,500 of them: the first cycles are listed, each one real', () => {
    const ids = Array.from({ length: 1500 }, (_, i) => `T-${i}`);
    const tasks = ids.map((id) => task(id, ids));
    const cycles = findCycles(tasks);
    expect(cycles).toHaveLength(MAX_CYCLES);
    for (const c of cycles) {
      expect(c[0]).toBe(c[c.length - 1]);
      expect(new Set(c.slice(0, -1)).size).toBe(c.length - 1);
    }
  });

  test('lint lists the first cycles and says there are more', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `T-${i}`);
    const files: Record<string, string> = {};
    for (const id of ids)
      files[`specs/tasks/${id}.md`] =
        `---\nid: ${id}\ntitle: t\nstatus: pending\ndepends_on: [${ids.join(', ')}]\n---\n## Goal\ng\n`;
    const r = await runCli(['lint', '--root', specDir(files), '--json']);
    expect(r.code).toBe(1);
    const problems = (JSON.parse(r.stdout).problems as { field?: string; message: string }[]).filter(
      (p) => p.field === 'depends_on',
    );
    expect(problems).toHaveLength(MAX_CYCLES + 1);
    expect(problems.slice(0, -1).every((p) => p.message.startsWith('dependency cycle: '))).toBe(true);
    expect(problems[MAX_CYCLES]!.message).toBe(
      `more dependency cycles than the ${MAX_CYCLES} listed: break these first`,
    );
  });
});
