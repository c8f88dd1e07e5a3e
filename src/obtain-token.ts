// Getting a Hub token, retries included: a fresh GitHub ID token, then the exchange, until it works
// or it is clear it will not. Shared by the action (main.ts) and the git credential helper, which
// differ only in where they log and what they do with a secret (the action masks it; the helper
// must not print).

import type { RemoteError } from './errors.js';
import { readIdentityClaims, type IdentityClaims } from './github/claims.js';
import { requestIdToken, type IdTokenSource } from './github/id-token.js';
import { describeRetry, requestBounds, RetryBudget, type Deadline } from './http/retry.js';
import { exchangeToken } from './hub/exchange.js';
import { displayEndpoint } from './http/endpoint-url.js';
import type { IssuedToken } from './hub/token-response.js';
import type { Settings } from './inputs.js';
import { trace } from './runner/trace.js';

/** What an exchange needs; nothing secret, so the helper can carry it on its command line. */
export type TokenRequest = Pick<
  Settings,
  'resource' | 'audience' | 'tokenEndpoint' | 'maxAttempts' | 'requestTimeoutMs'
>;

export interface ObtainHooks {
  /** Receives every secret (ID token, Hub token) as soon as it exists, before anything can print it. */
  readonly onSecret: (secret: string) => void;
  /** One line of progress; the helper passes a no-op. */
  readonly log: (message: string) => void;
  /** Called with each ID token's claims, so a refusal can be explained with the last identity seen. */
  readonly onIdentity?: (claims: IdentityClaims) => void;
  /** The clock that dates the exchange; injectable for tests. */
  readonly now?: () => number;
}

/** A Hub token and when the exchange that issued it was requested: its expiry counts from then, never later. */
export interface ObtainedToken {
  readonly token: IssuedToken;
  readonly requestedAt: Date;
}

/**
 * Gets an ID token and exchanges it, retrying what is transient. Every try starts with a fresh ID
 * token: they live about five minutes, and a broker may refuse one it has seen.
 *
 * The bound: the ID-token request and the exchange each fail at most `maxAttempts` times (the
 * budget counts them apart), and every pass through the loop either returns or records one
 * failure, so there are at most 2 × maxAttempts − 1 passes, none of them waiting past the deadline.
 *
 * The token comes with the time its exchange was requested (the successful attempt's), taken before
 * the request is sent: the broker starts the token's lifetime later, so an expiry computed from it
 * is never late, whatever happens afterwards (verify, git, an upload).
 */
export async function obtainToken(
  request: TokenRequest,
  source: IdTokenSource,
  deadline: Deadline,
  hooks: ObtainHooks,
): Promise<ObtainedToken> {
  const now = hooks.now ?? (() => Date.now());
  const retries = new RetryBudget({
    maxAttempts: request.maxAttempts,
    deadline,
    onRetry: (error: RemoteError, nextAttempt: number, delayMs: number) => {
      hooks.log(describeRetry(error, nextAttempt, request.maxAttempts, delayMs));
      const reason =
        error.retryAfterMs === undefined ? 'full-jitter backoff' : `Retry-After ${error.retryAfterMs} ms, capped`;
      trace(`retry: waiting ${delayMs} ms (${reason}), ${deadline.remainingMs()} ms left before the deadline`);
    },
  });

  for (;;) {
    let failing: 'the ID-token request' | 'the exchange' = 'the ID-token request';
    try {
      hooks.log(`Requesting a GitHub OIDC ID token (audience ${request.audience}).`);
      const bounds = requestBounds(deadline, request.requestTimeoutMs);
      const idToken = await requestIdToken(source, request.audience, bounds, hooks.onSecret);
      hooks.onIdentity?.(readIdentityClaims(idToken));

      failing = 'the exchange';
      hooks.log(`Exchanging it at ${displayEndpoint(request.tokenEndpoint)}.`);
      const exchangeBounds = requestBounds(deadline, request.requestTimeoutMs);
      const requestedAt = new Date(now());
      const token = await exchangeToken(
        idToken,
        request.resource,
        request.tokenEndpoint,
        exchangeBounds,
        hooks.onSecret,
      );
      return { token, requestedAt };
    } catch (error: unknown) {
      await retries.waitBeforeRetry(error, failing);
    }
  }
}
