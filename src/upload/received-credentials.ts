// Credentials the hub hands out during an upload, besides its own token: the Xet CAS access token
// (in the LFS batch answer's `X-Xet-Access-Token` header, and in the xet-write-token answer's
// `accessToken`), and any Authorization header a batch answer gives for a storage host. They are
// found in every hub answer @huggingface/hub reads, at any depth, before the library sees it, so
// the caller can mask them at once and cut them out of every later message.

import { collectCredentialsOfBody } from '../http/json.js';

/** The field and header names (compared case-insensitively) under which a credential is handed out. */
const CREDENTIAL_NAMES: ReadonlySet<string> = new Set([
  'accesstoken',
  'access_token',
  'x-xet-access-token',
  'authorization',
  'refresh_token',
  'id_token',
]);

/**
 * Every credential in a hub answer's JSON body (none when it is not JSON). An Authorization value
 * gives its credential without the scheme: masking `Bearer` or `Basic` would blank the word from
 * the whole log.
 */
export function findReceivedCredentials(body: string): string[] {
  return collectCredentialsOfBody(body, CREDENTIAL_NAMES)
    .map((value) => /^[A-Za-z][\w-]*\s+(\S+)$/.exec(value.trim())?.[1] ?? value)
    .filter((value) => value.length >= 8);
}
