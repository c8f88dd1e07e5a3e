// The hub's address (hub-url, HF_ENDPOINT, the helper's --hub-url): parsed once, refused when it
// cannot be a hub's address, and every endpoint on the hub built from it with the URL API.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseHelperArguments } from '../../src/git/helper-command.js';
import { defaultAudienceFor, hubBaseOf, hubEndpoint, hubPathOf, parseHubUrl } from '../../src/hub/hub-url.js';

const LABEL = 'Input `hub-url`';

describe('parseHubUrl', () => {
  it.each([
    ['https://huggingface.co', 'https://huggingface.co/', 'https://huggingface.co', ''],
    ['https://huggingface.co/', 'https://huggingface.co/', 'https://huggingface.co', ''],
    ['  https://HuggingFace.co:443  ', 'https://huggingface.co/', 'https://huggingface.co', ''],
    ['  https://huggingface.co//  ', 'https://huggingface.co/', 'https://huggingface.co', ''],
    ['https://hub.example/mirror', 'https://hub.example/mirror/', 'https://hub.example/mirror', 'mirror'],
    ['https://hub.example/mirror///', 'https://hub.example/mirror/', 'https://hub.example/mirror', 'mirror'],
    ['https://hub.example/a/../hf/./x/', 'https://hub.example/hf/x/', 'https://hub.example/hf/x', 'hf/x'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/', 'http://127.0.0.1:8080', ''],
  ])('%j is the hub %s (base %s, path %j)', (raw, href, base, path) => {
    const hub = parseHubUrl(raw, LABEL);
    expect(hub.href).toBe(href);
    expect(hubBaseOf(hub)).toBe(base);
    expect(hubPathOf(hub)).toBe(path);
  });

  it.each([
    'https://huggingface.co/?x=1',
    'https://huggingface.co?token=secret',
    'https://hub.example/mirror?',
    'https://huggingface.co/#top',
    'https://huggingface.co#',
    'https://hub.example/mirror/?a#b',
  ])('refuses %j: a query string or fragment cannot be part of a hub address', (raw) => {
    expect(() => parseHubUrl(raw, LABEL)).toThrow(InputError);
    expect(() => parseHubUrl(raw, LABEL)).toThrow(/Input `hub-url` must be the hub's address alone/);
  });

  it('never quotes the query it refuses (it may hold a secret)', () => {
    let message = '';
    try {
      parseHubUrl('https://huggingface.co/?code=s3cr3t-value', LABEL);
    } catch (error: unknown) {
      message = error instanceof InputError ? `${error.message} ${error.hint ?? ''}` : '';
    }
    expect(message).toContain('query string');
    expect(message).not.toContain('s3cr3t');
  });

  it.each([
    ['not a url', 'is not a valid URL'],
    ['http://hub.example', 'plain http://'],
    ['ftp://hub.example', 'must be an https:// URL'],
    ['https://user:pw@hub.example', 'must not contain credentials'],
    ['huggingface.co', 'is not a valid URL'],
  ])('refuses %j (%s)', (raw, message) => {
    expect(() => parseHubUrl(raw, LABEL)).toThrow(message);
  });
});

describe('hubEndpoint', () => {
  it.each([
    ['https://huggingface.co', 'oauth/token', 'https://huggingface.co/oauth/token'],
    ['https://hub.example/mirror', 'oauth/token', 'https://hub.example/mirror/oauth/token'],
    ['https://hub.example/mirror/', 'api/whoami-v2', 'https://hub.example/mirror/api/whoami-v2'],
  ])('%s + %s = %s', (raw, path, expected) => {
    expect(hubEndpoint(parseHubUrl(raw, LABEL), path).href).toBe(expected);
  });
});

describe("the helper's --hub-url", () => {
  const argumentsWith = (hubUrl: string): string[] => [
    ...['--hub-url', hubUrl, '--resource', 'acme/x', '--token-endpoint', 'https://huggingface.co/oauth/token'],
    ...['--audience', 'https://huggingface.co', '--max-attempts', '1', '--timeout-seconds', '1'],
    ...['--deadline-seconds', '1', '--id', 'x', 'get'],
  ];

  it('is parsed like hub-url: normalised, and refused with a query string', () => {
    expect(parseHelperArguments(argumentsWith('https://hub.example/mirror')).settings.hubUrl.href).toBe(
      'https://hub.example/mirror/',
    );
    expect(() => parseHelperArguments(argumentsWith('https://hub.example/?x=1'))).toThrow(/--hub-url must be/);
  });
});

describe('defaultAudienceFor: the URL of the hub that receives the ID token', () => {
  it.each([
    ['https://huggingface.co/oauth/token', 'https://huggingface.co'],
    ['https://hub.example/mirror/oauth/token', 'https://hub.example/mirror'],
    ['https://hub.example:8443/a/b/oauth/token?code=x', 'https://hub.example:8443/a/b'],
    ['https://broker.example/exchange?code=secret', 'https://broker.example'],
    ['https://broker.example/oauth/token/', 'https://broker.example'],
    ['http://127.0.0.1:8080/oauth/token', 'http://127.0.0.1:8080'],
  ])('%s → %s', (endpoint, audience) => {
    expect(defaultAudienceFor(new URL(endpoint))).toBe(audience);
  });

  // huggingface_hub's default audience is HF_ENDPOINT with its trailing slashes stripped (`_oidc.py`):
  // the expected values are written out, not computed the way the code computes them.
  it.each([
    ['https://huggingface.co', 'https://huggingface.co'],
    ['https://hub.example/mirror/', 'https://hub.example/mirror'],
    ['https://hub-ci.huggingface.co//', 'https://hub-ci.huggingface.co'],
    ['https://hub.example/a/b///', 'https://hub.example/a/b'],
  ])("is the hub's base for the hub-url %s, as huggingface_hub's default: %s", (raw, audience) => {
    const hub = parseHubUrl(raw, LABEL);
    expect(defaultAudienceFor(hubEndpoint(hub, 'oauth/token'))).toBe(hubBaseOf(hub));
    expect(defaultAudienceFor(hubEndpoint(hub, 'oauth/token'))).toBe(audience);
  });
});
