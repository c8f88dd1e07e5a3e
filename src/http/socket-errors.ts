// A failed connection as the user should read it: refused, reset, a name that does not resolve, a
// TLS certificate that does not verify (configuration: never retried), or a proxy that would not
// open a tunnel. Socket messages can quote what a server sent, so they are sanitised.

import { RemoteError } from '../errors.js';
import { sanitizeServerText } from '../runner/sanitize.js';
import { isTransientNetworkError, isTransientStatus } from './transient.js';

const PROXY_HINT =
  'Check HTTPS_PROXY and NO_PROXY: the proxy must allow CONNECT to this host, or the host must be listed in NO_PROXY.';
const TLS_HINT =
  'If your runner uses a TLS-intercepting proxy, add its CA with the NODE_EXTRA_CA_CERTS environment variable.';

/** A request's socket failed before an answer: as a RemoteError saying whether to try again. */
export function connectionError(error: NodeJS.ErrnoException, url: URL, proxyHost: string | undefined): RemoteError {
  const proxyFailure = describeProxyFailure(error, url, proxyHost);
  if (proxyFailure) {
    return new RemoteError(proxyFailure.message, {
      code: 'PROXY',
      transient: proxyFailure.transient,
      cause: error,
      hint: PROXY_HINT,
    });
  }
  if (!isTransientNetworkError(error)) {
    return new RemoteError(`TLS verification of ${url.host} failed (${describeSocketError(error)})`, {
      code: 'TLS',
      transient: false,
      cause: error,
      hint: TLS_HINT,
    });
  }
  return new RemoteError(describeNetworkError(error, url), { code: 'NETWORK', transient: true, cause: error });
}

/** The connection failed while the answer was coming in. */
export function responseStreamError(error: NodeJS.ErrnoException, url: URL): RemoteError {
  return new RemoteError(describeNetworkError(error, url), { code: 'NETWORK', transient: true, cause: error });
}

/**
 * The toolkit's tunnel agent reports every proxy failure as ECONNRESET with its own message. Say it
 * was the proxy: a proxy refusing CONNECT (403, 407) is configuration, not worth a retry.
 */
function describeProxyFailure(
  error: Error,
  url: URL,
  proxyHost: string | undefined,
): { message: string; transient: boolean } | undefined {
  if (proxyHost === undefined) return undefined;
  const match = /^tunneling socket could not be established, (?:statusCode=(\d+)|cause=(.*))$/s.exec(error.message);
  if (!match) return undefined;
  const [, status, cause] = match;
  if (status !== undefined) {
    const code = Number(status);
    return {
      message: `the proxy ${proxyHost} refused to open a tunnel to ${url.host}: HTTP ${code}`,
      transient: isTransientStatus(code),
    };
  }
  return {
    message: `could not reach ${url.host} through the proxy ${proxyHost}: ${sanitizeServerText(cause ?? '', 200)}`,
    transient: true,
  };
}

/**
 * A socket error in a few words: its code, else its message, which may quote what the server sent
 * (a certificate's names, a proxy's answer), so it is sanitised like any server text.
 */
function describeSocketError(error: NodeJS.ErrnoException): string {
  return error.code ?? sanitizeServerText(error.message, 200);
}

/** Node's socket error codes that mean "the network failed, trying again may work". */
function describeNetworkError(error: NodeJS.ErrnoException, url: URL): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return `connection to ${url.host} refused`;
    case 'ECONNRESET':
      return `connection to ${url.host} reset`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `could not resolve ${url.hostname}`;
    case 'EPIPE':
      return `connection to ${url.host} closed while sending`;
    default:
      return `network error talking to ${url.host}: ${describeSocketError(error)}`;
  }
}
