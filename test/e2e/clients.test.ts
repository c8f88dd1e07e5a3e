// End to end with the Hub's clients: the HF_TOKEN the action exports is what a later step's
// @huggingface/hub call uses against the hub; and a job that sets HF_OIDC_RESOURCE (which makes
// huggingface_hub 1.19+ ignore HF_TOKEN) gets one warning saying what to do.

import { runProcess, type ProcessRun } from '../support/process.js';
import { describe, expect } from 'vitest';
import { systemEnvironment } from '../support/platform.js';
import { REPOSITORY_ROOT, runAction } from '../support/run-action.js';
import { expectCleanSuccess } from './expectations.js';
import { test } from './fixtures.js';

/** A later step: a Node script using @huggingface/hub the usual way, token from HF_TOKEN. */
const LATER_STEP = `
import { checkRepoAccess, whoAmI } from '@huggingface/hub';
const hubUrl = process.env.HF_ENDPOINT;
const accessToken = process.env.HF_TOKEN;
await checkRepoAccess({ repo: 'acme/awesome-model', hubUrl, accessToken });
const me = await whoAmI({ hubUrl, accessToken });
console.log(me.name);
`;

function runLaterStep(env: Record<string, string>): Promise<ProcessRun> {
  return runProcess(process.execPath, ['--input-type=module', '--eval', LATER_STEP], {
    cwd: REPOSITORY_ROOT,
    env: { ...systemEnvironment(), PATH: process.env['PATH'] ?? '', ...env },
  });
}

describe('working with the Hub clients', () => {
  test("exports the HF_TOKEN that a later step's @huggingface/hub call uses", async ({ services }) => {
    const result = await runAction(services.runOptions({ resource: 'acme/awesome-model' }));
    expectCleanSuccess(result, services.secrets());
    const token = result.exported['HF_TOKEN'] ?? '';
    expect(token).not.toBe('');

    const later = await runLaterStep({ ...result.exported, HF_ENDPOINT: services.hub.url });
    expect(later.exitCode, later.stderr).toBe(0);
    expect(later.stdout.trim()).toBe('[OIDC]');
    expect(services.hub.reads).toEqual([
      { path: '/api/models/acme/awesome-model', token },
      { path: '/api/whoami-v2', token },
    ]);

    // The check is real: once the token has expired, the same step is refused.
    services.hub.expireAllTokens();
    const expired = await runLaterStep({ ...result.exported, HF_ENDPOINT: services.hub.url });
    expect(expired.exitCode).not.toBe(0);
    expect(expired.stderr).toContain('Invalid credentials');
  });

  test('warns once, with what to do, when the job sets HF_OIDC_RESOURCE', async ({ services }) => {
    const result = await runAction({
      ...services.runOptions({ resource: 'acme/awesome-model' }),
      env: { HF_OIDC_RESOURCE: 'acme/awesome-model' },
    });
    expectCleanSuccess(result, services.secrets());
    expect(result.warnings).toHaveLength(1);
    const warning = result.warnings[0] ?? '';
    expect(warning).toContain('HF_OIDC_RESOURCE is set in this job ("acme/awesome-model")');
    expect(warning).toContain('ignore HF_TOKEN');
    expect(warning).toContain('remove HF_OIDC_RESOURCE');
    expect(result.exported['HF_TOKEN']).toBeDefined();

    const without = await runAction(services.runOptions({ resource: 'acme/awesome-model' }));
    expectCleanSuccess(without, services.secrets());
    expect(without.warnings).toEqual([]);
  });
});
