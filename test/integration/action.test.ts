// The action's sequence (src/main.ts) in process, against the local issuer and Hub: what a user
// sees (exit code, annotations, outputs, HF_TOKEN, the summary) on the default path, with verify,
// with upload, and on the failures each stage owns. The bundle's own wiring, masking as the runner
// applies it, and runtimes stay in the e2e project; this is the fast check of the logic between.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { test } from '../e2e/fixtures.js';
import { createJob } from '../support/run-action.js';
import { runInProcess } from '../support/run-in-process.js';

describe('the action, in process', () => {
  test('issues, masks and exports a token, and publishes its expiry from the request time', async ({ services }) => {
    const before = Date.now();
    const result = await runInProcess(services.runOptions({ resource: 'acme/awesome-model' }));
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    const issued = services.hub.issuedTokens.at(-1);
    expect(result.exported).toEqual({ HF_TOKEN: issued?.token });
    expect(result.outputs['token']).toBe(issued?.token);
    expect(result.stdout.indexOf(`::add-mask::${issued?.token ?? '?'}`)).toBeGreaterThanOrEqual(0);
    const expiresAt = Date.parse(result.outputs['expires-at'] ?? '');
    expect(expiresAt).toBeGreaterThanOrEqual(before + 3600_000);
    expect(expiresAt).toBeLessThanOrEqual(issued?.expiresAt ?? 0);
    expect(result.summary).toContain('Hugging Face token issued');
  });

  test('with verify and a slow hub, the expiry still counts from the exchange request', async ({ services }) => {
    services.hub.readFaults.push({ kind: 'delay', ms: 500 });
    const result = await runInProcess(services.runOptions({ resource: 'acme/awesome-model', verify: 'true' }));
    expect(result.errors).toEqual([]);
    expect(result.stdout).toContain('Verified the token: it can access the model acme/awesome-model.');
    expect(Date.parse(result.outputs['expires-at'] ?? '')).toBeLessThanOrEqual(
      services.hub.issuedTokens.at(-1)?.expiresAt ?? 0,
    );
  });

  test('a verify refusal fails the step with the hub’s words, and exports nothing', async ({ services }) => {
    services.hub.refuseIssuedTokens = true;
    const result = await runInProcess(services.runOptions({ resource: 'acme/awesome-model', verify: 'true' }));
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(
      'refused it when verifying: GET /api/models/acme/awesome-model answered HTTP 401',
    );
    expect(result.exported).toEqual({});
    expect(result.outputs).toEqual({});
  });

  test('a refused identity is explained with the claims, in the log and the summary', async ({ services }) => {
    const result = await runInProcess(services.runOptions({ resource: 'acme/other-model' }));
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain('invalid_grant');
    expect(result.stdout).toContain('GitHub identity: repo:acme/awesome-model:ref:refs/heads/main');
    expect(result.summary).toContain('acme/awesome-model');
    expect(result.exported).toEqual({});
  });

  test('a missing ID-token permission fails before any request', async ({ services }) => {
    const { idToken: _unused, ...withoutIdToken } = services.runOptions({ resource: 'acme/awesome-model' });
    const result = await runInProcess(withoutIdToken);
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain('id-token: write');
    expect(services.hub.exchangeCount).toBe(0);
  });

  test('uploads a folder and commits it, then an unchanged re-run makes no commit', async ({ services, commitApi }) => {
    commitApi.createRepo('acme/awesome-model');
    const job = createJob();
    try {
      mkdirSync(join(job.workspace, 'out', 'nested'), { recursive: true });
      writeFileSync(join(job.workspace, 'out', 'README.md'), '# model\n');
      writeFileSync(join(job.workspace, 'out', 'nested', 'weights.bin'), Buffer.alloc(12 * 1024 * 1024, 7));
      const options = { ...services.runOptions({ resource: 'acme/awesome-model', upload: 'out' }), job };
      const first = await runInProcess(options);
      expect(first.errors).toEqual([]);
      expect(first.outputs['commit-sha']).toMatch(/^[0-9a-f]{40}$/);
      expect(commitApi.files('acme/awesome-model').get('README.md')?.toString()).toBe('# model\n');
      expect(first.summary).toContain('Hugging Face upload');
      const second = await runInProcess(options);
      expect(second.errors).toEqual([]);
      expect(second.outputs['commit-sha']).toBe('');
      expect(second.stdout).toContain('Nothing changed since the last commit');
    } finally {
      job.remove();
    }
  });
});

describe("verify reports every odd answer as the hub's answer, in process", () => {
  const JSON_TYPE = { 'Content-Type': 'application/json' };

  test.for([
    ['a JSON array', 200, '[]'],
    ['an empty object', 200, '{}'],
    ['a name that is a number', 200, '{"name": 5, "auth": {}}'],
    ['null', 200, 'null'],
    ['text that is not JSON', 200, 'hello ##[stop-commands]x'],
    ['a 404 whose JSON body is null', 404, 'null'],
    ['a 403 whose JSON body is not JSON', 403, '<html>denied</html>'],
    ['a 205 with a body', 205, '{"name": "acme"}'],
  ] as const)('whoami answering %s (HTTP %i)', async ([_name, status, body], { services }) => {
    services.hub.addPublisher('acme', { repository: 'acme/awesome-model' });
    services.hub.readFaults.push({ kind: 'respond', status, body, headers: JSON_TYPE });
    const result = await runInProcess(services.runOptions({ resource: 'acme', verify: 'true', 'max-attempts': '1' }));
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    const error = result.errors[0] ?? '';
    expect(error).not.toContain('Unexpected error');
    expect(error).not.toContain('bug in the action');
    expect(error).not.toContain('##[');
    expect(error).toContain(`GET /api/whoami-v2 answered HTTP ${status}`);
    expect(error).toContain(`x-request-id: ${services.hub.requestIds.at(-1) ?? '?'}`);
    expect(error).toContain('Nothing was exported');
    expect(result.exported).toEqual({});
  });
});

describe('refusals of the exchange and of the ID-token request, in process', () => {
  test.for([
    [
      'a redirect, not followed',
      { kind: 'respond', status: 302, body: '', headers: { Location: 'https://elsewhere.test/x' } },
      'a redirect to elsewhere.test',
    ],
    [
      'a 201, not a token',
      { kind: 'respond', status: 201, body: { access_token: 'hf_jwt_0123456789abcdefghij' } },
      'a token exchange succeeds with 200 only',
    ],
    [
      'an HTML page',
      { kind: 'respond', status: 404, body: '<html><h1>Not here</h1></html>' },
      'HTTP 404 with a HTML body: "Not here"',
    ],
    [
      'invalid_request',
      { kind: 'respond', status: 400, body: { error: 'invalid_request', error_description: 'bad resource' } },
      'invalid_request: "bad resource"',
    ],
  ] as const)('%s', async ([_name, fault, expected], { services }) => {
    services.hub.faults.push(fault);
    const result = await runInProcess(services.runOptions({ resource: 'acme/awesome-model', 'max-attempts': '1' }));
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain(expected);
    expect(result.errors[0]).not.toContain('hf_jwt_0123456789abcdefghij');
    expect(result.exported).toEqual({});
  });

  test('an ID-token request refused: its words and what to check', async ({ services }) => {
    services.issuer.faults.push({ kind: 'respond', status: 403, body: { message: 'Bad credentials' } });
    const result = await runInProcess(services.runOptions({ resource: 'acme/awesome-model' }));
    expect(result.errors[0]).toContain('Requesting the GitHub OIDC ID token failed: HTTP 403 "Bad credentials"');
    expect(result.errors[0]).toContain('permissions: id-token: write');
  });
});
