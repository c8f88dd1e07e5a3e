// What counts as transient: the one place that decides whether trying again may help. Everything
// that retries (the ID-token request, the exchange, verify, the git helper) asks here, and the
// README's "What is retried" table describes exactly these rules.

/** HTTP statuses worth another try: 408 Request Timeout, 429 Too Many Requests, and every 5xx. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * The Hub's own server-side timeout is reported as `invalid_grant` "This operation was aborted"
 * (hub-docs issue 2757): not a refusal of the identity, so worth a bounded retry. Every other
 * OAuth error is final.
 */
export function isTransientOAuthError(error: string | undefined, description: string | undefined): boolean {
  return error === 'invalid_grant' && /operation was aborted/i.test(description ?? '');
}

/**
 * Socket failures (refused, reset, DNS, closed early) are worth another try; TLS failures are not:
 * a wrong CA or a wrong host stays wrong.
 */
export function isTransientNetworkError(error: NodeJS.ErrnoException): boolean {
  return !/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(error.code ?? '');
}
