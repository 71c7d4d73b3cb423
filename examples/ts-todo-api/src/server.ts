/**
 * The HTTP API on node:http. Routes are thin: read and validate the input
 * (src/validate.ts), call the store, answer JSON.
 *
 *   GET  /todos       200 [Todo]
 *   POST /todos       201 Todo            body { "title": string }
 *   GET  /todos/:id   200 Todo | 404
 *
 * Errors are JSON too: { "error": string, "details"?: string[] }.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { TodoStore } from './store.js';
import { parseTodoId, validateNewTodo } from './validate.js';

/** Request bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: string[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'content-type must be application/json');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `body must be at most ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
}

function methodNotAllowed(allowed: string[]): never {
  throw new HttpError(405, 'method not allowed', [], { allow: allowed.join(', ') });
}

async function route(store: TodoStore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const segments = url.pathname.split('/').filter((s) => s !== '');

  if (segments.length === 1 && segments[0] === 'todos') {
    if (req.method === 'GET') return sendJson(res, 200, store.list());
    if (req.method === 'POST') {
      const result = validateNewTodo(await readJsonBody(req));
      if (!result.ok) throw new HttpError(400, 'invalid todo', result.errors);
      const todo = store.add(result.value);
      return sendJson(res, 201, todo, { location: `/todos/${todo.id}` });
    }
    return methodNotAllowed(['GET', 'POST']);
  }

  if (segments.length === 2 && segments[0] === 'todos') {
    const id = parseTodoId(segments[1] ?? '');
    if (!id.ok) throw new HttpError(400, 'invalid id', id.errors);
    if (req.method === 'GET') {
      const todo = store.get(id.value);
      if (todo === undefined) throw new HttpError(404, `todo ${id.value} not found`);
      return sendJson(res, 200, todo);
    }
    return methodNotAllowed(['GET']);
  }

  throw new HttpError(404, 'not found');
}

/** Creates the API server around a store (a fresh, empty one by default). */
export function createTodoServer(store: TodoStore = new TodoStore()): Server {
  return createServer((req, res) => {
    route(store, req, res).catch((err: unknown) => {
      if (err instanceof HttpError) {
        const body =
          err.details.length > 0 ? { error: err.message, details: err.details } : { error: err.message };
        sendJson(res, err.status, body, err.headers);
        return;
      }
      console.error(err);
      sendJson(res, 500, { error: 'internal error' });
    });
  });
}
