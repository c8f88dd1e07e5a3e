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

/** The path of the Trusted Publishers exchange below a hub's URL. */
const TOKEN_EXCHANGE_PATH = '/oauth/token';

/**
 * The audience to request when the `audience` input is empty: the URL of the hub that receives the
 * ID token. A hub accepts only ID tokens whose `aud` is its own URL, so an ID token for
 * https://huggingface.co handed to any other host (a download mirror in HF_ENDPOINT, a staging
 * hub, a broker) could be replayed at huggingface.co for a write token; one for the receiver's own
 * URL cannot.
 *
 * What "the hub's URL" is, from where the exchange goes (`endpoint`):
 * - `{hub}/oauth/token` (from hub-url, HF_ENDPOINT or the default, or a token-endpoint of that
 *   form) → `{hub}`, without a trailing slash and with the hub's path: huggingface_hub does the
 *   same (`_oidc.py`: the audience defaults to ENDPOINT, which is HF_ENDPOINT with trailing
 *   slashes stripped, path kept), so https://huggingface.co for the real Hub and
 *   https://hub.example/mirror for a hub under a path;
 * - any other token-endpoint (a broker with its own path, maybe a query) → its origin: the party
 *   that receives the ID token, and nothing narrower that a query string could smuggle in.
 * Derived from the endpoint, not from hub-url: with `hub-url` a mirror and `token-endpoint` the
 * real Hub, the ID token goes to the real Hub and must name it.
 */
export function defaultAudienceFor(endpoint: URL): string {
  const path = endpoint.pathname;
  if (path.endsWith(TOKEN_EXCHANGE_PATH)) {
    return `${endpoint.origin}${path.slice(0, -TOKEN_EXCHANGE_PATH.length)}`.replace(/\/+$/, '');
  }
  return endpoint.origin;
}
