/**
 * Paths in the way end in one clear message, never a stack trace or half a scaffold: `guardian init`
 * with a file where a directory belongs (or the reverse), a `.guardian` that is not a directory, and
 * Ctrl-C during `guardian bundle` (its staging directory is removed).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../../src/errors.js';
import { ensureDir, findBlocker, writeFileAtomic } from '../../src/util/fs.js';
import {
  exitOnInterrupt,
  registeredTemps,
  registerTemp,
  releaseTemp,
  removeTemps,
} from '../../src/util/temp.js';
import { runCli } from '../support/cli.js';
import { makeRepo, PROJECT_ROOT, type TempRepo } from '../support/repo.js';

const repos: TempRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function repo(name?: string): TempRepo {
  const r = makeRepo(name);
  repos.push(r);
  return r;
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'guardian-dirs-'));
  dirs.push(d);
  return d;
}

/** Every path under root (but .git), sorted: what a command left behind. */
function listing(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (p === '.git') continue;
      out.push(e.isDirectory() ? `${p}/` : p);
      if (e.isDirectory()) walk(p);
    }
  };
  walk('');
  return out.sort();
}

/** The error fn throws (it must throw). */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

function expectUserError(r: { code: number; stdout: string; stderr: string }, message: string): void {
  expect(r.stderr).toBe(`guardian: ${message}\n`);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.code).toBe(1);
}

describe('guardian init: a path in the way stops it before anything is written', () => {
  const cases: [string, (root: string) => void, string][] = [
    [
      '.github is a file',
      (root) => writeFileSync(join(root, '.github'), 'x'),
      'cannot set up: .github is a file; a directory is expected there — remove or rename it',
    ],
    [
      '.gitignore is a directory',
      (root) => mkdirSync(join(root, '.gitignore')),
      'cannot set up: .gitignore is a directory; a file is expected there — remove or rename it',
    ],
    [
      'specs/tasks is a file',
      (root) => {
        mkdirSync(join(root, 'specs'));
        writeFileSync(join(root, 'specs', 'tasks'), 'x');
      },
      'cannot set up: specs/tasks is a file; a directory is expected there — remove or rename it',
    ],
    [
      'a workflow file is a directory',
      (root) => mkdirSync(join(root, '.github', 'workflows', 'guardian.yml'), { recursive: true }),
      'cannot set up: .github/workflows/guardian.yml is a directory; a file is expected there — remove or rename it',
    ],
    [
      'quality.toml is a broken symbolic link',
      (root) => symlinkSync(join(root, 'nowhere'), join(root, 'quality.toml')),
      'cannot set up: quality.toml is a broken symbolic link; a file is expected there — remove or rename it',
    ],
  ];
  for (const [name, block, message] of cases) {
    it(`${name}: one message, exit 1, nothing written`, async () => {
      const r = repo();
      block(r.root);
      const before = listing(r.root);
      expectUserError(await runCli(['init'], { cwd: r.root }), message);
      expect(listing(r.root)).toEqual(before);
      // --dry-run says the same (it would fail).
      expectUserError(await runCli(['init', '--dry-run'], { cwd: r.root }), message);
    });
  }

  it('several paths in the way are all named in one message', async () => {
    const r = repo();
    writeFileSync(join(r.root, '.github'), 'x');
    mkdirSync(join(r.root, '.gitignore'));
    const before = listing(r.root);
    const out = await runCli(['init'], { cwd: r.root });
    expect(out.code).toBe(1);
    expect(out.stderr).toBe(
      'guardian: cannot set up, 2 paths are in the way:\n' +
        '  - .github is a file; a directory is expected there — remove or rename it\n' +
        '  - .gitignore is a directory; a file is expected there — remove or rename it\n',
    );
    expect(listing(r.root)).toEqual(before);
  });

  it('with nothing in the way it still writes the whole scaffold (and skips what exists)', async () => {
    const r = repo();
    writeFileSync(join(r.root, 'quality.toml'), '[quality_checks]\ntests = "true"\n');
    const out = await runCli(['init'], { cwd: r.root });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(listing(r.root)).toEqual([
      '.github/',
      '.github/workflows/',
      '.github/workflows/guardian-milestone.yml',
      '.github/workflows/guardian.yml',
      '.gitignore',
      'quality.toml',
      'specs/',
      'specs/README.md',
      'specs/milestones/',
      'specs/milestones/.gitkeep',
      'specs/tasks/',
      'specs/tasks/.gitkeep',
    ]);
    expect(readFileSync(join(r.root, 'quality.toml'), 'utf8')).toBe('[quality_checks]\ntests = "true"\n');
    expect(out.stdout).toContain('skipped quality.toml: exists (not overwritten)');
  });
});

describe('a .guardian that is not a directory', () => {
  const STATE = 'Guardian keeps its bundles, index and ledger in a .guardian/ directory';
  const GUARDIAN_FILE = `.guardian is a file; ${STATE} — remove or rename it`;
  const BUNDLES_FILE = `.guardian/bundles is a file; a directory is expected there (${STATE}) — remove or rename it`;

  it('.guardian is a file: bundle, run --dry-run and validate say so (exit 1) and leave it alone', async () => {
    const r = repo('python-flask-users');
    writeFileSync(join(r.root, '.guardian'), 'mine\n');
    expectUserError(await runCli(['bundle', 'TASK-042'], { cwd: r.root }), GUARDIAN_FILE);
    expectUserError(await runCli(['run', 'TASK-042', '--dry-run'], { cwd: r.root }), GUARDIAN_FILE);
    expectUserError(await runCli(['validate', 'TASK-042'], { cwd: r.root }), GUARDIAN_FILE);
    expect(readFileSync(join(r.root, '.guardian'), 'utf8')).toBe('mine\n');
  });

  it('.guardian is a committed symbolic link out of the repository: bundle and run refuse it and write nothing there', async () => {
    const r = repo('python-flask-users');
    const outside = tempDir();
    symlinkSync(outside, join(r.root, '.guardian'));
    r.git('add', '-f', '.guardian');
    r.git('commit', '-qm', 'state elsewhere');
    const LINK = `.guardian is a symbolic link (to ${JSON.stringify(outside)}); ${STATE} inside the repository, not behind a link — remove the link`;
    expectUserError(await runCli(['bundle', 'TASK-042'], { cwd: r.root }), LINK);
    expectUserError(await runCli(['run', 'TASK-042', '--dry-run'], { cwd: r.root }), LINK);
    expect(readdirSync(outside)).toEqual([]);
    // A link further down is refused the same way.
    const d = tempDir();
    mkdirSync(join(d, '.guardian'));
    symlinkSync(outside, join(d, '.guardian', 'bundles'));
    expect(() => ensureDir(join(d, '.guardian', 'bundles', 'TASK-1'), d)).toThrow(
      /^\.guardian\/bundles is a symbolic link/,
    );
  });

  it('state behind a linked .guardian is never read: the stations after the Bundler, search and status refuse the link', async () => {
    const r = repo('python-flask-users');
    expect((await runCli(['bundle', 'TASK-042'], { cwd: r.root })).code).toBe(0);
    // The bundle, moved out of the repository and linked back in: a bundle Guardian did not write here.
    const outside = join(tempDir(), 'state');
    renameSync(join(r.root, '.guardian'), outside);
    symlinkSync(outside, join(r.root, '.guardian'));
    const before = listing(outside);
    const LINK = `.guardian is a symbolic link (to ${JSON.stringify(outside)}); ${STATE} inside the repository, not behind a link — remove the link`;
    for (const cmd of ['security', 'validate', 'code'])
      expectUserError(await runCli([cmd, 'TASK-042'], { cwd: r.root }), LINK);
    // Nor is the search index cached there, nor the ledger of runs read from there.
    expectUserError(await runCli(['search', '--query', 'users'], { cwd: r.root }), LINK);
    expectUserError(await runCli(['status'], { cwd: r.root }), LINK);
    expect(listing(outside)).toEqual(before);
  });

  it('.guardian/bundles is a file: validate and bundle name it', async () => {
    const r = repo('python-flask-users');
    mkdirSync(join(r.root, '.guardian'));
    writeFileSync(join(r.root, '.guardian', 'bundles'), 'mine\n');
    expectUserError(await runCli(['validate', 'TASK-042'], { cwd: r.root }), BUNDLES_FILE);
    expectUserError(await runCli(['bundle', 'TASK-042'], { cwd: r.root }), BUNDLES_FILE);
    expect(readFileSync(join(r.root, '.guardian', 'bundles'), 'utf8')).toBe('mine\n');
  });

  it('ensureDir: creates what is missing; a file on the way is a ConfigurationError naming it', () => {
    const root = tempDir();
    ensureDir(join(root, '.guardian', 'cache', 'x'), root);
    expect(existsSync(join(root, '.guardian', 'cache', 'x'))).toBe(true);
    writeFileSync(join(root, '.guardian', 'index'), 'x');
    const e = thrown(() => ensureDir(join(root, '.guardian', 'index', 'a', 'b'), root));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toBe(
      `.guardian/index is a file; a directory is expected there (${STATE}) — remove or rename it`,
    );
    // Without a root, the folder holding .guardian is the root.
    expect(() => ensureDir(join(root, '.guardian', 'index', 'a'))).toThrow(/^\.guardian\/index is a file/);
    expect(findBlocker(root, '.guardian/cache/x/y', 'dir')).toBeUndefined();
  });

  it('writeFileAtomic onto a directory names it; the temporary file is gone', () => {
    const root = tempDir();
    mkdirSync(join(root, '.guardian', 'bundles', 'T-1', 'manifest.json'), { recursive: true });
    const e = thrown(() => writeFileAtomic(join(root, '.guardian', 'bundles', 'T-1', 'manifest.json'), '{}'));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toBe(
      `.guardian/bundles/T-1/manifest.json is a directory; a file is expected there (${STATE}) — remove or rename it`,
    );
    expect(readdirSync(join(root, '.guardian', 'bundles', 'T-1'))).toEqual(['manifest.json']);
  });
});

describe('temporary paths and Ctrl-C', () => {
  it('registered paths are removed at exit unless released', () => {
    const root = tempDir();
    const keep = join(root, 'keep');
    const drop = join(root, 'drop');
    mkdirSync(join(keep, 'a'), { recursive: true });
    mkdirSync(join(drop, 'a'), { recursive: true });
    registerTemp(keep);
    registerTemp(drop);
    releaseTemp(keep);
    expect(registeredTemps()).toContain(drop);
    expect(registeredTemps()).not.toContain(keep);
    expect(process.listeners('exit')).toContain(removeTemps);
    removeTemps();
    expect(existsSync(drop)).toBe(false);
    expect(existsSync(keep)).toBe(true);
    expect(registeredTemps()).toEqual([]);
  });

  it('exitOnInterrupt: a signal is reported and exits 130; uninstalling removes the listeners', () => {
    const handlers = new Map<string, (sig: NodeJS.Signals) => void>();
    const exits: number[] = [];
    const proc = {
      on: (ev: string, h: (sig: NodeJS.Signals) => void) => handlers.set(ev, h),
      off: (ev: string) => handlers.delete(ev),
      exit: (code?: number) => void exits.push(code ?? 0),
    } as unknown as Pick<NodeJS.Process, 'on' | 'off' | 'exit'>;
    const seen: string[] = [];
    const stop = exitOnInterrupt((sig) => seen.push(sig), proc);
    handlers.get('SIGTERM')!('SIGTERM');
    expect(seen).toEqual(['SIGTERM']);
    expect(exits).toEqual([130]);
    stop();
    expect([...handlers.keys()]).toEqual([]);
  });

  it('in-process `guardian bundle` leaves no SIGINT/SIGTERM listener behind', async () => {
    const r = repo();
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const out = await runCli(['bundle', 'TASK-001'], { cwd: r.root });
    expect(out.code).toBe(1);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });

  // A real process: the CLI runs from its TypeScript sources (test/unit/cli-from-source.mjs, transpiled
  // by the project's TypeScript), gets SIGINT while the bundle is being staged, and must clean up.
  it('SIGINT during a standalone bundle: "interrupted", exit 130, no staging directory left', async () => {
    const r = repo('python-flask-users');
    const bundles = join(r.root, '.guardian', 'bundles');
    const staging = () => (existsSync(bundles) ? readdirSync(bundles).filter((n) => /tmp-/.test(n)) : []);
    const child = spawn(
      process.execPath,
      [join(PROJECT_ROOT, 'test/unit/cli-from-source.mjs'), 'bundle', 'TASK-042'],
      {
        cwd: r.root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
      child.on('exit', (code, signal) => res({ code, signal })),
    );
    let done = false;
    void exited.then(() => (done = true));
    const deadline = Date.now() + 60_000;
    while (staging().length === 0 && !done && Date.now() < deadline)
      await new Promise((res) => setTimeout(res, 10));
    expect(done).toBe(false); // still bundling: the staging directory is there
    expect(staging()).toEqual([expect.stringMatching(/^\.TASK-042\.tmp-[0-9a-f]+$/)]);
    child.kill('SIGINT');
    const { code, signal } = await exited;
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(stderr).toContain(
      'guardian: interrupted: the Task Bundle for TASK-042 was not built (the partial one was removed)',
    );
    expect(stderr).not.toMatch(/internal error/);
    expect(readdirSync(bundles)).toEqual([]);
  });
});
