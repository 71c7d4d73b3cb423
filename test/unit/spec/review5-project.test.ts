/**
 * Project-level mistakes that passed in silence: a blueprint named `TASK-7.MD` (never read), a file
 * named after one task that declares another (`show TASK-7` called TASK-7 unknown without saying
 * why), a blueprint whose file name is not UTF-8 (left out in silence from the working tree, "could
 * not be read" from a commit), milestone ids equal but for case (one branch on macOS), and a dependency
 * listed twice (each of its problems reported twice).
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../../../src/spec/project.js';
import { gitSource } from '../../../src/spec/source.js';
import { runCli } from '../../support/cli.js';
import { makeRepo, type TempRepo } from '../../support/repo.js';
import { blueprint, specDir } from './helpers.js';

const front = (id: string, more = '') => `id: ${id}\ntitle: "Task ${id}"\nstatus: pending${more}`;

interface JsonProblem {
  file: string;
  line?: number;
  field?: string;
  severity: string;
  message: string;
}

const repos: TempRepo[] = [];
afterAll(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

async function lintProblems(root: string): Promise<JsonProblem[]> {
  const r = await runCli(['lint', '--root', root, '--json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout).problems as JsonProblem[];
}

describe('files in the spec folders', () => {
  test('a blueprint or milestone with another Markdown extension is a warning, not silence', async () => {
    const root = specDir({
      'specs/tasks/TASK-1.md': blueprint(front('TASK-1')),
      'specs/tasks/TASK-2.MD': blueprint(front('TASK-2')),
      'specs/tasks/TASK-3.markdown': blueprint(front('TASK-3')),
      'specs/tasks/notes.txt': 'not a blueprint',
      'specs/milestones/MVP.Md': '---\nid: MVP\ntitle: m\ntasks: [TASK-1]\n---\n',
    });
    const problems = await lintProblems(root);
    expect(problems.map((p) => `${p.file}: ${p.severity}: ${p.message}`)).toEqual([
      "specs/tasks/TASK-2.MD: warning: not read: only files whose names end in '.md' are blueprints",
      "specs/tasks/TASK-3.markdown: warning: not read: only files whose names end in '.md' are blueprints",
      "specs/milestones/MVP.Md: warning: not read: only files whose names end in '.md' are milestones",
    ]);
  });

  test('a file named after one task that declares another: a warning, and show says which file', async () => {
    const root = specDir({
      'specs/tasks/TASK-6_login.md': blueprint(front('TASK-6')),
      'specs/tasks/TASK-7.md': blueprint(front('TASK-6x')),
      'specs/tasks/login-page.md': blueprint(front('TASK-8')),
    });
    const problems = await lintProblems(root);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'specs/tasks/TASK-7.md',
        line: 2,
        field: 'id',
        severity: 'warning',
        message: 'the file is named after TASK-7 but its id is TASK-6x',
      }),
    ]);
    const show = await runCli(['show', 'TASK-7', '--root', root]);
    expect(show.code).toBe(1);
    expect(show.stderr).toContain(
      'unknown task TASK-7: no blueprint in specs/tasks/ has this id; specs/tasks/TASK-7.md declares id TASK-6x',
    );
  });
});

describe('file names', () => {
  test('a blueprint whose name is not UTF-8 is an error, in the working tree and in a commit', async () => {
    const repo = makeRepo();
    repos.push(repo);
    repo.write('quality.toml', '[quality_checks]\ntests = "true"\n');
    repo.write('specs/tasks/TASK-1.md', blueprint(front('TASK-1')));
    const bad = Buffer.concat([
      Buffer.from(join(repo.root, 'specs', 'tasks', 'TASK-2')),
      Buffer.from([0xff]),
      Buffer.from('.md'),
    ]);
    writeFileSync(bad, blueprint(front('TASK-2')));
    const expected = {
      file: 'specs/tasks/TASK-2\ufffd.md',
      severity: 'error',
      message: 'its name is not valid UTF-8: spec file names must be UTF-8',
    };
    const problems = await lintProblems(repo.root);
    expect(problems).toEqual([expect.objectContaining(expected)]);
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'specs');
    const atCommit = loadProject(repo.root, gitSource(repo.root, repo.git('rev-parse', 'HEAD')));
    expect(atCommit.tasks.map((t) => t.id)).toEqual(['TASK-1']);
    expect(atCommit.problems).toEqual([expect.objectContaining(expected)]);
  });
});

describe('milestone ids', () => {
  test('two milestone ids that differ only in case are an error naming both files', async () => {
    const root = specDir({
      'specs/tasks/TASK-1.md': blueprint(front('TASK-1')),
      'specs/tasks/TASK-2.md': blueprint(front('TASK-2')),
      'specs/milestones/MVP.md': '---\nid: MVP\ntitle: m\ntasks: [TASK-1]\n---\n',
      'specs/milestones/mvp-small.md': '---\nid: mvp\ntitle: m\ntasks: [TASK-2]\n---\n',
    });
    const problems = await lintProblems(root);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'specs/milestones/mvp-small.md',
        line: 2,
        field: 'id',
        severity: 'error',
        message:
          'milestone id mvp differs from MVP (specs/milestones/MVP.md) only in case: they would share a branch on a case-insensitive file system',
      }),
    ]);
  });
});

describe('depends_on', () => {
  test('a dependency listed twice is a warning at its item, and its problem is reported once', async () => {
    const root = specDir({
      'specs/tasks/TASK-1.md': blueprint(front('TASK-1', '\ndepends_on: [TASK-404, TASK-2, TASK-404]')),
      'specs/tasks/TASK-2.md': blueprint(front('TASK-2')),
    });
    const problems = await lintProblems(root);
    expect(problems.map((p) => `${p.line}: ${p.severity}: ${p.message}`)).toEqual([
      '5: warning: item 3: TASK-404 is listed twice',
      '5: error: depends on unknown task TASK-404 (known: TASK-1, TASK-2)',
    ]);
  });
});
