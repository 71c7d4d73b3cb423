/**
 * Edits the index hides from git (assume-unchanged, skip-worktree) would be seen by checks run in the
 * working tree but left out of the patch: judging such a tree is refused, naming the files; a sparse
 * checkout's absent files are fine.
 */
import { describe, expect, it } from '@jest/globals';
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { workingTreePatch } from '../../src/git/patch.js';
import { runCli } from '../support/cli.js';
import { makeRepo } from '../support/repo.js';

describe('edits hidden by index flags', () => {
  it('refuses an assume-unchanged or skip-worktree file that differs, and names it', () => {
    const repo = makeRepo(undefined, { files: { 'a.txt': 'a\n', 'b.txt': 'b\n', 'c.txt': 'c\n' } });
    try {
      const base = repo.git('rev-parse', 'HEAD');
      repo.git('update-index', '--assume-unchanged', 'a.txt');
      repo.git('update-index', '--skip-worktree', 'b.txt');
      // Flags alone, with nothing edited: fine.
      expect(workingTreePatch(repo.root, base).patch.length).toBe(0);
      appendFileSync(join(repo.root, 'a.txt'), 'local edit\n');
      appendFileSync(join(repo.root, 'b.txt'), 'local edit\n');
      appendFileSync(join(repo.root, 'c.txt'), 'a real change\n');
      expect(repo.git('status', '--porcelain')).toBe('M c.txt'); // git itself does not see them
      expect(() => workingTreePatch(repo.root, base)).toThrow(
        /the index hides edits from git: a\.txt \(assume-unchanged\), b\.txt \(skip-worktree\) differ from the index/,
      );
    } finally {
      repo.cleanup();
    }
  });

  it('a skip-worktree file absent from the working tree (a sparse checkout) is fine', () => {
    const repo = makeRepo(undefined, { files: { 'a.txt': 'a\n', 'docs/big.txt': 'big\n' } });
    try {
      const base = repo.git('rev-parse', 'HEAD');
      repo.git('update-index', '--skip-worktree', 'docs/big.txt');
      rmSync(join(repo.root, 'docs'), { recursive: true });
      appendFileSync(join(repo.root, 'a.txt'), 'change\n');
      const { patch } = workingTreePatch(repo.root, base);
      expect(patch.toString()).toContain('a/a.txt');
      expect(patch.toString()).not.toContain('big.txt');
    } finally {
      repo.cleanup();
    }
  });

  it('guardian validate in place says so in one line, exit 1', async () => {
    const repo = makeRepo(undefined, {
      files: {
        'quality.toml': '[quality_checks]\ntests = "true"\n',
        'specs/tasks/TASK-001_a.md':
          '---\nid: TASK-001\ntitle: "A"\nstatus: pending\n---\n## Goal\nDo it.\n\n## Functional Acceptance Criteria\n* [ ] works\n\n## Verification Plan\n```guardian\n[{"description": "t", "stage": "final-submit", "command": "true", "expects": "pass"}]\n```\n',
        'src/a.txt': 'a\n',
        'src/local.cfg': 'x=1\n',
      },
    });
    try {
      repo.git('update-index', '--assume-unchanged', 'src/local.cfg');
      appendFileSync(join(repo.root, 'src/local.cfg'), 'token=mine\n');
      appendFileSync(join(repo.root, 'src/a.txt'), 'change\n');
      const r = await runCli(['validate', 'TASK-001', '--root', repo.root]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^guardian: the index hides edits from git: src\/local\.cfg \(assume-unchanged\)/,
      );
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      repo.cleanup();
    }
  });
});
