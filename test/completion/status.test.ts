/** The blueprint's status edit: one value on one line, everything else byte for byte. */
import { describe, expect, it } from '@jest/globals';
import { setStatusDone } from '../../src/stations/completion/index.js';
import { parseBlueprint } from '../../src/spec/index.js';

const blueprint = (status: string, eol = '\n') =>
  [
    '---',
    'id: TASK-007',
    'title: "A task"',
    status,
    '---',
    '',
    '## 1. Goal',
    'status: pending (this line is not front matter)',
    '',
    '## 4. Verification Plan',
    '```guardian',
    '[{"description": "d", "stage": "final-submit", "command": "true", "expects": "pass"}]',
    '```',
    '',
  ].join(eol);

describe('setStatusDone', () => {
  it.each([
    ['status: "pending"', 'status: "done"'],
    ["status: 'in_progress'", "status: 'done'"],
    ['status: pending   # set by hand', 'status: done   # set by hand'],
  ])('%s -> %s', (before, after) => {
    const raw = blueprint(before);
    const { blueprint: b } = parseBlueprint(raw, 'specs/tasks/TASK-007_a.md');
    expect(b?.statusLine).toBe(4);
    expect(setStatusDone(raw, b!.statusLine, b!.path)).toBe(blueprint(after));
  });

  it('keeps CRLF line endings', () => {
    const raw = blueprint('status: "pending"', '\r\n');
    expect(setStatusDone(raw, 4, 'specs/tasks/TASK-007_a.md')).toBe(blueprint('status: "done"', '\r\n'));
  });

  it('refuses a line that is not a status line, naming the file and line', () => {
    expect(() => setStatusDone(blueprint('status: "pending"'), 2, 'specs/tasks/T.md')).toThrow(
      /specs\/tasks\/T\.md:2: no `status:` line/,
    );
  });
});
