import { describe, expect, it } from 'vitest';
import { escapeMarkdown, redactSecrets, sanitizeServerText } from '../../src/sanitize.js';

describe('sanitizeServerText', () => {
  it.each([
    ['plain', 'plain'],
    ['a\nb\r\nc', 'a b c'],
    ['\n::error::forged', ': :error: :forged'],
    ['x\u001b[31mred', 'x [31mred'],
    ['bidi\u202Eevil', 'bidi evil'],
    ['line\u2028sep', 'line sep'],
    ['   lots   of\t\tspace ', 'lots of space'],
  ])('%j → %j', (input, output) => {
    expect(sanitizeServerText(input)).toBe(output);
  });

  it('caps the length', () => {
    const text = sanitizeServerText('y'.repeat(1000), 50);
    expect(text).toHaveLength(50);
    expect(text.endsWith('…')).toBe(true);
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
