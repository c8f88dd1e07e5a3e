// http/refusal.ts, the one reader of a refused answer for every caller: the server's words (header,
// OAuth fields, `message`, else the body without tags), made inert and stripped of secrets and
// token-shaped values; the request id; Retry-After; whether it is worth another try.
import { describe, expect, it } from 'vitest';
import { quoted, readRefusal, requestIdNote } from '../../src/http/refusal.js';

const answer = (status: number, body: string, headers: Record<string, string> = {}) => ({ status, body, headers });

describe('readRefusal', () => {
  it.each([
    [
      'the X-Error-Message header first',
      answer(404, '{"error":"x"}', { 'x-error-message': 'Repository not found' }),
      'Repository not found',
    ],
    [
      'the OAuth fields',
      answer(400, '{"error":"invalid_grant","error_description":"no publisher"}'),
      'invalid_grant: no publisher',
    ],
    ['an API `message`', answer(401, '{"message":"Bad credentials"}'), 'Bad credentials'],
    ['a JSON object without those, whole', answer(500, '{"detail":"boom"}'), '{"detail":"boom"}'],
    ['an HTML page, without its tags', answer(502, '<html><h1>502 Bad Gateway</h1></html>'), '502 Bad Gateway'],
    ['nothing, for an empty body', answer(503, ''), ''],
  ])('quotes %s', (_what, response, text) => {
    expect(readRefusal(response, { secrets: [] }).text).toBe(text);
  });

  it('cuts out the secrets given and anything token-shaped, and leaves no workflow command', () => {
    const { text } = readRefusal(
      answer(400, '{"error":"bad","error_description":"echo SECRET-ID-TOKEN hf_jwt_abcdefghijklmnop\\n::error::x"}'),
      { secrets: ['SECRET-ID-TOKEN'] },
    );
    expect(text).not.toContain('SECRET-ID-TOKEN');
    expect(text).not.toContain('hf_jwt_abcdefghijklmnop');
    expect(text).not.toContain('::');
  });

  it('reads the request id, Retry-After and transience; quotes nothing when told not to', () => {
    const refusal = readRefusal(
      answer(429, '<Error>echoed Authorization</Error>', { 'x-amz-request-id': 'AB12', 'retry-after': '3' }),
      {
        secrets: [],
        quote: false,
      },
    );
    expect(refusal).toEqual({ status: 429, transient: true, retryAfterMs: 3000, requestId: 'AB12', text: '' });
    expect(readRefusal(answer(403, 'no'), { secrets: [] })).toMatchObject({
      transient: false,
      retryAfterMs: undefined,
    });
  });

  it('caps the text, and words the pieces of a message', () => {
    expect(readRefusal(answer(500, 'x'.repeat(500)), { secrets: [], maxLength: 20 }).text.length).toBeLessThanOrEqual(
      20,
    );
    expect(quoted('said')).toBe(' "said"');
    expect(quoted('')).toBe('');
    expect(requestIdNote('r-1')).toBe(' (x-request-id: r-1)');
    expect(requestIdNote(undefined)).toBe('');
  });
});
