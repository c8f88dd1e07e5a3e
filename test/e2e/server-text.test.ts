// End to end: text the action does not control (a server's error text, headers and bodies; the ID
// token's claims) reaches the step log, the error, the job summary and the git helper's stderr only
// as inert text. The runner reads the legacy `##[command]` syntax anywhere in a line of stdout or
// stderr; `##[stop-commands]x` in a retry line would switch off masking for the rest of the step.
// findLeaks renders the log as the runner would (runner-log.ts) and fails on any command the action
// did not write, and on any secret that rendering shows.

import { describe, expect } from 'vitest';
import type { LocalServices } from '../support/local-services.js';
import { runProcess } from '../support/process.js';
import { ACTION_RUNTIME } from './runtimes.js';
import { HELPER_ENTRY, runAction, type RunOptions, type RunResult } from '../support/run-action.js';
import { findForgedCommands, renderRunnerLog } from '../support/runner-log.js';
import { expectCleanFailure, expectCleanSuccess } from './expectations.js';
import { test } from './fixtures.js';

/** The legacy stop-commands command, in the disguises the runner still reads. */
const STOP_COMMANDS = [
  '##[stop-commands]pwned',
  '##[STOP-COMMANDS]pwned',
  '#\u00AD#[stop-commands]pwned',
  '#\u034F#[stop-commands]pwned',
  'busy ::stop-commands::pwned',
];

/** A transient answer's Retry-After of zero: the retry comes at once, so the test stays fast. */
const RETRY_AT_ONCE = { 'retry-after': '0' };

/** A run for acme/awesome-model with two attempts, killed if it hangs. */
const run = (
  services: LocalServices,
  inputs: Record<string, string> = {},
  options: Partial<RunOptions> = {},
): Promise<RunResult> =>
  runAction({
    ...services.runOptions({ resource: 'acme/awesome-model', 'max-attempts': '2', ...inputs }),
    killAfterMs: 20_000,
    ...options,
  });

describe('server text in the log', () => {
  /** A clean success whose token was masked after the retry line, a mask the runner still honoured. */
  function expectSuccessWithoutForgedCommands(services: LocalServices, result: RunResult): void {
    expectCleanSuccess(result, services.secrets());
    const token = services.hub.issuedTokens.at(-1)?.token ?? '?';
    expect(result.stdout).toContain(`::add-mask::${token}`);
    expect(renderRunnerLog(result.stdout)).not.toContain(token);
  }

  test.for(STOP_COMMANDS)('an error_description %j in a retry line forms no command', async (text, { services }) => {
    services.hub.faults.push({
      kind: 'respond',
      status: 503,
      body: { error: 'temporarily_unavailable', error_description: text },
      headers: RETRY_AT_ONCE,
    });
    const result = await run(services);
    expectSuccessWithoutForgedCommands(services, result);
    expect(result.stdout).toMatch(/HTTP 503 temporarily_unavailable: .*pwned.* Retrying in/);
  });

  test('a non-OAuth body, and an x-request-id header, in a retry line form no command', async ({ services }) => {
    services.hub.faults.push({
      kind: 'respond',
      status: 502,
      body: 'Bad gateway ##[stop-commands]pwned',
      headers: { ...RETRY_AT_ONCE, 'x-request-id': 'req-1 ##[add-mask]x' },
    });
    const result = await run(services, {}, { env: { RUNNER_DEBUG: '1' } });
    expectSuccessWithoutForgedCommands(services, result);
    expect(result.stdout).toContain('req-1');
  });

  test("GitHub's token service error text in a retry line forms no command", async ({ services }) => {
    services.issuer.faults.push({
      kind: 'respond',
      status: 500,
      body: { message: 'oops ##[stop-commands]pwned' },
      headers: RETRY_AT_ONCE,
    });
    const result = await run(services);
    expectSuccessWithoutForgedCommands(services, result);
    expect(result.stdout).toMatch(/HTTP 500.*oops.* Retrying in/);
  });

  test('claims shown in the refusal diagnostics form no command', async ({ services }) => {
    services.issuer.identity = { ...services.issuer.identity, environment: 'prod ##[stop-commands]pwned' };
    services.hub.faults.push({
      kind: 'respond',
      status: 400,
      body: { error: 'invalid_grant', error_description: 'no ##[stop-commands]pwned' },
    });
    const result = await run(services);
    expectCleanFailure(result, services.secrets());
    expect(result.stdout).toContain('::group::Why the Hub refused');
    expect(result.stdout).toContain('prod # #[stop-commands]pwned');
  });

  test("the hub's whoami answer shown by verify forms no command", async ({ services }) => {
    services.hub.addPublisher('acme', { repository: 'acme/awesome-model' });
    services.hub.readFaults.push({
      kind: 'respond',
      status: 200,
      body: { type: 'user', name: 'acme ##[stop-commands]pwned', auth: {} },
    });
    const result = await run(services, { resource: 'acme', verify: 'true' });
    expectCleanSuccess(result, services.secrets());
    expect(result.stdout).toContain('the hub knows it as acme # #[stop-commands]pwned');
  });

  test("the git credential helper's stderr line forms no command", async ({ services }) => {
    services.hub.faults.push({
      kind: 'respond',
      status: 400,
      body: { error: 'invalid_grant', error_description: 'refused ##[stop-commands]pwned' },
    });
    const hubUrl = `${services.hub.url}/`;
    const helper = await runProcess(
      ACTION_RUNTIME.node,
      [
        HELPER_ENTRY,
        ...['--hub-url', hubUrl, '--resource', 'acme/awesome-model'],
        ...['--token-endpoint', `${services.hub.url}/oauth/token`, '--audience', services.hub.url],
        ...['--max-attempts', '1', '--timeout-seconds', '5', '--deadline-seconds', '10', '--id', 'test', 'get'],
      ],
      {
        input: `protocol=http\nhost=127.0.0.1:${services.hub.port}\npath=acme/awesome-model.git\n\n`,
        env: {
          PATH: process.env['PATH'] ?? '',
          ACTIONS_ID_TOKEN_REQUEST_URL: services.issuer.requestUrl,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: services.issuer.requestToken,
        },
        killAfterMs: 20_000,
      },
    );
    expect(helper.stdout).toBe('');
    expect(helper.stderr).toContain('git credential helper: could not get a Hugging Face token for acme/awesome-model');
    expect(helper.stderr).toContain('refused # #[stop-commands]pwned');
    expect(helper.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(findForgedCommands(helper.stderr)).toEqual([]);
    for (const secret of services.secrets().idTokens) expect(helper.stderr).not.toContain(secret);
  });
});

describe('token-shaped values in answers', () => {
  const HUB_TOKEN = 'hf_jwt_ThisIsAnIssuedHubTokenThatMustNeverBePrinted0123';
  const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzb21lb25lLWVsc2UifQ.c2lnbmF0dXJlLXRoYXQtbG9va3MtcmVhbA';
  const OPAQUE = 'opaque-broker-token-0123456789abcdef';

  /**
   * Where a value, or its first 16 characters (a value cut short is still half a credential), is
   * printed: any line but its own ::add-mask::, stderr, the summary, the log as the runner shows it.
   */
  function printedPlaces(result: RunResult, whole: string): string[] {
    const value = whole.slice(0, 16);
    return [
      ...result.stdout
        .split('\n')
        .filter((line) => line.includes(value) && !line.startsWith('::add-mask::'))
        .map((line) => `stdout: ${line.slice(0, 100)}`),
      ...(result.stderr.includes(value) ? ['stderr'] : []),
      ...(result.summary.includes(value) ? ['summary'] : []),
      ...(renderRunnerLog(result.stdout, { debug: true }).includes(value) ? ['rendered log'] : []),
    ];
  }

  test.for([201, 202, 203, 206])(
    'an HTTP %i answer holding an access_token: masked at once, never quoted, nothing exported',
    async (status, { services }) => {
      services.hub.faults.push({
        kind: 'respond',
        status,
        body: { access_token: HUB_TOKEN, refresh_token: OPAQUE, token_type: 'bearer', expires_in: 3600 },
      });
      const result = await runAction({
        ...services.runOptions({ resource: 'acme/awesome-model' }),
        killAfterMs: 20_000,
      });
      const error = expectCleanFailure(result, services.secrets());
      expect(error).toContain(`HTTP ${status}`);
      expect(result.stdout).toContain(`::add-mask::${HUB_TOKEN}`);
      expect(result.stdout).toContain(`::add-mask::${OPAQUE}`);
      expect(printedPlaces(result, HUB_TOKEN)).toEqual([]);
      expect(printedPlaces(result, OPAQUE)).toEqual([]);
    },
  );

  test('an error answer that echoes token-shaped values: none is printed, on a retry line or in the error', async ({
    services,
  }) => {
    const echo = `bad token ${HUB_TOKEN} for ${JWT}; Bearer ${OPAQUE}`;
    services.hub.faults.push(
      {
        kind: 'respond',
        status: 503,
        body: { error: 'temporarily_unavailable', error_description: echo, access_token: OPAQUE },
        headers: RETRY_AT_ONCE,
      },
      { kind: 'respond', status: 400, body: `<html>${echo}</html>` },
    );
    const result = await runAction({
      ...services.runOptions({ resource: 'acme/awesome-model', 'max-attempts': '2' }),
      killAfterMs: 20_000,
    });
    const error = expectCleanFailure(result, services.secrets());
    expect(result.stdout).toContain('Retrying in');
    for (const value of [HUB_TOKEN, JWT, ...JWT.split('.'), OPAQUE]) expect(printedPlaces(result, value)).toEqual([]);
    expect(error).toContain('bad token ***');
  });

  test('a credential nested deeper than any limit in an error answer: masked, and cut out of the error', async ({
    services,
  }) => {
    // Twelve levels down, in objects and arrays: where no credential belongs, but where a server may put one.
    let nested: unknown = { refresh_token: OPAQUE };
    for (let level = 0; level < 12; level++) nested = level % 2 === 0 ? { detail: nested } : [nested];
    services.hub.faults.push({
      kind: 'respond',
      status: 400,
      body: { error: 'invalid_request', error_description: `cannot reuse ${OPAQUE}`, debug: nested },
    });
    const result = await runAction({ ...services.runOptions({ resource: 'acme/awesome-model' }), killAfterMs: 20_000 });
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain('cannot reuse ***');
    expect(result.stdout).toContain(`::add-mask::${OPAQUE}`);
    expect(printedPlaces(result, OPAQUE)).toEqual([]);
  });

  test("an ID token in an error answer of GitHub's token service: masked, never quoted", async ({ services }) => {
    services.issuer.faults.push({
      kind: 'respond',
      status: 503,
      body: { message: `unavailable ${OPAQUE}`, value: OPAQUE },
      headers: RETRY_AT_ONCE,
    });
    const result = await runAction({ ...services.runOptions({ resource: 'acme/awesome-model' }), killAfterMs: 20_000 });
    expectCleanSuccess(result, services.secrets());
    expect(result.stdout).toContain(`::add-mask::${OPAQUE}`);
    expect(printedPlaces(result, OPAQUE)).toEqual([]);
  });

  test('a malformed 200 whose other fields hold tokens: none is quoted in the error', async ({ services }) => {
    services.hub.faults.push({
      kind: 'transform',
      transform: (body) => ({ ...body, token_type: HUB_TOKEN, refresh_token: OPAQUE }),
    });
    const result = await runAction({ ...services.runOptions({ resource: 'acme/awesome-model' }), killAfterMs: 20_000 });
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain('`token_type` is');
    for (const value of [HUB_TOKEN, OPAQUE]) expect(printedPlaces(result, value)).toEqual([]);
  });
});
