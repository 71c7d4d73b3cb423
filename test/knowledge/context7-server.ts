/**
 * A local stand-in for the Context7 REST API (`/api/v2/libs/search`, `/api/v2/context`) on 127.0.0.1,
 * answering from a small fixed catalogue. It records every request and can be told to fail.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInRequest {
  path: string;
  query: Record<string, string>;
  authorization?: string;
}

export interface StandIn {
  /** Base URL to give the client, e.g. http://127.0.0.1:PORT/api */
  url: string;
  requests: StandInRequest[];
  /** Next responses are this status (with a JSON message) until reset to undefined. */
  failWith?: number;
  /** Never answer (to test timeouts). */
  hang: boolean;
  close(): Promise<void>;
}

export const VALID_KEY = 'ctx7sk-test-key';

const LIBRARIES = [
  {
    id: '/sqlalchemy/sqlalchemy',
    title: 'SQLAlchemy',
    description: 'The Python SQL toolkit and ORM',
    totalSnippets: 4200,
    trustScore: 9.1,
    versions: ['rel_2_0_30', 'v1.4.46'],
  },
  { id: '/someone/sqlalchemy-utils', title: 'SQLAlchemy-Utils', description: 'Utilities', versions: [] },
];

export async function startContext7StandIn(): Promise<StandIn> {
  const state: StandIn = { url: '', requests: [], hang: false, close: async () => {} };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://x');
    state.requests.push({
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      authorization: req.headers.authorization,
    });
    if (state.hang) return; // the client's timeout must end this
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${VALID_KEY}`)
      return json(401, { error: 'unauthorized', message: 'Invalid API key' });
    if (state.failWith) return json(state.failWith, { message: `failing with ${state.failWith}` });
    if (u.pathname === '/api/v2/libs/search') {
      const name = (u.searchParams.get('libraryName') ?? '').toLowerCase();
      // The real service answers fuzzy matches first; the client must prefer the exact one.
      const hits = LIBRARIES.filter((l) => l.title.toLowerCase().includes(name)).reverse();
      return json(200, { results: hits });
    }
    if (u.pathname === '/api/v2/context') {
      const id = u.searchParams.get('libraryId') ?? '';
      if (!id.startsWith('/sqlalchemy/sqlalchemy'))
        return json(404, { error: 'no_documentation_found', message: 'not found' });
      return json(200, {
        codeSnippets: [
          {
            codeTitle: 'Add a timezone-aware DateTime column',
            codeDescription: `Declare a column that stores aware datetimes (library ${id}).`,
            codeId: 'https://docs.sqlalchemy.org/en/14/core/type_basics.html',
            codeList: [
              { language: 'python', code: 'last_login = Column(DateTime(timezone=True), nullable=True)' },
            ],
          },
        ],
        infoSnippets: [
          { breadcrumb: 'Core > Types > DateTime', content: 'DateTime(timezone=True) keeps the offset.' },
        ],
      });
    }
    json(404, { message: 'no such endpoint' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/api`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
