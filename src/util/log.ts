/** The logging port every station receives from its host (CLI, action, supervisor). */
export interface Logger {
  info(message: string): void;
  warn(message: string, where?: { file?: string; line?: number }): void;
  error(message: string, where?: { file?: string; line?: number }): void;
  debug(message: string): void;
  /** A named phase: a log group in Actions, a progress line in the CLI. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  group: (_name, fn) => fn(),
};

/** Writes to the given streams (stderr by default, so stdout stays free for --json output). */
export function streamLogger(
  out: { write(s: string): unknown } = process.stderr,
  opts: { debug?: boolean } = {},
): Logger {
  const where = (w?: { file?: string; line?: number }) =>
    w?.file ? ` (${w.file}${w.line ? `:${w.line}` : ''})` : '';
  return {
    info: (m) => void out.write(`${m}\n`),
    warn: (m, w) => void out.write(`warning: ${m}${where(w)}\n`),
    error: (m, w) => void out.write(`error: ${m}${where(w)}\n`),
    debug: (m) => {
      if (opts.debug) out.write(`debug: ${m}\n`);
    },
    group: async (name, fn) => {
      out.write(`▸ ${name}\n`);
      return fn();
    },
  };
}
