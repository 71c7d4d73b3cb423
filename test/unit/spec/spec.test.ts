import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  gitSource,
  loadProject,
  parseBlueprint,
  parseMilestone,
  parseQualityToml,
  readyTasks,
  requireQuality,
  requireTask,
} from '../../../src/spec/index.js';
import { runCli } from '../../support/cli.js';
import { makeRepo } from '../../support/repo.js';
import { BASIC_FRONT, blueprint, GOOD_PLAN, specDir } from './helpers.js';

// The blueprint example from the assembly-line model the project was specified with, verbatim.
const SEED_BLUEPRINT = readFileSync(
  join(new URL('.', import.meta.url).pathname, 'fixtures', 'seed-blueprint.md'),
  'utf8',
);

describe('blueprint parsing', () => {
  test('a section heading padded with a long run of spaces (and closing #s) is read, not backtracked over', () => {
    const pad = ' '.repeat(20_000);
    const body = `## Goal${pad}##${pad}\nDo it.\n\n## a${pad}b\ntext\n\n## Verification Plan ##\n${GOOD_PLAN}\n`;
    const { blueprint: b, problems } = parseBlueprint(
      blueprint(BASIC_FRONT, body),
      'specs/tasks/TASK-001.md',
    );
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(b!.sections.goal?.body.trim()).toBe('Do it.');
    expect(b!.plan).toHaveLength(1);
  });
  test("parses the seed's TASK-042 blueprint", () => {
    const { blueprint: b, problems } = parseBlueprint(
      SEED_BLUEPRINT,
      'specs/tasks/TASK-042_user-last-login.md',
    );
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(b).toBeDefined();
    expect(b!.id).toBe('TASK-042');
    expect(b!.title).toBe('Add `last_login` field to User model');
    expect(b!.requirementId).toBe('REQ-007');
    expect(b!.branch).toBe('feature/TASK-042-user-last-login');
    expect(b!.relevantTests).toEqual(['tests/test_auth.py']);
    expect(b!.statusLine).toBe(5);
    expect(b!.acceptanceCriteria.map((c) => c.text)).toEqual([
      'When a user successfully logs in, their `last_login` time is recorded.',
      'The `last_login` time must be stored in UTC.',
    ]);
    expect(b!.plan).toEqual([
      expect.objectContaining({ stage: 'pre-start', command: 'pytest tests/test_auth.py', expects: 'pass' }),
      expect.objectContaining({
        stage: 'final-submit',
        command: 'pytest tests/test_auth.py',
        expects: 'pass',
      }),
    ]);
    expect(Object.keys(b!.sections).sort()).toEqual(
      [
        'acceptance_criteria',
        'architectural_constraints',
        'goal',
        'implementation_plan',
        'relevant_existing_code',
        'security_considerations',
        'verification_plan',
      ].sort(),
    );
    expect(b!.sections.architectural_constraints!.body).toMatch(/src\/models\//);
    // "## 4. Verification Plan" heading line in the file.
    const lines = SEED_BLUEPRINT.split('\n');
    expect(lines[b!.sections.verification_plan!.line - 1]).toBe('## 4. Verification Plan');
    expect(lines[b!.plan[0]!.line - 1]!.trim()).toBe('{');
  });

  test('headings are case-insensitive, numbered or not; headings inside code fences are ignored', () => {
    const text = blueprint(
      'id: TASK-7\ntitle: t\nstatus: in_progress',
      '## GOAL\ng\n\n## 2) functional acceptance criteria\n- [x] done one\n- [ ] open one\n\n```md\n## Goal\n```\n\n## Notes\nfree text\n',
    );
    const { blueprint: b } = parseBlueprint(text, 'specs/tasks/t.md');
    expect(b!.sections.goal!.body).toBe('g');
    expect(b!.acceptanceCriteria).toEqual([
      { text: 'done one', checked: true, line: 10 },
      { text: 'open one', checked: false, line: 11 },
    ]);
    expect(b!.otherSections.map((s) => s.title)).toEqual(['Notes']);
    expect(b!.hasPlan).toBe(false);
  });

  test('setext headings (a title underlined with dashes) are sections too; a rule after a list is not', () => {
    const text = blueprint(
      'id: TASK-9\ntitle: t\nstatus: pending',
      'Goal\n----\nmake it work\n\nAcceptance Criteria\n-------------------\n- [ ] one\n---\n\nnot a title\nbut prose\n---\n\n```md\nGoal\n---\n```\n',
    );
    const { blueprint: b } = parseBlueprint(text, 'specs/tasks/t.md');
    expect(b!.sections.goal).toMatchObject({ title: 'Goal', line: 6, body: 'make it work' });
    expect(b!.sections.acceptance_criteria).toMatchObject({ title: 'Acceptance Criteria', line: 10 });
    expect(b!.acceptanceCriteria).toEqual([{ text: 'one', checked: false, line: 12 }]);
    // The dashes after the list item and after two lines of prose stay in the body, and the fenced
    // "Goal" is code: no further section.
    expect(b!.otherSections).toEqual([]);
    expect(b!.sections.acceptance_criteria!.body).toContain('but prose\n---');
  });
  test('a blueprint without a plan parses with a warning', () => {
    const { blueprint: b, problems } = parseBlueprint(
      blueprint('id: TASK-8\ntitle: t\nstatus: pending', '## Goal\nx\n'),
      'a.md',
    );
    expect(b).toBeDefined();
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', field: 'verification plan' }),
    );
  });
});

describe('quality.toml', () => {
  test('parses every table', () => {
    const { config, problems } = parseQualityToml(
      [
        '[quality_checks]',
        'linter = "black --check ."',
        'tests = { command = "pytest", timeout = 300, exclusive = true, env = { CI = "1" } }',
        '[setup]',
        'commands = ["npm ci"]',
        '[guard]',
        'protected = ["quality.toml", "db/**"]',
        '[validator]',
        'jobs = 3',
        'fail_fast = true',
        '[bundle]',
        'token_budget = 16000',
        '[llm]',
        'model = "gpt-4.1"',
        'base_url = "http://127.0.0.1:8080/v1"',
        '[llm.coder]',
        'model = "coder-model"',
        '[commit]',
        'author_name = "Guardian"',
        'author_email = "guardian@example.com"',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(config!.checks).toEqual([
      { name: 'linter', command: 'black --check .', exclusive: false, env: {}, line: 2 },
      { name: 'tests', command: 'pytest', timeout: 300, exclusive: true, env: { CI: '1' }, line: 3 },
    ]);
    expect(config!.setup.commands).toEqual(['npm ci']);
    expect(config!.guard.protected).toEqual([
      'quality.toml',
      'specs/**',
      '.github/**',
      '.guardian/**',
      'db/**',
    ]);
    expect(config!.validator).toMatchObject({ jobs: 3, failFast: true, defaultTimeout: 600 });
    expect(config!.bundle.tokenBudget).toBe(16000);
    expect(config!.llm).toMatchObject({
      model: 'gpt-4.1',
      baseUrl: 'http://127.0.0.1:8080/v1',
      coder: { model: 'coder-model' },
    });
    expect(config!.commit).toEqual({ authorName: 'Guardian', authorEmail: 'guardian@example.com' });
  });

  test('defaults protect the specs and the config itself', () => {
    const { config } = parseQualityToml('[quality_checks]\nt = "true"\n');
    expect(config!.guard.protected).toEqual(['quality.toml', 'specs/**', '.github/**', '.guardian/**']);
    expect(config!.bundle.tokenBudget).toBe(24000);
  });

  test('bad values name the field and what was expected', () => {
    const { problems } = parseQualityToml(
      '[quality_checks]\nt = ""\n[validator]\njobs = 0\n[llm]\nbase_url = "ftp://x"\n',
    );
    expect(problems.map((p) => `${p.line}:${p.field}:${p.message}`)).toEqual([
      '2:quality_checks.t:expected a non-empty command',
      '4:validator.jobs:expected a positive integer up to 64, got number 0',
      '6:llm.base_url:expected an http(s) URL, got "ftp://x"',
    ]);
  });

  test('globs too costly to match are refused, naming the glob', () => {
    const { problems } = parseQualityToml(
      [
        '[quality_checks]\nt = "true"',
        '[bundle]',
        'include = ["src/**/*.py", "*a*a*a*c"]',
        'exclude = ["' + 'x'.repeat(300) + '"]',
        '[guard]',
        'protected = ["db/**/?+(a)*.sql"]',
      ].join('\n'),
    );
    expect(problems.map((p) => `${p.line}:${p.field}:${p.message}`)).toEqual([
      `7:guard.protected:glob "db/**/?+(a)*.sql": 3 wildcards in the path segment '?+(a)*.sql' (at most 2; split it into several globs)`,
      `4:bundle.include:glob "*a*a*a*c": 4 wildcards in the path segment '*a*a*a*c' (at most 2; split it into several globs)`,
      expect.stringMatching(/^5:bundle\.exclude:glob "x+\.\.\.": longer than 256 characters$/),
    ]);
    const ok = parseQualityToml(
      '[quality_checks]\nt = "true"\n[bundle]\ninclude = ["src/**/*.py", "*.test.*", "docs/?/a*b.md"]\n',
    );
    expect(ok.problems).toEqual([]);
  });
});

describe('milestones and project checks', () => {
  test('parses a milestone', () => {
    const { milestone, problems } = parseMilestone(
      '---\nid: MVP\ntitle: First\ntasks: [TASK-1, TASK-2]\nparallel: true\n---\nbody\n',
      'specs/milestones/MVP.md',
    );
    expect(problems).toEqual([]);
    expect(milestone).toMatchObject({ id: 'MVP', tasks: ['TASK-1', 'TASK-2'], parallel: true });
  });

  test('ready tasks follow dependencies and milestone order', () => {
    const root = specDir({
      'specs/tasks/a.md': blueprint('id: TASK-1\ntitle: a\nstatus: done'),
      'specs/tasks/b.md': blueprint('id: TASK-2\ntitle: b\nstatus: pending\ndepends_on: [TASK-3]'),
      'specs/tasks/c.md': blueprint('id: TASK-3\ntitle: c\nstatus: pending\ndepends_on: [TASK-1]'),
      'specs/milestones/M.md': '---\nid: M\ntitle: m\ntasks: [TASK-1, TASK-3, TASK-2]\n---\n',
    });
    const project = loadProject(root);
    expect(project.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(readyTasks(project).map((t) => t.id)).toEqual(['TASK-3']);
    expect(requireTask(project, 'TASK-2').dependsOn).toEqual(['TASK-3']);
    expect(() => requireTask(project, 'TASK-9')).toThrow(
      /unknown task TASK-9: no blueprint in specs\/tasks\/ has this id \(known: TASK-1, TASK-2, TASK-3\)/,
    );
  });

  test('gitSource reads specs from a commit, not the working tree', () => {
    const repo = makeRepo(undefined, {
      files: {
        'quality.toml': '[quality_checks]\ntests = "true"\n',
        'specs/tasks/a.md': blueprint('id: TASK-1\ntitle: a\nstatus: pending'),
      },
    });
    try {
      const base = repo.git('rev-parse', 'HEAD');
      repo.write('quality.toml', '[quality_checks]\ntests = "echo weakened"\n');
      repo.write('specs/tasks/a.md', blueprint('id: TASK-1\ntitle: changed\nstatus: done'));
      const atBase = loadProject(repo.root, gitSource(repo.root, base));
      expect(requireQuality(atBase).checks[0]!.command).toBe('true');
      expect(atBase.tasks[0]!.title).toBe('a');
      const now = loadProject(repo.root);
      expect(now.quality!.checks[0]!.command).toBe('echo weakened');
    } finally {
      repo.cleanup();
    }
  });
});

describe('CLI', () => {
  const root = () =>
    specDir({
      'specs/tasks/a.md': blueprint('id: TASK-1\ntitle: First\nstatus: done'),
      'specs/tasks/b.md': blueprint('id: TASK-2\ntitle: Second\nstatus: pending\ndepends_on: [TASK-1]'),
      'specs/tasks/c.md': blueprint('id: TASK-3\ntitle: Third\nstatus: pending\ndepends_on: [TASK-2]'),
      'specs/milestones/MVP.md': '---\nid: MVP\ntitle: MVP\ntasks: [TASK-1, TASK-2, TASK-3]\n---\n',
    });

  test('lint --json has the documented schema', async () => {
    const r = await runCli(['lint', '--root', root(), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ schemaVersion: 1, ok: true, errorCount: 0, tasks: 3, milestones: 1 });
  });

  test('list filters by status and milestone', async () => {
    const dir = root();
    const r = await runCli(['list', '--root', dir, '--status', 'pending', '--json']);
    expect(JSON.parse(r.stdout).tasks.map((t: { id: string }) => t.id)).toEqual(['TASK-2', 'TASK-3']);
    const t = await runCli(['list', '--root', dir, '--milestone', 'MVP']);
    expect(t.stdout).toMatch(/^ID\s+STATUS\s+DEPENDS ON\s+MILESTONE\s+TITLE\n/);
    expect(t.stdout).toMatch(/TASK-2\s+pending\s+TASK-1\s+MVP\s+Second/);
    const bad = await runCli(['list', '--root', dir, '--status', 'later']);
    expect(bad.code).toBe(2);
  });

  test('next prints the first ready task; show prints details', async () => {
    const dir = root();
    const n = await runCli(['next', '--root', dir, '--milestone', 'MVP']);
    expect(n.code).toBe(0);
    expect(n.stdout).toBe('TASK-2\n');
    const s = await runCli(['show', 'TASK-2', '--root', dir]);
    expect(s.stdout).toMatch(/TASK-2: Second/);
    expect(s.stdout).toMatch(/final-submit expects pass\s+pytest tests\/test_auth\.py/);
    const u = await runCli(['show', 'TASK-99', '--root', dir]);
    expect(u.code).toBe(1);
    expect(u.stderr).toMatch(/unknown task TASK-99/);
  });

  test('every command has --help', async () => {
    for (const cmd of ['lint', 'list', 'next', 'show']) {
      const r = await runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: guardian/);
    }
  });
});

describe('acceptance criteria', () => {
  test('an item wrapped onto indented lines is one criterion', () => {
    const text = blueprint(
      'id: TASK-9\ntitle: t\nstatus: pending',
      '## Functional Acceptance Criteria\n*   [ ] When a user logs in, their time\n    is recorded.\n*   [x] Second.\n\nNot a continuation.\n',
    );
    const { blueprint: b } = parseBlueprint(text, 'a.md');
    expect(b!.acceptanceCriteria.map((c) => c.text)).toEqual([
      'When a user logs in, their time is recorded.',
      'Second.',
    ]);
  });
});

describe('gitSource in a subdirectory', () => {
  test('a project root below the repository top reads the same files', () => {
    const repo = makeRepo(undefined, {
      files: {
        'app/quality.toml': '[quality_checks]\ntests = "true"\n',
        'app/specs/tasks/a.md': blueprint('id: TASK-1\ntitle: a\nstatus: pending'),
      },
    });
    try {
      const base = repo.git('rev-parse', 'HEAD');
      const root = `${repo.root}/app`;
      const project = loadProject(root, gitSource(root, base));
      expect(project.problems).toEqual([]);
      expect(project.tasks.map((t) => t.id)).toEqual(['TASK-1']);
      expect(requireQuality(project).checks[0]!.command).toBe('true');
    } finally {
      repo.cleanup();
    }
  });
});

describe('line endings', () => {
  test('a CRLF blueprint parses like an LF one', () => {
    const lf = blueprint('id: TASK-1\ntitle: a\nstatus: pending\nlabels: [x]');
    const { blueprint: b, problems } = parseBlueprint(lf.replace(/\n/g, '\r\n'), 'a.md');
    expect(problems).toEqual([]);
    expect(b!.status).toBe('pending');
    expect(b!.statusLine).toBe(4);
    expect(b!.plan).toHaveLength(1);
    expect(b!.acceptanceCriteria.map((c) => c.text)).toEqual(['works']);
  });
});
