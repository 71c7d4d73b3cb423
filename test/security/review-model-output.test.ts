/**
 * What a model server sends back is untrusted: the model name it reports, how many findings it sends,
 * and any echo of the API key must not shape or leak into the Task Bundle, the terminal or the log.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleDirFor, newManifest, writeBundleFile, writeManifest } from '../../src/bundle/bundle.js';
import { runSecurityConsultant } from '../../src/stations/security-consultant/index.js';
import { streamLogger } from '../../src/util/log.js';
import { reply, startScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';

const BLUEPRINT = (id: string) =>
  `---\nid: ${id}\ntitle: "Search products by name"\nstatus: "pending"\n---\n\n## 1. Goal\nAs a shopper, I want to search products by name in the SQL database.\n\n## 3. Implementation Plan\n1.  Add \`search_products\` to \`shop/catalog.py\`.\n`;

function makeBundle(repo: TempRepo, id: string): string {
  const dir = bundleDirFor(repo.root, id);
  writeBundleFile(dir, 'blueprint.md', BLUEPRINT(id));
  writeBundleFile(
    dir,
    'task_context.md',
    `# ${id}\n\n## Task\n\nSearch products.\n\n## Verification Plan\n\n- run the tests\n`,
  );
  writeBundleFile(
    dir,
    'evidence/search.json',
    JSON.stringify({ files: [{ path: 'shop/catalog.py', score: 3, isTest: false, reasons: [] }] }),
  );
  writeManifest(
    dir,
    newManifest({
      taskId: id,
      baseCommit: repo.git('rev-parse', 'HEAD'),
      blueprintPath: `specs/tasks/${id}.md`,
      blueprintSha256: 'x',
    }),
  );
  return dir;
}

const headings = (md: string) => md.split('\n').filter((l) => /^#{1,6}\s|^\s{0,3}(```|~~~)/.test(l));

describe('hostile model answers', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo(undefined, {
      files: {
        'shop/catalog.py':
          'import sqlite3\n\n\ndef get_product(conn, pid):\n    return conn.execute("SELECT * FROM products WHERE id = " + pid).fetchone()\n',
      },
    });
  });
  afterAll(() => repo.cleanup());

  it('a model name the server reports cannot add headings, fences or terminal escapes', async () => {
    makeBundle(repo, 'TASK-301');
    const evil = 'gpt\n## Injected heading\n```\n\u001b[31mred';
    const server = await startScriptedServer([reply('{"findings": []}', { model: evil })]);
    let logs = '';
    try {
      const r = await runSecurityConsultant({
        root: repo.root,
        taskId: 'TASK-301',
        log: streamLogger({ write: (s: string) => (logs += s) }),
        llm: { apiKey: 'local-key', baseUrl: server.url, model: 'local-model', maxRetries: 0 },
      });
      expect(r.model).toBe('local-model');
      const ctx = readFileSync(r.taskContext, 'utf8');
      expect(headings(ctx)).toEqual([
        '# TASK-301',
        '## Task',
        '## Verification Plan',
        '## Security Considerations',
        '### 1. SQL injection (high) — CWE-89 · A05:2025-Injection',
      ]);
      expect(ctx).toContain('offline rules + model `local-model`');
      const all = ctx + readFileSync(r.securityJson, 'utf8') + logs;
      expect(all).not.toContain('Injected heading');
      expect(all).not.toContain('\u001b');
      expect(JSON.parse(readFileSync(r.securityJson, 'utf8')).engine.model).toBe('local-model');
    } finally {
      await server.close();
    }
  });

  it('a plain model name the server reports (a dated snapshot) is kept', async () => {
    makeBundle(repo, 'TASK-302');
    const server = await startScriptedServer([reply('{"findings": []}', { model: 'gpt-4.1-2025-04-14' })]);
    try {
      const r = await runSecurityConsultant({
        root: repo.root,
        taskId: 'TASK-302',
        llm: { apiKey: 'local-key', baseUrl: server.url, model: 'gpt-4.1', maxRetries: 0 },
      });
      expect(r.model).toBe('gpt-4.1-2025-04-14');
    } finally {
      await server.close();
    }
  });

  it('an answer with thousands of findings is bounded: a few findings, a few notes, short files', async () => {
    makeBundle(repo, 'TASK-303');
    const findings = Array.from({ length: 3000 }, (_, i) => ({
      category: i % 2 ? 'not-a-category' : 'ssrf',
      title: `t${i} w${i} uniq${i * 7}`,
      risk: `r${i} alpha${i}`,
      advice: `a${i} beta${i} gamma${i}`,
      where: Array.from({ length: 30 }, (_x, j) => ({ path: 'shop/catalog.py', line: 1 + ((i + j) % 5) })),
    }));
    const server = await startScriptedServer([reply(JSON.stringify({ findings }))]);
    let logs = '';
    try {
      const r = await runSecurityConsultant({
        root: repo.root,
        taskId: 'TASK-303',
        log: streamLogger({ write: (s: string) => (logs += s) }),
        llm: { apiKey: 'local-key', baseUrl: server.url, model: 'local-model', maxRetries: 0 },
      });
      const fromModel = r.findings.filter((f) => f.source === 'model');
      expect(fromModel.length).toBeGreaterThan(0);
      expect(fromModel.length).toBeLessThanOrEqual(20);
      for (const f of r.findings) expect(f.where.length).toBeLessThanOrEqual(10);
      expect(r.notes.length).toBeLessThanOrEqual(25);
      expect(r.notes).toContainEqual(expect.stringMatching(/read the first 20 of its 3000 findings/));
      expect(readFileSync(r.securityJson, 'utf8').length).toBeLessThan(100_000);
      expect(readFileSync(r.taskContext, 'utf8').length).toBeLessThan(50_000);
      expect(logs.length).toBeLessThan(20_000);
    } finally {
      await server.close();
    }
  });

  it("a server that echoes the model's API key does not get it into the bundle", async () => {
    makeBundle(repo, 'TASK-304');
    const key = 'gw-local-7Hq2Zt9KpL4mWx8RvB3n';
    const server = await startScriptedServer((req) =>
      reply(
        JSON.stringify({
          findings: [
            {
              category: 'ssrf',
              title: 'Outbound calls',
              risk: `the request carried ${String(req.headers.authorization)}`,
              advice: `keep ${key} out of the code`,
              where: [{ path: 'shop/catalog.py', line: 5 }],
            },
          ],
        }),
      ),
    );
    let logs = '';
    try {
      const r = await runSecurityConsultant({
        root: repo.root,
        taskId: 'TASK-304',
        log: streamLogger({ write: (s: string) => (logs += s) }),
        llm: { apiKey: key, baseUrl: server.url, model: 'local-model', maxRetries: 0 },
      });
      expect(r.findings.some((f) => f.source === 'model')).toBe(true);
      const dir = r.bundleDir;
      for (const file of ['security.json', 'task_context.md', 'transcript.jsonl', 'manifest.json']) {
        expect(readFileSync(join(dir, file), 'utf8')).not.toContain(key);
      }
      expect(JSON.stringify(r)).not.toContain(key);
      expect(logs).not.toContain(key);
      expect(readFileSync(r.securityJson, 'utf8')).toContain('[REDACTED:known-secret]');
    } finally {
      await server.close();
    }
  });
});
