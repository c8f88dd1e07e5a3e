// The hub's address, normalised once (in readInputs, and the same way in the git helper): every
// endpoint on the hub is built from it with the URL API, never by string concatenation, so a hub
// under a path prefix (`https://hub.example/mirror`) works and nothing can smuggle in a query.

import { InputError } from '../errors.js';
import { parseEndpoint } from '../http/endpoint-url.js';

/**
 * Parses a hub URL (`hub-url`, HF_ENDPOINT, the helper's --hub-url): an endpoint URL (see
 * parseEndpoint) without a query string or fragment, which a hub's address cannot have. The result's
 * path ends with exactly one `/`, so endpoints resolve below it.
 */
export function parseHubUrl(raw: string, label: string): URL {
  const url = parseEndpoint(raw, label);
  // On the given text, not on the URL: an empty query or fragment (`https://hub/?`) leaves
  // url.search empty but a `?` in url.href, which would end up in the hub's base and its audience.
  if (/[?#]/.test(raw)) {
    throw new InputError(`${label} must be the hub's address alone, without a query string or fragment.`, {
      hint: "Give it as https://huggingface.co (or your hub's base URL); the action adds the paths it calls.",
    });
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/`;
  return url;
}

/** The hub's URL without its trailing slash: the form @huggingface/hub's `hubUrl` and git config URL keys take. */
export function hubBaseOf(hubUrl: URL): string {
  return hubUrl.href.slice(0, -1);
}

/** The hub's own path, without slashes at either end: '' for a hub at the root of its host. */
export function hubPathOf(hubUrl: URL): string {
  return hubUrl.pathname.slice(1, -1);
}

/** `{hub}/{path}` for a relative `path` such as `oauth/token`. */
export function hubEndpoint(hubUrl: URL, path: string): URL {
  return new URL(path, hubUrl);
}
