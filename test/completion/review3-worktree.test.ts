import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addWorktree, linkDependencies } from '../../src/git/worktree.js';
import { makeRepo, PROJECT_ROOT, type TempRepo } from '../support/repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

describe('linkDependencies', () => {
  it('leaves a dependency folder name the tree holds as a link that leads nowhere, and links the others', () => {
    const r = makeRepo();
    repos.push(r);
    // The tree has `venv` as a link to nowhere; the repository's own `venv` and `.venv` are folders.
    symlinkSync('/nonexistent/guardian-venv', join(r.root, 'venv'));
    r.git('add', '-f', 'venv');
    r.git('commit', '-q', '-m', 'a broken link');
    rmSync(join(r.root, 'venv'));
    mkdirSync(join(r.root, 'venv'));
    mkdirSync(join(r.root, '.venv'));
    const wt = addWorktree(r.root, r.git('rev-parse', 'HEAD'));
    try {
      expect(linkDependencies(r.root, wt.dir)).toEqual(['.venv']);
      expect(readlinkSync(join(wt.dir, 'venv'))).toBe('/nonexistent/guardian-venv');
      expect(lstatSync(join(wt.dir, '.venv')).isSymbolicLink()).toBe(true);
    } finally {
      wt.remove();
    }
  });
});

describe('addWorktree', () => {
  it('a worktree the process did not remove before it exited is removed at exit, and no longer listed', () => {
    const r = makeRepo();
    repos.push(r);
    // A process that makes a worktree and exits at once (a second Ctrl-C does so) without removing it.
    const script = join(r.root, '..', 'exit-with-worktree.mjs');
    writeFileSync(
      script,
      [
        "import { register } from 'node:module';",
        `register(${JSON.stringify(pathToFileURL(join(PROJECT_ROOT, 'test', 'unit', 'ts-loader-hooks.mjs')).href)});`,
        `const { addWorktree } = await import(${JSON.stringify(pathToFileURL(join(PROJECT_ROOT, 'src', 'git', 'worktree.ts')).href)});`,
        `const wt = addWorktree(${JSON.stringify(r.root)}, 'HEAD');`,
        'console.log(wt.dir);',
        'process.exit(0);',
      ].join('\n'),
    );
    const p = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(p.status).toBe(0);
    const dir = p.stdout.trim();
    expect(dir).toMatch(/guardian-wt-/);
    expect(existsSync(dir)).toBe(false);
    expect(r.git('worktree', 'list')).not.toContain(dir);
  });
});
