/**
 * Secrets in the evidence files: the Bundler scans the written JSON once more, but there a string's
 * quotes and line breaks are escapes (`\"`, `\n`) that hide a quoted value or a line's start from the
 * patterns. A secret in a rule heading or in a documentation server's error text must not reach
 * `evidence/*.json` any more than `task_context.md`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBundler } from '../../src/stations/bundler/index.js';
import { makeCanaries } from '../secrets/canaries.js';
import { makeRepo } from '../support/repo.js';

const c = makeCanaries(23);

const BLUEPRINT = [
  '---',
  'id: TASK-001',
  'title: "Payment export"',
  'status: pending',
  '---',
  '## 1. Goal',
  'Export payments as CSV with zod in src/payment_export.ts.',
  '## 2. Functional Acceptance Criteria',
  '*   [ ] The export has a header row.',
  '## 4. Verification Plan',
  '```guardian',
  '[{"description": "tests", "stage": "final-submit", "command": "npm test", "expects": "pass"}]',
  '```',
  '',
].join('\n');

function allFiles(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) Object.assign(out, allFiles(join(dir, e.name), `${prefix}${e.name}/`));
    else out[prefix + e.name] = readFileSync(join(dir, e.name), 'utf8');
  }
  return out;
}

describe('secrets in text the evidence files quote', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // A documentation server whose error text quotes a secret (an echo of some configuration).
    server = createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      if (u.pathname.endsWith('/libs/search')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ results: [{ id: '/colinhacks/zod', title: 'zod', versions: [] }] }));
        return;
      }
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`upstream failed\naws_secret_access_key = "${c.awsSecretAccessKey}"\n${c.awsAccessKeyId}`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('are redacted in evidence/*.json as in task_context.md', async () => {
    const repo = makeRepo(undefined, {
      files: {
        'specs/tasks/TASK-001_export.md': BLUEPRINT,
        'specs/architecture.md': `# Architecture\n\n## Payment export: aws_secret_access_key = "${c.awsSecretAccessKey}"\n\n- payment export rule\n`,
        'package.json': JSON.stringify({ name: 'app', dependencies: { zod: '^3.0.0' } }),
        'src/payment_export.ts': 'import { z } from "zod";\nexport const s = z.object({});\n',
      },
    });
    try {
      const r = await runBundler({
        root: repo.root,
        taskId: 'TASK-001',
        python: { sitePackages: [] },
        nodeModules: [],
        context7: { apiKey: 'k-test-1234', baseUrl: url },
      });
      const files = allFiles(r.bundleDir);
      expect(Object.keys(files)).toEqual(
        expect.arrayContaining(['task_context.md', 'evidence/rules.json', 'evidence/knowledge.json']),
      );
      // The rule and the note are there, their secrets are not.
      expect(files['evidence/rules.json']).toContain('Payment export: aws_secret_access_key');
      expect(files['evidence/knowledge.json']).toContain('upstream failed');
      for (const [name, text] of Object.entries(files)) {
        expect({ name, leaks: text.includes(c.awsSecretAccessKey) }).toEqual({ name, leaks: false });
        expect({ name, leaks: text.includes(c.awsAccessKeyId) }).toEqual({ name, leaks: false });
        if (name.endsWith('.json')) expect(() => JSON.parse(text)).not.toThrow();
      }
    } finally {
      repo.cleanup();
    }
  });
});
