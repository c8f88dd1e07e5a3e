// In process, what the action refuses and why, checked the way the e2e expectations check dist/
// (one `::error::`, exit code 1, nothing exported, no output, no leak): bad inputs before any network
// call, and malformed 200 answers of the exchange. Moved down from test/e2e/action.test.ts, which
// keeps one case of each through the bundle.

import { describe, expect } from 'vitest';
import { test } from '../e2e/fixtures.js';
import { findLeaks } from '../support/leaks.js';
import type { LocalServices } from '../support/local-services.js';
import { runInProcess, type InProcessResult } from '../support/run-in-process.js';

/** The in-process twin of e2e/expectations.ts's expectCleanFailure. Returns the error's text. */
function expectCleanFailure(result: InProcessResult, services: LocalServices): string {
  expect(result.exitCode, result.stdout).toBe(1);
  expect(result.errors, result.stdout).toHaveLength(1);
  expect(result.stdout.split('\n').filter((line) => line.startsWith('::error'))).toHaveLength(1);
  expect(result.exported).toEqual({});
  expect(result.outputs).toEqual({});
  expect(findLeaks({ ...result, stderr: '', durationMs: 0 }, services.secrets())).toEqual([]);
  return result.errors[0] ?? '';
}

describe('inputs refused before any network call', () => {
  test.for([
    ['hub-url', 'http://hub.example.test', 'plain http:// for hub.example.test, which is not a loopback host'],
    ['token-endpoint', 'http://10.0.0.1/oauth/token', 'plain http:// for 10.0.0.1'],
    ['hub-url', 'not a url', 'is not a valid URL'],
    ['export-env', 'maybe', 'must be true or false'],
    ['max-attempts', '0', 'whole number from 1 to 10'],
    ['audience', 'two words', 'single value without spaces'],
  ] as const)('%s=%j', async ([name, value, message], { services }) => {
    const result = await runInProcess(services.runOptions({ resource: 'acme/awesome-model', [name]: value }));
    expect(expectCleanFailure(result, services)).toContain(message);
    expect(services.issuer.callCount).toBe(0);
    expect(services.hub.exchangeCount).toBe(0);
  });

  test.for([
    ['buckets/acme/shared-cache', 'is a bucket'],
    ['acme', 'is a user (a read-only user token)'],
  ] as const)('git-credentials with %j, which has no git repository', async ([resource, what], { services }) => {
    const result = await runInProcess(services.runOptions({ resource, 'git-credentials': 'true' }));
    const error = expectCleanFailure(result, services);
    expect(error).toContain(
      `\`git-credentials: true\` needs a resource with a git repository, but ${resource} ${what}`,
    );
    expect(error).toContain('set `git-credentials: false`');
    expect(result.state).toEqual({});
    expect(services.hub.requests).toEqual([]);
  });
});

describe('a malformed 200 answer of the exchange is refused, and nothing is exported', () => {
  test.for([
    [
      'without access_token',
      (body: Record<string, unknown>) => ({ ...body, access_token: undefined }),
      'has no `access_token`',
    ],
    [
      'with an empty access_token',
      (body: Record<string, unknown>) => ({ ...body, access_token: '' }),
      '`access_token` is empty',
    ],
    [
      'with a numeric access_token',
      (body: Record<string, unknown>) => ({ ...body, access_token: 12345 }),
      'is a number, not a string',
    ],
    [
      'with a space in the token',
      (body: Record<string, unknown>) => ({ ...body, access_token: `${String(body['access_token'])} x` }),
      'contains white space',
    ],
    [
      'with token_type mac',
      (body: Record<string, unknown>) => ({ ...body, token_type: 'mac' }),
      '`token_type` is "mac"',
    ],
    [
      'with a negative expires_in',
      (body: Record<string, unknown>) => ({ ...body, expires_in: -5 }),
      '`expires_in` is -5',
    ],
    [
      'with an absurd expires_in',
      (body: Record<string, unknown>) => ({ ...body, expires_in: 1e12 }),
      '`expires_in` is 1000000000000',
    ],
    ['that is a JSON array', () => [], 'not a JSON object'],
  ] as const)('%s', async ([_name, transform, message], { services }) => {
    services.hub.faults.push({ kind: 'transform', transform });
    const result = await runInProcess(services.runOptions({ resource: 'acme/awesome-model' }));
    expect(expectCleanFailure(result, services)).toContain(message);
  });
});
