// One HTTP request with the bounds a credential step needs, on Node's own http/https modules:
// - a total time limit covering connect, headers and body (a slow-drip body cannot stall the step),
//   or, for uploads that may rightly take hours, an inactivity limit instead: the request fails when
//   no byte moves in either direction for that long (a stall), however long it has run; with it, a
//   limit on the answer alone, from its headers to its last byte (a body dripping a byte at a time
//   keeps the inactivity clock happy, but an answer never rightly takes hours);
// - a cap on the body size, enforced while reading (a 50 MB answer is never buffered);
// - request bodies from memory or streamed from a source with back-pressure (a 10 GB file is read
//   as the socket drains, never held), always with a Content-Length (storage hosts refuse chunked);
// - redirects are never followed (the caller sees the 3xx), so a credential never reaches another host;
// - HTTPS_PROXY/HTTP_PROXY/NO_PROXY are honoured through @actions/http-client's agent, as on runners.
// TLS verification is Node's default and is never turned off; NODE_EXTRA_CA_CERTS adds a CA.

import * as http from 'node:http';
import * as https from 'node:https';
import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { getProxyUrl, HttpClient } from '@actions/http-client';
import { ActionError, RemoteError } from '../errors.js';
import { sanitizeServerText } from '../runner/sanitize.js';
import { describeProxy, describeTarget, trace } from '../runner/trace.js';
import { formatSeconds } from './retry.js';
import { isTransientNetworkError, isTransientStatus } from './transient.js';

/** A request body read from a source as the socket drains; `open` is called once per attempt. */
export interface StreamedBody {
  /** Exactly how many bytes `open()` yields (sent as Content-Length; any other count fails the request). */
  readonly length: number;
  open(): Readable;
  /**
   * When the body is a range of a file: read it directly into two buffers used in turn, each reused
   * only once the socket has taken its bytes. A 10 GB upload then allocates 2 MiB instead of 10 GB
   * of short-lived buffers (whose garbage collection costs CPU the upload needs).
   */
  readonly file?: { open(): Promise<FileHandle>; readonly start: number };
  /** What the body is, for an error message ("weights.bin"). */
  readonly description: string;
}

/** Bytes read from a file per write to the socket (two such buffers per request). */
const FILE_CHUNK_BYTES = 1024 * 1024;

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array | StreamedBody;
  /** Limit for the whole request, body included; omit it only with `idle`. */
  readonly timeoutMs?: number;
  /** What the timeout is called in an error message, e.g. "the per-request timeout (15 s)". */
  readonly timeoutLabel: string;
  /**
   * An inactivity limit: the request fails (transiently) when no byte is sent or received for `ms`.
   * Once the body is sent, the wait for the answer may be longer (`afterBodyMs`): a server may
   * rightly take a while to process what it received (a commit of many files).
   */
  readonly idle?: {
    readonly ms: number;
    readonly afterBodyMs?: number;
    /** The most the answer may take, from its headers to its last byte, and what that limit is called. */
    readonly answer?: { readonly ms: number; readonly label: string };
  };
  readonly maxBodyBytes: number;
  /** Called with the running count of body bytes handed to the socket. */
  readonly onBodyProgress?: (sentBytes: number) => void;
  readonly signal?: AbortSignal;
  /** Reuse connections (for the many requests of an upload); closeIdleConnections() ends them. */
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

// Agents (and so proxy settings) are resolved per URL by the toolkit's client. One client per
// protocol: a client caches its direct (no proxy) agent whatever the protocol, so after a direct
// http:// request (a loopback ID-token URL) a direct https:// one (NO_PROXY) would get an http.Agent.
const proxyAwareClients = new Map<string, HttpClient>();
function agentFor(url: URL, keepAlive: boolean): http.Agent {
  const key = `${url.protocol}${keepAlive ? 'keep-alive' : ''}`;
  let client = proxyAwareClients.get(key);
  if (!client) {
    client = new HttpClient(undefined, undefined, { keepAlive });
    proxyAwareClients.set(key, client);
  }
  return client.getAgent(url.href);
}

/** Closes the connections kept open by `keepAlive` requests, so that the process can exit. */
export function closeIdleConnections(): void {
  for (const [key, client] of proxyAwareClients) {
    if (!key.endsWith('keep-alive')) continue;
    client.dispose();
    proxyAwareClients.delete(key);
  }
}

/** The proxy a request to `url` goes through (HTTPS_PROXY/HTTP_PROXY/NO_PROXY), as host:port without credentials. */
function proxyHostFor(url: URL): string | undefined {
  const proxyUrl = getProxyUrl(url.href);
  if (proxyUrl === '') return undefined;
  try {
    return sanitizeServerText(new URL(proxyUrl).host, 100);
  } catch {
    return 'the configured proxy';
  }
}

/**
 * The toolkit's tunnel agent reports every proxy failure as ECONNRESET with its own message. Say it
 * was the proxy: a proxy refusing CONNECT (403, 407) is configuration, not worth a retry.
 */
function describeProxyFailure(
  error: Error,
  url: URL,
  proxyHost: string | undefined,
): { message: string; transient: boolean } | undefined {
  if (proxyHost === undefined) return undefined;
  const match = /^tunneling socket could not be established, (?:statusCode=(\d+)|cause=(.*))$/s.exec(error.message);
  if (!match) return undefined;
  const [, status, cause] = match;
  if (status !== undefined) {
    const code = Number(status);
    return {
      message: `the proxy ${proxyHost} refused to open a tunnel to ${url.host}: HTTP ${code}`,
      transient: isTransientStatus(code),
    };
  }
  return {
    message: `could not reach ${url.host} through the proxy ${proxyHost}: ${sanitizeServerText(cause ?? '', 200)}`,
    transient: true,
  };
}

const PROXY_HINT =
  'Check HTTPS_PROXY and NO_PROXY: the proxy must allow CONNECT to this host, or the host must be listed in NO_PROXY.';

/**
 * A socket error in a few words: its code, else its message, which may quote what the server sent
 * (a certificate's names, a proxy's answer), so it is sanitised like any server text.
 */
function describeSocketError(error: NodeJS.ErrnoException): string {
  return error.code ?? sanitizeServerText(error.message, 200);
}

/** Node's socket error codes that mean "the network failed, trying again may work". */
function describeNetworkError(error: NodeJS.ErrnoException, url: URL): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return `connection to ${url.host} refused`;
    case 'ECONNRESET':
      return `connection to ${url.host} reset`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `could not resolve ${url.hostname}`;
    case 'EPIPE':
      return `connection to ${url.host} closed while sending`;
    default:
      return `network error talking to ${url.host}: ${describeSocketError(error)}`;
  }
}

/** Sends one request and reads the body up to the cap. Never follows redirects. */
export function sendRequest(request: HttpRequest): Promise<HttpResponse> {
  const transport = request.url.protocol === 'https:' ? https : http;
  const target = describeTarget(request.method, request.url);
  const started = Date.now();
  const proxyHost = proxyHostFor(request.url);
  const limits = [
    request.timeoutMs === undefined ? undefined : `time limit ${request.timeoutMs} ms`,
    request.idle === undefined ? undefined : `inactivity limit ${request.idle.ms} ms`,
  ].filter((limit) => limit !== undefined);
  trace(`${target}: sending, ${describeProxy(proxyHost)}, ${limits.join(', ')}`);
  if (request.signal?.aborted) return Promise.reject(abortReason(request.signal));
  return new Promise<HttpResponse>((resolve, reject) => {
    const body = request.body;
    // Opened here, read only once piped below.
    const source: Readable | undefined =
      body === undefined || typeof body === 'string' || !isStreamed(body) || body.file !== undefined
        ? undefined
        : body.open();
    let settled = false;
    let idleTimer: NodeJS.Timeout | undefined;
    let answerTimer: NodeJS.Timeout | undefined;
    let idleMs = request.idle?.ms;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(idleTimer);
      clearTimeout(answerTimer);
      request.signal?.removeEventListener('abort', onAbort);
      source?.destroy();
      stop();
      outcome();
    };
    /** Resolves when the request is settled, so that a pump waiting on the socket stops. */
    let stop = (): void => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const traceFailure = (reason: string): void =>
      trace(`${target} failed after ${Date.now() - started} ms: ${sanitizeServerText(reason, 200)}`);
    const fail = (reason: string, error: Error): void => {
      finish(() => {
        traceFailure(reason);
        reject(error);
      });
      outgoing.destroy();
    };

    const length =
      body === undefined
        ? undefined
        : typeof body === 'string'
          ? Buffer.byteLength(body)
          : isStreamed(body)
            ? body.length
            : body.byteLength;
    // A proxied connection is not kept: the toolkit's tunnel agents cannot be closed from here.
    const keepAlive = request.keepAlive === true && proxyHost === undefined;
    const outgoing = transport.request(request.url, {
      method: request.method,
      headers: {
        ...request.headers,
        ...(length === undefined ? {} : { 'Content-Length': String(length) }),
      },
      agent: agentFor(request.url, keepAlive),
    });

    const timer =
      request.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            fail(
              'time limit reached',
              new RemoteError(
                `${request.method} ${request.url.host}${request.url.pathname} did not complete within ${request.timeoutLabel}`,
                { code: 'TIMEOUT', transient: true },
              ),
            );
          }, request.timeoutMs);

    /** Restarts the inactivity clock: something moved. */
    const touch = (): void => {
      if (idleMs === undefined || settled) return;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        fail(
          `nothing moved for ${idleMs ?? 0} ms`,
          new RemoteError(
            `${request.method} ${request.url.host}${request.url.pathname} stalled: no data moved for ` +
              `${formatSeconds(idleMs ?? 0)} (${request.timeoutLabel})`,
            { code: 'STALLED', transient: true },
          ),
        );
      }, idleMs);
    };
    touch();

    const onAbort = (): void => {
      fail('aborted', abortReason(request.signal));
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });

    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      finish(() => {
        traceFailure(error.code ?? error.message);
        const proxyFailure = describeProxyFailure(error, request.url, proxyHost);
        if (proxyFailure) {
          reject(
            new RemoteError(proxyFailure.message, {
              code: 'PROXY',
              transient: proxyFailure.transient,
              cause: error,
              hint: PROXY_HINT,
            }),
          );
          return;
        }
        const tls = !isTransientNetworkError(error);
        reject(
          new RemoteError(
            tls
              ? `TLS verification of ${request.url.host} failed (${describeSocketError(error)})`
              : describeNetworkError(error, request.url),
            {
              code: tls ? 'TLS' : 'NETWORK',
              transient: !tls,
              cause: error,
              hint: tls
                ? 'If your runner uses a TLS-intercepting proxy, add its CA with the NODE_EXTRA_CA_CERTS ' +
                  'environment variable.'
                : undefined,
            },
          ),
        );
      });
    });

    outgoing.on('response', (incoming) => {
      idleMs = request.idle?.ms;
      touch();
      const answer = request.idle?.answer;
      if (answer !== undefined) {
        answerTimer = setTimeout(() => {
          fail(
            `answer not complete after ${answer.ms} ms`,
            new RemoteError(
              `${request.method} ${request.url.host}${request.url.pathname}: the answer was not complete ` +
                `${formatSeconds(answer.ms)} after it began (${answer.label})`,
              { code: 'ANSWER_TOO_SLOW', transient: true },
            ),
          );
        }, answer.ms);
      }
      const chunks: Buffer[] = [];
      let received = 0;
      incoming.on('data', (chunk: Buffer) => {
        touch();
        received += chunk.length;
        if (received > request.maxBodyBytes) {
          fail(
            `body larger than ${request.maxBodyBytes} bytes`,
            new RemoteError(
              `the response from ${request.url.host} (HTTP ${incoming.statusCode ?? '?'}) is larger than ` +
                `${request.maxBodyBytes} bytes`,
              { code: 'RESPONSE_TOO_LARGE', transient: false },
            ),
          );
          return;
        }
        chunks.push(chunk);
      });
      incoming.on('end', () => {
        finish(() => {
          trace(
            `${target} → HTTP ${incoming.statusCode ?? '?'} in ${Date.now() - started} ms, ${received} bytes${describeResponseHeaders(incoming.headers)}`,
          );
          const bytes = Buffer.concat(chunks);
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: bytes.toString('utf8'), bytes });
        });
      });
      // 'close' without 'end' means the connection dropped mid-body; after 'end' this is a no-op.
      incoming.on('close', () => {
        finish(() => {
          traceFailure('connection closed before the end of the body');
          reject(
            new RemoteError(`connection to ${request.url.host} closed before the response was complete`, {
              code: 'NETWORK',
              transient: true,
            }),
          );
        });
      });
      incoming.on('error', (error: NodeJS.ErrnoException) => {
        finish(() => {
          traceFailure(error.code ?? error.message);
          reject(
            new RemoteError(describeNetworkError(error, request.url), {
              code: 'NETWORK',
              transient: true,
              cause: error,
            }),
          );
        });
      });
    });

    /** The whole body is with the socket: the answer may now take the (longer) processing wait. */
    const onBodySent = (): void => {
      if (request.idle?.afterBodyMs !== undefined) idleMs = request.idle.afterBodyMs;
      touch();
    };

    if (body === undefined || typeof body === 'string' || !isStreamed(body)) {
      outgoing.end(body);
      onBodySent();
      return;
    }
    // A streamed body: sent with back-pressure, counted (progress, inactivity), and checked to be
    // exactly as long as announced (a file that changed since it was measured must not go half-sent).
    let sent = 0;
    const onChunk = (bytes: number): void => {
      sent += bytes;
      touch();
      request.onBodyProgress?.(sent);
    };
    const readFailed = (error: NodeJS.ErrnoException): void => {
      // The body's own verdict (a file the workflow changed during the upload) is the message.
      if (error instanceof ActionError) {
        fail(error.message, error);
        return;
      }
      fail(
        error.code ?? error.message,
        new RemoteError(`could not read ${body.description}: ${error.code ?? error.message}`, {
          code: 'LOCAL_FILE',
          transient: false,
          cause: error,
        }),
      );
    };
    /** Whether the body had its announced length; fails the request when not. */
    const checkLength = (): boolean => {
      if (sent === body.length) return true;
      fail(
        `body had ${sent} bytes, not ${body.length}`,
        new RemoteError(
          `${body.description} changed while it was being sent: ${sent} bytes read, ${body.length} expected`,
          {
            code: 'LOCAL_FILE',
            transient: false,
            hint:
              'Do not change the files to upload while the action runs (start the upload after the step that ' +
              'writes them).',
          },
        ),
      );
      return false;
    };
    outgoing.on('finish', onBodySent);
    if (body.file !== undefined) {
      pumpFile(body.file, body.length, outgoing, onChunk, stopped, () => settled).then(() => {
        if (!settled && checkLength()) outgoing.end();
      }, readFailed);
      return;
    }
    if (source === undefined) return;
    source.on('data', (chunk: Buffer) => onChunk(chunk.length));
    source.on('error', readFailed);
    source.on('end', checkLength);
    source.pipe(outgoing);
  });
}

/**
 * Writes `length` bytes of a file from `start` to `outgoing`, reading into two buffers in turn:
 * a buffer is refilled only once the socket has taken the bytes it held (its write callback), so
 * at most two chunks are in memory and nothing else is allocated. Stops early when the request
 * settles (`stopped`), or when the file ends early (the caller then sees too few bytes).
 */
async function pumpFile(
  file: { open(): Promise<FileHandle>; readonly start: number },
  length: number,
  outgoing: http.ClientRequest,
  onChunk: (bytes: number) => void,
  stopped: Promise<void>,
  isStopped: () => boolean,
): Promise<void> {
  const handle = await file.open();
  try {
    const size = Math.max(1, Math.min(FILE_CHUNK_BYTES, length));
    const buffers = [Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size)] as const;
    const taken: [Promise<void>, Promise<void>] = [Promise.resolve(), Promise.resolve()];
    let position = file.start;
    let remaining = length;
    for (let turn: 0 | 1 = 0; remaining > 0; turn = turn === 0 ? 1 : 0) {
      await Promise.race([taken[turn], stopped]);
      if (isStopped()) return;
      const buffer = buffers[turn];
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, remaining), position);
      if (bytesRead === 0 || isStopped()) return;
      position += bytesRead;
      remaining -= bytesRead;
      // Errors reach the request's 'error' listener; the callback only says the buffer is free.
      taken[turn] = new Promise((resolve) => outgoing.write(buffer.subarray(0, bytesRead), () => resolve()));
      onChunk(bytesRead);
    }
    await Promise.race([Promise.all(taken), stopped]);
  } finally {
    await handle.close();
  }
}

/** Why a request was aborted: the signal's reason when it is an Error, else an AbortError. */
function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The request was aborted', 'AbortError');
}

function isStreamed(body: Uint8Array | StreamedBody): body is StreamedBody {
  return !(body instanceof Uint8Array);
}

/**
 * The response headers worth a trace line, sanitised. Not Location: a hostile server could put a
 * token it was sent into it (the redirect error shows only its host).
 */
function describeResponseHeaders(headers: http.IncomingHttpHeaders): string {
  const shown = ['content-type', 'x-request-id', 'retry-after']
    .map((name) => [name, headerValue(headers, name)] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name} ${sanitizeServerText(value, 120)}`);
  return shown.length > 0 ? `, ${shown.join(', ')}` : '';
}

/** The first value of a response header, or undefined. */
export function headerValue(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The id that names this answer to the server's operators, sanitised: x-request-id, else the trace
 * ids huggingface_hub falls back to (utils/_http.py), x-amzn-trace-id then x-amz-cf-id, and an S3-like
 * storage host's x-amz-request-id.
 */
export function requestIdOf(headers: http.IncomingHttpHeaders): string | undefined {
  // The Hub's own id first, then what its front end and S3-like storage hosts send.
  for (const name of ['x-request-id', 'x-amzn-trace-id', 'x-amz-cf-id', 'x-amz-request-id']) {
    const value = headerValue(headers, name);
    if (value !== undefined && value.trim() !== '') return sanitizeServerText(value, 100);
  }
  return undefined;
}
