// The requests @huggingface/hub makes for the action, recorded: the action still uses the library
// for `verify` (src/hub/verify.ts: whoAmI for a user resource, checkRepoAccess for a repository),
// through a fetch of its own that allows GET only and reads the answers itself. `upload` no longer
// uses the library (its engine speaks the commit API directly: src/upload/send-commit.ts).
// A version bump that changes a method, a path, a header that matters or a body fails here with a
// message that says what changed and where to look, instead of in a user's workflow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRepoAccess, whoAmI } from '@huggingface/hub';

const HUB = 'https://hub.test';
const TOKEN = 'hf_contract_test_token';
const VERSION = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules/@huggingface/hub/package.json'), 'utf8')) as {
    version: string;
  }
).version;

interface Recorded {
  method: string;
  url: string;
  authorization: string | null;
  body: string | null;
}

/** Calls `call` with a fetch that records each request and answers `status` with `body`. */
async function record(
  call: (fetch: typeof globalThis.fetch) => Promise<unknown>,
  answer: { status: number; body: unknown } = { status: 200, body: {} },
): Promise<{ requests: Recorded[]; outcome: 'resolved' | 'threw' }> {
  const requests: Recorded[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.get('authorization'),
      body: init?.body === undefined || init.body === null ? null : await request.text(),
    });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', 'x-request-id': 'contract' },
    });
  };
  const outcome = await call(fetch).then(
    () => 'resolved' as const,
    () => 'threw' as const,
  );
  return { requests, outcome };
}

/** The recorded requests must be these; else say what changed, and where the action depends on it. */
function expectContract(what: string, actual: Recorded[], expected: Recorded[]): void {
  expect(
    actual,
    `@huggingface/hub ${VERSION} changed the requests of ${what}. src/hub/verify.ts depends on them (its fetch ` +
      'allows GET only; it reports the last answer itself): check it against the new version, then update this record.',
  ).toEqual(expected);
}

const get = (path: string): Recorded => ({
  method: 'GET',
  url: `${HUB}${path}`,
  authorization: `Bearer ${TOKEN}`,
  body: null,
});

describe(`the requests of @huggingface/hub that the action uses`, () => {
  it('whoAmI: one GET of /api/whoami-v2 with the token; the answer’s `name` is read', async () => {
    let name: unknown;
    const { requests } = await record(
      async (fetch) => {
        name = ((await whoAmI({ hubUrl: HUB, accessToken: TOKEN, fetch })) as { name?: unknown }).name;
      },
      { status: 200, body: { type: 'user', name: 'octocat', id: '1', auth: {} } },
    );
    expectContract('whoAmI (verify, user resources)', requests, [get('/api/whoami-v2')]);
    expect(name).toBe('octocat');
  });

  it.each([
    ['model', '/api/models/acme/awesome-model'],
    ['dataset', '/api/datasets/acme/awesome-model'],
    ['space', '/api/spaces/acme/awesome-model'],
  ] as const)('checkRepoAccess of a %s: one GET of %s with the token', async (type, path) => {
    const { requests, outcome } = await record((fetch) =>
      checkRepoAccess({ repo: { type, name: 'acme/awesome-model' }, hubUrl: HUB, accessToken: TOKEN, fetch }),
    );
    expectContract(`checkRepoAccess (verify, ${type} resources)`, requests, [get(path)]);
    expect(outcome).toBe('resolved');
  });

  it('checkRepoAccess throws on a refusal (verify then reports the answer it recorded)', async () => {
    const { outcome } = await record(
      (fetch) => checkRepoAccess({ repo: { type: 'model', name: 'acme/x' }, hubUrl: HUB, accessToken: TOKEN, fetch }),
      { status: 404, body: { error: 'Repository not found' } },
    );
    expect(outcome).toBe('threw');
  });
});
