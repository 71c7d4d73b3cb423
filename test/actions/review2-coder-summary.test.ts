/**
 * The model's finish summary reaches the code action's job summary: its HTML must not change the
 * summary around it (close the quote, open a <details> that swallows the stations table, load images).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as bundle } from '../../src/actions/bundle/main.js';
import { run as code } from '../../src/actions/code/main.js';
import { callTool, startScriptedServer } from '../support/llm-server.js';
import type { TempRepo } from '../support/repo.js';
import { errorCommands, greetingCoderScript, greetingRepo } from './harness.js';
import { runSource } from './hosts-harness.js';

const KEY = 'sk-test-review2-0123456789abcdef0123';
let repo: TempRepo;
let saved: string;

beforeAll(async () => {
  repo = greetingRepo();
  const b = await runSource(bundle, { cwd: repo.root, inputs: { 'task-id': 'TASK-900', prestart: 'false' } });
  expect(errorCommands(b)).toEqual([]);
  saved = mkdtempSync(join(tmpdir(), 'guardian-review2-bundle-'));
  cpSync(join(repo.root, '.guardian/bundles/TASK-900'), saved, { recursive: true });
});
afterAll(() => {
  repo?.cleanup();
  if (saved) rmSync(saved, { recursive: true, force: true });
});

function freshBundle(): void {
  const dir = join(repo.root, '.guardian/bundles/TASK-900');
  rmSync(dir, { recursive: true, force: true });
  cpSync(saved, dir, { recursive: true });
}

test("code: the model's finish summary is text in the job summary, not HTML", async () => {
  freshBundle();
  const summary =
    'Done.\n</blockquote><details open><summary>x</summary>\n\n| a | b |\n<img src="https://example.invalid/p.png">';
  const script = greetingCoderScript();
  script[script.length - 1] = callTool('finish', { summary });
  const server = await startScriptedServer(script);
  try {
    const r = await runSource(code, {
      cwd: repo.root,
      inputs: {
        'task-id': 'TASK-900',
        model: 'gpt-test',
        'llm-base-url': server.url,
        'llm-api-key': KEY,
        'max-attempts': '1',
      },
    });
    expect(errorCommands(r)).toEqual([]);
    expect(r.outputs['stop-reason']).toBe('finished');
    expect(r.summary).toContain('&lt;/blockquote&gt;&lt;details open&gt;');
    expect(r.summary).not.toMatch(/<details open>|<img|<\/blockquote>/);
  } finally {
    await server.close();
  }
}, 180_000);
