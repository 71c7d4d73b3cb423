/**
 * The bundle action's job summary lists the Bundler's notes, which quote the blueprint (a relevant test
 * that does not exist yet) and documentation servers' error text: as text, not as HTML that could close
 * the notes' <details> early and reshape the rest of the summary.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { run as bundle } from '../../src/actions/bundle/main.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { errorCommands, GREETING_BLUEPRINT, GREETING_QUALITY } from './harness.js';
import { runSource } from './hosts-harness.js';

let repo: TempRepo;

beforeAll(() => {
  const blueprint = GREETING_BLUEPRINT.replace(
    '  - "tests/test_greeting.py"\n',
    '  - "tests/test_greeting.py"\n  - "tests/a` </details><img src=x> `.py"\n',
  );
  repo = makeRepo('python-flask-users', {
    files: { 'quality.toml': GREETING_QUALITY, 'specs/tasks/TASK-900_greeting.md': blueprint },
  });
});
afterAll(() => repo?.cleanup());

test('bundle: a note quoting the blueprint is text in the job summary, not HTML', async () => {
  const r = await runSource(bundle, { cwd: repo.root, inputs: { 'task-id': 'TASK-900', prestart: 'false' } });
  expect(errorCommands(r)).toEqual([]);
  expect(r.summary).toMatch(/<details><summary>Notes \(\d+\)<\/summary>/);
  // A backtick in the name ends the note's code span early: what follows must still be text.
  expect(r.summary).toContain('&lt;/details&gt;&lt;img src=x&gt;');
  expect(r.summary).not.toContain('<img');
  // The notes' own <details> is the only one, and it is closed once.
  expect(r.summary.match(/<\/details>/g)).toHaveLength(1);
});
