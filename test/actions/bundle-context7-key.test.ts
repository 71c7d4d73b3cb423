/**
 * The bundle action runs the pre-start checks and quality.toml's [setup] commands: the repository's
 * code. A Context7 key given as an input is in the environment of the action's process, where that
 * code can read it (/proc/<pid>/environ). Given as `context7-api-key-file`, it is read and removed when
 * the action starts, found in no process's environment, and still reaches Context7.
 */
import { afterAll, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startContext7StandIn, VALID_KEY } from '../knowledge/context7-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { errorCommands, NODE24, procEnvScanner, runAction, runActionAsync } from './harness.js';

const repos: TempRepo[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const r of repos) r.cleanup();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function scratch(): string {
  const d = mkdtempSync(join(tmpdir(), 'guardian-c7key-'));
  dirs.push(d);
  return d;
}

/** A repository whose [setup] command counts the processes whose environment holds the key. */
function repoScanningFor(key: string, out: string): TempRepo {
  const scan = procEnvScanner(key, out);
  const repo = makeRepo('python-flask-users', {
    files: {
      'quality.toml':
        '[quality_checks]\ntests = "python3 -m pytest -q tests/test_auth.py"\n\n[setup]\ncommands = ["python3 scan_env.py"]\n',
      'scan_env.py': scan,
    },
  });
  repos.push(repo);
  return repo;
}

async function bundleWith(key: { input?: string; file?: string }) {
  const dir = scratch();
  const out = join(dir, 'scans');
  const repo = repoScanningFor(VALID_KEY, out);
  let keyFile: string | undefined;
  if (key.file !== undefined) {
    keyFile = join(dir, 'context7-key');
    writeFileSync(keyFile, key.file, { mode: 0o600 });
  }
  const server = await startContext7StandIn();
  try {
    const run = await runActionAsync('bundle', {
      cwd: repo.root,
      env: { CONTEXT7_API_URL: server.url },
      inputs: {
        'task-id': 'TASK-042',
        ...(key.input ? { 'context7-api-key': key.input } : {}),
        ...(keyFile ? { 'context7-api-key-file': keyFile } : {}),
      },
      node: NODE24,
    });
    expect(errorCommands(run)).toEqual([]);
    return {
      scans: readFileSync(out, 'utf8').trim().split('\n').map(Number),
      keyFile,
      authorizations: server.requests.map((r) => r.authorization),
    };
  } finally {
    await server.close();
  }
}

test("as an input, the key is in the action's environment, where the [setup] commands read it", async () => {
  const { scans } = await bundleWith({ input: VALID_KEY });
  expect(scans.length).toBeGreaterThanOrEqual(1);
  expect(scans.every((n) => n >= 1)).toBe(true);
});

test('from context7-api-key-file, the file is removed, no environment holds the key, and Context7 gets it', async () => {
  const { scans, keyFile, authorizations } = await bundleWith({ file: `${VALID_KEY}\n` });
  expect(existsSync(keyFile!)).toBe(false);
  expect(scans.length).toBeGreaterThanOrEqual(1);
  expect(scans).toEqual(scans.map(() => 0));
  expect(authorizations.length).toBeGreaterThan(0);
  expect(authorizations.every((a) => a === `Bearer ${VALID_KEY}`)).toBe(true);
});

test('both ways at once is one message, and either that or a mistake in another input removes the key file', () => {
  const dir = scratch();
  const repo = repoScanningFor(VALID_KEY, join(dir, 'scans'));
  const file = join(dir, 'k');
  writeFileSync(file, VALID_KEY);
  const both = runAction('bundle', {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK-042', 'context7-api-key': VALID_KEY, 'context7-api-key-file': file },
    node: NODE24,
  });
  expect(errorCommands(both)).toEqual([
    "::error::inputs 'context7-api-key-file' and 'context7-api-key' are both set; give the key one way",
  ]);
  expect(existsSync(file)).toBe(false);
  writeFileSync(file, VALID_KEY);
  const badId = runAction('bundle', {
    cwd: repo.root,
    inputs: { 'task-id': 'TASK 900', 'context7-api-key-file': file },
    node: NODE24,
  });
  expect(errorCommands(badId)).toEqual([expect.stringMatching(/^::error::input 'task-id'/)]);
  expect(existsSync(file)).toBe(false);
});
