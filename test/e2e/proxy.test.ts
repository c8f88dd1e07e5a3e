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
import { afterAll, beforeAll, describe, expect, test as base } from 'vitest';
import { createTestCertificates, findOpenssl, type TestCertificates } from '../support/certificates.js';
import { ForwardProxy } from '../support/forward-proxy.js';
import { startLocalServices, type LocalServices } from '../support/local-services.js';
import { runAction, type RunResult } from '../support/run-action.js';
import { expectCleanFailure, expectCleanSuccess } from './expectations.js';
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

let certificates: TestCertificates;
let preload: string;

/**
 * The local services with the hub over https as hub.test (its certificate from the test CA), and a
 * forwarding proxy that knows hub.test; fresh for each test, stopped after it.
 */
const test = base.extend<{ services: LocalServices; proxy: ForwardProxy }>({
  // eslint-disable-next-line no-empty-pattern
  services: async ({}, use) => {
    const services = await startLocalServices({
      tls: { key: certificates.key, cert: certificates.cert },
      publicHost: HUB_NAME,
    });
    try {
      await use(services);
    } finally {
      await services.stop();
    }
  },
  // eslint-disable-next-line no-empty-pattern
  proxy: async ({}, use) => {
    const proxy = await new ForwardProxy({ [HUB_NAME]: '127.0.0.1' }).start();
    try {
      await use(proxy);
    } finally {
      await proxy.stop();
    }
  },
});

/** The hub as the action reaches it: by its name, which only the proxy and the preload resolve. */
const hubAddress = (services: LocalServices): string => `${HUB_NAME}:${services.hub.port}`;

describe.skipIf(OPENSSL === undefined)(`proxies and TLS${SKIP_REASON}`, () => {
  beforeAll(() => {
    certificates = createTestCertificates([HUB_NAME], OPENSSL);
    const file = join(certificates.directory, 'resolve-test-hosts.mjs');
    writeFileSync(file, RESOLVER_PRELOAD);
    preload = `--import=${pathToFileURL(file).href}`;
  });
  afterAll(() => certificates.remove());

  const run = (services: LocalServices, env: Record<string, string>, node?: string): Promise<RunResult> =>
    runAction({
      ...(node === undefined ? {} : { node }),
      ...services.runOptions({
        resource: 'acme/awesome-model',
        'hub-url': `https://${hubAddress(services)}`,
        'timeout-seconds': '5',
        'max-attempts': '2',
      }),
      env: { NODE_OPTIONS: preload, ...env },
      killAfterMs: 40_000,
    });

  test.for(RUNTIMES)(
    'HTTPS_PROXY on $name: the exchange is tunnelled through the proxy, and succeeds',
    async ({ node }, { services, proxy }) => {
      const result = await run(services, { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: certificates.caFile }, node);
      expectCleanSuccess(result, services.secrets());
      expect(result.exported['HF_TOKEN']).toBe(services.hub.issuedTokens[0]?.token);
      expect(proxy.tunnels).toEqual([hubAddress(services)]);
      expect(proxy.plainRequests).toEqual([]);
      expect(services.hub.exchangeCount).toBe(1);
      expect(services.issuer.callCount).toBe(1); // directly: loopback
    },
  );

  test('lower-case https_proxy is honoured too', async ({ services, proxy }) => {
    const result = await run(services, { https_proxy: proxy.url, NODE_EXTRA_CA_CERTS: certificates.caFile });
    expectCleanSuccess(result, services.secrets());
    expect(proxy.tunnels).toEqual([hubAddress(services)]);
  });

  test.for([
    [HUB_NAME, (): string => HUB_NAME],
    ['.test (a domain suffix)', (): string => '.test'],
    ['a list with host:port', (services: LocalServices): string => `other.example, ${hubAddress(services)}`],
  ] as const)('NO_PROXY=%s bypasses the proxy', async ([_name, noProxy], { services, proxy }) => {
    const result = await run(services, {
      HTTPS_PROXY: proxy.url,
      NO_PROXY: noProxy(services),
      NODE_EXTRA_CA_CERTS: certificates.caFile,
    });
    expectCleanSuccess(result, services.secrets());
    expect(proxy.tunnels).toEqual([]);
    expect(services.hub.exchangeCount).toBe(1);
  });

  test('without the CA in NODE_EXTRA_CA_CERTS, TLS verification fails: one attempt, and the hint names NODE_EXTRA_CA_CERTS', async ({
    services,
    proxy,
  }) => {
    const result = await run(services, { HTTPS_PROXY: proxy.url });
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain(`TLS verification of ${hubAddress(services)} failed`);
    expect(error).toContain('NODE_EXTRA_CA_CERTS');
    expect(proxy.tunnels).toHaveLength(1); // not retried: a certificate problem is configuration
    expect(services.hub.exchangeCount).toBe(0);
  });

  test('a proxy that refuses the tunnel: says it was the proxy, and does not retry', async ({ services }) => {
    const refusing = await new ForwardProxy({}).start();
    try {
      const result = await run(services, { HTTPS_PROXY: refusing.url, NODE_EXTRA_CA_CERTS: certificates.caFile });
      const error = expectCleanFailure(result, services.secrets());
      expect(error).toContain(
        `the proxy ${new URL(refusing.url).host} refused to open a tunnel to ${hubAddress(services)}: HTTP 403`,
      );
      expect(error).toContain('NO_PROXY');
      expect(refusing.tunnels).toHaveLength(1);
      expect(services.hub.exchangeCount).toBe(0);
    } finally {
      await refusing.stop();
    }
  });

  test('a proxy that is down: says so, retried as a network error', async ({ services }) => {
    const down = await new ForwardProxy({}).start();
    const downUrl = down.url;
    await down.stop();
    const result = await run(services, { HTTPS_PROXY: downUrl, NODE_EXTRA_CA_CERTS: certificates.caFile });
    const error = expectCleanFailure(result, services.secrets());
    expect(error).toContain(
      `could not reach ${hubAddress(services)} through the proxy ${new URL(downUrl).host}: connect ECONNREFUSED`,
    );
    expect(error).toContain('gave up after 2 attempts');
    expect(services.hub.exchangeCount).toBe(0);
  });
});
