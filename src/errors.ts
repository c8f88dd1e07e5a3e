// The few error types the action raises. Each carries a user-facing `hint` (what to do next) so that
// main.ts can fail the step with one message that says what failed, why, and what to do.

/** Base class: an expected failure with a message for the user and, optionally, a remedy. */
export class ActionError extends Error {
  override readonly name: string = 'ActionError';
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }
}

/** An input is missing or malformed. Raised before any network call. */
export class InputError extends ActionError {
  override readonly name = 'InputError';
}

/** The job cannot get a GitHub OIDC ID token at all (no permission, fork pull request, Dependabot). */
export class IdTokenUnavailableError extends ActionError {
  override readonly name = 'IdTokenUnavailableError';
}

/**
 * A request to a remote service failed. `transient` says whether trying again may help; retry.ts
 * only retries errors that say so, and honours `retryAfterMs` when the server sent `Retry-After`.
 */
export class RemoteError extends ActionError {
  override readonly name: string = 'RemoteError';
  readonly transient: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    options: { transient: boolean; hint?: string | undefined; retryAfterMs?: number | undefined; cause?: unknown },
  ) {
    super(message, options);
    this.transient = options.transient;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The trust broker refused the exchange with an OAuth error (RFC 6749 §5.2) or an HTTP error status. */
export class ExchangeRefusedError extends RemoteError {
  override readonly name = 'ExchangeRefusedError';
  readonly status: number;
  /** The OAuth `error` code, e.g. `invalid_grant`, when the body carried one. */
  readonly oauthError: string | undefined;
  /** The server's `error_description`, already sanitised for the log. */
  readonly description: string | undefined;
  readonly requestId: string | undefined;

  constructor(
    message: string,
    details: {
      status: number;
      oauthError: string | undefined;
      description: string | undefined;
      requestId: string | undefined;
      transient: boolean;
      retryAfterMs?: number | undefined;
      hint?: string | undefined;
    },
  ) {
    super(message, details);
    this.status = details.status;
    this.oauthError = details.oauthError;
    this.description = details.description;
    this.requestId = details.requestId;
  }
}

/**
 * A transient failure that was tried `max-attempts` times. Final, so that an enclosing retry loop
 * (main.ts retries the exchange around the ID-token request) does not start the attempts over.
 */
export class RetriesExhaustedError extends RemoteError {
  override readonly name = 'RetriesExhaustedError';

  constructor(lastError: RemoteError, attempts: number) {
    super(
      attempts > 1
        ? `${withoutSentenceEnd(lastError.message)} (gave up after ${attempts} attempts, input \`max-attempts\`).`
        : lastError.message,
      { transient: false, hint: lastError.hint, cause: lastError },
    );
  }
}

/** A bound was hit: a single request's timeout or the step's overall deadline. */
export class TimeoutError extends RemoteError {
  override readonly name = 'TimeoutError';
}

/** `text` ending with a full stop, so that another sentence (a hint, "Retrying…") can follow it. */
export function endSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** `text` without its final full stop, so that a clause can be added before the end. */
export function withoutSentenceEnd(text: string): string {
  return text.replace(/\.$/, '');
}

/** The message of any thrown value, Error or not. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Renders any thrown value as one line for `core.setFailed`, with the hint appended. */
export function describeFailure(error: unknown): string {
  if (error instanceof ActionError) {
    return error.hint ? `${endSentence(error.message)} ${error.hint}` : error.message;
  }
  return `Unexpected error: ${messageOf(error)}. This is a bug in the action; please report it with this log.`;
}
