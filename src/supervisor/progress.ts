/**
 * Live progress of a run: which station is working, for how long, and the tokens and cost so far.
 * On a terminal it is a single line redrawn in place (log lines are printed above it); elsewhere (CI
 * logs, pipes) it prints one plain line per station start and end, which reads well in a log file.
 */
import type { StationName, Usage } from '../bundle/bundle.js';
import type { Logger } from '../util/log.js';

export interface ProgressSink {
  taskStart(taskId: string, title: string): void;
  stationStart(taskId: string, station: StationName, attempt?: number): void;
  stationEnd(
    taskId: string,
    station: StationName,
    status: 'ok' | 'failed' | 'skipped' | 'interrupted',
    durationMs: number,
    note?: string,
  ): void;
  /** The task's tokens and cost so far (this invocation). */
  usage(taskId: string, total: Usage): void;
  taskEnd(taskId: string, outcome: string): void;
  /** A log line from a station, printed without breaking the live line. */
  log(line: string): void;
  /** Stops the timer and clears the live line. */
  close(): void;
}

export const silentProgress: ProgressSink = {
  taskStart() {},
  stationStart() {},
  stationEnd() {},
  usage() {},
  taskEnd() {},
  log() {},
  close() {},
};

export interface ProgressOptions {
  stream: { write(s: string): unknown; isTTY?: boolean };
  /** Force the live line on or off (default: the stream's isTTY). */
  live?: boolean;
  /** Redraw interval of the live line (ms). */
  intervalMs?: number;
  now?: () => number;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.floor(s % 60)).padStart(2, '0')}s`;
}

export function formatTokens(u: Usage | undefined): string {
  const n = (u?.promptTokens ?? 0) + (u?.completionTokens ?? 0);
  return n.toLocaleString('en-US');
}

export function formatCost(u: Usage | undefined): string {
  const c = u?.costUsd ?? 0;
  return c === 0 ? '$0' : c < 0.01 ? `$${c.toFixed(4)}` : `$${c.toFixed(2)}`;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

interface Active {
  taskId: string;
  station?: StationName;
  attempt?: number;
  taskStartedAt: number;
  stationStartedAt: number;
  usage?: Usage;
}

export function createProgress(opts: ProgressOptions): ProgressSink {
  const now = opts.now ?? Date.now;
  const live = opts.live ?? opts.stream.isTTY === true;
  const active = new Map<string, Active>();
  let frame = 0;
  let drawn = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  // A pseudo-terminal may report 0 columns: fall back to a common width then.
  const columns = () => {
    const c = (opts.stream as { columns?: number }).columns;
    return c && c >= 40 ? c : 100;
  };
  const render = (): string => {
    const parts = [...active.values()].map((a) => {
      const station = a.station
        ? `${a.station}${a.attempt && a.attempt > 1 ? ` #${a.attempt}` : ''}`
        : 'starting';
      return `${a.taskId} ${station} ${formatDuration(now() - a.stationStartedAt)}`;
    });
    const total = [...active.values()].reduce(
      (acc, a) => ({
        tokens: acc.tokens + (a.usage?.promptTokens ?? 0) + (a.usage?.completionTokens ?? 0),
        cost: acc.cost + (a.usage?.costUsd ?? 0),
      }),
      { tokens: 0, cost: 0 },
    );
    const elapsed = Math.max(0, ...[...active.values()].map((a) => now() - a.taskStartedAt));
    const line = `${SPINNER[frame++ % SPINNER.length]} ${parts.join(' | ')} · total ${formatDuration(elapsed)} · ${total.tokens.toLocaleString('en-US')} tokens · ${formatCost({ promptTokens: 0, completionTokens: 0, cachedTokens: 0, costUsd: total.cost })}`;
    const max = Math.max(20, columns() - 1);
    return line.length > max ? line.slice(0, max - 1) + '…' : line;
  };
  const clear = () => {
    if (drawn) opts.stream.write('\r\x1b[2K');
    drawn = false;
  };
  const draw = () => {
    if (!live || active.size === 0) return;
    opts.stream.write(`\r\x1b[2K${render()}`);
    drawn = true;
  };
  const ensureTimer = () => {
    if (!live || timer) return;
    timer = setInterval(draw, opts.intervalMs ?? 200);
    timer.unref?.();
  };
  const plain = (s: string) => {
    if (live) {
      clear();
      opts.stream.write(s + '\n');
      draw();
    } else opts.stream.write(s + '\n');
  };

  return {
    taskStart(taskId, title) {
      const t = now();
      active.set(taskId, { taskId, taskStartedAt: t, stationStartedAt: t });
      plain(`${taskId}: ${title}`);
      ensureTimer();
    },
    stationStart(taskId, station, attempt) {
      const a = active.get(taskId);
      if (!a) return;
      a.station = station;
      a.attempt = attempt;
      a.stationStartedAt = now();
      if (!live) plain(`${taskId} ▸ ${station}${attempt && attempt > 1 ? ` (attempt ${attempt})` : ''}`);
      else draw();
    },
    stationEnd(taskId, station, status, durationMs, note) {
      const a = active.get(taskId);
      const mark = status === 'ok' ? '✓' : status === 'skipped' ? '–' : '✗';
      const usage =
        a?.usage && (a.usage.promptTokens || a.usage.completionTokens)
          ? ` · ${formatTokens(a.usage)} tokens · ${formatCost(a.usage)}`
          : '';
      plain(
        `${taskId} ${mark} ${station} ${status} in ${formatDuration(durationMs)}${usage}${note ? ` — ${note}` : ''}`,
      );
    },
    usage(taskId, total) {
      const a = active.get(taskId);
      if (a) a.usage = total;
    },
    taskEnd(taskId, outcome) {
      active.delete(taskId);
      // The line's messages name their task already ("TASK-042 failed …"): not twice.
      plain(outcome.startsWith(taskId) ? outcome : `${taskId}: ${outcome}`);
      if (active.size === 0) clear();
    },
    log(line) {
      plain(line);
    },
    close() {
      if (timer) clearInterval(timer);
      timer = undefined;
      clear();
    },
  };
}

/** A Logger whose lines go through the progress display (so they never break the live line). */
export function progressLogger(
  progress: ProgressSink,
  opts: { debug?: boolean; prefix?: string } = {},
): Logger {
  const p = opts.prefix ? `${opts.prefix} ` : '';
  const where = (w?: { file?: string; line?: number }) =>
    w?.file ? ` (${w.file}${w.line ? `:${w.line}` : ''})` : '';
  return {
    info: (m) => progress.log(`${p}${m}`),
    warn: (m, w) => progress.log(`${p}warning: ${m}${where(w)}`),
    error: (m, w) => progress.log(`${p}error: ${m}${where(w)}`),
    debug: (m) => {
      if (opts.debug) progress.log(`${p}debug: ${m}`);
    },
    group: async (name, fn) => {
      progress.log(`${p}▸ ${name}`);
      return fn();
    },
  };
}
