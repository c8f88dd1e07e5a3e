import { describe, expect, it } from 'vitest';
import { escapeMarkdown, quoteForMessage, redactSecrets, sanitizeServerText } from '../../src/runner/sanitize.js';

describe('sanitizeServerText', () => {
  it.each([
    ['plain', 'plain'],
    ['a\nb\r\nc', 'a b c'],
    ['\n::error::forged', ': :error: :forged'],
    ['x\u001b[31mred', 'x [31mred'],
    ['bidi\u202Eevil', 'bidi evil'],
    ['line\u2028sep', 'line sep'],
    ['   lots   of\t\tspace ', 'lots of space'],
    // Found by the property tests: a third colon used to leave `::` behind, and lone surrogates passed through.
    [':::error:::', ': : :error: : :'],
    ['half \ud800 pair', 'half \ufffd pair'],
  ])('%j → %j', (input, output) => {
    expect(sanitizeServerText(input)).toBe(output);
  });

  it('never splits a surrogate pair when it caps the length', () => {
    expect(sanitizeServerText('😀😀😀', 3)).toBe('😀😀😀');
    expect(sanitizeServerText('😀😀😀😀', 3)).toBe('😀😀…');
  });

  it('caps the length', () => {
    const text = sanitizeServerText('y'.repeat(1000), 50);
    expect(text).toHaveLength(50);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('quoteForMessage', () => {
  it.each([
    ['acme/x', '"acme/x"'],
    ['a\nb', '"a\\nb"'],
    ['a\u2028b', '"a\\u2028b"'],
    ['a\u202eb\u0085', '"a\\u202eb\\u0085"'],
  ])('%j → %s', (input, output) => {
    expect(quoteForMessage(input)).toBe(output);
  });
});

describe('redactSecrets', () => {
  it('replaces a token and its long JWT parts', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUveCJ9.c2lnbmF0dXJlc2lnbmF0dXJl';
    expect(redactSecrets(`bad token ${jwt}!`, [jwt])).toBe('bad token ***!');
    expect(redactSecrets('payload eyJzdWIiOiJyZXBvOmFjbWUveCJ9 echoed', [jwt])).toBe('payload *** echoed');
  });

  it('ignores empty secrets', () => {
    expect(redactSecrets('text', [''])).toBe('text');
  });
});

describe('escapeMarkdown', () => {
  it('neutralises HTML, links and table pipes', () => {
    expect(escapeMarkdown('<img src=x>[a](b)|`c`')).not.toMatch(/[<>[\]|`]/);
  });
});
