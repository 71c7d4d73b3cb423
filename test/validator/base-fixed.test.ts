/**
 * A Task Bundle's base is fixed when the bundle is made (here by a first `guardian validate` without
 * one): a later `--base` naming another commit is refused, and the message says how to judge against
 * another base.
 */
import { afterAll, expect, test } from '@jest/globals';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';

const repos: TempRepo[] = [];
afterAll(() => {
  for (const r of repos) r.cleanup();
});

const BLUEPRINT = `---
id: TASK-1
title: "Add a note"
status: pending
---
## Goal
Add NOTE.md.

## Functional Acceptance Criteria
* [ ] NOTE.md exists

## Verification Plan
\`\`\`guardian
[{"description": "The note exists.", "stage": "final-submit", "command": "test -f NOTE.md", "expects": "pass"}]
\`\`\`
`;

test('--base naming another commit than the bundle is refused, with the way out', async () => {
  const repo = makeRepo(undefined, {
    files: {
      'quality.toml': '[quality_checks]\nnote = "test -f NOTE.md"\n',
      'specs/tasks/TASK-1.md': BLUEPRINT,
    },
  });
  repos.push(repo);
  const first = repo.git('rev-parse', 'HEAD');
  repo.write('NOTE.md', 'a note\n');
  const once = await runCli(['validate', 'TASK-1', '--root', repo.root, '--json']);
  expect(JSON.parse(once.stdout).baseCommit).toBe(first);

  repo.write('OTHER.md', 'more\n');
  repo.git('add', 'OTHER.md');
  repo.git('commit', '-qm', 'more');
  const head = repo.git('rev-parse', 'HEAD');
  const again = await runCli(['validate', 'TASK-1', '--root', repo.root, '--base', 'HEAD']);
  expect(again.code).toBe(1);
  expect(again.stderr.trim()).toBe(
    `guardian: --base HEAD is ${head.slice(0, 12)}, but the Task Bundle's manifest says ${first.slice(0, 12)}: refusing to judge against a base the host did not ask for (a Task Bundle's base is fixed when the bundle is made; to judge the task against another base, remove .guardian/bundles/TASK-1/ first)`,
  );
});
