// One HTTP request with the bounds a credential step needs, on Node's own http/https modules:
// - a total time limit, or for uploads an inactivity limit with a limit on the answer alone, from its
//   headers to its last byte (request-timers.ts);
// - a cap on the body size, enforced while reading (a 50 MB answer is never buffered);
// - request bodies from memory or streamed from a source with back-pressure (a 10 GB file is read
//   as the socket drains, never held: file-pump.ts), always with a Content-Length (storage hosts
//   refuse chunked);
// - redirects are never followed (the caller sees the 3xx), so a credential never reaches another host;
// - HTTPS_PROXY/HTTP_PROXY/NO_PROXY are honoured (agents.ts); socket failures are explained
//   (socket-errors.ts).
// TLS verification is Node's default and is never turned off; NODE_EXTRA_CA_CERTS adds a CA.

import * as http from 'node:http';
import * as https from 'node:https';
import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { RemoteError } from '../errors.js';
import { sanitizeServerText } from '../runner/sanitize.js';
import { describeProxy, describeTarget, trace } from '../runner/trace.js';
import { agentFor, proxyHostFor } from './agents.js';
import { describeResponseHeaders } from './headers.js';
import { bodyLength, openBodySource, sendBody } from './request-body.js';
import { RequestTimers, type IdleLimits } from './request-timers.js';
import { connectionError, responseStreamError } from './socket-errors.js';

/** A request body read from a source as the socket drains; `open` is called once per attempt. */
export interface StreamedBody {
  /** Exactly how many bytes `open()` yields (sent as Content-Length; any other count fails the request). */
  readonly length: number;
  open(): Readable;
  /**
   * When the body is a range of a file: read it directly into two buffers used in turn, each reused
   * only once the socket has taken its bytes (file-pump.ts).
   */
  readonly file?: { open(): Promise<FileHandle>; readonly start: number };
  /** What the body is, for an error message ("weights.bin"). */
  readonly description: string;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array | StreamedBody;
  /** Limit for the whole request, body included; omit it only with `idle`. */
  readonly timeoutMs?: number;
  /** What the timeout is called in an error message, e.g. "the per-request timeout (15 s)". */
  readonly timeoutLabel: string;
  /** An inactivity limit instead of `timeoutMs`, for bodies that may rightly take hours (request-timers.ts). */
  readonly idle?: IdleLimits;
  readonly maxBodyBytes: number;
  /** Called with the running count of body bytes handed to the socket. */
  readonly onBodyProgress?: (sentBytes: number) => void;
  readonly signal?: AbortSignal;
  /** Reuse connections (for the many requests of an upload); agents.ts's closeIdleConnections() ends them. */
  readonly keepAlive?: boolean;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** The body as UTF-8 text. */
  readonly body: string;
  /** The body as received, for binary answers. */
  readonly bytes: Buffer;
}

/** Sends one request and reads the body up to the cap. Never follows redirects. */
export function sendRequest(request: HttpRequest): Promise<HttpResponse> {
  const proxyHost = proxyHostFor(request.url);
  const limits = [
    request.timeoutMs === undefined ? undefined : `time limit ${request.timeoutMs} ms`,
    request.idle === undefined ? undefined : `inactivity limit ${request.idle.ms} ms`,
  ].filter((limit) => limit !== undefined);
  trace(`${describeTarget(request.method, request.url)}: sending, ${describeProxy(proxyHost)}, ${limits.join(', ')}`);
  if (request.signal?.aborted) return Promise.reject(abortReason(request.signal));
  return new Promise<HttpResponse>((resolve, reject) => {
    new InFlightRequest(request, proxyHost, resolve, reject).start();
  });
}

/** One request from sending to its one outcome: an answer read whole, or the first failure. */
class InFlightRequest {
  readonly #target: string;
  readonly #started = Date.now();
  readonly #outgoing: http.ClientRequest;
  readonly #timers: RequestTimers;
  #settled = false;
  /** Resolves when the request is settled, so that a pump waiting on the socket stops. */
  readonly #stopped: Promise<void>;
  #stop: () => void = () => undefined;
  readonly #source: Readable | undefined;
  readonly #onAbort = (): void => this.fail('aborted', abortReason(this.request.signal));

  constructor(
    private readonly request: HttpRequest,
    private readonly proxyHost: string | undefined,
    private readonly resolve: (response: HttpResponse) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.#target = describeTarget(request.method, request.url);
    this.#stopped = new Promise<void>((done) => (this.#stop = done));
    const body = request.body;
    this.#source = openBodySource(body);
    // A proxied connection is not kept: the toolkit's tunnel agents cannot be closed from here.
    const keepAlive = request.keepAlive === true && proxyHost === undefined;
    const length = body === undefined ? undefined : bodyLength(body);
    this.#outgoing = (request.url.protocol === 'https:' ? https : http).request(request.url, {
      method: request.method,
      headers: { ...request.headers, ...(length === undefined ? {} : { 'Content-Length': String(length) }) },
      agent: agentFor(request.url, keepAlive),
    });
    this.#timers = new RequestTimers(request, (reason, error) => this.fail(reason, error));
  }

  start(): void {
    this.request.signal?.addEventListener('abort', this.#onAbort, { once: true });
    this.#outgoing.on('error', (error: NodeJS.ErrnoException) => {
      this.#finish(error.code ?? error.message, () =>
        this.reject(connectionError(error, this.request.url, this.proxyHost)),
      );
    });
    this.#outgoing.on('response', (incoming) => this.#readResponse(incoming));
    this.#sendBody();
  }

  /** Settles once; later outcomes are ignored. A failure's `reason` goes to the trace. */
  #finish(failure: string | undefined, outcome: () => void): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#timers.stop();
    this.request.signal?.removeEventListener('abort', this.#onAbort);
    this.#source?.destroy();
    this.#stop();
    if (failure !== undefined) {
      trace(`${this.#target} failed after ${Date.now() - this.#started} ms: ${sanitizeServerText(failure, 200)}`);
    }
    outcome();
  }

  /** Fails the request and ends its connection. */
  fail(reason: string, error: Error): void {
    this.#finish(reason, () => this.reject(error));
    this.#outgoing.destroy();
  }

  #readResponse(incoming: http.IncomingMessage): void {
    const { url, maxBodyBytes } = this.request;
    this.#timers.responseStarted();
    const chunks: Buffer[] = [];
    let received = 0;
    incoming.on('data', (chunk: Buffer) => {
      this.#timers.touch();
      received += chunk.length;
      if (received > maxBodyBytes) {
        this.fail(
          `body larger than ${maxBodyBytes} bytes`,
          new RemoteError(
            `the response from ${url.host} (HTTP ${incoming.statusCode ?? '?'}) is larger than ${maxBodyBytes} bytes`,
            { code: 'RESPONSE_TOO_LARGE', transient: false },
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    incoming.on('end', () => {
      this.#finish(undefined, () => {
        const status = incoming.statusCode ?? 0;
        trace(
          `${this.#target} → HTTP ${incoming.statusCode ?? '?'} in ${Date.now() - this.#started} ms, ${received} bytes` +
            describeResponseHeaders(incoming.headers),
        );
        const bytes = Buffer.concat(chunks);
        this.resolve({ status, headers: incoming.headers, body: bytes.toString('utf8'), bytes });
      });
    });
    // 'close' without 'end' means the connection dropped mid-body; after 'end' this is a no-op.
    incoming.on('close', () => {
      this.#finish('connection closed before the end of the body', () =>
        this.reject(
          new RemoteError(`connection to ${url.host} closed before the response was complete`, {
            code: 'NETWORK',
            transient: true,
          }),
        ),
      );
    });
    incoming.on('error', (error: NodeJS.ErrnoException) => {
      this.#finish(error.code ?? error.message, () => this.reject(responseStreamError(error, url)));
    });
  }

  #sendBody(): void {
    sendBody(this.request.body, {
      outgoing: this.#outgoing,
      source: this.#source,
      timers: this.#timers,
      stopped: this.#stopped,
      isSettled: () => this.#settled,
      fail: (reason, error) => this.fail(reason, error),
      ...(this.request.onBodyProgress ? { onBodyProgress: this.request.onBodyProgress } : {}),
    });
  }
}

/** Why a request was aborted: the signal's reason when it is an Error, else an AbortError. */
function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The request was aborted', 'AbortError');
}
