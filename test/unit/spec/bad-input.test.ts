/**
 * The bad-input table: each case is a user's mistake that must end in exit 1 with a message naming
 * the file and the line or field, no stack trace, and nothing written.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../support/cli.js';
import { BASIC_FRONT, blueprint, GOOD_PLAN, snapshot, specDir } from './helpers.js';

const T = 'specs/tasks/TASK-001_thing.md';

interface Case {
  name: string;
  files: (root: string) => Record<string, string | Buffer>;
  /** Regexps the output must match (file + line/field + what was expected). */
  expect: RegExp[];
}

const planWith = (json: string) =>
  blueprint(BASIC_FRONT, `## Goal\nx\n\n## Verification Plan\n\`\`\`guardian\n${json}\n\`\`\`\n`);

const cases: Case[] = [
  {
    name: 'no front matter',
    files: () => ({ [T]: '# Just a title\n\nNo front matter here.\n' }),
    expect: [/TASK-001_thing\.md:1: error: no front matter/],
  },
  {
    name: 'YAML syntax error (line reported)',
    files: () => ({ [T]: '---\nid: TASK-001\ntitle: "unclosed\nstatus: pending\n---\n## Goal\n' }),
    expect: [/TASK-001_thing\.md:[34]: error: YAML syntax error/],
  },
  {
    name: 'missing id',
    files: () => ({ [T]: blueprint('title: x\nstatus: pending') }),
    expect: [/TASK-001_thing\.md:1: error: id: missing required field `id`/],
  },
  {
    name: 'id not a string',
    files: () => ({ [T]: blueprint('id: 42\ntitle: x\nstatus: pending') }),
    expect: [/TASK-001_thing\.md:2: error: id: expected a string like TASK-042, got number 42/],
  },
  {
    name: 'bad status',
    files: () => ({ [T]: blueprint('id: TASK-001\ntitle: x\nstatus: finished') }),
    expect: [
      /TASK-001_thing\.md:4: error: status: expected one of pending, in_progress, done, failed, blocked, got "finished"/,
    ],
  },
  {
    name: 'relevant_tests not a list',
    files: () => ({ [T]: blueprint(`${BASIC_FRONT}\nrelevant_tests: tests/test_a.py`) }),
    expect: [/TASK-001_thing\.md:5: error: relevant_tests: expected a list, got "tests\/test_a\.py"/],
  },
  {
    name: 'relevant_tests with ..',
    files: () => ({ [T]: blueprint(`${BASIC_FRONT}\nrelevant_tests:\n  - ../outside/test_x.py`) }),
    expect: [
      /TASK-001_thing\.md:5: error: relevant_tests: item 1 '\.\.\/outside\/test_x\.py': expected a repository-relative path, got a path that leaves the repository/,
    ],
  },
  {
    name: 'relevant_tests with an absolute path',
    files: () => ({ [T]: blueprint(`${BASIC_FRONT}\nrelevant_tests: ["/etc/passwd"]`) }),
    expect: [
      /TASK-001_thing\.md:5: error: relevant_tests: item 1 '\/etc\/passwd': expected a repository-relative path, got an absolute path/,
    ],
  },
  {
    name: 'duplicate ids across two files (both named, each at its id line)',
    files: () => ({
      [T]: blueprint(BASIC_FRONT),
      // The copy declares its id after a comment and the title: reported where the id is.
      'specs/tasks/TASK-001_copy.md': blueprint(
        `# copied from TASK-001\n${BASIC_FRONT.split('\n').reverse().join('\n')}`,
      ),
    }),
    expect: [
      /TASK-001_copy\.md:5: error: id: duplicate task id TASK-001: also defined in specs\/tasks\/TASK-001_thing\.md/,
      /TASK-001_thing\.md:2: error: id: duplicate task id TASK-001: also defined in specs\/tasks\/TASK-001_copy\.md/,
    ],
  },
  {
    name: 'a `__proto__` key (reported at its line, like any unknown field)',
    files: () => ({ [T]: blueprint(`${BASIC_FRONT}\n__proto__: 1`) }),
    expect: [/TASK-001_thing\.md:5: error: __proto__: unknown field '__proto__'/],
  },
  {
    name: 'a duplicate YAML key (reported at the duplicate)',
    files: () => ({ [T]: blueprint(`${BASIC_FRONT}\nlabels: [a]\nstatus: done`) }),
    expect: [/TASK-001_thing\.md:6: error: YAML syntax error: Map keys must be unique/],
  },
  {
    name: 'depends_on unknown',
    files: () => ({ [T]: blueprint(`${BASIC_FRONT}\ndepends_on: [TASK-999]`) }),
    expect: [/TASK-001_thing\.md:5: error: depends_on: depends on unknown task TASK-999/],
  },
  {
    name: 'a dependency cycle',
    files: () => ({
      [T]: blueprint(`${BASIC_FRONT}\ndepends_on: [TASK-002]`),
      'specs/tasks/TASK-002.md': blueprint('id: TASK-002\ntitle: y\nstatus: pending\ndepends_on: [TASK-003]'),
      'specs/tasks/TASK-003.md': blueprint('id: TASK-003\ntitle: z\nstatus: pending\ndepends_on: [TASK-001]'),
    }),
    expect: [
      /TASK-001_thing\.md:5: error: depends_on: dependency cycle: TASK-001 → TASK-002 → TASK-003 → TASK-001/,
    ],
  },
  {
    name: 'plan JSON invalid (line reported)',
    files: () => ({
      [T]: planWith(
        '[\n  {\n    "description": "x",\n    "stage": "pre-start"\n    "command": "true",\n    "expects": "pass"\n  }\n]',
      ),
    }),
    // Front matter 5 lines, "## Goal" 6, x 7, blank 8, heading 9, fence 10, "[" 11 … missing comma before line 15.
    expect: [/TASK-001_thing\.md:1[45]: error: verification plan: invalid JSON/],
  },
  {
    name: 'plan not an array',
    files: () => ({ [T]: planWith('{"description": "x"}') }),
    expect: [
      /TASK-001_thing\.md:11: error: verification plan: expected a JSON array of steps, got an object/,
    ],
  },
  {
    name: 'bad stage',
    files: () => ({
      [T]: planWith(
        '[\n {"description": "x",\n  "stage": "post-merge", "command": "true", "expects": "pass"}\n]',
      ),
    }),
    expect: [
      /TASK-001_thing\.md:13: error: plan step 1\.stage: expected "pre-start" or "final-submit", got "post-merge"/,
    ],
  },
  {
    name: 'a step timeout under a second',
    files: () => ({
      [T]: planWith(
        '[{"description": "x", "stage": "pre-start", "command": "true", "expects": "pass", "timeout": 0.001}]',
      ),
    }),
    expect: [/plan step 1\.timeout: expected a number of seconds between 1 and 86400, got number 0\.001/],
  },
  {
    name: 'bad expects',
    files: () => ({
      [T]: planWith('[{"description": "x", "stage": "pre-start", "command": "true", "expects": "succeed"}]'),
    }),
    expect: [/TASK-001_thing\.md:11: error: plan step 1\.expects: expected "pass" or "fail", got "succeed"/],
  },
  {
    name: 'empty command',
    files: () => ({
      [T]: planWith('[{"description": "x", "stage": "pre-start", "command": "  ", "expects": "pass"}]'),
    }),
    expect: [/TASK-001_thing\.md:11: error: plan step 1\.command: expected a non-empty command string/],
  },
  {
    name: 'unclosed fence',
    files: () => ({ [T]: blueprint(BASIC_FRONT, '## Goal\nx\n\n## Verification Plan\n```guardian\n[]\n') }),
    expect: [/TASK-001_thing\.md:10: error: verification plan: the ```guardian block is not closed/],
  },
  {
    name: 'two guardian fences',
    files: () => ({
      [T]: blueprint(BASIC_FRONT, `## Goal\nx\n\n## Verification Plan\n${GOOD_PLAN}\n\n${GOOD_PLAN}\n`),
    }),
    expect: [
      /TASK-001_thing\.md:21: error: verification plan: more than one ```guardian block \(lines 10, 21\)/,
    ],
  },
  {
    name: 'two guardian fences, one with a bad step: both problems are reported',
    files: () => ({
      [T]: blueprint(
        BASIC_FRONT,
        `## Goal\nx\n\n## Verification Plan\n${GOOD_PLAN}\n\n${GOOD_PLAN.replace('"pass"', '"succeed"')}\n`,
      ),
    }),
    expect: [
      /TASK-001_thing\.md:21: error: verification plan: more than one ```guardian block \(lines 10, 21\)/,
      /TASK-001_thing\.md:27: error: plan step 1\.expects: expected "pass" or "fail", got "succeed"/,
    ],
  },
  {
    name: 'a ---js front matter',
    files: (root) => ({
      [T]: `---js\n{ id: (require('fs').writeFileSync(${JSON.stringify(join(root, 'PWNED'))}, 'x'), 'TASK-001'), title: 'x', status: 'pending' }\n---\n## Goal\n`,
    }),
    expect: [/TASK-001_thing\.md:1: error: front matter language 'js' is not allowed/],
  },
  {
    name: 'a YAML alias bomb',
    files: () => {
      const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 0; i < 9; i++) {
        const prev = String.fromCharCode(97 + i);
        const cur = String.fromCharCode(98 + i);
        lines.push(
          `${cur}: &${cur} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`,
        );
      }
      return { [T]: `---\nid: TASK-001\ntitle: x\nstatus: pending\n${lines.join('\n')}\n---\n## Goal\n` };
    },
    expect: [/TASK-001_thing\.md:2: error: YAML aliases expand too much/],
  },
  {
    name: 'a !!js/function tag',
    files: () => ({ [T]: blueprint(`${BASIC_FRONT}\nlabels: !!js/function "function () { return 1 }"`) }),
    expect: [/TASK-001_thing\.md:5: error: YAML syntax error: .*custom YAML tags are not allowed/],
  },
  {
    name: 'a file with NUL bytes',
    files: () => ({ [T]: blueprint(`${BASIC_FRONT}\nlabels: ["a\0b"]`) }),
    expect: [/TASK-001_thing\.md:5: error: contains a NUL byte/],
  },
  {
    name: 'invalid UTF-8',
    files: () => ({
      [T]: Buffer.concat([
        Buffer.from(blueprint(BASIC_FRONT).replace('Do it.', 'Do')),
        Buffer.from([0xff, 0xfe, 0x41]),
      ]),
    }),
    expect: [/TASK-001_thing\.md:\d+: error: invalid UTF-8 at byte \d+/],
  },
  {
    name: 'a 10 MB file',
    files: () => ({ [T]: blueprint(BASIC_FRONT) + 'x'.repeat(10 * 1024 * 1024) }),
    expect: [/TASK-001_thing\.md: error: file is 10\.0 MiB; spec files are limited to 1\.0 MiB/],
  },
  {
    name: 'an unknown field (typo)',
    files: () => ({ [T]: blueprint(`${BASIC_FRONT}\ndepend_on: [TASK-002]`) }),
    expect: [
      /TASK-001_thing\.md:5: error: depend_on: unknown field 'depend_on' \(did you mean 'depends_on'\?\)/,
    ],
  },
  {
    name: 'an invalid branch name',
    files: () => ({ [T]: blueprint(`${BASIC_FRONT}\nbranch: "feature/../x y"`) }),
    expect: [/TASK-001_thing\.md:5: error: branch: 'feature\/\.\.\/x y' is not a valid git branch name/],
  },
  {
    name: 'a branch named HEAD',
    files: () => ({ [T]: blueprint(`${BASIC_FRONT}\nbranch: HEAD`) }),
    expect: [/TASK-001_thing\.md:5: error: branch: 'HEAD' is not a valid git branch name: it is 'HEAD'/],
  },
  {
    name: 'a title with an escape sequence or a bidi override',
    files: () => ({
      [T]: blueprint('id: TASK-001\ntitle: "safe \\e]0;OWNED\\a \\u202Eevil"\nstatus: pending'),
    }),
    expect: [/TASK-001_thing\.md:3: error: title: expected plain text: it contains a control character/],
  },
  {
    name: 'a milestone id that cannot name a branch, and a title with a control character',
    files: () => ({
      [T]: blueprint(BASIC_FRONT),
      'specs/milestones/MVP.md': '---\nid: v1..2\ntitle: "M\\e[2J"\ntasks: [TASK-001]\n---\n',
      'specs/milestones/R.md': '---\nid: rel.lock\ntitle: R\ntasks: [TASK-001]\n---\n',
    }),
    expect: [
      /specs\/milestones\/MVP\.md:2: error: id: expected a milestone id .*no '\.\.', no trailing '\.' or '\.lock'/,
      /specs\/milestones\/MVP\.md:3: error: title: expected plain text/,
      /specs\/milestones\/R\.md:2: error: id: expected a milestone id/,
    ],
  },
  {
    name: 'a setup timeout beyond a day',
    files: () => ({
      [T]: blueprint(BASIC_FRONT),
      'quality.toml': '[quality_checks]\ntests = "true"\n[setup]\ncommands = ["true"]\ntimeout = 3000000\n',
    }),
    expect: [
      /quality\.toml:5: error: setup\.timeout: expected a positive number up to 86400, got number 3000000/,
    ],
  },
  {
    name: 'a milestone naming an unknown task',
    files: () => ({
      [T]: blueprint(BASIC_FRONT),
      'specs/milestones/MVP.md': '---\nid: MVP\ntitle: MVP\ntasks: [TASK-001, TASK-404]\n---\n',
    }),
    expect: [/specs\/milestones\/MVP\.md:4: error: tasks: names unknown task TASK-404/],
  },
  {
    name: 'a milestone and a dependency naming a task whose blueprint is invalid',
    files: () => ({
      [T]: blueprint(BASIC_FRONT),
      'specs/tasks/TASK-002_b.md': blueprint('id: TASK-002\ntitle: "B"\nstatus: sideways'),
      'specs/tasks/TASK-003_c.md': blueprint(
        'id: TASK-003\ntitle: "C"\nstatus: pending\ndepends_on: [TASK-002]',
      ),
      'specs/milestones/MVP.md': '---\nid: MVP\ntitle: MVP\n\ntasks:\n  - TASK-001\n  - TASK-002\n---\n',
    }),
    expect: [
      /specs\/tasks\/TASK-002_b\.md:4: error: status:/,
      /specs\/milestones\/MVP\.md:5: error: tasks: names TASK-002, whose blueprint specs\/tasks\/TASK-002_b\.md is invalid \(see its own errors\)/,
      /specs\/tasks\/TASK-003_c\.md:5: error: depends_on: depends on TASK-002, whose blueprint specs\/tasks\/TASK-002_b\.md is invalid/,
    ],
  },
  {
    name: 'quality.toml syntax error',
    files: () => ({
      [T]: blueprint(BASIC_FRONT),
      'quality.toml': '[quality_checks]\nlint = "eslint ."\ntests = \n',
    }),
    expect: [/quality\.toml:3: error: TOML syntax error/],
  },
  {
    name: 'quality.toml with a bad check',
    files: () => ({
      [T]: blueprint(BASIC_FRONT),
      'quality.toml': '[quality_checks]\nlint = { command = "eslint .", timout = 5 }\n[validatr]\njobs = 2\n',
    }),
    expect: [
      /quality\.toml:2: error: quality_checks\.lint: unknown key 'timout' in check 'lint' \(did you mean 'timeout'\?\)/,
      /quality\.toml:3: error: validatr: unknown table or key 'validatr' \(did you mean 'validator'\?\)/,
    ],
  },
];

describe('guardian lint: bad input', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const root = specDir({});
    const files = c.files(root);
    const withFiles = specDir(files);
    const before = snapshot(withFiles);
    const started = Date.now();
    const r = await runCli(['lint', '--root', withFiles]);
    const out = r.stdout + r.stderr;
    expect(r.code).toBe(1);
    for (const re of c.expect) expect(out).toMatch(re);
    expect(out).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
    expect(out).not.toMatch(/internal error/);
    expect(snapshot(withFiles)).toEqual(before); // nothing written
    expect(existsSync(join(root, 'PWNED'))).toBe(false);
    expect(existsSync(join(withFiles, 'PWNED'))).toBe(false);
    // Bad input is refused quickly, even the 10 MB file and the alias bomb (generous bound, not a benchmark).
    expect(Date.now() - started).toBeLessThan(20000);
  });

  test('every problem of a file is collected, not just the first', async () => {
    const root = specDir({ [T]: blueprint('id: 7\ntitle: ""\nstatus: nope\nrelevant_tests: x') });
    const r = await runCli(['lint', '--root', root, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    const fields = j.problems
      .filter((p: { severity: string }) => p.severity === 'error')
      .map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['id', 'title', 'status', 'relevant_tests']));
  });

  test('a usage error exits 2', async () => {
    const r = await runCli(['lint', '--root', '/definitely/not/here']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--root \/definitely\/not\/here: not a directory/);
    const r2 = await runCli(['lint', '--bogus']);
    expect(r2.code).toBe(2);
  });
});

describe("an id's problems are its own", () => {
  const task = (id: string, extra = '') => blueprint(`id: ${id}\ntitle: "${id}"\nstatus: pending${extra}`);

  test('a duplicate TASK-10 does not block TASK-1, and TASK-70 is not TASK-7', async () => {
    const root = specDir({
      'specs/tasks/TASK-1.md': task('TASK-1'),
      'specs/tasks/TASK-10-a.md': task('TASK-10'),
      'specs/tasks/TASK-10-b.md': task('TASK-10'),
      'specs/tasks/TASK-70.md': blueprint('id: TASK-70\ntitle: seventy\nstatus: bogus'),
      // A broken blueprint whose name does not hold its id: found by the id it declares.
      'specs/tasks/login.md': blueprint('id: TASK-5\ntitle: login\nstatus: bogus'),
    });
    const one = await runCli(['show', 'TASK-1', '--root', root]);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);

    const ten = await runCli(['show', 'TASK-10', '--root', root]);
    expect(ten.code).toBe(1);
    expect(ten.stderr).toMatch(/task TASK-10 has problems:\n/);
    expect(ten.stderr).toMatch(
      /TASK-10-a\.md:2: error: id: duplicate task id TASK-10: also defined in specs\/tasks\/TASK-10-b\.md/,
    );

    const seven = await runCli(['show', 'TASK-7', '--root', root]);
    expect(seven.code).toBe(1);
    expect(seven.stderr).toMatch(/unknown task TASK-7: no blueprint in specs\/tasks\/ has this id/);
    expect(seven.stderr).not.toMatch(/TASK-70\.md/);

    const seventy = await runCli(['show', 'TASK-70', '--root', root]);
    expect(seventy.code).toBe(1);
    expect(seventy.stderr).toMatch(/task TASK-70 has an invalid blueprint:\n.*TASK-70\.md:4: error: status:/);

    const five = await runCli(['show', 'TASK-5', '--root', root]);
    expect(five.code).toBe(1);
    expect(five.stderr).toMatch(
      /task TASK-5 has an invalid blueprint:\n.*specs\/tasks\/login\.md:4: error: status:/,
    );
  });

  test('an invalid milestone is named with its errors, not called unknown', async () => {
    const root = specDir({
      'specs/tasks/TASK-1.md': task('TASK-1'),
      'specs/tasks/TASK-2.md': task('TASK-2'),
      'specs/milestones/M1.md': '---\nid: M1\ntitle: "M one"\ntasks: [TASK-1, TASK-2, TASK-2]\n---\n',
      'specs/milestones/later.md': '---\nid: M2\ntitle: "M two"\ntasks: [TASK-1]\nschedule: "daily"\n---\n',
      'specs/milestones/M30.md': '---\nid: M30\ntitle: ""\ntasks: [TASK-1]\n---\n',
    });
    for (const argv of [
      ['status', '--milestone', 'M1'],
      ['list', '--milestone', 'M1'],
    ]) {
      const r = await runCli([...argv, '--root', root]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /milestone M1 has an invalid file:\n.*specs\/milestones\/M1\.md:4: error: tasks: item 3: TASK-2 is listed twice/,
      );
    }
    const m2 = await runCli(['status', '--milestone', 'M2', '--root', root]);
    expect(m2.code).toBe(1);
    expect(m2.stderr).toMatch(
      /milestone M2 has an invalid file:\n.*specs\/milestones\/later\.md:5: error: schedule: expected a cron expression/,
    );
    // M3 is not M30.
    const m3 = await runCli(['status', '--milestone', 'M3', '--root', root]);
    expect(m3.code).toBe(1);
    expect(m3.stderr).toMatch(/unknown milestone M3: no file in specs\/milestones\/ has this id/);
    expect(m3.stderr).not.toMatch(/M30\.md/);
  });
});
