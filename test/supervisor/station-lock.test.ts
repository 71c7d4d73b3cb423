/**
 * The single-station commands (`guardian bundle`, `security`, `code`, `validate`, `complete`) write what
 * `guardian run` writes — the bundle, the working tree, commits and branches — so they take the same
 * `.guardian/run.lock`: while a run holds it they are refused with the run's one-line message, before
 * they write anything; once it is released (or its process is gone) they work and leave no lock behind.
 * Reading commands (`search`, `status`) never take it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '../../src/cli/main.js';
import { ensureGuardianDir } from '../../src/supervisor/ledger.js';
import { acquireRunLock, lockPath, type LockInfo } from '../../src/supervisor/lock.js';
import { silentLogger } from '../../src/util/log.js';
import { runCli, type CliRun } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { applyByHand, ARITHMETIC, modelEnv, MUL, noModelEnv, startTaskModel } from './helpers.js';

const env = noModelEnv();
const TASK = 'TASK-101';

/** Each command as a user would type it (security offline: no model here anyway). */
const STATIONS: [name: string, argv: string[]][] = [
  ['prestart', ['prestart', TASK]],
  ['bundle', ['bundle', TASK]],
  ['security', ['security', TASK, '--offline']],
  ['code', ['code', TASK]],
  ['validate', ['validate', TASK]],
  ['complete', ['complete', TASK]],
];

/** The message `guardian run` gives for a held lock, as the CLI prints it: one line. */
const refusal = (holder: string) =>
  `guardian: another guardian command (${holder}) is using this repository; wait for it or remove .guardian/run.lock if it is gone\n`;

async function liveProcess(): Promise<ChildProcess> {
  const child = spawn('sleep', ['300'], { stdio: 'ignore' });
  await new Promise((r) => child.once('spawn', r));
  return child;
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

/** A lock written by another process (a `guardian run` elsewhere), as lock.ts writes it. */
function writeLock(root: string, info: Pick<LockInfo, 'pid' | 'command'>): string {
  ensureGuardianDir(root);
  const raw = JSON.stringify({
    hostname: hostname(),
    startedAt: '2024-01-01T00:00:00.000Z',
    token: 'elsewhere',
    ...info,
  });
  writeFileSync(lockPath(root), raw);
  return raw;
}

/**
 * Everything a command could write: every file of the checkout (working tree and .guardian/, with its
 * content), HEAD, every ref and the worktrees. Equal snapshots: nothing was written.
 */
function snapshot(repo: TempRepo): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.name === '.git' || e.name === 'node_modules') continue;
      if (e.isDirectory()) walk(p);
      else out[relative(repo.root, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(repo.root);
  out['<HEAD>'] = repo.git('symbolic-ref', '-q', 'HEAD') + ' ' + repo.git('rev-parse', 'HEAD');
  out['<refs>'] = repo.git('for-each-ref', '--format=%(refname) %(objectname)');
  out['<worktrees>'] = repo.git('worktree', 'list', '--porcelain');
  out['<index>'] = repo.git('ls-files', '--stage');
  return out;
}

function expectOk(r: CliRun): void {
  expect(r.stderr).not.toMatch(/internal error|another guardian command/);
  expect(r.code).toBe(0);
}

/**
 * A repository where every station command has something to do: TASK-101's bundle is built, the change
 * is made by hand and has passed the Validator, so `complete` would commit it.
 */
async function readyRepo(): Promise<TempRepo> {
  const repo = makeRepo(undefined, { files: ARITHMETIC });
  expectOk(await runCli(['bundle', TASK, '--root', repo.root], { env }));
  applyByHand(repo.root, MUL);
  expectOk(await runCli(['validate', TASK, '--root', repo.root], { env }));
  return repo;
}

describe('station commands while another process holds the run lock', () => {
  let repo: TempRepo;
  let child: ChildProcess | undefined;
  let raw: string;
  let before: Record<string, string>;
  let holder: string;

  beforeAll(async () => {
    repo = await readyRepo();
    child = await liveProcess();
    raw = writeLock(repo.root, { pid: child.pid!, command: `guardian run ${TASK} --resume` });
    holder = `pid ${child.pid}, started 2024-01-01T00:00:00.000Z, \`guardian run ${TASK} --resume\``;
    before = snapshot(repo);
  }, 120_000);
  afterAll(async () => {
    await stop(child);
    repo?.cleanup();
  });

  it.each(STATIONS)(
    '%s is refused with the message naming the holder, and writes nothing',
    async (_n, argv) => {
      const r = await runCli([...argv, '--root', repo.root], { env });
      expect(r.stderr).toBe(refusal(holder));
      expect(r.code).toBe(1); // what `guardian run` gets for a held lock
      expect(r.stdout).toBe('');
      expect(snapshot(repo)).toEqual(before);
      expect(readFileSync(lockPath(repo.root), 'utf8')).toBe(raw); // the holder's lock is left alone
    },
  );

  it.each([['code'], ['validate'], ['complete'], ['security']])(
    '%s pointed at a subdirectory locks the repository root it writes into',
    async (cmd) => {
      const r = await runCli([cmd, TASK, '--root', join(repo.root, 'src')], { env });
      expect(r.stderr).toBe(refusal(holder));
      expect(r.code).toBe(1);
      expect(snapshot(repo)).toEqual(before);
    },
  );

  it('search and status read on while the lock is held, and leave it alone', async () => {
    const search = await runCli(['search', '--root', repo.root, '--query', 'multiply two numbers'], { env });
    expectOk(search);
    expect(search.stdout).toMatch(/TASK-101_mul\.md/);
    const status = await runCli(['status', '--root', repo.root], { env });
    expectOk(status);
    expect(readFileSync(lockPath(repo.root), 'utf8')).toBe(raw);
  }, 120_000);

  it('once the holder is gone, bundle takes the lock over, works, and leaves no lock behind', async () => {
    await stop(child);
    const r = await runCli(['bundle', TASK, '--root', repo.root], { env });
    expectOk(r);
    expect(r.stderr).toMatch(
      /warning: took over \.guardian\/run\.lock from an earlier run that is gone \(pid \d+, .*`guardian run TASK-101 --resume`: process \d+ is not running\)/,
    );
    expect(r.stdout).toMatch(/^Task Bundle for TASK-101 at /);
    expect(existsSync(lockPath(repo.root))).toBe(false);
  }, 120_000);
});

describe('station commands and a run lock held in this process', () => {
  let repo: TempRepo;
  beforeAll(async () => {
    repo = await readyRepo();
  }, 120_000);
  afterAll(() => repo?.cleanup());

  it('each is refused while the lock is held and works once it is released, leaving no lock behind', async () => {
    for (const [name, argv] of STATIONS) {
      const release = acquireRunLock(repo.root, 'guardian milestone M1', silentLogger);
      const info = JSON.parse(readFileSync(lockPath(repo.root), 'utf8')) as LockInfo;
      const before = snapshot(repo);
      let refused: CliRun;
      let after: Record<string, string>;
      try {
        refused = await runCli([...argv, '--root', repo.root], { env });
        after = snapshot(repo);
      } finally {
        release();
      }
      expect(refused.stderr).toBe(
        refusal(`pid ${process.pid}, started ${info.startedAt}, \`guardian milestone M1\``),
      );
      expect(refused.code).toBe(1);
      expect(after).toEqual(before);
      expect(existsSync(lockPath(repo.root))).toBe(false);

      // Released: the same command works, and its own lock is gone when it ends.
      const r = await runCli([...argv, '--root', repo.root], { env });
      expect({ name, code: r.code, stderr: r.stderr }).toMatchObject({ name, code: 0 });
      expect(r.stderr).not.toMatch(/took over/);
      expect(existsSync(lockPath(repo.root))).toBe(false);
    }
    // The whole by-hand line ran: the change is committed with its Task-Id.
    expect(repo.git('log', '-1', '--format=%(trailers:key=Task-Id,valueonly)', `guardian/${TASK}`)).toBe(
      TASK,
    );
  }, 300_000);

  it('each holds the lock while it writes: another run meanwhile is refused, naming the command', async () => {
    const held: Record<string, string[]> = {};
    const fresh = makeRepo(undefined, { files: ARITHMETIC });
    // A scripted model makes the change, so the Coder reports progress (the model it uses) under the lock.
    const server = await startTaskModel([MUL]);
    const withModel = modelEnv(server);
    try {
      const run = async (name: string, argv: string[]) => {
        held[name] = [];
        let stdout = '';
        let stderr = '';
        // Whenever the command reports progress, a run starting now must be refused.
        const probe = () => {
          if (!existsSync(lockPath(fresh.root))) return;
          try {
            acquireRunLock(fresh.root, 'guardian run TASK-101', silentLogger)();
            held[name]!.push('(free)');
          } catch (e) {
            held[name]!.push(/`([^`]+)`\) is using this repository/.exec((e as Error).message)?.[1] ?? '?');
          }
        };
        const code = await main([...argv, '--root', fresh.root], {
          stdout: { write: (s: string) => (stdout += s) },
          stderr: {
            write: (s: string) => {
              probe();
              return (stderr += s);
            },
          },
          cwd: process.cwd(),
          env: withModel,
        });
        expect({ name, code, stderr }).toMatchObject({ name, code: 0 });
        expect(stdout).not.toBe('');
        expect(existsSync(lockPath(fresh.root))).toBe(false);
      };
      await run('bundle', ['bundle', TASK]);
      await run('security', ['security', TASK, '--offline']);
      await run('code', ['code', TASK, '--attempt', '1']);
      await run('validate', ['validate', TASK]);
      await run('complete', ['complete', TASK]);
      expect(fresh.git('log', '-1', '--format=%(trailers:key=Task-Id,valueonly)', `guardian/${TASK}`)).toBe(
        TASK,
      );
    } finally {
      await server.close();
      fresh.cleanup();
    }
    // Each time it reported progress (at least once), a run starting then was refused, naming the
    // command itself: the lock was held, and by nobody else.
    const expected: Record<string, string> = {
      bundle: `guardian bundle ${TASK}`,
      security: `guardian security ${TASK}`,
      code: `guardian code ${TASK} --attempt 1`,
      validate: `guardian validate ${TASK}`,
      complete: `guardian complete ${TASK}`,
    };
    for (const [name, command] of Object.entries(expected)) {
      expect({ name, holders: [...new Set(held[name])] }).toEqual({ name, holders: [command] });
    }
  }, 300_000);
});
