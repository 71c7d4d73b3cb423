/**
 * Temporary git worktrees: a clean checkout of a commit (or of any tree on top of it) in a temp
 * directory, sharing the repository's objects. The Validator judges a bundle's patch and runs the red
 * half of the red/green proof in them, so the user's working tree is never touched.
 */
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { ownerAlive, ownerTag } from '../exec/index.js';
import { onExit } from '../util/temp.js';
import { execGit } from './git.js';

/** The repositories whose stale worktrees this process has removed already. */
const swept = new Set<string>();

/** Beside each temporary worktree: which Guardian made it (pid and start time), for `removeStaleWorktrees`. */
const OWNER_FILE = 'owner';

export interface Worktree {
  /** Absolute path of the checkout. */
  dir: string;
  remove(): void;
}

/** Checks out `commit` (detached) in a new temporary worktree, then `tree` over it when given. */
export function addWorktree(root: string, commit: string, tree?: string, prefix = 'guardian-wt-'): Worktree {
  // Once per repository and process: what a Guardian that is gone left stays gone.
  if (!swept.has(root)) {
    swept.add(root);
    removeStaleWorktrees(root);
  }
  const parent = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  writeFileSync(join(parent, OWNER_FILE), `${ownerTag()}\n`);
  const dir = join(parent, 'tree');
  let removed = false;
  /** This worktree's own entry in the repository (`.git/worktrees/<name>`), once it exists. */
  let entry: string | undefined;
  // Removed at exit too (a second Ctrl-C ends the process at once): no worktree is left listed.
  let forgetExit = () => {};
  const remove = () => {
    if (removed) return;
    removed = true;
    forgetExit();
    const r = execGit(['worktree', 'remove', '--force', '--force', dir], { cwd: root, allowFailure: true });
    rmSync(parent, { recursive: true, force: true });
    // Only this worktree's entry, when git could not remove it (its folder was gone): `git worktree
    // prune` would also drop the user's own worktrees whose folder is missing for now (on a drive that
    // is not mounted), and their index with them.
    if (r.code !== 0 && entry) rmSync(entry, { recursive: true, force: true });
  };
  forgetExit = onExit(remove);
  try {
    execGit(['worktree', 'add', '--detach', '--quiet', dir, commit], { cwd: root });
    entry = ownEntry(root, dir);
    // Not into submodules (`submodule.recurse`): none is checked out in a new worktree, and git would
    // fail looking for one that a change moves to another commit.
    if (tree) execGit(['read-tree', '-u', '--reset', '--no-recurse-submodules', tree], { cwd: dir });
  } catch (e) {
    remove();
    throw e;
  }
  return { dir, remove };
}

/**
 * Removes the temporary worktrees of this repository that a Guardian which is gone made (one killed
 * with SIGKILL, which no exit handler sees): listed by git, in a `guardian-…` folder of the temporary
 * directory, with an owner file naming a Guardian that no longer runs. A worktree without an owner
 * file, or whose Guardian still runs, is left alone; so is every worktree of the user's. Returns the
 * paths removed.
 */
export function removeStaleWorktrees(root: string): string[] {
  const r = execGit(['worktree', 'list', '--porcelain', '-z'], { cwd: root, allowFailure: true });
  if (r.code !== 0) return [];
  let tmp: string;
  try {
    tmp = realpathSync(tmpdir());
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const field of r.stdout.split('\0')) {
    if (!field.startsWith('worktree ')) continue;
    const dir = field.slice('worktree '.length);
    const parent = dirname(dir);
    if (
      basename(dir) !== 'tree' ||
      dirname(parent) !== tmp ||
      !/^guardian-[a-z-]*[A-Za-z0-9]{6}$/.test(basename(parent))
    )
      continue;
    let tag: string;
    try {
      tag = readFileSync(join(parent, OWNER_FILE), 'utf8').trim();
    } catch {
      continue; // no owner file: not one this Guardian can judge
    }
    if (ownerAlive(tag) !== false) continue;
    execGit(['worktree', 'remove', '--force', '--force', dir], { cwd: root, allowFailure: true });
    rmSync(parent, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

/**
 * The entry of the worktree at `dir` under the repository's `worktrees/` folder, read when it was just
 * made (before anything runs in it that could rewrite its `.git` file); undefined when it is not there.
 */
function ownEntry(root: string, dir: string): string | undefined {
  const r = execGit(['rev-parse', '--absolute-git-dir'], { cwd: dir, allowFailure: true });
  const common = execGit(['rev-parse', '--git-common-dir'], { cwd: root, allowFailure: true });
  if (r.code !== 0 || common.code !== 0) return undefined;
  const commonDir = common.stdout.trim();
  const gitDir = realpathSync(r.stdout.trim());
  const worktrees = join(
    realpathSync(isAbsolute(commonDir) ? commonDir : join(root, commonDir)),
    'worktrees',
  );
  return dirname(gitDir) === worktrees ? gitDir : undefined;
}

/** Untracked dependency folders a check usually needs and a fresh checkout lacks. */
export const DEPENDENCY_DIRS = ['node_modules', '.venv', 'venv'];

/** Whether anything is at `p`, a link that leads nowhere included. */
function present(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Links the repository's dependency folders into a worktree (when the worktree has none of its own:
 * an entry of that name in the tree, even a link that leads nowhere, is left as it is).
 */
export function linkDependencies(root: string, dir: string, names: string[] = DEPENDENCY_DIRS): string[] {
  const linked: string[] = [];
  for (const name of names) {
    if (existsSync(join(root, name)) && !present(join(dir, name))) {
      symlinkSync(join(root, name), join(dir, name), 'dir');
      linked.push(name);
    }
  }
  return linked;
}

/** A dependency folder present in a tree: its name there and its real path (a link resolves to its target). */
export interface DependencyFolder {
  name: string;
  real: string;
}

/**
 * The dependency folders present in `dir` (directories, or links to them), with their real paths: what
 * a check run in `dir` takes its tools from. A folder linked by `linkDependencies` resolves to the
 * repository's own.
 */
export function dependencyFoldersIn(dir: string, names: string[] = DEPENDENCY_DIRS): DependencyFolder[] {
  const out: DependencyFolder[] = [];
  for (const name of names) {
    try {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) out.push({ name, real: realpathSync(p) });
    } catch {
      // absent, or a broken link: nothing to take tools from
    }
  }
  return out;
}
