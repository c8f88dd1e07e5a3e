// The clocks a request runs on: a total time limit covering connect, headers and body (a slow-drip
// body cannot stall the step), or, for uploads that may rightly take hours, an inactivity limit: the
// request fails when no byte moves in either direction for that long (a stall), however long it has
// run. Once the body is sent, the wait for the answer may be longer (a server processing a commit);
// and the answer itself may have a limit from its headers to its last byte (a body dripping a byte
// at a time keeps the inactivity clock happy, but an answer never rightly takes hours).

import { RemoteError } from '../errors.js';
import { formatSeconds } from './retry.js';

export interface TimerLimits {
  readonly method: string;
  readonly url: URL;
  /** Limit for the whole request, body included. */
  readonly timeoutMs?: number;
  /** What the limit is called in an error message, e.g. "the per-request timeout (15 s)". */
  readonly timeoutLabel: string;
  readonly idle?: IdleLimits;
}

/**
 * An inactivity limit: the request fails (transiently) when no byte is sent or received for `ms`.
 * Once the body is sent, the wait for the answer may be longer (`afterBodyMs`): a server may
 * rightly take a while to process what it received (a commit of many files).
 */
export interface IdleLimits {
  readonly ms: number;
  readonly afterBodyMs?: number;
  /** The most the answer may take, from its headers to its last byte, and what that limit is called. */
  readonly answer?: { readonly ms: number; readonly label: string };
}

export class RequestTimers {
  readonly #total: NodeJS.Timeout | undefined;
  #idleTimer: NodeJS.Timeout | undefined;
  #answerTimer: NodeJS.Timeout | undefined;
  #idleMs: number | undefined;
  #stopped = false;

  /** Starts the clocks; `onExpired` is called once with why and the error to fail the request with. */
  constructor(
    private readonly limits: TimerLimits,
    private readonly onExpired: (reason: string, error: RemoteError) => void,
  ) {
    this.#idleMs = limits.idle?.ms;
    const what = `${limits.method} ${limits.url.host}${limits.url.pathname}`;
    this.#total =
      limits.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            this.onExpired(
              'time limit reached',
              new RemoteError(`${what} did not complete within ${limits.timeoutLabel}`, {
                code: 'TIMEOUT',
                transient: true,
              }),
            );
          }, limits.timeoutMs);
    this.touch();
  }

  /** Restarts the inactivity clock: something moved. */
  touch(): void {
    const idleMs = this.#idleMs;
    if (idleMs === undefined || this.#stopped) return;
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      this.onExpired(
        `nothing moved for ${idleMs} ms`,
        new RemoteError(
          `${this.limits.method} ${this.limits.url.host}${this.limits.url.pathname} stalled: no data moved for ` +
            `${formatSeconds(idleMs)} (${this.limits.timeoutLabel})`,
          { code: 'STALLED', transient: true },
        ),
      );
    }, idleMs);
  }

  /** The whole body is with the socket: the answer may now take the (longer) processing wait. */
  bodySent(): void {
    if (this.limits.idle?.afterBodyMs !== undefined) this.#idleMs = this.limits.idle.afterBodyMs;
    this.touch();
  }

  /** The answer has started: bytes must keep coming at the inactivity limit again, and it must end in time. */
  responseStarted(): void {
    this.#idleMs = this.limits.idle?.ms;
    this.touch();
    const answer = this.limits.idle?.answer;
    if (answer === undefined || this.#stopped) return;
    this.#answerTimer = setTimeout(() => {
      this.onExpired(
        `answer not complete after ${answer.ms} ms`,
        new RemoteError(
          `${this.limits.method} ${this.limits.url.host}${this.limits.url.pathname}: the answer was not complete ` +
            `${formatSeconds(answer.ms)} after it began (${answer.label})`,
          { code: 'ANSWER_TOO_SLOW', transient: true },
        ),
      );
    }, answer.ms);
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#total);
    clearTimeout(this.#idleTimer);
    clearTimeout(this.#answerTimer);
  }
}
