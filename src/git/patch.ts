/**
 * Patches as Guardian judges and commits them: built from a working tree with a temporary index (the
 * user's index is never touched), applied onto a base commit without a checkout, and compared by tree.
 * Every diff is made by plumbing commands with fixed options, so a user's `diff.*` configuration can
 * not change the bytes (and so the sha256) of a patch.
 */
import { copyFileSync, existsSync, lstatSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { GuardianError } from '../errors.js';
import { execGit, execGitBuffer, readBlobs } from './git.js';

/** Runs `fn` with a private index file (GIT_INDEX_FILE) that is removed afterwards. */
export function withTempIndex<T>(
  root: string,
  fn: (env: NodeJS.ProcessEnv) => T,
  seedFromRealIndex = false,
): T {
  const dir = mkdtempSync(join(tmpdir(), 'guardian-index-'));
  const index = join(dir, 'index');
  try {
    if (seedFromRealIndex) {
      // Starting from the real index keeps git's stat cache: `add -A` then re-hashes only changed files.
      let real = execGit(['rev-parse', '--git-path', 'index'], { cwd: root }).stdout.trim();
      if (!isAbsolute(real)) real = join(root, real);
      if (existsSync(real)) {
        copyFileSync(real, index);
        // Keep the index's mtime: git treats entries as "racily clean" by comparing their mtimes with
        // it. A copy with a new mtime would make a file rewritten in the same second as the last
        // `git add` (same size) look unchanged, and the change would escape judgment.
        const st = statSync(real);
        utimesSync(index, st.atime, st.mtime);
      }
    }
    return fn({ GIT_INDEX_FILE: index });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function treeOf(root: string, commit: string): string {
  return execGit(['rev-parse', `${commit}^{tree}`], { cwd: root }).stdout.trim();
}

/**
 * Refuses a working tree whose index hides edits from git: a file marked assume-unchanged or
 * skip-worktree (`git update-index`) that is present and differs from its index version. Such an edit is
 * invisible to `git add`, so the patch would leave it out while the checks, run in the working tree,
 * see it: the change judged would not be the change committed. (A sparse checkout's skip-worktree files
 * are absent from the working tree, and fine.)
 */
function refuseHiddenEdits(root: string): void {
  const flagged: { tag: string; sha: string; path: string }[] = [];
  for (const rec of execGit(['ls-files', '-v', '-s', '-z'], { cwd: root }).stdout.split('\0')) {
    const m = /^([a-zS]) (\d+) ([0-9a-f]+) \d\t(.+)$/s.exec(rec);
    // Regular files only (a link's or a submodule's entry is no file content), and names `--stdin-paths`
    // can carry (one a line).
    if (!m || (m[2] !== '100644' && m[2] !== '100755') || m[4]!.includes('\n')) continue;
    flagged.push({ tag: m[1]!, sha: m[3]!, path: m[4]! });
  }
  if (!flagged.length) return;
  const present = flagged.filter((f) => {
    try {
      return lstatSync(join(root, f.path)).isFile();
    } catch {
      return false;
    }
  });
  if (!present.length) return;
  // What `git add` would store for each, filters included, read in one call.
  const hashes = execGit(['hash-object', '--stdin-paths'], {
    cwd: root,
    input: present.map((f) => f.path).join('\n') + '\n',
    allowFailure: true,
  }).stdout.split('\n');
  const hidden = present.filter((f, i) => hashes[i] !== undefined && hashes[i] !== f.sha);
  if (!hidden.length) return;
  const shown = hidden
    .slice(0, 5)
    .map((f) => `${f.path} (${f.tag === 'S' ? 'skip-worktree' : 'assume-unchanged'})`)
    .join(', ');
  throw new GuardianError(
    `the index hides edits from git: ${shown}${hidden.length > 5 ? `, … (${hidden.length} in all)` : ''} differ from the index but are marked so that git ignores the difference. ` +
      `What the checks would judge in the working tree is not what would be committed. Clear the mark ` +
      `(\`git update-index --no-assume-unchanged <file>\` or \`--no-skip-worktree <file>\`) or undo the edit, then run again`,
  );
}

/**
 * The tree of the working tree as it is now: tracked changes and untracked files that are not ignored.
 * Untracked files under `.guardian/` (bundles, caches) are left out; tracked ones are included so the
 * guard sees a change to them.
 */
export function workingTreeTree(root: string): string {
  refuseHiddenEdits(root);
  // Untracked files under .guardian/, listed with the real index ("untracked" means untracked there).
  const untrackedGuardian = execGit(['ls-files', '-z', '--others', '--exclude-standard', '--', '.guardian'], {
    cwd: root,
  }).stdout;
  return withTempIndex(
    root,
    (env) => {
      execGit(['add', '-A'], { cwd: root, env });
      if (untrackedGuardian) {
        execGit(['update-index', '--force-remove', '-z', '--stdin'], {
          cwd: root,
          env,
          input: untrackedGuardian,
        });
      }
      return execGit(['write-tree'], { cwd: root, env }).stdout.trim();
    },
    true,
  );
}

/** The binary-safe patch from the base commit's tree to `tree` (empty Buffer when they are equal). */
export function diffTrees(root: string, base: string, tree: string): Buffer {
  return execGitBuffer(
    [
      'diff-tree',
      '-r',
      '-p',
      '--binary',
      '--full-index',
      '--no-renames',
      '--no-color',
      '--no-ext-diff',
      base,
      tree,
    ],
    { cwd: root },
  ).stdout;
}

/** The working tree's change against `base`, as a patch and as a tree. */
export function workingTreePatch(root: string, base: string): { patch: Buffer; tree: string } {
  const tree = workingTreeTree(root);
  const patch = diffTrees(root, base, tree);
  checkPatchSize(patch, "the working tree's change");
  return { patch, tree };
}

/** Explains why git could not apply a patch, naming the first failing hunk's file. */
export function explainApplyFailure(stderr: string, label: string, base: string, patch?: Buffer): string {
  const at = `${label} does not apply onto the base commit ${base.slice(0, 12)}`;
  // Refusals of what the patch asks for, whatever the base holds.
  const invalid = /error: invalid path '(.+)'/.exec(stderr);
  if (invalid)
    return `${label} is refused: it names the path '${invalid[1]}', which git does not allow in a repository (absolute, with '..', inside .git, or a name git reserves)`;
  const beyond = /affected file '(.+)' is beyond a symbolic link/.exec(stderr);
  if (beyond) return `${label} is refused: it writes to '${beyond[1]}' through a symbolic link`;
  const corrupt = /corrupt (binary )?patch at line (\d+)/.exec(stderr);
  if (corrupt)
    return `${label} is not a valid patch: corrupt ${corrupt[1] ? 'binary data ' : ''}at line ${corrupt[2]}`;
  const noPatch = /No valid patches in input|patch with only garbage at line (\d+)/.exec(stderr);
  if (noPatch)
    return `${label} is not a valid patch: ${noPatch[1] ? `only garbage at line ${noPatch[1]}` : 'it holds no `diff --git` change git can read'}`;
  const failed = /patch failed: (.+):(\d+)/.exec(stderr);
  if (failed)
    return `${at}: first failing hunk in ${failed[1]} (at line ${failed[2]})${crlfHint(patch, label)}`;
  const binaryBase =
    /the patch applies to '(.+?)' \([0-9a-f]+\), which does not match the current contents/.exec(stderr);
  if (binaryBase)
    return `${at}: first failing hunk in ${binaryBase[1]} (the binary file at the base is not the one the patch was made from)`;
  const both = /'(.+)' appears as both a file and as a directory/.exec(stderr);
  if (both) return `${at}: '${both[1]}' would be both a file and a folder`;
  const missing = /error: (.+): does not exist in index/.exec(stderr);
  if (missing) return `${at}: first failing hunk in ${missing[1]} (the file does not exist at the base)`;
  const exists = /error: (.+): already exists in index/.exec(stderr);
  if (exists)
    return `${at}: first failing hunk in ${exists[1]} (the patch creates it, but it exists at the base)`;
  const binary = /cannot apply binary patch to '(.+?)'/.exec(stderr);
  if (binary) return `${at}: first failing hunk in ${binary[1]} (a binary change without data)`;
  const first = stderr.split('\n').find((l) => l.trim()) ?? 'git apply failed';
  return `${at}: ${first.replace(/^error: /, '')}`;
}

/** A hunk that failed in a patch whose lines end in CR LF: most likely the line endings, not the base. */
function crlfHint(patch: Buffer | undefined, label: string): string {
  if (!patch) return '';
  const nl = patch.indexOf(0x0a);
  if (nl <= 0 || patch[nl - 1] !== 0x0d) return '';
  return `; ${label} has CRLF (Windows) line endings, so its context lines match no file with LF endings: save it with LF endings`;
}

/**
 * The largest patch judged. Every patch is held in memory and read as text more than once; a JavaScript
 * string ends at 512 MiB, and a change this size is no task's work.
 */
export const MAX_PATCH_BYTES = 256 * 1024 * 1024;

function checkPatchSize(patch: Buffer, label: string): void {
  if (patch.length > MAX_PATCH_BYTES) {
    throw new GuardianError(
      `${label} is ${patch.length} bytes; the largest patch Guardian judges is ${MAX_PATCH_BYTES} bytes (256 MiB)`,
    );
  }
}

/** Problems with a patch that git would report obscurely (too large, a binary change without its data). */
export function checkPatchText(patch: Buffer, label: string): void {
  checkPatchSize(patch, label);
  const file = dataLessBinaryChange(patch.toString('latin1'));
  if (file !== undefined) {
    throw new GuardianError(
      `${label}: the binary change to ${file} has no data ("Binary files … differ"); create the patch with \`git diff --binary\``,
    );
  }
}

/**
 * The file of the first "Binary files A and B differ" line, found by a linear scan: the patch is
 * untrusted, and a regular expression that searches for " and " on a long line of a hostile patch
 * backtracks for hours.
 */
function dataLessBinaryChange(text: string): string | undefined {
  const lead = 'Binary files ';
  const tail = ' differ';
  for (let at = text.indexOf(lead); at >= 0; at = text.indexOf(lead, at + 1)) {
    if (at > 0 && text[at - 1] !== '\n') continue;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, text[end - 1] === '\r' ? end - 1 : end);
    if (!line.endsWith(tail)) continue;
    const middle = line.slice(lead.length, line.length - tail.length);
    const and = middle.indexOf(' and ', 1);
    if (and < 0) continue;
    const from = middle.slice(0, and).replace(/^a\//, '');
    const to = middle.slice(and + ' and '.length).replace(/^b\//, '');
    if (!to) continue;
    return to === '/dev/null' ? from : to;
  }
  return undefined;
}

/**
 * Applies `patch` onto the tree of `base` without touching any working tree or the real index and
 * returns the resulting tree. A patch that does not apply is a user error naming the first failing file.
 */
export function applyPatchToTree(root: string, base: string, patch: Buffer, label = 'changes.patch'): string {
  checkPatchText(patch, label);
  if (patch.length === 0 || patch.toString('utf8').trim() === '') return treeOf(root, base);
  return withTempIndex(root, (env) => {
    execGit(['read-tree', base], { cwd: root, env });
    const r = execGit(['apply', '--cached', '--binary', '--whitespace=nowarn', '-'], {
      cwd: root,
      env,
      input: patch,
      allowFailure: true,
    });
    if (r.code !== 0) throw new GuardianError(explainApplyFailure(r.stderr, label, base, patch));
    return execGit(['write-tree'], { cwd: root, env }).stdout.trim();
  });
}

export type ChangeStatus = 'A' | 'M' | 'D' | 'R' | 'T' | 'C';

export interface ChangedFile {
  status: ChangeStatus;
  /** New path (the only path for A/M/D/T). */
  path: string;
  /** Old path of a rename or copy. */
  oldPath?: string;
}

/** Files that differ between two trees, with renames detected (a renamed test is still a removed test). */
export function changedFiles(root: string, from: string, to: string): ChangedFile[] {
  const out = execGit(['diff-tree', '-r', '-z', '-M', '--name-status', '--no-color', from, to], {
    cwd: root,
  }).stdout;
  const parts = out.split('\0').filter((p, i, a) => p !== '' || i < a.length - 1);
  const files: ChangedFile[] = [];
  for (let i = 0; i < parts.length;) {
    const code = parts[i++] ?? '';
    if (!code) continue;
    const status = code[0] as ChangeStatus;
    if (status === 'R' || status === 'C') {
      const oldPath = parts[i++]!;
      const path = parts[i++]!;
      files.push({ status, path, oldPath });
    } else {
      files.push({ status, path: parts[i++]! });
    }
  }
  return files;
}

/** A symbolic link the change adds or retargets, with its target (git stores a link as that text). */
export interface ChangedLink {
  path: string;
  target: string;
}

/** Entries of the change that are not plain files: links it adds or retargets, and git submodules. */
export interface SpecialEntries {
  links: ChangedLink[];
  /** Submodule (gitlink) paths the change adds or moves to another commit. */
  gitlinks: { path: string; commit: string }[];
  /**
   * Every symbolic link of the resulting tree with its target (only read when the change touches a link):
   * a link's target may pass through other links.
   */
  treeLinks: Map<string, string>;
  /** The same for the base tree (only read when the change touches a link). */
  baseLinks: Map<string, string>;
}

/** Every symbolic link of a tree with its target. */
function linksOfTree(root: string, tree: string): Map<string, string> {
  const all: { path: string; oid: string }[] = [];
  for (const rec of execGit(['ls-tree', '-r', '-z', '--full-tree', tree], { cwd: root }).stdout.split('\0')) {
    const tab = rec.indexOf('\t');
    if (tab < 0) continue;
    const [mode, , oid] = rec.slice(0, tab).split(' ');
    if (mode === '120000') all.push({ path: rec.slice(tab + 1), oid: oid! });
  }
  const targets = readBlobs(
    root,
    all.map((l) => l.oid),
  );
  return new Map(all.map((l, i) => [l.path, targets[i]?.toString('utf8') ?? '']));
}

export function changedSpecialEntries(root: string, from: string, to: string): SpecialEntries {
  const out = execGit(['diff-tree', '-r', '-z', '--no-renames', '--raw', '--no-color', from, to], {
    cwd: root,
  }).stdout;
  // ":<old mode> <new mode> <old oid> <new oid> <status>\0<path>\0"
  const parts = out.split('\0');
  const linkOids: { path: string; oid: string }[] = [];
  const gitlinks: { path: string; commit: string }[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const meta = parts[i]!.replace(/^:/, '').split(' ');
    if (meta[4] === 'D') continue;
    if (meta[1] === '120000') linkOids.push({ path: parts[i + 1]!, oid: meta[3]! });
    else if (meta[1] === '160000') gitlinks.push({ path: parts[i + 1]!, commit: meta[3]! });
  }
  if (linkOids.length === 0) return { links: [], gitlinks, treeLinks: new Map(), baseLinks: new Map() };
  const treeLinks = linksOfTree(root, to);
  const links = linkOids.map((l) => ({ path: l.path, target: treeLinks.get(l.path) ?? '' }));
  return { links, gitlinks, treeLinks, baseLinks: linksOfTree(root, from) };
}

export interface AddedLine {
  file: string;
  line: number;
  text: string;
}

export interface RemovedLine {
  file: string;
  text: string;
}

/**
 * Lines the change adds and removes, with the added lines' numbers in the new file. Every file is read
 * as text (`--text`): git would call a file binary, and show none of its lines, when it holds a NUL byte
 * or when a `.gitattributes` the change adds says `-diff` — and the guards reading these lines would
 * then not see a source file whose interpreter happily ignores the NUL in a comment.
 */
export function lineChanges(
  root: string,
  from: string,
  to: string,
): { added: AddedLine[]; removed: RemovedLine[] } {
  const out = execGit(
    [
      'diff-tree',
      '-r',
      '-p',
      '-U0',
      '-M',
      '--text',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      from,
      to,
    ],
    { cwd: root },
  ).stdout;
  const added: AddedLine[] = [];
  const removed: RemovedLine[] = [];
  let file = '';
  let oldFile = '';
  let line = 0;
  // Lines still due in the current hunk, by its header's counts: inside a hunk an added line that
  // reads "++ x" is the content line "+++ x", not a new file's header.
  let oldLeft = 0;
  let newLeft = 0;
  for (const l of out.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      if (l.startsWith('+') && newLeft > 0) {
        if (file) added.push({ file, line, text: l.slice(1) });
        line++;
        newLeft--;
        continue;
      }
      if (l.startsWith('-') && oldLeft > 0) {
        removed.push({ file: file || oldFile, text: l.slice(1) });
        oldLeft--;
        continue;
      }
      if (l.startsWith(' ') && oldLeft > 0 && newLeft > 0) {
        line++;
        oldLeft--;
        newLeft--;
        continue;
      }
      if (l.startsWith('\\')) continue; // "\ No newline at end of file"
      oldLeft = newLeft = 0; // not a hunk line: the counts were wrong; read it as a header
    }
    if (l.startsWith('diff --git ')) {
      file = '';
      oldFile = '';
      continue;
    }
    if (l.startsWith('--- ')) {
      oldFile = unquote(l.slice(4)).replace(/^a\//, '');
      continue;
    }
    if (l.startsWith('+++ ')) {
      const p = unquote(l.slice(4));
      file = p === '/dev/null' ? '' : p.replace(/^b\//, '');
      continue;
    }
    const h = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(l);
    if (h) {
      oldLeft = h[1] === undefined ? 1 : Number(h[1]);
      line = Number(h[2]);
      newLeft = h[3] === undefined ? 1 : Number(h[3]);
    }
  }
  return { added, removed };
}

/** git's C-style quoting of unusual paths ("a/t\303\251st.py"). */
function unquote(raw: string): string {
  // git ends a name that contains a space with a TAB, so that the name is unambiguous.
  const p = raw.replace(/\t$/, '');
  if (!p.startsWith('"')) return p;
  const inner = p.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = inner[++i]!;
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(inner.slice(i, i + 3), 8));
      i += 2;
    } else
      bytes.push(
        ({ n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 } as Record<string, number>)[n] ??
          n.charCodeAt(0),
      );
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A tree: `base` with the given paths taken from `tree` (used to put only the change's tests onto the base). */
export function overlayPaths(root: string, base: string, tree: string, paths: string[]): string {
  if (paths.length === 0) return treeOf(root, base);
  return withTempIndex(root, (env) => {
    execGit(['read-tree', base], { cwd: root, env });
    const listing = execGit(['ls-tree', '-r', '-z', tree, '--', ...paths], { cwd: root }).stdout;
    const info = listing
      .split('\0')
      .filter(Boolean)
      .map((rec) => {
        const tab = rec.indexOf('\t');
        const [mode, , sha] = rec.slice(0, tab).split(' ');
        return `${mode} ${sha}\t${rec.slice(tab + 1)}`;
      });
    // NUL-terminated: a path may contain a line break (a newline-separated list would let a file name
    // forge a second record).
    if (info.length)
      execGit(['update-index', '-z', '--add', '--index-info'], {
        cwd: root,
        env,
        input: info.join('\0') + '\0',
      });
    return execGit(['write-tree'], { cwd: root, env }).stdout.trim();
  });
}
