/**
 * The Security Consultant station: reads the Task Bundle, builds a threat model for the task (offline
 * rules, plus an optional model pass), and writes `security.json` (machine-readable findings with guard
 * checks the Validator enforces) and a `## Security Considerations` section in `task_context.md`.
 */
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { recordStation, writeBundleFile, type Usage } from '../../bundle/bundle.js';
import { errorMessage, GuardianError } from '../../errors.js';
import { createChatClient, type ChatClient } from '../../llm/index.js';
import { redactSecrets, redactSecretsSync } from '../../secrets/index.js';
import { escapeControlChars } from '../../util/chars.js';
import { silentLogger, type Logger } from '../../util/log.js';
import { analyze, injectionFindings, type Finding } from './engine.js';
import { readInputs } from './inputs.js';
import { mergeFindings, runModelPass } from './model.js';
import { renderSection, upsertSection } from './render.js';

export { analyze, injectionFindings, type AnalysisInput, type Finding, type SourceFile } from './engine.js';
export { CATEGORIES, CATEGORY_IDS, THREAT_CATEGORIES, type CategoryId } from './categories.js';
export { CHECKS, lineViolates, toSecurityCheck, type SecurityCheck } from './checks.js';
export { stripHiddenText, findAgentInstructions, wrapAsData } from './hygiene.js';

export const SECURITY_SCHEMA_VERSION = 1;

export interface SecurityConsultantOptions {
  root: string;
  taskId: string;
  log?: Logger;
  /** The model to consult (for example from `resolveLlmConfig`); without it the station runs offline. */
  llm?: {
    apiKey: string;
    baseUrl?: string;
    model: string;
    timeoutMs?: number;
    maxRetries?: number;
    sources?: { apiKey?: string };
  };
  /** A ready client (wins over `llm`). */
  client?: ChatClient;
  signal?: AbortSignal;
}

export interface SecurityDocument {
  schemaVersion: number;
  taskId: string;
  generatedAt: string;
  baseCommit: string;
  engine: { rules: true; model?: string };
  stacks: string[];
  notes: string[];
  findings: Finding[];
}

export interface SecurityConsultantResult {
  taskId: string;
  bundleDir: string;
  findings: Finding[];
  categories: string[];
  counts: { high: number; medium: number; low: number };
  checks: string[];
  stacks: string[];
  notes: string[];
  model?: string;
  usage?: Usage;
  securityJson: string;
  taskContext: string;
}

/**
 * Untrusted text (a model server's error message, a path from the bundle) as one line for a log, a note
 * in task_context.md or security.json: line breaks folded, control characters (terminal escapes among
 * them) written out as `\uXXXX`, no HTML comment that could hide what follows it, bounded in length.
 */
export function oneLine(s: string, max = 600): string {
  const flat = escapeControlChars(s.replace(/[\r\n\t\u2028\u2029]+/g, ' ')).replace(/<!--/g, '&lt;!--');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * The model name a server reports (`model` of the completion) is shown in task_context.md and on the
 * terminal: kept when it is a plain model identifier, else the configured name stands.
 */
export function modelName(reported: string | undefined, configured: string): string {
  const plain = (s: string | undefined) =>
    typeof s === 'string' && /^[\w.:/@+-]{1,128}$/.test(s) ? s : undefined;
  return plain(reported) ?? plain(configured) ?? oneLine(configured, 128).replace(/[`\s]/g, '_');
}

/** Shortest model API key the scrubber looks for: a shorter one would match ordinary text. */
const MIN_KEY_CHARS = 8;

/** A logger whose messages are redacted first (model errors can echo request text) and kept on one line. */
function redactingLogger(log: Logger, known: string[]): Logger {
  const r = (s: string) => oneLine(scrubber(known)(redactSecretsSync(s).text), 4000);
  return {
    info: (m) => log.info(r(m)),
    warn: (m, w) => log.warn(r(m), w),
    error: (m, w) => log.error(r(m), w),
    debug: (m) => log.debug(r(m)),
    group: (name, fn) => log.group(r(name), fn),
  };
}

/** Replaces every known secret value (found while reading the inputs) wherever it turns up again. */
function scrubber(values: string[]): (s: string) => string {
  return (s) => {
    let out = s;
    for (const v of values) if (out.includes(v)) out = out.split(v).join('[REDACTED:known-secret]');
    return out;
  };
}

function scrubDeep<T>(value: T, scrub: (s: string) => string): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, scrub)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, scrub)])) as T;
  }
  return value;
}

export async function runSecurityConsultant(
  opts: SecurityConsultantOptions,
): Promise<SecurityConsultantResult> {
  const known: string[] = [];
  // The model's own key is a secret too: a server (or a proxy) that echoes it back must not get it into
  // the bundle, which travels as an artifact.
  const apiKey = opts.llm?.apiKey;
  if (apiKey && apiKey.length >= MIN_KEY_CHARS) known.push(apiKey);
  const log = redactingLogger(opts.log ?? silentLogger, known);
  // Reading validates the bundle (exists, belongs to this task) before anything is recorded in it.
  const inputs = await log.group('Reading the Task Bundle', () => readInputs(opts.root, opts.taskId));
  known.push(...inputs.secretValues);
  known.sort((a, b) => b.length - a.length);
  const scrub = scrubber(known);
  const { dir } = inputs;
  return recordStation(dir, opts.taskId, 'security', async () => {
    const notes = [...inputs.notes];
    const rules = await log.group('Threat model (offline rules)', async () => {
      const result = analyze({
        taskId: opts.taskId,
        blueprint: { path: inputs.blueprintPath, text: inputs.blueprintText },
        files: inputs.files,
        repoFiles: inputs.repoFiles,
      });
      const hygiene = injectionFindings([
        { path: inputs.blueprintPath, text: inputs.blueprintText, hidden: inputs.hidden },
        ...inputs.files.map((f) => ({ path: f.path, text: f.content })),
      ]);
      log.info(
        `${result.findings.length + hygiene.length} findings from the rules; stack: ${result.stacks.join(', ') || 'unknown'}`,
      );
      return { ...result, findings: [...hygiene, ...result.findings] };
    });

    let findings = rules.findings;
    let model: string | undefined;
    let usage: Usage | undefined;
    const client =
      opts.client ??
      (opts.llm
        ? createChatClient({
            ...opts.llm,
            ...(opts.llm.sources?.apiKey ? { apiKeySource: opts.llm.sources.apiKey } : {}),
            log,
          })
        : undefined);
    if (client) {
      await log.group(`Model pass (${client.model})`, async () => {
        const lineCounts = new Map(inputs.files.map((f) => [f.path, f.content.split('\n').length]));
        try {
          const rawPass = await runModelPass({
            client,
            taskId: opts.taskId,
            // The model sees the context without an earlier Security Considerations section.
            taskContext: upsertSection(inputs.taskContext, ''),
            files: inputs.files,
            ruleFindings: findings,
            repoFiles: new Set(inputs.repoFiles),
            lineCounts,
            signal: opts.signal,
          });
          // A model can only repeat what it was sent (redacted), but scrub known secrets all the same.
          const pass = scrubDeep(rawPass, scrub);
          model = modelName(pass.model, client.model);
          usage = pass.usage;
          appendTranscript(dir, [
            { type: 'request', model: client.model, messages: pass.exchange.messages },
            { type: 'response', model: pass.model, content: pass.exchange.answer, usage: pass.usage },
          ]);
          const passNotes = pass.notes.map((n) => oneLine(n));
          notes.push(...passNotes);
          for (const n of passNotes) log.warn(n);
          findings = mergeFindings(findings, pass.findings);
          log.info(
            `model added ${pass.findings.length} finding(s)${pass.notes.length ? `, dropped ${pass.notes.length}` : ''}`,
          );
        } catch (e) {
          // An interruption (Ctrl-C, a budget of `guardian run`) ends the station with nothing written:
          // a result without the model's advice would be recorded as a finished run.
          if (opts.signal?.aborted) throw interrupted();
          // The model is advisory: its failure costs the extra advice, not the rule findings.
          const msg = oneLine(scrub(redactSecretsSync(errorMessage(e)).text));
          notes.push(`model pass failed, rule findings kept: ${msg}`);
          log.warn(`model pass failed, rule findings kept: ${msg}`);
        }
      });
    }

    if (opts.signal?.aborted) throw interrupted();
    const cleanNotes = notes.map((n) => oneLine(scrub(redactSecretsSync(n).text)));
    findings = scrubDeep(findings, scrub);
    const doc: SecurityDocument = {
      schemaVersion: SECURITY_SCHEMA_VERSION,
      taskId: opts.taskId,
      generatedAt: new Date().toISOString(),
      baseCommit: inputs.manifest.baseCommit,
      engine: { rules: true, ...(model ? { model } : {}) },
      stacks: rules.stacks,
      notes: cleanNotes,
      findings,
    };
    const section = renderSection(findings, { stacks: rules.stacks, notes: cleanNotes, model });
    const context = scrub(
      (await redactSecrets(upsertSection(inputs.taskContext, section), { path: 'task_context.md' })).text,
    );
    const json = JSON.stringify(doc, null, 2) + '\n';
    let cleanJson = scrub((await redactSecrets(json, { path: 'security.json' })).text);
    JSON.parse(cleanJson); // a redaction marker holds no quotes, so the JSON stays valid
    // The same findings as last time keep last time's file (and time): running twice changes nothing.
    const previous = readPrevious(join(dir, 'security.json'));
    const untimed = (s: string) => s.replace(/^ {2}"generatedAt": "[^"\n]*",$/m, '');
    if (previous !== undefined && untimed(previous) === untimed(cleanJson)) cleanJson = previous;
    writeTogether(dir, [
      ['security.json', cleanJson],
      ['task_context.md', context],
    ]);

    const counts = { high: 0, medium: 0, low: 0 };
    for (const f of findings) if (!f.id.includes('/') || f.source === 'model') counts[f.severity]++;
    const categories = [...new Set(findings.map((f) => f.category))];
    const checks = findings.flatMap((f) => (f.check ? [f.check.id] : []));
    const result: SecurityConsultantResult = {
      taskId: opts.taskId,
      bundleDir: dir,
      findings,
      categories,
      counts,
      checks,
      stacks: rules.stacks,
      notes: cleanNotes,
      ...(model ? { model } : {}),
      ...(usage ? { usage } : {}),
      securityJson: join(dir, 'security.json'),
      taskContext: join(dir, 'task_context.md'),
    };
    const note = `${categories.length} categor${categories.length === 1 ? 'y' : 'ies'} (${categories.join(', ') || 'none'}), ${checks.length} guard checks${model ? `, model ${model}` : ''}`;
    return { result, record: { note, ...(usage ? { usage } : {}) } };
  });
}

/**
 * Writes the station's files as one: when one cannot be written, those written before it are put back as
 * they were, so security.json (the checks enforced) never disagrees with the section the Coder reads.
 */
function writeTogether(dir: string, files: [rel: string, data: string][]): void {
  const before = files.map(([rel]) => {
    try {
      return readFileSync(join(dir, rel));
    } catch {
      return undefined;
    }
  });
  let written = 0;
  try {
    for (const [rel, data] of files) {
      writeBundleFile(dir, rel, data);
      written++;
    }
  } catch (e) {
    for (let i = 0; i < written; i++) {
      const [rel] = files[i]!;
      const old = before[i];
      try {
        if (old === undefined) rmSync(join(dir, rel), { force: true });
        else writeBundleFile(dir, rel, old);
      } catch {
        // The error to report is the one that stopped the writing.
      }
    }
    throw e;
  }
}

function readPrevious(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function interrupted(): GuardianError {
  return new GuardianError(
    'the Security Consultant was interrupted: security.json and task_context.md were left as they were',
  );
}

function appendTranscript(dir: string, events: Record<string, unknown>[]): void {
  const lines = events.map((e) => {
    const red = redactDeepSync({ at: new Date().toISOString(), station: 'security', ...e });
    return JSON.stringify(red) + '\n';
  });
  appendFileSync(join(dir, 'transcript.jsonl'), lines.join(''));
}

/** Longest text kept per transcript field: a model's 300 MB answer is not copied whole into the bundle. */
const TRANSCRIPT_TEXT_MAX = 256 * 1024;

function redactDeepSync(value: unknown): unknown {
  if (typeof value === 'string') {
    const kept =
      value.length > TRANSCRIPT_TEXT_MAX
        ? `${value.slice(0, TRANSCRIPT_TEXT_MAX)}… (${value.length - TRANSCRIPT_TEXT_MAX} more characters not kept)`
        : value;
    return redactSecretsSync(kept).text;
  }
  if (Array.isArray(value)) return value.map(redactDeepSync);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeepSync(v)]));
  }
  return value;
}
