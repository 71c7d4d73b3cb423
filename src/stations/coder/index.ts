/**
 * The Coder station: a tool-calling loop that turns the Task Bundle into a change, test first.
 *
 * The model works in the repository's working tree through the tools of tools.ts (sandboxed, TDD
 * phases enforced). Budgets (turns, tokens, wall time, cost) are enforced here, outside the model. On
 * every way out — finished, budget, model error, bug, interruption — the station writes
 * `changes.patch`, `transcript.jsonl` and `coder.json`, and records itself in the manifest.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatCompletionMessageFunctionToolCall } from 'openai/resources/chat/completions';
import {
  bundleDirFor,
  bundleFieldError,
  checkBundleWritable,
  isJsonObject,
  readBundleBytes,
  readBundleFile,
  readBundleJson,
  manifestBase,
  readManifest,
  recordStation,
  writeBundleFile,
  type Manifest,
  type StationRecord,
  type Usage,
} from '../../bundle/bundle.js';
import { ConfigurationError, GuardianError, errorMessage } from '../../errors.js';
import { execGit } from '../../git/git.js';
import { includedWorkTreeFiles } from '../../git/gitdir.js';
import {
  Budget,
  createChatClient,
  howToConfigureModel,
  LlmAbortedError,
  LlmError,
  resolveBudget,
  withoutCredentials,
  type AssistantMessage,
  type BudgetLimits,
  type BudgetOverrides,
  type BudgetStop,
  type ChatMessage,
  type LlmConfig,
  type ModelPrice,
  type StopReason,
} from '../../llm/index.js';
import { errorsOf, fsSource, gitSource, loadProject, requireQuality, requireTask } from '../../spec/index.js';
import type { Blueprint, QualityConfig } from '../../spec/types.js';
import { DEFAULT_CHECK_TIMEOUT_SECONDS, DEFAULT_PROTECTED } from '../../spec/types.js';
import { sha256 } from '../../util/fs.js';
import { onExit } from '../../util/temp.js';
import { silentLogger, type Logger } from '../../util/log.js';
import { readValidationReport } from '../validator/report-file.js';
import type { ValidationReport } from '../validator/types.js';
import { plainText } from '../../exec/output.js';
import { diffWorkingTree } from './patch.js';
import { feedbackFromValidation, firstUserMessage, systemPrompt } from './prompt.js';
import { Redactor } from './redact.js';
import { Sandbox } from './sandbox.js';
import { shownText } from './shown.js';
import type { Phase, RedProof, TestRunRecord } from './tdd.js';
import { CoderTools, toolDefinitions, type AllowedCommand } from './tools.js';
import { Transcript } from './transcript.js';

/** A tool name as the model sent it, for the log: a name that is not a plain identifier is quoted. */
function shownToolName(name: string): string {
  return /^[\w.-]{1,64}$/.test(name) ? name : JSON.stringify(name.slice(0, 64));
}

export { Sandbox } from './sandbox.js';
export { isTestPath } from './tdd.js';
export type { Phase, RedProof, TestRunRecord } from './tdd.js';
export { diffWorkingTree } from './patch.js';

export const CODER_SCHEMA_VERSION = 1;
export const DEFAULT_MAX_ATTEMPTS = 3;
/** Request timeout per model call (each call is also capped by the remaining wall time). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 300_000;
/** Beyond this many characters of conversation, old tool outputs are elided to keep the context small. */
const CONTEXT_CHAR_LIMIT = 320_000;
/** A failed or unrun call's arguments longer than this are not sent back to the model in full. */
const REFUSED_ARGUMENTS_KEPT = 2_000;
/** Consecutive replies without a tool call before the run ends as `model_stopped`. */
const MAX_IDLE_REPLIES = 3;
/**
 * The most tool calls of one model reply that are run; the others are answered "not run". One reply of
 * 4,000 read_file calls (0.27 MB) made an 82 MB transcript and 600 MB of memory before this bound.
 */
export const MAX_TOOL_CALLS_PER_REPLY = 32;
/** Once the results of one reply's calls reach this many characters, its remaining calls are not run. */
export const MAX_TOOL_RESULT_CHARS_PER_REPLY = 160_000;
/** Tool calls of one reply named in the log line and listed in the transcript's `model` event. */
const LISTED_CALLS = MAX_TOOL_CALLS_PER_REPLY;

export interface RunCoderOptions {
  root: string;
  taskId: string;
  log?: Logger;
  /** The model to use (see resolveLlmConfig); undefined means none is configured: the by-hand flow. */
  llm?: LlmConfig;
  /** Default `<root>/.guardian/bundles/<TASK-ID>`. */
  bundleDir?: string;
  /** 1-based; attempts after the first take the Validator's report as feedback. */
  attempt?: number;
  maxAttempts?: number;
  budget?: BudgetOverrides;
  /** The host's environment: the base of the test commands' (scrubbed) environment, and the secrets to redact. */
  env?: NodeJS.ProcessEnv;
  /** Aborts the run (SIGINT); outputs are still written. */
  signal?: AbortSignal;
  requestTimeoutMs?: number;
  maxRetries?: number;
  /** Price for a model the built-in table does not know. */
  price?: ModelPrice;
  temperature?: number;
}

export interface CoderResult {
  taskId: string;
  bundleDir: string;
  attempt: number;
  stopReason: StopReason;
  /** One line: why the run stopped. */
  message: string;
  /** True only when the model finished with passing tests. */
  ok: boolean;
  model?: string;
  usage: Usage;
  turns: number;
  phase: Phase;
  redProof?: RedProof;
  changedFiles: string[];
  patchPath?: string;
  patchSha256?: string;
  /** The model's own summary (finish). */
  summary?: string;
  /** For the by-hand flow: what to do next. */
  instructions?: string;
}

/** coder.json: the summary of the last attempt, plus the earlier ones. */
export interface CoderReport {
  schemaVersion: typeof CODER_SCHEMA_VERSION;
  taskId: string;
  attempt: number;
  baseCommit: string;
  model?: string;
  baseUrl?: string;
  stopReason: StopReason;
  message: string;
  startedAt: string;
  durationMs: number;
  turns: number;
  usage: Usage;
  /** Whether the price table knows the model (cost 0 otherwise). */
  priced?: boolean;
  budget?: BudgetLimits;
  tddEnforced: boolean;
  phase: Phase;
  redProof?: RedProof;
  testRuns: TestRunRecord[];
  filesWritten: string[];
  changedFiles: string[];
  patchSha256?: string;
  summary?: string;
  history: Omit<CoderReport, 'history'>[];
}

interface TaskInputs {
  bundleDir: string;
  manifest: Manifest;
  blueprint: Blueprint;
  quality?: QualityConfig;
  taskContext: string;
}

/**
 * The blueprint and quality.toml as they are at the bundle's base commit (so the change cannot widen its
 * own allowed commands or protected paths); the working tree when the blueprint is not committed yet.
 */
export function loadCoderInputs(
  root: string,
  taskId: string,
  bundleDir = bundleDirFor(root, taskId),
  log: Logger = silentLogger,
): TaskInputs {
  const manifest = readManifest(bundleDir, taskId);
  manifestBase(root, bundleDir, manifest);
  let project = loadProject(root, gitSource(root, manifest.baseCommit));
  if (!project.tasks.some((t) => t.id === taskId)) {
    log.warn(
      `task ${taskId} is not in the base commit ${manifest.baseCommit.slice(0, 12)}: using the working tree's specs`,
    );
    project = loadProject(root, fsSource(root));
  }
  const blueprint = requireTask(project, taskId);
  const quality = errorsOf(project.problems, 'quality.toml').length
    ? requireQuality(project, `commit ${manifest.baseCommit.slice(0, 12)}`)
    : project.quality;
  const taskContext = readBundleFile(bundleDir, 'task_context.md');
  if (taskContext === undefined) {
    throw new ConfigurationError(
      `${join(bundleDir, 'task_context.md')} is missing: run \`guardian bundle ${taskId}\` first`,
    );
  }
  // What the station writes: refused now, before the model spends anything.
  checkBundleWritable(bundleDir, ['changes.patch', 'coder.json', 'transcript.jsonl']);
  return { bundleDir, manifest, blueprint, ...(quality ? { quality } : {}), taskContext };
}

/** The test commands the model may run: the verification plan's steps and quality.toml's checks. */
export function allowedCommands(blueprint: Blueprint, quality?: QualityConfig): AllowedCommand[] {
  const defaultTimeout = (quality?.validator.defaultTimeout ?? DEFAULT_CHECK_TIMEOUT_SECONDS) * 1000;
  const out: AllowedCommand[] = [];
  const seen = new Map<string, AllowedCommand>();
  blueprint.plan.forEach((step, i) => {
    const command = step.command.trim();
    const existing = seen.get(command);
    const isDefault = step.stage === 'final-submit';
    if (existing) {
      existing.isDefault ||= isDefault;
      return;
    }
    const c: AllowedCommand = {
      name: command,
      command,
      timeoutMs: step.timeout ? step.timeout * 1000 : defaultTimeout,
      env: {},
      isDefault,
      source: `verification plan step ${i + 1}`,
    };
    seen.set(command, c);
    out.push(c);
  });
  const planHasDefault = out.some((c) => c.isDefault);
  for (const check of quality?.checks ?? []) {
    const command = check.command.trim();
    const existing = seen.get(command);
    if (existing) {
      if (existing.name === existing.command) existing.name = check.name;
      existing.env = { ...check.env, ...existing.env };
      continue;
    }
    const c: AllowedCommand = {
      name: check.name,
      command,
      timeoutMs: check.timeout ? check.timeout * 1000 : defaultTimeout,
      env: check.env,
      isDefault: !planHasDefault && /test|spec/i.test(`${check.name} ${command}`),
      source: `quality.toml [quality_checks] ${check.name}`,
    };
    seen.set(command, c);
    out.push(c);
  }
  return out;
}

/** The previous attempt's coder.json (another schema version is ignored; a damaged one is refused). */
function readPreviousReport(bundleDir: string): CoderReport | undefined {
  const r = readBundleJson(bundleDir, 'coder.json', (doc, file) => {
    if (!isJsonObject(doc)) throw bundleFieldError(file, '(top level)', 'a coder report (an object)', doc);
    if (doc.schemaVersion !== CODER_SCHEMA_VERSION) return undefined;
    if (doc.history !== undefined && !(Array.isArray(doc.history) && doc.history.every(isJsonObject)))
      throw bundleFieldError(file, 'history', 'an array of earlier attempts (objects)', doc.history);
    if (doc.redProof !== undefined && !isJsonObject(doc.redProof))
      throw bundleFieldError(file, 'redProof', 'an object', doc.redProof);
    return doc as unknown as CoderReport;
  });
  return r;
}

function readValidation(bundleDir: string): ValidationReport | undefined {
  return readValidationReport(bundleDir);
}

/** What to tell a developer who has no model configured. */
export function byHandInstructions(root: string, taskId: string, bundleDir: string): string {
  const rel = bundleDir.startsWith(root) ? bundleDir.slice(root.length + 1) || '.' : bundleDir;
  return [
    `No model is configured for the Coder, so nothing was changed.`,
    `The Task Bundle is ready: ${rel}/`,
    `  ${rel}/task_context.md   the task, rules, relevant code, security considerations and verification plan`,
    ``,
    `To continue by hand:`,
    `  1. Give task_context.md to your own assistant (or read it yourself) and implement the task in this`,
    `     working tree, test first: a failing test for the acceptance criteria, then the code.`,
    `  2. Run \`guardian run ${taskId} --resume\` to validate the change and complete the task.`,
    ``,
    `To let Guardian's Coder do it: ${howToConfigureModel('coder')}.`,
  ].join('\n');
}

interface NormalizedCall {
  id: string;
  name: string;
  /** Always a string: some OpenAI-compatible servers send an object. */
  arguments: string;
}

/**
 * The function calls of a reply in one shape, whatever the server sent: a missing id gets one (the
 * tool answer must name it), object arguments become JSON text. Calls of other tool types are dropped
 * (and counted) since only function tools exist.
 */
function normalizeCalls(m: AssistantMessage, turn: number): { calls: NormalizedCall[]; other: number } {
  const all = m.tool_calls ?? [];
  const fns = all.filter((c): c is ChatCompletionMessageFunctionToolCall => c.type === 'function' || !c.type);
  const calls = fns.map((c, i) => {
    const raw: unknown = c.function?.arguments;
    return {
      id: typeof c.id === 'string' && c.id ? c.id : `call_${turn}_${i}`,
      name: typeof c.function?.name === 'string' ? c.function.name : '',
      arguments: typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : JSON.stringify(raw),
    };
  });
  return { calls, other: all.length - fns.length };
}

function assistantParam(content: string | null | undefined, calls: NormalizedCall[]): ChatMessage {
  return {
    role: 'assistant',
    content: content ?? null,
    ...(calls.length
      ? {
          tool_calls: calls.map((c) => ({
            id: c.id,
            type: 'function' as const,
            function: { name: c.name, arguments: c.arguments },
          })),
        }
      : {}),
  };
}

/** The function calls of an assistant message as it is sent back (their arguments can be replaced). */
function functionCalls(m: ChatMessage): { function: { name: string; arguments: string } }[] {
  if (m.role !== 'assistant' || !m.tool_calls) return [];
  return m.tool_calls.flatMap((c) => (c.type === 'function' ? [c] : []));
}

/** What a call's arguments are sent back as once elided (still a JSON object, as the API expects). */
function elidedArguments(length: number, why: string): string {
  return JSON.stringify({ elided: `${length} characters of arguments, ${why}` });
}

/** The characters of a message that count towards the context: its text and its calls' arguments. */
function messageChars(m: ChatMessage): number {
  const text = typeof m.content === 'string' ? m.content.length : 0;
  return functionCalls(m).reduce((a, c) => a + c.function.arguments.length, text);
}

/**
 * Elides the oldest tool outputs and tool-call arguments (a file written long ago) once the
 * conversation gets long: the model can read files again.
 */
function compact(messages: ChatMessage[]): void {
  const size = () => messages.reduce((a, m) => a + messageChars(m), 0);
  if (size() <= CONTEXT_CHAR_LIMIT) return;
  for (let i = 2; i < messages.length - 12 && size() > CONTEXT_CHAR_LIMIT * 0.7; i++) {
    const m = messages[i]!;
    if (m.role === 'tool' && typeof m.content === 'string' && m.content.length > 400) {
      m.content = `[earlier tool output elided to save context: ${m.content.length} characters]`;
    }
    for (const c of functionCalls(m)) {
      if (c.function.arguments.length > 400)
        c.function.arguments = elidedArguments(c.function.arguments.length, 'elided to save context');
    }
  }
}

/** The first line of a message, at most 200 characters. */
function firstLine(s: string): string {
  const l = s.split('\n')[0] ?? '';
  return l.length > 200 ? `${l.slice(0, 199)}…` : l;
}

/**
 * A few turns of the event loop: a SIGINT that arrived while this process was blocked in a synchronous
 * git call has been handled by then (libuv hands it over in a later poll, not always the next one).
 */
async function signalsDelivered(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 1));
}

/** coder.json's message for an attempt ended by a second interrupt. */
export const QUIT_MESSAGE =
  'quit at once (interrupted twice): changes.patch was not written; the edits stay in the working tree';

const clip = (s: string, n = 20_000) =>
  s.length > n ? `${s.slice(0, n)}[… ${s.length - n} characters cut]` : s;

export async function runCoder(opts: RunCoderOptions): Promise<CoderResult> {
  const log = opts.log ?? silentLogger;
  const attempt = opts.attempt ?? 1;
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new ConfigurationError(`--attempt must be a positive integer, got ${attempt}`);
  if (attempt > maxAttempts) {
    throw new ConfigurationError(
      `attempt ${attempt} is more than the configured maximum of ${maxAttempts} attempts`,
    );
  }
  const inputs = loadCoderInputs(opts.root, opts.taskId, opts.bundleDir, log);
  const { bundleDir, manifest, blueprint, quality } = inputs;
  const root = opts.root;

  if (!opts.llm) {
    const instructions = byHandInstructions(root, opts.taskId, bundleDir);
    const message = 'no model configured: continue by hand';
    await recordStation(bundleDir, opts.taskId, 'code', async () => {
      const prev = readPreviousReport(bundleDir);
      const report: CoderReport = {
        schemaVersion: CODER_SCHEMA_VERSION,
        taskId: opts.taskId,
        attempt,
        baseCommit: manifest.baseCommit,
        stopReason: 'no_model',
        message,
        startedAt: new Date().toISOString(),
        durationMs: 0,
        turns: 0,
        usage: { promptTokens: 0, completionTokens: 0, cachedTokens: 0, costUsd: 0 },
        tddEnforced: false,
        phase: 'red',
        testRuns: [],
        filesWritten: [],
        changedFiles: [],
        history: historyOf(prev),
      };
      writeBundleFile(bundleDir, 'coder.json', JSON.stringify(report, null, 2) + '\n');
      return {
        result: undefined,
        record: { status: 'skipped', stopReason: 'no_model', attempt, note: message },
      };
    });
    return {
      taskId: opts.taskId,
      bundleDir,
      attempt,
      stopReason: 'no_model',
      message,
      ok: false,
      usage: { promptTokens: 0, completionTokens: 0, cachedTokens: 0, costUsd: 0 },
      turns: 0,
      phase: 'red',
      changedFiles: [],
      instructions,
    };
  }

  const llm = opts.llm;
  const limits = resolveBudget(quality, opts.budget);
  const previous = attempt > 1 ? readPreviousReport(bundleDir) : undefined;
  let feedback: string | undefined;
  if (attempt > 1) {
    const validation = readValidation(bundleDir);
    if (!validation)
      log.warn(
        `attempt ${attempt}: no validation.json in the bundle, so there is no Validator feedback to use`,
      );
    else feedback = feedbackFromValidation(validation);
    restorePreviousWork(root, bundleDir, manifest.baseCommit, log);
  }

  if (attempt === 1 && readPreviousReport(bundleDir) && readValidation(bundleDir)?.verdict === 'fail') {
    log.warn(
      `the Validator rejected the previous attempt: run with --attempt 2 (or higher) to give the model its report`,
    );
  }
  const head = execGit(['rev-parse', 'HEAD'], { cwd: root }).stdout.trim();
  if (head !== manifest.baseCommit) {
    log.warn(
      `HEAD ${head.slice(0, 12)} is not the bundle's base commit ${manifest.baseCommit.slice(0, 12)}: changes.patch will include the difference`,
    );
  } else if (attempt === 1) {
    const already = diffWorkingTree(root, manifest.baseCommit).files;
    if (already.length) {
      log.warn(
        `the working tree already differs from the base in ${already.length} file(s) (${shownText(already.slice(0, 5).join(', '))}${already.length > 5 ? ', …' : ''}); they will be part of changes.patch`,
      );
    }
  }
  const commands = allowedCommands(blueprint, quality);
  const tddEnforced = commands.some((c) => c.isDefault);
  const earlierRed = previous?.redProof ?? previous?.history.find((h) => h.redProof)?.redProof;
  const phase: Phase = !tddEnforced || earlierRed ? 'green' : 'red';
  const env = opts.env ?? process.env;
  const secretEnv = [...(quality?.validator.secretEnv ?? [])];
  // Any variable holding the API key is scrubbed from test commands, whatever its name.
  for (const [k, v] of Object.entries(env)) if (v && v === llm.apiKey) secretEnv.push(k);
  const redactor = Redactor.fromEnv(env, [{ value: llm.apiKey, label: 'api-key' }], secretEnv);
  const protectedPatterns = quality?.guard.protected ?? DEFAULT_PROTECTED;
  const sandbox = new Sandbox(root, protectedPatterns, includedWorkTreeFiles(root));
  const budget = new Budget(limits, opts.signal ? { signal: opts.signal } : {});
  const tools = new CoderTools(
    {
      root,
      sandbox,
      commands,
      env,
      secretEnv,
      relevantTests: blueprint.relevantTests,
      signal: budget.signal,
      remainingMs: () => budget.remainingMs(),
      log,
    },
    phase,
  );
  if (earlierRed) tools.redProof = earlierRed;
  const client = createChatClient({
    baseUrl: llm.baseUrl,
    apiKey: llm.apiKey,
    model: llm.model,
    ...(llm.sources?.apiKey ? { apiKeySource: llm.sources.apiKey } : {}),
    timeoutMs: opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    ...(opts.maxRetries !== undefined ? { maxRetries: opts.maxRetries } : {}),
    ...(opts.price ? { price: opts.price } : {}),
    log,
  });
  if (limits.maxCostUsd !== undefined && !client.priced) {
    log.warn(
      `model '${llm.model}' is not in the price table: the cost budget cannot be enforced (turn, token and time budgets still are)`,
    );
  }
  const transcript = new Transcript(
    join(bundleDir, 'transcript.jsonl'),
    redactor,
    { attempt },
    { truncate: attempt === 1 },
  );
  const startedAt = new Date();

  // Whatever fails once the model has been called, the manifest records the tokens spent: the
  // Supervisor reports a station's usage from it. The error is thrown once it is recorded.
  let failedAfter: { error: unknown } | undefined;
  // A second Ctrl-C quits at once, before `work` returns: coder.json still records this attempt —
  // what it spent, its turns and test runs — stopped `aborted`, without a patch (the edits stay in the
  // working tree). Written synchronously, at exit; the station stays `running` in the manifest.
  /** coder.json for this attempt as it stands: what every ending records. */
  const reportNow = (stopReason: CoderReport['stopReason'], message: string): CoderReport => ({
    schemaVersion: CODER_SCHEMA_VERSION,
    taskId: opts.taskId,
    attempt,
    baseCommit: manifest.baseCommit,
    model: llm.model,
    baseUrl: withoutCredentials(llm.baseUrl),
    stopReason,
    message,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    turns: budget.turns,
    usage: budget.usage,
    priced: client.priced,
    budget: limits,
    tddEnforced,
    phase: tools.phase,
    // A command comes from quality.toml or the plan, which may hold a secret value.
    testRuns: tools.testRuns.map((r) => ({ ...r, command: redactor.literal(r.command) })),
    filesWritten: [...tools.written].sort(),
    changedFiles: [],
    history: historyOf(readPreviousReport(bundleDir)),
  });
  const forgetQuit = onExit(() => {
    if (!opts.signal?.aborted) return;
    try {
      writeBundleFile(
        bundleDir,
        'coder.json',
        JSON.stringify(reportNow('aborted', QUIT_MESSAGE), null, 2) + '\n',
      );
    } catch {
      // Quitting: an unwritable bundle keeps the transcript, whose `model` lines hold the usage.
    }
  });
  let result: CoderResult | undefined;
  try {
    result = await recordStation(bundleDir, opts.taskId, 'code', async () => {
      try {
        return await work();
      } catch (e) {
        failedAfter = { error: e };
        return {
          result: undefined,
          record: {
            status: 'failed' as const,
            usage: budget.usage,
            stopReason: 'error',
            attempt,
            note: errorMessage(e).slice(0, 300),
          },
        };
      }
    });
  } finally {
    forgetQuit();
  }
  if (failedAfter) throw failedAfter.error;
  return result!;

  async function work(): Promise<{ result: CoderResult; record: Partial<StationRecord> }> {
    let stop: BudgetStop | undefined;
    let summary: string | undefined;
    let failure: unknown;
    try {
      // Redacted whole: the task context (a bundle may come from elsewhere) and the commands of the
      // verification plan and quality.toml, which reach the model from here, not through the Bundler.
      const sys = await redactor.full(
        systemPrompt({
          taskId: opts.taskId,
          taskContext: inputs.taskContext,
          commands,
          protectedPatterns,
          phase,
          tddEnforced,
        }),
      );
      const first = firstUserMessage({ phase, tddEnforced, attempt, ...(feedback ? { feedback } : {}) });
      const messages: ChatMessage[] = [
        { role: 'system', content: sys },
        { role: 'user', content: await redactor.full(first) },
      ];
      const defs = toolDefinitions();
      await transcript.write({
        type: 'start',
        taskId: opts.taskId,
        baseCommit: manifest.baseCommit,
        model: llm.model,
        baseUrl: withoutCredentials(llm.baseUrl),
        budget: limits,
        phase,
        tddEnforced,
        commands: commands.map((c) => ({ name: c.name, command: c.command, default: c.isDefault })),
      });
      await transcript.write({ type: 'message', role: 'system', content: sys });
      await transcript.write({ type: 'message', role: 'user', content: messages[1]!.content as string });
      let idle = 0;
      while (!stop) {
        stop = budget.beginTurn();
        if (stop) break;
        const turn = budget.turns;
        tools.turn = turn;
        compact(messages);
        const t0 = Date.now();
        let res;
        try {
          res = await client.complete({
            messages,
            tools: defs,
            signal: budget.signal,
            timeoutMs: Math.max(
              1,
              Math.min(opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, budget.remainingMs()),
            ),
            ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
          });
        } catch (e) {
          if (e instanceof LlmAbortedError || budget.signal.aborted) {
            stop = budget.exhausted() ?? { reason: 'aborted', message: 'interrupted' };
          } else if (e instanceof LlmError) {
            stop = { reason: 'llm_error', message: e.message };
            failure = e;
          } else throw e;
          break;
        }
        budget.record(res.usage);
        const { calls, other } = normalizeCalls(res.message, turn);
        await transcript.write({
          type: 'model',
          turn,
          phase: tools.phase,
          finishReason: res.finishReason,
          usage: res.usage,
          httpAttempts: res.attempts,
          durationMs: Date.now() - t0,
          content: res.message.content ?? null,
          toolCalls: calls
            .slice(0, LISTED_CALLS)
            .map((c) => ({ id: c.id, name: c.name, arguments: clip(c.arguments) })),
          ...(calls.length > LISTED_CALLS ? { toolCallsNotListed: calls.length - LISTED_CALLS } : {}),
          ...(other ? { unsupportedToolCalls: other } : {}),
          ...(res.message.refusal ? { refusal: res.message.refusal } : {}),
        });
        // A reply with neither text nor a call goes back with text: the API requires an assistant
        // message's content unless it has tool calls (a refusal comes back as what the model said).
        const text =
          calls.length || res.message.content ? res.message.content : res.message.refusal || '(no reply)';
        const sent = assistantParam(text, calls);
        messages.push(sent);
        // The arguments of a call that was refused or not run go back to the model in full only when
        // short: one reply's megabytes of refused arguments would otherwise be paid for on every turn.
        const sentCalls = functionCalls(sent);
        const elideRefused = (index: number) => {
          const c = sentCalls[index];
          if (c && c.function.arguments.length > REFUSED_ARGUMENTS_KEPT)
            c.function.arguments = elidedArguments(
              c.function.arguments.length,
              'not repeated: the call failed',
            );
        };
        const named =
          calls
            .slice(0, LISTED_CALLS)
            .map((c) => shownToolName(c.name))
            .join(', ') + (calls.length > LISTED_CALLS ? `, … (${calls.length} calls)` : '');
        log.info(
          `turn ${turn}/${limits.maxTurns} (${tools.phase}): ${named || 'no tool call'} — ` +
            `${budget.totalTokens.toLocaleString('en-US')} tokens, $${budget.usage.costUsd.toFixed(4)} so far`,
        );
        if (calls.length === 0) {
          idle += 1;
          if (idle >= MAX_IDLE_REPLIES) {
            // Why, when the last reply says: a refusal, a content filter, a cut-off answer.
            const why = res.message.refusal
              ? `; it refused: ${shownText(firstLine(res.message.refusal), 200)}`
              : res.finishReason === 'content_filter'
                ? "; the server's content filter withheld its reply"
                : res.finishReason === 'length'
                  ? '; its reply was cut off by the length limit'
                  : '';
            stop = {
              reason: 'model_stopped',
              message: `the model answered ${idle} times in a row without using a tool${why}`,
            };
            break;
          }
          const nudge =
            res.finishReason === 'length'
              ? 'Your reply was cut off by the length limit. Continue in smaller steps, using the tools.'
              : other
                ? `Only function tools are available (${defs.map((d) => d.function.name).join(', ')}). Call one of them.`
                : 'Continue by calling the tools. When the work is complete and the tests pass, call finish with a summary.';
          messages.push({ role: 'user', content: nudge });
          await transcript.write({ type: 'message', role: 'user', turn, content: nudge });
          continue;
        }
        idle = 0;
        // Every call gets an answer (the API requires one per tool_call id), but only so many are run:
        // the rest get a one-line "not run", recorded once in the transcript.
        let resultChars = 0;
        const notRun: { id: string; name: string; reason: string }[] = [];
        for (const [index, call] of calls.entries()) {
          const phaseBefore = tools.phase;
          let content: string;
          let outcome;
          const over =
            index >= MAX_TOOL_CALLS_PER_REPLY
              ? `not run: too many tool calls in one reply (limit ${MAX_TOOL_CALLS_PER_REPLY})`
              : resultChars >= MAX_TOOL_RESULT_CHARS_PER_REPLY
                ? `not run: this reply's tool results reached ${MAX_TOOL_RESULT_CHARS_PER_REPLY} characters; call again in your next reply`
                : undefined;
          if (!stop && over) {
            messages.push({ role: 'tool', tool_call_id: call.id, content: over });
            notRun.push({ id: call.id, name: call.name, reason: over });
            elideRefused(index);
            continue;
          }
          if (stop) {
            content = 'not run: the run has ended';
          } else {
            outcome = await tools.execute(call.name, call.arguments);
            content = await redactor.full(outcome.content);
            if (!outcome.ok && res.finishReason === 'length')
              content +=
                '\n(Your reply was cut off by the length limit, which may have cut these arguments: write a large file in parts — write_file, then edit_file.)';
            // Encoded forms survive redaction: withhold the whole output rather than hand them over.
            const leaked = redactor.leaks(content);
            if (leaked.length) {
              content = `output withheld: it contained a secret of this process (${leaked.join(', ')}) in encoded form`;
              log.warn(
                `  ${shownToolName(call.name)}: output withheld (encoded secret: ${leaked.join(', ')})`,
              );
            }
            // The CLI's log is a terminal: what the model sent (echoed in errors) is shown, never interpreted.
            if (!outcome.ok)
              log.info(`  ${shownToolName(call.name)}: ${shownText(content.split('\n')[0]!, 160)}`);
          }
          resultChars += content.length;
          messages.push({ role: 'tool', tool_call_id: call.id, content });
          if (!outcome?.ok) elideRefused(index);
          await transcript.write({
            type: 'tool',
            turn,
            phase: phaseBefore,
            id: call.id,
            name: call.name,
            arguments: clip(call.arguments),
            ok: outcome?.ok ?? false,
            result: clip(content),
            ...(outcome?.testRuns ? { testRuns: outcome.testRuns } : {}),
          });
          if (outcome?.phaseChange) {
            // The proof keeps the failing output's tail, for coder.json: redacted like everything else.
            if (tools.redProof) tools.redProof = await redactProof(tools.redProof, redactor);
            await transcript.write({
              type: 'phase',
              turn,
              from: outcome.phaseChange.from,
              to: outcome.phaseChange.to,
              proof: outcome.phaseChange.proof,
            });
            log.info(`red confirmed: tests fail (${outcome.phaseChange.proof?.command}); phase green`);
          }
          if (outcome?.finished) {
            summary = outcome.finished.summary;
            stop = { reason: 'finished', message: 'the model finished with passing tests' };
          } else if (outcome?.incomplete) {
            stop = {
              reason: 'incomplete',
              message: `the model tried to finish too often while ${outcome.incomplete}`,
            };
          }
          if (!stop && budget.signal.aborted)
            stop = budget.exhausted() ?? { reason: 'aborted', message: 'interrupted' };
        }
        if (notRun.length) {
          const counts = new Map<string, number>();
          for (const n of notRun) counts.set(n.reason, (counts.get(n.reason) ?? 0) + 1);
          log.warn(
            `  ${notRun.length} of ${calls.length} tool calls of this reply not run (limits per reply)`,
          );
          await transcript.write({
            type: 'tools_not_run',
            turn,
            count: notRun.length,
            reasons: [...counts].map(([reason, count]) => ({ reason, count })),
            ids: notRun.slice(0, LISTED_CALLS).map((n) => n.id),
          });
        }
      }
    } catch (e) {
      failure = e;
      stop = { reason: 'error', message: `internal error: ${errorMessage(e)}` };
      log.error(`coder: ${errorMessage(e)}`);
    }
    stop ??= { reason: 'error', message: 'stopped without a reason' };

    // Outputs, whatever happened above.
    let patchSha: string | undefined;
    let changedFiles: string[] = [];
    let outputError: unknown;
    let leaked = false;
    const writePatch = () => {
      // A change that carries a secret this process holds (the model key, a token) never leaves it. The
      // new content of every changed file is read for it, not the patch: a binary patch (a NUL byte, or
      // a `-diff` attribute) is compressed and would hide the secret from a look at the patch text.
      const found = new Set<string>();
      const { patch, files, excluded } = diffWorkingTree(root, manifest.baseCommit, {
        inspect: (_path, content) => {
          for (const l of redactor.leaks(content.toString('latin1'))) found.add(l);
        },
      });
      if (excluded.length)
        log.info(
          `left out of changes.patch (links pointing outside the repository): ${shownText(excluded.join(', '))}`,
        );
      for (const l of redactor.leaks(patch.toString('latin1'))) found.add(l);
      const leaks = [...found].sort();
      leaked = leaks.length > 0;
      if (leaks.length) {
        stop = {
          reason: 'error',
          message: `the change contains a secret (${leaks.join(', ')}), plain or encoded: changes.patch not written`,
        };
        // A patch of an earlier attempt must not be judged in its place.
        rmSync(join(bundleDir, 'changes.patch'), { force: true });
        throw new GuardianError(stop.message);
      }
      writeBundleFile(bundleDir, 'changes.patch', patch);
      patchSha = sha256(patch);
      changedFiles = files;
    };
    try {
      writePatch();
    } catch (e) {
      outputError = e;
      // A Ctrl-C at the terminal reaches the git commands of the diff too (same process group): one it
      // killed fails before this process's own handler has aborted the signal. Once it has, the failure
      // is the interruption, not a fault: the run ends `aborted` with the tokens it spent, and the diff
      // is made once more (no Ctrl-C reaches it now but a second one, which quits) to keep the work.
      if (!leaked) await signalsDelivered();
      if (!leaked && opts.signal?.aborted) {
        outputError = undefined;
        const what = firstLine(errorMessage(e));
        try {
          writePatch();
          stop = { reason: 'aborted', message: `interrupted while changes.patch was written; written again` };
          log.warn(`${stop.message} (${what})`);
        } catch (again) {
          if (leaked) outputError = again;
          else {
            stop = {
              reason: 'aborted',
              message: `interrupted while changes.patch was written (${what}): changes.patch not written (${firstLine(errorMessage(again))})`,
            };
            log.warn(stop.message);
          }
        }
      }
      if (outputError) log.error(`could not write changes.patch: ${errorMessage(outputError)}`);
    }
    await transcript.write({
      type: 'stop',
      reason: stop.reason,
      message: stop.message,
      turns: budget.turns,
      usage: budget.usage,
      changedFiles,
      ...(patchSha ? { patchSha256: patchSha } : {}),
      ...(summary ? { summary } : {}),
      ...(failure ? { error: errorMessage(failure) } : {}),
    });
    await transcript.flush();
    budget.dispose();
    const report: CoderReport = {
      ...reportNow(stop.reason, plainText(await redactor.full(stop.message))),
      changedFiles,
      ...(tools.redProof ? { redProof: await redactProof(tools.redProof, redactor) } : {}),
      ...(patchSha ? { patchSha256: patchSha } : {}),
      ...(summary ? { summary: plainText(await redactor.full(summary)) } : {}),
    };
    writeBundleFile(bundleDir, 'coder.json', JSON.stringify(report, null, 2) + '\n');
    forgetQuit(); // this attempt's report is written: a quit from here on keeps it
    if (outputError) throw outputError;
    const ok = stop.reason === 'finished';
    const res: CoderResult = {
      taskId: opts.taskId,
      bundleDir,
      attempt,
      stopReason: stop.reason,
      message: report.message,
      ok,
      model: llm.model,
      usage: budget.usage,
      turns: budget.turns,
      phase: tools.phase,
      ...(report.redProof ? { redProof: report.redProof } : {}),
      changedFiles,
      ...(patchSha ? { patchPath: join(bundleDir, 'changes.patch'), patchSha256: patchSha } : {}),
      ...(report.summary ? { summary: report.summary } : {}),
    };
    return {
      result: res,
      record: {
        status: ok ? ('ok' as const) : ('failed' as const),
        usage: budget.usage,
        stopReason: stop.reason,
        attempt,
        note: report.message.slice(0, 300),
      },
    };
  }
}

/** The red proof as coder.json and the result keep it: its command and output tail redacted. */
async function redactProof(p: RedProof, redactor: Redactor): Promise<RedProof> {
  return { ...p, command: await redactor.full(p.command), outputTail: await redactor.full(p.outputTail) };
}

function historyOf(prev: CoderReport | undefined): Omit<CoderReport, 'history'>[] {
  if (!prev) return [];
  const { history, ...last } = prev;
  return [...(history ?? []), last];
}

/**
 * Attempt N > 1 in a fresh checkout (the split workflow): the working tree is at the base, the previous
 * attempt's work is in the bundle's changes.patch. Apply it so the model continues from there.
 */
function restorePreviousWork(root: string, bundleDir: string, base: string, log: Logger): void {
  const patchPath = join(bundleDir, 'changes.patch');
  const previousPatch = readBundleBytes(bundleDir, 'changes.patch');
  if (!previousPatch || previousPatch.length === 0) return;
  if (diffWorkingTree(root, base).files.length > 0) return; // the work is already here
  const head = execGit(['rev-parse', 'HEAD'], { cwd: root }).stdout.trim();
  if (head !== base) {
    log.warn(
      `HEAD is ${head.slice(0, 12)}, not the bundle's base ${base.slice(0, 12)}: not applying the previous attempt's patch`,
    );
    return;
  }
  const r = execGit(['apply', '--binary', '--whitespace=nowarn', patchPath], {
    cwd: root,
    allowFailure: true,
  });
  if (r.code !== 0) log.warn(`could not apply the previous attempt's changes.patch: ${r.stderr.trim()}`);
  else log.info(`applied the previous attempt's changes.patch`);
}
