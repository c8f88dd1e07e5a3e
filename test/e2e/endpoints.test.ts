// End to end: where the ID token may go, and what of the configured URLs is printed. A hub URL is
// the hub's address alone (no query string, no fragment), refused before any request otherwise;
// a token-endpoint may carry a query string (brokers keyed by `?code=…` exist), which is used but
// never printed, summarised or put in an error.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLeaks } from '../support/leaks.js';
import { startLocalServices, type LocalServices } from '../support/local-services.js';
import { runAction, type RunOptions, type RunResult } from '../support/run-action.js';

const SECRET = 'S3CRET-broker-key';

describe('endpoints', () => {
  let services: LocalServices;
  beforeEach(async () => {
    services = await startLocalServices();
  });
  afterEach(async () => {
    await services.stop();
  });

  const run = (options: RunOptions): Promise<RunResult> => runAction({ killAfterMs: 20_000, ...options });

  /** Failed before any request: one error, nothing exported, neither GitHub nor the hub called. */
  function expectRefusedBeforeAnyRequest(result: RunResult): string {
    expect(result.exitCode).toBe(1);
    expect(result.errors, result.stdout).toHaveLength(1);
    expect(result.exported).toEqual({});
    expect(services.issuer.callCount).toBe(0);
    expect(services.hub.requests).toEqual([]);
    expect(findLeaks(result, services.secrets())).toEqual([]);
    return result.errors[0] ?? '';
  }

  /** Everything a user (or anyone reading the log) can see of a run. */
  const visible = (result: RunResult): string => `${result.stdout}\n${result.stderr}\n${result.summary}`;

  it.each([
    ['?x=1', 'query'],
    [`/?code=${SECRET}`, 'query'],
    ['?', 'empty query'],
    ['/#top', 'fragment'],
  ])('refuses hub-url with a %j (%s) before any request, in one clear error', async (suffix) => {
    const result = await run(
      services.runOptions({ resource: 'acme/awesome-model', 'hub-url': `${services.hub.url}${suffix}` }),
    );
    const error = expectRefusedBeforeAnyRequest(result);
    expect(error).toContain("Input `hub-url` must be the hub's address alone, without a query string or fragment.");
    expect(visible(result)).not.toContain(SECRET);
  });

  it('refuses HF_ENDPOINT with a fragment the same way, and names it', async () => {
    const options = services.runOptions({ resource: 'acme/awesome-model' });
    delete options.inputs['hub-url'];
    const result = await run({ ...options, env: { HF_ENDPOINT: `${services.hub.url}/#x` } });
    const error = expectRefusedBeforeAnyRequest(result);
    expect(error).toContain('The HF_ENDPOINT environment variable (used because `hub-url` is empty) must be');
  });

  it('uses a token-endpoint query string but never prints or summarises it', async () => {
    const result = await run(
      services.runOptions({
        resource: 'acme/awesome-model',
        'token-endpoint': `${services.hub.url}/oauth/token?code=${SECRET}`,
      }),
    );
    expect(result.exitCode, result.stdout).toBe(0);
    expect(services.hub.requests).toEqual([{ method: 'POST', path: '/oauth/token', query: `?code=${SECRET}` }]);
    expect(result.stdout).toContain(`Exchanging it at ${services.hub.url}/oauth/token?… (query string not shown).`);
    expect(visible(result)).not.toContain(SECRET);
    expect(findLeaks(result, services.secrets())).toEqual([]);
  });

  it('never puts a token-endpoint query string in an error either (redirect, debug trace)', async () => {
    services.hub.faults.push({ kind: 'respond', status: 302, headers: { location: 'https://elsewhere.test/x' } });
    const result = await run({
      ...services.runOptions({
        resource: 'acme/awesome-model',
        'token-endpoint': `${services.hub.url}/oauth/token?code=${SECRET}`,
      }),
      env: { RUNNER_DEBUG: '1' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain('answered HTTP 302, a redirect to elsewhere.test');
    expect(visible(result)).not.toContain(SECRET);
  });

  it.each([`ftp://broker.example/token?code=${SECRET}`, `broker.example/token?code=${SECRET}`])(
    'never quotes the query string of a token-endpoint it refuses: %j',
    async (endpoint) => {
      const result = await run(services.runOptions({ resource: 'acme/awesome-model', 'token-endpoint': endpoint }));
      const error = expectRefusedBeforeAnyRequest(result);
      expect(error).toContain('Input `token-endpoint`');
      expect(visible(result)).not.toContain(SECRET);
    },
  );
});

describe('the audience of the ID token', () => {
  let services: LocalServices;
  beforeEach(async () => {
    services = await startLocalServices();
  });
  afterEach(async () => {
    await services.stop();
  });

  const HUGGING_FACE = 'https://huggingface.co';

  function expectIssued(result: RunResult): void {
    expect(result.errors, result.stdout).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(findLeaks(result, services.secrets())).toEqual([]);
  }

  it('with HF_ENDPOINT set to another host (a mirror), is that host: it never gets a huggingface.co token', async () => {
    const options = services.runOptions({ resource: 'acme/awesome-model' });
    delete options.inputs['hub-url'];
    const result = await runAction({ ...options, env: { HF_ENDPOINT: services.hub.url } });
    expectIssued(result);
    expect(services.issuer.requestedAudiences).toEqual([services.hub.url]);
    expect(services.hub.receivedAudiences).toEqual([services.hub.url]);
    expect(services.hub.receivedAudiences).not.toContain(HUGGING_FACE);
    expect(result.warnings).toEqual([]);
    expect(result.stdout).toContain(`Requesting a GitHub OIDC ID token (audience ${services.hub.url}).`);
  });

  it('with token-endpoint on another host and hub-url unset, is that endpoint, not huggingface.co', async () => {
    const options = services.runOptions({
      resource: 'acme/awesome-model',
      'token-endpoint': `${services.hub.url}/oauth/token`,
    });
    delete options.inputs['hub-url'];
    const result = await runAction(options);
    expectIssued(result);
    expect(services.hub.receivedAudiences).toEqual([services.hub.url]);
  });

  it('an explicit https://huggingface.co sent to another host is honoured, with one warning that says what to do', async () => {
    services.hub.audience = HUGGING_FACE;
    const options = services.runOptions({ resource: 'acme/awesome-model', audience: HUGGING_FACE });
    delete options.inputs['hub-url'];
    const result = await runAction({ ...options, env: { HF_ENDPOINT: services.hub.url } });
    expectIssued(result);
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

  it('an explicit audience naming the receiving host itself gets no warning', async () => {
    const result = await runAction(services.runOptions({ resource: 'acme/awesome-model', audience: services.hub.url }));
    expectIssued(result);
    expect(result.warnings).toEqual([]);
  });
});
