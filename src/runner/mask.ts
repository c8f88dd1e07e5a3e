// Masking comes before anything else is done with a secret, so nothing later can print it.

import * as core from '@actions/core';

/**
 * Registers `secret` with the runner's log masker. `::add-mask::` masks one line, and only the exact
 * value: a malformed value with line breaks or spaces (refused later, but it must not leak on the
 * way) is also masked piece by piece.
 */
export function maskSecret(secret: string): void {
  if (secret === '') return;
  core.setSecret(secret);
  const pieces = secret.split(/\s+/).filter((piece) => piece !== '');
  if (pieces.length > 1) for (const piece of pieces) core.setSecret(piece);
}
