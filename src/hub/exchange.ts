// The RFC 8693 token exchange at the trust broker, in the Hub's dialect: a JSON body (not the form
// encoding of the RFC) with no client authentication, the ID token being the credential.
// https://huggingface.co/docs/hub/trusted-publishers, https://www.rfc-editor.org/rfc/rfc8693

import { ExchangeRefusedError, RemoteError, wrapRemoteError } from '../errors.js';
import { displayEndpoint } from '../http/endpoint-url.js';
import { readRefusal, requestIdNote } from '../http/refusal.js';
import { sendRequest } from '../http/request.js';
import type { Resource } from './resource.js';
import { isTransientOAuthError } from '../http/transient.js';
import { redactSecrets, sanitizeServerText } from '../runner/sanitize.js';
import { findCredentialsInBody, parseOAuthError, parseTokenResponse, type IssuedToken } from './token-response.js';
import { USER_AGENT } from '../about.js';

export const TOKEN_EXCHANGE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';
const MAX_RESPONSE_BYTES = 64 * 1024;
const HUB_TIMEOUT_HINT =
  "The Hub timed out while checking the request (not a refusal of this run's identity); re-run the job later.";

/**
 * Exchanges `idToken` for a Hub token for `resource`. One attempt; the caller retries what is
 * transient. `onToken` receives the issued token before it is checked, so it can be masked first.
 */
export async function exchangeToken(
  idToken: string,
  resource: Resource,
  endpoint: URL,
  bounds: { timeoutMs: number; timeoutLabel: string },
  onToken: (token: string) => void,
): Promise<IssuedToken> {
  const response = await sendRequest({
    method: 'POST',
    url: endpoint,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'User-Agent': USER_AGENT },
    body: JSON.stringify({
      grant_type: TOKEN_EXCHANGE_GRANT_TYPE,
      subject_token_type: ID_TOKEN_TYPE,
      subject_token: idToken,
      resource: resource.value,
    }),
    timeoutMs: bounds.timeoutMs,
    timeoutLabel: bounds.timeoutLabel,
    maxBodyBytes: MAX_RESPONSE_BYTES,
  }).catch((error: unknown) => {
    throw error instanceof RemoteError
      ? wrapRemoteError(`The token exchange at ${endpoint.host} failed`, error)
      : error;
  });

  if (response.status === 200) return parseTokenResponse(response.body, onToken);

  // Whatever the status, a credential in the answer is live: masked before anything reads further,
  // and cut out of every text shown, with the ID token (a server could echo it): the runner masks
  // the log, but not the job summary, and the git helper's stderr is not masked at all.
  const credentials = findCredentialsInBody(response.body);
  for (const credential of credentials) onToken(credential);
  const secrets = [idToken, ...credentials];
  const refusal = readRefusal(response, { secrets, maxLength: 160 });
  const requestId = refusal.requestId;
  const idNote = requestIdNote(requestId);

  if (response.status >= 300 && response.status < 400) {
    throw new RemoteError(
      `The token endpoint ${displayEndpoint(endpoint)} answered HTTP ${response.status}, a redirect to ` +
        `${describeLocation(response.headers.location, endpoint)}${idNote}. Redirects are not followed, so ` +
        `the ID token never reaches another host.`,
      {
        code: 'REDIRECT_REFUSED',
        transient: false,
        requestId,
        hint: 'Set `token-endpoint` (or `hub-url`) to the final URL.',
      },
    );
  }

  if (response.status > 200 && response.status < 300) {
    throw new RemoteError(
      `The token endpoint ${endpoint.host} answered HTTP ${response.status}, but a token exchange succeeds with ` +
        `200 only (RFC 6749 §5.1), so the answer was not used` +
        `${credentials.length > 0 ? ' (the token it held was masked, and not exported)' : ''}${idNote}.`,
      {
        code: 'MALFORMED_RESPONSE',
        transient: false,
        requestId,
        hint:
          'Check that `token-endpoint`/`hub-url` point at a Hugging Face Hub (or a broker speaking its ' +
          'protocol), not at a proxy or another service.',
      },
    );
  }

  const oauth = parseOAuthError(redactSecrets(response.body, secrets), secrets);
  const hubTimedOut = isTransientOAuthError(oauth?.error, oauth?.description);
  const transient = refusal.transient || hubTimedOut;

  const what = oauth
    ? [oauth.error, oauth.description && JSON.stringify(oauth.description)].filter(Boolean).join(': ')
    : describeNonOAuthBody(refusal.text, response.headers['content-type']);
  throw new ExchangeRefusedError(
    `The token exchange at ${endpoint.host} was refused: HTTP ${response.status}${what ? ` ${what}` : ''}${idNote}.`,
    {
      status: response.status,
      oauthError: oauth?.error,
      description: oauth?.description,
      requestId,
      transient,
      retryAfterMs: refusal.retryAfterMs,
      hint: hubTimedOut ? HUB_TIMEOUT_HINT : hintFor(response.status, oauth?.error, resource),
    },
  );
}

function describeLocation(location: string | undefined, base: URL): string {
  if (!location) return 'nowhere (no Location header)';
  try {
    return sanitizeServerText(new URL(location, base).host, 100);
  } catch {
    return 'an unparseable Location';
  }
}

/** `text`: the server's words, as refusal.ts read them. */
function describeNonOAuthBody(text: string, contentType: string | undefined): string {
  if (!text) return 'with an empty body';
  return `with a ${contentType?.includes('html') ? 'HTML' : 'non-OAuth'} body: ${JSON.stringify(text)}`;
}

function hintFor(status: number, oauthError: string | undefined, resource: Resource): string {
  if (oauthError === 'invalid_grant') {
    return (
      `The Hub did not accept this run's GitHub identity for ${resource.value}. Compare the claims printed ` +
      `above with the Trusted Publisher configured for it on the Hub.`
    );
  }
  if (oauthError === 'invalid_request') {
    return (
      'The Hub found the request malformed; check the `resource` input. If it looks right, report it with ' +
      'the x-request-id.'
    );
  }
  if (status === 404 || status === 405) {
    return (
      'This URL does not look like a token endpoint: check `hub-url` (the token endpoint is ' +
      '`{hub-url}/oauth/token`) or `token-endpoint`.'
    );
  }
  if (status === 429 || status >= 500) return 'The Hub may be overloaded or down; re-run the job later.';
  return 'If this persists, report it to Hugging Face with the x-request-id.';
}
