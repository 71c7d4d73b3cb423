/**
 * The change as a binary-safe patch against the bundle's base commit, new files included. A temporary
 * index (GIT_INDEX_FILE) holds the snapshot, so the user's own index and staging are never touched.
 */
import { mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, dirname } from 'node:path';
import { execGit, execGitBuffer } from '../../git/git.js';

export interface WorkingPatch {
  patch: Buffer;
  /** Files that differ from the base (posix, repository-relative). */
  files: string[];
  /** New symbolic links left out because they point outside the repository (linked dependency folders…). */
  excluded: string[];
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
    const excluded = outsideLinks(root, base, env);
    for (const p of excluded) execGit(['rm', '-q', '--cached', '--', p], { cwd: root, env });
    const patch = execGitBuffer(
      ['diff', '--cached', '--binary', '--full-index', '--no-color', '--no-ext-diff', base],
      { cwd: root, env },
    ).stdout;
    const files = execGit(['diff', '--cached', '--name-only', '-z', '--no-renames', base], { cwd: root, env })
      .stdout.split('\0')
      .filter(Boolean);
    return { patch, files, excluded };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Symbolic links added since the base that point outside the repository: a `node_modules` or `.venv`
 * linked into a worktree, or a link a test created. They are never part of a change.
 */
function outsideLinks(root: string, base: string, env: NodeJS.ProcessEnv): string[] {
  const added = execGit(['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=AT', base], {
    cwd: root,
    env,
  })
    .stdout.split('\0')
    .filter(Boolean);
  if (!added.length) return [];
  const staged = execGit(['ls-files', '-s', '-z', '--', ...added], { cwd: root, env }).stdout.split('\0');
  const out: string[] = [];
  for (const entry of staged) {
    const m = /^120000 [0-9a-f]+ \d\t(.+)$/.exec(entry);
    if (!m) continue;
    const path = m[1]!;
    let target: string;
    try {
      target = readlinkSync(join(root, path));
    } catch {
      continue;
    }
    const abs = isAbsolute(target) ? target : resolve(dirname(join(root, path)), target);
    const rel = relative(root, abs);
    if (isAbsolute(target) || rel.startsWith('..') || isAbsolute(rel)) out.push(path);
  }
  return out;
}
