/**
 * What the checks may not rewrite: the Validator's own records in the main checkout's
 * `.guardian/validator/`, the Task Bundle being judged, and the change's files in the clean worktree. A test runs the change's code, and both are
 * a known path away (`git rev-parse --git-common-dir` leads from a worktree to the main checkout).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationReport } from '../../src/stations/validator/types.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { linterRepoFiles, readJson, writeBundleManifest } from './helpers.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function repoWithLinter(): TempRepo {
  const r = makeRepo(undefined, { files: linterRepoFiles() });
  repos.push(r);
  return r;
}

const CHECK = 'grep -qx 2 src/value.txt || exit 1\n';
/** The main checkout, from the worktree the check runs in. */
const MAIN = '"$(git rev-parse --path-format=absolute --git-common-dir)/.."';
const reportOf = (r: TempRepo) =>
  readJson<ValidationReport>(join(r.root, '.guardian/bundles/TASK-001/validation.json'));
const validate = (r: TempRepo) => runCli(['validate', 'TASK-001', '--root', r.root, '--clean']);

describe('guard:state and the judged tree', () => {
  it('a check that removes the record of a neutered linter fails, and the record is put back', async () => {
    const r = repoWithLinter();
    r.write('src/value.txt', '2\n');
    // Attempt 1 neuters the linter: it fails and the finding is written down.
    r.write('tests/check.sh', `${CHECK}printf '' > node_modules/mylint/index.js\n`);
    expect((await validate(r)).code).toBe(1);
    const marker = join(r.root, '.guardian/validator/deps-tainted.json');
    const recorded = readFileSync(marker, 'utf8');

    // Attempt 2 removes the record while its checks run.
    r.write('tests/check.sh', `${CHECK}rm -f ${MAIN}/.guardian/validator/deps-tainted.json\n`);
    expect((await validate(r)).code).toBe(1);
    const state = reportOf(r).checks.find((c) => c.name === 'guard:state');
    expect(state?.outcome).toBe('fail');
    expect(state?.diagnostics).toEqual([
      expect.objectContaining({
        file: '.guardian/validator/deps-tainted.json',
        message: expect.stringMatching(/removed by a check during validation \(put back\)/),
      }),
    ]);
    expect(readFileSync(marker, 'utf8')).toBe(recorded);

    // Attempt 3, harmless itself, still runs the neutered linter: it fails.
    r.write('tests/check.sh', CHECK);
    expect((await validate(r)).code).toBe(1);
    expect(reportOf(r).checks.find((c) => c.name === 'guard:deps')?.outcome).toBe('fail');
  });

  it("a check that rewrites the bundle's manifest or patch fails, and both are put back", async () => {
    const r = repoWithLinter();
    r.write('src/value.txt', '2\n');
    r.write(
      'tests/check.sh',
      `${CHECK}b=${MAIN}/.guardian/bundles/TASK-001\nprintf x >> "$b/manifest.json"\nprintf '' > "$b/changes.patch"\n`,
    );
    r.git('add', '-A');
    const patch = r.git('diff', '--cached', '--binary', 'HEAD') + '\n';
    r.git('reset', '-q', '--hard');
    writeBundleManifest(r, 'TASK-001', 'specs/tasks/TASK-001_double.md');
    r.write('.guardian/bundles/TASK-001/changes.patch', patch);
    const manifest = readFileSync(join(r.root, '.guardian/bundles/TASK-001/manifest.json'), 'utf8');
    const v = await validate(r);
    expect(v.code).toBe(1);
    const state = reportOf(r).checks.find((c) => c.name === 'guard:state');
    expect(state?.diagnostics.map((d) => d.file).sort()).toEqual([
      '.guardian/bundles/TASK-001/changes.patch',
      '.guardian/bundles/TASK-001/manifest.json',
    ]);
    expect(readFileSync(join(r.root, '.guardian/bundles/TASK-001/changes.patch'), 'utf8')).toBe(patch);
    // The manifest is the one from before the checks, with the Validator's own record added.
    const m = JSON.parse(readFileSync(join(r.root, '.guardian/bundles/TASK-001/manifest.json'), 'utf8'));
    expect(m.baseCommit).toBe(JSON.parse(manifest).baseCommit);
    expect(m.stations.validate.verdict).toBe('fail');
    expect(existsSync(join(r.root, '.guardian/bundles/TASK-001/validation.json'))).toBe(true);
  });

  it('a test that rewrites the implementation in the clean worktree before checking it fails', async () => {
    const r = repoWithLinter();
    // The change "implements" the task with a marker; its test writes the real value when it sees it.
    r.write('src/value.txt', 'MARK\n');
    r.write(
      'tests/check.sh',
      'grep -q MARK src/value.txt && echo 2 > src/value.txt\ngrep -qx 2 src/value.txt\n',
    );
    const v = await validate(r);
    expect(v.code).toBe(1);
    const report = reportOf(r);
    expect(report.judgedIn).toBe('clean-worktree');
    // What made it pass: the plan and the red/green proof both hold.
    expect(report.checks.find((c) => c.name === 'plan:2')?.outcome).toBe('pass');
    expect(report.checks.find((c) => c.name === 'tdd:red-green')?.outcome).toBe('pass');
    expect(report.summary).toBe('fail: guard:unchanged-tree');
    expect(report.checks.find((c) => c.name === 'guard:unchanged-tree')?.diagnostics).toEqual([
      expect.objectContaining({
        file: 'src/value.txt',
        line: 1,
        message: expect.stringMatching(/rewritten by a check during validation/),
      }),
    ]);
    // The working tree holds the change as it was.
    expect(readFileSync(join(r.root, 'src/value.txt'), 'utf8')).toBe('MARK\n');
  });

  it('checks that leave them alone add no such check', async () => {
    const r = repoWithLinter();
    r.write('src/value.txt', '2\n');
    r.write('tests/check.sh', CHECK);
    expect((await validate(r)).code).toBe(0);
    expect(reportOf(r).checks.map((c) => c.name)).not.toContain('guard:state');
    expect(reportOf(r).checks.map((c) => c.name)).not.toContain('guard:unchanged-tree');
  });
});
