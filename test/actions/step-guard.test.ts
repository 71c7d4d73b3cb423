/**
 * A step that runs model-written code takes back what that code leaves behind before it sets its outputs:
 * processes that escaped every per-check sweep (new session, empty environment, working from /), and
 * writes to the runner's file commands (GITHUB_OUTPUT, GITHUB_ENV).
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { straysOf, type ProcInfo } from '../../src/exec/strays.js';
import type { TempRepo } from '../support/repo.js';
import { callTool, startScriptedServer } from '../support/llm-server.js';
import {
  errorCommands,
  greetingCoderScript,
  greetingRepo,
  runAction,
  runActionAsync,
  writeGreetingChange,
} from './harness.js';

const repos: TempRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function stepDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guardian-step-'));
  dirs.push(dir);
  for (const f of ['output', 'summary', 'env']) writeFileSync(join(dir, f), '');
  return dir;
}

/** Each run of the tests starts it: it records its pid, then appends `verdict=pass` to the output file. */
const DAEMON = `import os, sys, time
out, pids = sys.argv[1], sys.argv[2]
with open(pids, "a") as f:
    f.write(f"{os.getpid()}\\n")
while True:
    with open(out, "a") as f:
        f.write("verdict=pass\\n")
    time.sleep(0.05)
`;

function daemonConftest(out: string, pids: string): string {
  return `import os, subprocess, sys
subprocess.Popen([sys.executable, "-c", ${JSON.stringify(DAEMON)}, ${JSON.stringify(out)}, ${JSON.stringify(pids)}],
                 env={}, cwd="/", start_new_session=True,
                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
`;
}

/**
 * The action in a PID namespace of its own, as on a runner: a small init (python, which keeps the
 * environment's `INPUT_TASK-ID` that a shell would drop) is the process its orphans go to.
 */
const NAMESPACE = [
  'unshare',
  '--pid',
  '--fork',
  '--kill-child',
  '--mount-proc',
  'python3',
  '-c',
  'import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))',
];

describe('the validate step on a runner', () => {
  test('a process a check leaves running outside its group and session is killed before the outputs; what it wrote to GITHUB_OUTPUT is put back; the verdict is fail', () => {
    const repo = greetingRepo();
    repos.push(repo);
    writeGreetingChange(repo); // a right change: its tests pass
    const dir = stepDir();
    const pids = join(dir, 'daemon.pids');
    repo.write('tests/conftest.py', daemonConftest(join(dir, 'output'), pids));
    const v = runAction('validate', {
      cwd: repo.root,
      dir,
      wrap: NAMESPACE,
      env: { GITHUB_ACTIONS: 'true' },
      inputs: { 'task-id': 'TASK-900', 'fail-on-fail': 'false' },
    });
    expect(readFileSync(pids, 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(1);
    expect(v.code).toBe(1);
    expect(errorCommands(v)).toEqual([
      expect.stringMatching(
        /^::error::guard:step: the checks left \d+ process(es)? running outside their process group \(killed\); something the checks started wrote to GITHUB_OUTPUT \(put back as it was\); the verdict is fail$/,
      ),
    ]);
    expect(v.outputs.verdict).toBe('fail');
    expect(v.outputs['failed-checks']).toBe('guard:step');
    expect(v.outputs['patch-sha256']).toMatch(/^[0-9a-f]{64}$/);
    // Not one line the stray process wrote is left for the runner to read.
    expect(readFileSync(join(dir, 'output'), 'utf8')).not.toContain('verdict=pass');
    expect(v.summary).toContain('### ❌ guard:step: the checks left');
  });

  test('the same change without the stray process passes in the same setting', () => {
    const repo = greetingRepo();
    repos.push(repo);
    writeGreetingChange(repo);
    const v = runAction('validate', {
      cwd: repo.root,
      dir: stepDir(),
      wrap: NAMESPACE,
      env: { GITHUB_ACTIONS: 'true' },
      inputs: { 'task-id': 'TASK-900' },
    });
    expect(errorCommands(v)).toEqual([]);
    expect(v.outputs.verdict).toBe('pass');
    expect(v.outputs['failed-checks']).toBe('');
  });

  test("a check that writes the step's file commands itself (an output, a variable for the next step) fails the verdict, and the files are put back", () => {
    const repo = greetingRepo();
    repos.push(repo);
    writeGreetingChange(repo);
    const dir = stepDir();
    // The paths are not in the checks' environment; a check can still guess or find them.
    repo.write(
      'tests/conftest.py',
      `with open(${JSON.stringify(join(dir, 'output'))}, "a") as f:
    f.write("verdict=pass\\nswallow<<NEVER\\n")
with open(${JSON.stringify(join(dir, 'env'))}, "a") as f:
    f.write("NODE_OPTIONS=--require /tmp/evil.js\\n")
`,
    );
    const v = runAction('validate', {
      cwd: repo.root,
      dir,
      env: { GITHUB_ENV: join(dir, 'env') },
      inputs: { 'task-id': 'TASK-900', 'fail-on-fail': 'false' },
    });
    expect(errorCommands(v)).toEqual([
      '::error::guard:step: something the checks started wrote to GITHUB_OUTPUT, GITHUB_ENV (put back as it was); the verdict is fail',
    ]);
    expect(v.outputs.verdict).toBe('fail');
    expect(readFileSync(join(dir, 'output'), 'utf8')).not.toMatch(/verdict=pass|NEVER/);
    expect(readFileSync(join(dir, 'env'), 'utf8')).toBe('');
  });
});

test("the one-job line: a process the Coder's tests leave running is killed before Completion; nothing is committed or pushed", async () => {
  const repo = greetingRepo();
  repos.push(repo);
  const dir = stepDir();
  const pids = join(dir, 'daemon.pids');
  const server = await startScriptedServer(
    greetingCoderScript([
      callTool('write_file', {
        path: 'tests/conftest.py',
        content: daemonConftest(join(dir, 'output'), pids),
      }),
    ]),
  );
  try {
    const r = await runActionAsync('line', {
      cwd: repo.root,
      dir,
      wrap: NAMESPACE,
      env: { GITHUB_ACTIONS: 'true' },
      inputs: {
        'task-id': 'TASK-900',
        'coder-model': 'gpt-4.1',
        'llm-base-url': server.url,
        'llm-api-key': 'sk-test-line-0123456789abcdef0123',
      },
    });
    expect(readFileSync(pids, 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(1);
    expect(errorCommands(r)).toEqual([
      expect.stringMatching(
        /^::error::TASK-900: failed: TASK-900: nothing committed: the checks left \d+ process(es)? running outside their process group \(killed\); something the checks started wrote to GITHUB_OUTPUT \(put back as it was\)$/,
      ),
    ]);
    expect(r.outputs).toMatchObject({ outcome: 'failed', verdict: 'fail', 'commit-sha': '' });
    expect(readFileSync(join(dir, 'output'), 'utf8')).not.toContain('verdict=pass');
    expect(repo.git('--git-dir', repo.remote, 'branch', '--list')).toBe('* main');
  } finally {
    await server.close();
  }
});

test("the code step: a write to GITHUB_ENV by the model's tests is put back and reported as a warning", async () => {
  const repo = greetingRepo();
  repos.push(repo);
  const dir = stepDir();
  expect(errorCommands(runAction('bundle', { cwd: repo.root, inputs: { 'task-id': 'TASK-900' } }))).toEqual(
    [],
  );
  expect(errorCommands(runAction('security', { cwd: repo.root, inputs: { 'task-id': 'TASK-900' } }))).toEqual(
    [],
  );
  const conftest = `with open(${JSON.stringify(join(dir, 'env'))}, "a") as f:\n    f.write("NODE_OPTIONS=--require /tmp/evil.js\\n")\n`;
  const server = await startScriptedServer(
    greetingCoderScript([callTool('write_file', { path: 'tests/conftest.py', content: conftest })]),
  );
  try {
    const c = await runActionAsync('code', {
      cwd: repo.root,
      dir,
      env: { GITHUB_ENV: join(dir, 'env') },
      inputs: { 'task-id': 'TASK-900', model: 'gpt-4.1', 'llm-base-url': server.url },
    });
    expect(errorCommands(c)).toEqual([]);
    expect(c.outputs['stop-reason']).toBe('finished');
    expect(c.stdout).toContain(
      '::warning::the tests the Coder ran left something behind: something the checks started wrote to GITHUB_ENV (put back as it was)',
    );
    expect(readFileSync(join(dir, 'env'), 'utf8')).toBe('');
  } finally {
    await server.close();
  }
});

describe('which processes are strays', () => {
  const row = (pid: number, ppid: number, comm = 'python3', uid = 1001): ProcInfo => ({
    pid,
    ppid,
    uid,
    comm,
  });
  // At the start: init (1), a user manager (50), the runner (100) and its worker (110), this step (200),
  // another runner (300) of the same user.
  const snap = {
    pids: new Set([1, 50, 100, 110, 200, 300]),
    uid: 1001,
    self: 200,
    ancestors: new Set([1, 100, 110]),
  };
  const table = [
    row(1, 0, 'systemd', 0),
    row(50, 1, 'systemd'),
    row(100, 1, 'Runner.Listener'),
    row(110, 100, 'Runner.Worker'),
    row(200, 110, 'node'),
    row(300, 1, 'Runner.Listener'),
    row(201, 200), // a child of this step still running
    row(202, 201), // and its child
    row(400, 1), // an orphan: new session, reparented to init
    row(401, 400), // what it forked
    row(402, 50), // an orphan a user manager reaped
    row(500, 300, 'Runner.Worker'), // another job of the same user: left alone
    row(501, 500, 'pytest'),
    row(600, 1, 'python3', 1002), // another user's orphan: left alone
  ];
  test('descendants of the step and orphans of this user started after the start, nothing else', () => {
    expect(straysOf(snap, table).map((p) => p.pid)).toEqual([201, 202, 400, 401, 402]);
  });
  test("as root, systemd's new services are not taken for orphans; a container init's orphans are", () => {
    const root = { ...snap, uid: 0 };
    const asRoot = table.map((p) => ({ ...p, uid: 0 }));
    expect(straysOf(root, asRoot).map((p) => p.pid)).toEqual([201, 202]);
    const container = asRoot.map((p) => (p.pid === 1 ? { ...p, comm: 'tini' } : p));
    expect(straysOf(root, container).map((p) => p.pid)).toEqual([201, 202, 400, 401, 600]);
  });

  test('a process table read while it changed (a parent loop, a parent gone) is not followed forever', () => {
    expect(straysOf(snap, [...table, row(700, 701), row(701, 700), row(800, 999)]).map((p) => p.pid)).toEqual(
      [201, 202, 400, 401, 402],
    );
  });
});

test('unshare can make a PID namespace here (the runner-like tests above need one)', () => {
  const r = spawnSync(NAMESPACE[0]!, [...NAMESPACE.slice(1), 'true']);
  expect(r.status).toBe(0);
});
