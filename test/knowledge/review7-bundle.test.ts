/**
 * `guardian bundle` on a repository whose code imports a package that is not installed but locked:
 * the context says which version the lock file records, and a lock file that cannot be read is a note
 * in a bundle that is still written.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBundler } from '../../src/stations/bundler/index.js';
import { EXAMPLES, makeRepo } from '../support/repo.js';
import { startContext7StandIn, VALID_KEY } from './context7-server.js';

describe('guardian bundle with lock files', () => {
  it('reports the locked version of a package that is not installed, and a broken lock file as a note', async () => {
    const src = readFileSync(join(EXAMPLES, 'ts-todo-api', 'src/store.ts'), 'utf8');
    const repo = makeRepo('ts-todo-api', {
      files: {
        'src/store.ts': `import { z } from 'zod';\n${src}`,
        'package-lock.json': JSON.stringify({
          lockfileVersion: 3,
          packages: { '': { name: 'ts-todo-api' }, 'node_modules/zod': { version: '3.22.4' } },
        }),
        'pnpm-lock.yaml': `importers:\n  .:\n    dependencies:\n      zod: ${'['.repeat(1_000_000)}\n`,
      },
    });
    try {
      const empty = join(repo.root, 'vendor', 'node_modules');
      mkdirSync(empty, { recursive: true });
      writeFileSync(join(repo.root, 'yarn.lock'), Buffer.from([0x7a, 0x6f, 0x64, 0xc3, 0x28, 0x0a]));
      const r = await runBundler({ root: repo.root, taskId: 'TASK-001', nodeModules: [empty] });
      const ctx = readFileSync(join(r.bundleDir, 'task_context.md'), 'utf8');
      expect(ctx).toContain('no offline API facts; `package-lock.json` locks version 3.22.4');
      expect(ctx).toContain('lock file `yarn.lock` skipped: not valid UTF-8');
      const evidenceDir = join(r.bundleDir, 'evidence');
      const knowledge = readdirSync(evidenceDir)
        .map((f) => readFileSync(join(evidenceDir, f), 'utf8'))
        .find((t) => t.includes('"providers"'))!;
      const zod = (
        JSON.parse(knowledge) as { libraries: { importName: string; locked?: unknown }[] }
      ).libraries.find((l) => l.importName === 'zod');
      expect(zod?.locked).toEqual({ file: 'package-lock.json', versions: ['3.22.4'] });
    } finally {
      repo.cleanup();
    }
  });
});

describe('a locked, not installed library with Context7 documentation', () => {
  it('is headed with the locked version, said to be locked and not installed, and Context7 is asked for it', async () => {
    const server = await startContext7StandIn();
    const repo = makeRepo('python-flask-users', {
      files: {
        'poetry.lock':
          '[[package]]\nname = "SQLAlchemy"\nversion = "1.4.46"\n\n[[package]]\nname = "flask"\nversion = "3.0.0"\n',
      },
    });
    try {
      const r = await runBundler({
        root: repo.root,
        taskId: 'TASK-042',
        python: { interpreters: [] },
        context7: { apiKey: VALID_KEY, baseUrl: server.url },
      });
      const ctx = readFileSync(join(r.bundleDir, 'task_context.md'), 'utf8');
      expect(ctx).toContain('\n### SQLAlchemy 1.4.46\n\n_locked in poetry.lock, not installed · ');
      expect(
        server.requests.some(
          (q) => q.path === '/api/v2/context' && q.query.libraryId === '/sqlalchemy/sqlalchemy/v1.4.46',
        ),
      ).toBe(true);
    } finally {
      repo.cleanup();
      await server.close();
    }
  });
});
