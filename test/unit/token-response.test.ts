import { describe, expect, it } from 'vitest';
import { RemoteError } from '../../src/errors.js';
import {
  explainInvalidToken,
  findCredentialsInBody,
  parseOAuthError,
  parseTokenResponse,
} from '../../src/hub/token-response.js';

const TOKEN = 'hf_jwt_abcdefghijklmnopqrstuvwxyz012345';

describe('parseTokenResponse', () => {
  it('reads the Hub success shape and hands the token to onToken first', () => {
    const seen: string[] = [];
    const issued = parseTokenResponse(
      JSON.stringify({
        access_token: TOKEN,
        token_type: 'bearer',
        expires_in: 3600,
        issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      }),
      (token) => seen.push(token),
    );
    expect(issued).toEqual({ accessToken: TOKEN, expiresInSeconds: 3600 });
    expect(seen).toEqual([TOKEN]);
  });

  it('accepts a Bearer token_type in any case and a missing expires_in', () => {
    expect(
      parseTokenResponse(JSON.stringify({ access_token: TOKEN, token_type: 'Bearer' }), () => undefined)
        .expiresInSeconds,
    ).toBeUndefined();
  });

  it('masks before refusing: onToken sees a malformed token too', () => {
    const seen: string[] = [];
    expect(() =>
      parseTokenResponse(JSON.stringify({ access_token: `${TOKEN}\nX=1` }), (token) => seen.push(token)),
    ).toThrow('contains a line break');
    expect(seen).toEqual([`${TOKEN}\nX=1`]);
  });

  it.each([
    ['not json', 'not valid JSON'],
    ['{"access_token": "hf_jwt_trunc', 'not valid JSON'],
    ['null', 'not a JSON object'],
    ['"hf_jwt_abc"', 'not a JSON object'],
    ['{}', 'has no `access_token`'],
    [JSON.stringify({ access_token: null }), 'is a object'],
    [JSON.stringify({ access_token: ['x'] }), 'is a object'],
    [JSON.stringify({ access_token: TOKEN, token_type: 'mac' }), '`token_type` is "mac"'],
    [JSON.stringify({ access_token: TOKEN, token_type: 7 }), '`token_type` is 7'],
    [JSON.stringify({ access_token: TOKEN, expires_in: 0 }), '`expires_in` is 0'],
    [JSON.stringify({ access_token: TOKEN, expires_in: '3600' }), '`expires_in` is "3600"'],
    [JSON.stringify({ access_token: TOKEN, expires_in: 86401 }), '`expires_in` is 86401'],
  ])('refuses %s', (body, message) => {
    expect(() => parseTokenResponse(body, () => undefined)).toThrow(message);
  });

  it('never puts the token into an error message', () => {
    for (const body of [
      JSON.stringify({ access_token: `${TOKEN} ` }),
      JSON.stringify({ access_token: TOKEN, token_type: TOKEN }),
      `{"access_token": "${TOKEN}`,
    ]) {
      try {
        parseTokenResponse(body, () => undefined);
        expect.unreachable();
      } catch (error: unknown) {
        expect(error).toBeInstanceOf(RemoteError);
        expect((error as Error).message).not.toContain('abcdefghijklmnopqrstuvwxyz012345');
      }
    }
  });
});

describe('explainInvalidToken', () => {
  it.each([
    ['', 'is empty'],
    ['short', 'is too short (5 characters)'],
    ['x'.repeat(8193), 'is too long (8193 characters)'],
    [`${TOKEN}\r`, 'contains a line break'],
    [`${TOKEN}\t`, 'contains white space'],
    [`${TOKEN}\u0000`, 'contains control characters'],
    [`${TOKEN}"`, 'contains characters a bearer token cannot have'],
    [`${TOKEN}<<EOF`, 'contains characters a bearer token cannot have'],
  ])('refuses a token that %2$s', (token, why) => {
    expect(explainInvalidToken(token)).toBe(why);
  });

  it.each([TOKEN, 'hf_oauth_ABC-def.ghi~jkl+mno/pqr==', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'])(
    'accepts %s',
    (token) => {
      expect(explainInvalidToken(token)).toBeUndefined();
    },
  );

  // RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=", and
  // from 16 to 8192 characters. Known good and bad values, written out by hand.
  it.each([
    ['16 characters, the shortest', 'abcdefghijklmnop'],
    ['every capital letter', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
    ['every small letter', 'abcdefghijklmnopqrstuvwxyz'],
    ['every digit and each of - . _ ~ + /', '0123456789-._~+/'],
    ['= padding at the end', 'abcdefghijklmn=='],
    ['8192 characters, the longest', `${'a'.repeat(8190)}==`],
  ])('accepts a b64token: %s', (_name, token) => {
    expect(explainInvalidToken(token)).toBeUndefined();
  });

  it.each([
    ['15 characters', 'abcdefghijklmno', 'is too short (15 characters)'],
    ['8193 characters', 'a'.repeat(8193), 'is too long (8193 characters)'],
    ['8193 characters with its padding', `${'a'.repeat(8191)}==`, 'is too long (8193 characters)'],
    ['padding alone', '='.repeat(16), 'contains characters a bearer token cannot have'],
    ['= before the end', 'abcdefgh=ijklmnop', 'contains characters a bearer token cannot have'],
    ['a space', 'abcdefgh ijklmnop', 'contains white space'],
    ['a no-break space', 'abcdefgh\u00a0ijklmnop', 'contains white space'],
    ['DEL', 'abcdefgh\u007fijklmnop', 'contains control characters'],
    ['a zero-width space', 'abcdefgh\u200bijklmnop', 'contains characters a bearer token cannot have'],
    ['a letter beyond ASCII', 'abcdefghéijklmnop', 'contains characters a bearer token cannot have'],
    ...Array.from('!"#$%&\'()*,:;<>?@[\\]^`{|}', (character) => [
      `a ${character}`,
      `abcdefgh${character}ijklmnop`,
      'contains characters a bearer token cannot have',
    ]),
  ])('refuses a token with %s', (_name, token, why) => {
    expect(explainInvalidToken(token)).toBe(why);
  });
});

describe('parseOAuthError', () => {
  it('reads and sanitises RFC 6749 error bodies', () => {
    expect(parseOAuthError(JSON.stringify({ error: 'invalid_grant', error_description: 'bad\n::error::x' }))).toEqual({
      error: 'invalid_grant',
      description: 'bad : :error: :x',
    });
  });

  it.each(['<html>502</html>', '[]', '{"message": "x"}', ''])('returns undefined for %j', (body) => {
    expect(parseOAuthError(body)).toBeUndefined();
  });
});

describe('credentials in any answer', () => {
  const REFRESH = 'opaque-refresh-token-0123456789';

  it('parseTokenResponse hands every credential in the body to onToken, the access token first', () => {
    const seen: string[] = [];
    parseTokenResponse(
      JSON.stringify({ access_token: TOKEN, refresh_token: REFRESH, extra: { id_token: 'eyJnested.x.y' } }),
      (token) => seen.push(token),
    );
    expect(seen).toEqual([TOKEN, REFRESH, 'eyJnested.x.y']);
  });

  it('never quotes a credential of the body in its error', () => {
    const seen: string[] = [];
    let message = '';
    try {
      parseTokenResponse(
        JSON.stringify({ access_token: TOKEN, refresh_token: REFRESH, token_type: REFRESH }),
        (token) => seen.push(token),
      );
    } catch (error: unknown) {
      message = error instanceof Error ? error.message : '';
    }
    expect(message).toContain('`token_type` is');
    expect(message).not.toContain(REFRESH.slice(0, 10));
    expect(seen).toContain(REFRESH);
  });

  it('findCredentialsInBody finds them at any depth, in objects and arrays, and ignores non-JSON bodies', () => {
    expect(
      findCredentialsInBody(
        JSON.stringify({ data: [{ Access_Token: TOKEN }], refresh_token: REFRESH, id_token: 'short', token: 'x' }),
      ),
    ).toEqual([TOKEN, REFRESH]);
    expect(findCredentialsInBody(`<html>${TOKEN}</html>`)).toEqual([]);
    // A hostile body nesting deeper than anyone would: no stack overflow, and found however deep.
    const deep = `${'['.repeat(5000)}{"access_token":"${TOKEN}"}${']'.repeat(5000)}`;
    expect(findCredentialsInBody(deep)).toEqual([TOKEN]);
    const nested = `${'{"a":'.repeat(9)}{"refresh_token":"${REFRESH}"}${'}'.repeat(9)}`;
    expect(findCredentialsInBody(nested)).toEqual([REFRESH]);
  });

  it('parseOAuthError cuts given secrets out of its fields, after JSON unescaping', () => {
    const escaped = '{"error":"invalid_grant","error_description":"token a\\/b-0123456789abcdef rejected"}';
    expect(parseOAuthError(escaped, ['a/b-0123456789abcdef'])?.description).toBe('token *** rejected');
  });
});
