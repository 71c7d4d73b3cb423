/**
 * A pull request body shared by the tasks of a milestone: each task owns the text between its markers.
 * Text a person wrote around the sections may mention a marker; the section is still found and replaced.
 */
import { expect, test } from '@jest/globals';
import { withSection } from '../../src/github/pulls.js';

test("an end marker quoted before the task's section does not make each update append another section", () => {
  const body =
    'Notes: Guardian keeps each task between `<!-- guardian:ID -->` and `<!-- /guardian:TASK-1 -->`.\n\n' +
    '<!-- guardian:TASK-1 -->\nold\n<!-- /guardian:TASK-1 -->\n';
  const once = withSection(body, 'TASK-1', 'new');
  expect(once).toBe(body.replace('\nold\n', '\nnew\n'));
  // Updating again changes nothing: the body does not grow with every run of the task.
  expect(withSection(once, 'TASK-1', 'new')).toBe(once);
});
