import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { hubBaseOf, hubEndpoint, hubPathOf, parseHubUrl } from '../../src/hub/hub-url.js';

describe('parseHubUrl', () => {
  it.each([
    ['https://huggingface.co', 'https://huggingface.co/', 'https://huggingface.co', ''],
    ['https://huggingface.co/', 'https://huggingface.co/', 'https://huggingface.co', ''],
    ['  https://huggingface.co//  ', 'https://huggingface.co/', 'https://huggingface.co', ''],
    [
      'https://hub.example.test/mirror',
      'https://hub.example.test/mirror/',
      'https://hub.example.test/mirror',
      'mirror',
    ],
    ['https://hub.example.test/a/b/', 'https://hub.example.test/a/b/', 'https://hub.example.test/a/b', 'a/b'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/', 'http://127.0.0.1:8080', ''],
  ])('normalises %j once', (raw, href, base, path) => {
    const url = parseHubUrl(raw, 'Input `hub-url`');
    expect([url.href, hubBaseOf(url), hubPathOf(url)]).toEqual([href, base, path]);
  });

  it('builds endpoints below the hub, path prefix included', () => {
    expect(hubEndpoint(parseHubUrl('https://huggingface.co', 'x'), 'oauth/token').href).toBe(
      'https://huggingface.co/oauth/token',
    );
    expect(hubEndpoint(parseHubUrl('https://hub.example.test/mirror/', 'x'), 'oauth/token').href).toBe(
      'https://hub.example.test/mirror/oauth/token',
    );
  });

  it.each([
    ['https://huggingface.co/?x=1', 'without a query string or fragment'],
    ['https://huggingface.co?', 'without a query string or fragment'],
    ['https://huggingface.co/#top', 'without a query string or fragment'],
    ['https://huggingface.co#', 'without a query string or fragment'],
    ['https://user:pass@huggingface.co', 'must not contain credentials'],
    ['http://hub.example.test', 'not a loopback host'],
    ['ftp://huggingface.co', 'must be an https:// URL'],
    ['huggingface.co', 'is not a valid URL'],
  ])('refuses %j', (raw, message) => {
    expect(() => parseHubUrl(raw, 'Input `hub-url`')).toThrow(InputError);
    expect(() => parseHubUrl(raw, 'Input `hub-url`')).toThrow(message);
  });
});
