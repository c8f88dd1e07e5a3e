// Request tracing for step debug logging. The runner shows `::debug::` lines only when step debug
// logging is on, and then it sets RUNNER_DEBUG=1 for the step; so the trace is written only then,
// and a normal log stays short. A trace line never holds a header value other than x-request-id,
// a body, a query string or proxy credentials: nothing in it can be a secret.

import * as core from '@actions/core';
import { logDebug } from './log.js';

/** Writes one `::debug::` line when step debug logging is on. Server text in `line` must be sanitised by the caller. */
export function trace(line: string): void {
  if (core.isDebug()) logDebug(line);
}

/** `METHOD host/path` for a trace line: no query string (a runner's ID-token URL carries ids), no credentials. */
export function describeTarget(method: string, url: URL): string {
  return `${method} ${url.host}${url.pathname}`;
}

/** How a request goes out, given the proxy's `host:port` (never its credentials) or undefined. */
export function describeProxy(proxyHost: string | undefined): string {
  return proxyHost === undefined ? 'direct' : `through the proxy ${proxyHost}`;
}
