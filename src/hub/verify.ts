// `verify: true`: prove the new token works before the job goes on (and before anything is exported),
// with the same client library a later JavaScript step would use, `@huggingface/hub`, against the
// configured hub: repository access for a repo resource (GET /api/{type}s/{ns}/{name}), whoAmI for a
// user resource (GET /api/whoami-v2).
//
// `@huggingface/hub` is imported here, dynamically, and only when `verify` is on: the bundler puts it
// in a separate chunk, so the default path neither loads nor parses it.
// Its requests go through the action's `fetch` adapter (http/fetch-adapter.ts), so they get the
// action's timeouts, body cap, proxy support and no-redirect rule, where Node's global fetch would
// ignore HTTPS_PROXY.
//
// The adapter also records each answer as it came. Whatever @huggingface/hub then makes of it (an
// HubApiError, or a TypeError on a body it did not expect), the step reports the hub's answer
// itself: status, sanitised text and request id. An odd answer is the hub's, not a bug of the action.

import type { IncomingHttpHeaders } from 'node:http';
import { RemoteError, wrapRemoteError } from '../errors.js';
import { createFetchAdapter } from '../http/fetch-adapter.js';
import { quoted, readRefusal, requestIdNote } from '../http/refusal.js';
import { sendRequest } from '../http/request.js';
import type { Settings } from '../inputs.js';
import { describeRetry, requestBounds, withRetries, type Deadline } from '../http/retry.js';
import { hubBaseOf } from './hub-url.js';
import { sanitizeServerText } from '../runner/sanitize.js';
import { USER_AGENT } from '../about.js';
import type { HubTokenHolder } from './token-holder.js';

const MAX_VERIFY_RESPONSE_BYTES = 256 * 1024;

/** One answer of the hub, as it came over the wire. */
interface HubAnswer {
  readonly path: string;
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Checks that `token` works for `settings.resource` at the hub. Returns a line for the log. Throws ActionError. */
export async function verifyToken(
  tokens: HubTokenHolder,
  settings: Settings,
  deadline: Deadline,
  log: (message: string) => void,
): Promise<string> {
  if (!tokens.current.token.accessToken.startsWith('hf_')) {
    // @huggingface/hub refuses such a token before any request (a TypeError): say what it means.
    throw new RemoteError(
      'The token endpoint issued a token that does not start with hf_, so it is not a Hugging Face Hub token, ' +
        'and `verify` cannot check it.',
      {
        code: 'MALFORMED_RESPONSE',
        transient: false,
        hint: 'Nothing was exported. With a broker that issues other tokens, set `verify: false`.',
      },
    );
  }
  const hub = await import('@huggingface/hub');
  const hubUrl = hubBaseOf(settings.hubUrl);
  const answers: HubAnswer[] = []; // this attempt's, in order
  const fetchThroughAction = createFetch(settings, deadline, (answer) => answers.push(answer));
  const resource = settings.resource;

  const attempt = async (): Promise<string> => {
    answers.length = 0;
    const token = await tokens.accessToken();
    try {
      if (resource.kind === 'user') {
        const identity: unknown = await hub.whoAmI({ hubUrl, accessToken: token, fetch: fetchThroughAction });
        const name =
          typeof identity === 'object' && identity !== null ? (identity as { name?: unknown }).name : undefined;
        if (typeof name !== 'string') throw new TypeError('whoami-v2 answered without a `name`');
        return `Verified the token: the hub knows it as ${sanitizeServerText(name, 100)} (whoami).`;
      }
      await hub.checkRepoAccess({
        repo: { type: resource.kind, name: `${resource.namespace}/${resource.name}` },
        hubUrl,
        accessToken: token,
        fetch: fetchThroughAction,
      });
      return `Verified the token: it can access the ${resource.kind} ${resource.namespace}/${resource.name}.`;
    } catch (error: unknown) {
      // Our own transport failed (network, timeout, size): that error says so already.
      if (error instanceof RemoteError) throw error;
      // Anything @huggingface/hub threw about an answer is reported as that answer.
      const lastAnswer = answers.at(-1);
      if (lastAnswer !== undefined) throw describeAnswer(lastAnswer, token, settings);
      throw error;
    }
  };

  return withRetries(attempt, {
    maxAttempts: settings.maxAttempts,
    deadline,
    onRetry: (error, nextAttempt, delayMs) => log(describeRetry(error, nextAttempt, settings.maxAttempts, delayMs)),
  }).catch((error: unknown) => {
    // A refusal already says what it is; a network failure gets told apart from the exchange's.
    throw error instanceof RemoteError && error.code !== 'VERIFY_REFUSED' && error.code !== 'MALFORMED_RESPONSE'
      ? wrapRemoteError(`Verifying the new token at ${settings.hubUrl.host} failed`, error)
      : error;
  });
}

/**
 * The hub's answer as an error: its status, its text (refusal.ts: the OAuth or API error fields of a
 * JSON body, else an excerpt), its request id. A non-2xx status is a refusal, retried when
 * transient; a 2xx that @huggingface/hub could not read is a malformed answer.
 */
function describeAnswer(answer: HubAnswer, token: string, settings: Settings): RemoteError {
  const read = readRefusal(answer, { secrets: [token] });
  const said = read.text ? quoted(read.text) : ' with an empty body';
  const idNote = requestIdNote(read.requestId);
  const what = `GET ${answer.path} answered HTTP ${answer.status}`;
  if (answer.status >= 200 && answer.status < 300) {
    return new RemoteError(
      `The hub issued a token for ${settings.resource.value}, but verifying it failed: ${what}, an answer ` +
        `@huggingface/hub could not read:${said}${idNote}.`,
      {
        code: 'MALFORMED_RESPONSE',
        transient: false,
        requestId: read.requestId,
        hint:
          'Nothing was exported. Check that `hub-url` points at a Hugging Face Hub; if it does, report this ' +
          'to Hugging Face with the x-request-id.',
      },
    );
  }
  return new RemoteError(
    `The hub issued a token for ${settings.resource.value}, but refused it when verifying: ${what}${said}${idNote}.`,
    {
      code: 'VERIFY_REFUSED',
      transient: read.transient,
      retryAfterMs: read.retryAfterMs,
      requestId: read.requestId,
      hint:
        answer.status === 401 || answer.status === 403 || answer.status === 404
          ? 'Nothing was exported. Check that `hub-url` is the hub that issued the token and that the repository ' +
            'exists there; if it does, report this to Hugging Face with the x-request-id.'
          : 'Nothing was exported. The hub may be having trouble; re-run the job later.',
    },
  );
}

/**
 * verify's `fetch` (fetch-adapter.ts): GET requests only, bounded by the request timeout and the
 * step's deadline, each answer handed to `record` before @huggingface/hub sees it.
 */
function createFetch(settings: Settings, deadline: Deadline, record: (answer: HubAnswer) => void): typeof fetch {
  return createFetchAdapter({
    send: async ({ url, method, headers }) => {
      if (method !== 'GET') throw new Error(`verify only makes GET requests, not ${method}`);
      const response = await sendRequest({
        method: 'GET',
        url,
        headers: { Accept: 'application/json', 'User-Agent': USER_AGENT, ...headers },
        ...requestBounds(deadline, settings.requestTimeoutMs),
        maxBodyBytes: MAX_VERIFY_RESPONSE_BYTES,
      });
      record({ path: url.pathname, status: response.status, headers: response.headers, body: response.body });
      return response;
    },
  });
}
