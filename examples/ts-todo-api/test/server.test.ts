import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { MAX_BODY_BYTES } from '../src/server.js';
import type { Todo } from '../src/todo.js';
import { request, startServer, type TestServer } from './helpers.js';

describe('todo API', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.close();
  });

  it('starts with an empty list', async () => {
    const res = await request(server.baseUrl, 'GET', '/todos');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, []);
  });

  it('creates a todo, then finds it by id and in the list', async () => {
    const created = await request(server.baseUrl, 'POST', '/todos', { title: 'Buy milk' });
    assert.equal(created.status, 201);
    const todo = created.body as Todo;
    assert.equal(todo.title, 'Buy milk');
    assert.equal(created.headers.get('location'), `/todos/${todo.id}`);

    const fetched = await request(server.baseUrl, 'GET', `/todos/${todo.id}`);
    assert.equal(fetched.status, 200);
    assert.deepEqual(fetched.body, todo);

    const list = await request(server.baseUrl, 'GET', '/todos');
    assert.ok((list.body as Todo[]).some((t) => t.id === todo.id));
  });

  it('rejects an invalid todo with the reasons', async () => {
    const res = await request(server.baseUrl, 'POST', '/todos', { title: '' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { error: 'invalid todo', details: ['title must not be empty'] });
  });

  it('rejects a body that is not JSON', async () => {
    const res = await request(server.baseUrl, 'POST', '/todos', '{"title":');
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { error: 'body is not valid JSON' });
  });

  it('rejects a body that is too large', async () => {
    const res = await request(server.baseUrl, 'POST', '/todos', { title: 'x'.repeat(MAX_BODY_BYTES) });
    assert.equal(res.status, 413);
  });

  it('rejects a request without a JSON content type', async () => {
    const res = await fetch(`${server.baseUrl}/todos`, { method: 'POST', body: 'title=x' });
    assert.equal(res.status, 415);
  });

  it('answers 404 for an unknown todo and 400 for a malformed id', async () => {
    assert.equal((await request(server.baseUrl, 'GET', '/todos/9999')).status, 404);
    assert.equal((await request(server.baseUrl, 'GET', '/todos/abc')).status, 400);
    assert.equal((await request(server.baseUrl, 'GET', '/nothing')).status, 404);
  });

  it('answers 405 with an Allow header for an unsupported method', async () => {
    const res = await request(server.baseUrl, 'DELETE', '/todos');
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET, POST');
  });
});
