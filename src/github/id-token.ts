// The GitHub Actions OIDC ID token: is it available to this job, and one request for it.
// https://docs.github.com/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect
// The toolkit's core.getIDToken retries only 502/503/504 and hides network errors, so the request
// is made here, with typed errors; obtain-token.ts retries what is transient.

import { RemoteError, wrapRemoteError } from '../errors.js';
import { quoted, readRefusal, requestIdNote } from '../http/refusal.js';
import { sendRequest } from '../http/request.js';
import { collectCredentialsOfBody, parseJsonObject } from '../http/json.js';
import { USER_AGENT } from '../about.js';

export const REQUEST_URL_VARIABLE = 'ACTIONS_ID_TOKEN_REQUEST_URL';
export const REQUEST_TOKEN_VARIABLE = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';
const MAX_ID_TOKEN_RESPONSE_BYTES = 64 * 1024;
/** Where an answer of the token service may hold a credential: its `value`, and the OAuth names. */
const CREDENTIAL_FIELDS: ReadonlySet<string> = new Set(['value', 'access_token', 'id_token']);
const FAILED = 'Requesting the GitHub OIDC ID token failed';
/**
 * A well-formed but wrong 200 is not one of the transient answers (network error, 408, 429, 5xx):
 * retrying it would only repeat it, so it fails at once.
 */
const MALFORMED_ANSWER_HINT =
  "Something between the runner and GitHub (a proxy?) may have answered instead of GitHub's token service. " +
  "Re-run the job; if it persists, check the runner's proxy settings.";

/** Where the runner serves ID tokens; present only with `permissions: id-token: write`. */
export interface IdTokenSource {
  readonly requestUrl: string;
  readonly requestToken: string;
}

/** Where to request the ID token, or undefined when this process has no ID-token variables. */
export function readIdTokenSource(env: NodeJS.ProcessEnv): IdTokenSource | undefined {
  const requestUrl = env[REQUEST_URL_VARIABLE];
  const requestToken = env[REQUEST_TOKEN_VARIABLE];
  return requestUrl && requestToken ? { requestUrl, requestToken } : undefined;
}

/**
 * Requests one ID token with the given audience; hands it to `onSecret` (masking, in the action)
 * before anything else sees it. One attempt, typed errors. The git credential helper passes a
 * no-op: its stdout belongs to git's protocol, where `::add-mask::` would be noise (and a leak).
 */
export async function requestIdToken(
  source: IdTokenSource,
  audience: string,
  bounds: { timeoutMs: number; timeoutLabel: string },
  onSecret: (secret: string) => void,
): Promise<string> {
  const url = new URL(source.requestUrl);
  url.searchParams.set('audience', audience);
  const response = await sendRequest({
    method: 'GET',
    url,
    headers: { Authorization: `Bearer ${source.requestToken}`, Accept: 'application/json', 'User-Agent': USER_AGENT },
    timeoutMs: bounds.timeoutMs,
    timeoutLabel: bounds.timeoutLabel,
    maxBodyBytes: MAX_ID_TOKEN_RESPONSE_BYTES,
  }).catch((error: unknown) => {
    throw error instanceof RemoteError ? wrapRemoteError(FAILED, error) : error;
  });

  if (response.status !== 200) {
    // An ID token in an answer that is not a 200 is as live as any: masked, then never quoted.
    const credentials = collectCredentialsOfBody(response.body, CREDENTIAL_FIELDS);
    for (const credential of credentials) onSecret(credential);
    const refusal = readRefusal(response, { secrets: [source.requestToken, ...credentials] });
    throw new RemoteError(
      `${FAILED}: HTTP ${refusal.status}${quoted(refusal.text)}${requestIdNote(refusal.requestId)}.`,
      {
        code: 'ID_TOKEN_REFUSED',
        transient: refusal.transient,
        retryAfterMs: refusal.retryAfterMs,
        requestId: refusal.requestId,
        hint: refusal.transient
          ? "GitHub's token service may be having trouble; re-run the job later."
          : "The runner's ID-token request credential was refused. Re-run the job; if it persists, check the " +
            "job's `permissions: id-token: write`.",
      },
    );
  }

  const value = readTokenValue(response.body);
  onSecret(value);
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value)) {
    throw new RemoteError("GitHub's token service answered with a `value` that is not a JWT.", {
      code: 'MALFORMED_RESPONSE',
      transient: false,
      hint: MALFORMED_ANSWER_HINT,
    });
  }
  return value;
}

function readTokenValue(body: string): string {
  const { object, problem } = parseJsonObject(body);
  if (problem === 'is not valid JSON') {
    throw new RemoteError("GitHub's token service answered HTTP 200 with a body that is not JSON.", {
      code: 'MALFORMED_RESPONSE',
      transient: false,
      hint: MALFORMED_ANSWER_HINT,
    });
  }
  const value = object?.['value'];
  if (typeof value !== 'string' || value === '') {
    throw new RemoteError("GitHub's token service answered HTTP 200 without an ID token in `value`.", {
      code: 'MALFORMED_RESPONSE',
      transient: false,
      hint: MALFORMED_ANSWER_HINT,
    });
  }
  return value;
}
