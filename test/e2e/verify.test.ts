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
