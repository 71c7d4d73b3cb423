/**
 * Temporary worktrees a Guardian killed with SIGKILL left behind (no exit handler ran) are removed when
 * a later Guardian makes one in the same repository; those of a Guardian still running, and the
 * user's own worktrees, are left alone.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addWorktree, removeStaleWorktrees } from '../../src/git/worktree.js';
import { killedAfterFirstLine } from '../support/killed-process.js';
import { makeRepo } from '../support/repo.js';

/** A real Node process that makes a worktree of `root`, prints its path, and is killed with SIGKILL. */
async function leaveAWorktree(root: string, scratch: string): Promise<string> {
  const { line } = await killedAfterFirstLine(
    scratch,
    `const { addWorktree } = await source('src/git/worktree.ts');
process.stdout.write(addWorktree(${JSON.stringify(root)}, 'HEAD').dir + '\\n');
setInterval(() => {}, 1000);`,
  );
  return line;
}

describe('stale temporary worktrees', () => {
  it("are removed when the Guardian that made them is gone, not while it runs, and never the user's", async () => {
    const repo = makeRepo(undefined, { files: { 'a.txt': 'a\n' } });
    const scratch = mkdtempSync(join(tmpdir(), 'guardian-stale-'));
    const mine = join(scratch, 'users-own');
    try {
      repo.git('worktree', 'add', '--detach', '--quiet', mine, 'HEAD');
      const stale = await leaveAWorktree(repo.root, scratch);
      expect(existsSync(stale)).toBe(true);
      expect(repo.git('worktree', 'list', '--porcelain')).toContain(`worktree ${stale}`);

      const live = addWorktree(repo.root, 'HEAD'); // this process's: it runs
      try {
        // Making it removed the killed Guardian's worktree, folder and entry.
        expect(existsSync(stale)).toBe(false);
        const listed = repo.git('worktree', 'list', '--porcelain');
        expect(listed).not.toContain(`worktree ${stale}`);
        expect(listed).toContain(`worktree ${live.dir}`);
        expect(listed).toContain(`worktree ${mine}`);
        // A sweep now finds nothing to remove: the live one and the user's stay.
        expect(removeStaleWorktrees(repo.root)).toEqual([]);
        expect(existsSync(live.dir)).toBe(true);
        expect(existsSync(mine)).toBe(true);
      } finally {
        live.remove();
      }
    } finally {
      repo.cleanup();
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});
