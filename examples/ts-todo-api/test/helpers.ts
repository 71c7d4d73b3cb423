/** Test helpers: a real server on an ephemeral port, and a small JSON client. */
import type { AddressInfo } from 'node:net';

import { createTodoServer } from '../src/server.js';
import { TodoStore } from '../src/store.js';

export interface TestServer {
  readonly store: TodoStore;
  readonly baseUrl: string;
  close(): Promise<void>;
}

export async function startServer(store: TodoStore = new TodoStore()): Promise<TestServer> {
  const server = createTodoServer(store);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    store,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** Sends a request (a JSON body when `body` is given) and parses the JSON answer. */
export async function request(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonResponse> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.headers = { 'content-type': 'application/json' };
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const res = await fetch(baseUrl + path, init);
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  };
}
