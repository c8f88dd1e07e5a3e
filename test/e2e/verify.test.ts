// End to end: `verify: true` proves the new token works, with @huggingface/hub against the local Hub,
// before anything is exported; a token the Hub refuses fails the step with the Hub's answer and
// request id. And @huggingface/hub stays off the default path: it lives in a chunk of its own.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findHygieneProblems } from '../support/leaks.js';
import { startLocalServices, type LocalServices } from '../support/local-services.js';
import { ACTION_ENTRY, REPOSITORY_ROOT, runAction, type RunOptions, type RunResult } from '../support/run-action.js';
import { RUNTIMES } from './runtimes.js';

describe.each(RUNTIMES)('verify on $name', ({ node }) => {
  let services: LocalServices;
  beforeEach(async () => {
    services = await startLocalServices();
  });
  afterEach(async () => {
    await services.stop();
  });
  const run = (options: RunOptions): Promise<RunResult> => runAction({ node, ...options });

  it('checks repository access with the new token before exporting it', async () => {
    const result = await run(services.runOptions({ resource: 'acme/awesome-model', verify: 'true' }));
    expect(result.errors, result.stdout).toEqual([]);
    expect(result.exitCode).toBe(0);
    const token = services.hub.issuedTokens.at(-1)?.token;
    expect(services.hub.reads).toEqual([{ path: '/api/models/acme/awesome-model', token }]);
    expect(result.stdout).toContain('Verified the token: it can access the model acme/awesome-model.');
    expect(result.stdout.indexOf('Verified the token')).toBeLessThan(
      result.stdout.indexOf('Issued a Hugging Face token'),
    );
    expect(result.exported['HF_TOKEN']).toBe(token);
    expect(findHygieneProblems(result, services.secrets())).toEqual([]);
  });

  it('asks whoami for a user token', async () => {
    services.hub.addPublisher('acme', { repository: 'acme/awesome-model' });
    const result = await run(services.runOptions({ resource: 'acme', verify: 'true' }));
    expect(result.exitCode, result.stdout).toBe(0);
    expect(services.hub.reads.map((read) => read.path)).toEqual(['/api/whoami-v2']);
    expect(result.stdout).toContain('Verified the token: the hub knows it as acme (whoami).');
    expect(findHygieneProblems(result, services.secrets())).toEqual([]);
  });

  it("fails with the hub's answer and request id when the hub refuses the token, and exports nothing", async () => {
    services.hub.addPublisher('datasets/acme/awesome-data', { repository: 'acme/awesome-model' });
    services.hub.refuseIssuedTokens = true;
    const result = await run(services.runOptions({ resource: 'datasets/acme/awesome-data', verify: 'true' }));
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    const error = result.errors[0] ?? '';
    expect(error).toContain('refused it when verifying: GET /api/datasets/acme/awesome-data answered HTTP 401');
    expect(error).toContain('"Invalid credentials in Authorization header"');
    expect(error).toContain(`x-request-id: ${services.hub.requestIds.at(-1) ?? '?'}`);
    expect(error).toContain('Nothing was exported');
    expect(result.exported).toEqual({});
    expect(result.outputs).toEqual({});
    // Refused is final: one exchange, one check, no retry.
    expect(services.hub.exchangeCount).toBe(1);
    expect(services.hub.reads).toHaveLength(1);
    expect(findHygieneProblems(result, services.secrets())).toEqual([]);
  });

  it('retries a hub that answers 503, then verifies', async () => {
    services.hub.readFaults.push({ kind: 'respond', status: 503, body: { error: 'Service Unavailable' } });
    const result = await run(services.runOptions({ resource: 'acme/awesome-model', verify: 'true' }));
    expect(result.exitCode, result.stdout).toBe(0);
    expect(services.hub.reads).toHaveLength(2);
    expect(result.stdout).toMatch(/answered HTTP 503 .*Retrying in/);
    expect(result.stdout).toContain('Verified the token');
    expect(findHygieneProblems(result, services.secrets())).toEqual([]);
  });
});

describe('the default path', () => {
  let services: LocalServices;
  beforeEach(async () => {
    services = await startLocalServices();
  });
  afterEach(async () => {
    await services.stop();
  });

  it('makes no verification request', async () => {
    const result = await runAction(services.runOptions({ resource: 'acme/awesome-model' }));
    expect(result.exitCode).toBe(0);
    expect(services.hub.reads).toEqual([]);
    expect(findHygieneProblems(result, services.secrets())).toEqual([]);
  });

  it('does not contain @huggingface/hub in dist/index.js: it is a chunk loaded only by verify', () => {
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
  let services: LocalServices;
  beforeEach(async () => {
    services = await startLocalServices();
    services.hub.addPublisher('acme', { repository: 'acme/awesome-model' });
  });
  afterEach(async () => {
    await services.stop();
  });

  const JSON_TYPE = { 'Content-Type': 'application/json' };

  it.each([
    ['a JSON array', 200, '[]', JSON_TYPE],
    ['an empty object', 200, '{}', JSON_TYPE],
    ['a name that is a number', 200, '{"name": 5, "auth": {}}', JSON_TYPE],
    ['null', 200, 'null', JSON_TYPE],
    ['text that is not JSON', 200, 'hello ##[stop-commands]x', JSON_TYPE],
    ['a 404 whose JSON body is null', 404, 'null', JSON_TYPE],
    ['a 403 whose JSON body is not JSON', 403, '<html>denied</html>', JSON_TYPE],
    ['a 205 with a body', 205, '{"name": "acme"}', JSON_TYPE],
  ])('whoami answering %s (HTTP %i)', async (_name, status, body, headers) => {
    services.hub.readFaults.push({ kind: 'respond', status, body, headers });
    const result = await runAction({
      ...services.runOptions({ resource: 'acme', verify: 'true', 'max-attempts': '1' }),
      killAfterMs: 20_000,
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors, result.stdout).toHaveLength(1);
    const error = result.errors[0] ?? '';
    expect(error).not.toContain('Unexpected error');
    expect(error).not.toContain('bug in the action');
    expect(error).toContain(`GET /api/whoami-v2 answered HTTP ${status}`);
    expect(error).toContain(`x-request-id: ${services.hub.requestIds.at(-1) ?? '?'}`);
    expect(error).toContain('Nothing was exported');
    expect(result.exported).toEqual({});
    expect(findHygieneProblems(result, services.secrets())).toEqual([]);
  });

  it('a token that is not a Hub token (another broker): says so, without calling the hub', async () => {
    services.hub.faults.push({
      kind: 'transform',
      transform: (body) => ({ ...body, access_token: 'opaque-broker-token-0123456789' }),
    });
    const result = await runAction(services.runOptions({ resource: 'acme', verify: 'true' }));
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain('issued a token that does not start with hf_');
    expect(result.errors[0]).toContain('`verify: false`');
    expect(result.errors[0]).not.toContain('opaque-broker-token');
    expect(services.hub.reads).toEqual([]);
    expect(findHygieneProblems(result, services.secrets())).toEqual([]);
  });

  it('a repository check answering 500 with a body that is not JSON: retried, then reported', async () => {
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
    expect(result.exitCode).toBe(1);
    expect(services.hub.reads).toHaveLength(2);
    expect(result.errors[0]).toContain('GET /api/models/acme/awesome-model answered HTTP 500 "oops"');
    expect(result.errors[0]).not.toContain('Unexpected error');
    expect(findHygieneProblems(result, services.secrets())).toEqual([]);
  });
});
