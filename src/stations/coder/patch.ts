/**
 * The change as a binary-safe patch against the bundle's base commit, new files included. A temporary
 * index (GIT_INDEX_FILE) holds the snapshot, so the user's own index and staging are never touched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execGit, execGitBuffer } from '../../git/git.js';

export interface WorkingPatch {
  patch: Buffer;
  /** Files that differ from the base (posix, repository-relative). */
  files: string[];
}

/** Diff of the working tree (tracked and untracked, not ignored; `.guardian/` excluded) against `base`. */
export function diffWorkingTree(root: string, base: string): WorkingPatch {
  const dir = mkdtempSync(join(tmpdir(), 'guardian-index-'));
  const env = { GIT_INDEX_FILE: join(dir, 'index') };
  try {
    execGit(['read-tree', base], { cwd: root, env });
    execGit(['add', '-A', '--', '.'], { cwd: root, env });
    // The bundle folder is usually ignored, but never part of the change even when it is not.
    execGit(['rm', '-r', '-q', '--cached', '--ignore-unmatch', '--', '.guardian'], { cwd: root, env });
    const patch = execGitBuffer(
      ['diff', '--cached', '--binary', '--full-index', '--no-color', '--no-ext-diff', base],
      {
        cwd: root,
        env,
      },
    ).stdout;
    const files = execGit(['diff', '--cached', '--name-only', '-z', '--no-renames', base], { cwd: root, env })
      .stdout.split('\0')
      .filter(Boolean);
    return { patch, files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
