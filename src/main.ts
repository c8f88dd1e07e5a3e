// The action's sequence: read inputs → find the ID-token source → (get an ID token → exchange it)
// with retries → mask → [verify] → [configure git] → publish → summary. The one place that fails the step.
// The optional stages come before publishing, so nothing is exported unless everything succeeded.

import * as core from '@actions/core';
import { warnAboutPythonOidcResource } from './client-warnings.js';
import { describeFailure, ExchangeRefusedError } from './errors.js';
import { readInputs, type Settings } from './inputs.js';
import { maskSecret } from './mask.js';
import { obtainToken } from './obtain-token.js';
import { findIdTokenSource, type IdentityClaims, type IdTokenSource } from './oidc.js';
import { publishToken } from './publish.js';
import { reportRefusedIdentity, writeSuccessSummary } from './report.js';
import { describeAccess } from './resource.js';
import { Deadline } from './retry.js';
import type { IssuedToken } from './token-response.js';

/** Runs the action. Never throws: every failure ends in one `::error::` and exit code 1. */
export async function run(): Promise<void> {
  try {
    const settings = readInputs();
    warnAboutPythonOidcResource(settings);
    core.info(`Resource: ${settings.resource.value} (${describeAccess(settings.resource)})`);
    const source = await findIdTokenSource();
    const deadline = new Deadline(settings.deadlineMs);
    const { token, claims } = await obtainTokenForStep(settings, source, deadline);
    if (settings.verify) {
      // Loaded only when asked for: keeps @huggingface/hub off the default path (see verify.ts).
      const { verifyToken } = await import('./verify.js');
      core.info(await verifyToken(token.accessToken, settings, deadline, (message) => core.info(message)));
    }
    if (settings.gitCredentials) {
      const { configureGitCredentials } = await import('./git-credentials.js');
      await configureGitCredentials(settings);
    }
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

/** obtainToken with the action's logging and masking; explains an `invalid_grant` with the identity seen. */
async function obtainTokenForStep(
  settings: Settings,
  source: IdTokenSource,
  deadline: Deadline,
): Promise<{ token: IssuedToken; claims: IdentityClaims }> {
  let claims: IdentityClaims = {};
  try {
    const token = await obtainToken(settings, source, deadline, {
      onSecret: maskSecret,
      log: (message) => core.info(message),
      onIdentity: (identity) => {
        claims = identity;
        core.info(`GitHub identity: ${claims.sub ?? '(no sub claim)'}`);
        core.debug(`ID token claims: ${JSON.stringify(claims)}`);
      },
    });
    return { token, claims };
  } catch (error: unknown) {
    if (error instanceof ExchangeRefusedError && error.oauthError === 'invalid_grant') {
      await reportRefusedIdentity(claims, settings);
    }
    throw error;
  }
}
