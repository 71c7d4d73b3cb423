/**
 * Symbolic links among the spec files are never followed, and never silently ignored either: a linked
 * blueprint, milestone, quality.toml or rule file is named with the reason.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gitSource, loadProject } from '../../../src/spec/index.js';
import { runCli } from '../../support/cli.js';
import { makeRepo, type TempRepo } from '../../support/repo.js';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

describe('symbolic links among spec files', () => {
  test('lint reports a linked blueprint, and show names the link instead of "unknown task"', async () => {
    repo = makeRepo('python-flask-users');
    symlinkSync('/etc/passwd', join(repo.root, 'specs/tasks/TASK-060_evil.md'));
    const lint = await runCli(['lint', '--root', repo.root]);
    expect(lint.code).toBe(1);
    expect(lint.stdout + lint.stderr).toMatch(
      /specs\/tasks\/TASK-060_evil\.md: error: symbolic link \(not followed\): spec files must be regular files/,
    );
    expect(lint.stdout + lint.stderr).not.toMatch(/root:x:0/);
    const show = await runCli(['show', 'TASK-060', '--root', repo.root]);
    expect(show.code).toBe(1);
    expect(show.stderr).toMatch(
      /task TASK-060 has an invalid blueprint:\n.*TASK-060_evil\.md: error: symbolic link/,
    );
    // The other tasks are not affected.
    expect((await runCli(['show', 'TASK-042', '--root', repo.root])).code).toBe(0);
  });

  test('a linked or directory quality.toml says why it cannot be read', async () => {
    repo = makeRepo('python-flask-users');
    repo.git('rm', '-q', 'quality.toml');
    symlinkSync('/etc/passwd', join(repo.root, 'quality.toml'));
    const linked = await runCli(['lint', '--root', repo.root]);
    expect(linked.code).toBe(1);
    expect(linked.stdout + linked.stderr).toMatch(/quality\.toml: error: symbolic link \(not followed\)/);
    repo.git('add', 'quality.toml');
    repo.git('commit', '-qm', 'link quality.toml');
    // Read from a commit (what the Validator does), the link is reported the same way, not as "missing".
    const atCommit = loadProject(repo.root, gitSource(repo.root, 'HEAD'));
    expect(atCommit.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'quality.toml',
          severity: 'error',
          message: expect.stringMatching(/^symbolic link/),
        }),
      ]),
    );
    repo.git('rm', '-q', 'quality.toml');
    mkdirSync(join(repo.root, 'quality.toml'));
    const dir = await runCli(['lint', '--root', repo.root]);
    expect(dir.stdout + dir.stderr).toMatch(/quality\.toml: error: is a directory; expected a file/);
  });

  test('a linked milestone is reported', async () => {
    repo = makeRepo('python-flask-users');
    symlinkSync('../../README.md', join(repo.root, 'specs/milestones/M9.md'));
    const lint = await runCli(['lint', '--root', repo.root]);
    expect(lint.stdout + lint.stderr).toMatch(
      /specs\/milestones\/M9\.md: error: symbolic link \(not followed\)/,
    );
  });

  test('a linked specs/architecture.md is named in the bundle notes', async () => {
    repo = makeRepo('python-flask-users');
    repo.git('mv', 'specs/architecture.md', 'specs/real-architecture.md.txt');
    symlinkSync('real-architecture.md.txt', join(repo.root, 'specs/architecture.md'));
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'link the rules');
    const run = await runCli(['bundle', 'TASK-042', '--root', repo.root, '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { notes: string[] };
    expect(doc.notes.join('\n')).toMatch(
      /rule source `specs\/architecture\.md` skipped: symbolic link \(not followed\)/,
    );
  });
});
