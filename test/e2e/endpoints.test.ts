// End to end: where the ID token may go, and what of the configured URLs is printed. A hub URL is
// the hub's address alone (no query string, no fragment), refused before any request otherwise;
// a token-endpoint may carry a query string (brokers keyed by `?code=…` exist), which is used but
// never printed, summarised or put in an error.

import { describe, expect } from 'vitest';
import type { LocalServices } from '../support/local-services.js';
import { runAction, type RunOptions, type RunResult } from '../support/run-action.js';
import { expectCleanFailure, expectCleanSuccess } from './expectations.js';
import { test } from './fixtures.js';

const SECRET = 'S3CRET-broker-key';

/** A clean failure before any request: neither GitHub nor the hub called. Returns the error. */
function expectRefusedBeforeAnyRequest(services: LocalServices, result: RunResult): string {
  const error = expectCleanFailure(result, services.secrets());
  expect(services.issuer.callCount).toBe(0);
  expect(services.hub.requests).toEqual([]);
  return error;
}

/** Everything a user (or anyone reading the log) can see of a run. */
const visible = (result: RunResult): string => `${result.stdout}\n${result.stderr}\n${result.summary}`;

describe('endpoints', () => {
  const run = (options: RunOptions): Promise<RunResult> => runAction({ killAfterMs: 20_000, ...options });

  test.for([
    ['?x=1', 'query'],
    [`/?code=${SECRET}`, 'query'],
    ['?', 'empty query'],
    ['/#top', 'fragment'],
  ] as const)(
    'refuses hub-url with a %j (%s) before any request, in one clear error',
    async ([suffix], { services }) => {
      const result = await run(
        services.runOptions({ resource: 'acme/awesome-model', 'hub-url': `${services.hub.url}${suffix}` }),
      );
      const error = expectRefusedBeforeAnyRequest(services, result);
      expect(error).toContain("Input `hub-url` must be the hub's address alone, without a query string or fragment.");
      expect(visible(result)).not.toContain(SECRET);
    },
  );

  test('refuses HF_ENDPOINT with a fragment the same way, and names it', async ({ services }) => {
    const options = services.runOptions({ resource: 'acme/awesome-model' });
    delete options.inputs['hub-url'];
    const result = await run({ ...options, env: { HF_ENDPOINT: `${services.hub.url}/#x` } });
    const error = expectRefusedBeforeAnyRequest(services, result);
    expect(error).toContain('The HF_ENDPOINT environment variable (used because `hub-url` is empty) must be');
  });

  test('uses a token-endpoint query string but never prints or summarises it', async ({ services }) => {
    const result = await run(
      services.runOptions({
        resource: 'acme/awesome-model',
        'token-endpoint': `${services.hub.url}/oauth/token?code=${SECRET}`,
      }),
    );
    expectCleanSuccess(result, services.secrets());
    expect(services.hub.requests).toEqual([{ method: 'POST', path: '/oauth/token', query: `?code=${SECRET}` }]);
    expect(result.stdout).toContain(`Exchanging it at ${services.hub.url}/oauth/token?… (query string not shown).`);
    expect(visible(result)).not.toContain(SECRET);
  });

  test('never puts a token-endpoint query string in an error either (redirect, debug trace)', async ({ services }) => {
    services.hub.faults.push({ kind: 'respond', status: 302, headers: { location: 'https://elsewhere.test/x' } });
    const result = await run({
      ...services.runOptions({
        resource: 'acme/awesome-model',
        'token-endpoint': `${services.hub.url}/oauth/token?code=${SECRET}`,
      }),
      env: { RUNNER_DEBUG: '1' },
    });
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain('answered HTTP 302, a redirect to elsewhere.test');
    expect(visible(result)).not.toContain(SECRET);
  });

  test.for([`ftp://broker.example/token?code=${SECRET}`, `broker.example/token?code=${SECRET}`])(
    'never quotes the query string of a token-endpoint it refuses: %j',
    async (endpoint, { services }) => {
      const result = await run(services.runOptions({ resource: 'acme/awesome-model', 'token-endpoint': endpoint }));
      const error = expectRefusedBeforeAnyRequest(services, result);
      expect(error).toContain('Input `token-endpoint`');
      expect(visible(result)).not.toContain(SECRET);
    },
  );
});

describe('the audience of the ID token', () => {
  const HUGGING_FACE = 'https://huggingface.co';

  test('with HF_ENDPOINT set to another host (a mirror), is that host: it never gets a huggingface.co token', async ({
    services,
  }) => {
    const options = services.runOptions({ resource: 'acme/awesome-model' });
    delete options.inputs['hub-url'];
    const result = await runAction({ ...options, env: { HF_ENDPOINT: services.hub.url } });
    expectCleanSuccess(result, services.secrets());
    expect(services.issuer.requestedAudiences).toEqual([services.hub.url]);
    expect(services.hub.receivedAudiences).toEqual([services.hub.url]);
    expect(services.hub.receivedAudiences).not.toContain(HUGGING_FACE);
    expect(result.warnings).toEqual([]);
    expect(result.stdout).toContain(`Requesting a GitHub OIDC ID token (audience ${services.hub.url}).`);
  });

  test('with token-endpoint on another host and hub-url unset, is that endpoint, not huggingface.co', async ({
    services,
  }) => {
    const options = services.runOptions({
      resource: 'acme/awesome-model',
      'token-endpoint': `${services.hub.url}/oauth/token`,
    });
    delete options.inputs['hub-url'];
    const result = await runAction(options);
    expectCleanSuccess(result, services.secrets());
    expect(services.hub.receivedAudiences).toEqual([services.hub.url]);
  });

  test('an explicit https://huggingface.co sent to another host is honoured, with one warning that says what to do', async ({
    services,
  }) => {
    services.hub.audience = HUGGING_FACE;
    const options = services.runOptions({ resource: 'acme/awesome-model', audience: HUGGING_FACE });
    delete options.inputs['hub-url'];
    const result = await runAction({ ...options, env: { HF_ENDPOINT: services.hub.url } });
    expectCleanSuccess(result, services.secrets());
    expect(services.hub.receivedAudiences).toEqual([HUGGING_FACE]);
    expect(result.warnings).toHaveLength(1);
    const host = new URL(services.hub.url).host;
    expect(result.warnings[0]).toBe(
      `The ID token is requested for the audience ${HUGGING_FACE} (input \`audience\`) but sent to ${host}, another host: ` +
        `${host} could present it to huggingface.co as this workflow for as long as it is valid. ` +
        `Remove \`audience\` (it then defaults to the receiving hub's URL, ${services.hub.url}), ` +
        'or point `hub-url`/`token-endpoint` at huggingface.co itself.',
    );
  });

  test('an explicit audience naming the receiving host itself gets no warning', async ({ services }) => {
    const result = await runAction(services.runOptions({ resource: 'acme/awesome-model', audience: services.hub.url }));
    expectCleanSuccess(result, services.secrets());
    expect(result.warnings).toEqual([]);
  });
});
