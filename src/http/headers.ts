// Reading response headers: one value of a header, the id that names an answer to the server's
// operators, and the few headers worth a trace line. Header values are server text: sanitised.

import type { IncomingHttpHeaders } from 'node:http';
import { sanitizeServerText } from '../runner/sanitize.js';

/** The first value of a response header, or undefined. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The id that names this answer to the server's operators, sanitised: x-request-id, else the trace
 * ids huggingface_hub falls back to (utils/_http.py), x-amzn-trace-id then x-amz-cf-id, and an S3-like
 * storage host's x-amz-request-id.
 */
export function requestIdOf(headers: IncomingHttpHeaders): string | undefined {
  // The Hub's own id first, then what its front end and S3-like storage hosts send.
  for (const name of ['x-request-id', 'x-amzn-trace-id', 'x-amz-cf-id', 'x-amz-request-id']) {
    const value = headerValue(headers, name);
    if (value !== undefined && value.trim() !== '') return sanitizeServerText(value, 100);
  }
  return undefined;
}

/**
 * The response headers worth a trace line, sanitised. Not Location: a hostile server could put a
 * token it was sent into it (the redirect error shows only its host).
 */
export function describeResponseHeaders(headers: IncomingHttpHeaders): string {
  const shown = ['content-type', 'x-request-id', 'retry-after']
    .map((name) => [name, headerValue(headers, name)] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name} ${sanitizeServerText(value, 120)}`);
  return shown.length > 0 ? `, ${shown.join(', ')}` : '';
}
