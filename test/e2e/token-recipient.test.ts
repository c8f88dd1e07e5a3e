// End to end: the issued token goes only to the hub it was issued for. `upload`, `verify` and
// `git-credentials` send it to the hub; when the token endpoint is on another origin than a hub
// that came from HF_ENDPOINT (set for the whole workflow, maybe for a download mirror), they are
// refused before any network call, saying how to opt in (`hub-url`); an explicit `hub-url` on
// another origin is honoured with a warning naming both hosts. The plain mirror setup, HF_ENDPOINT
// without `token-endpoint`, works as before.

import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import { test as base } from './fixtures.js';
import { expectCleanFailure, expectCleanSuccess } from './expectations.js';
import { createWorkspace, KiB, REPO, runUpload, type Workspace } from './upload-support.js';
import { runAction, type RunResult } from '../support/run-action.js';
import type { LocalServices } from '../support/local-services.js';
import { TrapServer } from '../support/trap-server.js';

/** `mirror`: another host than the hub (HF_ENDPOINT's download mirror), recording what reaches it. */
const test = base.extend<{ mirror: TrapServer }>({
  // eslint-disable-next-line no-empty-pattern
  mirror: async ({}, use) => {
    const mirror = await new TrapServer().start();
    try {
      await use(mirror);
    } finally {
      await mirror.stop();
    }
  },
});

let workspace: Workspace;
beforeEach(() => {
  workspace = createWorkspace();
  workspace.write({ 'out/config.json': '{}\n', 'out/model.safetensors': randomBytes(100 * KiB) });
});
afterEach(() => workspace.remove());

/** A run with HF_ENDPOINT set and `hub-url` as given ('' for unset), the exchange at the local hub. */
function runWith(
  services: LocalServices,
  inputs: Record<string, string>,
  env: Record<string, string>,
): Promise<RunResult> {
  const options = services.runOptions({ resource: REPO, ...inputs });
  if (options.inputs['hub-url'] === '') delete options.inputs['hub-url'];
  return runAction({ ...options, job: workspace.job, env, killAfterMs: 30_000 });
}

const host = (url: string): string => new URL(url).host;

describe('the hub that receives the issued token', () => {
  test.for([
    ['upload', { upload: 'out' }],
    ['verify', { verify: 'true' }],
    ['git-credentials', { 'git-credentials': 'true' }],
  ] as const)(
    'with HF_ENDPOINT on another origin than token-endpoint, %s is refused before any network call',
    async ([name, inputs], { services, mirror }) => {
      const result = await runWith(
        services,
        { 'hub-url': '', 'token-endpoint': `${services.hub.url}/oauth/token`, ...inputs },
        { HF_ENDPOINT: mirror.url },
      );
      const error = expectCleanFailure(result, services.secrets(), { allowedFiles: workspace.written });
      expect(error).toBe(
        `The token is issued by ${host(services.hub.url)} (\`token-endpoint\`), but \`${name}\` would send it to ` +
          `${host(mirror.url)}, the hub named by the HF_ENDPOINT environment variable: a token goes only to the hub ` +
          `it was issued for. If ${host(mirror.url)} is that hub, set \`hub-url: ${mirror.url}\` to say so; ` +
          'otherwise set `hub-url` to the hub that issues the token, or remove `token-endpoint`.',
      );
      expect(services.issuer.callCount).toBe(0);
      expect(services.hub.requests).toEqual([]);
      expect(mirror.requests).toEqual([]);
    },
  );

  test('an explicit hub-url on another origin than token-endpoint is honoured, with a warning naming both hosts', async ({
    services,
    mirror,
  }) => {
    const result = await runWith(
      services,
      { 'hub-url': mirror.url, 'token-endpoint': `${services.hub.url}/oauth/token`, verify: 'true' },
      {},
    );
    expectCleanSuccess(result, services.secrets(), { allowedFiles: workspace.written });
    expect(result.warnings).toEqual([
      `The token issued by ${host(services.hub.url)} (\`token-endpoint\`) is sent to ${host(mirror.url)} ` +
        `(\`hub-url\`), another host, by \`verify\`. That is right only if ${host(services.hub.url)} issues tokens ` +
        `for ${host(mirror.url)}; otherwise point \`hub-url\` at the hub that issues the token.`,
    ]);
    // The workflow named it: the mirror got the token.
    expect(mirror.requests.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${services.hub.issuedTokens[0]?.token ?? '?'}`,
    ]);
  });

  test('HF_ENDPOINT alone (a mirror as the hub, no token-endpoint) works as before: no warning, the token on that hub', async ({
    services,
    commitApi,
  }) => {
    commitApi.options.lfsSizeThreshold = 64 * KiB;
    commitApi.createRepo(REPO);
    const options = { env: { HF_ENDPOINT: services.hub.url } };
    const result = await runUpload(services, workspace, { 'hub-url': '', verify: 'true' }, options);
    expectCleanSuccess(result, services.secrets(), { allowedFiles: workspace.written });
    expect(result.warnings).toEqual([]);
    expect(result.outputs['commit-sha']).toBe(commitApi.head(REPO));
    const token = services.hub.issuedTokens[0]?.token;
    expect(services.hub.reads.map((read) => read.token)).toEqual([token]);
    expect(commitApi.requests.every((request) => request.token === token)).toBe(true);
  });
});
