/**
 * Spec files at the size limit and projects with thousands of tasks: what used to be quadratic or
 * recursive must answer, with the same results. Each input is large enough that the old code took
 * minutes or overflowed the stack; the new code takes a few seconds at most.
 */
import { describe, expect, test } from '@jest/globals';
import vm from 'node:vm';
import { parseFrontMatter } from '../../../src/spec/frontmatter.js';
import { findCycles, formatProblem, loadProject } from '../../../src/spec/project.js';
import { parseQualityToml } from '../../../src/spec/quality.js';
import type { Blueprint, Project } from '../../../src/spec/index.js';
import { dependentsOf, planMilestone } from '../../../src/supervisor/plan.js';
import { BASIC_FRONT, blueprint, specDir } from './helpers.js';

const pad = (i: number) => String(i).padStart(6, '0');

/**
 * Runs `fn`, stopped after a minute as a test timeout would stop it: jest cannot time out synchronous
 * code, which would just run on for the minutes the old code took. Not a benchmark: the new code needs
 * a few seconds.
 */
function withinTestTimeout<T>(fn: () => T): T {
  return vm.runInNewContext('run()', { run: fn }, { timeout: 60_000 }) as T;
}

describe('front matter with many keys', () => {
  test('lint refuses 90,000 top-level keys with one problem at the 1,001st key', () => {
    // 990 KB: the old code looked up each key's line from the start of the file (60,000 keys: 74 s).
    const keys = Array.from({ length: 90_000 }, (_, i) => `k${pad(i)}: 1`).join('\n');
    const root = specDir({ 'specs/tasks/TASK-001_thing.md': blueprint(`${BASIC_FRONT}\n${keys}`) });
    const project = withinTestTimeout(() => loadProject(root));
    // Line 1 is '---', lines 2-4 the three basic fields, so key 1,001 (k000997) is on line 1,002.
    expect(project.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
      'specs/tasks/TASK-001_thing.md:1002: error: front matter has 90003 keys; at most 1000 are allowed',
    ]);
  });

  test('a duplicate among 160,000 keys of one mapping is found, at its line', () => {
    // The `yaml` package's own unique-keys check compared each key with every earlier one.
    const n = 160_000;
    const lines: string[] = [];
    for (let i = 0; i < n; i += 10) {
      lines.push(` ${Array.from({ length: 10 }, (_, j) => `k${(i + j).toString(36)},`).join('')}`);
    }
    const text = `---\nid: TASK-1\nlabels: {\n${lines.join('\n')}\n k${(1234).toString(36)}\n}\n---\nbody\n`;
    expect(text.length).toBeLessThan(1024 * 1024);
    const r = withinTestTimeout(() => parseFrontMatter(text, 'specs/tasks/TASK-1.md'));
    expect(r.fm).toBeUndefined();
    // '---', 'id:', 'labels: {', then ten keys a line from line 4: the duplicate follows the last one.
    expect(r.problems).toEqual([
      {
        file: 'specs/tasks/TASK-1.md',
        line: 4 + n / 10,
        severity: 'error',
        message: 'YAML syntax error: Map keys must be unique',
      },
    ]);
  });

  test('every key of 1,000 has its own line, `__proto__` included', () => {
    const keys = Array.from({ length: 999 }, (_, i) => `k${pad(i)}: ${i}`);
    const r = parseFrontMatter(`---\n__proto__: x\n${keys.join('\n')}\n---\nbody\n`, 'f.md');
    expect(r.problems).toEqual([]);
    expect(r.fm!.keyLines['__proto__']).toBe(2);
    expect(r.fm!.keyLines['k000000']).toBe(3);
    expect(r.fm!.keyLines['k000998']).toBe(1001);
    expect(r.fm!.keyLines['constructor']).toBeUndefined();
    expect(Object.keys(r.fm!.keyLines)).toHaveLength(1000);
  });
});

describe('quality.toml with many checks', () => {
  // 40,000 checks, 680 KB: the old code scanned every line with a new RegExp for each check (10,000
  // checks took 22 s, 20,000 took 113 s).
  const n = 40_000;

  test('each check keeps its line', () => {
    const text = `[quality_checks]\n${Array.from({ length: n }, (_, i) => `c${pad(i)} = "true"`).join('\n')}\n`;
    const r = withinTestTimeout(() => parseQualityToml(text));
    expect(r.problems).toEqual([]);
    expect(r.config!.checks).toHaveLength(n);
    expect(r.config!.checks.every((c, i) => c.name === `c${pad(i)}` && c.line === i + 2)).toBe(true);
  });

  test('each bad check is reported at its line', () => {
    const text = `[quality_checks]\n${Array.from({ length: n }, (_, i) => `c${pad(i)} = ""`).join('\n')}\n`;
    const r = withinTestTimeout(() => parseQualityToml(text));
    expect(r.config).toBeUndefined();
    expect(r.problems).toHaveLength(n);
    expect(r.problems[n - 1]).toEqual({
      file: 'quality.toml',
      line: n + 1,
      field: `quality_checks.c${pad(n - 1)}`,
      severity: 'error',
      message: 'expected a non-empty command',
    });
    expect(r.problems.every((p, i) => p.line === i + 2)).toBe(true);
  });

  test('checks defined as dotted keys without a header are found at their lines', () => {
    // No `[quality_checks]` header: each check is found where the file first mentions it, by scanning
    // the lines until a budget is spent, then from an index of words (the old code scanned for each).
    const m = 5_000;
    const text = Array.from({ length: m }, (_, i) => `quality_checks.c${pad(i)} = "true"`).join('\n');
    const r = parseQualityToml(`${text}\n`);
    expect(r.problems).toEqual([]);
    expect(r.config!.checks).toHaveLength(m);
    expect(r.config!.checks.every((c, i) => c.line === i + 1)).toBe(true);
  });
});

describe('a dependency chain of 20,000 tasks', () => {
  const n = 20_000;
  const task = (i: number, dependsOn: string[]): Blueprint => ({
    path: `specs/tasks/TASK-${i}.md`,
    id: `TASK-${i}`,
    title: `task ${i}`,
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
  /** TASK-i depends on TASK-(i-1); TASK-1 on `first` (none, or TASK-n for a cycle). */
  const chain = (first: string[] = []) =>
    Array.from({ length: n }, (_, k) => task(k + 1, k === 0 ? first : [`TASK-${k}`]));
  const ids = Array.from({ length: n }, (_, k) => `TASK-${k + 1}`);
  const project = (tasks: Blueprint[], milestoneTasks: string[]): Project => ({
    root: '/nowhere',
    tasks,
    milestones: [
      {
        path: 'specs/milestones/M1.md',
        id: 'M1',
        title: 'M1',
        tasks: milestoneTasks,
        parallel: false,
        body: '',
      },
    ],
    problems: [],
  });

  test('findCycles (lint, status) walks it without recursion', () => {
    expect(findCycles(chain())).toEqual([]);
    // Closed into one cycle: found from TASK-1 (first by id), down the chain back to it.
    const cycles = findCycles(chain([`TASK-${n}`]));
    expect(cycles).toEqual([['TASK-1', ...[...ids].reverse().slice(0, n - 1), 'TASK-1']]);
  });

  test('planMilestone (milestone --dry-run) orders it, and names the cycle when it is closed', () => {
    // Listed last to first, as a milestone file may list them: the plan still runs TASK-1 first.
    const plan = planMilestone(project(chain(), [...ids].reverse()), 'M1');
    expect(plan.order.map((t) => t.id)).toEqual(ids);
    expect(plan.internalDeps.get(`TASK-${n}`)).toEqual([`TASK-${n - 1}`]);
    expect(plan.externalDeps.get('TASK-1')).toEqual([]);
    // A failure of TASK-1 blocks the whole rest of the chain; one in the middle, the half after it.
    expect(dependentsOf(plan, 'TASK-1').size).toBe(n - 1);
    const half = dependentsOf(plan, `TASK-${n / 2}`);
    expect(half.size).toBe(n / 2);
    expect(half.has(`TASK-${n / 2 + 1}`) && half.has(`TASK-${n}`) && !half.has(`TASK-${n / 2}`)).toBe(true);

    const cyclic = project(chain([`TASK-${n}`]), [`TASK-${n}`]);
    expect(() => planMilestone(cyclic, 'M1')).toThrow(
      new RegExp(
        `milestone M1 cannot run: its tasks have a dependency cycle.*\\n  TASK-1 → TASK-${n} → TASK-${n - 1} → .* → TASK-2 → TASK-1 \\(specs/tasks/TASK-1\\.md: depends_on\\)$`,
      ),
    );
  });
});
