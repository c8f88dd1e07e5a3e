// The claims of a GitHub Actions ID token that say who the run is: shown when the Hub refuses the
// identity, and recorded in the job summary. None is secret. The token is decoded, not verified:
// verification is the trust broker's job; these are for the user to read.

import { decodeJwt } from 'jose';
import { toInertLine } from '../runner/sanitize.js';

/** The ID token's claims that say who this run is. None is secret. */
export interface IdentityClaims {
  readonly iss?: string;
  readonly aud?: string;
  readonly sub?: string;
  readonly repository?: string;
  /** Numeric ids: they never change, unlike names, and the immutable `sub` names them. */
  readonly repository_id?: string;
  readonly repository_owner?: string;
  readonly repository_owner_id?: string;
  readonly ref?: string;
  readonly ref_type?: string;
  readonly workflow?: string;
  readonly workflow_ref?: string;
  readonly job_workflow_ref?: string;
  readonly environment?: string;
  readonly event_name?: string;
  readonly run_id?: string;
  readonly actor?: string;
}

const CLAIM_NAMES = [
  'iss',
  'aud',
  'sub',
  'repository',
  'repository_id',
  'repository_owner',
  'repository_owner_id',
  'ref',
  'ref_type',
  'workflow',
  'workflow_ref',
  'job_workflow_ref',
  'environment',
  'event_name',
  'run_id',
  'actor',
] as const satisfies ReadonlyArray<keyof IdentityClaims>;

/** Reads the non-secret identity claims of an ID token for logs and diagnostics (no verification). */
export function readIdentityClaims(idToken: string): IdentityClaims {
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(idToken);
  } catch {
    return {};
  }
  const claims: Record<string, string> = {};
  for (const name of CLAIM_NAMES) {
    const value = payload[name];
    if (typeof value === 'string' || typeof value === 'number') claims[name] = toInertLine(String(value), 300);
    else if (Array.isArray(value)) claims[name] = toInertLine(value.map(String).join(', '), 300);
  }
  return claims;
}
