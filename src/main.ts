// The action's sequence: read inputs → [plan the upload from disk] → find the ID-token source →
// (get an ID token → exchange it) with retries → mask → hand the token to its holder → [verify] →
// [configure git] → [upload] → publish → summary. The one place that fails the step. The optional stages come before
// publishing, so nothing is exported unless everything succeeded; the upload comes right after the
// exchange so that it starts with a fresh token, and its plan before it so that bad input costs nothing.

import {
  warnAboutForeignAudience,
  warnAboutForkCodeTrigger,
  warnAboutPythonOidcResource,
  warnAboutTokenSentToAnotherHost,
} from './report/warnings.js';
import { describeFailure, ExchangeRefusedError } from './errors.js';
import { failStep, logDebug, logInfo } from './runner/log.js';
import { readInputs, type Settings } from './inputs.js';
import { maskSecret } from './runner/mask.js';
import { obtainToken, type ObtainedToken } from './obtain-token.js';
import type { IdentityClaims } from './github/claims.js';
import { findIdTokenSource } from './github/id-token-availability.js';
import type { IdTokenSource } from './github/id-token.js';
import { publishToken, publishUploadOutputs } from './runner/outputs.js';
import { writeSuccessSummary } from './report/success-summary.js';
import { describeAccess } from './hub/resource.js';
import { Deadline } from './http/retry.js';
import { HubTokenHolder } from './hub/token-holder.js';

/** Runs the action. Never throws: every failure ends in one `::error::` and exit code 1. */
export async function run(): Promise<void> {
  try {
    const settings = readInputs();
    warnAboutPythonOidcResource(settings);
    warnAboutForeignAudience(settings);
    warnAboutTokenSentToAnotherHost(settings);
    logInfo(`Resource: ${settings.resource.value} (${describeAccess(settings.resource)})`);
    // Loaded only with `upload`: keeps the upload code and @huggingface/hub off the default path.
    const upload = settings.upload
      ? await (await import('./upload/step.js')).prepareUpload(settings, settings.upload)
      : undefined;
    const source = await findIdTokenSource();
    const deadline = new Deadline(settings.deadlineMs);
    const { obtained, claims } = await obtainTokenForStep(settings, source, deadline);
    warnAboutForkCodeTrigger(settings, claims);
    // From here on the holder owns the token: verify and the upload ask it, and renewal (for an
    // upload that outlives the token's margin) happens there; the outputs publish what it holds last.
    const holder = new HubTokenHolder(obtained, {
      renew: () =>
        obtainToken(settings, source, new Deadline(settings.deadlineMs), {
          onSecret: maskSecret,
          log: (message) => logInfo(message),
        }),
      log: (message) => logInfo(message),
    });
    if (settings.verify) {
      // Loaded only when asked for: keeps @huggingface/hub off the default path (see verify.ts).
      const { verifyToken } = await import('./hub/verify.js');
      logInfo(await verifyToken(holder, settings, deadline, (message) => logInfo(message)));
    }
    if (settings.gitCredentials) {
      const { configureGitCredentials } = await import('./git/configure.js');
      await configureGitCredentials(settings);
    }
    const uploaded = await upload?.commit(holder);
    const expiresAt = publishToken(holder.current, settings);
    if (uploaded) publishUploadOutputs(uploaded.result);
    logInfo(
      `Issued a Hugging Face token for ${settings.resource.value}${expiresAt ? `, valid until ${expiresAt}` : ''}; ` +
        `${settings.exportEnv ? 'exported as HF_TOKEN and ' : ''}set as the \`token\` output.`,
    );
    await writeSuccessSummary(settings, expiresAt, claims);
    if (uploaded) {
      // Loaded only with `upload`, as the upload itself.
      const { writeUploadSummary } = await import('./report/upload-summary.js');
      await writeUploadSummary(uploaded.result);
    }
  } catch (error: unknown) {
    failStep(describeFailure(error));
  }
}

/** obtainToken with the action's logging and masking; explains an `invalid_grant` with the identity seen. */
async function obtainTokenForStep(
  settings: Settings,
  source: IdTokenSource,
  deadline: Deadline,
): Promise<{ obtained: ObtainedToken; claims: IdentityClaims }> {
  let claims: IdentityClaims = {};
  try {
    const obtained = await obtainToken(settings, source, deadline, {
      onSecret: maskSecret,
      log: (message) => logInfo(message),
      onIdentity: (identity) => {
        claims = identity;
        logInfo(`GitHub identity: ${claims.sub ?? '(no sub claim)'}`);
        logDebug(`ID token claims: ${JSON.stringify(claims)}`);
      },
    });
    return { obtained, claims };
  } catch (error: unknown) {
    if (error instanceof ExchangeRefusedError && error.oauthError === 'invalid_grant') {
      // Loaded only on this failure path: every successful run would parse it for nothing.
      const { reportRefusedIdentity } = await import('./report/refused-identity.js');
      await reportRefusedIdentity(claims, settings);
    }
    throw error;
  }
}
