/** Running command checks (quality.toml entries, plan steps) and turning results into report entries. */
import { judge, runCommand, type CommandResult } from '../../exec/index.js';
import { tailOf } from '../../exec/output.js';
import type { Logger } from '../../util/log.js';
import { escapeHtml, fenceFor, longestBackticks } from '../../util/markdown.js';
import { extractDiagnostics } from './diagnostics.js';
import type { CheckKind, CheckResult } from './types.js';

export interface CommandCheck {
  name: string;
  kind: CheckKind;
  description?: string;
  command: string;
  expects: 'pass' | 'fail';
  cwd: string;
  timeoutMs: number;
  /**
   * Timeout of the shared run when identical commands have different timeouts (the longest); each
   * check is still judged against its own `timeoutMs`.
   */
  runTimeoutMs?: number;
  env: Record<string, string>;
  exclusive: boolean;
}

export interface RunEnv {
  env?: NodeJS.ProcessEnv;
  secretEnv: string[];
  signal?: AbortSignal;
  log: Logger;
  /** Other absolute roots that map onto the judged files (for diagnostics' paths). */
  aliases: string[];
  /**
   * Identical commands (same directory, command, env and timeout) run once and share the result: a
   * quality check and a plan step are often the same `npm test`, and two copies of it in one
   * directory at the same time would trip over each other's build output.
   */
  shared?: Map<string, Promise<CommandResult>>;
}

/** Checks with the same key run once: same directory, command and environment. */
export function sharedRunKey(c: Pick<CommandCheck, 'cwd' | 'command' | 'env'>): string {
  return JSON.stringify([c.cwd, c.command, c.env]);
}

export async function runCheck(
  c: CommandCheck,
  r: RunEnv,
): Promise<{ check: CheckResult; raw: CommandResult }> {
  const base = r.env ?? process.env;
  const key = sharedRunKey(c);
  let pending = r.shared?.get(key);
  const reused = pending !== undefined;
  if (!pending) {
    pending = runCommand({
      command: c.command,
      cwd: c.cwd,
      timeoutMs: Math.max(c.timeoutMs, c.runTimeoutMs ?? 0),
      env: { ...base, ...c.env },
      secretEnv: r.secretEnv,
      // A check's own `env` names are wanted even when they look like secrets (e.g. a test DB token).
      allowEnv: Object.keys(c.env),
      signal: r.signal,
    });
    r.shared?.set(key, pending);
  }
  const raw = await pending;
  // A shared run that outlived this check's own (shorter) timeout is a timeout for this check.
  const overran = !raw.timedOut && raw.durationMs > c.timeoutMs;
  const outcome = overran ? 'timeout' : judge(raw, c.expects);
  let outputTail = tailOf(raw.output);
  if (raw.timedOut && raw.durationMs >= c.timeoutMs)
    outputTail += `\n[timed out after ${Math.round(c.timeoutMs / 1000)} s; process group killed]`;
  if (overran)
    outputTail += `\n[took ${(raw.durationMs / 1000).toFixed(1)} s, over this check's timeout of ${Math.round(c.timeoutMs / 1000)} s]`;
  if (raw.error) outputTail += `\n[${raw.error}]`;
  const check: CheckResult = {
    name: c.name,
    kind: c.kind,
    ...(c.description ? { description: c.description } : {}),
    command: c.command,
    expects: c.expects,
    exitCode: raw.exitCode,
    signal: raw.signal,
    durationMs: raw.durationMs,
    outcome,
    outputTail: outputTail.trim(),
    ...(raw.truncated ? { truncated: true } : {}),
    // Diagnostics of a step that is expected to fail are what it is supposed to print.
    diagnostics:
      outcome !== 'pass' && c.expects === 'pass' ? extractDiagnostics(raw.output, c.cwd, r.aliases) : [],
  };
  const secs = (raw.durationMs / 1000).toFixed(1);
  const same = reused ? ', same run as an identical command' : '';
  if (outcome === 'pass') r.log.info(`  ✓ ${c.name} (${secs} s${same})`);
  else {
    const why = raw.timedOut ? 'timed out' : raw.error ? raw.error : `exit ${raw.exitCode ?? raw.signal}`;
    r.log.info(`  ✗ ${c.name} (${why}, ${secs} s${same})`);
  }
  return { check, raw };
}

export function summarize(
  checks: CheckResult[],
  notRun: number,
): { verdict: 'pass' | 'fail'; summary: string } {
  const failed = checks.filter((c) => c.outcome !== 'pass');
  const skipped = notRun > 0 ? ` (${notRun} not run: --fail-fast)` : '';
  if (failed.length === 0 && notRun === 0) {
    const by = (k: CheckKind) => checks.filter((c) => c.kind === k).length;
    return {
      verdict: 'pass',
      summary: `pass: ${checks.length} checks (${by('quality')} quality, ${by('plan')} plan, ${by('guard')} guard, ${by('tdd')} tdd)`,
    };
  }
  return {
    verdict: 'fail',
    summary: `fail: ${failed.map((c) => (c.outcome === 'pass' || c.outcome === 'fail' ? c.name : `${c.name} (${c.outcome})`)).join(', ')}${skipped}`,
  };
}

/*
 * Markdown helpers. validation.md is rendered by GitHub (and shown in job summaries), and much of what
 * goes into it comes from the checks' output, which the change controls: file names, tool messages,
 * output tails. Text outside code is HTML-escaped and kept on one line; code spans and fences are
 * delimited by more backticks than the text holds in a row, so nothing inside can end them early.
 */

/** Plain text on one line, HTML-escaped. */
export function mdText(s: string): string {
  return escapeHtml(s.replace(/\r?\n|\r/g, ' '));
}

/** An inline code span holding `s` literally (on one line). */
export function codeSpan(s: string): string {
  const text = s.replace(/\r?\n|\r/g, ' ');
  const n = longestBackticks(text);
  const tick = '`'.repeat(n + 1);
  // A space on each side (removed again by the renderer) keeps a backtick at either end off the delimiter.
  return n ? `${tick} ${text} ${tick}` : `${tick}${text}${tick}`;
}

/** A table cell: one line, pipes escaped. */
const cell = (s: string) => mdText(s).replace(/\|/g, '\\|');
const codeCell = (s: string) => codeSpan(s).replace(/\|/g, '\\|');

/** validation.md / prestart.md: a table and the output of each failing check. */
export function renderMarkdown(
  title: string,
  meta: string[],
  checks: CheckResult[],
  verdict: 'pass' | 'fail',
  summary: string,
): string {
  const rows = checks.map((c) => {
    const exit = c.exitCode ?? (c.signal ? c.signal : c.kind === 'guard' ? '' : '—');
    const mark = c.outcome === 'pass' ? '✅ pass' : c.outcome === 'fail' ? '❌ fail' : `⚠️ ${c.outcome}`;
    return `| ${cell(c.name)} | ${c.kind} | ${mark} | ${cell(String(exit))} | ${(c.durationMs / 1000).toFixed(1)} s | ${c.command ? codeCell(c.command) : cell(c.description ?? '')} |`;
  });
  const parts = [
    `# ${mdText(title)}: ${verdict.toUpperCase()}`,
    '',
    // HTML-escaped (a task title may hold `<…>`); the callers' code spans hold no `<`, `>` or `&`.
    ...meta.map((m) => `- ${mdText(m)}`),
    '',
    `**${mdText(summary)}**`,
    '',
    '| check | kind | outcome | exit | time | command |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ];
  const failed = checks.filter((c) => c.outcome !== 'pass');
  if (failed.length) {
    parts.push('## Failures', '');
    for (const c of failed) {
      parts.push(`### ${mdText(c.name)}${c.command ? ` — ${codeSpan(c.command)}` : ''}`, '');
      if (c.description) parts.push(mdText(c.description), '');
      if (c.diagnostics.length) {
        for (const d of c.diagnostics.slice(0, 50)) {
          parts.push(
            `- ${codeSpan(`${d.file}:${d.line}${d.column ? `:${d.column}` : ''}`)} ${mdText(d.message)}${d.tool ? ` (${mdText(d.tool)})` : ''}`,
          );
        }
        parts.push('');
      }
      if (c.kind !== 'guard' || c.diagnostics.length === 0) {
        const fence = fenceFor(c.outputTail);
        parts.push(fence + 'text', c.outputTail, fence, '');
      }
    }
  }
  return parts.join('\n');
}
