import { describe, expect, it } from 'vitest';
import {
  formatCredentialAnswer,
  isRequestInScope,
  parseCredentialRequest,
  repositoryPathOf,
  type CredentialRequest,
} from '../../src/git/credential-protocol.js';
import { parseResource } from '../../src/hub/resource.js';

const HUB = new URL('https://huggingface.co');
const MODEL = parseResource('acme/awesome-model', HUB.host);
const DATASET = parseResource('datasets/acme/data', HUB.host);

const request = (fields: Partial<CredentialRequest>): CredentialRequest => ({
  protocol: 'https',
  host: 'huggingface.co',
  path: undefined,
  username: undefined,
  ...fields,
});

describe('parseCredentialRequest', () => {
  it('reads the attributes git sends, up to the blank line', () => {
    expect(
      parseCredentialRequest('protocol=https\nhost=huggingface.co\npath=acme/x.git\nusername=bob\n\nhost=evil.test\n'),
    ).toEqual({
      protocol: 'https',
      host: 'huggingface.co',
      path: 'acme/x.git',
      username: 'bob',
    });
  });

  it.each([
    ['an empty request', '', {}],
    ['CRLF line ends', 'protocol=https\r\nhost=huggingface.co\r\n\r\n', { protocol: 'https', host: 'huggingface.co' }],
    ['values with "="', 'path=a=b\n', { path: 'a=b' }],
    [
      'lines without "=" and unknown keys',
      'junk\ncapability[]=authtype\nwwwauth[]=Basic realm="x"\nhost=h\n',
      { host: 'h' },
    ],
    ['a repeated key (the first wins)', 'host=a\nhost=b\n', { host: 'a' }],
  ])('copes with %s', (_name, text, expected) => {
    expect(parseCredentialRequest(text)).toEqual({
      protocol: undefined,
      host: undefined,
      path: undefined,
      username: undefined,
      ...expected,
    });
  });
});

describe('isRequestInScope', () => {
  it.each([
    ['the repository', request({ path: 'acme/awesome-model' }), MODEL],
    ['the repository with .git', request({ path: 'acme/awesome-model.git' }), MODEL],
    ['git-lfs endpoint', request({ path: 'acme/awesome-model.git/info/lfs' }), MODEL],
    ['a trailing slash', request({ path: 'acme/awesome-model/' }), MODEL],
    ['other letter case', request({ path: 'Acme/Awesome-Model.git', host: 'HuggingFace.co' }), MODEL],
    ['a dataset', request({ path: 'datasets/acme/data.git' }), DATASET],
  ])('answers for %s', (_name, incoming, resource) => {
    expect(isRequestInScope(incoming, HUB, resource)).toBe(true);
  });

  it.each([
    ['no path (useHttpPath off)', request({}), MODEL],
    ['another repository', request({ path: 'acme/other' }), MODEL],
    ['a repository whose name extends ours', request({ path: 'acme/awesome-model-2' }), MODEL],
    ['a model named like the dataset', request({ path: 'acme/data' }), DATASET],
    ['another host', request({ host: 'huggingface.co.evil.test', path: 'acme/awesome-model' }), MODEL],
    ['the hub on another port', request({ host: 'huggingface.co:8443', path: 'acme/awesome-model' }), MODEL],
    ['plain http', request({ protocol: 'http', path: 'acme/awesome-model' }), MODEL],
    ['no protocol', request({ protocol: undefined, path: 'acme/awesome-model' }), MODEL],
  ])('stays silent for %s', (_name, incoming, resource) => {
    expect(isRequestInScope(incoming, HUB, resource)).toBe(false);
  });

  it('scopes below a hub that lives under a path', () => {
    const hub = new URL('http://127.0.0.1:8080/hub/');
    expect(repositoryPathOf(hub, MODEL)).toBe('hub/acme/awesome-model');
    expect(
      isRequestInScope(
        request({ protocol: 'http', host: '127.0.0.1:8080', path: 'hub/acme/awesome-model.git' }),
        hub,
        MODEL,
      ),
    ).toBe(true);
    expect(
      isRequestInScope(
        request({ protocol: 'http', host: '127.0.0.1:8080', path: 'acme/awesome-model.git' }),
        hub,
        MODEL,
      ),
    ).toBe(false);
  });
});

describe('formatCredentialAnswer', () => {
  it('writes username, password and the expiry git 2.41+ understands', () => {
    expect(
      formatCredentialAnswer({ username: 'hf_user', password: 'hf_jwt_abc', expiresAtSeconds: 1_800_000_000.7 }),
    ).toBe('username=hf_user\npassword=hf_jwt_abc\npassword_expiry_utc=1800000000\n');
    expect(formatCredentialAnswer({ username: 'u', password: 'p' })).toBe('username=u\npassword=p\n');
  });

  it.each(['p\nusername=evil', 'p\r', 'p\0'])('refuses a value that would forge attributes: %j', (password) => {
    expect(() => formatCredentialAnswer({ username: 'u', password })).toThrow('line break or NUL');
  });
});
