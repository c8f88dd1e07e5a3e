// Every request of an upload goes through here (the Hub calls of hub-api.ts, lfs-batch.ts and
// commit-request.ts, the storage requests of lfs-transfer.ts), on the action's one HTTP stack
// (http/request.ts: proxies, TLS, no redirects):
// - the Hub token is attached to requests for the hub (its origin and path) only, fetched fresh for
//   each attempt (hub/token-holder.ts); a storage host never receives it, whatever a caller asks;
// - uploads are bounded by inactivity, not total time: a 10 GB file may take an hour, but a request
//   where no byte moves for `timeout-seconds` has stalled and is retried; an answer, once it starts,
//   must arrive whole within ANSWER_LIMIT_FACTOR × `timeout-seconds`;
// - what is transient (http/transient.ts) is retried with the action's policy (http/retry.ts: full
//   jitter, the server's Retry-After, `max-attempts` per request), each retry logged on one line.

import { RemoteError, wrapRemoteError } from '../errors.js';
import { readRefusal, requestIdNote } from '../http/refusal.js';
import { sendRequest, type HttpResponse, type StreamedBody } from '../http/request.js';
import { Deadline, describeRetry, RetryBudget, systemClock } from '../http/retry.js';
import { isTransientStatus } from '../http/transient.js';
import { USER_AGENT } from '../about.js';

/**
 * How long the hub may take to answer once it has a whole request: a commit of many files, or the
 * completion of a multipart upload of tens of GB (storage assembles the parts first), take a while;
 * other calls are quick. Until the request is sent, the inactivity limit (`timeout-seconds`) applies.
 */
export const PROCESSING_MS = { quick: 60_000, slow: 180_000 } as const;

/**
 * An answer (headers to last byte) may take this many times the inactivity limit, 60 s with the
 * default `timeout-seconds`: the largest answer read (64 MiB) arrives in that time at about 1 MiB/s,
 * and a body dripping a byte at a time, which never trips the inactivity limit, is cut. Only the
 * answer is bounded this way: a request body (a file of many GB) keeps the inactivity rule alone.
 */
export const ANSWER_LIMIT_FACTOR = 4;

/** Retry waits are bounded by `max-attempts` and the 30-second Retry-After cap, not by a step deadline. */
const UPLOAD_RETRY_HORIZON_MS = 7 * 24 * 60 * 60 * 1000;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface UploadRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array | StreamedBody;
  /** What this request is, for messages: "the LFS batch request", "the upload of weights.bin". */
  readonly what: string;
  /** The wait for an answer once the body is sent, when longer than the inactivity limit. */
  readonly processingMs?: number;
  readonly onBodyProgress?: (sentBytes: number) => void;
  readonly signal?: AbortSignal;
  readonly maxResponseBytes?: number;
  /** False for a signed URL on the hub that needs no token (a multipart completion, as both Hub clients send it). */
  readonly authenticate?: boolean;
}

/** What the upload needs of the Hub token's holder (hub/token-holder.ts's HubTokenHolder is one). */
export interface HubTokens {
  /** A token with enough life left for one more request. */
  accessToken(): Promise<string>;
  /** Every token handed out so far: never to be shown, whatever a server echoes. */
  secrets(): readonly string[];
}

export interface TransportOptions {
  /** The hub, normalised by parseHubUrl (path ending in `/`). */
  readonly hubUrl: URL;
  readonly tokens: HubTokens;
  readonly maxAttempts: number;
  /** The inactivity limit for each request (`timeout-seconds`). */
  readonly idleMs: number;
  readonly log: (line: string) => void;
}

export class UploadTransport {
  constructor(readonly options: TransportOptions) {}

  /** Whether `url` is on the hub (same origin, under its path): the only place the token goes. */
  isHub(url: URL): boolean {
    const hub = this.options.hubUrl;
    return url.origin === hub.origin && url.pathname.startsWith(hub.pathname);
  }

  /** One attempt, with the hub's Authorization when `url` is the hub's and never otherwise. */
  async sendOnce(request: UploadRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = { 'User-Agent': USER_AGENT };
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      // Only what the action adds below may authenticate to the hub.
      if (name.toLowerCase() === 'authorization' && this.isHub(request.url)) continue;
      headers[name] = value;
    }
    if (this.isHub(request.url) && request.authenticate !== false) {
      headers['Authorization'] = `Bearer ${await this.options.tokens.accessToken()}`;
    }
    return sendRequest({
      method: request.method,
      url: request.url,
      headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      timeoutLabel: `input \`timeout-seconds\``,
      idle: {
        ms: this.options.idleMs,
        ...(request.processingMs === undefined
          ? {}
          : { afterBodyMs: Math.max(request.processingMs, this.options.idleMs) }),
        answer: {
          ms: ANSWER_LIMIT_FACTOR * this.options.idleMs,
          label: `the answer limit, ${ANSWER_LIMIT_FACTOR} × input \`timeout-seconds\``,
        },
      },
      maxBodyBytes: request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      keepAlive: true,
      ...(request.onBodyProgress === undefined ? {} : { onBodyProgress: request.onBodyProgress }),
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    });
  }

  /**
   * Sends with retries of what is transient: network failures, stalls, 408, 429 and 5xx (with the
   * server's Retry-After). `refuse` turns a final non-2xx answer into an error; without it the last
   * answer is returned whatever its status (for requests whose statuses the caller interprets).
   */
  async send(request: UploadRequest, refuse?: (response: HttpResponse) => RemoteError): Promise<HttpResponse> {
    const budget = this.retryBudget(request.signal);
    for (;;) {
      let response: HttpResponse;
      try {
        response = await this.sendOnce(request);
      } catch (error: unknown) {
        if (request.signal?.aborted) throw error;
        // A local file that changed says so itself (it names the file); anything else gets the request's name.
        const named =
          error instanceof RemoteError && error.code !== 'LOCAL_FILE'
            ? wrapRemoteError(`${capitalise(request.what)} failed`, error)
            : error;
        await budget.waitBeforeRetry(named, request.what);
        continue;
      }
      if (response.status >= 200 && response.status < 300) return response;
      if (isTransientStatus(response.status)) {
        const error = refuse?.(response) ?? transientStatusError(request, response);
        try {
          await budget.waitBeforeRetry(error, request.what);
        } catch (final: unknown) {
          if (refuse) throw final;
          return response;
        }
        continue;
      }
      if (refuse) throw refuse(response);
      return response;
    }
  }

  /**
   * The action's retry policy for one request of the upload, logging each retry on one line. A
   * wait ends early when `signal` aborts (the upload failed elsewhere: the process must not linger).
   */
  retryBudget(signal?: AbortSignal): RetryBudget {
    return new RetryBudget({
      maxAttempts: this.options.maxAttempts,
      deadline: new Deadline(UPLOAD_RETRY_HORIZON_MS),
      clock: { ...systemClock, sleep: (milliseconds) => abortableSleep(milliseconds, signal) },
      onRetry: (error, nextAttempt, delayMs) =>
        this.options.log(describeRetry(error, nextAttempt, this.options.maxAttempts, delayMs)),
    });
  }
}

function abortableSleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, milliseconds);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** A transient status as an error, for the retry policy (its Retry-After, its request id). */
function transientStatusError(request: UploadRequest, response: HttpResponse): RemoteError {
  const { requestId, retryAfterMs } = readRefusal(response, { secrets: [], quote: false });
  return new RemoteError(
    `${capitalise(request.what)} was answered HTTP ${response.status}${requestIdNote(requestId)}`,
    { code: 'HUB_REFUSED', transient: true, retryAfterMs, requestId },
  );
}

/** "The upload of x", from "the upload of x": for a message that starts with it. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
