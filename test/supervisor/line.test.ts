/**
 * The line's controls and bad input, end to end on a small Node project with a bare remote: unknown
 * names, bad flags, a dependency cycle, a blocked task, `--until` and `--resume`, Ctrl-C, `--dry-run`,
 * and `--max-attempts` feeding the Validator's report back to the Coder.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from '../../src/bundle/bundle.js';
import { handleInterrupts, runTask, taskExitCode } from '../../src/supervisor/index.js';
import { ledgerPath, readLedger } from '../../src/supervisor/ledger.js';
import type { ProgressSink } from '../../src/supervisor/progress.js';
import { runCli } from '../support/cli.js';
import {
  callTool,
  startScriptedServer,
  type RecordedRequest,
  type ScriptedServer,
} from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import {
  ARITHMETIC,
  arithmeticBlueprint,
  arithmeticChange,
  commitsOf,
  modelEnv,
  modelTurns,
  MUL,
  noModelEnv,
} from './helpers.js';

const SLEEPY = `
  { "description": "baseline", "stage": "pre-start", "command": "sleep \\"\${SLEEP_SECONDS:-0}\\"", "expects": "pass" },`;

const FILES: Record<string, string> = {
  ...ARITHMETIC,
  'specs/tasks/TASK-103_div.md': arithmeticBlueprint('TASK-103', 'div', 'Divide two numbers', '', SLEEPY),
  'specs/tasks/TASK-104_pow.md': arithmeticBlueprint(
    'TASK-104',
    'pow',
    'Raise to a power',
    'depends_on: [TASK-101]\n',
  ),
  'specs/tasks/TASK-201_a.md': arithmeticBlueprint('TASK-201', 'a', 'Loop A', 'depends_on: [TASK-202]\n'),
  'specs/tasks/TASK-202_b.md': arithmeticBlueprint('TASK-202', 'b', 'Loop B', 'depends_on: [TASK-201]\n'),
  'specs/milestones/LOOP.md': '---\nid: LOOP\ntitle: "A cycle"\ntasks: [TASK-201, TASK-202]\n---\n',
};

/** Attempt 1 subtracts with `+` (its test fails); attempt 2, given the Validator's report, fixes it. */
const WRONG_SUB = arithmeticChange('sub', 'Subtract two numbers', '+', 3);
const FIX_SUB = [
  callTool('edit_file', { path: 'src/sub.mjs', old_string: 'a + b', new_string: 'a - b' }),
  callTool('run_tests', {}),
  callTool('finish', { summary: 'Fixed sub after the report.' }),
];

describe('the line: controls and bad input', () => {
  let repo: TempRepo;
  let server: ScriptedServer;

  beforeAll(async () => {
    repo = makeRepo(undefined, { files: FILES });
    server = await startScriptedServer((req: RecordedRequest) => {
      const messages = (req.body?.messages ?? []) as { role: string; content?: string }[];
      const system = String(messages[0]?.content ?? '');
      const turn = messages.filter((m) => m.role === 'assistant').length;
      const second = messages.some(
        (m) => m.role === 'user' && String(m.content).includes('This is attempt 2'),
      );
      const turns = system.includes(MUL.title) ? modelTurns(MUL) : second ? FIX_SUB : modelTurns(WRONG_SUB);
      return turns[turn] ?? callTool('finish', { summary: 'done' });
    });
  });
  afterAll(async () => {
    await server?.close();
    repo?.cleanup();
  });

  it('names an unknown task or milestone', async () => {
    const t = await runCli(['run', 'TASK-999', '--root', repo.root]);
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(
      /unknown task TASK-999: no blueprint in specs\/tasks\/ has this id \(known: .*TASK-101/,
    );
    const m = await runCli(['milestone', 'NOPE', '--root', repo.root]);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/unknown milestone NOPE.*\(known: LOOP, M1\)/);
    expect(existsSync(ledgerPath(repo.root))).toBe(false);
  });

  it('refuses bad flags as usage errors', async () => {
    const until = await runCli(['run', 'TASK-101', '--root', repo.root, '--until', 'deploy']);
    expect(until.code).toBe(2);
    expect(until.stderr).toMatch(
      /--until deploy: expected one of prestart, bundle, security, code, validate, complete/,
    );
    const attempts = await runCli(['run', 'TASK-101', '--root', repo.root, '--max-attempts', '0']);
    expect(attempts.code).toBe(2);
    const parallel = await runCli(['milestone', 'M1', '--root', repo.root, '--parallel', 'two']);
    expect(parallel.code).toBe(2);
    expect(parallel.stderr).toMatch(/--parallel two: expected a whole number/);
  });

  it('refuses a milestone with a dependency cycle before anything runs', async () => {
    const r = await runCli(['milestone', 'LOOP', '--root', repo.root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/milestone LOOP cannot run: .*dependency cycle.*nothing was run/);
    expect(r.stderr).toMatch(/TASK-201 → TASK-202 → TASK-201/);
    expect(existsSync(ledgerPath(repo.root))).toBe(false);
    expect(repo.git('branch', '--list', 'guardian/LOOP')).toBe('');
    expect(repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
  });

  it('reports a task whose dependency is not done as blocked', async () => {
    const r = await runCli(['run', 'TASK-104', '--root', repo.root, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'blocked', status: 'blocked' });
    expect(JSON.parse(r.stdout).message).toMatch(/depends on TASK-101, not done yet/);
    expect(readLedger(repo.root).at(-1)).toMatchObject({ taskId: 'TASK-104', outcome: 'blocked' });
  });

  it('--until stops after a station and --resume continues from the manifest', async () => {
    const env = noModelEnv();
    const a = await runCli(['run', 'TASK-102', '--root', repo.root, '--until', 'bundle', '--json'], { env });
    expect(a.code).toBe(0);
    const first = JSON.parse(a.stdout);
    expect(first.outcome).toBe('paused');
    expect(first.stations.map((s: { station: string }) => s.station)).toEqual(['prestart', 'bundle']);
    expect(first.message).toMatch(/stopped after bundle \(--until\)/);
    const b = await runCli(
      ['run', 'TASK-102', '--root', repo.root, '--resume', '--until', 'security', '--json'],
      {
        env,
      },
    );
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout).stations.map((s: { station: string }) => s.station)).toEqual(['security']);
    const m = readManifest(join(repo.root, '.guardian/bundles/TASK-102'), 'TASK-102');
    expect(Object.keys(m.stations).sort()).toEqual(['bundle', 'prestart', 'security']);
  }, 120_000);

  it('Ctrl-C: the running station is stopped and recorded, the ledger says interrupted, --resume continues', async () => {
    const controller = new AbortController();
    const progress: ProgressSink = {
      taskStart() {},
      stationStart(_id, station) {
        if (station === 'prestart') setTimeout(() => controller.abort(), 300);
      },
      stationEnd() {},
      usage() {},
      taskEnd() {},
      log() {},
      close() {},
    };
    const r = await runTask({
      root: repo.root,
      taskId: 'TASK-103',
      env: { ...noModelEnv(), SLEEP_SECONDS: '60' },
      signal: controller.signal,
      progress,
    });
    expect(r.outcome).toBe('interrupted');
    expect(taskExitCode(r)).toBe(130);
    expect(r.durationMs).toBeLessThan(30_000); // the sleep was killed, not waited for
    expect(r.message).toMatch(/--resume` continues from prestart/);
    const end = readLedger(repo.root).at(-1)!;
    expect(end).toMatchObject({
      taskId: 'TASK-103',
      event: 'end',
      outcome: 'interrupted',
      status: 'in_progress',
    });
    const m = readManifest(join(repo.root, '.guardian/bundles/TASK-103'), 'TASK-103');
    expect(m.stations.prestart).toMatchObject({
      status: 'failed',
      note: expect.stringMatching(/interrupted/),
    });

    const again = await runTask({
      root: repo.root,
      taskId: 'TASK-103',
      resume: true,
      until: 'prestart',
      env: { ...noModelEnv(), SLEEP_SECONDS: '0' },
    });
    expect(again.outcome).toBe('paused');
    expect(again.stations.map((s) => `${s.station}:${s.status}`)).toEqual(['prestart:ok']);
  }, 120_000);

  it('a SIGINT aborts the run once; a second one quits at once with 130', () => {
    const proc = new EventEmitter() as EventEmitter & { exit: (code: number) => void };
    const exits: number[] = [];
    proc.exit = (code) => void exits.push(code);
    const notes: string[] = [];
    const h = handleInterrupts((m) => notes.push(m), proc as never);
    proc.emit('SIGINT', 'SIGINT');
    expect(h.signal.aborted).toBe(true);
    expect(exits).toEqual([]);
    proc.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([130]);
    h.dispose();
    expect(proc.listenerCount('SIGINT')).toBe(0);
    expect(notes[0]).toMatch(/stopping the running station/);
  });

  it('--dry-run runs every station but Completion: nothing committed or pushed', async () => {
    const r = await runCli(
      ['run', 'TASK-101', '--root', repo.root, '--dry-run', '--push', 'origin', '--json'],
      {
        env: modelEnv(server),
      },
    );
    expect(r.stderr).not.toMatch(/internal error/);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ outcome: 'validated', verdict: 'pass' });
    expect(out.stations.map((s: { station: string }) => s.station)).toEqual([
      'prestart',
      'bundle',
      'security',
      'code',
      'validate',
    ]);
    expect(r.code).toBe(0);
    expect(repo.git('branch', '--list', 'guardian/*')).toBe('');
    expect(repo.git('ls-remote', '--heads', 'origin')).not.toMatch(/guardian/);
    expect(readLedger(repo.root).at(-1)).toMatchObject({
      taskId: 'TASK-101',
      dryRun: true,
      outcome: 'validated',
    });
  }, 240_000);

  it("--max-attempts 2: the failed attempt's report goes back to the Coder, the second attempt is committed", async () => {
    const r = await runCli(
      ['run', 'TASK-102', '--root', repo.root, '--max-attempts', '2', '--push', 'origin', '--json'],
      {
        env: modelEnv(server),
      },
    );
    expect(r.stderr).not.toMatch(/internal error/);
    const out = JSON.parse(r.stdout);
    expect(out.stations.map((s: { station: string; status: string }) => `${s.station}:${s.status}`)).toEqual([
      'prestart:ok',
      'bundle:ok',
      'security:ok',
      'code:failed',
      'validate:failed',
      'code:ok',
      'validate:ok',
      'complete:ok',
    ]);
    expect(out).toMatchObject({
      outcome: 'committed',
      attempts: 2,
      verdict: 'pass',
      branch: 'guardian/TASK-102',
    });
    expect(r.code).toBe(0);
    // The second attempt saw the Validator's report of the first.
    const feedback = server
      .chatRequests()
      .map((q) => JSON.stringify(q.body.messages))
      .find((m) => m.includes('This is attempt 2'));
    expect(feedback).toMatch(/sub/);
    const commits = commitsOf(repo.remote, 'guardian/TASK-102', 'main');
    expect(commits.map((c) => c.trailers['Task-Id'])).toEqual(['TASK-102']);
    expect(repo.git('show', `${commits[0]!.sha}:src/sub.mjs`)).toContain('a - b');
  }, 300_000);
});
