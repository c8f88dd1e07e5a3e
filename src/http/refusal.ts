// A refused answer, read once the same way whoever asked (the ID-token request, the exchange,
// verify, the upload): its status, whether trying again may help, the server's Retry-After, the
// request id to quote to its operators, and the server's own words made safe to print (one line,
// inert, secrets and anything token-shaped cut out). Each caller words its message and its hint.

import { redactSecrets, sanitizeServerText } from '../runner/sanitize.js';
import { headerValue, requestIdOf } from './headers.js';
import { parseJsonObject } from './json.js';
import type { HttpResponse } from './request.js';
import { parseRetryAfter } from './retry.js';
import { isTransientStatus } from './transient.js';

export interface Refusal {
  readonly status: number;
  /** Whether trying again may help (transient.ts). */
  readonly transient: boolean;
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | undefined;
  /** The server's words, safe to print; '' when it said nothing (or `quote` was false). */
  readonly text: string;
}

/** What is read of an answer (an HttpResponse, or an answer recorded as it came). */
export type RefusedAnswer = Pick<HttpResponse, 'status' | 'headers' | 'body'>;

export interface RefusalReading {
  /** Values the server may echo that must not be shown (the token sent, credentials in the body). */
  readonly secrets: readonly string[];
  /** False when the body must not be quoted at all (a storage host's body can echo request headers). */
  readonly quote?: boolean;
  readonly maxLength?: number;
}

/** Reads a refused (non-2xx) answer; see the file comment. */
export function readRefusal(response: RefusedAnswer, reading: RefusalReading): Refusal {
  const text =
    reading.quote === false
      ? ''
      : sanitizeServerText(redactSecrets(serverWords(response), reading.secrets), reading.maxLength ?? 200);
  return {
    status: response.status,
    transient: isTransientStatus(response.status),
    retryAfterMs: parseRetryAfter(headerValue(response.headers, 'retry-after')),
    requestId: requestIdOf(response.headers),
    text,
  };
}

/** ` "text"` for a message, or '' when the server said nothing. */
export function quoted(text: string): string {
  return text ? ` ${JSON.stringify(text)}` : '';
}

/** ` (x-request-id: …)` for a message, or ''. */
export function requestIdNote(requestId: string | undefined): string {
  return requestId ? ` (x-request-id: ${requestId})` : '';
}

/**
 * What the server said: the Hub's X-Error-Message header; else a JSON body's OAuth fields (`error`,
 * `error_description`) or `message`; else the body itself, without HTML tags. Raw: the caller's
 * secrets are cut out before it is sanitised.
 */
function serverWords(response: RefusedAnswer): string {
  const header = headerValue(response.headers, 'x-error-message');
  if (header !== undefined && header.trim() !== '') return header;
  const { object } = parseJsonObject(response.body);
  const oauth = [object?.['error'], object?.['error_description']].filter((value) => typeof value === 'string');
  if (oauth.length > 0) return oauth.join(': ');
  if (typeof object?.['message'] === 'string') return object['message'];
  return response.body.replace(/<[^>]*>/g, ' ');
}
