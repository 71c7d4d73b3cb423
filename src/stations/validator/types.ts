/**
 * `validation.json`: the Validator's verdict and everything it is based on. Written into the Task
 * Bundle next to `validation.md`; read by Completion (verdict + patch hash), the Actions host
 * (annotations, job summary) and the Supervisor. Documented in docs/validation.md.
 */

export const VALIDATION_SCHEMA_VERSION = 1;

export type Verdict = 'pass' | 'fail';

/**
 * quality: a `[quality_checks]` entry of quality.toml (at the base commit);
 * plan: a `final-submit` step of the blueprint's verification plan (`pre-start` for prestart.json);
 * guard: a rule on the change itself (protected paths, removed tests, skip markers, security.json checks);
 *   also what the checks left behind (guard:processes, guard:git-dir, guard:unchanged-tree, and guard:deps:
 *   the dependency folders they take their tools from, changed while they ran or since an earlier validation);
 * tdd: the red/green proof (the plan's tests fail at the base with only the change's tests applied).
 */
export type CheckKind = 'quality' | 'plan' | 'guard' | 'tdd';

export type CheckOutcome = 'pass' | 'fail' | 'timeout' | 'error';

export interface Diagnostic {
  /** Repository-relative, posix. */
  file: string;
  /** 1-based. */
  line: number;
  column?: number;
  message: string;
  /** The tool that reported it: tsc, eslint, mypy, pytest, black, bandit, guard, security, … */
  tool?: string;
}

export interface CheckResult {
  /** Unique within a report: the quality.toml key, `plan:N`, `guard:…`, `security:<id>`, `tdd:red-green`. */
  name: string;
  kind: CheckKind;
  /** The plan step's description or what a guard rule checks. */
  description?: string;
  /** The shell command run (absent for guard checks, which Guardian evaluates itself). */
  command?: string;
  /** `fail` inverts the exit status (a plan step that must fail). */
  expects?: 'pass' | 'fail';
  /** null when killed by a signal, never started, or not a command. */
  exitCode: number | null;
  signal?: string | null;
  durationMs: number;
  outcome: CheckOutcome;
  /** The end of the combined output (at most ~60 lines / 8000 characters). */
  outputTail: string;
  /** Whether the captured output was cut in the middle (very long output). */
  truncated?: boolean;
  diagnostics: Diagnostic[];
}

export interface ValidationReport {
  schemaVersion: typeof VALIDATION_SCHEMA_VERSION;
  taskId: string;
  verdict: Verdict;
  /** Full sha of the commit the change was judged against. */
  baseCommit: string;
  /** sha256 (hex) of the exact patch judged: changes.patch's bytes, or the working tree's diff. */
  patchSha256: string;
  /** Where the judged patch came from. */
  patchSource: 'bundle' | 'working-tree';
  /**
   * Where the checks ran: a clean worktree of the base with the patch applied (a bundle's patch always;
   * a working-tree change with `--clean` or `[validator] clean_worktree`), or the working tree itself.
   */
  judgedIn: 'clean-worktree' | 'in-place';
  /** Files the change touches (posix, repository-relative; renames as new path). */
  changedFiles: string[];
  startedAt: string;
  durationMs: number;
  checks: CheckResult[];
  /** One line: "pass: 7 checks" or "fail: linter, tdd:red-green". */
  summary: string;
}

/** `prestart.json`: the pre-start steps run at the base before any work starts. */
export interface PrestartReport {
  schemaVersion: typeof VALIDATION_SCHEMA_VERSION;
  taskId: string;
  verdict: Verdict;
  baseCommit: string;
  startedAt: string;
  durationMs: number;
  checks: CheckResult[];
  summary: string;
}
