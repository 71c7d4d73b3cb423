/**
 * guard:deps: the dependency folders linked into the checks' worktrees are the repository's own, and a
 * check runs the change's code: a test that rewrites the linter in node_modules fails the verdict, and
 * the next validation too until the folder is reinstalled.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareDependencies,
  dependencyFolders,
  depsCheck,
  fingerprintDependencies,
} from '../../src/stations/validator/deps.js';
import type { ValidationReport } from '../../src/stations/validator/types.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { LINTER, linterRepoFiles, readJson, smallRepoFiles } from './helpers.js';

const repos: TempRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The small task repository with a real node_modules holding the linter, which `lint` runs. */
function repoWithLinter(): TempRepo {
  const r = makeRepo(undefined, { files: linterRepoFiles() });
  repos.push(r);
  return r;
}

const CHECK = 'grep -qx 2 src/value.txt || exit 1\n';
/** The change's test neuters the linter through the worktree's node_modules (a relative path). */
const TAMPER = `${CHECK}printf '' > node_modules/mylint/index.js\n`;

const reportOf = (r: TempRepo) =>
  readJson<ValidationReport>(join(r.root, '.guardian/bundles/TASK-001/validation.json'));
const validate = (r: TempRepo, clean: boolean) =>
  runCli(['validate', 'TASK-001', '--root', r.root, ...(clean ? ['--clean'] : [])]);

describe('guard:deps', () => {
  for (const mode of ['in a clean worktree', 'in place']) {
    const clean = mode === 'in a clean worktree';

    it(`a test that rewrites the linked linter fails the verdict, naming the file (${mode})`, async () => {
      const r = repoWithLinter();
      r.write('src/value.txt', '2\n');
      r.write('tests/check.sh', TAMPER);
      const v = await validate(r, clean);
      expect(v.code).toBe(1);
      const rep = reportOf(r);
      expect(rep.verdict).toBe('fail');
      expect(rep.summary).toMatch(/guard:deps/);
      const guard = rep.checks.find((c) => c.name === 'guard:deps');
      expect(guard?.outcome).toBe('fail');
      expect(guard?.kind).toBe('guard');
      expect(guard?.diagnostics).toHaveLength(1);
      expect(guard?.diagnostics[0]?.file).toBe('node_modules/mylint/index.js');
      expect(guard?.diagnostics[0]?.message).toMatch(
        /^the dependencies were modified during the checks \(node_modules\/mylint\/index\.js; 1 in all\): they must be reinstalled \(`npm ci`/,
      );
      expect(guard?.outputTail).toContain('  modified node_modules/mylint/index.js');
    });

    it(`the same change without the tampering passes, with no guard:deps failure (${mode})`, async () => {
      const r = repoWithLinter();
      r.write('src/value.txt', '2\n');
      r.write('tests/check.sh', CHECK);
      const v = await validate(r, clean);
      expect(v.code).toBe(0);
      const rep = reportOf(r);
      expect(rep.verdict).toBe('pass');
      expect(rep.checks.find((c) => c.name === 'lint')?.outcome).toBe('pass');
      expect(rep.checks.map((c) => c.name)).not.toContain('guard:deps');
    });
  }

  it('absent dependency folders (none, or a broken link) are no failure', async () => {
    const r = makeRepo(undefined, { files: smallRepoFiles() });
    repos.push(r);
    symlinkSync(join(r.root, 'no-such-venv'), join(r.root, '.venv'), 'dir');
    r.write('.gitignore', '.guardian/\n.venv\n');
    r.git('commit', '-qam', 'ignore .venv');
    r.write('src/value.txt', '2\n');
    r.write('tests/check.sh', CHECK);
    const v = await validate(r, true);
    expect(v.code).toBe(0);
    expect(reportOf(r).checks.map((c) => c.name)).not.toContain('guard:deps');
  });

  it('tools writing their caches into node_modules (.cache, .vite) are no failure', async () => {
    const r = repoWithLinter();
    r.write('src/value.txt', '2\n');
    r.write(
      'tests/check.sh',
      `${CHECK}mkdir -p node_modules/.cache/babel node_modules/.vite/vitest\necho x > node_modules/.cache/babel/a.json\necho '{}' > node_modules/.vite/vitest/results.json\n`,
    );
    const v = await validate(r, true);
    expect(v.code).toBe(0);
    expect(reportOf(r).checks.map((c) => c.name)).not.toContain('guard:deps');
  });

  it('the next validation fails too until the folder is reinstalled', async () => {
    const r = repoWithLinter();
    r.write('src/value.txt', '2\n');
    r.write('tests/check.sh', TAMPER);
    expect((await validate(r, true)).code).toBe(1);
    const marker = join(r.root, '.guardian/validator/deps-tainted.json');
    expect(existsSync(marker)).toBe(true);

    // A later attempt without the tampering: its lint would run the neutered linter.
    r.write('tests/check.sh', CHECK);
    expect((await validate(r, true)).code).toBe(1);
    const guard = reportOf(r).checks.find((c) => c.name === 'guard:deps');
    expect(guard?.outcome).toBe('fail');
    expect(guard?.diagnostics).toHaveLength(1);
    expect(guard?.diagnostics[0]?.file).toBe('node_modules/mylint/index.js');
    expect(guard?.diagnostics[0]?.message).toMatch(
      /^the dependencies are still modified since TASK-001's validation \(node_modules\/mylint\/index\.js; 1 in all\)/,
    );

    // Reinstalled: the record is forgotten and the change passes.
    writeFileSync(join(r.root, 'node_modules/mylint/index.js'), LINTER);
    expect((await validate(r, true)).code).toBe(0);
    expect(reportOf(r).checks.map((c) => c.name)).not.toContain('guard:deps');
    expect(existsSync(marker)).toBe(false);
  });
});

describe('dependency fingerprints', () => {
  const tick = () => new Promise((res) => setTimeout(res, 30)); // file times are as coarse as a jiffy
  function tree(files: Record<string, string>): string {
    const d = mkdtempSync(join(tmpdir(), 'guardian-deps-'));
    dirs.push(d);
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(join(d, rel, '..'), { recursive: true });
      writeFileSync(join(d, rel), content);
    }
    return d;
  }
  const changed = (before: ReturnType<typeof fingerprintDependencies>) =>
    compareDependencies(before).map((c) => `${c.change} ${c.path}`);

  it('sees a same-size rewrite with its mtime put back, a copy renamed over a file, and a removal', async () => {
    const d = tree({
      'node_modules/a/index.js': 'one',
      'node_modules/b/index.js': 'two',
      'node_modules/c/index.js': 'six',
    });
    const before = fingerprintDependencies(dependencyFolders([d]));
    expect(before.count).toBe(7);
    await tick();
    const a = join(d, 'node_modules/a/index.js');
    const st = statSync(a);
    writeFileSync(a, 'own');
    utimesSync(a, st.atime, st.mtime);
    writeFileSync(join(d, 'node_modules/b/tmp'), 'TWO');
    renameSync(join(d, 'node_modules/b/tmp'), join(d, 'node_modules/b/index.js'));
    rmSync(join(d, 'node_modules/c/index.js'));
    expect(changed(before)).toEqual([
      'modified node_modules/a/index.js',
      'modified node_modules/b/index.js',
      'removed node_modules/c/index.js',
    ]);
  });

  it("ignores Python's new bytecode, not a changed one", async () => {
    const d = tree({ '.venv/lib/m/__init__.py': 'x = 1\n', '.venv/lib/m/__pycache__/old.pyc': 'pyc' });
    const before = fingerprintDependencies(dependencyFolders([d]));
    await tick();
    writeFileSync(join(d, '.venv/lib/m/__pycache__/new.pyc'), 'pyc');
    mkdirSync(join(d, '.venv/lib/__pycache__'));
    writeFileSync(join(d, '.venv/lib/__pycache__/top.pyc'), 'pyc');
    writeFileSync(join(d, '.venv/lib/m/__pycache__/old.pyc'), 'PYC');
    expect(changed(before)).toEqual(['modified .venv/lib/m/__pycache__/old.pyc']);
  });

  it('a capped walk compares what it watched and says so', async () => {
    const d = tree({ 'node_modules/a/1.js': '', 'node_modules/b/1.js': '', 'node_modules/c/1.js': '' });
    // Walk order: node_modules, a, a/1.js, b, b/1.js | c, c/1.js
    const before = fingerprintDependencies(dependencyFolders([d]), 5);
    expect(before.capped).toBe(true);
    await tick();
    writeFileSync(join(d, 'node_modules/b/1.js'), 'changed');
    writeFileSync(join(d, 'node_modules/a/0.js'), 'added'); // pushes b/1.js past this walk's cap
    writeFileSync(join(d, 'node_modules/c/2.js'), 'past the cap');
    const changes = compareDependencies(before);
    expect(changes.map((c) => `${c.change} ${c.path}`)).toEqual([
      'added node_modules/a/0.js',
      'modified node_modules/b/1.js',
    ]);
    const check = depsCheck({ during: changes, cappedAt: 5 });
    expect(check?.diagnostics.map((x) => x.message)).toEqual([
      expect.stringMatching(/\(node_modules\/a\/0\.js, node_modules\/b\/1\.js; 2 in all\)/),
    ]);
    expect(check?.outputTail).toMatch(/note: .* more than 5 entries; only the first 5 .* were watched/);
  });

  it('names 5 entries and the total in its one diagnostic', () => {
    const during = Array.from({ length: 7 }, (_, i) => ({
      path: `node_modules/p${i}/index.js`,
      real: `/x/node_modules/p${i}/index.js`,
      change: 'modified' as const,
      sig: 'f',
    }));
    const check = depsCheck({ during })!;
    expect(check.diagnostics).toHaveLength(1);
    expect(check.diagnostics[0]!.message).toContain(
      '(node_modules/p0/index.js, node_modules/p1/index.js, node_modules/p2/index.js, node_modules/p3/index.js, node_modules/p4/index.js, +2 more; 7 in all)',
    );
    expect(depsCheck({ during: [] })).toBeUndefined();
  });
});
