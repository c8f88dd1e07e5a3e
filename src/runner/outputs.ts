// Hands the issued token to later steps. The token is masked before this runs (as soon as it was
// read from the response); here it only goes to the step outputs and, unless disabled, HF_TOKEN.

import * as core from '@actions/core';
import type { Settings } from '../inputs.js';
import type { IssuedToken } from '../hub/token-response.js';

/** Sets the outputs and exports HF_TOKEN. Returns the expiry time (ISO 8601 UTC) or '' when unknown. */
export function publishToken(token: IssuedToken, settings: Settings, issuedAt: Date): string {
  const expiresAt =
    token.expiresInSeconds === undefined
      ? ''
      : new Date(issuedAt.getTime() + token.expiresInSeconds * 1000).toISOString();
  core.setOutput('token', token.accessToken);
  core.setOutput('expires-at', expiresAt);
  core.setOutput('resource', settings.resource.value);
  if (settings.exportEnv) core.exportVariable('HF_TOKEN', token.accessToken);
  return expiresAt;
}
