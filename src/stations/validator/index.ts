/**
 * The Validator station: one deterministic verdict on one change. It reads its rules from the base
 * commit, runs every quality check and final-submit plan step, applies the guard rules to the change,
 * proves red/green in a worktree, and writes validation.json + validation.md into the Task Bundle.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  checkBundleWritable,
  readBundleBytes,
  readInputFile,
  recordStation,
  writeBundleFile,
} from '../../bundle/bundle.js';
import { ConfigurationError, GuardianError } from '../../errors.js';
import { listFilesAt, showFile } from '../../git/git.js';
import {
  applyPatchToTree,
  changedFiles,
  type AddedLine,
  changedSpecialEntries,
  lineChanges,
  overlayPaths,
  workingTreePatch,
  workingTreeTree,
} from '../../git/patch.js';
import {
  includedWorkTreeFiles,
  restoreGitDir,
  shownGitPath,
  snapshotGitDir,
  type GitDirChange,
  type GitDirSnapshot,
} from '../../git/gitdir.js';
import { addWorktree, linkDependencies, type Worktree } from '../../git/worktree.js';
import { killWorkingIn, runPool, type PoolJob } from '../../exec/index.js';
import { type PlanStep, type QualityConfig } from '../../spec/index.js';
import { sha256 } from '../../util/fs.js';
import { redactStrings } from '../../secrets/index.js';
import { silentLogger, type Logger } from '../../util/log.js';
import { openGate } from './context.js';
import {
  compareDependencies,
  dependencyFolders,
  depsCheck,
  fingerprintDependencies,
  readTaint,
  taintPath,
  writeTaint,
  type DependencyFingerprint,
  type DependencyTaint,
} from './deps.js';
import { restoreState, snapshotState, stateCheck, type StateSnapshot } from './state.js';
import { judgeTestCounts, parseTestCounts, type JudgedRun } from './test-counts.js';
import { loadTimings, saveTimings, timingKey } from './timings.js';
import {
  gitConfigFilesCheck,
  isTestFile,
  linksCheck,
  protectedPathsCheck,
  securityCheck,
  securityChecksOf,
  skipMarkersCheck,
  toolConfigCheck,
  testFilesCheck,
  type GuardInput,
} from './guard.js';
import {
  renderMarkdown,
  runCheck,
  sharedRunKey,
  summarize,
  type CommandCheck,
  type RunEnv,
} from './run-checks.js';
import { VALIDATION_SCHEMA_VERSION, type CheckResult, type ValidationReport } from './types.js';
import type { CommandResult } from '../../exec/index.js';

export * from './types.js';
export { extractDiagnostics } from './diagnostics.js';
export { isTestFile } from './guard.js';

export interface ValidatorOptions {
  root: string;
  taskId: string;
  log?: Logger;
  /** Base ref when there is no bundle (else the manifest's base commit is used). */
  base?: string;
  /** Environment for checks (scrubbed before use); hosts pass theirs. Default: this process's. */
  env?: NodeJS.ProcessEnv;
  /** Parallel checks; default `[validator] jobs`, else the number of cores. */
  jobs?: number;
  /** Stop starting checks after the first failure; default `[validator] fail_fast`. */
  failFast?: boolean;
  /**
   * security.json to enforce. Default: the bundle's. In the split workflow the host passes the
   * security job's copy, so the job that produced the code cannot remove the checks.
   */
  securityJson?: string;
  /** Run `[setup] commands` even when judging in place (worktrees always run them). */
  runSetup?: boolean;
  /**
   * Judge a working-tree change in a clean worktree of the base (as a bundle's patch always is), so that
   * git-ignored files — local settings, stale build output — cannot sway the verdict. Also
   * `[validator] clean_worktree` in the base's quality.toml.
   */
  clean?: boolean;
  signal?: AbortSignal;
}

export interface ValidatorResult {
  report: ValidationReport;
  bundleDir: string;
  /** Absolute paths of validation.json and validation.md. */
  reportPath: string;
  markdownPath: string;
}

function timeoutMs(seconds: number | undefined, quality: QualityConfig): number {
  return Math.round((seconds ?? quality.validator.defaultTimeout) * 1000);
}

/** Prepares a worktree's dependencies: `[setup] commands` when there are any, else links node_modules/.venv. */
async function prepareTree(
  root: string,
  dir: string,
  quality: QualityConfig,
  runEnv: RunEnv,
  label: string,
  force: boolean,
): Promise<CheckResult[]> {
  if (quality.setup.commands.length === 0) {
    if (dir !== root) linkDependencies(root, dir);
    return [];
  }
  if (dir === root && !force) return [];
  const results: CheckResult[] = [];
  for (const [i, command] of quality.setup.commands.entries()) {
    const { check } = await runCheck(
      {
        name: `setup:${label}:${i + 1}`,
        kind: 'quality',
        description: `[setup] command ${i + 1} (${label} tree)`,
        command,
        expects: 'pass',
        cwd: dir,
        timeoutMs: timeoutMs(quality.setup.timeout, quality),
        env: {},
        exclusive: false,
      },
      runEnv,
    );
    results.push(check);
    if (check.outcome !== 'pass') break;
  }
  return results;
}

function loadSecurityChecks(
  path: string,
  bytes: Buffer | undefined,
): {
  checks: ReturnType<typeof securityChecksOf>['checks'];
  problems: string[];
} {
  if (bytes === undefined) return { checks: [], problems: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    return { checks: [], problems: [`${path}: not valid JSON (${(e as Error).message})`] };
  }
  return securityChecksOf(doc, path);
}

function redGreen(steps: PlanStep[], results: CommandResult[], testPaths: string[]): CheckResult {
  const lines: string[] = [
    `red tree: the base commit + ${testPaths.length} test file(s) of the change${testPaths.length ? `: ${testPaths.join(', ')}` : ''}`,
  ];
  if (steps.length === 0) {
    return {
      name: 'tdd:red-green',
      kind: 'tdd',
      description: 'the plan has no final-submit step that expects pass: nothing shows the change works',
      exitCode: null,
      durationMs: 0,
      outcome: 'fail',
      outputTail: 'no final-submit step with "expects": "pass" in the verification plan',
      diagnostics: [],
    };
  }
  const naming = steps.map((s) => testPaths.some((p) => s.command.includes(p)));
  const mustFail = naming.some(Boolean) ? naming : steps.map(() => false);
  let ok = true;
  let anyRed = false;
  steps.forEach((s, i) => {
    const r = results[i]!;
    const red = r.timedOut || r.exitCode !== 0;
    anyRed ||= red;
    const status = r.timedOut ? 'timed out' : r.error && r.exitCode === null ? r.error : `exit ${r.exitCode}`;
    if (mustFail[i] && !red) ok = false;
    lines.push(
      `${red ? 'red  ' : 'GREEN'} \`${s.command}\` (${status})${mustFail[i] && !red ? ' <- passes without the implementation' : ''}`,
    );
  });
  if (!naming.some(Boolean) && !anyRed) ok = false;
  if (!ok) {
    lines.push(
      'the tests do not exercise the change: with only the test files applied to the base, the plan passes without the implementation',
    );
  }
  const failures = steps.filter(
    (_, i) => !results[i]!.timedOut && results[i]!.exitCode === 0 && (mustFail[i] || !anyRed),
  );
  return {
    name: 'tdd:red-green',
    kind: 'tdd',
    description:
      "the plan's tests fail on the base with only the change's test files, and pass with the whole change",
    command: steps.map((s) => s.command).join(' ; '),
    expects: 'fail',
    exitCode: null,
    durationMs: results.reduce((t, r) => t + r.durationMs, 0),
    outcome: ok ? 'pass' : 'fail',
    outputTail: lines.join('\n'),
    diagnostics: ok
      ? []
      : (testPaths.length ? testPaths : ['']).filter(Boolean).map((file) => ({
          file,
          line: 1,
          message: `new or changed tests pass without the implementation (${failures.map((s) => s.command).join(', ')})`,
          tool: 'tdd',
        })),
  };
}

/**
 * The judged runs of the plan's tests must have run the tests: as many as the same command ran on the
 * red tree (the same test files without the implementation), or — when the red run printed no test
 * summary (a TypeScript build that fails without the implementation) — on the base commit, which the
 * change may only add tests to. A judged run printing failures under exit 0 fails too, for every check.
 */
async function checkTestsRan(
  ran: { check: CheckResult; raw: CommandResult; red: boolean }[],
  redSteps: PlanStep[],
  redOuts: { raw: CommandResult }[],
  plan: PlanStep[],
  added: AddedLine[],
  baseDir: () => Promise<string | undefined>,
  runAtBase: (s: PlanStep, cwd: string) => Promise<CommandResult>,
): Promise<void> {
  const judged = ran.filter((o) => !o.red);
  const runOf = (raw: CommandResult): JudgedRun => ({
    checks: judged.filter((o) => o.raw === raw).map((o) => o.check),
    raw,
  });
  const done = new Set<CommandResult>();
  let base: Promise<string | undefined> | undefined;
  if (redOuts.length === redSteps.length) {
    for (const [i, s] of redSteps.entries()) {
      const green = judged.find((o) => o.check.name === `plan:${plan.indexOf(s) + 1}`);
      if (!green || done.has(green.raw)) continue;
      done.add(green.raw);
      const red = parseTestCounts(redOuts[i]!.raw.output);
      let expected = red && { counts: red, where: "the red tree (the base with the change's test files)" };
      const passed = green.raw.exitCode === 0 && !green.raw.timedOut;
      if (!expected && passed && parseTestCounts(green.raw.output)) {
        base ??= baseDir();
        const dir = await base;
        const counts = dir ? parseTestCounts((await runAtBase(s, dir)).output) : undefined;
        if (counts) expected = { counts, where: 'the base commit' };
      }
      judgeTestCounts(runOf(green.raw), expected, added);
    }
  }
  for (const o of judged) {
    if (done.has(o.raw)) continue;
    done.add(o.raw);
    judgeTestCounts(runOf(o.raw), undefined, added);
  }
}

export async function runValidator(opts: ValidatorOptions): Promise<ValidatorResult> {
  const log = opts.log ?? silentLogger;
  const gate = openGate({ root: opts.root, taskId: opts.taskId, base: opts.base, log });
  const { root, bundleDir, baseCommit, task, quality } = gate;
  const finalSteps = task.plan.filter((s) => s.stage === 'final-submit');
  if (finalSteps.length === 0) {
    throw new ConfigurationError(
      `${task.path}: task ${task.id} has no final-submit step in its verification plan: the Validator has nothing to prove the change with`,
    );
  }

  // The bundle's files are read (and refused when unreadable) before the manifest records anything.
  const bundlePatch = readBundleBytes(bundleDir, 'changes.patch');
  const securityPath = opts.securityJson ?? join(bundleDir, 'security.json');
  const securityBytes = readInputFile(securityPath, opts.securityJson ? 'file' : 'Task Bundle file');
  checkBundleWritable(bundleDir, ['validation.json', 'validation.md']);

  const report = await recordStation(bundleDir, task.id, 'validate', async () => {
    const startedAt = new Date();
    const fromBundle = bundlePatch !== undefined;
    let patch: Buffer;
    let tree: string;
    if (bundlePatch !== undefined) {
      patch = bundlePatch;
      tree = applyPatchToTree(root, baseCommit, patch, 'changes.patch');
    } else {
      ({ patch, tree } = workingTreePatch(root, baseCommit));
    }
    const patchSha256 = sha256(patch);
    const inPlace = !fromBundle && !opts.clean && !quality.validator.cleanWorktree;
    const changed = changedFiles(root, baseCommit, tree);
    const { added, removed } = lineChanges(root, baseCommit, tree);
    log.info(
      `validating ${task.id} against ${baseCommit.slice(0, 12)}: ${changed.length} file(s) changed (${fromBundle ? 'changes.patch' : inPlace ? 'working tree, in place' : 'working tree, in a clean worktree'})`,
    );

    const worktrees: Worktree[] = [];
    try {
      const runEnv: RunEnv = {
        env: opts.env,
        secretEnv: quality.validator.secretEnv,
        signal: opts.signal,
        log,
        aliases: [],
        shared: new Map(),
      };
      // Guard rules first: they cost nothing and a change that breaks them fails whatever its tests say.
      const guardInput: GuardInput = {
        changed,
        added,
        removed,
        baseFiles: new Set(listFilesAt(root, baseCommit)),
        // quality.toml's own list (the parser fills in the defaults when [guard] protected is absent).
        protectedGlobs: quality.guard.protected,
        allowSkipMarkers: quality.guard.allowSkipMarkers,
        relevantTests: task.relevantTests,
      };
      const read = {
        base: (p: string) => showFile(root, baseCommit, p),
        changed: (p: string) => showFile(root, tree, p),
      };
      const guards: CheckResult[] = [
        protectedPathsCheck(guardInput),
        gitConfigFilesCheck(changed, includedWorkTreeFiles(root)),
        (() => {
          const special = changedSpecialEntries(root, baseCommit, tree);
          return linksCheck(special.links, special.treeLinks, special.gitlinks, special.baseLinks);
        })(),
        testFilesCheck(guardInput, read),
        skipMarkersCheck(guardInput),
        toolConfigCheck(
          guardInput,
          read,
          quality.guard.allowConfigChanges,
          // Exactly what this validation runs (from the base): a Makefile is tool configuration when
          // one of these runs make.
          [
            ...quality.setup.commands,
            ...quality.checks.map((q) => q.command),
            ...task.plan.map((s) => s.command),
          ],
        ),
      ];
      if (changed.length === 0) {
        guards.push({
          name: 'guard:non-empty',
          kind: 'guard',
          description: 'the change changes something',
          exitCode: null,
          durationMs: 0,
          outcome: 'fail',
          outputTail: `the change is empty: ${fromBundle ? 'changes.patch has no changes' : 'the working tree equals the base commit'}`,
          diagnostics: [],
        });
      }
      const sec = loadSecurityChecks(securityPath, securityBytes);
      for (const problem of sec.problems) {
        guards.push({
          name: 'security:security.json',
          kind: 'guard',
          description: 'security.json can be read',
          exitCode: null,
          durationMs: 0,
          outcome: 'error',
          outputTail: problem,
          diagnostics: [],
        });
      }
      for (const spec of sec.checks) guards.push(securityCheck(spec, added));
      for (const g of guards) log.info(`  ${g.outcome === 'pass' ? '✓' : '✗'} ${g.name}`);

      const failFast = opts.failFast ?? quality.validator.failFast;
      const jobs = Math.max(1, opts.jobs ?? quality.validator.jobs ?? availableParallelism());
      const checks: CheckResult[] = [...guards];
      let notRun = 0;
      const failedAlready = () => failFast && checks.some((c) => c.outcome !== 'pass');

      // What the checks run may not change the repository's git settings (hooks, config): watched from
      // after the setup commands (quality.toml's own, such as an `npm ci` that installs husky's hooks
      // path) to the end of the checks, put back and reported below.
      let gitDir: GitDirSnapshot | undefined;
      let gitDirChecked = false;
      let state: StateSnapshot | undefined;
      try {
        // The judged tree: the working tree itself, or a clean worktree of the base with the patch applied.
        let judged = root;
        if (!inPlace) {
          const wt = addWorktree(root, baseCommit, tree);
          worktrees.push(wt);
          judged = wt.dir;
          runEnv.aliases = [root];
        }
        const greenSteps = finalSteps;
        const redSteps = finalSteps.filter((s) => s.expects === 'pass');
        const testPaths = changed
          .filter((f) => f.status !== 'D' && isTestFile(f.path, task.relevantTests))
          .map((f) => f.path);

        let redDir: string | undefined;
        if (!failedAlready() && redSteps.length) {
          const redTree = overlayPaths(root, baseCommit, tree, testPaths);
          const wt = addWorktree(root, baseCommit, redTree);
          worktrees.push(wt);
          redDir = wt.dir;
        }

        if (!failedAlready()) {
          // One tree after the other: both trees' worktrees share the repository's git directory, and
          // setup commands write there (husky's `prepare` runs `git config core.hooksPath`): run side
          // by side, one of two such writes fails on git's config lock ("could not lock config file").
          checks.push(
            ...(await prepareTree(root, judged, quality, runEnv, 'judged', opts.runSetup ?? false)),
          );
          if (redDir) checks.push(...(await prepareTree(root, redDir, quality, runEnv, 'red', true)));
        }
        const watched = snapshotGitDir(root);
        gitDir = watched;
        // The judged worktree as the checks find it (after its setup commands).
        const judgedBefore = judged !== root ? workingTreeTree(judged) : undefined;

        // guard:deps: the dependency folders the checks take their tools from (the repository's own,
        // linked into the worktrees, or a worktree's own from its setup commands) are fingerprinted
        // now and compared once every check has ended. An earlier validation's finding that nobody
        // reinstalled since fails this one before anything runs.
        let taint: DependencyTaint | undefined;
        try {
          taint = readTaint(root);
        } catch (e) {
          log.warn(`guard:deps: could not read what earlier validations found: ${(e as Error).message}`);
        }
        const stillTainted = taint ? depsCheck({ during: [], still: taint }) : undefined;
        if (stillTainted) {
          log.info(`  ✗ ${stillTainted.name}`);
          checks.push(stillTainted);
        }
        let depsBefore: DependencyFingerprint | undefined;
        const depFolders = dependencyFolders([root, judged, ...(redDir ? [redDir] : [])]);
        if (depFolders.length && !failedAlready()) {
          depsBefore = fingerprintDependencies(depFolders);
          log.debug(
            `guard:deps: ${depsBefore.count} entries of ${depFolders.map((f) => f.real).join(', ')} fingerprinted in ${depsBefore.durationMs} ms`,
          );
          if (depsBefore.capped) {
            log.warn(
              `guard:deps: the dependency folders hold more than ${depsBefore.maxEntries} entries; only the first ${depsBefore.maxEntries} are watched`,
            );
          }
        }

        // Guardian's own files within a check's reach: the bundle being judged and the record of
        // neutered dependency folders (as read above), compared and put back once the checks have ended.
        state = snapshotState([bundleDir], [taintPath(root)]);

        const commandChecks: CommandCheck[] = [
          ...quality.checks.map((q) => ({
            name: q.name,
            kind: 'quality' as const,
            command: q.command,
            expects: 'pass' as const,
            cwd: judged,
            timeoutMs: timeoutMs(q.timeout, quality),
            env: q.env,
            exclusive: q.exclusive,
          })),
          ...greenSteps.map((s) => ({
            name: `plan:${task.plan.indexOf(s) + 1}`,
            kind: 'plan' as const,
            description: s.description,
            command: s.command,
            expects: s.expects,
            cwd: judged,
            timeoutMs: timeoutMs(s.timeout, quality),
            env: {},
            exclusive: false,
          })),
        ];
        type Out = { check: CheckResult; raw: CommandResult; red: boolean };
        // Longest first, from the last run's timings; a duplicate of an earlier command (it will share
        // that command's run) goes last so it does not hold a worker while it waits.
        const timings = loadTimings(root);
        const seen = new Set<string>();
        const longest = new Map<string, number>();
        for (const c of commandChecks) {
          longest.set(sharedRunKey(c), Math.max(longest.get(sharedRunKey(c)) ?? 0, c.timeoutMs));
        }
        for (const c of commandChecks) c.runTimeoutMs = longest.get(sharedRunKey(c));
        const expected = (
          tree: 'judged' | 'red',
          c: { cwd: string; command: string; env: Record<string, string> },
        ) => {
          const key = sharedRunKey(c);
          if (seen.has(key)) return 0;
          seen.add(key);
          return timings[timingKey(tree, c.command)];
        };
        const jobsList: PoolJob<Out>[] = [
          ...commandChecks.map((c) => ({
            exclusive: c.exclusive,
            expectedMs: expected('judged', c),
            run: async () => ({ ...(await runCheck(c, runEnv)), red: false }),
          })),
          ...(redDir
            ? redSteps.map((s, i) => ({
                expectedMs: expected('red', { cwd: redDir, command: s.command, env: {} }),
                run: async () => ({
                  ...(await runCheck(
                    {
                      name: `red:${i + 1}`,
                      kind: 'tdd',
                      command: s.command,
                      expects: 'fail',
                      cwd: redDir,
                      timeoutMs: timeoutMs(s.timeout, quality),
                      env: {},
                      exclusive: false,
                    },
                    { ...runEnv, log: silentLogger },
                  )),
                  red: true,
                }),
              }))
            : []),
        ];
        const outs = failedAlready()
          ? jobsList.map(() => undefined)
          : await runPool(jobsList, {
              jobs,
              failFast,
              isFailure: (o) => !o.red && o.check.outcome !== 'pass',
            });
        if (opts.signal?.aborted) {
          throw new GuardianError('validation interrupted: every check was stopped; no verdict written');
        }
        const ran = outs.filter((o): o is Out => o !== undefined);
        saveTimings(
          root,
          timings,
          Object.fromEntries(
            ran.map((o) => [timingKey(o.red ? 'red' : 'judged', o.raw.command), o.raw.durationMs]),
          ),
        );
        checks.push(...ran.filter((o) => !o.red).map((o) => o.check));
        notRun = outs.filter((o, i) => o === undefined && i < commandChecks.length).length;
        const redOuts = ran.filter((o) => o.red);
        if (redDir && redOuts.length === redSteps.length) {
          const tdd = redGreen(
            redSteps,
            redOuts.map((o) => o.raw),
            testPaths,
          );
          log.info(`  ${tdd.outcome === 'pass' ? '✓' : '✗'} ${tdd.name}`);
          checks.push(tdd);
        } else if (redSteps.length === 0) {
          checks.push(redGreen([], [], testPaths));
        } else {
          notRun++;
        }
        if (!quality.guard.allowSkipMarkers && !opts.signal?.aborted) {
          const base = async () => {
            const wt = addWorktree(root, baseCommit);
            worktrees.push(wt);
            const setup = await prepareTree(root, wt.dir, quality, runEnv, 'base', true);
            return setup.every((c) => c.outcome === 'pass') ? wt.dir : undefined;
          };
          await checkTestsRan(ran, redSteps, redOuts, task.plan, added, base, (s, cwd) =>
            runCheck(
              {
                name: 'base',
                kind: 'tdd',
                command: s.command,
                expects: 'pass',
                cwd,
                timeoutMs: timeoutMs(s.timeout, quality),
                env: {},
                exclusive: false,
              },
              { ...runEnv, log: silentLogger },
            ).then((r) => r.raw),
          );
          if (opts.signal?.aborted) {
            throw new GuardianError('validation interrupted: every check was stopped; no verdict written');
          }
        }

        // Every check has ended: whatever still works in their worktrees was left behind (a daemon that
        // left its process group and cleared its environment escapes the per-command sweep).
        const leftovers = killWorkingIn(worktrees.map((w) => w.dir));
        if (leftovers > 0) {
          log.warn(
            `${leftovers} process(es) the checks started were still running in their worktrees; killed`,
          );
          checks.push({
            name: 'guard:processes',
            kind: 'guard',
            description: 'nothing the checks started is still running when they have all ended',
            exitCode: null,
            durationMs: 0,
            outcome: 'fail',
            outputTail: `${leftovers} process(es) the checks started were still running in the checks' worktrees after every check had ended; killed (code under test must not leave anything running)`,
            diagnostics: [],
          });
        }
        const stateChanges = restoreState(state);
        state = undefined;
        if (stateChanges.length) {
          log.warn(
            `the checks changed Guardian's own files: ${stateChanges.map((c) => `${c.path} ${c.change}`).join('; ')}`,
          );
          checks.push(stateCheck(root, stateChanges));
        }
        if (depsBefore) {
          const changes = compareDependencies(depsBefore);
          if (changes.length) {
            log.warn(
              `the checks modified the dependency folders: ${changes
                .slice(0, 5)
                .map((c) => `${c.path} ${c.change}`)
                .join('; ')}${changes.length > 5 ? `; ${changes.length} in all` : ''}`,
            );
            try {
              writeTaint(root, task.id, startedAt.toISOString(), changes, taint);
            } catch (e) {
              log.warn(
                `guard:deps: could not write the finding down for the next validation: ${(e as Error).message}`,
              );
            }
            const deps = depsCheck({
              during: changes,
              ...(taint ? { still: taint } : {}),
              ...(depsBefore.capped ? { cappedAt: depsBefore.maxEntries } : {}),
            })!;
            const at = checks.findIndex((c) => c.name === deps.name);
            if (at >= 0) checks[at] = deps;
            else checks.push(deps);
          }
        }
        gitDirChecked = true;
        const gitChanges = restoreGitDir(watched);
        if (gitChanges.length) {
          const shown = (c: GitDirChange) =>
            `${shownGitPath(root, watched, c.path)} ${c.change}${c.restored ? ', put back' : ', NOT put back: check it'}`;
          log.warn(`the checks changed the repository's git settings: ${gitChanges.map(shown).join('; ')}`);
          checks.push({
            name: 'guard:git-dir',
            kind: 'guard',
            description:
              "the checks leave the repository's git settings (config, hooks, info), its refs and the global git config as they found them",
            exitCode: null,
            durationMs: 0,
            outcome: 'fail',
            outputTail: `the checks changed the repository's git settings, which a later git command would obey:\n${gitChanges.map(shown).join('\n')}`,
            diagnostics: gitChanges.map((c) => ({
              file: shownGitPath(root, watched, c.path),
              line: 1,
              message: `${c.change} by a check during validation${c.restored ? ' (put back as it was)' : ''}`,
              tool: 'guard',
            })),
          });
        }

        // Checks that ran in the working tree must not have changed it: the commit would differ from
        // what was judged (a test writing a file that is not git-ignored, a formatter run in write mode).
        if (inPlace) {
          const after = workingTreeTree(root);
          if (after !== tree) {
            const touched = changedFiles(root, tree, after);
            checks.push({
              name: 'guard:unchanged-tree',
              kind: 'guard',
              description: 'the checks leave the working tree as they found it',
              exitCode: null,
              durationMs: 0,
              outcome: 'fail',
              outputTail: `the checks changed the working tree (git-ignore what they write, or stop them writing):\n${touched
                .map((f) => `${f.status} ${f.path}`)
                .join('\n')}`,
              diagnostics: touched.map((f) => ({
                file: f.path,
                line: 1,
                message: `written by a check during validation (${f.status})`,
                tool: 'guard',
              })),
            });
          }
        } else if (judgedBefore) {
          // In a clean worktree a check may write new files (build output), but not rewrite the change's
          // own: a test that writes the implementation into the worktree before importing it would pass
          // on code that is not what gets committed.
          const after = workingTreeTree(judged);
          const touched =
            after === judgedBefore
              ? []
              : changedFiles(judged, judgedBefore, after).filter((f) => f.status !== 'A');
          if (touched.length) {
            checks.push({
              name: 'guard:unchanged-tree',
              kind: 'guard',
              description: "the checks leave the judged tree's files as they found them",
              exitCode: null,
              durationMs: 0,
              outcome: 'fail',
              outputTail: `the checks changed files of the judged tree, so they did not judge the change as it will be committed:\n${touched
                .map((f) => `${f.status} ${f.oldPath ?? f.path}`)
                .join('\n')}`,
              diagnostics: touched.map((f) => ({
                file: f.oldPath ?? f.path,
                line: 1,
                message: `${f.status === 'D' ? 'removed' : f.status === 'R' ? `renamed to ${f.path}` : 'rewritten'} by a check during validation: the checks ran on other code than the change holds`,
                tool: 'guard',
              })),
            });
          }
        }
      } finally {
        // Interrupted or failed: the settings are still put back.
        if (gitDir && !gitDirChecked) restoreGitDir(gitDir);
        if (state) restoreState(state);
      }

      const { verdict, summary } = summarize(checks, notRun);
      // What the checks printed (a failing test's assertion, a file's name) is redacted like the bundle.
      const result: ValidationReport = await redactStrings({
        schemaVersion: VALIDATION_SCHEMA_VERSION,
        taskId: task.id,
        verdict,
        baseCommit,
        patchSha256,
        patchSource: fromBundle ? 'bundle' : 'working-tree',
        judgedIn: inPlace ? 'in-place' : 'clean-worktree',
        changedFiles: changed.map((f) => f.path),
        startedAt: startedAt.toISOString(),
        durationMs: Date.now() - startedAt.getTime(),
        checks,
        summary,
      });
      writeBundleFile(bundleDir, 'validation.json', JSON.stringify(result, null, 2) + '\n');
      writeBundleFile(
        bundleDir,
        'validation.md',
        renderMarkdown(
          `Validation of ${task.id}`,
          [
            `Task: ${task.title}`,
            `Base commit: \`${baseCommit}\``,
            `Patch: ${fromBundle ? '`changes.patch`' : 'the working tree'}, sha256 \`${patchSha256}\`, ${changed.length} file(s), judged ${inPlace ? 'in place' : 'in a clean worktree of the base'}`,
            `Duration: ${(result.durationMs / 1000).toFixed(1)} s`,
          ],
          result.checks,
          verdict,
          result.summary,
        ),
      );
      return {
        result,
        record: {
          verdict,
          note: summary.slice(0, 500),
          ...(verdict === 'fail' ? { status: 'failed' as const } : {}),
        },
      };
    } finally {
      for (const wt of worktrees) wt.remove();
    }
  });
  return {
    report,
    bundleDir,
    reportPath: join(bundleDir, 'validation.json'),
    markdownPath: join(bundleDir, 'validation.md'),
  };
}
