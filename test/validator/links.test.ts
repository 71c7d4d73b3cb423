/** A change may not add a symbolic link that leaves the repository (or reaches .git/ or .guardian/). */
import { afterEach, describe, expect, it } from '@jest/globals';
import { symlinkSync } from 'node:fs';
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
