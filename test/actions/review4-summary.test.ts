/**
 * Job summaries hold untrusted text: a model's finish summary (the model server's answer), and in the
 * complete job a validation.json that came through the validate job's artifact. The summary stays
 * within what GitHub shows (a step summary over 1 MiB is dropped whole), and a report's fields stay
 * text on their line.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { run as bundle } from '../../src/actions/bundle/main.js';
import { run as code } from '../../src/actions/code/main.js';
import { run as complete } from '../../src/actions/complete/main.js';
import { run as line } from '../../src/actions/line/main.js';
import { run as validate } from '../../src/actions/validate/main.js';
import { readManifest, writeBundleFile, writeManifest } from '../../src/bundle/bundle.js';
import { fitSummary, writeSummary } from '../../src/github/summary.js';
import { callTool, startScriptedServer } from '../support/llm-server.js';
import type { TempRepo } from '../support/repo.js';
import { errorCommands, greetingCoderScript, greetingRepo, writeGreetingChange } from './harness.js';
import { runSource, STACK } from './hosts-harness.js';

/** What GitHub accepts as a step summary. */
const LIMIT = 1024 * 1024;

let repo: TempRepo;
beforeAll(async () => {
  repo = greetingRepo();
  const b = await runSource(bundle, { cwd: repo.root, inputs: { 'task-id': 'TASK-900', prestart: 'false' } });
  expect(errorCommands(b)).toEqual([]);
});
afterAll(() => repo.cleanup());

test("code: a model's finish summary of 1.1 MB leaves a job summary GitHub shows, tables included", async () => {
  const script = greetingCoderScript();
  script[script.length - 1] = callTool('finish', { summary: `Done. ${'€'.repeat(370_000)}` });
  const server = await startScriptedServer(script);
  try {
    const r = await runSource(code, {
      cwd: repo.root,
      inputs: {
        'task-id': 'TASK-900',
        model: 'gpt-test',
        'llm-base-url': server.url,
        'llm-api-key': 'sk-test-review4-0123456789abcdef',
        'max-attempts': '1',
      },
    });
    expect(errorCommands(r)).toEqual([]);
    expect(r.outputs['stop-reason']).toBe('finished');
    expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(LIMIT);
    expect(r.summary).toContain('### 🛠️ Coder — TASK-900');
    expect(r.summary).toContain('> Done. €€€');
    expect(r.summary).toMatch(/\| code \| ok \|/);
  } finally {
    await server.close();
  }
}, 60_000);

test('two writes of 700 KB in one step: the file stays under 1 MiB and says what was cut', async () => {
  const part = `${'line of check output\n'.repeat(35_000)}`;
  const r = await runSource(
    async () => {
      await writeSummary(`### first\n${part}`);
      await writeSummary(`### second\n${part}`);
    },
    { cwd: repo.root },
  );
  expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(LIMIT);
  expect(r.summary).toContain('### first');
  expect(r.summary).toContain('### second');
  expect(r.summary).toMatch(/the rest is cut: a job summary shows at most 1 MiB/);
});

test('fitSummary cuts between characters, never inside one', () => {
  const md = `# x\n${'😀'.repeat(300_000)}`;
  const fitted = fitSummary(md, 100_001);
  expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(100_001);
  expect(fitted).not.toContain('\uFFFD');
  expect(fitted.startsWith('# x\n😀😀')).toBe(true);
  expect(fitSummary('short', 100)).toBe('short');
});

test("complete: a report's task id, summary and base are text on their line, not HTML or headings", async () => {
  const fresh = greetingRepo();
  try {
    writeGreetingChange(fresh);
    const v = await runSource(validate, { cwd: fresh.root, inputs: { 'task-id': 'TASK-900' } });
    expect(v.outputs.verdict).toBe('pass');
    const sha = v.outputs['patch-sha256']!;
    const dir = join(fresh.root, '.guardian/bundles/TASK-900');
    const doc = JSON.parse(readFileSync(join(dir, 'validation.json'), 'utf8')) as Record<string, unknown>;
    // Rewritten (manifest and all) by a process the checks left running, verdict and sha kept.
    const forged: Record<string, unknown> = {
      ...doc,
      verdict: 'fail',
      taskId: 'TASK-900 <img src="https://evil.example/p.png">',
      summary: 'fail: tests\n\n## ✅ Validator: pass\n\n<a href="https://evil.example">approve</a>',
      baseCommit: '`<b>x</b>`',
    };
    delete forged.changedFiles;
    writeBundleFile(dir, 'validation.json', JSON.stringify(forged, null, 2) + '\n');
    writeManifest(dir, readManifest(dir, 'TASK-900'));
    const r = await runSource(complete, {
      cwd: fresh.root,
      inputs: { 'task-id': 'TASK-900', verdict: 'fail', 'patch-sha256': sha },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(STACK);
    expect(errorCommands(r).filter((l) => l.startsWith('::error::'))).toEqual([
      expect.stringMatching(/^::error::TASK-900: the Validator's verdict is fail .*; nothing committed$/),
    ]);
    expect(r.summary).not.toMatch(/<img|<a |<b>/);
    expect(r.summary.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '### ❌ Validator: fail — TASK-900 &lt;img src="https://evil.example/p.png"&gt;',
    ]);
    expect(r.summary).toContain('fail: tests ## ✅ Validator: pass &lt;a href=');
  } finally {
    fresh.cleanup();
  }
});

test("line: a model server's error text is text in the job summary, not HTML", async () => {
  // A proxy that answers every request with 200 and an error body, its message HTML.
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { message: '<img src="https://evil.example/p.png"><details open><summary>x</summary>' },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const fresh = greetingRepo();
  try {
    const r = await runSource(line, {
      cwd: fresh.root,
      inputs: {
        'task-id': 'TASK-900',
        'coder-model': 'gpt-test',
        'llm-base-url': `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
        'llm-api-key': 'sk-test-review4-0123456789abcdef',
        'max-attempts': '1',
        push: 'false',
      },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(STACK);
    expect(r.outputs.outcome).toBe('failed');
    expect(r.summary).toContain('&lt;img src=');
    expect(r.summary).not.toMatch(/<img|<details open>/);
  } finally {
    fresh.cleanup();
    await new Promise<void>((r) => server.close(() => r()));
  }
}, 60_000);
