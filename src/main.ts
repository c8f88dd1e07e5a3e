// The action's sequence: read inputs → find the ID-token source → (get an ID token → exchange it)
// with retries → mask → publish → summary. The one place that fails the step.

import * as core from '@actions/core';
import { describeFailure, endSentence, ExchangeRefusedError, type RemoteError } from './errors.js';
import { exchangeToken } from './exchange.js';
import { readInputs, type Settings } from './inputs.js';
import { maskSecret } from './mask.js';
import { findIdTokenSource, readIdentityClaims, requestIdToken, type IdentityClaims } from './oidc.js';
import { publishToken } from './publish.js';
import { reportRefusedIdentity, writeSuccessSummary } from './report.js';
import { describeAccess } from './resource.js';
import { Deadline, formatSeconds, withRetries } from './retry.js';
import type { IssuedToken } from './token-response.js';
import { trace } from './trace.js';

/** Runs the action. Never throws: every failure ends in one `::error::` and exit code 1. */
export async function run(): Promise<void> {
  try {
    const settings = readInputs();
    core.info(`Resource: ${settings.resource.value} (${describeAccess(settings.resource)})`);
    const source = await findIdTokenSource();
    const { token, claims } = await obtainToken(settings, source);
    const expiresAt = publishToken(token, settings, new Date());
    core.info(
      `Issued a Hugging Face token for ${settings.resource.value}${expiresAt ? `, valid until ${expiresAt}` : ''}; ` +
        `${settings.exportEnv ? 'exported as HF_TOKEN and ' : ''}set as the \`token\` output.`,
    );
    await writeSuccessSummary(settings, expiresAt, claims);
  } catch (error: unknown) {
    core.setFailed(describeFailure(error));
  }
}

/**
 * Gets an ID token and exchanges it, retrying what is transient. Each attempt mints a fresh ID
 * token: they live about five minutes, and a broker may refuse one it has seen.
 */
async function obtainToken(
  settings: Settings,
  source: Awaited<ReturnType<typeof findIdTokenSource>>,
): Promise<{ token: IssuedToken; claims: IdentityClaims }> {
  const deadline = new Deadline(settings.deadlineMs);
  const bounds = (): { timeoutMs: number; timeoutLabel: string } => {
    const remaining = deadline.remainingMs();
    return remaining < settings.requestTimeoutMs
      ? { timeoutMs: Math.max(1, remaining), timeoutLabel: deadline.describe() }
      : { timeoutMs: settings.requestTimeoutMs, timeoutLabel: `the request timeout (${formatSeconds(settings.requestTimeoutMs)}, input \`timeout-seconds\`)` };
  };
  const onRetry = (error: RemoteError, nextAttempt: number, delayMs: number): void => {
    core.info(`${endSentence(error.message)} Retrying in ${formatSeconds(delayMs)} (attempt ${nextAttempt} of ${settings.maxAttempts}).`);
    trace(
      `retry: waiting ${delayMs} ms (${error.retryAfterMs === undefined ? 'full-jitter backoff' : `Retry-After ${error.retryAfterMs} ms, capped`}), ${deadline.remainingMs()} ms left before the deadline`,
    );
  };

  let claims: IdentityClaims = {};
  try {
    const token = await withRetries(
      async () => {
        core.info(`Requesting a GitHub OIDC ID token (audience ${settings.audience}).`);
        const idToken = await withRetries(() => requestIdToken(source, settings.audience, bounds()), {
          maxAttempts: settings.maxAttempts,
          deadline,
          onRetry,
        });
        claims = readIdentityClaims(idToken);
        core.info(`GitHub identity: ${claims.sub ?? '(no sub claim)'}`);
        core.debug(`ID token claims: ${JSON.stringify(claims)}`);
        core.info(`Exchanging it at ${settings.tokenEndpoint.href}.`);
        return exchangeToken(idToken, settings.resource, settings.tokenEndpoint, bounds(), maskSecret);
      },
      { maxAttempts: settings.maxAttempts, deadline, onRetry },
    );
    return { token, claims };
  } catch (error: unknown) {
    if (error instanceof ExchangeRefusedError && error.oauthError === 'invalid_grant') {
      await reportRefusedIdentity(claims, settings);
    }
    throw error;
  }
}
