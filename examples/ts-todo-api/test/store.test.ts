import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { TodoStore } from '../src/store.js';

const fixedNow = () => new Date('2026-01-05T09:00:00.000Z');

describe('TodoStore', () => {
  it('adds todos with increasing ids and a UTC creation time', () => {
    const store = new TodoStore(fixedNow);
    const first = store.add({ title: 'Buy milk' });
    const second = store.add({ title: 'Walk the dog' });
    // Field by field, so that new fields on Todo do not break this test.
    assert.equal(first.id, 1);
    assert.equal(first.title, 'Buy milk');
    assert.equal(first.createdAt, '2026-01-05T09:00:00.000Z');
    assert.equal(second.id, 2);
    assert.equal(store.size, 2);
  });

  it('gets a todo by id, or undefined', () => {
    const store = new TodoStore(fixedNow);
    const todo = store.add({ title: 'Buy milk' });
    assert.deepEqual(store.get(todo.id), todo);
    assert.equal(store.get(99), undefined);
  });

  it('lists todos oldest first', () => {
    const store = new TodoStore(fixedNow);
    store.add({ title: 'a' });
    store.add({ title: 'b' });
    assert.deepEqual(
      store.list().map((t) => t.title),
      ['a', 'b'],
    );
  });

  it('hands out copies, not the stored objects', () => {
    const store = new TodoStore(fixedNow);
    const todo = store.add({ title: 'Buy milk' });
    (todo as { title: string }).title = 'changed';
    (store.list()[0] as { title: string }).title = 'changed too';
    assert.equal(store.get(todo.id)?.title, 'Buy milk');
  });
});
