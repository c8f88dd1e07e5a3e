// Hands the issued token to later steps. The token is masked before this runs (as soon as it was
// read from the response); here it only goes to the step outputs and, unless disabled, HF_TOKEN.

import * as core from '@actions/core';
import type { Settings } from '../inputs.js';
import { expiryOf } from '../hub/token-holder.js';
import type { ObtainedToken } from '../obtain-token.js';

/**
 * Sets the outputs and exports HF_TOKEN, once, with the token holder's current token. Returns the
 * expiry time (ISO 8601 UTC, from when the exchange was requested) or '' when unknown.
 */
export function publishToken(obtained: ObtainedToken, settings: Settings): string {
  const token = obtained.token;
  const expiresAt = expiryOf(obtained)?.toISOString() ?? '';
  core.setOutput('token', token.accessToken);
  core.setOutput('expires-at', expiresAt);
  core.setOutput('resource', settings.resource.value);
  if (settings.exportEnv) core.exportVariable('HF_TOKEN', token.accessToken);
  return expiresAt;
}
