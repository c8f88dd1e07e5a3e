// Fault injection, end to end: the bundled action against a local GitHub OIDC issuer and Hub that
// misbehave call by call (test/support/faults.ts). Each case asserts what a user would see: the exit
// code, exactly one clear `::error::` (or success), nothing exported on failure, no secret in the
// output, how many calls each service received (what is retried and what is not), and that the run
// ended by itself, with the bound the case is about named in its error (never an upper wall-clock limit).
//
// Cases already covered by action.test.ts are not repeated here: malformed 200 bodies from the Hub
// (access_token missing/empty/non-string/with a newline/with spaces, wrong token_type, bad
// expires_in), a hostile error_description, 400 invalid_request and invalid_grant after one attempt,
// and http:// to a non-loopback host.
//
// The cases run on the Node running the tests; a few also on Node 24, the runtime action.yml declares.

import { describe, expect } from 'vitest';
import type { Fault } from '../support/faults.js';
import type { LocalServices } from '../support/local-services.js';
import { runAction, type RunOptions, type RunResult } from '../support/run-action.js';
import { TrapServer } from '../support/trap-server.js';
import { expectCleanFailure, expectCleanSuccess } from './expectations.js';
import { test } from './fixtures.js';
import { RUNTIMES } from './runtimes.js';

const [TEST_NODE, ...OTHER_RUNTIMES] = RUNTIMES;
if (!TEST_NODE) throw new Error('no runtime to test on');
/** The runtimes of the few cases that name theirs in the test title (the action's only, runtimes.ts). */
const ALL_RUNTIMES = [TEST_NODE, ...OTHER_RUNTIMES];

/** A run that is still going after this is killed: it proves a missing bound, not a slow machine. */
const KILL_AFTER_MS = 40_000;

const retryLines = (result: RunResult): string[] =>
  result.stdout.split('\n').filter((line) => line.includes(' Retrying in '));
const repeat = (fault: Fault, times: number): Fault[] => Array.from({ length: times }, () => fault);

/** Small bounds so the suite is fast; each case overrides what it is about. */
const run = (
  services: LocalServices,
  inputs: Record<string, string> = {},
  options: Partial<RunOptions> = {},
  node = TEST_NODE.node,
): Promise<RunResult> => {
  const base = services.runOptions({
    resource: 'acme/awesome-model',
    'timeout-seconds': '3',
    'deadline-seconds': '20',
    ...inputs,
  });
  return runAction({ node, killAfterMs: KILL_AFTER_MS, ...base, ...options });
};

/** A clean success that exported exactly the token the Hub issued last. */
function expectSuccess(services: LocalServices, result: RunResult): void {
  expectCleanSuccess(result, services.secrets());
  const token = services.hub.issuedTokens.at(-1)?.token ?? '';
  expect(token).not.toBe('');
  expect(result.exported).toEqual({ HF_TOKEN: token });
}

/**
 * The run ended by itself, not killed at KILL_AFTER_MS: the bound the case is about held (its error
 * names which bound). Never an upper wall-clock limit, which a loaded machine breaks; instead a lower
 * one, when the case is about waiting: the action did wait that long before giving up.
 */
function expectEndedByItself(result: RunResult, waitedAtLeastMs = 0): void {
  expect(result.exitCode, 'killed: a bound did not hold').not.toBeNull();
  expect(result.durationMs).toBeGreaterThanOrEqual(waitedAtLeastMs);
}

/** The subject tokens the Hub received, in order. */
const subjectTokens = (services: LocalServices): unknown[] =>
  services.hub.exchangeRequests.map(
    (request) => (request.body as { subject_token?: unknown } | undefined)?.subject_token,
  );

/** A host a redirect may point at, which records whatever reaches it; stopped after the test. */
const testWithTrap = test.extend<{ trap: TrapServer }>({
  // eslint-disable-next-line no-empty-pattern
  trap: async ({}, use) => {
    const trap = await new TrapServer().start();
    try {
      await use(trap);
    } finally {
      await trap.stop();
    }
  },
});

describe('fault injection', () => {
  describe('the GitHub ID-token endpoint', () => {
    test('500, then success: retried once, and the run succeeds', async ({ services }) => {
      services.issuer.faults.push({ kind: 'respond', status: 500, body: { message: 'Internal error' } });
      const result = await run(services);
      expectSuccess(services, result);
      expect(services.issuer.callCount).toBe(2);
      expect(services.hub.exchangeCount).toBe(1);
      expect(retryLines(result)).toHaveLength(1);
      expect(retryLines(result)[0]).toContain('Requesting the GitHub OIDC ID token failed: HTTP 500');
      expect(retryLines(result)[0]).toMatch(/Retrying in (\d+ ms|\d+(\.\d)? s) \(attempt 2 of 4\)\.$/);
    });

    test('503 every time: exactly max-attempts calls, then one error naming the status and the attempts', async ({
      services,
    }) => {
      services.issuer.faults.push(
        ...repeat({ kind: 'respond', status: 503, body: { message: 'Service Unavailable' } }, 20),
      );
      const result = await run(services, { 'max-attempts': '3' });
      const error = expectCleanFailure(result, services.secrets());
      expect(services.issuer.callCount).toBe(3);
      expect(services.hub.exchangeCount).toBe(0);
      expect(retryLines(result)).toHaveLength(2);
      expect(error).toContain('Requesting the GitHub OIDC ID token failed: HTTP 503');
      expect(error.match(/gave up after/g)).toEqual(['gave up after']);
      expect(error).toContain('gave up after 3 attempts, input `max-attempts`');
      // Backoff of 500 ms base, full jitter: at most 0.5 s + 1 s of waiting.
      expectEndedByItself(result);
    });

    test('connection reset, then success: retried, and the log names the real cause', async ({ services }) => {
      services.issuer.faults.push({ kind: 'reset-before-response' });
      const result = await run(services);
      expectSuccess(services, result);
      expect(services.issuer.callCount).toBe(2);
      expect(retryLines(result)[0]).toMatch(
        /Requesting the GitHub OIDC ID token failed: connection to 127\.0\.0\.1:\d+ reset\./,
      );
    });

    test('connection reset every time: the error says so (not the toolkit\'s "Cannot read properties of undefined")', async ({
      services,
    }) => {
      services.issuer.faults.push(...repeat({ kind: 'reset-before-response' }, 10));
      const result = await run(services, { 'max-attempts': '2' });
      const error = expectCleanFailure(result, services.secrets());
      expect(error).toMatch(/Requesting the GitHub OIDC ID token failed: connection to 127\.0\.0\.1:\d+ reset/);
      expect(error).not.toContain('Cannot read properties');
      expect(services.issuer.callCount).toBe(2);
    });

    test.for([401, 403])('%i: final after one call, with the permission remedy', async (status, { services }) => {
      services.issuer.faults.push(...repeat({ kind: 'respond', status, body: { message: 'Bad credentials' } }, 5));
      const result = await run(services);
      const error = expectCleanFailure(result, services.secrets());
      expect(error).toContain(`Requesting the GitHub OIDC ID token failed: HTTP ${status} "Bad credentials"`);
      expect(error).toContain('id-token: write');
      expect(services.issuer.callCount).toBe(1);
      expect(services.hub.exchangeCount).toBe(0);
      expect(retryLines(result)).toEqual([]);
    });

    test('a 200 body without `value`: final after one call', async ({ services }) => {
      services.issuer.faults.push(...repeat({ kind: 'respond', status: 200, body: { count: 1 } }, 5));
      const result = await run(services);
      const error = expectCleanFailure(result, services.secrets());
      expect(error).toContain('without an ID token in `value`');
      expect(services.issuer.callCount).toBe(1);
      expect(services.hub.exchangeCount).toBe(0);
    });

    test('a `value` that is not a JWT: masked before anything prints it, final after one call', async ({
      services,
    }) => {
      const bogus = 'ghs_NotAJwtButStillACredential0123456789';
      services.issuer.faults.push(
        ...repeat({ kind: 'transform', transform: (body) => ({ ...body, value: bogus }) }, 5),
      );
      const result = await run(services);
      const error = expectCleanFailure(result, services.secrets());
      expect(error).toContain('a `value` that is not a JWT');
      expect(result.stdout).toContain(`::add-mask::${bogus}`);
      expect(
        result.stdout.split('\n').filter((line) => line.includes(bogus) && !line.startsWith('::add-mask::')),
      ).toEqual([]);
      expect(services.issuer.callCount).toBe(1);
      expect(services.hub.exchangeCount).toBe(0);
    });

    test('a hung connection: bounded by timeout-seconds, and the error says which bound and how long', async ({
      services,
    }) => {
      services.issuer.faults.push(...repeat({ kind: 'hang' }, 5));
      const result = await run(services, { 'timeout-seconds': '2', 'max-attempts': '1' });
      const error = expectCleanFailure(result, services.secrets());
      expect(error).toContain('did not complete within the request timeout (2 s, input `timeout-seconds`)');
      expectEndedByItself(result, 2_000);
    });
  });

  describe('the Hub token endpoint', () => {
    test.for(ALL_RUNTIMES)(
      '503, then success, on $name: retried with a fresh ID token',
      async ({ node }, { services }) => {
        services.hub.faults.push({ kind: 'respond', status: 503, body: 'Service Unavailable' });
        const result = await run(services, {}, {}, node);
        expectSuccess(services, result);
        expect(services.hub.exchangeCount).toBe(2);
        expect(services.issuer.callCount).toBe(2);
        const [first, second] = subjectTokens(services);
        expect(first).toBe(services.issuer.issuedTokens[0]);
        expect(second).toBe(services.issuer.issuedTokens[1]);
        expect(first).not.toBe(second);
        expect(retryLines(result)).toHaveLength(1);
        expect(retryLines(result)[0]).toContain('was refused: HTTP 503');
      },
    );

    test.for([
      ['delta-seconds', (): string => '1', 900, 1_500],
      ['an HTTP date', (): string => new Date(Date.now() + 2_000).toUTCString(), 1, 2_500],
    ] as const)(
      '429 with Retry-After as %s: waits as told, then succeeds',
      async ([_name, retryAfter, minimumWaitMs, maximumWaitMs], { services }) => {
        services.hub.faults.push({
          kind: 'respond',
          status: 429,
          body: { error: 'rate_limited' },
          headers: { 'Retry-After': retryAfter() },
        });
        const result = await run(services);
        expectSuccess(services, result);
        expect(services.hub.exchangeCount).toBe(2);
        const [line = ''] = retryLines(result);
        expect(line).toContain('HTTP 429');
        const [, amount = 'NaN', unit] = /Retrying in ([\d.]+) (ms|s) /.exec(line) ?? [];
        const waitedMs = Number(amount) * (unit === 's' ? 1000 : 1);
        expect(waitedMs).toBeGreaterThanOrEqual(minimumWaitMs);
        expect(waitedMs).toBeLessThanOrEqual(maximumWaitMs);
        expect(result.durationMs).toBeGreaterThanOrEqual(waitedMs);
      },
    );

    test('429 with a Retry-After beyond the deadline: fails at once, naming the deadline, instead of sleeping', async ({
      services,
    }) => {
      services.hub.faults.push({
        kind: 'respond',
        status: 429,
        body: { error: 'rate_limited' },
        headers: { 'Retry-After': '3600' },
      });
      const result = await run(services, { 'deadline-seconds': '5' });
      const error = expectCleanFailure(result, services.secrets());
      expect(error).toContain('HTTP 429');
      expect(error).toContain("no time left to try again within the step's deadline (5 s, input `deadline-seconds`)");
      expect(services.hub.exchangeCount).toBe(1);
      expectEndedByItself(result);
    });

    test('500 every time: max-attempts exchanges, each with a fresh ID token, then one error', async ({ services }) => {
      services.hub.faults.push(...repeat({ kind: 'respond', status: 500, body: { error: 'server_error' } }, 20));
      const result = await run(services, { 'max-attempts': '3' });
      const error = expectCleanFailure(result, services.secrets());
      expect(services.hub.exchangeCount).toBe(3);
      expect(services.issuer.callCount).toBe(3);
      expect(new Set(subjectTokens(services)).size).toBe(3);
      expect(retryLines(result)).toHaveLength(2);
      expect(error).toContain('was refused: HTTP 500 server_error');
      expect(error).toContain('gave up after 3 attempts, input `max-attempts`');
      expect(error).toContain('re-run the job later');
      expectEndedByItself(result);
    });

    test('an HTML 502 from a proxy: the status and a short, sanitised excerpt, not the page', async ({ services }) => {
      const page =
        '<html><head><title>502 Bad Gateway</title><script>var x = 1;</script></head><body><center><h1>502 Bad Gateway</h1></center>' +
        `<hr><center>nginx</center>${'<!-- padding -->'.repeat(500)}</body></html>`;
      services.hub.faults.push(...repeat({ kind: 'respond', status: 502, body: page }, 5));
      const result = await run(services, { 'max-attempts': '2' });
      const error = expectCleanFailure(result, services.secrets());
      expect(error).toContain('HTTP 502 with a HTML body: "502 Bad Gateway');
      expect(error).not.toContain('<');
      expect(error.length).toBeLessThan(600);
      expect(services.hub.exchangeCount).toBe(2);
    });

    test.for<[string, Fault, RegExp]>([
      [
        'before the response',
        { kind: 'reset-before-response' },
        /The token exchange at 127\.0\.0\.1:\d+ failed: connection to 127\.0\.0\.1:\d+ reset\./,
      ],
      [
        'in the middle of the body',
        { kind: 'reset-mid-body' },
        /The token exchange at 127\.0\.0\.1:\d+ failed: (connection to 127\.0\.0\.1:\d+ reset|connection to 127\.0\.0\.1:\d+ closed before the response was complete)\./,
      ],
    ])(
      'connection reset %s, then success: retried, the reason logged',
      async ([_name, fault, reason], { services }) => {
        services.hub.faults.push(fault);
        const result = await run(services);
        expectSuccess(services, result);
        expect(services.hub.exchangeCount).toBe(2);
        expect(retryLines(result)).toHaveLength(1);
        expect(retryLines(result)[0]).toMatch(reason);
        // The half-sent token fragment is never printed.
        expect(result.stdout).not.toContain('hf_jwt_partial');
      },
    );

    test.for(ALL_RUNTIMES)(
      'a hung connection on $name: each attempt bounded by timeout-seconds, the error names it',
      async ({ node }, { services }) => {
        services.hub.faults.push(...repeat({ kind: 'hang' }, 5));
        const result = await run(services, { 'timeout-seconds': '2', 'max-attempts': '2' }, {}, node);
        const error = expectCleanFailure(result, services.secrets());
        expect(error).toContain('did not complete within the request timeout (2 s, input `timeout-seconds`)');
        expect(error).toContain('gave up after 2 attempts');
        expect(services.hub.exchangeCount).toBe(2);
        expect(result.durationMs).toBeGreaterThanOrEqual(4_000);
        expectEndedByItself(result, 4_000);
      },
    );

    test('a hung connection with a shorter deadline: the step stops at deadline-seconds, and the error names it', async ({
      services,
    }) => {
      services.hub.faults.push(...repeat({ kind: 'hang' }, 5));
      const result = await run(services, { 'timeout-seconds': '30', 'deadline-seconds': '3' });
      const error = expectCleanFailure(result, services.secrets());
      expect(error).toContain("the step's deadline (3 s, input `deadline-seconds`)");
      expectEndedByItself(result, 3_000);
    });

    test('a slow-drip body: the timeout covers the body, not just the first byte', async ({ services }) => {
      services.hub.faults.push(...repeat({ kind: 'slow-drip', intervalMs: 100 }, 5));
      const result = await run(services, { 'timeout-seconds': '2', 'max-attempts': '1' });
      const error = expectCleanFailure(result, services.secrets());
      expect(error).toContain('did not complete within the request timeout (2 s, input `timeout-seconds`)');
      expectEndedByItself(result, 2_000);
    });

    test('a 50 MB body: refused at the 64 KiB cap, quickly, after one attempt', async ({ services }) => {
      services.hub.faults.push(...repeat({ kind: 'huge-body', bytes: 50 * 1024 * 1024 }, 5));
      const result = await run(services);
      const error = expectCleanFailure(result, services.secrets());
      expect(error).toContain('is larger than 65536 bytes');
      expect(services.hub.exchangeCount).toBe(1);
      expectEndedByItself(result);
    });

    test('truncated JSON: refused after one attempt, the fragment never printed', async ({ services }) => {
      services.hub.faults.push(
        ...repeat(
          {
            kind: 'respond',
            status: 200,
            body: '{"access_token": "hf_jwt_truncatedFragment',
            headers: { 'Content-Type': 'application/json' },
          },
          5,
        ),
      );
      const result = await run(services);
      const error = expectCleanFailure(result, services.secrets());
      expect(error).toContain('the body is not valid JSON');
      expect(result.stdout).not.toContain('truncatedFragment');
      expect(services.hub.exchangeCount).toBe(1);
    });

    describe('redirects', () => {
      testWithTrap.for([307, 302])(
        '%i to another host: not followed; the error names the status and the target host',
        async (status, { services, trap }) => {
          services.hub.faults.push(
            ...repeat({ kind: 'respond', status, headers: { Location: `${trap.url}/oauth/token` } }, 5),
          );
          const result = await run(services);
          const error = expectCleanFailure(result, services.secrets());
          expect(error).toContain(`answered HTTP ${status}, a redirect to ${new URL(trap.url).host}`);
          expect(error).toContain('Redirects are not followed');
          expect(trap.requests).toEqual([]);
          expect(services.hub.exchangeCount).toBe(1);
        },
      );
    });

    test('400 invalid_grant "This operation was aborted" (the Hub\'s own timeout), then success: retried', async ({
      services,
    }) => {
      services.hub.faults.push({
        kind: 'respond',
        status: 400,
        body: { error: 'invalid_grant', error_description: 'This operation was aborted' },
      });
      const result = await run(services);
      expectSuccess(services, result);
      expect(services.hub.exchangeCount).toBe(2);
      expect(new Set(subjectTokens(services)).size).toBe(2);
      expect(retryLines(result)[0]).toContain('invalid_grant: "This operation was aborted"');
      // The identity diagnosis is for a real refusal, not for a server-side timeout.
      expect(result.stdout).not.toContain('Why the Hub refused');
    });

    test('404 (not a token endpoint): one request, and the hint names hub-url and token-endpoint', async ({
      services,
    }) => {
      const result = await run(services, { 'token-endpoint': `${services.hub.url}/api/oauth/token` });
      const error = expectCleanFailure(result, services.secrets());
      expect(error).toContain('HTTP 404');
      expect(error).toContain('does not look like a token endpoint');
      expect(services.hub.requests).toEqual([{ method: 'POST', path: '/api/oauth/token' }]);
    });
  });

  describe('step debug logging', () => {
    test('with RUNNER_DEBUG=1 traces each request and retry as ::debug:: lines, and still prints no secret', async ({
      services,
    }) => {
      services.hub.faults.push({ kind: 'respond', status: 503, body: 'Service Unavailable' });
      const debug = await run(services, {}, { env: { RUNNER_DEBUG: '1' } });
      expectSuccess(services, debug);
      const debugLines = debug.stdout.split('\n').filter((line) => line.startsWith('::debug::'));
      expect(debugLines.some((line) => /GET 127\.0\.0\.1:\d+\/_apis\/.*\/idtoken .*HTTP 200/.test(line))).toBe(true);
      expect(debugLines.some((line) => /POST 127\.0\.0\.1:\d+\/oauth\/token .*HTTP 503/.test(line))).toBe(true);
      expect(debugLines.some((line) => /POST 127\.0\.0\.1:\d+\/oauth\/token .*HTTP 200/.test(line))).toBe(true);
      expect(debugLines.some((line) => line.includes('x-request-id'))).toBe(true);

      // Without step debug logging, the trace is not written.
      services.hub.faults.push({ kind: 'respond', status: 503, body: 'Service Unavailable' });
      const quiet = await run(services);
      expectSuccess(services, quiet);
      expect(quiet.stdout).not.toMatch(/^::debug::(GET|POST) /m);
    });
  });
});
