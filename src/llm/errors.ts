/**
 * Typed failures of a model call. Each says what went wrong in words a user can act on, and whether
 * trying again could help. They are GuardianErrors: a bad key or an unknown model is the user's to fix,
 * so hosts print the message alone (no stack) and exit non-zero.
 */
import { GuardianError } from '../errors.js';

export type LlmErrorKind =
  | 'auth'
  | 'model_not_found'
  | 'quota'
  | 'rate_limit'
  | 'server'
  | 'timeout'
  | 'connection'
  | 'bad_request'
  | 'bad_response'
  | 'aborted';

export class LlmError extends GuardianError {
  readonly kind: LlmErrorKind;
  /** HTTP status of the last response, when there was one. */
  readonly status?: number;
  /** Whether another attempt later could succeed (rate limits, outages); false for a bad key or model. */
  readonly retryable: boolean;
  constructor(
    kind: LlmErrorKind,
    message: string,
    opts: { status?: number; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'LlmError';
    this.kind = kind;
    this.status = opts.status;
    this.retryable = opts.retryable ?? false;
  }
}

/** 401/403: the key is missing, wrong, or not allowed to use this model or endpoint. */
export class LlmAuthError extends LlmError {
  constructor(message: string, opts: { status?: number; cause?: unknown } = {}) {
    super('auth', message, opts);
    this.name = 'LlmAuthError';
  }
}

/** 404: the server does not know the model (or the base URL points at something that is not an API). */
export class LlmModelNotFoundError extends LlmError {
  constructor(message: string, opts: { status?: number; cause?: unknown } = {}) {
    super('model_not_found', message, opts);
    this.name = 'LlmModelNotFoundError';
  }
}

/** 429 with `insufficient_quota`: the account is out of credit. Waiting does not help. */
export class LlmQuotaError extends LlmError {
  constructor(message: string, opts: { status?: number; cause?: unknown } = {}) {
    super('quota', message, opts);
    this.name = 'LlmQuotaError';
  }
}

/** 429 rate limit that outlasted the retries (or asked for a longer wait than Guardian accepts). */
export class LlmRateLimitError extends LlmError {
  constructor(message: string, opts: { status?: number; cause?: unknown } = {}) {
    super('rate_limit', message, { ...opts, retryable: true });
    this.name = 'LlmRateLimitError';
  }
}

/** 5xx that outlasted the retries. */
export class LlmServerError extends LlmError {
  constructor(message: string, opts: { status?: number; cause?: unknown } = {}) {
    super('server', message, { ...opts, retryable: true });
    this.name = 'LlmServerError';
  }
}

/** No answer within the request timeout (after the retries). */
export class LlmTimeoutError extends LlmError {
  constructor(message: string, opts: { cause?: unknown } = {}) {
    super('timeout', message, { ...opts, retryable: true });
    this.name = 'LlmTimeoutError';
  }
}

/** The server could not be reached (DNS, refused connection, TLS). */
export class LlmConnectionError extends LlmError {
  constructor(message: string, opts: { cause?: unknown } = {}) {
    super('connection', message, { ...opts, retryable: true });
    this.name = 'LlmConnectionError';
  }
}

/** 400/422: the server rejected the request (context too long, unsupported parameter). */
export class LlmBadRequestError extends LlmError {
  constructor(message: string, opts: { status?: number; cause?: unknown } = {}) {
    super('bad_request', message, opts);
    this.name = 'LlmBadRequestError';
  }
}

/** A 2xx answer that is not a usable chat completion (no choices, not JSON). */
export class LlmResponseError extends LlmError {
  constructor(message: string, opts: { cause?: unknown } = {}) {
    super('bad_response', message, opts);
    this.name = 'LlmResponseError';
  }
}

/** The caller aborted the request (budget exhausted, SIGINT). */
export class LlmAbortedError extends LlmError {
  constructor(message = 'model request aborted', opts: { cause?: unknown } = {}) {
    super('aborted', message, opts);
    this.name = 'LlmAbortedError';
  }
}
