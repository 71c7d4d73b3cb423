/**
 * What a test run leaves behind cannot stall the tools: a file swapped for a FIFO between a check and a
 * read blocked the whole event loop forever (the file tools now open without blocking and check the
 * descriptor they read), and a daemon that left its process group and dropped the command's mark is
 * killed once run_tests is over — but not a process that was already working in the repository.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeRepo, PROJECT_ROOT, type TempRepo } from '../support/repo.js';
import { coderTools } from './helpers.js';

const linux = existsSync('/proc/self/cwd');

const toolsFor = (root: string, command?: string) => coderTools(root, command);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed orphan may linger as a zombie until it is reaped.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0]!);
}

// The tools run in a child process: with the old open-then-read, a FIFO blocked its event loop for
// good, and only a timeout from outside can tell.
const CHILD = `
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
const [project, root, ms] = process.argv.slice(1);
register(pathToFileURL(project + '/test/unit/ts-loader-hooks.mjs').href);
const { CoderTools } = await import(pathToFileURL(project + '/src/stations/coder/tools.ts').href);
const { Sandbox } = await import(pathToFileURL(project + '/src/stations/coder/sandbox.ts').href);
const { silentLogger } = await import(pathToFileURL(project + '/src/util/log.ts').href);
const t = new CoderTools({ root, sandbox: new Sandbox(root), commands: [], env: {}, secretEnv: [],
  relevantTests: [], signal: new AbortController().signal, remainingMs: () => 60000, log: silentLogger }, 'green');
const calls = [
  ['read_file', { path: 'src/a.txt' }],
  ['edit_file', { path: 'src/a.txt', old_string: 'hello', new_string: 'hallo' }],
  ['write_file', { path: 'src/a.txt', content: 'hello\\n' }],
];
const seen = new Set();
// For a while rather than a number of times: the swap must land between a check and a read.
for (const until = Date.now() + Number(ms); Date.now() < until; )
  for (const [name, args] of calls) seen.add(name + ': ' + (await t.execute(name, JSON.stringify(args))).content.split('\\n')[0]);
console.log(JSON.stringify([...seen].sort()));
console.log('done');
`;

(linux ? describe : describe.skip)('a file swapped for a FIFO while the tools use it', () => {
  let repo: TempRepo;
  let swapper: ChildProcess;
  beforeAll(() => {
    repo = makeRepo(undefined, { files: { 'src/a.txt': 'hello\n' } });
    // What a daemon a test left behind could do: put a FIFO in place of the file, again and again.
    swapper = spawn(
      'sh',
      [
        '-c',
        'while :; do mv -f src/fifo src/a.txt 2>/dev/null; mkfifo src/fifo; echo hello > src/b; mv -f src/b src/a.txt; done',
      ],
      { cwd: repo.root, detached: true, stdio: 'ignore' },
    );
  });
  afterAll(() => {
    try {
      process.kill(-swapper.pid!, 'SIGKILL');
    } catch {
      // gone
    }
    repo.cleanup();
  });

  it('read_file, edit_file and write_file refuse it at once and never block', () => {
    const r = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', CHILD, PROJECT_ROOT, repo.root, '6000'],
      {
        encoding: 'utf8',
        timeout: 30_000,
        killSignal: 'SIGKILL',
      },
    );
    expect(r.signal).toBeNull();
    expect(r.stdout).toMatch(/\ndone\n$/);
    const seen = JSON.parse(r.stdout.split('\n')[0]!) as string[];
    expect(seen).toContain('read_file: error: src/a.txt is not a regular file');
  });
});

describe('the file tools and special files', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo(undefined, { files: { 'src/a.txt': 'hello\n' } });
    if (linux) spawnSync('mkfifo', [join(repo.root, 'src/pipe.txt')]);
  });
  afterAll(() => repo.cleanup());

  (linux ? it : it.skip)('a FIFO is refused for reading, editing and writing, without waiting', async () => {
    const t = toolsFor(repo.root);
    const t0 = Date.now();
    expect((await t.execute('read_file', '{"path":"src/pipe.txt"}')).content).toMatch(/not a regular file/);
    expect(
      (await t.execute('edit_file', '{"path":"src/pipe.txt","old_string":"a","new_string":"b"}')).content,
    ).toMatch(/not a regular file/);
    expect((await t.execute('write_file', '{"path":"src/pipe.txt","content":"x"}')).content).toMatch(
      /not a regular file/,
    );
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('regular files are read, edited and written as before', async () => {
    const t = toolsFor(repo.root);
    expect((await t.execute('read_file', '{"path":"src/a.txt"}')).content).toMatch(/1\thello/);
    expect(
      (await t.execute('edit_file', '{"path":"src/a.txt","old_string":"hello","new_string":"hallo"}')).ok,
    ).toBe(true);
    expect((await t.execute('write_file', '{"path":"src/b/new.txt","content":"new\\n"}')).ok).toBe(true);
    expect(readFileSync(join(repo.root, 'src/a.txt'), 'utf8')).toBe('hallo\n');
    expect(readFileSync(join(repo.root, 'src/b/new.txt'), 'utf8')).toBe('new\n');
    expect((await t.execute('read_file', '{"path":"src/b"}')).content).toMatch(/is a folder/);
  });
});

(linux ? describe : describe.skip)('processes a test run leaves in the repository', () => {
  let repo: TempRepo;
  let before: ChildProcess;
  const pids: number[] = [];
  beforeAll(() => {
    repo = makeRepo(undefined, { files: { 'a.txt': 'x\n' } });
    mkdirSync(join(repo.root, 'run'), { recursive: true });
    // The user's own process, working in the checkout before the run: never touched.
    before = spawn('sleep', ['300'], { cwd: join(repo.root, 'run'), stdio: 'ignore' });
    pids.push(before.pid!);
  });
  afterAll(() => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    repo.cleanup();
  });

  it('a daemon that left the group and dropped the mark is killed, and the run does not pass', async () => {
    const t = toolsFor(
      repo.root,
      `env -u GUARDIAN_COMMAND_ID setsid sh -c 'echo $$ > run/daemon.pid; exec sleep 300' > /dev/null 2>&1 < /dev/null & sleep 0.5; exit 0`,
    );
    const r = await t.execute('run_tests', '{}');
    const pid = Number(readFileSync(join(repo.root, 'run/daemon.pid'), 'utf8'));
    pids.push(pid);
    await new Promise((res) => setTimeout(res, 100));
    expect(alive(pid)).toBe(false);
    expect(r.content).toMatch(/1 process\(es\) the test run started were still running in the repository/);
    expect(t.testRuns[0]).toMatchObject({ exitCode: 0, passed: false });
    expect(alive(before.pid!)).toBe(true);
  });

  it('a failing run that leaves a daemon is no proof of red', async () => {
    writeFileSync(join(repo.root, 'test.test.mjs'), '// red\n');
    const t = coderTools(repo.root, `setsid sleep 300 > /dev/null 2>&1 < /dev/null & sleep 0.3; exit 1`, {
      phase: 'red',
    });
    await t.execute('write_file', JSON.stringify({ path: 'test/x.test.mjs', content: '// red\n' }));
    const r = await t.execute('run_tests', '{}');
    expect(t.phase).toBe('red');
    expect(t.redProof).toBeUndefined();
    expect(r.content).toMatch(/did not complete cleanly/);
  });
});
