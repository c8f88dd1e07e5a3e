// One HTTP request with the bounds a credential step needs, on Node's own http/https modules:
// - a total time limit covering connect, headers and body (a slow-drip body cannot stall the step);
// - a cap on the body size, enforced while reading (a 50 MB answer is never buffered);
// - redirects are never followed (the caller sees the 3xx), so a credential never reaches another host;
// - HTTPS_PROXY/HTTP_PROXY/NO_PROXY are honoured through @actions/http-client's agent, as on runners.
// TLS verification is Node's default and is never turned off; NODE_EXTRA_CA_CERTS adds a CA.

import * as http from 'node:http';
import * as https from 'node:https';
import { getProxyUrl, HttpClient } from '@actions/http-client';
import { RemoteError } from '../errors.js';
import { sanitizeServerText } from '../runner/sanitize.js';
import { describeProxy, describeTarget, trace } from '../runner/trace.js';
import { isTransientNetworkError, isTransientStatus } from './transient.js';

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Limit for the whole request, body included. */
  readonly timeoutMs: number;
  /** What the timeout is called in an error message, e.g. "the per-request timeout (15 s)". */
  readonly timeoutLabel: string;
  readonly maxBodyBytes: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

// Agents (and so proxy settings) are resolved per URL by the toolkit's client. One client per
// protocol: a client caches its direct (no proxy) agent whatever the protocol, so after a direct
// http:// request (a loopback ID-token URL) a direct https:// one (NO_PROXY) would get an http.Agent.
const proxyAwareClients = new Map<string, HttpClient>();
function agentFor(url: URL): http.Agent {
  let client = proxyAwareClients.get(url.protocol);
  if (!client) {
    client = new HttpClient(undefined, undefined, { keepAlive: false });
    proxyAwareClients.set(url.protocol, client);
  }
  return client.getAgent(url.href);
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
  trace(`${target}: sending, ${describeProxy(proxyHost)}, time limit ${request.timeoutMs} ms`);
  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const traceFailure = (reason: string): void =>
      trace(`${target} failed after ${Date.now() - started} ms: ${sanitizeServerText(reason, 200)}`);

    const outgoing = transport.request(request.url, {
      method: request.method,
      headers: {
        ...request.headers,
        ...(request.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(request.body)) }),
      },
      agent: agentFor(request.url),
    });

    const timer = setTimeout(() => {
      finish(() => {
        traceFailure('time limit reached');
        reject(
          new RemoteError(
            `${request.method} ${request.url.host}${request.url.pathname} did not complete within ${request.timeoutLabel}`,
            { code: 'TIMEOUT', transient: true },
          ),
        );
      });
      outgoing.destroy();
    }, request.timeoutMs);

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
                ? 'If your runner uses a TLS-intercepting proxy, add its CA with the NODE_EXTRA_CA_CERTS environment variable.'
                : undefined,
            },
          ),
        );
      });
    });

    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      let received = 0;
      incoming.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > request.maxBodyBytes) {
          finish(() => {
            traceFailure(`body larger than ${request.maxBodyBytes} bytes`);
            reject(
              new RemoteError(
                `the response from ${request.url.host} (HTTP ${incoming.statusCode ?? '?'}) is larger than ${request.maxBodyBytes} bytes`,
                { code: 'RESPONSE_TOO_LARGE', transient: false },
              ),
            );
          });
          outgoing.destroy();
          return;
        }
        chunks.push(chunk);
      });
      incoming.on('end', () => {
        finish(() => {
          trace(
            `${target} → HTTP ${incoming.statusCode ?? '?'} in ${Date.now() - started} ms, ${received} bytes${describeResponseHeaders(incoming.headers)}`,
          );
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
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

    outgoing.end(request.body);
  });
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
 * ids huggingface_hub falls back to (utils/_http.py), x-amzn-trace-id then x-amz-cf-id.
 */
export function requestIdOf(headers: http.IncomingHttpHeaders): string | undefined {
  for (const name of ['x-request-id', 'x-amzn-trace-id', 'x-amz-cf-id']) {
    const value = headerValue(headers, name);
    if (value !== undefined && value.trim() !== '') return sanitizeServerText(value, 100);
  }
  return undefined;
}
