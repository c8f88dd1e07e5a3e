import { describe, expect, it } from 'vitest';
import { InputError, RemoteError, RetriesExhaustedError } from '../../src/errors.js';
import {
  backoffDelayMs,
  Deadline,
  formatSeconds,
  MAX_RETRY_AFTER_MS,
  requestBounds,
  parseRetryAfter,
  RetryBudget,
  withRetries,
  type Clock,
} from '../../src/http/retry.js';

/** A clock whose sleep advances time instantly and records each wait. */
function fakeClock(random = 0.5): Clock & { waits: number[] } {
  let now = 1_000_000;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: (milliseconds) => {
      waits.push(milliseconds);
      now += milliseconds;
      return Promise.resolve();
    },
    random: () => random,
  };
}

const transient = (message = 'HTTP 503', retryAfterMs?: number): RemoteError =>
  new RemoteError(message, { code: 'NETWORK', transient: true, retryAfterMs });

describe('withRetries', () => {
  it('retries transient errors and returns the first success', async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await withRetries(
      () => {
        calls++;
        return calls < 3 ? Promise.reject(transient()) : Promise.resolve('ok');
      },
      { maxAttempts: 4, deadline: new Deadline(90_000, clock), clock },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(clock.waits).toEqual([250, 500]); // full jitter with random() = 0.5: half of 500, 1000
  });

  it.each([
    ['a final remote error', new RemoteError('HTTP 400 invalid_grant', { code: 'EXCHANGE_REFUSED', transient: false })],
    ['an input error', new InputError('bad input')],
    ['a plain error', new Error('bug')],
  ])('never retries %s', async (_name, error) => {
    const clock = fakeClock();
    let calls = 0;
    await expect(
      withRetries(
        () => {
          calls++;
          return Promise.reject(error);
        },
        { maxAttempts: 4, deadline: new Deadline(90_000, clock), clock },
      ),
    ).rejects.toBe(error);
    expect(calls).toBe(1);
  });

  it('gives up after maxAttempts and says so', async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(
      withRetries(
        () => {
          calls++;
          return Promise.reject(transient());
        },
        { maxAttempts: 4, deadline: new Deadline(90_000, clock), clock },
      ),
    ).rejects.toThrow('HTTP 503 (gave up after 4 attempts, input `max-attempts`)');
    expect(calls).toBe(4);
  });

  it('throws a final error after giving up, so a retry loop around it does not start over', async () => {
    const clock = fakeClock();
    const deadline = new Deadline(900_000, clock);
    let innerCalls = 0;
    let outerCalls = 0;
    const failure = await withRetries(
      () => {
        outerCalls++;
        return withRetries(
          () => {
            innerCalls++;
            return Promise.reject(transient('HTTP 503.'));
          },
          { maxAttempts: 3, deadline, clock },
        );
      },
      { maxAttempts: 3, deadline, clock },
    ).catch((error: unknown) => error);
    expect([outerCalls, innerCalls]).toEqual([1, 3]);
    expect(failure).toBeInstanceOf(RetriesExhaustedError);
    expect(failure).toMatchObject({
      transient: false,
      message: 'HTTP 503 (gave up after 3 attempts, input `max-attempts`).',
    });
  });

  it('with one attempt, rethrows the message as is, but final', async () => {
    const clock = fakeClock();
    const failure = await withRetries(() => Promise.reject(transient('HTTP 503.')), {
      maxAttempts: 1,
      deadline: new Deadline(1_000, clock),
      clock,
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ transient: false, message: 'HTTP 503.' });
  });

  it('honours Retry-After, capped', async () => {
    const clock = fakeClock();
    let calls = 0;
    await withRetries(
      () =>
        ++calls === 1
          ? Promise.reject(transient('429', 3_000))
          : calls === 2
            ? Promise.reject(transient('429', 3_600_000))
            : Promise.resolve(1),
      { maxAttempts: 4, deadline: new Deadline(900_000, clock), clock },
    );
    expect(clock.waits).toEqual([3_000, MAX_RETRY_AFTER_MS]);
  });

  it('stops when the next wait would cross the deadline', async () => {
    const clock = fakeClock();
    await expect(
      withRetries(() => Promise.reject(transient('HTTP 503', 20_000)), {
        maxAttempts: 4,
        deadline: new Deadline(10_000, clock),
        clock,
      }),
    ).rejects.toSatisfy(
      (error) =>
        error instanceof RemoteError &&
        error.code === 'DEADLINE' &&
        /no time left to try again within the step's deadline \(10 s/.test(error.message),
    );
    expect(clock.waits).toEqual([]);
  });

  it('calls onRetry with the next attempt and the delay', async () => {
    const clock = fakeClock(0);
    const seen: Array<[number, number]> = [];
    let calls = 0;
    await withRetries(() => (++calls < 2 ? Promise.reject(transient()) : Promise.resolve(1)), {
      maxAttempts: 2,
      deadline: new Deadline(90_000, clock),
      clock,
      onRetry: (_error, next, delay) => seen.push([next, delay]),
    });
    expect(seen).toEqual([[2, 0]]);
  });
});

describe('RetryBudget', () => {
  it('counts failures per request: each request gets its own max-attempts', async () => {
    const clock = fakeClock();
    const budget = new RetryBudget({ maxAttempts: 3, deadline: new Deadline(90_000, clock), clock });
    const seen: string[] = [];
    for (const request of ['id-token', 'exchange', 'id-token', 'exchange']) {
      await budget.waitBeforeRetry(transient(`${request} failed`), request);
      seen.push(request);
    }
    expect(seen).toHaveLength(4);
    // The third failure of either request is the last one allowed.
    const failure = await budget
      .waitBeforeRetry(transient('exchange failed'), 'exchange')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RetriesExhaustedError);
    expect(failure).toMatchObject({ code: 'RETRIES_EXHAUSTED', transient: false });
    expect((failure as Error).message).toContain('gave up after 3 attempts');
  });

  it('keeps the last failure as the cause, with its code', async () => {
    const clock = fakeClock();
    const budget = new RetryBudget({ maxAttempts: 1, deadline: new Deadline(90_000, clock), clock });
    const last = transient('HTTP 503');
    const failure = await budget.waitBeforeRetry(last).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'RETRIES_EXHAUSTED', cause: last });
    expect((failure as { cause: RemoteError }).cause.code).toBe('NETWORK');
  });

  it('the deadline error is final and keeps the cause', async () => {
    const clock = fakeClock();
    const budget = new RetryBudget({ maxAttempts: 5, deadline: new Deadline(100, clock), clock });
    const last = transient('HTTP 503', 5_000);
    const failure = await budget.waitBeforeRetry(last).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'DEADLINE', transient: false, cause: last });
  });
});

describe('backoffDelayMs', () => {
  it('grows exponentially up to the cap, scaled by jitter', () => {
    const error = transient();
    expect([1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffDelayMs(attempt, error, () => 0.999999))).toEqual([
      499, 999, 1999, 3999, 7999, 7999, 7999,
    ]);
    expect(backoffDelayMs(3, error, () => 0)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  it.each([
    ['5', 5_000],
    [' 0 ', 0],
    ['Sat, 28 Nov 2026 12:00:30 GMT', 30_000],
    ['Sat, 28 Nov 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    ['-1', undefined],
    [undefined, undefined],
  ])('%j → %j ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('formatSeconds', () => {
  it.each([
    [15_000, '15 s'],
    [1_500, '1.5 s'],
    [999, '999 ms'],
    [40.4, '40 ms'],
    [0, '0 ms'],
  ])('%d ms → %s', (milliseconds, text) => {
    expect(formatSeconds(milliseconds)).toBe(text);
  });
});

describe('requestBounds', () => {
  it('uses the request timeout while the deadline is further away', () => {
    const clock = fakeClock();
    expect(requestBounds(new Deadline(90_000, clock), 15_000)).toEqual({
      timeoutMs: 15_000,
      timeoutLabel: 'the request timeout (15 s, input `timeout-seconds`)',
    });
  });

  it('clips to what is left of the deadline, and names it', async () => {
    const clock = fakeClock();
    const deadline = new Deadline(20_000, clock);
    await clock.sleep(12_000);
    expect(requestBounds(deadline, 15_000)).toEqual({
      timeoutMs: 8_000,
      timeoutLabel: "the step's deadline (20 s, input `deadline-seconds`)",
    });
  });
});
