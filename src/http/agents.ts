// Which agent carries a request, and so whether it goes through a proxy: HTTPS_PROXY, HTTP_PROXY and
// NO_PROXY are honoured through @actions/http-client's agents, as on runners (Node's own fetch
// ignores them). Connections kept alive for an upload's many requests are closed here at the end.

import type * as http from 'node:http';
import { getProxyUrl, HttpClient } from '@actions/http-client';
import { sanitizeServerText } from '../runner/sanitize.js';

// Agents (and so proxy settings) are resolved per URL by the toolkit's client. One client per
// protocol: a client caches its direct (no proxy) agent whatever the protocol, so after a direct
// http:// request (a loopback ID-token URL) a direct https:// one (NO_PROXY) would get an http.Agent.
const proxyAwareClients = new Map<string, HttpClient>();

/** The agent for a request to `url`: the proxy's tunnel when one applies, else a direct agent. */
export function agentFor(url: URL, keepAlive: boolean): http.Agent {
  const key = `${url.protocol}${keepAlive ? 'keep-alive' : ''}`;
  let client = proxyAwareClients.get(key);
  if (!client) {
    client = new HttpClient(undefined, undefined, { keepAlive });
    proxyAwareClients.set(key, client);
  }
  return client.getAgent(url.href);
}

/** Closes the connections kept open by `keepAlive` requests, so that the process can exit. */
export function closeIdleConnections(): void {
  for (const [key, client] of proxyAwareClients) {
    if (!key.endsWith('keep-alive')) continue;
    client.dispose();
    proxyAwareClients.delete(key);
  }
}

/** The proxy a request to `url` goes through (HTTPS_PROXY/HTTP_PROXY/NO_PROXY), as host:port without credentials. */
export function proxyHostFor(url: URL): string | undefined {
  const proxyUrl = getProxyUrl(url.href);
  if (proxyUrl === '') return undefined;
  try {
    return sanitizeServerText(new URL(proxyUrl).host, 100);
  } catch {
    return 'the configured proxy';
  }
}
