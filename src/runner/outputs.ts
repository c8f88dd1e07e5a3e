// The step's outputs. The issued token goes to later steps: it is masked before this runs (as soon
// as it was read from the response); here it only goes to the step outputs and, unless disabled,
// HF_TOKEN. An upload's commit outputs are rendered from its result (upload/result.ts, plain data;
// a type-only import, so the default path loads no upload code).

import * as core from '@actions/core';
import type { Settings } from '../inputs.js';
import { expiryOf } from '../hub/token-holder.js';
import type { ObtainedToken } from '../obtain-token.js';
import type { UploadResult } from '../upload/result.js';

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

/** Sets `commit-sha`, `commit-url` (the last commit, when the upload took several) and `pull-request-url`. */
export function publishUploadOutputs(result: UploadResult): void {
  const commit = result.commits.at(-1);
  core.setOutput('commit-sha', commit?.oid ?? '');
  core.setOutput('commit-url', commit?.url ?? '');
  core.setOutput('pull-request-url', commit ? (result.pullRequestUrl ?? '') : '');
}
