/**
 * The Supervisor's public API: what `runTask` and `runMilestone` take and return. The `guardian run`
 * and `guardian milestone` commands and the root action are thin hosts over these two functions.
 */
import type { StationName, Usage } from '../bundle/bundle.js';
import type { TaskStatus } from '../spec/types.js';
import type { Logger } from '../util/log.js';
import type { LedgerStation, RunOutcome } from './ledger.js';
import type { ProgressSink } from './progress.js';
import type { StationSet } from './stations.js';

export type { StationName, Usage, RunOutcome, LedgerStation };

export interface RunTaskOptions {
  /** Repository root (the working tree the change is committed in). */
  root: string;
  taskId: string;
  /**
   * Called once the Validator passed, before Completion: a host that runs the line on a CI runner takes
   * back what the checks left behind (see github/step-guard.ts). A returned sentence fails the task
   * with nothing committed.
   */
  beforeComplete?: () => string | undefined;
  /** Continue from the last finished station recorded in the bundle's manifest. */
  resume?: boolean;
  /** Everything except commit and push: the line stops after the Validator's verdict. */
  dryRun?: boolean;
  /** Stop after this station (inclusive). */
  until?: StationName;
  /** Why the run stops at `until`, for the message and the ledger (default: "--until"). */
  untilReason?: string;
  /** Coder ↔ Validator attempts; each retry gets the Validator's typed failure report (default 1). */
  maxAttempts?: number;
  /** Remote Completion pushes the task's branch to (no push when undefined). */
  push?: string;
  /** Branch Completion pushes to (default: the blueprint's `branch`, else Completion's default). */
  branch?: string;
  /** The base ref the bundle is built against (default HEAD). */
  base?: string;
  /** The CI run's URL, written by Completion as the `Guardian-Run:` trailer. */
  runUrl?: string;
  /**
   * The environment the stations run commands with (scrubbed of secrets) and resolve their model
   * settings from (OPENAI_API_KEY, GUARDIAN_MODEL…). Stations never read process.env: the host passes
   * it here (default: this process's environment).
   */
  env?: NodeJS.ProcessEnv;
  /**
   * How messages name variables of `env` the host set from its own settings (`{ OPENAI_API_KEY: "input
   * 'llm-api-key'" }`), so a rejected key points at what the user actually configured.
   */
  envSources?: Record<string, string>;
  log?: Logger;
  /** Live progress (station, elapsed time, tokens, cost); see `createProgress`. */
  progress?: ProgressSink;
  /** Aborting stops the running station (its commands are killed) and ends the run as `interrupted`. */
  signal?: AbortSignal;
  /** Milestone context, recorded in the ledger. */
  milestone?: string;
  milestoneRunId?: string;
  /** Where the ledger lives (default: `root`; a milestone's worktrees write to the main checkout's). */
  ledgerRoot?: string;
  /** Replaces station implementations (tests, or a host with its own Coder). */
  stations?: Partial<StationSet>;
}

/** One station's run within a task run. */
export interface StationRun {
  station: StationName;
  status: 'ok' | 'failed' | 'skipped' | 'interrupted';
  durationMs: number;
  attempt?: number;
  verdict?: 'pass' | 'fail';
  note?: string;
  usage: Usage;
}

export interface TaskRunResult {
  taskId: string;
  title: string;
  runId: string;
  /** The task's lifecycle status after the run. */
  status: TaskStatus;
  outcome: RunOutcome;
  /** The Validator's last verdict, when it ran. */
  verdict?: 'pass' | 'fail';
  /** The commit Completion made (full sha). */
  commit?: string;
  /** Branch the commit was pushed to / is meant for (pull request head). */
  branch?: string;
  pushedTo?: string;
  /** sha256 of the patch the Validator judged. */
  patchSha256?: string;
  baseCommit?: string;
  /** The stations that ran in this invocation (a resumed run lists only those it ran). */
  stations: StationRun[];
  /** Coder attempts made in this invocation. */
  attempts: number;
  /** Tokens and cost of this invocation. */
  usage: Usage;
  durationMs: number;
  /** Absolute path of the Task Bundle (absent when nothing ran). */
  bundleDir?: string;
  /** Absolute path of the failure report (`validation.md`, or `prestart.md`) when the task failed. */
  reportPath?: string;
  /** The failure report's text (markdown) when the task failed. */
  report?: string;
  /** One line for humans: what happened and what to do next. */
  message: string;
}

export interface RunMilestoneOptions {
  root: string;
  milestone: string;
  /** Run up to N ready tasks at the same time, each in its own git worktree (default 1). */
  parallel?: number;
  dryRun?: boolean;
  /**
   * The branch that receives the milestone's commits, one per task on top of the previous one; created
   * from HEAD when missing and checked out (default `guardian/<MILESTONE>`). Not used by a dry run.
   */
  branch?: string;
  push?: string;
  maxAttempts?: number;
  runUrl?: string;
  env?: NodeJS.ProcessEnv;
  log?: Logger;
  progress?: ProgressSink;
  signal?: AbortSignal;
  stations?: Partial<StationSet>;
}

export interface MilestoneTaskResult {
  taskId: string;
  title: string;
  /**
   * done: committed in this run; skipped: already done before; failed; blocked (a dependency failed or
   * is not done); not_run (the milestone halted first); interrupted; validated (dry run).
   */
  state: 'done' | 'skipped' | 'failed' | 'blocked' | 'not_run' | 'interrupted' | 'validated' | 'paused';
  run?: TaskRunResult;
  /** Why it did not run (blocked / not_run). */
  reason?: string;
}

export interface MilestoneRunResult {
  milestone: string;
  title: string;
  runId: string;
  /** done: every task is done; failed: halted on a failure; interrupted; paused (by-hand or dry run). */
  outcome: 'done' | 'failed' | 'interrupted' | 'paused' | 'validated';
  tasks: MilestoneTaskResult[];
  /** The commits made, in order. */
  commits: string[];
  /** The task that halted the milestone. */
  failedTask?: string;
  usage: Usage;
  durationMs: number;
  message: string;
}
