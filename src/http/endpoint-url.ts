// Which URLs the action sends a credential to. Every endpoint (the hub, a token endpoint, the
// helper's copies of both) is checked here before any request is made, and shown through here: a
// query string (brokers keyed by `?code=…` exist) is used, never printed.

import { InputError } from '../errors.js';
import { quoteForMessage } from '../runner/sanitize.js';

/** localhost, 127.0.0.0/8 or [::1]: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '[::1]';
}

/**
 * An endpoint must be https. Plain http is allowed for loopback hosts only, for local testing: the
 * ID token sent to the broker is a credential and must not cross a network in the clear.
 */
export function parseEndpoint(raw: string, label: string): URL {
  const given = raw.trim();
  const shown = quoteForMessage(withoutQuery(given));
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new InputError(`${label} is not a valid URL: ${shown}.`, {
      hint: 'Give an absolute https:// URL, for example https://huggingface.co.',
    });
  }
  if (url.username || url.password) {
    throw new InputError(`${label} must not contain credentials: ${quoteForMessage(url.host)}.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InputError(`${label} uses plain http:// for ${url.host}, which is not a loopback host.`, {
      hint:
        'Use https://. Plain http:// is accepted only for localhost, 127.0.0.0/8 and [::1] (local testing), ' +
        'because the ID token must not cross a network unencrypted.',
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(`${label} must be an https:// URL, got ${shown}.`);
  }
  url.hash = '';
  return url;
}

/** An endpoint as the log shows it: scheme, host and path; a query string only as `?…`. */
export function displayEndpoint(url: URL): string {
  return `${url.origin}${url.pathname}${url.search ? '?… (query string not shown)' : ''}`;
}

/** What was given for an endpoint, for an error message: everything from the first `?` or `#` is cut. */
function withoutQuery(given: string): string {
  const cut = given.search(/[?#]/);
  return cut < 0 ? given : `${given.slice(0, cut)}?…`;
}
