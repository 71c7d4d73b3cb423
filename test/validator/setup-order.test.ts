/**
 * The `[setup]` commands of the judged tree and of the red tree run one after the other: both
 * worktrees share the repository's git directory, and a setup command that writes there (husky's
 * `prepare` runs `git config core.hooksPath`) failed on git's config lock when the two ran side by side.
 * Here the setup command takes a lock of its own in the shared git directory for half a second and
 * fails if the other tree's setup holds it.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { ValidationReport } from '../../src/stations/validator/types.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { doubleValue, readJson, smallRepoFiles } from './helpers.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const SETUP =
  'd=\\"$(git rev-parse --git-common-dir)/setup-probe\\"; mkdir \\"$d\\" || { echo other setup running >&2; exit 1; }; sleep 0.5; rmdir \\"$d\\"';

describe('[setup] commands of the judged and the red tree', () => {
  it('run one after the other, never side by side', async () => {
    const r = makeRepo(undefined, {
      files: smallRepoFiles(
        `[quality_checks]\nlint = "test -f src/value.txt"\n[setup]\ncommands = ["${SETUP}"]\n`,
      ),
    });
    repos.push(r);
    doubleValue(r);
    const v = await runCli(['validate', 'TASK-001', '--root', r.root, '--clean']);
    const report = readJson<ValidationReport>(join(r.root, '.guardian/bundles/TASK-001/validation.json'));
    const setups = report.checks.filter((c) => c.name.startsWith('setup'));
    // Both trees ran their setup (the judged one and the red one), and both passed.
    expect(setups.length).toBeGreaterThanOrEqual(2);
    expect(setups.map((c) => c.outcome)).toEqual(setups.map(() => 'pass'));
    expect(v.code).toBe(0);
  });
});
