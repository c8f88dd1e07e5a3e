// Bounded retries of what is transient, and only that. Full-jitter exponential backoff
// (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/), a server's
// Retry-After honoured up to a cap, and a step-wide deadline that no wait may cross.
// The clock is injectable so the policy is unit-tested without real waiting.

import { endSentence, RemoteError, RetriesExhaustedError, withoutSentenceEnd } from '../errors.js';

export interface Clock {
  now(): number;
  sleep(milliseconds: number): Promise<void>;
  /** A number in [0, 1), for jitter. */
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
  random: () => Math.random(),
};

export const BASE_DELAY_MS = 500;
export const MAX_BACKOFF_MS = 8_000;
/** A Retry-After longer than this is cut down: a credential step should not sit idle for minutes. */
export const MAX_RETRY_AFTER_MS = 30_000;

/** The step-wide time budget. Every request timeout and every wait is clipped to what is left. */
export class Deadline {
  readonly #expiresAt: number;

  constructor(
    readonly totalMs: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.#expiresAt = clock.now() + totalMs;
  }

  remainingMs(): number {
    return Math.max(0, this.#expiresAt - this.clock.now());
  }

  /** "the step's deadline (90 s)", for error messages. */
  describe(): string {
    return `the step's deadline (${formatSeconds(this.totalMs)}, input \`deadline-seconds\`)`;
  }
}

/** "15 s", "1.5 s", or "40 ms" below a second (a short jittered wait is not "0.0 s"). */
export function formatSeconds(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

export interface RetryOptions {
  readonly maxAttempts: number;
  readonly deadline: Deadline;
  readonly clock?: Clock;
  /** Called before each wait, to log one line with the reason. */
  readonly onRetry?: (error: RemoteError, nextAttempt: number, delayMs: number) => void;
}

/** How long to wait before attempt `attempt + 1`: the server's Retry-After (capped), else full jitter. */
export function backoffDelayMs(attempt: number, error: RemoteError, random: () => number): number {
  if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS);
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Decides, after each failure, whether to try again: only for a transient RemoteError, only while
 * that request has tries left, and only when the wait ends before the deadline; then it waits.
 * Failures are counted per request, so in a sequence (ID token, then exchange) each request gets
 * its own `maxAttempts`. Whatever it throws is final (not transient).
 */
export class RetryBudget {
  readonly #failures = new Map<string, number>();
  readonly #clock: Clock;

  constructor(private readonly options: RetryOptions) {
    this.#clock = options.clock ?? systemClock;
  }

  /** Rethrows `error` when it is final or the budget is spent; otherwise waits before the next try. */
  async waitBeforeRetry(error: unknown, request = 'the request'): Promise<void> {
    if (!(error instanceof RemoteError) || !error.transient) throw error;
    const failures = (this.#failures.get(request) ?? 0) + 1;
    this.#failures.set(request, failures);
    if (failures >= this.options.maxAttempts) throw new RetriesExhaustedError(error, failures);
    const delayMs = backoffDelayMs(failures, error, () => this.#clock.random());
    if (delayMs >= this.options.deadline.remainingMs()) {
      throw new RemoteError(
        `${withoutSentenceEnd(error.message)}; no time left to try again within ${this.options.deadline.describe()}.`,
        { code: 'DEADLINE', transient: false, hint: error.hint, requestId: error.requestId, cause: error },
      );
    }
    this.options.onRetry?.(error, failures + 1, delayMs);
    await this.#clock.sleep(delayMs);
  }
}

/** Runs `operation` until it succeeds or the retry budget says stop (see RetryBudget). */
export async function withRetries<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  const budget = new RetryBudget(options);
  for (;;) {
    try {
      return await operation();
    } catch (error: unknown) {
      await budget.waitBeforeRetry(error);
    }
  }
}

/** Parses a Retry-After header: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date starts with a day name ("Sun, 06 Nov 1994 08:49:37 GMT"); anything else is junk.
  const date = /^[A-Za-z]{3},? /.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** The time limit for the next request: the per-request timeout, or what is left of the deadline if less. */
export function requestBounds(
  deadline: Deadline,
  requestTimeoutMs: number,
): { timeoutMs: number; timeoutLabel: string } {
  const remaining = deadline.remainingMs();
  return remaining < requestTimeoutMs
    ? { timeoutMs: Math.max(1, remaining), timeoutLabel: deadline.describe() }
    : {
        timeoutMs: requestTimeoutMs,
        timeoutLabel: `the request timeout (${formatSeconds(requestTimeoutMs)}, input \`timeout-seconds\`)`,
      };
}

/** The one log line a retry prints: what failed, and when the next attempt comes. */
export function describeRetry(error: RemoteError, nextAttempt: number, maxAttempts: number, delayMs: number): string {
  return `${endSentence(error.message)} Retrying in ${formatSeconds(delayMs)} (attempt ${nextAttempt} of ${maxAttempts}).`;
}
