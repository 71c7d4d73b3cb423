/**
 * Budgets enforced outside the model: the harness counts turns, tokens, wall time and cost and stops
 * the run with a typed reason, whatever the model says. The wall-time limit also aborts a request in
 * flight (through `signal`), so a slow server cannot hold a run past its deadline.
 */
import { addUsage, emptyUsage, type Usage } from '../bundle/bundle.js';
import { ConfigurationError } from '../errors.js';
import type { QualityConfig } from '../spec/types.js';

/** Why a model loop ended. `finished` is the only success. */
export type StopReason =
  | 'finished'
  | 'max_turns'
  | 'token_budget'
  | 'time_budget'
  | 'cost_budget'
  | 'llm_error'
  | 'aborted'
  /** The model gave up or kept answering without using the tools. */
  | 'model_stopped'
  /** The model tried to finish while the tests did not pass, too often. */
  | 'incomplete'
  | 'no_model'
  | 'error';

export const BUDGET_STOP_REASONS: StopReason[] = ['max_turns', 'token_budget', 'time_budget', 'cost_budget'];

export interface BudgetLimits {
  /** Model calls. */
  maxTurns: number;
  /** Prompt + completion tokens over the whole run. */
  maxTokens: number;
  /** Wall time of the whole run, ms. */
  maxWallMs: number;
  /** USD; undefined = no cost limit. */
  maxCostUsd?: number;
}

export const DEFAULT_BUDGET: BudgetLimits = {
  maxTurns: 40,
  maxTokens: 1_000_000,
  maxWallMs: 30 * 60_000,
};

export interface BudgetOverrides {
  maxTurns?: number;
  maxTokens?: number;
  maxWallSeconds?: number;
  maxCostUsd?: number;
}

function positive(name: string, v: number | undefined, opts: { int?: boolean } = {}): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
    throw new ConfigurationError(`${name}: expected a positive number, got ${String(v)}`);
  // A fraction of a turn or token would be rounded down, to no budget at all.
  if (opts.int && !Number.isInteger(v))
    throw new ConfigurationError(`${name}: expected a whole number of at least 1, got ${v}`);
  return v;
}

/**
 * Limits from (most important first) the host's overrides, quality.toml `[llm]` (`max_turns`,
 * `token_budget`, `cost_budget_usd`, `timeout_seconds` = wall time of a run), then the defaults.
 */
export function resolveBudget(
  quality?: Pick<QualityConfig, 'llm'>,
  overrides: BudgetOverrides = {},
): BudgetLimits {
  const llm = quality?.llm;
  const int = { int: true };
  const turns =
    positive('max turns', overrides.maxTurns, int) ?? positive('[llm] max_turns', llm?.maxTurns, int);
  const tokens =
    positive('token budget', overrides.maxTokens, int) ??
    positive('[llm] token_budget', llm?.tokenBudget, int);
  const wall =
    positive('wall time', overrides.maxWallSeconds) ?? positive('[llm] timeout_seconds', llm?.timeoutSeconds);
  const cost =
    positive('cost budget', overrides.maxCostUsd) ?? positive('[llm] cost_budget_usd', llm?.costBudgetUsd);
  return {
    maxTurns: Math.floor(turns ?? DEFAULT_BUDGET.maxTurns),
    maxTokens: Math.floor(tokens ?? DEFAULT_BUDGET.maxTokens),
    maxWallMs: wall !== undefined ? wall * 1000 : DEFAULT_BUDGET.maxWallMs,
    ...(cost !== undefined ? { maxCostUsd: cost } : {}),
  };
}

/** Dollars with `digits` decimals, or two significant digits for an amount too small for them. */
function usd(v: number, digits: number): string {
  return v === 0 || v >= 10 ** -digits ? v.toFixed(digits) : String(Number(v.toPrecision(2)));
}

export interface BudgetStop {
  reason: StopReason;
  message: string;
}

export class Budget {
  readonly limits: BudgetLimits;
  readonly startedAt: number;
  turns = 0;
  usage: Usage = emptyUsage();
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly external?: AbortSignal;

  constructor(limits: BudgetLimits, opts: { now?: () => number; signal?: AbortSignal } = {}) {
    this.limits = limits;
    this.now = opts.now ?? Date.now;
    this.startedAt = this.now();
    this.external = opts.signal;
    // setTimeout fires at once for delays past 2^31-1 ms (~24.8 days): clamp.
    this.timer = setTimeout(
      () => this.controller.abort(new Error('time budget exhausted')),
      Math.min(limits.maxWallMs, 2 ** 31 - 1),
    );
    this.timer.unref();
    if (opts.signal) {
      if (opts.signal.aborted) this.controller.abort(opts.signal.reason);
      else
        opts.signal.addEventListener('abort', () => this.controller.abort(opts.signal?.reason), {
          once: true,
        });
    }
  }

  /** Aborted when the wall time runs out or the caller's signal fires. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  elapsedMs(): number {
    return this.now() - this.startedAt;
  }

  remainingMs(): number {
    return Math.max(0, this.limits.maxWallMs - this.elapsedMs());
  }

  get totalTokens(): number {
    return this.usage.promptTokens + this.usage.completionTokens;
  }

  record(usage: Partial<Usage>): void {
    // Counted only as finite numbers of 0 or more: a NaN would never exhaust a budget, a negative
    // number would give some back.
    const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
    this.usage = addUsage(this.usage, {
      promptTokens: n(usage.promptTokens),
      completionTokens: n(usage.completionTokens),
      cachedTokens: n(usage.cachedTokens),
      costUsd: n(usage.costUsd),
    });
  }

  /** Whether another model call may start; counts the turn when it may. */
  beginTurn(): BudgetStop | undefined {
    const stop = this.exhausted();
    if (stop) return stop;
    this.turns += 1;
    return undefined;
  }

  /** The first exhausted limit, if any. */
  exhausted(): BudgetStop | undefined {
    const l = this.limits;
    if (this.external?.aborted) return { reason: 'aborted', message: 'interrupted' };
    if (this.turns >= l.maxTurns) {
      return {
        reason: 'max_turns',
        message: `turn budget exhausted (${this.turns} of ${l.maxTurns} model calls)`,
      };
    }
    if (this.totalTokens >= l.maxTokens) {
      return {
        reason: 'token_budget',
        message: `token budget exhausted (${this.totalTokens} of ${l.maxTokens} tokens)`,
      };
    }
    if (l.maxCostUsd !== undefined && this.usage.costUsd >= l.maxCostUsd) {
      return {
        reason: 'cost_budget',
        message: `cost budget exhausted ($${usd(this.usage.costUsd, 4)} of $${usd(l.maxCostUsd, 2)})`,
      };
    }
    if (this.elapsedMs() >= l.maxWallMs || this.controller.signal.aborted) {
      return this.timeStop();
    }
    return undefined;
  }

  timeStop(): BudgetStop {
    return {
      reason: 'time_budget',
      message: `time budget exhausted (${Math.round(this.elapsedMs() / 1000)}s of ${Math.round(this.limits.maxWallMs / 1000)}s)`,
    };
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
