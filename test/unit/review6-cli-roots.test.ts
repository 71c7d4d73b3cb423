/**
 * Where a command runs: a bare repository or the .git folder of a clone is refused in one line (not
 * with git's own "must be run in a work tree"); `list` and `next` say when blueprints with errors were
 * left out; the options every command shares read the same everywhere.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { gitIn, makeRepo, type TempRepo } from '../support/repo.js';

let repo: TempRepo;
let bare: string;
beforeAll(() => {
  repo = makeRepo('python-flask-users');
  bare = join(mkdtempSync(join(tmpdir(), 'guardian-bare-')), 'bare.git');
  gitIn(join(bare, '..'), ['init', '-q', '--bare', '-b', 'main', bare]);
});
afterAll(() => {
  repo.cleanup();
  rmSync(join(bare, '..'), { recursive: true, force: true });
});

/** Exit 2, nothing on stdout, one line on stderr naming the folder as one without a work tree. */
function refusedAsNoWorkTree(r: { code: number; stdout: string; stderr: string }, dir: string) {
  expect(r.stderr).toBe(
    `guardian: ${dir} is a git directory without a work tree (a bare repository, or inside .git): run Guardian in the work tree of a clone\n`,
  );
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
}

describe('a git directory without a work tree', () => {
  test.each([['list'], ['lint'], ['status'], ['show', 'TASK-042'], ['validate', 'TASK-042']])(
    '%s in a bare repository is refused in one line',
    async (...argv) => {
      refusedAsNoWorkTree(await runCli(argv, { cwd: bare }), bare);
    },
  );

  test('search and bundle in the .git folder of a clone are refused, and write nothing there', async () => {
    const gitDir = join(repo.root, '.git');
    refusedAsNoWorkTree(await runCli(['search', '--query', 'user'], { cwd: gitDir }), gitDir);
    refusedAsNoWorkTree(await runCli(['bundle', 'TASK-042'], { cwd: gitDir }), gitDir);
    expect(existsSync(join(gitDir, '.guardian'))).toBe(false);
  });

  test('--root naming a bare repository is refused the same way', async () => {
    refusedAsNoWorkTree(await runCli(['next', '--root', bare], { cwd: repo.root }), bare);
  });
});

describe('list and next with a blueprint that has errors', () => {
  let broken: TempRepo;
  const file = 'specs/tasks/TASK-042_user-last-login.md';
  beforeAll(() => {
    broken = makeRepo('python-flask-users');
    const text = readFileSync(join(broken.root, file), 'utf8');
    writeFileSync(join(broken.root, file), text.replace(/^status: .*$/m, 'status: "finished"'));
  });
  afterAll(() => broken.cleanup());

  test('list says on stderr that tasks were left out, and --json stays one document on stdout', async () => {
    const r = await runCli(['list'], { cwd: broken.root });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^TASK-042/m);
    expect(r.stderr).toMatch(
      /^guardian: note: left out 1 blueprint\(s\) with errors: specs\/tasks\/TASK-042_user-last-login\.md \(run `guardian lint` to see them\)$/m,
    );
    const j = await runCli(['list', '--json'], { cwd: broken.root });
    expect(JSON.parse(j.stdout).schemaVersion).toBe(1);
    expect(j.stderr).toMatch(/left out 1 blueprint/);
  });

  test('next says so too', async () => {
    const r = await runCli(['next'], { cwd: broken.root });
    expect(r.stderr).toMatch(
      /^guardian: note: left out 1 blueprint\(s\) with errors: specs\/tasks\/TASK-042/m,
    );
  });

  test('a clean project gets no note', async () => {
    const r = await runCli(['list'], { cwd: repo.root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('options read the same in every command', () => {
  test('code takes --debug, as the other commands do', async () => {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (/^(OPENAI_|GUARDIAN_)/.test(k)) delete env[k];
    const r = await runCli(['code', 'TASK-042', '--debug', '--root', repo.root], { cwd: repo.root, env });
    expect(r.stderr).not.toMatch(/unknown option/);
    expect(r.code).not.toBe(2);
  });

  test('--help names the default of --jobs (prestart) and --attempt (code)', async () => {
    const prestart = await runCli(['prestart', '--help']);
    expect(prestart.stdout.replace(/\s+/g, ' ')).toMatch(
      /--jobs <n> steps run in parallel \(default \[validator\] jobs, else the number of cores\)/,
    );
    const code = await runCli(['code', '--help']);
    expect(code.stdout.replace(/\s+/g, ' ')).toMatch(/--attempt <n> attempt number \(default 1\)/);
  });
});

describe('an empty --root', () => {
  // `--root "$REPO"` with REPO unset: the command would otherwise run (and commit) in the current directory.
  test.each([
    ['list'],
    ['search', '--query', 'user'],
    ['bundle', 'TASK-042'],
    ['run', 'TASK-042', '--dry-run'],
    ['complete', 'TASK-042'],
    ['init', '--dry-run'],
  ])('%s --root= is refused', async (...argv) => {
    const r = await runCli([...argv, '--root='], { cwd: repo.root });
    expect(r.stderr).toBe('guardian: --root: empty value; expected <dir>: repository root\n');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
    expect(existsSync(join(repo.root, '.guardian', 'bundles', 'TASK-042'))).toBe(false);
  });
});

describe('guardian --help', () => {
  test('ends with the exit codes and what --json prints, also on failure', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toContain(
      'Exit codes: 0 success, 1 problems found or the command failed, 2 usage error, 130 interrupted.',
    );
    expect(text).toContain('A command that fails before it has a result prints nothing on stdout');
    // Which is what a failing command under --json does.
    const failed = await runCli(['show', 'TASK-999', '--json'], { cwd: repo.root });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/^guardian: unknown task TASK-999/);
  });
});
