/**
 * The change as a binary-safe patch against the bundle's base commit, new files included. A temporary
 * index (GIT_INDEX_FILE) holds the snapshot, so the user's own index and staging are never touched.
 *
 * The working tree may hold a `.gitattributes` the model (or a test it wrote) put there. Attributes
 * decide how `git diff` shows a file: `*.mjs -diff` turns a text file's change into a "GIT binary patch"
 * (zlib, base85) that no reader and no secret check can read, and `diff=<driver>` can run a textconv
 * program. So every file whose old and new content hold no NUL byte is diffed with `--text` (its hunks
 * stay readable whatever the attributes say; without a NUL, a text hunk applies exactly), the others as
 * binary patches, and textconv is off. Whoever checks the change for secrets reads the new content of
 * every changed file itself (`inspect`), not the patch text.
 *
 * `git add -A` still applies the attributes git has no switch to ignore in this git (a clean filter,
 * end-of-line conversion): the filter programs come from the git config, which the tools put back
 * after every test run (see CoderTools.runOne), so a test cannot plant one.
 */
import { mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, dirname } from 'node:path';
import { GuardianError } from '../../errors.js';
import { execGit, execGitBuffer, readBlobs } from '../../git/git.js';

export interface WorkingPatch {
  patch: Buffer;
  /** Files that differ from the base (posix, repository-relative). */
  files: string[];
  /** New symbolic links left out because they point outside the repository (linked dependency folders…). */
  excluded: string[];
}

export interface DiffOptions {
  /**
   * Called with the new content of every added or changed file (the blob the patch carries, whatever
   * form the patch gives it), for checks that must not depend on how the patch shows it.
   */
  inspect?: (path: string, content: Buffer) => void;
}

/** One line of `git diff --raw`. */
interface RawEntry {
  oldMode: string;
  newMode: string;
  oldOid: string;
  newOid: string;
  status: string;
  path: string;
}

const ZERO_OID = /^0+$/;
/** Blobs read per `git cat-file --batch` call, and the most bytes one call may return. */
const BATCH_COUNT = 256;
const BATCH_BYTES = 64 * 1024 * 1024;

/** The patch as `git apply -p1` reads it, whatever the user's diff settings (`diff.noprefix`, textconv). */
const DIFF_ARGS = [
  'diff',
  '--cached',
  '--binary',
  '--full-index',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

/** Diff of the working tree (tracked and untracked, not ignored; `.guardian/` excluded) against `base`. */
export function diffWorkingTree(root: string, base: string, opts: DiffOptions = {}): WorkingPatch {
  const dir = mkdtempSync(join(tmpdir(), 'guardian-index-'));
  const env = { GIT_INDEX_FILE: join(dir, 'index') };
  try {
    execGit(['read-tree', base], { cwd: root, env });
    execGit(['add', '-A', '--', '.'], { cwd: root, env });
    // The bundle folder is usually ignored, but never part of the change even when it is not.
    execGit(['rm', '-r', '-q', '--cached', '--ignore-unmatch', '--', '.guardian'], { cwd: root, env });
    const excluded = outsideLinks(root, base, env);
    for (const p of excluded) execGit(['rm', '-q', '--cached', '--', p], { cwd: root, env });
    const entries = rawEntries(root, base, env);
    const binary = binaryPaths(root, entries, opts.inspect);
    const text = entries.filter((e) => !binary.has(e.path));
    let patch: Buffer;
    if (binary.size === 0 || text.length === 0) {
      patch = execGitBuffer([...DIFF_ARGS, ...(binary.size === 0 ? ['--text'] : []), base], {
        cwd: root,
        env,
      }).stdout;
    } else {
      // Text files with --text, binary files as binary patches: each from an index of the base plus
      // only its own files, so no path list (and no pathspec matching) is involved.
      patch = Buffer.concat([
        partialDiff(root, base, dir, 'text', text, true),
        partialDiff(
          root,
          base,
          dir,
          'binary',
          entries.filter((e) => binary.has(e.path)),
          false,
        ),
      ]);
    }
    return { patch, files: entries.map((e) => e.path), excluded };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The changed paths of the temporary index against `base`, renames as a deletion and an addition. */
function rawEntries(root: string, base: string, env: NodeJS.ProcessEnv): RawEntry[] {
  const fields = execGit(['diff', '--cached', '--raw', '-z', '--no-renames', '--no-abbrev', base], {
    cwd: root,
    env,
  }).stdout.split('\0');
  const out: RawEntry[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const m = /^:(\d+) (\d+) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])/.exec(fields[i]!);
    if (!m) break;
    out.push({
      oldMode: m[1]!,
      newMode: m[2]!,
      oldOid: m[3]!,
      newOid: m[4]!,
      status: m[5]!,
      path: fields[i + 1]!,
    });
  }
  return out;
}

/**
 * The paths whose old or new content holds a NUL byte (shown as binary patches); every new content is
 * handed to `inspect` on the way. Blobs are read in batches, so a large change is never held whole.
 */
function binaryPaths(root: string, entries: RawEntry[], inspect: DiffOptions['inspect']): Set<string> {
  const wanted: { path: string; oid: string; isNew: boolean }[] = [];
  for (const e of entries) {
    // A submodule's entry names a commit, not content.
    if (!ZERO_OID.test(e.oldOid) && e.oldMode !== '160000')
      wanted.push({ path: e.path, oid: e.oldOid, isNew: false });
    if (!ZERO_OID.test(e.newOid) && e.newMode !== '160000')
      wanted.push({ path: e.path, oid: e.newOid, isNew: true });
  }
  const sizes = blobSizes(
    root,
    wanted.map((w) => w.oid),
  );
  const binary = new Set<string>();
  for (let i = 0; i < wanted.length;) {
    let bytes = 0;
    let j = i;
    while (j < wanted.length && j - i < BATCH_COUNT && (j === i || bytes + (sizes[j] ?? 0) <= BATCH_BYTES)) {
      bytes += sizes[j] ?? 0;
      j++;
    }
    const batch = wanted.slice(i, j);
    const blobs = readBlobs(
      root,
      batch.map((w) => w.oid),
    );
    batch.forEach((w, k) => {
      const blob = blobs[k];
      // Just written by `git add`: unreadable means something is wrong, and a content unseen is unchecked.
      if (blob === undefined)
        throw new GuardianError(
          `could not read the ${w.isNew ? 'new' : 'old'} content of ${w.path} (${w.oid})`,
        );
      if (blob.includes(0)) binary.add(w.path);
      if (w.isNew) inspect?.(w.path, blob);
    });
    i = j;
  }
  return binary;
}

/** Each blob's size (0 when git does not know it), from one `git cat-file --batch-check`. */
function blobSizes(root: string, oids: string[]): number[] {
  if (oids.length === 0) return [];
  const r = execGit(['cat-file', '--batch-check'], {
    cwd: root,
    input: oids.join('\n') + '\n',
    allowFailure: true,
  });
  const lines = r.stdout.split('\n');
  return oids.map((_, i) => {
    const parts = (lines[i] ?? '').split(' ');
    return parts[1] === 'blob' ? Number(parts[2]) || 0 : 0;
  });
}

/** The diff of `entries` alone: an index of the base with just those paths changed, against the base. */
function partialDiff(
  root: string,
  base: string,
  dir: string,
  name: string,
  entries: RawEntry[],
  text: boolean,
): Buffer {
  if (entries.length === 0) return Buffer.alloc(0);
  const env = { GIT_INDEX_FILE: join(dir, `index-${name}`) };
  execGit(['read-tree', base], { cwd: root, env });
  const info = entries.map((e) =>
    e.status === 'D' || ZERO_OID.test(e.newOid)
      ? `0 ${'0'.repeat(e.oldOid.length)}\t${e.path}`
      : `${e.newMode} ${e.newOid}\t${e.path}`,
  );
  execGit(['update-index', '-z', '--index-info'], { cwd: root, env, input: info.join('\0') + '\0' });
  return execGitBuffer([...DIFF_ARGS, ...(text ? ['--text'] : []), base], { cwd: root, env }).stdout;
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
