import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { MAX_TITLE_LENGTH } from '../src/todo.js';
import { parseTodoId, validateNewTodo } from '../src/validate.js';

describe('validateNewTodo', () => {
  it('accepts a title and trims it', () => {
    const result = validateNewTodo({ title: '  Buy milk ' });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.value.title, 'Buy milk');
  });

  const bad: [string, unknown, string][] = [
    ['not an object', 'Buy milk', 'body must be a JSON object'],
    ['null', null, 'body must be a JSON object'],
    ['an array', [{ title: 'x' }], 'body must be a JSON object'],
    ['a missing title', {}, 'title must be a string'],
    ['a numeric title', { title: 3 }, 'title must be a string'],
    ['a blank title', { title: '   ' }, 'title must not be empty'],
    [
      'a long title',
      { title: 'x'.repeat(MAX_TITLE_LENGTH + 1) },
      `title must be at most ${MAX_TITLE_LENGTH} characters`,
    ],
    ['an unknown field', { title: 'x', owner: 'me' }, 'unknown field "owner"'],
  ];
  for (const [name, input, error] of bad) {
    it(`rejects ${name}`, () => {
      const result = validateNewTodo(input);
      assert.equal(result.ok, false);
      assert.ok(!result.ok && result.errors.includes(error), JSON.stringify(result));
    });
  }
});

describe('parseTodoId', () => {
  it('parses positive integers', () => {
    assert.deepEqual(parseTodoId('42'), { ok: true, value: 42 });
  });

  for (const segment of ['0', '-1', '1.5', 'abc', '01', '', '99999999999999999']) {
    it(`rejects ${JSON.stringify(segment)}`, () => {
      assert.equal(parseTodoId(segment).ok, false);
    });
  }
});
