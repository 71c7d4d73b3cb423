/**
 * Inputs within the 1 MiB limit that made the spec model quadratic: a milestone listing 100,000 ids,
 * one long line that starts like a code fence, one long line that starts like a TOML table header, and
 * `list` / `next` over thousands of tasks. Each took from tens of seconds to minutes before; these
 * tests check the answers at that scale; no timing is asserted.
 */
import { describe, expect, test } from '@jest/globals';
import { findFences, splitSections } from '../../../src/spec/markdown.js';
import { parseMilestone } from '../../../src/spec/milestone.js';
import { parseQualityToml } from '../../../src/spec/quality.js';
import { runCli } from '../../support/cli.js';
import { specDir } from './helpers.js';

describe('spec parsing stays linear', () => {
  test('a milestone listing 100,000 task ids parses in seconds, a repeated id still found', () => {
    // The duplicate check compared each id with every earlier one (this file: about 40 s).
    const ids = Array.from({ length: 100_000 }, (_, i) => `T-${i}`);
    const text = `---\nid: M\ntitle: m\ntasks: [${[...ids, 'T-5'].join(',')}]\n---\n`;
    expect(text.length).toBeLessThan(1024 * 1024);
    const r = parseMilestone(text, 'specs/milestones/M.md');
    expect(r.problems).toEqual([
      {
        file: 'specs/milestones/M.md',
        line: 4,
        field: 'tasks',
        severity: 'error',
        message: 'item 100001: T-5 is listed twice',
      },
    ]);
    const ok = parseMilestone(`---\nid: M\ntitle: m\ntasks: [${ids.join(',')}]\n---\n`, 'M.md');
    expect(ok.milestone?.tasks).toHaveLength(100_000);
  });

  test('a 300,000-character line that opens like a fence and ends in a backtick is not a fence', () => {
    // The opening-fence expression backtracked over the line (100,000 characters: 18 s).
    const body = `## Goal\n\`\`\`${'a'.repeat(300_000)}\`\n## Verification Plan\nx\n`;
    const fences = findFences(body, 6);
    expect(fences).toEqual([]);
    const spaces = `\`\`\`${' '.repeat(300_000)}\`\n`;
    expect(findFences(spaces)).toEqual([]);
    // Fences still open as before: the first word of the info string, tildes too.
    expect(findFences('~~~ guardian extra\n[]\n~~~\n').map((f) => [f.info, f.openLine, f.closeLine])).toEqual(
      [['guardian', 1, 3]],
    );
    // Nor does it open a fence for the sections: the heading after it is one.
    expect(splitSections(body, 6).map((s) => s.title)).toEqual(['Goal', 'Verification Plan']);
  });

  test('quality.toml with a 500,000-space line inside a multi-line string', () => {
    // Each line is checked for a `[table]` header; this one backtracked (200,000 spaces: 31 s).
    const text = `[quality_checks]\ntests = "true"\nnote = """\n[a${' '.repeat(500_000)}b\n"""\n[validatr]\n`;
    const r = parseQualityToml(text);
    expect(r.problems.map((p) => `${p.line}:${p.field}`)).toEqual(['6:validatr']);
  });
});

describe('list and next over many tasks', () => {
  test('lint, list and next over 5,000 tasks and a milestone listing 100,000 ids answer in seconds', async () => {
    // Each command took about 20 s here: the milestone's duplicate check compared every id with every
    // earlier one, lint copied the list of known ids for each unknown one, `list` matched every task
    // against every listed id and `next` looked each pending id up in the whole task list.
    const n = 5_000;
    const files: Record<string, string> = {};
    for (let i = 0; i < n; i++) {
      files[`specs/tasks/T-${i}.md`] =
        `---\nid: T-${i}\ntitle: t\nstatus: pending\ndepends_on: [T-${(i + 1) % n}]\n---\n`;
    }
    const ids = Array.from({ length: 100_000 }, (_, i) => `T-${i}`);
    files['specs/milestones/M.md'] = `---\nid: M\ntitle: m\ntasks: [${ids.join(',')}]\n---\n`;
    const root = specDir(files);
    const run = (argv: string[]) => runCli([...argv, '--root', root]);
    const lint = await run(['lint', '--json']);
    expect(lint.code).toBe(1);
    const problems = JSON.parse(lint.stdout).problems as { field: string; message: string }[];
    expect(problems.filter((p) => /^names unknown task /.test(p.message))).toHaveLength(95_000);
    const list = await run(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')).toHaveLength(n + 3);
    expect(list.stdout).toMatch(/^T-4999 +pending +T-0 +M +t$/m);
    expect((await run(['list', '--milestone', 'M'])).code).toBe(0);
    // Every task waits on the next one (a cycle): nothing is ready. The message names the first waiting
    // tasks and counts the rest, on one line, instead of listing thousands of ids.
    for (const argv of [['next'], ['next', '--milestone', 'M']]) {
      const next = await run(argv);
      expect(next.code).toBe(1);
      expect(next.stderr).toMatch(
        /^no task is ready: pending tasks wait on dependencies \((T-\d+, ){19}T-\d+ and 4980 more\)\n$/,
      );
    }
  });
});
