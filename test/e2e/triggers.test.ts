// End to end: runs that get an ID token while they may be running code from a fork
// (pull_request_target, workflow_run) are warned about when they mint a write token.

import { describe, expect } from 'vitest';
import type { LocalServices } from '../support/local-services.js';
import { runAction, type RunResult } from '../support/run-action.js';
import { expectCleanSuccess } from './expectations.js';
import { test } from './fixtures.js';

/** A clean run for `resource` in a run triggered by `eventName` (the ID token's claim and GITHUB_EVENT_NAME). */
async function runOn(services: LocalServices, eventName: string, resource: string): Promise<RunResult> {
  services.issuer.identity = { ...services.issuer.identity, eventName };
  const result = await runAction({
    ...services.runOptions({ resource }),
    env: { GITHUB_EVENT_NAME: eventName },
  });
  expectCleanSuccess(result, services.secrets());
  return result;
}

describe('runs that may execute code from a fork', () => {
  test.for(['pull_request_target', 'workflow_run'])(
    'warns once when a %s run mints a write token, and says what to do',
    async (eventName, { services }) => {
      const result = await runOn(services, eventName, 'acme/awesome-model');
      expect(result.warnings).toHaveLength(1);
      const warning = result.warnings[0] ?? '';
      expect(warning).toContain(`This run was triggered by ${eventName}`);
      expect(warning).toContain('A write token for acme/awesome-model was issued to it');
      expect(warning).toContain('without `id-token: write`');
      expect(warning).not.toContain('\n');
    },
  );

  test.for([
    ['pull_request_target', 'acme'],
    ['push', 'acme/awesome-model'],
    ['workflow_dispatch', 'acme/awesome-model'],
  ] as const)(
    'does not warn for %s with resource %s (a read-only user token, or a trusted trigger)',
    async ([eventName, resource], { services }) => {
      services.hub.addPublisher('acme', { repository: 'acme/awesome-model' });
      const result = await runOn(services, eventName, resource);
      expect(result.warnings).toEqual([]);
    },
  );

  test("goes by the ID token's event_name when GITHUB_EVENT_NAME says otherwise", async ({ services }) => {
    services.issuer.identity = { ...services.issuer.identity, eventName: 'pull_request_target' };
    const result = await runAction({ ...services.runOptions({ resource: 'acme/awesome-model' }) });
    expectCleanSuccess(result, services.secrets());
    expect(result.warnings).toHaveLength(1);
  });
});
