/**
 * Job summaries: Markdown rendered from the bundle (manifest, validation.json), written with
 * `core.summary`. Rendering is pure so it can be tested and reused by the CLI.
 */
import * as core from '@actions/core';
import { statSync } from 'node:fs';
import { STATIONS, type Manifest, type Usage } from '../bundle/bundle.js';
import type { CheckResult, ValidationReport } from '../stations/validator/types.js';
import { escapeHtml, fenceFor } from '../util/markdown.js';

/** A table cell: one line, pipes escaped, cut to `max` characters. */
export function cell(text: string | number | undefined | null, max = 200): string {
  const raw = String(text ?? '')
    .replace(/\r?\n/g, ' ')
    .trim();
  const s = raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
  // Markdown tables are HTML to GitHub: `<lambda>` in a test name would vanish without escaping.
  return escapeHtml(s).replace(/\|/g, '\\|');
}

export function table(headers: string[], rows: (string | number | undefined)[][]): string {
  const line = (cells: (string | number | undefined)[]) => `| ${cells.map((c) => cell(c)).join(' | ')} |`;
  return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n') + '\n';
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function totalTokens(u: Usage | undefined): number {
  return u ? u.promptTokens + u.completionTokens : 0;
}

export function formatCost(usd: number | undefined): string {
  return usd ? `$${usd.toFixed(4)}` : '$0';
}

const OUTCOME_ICON: Record<string, string> = { pass: '✅', fail: '❌', timeout: '⏱️', error: '⚠️' };

/** The stations that ran so far, with time, tokens and cost. */
export function renderStations(m: Manifest): string {
  const rows = STATIONS.filter((s) => m.stations[s]).map((s) => {
    const r = m.stations[s]!;
    return [
      s,
      r.status + (r.verdict ? ` (${r.verdict})` : ''),
      formatDuration(r.durationMs),
      totalTokens(r.usage) || '',
      r.usage?.costUsd ? formatCost(r.usage.costUsd) : '',
      r.note ?? r.stopReason ?? '',
    ];
  });
  rows.push(['total', '', '', totalTokens(m.usage) || '', formatCost(m.usage.costUsd), '']);
  return table(['Station', 'Status', 'Time', 'Tokens', 'Cost', 'Note'], rows);
}

function checkDetail(c: CheckResult): string {
  if (c.outcome === 'pass') return c.description ?? c.command ?? '';
  const d = c.diagnostics[0];
  if (d)
    return `${d.file}:${d.line}: ${d.message}${c.diagnostics.length > 1 ? ` (+${c.diagnostics.length - 1} more)` : ''}`;
  const tail = c.outputTail.trim().split('\n').filter(Boolean);
  return tail[tail.length - 1] ?? c.description ?? '';
}

/**
 * Text of a report on one line, never HTML: a validation.json read back from an artifact (the complete
 * job's) travelled through a job that ran the change under judgement.
 */
function text(s: string): string {
  return escapeHtml(s.replace(/\s+/g, ' ').trim());
}

/** A commit or hash as code: hex digits only, so nothing can close the code span. */
function hex(s: string, length: number): string {
  return `\`${s.slice(0, length).replace(/[^0-9A-Za-z]/g, '?')}\``;
}

/** The Validator's verdict table and, for each check that did not pass, its output tail. */
export function renderValidation(r: ValidationReport, opts: { tails?: boolean } = {}): string {
  const icon = r.verdict === 'pass' ? '✅' : '❌';
  const parts = [
    `### ${icon} Validator: ${r.verdict} — ${text(r.taskId)}\n`,
    `${text(r.summary)}. Base ${hex(r.baseCommit, 12)}, patch sha256 ${hex(r.patchSha256, 16)}…, ` +
      `${(r.changedFiles ?? []).length} file(s) changed, ${formatDuration(r.durationMs)}.\n`,
    table(
      ['Check', 'Kind', 'Outcome', 'Time', 'Details'],
      r.checks.map((c) => [
        c.name,
        c.kind,
        `${OUTCOME_ICON[c.outcome] ?? ''} ${c.outcome}`,
        formatDuration(c.durationMs),
        checkDetail(c),
      ]),
    ),
  ];
  if (opts.tails !== false) {
    for (const c of r.checks.filter((x) => x.outcome !== 'pass')) {
      const tail = c.outputTail.trim();
      if (!tail) continue;
      const fence = fenceFor(tail);
      parts.push(
        `<details><summary>${cell(c.name)}: ${c.outcome}${c.command ? ` — <code>${escapeHtml(c.command.replace(/\s+/g, ' ').slice(0, 120))}</code>` : ''}</summary>\n\n${fence}text\n${tail}\n${fence}\n</details>\n`,
      );
    }
  }
  return parts.join('\n');
}

/**
 * GitHub shows a step's summary only when its file holds at most 1 MiB; a larger one is dropped whole,
 * with an error. Kept below that, with room for the note that says what was cut.
 */
export const MAX_SUMMARY_BYTES = 1024 * 1024 - 4096;

/**
 * `markdown` cut to fit in `budget` bytes of UTF-8 (at a line break when there is one in its last
 * quarter), with a note saying so; unchanged when it fits.
 */
export function fitSummary(markdown: string, budget: number): string {
  if (Buffer.byteLength(markdown) <= budget) return markdown;
  const note =
    '\n\n**…** (the rest is cut: a job summary shows at most 1 MiB; the Task Bundle artifact has the full reports)\n';
  const room = Math.max(0, budget - Buffer.byteLength(note));
  // Bytes to characters: the longest prefix whose UTF-8 fits (never half a character).
  let cut = Buffer.from(markdown)
    .subarray(0, room)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  const line = cut.lastIndexOf('\n');
  if (line > cut.length * 0.75) cut = cut.slice(0, line);
  return cut + note;
}

/**
 * Appends Markdown to the job summary (no-op outside Actions, where GITHUB_STEP_SUMMARY is unset), cut
 * to what GitHub still shows: model output or check output must not make the whole summary vanish.
 */
export async function writeSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  let written = 0;
  try {
    written = statSync(file).size;
  } catch {
    // No file yet: core.summary creates it.
  }
  await core.summary.addRaw(fitSummary(markdown, Math.max(0, MAX_SUMMARY_BYTES - written)), true).write();
}
