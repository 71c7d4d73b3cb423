/**
 * The Completion station: commits exactly the patch the Validator judged (and nothing else but the
 * blueprint's status), on the task's branch, and pushes it without force. It refuses anything it can
 * not prove was judged: no passing validation.json, or a patch whose sha256 differs. A commit already on
 * the task branch (an earlier run's, whose push failed) is taken only when it is exactly the commit this
 * run would make — its one parent the base, its tree the judged patch on the base with the blueprint
 * marked done — recomputed, not read from its trailers: code under test can write a branch too. The
 * commit made is recorded as `refs/guardian/completed/<task-id>`: once the bundle is gone, a re-run
 * finds the commit by its trailer, but pushes only that recorded one.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bundleDirFor,
  manifestBase,
  readBundleBytes,
  readManifest,
  recordStation,
  STATIONS,
} from '../../bundle/bundle.js';
import { ConfigurationError, GuardianError } from '../../errors.js';
import { execGit, resolveCommit } from '../../git/git.js';
import {
  branchTip,
  checkBranchName,
  commitObject,
  commitTree,
  currentBranch,
  findCommitWithTrailer,
  gitIdentity,
  identityProblem,
  pushBranch,
  replaceInTree,
  shownUrl,
  trailerValues,
  type Identity,
} from '../../git/commit.js';
import { acceptOwnRefUpdates } from '../../git/gitdir.js';
import { applyPatchToTree, changedFiles, diffTrees, treeOf, workingTreePatch } from '../../git/patch.js';
import {
  fsSource,
  gitSource,
  loadProject,
  requireTask,
  type Blueprint,
  type QualityConfig,
} from '../../spec/index.js';
import { escapeControlChars, replaceControlChars } from '../../util/chars.js';
import { sha256 } from '../../util/fs.js';
import { silentLogger, type Logger } from '../../util/log.js';
import { readValidationReport } from '../validator/report-file.js';
import type { ValidationReport } from '../validator/types.js';

export const DEFAULT_AUTHOR: Identity = { name: 'Guardian', email: 'guardian@users.noreply.github.com' };

export interface CompletionOptions {
  root: string;
  taskId: string;
  log?: Logger;
  /** Remote to push to (a name like `origin` or a URL); no push when absent. */
  push?: string;
  /** Branch to commit on; default the blueprint's `branch`, else `guardian/<task-id>`. */
  branch?: string;
  /** The CI run's URL, recorded as the `Guardian-Run:` trailer. */
  runUrl?: string;
  /** Commit author (and committer); default `[commit]` of quality.toml, else git's identity, else Guardian. */
  author?: Identity;
  /**
   * The base commit as the host knows it (a revision). The bundle travelled through jobs that ran
   * model-written code, so its manifest must name this commit; a disagreement is refused.
   */
  base?: string;
}

export interface CompletionResult {
  taskId: string;
  commitSha: string;
  branch: string;
  pushed: boolean;
  remote?: string;
  /** True when an earlier run had already made the commit (no new commit this time). */
  alreadyCompleted: boolean;
  /**
   * Where an earlier run's commit was found: the task's branch, or `HEAD` (the checked-out branch's
   * name in brackets) when the task's branch does not have it.
   */
  foundOn?: string;
  /** Whether the working tree now has the branch checked out. */
  checkedOut: boolean;
  bundleDeleted: boolean;
}

/** The blueprint with its `status:` value set to done: only that line changes, byte for byte. */
export function setStatusDone(raw: string, statusLine: number | undefined, path: string): string {
  const lines = raw.split('\n');
  const i = (statusLine ?? 0) - 1;
  const line = lines[i];
  const m = line === undefined ? null : /^(\s*status\s*:\s*)(["']?)([^"'#\s\r]*)\2([^\n]*)$/.exec(line);
  if (!m)
    throw new ConfigurationError(
      `${path}${statusLine ? `:${statusLine}` : ''}: no \`status:\` line to mark the task done`,
    );
  lines[i] = `${m[1]}${m[2]}done${m[2]}${m[4]}`;
  return lines.join('\n');
}

/**
 * One line of plain text for the commit message (and the log): line breaks and other control
 * characters (escape sequences, bidi overrides) become spaces. A commit message is shown by `git log`
 * on terminals, and a line break would let a value start lines of its own (trailers among them).
 */
function oneLine(s: string): string {
  return replaceControlChars(String(s), () => ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function commitMessage(task: Blueprint, report: ValidationReport, runUrl?: string): string {
  const parts = [`feat(${task.id}): ${oneLine(task.title)}`, ''];
  if (task.acceptanceCriteria.length) {
    parts.push('Acceptance criteria:', ...task.acceptanceCriteria.map((c) => `- ${oneLine(c.text)}`), '');
  }
  parts.push(
    'Checks passed:',
    ...report.checks.map(
      (c) => `- ${oneLine(c.name)} (${oneLine(c.kind)})${c.command ? `: ${oneLine(c.command)}` : ''}`,
    ),
    '',
  );
  parts.push(`Task-Id: ${oneLine(task.id)}`);
  if (task.requirementId) parts.push(`Requirement-Id: ${oneLine(task.requirementId)}`);
  parts.push('Guardian-Verdict: pass');
  if (runUrl) parts.push(`Guardian-Run: ${oneLine(runUrl)}`);
  return parts.join('\n') + '\n';
}

/**
 * Moves the index and working tree of the checked-out `branch` from `base` to `commit` (as a checkout
 * would), refusing, with nothing changed, when that would overwrite changes of the user's own there.
 */
function moveCheckedOutTree(root: string, branch: string, base: string, commit: string): void {
  const r = execGit(['read-tree', '-m', '-u', base, commit], { cwd: root, allowFailure: true });
  if (r.code === 0) return;
  // git names the first path it stops at; the user is told every path of theirs in the way.
  const changed = new Set(
    execGit(['diff', '--no-ext-diff', '--no-renames', '--name-only', '-z', base, commit], {
      cwd: root,
      allowFailure: true,
    }).stdout.split('\0'),
  );
  const status = execGit(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'], {
    cwd: root,
    allowFailure: true,
  }).stdout;
  const mine = status
    .split('\0')
    .map((rec) => rec.slice(3))
    .filter((p) => p && changed.has(p))
    .sort();
  const why = mine.length
    ? mine
        .slice(0, 10)
        .map((p) => `'${escapeControlChars(p)}'`)
        .join(', ') + (mine.length > 10 ? ` and ${mine.length - 10} more` : '')
    : r.stderr
        .split('\n')
        .map((l) => l.replace(/^(?:error|fatal): /, '').trim())
        .filter(Boolean)
        .slice(0, 5)
        .map(escapeControlChars)
        .join('; ');
  throw new GuardianError(
    `${branch} is checked out, and its working tree has changes of its own that the commit would overwrite (${why}). ` +
      `Nothing committed, and those changes are as they were: commit or stash them and run complete again, ` +
      `or complete on another branch with --branch`,
  );
}

function blueprintDoneAt(root: string, commit: string, taskId: string): boolean {
  const project = loadProject(root, gitSource(root, commit), { quality: false });
  return project.tasks.find((t) => t.id === taskId)?.status === 'done';
}

function authorFor(root: string, opts: CompletionOptions, quality: QualityConfig | undefined): Identity {
  let who: Identity;
  let from: string;
  if (opts.author) [who, from] = [opts.author, '--author'];
  else if (quality?.commit.authorName && quality.commit.authorEmail) {
    who = { name: quality.commit.authorName, email: quality.commit.authorEmail };
    from = 'quality.toml [commit] author_name / author_email (at the base commit)';
  } else {
    const git = gitIdentity(root);
    [who, from] = git ? [git, 'git config user.name / user.email'] : [DEFAULT_AUTHOR, 'the default'];
  }
  const problem = identityProblem(who);
  if (problem) {
    throw new ConfigurationError(
      `the commit author from ${from} can not be used: ${problem}. Nothing committed: set another (--author "Name <email>")`,
    );
  }
  return who;
}

/**
 * Why `commit` is not the commit Completion makes for `task` on `base` (the judged change as `tree`,
 * blueprint marked done), or undefined when it is exactly that commit.
 */
function notTheCompletion(
  root: string,
  commit: string,
  base: string,
  tree: string,
  taskId: string,
): string | undefined {
  const { tree: has, parents } = commitObject(root, commit);
  if (parents.length !== 1) return `it has ${parents.length} parents, not one`;
  if (parents[0] !== base) return `its parent is ${parents[0]!.slice(0, 12)}, not the base commit`;
  if (has !== tree) {
    const files = changedFiles(root, tree, has).map((f) => `${f.status} ${f.path}`);
    return `its files differ from the judged change with the blueprint marked done (${files.slice(0, 5).join(', ')}${files.length > 5 ? `, and ${files.length - 5} more` : ''})`;
  }
  if (!trailerValues(root, commit, 'Task-Id').includes(taskId))
    return `its message has no \`Task-Id: ${taskId}\` trailer`;
  return undefined;
}

/**
 * Why a commit found by its trailer (no Task Bundle left to recompute it from) does not have the shape
 * of a Completion commit — one parent, on which the task's blueprint becomes exactly its done version —
 * or undefined. Its code can not be checked against the judged patch any more: the bundle is gone.
 */
function notCompletionShaped(root: string, commit: string, taskId: string): string | undefined {
  const { parents } = commitObject(root, commit);
  if (parents.length !== 1) return `it has ${parents.length} parents, not one`;
  const parent = parents[0]!;
  let before: Blueprint | undefined;
  let after: Blueprint | undefined;
  try {
    before = loadProject(root, gitSource(root, parent), { quality: false }).tasks.find(
      (t) => t.id === taskId,
    );
    after = loadProject(root, gitSource(root, commit), { quality: false }).tasks.find((t) => t.id === taskId);
  } catch (e) {
    return `its blueprints can not be read (${(e as Error).message})`;
  }
  if (!before) return `its parent ${parent.slice(0, 12)} has no blueprint for ${taskId}`;
  if (before.status === 'done') return `${taskId} is already done in its parent ${parent.slice(0, 12)}`;
  if (!after || after.path !== before.path) return `it moves or removes the blueprint of ${taskId}`;
  let done: string;
  try {
    done = setStatusDone(before.raw, before.statusLine, before.path);
  } catch (e) {
    return (e as Error).message;
  }
  if (after.raw !== done) return `it changes ${before.path} beyond marking it done`;
  return undefined;
}

/**
 * A completed task found by its `Task-Id:` trailer on the branch (or HEAD, or the commit Completion
 * recorded making) with its blueprint done, when
 * no Task Bundle is left. A commit so found that is not shaped like Completion's is refused, not taken.
 */
function findCompleted(
  root: string,
  taskId: string,
  branch: string,
): { sha: string; rev: string } | undefined {
  // Last, the commit an earlier run recorded making: found also once its branch is gone.
  for (const rev of [`refs/heads/${branch}`, 'HEAD', completedRef(taskId)]) {
    const sha = findCommitWithTrailer(root, rev, 'Task-Id', taskId);
    if (!sha || !blueprintDoneAt(root, sha, taskId)) continue;
    const problem = notCompletionShaped(root, sha, taskId);
    if (problem) {
      throw new GuardianError(
        `${rev === `refs/heads/${branch}` ? branch : rev} has a commit ${sha.slice(0, 12)} with \`Task-Id: ${taskId}\` and the task done, but it is not a commit Completion makes: ${problem}. ` +
          `Expected one commit on top of the base whose only change to the blueprint is its status. Nothing committed or pushed; ` +
          `delete that branch (or pass --branch) and run \`guardian validate ${taskId}\` again`,
      );
    }
    return { sha, rev };
  }
  return undefined;
}

/** The ref where Completion records the commit it made for a task (checked, from the judged patch). */
export function completedRef(taskId: string): string {
  return `refs/guardian/completed/${taskId}`;
}

/** Paths as a message lists them: the first few, quoted. */
function listPaths(paths: string[]): string {
  const shown = paths.slice(0, 5).map((p) => `'${escapeControlChars(p)}'`);
  return shown.join(', ') + (paths.length > 5 ? ` and ${paths.length - 5} more` : '');
}

/**
 * What differs between the change Completion would commit (`patch`, the bundle's or the working
 * tree's, whose tree is `tree` when known) and the one the Validator judged: where it comes from, the
 * base the working tree stands on, the files it touches.
 */
function notJudged(
  root: string,
  bundleDir: string,
  report: ValidationReport,
  base: string,
  patch: Buffer,
  tree: string | undefined,
): string {
  const judged = `the Validator judged (sha256 ${String(report.patchSha256).slice(0, 16)}…)`;
  const fromBundle = tree === undefined;
  if (report.patchSource === 'bundle' && !fromBundle) {
    return `the Validator judged the Task Bundle's changes.patch, and ${join(bundleDir, 'changes.patch')} is gone: the working tree's change is not what was judged`;
  }
  if (report.patchSource === 'working-tree' && fromBundle) {
    return `the Validator judged the working tree's change, but ${join(bundleDir, 'changes.patch')} was added to the Task Bundle since; it is not what was judged`;
  }
  const what = fromBundle ? 'the changes.patch' : "the working tree's change";
  const details: string[] = [];
  if (!fromBundle) {
    const head = execGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
      cwd: root,
      allowFailure: true,
    });
    const at = head.code === 0 ? head.stdout.trim() : '';
    if (at && at !== base)
      details.push(
        `HEAD is now ${at.slice(0, 12)}, not the base commit ${base.slice(0, 12)} it was judged on`,
      );
  }
  try {
    const now = tree ?? applyPatchToTree(root, base, patch, 'changes.patch');
    const files = new Set(changedFiles(root, base, now).map((f) => f.path));
    const was = new Set(Array.isArray(report.changedFiles) ? report.changedFiles : []);
    const added = [...files].filter((f) => !was.has(f)).sort();
    const gone = [...was].filter((f) => !files.has(f)).sort();
    if (added.length) details.push(`it now changes ${listPaths(added)}, which the judged change did not`);
    if (gone.length) details.push(`it no longer changes ${listPaths(gone)}`);
    if (!added.length && !gone.length) details.push('the same files, with other content');
  } catch {
    details.push('it does not apply onto the base commit');
  }
  return `${what} (sha256 ${sha256(patch).slice(0, 16)}…) is not the one ${judged}: ${details.join('; ')}`;
}

function doPush(
  root: string,
  opts: CompletionOptions,
  branch: string,
  commit: string,
  log: Logger,
  onlyIfThere?: string,
): boolean {
  if (!opts.push) return false;
  const r = pushBranch(root, opts.push, branch, commit, onlyIfThere === undefined ? {} : { onlyIfThere });
  // Where the push went, when that is not the remote's fetch URL or the URL given (a pushurl, a
  // url.*.pushInsteadOf): a rewrite is seen, not silent.
  const where = r.redirected ? ` (push URL: ${r.urls.map(shownUrl).join(', ')})` : '';
  const remote = shownUrl(opts.push);
  log.info(
    r.alreadyThere
      ? `${remote}/${branch} already has ${commit.slice(0, 12)}${where}`
      : `pushed ${branch} to ${remote}${where}`,
  );
  return r.pushed || r.alreadyThere;
}

export async function runCompletion(opts: CompletionOptions): Promise<CompletionResult> {
  const log = opts.log ?? silentLogger;
  const { root, taskId } = opts;
  if (opts.branch) checkBranchName(root, opts.branch);
  const bundleDir = bundleDirFor(root, taskId);

  if (!existsSync(join(bundleDir, 'manifest.json'))) {
    // Re-run after success (the bundle is deleted then): find the commit instead of making another.
    const project = loadProject(root, fsSource(root), { quality: false });
    const task = project.tasks.find((t) => t.id === taskId);
    const branch = opts.branch ?? task?.branch ?? `guardian/${taskId}`;
    const found = findCompleted(root, taskId, branch);
    if (!found) {
      if (!task) requireTask(project, taskId);
      throw new ConfigurationError(
        `no Task Bundle for ${taskId} at ${bundleDir} and no completed commit (Task-Id: ${taskId}) on ${branch}: run \`guardian validate ${taskId}\` first`,
      );
    }
    const done = found.sha;
    const current = currentBranch(root);
    const foundOn =
      found.rev === 'HEAD'
        ? `HEAD${current ? ` (${current})` : ''}`
        : found.rev === completedRef(taskId)
          ? found.rev
          : branch;
    // Found by its trailer and shape: any commit can claim a Task-Id and mark the blueprint done (code
    // under test can write a branch). Only the commit Completion recorded making from the judged patch
    // is pushed from here; another is taken as pushed only when the remote branch already has it.
    const recorded = execGit(['rev-parse', '--verify', '--quiet', `${completedRef(taskId)}^{commit}`], {
      cwd: root,
      allowFailure: true,
    }).stdout.trim();
    log.info(
      `${taskId} is already completed by ${done.slice(0, 12)} on ${foundOn}: no new commit` +
        (recorded === done
          ? ''
          : ` (found by its \`Task-Id:\` trailer; with the Task Bundle gone, its code is not checked against a judged patch)`),
    );
    const pushed = doPush(
      root,
      opts,
      branch,
      done,
      log,
      recorded === done
        ? undefined
        : `nothing was pushed. Without its Task Bundle Guardian can not check that ${done.slice(0, 12)} holds the judged change ` +
            `and not merely a \`Task-Id: ${taskId}\` trailer: it is not the commit Completion recorded making in this repository (${completedRef(taskId)}). ` +
            `If it is the commit Completion made, push it yourself (\`git push ${shownUrl(opts.push ?? 'REMOTE')} ${done}:refs/heads/${branch}\`); ` +
            `otherwise delete it from ${foundOn} and run \`guardian validate ${taskId}\` and \`guardian complete ${taskId}\` again`,
    );
    return {
      taskId,
      commitSha: done,
      branch,
      pushed,
      ...(opts.push ? { remote: shownUrl(opts.push) } : {}),
      alreadyCompleted: true,
      foundOn,
      checkedOut: currentBranch(root) === branch,
      bundleDeleted: false,
    };
  }

  const manifest = readManifest(bundleDir, taskId);
  const base = manifestBase(root, bundleDir, manifest);
  if (opts.base !== undefined) {
    const trusted = resolveCommit(root, opts.base);
    if (trusted !== base) {
      throw new GuardianError(
        `the Task Bundle's manifest names the base commit ${base.slice(0, 12)}, but the host's base is ${opts.base} (${trusted.slice(0, 12)}): refusing to commit on a base the host did not check out; nothing committed`,
      );
    }
  }
  const validationPath = join(bundleDir, 'validation.json');
  let report: ValidationReport | undefined;
  try {
    report = readValidationReport(bundleDir);
  } catch (e) {
    if (e instanceof GuardianError) throw new ConfigurationError(`${e.message}; nothing committed`);
    throw e;
  }
  if (!report) {
    throw new ConfigurationError(
      `${validationPath} is missing: run \`guardian validate ${taskId}\` first; nothing committed`,
    );
  }
  // validation.json is what the Validator wrote, as the manifest recorded it: a process a check left
  // running (or anything else) that rewrote it afterwards is caught here.
  const recorded = manifest.files['validation.json'];
  const validationBytes = readBundleBytes(bundleDir, 'validation.json') ?? Buffer.alloc(0);
  if (recorded === undefined || sha256(validationBytes) !== recorded) {
    throw new GuardianError(
      `${validationPath} is not the report the Validator recorded (${recorded === undefined ? 'manifest.json lists no validation.json' : 'its sha256 differs from manifest.json'}): run \`guardian validate ${taskId}\` again; nothing committed`,
    );
  }
  const validateRecord = manifest.stations.validate;
  if (validateRecord && validateRecord.verdict !== undefined && validateRecord.verdict !== report.verdict) {
    throw new GuardianError(
      `${validationPath} says ${report.verdict}, but manifest.json records the Validator's verdict as ${validateRecord.verdict}: run \`guardian validate ${taskId}\` again; nothing committed`,
    );
  }
  // manifest.json's record of the bundle's files is rewritten by every station that runs (each hashes
  // the files as they are then): a station run after the Validator would have taken a validation.json
  // or changes.patch rewritten meanwhile as recorded. Only a record the Validator left is trusted.
  const judgedAt = Date.parse(validateRecord?.finishedAt ?? '');
  const later = STATIONS.filter(
    (s) =>
      s !== 'validate' && s !== 'complete' && Date.parse(manifest.stations[s]?.startedAt ?? '') > judgedAt,
  );
  if (later.length) {
    throw new GuardianError(
      `${join(bundleDir, 'manifest.json')}: ${later.join(', ')} ran after the validation (finished ${validateRecord!.finishedAt}) and rewrote ` +
        `the record of the bundle's files, so validation.json and changes.patch can no longer be checked against what the Validator recorded: ` +
        `run \`guardian validate ${taskId}\` again; nothing committed`,
    );
  }
  if (report.taskId !== taskId || report.baseCommit !== base) {
    throw new GuardianError(
      `${validationPath} judged ${report.taskId} against ${String(report.baseCommit).slice(0, 12)}, but the bundle is ${taskId} at ${base.slice(0, 12)}: run \`guardian validate ${taskId}\` again; nothing committed`,
    );
  }
  if (
    !Array.isArray(report.checks) ||
    (report.verdict === 'pass' && report.checks.some((c) => c.outcome !== 'pass'))
  ) {
    throw new GuardianError(
      `${validationPath} is inconsistent (verdict pass with a check that did not pass): run \`guardian validate ${taskId}\` again; nothing committed`,
    );
  }
  if (report.verdict !== 'pass') {
    throw new GuardianError(
      `validation of ${taskId} did not pass (${report.summary}); nothing committed or pushed. Report: ${join(bundleDir, 'validation.md')}`,
    );
  }

  const project = loadProject(root, gitSource(root, base));
  const task = requireTask(project, taskId);
  const branch = opts.branch ?? task.branch ?? `guardian/${taskId}`;
  checkBranchName(root, branch);

  const tip0 = branchTip(root, branch);
  // The patch must be exactly the judged one: the bundle's changes.patch, or the working tree's change.
  const bundlePatch = readBundleBytes(bundleDir, 'changes.patch');
  const fromBundle = bundlePatch !== undefined;
  const current = bundlePatch === undefined ? workingTreePatch(root, base) : undefined;
  let patch: Buffer = bundlePatch ?? current!.patch;
  if (!fromBundle && sha256(patch) !== report.patchSha256 && tip0 !== undefined && tip0 !== base) {
    // After an earlier run committed (and the push failed), the working tree is that commit, blueprint
    // done: the change it was made from is its tree with the blueprint as at the base. Taken only when
    // that is the judged patch to the byte (its sha256), and the commit is checked against it below.
    try {
      const judged = replaceInTree(root, treeOf(root, tip0), task.path, task.raw);
      const earlier = diffTrees(root, base, judged);
      if (sha256(earlier) === report.patchSha256) patch = earlier;
    } catch {
      // Not a tree that can hold the blueprint: not that commit; refused below.
    }
  }
  const actual = sha256(patch);
  if (actual !== report.patchSha256) {
    throw new GuardianError(
      `refused: ${notJudged(root, bundleDir, report, base, patch, current?.tree)}. Nothing committed: ` +
        `put back what was judged, or run \`guardian validate ${taskId}\` again`,
    );
  }

  const result = await recordStation(bundleDir, taskId, 'complete', async () => {
    const tip = tip0;
    // The commit this run makes has this tree: recomputed from the judged patch, whatever the branch has.
    const blueprint = setStatusDone(task.raw, task.statusLine, task.path);
    let tree = applyPatchToTree(root, base, patch, fromBundle ? 'changes.patch' : 'the working tree patch');
    if (blueprint !== task.raw) tree = replaceInTree(root, tree, task.path, blueprint);
    let commitSha: string;
    let alreadyCompleted = false;
    let checkedOut = currentBranch(root) === branch;
    if (tip && tip !== base) {
      // An earlier run committed and then failed to push: no second commit — but only for exactly the
      // commit it made. Anything else on the branch (work of someone else, or a commit planted by code
      // under test with a `Task-Id:` trailer and the blueprint done) is refused, and nothing is pushed.
      const problem = notTheCompletion(root, tip, base, tree, taskId);
      if (problem) {
        throw new GuardianError(
          `the local branch ${branch} is at ${tip.slice(0, 12)}, which is not the commit Completion makes for ${taskId}: ${problem}. ` +
            `Expected either the base commit ${base.slice(0, 12)} or one commit on it with the tree ${tree.slice(0, 12)} ` +
            `(the judged patch applied to the base, ${task.path} marked done). Nothing committed or pushed; ` +
            `delete or rename that branch, or pass --branch`,
        );
      }
      commitSha = tip;
      alreadyCompleted = true;
      log.info(`${branch} already has the commit for ${taskId} (${tip.slice(0, 12)}): no new commit`);
    } else {
      commitSha = commitTree(
        root,
        tree,
        base,
        commitMessage(task, report, opts.runUrl),
        authorFor(root, opts, project.quality),
      );

      const onBranch = currentBranch(root) === branch;
      if (fromBundle) {
        // The working tree is not the change: only move it when it has the branch checked out.
        if (onBranch) moveCheckedOutTree(root, branch, base, commitSha);
        execGit(['update-ref', `refs/heads/${branch}`, commitSha, tip ?? '0'.repeat(40)], { cwd: root });
        acceptOwnRefUpdates(root, commitSha);
      } else {
        // The working tree holds the change: the commit is what it has, so check the branch out over it
        // (like `git switch -c BRANCH && git commit`), with the blueprint's new status written to disk.
        execGit(['update-ref', `refs/heads/${branch}`, commitSha, tip ?? '0'.repeat(40)], { cwd: root });
        if (!onBranch) execGit(['symbolic-ref', 'HEAD', `refs/heads/${branch}`], { cwd: root });
        acceptOwnRefUpdates(root, commitSha, onBranch ? [] : ['HEAD']);
        execGit(['read-tree', commitSha], { cwd: root });
        writeFileSync(join(root, task.path), blueprint);
        checkedOut = true;
      }
      log.info(`committed ${commitSha.slice(0, 12)} on ${branch}: feat(${taskId}): ${oneLine(task.title)}`);
    }
    // The commit is the judged one: recorded, so that a re-run without the bundle may push it.
    const rec = execGit(['update-ref', completedRef(taskId), commitSha], { cwd: root, allowFailure: true });
    if (rec.code === 0) acceptOwnRefUpdates(root, commitSha);
    else
      log.warn(
        `could not record ${commitSha.slice(0, 12)} as ${completedRef(taskId)} (${escapeControlChars(rec.stderr.trim().split('\n')[0] ?? '')}): ` +
          'a later `complete --push` without the Task Bundle will not push it',
      );
    const pushed = doPush(root, opts, branch, commitSha, log);
    return {
      result: {
        taskId,
        commitSha,
        branch,
        pushed,
        ...(opts.push ? { remote: shownUrl(opts.push) } : {}),
        alreadyCompleted,
        checkedOut,
        bundleDeleted: false,
      } satisfies CompletionResult,
      record: {
        note: `${commitSha.slice(0, 12)} on ${branch}${pushed && opts.push ? ` pushed to ${shownUrl(opts.push)}` : ''}`,
      },
    };
  });
  rmSync(bundleDir, { recursive: true, force: true });
  return { ...result, bundleDeleted: true };
}
