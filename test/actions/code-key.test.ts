/**
 * The Coder runs tests the model wrote; an API key given as an input is in the environment of the
 * action's process, where those tests can read it (/proc/<pid>/environ). Given as `llm-api-key-file`,
 * it is read and removed when the action starts and is found in no process's environment.
 */
import { afterAll, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callTool, startScriptedServer } from '../support/llm-server.js';
import type { TempRepo } from '../support/repo.js';
import {
  errorCommands,
  greetingCoderScript,
  greetingRepo,
  NODE24,
  procEnvScanner,
  runAction,
  runActionAsync,
} from './harness.js';

const KEY = 'sk-test-keyfile-0123456789abcdef0123';

const repos: TempRepo[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const r of repos) r.cleanup();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function runCoder(key: {
  input?: string;
  file?: string;
}): Promise<{ scans: number[]; keyFile?: string }> {
  const repo = greetingRepo();
  repos.push(repo);
  const dir = mkdtempSync(join(tmpdir(), 'guardian-keyfile-'));
  dirs.push(dir);
  const out = join(dir, 'scans');
  expect(
    errorCommands(runAction('bundle', { cwd: repo.root, inputs: { 'task-id': 'TASK-900' }, node: NODE24 })),
  ).toEqual([]);
  expect(
    errorCommands(runAction('security', { cwd: repo.root, inputs: { 'task-id': 'TASK-900' }, node: NODE24 })),
  ).toEqual([]);
  const server = await startScriptedServer(
    greetingCoderScript([
      callTool('write_file', { path: 'tests/conftest.py', content: procEnvScanner(KEY, out) }),
    ]),
  );
  let keyFile: string | undefined;
  if (key.file !== undefined) {
    keyFile = join(dir, 'llm-key');
    writeFileSync(keyFile, key.file, { mode: 0o600 });
  }
  try {
    const c = await runActionAsync('code', {
      cwd: repo.root,
      inputs: {
        'task-id': 'TASK-900',
        model: 'gpt-4.1',
        'llm-base-url': server.url,
        ...(key.input ? { 'llm-api-key': key.input } : {}),
        ...(keyFile ? { 'llm-api-key-file': keyFile } : {}),
      },
      node: NODE24,
    });
    expect(errorCommands(c)).toEqual([]);
    expect(c.outputs['stop-reason']).toBe('finished');
    // The key reached the model server either way.
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  } finally {
    await server.close();
  }
  const scans = readFileSync(out, 'utf8').trim().split('\n').map(Number);
  return { scans, keyFile };
}

test("as an input, the key is in the action's environment, where the model's tests read it", async () => {
  const { scans } = await runCoder({ input: KEY });
  expect(scans.length).toBeGreaterThanOrEqual(2);
  expect(scans.every((n) => n >= 1)).toBe(true);
});

test("from llm-api-key-file, the file is removed at the start and no process's environment holds the key", async () => {
  const { scans, keyFile } = await runCoder({ file: `${KEY}\n` });
  expect(existsSync(keyFile!)).toBe(false);
  expect(scans.length).toBeGreaterThanOrEqual(2);
  expect(scans).toEqual(scans.map(() => 0));
});

test('llm-api-key-file and llm-api-key together, or a file that is not one key, are refused with one message', () => {
  const repo = greetingRepo();
  repos.push(repo);
  const dir = mkdtempSync(join(tmpdir(), 'guardian-keyfile-'));
  dirs.push(dir);
  const file = join(dir, 'k');
  writeFileSync(file, KEY);
  const both = runAction('code', {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK-900', 'llm-api-key': KEY, 'llm-api-key-file': file },
    node: NODE24,
  });
  expect(errorCommands(both)).toEqual([
    "::error::inputs 'llm-api-key-file' and 'llm-api-key' are both set; give the key one way",
  ]);
  writeFileSync(file, 'two words\n');
  const bad = runAction('code', {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK-900', 'llm-api-key-file': file },
    node: NODE24,
  });
  expect(errorCommands(bad)).toEqual([
    expect.stringMatching(
      /^::error::input 'llm-api-key-file': the file ".*" does not hold one key on one line$/,
    ),
  ]);
  const missing = runAction('code', {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK-900', 'llm-api-key-file': join(dir, 'none') },
    node: NODE24,
  });
  expect(errorCommands(missing)).toEqual([
    expect.stringMatching(
      /^::error::input 'llm-api-key-file': cannot read ".*none" \(ENOENT\); expected a file holding the key$/,
    ),
  ]);
});
