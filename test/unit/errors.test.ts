import { describe, expect, it } from 'vitest';
import {
  describeFailure,
  ExchangeRefusedError,
  IdTokenUnavailableError,
  InputError,
  RemoteError,
  wrapRemoteError,
} from '../../src/errors.js';

describe('describeFailure', () => {
  it('joins the message and the hint of an expected failure', () => {
    expect(describeFailure(new InputError('Input `x` is bad.', { hint: 'Fix it.' }))).toBe('Input `x` is bad. Fix it.');
  });

  it('keeps the OAuth details on a refused exchange', () => {
    const error = new ExchangeRefusedError('refused', {
      status: 400,
      oauthError: 'invalid_grant',
      description: 'nope',
      requestId: 'r-1',
      transient: false,
    });
    expect([error.status, error.oauthError, error.requestId, error.transient]).toEqual([
      400,
      'invalid_grant',
      'r-1',
      false,
    ]);
  });

  it('marks anything unexpected as a bug, Error or not', () => {
    expect(describeFailure(new TypeError('x is undefined'))).toMatch(
      /^Unexpected error: x is undefined\. This is a bug/,
    );
    expect(describeFailure('a string')).toMatch(/^Unexpected error: a string\./);
  });
});

describe('wrapRemoteError', () => {
  it('adds context in front and keeps what decides a retry, with the original as the cause', () => {
    const original = new RemoteError('connection to hub.test reset', {
      code: 'NETWORK',
      transient: true,
      retryAfterMs: 2_000,
      requestId: 'r-2',
      hint: 'Check the network.',
    });
    const wrapped = wrapRemoteError('The token exchange at hub.test failed', original);
    expect(wrapped).not.toBe(original);
    expect(wrapped).toMatchObject({
      message: 'The token exchange at hub.test failed: connection to hub.test reset',
      code: 'NETWORK',
      transient: true,
      retryAfterMs: 2_000,
      requestId: 'r-2',
      hint: 'Check the network.',
      cause: original,
    });
    expect(original.message).toBe('connection to hub.test reset');
  });

  it('gives every error class its stable code', () => {
    expect(new InputError('x').code).toBe('INPUT_INVALID');
    expect(new IdTokenUnavailableError('x').code).toBe('ID_TOKEN_UNAVAILABLE');
    expect(
      new ExchangeRefusedError('x', { status: 400, oauthError: undefined, description: undefined, transient: false })
        .code,
    ).toBe('EXCHANGE_REFUSED');
  });
});
