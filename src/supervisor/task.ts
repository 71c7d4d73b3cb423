/**
 * The life of one task: pre-start → bundle → security → code → validate → complete, each station
 * starting fresh from the Task Bundle on disk. The Supervisor decides only what runs next; every fact
 * (which station finished, the verdict, the patch's hash) is read back from the bundle's manifest and
 * reports, so `--resume` after a crash, a Ctrl-C or a change made by hand continues exactly where the
 * bundle says the line stopped.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import {
  addUsage,
  bundleDirFor,
  emptyUsage,
  readManifest,
  STATIONS,
  writeManifest,
  type Manifest,
  type StationName,
  type Usage,
} from '../bundle/bundle.js';
import { GuardianError, UsageError, isUserError } from '../errors.js';
import { execGit, isGitRepo } from '../git/git.js';
import { resolveLlmConfig } from '../llm/config.js';
import { runCompletion } from '../stations/completion/index.js';
import { loadProject, requireTask, type Blueprint, type Project } from '../spec/index.js';
import { ensureDir } from '../util/fs.js';
import { silentLogger, type Logger } from '../util/log.js';
import { onExit } from '../util/temp.js';
import { signalsDelivered } from './interrupt.js';
import { appendLedger, type LedgerEntry, type LedgerStation, type RunOutcome } from './ledger.js';
import { withRunLock } from './lock.js';
import { silentProgress, type ProgressSink } from './progress.js';
import { watchTranscript } from './watch.js';
import { defaultStations, type StationContext, type StationOutcome, type StationSet } from './stations.js';
import type { RunTaskOptions, StationRun, TaskRunResult } from './types.js';

export const DEFAULT_MAX_ATTEMPTS = 1;
export const MAX_ATTEMPTS_LIMIT = 10;

export function newRunId(): string {
  const t = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${t}-${randomBytes(3).toString('hex')}`;
}

export function parseStationName(value: string, flag = '--until'): StationName {
  const aliases: Record<string, StationName> = {
    'pre-start': 'prestart',
    bundler: 'bundle',
    'security-consultant': 'security',
    coder: 'code',
    validator: 'validate',
    completion: 'complete',
  };
  const name = (aliases[value] ?? value) as StationName;
  if (!STATIONS.includes(name)) {
    throw new UsageError(`${flag} ${value}: expected one of ${STATIONS.join(', ')}`);
  }
  return name;
}

export function parseMaxAttempts(value: string | number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_ATTEMPTS;
  // Digits only: Number() would also read `1e1` and `0x5`.
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_ATTEMPTS_LIMIT) {
    throw new UsageError(`--max-attempts ${value}: expected a whole number from 1 to ${MAX_ATTEMPTS_LIMIT}`);
  }
  return n;
}

/** The note of a station Ctrl-C stopped (see markInterrupted). */
const INTERRUPTED_NOTE = 'interrupted (Ctrl-C): `guardian run --resume` runs this station again';

/**
 * The station `--resume` continues from, read from the manifest: the first one that has not finished.
 * A failed verdict sends the line back to the Coder (a new attempt, or the change fixed by hand).
 */
export function resumePoint(m: Manifest | undefined): StationName {
  if (!m) return 'prestart';
  for (const s of STATIONS) {
    const rec = m.stations[s];
    // A validation stopped by Ctrl-C judged nothing: it runs again, the Coder's change is not redone.
    const judged = rec?.note !== INTERRUPTED_NOTE;
    if (s === 'validate' && rec && judged && (rec.verdict === 'fail' || rec.status === 'failed'))
      return 'code';
    if (!rec || (rec.status !== 'ok' && rec.status !== 'skipped')) return s;
  }
  return 'complete';
}

/** Uncommitted paths outside `.guardian/` (what a commit would mix in). */
export function dirtyPaths(root: string): string[] {
  const out = execGit(['status', '--porcelain', '-z', '--untracked-files=all'], { cwd: root }).stdout;
  const paths: string[] = [];
  const parts = out.split('\0');
  for (let i = 0; i < parts.length; i++) {
    const e = parts[i]!;
    if (!e) continue;
    const code = e.slice(0, 2);
    paths.push(e.slice(3));
    if (code.startsWith('R') || code.startsWith('C')) i++; // the rename's source path follows
  }
  return paths.filter((p) => !p.startsWith('.guardian/'));
}

/** Whether the working tree differs from `commit` (outside .guardian/): a change made by hand. */
function hasWorkingChanges(root: string, commit: string): boolean {
  const diff = execGit(['diff', '--quiet', commit, '--', '.', ':(exclude).guardian'], {
    cwd: root,
    allowFailure: true,
  });
  if (diff.code !== 0) return true;
  return dirtyPaths(root).length > 0;
}

function readText(path: string | undefined): string | undefined {
  return path && existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function manifestIfAny(dir: string, taskId: string): Manifest | undefined {
  return existsSync(join(dir, 'manifest.json')) ? readManifest(dir, taskId) : undefined;
}

/** Moves an earlier run's bundle aside (never deleted: a Coder's patch in it is work). */
export function archiveBundle(root: string, dir: string, taskId: string, log: Logger): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dest = join(root, '.guardian', 'archive', `${taskId}-${stamp}`);
  ensureDir(join(root, '.guardian', 'archive'), root);
  try {
    renameSync(dir, dest);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    // Removed or moved by something else between reading its manifest and moving it.
    throw new GuardianError(
      `the earlier bundle of ${taskId} (${dir}) disappeared while Guardian was moving it to ${join(root, '.guardian', 'archive')}: was it removed, or is another program using .guardian/? Run the command again`,
      { cause: e },
    );
  }
  log.info(`an earlier bundle of ${taskId} was moved to ${dest} (use --resume to continue a run instead)`);
  return dest;
}

/** Marks a station the Ctrl-C stopped as not finished, so `--resume` runs it again. */
function markInterrupted(dir: string, taskId: string, station: StationName): void {
  if (!existsSync(join(dir, 'manifest.json'))) return;
  const m = readManifest(dir, taskId);
  const rec = m.stations[station];
  const now = new Date().toISOString();
  m.stations[station] = {
    ...(rec ?? { startedAt: now }),
    status: 'failed',
    finishedAt: rec?.finishedAt ?? now,
    note: INTERRUPTED_NOTE,
  };
  delete m.stations[station]!.verdict;
  writeManifest(dir, m);
}

function blockers(project: Project, task: Blueprint): string[] {
  const byId = new Map(project.tasks.map((t) => [t.id, t]));
  return task.dependsOn.filter((d) => byId.get(d)?.status !== 'done');
}

export function ensureGitRepo(root: string): void {
  if (!isGitRepo(root)) {
    throw new GuardianError(`${root} is not a git repository: Guardian commits each task's change with git`, {
      exitCode: 2,
    });
  }
}

interface Line {
  opts: RunTaskOptions;
  root: string;
  task: Blueprint;
  runId: string;
  startedAt: Date;
  ledgerRoot: string;
  stationRuns: StationRun[];
  usage: Usage;
}

function ledgerEntry(line: Line, event: 'start' | 'end', fields: Partial<LedgerEntry>): LedgerEntry {
  return {
    schemaVersion: 1,
    runId: line.runId,
    event,
    taskId: line.task.id,
    ...(line.opts.milestone ? { milestone: line.opts.milestone } : {}),
    ...(line.opts.milestoneRunId ? { milestoneRunId: line.opts.milestoneRunId } : {}),
    status: 'in_progress',
    outcome: 'running',
    at: new Date().toISOString(),
    startedAt: line.startedAt.toISOString(),
    resumed: !!line.opts.resume,
    dryRun: !!line.opts.dryRun,
    ...fields,
  };
}

const STATUS_OF: Record<RunOutcome, TaskRunResult['status']> = {
  running: 'in_progress',
  committed: 'done',
  already_done: 'done',
  validated: 'in_progress',
  failed: 'failed',
  blocked: 'blocked',
  interrupted: 'in_progress',
  paused: 'in_progress',
};

/**
 * Runs one task through the line. Throws a GuardianError for what must be fixed before anything runs
 * (unknown task, invalid blueprint, dirty working tree, bad options); everything that happens once the
 * line has started — a failed check, a station's error, Ctrl-C — is reported in the result and the
 * ledger instead.
 */
export async function runTask(opts: RunTaskOptions): Promise<TaskRunResult> {
  const root = resolve(opts.root);
  const log = opts.log ?? silentLogger;
  // What must be fixed before anything runs is refused before the lock: nothing is written for it.
  parseMaxAttempts(opts.maxAttempts);
  if (opts.until) parseStationName(opts.until);
  ensureGitRepo(root);
  const project = loadProject(root);
  requireTask(project, opts.taskId);
  // One run at a time per checkout (a milestone's own task runs hold its lock already). When the lock
  // is taken here, the blueprints are read again under it: a run that held it until a moment ago may
  // have just committed one.
  const command = `guardian run ${opts.taskId}${opts.resume ? ' --resume' : ''}`;
  return withRunLock(root, command, log, (fresh) => runTaskLocked(opts, fresh ? loadProject(root) : project));
}

async function runTaskLocked(opts: RunTaskOptions, project: Project): Promise<TaskRunResult> {
  const root = resolve(opts.root);
  const log = opts.log ?? silentLogger;
  const progress: ProgressSink = opts.progress ?? silentProgress;
  const stations: StationSet = { ...defaultStations(), ...opts.stations };
  const maxAttempts = parseMaxAttempts(opts.maxAttempts);
  const until = opts.until ? parseStationName(opts.until) : 'complete';
  const signal = opts.signal ?? new AbortController().signal;
  const env = opts.env ?? process.env;
  const startedAt = new Date();

  const bundleDir = bundleDirFor(root, opts.taskId);
  const task = requireTask(project, opts.taskId);
  const runId = newRunId();
  const line: Line = {
    opts,
    root,
    task,
    runId,
    startedAt,
    ledgerRoot: opts.ledgerRoot ?? root,
    stationRuns: [],
    usage: emptyUsage(),
  };
  const base = {
    taskId: task.id,
    title: task.title,
    runId,
    stations: line.stationRuns,
    attempts: 0,
  };

  if (task.status === 'done') {
    const done = {
      ...base,
      status: 'done',
      outcome: 'already_done',
      usage: emptyUsage(),
      durationMs: 0,
    } as const;
    // Done, but asked to push: an earlier push may have failed after the commit. Push the commit
    // Completion made (it finds it by its Task-Id trailer); a failed push fails this run too.
    if (opts.push && !opts.dryRun) {
      const r = await runCompletion({
        root,
        taskId: task.id,
        log,
        push: opts.push,
        ...(opts.branch ? { branch: opts.branch } : {}),
      });
      return {
        ...done,
        commit: r.commitSha,
        branch: r.branch,
        ...(r.pushed ? { pushedTo: opts.push } : {}),
        message: `${task.id} is already done (${r.commitSha.slice(0, 12)} on ${r.branch}); ${r.pushed ? `${opts.push}/${r.branch} has it` : 'not pushed'}`,
      };
    }
    return { ...done, message: `${task.id} is already done (status: done in ${task.path}): nothing to do` };
  }
  const waitingFor = blockers(project, task);
  if (waitingFor.length) {
    const message = `${task.id} depends on ${waitingFor.join(', ')}, not done yet: run ${waitingFor.length > 1 ? 'them' : 'it'} first (or \`guardian milestone\`)`;
    appendLedger(
      line.ledgerRoot,
      ledgerEntry(line, 'end', { status: 'blocked', outcome: 'blocked', durationMs: 0, message }),
    );
    return { ...base, status: 'blocked', outcome: 'blocked', usage: emptyUsage(), durationMs: 0, message };
  }

  // Where the line starts.
  let manifest = manifestIfAny(bundleDir, task.id);
  let from: StationName = 'prestart';
  if (opts.resume && manifest) {
    from = resumePoint(manifest);
  } else if (!opts.resume && manifest) {
    const willCommit = !opts.dryRun && until === 'complete';
    if (willCommit) checkClean(root, task);
    archiveBundle(root, bundleDir, task.id, log);
    manifest = undefined;
  } else if (!opts.resume && !opts.dryRun && until === 'complete') {
    checkClean(root, task);
  }
  if (STATIONS.indexOf(from) > STATIONS.indexOf(until)) {
    return {
      ...base,
      status: task.status,
      outcome: 'paused',
      usage: emptyUsage(),
      durationMs: 0,
      bundleDir,
      message: `${task.id}: the bundle has already passed ${until}; nothing to do until then (next station: ${from})`,
    };
  }

  appendLedger(
    line.ledgerRoot,
    ledgerEntry(line, 'start', { ...(manifest ? { baseCommit: manifest.baseCommit } : {}) }),
  );
  progress.taskStart(task.id, task.title);
  if (opts.resume && manifest) log.info(`resuming ${task.id} at ${from} (bundle ${bundleDir})`);
  // What continues an interrupted run: with the same push and branch (a task Completion committed before
  // the Ctrl-C is done, and `--push` then pushes that commit).
  const resumeCommand = `guardian run ${task.id} --resume${opts.push ? ` --push ${opts.push}` : ''}${opts.branch ? ` --branch ${opts.branch}` : ''}`;
  /** The station running now (for a run that ends in the middle of one). */
  let current: StationName | undefined;
  /** What the running Coder attempt has spent so far, as its transcript shows (for a quit at once). */
  let coderSpent: Usage = emptyUsage();
  /** Stops the watch of the running Coder's transcript, after a last read of it. */
  let stopCoderWatch: (() => void) | undefined;

  let verdict: 'pass' | 'fail' | undefined;
  let commit: string | undefined;
  let branch: string | undefined;
  let pushedTo: string | undefined;
  let patchSha256: string | undefined;
  let reportPath: string | undefined;
  let attempts = 0;
  // The last Coder attempt the bundle records (a resumed run goes on counting from there).
  let attempt = manifest?.stations.code ? (manifest.stations.code.attempt ?? 1) : 0;
  let outcome: RunOutcome = 'running';
  let message = '';
  /**
   * The base commit the bundle named when last read: Completion deletes the bundle, and the run's
   * result and ledger entry still say which commit the task was built on.
   */
  let baseCommit = manifest?.baseCommit;
  // A run resumed at Completion reports the judgement it commits: the verdict and the patch's hash the
  // Validator recorded in the bundle.
  if (from === 'complete' && manifest?.stations.validate?.verdict) {
    verdict = manifest.stations.validate.verdict;
    patchSha256 = recordedPatchHash(bundleDir);
  }
  const readManifest = (): Manifest | undefined => {
    const m = manifestIfAny(bundleDir, task.id);
    if (m) baseCommit = m.baseCommit;
    return m;
  };

  /**
   * A text as the ledger keeps it: a run in a temporary worktree (a milestone's parallel task) names
   * its bundle and reports there, and the worktree is removed once its bundle is copied back to the
   * checkout whose ledger this is: the paths name that copy.
   */
  const atLedgerRoot = (text: string): string =>
    line.ledgerRoot === root
      ? text
      : text.split(`${root}${sep}.guardian${sep}`).join(`${line.ledgerRoot}${sep}.guardian${sep}`);

  /** The ledger's `end` entry for the run as it stands. */
  const endEntry = (durationMs: number): LedgerEntry => {
    const status = STATUS_OF[outcome];
    const ledgerStations: LedgerStation[] = line.stationRuns.map((s) => ({
      station: s.station,
      status: s.status,
      durationMs: s.durationMs,
      ...(s.attempt ? { attempt: s.attempt } : {}),
      ...(s.verdict ? { verdict: s.verdict } : {}),
      ...(s.note ? { note: atLedgerRoot(s.note).slice(0, 300) } : {}),
      ...(s.usage.promptTokens || s.usage.completionTokens ? { usage: s.usage } : {}),
    }));
    return ledgerEntry(line, 'end', {
      status,
      outcome,
      durationMs,
      stations: ledgerStations,
      attempts,
      ...(baseCommit ? { baseCommit } : {}),
      ...(verdict ? { verdict } : {}),
      ...(commit ? { commit } : {}),
      ...(branch ? { branch } : {}),
      ...(pushedTo ? { pushedTo } : {}),
      usage: line.usage,
      message: atLedgerRoot(message),
    });
  };

  // A second Ctrl-C exits at once, without `finish`: the run still gets its `end` entry (interrupted),
  // so `guardian status` does not show it as killed. The station it stopped in is still `running` in
  // the manifest, which --resume runs again. (Any other exit in the middle of a run leaves the run
  // unfinished, as a kill does.)
  const forgetExit = onExit(() => {
    if (!signal.aborted) return;
    if (current) {
      // The Coder's tokens are recorded only when it returns: what its transcript shows is what was spent
      // (read once more now: the watch reads it once a second).
      stopCoderWatch?.();
      const usage = current === 'code' ? coderSpent : emptyUsage();
      line.usage = addUsage(line.usage, usage);
      line.stationRuns.push({ station: current, status: 'interrupted', durationMs: 0, usage });
    }
    outcome = 'interrupted';
    message = `${task.id} interrupted${current ? ` during ${current}` : ''} (quit at once): \`${resumeCommand}\` continues${current ? ` from ${current}` : ''}`;
    try {
      readManifest(); // its base commit, if the bundle has one now
    } catch {
      // unreadable: the base commit read before stands
    }
    appendLedger(line.ledgerRoot, endEntry(Date.now() - startedAt.getTime()));
  });

  const finish = (): TaskRunResult => {
    forgetExit();
    current = undefined;
    progress.taskEnd(task.id, message);
    readManifest(); // the base commit, while the bundle is there
    const durationMs = Date.now() - startedAt.getTime();
    const status = STATUS_OF[outcome];
    appendLedger(line.ledgerRoot, endEntry(durationMs));
    const failed = outcome === 'failed';
    return {
      ...base,
      status,
      outcome,
      attempts,
      usage: line.usage,
      durationMs,
      bundleDir: existsSync(bundleDir) ? bundleDir : undefined,
      ...(baseCommit ? { baseCommit } : {}),
      ...(verdict ? { verdict } : {}),
      ...(commit ? { commit } : {}),
      ...(branch ? { branch } : {}),
      ...(pushedTo ? { pushedTo } : {}),
      ...(patchSha256 ? { patchSha256 } : {}),
      ...(failed && reportPath ? { reportPath, report: readText(reportPath) } : {}),
      message,
    };
  };

  try {
    const order = STATIONS.slice(STATIONS.indexOf(from), STATIONS.indexOf(until) + 1);
    let i = 0;
    while (i < order.length) {
      const station = order[i]!;
      if (signal.aborted) {
        outcome = 'interrupted';
        message = `${task.id} interrupted before ${station}: \`${resumeCommand}\` continues`;
        return finish();
      }
      const leftBehind = station === 'complete' ? opts.beforeComplete?.() : undefined;
      if (leftBehind) {
        outcome = 'failed';
        message = `${task.id}: nothing committed: ${leftBehind}`;
        return finish();
      }
      if (station === 'complete' && opts.dryRun) {
        outcome = 'validated';
        message = `${task.id} passed every station (dry run: nothing committed or pushed)`;
        return finish();
      }

      // The Coder without a model: the change is made by hand in the working tree.
      if (station === 'code' && !opts.stations?.code && !coderConfigured(project, env, opts.envSources)) {
        const m = manifestIfAny(bundleDir, task.id);
        const handMade =
          (m && existsSync(join(bundleDir, 'changes.patch'))) || (m && hasWorkingChanges(root, m.baseCommit));
        if (opts.resume && handMade) {
          recordSkipped(
            bundleDir,
            task.id,
            'code',
            'no model configured: the change was made by hand in the working tree',
          );
          line.stationRuns.push({
            station: 'code',
            status: 'skipped',
            durationMs: 0,
            usage: emptyUsage(),
            note: 'made by hand',
          });
          progress.stationEnd(task.id, 'code', 'skipped', 0, 'no model: using the change made by hand');
          i++;
          continue;
        }
        outcome = 'paused';
        message = opts.resume
          ? `${task.id}: no change to validate — no model is configured and the working tree has no change against the base. Implement the task (context: ${join(bundleDir, 'task_context.md')}), then run \`${resumeCommand}\``
          : `${task.id}: no model configured (name one with GUARDIAN_MODEL or [llm] model in quality.toml, with OPENAI_API_KEY set). Implement the task in the working tree using ${join(bundleDir, 'task_context.md')}, then run \`${resumeCommand}\``;
        return finish();
      }

      if (station === 'code') {
        attempt++;
        attempts++;
      }
      const before = readManifest()?.usage ?? emptyUsage();
      const t0 = Date.now();
      progress.stationStart(
        task.id,
        station,
        station === 'code' || station === 'validate' ? attempt || undefined : undefined,
      );
      const ctx: StationContext = {
        root,
        taskId: task.id,
        log,
        signal,
        env,
        ...(opts.envSources ? { envSources: opts.envSources } : {}),
        attempt: Math.max(1, attempt),
        maxAttempts,
        dryRun: !!opts.dryRun,
        ...(opts.push ? { push: opts.push } : {}),
        ...(opts.branch ? { branch: opts.branch } : {}),
        ...(opts.base ? { base: opts.base } : {}),
        ...(opts.runUrl ? { runUrl: opts.runUrl } : {}),
        onUsage: (u) => progress.usage(task.id, addUsage(line.usage, u)),
      };
      const stopWatch = (stopCoderWatch =
        station === 'code'
          ? watchTranscript(join(bundleDir, 'transcript.jsonl'), Math.max(1, attempt), (u) => {
              coderSpent = u;
              progress.usage(task.id, addUsage(line.usage, u));
            })
          : undefined);
      current = station;
      let out: StationOutcome | undefined;
      let thrown: { error: unknown } | undefined;
      try {
        out = await stations[station](ctx);
      } catch (e) {
        thrown = { error: e };
      }
      stopWatch?.();
      stopCoderWatch = undefined;
      coderSpent = emptyUsage();
      // A Ctrl-C at the terminal reaches the git a station runs as well (same process group): git dies
      // and the station fails while this process's own SIGINT handler has not run yet. Let it run
      // before judging: that failure is the interruption, not a station's error.
      await signalsDelivered();
      current = undefined;
      const durationMs = Date.now() - t0;
      const usage = usageDelta(before, readManifest()?.usage);
      line.usage = addUsage(line.usage, usage);
      if (thrown || !out) {
        const e = thrown?.error;
        const note = (e as Error).message ?? String(e);
        if (signal.aborted) {
          markInterrupted(bundleDir, task.id, station);
          line.stationRuns.push({ station, status: 'interrupted', durationMs, usage, note });
          progress.stationEnd(task.id, station, 'interrupted', durationMs, firstLine(note));
          outcome = 'interrupted';
          message = `${task.id} interrupted during ${station} (${firstLine(note)}): \`${resumeCommand}\` continues from ${station}`;
          return finish();
        }
        line.stationRuns.push({
          station,
          status: 'failed',
          durationMs,
          usage,
          note,
          ...(station === 'code' ? { attempt } : {}),
        });
        progress.stationEnd(task.id, station, 'failed', durationMs, firstLine(note));
        outcome = 'failed';
        message = `${task.id} failed at ${station}: ${note}`;
        if (!isUserError(e)) {
          finish();
          throw e;
        }
        return finish();
      }
      progress.usage(task.id, line.usage);

      if (signal.aborted && !IGNORES_SIGNAL.has(station)) {
        // A station that returned while being stopped judged a half-run (killed) command: don't trust it.
        // (Completion is not stopped: a commit it returns was made, and is recorded as made.)
        markInterrupted(bundleDir, task.id, station);
        line.stationRuns.push({ station, status: 'interrupted', durationMs, usage });
        progress.stationEnd(task.id, station, 'interrupted', durationMs);
        outcome = 'interrupted';
        message = `${task.id} interrupted during ${station}: \`${resumeCommand}\` continues from ${station}`;
        return finish();
      }

      const run: StationRun = {
        station,
        status: out.status,
        durationMs,
        usage,
        ...(station === 'code' || station === 'validate' ? { attempt: Math.max(1, attempt) } : {}),
        ...(out.verdict ? { verdict: out.verdict } : {}),
        ...(out.note ? { note: out.note } : {}),
      };
      line.stationRuns.push(run);
      progress.stationEnd(
        task.id,
        station,
        out.status,
        durationMs,
        out.note ? firstLine(out.note) : undefined,
      );
      if (out.patchSha256) patchSha256 = out.patchSha256;
      if (station === 'validate') verdict = out.verdict;
      if (out.commit) commit = out.commit;
      if (out.branch) branch = out.branch;
      if (out.pushedTo) pushedTo = out.pushedTo;

      if (
        out.status === 'failed' &&
        station === 'code' &&
        order.includes('validate') &&
        hasPatch(bundleDir)
      ) {
        // The Coder stopped without finishing (tests still failing, a budget): the Validator judges what
        // it wrote, so the failure ends with the precise report (and a next attempt gets it as feedback).
        log.info(
          `${task.id}: the Coder stopped without finishing (${out.note ?? 'failed'}); the Validator judges its change`,
        );
        i++;
        continue;
      }
      if (out.status === 'failed') {
        reportPath = out.reportPath;
        if (
          station === 'validate' &&
          !out.dependenciesModified &&
          attempts < maxAttempts &&
          attempts > 0 &&
          coderAvailable(project, env, opts)
        ) {
          log.info(
            `${task.id}: attempt ${attempt} failed (${out.note ?? 'verdict fail'}); the Coder tries again with the report`,
          );
          i = order.indexOf('code');
          continue;
        }
        outcome = 'failed';
        const tries = station === 'validate' && attempts > 1 ? ` after ${attempts} attempts` : '';
        message =
          station === 'validate' && out.dependenciesModified
            ? `${task.id} failed validation${tries}: the dependency folders were modified (guard:deps)${reportPath ? ` (report: ${reportPath})` : ''}; reinstall them (\`npm ci\`, or recreate the virtual environment), then run \`${resumeCommand}\``
            : station === 'validate'
              ? `${task.id} failed validation${tries}: ${out.note ?? 'verdict fail'}${reportPath ? ` (report: ${reportPath})` : ''}; fix the change and run \`${resumeCommand}\``
              : station === 'prestart'
                ? `${task.id}: pre-start checks failed at the base — the codebase is not in a state to start from: ${out.note ?? ''}${reportPath ? ` (report: ${reportPath})` : ''}`
                : `${task.id} failed at ${station}: ${out.note ?? 'see the bundle'}`;
        return finish();
      }
      i++;
    }

    if (until !== 'complete') {
      outcome = 'paused';
      message = opts.untilReason
        ? `${task.id} stopped after ${until}: ${opts.untilReason}`
        : `${task.id} stopped after ${until} (--until): \`${resumeCommand}\` continues`;
    } else if (commit) {
      outcome = 'committed';
      message = `${task.id} done: committed ${commit.slice(0, 12)}${branch ? ` on ${branch}` : ''}${pushedTo ? `, pushed to ${pushedTo}` : ''}`;
    } else {
      outcome = 'committed';
      message = `${task.id} done`;
    }
    return finish();
  } finally {
    // However the run ended (an error too), the exit no longer speaks for it.
    forgetExit();
  }
}

/**
 * Stations that run to their end whatever the signal, and whose success is never a half-run one. (The
 * Bundler is not stopped either, but a terminal's Ctrl-C kills the helpers it runs — an interpreter
 * asked for library APIs — and what it built without them is not trusted.)
 */
const IGNORES_SIGNAL: ReadonlySet<StationName> = new Set(['complete']);

function firstLine(s: string): string {
  const l = s.split('\n')[0] ?? '';
  return l.length > 160 ? l.slice(0, 159) + '…' : l;
}

function usageDelta(before: Usage, after: Usage | undefined): Usage {
  if (!after) return emptyUsage();
  return {
    promptTokens: Math.max(0, after.promptTokens - before.promptTokens),
    completionTokens: Math.max(0, after.completionTokens - before.completionTokens),
    cachedTokens: Math.max(0, after.cachedTokens - before.cachedTokens),
    costUsd: Math.max(0, Math.round((after.costUsd - before.costUsd) * 1e6) / 1e6),
  };
}

function coderConfigured(
  project: Project,
  env: NodeJS.ProcessEnv,
  envSources?: Record<string, string>,
): boolean {
  return (
    resolveLlmConfig({
      station: 'coder',
      env,
      ...(envSources ? { envSources } : {}),
      ...(project.quality ? { quality: project.quality } : {}),
    }) !== undefined
  );
}

function coderAvailable(project: Project, env: NodeJS.ProcessEnv, opts: RunTaskOptions): boolean {
  return !!opts.stations?.code || coderConfigured(project, env, opts.envSources);
}

function recordSkipped(dir: string, taskId: string, station: StationName, note: string): void {
  const m = readManifest(dir, taskId);
  const now = new Date().toISOString();
  m.stations[station] = { status: 'skipped', startedAt: now, finishedAt: now, durationMs: 0, note };
  writeManifest(dir, m);
}

function checkClean(root: string, task: Blueprint): void {
  const dirty = dirtyPaths(root);
  if (dirty.length === 0) return;
  const shown = dirty.slice(0, 5).join(', ') + (dirty.length > 5 ? `, … (${dirty.length} in all)` : '');
  throw new GuardianError(
    `the working tree has uncommitted changes (${shown}): Guardian commits ${task.id}'s change on top of HEAD and would mix them in. ` +
      `Commit or stash them first, or run with --dry-run (nothing is committed). ` +
      `If they are your own implementation of ${task.id}, run \`guardian run ${task.id} --resume\` to validate and commit them.`,
  );
}

function hasPatch(dir: string): boolean {
  const p = join(dir, 'changes.patch');
  return existsSync(p) && readFileSync(p, 'utf8').trim() !== '';
}

/** The patch hash the Validator recorded in the bundle's `validation.json`, if it reads as one. */
function recordedPatchHash(bundleDir: string): string | undefined {
  try {
    const v: unknown = JSON.parse(readFileSync(join(bundleDir, 'validation.json'), 'utf8'));
    const h = typeof v === 'object' && v !== null ? (v as { patchSha256?: unknown }).patchSha256 : undefined;
    return typeof h === 'string' && /^[0-9a-f]{64}$/.test(h) ? h : undefined;
  } catch {
    return undefined;
  }
}
