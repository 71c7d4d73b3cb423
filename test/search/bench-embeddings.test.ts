// The retrieval benchmark with an embeddings endpoint: each case ranked with and without the re-ranking in
// the same run, the endpoint's key kept out of every file, and a failing endpoint stopping the run.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRepo, type TempRepo } from '../support/repo.js';

const KEY = 'sk-bench-test-0123456789abcdef';
const RUN = join(process.cwd(), 'bench', 'retrieval', 'run.mjs');
const WORK = join(process.cwd(), 'bench', '.work');

let repo: TempRepo;
let server: Server;
let url: string;
let fail = false;
const auth: string[] = [];
const name = `embtest${process.pid}`;
const out = mkdtempSync(join(tmpdir(), 'guardian-bench-'));

// Commits that change one module each, with messages a task could have.
const HISTORY: [string, string, string][] = [
  [
    'src/parser.py',
    'def parse(text):\n    return text.split(",")\n',
    'Parse quoted values in the CSV parser',
  ],
  [
    'src/render.py',
    'def render(rows):\n    return "\\n".join(rows)\n',
    'Render rows with a trailing newline',
  ],
  [
    'src/parser.py',
    'def parse(text):\n    return [t.strip() for t in text.split(",")]\n',
    'Strip spaces around parsed values',
  ],
  [
    'src/render.py',
    'def render(rows):\n    return "\\n".join(rows) + "\\n"\n',
    'Render an empty table as nothing',
  ],
];

beforeAll(async () => {
  repo = makeRepo(undefined, {
    files: {
      'src/parser.py': 'def parse(text):\n    return [text]\n',
      'src/render.py': 'def render(rows):\n    return rows\n',
      'src/config.py': 'TIMEOUT = 5\n',
    },
  });
  for (const [path, content, message] of HISTORY) {
    repo.write(path, content);
    repo.git('commit', '-qam', message);
  }
  repo.git('push', '-q', 'origin', 'main');

  server = createServer((req, res) => {
    auth.push(String(req.headers.authorization));
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (fail) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'model not loaded' } }));
        return;
      }
      const parsed = JSON.parse(body) as { model: string; input: string[] };
      // A toy model: "render" and "parse" are its two dimensions.
      const embed = (t: string) => [
        (t.match(/render/gi) ?? []).length + 0.1,
        (t.match(/pars/gi) ?? []).length + 0.1,
      ];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          model: parsed.model,
          data: parsed.input.map((t, index) => ({ object: 'embedding', index, embedding: embed(t) })),
          usage: { prompt_tokens: 1, total_tokens: 1 },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  repo.cleanup();
  rmSync(out, { recursive: true, force: true });
  rmSync(join(WORK, 'repos', name), { recursive: true, force: true });
  for (const d of [name, `${name}-case`]) rmSync(join(WORK, 'cache', d), { recursive: true, force: true });
});

/** Runs the harness as a child process (asynchronously: the endpoint answers from this process). */
const bench = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [RUN, '--fast', '--no-baselines', '--cases', '4', ...args, `${name}=${repo.remote}`],
      { env: { ...process.env, GUARDIAN_EMBEDDINGS_API_KEY: KEY } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

describe('bench/retrieval/run.mjs --embeddings-url', () => {
  it('ranks every case with and without the re-ranking, and keeps the key out of its files', async () => {
    const file = join(out, 'emb.json');
    const r = await bench('--embeddings-url', url, '--embeddings-model', 'toy-embed', '--out', file);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const results = JSON.parse(readFileSync(file, 'utf8')) as {
      options: { embeddings?: unknown };
      repos: { cases: { guardian: { r5: number }; plain?: { r5: number } }[] }[];
      intervals: Record<string, unknown>;
    };
    expect(results.options.embeddings).toEqual({ baseUrl: url, model: 'toy-embed' });
    const cases = results.repos[0]!.cases;
    expect(cases).toHaveLength(HISTORY.length);
    for (const c of cases) expect(c.plain).toEqual(expect.objectContaining({ r5: expect.any(Number) }));
    expect(results.intervals.r5FromEmbeddings).toBeDefined();
    expect(r.stdout).toContain('| guardian + embeddings |');
    expect(r.stdout).toContain('| | | guardian, no embeddings |');
    expect(r.stdout).toMatch(/recall@5 change from embeddings: -?\d+\.\d/);
    // The endpoint was used, with the key from the environment, and the key is in no file.
    expect(auth.length).toBeGreaterThan(0);
    expect(auth.every((a) => a === `Bearer ${KEY}`)).toBe(true);
    expect(r.stdout + r.stderr).not.toContain(KEY);
    for (const f of [file, `${file}.md`, join(WORK, 'query-args.json')]) {
      let text = '';
      try {
        text = readFileSync(f, 'utf8');
      } catch {
        continue; // --fast writes no query arguments
      }
      expect(text).not.toContain(KEY);
    }
  }, 180_000);

  it('stops with the endpoint’s failure rather than report the plain ranker as re-ranked', async () => {
    fail = true;
    try {
      const r = await bench('--embeddings-url', url, '--embeddings-model', 'toy-embed');
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(
        /embeddings re-ranking skipped \(http:\/\/127\.0\.0\.1:\d+\/v1\): .*model not loaded/,
      );
      expect(r.stdout).not.toContain('| guardian + embeddings |');
    } finally {
      fail = false;
    }
  }, 180_000);

  it('wants the endpoint and its model together', async () => {
    const r = await bench('--no-build', '--embeddings-url', url);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--embeddings-url and --embeddings-model go together');
  });
});
