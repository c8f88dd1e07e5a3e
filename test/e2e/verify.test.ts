// End to end: `verify: true` proves the new token works, with @huggingface/hub against the local Hub,
// before anything is exported; a token the Hub refuses fails the step with the Hub's answer and
// request id. And @huggingface/hub stays off the default path: it lives in a chunk of its own.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { ACTION_ENTRY, REPOSITORY_ROOT, runAction, type RunOptions, type RunResult } from '../support/run-action.js';
import { expectCleanFailure, expectCleanSuccess } from './expectations.js';
import { test } from './fixtures.js';
import { RUNTIMES } from './runtimes.js';

describe.each(RUNTIMES)('verify on $name', ({ node }) => {
  const run = (options: RunOptions): Promise<RunResult> => runAction({ node, ...options });

  test('checks repository access with the new token before exporting it', async ({ services }) => {
    const result = await run(services.runOptions({ resource: 'acme/awesome-model', verify: 'true' }));
    expectCleanSuccess(result, services.secrets());
    const token = services.hub.issuedTokens.at(-1)?.token;
    expect(services.hub.reads).toEqual([{ path: '/api/models/acme/awesome-model', token }]);
    expect(result.stdout).toContain('Verified the token: it can access the model acme/awesome-model.');
    expect(result.stdout.indexOf('Verified the token')).toBeLessThan(
      result.stdout.indexOf('Issued a Hugging Face token'),
    );
    expect(result.exported['HF_TOKEN']).toBe(token);
  });

  test('expires-at counts from when the exchange was requested, not from after a slow verify answer', async ({
    services,
  }) => {
    // The hub takes 3 s to answer the check: an expiry read from the clock after verify is 3 s late.
    services.hub.readFaults.push({ kind: 'delay', ms: 3_000 });
    const before = Date.now();
    const result = await run(services.runOptions({ resource: 'acme/awesome-model', verify: 'true' }));
    expectCleanSuccess(result, services.secrets());
    expect(services.hub.reads).toHaveLength(1);
    const issued = services.hub.issuedTokens.at(-1);
    if (!issued) throw new Error('no token issued');
    const expiresAt = Date.parse(result.outputs['expires-at'] ?? '');
    // Never later than the hub's own expiry (its hour starts when the request arrives), and no
    // earlier than an hour after the step started.
    expect(expiresAt).toBeLessThanOrEqual(issued.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 3600_000);
    expect(result.stdout).toContain(`valid until ${result.outputs['expires-at'] ?? '?'}`);
    expect(result.summary).toContain(result.outputs['expires-at']);
  });

  test('asks whoami for a user token', async ({ services }) => {
    services.hub.addPublisher('acme', { repository: 'acme/awesome-model' });
    const result = await run(services.runOptions({ resource: 'acme', verify: 'true' }));
    expectCleanSuccess(result, services.secrets());
    expect(services.hub.reads.map((read) => read.path)).toEqual(['/api/whoami-v2']);
    expect(result.stdout).toContain('Verified the token: the hub knows it as acme (whoami).');
  });

  test("fails with the hub's answer and request id when the hub refuses the token, and exports nothing", async ({
    services,
  }) => {
    services.hub.addPublisher('datasets/acme/awesome-data', { repository: 'acme/awesome-model' });
    services.hub.refuseIssuedTokens = true;
    const result = await run(services.runOptions({ resource: 'datasets/acme/awesome-data', verify: 'true' }));
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain('refused it when verifying: GET /api/datasets/acme/awesome-data answered HTTP 401');
    expect(error).toContain('"Invalid credentials in Authorization header"');
    expect(error).toContain(`x-request-id: ${services.hub.requestIds.at(-1) ?? '?'}`);
    expect(error).toContain('Nothing was exported');
    // Refused is final: one exchange, one check, no retry.
    expect(services.hub.exchangeCount).toBe(1);
    expect(services.hub.reads).toHaveLength(1);
  });

  test('retries a hub that answers 503, then verifies', async ({ services }) => {
    services.hub.readFaults.push({ kind: 'respond', status: 503, body: { error: 'Service Unavailable' } });
    const result = await run(services.runOptions({ resource: 'acme/awesome-model', verify: 'true' }));
    expectCleanSuccess(result, services.secrets());
    expect(services.hub.reads).toHaveLength(2);
    expect(result.stdout).toMatch(/answered HTTP 503 .*Retrying in/);
    expect(result.stdout).toContain('Verified the token');
  });
});

describe('the default path', () => {
  test('makes no verification request', async ({ services }) => {
    const result = await runAction(services.runOptions({ resource: 'acme/awesome-model' }));
    expectCleanSuccess(result, services.secrets());
    expect(services.hub.reads).toEqual([]);
  });

  test('does not contain @huggingface/hub in dist/index.js: it is a chunk loaded only by verify', () => {
    // A message from inside @huggingface/hub (its credential check), not something the action says.
    const marker = "Your access token must start with 'hf_'";
    expect(readFileSync(ACTION_ENTRY, 'utf8')).not.toContain(marker);
    const chunks = readdirSync(join(REPOSITORY_ROOT, 'dist')).filter((file) => /^\d+\.index\.js$/.test(file));
    expect(
      chunks.filter((file) => readFileSync(join(REPOSITORY_ROOT, 'dist', file), 'utf8').includes(marker)),
    ).toHaveLength(1);
  });
});

describe("verify reports every odd answer as the hub's answer", () => {
  const JSON_TYPE = { 'Content-Type': 'application/json' };

  // The whole table of odd answers runs in process (test/integration/action.test.ts); here, one
  // through the bundle: the library's chunk is loaded and its TypeError reported as the hub's answer.
  test('whoami answering a name that is a number (HTTP 200)', async ({ services }) => {
    services.hub.addPublisher('acme', { repository: 'acme/awesome-model' });
    services.hub.readFaults.push({ kind: 'respond', status: 200, body: '{"name": 5, "auth": {}}', headers: JSON_TYPE });
    const result = await runAction({
      ...services.runOptions({ resource: 'acme', verify: 'true', 'max-attempts': '1' }),
      killAfterMs: 20_000,
    });
    const error = expectCleanFailure(result, services.secrets());
    expect(error).not.toContain('Unexpected error');
    expect(error).toContain('GET /api/whoami-v2 answered HTTP 200');
    expect(error).toContain(`x-request-id: ${services.hub.requestIds.at(-1) ?? '?'}`);
    expect(error).toContain('Nothing was exported');
  });

  test('a token that is not a Hub token (another broker): says so, without calling the hub', async ({ services }) => {
    services.hub.addPublisher('acme', { repository: 'acme/awesome-model' });
    services.hub.faults.push({
      kind: 'transform',
      transform: (body) => ({ ...body, access_token: 'opaque-broker-token-0123456789' }),
    });
    const result = await runAction(services.runOptions({ resource: 'acme', verify: 'true' }));
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain('issued a token that does not start with hf_');
    expect(error).toContain('`verify: false`');
    expect(error).not.toContain('opaque-broker-token');
    expect(services.hub.reads).toEqual([]);
  });

  test('a repository check answering 500 with a body that is not JSON: retried, then reported', async ({
    services,
  }) => {
    services.hub.readFaults.push(
      ...Array.from({ length: 2 }, () => ({
        kind: 'respond' as const,
        status: 500,
        body: 'oops',
        headers: { ...JSON_TYPE, 'retry-after': '0' },
      })),
    );
    const result = await runAction({
      ...services.runOptions({ resource: 'acme/awesome-model', verify: 'true', 'max-attempts': '2' }),
      killAfterMs: 20_000,
    });
    const error = expectCleanFailure(result, services.secrets());
    expect(services.hub.reads).toHaveLength(2);
    expect(error).toContain('GET /api/models/acme/awesome-model answered HTTP 500 "oops"');
    expect(error).not.toContain('Unexpected error');
  });
});
