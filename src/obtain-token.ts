// Getting a Hub token, retries included: (fresh GitHub ID token → exchange) until it works or it is
// clear it will not. Shared by the action (main.ts) and the git credential helper, which differ only
// in where they log and what they do with a secret (the action masks it; the helper must not print).

import type { RemoteError } from './errors.js';
import { exchangeToken } from './hub/exchange.js';
import type { Settings } from './inputs.js';
import { readIdentityClaims, type IdentityClaims } from './github/claims.js';
import { requestIdToken, type IdTokenSource } from './github/id-token.js';
import { describeRetry, requestBounds, withRetries, type Deadline } from './http/retry.js';
import type { IssuedToken } from './hub/token-response.js';
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
}

/**
 * Gets an ID token and exchanges it, retrying what is transient. Each attempt mints a fresh ID
 * token: they live about five minutes, and a broker may refuse one it has seen.
 */
export async function obtainToken(
  request: TokenRequest,
  source: IdTokenSource,
  deadline: Deadline,
  hooks: ObtainHooks,
): Promise<IssuedToken> {
  const bounds = (): { timeoutMs: number; timeoutLabel: string } => requestBounds(deadline, request.requestTimeoutMs);
  const onRetry = (error: RemoteError, nextAttempt: number, delayMs: number): void => {
    hooks.log(describeRetry(error, nextAttempt, request.maxAttempts, delayMs));
    trace(
      `retry: waiting ${delayMs} ms (${error.retryAfterMs === undefined ? 'full-jitter backoff' : `Retry-After ${error.retryAfterMs} ms, capped`}), ${deadline.remainingMs()} ms left before the deadline`,
    );
  };

  return withRetries(
    async () => {
      hooks.log(`Requesting a GitHub OIDC ID token (audience ${request.audience}).`);
      const idToken = await withRetries(() => requestIdToken(source, request.audience, bounds(), hooks.onSecret), {
        maxAttempts: request.maxAttempts,
        deadline,
        onRetry,
      });
      hooks.onIdentity?.(readIdentityClaims(idToken));
      hooks.log(`Exchanging it at ${request.tokenEndpoint.href}.`);
      return exchangeToken(idToken, request.resource, request.tokenEndpoint, bounds(), hooks.onSecret);
    },
    { maxAttempts: request.maxAttempts, deadline, onRetry },
  );
}
