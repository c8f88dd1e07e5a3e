import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
    ['the host in other letter case', request({ path: 'acme/awesome-model.git', host: 'HuggingFace.co' }), MODEL],
    ['the scheme in other letter case', request({ protocol: 'HTTPS', path: 'acme/awesome-model' }), MODEL],
    ['the default port spelled out', request({ host: 'huggingface.co:0443', path: 'acme/awesome-model' }), MODEL],
    ['a dataset', request({ path: 'datasets/acme/data.git' }), DATASET],
    // Dot segments that stay inside the repository: git's own URL matching resolves them the same way.
    ['a `.` segment', request({ path: 'acme/./awesome-model.git/info/lfs' }), MODEL],
    ['a `..` that stays inside', request({ path: 'acme/awesome-model.git/info/../info/lfs' }), MODEL],
    ['a `..` that comes back to it', request({ path: 'acme/other/../awesome-model' }), MODEL],
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
    // git matches config URL paths case-sensitively: a path in another case is not the configured
    // URL, so git would not have asked this helper for it (see credential-protocol.ts).
    ['the path in other letter case', request({ path: 'Acme/Awesome-Model.git' }), MODEL],
    // What git sends when `credential.useHttpPath` is on for the whole host and the remote URL walks
    // out of the repository: curl resolves the dot segments, so the request goes to acme/other.
    ['`..` out of the repository', request({ path: 'acme/awesome-model/../other' }), MODEL],
    ['`..` out of the repository after .git', request({ path: 'acme/awesome-model.git/../../acme/other.git' }), MODEL],
    ['`..` out of the repository, percent-encoded', request({ path: 'acme/awesome-model/%2e%2E/other' }), MODEL],
    ['`..` out of the repository, half encoded', request({ path: 'acme/awesome-model/.%2e/other' }), MODEL],
    ['`..` above the root', request({ path: '../acme/awesome-model' }), MODEL],
    ['a `..` that leaves the repository itself', request({ path: 'acme/awesome-model/..' }), MODEL],
    ['an empty segment', request({ path: 'acme//awesome-model' }), MODEL],
    ['a leading slash (git never sends one)', request({ path: '/acme/awesome-model' }), MODEL],
    ['an encoded slash', request({ path: 'acme%2Fawesome-model' }), MODEL],
    ['a query', request({ path: 'acme/other?/acme/awesome-model' }), MODEL],
    ['a fragment', request({ path: 'acme/other#/acme/awesome-model' }), MODEL],
    ['a malformed escape', request({ path: 'acme/awesome-model/%zz' }), MODEL],
    // git decoded the URL once: a `%` left in the path is a character, so git matched another name.
    ['an escaped unreserved character', request({ path: 'acme/awesome%2Dmodel' }), MODEL],
    ['the repository name with .git twice', request({ path: 'acme/awesome-model.git.git' }), MODEL],
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

describe('isRequestInScope against real git', () => {
  // The action's layout (src/git/configure.ts): a helper in the sections of the repository's two URLs only.
  // git asks that helper exactly when its own URL matching (urlmatch.c) puts the request in one of
  // them; whatever git does, the helper must never answer for a request git would not route to it.
  const directory = mkdtempSync(join(tmpdir(), 'hf-oidc-urlmatch-'));
  const globalConfig = join(directory, 'gitconfig');
  const helper = `!f() { test "$1" = get && printf 'username=u\\npassword=matched\\n'; }; f`;
  writeFileSync(
    globalConfig,
    ['https://huggingface.co/acme/awesome-model', 'https://huggingface.co/acme/awesome-model.git']
      .map((url) => `[credential "${url}"]\n\thelper = ${JSON.stringify(helper)}\n\tuseHttpPath = true\n`)
      .join(''),
  );
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const gitRoutesToHelper = (host: string, path: string): boolean => {
    try {
      const output = execFileSync('git', ['credential', 'fill'], {
        input: `protocol=https\nhost=${host}\npath=${path}\n\n`,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'ignore'],
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: directory,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_CONFIG_GLOBAL: globalConfig,
          GIT_TERMINAL_PROMPT: '0',
        },
      });
      return output.includes('password=matched');
    } catch {
      return false; // no helper answered and prompts are off
    }
  };

  it.each([
    // host, path, does git route it to the helper, does the helper answer
    ['huggingface.co', 'acme/awesome-model', true, true],
    ['huggingface.co', 'acme/awesome-model.git/info/lfs', true, true],
    ['HuggingFace.co:0443', 'acme/awesome-model', true, true],
    ['huggingface.co', 'acme/./awesome-model/', true, true],
    ['huggingface.co', 'acme/other/../awesome-model.git', true, true],
    ['huggingface.co', 'acme/awesome-model/../other', false, false],
    // git matched the `%` as a character (the remote URL said %252e); a server that decodes once
    // more would walk out of the repository: the helper is stricter than git here.
    ['huggingface.co', 'acme/awesome-model/%2e%2e/other', true, false],
    ['huggingface.co', 'acme/awesome%2Dmodel', false, false],
    ['huggingface.co', 'Acme/Awesome-Model', false, false],
    ['huggingface.co', 'acme/awesome-model-2', false, false],
    ['huggingface.co', '/acme/awesome-model', false, false],
    ['huggingface.co', 'acme//awesome-model', false, false],
    ['huggingface.co:8443', 'acme/awesome-model', false, false],
  ])('%s %s: git routes it to the helper: %s; the helper answers: %s', (host, path, routed, answered) => {
    expect(gitRoutesToHelper(host, path)).toBe(routed);
    expect(isRequestInScope(request({ host, path }), HUB, MODEL)).toBe(answered);
  });

  it('answers for nothing git would not route to it, whatever the path (`%`-escapes, dot segments, case)', () => {
    const parts = [
      'acme',
      'awesome-model',
      'awesome-model.git',
      'Acme',
      'other',
      '.',
      '..',
      '%2e',
      '%2E%2e',
      '%41cme',
      '',
    ];
    let checked = 0;
    for (const a of parts)
      for (const b of parts)
        for (const c of ['', 'info', '..']) {
          const path = [a, b, c].filter((part, index) => index < 2 || part !== '').join('/');
          if (isRequestInScope(request({ path }), HUB, MODEL)) {
            expect(gitRoutesToHelper('huggingface.co', path), path).toBe(true);
            checked++;
          }
        }
    expect(checked).toBeGreaterThan(3);
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
