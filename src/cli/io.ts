import { UsageError } from '../errors.js';

/** What a CLI command may touch: its streams and working directory. Tests pass their own. */
export interface CliIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * Why the output could not be written, once the pending writes are done: undefined when all went
   * well or when the reader went away (`guardian list | head -1`), which is not a failure.
   */
  outputFailure?(): Promise<string | undefined>;
}

/** The first write error of each standard stream, shared by every processIO() of the process. */
const streamErrors = new Map<NodeJS.WriteStream, NodeJS.ErrnoException>();

/**
 * A failed write to stdout or stderr is an 'error' event, and one nobody listens to ends the
 * process with a stack trace. Listened to, it is remembered, and later writes go nowhere.
 */
function watchStream(stream: NodeJS.WriteStream): void {
  if (stream.listeners('error').some((l) => (l as { guardian?: true }).guardian)) return;
  const onError = Object.assign(
    (e: NodeJS.ErrnoException) => void (streamErrors.has(stream) || streamErrors.set(stream, e)),
    { guardian: true as const },
  );
  stream.on('error', onError);
}

export function processIO(): CliIO {
  watchStream(process.stdout);
  watchStream(process.stderr);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    outputFailure: async () => {
      // A write's error is reported on a later tick: let it arrive.
      await new Promise((r) => setImmediate(r));
      const e = streamErrors.get(process.stdout);
      if (!e || e.code === 'EPIPE') return undefined;
      return `cannot write to standard output (${e.message.replace(/, write$/, '')})`;
    },
  };
}

/**
 * The parser of an option that takes a whole number ≥ 1, written in decimal digits: Number() alone
 * would also read `1e2`, `0x10`, `1.0` or an empty string (as 0).
 */
export function positiveInt(name: string) {
  return (v: string): number => {
    const n = /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${name} ${v}: expected a whole number ≥ 1`);
    return n;
  };
}

/** The parser of an option that takes a number > 0 in decimal notation, like `1800` or `0.25`. */
export function positiveNumber(name: string) {
  return (v: string): number => {
    const n = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} ${v}: expected a number > 0`);
    return n;
  };
}

/** Renders rows as an aligned text table. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
