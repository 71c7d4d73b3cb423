/**
 * Escape sequences, bidi overrides and line breaks in blueprints, milestones and file names are
 * untrusted text: `lint`, `list`, `show` and the errors of every command print them written out
 * (`\u001b`), never raw, and fields that become branch names, commit trailers or milestone ids refuse
 * them.
 */
import { describe, expect, test } from '@jest/globals';
import { runCli } from '../../support/cli.js';
import { BASIC_FRONT, blueprint, specDir } from './helpers.js';

const T = 'specs/tasks/TASK-001_thing.md';
const ESC = '\u001b';

/** No raw control character but the line breaks between lines of output. */
function expectNoRawControl(s: string): void {
  // eslint-disable-next-line no-control-regex
  expect(s).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
}

describe('lint prints what it quotes from a file as text', () => {
  test('a key, a branch, a list item and a file name with escape sequences or line breaks', async () => {
    const root = specDir({
      [T]: blueprint(
        `${BASIC_FRONT}\n"k\\e[2J": 1\nbranch: "a\\e]0;title\\a"\nrelevant_tests: ["t\\e[31m.py"]`,
      ),
      'specs/tasks/evil\nspecs/tasks/TASK-009.md:1: error: forged.md': blueprint(
        'id: TASK-002\ntitle: x\nstatus: nope',
      ),
    });
    const r = await runCli(['lint', '--root', root]);
    expect(r.code).toBe(1);
    expectNoRawControl(r.stdout + r.stderr);
    expect(r.stdout).toContain(`${T}:5: error: k\\u001b[2J: unknown field 'k\\u001b[2J'`);
    expect(r.stdout).toContain(
      `${T}:6: error: branch: 'a\\u001b]0;title\\u0007' is not a valid git branch name`,
    );
    expect(r.stdout).toContain(
      `${T}:7: error: relevant_tests: item 1 't\\u001b[31m.py': expected plain text`,
    );
    // The file name's line break cannot start a problem line of its own.
    expect(r.stdout).toContain(
      'specs/tasks/evil\\u000aspecs/tasks/TASK-009.md:1: error: forged.md:4: error: status: expected one of',
    );
    expect(r.stdout).not.toMatch(/^specs\/tasks\/TASK-009\.md/m);
  });

  test('an unknown task or milestone named on the command line is echoed as text', async () => {
    const root = specDir({ [T]: blueprint(BASIC_FRONT) });
    const show = await runCli(['show', `TASK${ESC}[2J`, '--root', root]);
    expect(show.code).toBe(1);
    expect(show.stderr).toBe(
      'guardian: unknown task TASK\\u001b[2J: no blueprint in specs/tasks/ has this id (known: TASK-001)\n',
    );
    const next = await runCli(['next', '--milestone', 'a\nb', '--root', root]);
    expect(next.code).toBe(1);
    expect(next.stderr).toBe(
      'guardian: unknown milestone a\\u000ab: no file in specs/milestones/ has this id\n',
    );
  });
});

describe('fields that leave the file are plain text', () => {
  test.each([
    [
      'requirement_id with a line break (a forged commit trailer)',
      'requirement_id: "REQ-1\\nSigned-off-by: x"',
      'requirement_id',
    ],
    ['requirement_id with an escape sequence', 'requirement_id: "REQ-1\\e[31m"', 'requirement_id'],
    ['milestone that is not a milestone id', 'milestone: "M\\e[31m\\nfake: error"', 'milestone'],
    ['milestone with a path', 'milestone: "../M"', 'milestone'],
    ['a label with a line break', 'labels: ["ok", "b\\nc"]', 'labels'],
    ['a dependency with an escape sequence', 'depends_on: ["T\\e[31m"]', 'depends_on'],
  ])('%s', async (_name, line, field) => {
    const root = specDir({ [T]: blueprint(`${BASIC_FRONT}\n${line}`) });
    const r = await runCli(['lint', '--root', root, '--json']);
    expect(r.code).toBe(1);
    const problems = JSON.parse(r.stdout).problems as { file: string; line: number; field: string }[];
    expect(problems).toEqual([expect.objectContaining({ file: T, line: 5, field, severity: 'error' })]);
    const show = await runCli(['show', 'TASK-001', '--root', root]);
    expect(show.code).toBe(1);
    expectNoRawControl(show.stderr);
    expect(show.stdout).toBe('');
  });

  test('a milestone schedule with an escape sequence is refused', async () => {
    const root = specDir({
      [T]: blueprint(BASIC_FRONT),
      'specs/milestones/M.md': '---\nid: M\ntitle: m\ntasks: [TASK-001]\nschedule: "0 3 * * \\e[2J"\n---\n',
    });
    const r = await runCli(['lint', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'specs/milestones/M.md:5: error: schedule: expected a cron expression with five fields like "0 3 * * *", got "0 3 * * \\u001b[2J"',
    );
  });
});

describe('show prints the blueprint as text', () => {
  test('escape sequences in the goal, a criterion and a command are written out; tabs and lines stay', async () => {
    const plan = [
      '```guardian',
      '[{"description": "d", "stage": "final-submit", "command": "make test\\nrm -rf build", "expects": "pass"}]',
      '```',
    ].join('\n');
    const root = specDir({
      [T]: blueprint(
        BASIC_FRONT,
        `## Goal\nhello ${ESC}[2J${ESC}]0;pwned\u0007 there\n\tindented \u202Eevil\n\n## Functional Acceptance Criteria\n* [ ] ${ESC}[31mred\n\n## Verification Plan\n${plan}\n`,
      ),
    });
    const r = await runCli(['show', 'TASK-001', '--root', root]);
    expect(r.code).toBe(0);
    expectNoRawControl(r.stdout.replace(/\t/g, ''));
    // lint says which criterion, as a warning.
    const lint = await runCli(['lint', '--root', root]);
    expect(lint.stdout).toContain(
      `${T}:11: warning: acceptance criteria: expected plain text: the criterion contains a control character`,
    );
    expectNoRawControl(lint.stdout);
    expect(r.stdout).toContain(
      '\n  hello \\u001b[2J\\u001b]0;pwned\\u0007 there\n  \tindented \\u202eevil\n',
    );
    expect(r.stdout).toContain('\n  [ ] \\u001b[31mred\n');
    expect(r.stdout).toContain('final-submit expects pass  make test\\u000arm -rf build\n');
    // JSON keeps the text exactly (JSON.stringify escapes it).
    const j = await runCli(['show', 'TASK-001', '--root', root, '--json']);
    expect(JSON.parse(j.stdout).task.plan[0].command).toBe('make test\nrm -rf build');
  });
});
