// Both local counterparts together: the GitHub OIDC issuer and a Hub that trusts it, with a
// Trusted Publisher for the default run (acme/awesome-model, main, publish.yml).

import { HubServer } from './hub-server.js';
import { OidcIssuer } from './oidc-issuer.js';
import type { Secrets } from './leaks.js';
import type { RunOptions } from './run-action.js';

export interface LocalServices {
  issuer: OidcIssuer;
  hub: HubServer;
  /** Options for runAction that point the action at these services. */
  runOptions(inputs?: Record<string, string>): RunOptions & { inputs: Record<string, string> };
  /** Every secret these services handed out (and the runner's ID-token request credential), for leak checks. */
  secrets(): Secrets;
  stop(): Promise<void>;
}

/** With `hubOptions`, the hub is started with them (e.g. over TLS under a test host name, for the proxy tests). */
export async function startLocalServices(
  hubOptions?: ConstructorParameters<typeof HubServer>[1],
): Promise<LocalServices> {
  const issuer = await new OidcIssuer().start();
  const hub = await new HubServer(issuer.jwksUrl, hubOptions).start();
  hub.addPublisher('acme/awesome-model', { repository: 'acme/awesome-model', branch: 'main', workflow: 'publish.yml' });
  return {
    issuer,
    hub,
    runOptions: (inputs = {}) => ({
      idToken: { requestUrl: issuer.requestUrl, requestToken: issuer.requestToken },
      inputs: { 'hub-url': hub.url, ...inputs },
    }),
    secrets: () => ({
      idTokens: [...issuer.issuedTokens],
      hubTokens: hub.issuedTokens.map((issued) => issued.token),
      others: [issuer.requestToken],
    }),
    stop: async () => {
      await hub.stop();
      await issuer.stop();
    },
  };
}
