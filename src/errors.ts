/**
 * A mistake the user can fix (bad blueprint, unknown task, bad config, bad patch). Hosts print its
 * message alone — no stack trace — and exit non-zero. Anything that is not a GuardianError is a bug and
 * keeps its stack.
 */
export class GuardianError extends Error {
  /** Process exit code the CLI uses for this error (1 = problems found, 2 = usage). */
  readonly exitCode: number;
  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GuardianError';
    this.exitCode = options.exitCode ?? 1;
  }
}

/** A user error about configuration or input files; same handling as GuardianError. */
export class ConfigurationError extends GuardianError {
  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options);
    this.name = 'ConfigurationError';
  }
}

/** A usage error on the command line (exit code 2). */
export class UsageError extends GuardianError {
  constructor(message: string) {
    super(message, { exitCode: 2 });
    this.name = 'UsageError';
  }
}

export function isUserError(e: unknown): e is GuardianError {
  return e instanceof GuardianError;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
