// Proxies and TLS, end to end. The Hub runs over https under the name hub.test with a certificate
// from a test CA, which the action trusts only through NODE_EXTRA_CA_CERTS, as a runner behind a
// TLS-intercepting proxy would be set up.
//
// Why a name and not 127.0.0.1: @actions/http-client always bypasses the proxy for loopback hosts.
// Only the forwarding proxy knows hub.test (its own table, no DNS), so a run that reaches the Hub
// without NO_PROXY went through it. For the NO_PROXY case the action process must resolve hub.test
// itself: a preload (NODE_OPTIONS=--import) maps it to 127.0.0.1 in dns.lookup, so no DNS query
// leaves the machine. The preload is on in every case here, so the proxy cases would also reach
// the Hub directly if the proxy were ignored; the proxy's record is what tells them apart.
//
// The OIDC issuer stays on 127.0.0.1, so the ID-token request always bypasses the proxy; that is
// the toolkit's rule for loopback, and fine here: on a runner both requests follow the same rule.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestCertificates, findOpenssl, type TestCertificates } from '../support/certificates.js';
import { ForwardProxy } from '../support/forward-proxy.js';
import { HubServer } from '../support/hub-server.js';
import { findLeaks } from '../support/leaks.js';
import { OidcIssuer } from '../support/oidc-issuer.js';
import { runAction, type RunResult } from '../support/run-action.js';
import { RUNTIMES } from './runtimes.js';

const HUB_NAME = 'hub.test';

/** dns.lookup with a fixed table in front, for the action process (loaded with --import). */
const RESOLVER_PRELOAD = `
import dns from 'node:dns';
const table = { ${JSON.stringify(HUB_NAME)}: '127.0.0.1' };
const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
  const address = table[hostname];
  if (address === undefined) return lookup.apply(this, arguments);
  const done = typeof options === 'function' ? options : callback;
  const all = typeof options === 'object' && options !== null && options.all === true;
  process.nextTick(() => (all ? done(null, [{ address, family: 4 }]) : done(null, address, 4)));
};
`;

/** The test CA and certificate are made with openssl; without one these tests cannot run here. */
const OPENSSL = findOpenssl();
const SKIP_REASON =
  OPENSSL === undefined ? ' (SKIPPED: no openssl on this machine to make the test CA; set OPENSSL to one)' : '';
if (SKIP_REASON) console.warn(`proxy.test.ts${SKIP_REASON}`);

describe.skipIf(OPENSSL === undefined)(`proxies and TLS${SKIP_REASON}`, () => {
  let certificates: TestCertificates;
  let preload: string;
  let issuer: OidcIssuer;
  let hub: HubServer;
  let proxy: ForwardProxy;

  beforeAll(() => {
    certificates = createTestCertificates([HUB_NAME], OPENSSL);
    const file = join(certificates.directory, 'resolve-test-hosts.mjs');
    writeFileSync(file, RESOLVER_PRELOAD);
    preload = `--import=${pathToFileURL(file).href}`;
  });
  afterAll(() => certificates.remove());

  beforeEach(async () => {
    issuer = await new OidcIssuer().start();
    hub = await new HubServer(issuer.jwksUrl, {
      tls: { key: certificates.key, cert: certificates.cert },
      publicHost: HUB_NAME,
    }).start();
    hub.addPublisher('acme/awesome-model', {
      repository: 'acme/awesome-model',
      branch: 'main',
      workflow: 'publish.yml',
    });
    proxy = await new ForwardProxy({ [HUB_NAME]: '127.0.0.1' }).start();
  });
  afterEach(async () => {
    await proxy.stop();
    await hub.stop();
    await issuer.stop();
  });

  const run = (env: Record<string, string>, node?: string): Promise<RunResult> =>
    runAction({
      ...(node === undefined ? {} : { node }),
      idToken: { requestUrl: issuer.requestUrl, requestToken: issuer.requestToken },
      inputs: {
        resource: 'acme/awesome-model',
        'hub-url': `https://${HUB_NAME}:${hub.port}`,
        'timeout-seconds': '5',
        'max-attempts': '2',
      },
      env: { NODE_OPTIONS: preload, ...env },
      killAfterMs: 40_000,
    });

  const expectNoLeak = (result: RunResult): void => {
    expect(
      findLeaks(result, { idTokens: issuer.issuedTokens, hubTokens: hub.issuedTokens.map((issued) => issued.token) }),
    ).toEqual([]);
    expect(result.stdout).not.toContain(issuer.requestToken);
  };

  it.each(RUNTIMES)(
    'HTTPS_PROXY on $name: the exchange is tunnelled through the proxy, and succeeds',
    async ({ node }) => {
      const result = await run({ HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: certificates.caFile }, node);
      expect(result.errors, result.stdout).toEqual([]);
      expect(result.exitCode).toBe(0);
      expect(result.exported['HF_TOKEN']).toBe(hub.issuedTokens[0]?.token);
      expect(proxy.tunnels).toEqual([`${HUB_NAME}:${hub.port}`]);
      expect(proxy.plainRequests).toEqual([]);
      expect(hub.exchangeCount).toBe(1);
      expect(issuer.callCount).toBe(1); // directly: loopback
      expectNoLeak(result);
    },
  );

  it('lower-case https_proxy is honoured too', async () => {
    const result = await run({ https_proxy: proxy.url, NODE_EXTRA_CA_CERTS: certificates.caFile });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(proxy.tunnels).toEqual([`${HUB_NAME}:${hub.port}`]);
  });

  it.each([
    [HUB_NAME, (): string => HUB_NAME],
    ['.test (a domain suffix)', (): string => '.test'],
    ['a list with host:port', (): string => `other.example, ${HUB_NAME}:${hub.port}`],
  ])('NO_PROXY=%s bypasses the proxy', async (_name, noProxy) => {
    const result = await run({ HTTPS_PROXY: proxy.url, NO_PROXY: noProxy(), NODE_EXTRA_CA_CERTS: certificates.caFile });
    expect(result.errors, result.stdout).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(proxy.tunnels).toEqual([]);
    expect(hub.exchangeCount).toBe(1);
    expectNoLeak(result);
  });

  it('without the CA in NODE_EXTRA_CA_CERTS, TLS verification fails: one attempt, and the hint names NODE_EXTRA_CA_CERTS', async () => {
    const result = await run({ HTTPS_PROXY: proxy.url });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.exported).toEqual({});
    expect(result.errors[0]).toContain(`TLS verification of ${HUB_NAME}:${hub.port} failed`);
    expect(result.errors[0]).toContain('NODE_EXTRA_CA_CERTS');
    expect(proxy.tunnels).toHaveLength(1); // not retried: a certificate problem is configuration
    expect(hub.exchangeCount).toBe(0);
    expectNoLeak(result);
  });

  it('a proxy that refuses the tunnel: says it was the proxy, and does not retry', async () => {
    const refusing = await new ForwardProxy({}).start();
    try {
      const result = await run({ HTTPS_PROXY: refusing.url, NODE_EXTRA_CA_CERTS: certificates.caFile });
      expect(result.exitCode).toBe(1);
      expect(result.errors).toHaveLength(1);
      expect(result.exported).toEqual({});
      expect(result.errors[0]).toContain(
        `the proxy ${new URL(refusing.url).host} refused to open a tunnel to ${HUB_NAME}:${hub.port}: HTTP 403`,
      );
      expect(result.errors[0]).toContain('NO_PROXY');
      expect(refusing.tunnels).toHaveLength(1);
      expect(hub.exchangeCount).toBe(0);
      expectNoLeak(result);
    } finally {
      await refusing.stop();
    }
  });

  it('a proxy that is down: says so, retried as a network error', async () => {
    const down = await new ForwardProxy({}).start();
    const downUrl = down.url;
    await down.stop();
    const result = await run({ HTTPS_PROXY: downUrl, NODE_EXTRA_CA_CERTS: certificates.caFile });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(
      `could not reach ${HUB_NAME}:${hub.port} through the proxy ${new URL(downUrl).host}: connect ECONNREFUSED`,
    );
    expect(result.errors[0]).toContain('gave up after 2 attempts');
    expect(hub.exchangeCount).toBe(0);
    expectNoLeak(result);
  });
});
