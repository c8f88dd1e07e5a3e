import { describe, expect, it } from 'vitest';
import { describeFailure, ExchangeRefusedError, InputError } from '../../src/errors.js';

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
