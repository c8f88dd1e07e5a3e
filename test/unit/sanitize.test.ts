import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  neutralizeCommands,
  quoteForMessage,
  redactIssuedTokens,
  redactSecrets,
  sanitizeServerText,
  toInertLine,
} from '../../src/runner/sanitize.js';
import { findWorkflowCommands } from '../support/runner-log.js';

describe('sanitizeServerText', () => {
  it.each([
    ['plain', 'plain'],
    ['a\nb\r\nc', 'a b c'],
    ['\n::error::forged', ': :error: :forged'],
    ['x\u001b[31mred', 'x [31mred'],
    // Invisible characters go: the runner's search skips them, so they could hide a `##[` or `::`.
    ['bidi\u202Eevil', 'bidievil'],
    ['zero\u200Bwidth\u00ADsoft', 'zerowidthsoft'],
    ['line\u2028sep', 'line sep'],
    ['   lots   of\t\tspace ', 'lots of space'],
    // Found by the property tests: a third colon used to leave `::` behind, and lone surrogates passed through.
    [':::error:::', ': : :error: : :'],
    ['half \ud800 pair', 'half \ufffd pair'],
  ])('%j → %j', (input, output) => {
    expect(sanitizeServerText(input)).toBe(output);
  });

  // The legacy syntax `##[name]data` is a command ANYWHERE in a line of stdout or stderr, its name in
  // any case, with characters the runner's culture-sensitive search skips in between
  // (actions/runner ActionCommand.cs TryParse).
  it.each([
    ['x ##[stop-commands]pwned', 'x # #[stop-commands]pwned'],
    ['##[STOP-COMMANDS]pwned', '# #[STOP-COMMANDS]pwned'],
    ['###[add-mask]x', '# # #[add-mask]x'],
    ['#\u00AD#[stop-commands]x', '# #[stop-commands]x'],
    ['#\u200B#[stop-commands]x', '# #[stop-commands]x'],
    ['#\u034F#[stop-commands]x', '# #[stop-commands]x'],
    ['#\uFE0F#[stop-commands]x', '# #[stop-commands]x'],
    ['#\u0301#[stop-commands]x', '# \u0301#[stop-commands]x'],
    ['#\u0000#[stop-commands]x', '# #[stop-commands]x'],
    [':\u0301:add-mask::x', ': \u0301:add-mask: :x'],
    ['issue #12, see #34', 'issue #12, see #34'],
  ])('breaks the legacy command syntax: %j → %j', (input, output) => {
    const sanitized = sanitizeServerText(input);
    expect(sanitized).toBe(output);
    expect(findWorkflowCommands(`retrying: ${sanitized}`)).toEqual([]);
    expect(findWorkflowCommands(sanitized)).toEqual([]);
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

describe('neutralizeCommands: the last step before a line is printed', () => {
  it.each([
    ['The exchange failed: x ##[stop-commands]pwned. Retrying in 1 s.', 'x # #[stop-commands]pwned'],
    ['a #\u00AD#[add-mask]y', 'a # \u00AD#[add-mask]y'],
    ['::add-mask::x', ': :add-mask::x'],
    ['   ::error::forged', '   : :error::forged'],
    ['\u00A0\u0085::warning::forged', '\u00A0\u0085: :warning::forged'],
    ['\u200B::debug::x', '\u200B: :debug::x'],
    ['first line\n::add-mask::x\r\n##[group]y', 'first line\n: :add-mask::x\r\n# #[group]y'],
  ])('%j contains %j and no command', (input, expected) => {
    const output = neutralizeCommands(input);
    expect(output).toContain(expected);
    expect(findWorkflowCommands(output)).toEqual([]);
  });

  it("leaves the action's own text alone: `::` inside a line, IPv6 hosts, `#` on its own", () => {
    const text = 'Plain http:// is accepted only for localhost, 127.0.0.0/8 and [::1]; see issue #12.';
    expect(neutralizeCommands(text)).toBe(text);
  });

  it('is what the model of the runner says is needed: the raw inputs are commands', () => {
    expect(findWorkflowCommands('x ##[stop-commands]pwned').map((command) => command.name)).toEqual(['stop-commands']);
    expect(findWorkflowCommands('#\u00AD#[ADD-MASK]y').map((command) => command.name)).toEqual(['add-mask']);
    expect(findWorkflowCommands('\u00A0::warning::forged').map((command) => command.name)).toEqual(['warning']);
  });
});

describe('issued-token-shaped values in server text', () => {
  const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUveCJ9.c2lnbmF0dXJlc2lnbmF0dXJl';
  it.each([
    ['bad token hf_jwt_abcdefghijklmnopqrstuvwx for acme/x', 'bad token *** for acme/x'],
    ['classic hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567', 'classic ***'],
    ['oauth hf_oauth_0123456789abcdefghij.', 'oauth ***'],
    [`got ${JWT}`, 'got ***'],
    ['payload eyJzdWIiOiJyZXBvOmFjbWUveCJ9 echoed', 'payload *** echoed'],
    ['jws AAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBB.CCCCCCCCCCCCCCCCCCCC', 'jws ***'],
    ['Authorization: Bearer opaque-0123', 'Authorization: Bearer ***'],
    ['hf_\u200Bjwt_abcdefghijklmnopqrstuvwx', '***'],
  ])('%j → %j', (input, output) => {
    expect(sanitizeServerText(input)).toBe(output);
  });

  it('leaves ordinary text alone: hosts, short names, request ids', () => {
    const text = 'huggingface.co api-inference.huggingface.co hf_hub_download Root=1-67891233-abcdef0123456789abcdef01';
    expect(redactIssuedTokens(text)).toBe(text);
  });

  it('redacts before it caps, so no first half of a token is left', () => {
    const text = sanitizeServerText(`${'x'.repeat(20)} hf_jwt_abcdefghijklmnopqrstuvwxyz0123456789`, 40);
    expect(text).not.toContain('hf_');
    expect(text).toContain('***');
  });

  it('toInertLine (claims, inputs) does not redact: a repository may be called hf_something_long', () => {
    expect(toInertLine('repo:acme/hf_transformers_experiments:ref:refs/heads/main')).toBe(
      'repo:acme/hf_transformers_experiments:ref:refs/heads/main',
    );
    expect(toInertLine('x ##[stop-commands]y')).toBe('x # #[stop-commands]y');
  });
});
