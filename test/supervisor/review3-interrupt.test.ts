/**
 * Ctrl-C on real `guardian` processes (the CLI from its sources, test/unit/cli-from-source.mjs), sent as
 * a terminal sends it: to the whole foreground process group. The first one stops the running station
 * and the run ends `interrupted` (exit 130) — also when it killed a git command a station was running;
 * a second one quits at once, yet kills the commands still running (each has a process group of its
 * own, which the terminal's Ctrl-C does not reach), removes the Coder's and a milestone's temporary
 * worktrees (bringing the bundle back), records the run as interrupted and releases the run lock.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLedger } from '../../src/supervisor/ledger.js';
import { lockPath } from '../../src/supervisor/lock.js';
import { runMilestone } from '../../src/supervisor/milestone.js';
import { resumePoint, runTask } from '../../src/supervisor/task.js';
import { readManifest } from '../../src/bundle/bundle.js';
import { defaultStations, type StationSet } from '../../src/supervisor/stations.js';
import { runCli } from '../support/cli.js';
import { callTool, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { startCli, until } from '../support/cli-process.js';
import { noneRunning, running } from '../support/silent-server.js';
import { applyByHand, ARITHMETIC, arithmeticBlueprint, MUL, modelEnv, noModelEnv } from './helpers.js';

/** A command for a quality check or a plan step that ignores SIGTERM (so stopping it takes a while). */
const stubborn = (marker: string, needle: string) => `trap '' TERM; touch ${marker}; sleep ${needle}; true`;

/** git as found on PATH, but a push first says so (a marker file) and waits `seconds` (a slow remote). */
function slowPush(
  seconds: number,
  subcommand = 'push',
): { bin: string; marker: string; env: NodeJS.ProcessEnv } {
  const bin = mkdtempSync(join(tmpdir(), 'guardian-fakegit-'));
  const marker = join(bin, 'push-started');
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh\nfor a in "$@"; do [ "$a" = ${subcommand} ] && { touch '${marker}'; sleep ${seconds}; }; done\nexec '${realGit}' "$@"\n`,
  );
  chmodSync(join(bin, 'git'), 0o755);
  return { bin, marker, env: { ...noModelEnv(), PATH: `${bin}:${process.env.PATH ?? ''}` } };
}

const worktrees = (repo: TempRepo) =>
  repo
    .git('worktree', 'list', '--porcelain')
    .split('\n')
    .filter((l) => l.startsWith('worktree '))
    .map((l) => l.slice('worktree '.length));

describe('Ctrl-C on a real guardian process', () => {
  const repos: TempRepo[] = [];
  let server: ScriptedServer | undefined;
  afterAll(async () => {
    for (const r of repos) {
      // A temporary worktree a quit left behind (the Validator's: see the second Ctrl-C tests) goes too.
      for (const w of worktrees(r).slice(1))
        if (/\/guardian-[\w-]+\/tree$/.test(w)) rmSync(join(w, '..'), { recursive: true, force: true });
      r.cleanup();
    }
    await server?.close();
  });

  it('a Ctrl-C that kills the git push of Completion ends the run interrupted (130), not as a rejected push', async () => {
    const repo = makeRepo(undefined, { files: ARITHMETIC });
    repos.push(repo);
    applyByHand(repo.root, MUL);
    const { bin, marker, env } = slowPush(30);
    try {
      const cli = startCli(['run', 'TASK-101', '--resume', '--push', 'origin', '--json'], repo.root, env);
      await until('the push', () => existsSync(marker), cli);
      cli.ctrlC();
      const { code } = await cli.exited;
      expect(cli.stderr()).not.toMatch(/internal error/);
      expect(code).toBe(130);
      const out = JSON.parse(cli.stdout());
      expect(out.outcome).toBe('interrupted');
      // The commit was made before the push: the hint pushes it (a done task with --push is pushed).
      expect(out.message).toMatch(
        /interrupted during complete .*`guardian run TASK-101 --resume --push origin`/,
      );
      const end = readLedger(repo.root).at(-1)!;
      expect(end).toMatchObject({ event: 'end', outcome: 'interrupted' });
      expect(end.stations!.at(-1)).toMatchObject({ station: 'complete', status: 'interrupted' });
      expect(existsSync(lockPath(repo.root))).toBe(false);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  }, 120_000);

  it('a Ctrl-C that kills a git command before the first station ends the command interrupted (130)', async () => {
    const repo = makeRepo(undefined, { files: ARITHMETIC });
    repos.push(repo);
    const { bin, marker, env } = slowPush(30, 'status');
    try {
      const cli = startCli(['run', 'TASK-101'], repo.root, env);
      await until('git status', () => existsSync(marker), cli);
      cli.ctrlC();
      const { code } = await cli.exited;
      expect(cli.stderr()).not.toMatch(/internal error/);
      expect(cli.stderr()).toMatch(/interrupted/);
      expect(code).toBe(130);
      expect(existsSync(lockPath(repo.root))).toBe(false);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  }, 120_000);

  it('a SIGINT that leaves the push alone while Completion commits and pushes: the commit is recorded as made', async () => {
    const repo = makeRepo(undefined, { files: ARITHMETIC });
    repos.push(repo);
    applyByHand(repo.root, MUL);
    const { bin, marker, env } = slowPush(1);
    try {
      const cli = startCli(['run', 'TASK-101', '--resume', '--push', 'origin', '--json'], repo.root, env);
      await until('the push', () => existsSync(marker), cli);
      cli.child.kill('SIGINT'); // to guardian only: the push goes on
      const { code } = await cli.exited;
      expect(cli.stderr()).not.toMatch(/internal error/);
      const out = JSON.parse(cli.stdout());
      expect(out).toMatchObject({ outcome: 'committed', pushedTo: 'origin' });
      expect(code).toBe(0);
      const end = readLedger(repo.root).at(-1)!;
      expect(end).toMatchObject({ event: 'end', outcome: 'committed', commit: out.commit });
      expect(repo.git('ls-remote', 'origin', 'refs/heads/guardian/TASK-101')).toContain(out.commit);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  }, 120_000);

  it('a second Ctrl-C during validation quits at once, killing the checks, recording the run, releasing the lock', async () => {
    const marker = 'check-started';
    const needle = '317.25';
    const repo = makeRepo(undefined, {
      files: {
        ...ARITHMETIC,
        'quality.toml': `[quality_checks]\ntests = "node --test"\nslow = "${stubborn(marker, needle)}"\n`,
      },
    });
    repos.push(repo);
    applyByHand(repo.root, MUL);
    const env = noModelEnv();
    const cli = startCli(['run', 'TASK-101', '--resume'], repo.root, env);
    await until('the slow check', () => existsSync(join(repo.root, marker)), cli);
    cli.ctrlC();
    // The check ignores SIGTERM: stopping it takes a while, and the user presses Ctrl-C again.
    await until('the first Ctrl-C', () => /press Ctrl-C again/.test(cli.stderr()), cli);
    cli.ctrlC();
    const { code } = await cli.exited;
    expect(cli.stderr()).toContain('quitting now');
    expect(code).toBe(130);
    expect(await noneRunning(`sleep ${needle}`)).toEqual([]);
    expect(existsSync(lockPath(repo.root))).toBe(false);
    const ledger = readLedger(repo.root);
    expect(ledger.map((e) => `${e.event}:${e.outcome}`)).toEqual(['start:running', 'end:interrupted']);
    expect(ledger[1]!.message).toMatch(/interrupted during validate \(quit at once\)/);
    const status = await runCli(['status', '--root', repo.root, '--json'], { env });
    const row = JSON.parse(status.stdout).tasks.find((t: { taskId: string }) => t.taskId === 'TASK-101');
    expect(row).toMatchObject({ unfinished: false, lastRun: { outcome: 'interrupted' } });
  }, 120_000);

  it("a second Ctrl-C during the Coder's test run removes its worktree and kills the run", async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'guardian-mark-')), 'started');
    const needle = '318.25';
    const repo = makeRepo(undefined, {
      files: {
        ...ARITHMETIC,
        'quality.toml': `[quality_checks]\ntests = "node --test"\nslow = "${stubborn(marker, needle)}"\n`,
      },
    });
    repos.push(repo);
    server = await startScriptedServer([callTool('run_tests', { command: 'slow' })]);
    const cli = startCli(['run', 'TASK-101'], repo.root, modelEnv(server));
    await until('the Coder running the slow check', () => existsSync(marker), cli);
    const coderTree = worktrees(repo).find((w) => w.includes('guardian-coder-'));
    expect(coderTree).toBeDefined();
    cli.ctrlC();
    await until('the first Ctrl-C', () => /press Ctrl-C again/.test(cli.stderr()), cli);
    cli.ctrlC();
    const { code } = await cli.exited;
    expect(cli.stderr()).toContain('quitting now');
    expect(code).toBe(130);
    expect(await noneRunning(`sleep ${needle}`)).toEqual([]);
    expect(worktrees(repo).filter((w) => w.includes('guardian-coder-'))).toEqual([]);
    expect(existsSync(join(coderTree!, '..'))).toBe(false);
    const end = readLedger(repo.root).at(-1)!;
    expect(end).toMatchObject({ event: 'end', outcome: 'interrupted' });
    expect(end.stations!.at(-1)).toMatchObject({ station: 'code', status: 'interrupted' });
    // The model call the Coder made before the check is counted, in the station and in the run.
    const spent = (u?: { promptTokens: number; completionTokens: number }) =>
      (u?.promptTokens ?? 0) + (u?.completionTokens ?? 0);
    expect(spent(end.stations!.at(-1)!.usage)).toBeGreaterThan(0);
    expect(spent(end.usage)).toBe(spent(end.stations!.at(-1)!.usage));
    expect(existsSync(lockPath(repo.root))).toBe(false);
    rmSync(join(marker, '..'), { recursive: true, force: true });
  }, 120_000);

  it("a second Ctrl-C during a parallel milestone brings each task's bundle back and removes its worktree", async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'guardian-mark-')), 'started');
    const needle = '319.25';
    const step = `
  { "description": "baseline", "stage": "pre-start", "command": "${stubborn(marker, needle)}", "expects": "pass" },`;
    const repo = makeRepo(undefined, {
      files: {
        ...ARITHMETIC,
        'specs/tasks/TASK-101_mul.md': arithmeticBlueprint(
          'TASK-101',
          'mul',
          'Multiply two numbers',
          '',
          step,
        ),
      },
    });
    repos.push(repo);
    const cli = startCli(['milestone', 'M1', '--parallel', '2'], repo.root, noModelEnv());
    await until('the pre-start step', () => existsSync(marker), cli);
    cli.ctrlC();
    await until('the first Ctrl-C', () => /press Ctrl-C again/.test(cli.stderr()), cli);
    cli.ctrlC();
    const { code } = await cli.exited;
    expect(code).toBe(130);
    expect(await noneRunning(`sleep ${needle}`)).toEqual([]);
    expect(worktrees(repo).filter((w) => w.includes('guardian-task-'))).toEqual([]);
    // The bundle TASK-101's run built in its worktree is in the main checkout.
    const manifest = join(repo.root, '.guardian/bundles/TASK-101/manifest.json');
    expect(existsSync(manifest)).toBe(true);
    expect(JSON.parse(readFileSync(manifest, 'utf8')).stations.prestart.status).toBe('running');
    const ends = readLedger(repo.root).filter((e) => e.taskId === 'TASK-101' && e.event === 'end');
    expect(ends.at(-1)).toMatchObject({ outcome: 'interrupted', milestone: 'M1' });
    expect(existsSync(lockPath(repo.root))).toBe(false);
    rmSync(join(marker, '..'), { recursive: true, force: true });
  }, 120_000);

  it('in a parallel milestone, a task whose run throws is surfaced once the others have stopped, not while they run', async () => {
    const needle = '3.3125';
    const step = `
  { "description": "baseline", "stage": "pre-start", "command": "sleep ${needle}", "expects": "pass" },`;
    const repo = makeRepo(undefined, {
      files: {
        ...ARITHMETIC,
        'specs/tasks/TASK-101_mul.md': arithmeticBlueprint(
          'TASK-101',
          'mul',
          'Multiply two numbers',
          '',
          step,
        ),
      },
    });
    repos.push(repo);
    const stations: Partial<StationSet> = {
      bundle: async (ctx) => {
        if (ctx.taskId === 'TASK-102') throw new Error('the Bundler broke');
        return defaultStations().bundle(ctx);
      },
    };
    let error: unknown;
    try {
      await runMilestone({ root: repo.root, milestone: 'M1', parallel: 2, stations, env: noModelEnv() });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toBe('the Bundler broke');
    // Surfaced after TASK-101 stopped: nothing of it runs or writes under a released lock any more.
    expect(running(`sleep ${needle}`)).toEqual([]);
    expect(worktrees(repo).filter((w) => w.includes('guardian-task-'))).toEqual([]);
    expect(existsSync(lockPath(repo.root))).toBe(false);
    const ends = readLedger(repo.root).filter((e) => e.event === 'end');
    expect(ends.map((e) => `${e.taskId}:${e.outcome}`).sort()).toEqual([
      'TASK-101:paused',
      'TASK-102:failed',
    ]);
  }, 120_000);

  it('a validation stopped by Ctrl-C is run again by --resume; the Coder is not sent back', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'guardian-mark-')), 'started');
    const needle = '320.25';
    const repo = makeRepo(undefined, {
      files: {
        ...ARITHMETIC,
        'quality.toml': `[quality_checks]\ntests = "node --test"\nslow = "touch ${marker}; sleep ${needle}"\n`,
      },
    });
    repos.push(repo);
    applyByHand(repo.root, MUL);
    const controller = new AbortController();
    const watcher = setInterval(() => {
      if (existsSync(marker)) controller.abort(new Error('interrupted by SIGINT'));
    }, 10);
    try {
      const r = await runTask({
        root: repo.root,
        taskId: 'TASK-101',
        resume: true,
        env: noModelEnv(),
        signal: controller.signal,
      });
      expect(r.outcome).toBe('interrupted');
      expect(r.message).toMatch(/continues from validate/);
    } finally {
      clearInterval(watcher);
      rmSync(join(marker, '..'), { recursive: true, force: true });
    }
    const m = readManifest(join(repo.root, '.guardian/bundles/TASK-101'), 'TASK-101');
    expect(m.stations.validate).toMatchObject({
      status: 'failed',
      note: expect.stringMatching(/interrupted/),
    });
    // What --resume continues from: the Validator again, not a new Coder attempt judged by nothing.
    expect(resumePoint(m)).toBe('validate');
  }, 120_000);
});
