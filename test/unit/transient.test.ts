import { describe, expect, it } from 'vitest';
import { isTransientNetworkError, isTransientOAuthError, isTransientStatus } from '../../src/http/transient.js';

describe('what counts as transient', () => {
  it.each([408, 429, 500, 502, 503, 504, 599])('HTTP %i is worth another try', (status) => {
    expect(isTransientStatus(status)).toBe(true);
  });

  it.each([200, 301, 400, 401, 403, 404, 405, 409, 412, 422])('HTTP %i is final', (status) => {
    expect(isTransientStatus(status)).toBe(false);
  });

  it("retries only the Hub's own time-out among OAuth errors", () => {
    expect(isTransientOAuthError('invalid_grant', 'This operation was aborted')).toBe(true);
    expect(isTransientOAuthError('invalid_grant', 'Token claims do not match any trusted publisher')).toBe(false);
    expect(isTransientOAuthError('invalid_request', 'This operation was aborted')).toBe(false);
    expect(isTransientOAuthError(undefined, undefined)).toBe(false);
  });

  it.each([
    ['ECONNRESET', true],
    ['ECONNREFUSED', true],
    ['ENOTFOUND', true],
    ['EAI_AGAIN', true],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', false],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', false],
    ['CERT_HAS_EXPIRED', false],
  ])('a socket error %s is transient: %s', (code, transient) => {
    expect(isTransientNetworkError(Object.assign(new Error(code), { code }))).toBe(transient);
  });
});
