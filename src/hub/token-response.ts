// Narrowing of the trust broker's JSON bodies. Network JSON is `unknown` until checked here.
// The success body is never echoed into a message (it holds the token, perhaps only half of it);
// error bodies are reduced to sanitised OAuth fields (RFC 6749 §5.2). Whatever the status, every
// credential a body holds is handed to the masker before anything else reads it.

import { RemoteError } from '../errors.js';
import { collectCredentialsOfBody, collectStringFields, parseJsonObject } from '../http/json.js';
import { redactSecrets, sanitizeServerText } from '../runner/sanitize.js';

export interface IssuedToken {
  readonly accessToken: string;
  /** Seconds the token lives, when the broker said so. */
  readonly expiresInSeconds: number | undefined;
}

export interface OAuthErrorBody {
  readonly error: string | undefined;
  readonly description: string | undefined;
}

/** RFC 6750 §2.1 b64token: the characters a bearer token may have. Nothing that can break GITHUB_ENV. */
const BEARER_TOKEN_PATTERN = /^[A-Za-z0-9\-._~+/]+=*$/;
export const MIN_TOKEN_LENGTH = 16;
export const MAX_TOKEN_LENGTH = 8192;
/** The Hub issues 60-minute tokens; anything beyond a day is not a short-lived token. */
export const MAX_EXPIRES_IN_SECONDS = 24 * 60 * 60;

/**
 * The fields in which a broker hands out credentials: RFC 6749 §5.1 (`access_token`,
 * `refresh_token`), OpenID Connect (`id_token`). Looked for at any depth.
 */
const CREDENTIAL_FIELDS: ReadonlySet<string> = new Set(['access_token', 'refresh_token', 'id_token']);

/**
 * Every credential an answer holds, whatever its status: each is live, so the caller masks it
 * before reading further and cuts it out of any text it shows.
 */
export function findCredentialsInBody(body: string): string[] {
  return collectCredentialsOfBody(body, CREDENTIAL_FIELDS);
}

/** A short, safe rendering of an unexpected JSON value for an error message, without `credentials`. */
function show(value: unknown, credentials: readonly string[]): string {
  // JSON.stringify gives undefined (not a string) for undefined, functions and symbols.
  const json = JSON.stringify(value) as string | undefined;
  return sanitizeServerText(redactSecrets(json ?? String(value), credentials), 40);
}

function malformed(what: string): RemoteError {
  return new RemoteError(`The token endpoint answered HTTP 200, but ${what}.`, {
    code: 'MALFORMED_RESPONSE',
    transient: false,
    hint:
      'Check that `token-endpoint`/`hub-url` point at a Hugging Face Hub (or a broker speaking its ' +
      'protocol), not at a proxy or another service.',
  });
}

/** Why `value` is not an acceptable bearer token, or undefined when it is. Never includes the value. */
export function explainInvalidToken(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  if (/[\r\n]/.test(value)) return 'contains a line break';
  if (/\s/.test(value)) return 'contains white space';
  if (/\p{Cc}/u.test(value)) return 'contains control characters';
  if (value.length < MIN_TOKEN_LENGTH) return `is too short (${value.length} characters)`;
  if (value.length > MAX_TOKEN_LENGTH) return `is too long (${value.length} characters)`;
  if (!BEARER_TOKEN_PATTERN.test(value)) return 'contains characters a bearer token cannot have';
  return undefined;
}

/**
 * Parses a 200 body into an IssuedToken. `onToken` is called with the raw `access_token` string as
 * soon as one is found, before any check, and then with every other credential in the body
 * (CREDENTIAL_FIELDS), so the caller can mask them all first.
 */
export function parseTokenResponse(body: string, onToken: (token: string) => void): IssuedToken {
  const parsed = parseJsonObject(body);
  if (parsed.problem !== undefined) throw malformed(`the body ${parsed.problem}`);
  const fields = parsed.object;

  const accessToken = fields['access_token'];
  if (typeof accessToken === 'string') onToken(accessToken);
  const credentials = collectStringFields(fields, CREDENTIAL_FIELDS);
  for (const credential of credentials) if (credential !== accessToken) onToken(credential);
  if (accessToken === undefined) throw malformed('the body has no `access_token`');
  if (typeof accessToken !== 'string') throw malformed(`\`access_token\` is a ${typeof accessToken}, not a string`);
  const problem = explainInvalidToken(accessToken);
  if (problem) throw malformed(`\`access_token\` ${problem}`);

  const tokenType = fields['token_type'];
  if (tokenType !== undefined && (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer')) {
    throw malformed(`\`token_type\` is ${show(tokenType, credentials)}, not "bearer"`);
  }

  const expiresIn = fields['expires_in'];
  if (expiresIn !== undefined) {
    if (
      typeof expiresIn !== 'number' ||
      !Number.isFinite(expiresIn) ||
      expiresIn <= 0 ||
      expiresIn > MAX_EXPIRES_IN_SECONDS
    ) {
      throw malformed(
        `\`expires_in\` is ${show(expiresIn, credentials)}, not a number of seconds from 1 to ${MAX_EXPIRES_IN_SECONDS}`,
      );
    }
  }
  return { accessToken, expiresInSeconds: typeof expiresIn === 'number' ? expiresIn : undefined };
}

/**
 * Reads an OAuth error body; fields that are absent or not strings come back undefined. `secrets`
 * are cut out of the fields after JSON unescaping (in the raw body they may be escaped).
 */
export function parseOAuthError(body: string, secrets: readonly string[] = []): OAuthErrorBody | undefined {
  const { object } = parseJsonObject(body);
  if (object === undefined) return undefined;
  const { error, error_description: description } = object;
  if (typeof error !== 'string' && typeof description !== 'string') return undefined;
  return {
    error: typeof error === 'string' ? sanitizeServerText(redactSecrets(error, secrets), 64) : undefined,
    description: typeof description === 'string' ? sanitizeServerText(redactSecrets(description, secrets)) : undefined,
  };
}
