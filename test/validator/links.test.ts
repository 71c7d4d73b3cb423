/** A change may not add a symbolic link that leaves the repository (or reaches .git/ or .guardian/). */
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { linksCheck } from '../../src/stations/validator/guard.js';
import type { CheckResult, ValidationReport } from '../../src/stations/validator/types.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { doubleValue, readJson, smallRepoFiles } from './helpers.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

describe('guard:links', () => {
  it('refuses absolute targets, escapes and links into .git or .guardian; allows links within the tree', () => {
    const r = linksCheck([
      { path: 'src/evil.py', target: '/etc/passwd' },
      { path: 'src/up.txt', target: '../../home/user/.ssh/id_rsa' },
      { path: 'a/b/git.txt', target: '../../.git/config' },
      { path: 'win.txt', target: 'C:\\Windows\\win.ini' },
      { path: 'docs/ok.md', target: '../README.md' },
      { path: 'src/same.py', target: './real.py' },
      { path: 'src/deep/x', target: '../../src/y' },
    ]);
    expect(r.outcome).toBe('fail');
    expect(r.diagnostics.map((d) => d.file)).toEqual(['src/evil.py', 'src/up.txt', 'a/b/git.txt', 'win.txt']);
    expect(r.diagnostics[0]!.message).toBe(
      'the change adds a symbolic link src/evil.py with an absolute target "/etc/passwd"; links must point inside the repository',
    );
    expect(r.diagnostics[1]!.message).toMatch(/a target outside the repository "\.\.\/\.\.\/home/);
    expect(r.diagnostics[2]!.message).toMatch(/a target inside \.git\//);
    expect(linksCheck([{ path: 'docs/ok.md', target: '../README.md' }]).outcome).toBe('pass');
  });

  it("follows the tree's other links: a chain that climbs out or into .git is refused", () => {
    const tree = new Map([
      ['d/up', '..'],
      ['out', 'd/up/..'],
      ['g', 'd/up/.git'],
      ['fine', 'd/up/src/x.py'],
      ['loop1', 'loop2'],
      ['loop2', 'loop1'],
      ['abs', '/etc'],
      ['via-abs', 'abs/passwd'],
    ]);
    const changed = [...tree].map(([path, target]) => ({ path, target }));
    const r = linksCheck(changed, tree);
    expect(r.diagnostics.map((d) => [d.file, d.message.replace(/.* with (.*); links must.*/, '$1')])).toEqual(
      [
        ['out', 'a target outside the repository "d/up/.." (through other links)'],
        ['g', 'a target inside .git/ "d/up/.git"'],
        ['loop1', 'a target that loops through links "loop2" (through other links)'],
        ['loop2', 'a target that loops through links "loop1" (through other links)'],
        ['abs', 'an absolute target "/etc"'],
        ['via-abs', 'an absolute target "abs/passwd" (through other links)'],
      ],
    );
  });

  it('resolves the links the change leaves alone again: one the new links lead out is refused, one already out at the base is not', () => {
    // s/p -> d/../../x stays inside while s/d is a folder; the change makes s/d a link to "." (itself inside).
    const base = new Map([
      ['s/p', 'd/../../x'],
      ['abs', '/etc'],
    ]);
    const tree = new Map([...base, ['s/d', '.']]);
    const r = linksCheck([{ path: 's/d', target: '.' }], tree, [], base);
    expect(r.outcome).toBe('fail');
    expect(r.diagnostics.map((d) => [d.file, d.message])).toEqual([
      [
        's/p',
        'the links the change adds make the existing symbolic link s/p lead to a target outside the repository "d/../../x" (through other links); links must point inside the repository',
      ],
    ]);
    // Without the base tree's links (or with no link changed) only the changed links are looked at.
    expect(linksCheck([{ path: 's/d', target: '.' }], tree).outcome).toBe('pass');
    expect(linksCheck([], tree, [], base).outcome).toBe('pass');
  });

  it('refuses a submodule the change adds', () => {
    const r = linksCheck([], new Map(), [
      { path: 'vendor/lib', commit: '1234567890abcdef1234567890abcdef12345678' },
    ]);
    expect(r.outcome).toBe('fail');
    expect(r.diagnostics[0]!.message).toBe(
      'the change adds a git submodule at vendor/lib (commit 1234567890ab): its code is not in the tree the checks ran on',
    );
  });

  it('guardian validate fails a chain of links added by the change, and a submodule', async () => {
    const repo = makeRepo(undefined, { files: smallRepoFiles() });
    repos.push(repo);
    doubleValue(repo);
    mkdirSync(join(repo.root, 'd'));
    symlinkSync('..', join(repo.root, 'd/up'));
    symlinkSync('d/up/..', join(repo.root, 'out'));
    const v = await runCli(['validate', 'TASK-001', '--root', repo.root, '--clean']);
    expect(v.code).toBe(1);
    const rep = readJson<ValidationReport>(join(repo.root, '.guardian/bundles/TASK-001/validation.json'));
    const check = rep.checks.find((c) => c.name === 'guard:links') as CheckResult;
    expect(check.diagnostics.map((d) => d.file)).toEqual(['out']);

    rmSync(join(repo.root, 'out'));
    rmSync(join(repo.root, 'd'), { recursive: true });
    const head = repo.git('rev-parse', 'HEAD');
    // As a bundle's changes.patch ("Subproject commit …"), the way a Coder's patch would carry it.
    repo.git('add', '-A');
    repo.git('update-index', '--add', '--cacheinfo', `160000,${head},vendor/lib`);
    const patch = repo.git('diff', '--cached', '--binary') + '\n';
    expect(patch).toContain(`+Subproject commit ${head}`);
    repo.git('reset', '-q', '--hard');
    repo.git('clean', '-fdq', '-e', '.guardian');
    repo.write('.guardian/bundles/TASK-001/changes.patch', patch);
    const v2 = await runCli(['validate', 'TASK-001', '--root', repo.root]);
    expect(v2.code).toBe(1);
    const rep2 = readJson<ValidationReport>(join(repo.root, '.guardian/bundles/TASK-001/validation.json'));
    const check2 = rep2.checks.find((c) => c.name === 'guard:links') as CheckResult;
    expect(check2.diagnostics.map((d) => d.file)).toEqual(['vendor/lib']);
  });

  it('guardian validate fails a change whose new link leads an existing link out of the repository', async () => {
    const repo = makeRepo(undefined, { files: { ...smallRepoFiles(), 's/d/keep.txt': 'kept\n' } });
    repos.push(repo);
    symlinkSync('d/../../x', join(repo.root, 's/p'));
    symlinkSync('/etc', join(repo.root, 'abs'));
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'links');
    doubleValue(repo);
    rmSync(join(repo.root, 's/d'), { recursive: true });
    symlinkSync('.', join(repo.root, 's/d'));
    const v = await runCli(['validate', 'TASK-001', '--root', repo.root, '--clean']);
    expect(v.code).toBe(1);
    const rep = readJson<ValidationReport>(join(repo.root, '.guardian/bundles/TASK-001/validation.json'));
    const check = rep.checks.find((c) => c.name === 'guard:links') as CheckResult;
    expect(check.diagnostics.map((d) => d.file)).toEqual(['s/p']);
  });

  it('guardian validate fails a change that adds a link out of the repository, in place and with --clean', async () => {
    const repo = makeRepo(undefined, { files: smallRepoFiles() });
    repos.push(repo);
    doubleValue(repo);
    symlinkSync('/etc/passwd', join(repo.root, 'src/evil.txt'));
    for (const args of [[], ['--clean']]) {
      const v = await runCli(['validate', 'TASK-001', '--root', repo.root, ...args]);
      expect(v.code).toBe(1);
      const rep = readJson<ValidationReport>(join(repo.root, '.guardian/bundles/TASK-001/validation.json'));
      const check = rep.checks.find((c) => c.name === 'guard:links') as CheckResult;
      expect(check.outcome).toBe('fail');
      expect(check.outputTail).toContain('src/evil.txt');
      expect(rep.summary).toMatch(/^fail: guard:links$/);
    }
  });
});
