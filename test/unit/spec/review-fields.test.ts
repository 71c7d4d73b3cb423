/**
 * Front matter the parser accepted but reported badly: a list as a key (a runtime warning on stderr),
 * an empty key and a quoted key (problems at line 1 instead of the key's line); `relevant_tests`
 * written `./tests/x.py` (never equal to the path git reports); task ids equal but for case.
 */
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { loadProject } from '../../../src/spec/project.js';
import { parseBlueprint } from '../../../src/spec/blueprint.js';
import { runCli } from '../../support/cli.js';
import { BASIC_FRONT, blueprint, specDir } from './helpers.js';

const T = 'specs/tasks/TASK-001_thing.md';

afterEach(() => {
  jest.restoreAllMocks();
});

describe('front matter keys', () => {
  test('a list or a mapping as a key is an error at its line, with no runtime warning', () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const r = parseBlueprint(`---\n${BASIC_FRONT}\n? [a, b]\n: 1\nlabels:\n  - { ? {x: 1} : y }\n---\n`, T);
    expect(r.blueprint).toBeUndefined();
    expect(r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '5: YAML: a key must be a plain value (a word, a number or a quoted string), not a list or a mapping',
      '8: YAML: a key must be a plain value (a word, a number or a quoted string), not a list or a mapping',
    ]);
    expect(warn).not.toHaveBeenCalled();
  });

  test('an empty key is reported at its line', () => {
    const r = parseBlueprint(`---\n${BASIC_FRONT}\n: x\n---\n`, T);
    expect(r.problems.map((p) => `${p.line}:${p.field}`)).toEqual(['5:']);
  });

  test('a quoted depends_on key: the unknown dependency is reported at its line', async () => {
    const root = specDir({
      [T]: blueprint(
        `${BASIC_FRONT}\nlabels: ["depends_on: see below"]\n"depends_on": [TASK-404]`,
        '## Goal\nx\n\ndepends_on: prose that looks like a key\n',
      ),
    });
    const r = await runCli(['lint', '--root', root, '--json']);
    const problems = JSON.parse(r.stdout).problems as { line: number; field: string; message: string }[];
    expect(problems.filter((p) => p.field === 'depends_on')).toEqual([
      expect.objectContaining({ line: 6, message: 'depends on unknown task TASK-404 (known: TASK-001)' }),
    ]);
  });
});

describe('relevant_tests', () => {
  test('paths are kept as git writes them: ./ and doubled slashes are dropped', () => {
    const root = specDir({
      [T]: blueprint(`${BASIC_FRONT}\nrelevant_tests: ["./tests/test_a.py", "tests//unit/./test_b.py"]`),
      'tests/test_a.py': '',
      'tests/unit/test_b.py': '',
    });
    const project = loadProject(root);
    expect(project.problems).toEqual([]);
    expect(project.tasks[0]!.relevantTests).toEqual(['tests/test_a.py', 'tests/unit/test_b.py']);
  });
});

describe('task ids', () => {
  test('two ids that differ only in case are an error naming both files', async () => {
    const root = specDir({
      [T]: blueprint(BASIC_FRONT),
      'specs/tasks/task-001_other.md': blueprint('id: task-001\ntitle: other\nstatus: pending'),
    });
    const r = await runCli(['lint', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'specs/tasks/task-001_other.md:2: error: id: task id task-001 differs from TASK-001 (specs/tasks/TASK-001_thing.md) only in case',
    );
  });
});
