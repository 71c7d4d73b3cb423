/**
 * One run at a time per repository: `.guardian/run.lock`. A second `guardian run` (fresh or --resume)
 * or `guardian milestone` while one is running is refused before it writes anything; a lock left by a
 * process that is gone is taken over; a milestone's own task runs (in the checkout or in --parallel
 * worktrees) go on under the milestone's lock.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUserError } from '../../src/errors.js';
import { ensureGuardianDir, ledgerPath, readLedger } from '../../src/supervisor/ledger.js';
import { acquireRunLock, lockPath, withRunLock, type LockInfo } from '../../src/supervisor/lock.js';
import { defaultStations, type StationRunner } from '../../src/supervisor/stations.js';
import { archiveBundle, runTask } from '../../src/supervisor/task.js';
import { silentLogger, type Logger } from '../../src/util/log.js';
import { registeredTemps, removeTemps } from '../../src/util/temp.js';
import { runCli } from '../support/cli.js';
import { makeRepo } from '../support/repo.js';
import { applyByHand, ARITHMETIC, MUL, noModelEnv } from './helpers.js';

const REFUSED =
  /another guardian command \(pid \d+, started [^,]+, `guardian [^`]+`\) is using this repository; wait for it or remove \.guardian\/run\.lock if it is gone/;

function capture(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => void lines.push(m),
    warn: (m) => void lines.push(`warning: ${m}`),
    error: (m) => void lines.push(`error: ${m}`),
    debug: () => {},
    group: (_n, fn) => fn(),
  };
}

function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

function writeLock(root: string, info: Partial<LockInfo>): void {
  ensureGuardianDir(root);
  writeFileSync(
    lockPath(root),
    JSON.stringify({
      pid: 1,
      hostname: hostname(),
      startedAt: '2024-01-01T00:00:00.000Z',
      command: 'guardian run TASK-OLD',
      token: 'old',
      ...info,
    }),
  );
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid;
}

async function liveProcess(): Promise<ChildProcess> {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  await new Promise((r) => child.once('spawn', r));
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe('the run lock', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'guardian-lock-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('records who holds it, refuses a second holder, and is removed on release', () => {
    const release = acquireRunLock(root, 'guardian run TASK-1', silentLogger);
    try {
      const info = JSON.parse(readFileSync(lockPath(root), 'utf8')) as LockInfo;
      expect(info).toMatchObject({ pid: process.pid, hostname: hostname(), command: 'guardian run TASK-1' });
      expect(Number.isFinite(Date.parse(info.startedAt))).toBe(true);
      let err: unknown;
      try {
        acquireRunLock(root, 'guardian run TASK-2', silentLogger);
      } catch (e) {
        err = e;
      }
      expect(isUserError(err)).toBe(true);
      expect((err as Error).name).toBe('ConfigurationError');
      expect((err as Error).message).toBe(
        `another guardian command (pid ${process.pid}, started ${info.startedAt}, \`guardian run TASK-1\`) is using this repository; wait for it or remove .guardian/run.lock if it is gone`,
      );
    } finally {
      release();
    }
    expect(existsSync(lockPath(root))).toBe(false);
  });

  it('is removed at exit like the other temporary paths (a second Ctrl-C exits at once)', async () => {
    await withRunLock(root, 'guardian run TASK-1', silentLogger, async () => {
      expect(registeredTemps()).toContain(lockPath(root));
      removeTemps(); // what process.on('exit') runs
      expect(existsSync(lockPath(root))).toBe(false);
    });
    expect(registeredTemps()).not.toContain(lockPath(root));
    // Released on an error too.
    await expect(
      withRunLock(root, 'guardian run TASK-1', silentLogger, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(lockPath(root))).toBe(false);
  });

  it('is re-entrant in its own call chain only', async () => {
    const g = gate();
    let inner: boolean | undefined;
    const outer = withRunLock(root, 'guardian milestone M1', silentLogger, async () => {
      inner = await withRunLock(root, 'guardian run TASK-1', silentLogger, async (fresh) => fresh);
      await g.opened;
    });
    // Another run in the same process, outside the milestone's chain, is refused like another process.
    await expect(withRunLock(root, 'guardian run TASK-2', silentLogger, async () => 1)).rejects.toThrow(
      /another guardian command \(pid \d+, started [^,]+, `guardian milestone M1`\)/,
    );
    g.open();
    await outer;
    expect(inner).toBe(false);
    expect(existsSync(lockPath(root))).toBe(false);
  });

  it('takes over a lock whose process is gone, with a note', () => {
    const pid = deadPid();
    writeLock(root, { pid });
    const log = capture();
    const release = acquireRunLock(root, 'guardian run TASK-1', log);
    try {
      expect(log.lines).toEqual([
        `warning: took over .guardian/run.lock from an earlier run that is gone (pid ${pid}, started 2024-01-01T00:00:00.000Z, \`guardian run TASK-OLD\`: process ${pid} is not running)`,
      ]);
      expect(JSON.parse(readFileSync(lockPath(root), 'utf8')).pid).toBe(process.pid);
    } finally {
      release();
    }
  });

  it('refuses a live lock (this host or another) until its process is gone', async () => {
    const child = await liveProcess();
    try {
      writeLock(root, { pid: child.pid! });
      expect(() => acquireRunLock(root, 'guardian run TASK-1', silentLogger)).toThrow(
        `another guardian command (pid ${child.pid}, started 2024-01-01T00:00:00.000Z, \`guardian run TASK-OLD\`) is using this repository`,
      );
      await stop(child);
      const log = capture();
      acquireRunLock(root, 'guardian run TASK-1', log)();
      expect(log.lines.join('\n')).toMatch(/took over .*is not running/);
    } finally {
      await stop(child);
    }
    writeLock(root, { pid: 12345, hostname: 'elsewhere.example' });
    expect(() => acquireRunLock(root, 'guardian run TASK-1', silentLogger)).toThrow(
      /another guardian command \(pid 12345 on elsewhere\.example, started/,
    );
    rmSync(lockPath(root));
  });

  it('waits on a lock being written, and takes over an old unreadable one', () => {
    ensureGuardianDir(root);
    writeFileSync(lockPath(root), '');
    expect(() => acquireRunLock(root, 'guardian run TASK-1', silentLogger)).toThrow(
      /another guardian command \(a lock written .*\) is using this repository/,
    );
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(root), old, old);
    const log = capture();
    acquireRunLock(root, 'guardian run TASK-1', log)();
    expect(log.lines.join('\n')).toMatch(/took over .*its content is not a lock record/);
    expect(existsSync(lockPath(root))).toBe(false);
  });

  it('names a directory where the lock belongs', () => {
    mkdirSync(lockPath(root), { recursive: true });
    try {
      expect(() => acquireRunLock(root, 'guardian run TASK-1', silentLogger)).toThrow(
        /^\.guardian\/run\.lock is a directory; a file is expected there/,
      );
    } finally {
      rmSync(lockPath(root), { recursive: true, force: true });
    }
  });
});

describe('archiving an earlier bundle', () => {
  it('reports a bundle that vanished meanwhile as a user error, not an internal one', () => {
    const root = mkdtempSync(join(tmpdir(), 'guardian-archive-'));
    try {
      let err: unknown;
      try {
        archiveBundle(root, join(root, '.guardian', 'bundles', 'TASK-1'), 'TASK-1', silentLogger);
      } catch (e) {
        err = e;
      }
      expect(isUserError(err)).toBe(true);
      expect((err as Error).message).toMatch(
        /the earlier bundle of TASK-1 .* disappeared while Guardian was moving it/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('two runs on one repository', () => {
  const env = noModelEnv();

  it.each([['fresh'], ['--resume']])(
    '%s: the second run is refused while the first one runs; the first one finishes alone',
    async (mode) => {
      const resume = mode === '--resume';
      const repo = makeRepo(undefined, { files: ARITHMETIC });
      const g = gate();
      try {
        // A first run leaves a bundle, paused at the Coder (no model).
        const first = await runTask({ root: repo.root, taskId: 'TASK-101', env });
        expect(first.outcome).toBe('paused');
        if (resume) applyByHand(repo.root, MUL);

        // Run A stops inside a station until the gate opens.
        const held = resume ? 'validate' : 'prestart';
        let entered!: () => void;
        const inStation = new Promise<void>((r) => (entered = r));
        const slow: StationRunner = async (ctx) => {
          entered();
          await g.opened;
          return defaultStations()[held](ctx);
        };
        const a = runTask({ root: repo.root, taskId: 'TASK-101', env, resume, stations: { [held]: slow } });
        await inStation;

        await expect(runTask({ root: repo.root, taskId: 'TASK-101', env, resume })).rejects.toThrow(REFUSED);
        const cli = await runCli(['run', 'TASK-101', '--root', repo.root, ...(resume ? ['--resume'] : [])], {
          env,
        });
        expect(cli.code).toBe(1);
        expect(cli.stderr).toMatch(REFUSED);
        expect(cli.stderr).not.toMatch(/internal error|ENOENT/);
        const milestone = await runCli(['milestone', 'M1', '--root', repo.root], { env });
        expect(milestone.code).toBe(1);
        expect(milestone.stderr).toMatch(REFUSED);

        g.open();
        const ra = await a;
        const archive = join(repo.root, '.guardian', 'archive');
        const archived = existsSync(archive) ? readdirSync(archive) : [];
        if (resume) {
          expect(ra.outcome).toBe('committed');
          expect(archived).toHaveLength(0); // --resume continues the bundle: nothing is moved aside
          expect(repo.git('log', '-1', '--format=%(trailers:key=Task-Id,valueonly)')).toBe('TASK-101');
        } else {
          expect(ra.outcome).toBe('paused');
          expect(archived).toHaveLength(1); // the first run's bundle, moved once, by run A
        }
        // The refused runs wrote nothing to the ledger: its last entry is run A's end.
        const last = readLedger(repo.root).at(-1)!;
        expect(last).toMatchObject({ runId: ra.runId, event: 'end', outcome: ra.outcome });
        expect(existsSync(lockPath(repo.root))).toBe(false);
      } finally {
        g.open();
        repo.cleanup();
      }
    },
    120_000,
  );

  it('an interrupted run (Ctrl-C) releases the lock; a lock held by a live process refuses the milestone before anything runs', async () => {
    const repo = makeRepo(undefined, { files: ARITHMETIC });
    const child = await liveProcess();
    try {
      const controller = new AbortController();
      const waitForAbort: StationRunner = (ctx) =>
        new Promise((_resolve, reject) => {
          controller.abort(new Error('interrupted by SIGINT'));
          if (ctx.signal.aborted) reject(new Error('killed'));
          else ctx.signal.addEventListener('abort', () => reject(new Error('killed')));
        });
      const r = await runTask({
        root: repo.root,
        taskId: 'TASK-101',
        env,
        signal: controller.signal,
        stations: { prestart: waitForAbort },
      });
      expect(r.outcome).toBe('interrupted');
      expect(existsSync(lockPath(repo.root))).toBe(false);

      rmSync(ledgerPath(repo.root));
      writeLock(repo.root, { pid: child.pid!, command: 'guardian milestone M1' });
      const m = await runCli(['milestone', 'M1', '--root', repo.root], { env });
      expect(m.code).toBe(1);
      expect(m.stderr).toMatch(
        new RegExp(`another guardian command \\(pid ${child.pid}, started .*, \`guardian milestone M1\`\\)`),
      );
      expect(repo.git('branch', '--list', 'guardian/M1')).toBe('');
      expect(existsSync(ledgerPath(repo.root))).toBe(false);

      await stop(child);
      const again = await runCli(['milestone', 'M1', '--root', repo.root], { env });
      expect(again.code).toBe(0);
      expect(again.stderr).toMatch(/took over \.guardian\/run\.lock from an earlier run that is gone/);
      expect(existsSync(lockPath(repo.root))).toBe(false);
    } finally {
      await stop(child);
      repo.cleanup();
    }
  }, 120_000);
});

describe('guardian milestone --parallel without a model', () => {
  it('runs in worktrees under the milestone lock, and the pause message points into the main checkout', async () => {
    const repo = makeRepo(undefined, { files: ARITHMETIC });
    try {
      const r = await runCli(['milestone', 'M1', '--root', repo.root, '--parallel', '2', '--json'], {
        env: noModelEnv(),
      });
      expect(r.stderr).not.toMatch(/internal error|another guardian command/);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as {
        outcome: string;
        message: string;
        tasks: { taskId: string; state: string; run?: { message: string; bundleDir?: string } }[];
      };
      expect(out.outcome).toBe('paused');
      const messages = [out.message, ...out.tasks.map((t) => t.run?.message ?? '')];
      const paths = messages.flatMap((m) => m.match(/\/[^\s`]*task_context\.md/g) ?? []);
      expect(paths.length).toBeGreaterThan(0);
      for (const p of paths) {
        expect(p).not.toMatch(/guardian-task-/);
        expect(p.startsWith(repo.root)).toBe(true);
        expect(existsSync(p)).toBe(true);
      }
      expect(repo.git('worktree', 'list').split('\n')).toHaveLength(1);
      expect(existsSync(lockPath(repo.root))).toBe(false);
    } finally {
      repo.cleanup();
    }
  }, 120_000);
});
