// The GitHub Actions OIDC ID token: is it available to this job, fetch it, and read its claims.
// https://docs.github.com/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect
// The toolkit's core.getIDToken retries only 502/503/504 and hides network errors, so the request
// is made here with the action's own bounded retries (main.ts) and typed errors.

import { IdTokenUnavailableError, RemoteError } from '../errors.js';
import { headerValue, sendRequest } from '../http/request.js';
import { maskSecret } from '../runner/mask.js';
import { parseRetryAfter } from '../http/retry.js';
import { redactSecrets, sanitizeServerText } from '../runner/sanitize.js';
import { USER_AGENT } from '../http/user-agent.js';

const REQUEST_URL_VARIABLE = 'ACTIONS_ID_TOKEN_REQUEST_URL';
const REQUEST_TOKEN_VARIABLE = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';
const MAX_ID_TOKEN_RESPONSE_BYTES = 64 * 1024;
/**
 * A well-formed but wrong 200 is not one of the transient answers (network error, 408, 429, 5xx):
 * retrying it would only repeat it, so it fails at once.
 */
const MALFORMED_ANSWER_HINT =
  "Something between the runner and GitHub (a proxy?) may have answered instead of GitHub's token service. Re-run the job; if it persists, check the runner's proxy settings.";

export const PERMISSION_REMEDY =
  'Give the job permission to request it:\n' +
  '  permissions:\n' +
  '    id-token: write\n' +
  '    contents: read\n' +
  '(at the workflow or the job level; a job-level `permissions:` block replaces the workflow-level one).';

/** Where the runner serves ID tokens; present only with `permissions: id-token: write`. */
export interface IdTokenSource {
  readonly requestUrl: string;
  readonly requestToken: string;
}

/**
 * Returns where to request the ID token, or explains why this job has none: not on GitHub Actions,
 * a Dependabot run, a pull request from a fork, or (most often) a missing `id-token: write` permission.
 */
export async function findIdTokenSource(env: NodeJS.ProcessEnv = process.env): Promise<IdTokenSource> {
  const source = readIdTokenSource(env);
  if (source) return source;
  throw new IdTokenUnavailableError(...(await explainMissingIdToken(env)));
}

/** Where to request the ID token, or undefined when this process has no ID-token variables. */
export function readIdTokenSource(env: NodeJS.ProcessEnv): IdTokenSource | undefined {
  const requestUrl = env[REQUEST_URL_VARIABLE];
  const requestToken = env[REQUEST_TOKEN_VARIABLE];
  return requestUrl && requestToken ? { requestUrl, requestToken } : undefined;
}

async function explainMissingIdToken(env: NodeJS.ProcessEnv): Promise<[string, { hint: string }]> {
  const missing = `${REQUEST_URL_VARIABLE} and ${REQUEST_TOKEN_VARIABLE} are not set`;
  if (env['GITHUB_ACTIONS'] !== 'true') {
    return [
      `Cannot get a GitHub OIDC ID token: ${missing}, and this does not look like a GitHub Actions run.`,
      { hint: 'The action only works inside a GitHub Actions job with `permissions: id-token: write`.' },
    ];
  }
  // The event payload is only needed on this failure path, so @actions/github is loaded only here.
  const { context } = await import('@actions/github');
  const actor = context.actor || env['GITHUB_ACTOR'] || '';
  if (actor === 'dependabot[bot]') {
    return [
      `Cannot get a GitHub OIDC ID token: ${missing} because this run was triggered by Dependabot, and GitHub never gives Dependabot runs an ID token.`,
      { hint: "Skip this step for Dependabot, e.g. `if: github.actor != 'dependabot[bot]'`." },
    ];
  }
  const pullRequest: unknown = context.payload.pull_request;
  if (
    context.eventName.startsWith('pull_request') &&
    context.eventName !== 'pull_request_target' &&
    isFromFork(pullRequest)
  ) {
    return [
      `Cannot get a GitHub OIDC ID token: ${missing} because this run is for a pull request from a fork, and GitHub never gives those an ID token.`,
      {
        hint: 'Run this step only for pushes or for pull requests from branches of this repository, e.g. `if: github.event.pull_request.head.repo.full_name == github.repository`.',
      },
    ];
  }
  return [`Cannot get a GitHub OIDC ID token: ${missing}.`, { hint: PERMISSION_REMEDY }];
}

function isFromFork(pullRequest: unknown): boolean {
  if (typeof pullRequest !== 'object' || pullRequest === null) return false;
  const head = (pullRequest as { head?: { repo?: { full_name?: unknown; fork?: unknown } | null } }).head;
  const base = (pullRequest as { base?: { repo?: { full_name?: unknown } } }).base;
  if (head?.repo === null) return true; // the fork was deleted
  if (head?.repo?.fork === true) return true;
  return typeof head?.repo?.full_name === 'string' && head.repo.full_name !== base?.repo?.full_name;
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
  onSecret: (secret: string) => void = maskSecret,
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
    if (error instanceof RemoteError) error.message = `Requesting the GitHub OIDC ID token failed: ${error.message}`;
    throw error;
  });

  if (response.status !== 200) {
    const transient = response.status === 408 || response.status === 429 || response.status >= 500;
    throw new RemoteError(
      `Requesting the GitHub OIDC ID token failed: HTTP ${response.status}${excerpt(redactSecrets(response.body, [source.requestToken]))}.`,
      {
        transient,
        retryAfterMs: parseRetryAfter(headerValue(response.headers, 'retry-after')),
        hint: transient
          ? "GitHub's token service may be having trouble; re-run the job later."
          : "The runner's ID-token request credential was refused. Re-run the job; if it persists, check the job's `permissions: id-token: write`.",
      },
    );
  }

  const value = readTokenValue(response.body);
  onSecret(value);
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value)) {
    throw new RemoteError("GitHub's token service answered with a `value` that is not a JWT.", {
      transient: false,
      hint: MALFORMED_ANSWER_HINT,
    });
  }
  return value;
}

function readTokenValue(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new RemoteError("GitHub's token service answered HTTP 200 with a body that is not JSON.", {
      transient: false,
      hint: MALFORMED_ANSWER_HINT,
    });
  }
  const value = typeof parsed === 'object' && parsed !== null ? (parsed as { value?: unknown }).value : undefined;
  if (typeof value !== 'string' || value === '') {
    throw new RemoteError("GitHub's token service answered HTTP 200 without an ID token in `value`.", {
      transient: false,
      hint: MALFORMED_ANSWER_HINT,
    });
  }
  return value;
}

function excerpt(body: string): string {
  const text = sanitizeServerText(body, 200);
  return text ? `: ${text}` : '';
}
