// End to end: runs that get an ID token while they may be running code from a fork
// (pull_request_target, workflow_run) are warned about when they mint a write token.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLeaks } from '../support/leaks.js';
import { startLocalServices, type LocalServices } from '../support/local-services.js';
import { runAction, type RunResult } from '../support/run-action.js';

describe('runs that may execute code from a fork', () => {
  let services: LocalServices;
  beforeEach(async () => {
    services = await startLocalServices();
    services.hub.addPublisher('acme', { repository: 'acme/awesome-model' });
  });
  afterEach(async () => {
    await services.stop();
  });

  const runOn = async (eventName: string, resource: string): Promise<RunResult> => {
    services.issuer.identity = { ...services.issuer.identity, eventName };
    const result = await runAction({
      ...services.runOptions({ resource }),
      env: { GITHUB_EVENT_NAME: eventName },
    });
    expect(result.errors, result.stdout).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(findLeaks(result, services.secrets())).toEqual([]);
    return result;
  };

  it.each(['pull_request_target', 'workflow_run'])(
    'warns once when a %s run mints a write token, and says what to do',
    async (eventName) => {
      const result = await runOn(eventName, 'acme/awesome-model');
      expect(result.warnings).toHaveLength(1);
      const warning = result.warnings[0] ?? '';
      expect(warning).toContain(`This run was triggered by ${eventName}`);
      expect(warning).toContain('A write token for acme/awesome-model was issued to it');
      expect(warning).toContain('without `id-token: write`');
      expect(warning).not.toContain('\n');
    },
  );

  it.each([
    ['pull_request_target', 'acme'],
    ['push', 'acme/awesome-model'],
    ['workflow_dispatch', 'acme/awesome-model'],
  ])(
    'does not warn for %s with resource %s (a read-only user token, or a trusted trigger)',
    async (eventName, resource) => {
      const result = await runOn(eventName, resource);
      expect(result.warnings).toEqual([]);
    },
  );

  it("goes by the ID token's event_name when GITHUB_EVENT_NAME says otherwise", async () => {
    services.issuer.identity = { ...services.issuer.identity, eventName: 'pull_request_target' };
    const result = await runAction({ ...services.runOptions({ resource: 'acme/awesome-model' }) });
    expect(result.exitCode).toBe(0);
    expect(result.warnings).toHaveLength(1);
  });
});
