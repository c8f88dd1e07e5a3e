// `verify: true`: prove the new token works before the job goes on (and before anything is exported),
// with the same client library a later JavaScript step would use, `@huggingface/hub`, against the
// configured hub: repository access for a repo resource (GET /api/{type}s/{ns}/{name}), whoAmI for a
// user resource (GET /api/whoami-v2).
//
// `@huggingface/hub` is imported here, dynamically, and only when `verify` is on: the bundler puts it
// in a separate chunk, so the default path neither loads nor parses it.
// Its requests go through http.ts (a `fetch` adapter), so they get the action's timeouts, body cap,
// proxy support and no-redirect rule, where Node's global fetch would ignore HTTPS_PROXY.

import { RemoteError, wrapRemoteError } from '../errors.js';
import { sendRequest } from '../http/request.js';
import type { Settings } from '../inputs.js';
import { describeRetry, requestBounds, withRetries, type Deadline } from '../http/retry.js';
import { isTransientStatus } from '../http/transient.js';
import { hubBaseOf } from './hub-url.js';
import { redactSecrets, sanitizeServerText } from '../runner/sanitize.js';
import { USER_AGENT } from '../about.js';

const MAX_VERIFY_RESPONSE_BYTES = 256 * 1024;

/** Checks that `token` works for `settings.resource` at the hub. Returns a line for the log. Throws ActionError. */
export async function verifyToken(
  token: string,
  settings: Settings,
  deadline: Deadline,
  log: (message: string) => void,
): Promise<string> {
  const hub = await import('@huggingface/hub');
  const hubUrl = hubBaseOf(settings.hubUrl);
  const fetchThroughAction = createFetch(settings, deadline);
  const resource = settings.resource;

  const attempt = async (): Promise<string> => {
    try {
      if (resource.kind === 'user') {
        const identity = await hub.whoAmI({ hubUrl, accessToken: token, fetch: fetchThroughAction });
        return `Verified the token: the hub knows it as ${sanitizeServerText(identity.name, 100)} (whoami).`;
      }
      await hub.checkRepoAccess({
        repo: { type: resource.kind, name: `${resource.namespace}/${resource.name}` },
        hubUrl,
        accessToken: token,
        fetch: fetchThroughAction,
      });
      return `Verified the token: it can access the ${resource.kind} ${resource.namespace}/${resource.name}.`;
    } catch (error: unknown) {
      if (error instanceof hub.HubApiError) throw refusal(error, token, settings);
      throw error;
    }
  };

  return withRetries(attempt, {
    maxAttempts: settings.maxAttempts,
    deadline,
    onRetry: (error, nextAttempt, delayMs) => log(describeRetry(error, nextAttempt, settings.maxAttempts, delayMs)),
  }).catch((error: unknown) => {
    // A refusal already says what it is; a network failure gets told apart from the exchange's.
    throw error instanceof RemoteError && error.code !== 'VERIFY_REFUSED'
      ? wrapRemoteError(`Verifying the new token at ${settings.hubUrl.host} failed`, error)
      : error;
  });
}

/** The hub's answer (status, its error text, x-request-id) as an error; a transient status is retried. */
function refusal(
  error: { statusCode: number; requestId?: string | undefined; data?: unknown; message: string },
  token: string,
  settings: Settings,
): RemoteError {
  const data = error.data;
  const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const text = [fields['error'], fields['error_description'], fields['message']].find(
    (value) => typeof value === 'string',
  );
  const answer = sanitizeServerText(redactSecrets(typeof text === 'string' ? text : '', [token]), 200);
  const requestId = error.requestId ? sanitizeServerText(error.requestId, 100) : undefined;
  const what =
    settings.resource.kind === 'user'
      ? 'GET /api/whoami-v2'
      : `GET /api/${settings.resource.kind}s/${settings.resource.namespace}/${settings.resource.name}`;
  return new RemoteError(
    `The hub issued a token for ${settings.resource.value}, but refused it when verifying: ${what} answered HTTP ${error.statusCode}` +
      `${answer ? ` ${JSON.stringify(answer)}` : ''}${requestId ? ` (x-request-id: ${requestId})` : ''}.`,
    {
      code: 'VERIFY_REFUSED',
      transient: isTransientStatus(error.statusCode),
      requestId,
      hint:
        error.statusCode === 401 || error.statusCode === 403 || error.statusCode === 404
          ? 'Nothing was exported. Check that `hub-url` is the hub that issued the token and that the repository exists there; if it does, report this to Hugging Face with the x-request-id.'
          : 'Nothing was exported. The hub may be having trouble; re-run the job later.',
    },
  );
}

/**
 * A `fetch` for `@huggingface/hub` that sends its GET requests through http.ts, bounded by the
 * request timeout and the step's deadline.
 */
function createFetch(settings: Settings, deadline: Deadline): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    if (method !== 'GET') throw new Error(`verify only makes GET requests, not ${method}`);
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': USER_AGENT };
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    const response = await sendRequest({
      method: 'GET',
      url,
      headers,
      ...requestBounds(deadline, settings.requestTimeoutMs),
      maxBodyBytes: MAX_VERIFY_RESPONSE_BYTES,
    });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (typeof value === 'string') responseHeaders.set(name, value);
      else if (Array.isArray(value)) for (const item of value) responseHeaders.append(name, item);
    }
    const bodyless = response.status === 204 || response.status === 304;
    return new Response(bodyless ? null : response.body, { status: response.status, headers: responseHeaders });
  };
}
