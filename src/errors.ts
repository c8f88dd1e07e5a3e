// Every error the action raises, in one place. Each has a stable `code` (code branches and tests
// look at codes, never at message text), a `hint` that says what to do next, and, when it adds
// context to a lower-level failure, that failure as its `cause`. main.ts fails the step with the
// message and the hint of whatever reaches it.

/** What went wrong, as a stable identifier. */
export type ErrorCode =
  /** An input (or the helper's command line) is missing or malformed. Raised before any network call. */
  | 'INPUT_INVALID'
  /** The job has no ID-token variables: no `id-token: write`, a fork's pull request, Dependabot. */
  | 'ID_TOKEN_UNAVAILABLE'
  /** GitHub's token service answered with an error status. */
  | 'ID_TOKEN_REFUSED'
  /** The trust broker answered the exchange with an error status or an OAuth error. */
  | 'EXCHANGE_REFUSED'
  /** A server answered a redirect; credentials are never sent on to another URL. */
  | 'REDIRECT_REFUSED'
  /** A success status whose body is not what the protocol says. */
  | 'MALFORMED_RESPONSE'
  /** A response body larger than the cap for that request. */
  | 'RESPONSE_TOO_LARGE'
  /** Connection refused, reset or closed early; a name that does not resolve. */
  | 'NETWORK'
  /** TLS verification failed: configuration, never retried. */
  | 'TLS'
  /** The proxy (HTTPS_PROXY) refused or failed to open a tunnel. */
  | 'PROXY'
  /** One request did not complete within its time limit. */
  | 'TIMEOUT'
  /** An upload request made no progress (no byte sent or received) for its inactivity limit. */
  | 'STALLED'
  /** An answer, once begun, did not arrive whole within its limit (a body dripping a byte at a time). */
  | 'ANSWER_TOO_SLOW'
  /** A file to upload could not be read, or changed while it was being sent. */
  | 'LOCAL_FILE'
  /** The hub refused a request of the upload (its status, X-Error-Code and text say why). */
  | 'HUB_REFUSED'
  /** The hub found the metadata of the README.md to upload invalid (checked before any upload). */
  | 'README_INVALID'
  /** The storage host the hub hands uploads to refused the bytes of a file. */
  | 'STORAGE_REFUSED'
  /** Other commits kept landing on the branch while the action was committing. */
  | 'BRANCH_MOVED'
  /** A commit request failed without an answer, and whether the commit was made could not be checked. */
  | 'COMMIT_UNKNOWN'
  /** No time left within the step's deadline for another try. */
  | 'DEADLINE'
  /** A transient failure tried `max-attempts` times. */
  | 'RETRIES_EXHAUSTED'
  /** The hub issued a token but refused it when verifying it. */
  | 'VERIFY_REFUSED'
  /** git cannot be run. */
  | 'GIT_UNAVAILABLE'
  /** A git command failed. */
  | 'GIT_FAILED'
  /** The action's own files are missing or broken. */
  | 'PACKAGING';

interface ActionErrorOptions {
  readonly hint?: string | undefined;
  readonly cause?: unknown;
}

/** An expected failure: a message for the user and, optionally, a remedy. */
export class ActionError extends Error {
  override readonly name: string = 'ActionError';
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(message: string, options: ActionErrorOptions & { readonly code: ErrorCode }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.hint = options.hint;
  }
}

/** An input is missing or malformed. Raised before any network call. */
export class InputError extends ActionError {
  override readonly name = 'InputError';

  constructor(message: string, options: ActionErrorOptions = {}) {
    super(message, { ...options, code: 'INPUT_INVALID' });
  }
}

/** The job cannot get a GitHub OIDC ID token at all (no permission, fork pull request, Dependabot). */
export class IdTokenUnavailableError extends ActionError {
  override readonly name = 'IdTokenUnavailableError';

  constructor(message: string, options: ActionErrorOptions = {}) {
    super(message, { ...options, code: 'ID_TOKEN_UNAVAILABLE' });
  }
}

export interface RemoteErrorOptions extends ActionErrorOptions {
  readonly code: ErrorCode;
  /** Whether trying again may help (see http/transient.ts); retries happen only when it is true. */
  readonly transient: boolean;
  /** The server's Retry-After, when it sent one. */
  readonly retryAfterMs?: number | undefined;
  /** The server's x-request-id, sanitised, for the user to quote to its operators. */
  readonly requestId?: string | undefined;
}

/** A request to a remote service failed, or its answer was refused. */
export class RemoteError extends ActionError {
  override readonly name: string = 'RemoteError';
  readonly transient: boolean;
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | undefined;

  constructor(message: string, options: RemoteErrorOptions) {
    super(message, options);
    this.transient = options.transient;
    this.retryAfterMs = options.retryAfterMs;
    this.requestId = options.requestId;
  }
}

/**
 * `error` with `context` before its message ("The token exchange at huggingface.co failed: …"), as a
 * new error whose cause is the original. Code, transient flag, Retry-After, request id and hint carry
 * over, so wrapping never changes what is retried.
 */
export function wrapRemoteError(context: string, error: RemoteError): RemoteError {
  return new RemoteError(`${context}: ${error.message}`, {
    code: error.code,
    transient: error.transient,
    retryAfterMs: error.retryAfterMs,
    requestId: error.requestId,
    hint: error.hint,
    cause: error,
  });
}

/** The trust broker refused the exchange with an OAuth error (RFC 6749 §5.2) or an HTTP error status. */
export class ExchangeRefusedError extends RemoteError {
  override readonly name = 'ExchangeRefusedError';
  readonly status: number;
  /** The OAuth `error` code, e.g. `invalid_grant`, when the body carried one. */
  readonly oauthError: string | undefined;
  /** The server's `error_description`, already sanitised for the log. */
  readonly description: string | undefined;

  constructor(
    message: string,
    details: Omit<RemoteErrorOptions, 'code'> & {
      readonly status: number;
      readonly oauthError: string | undefined;
      readonly description: string | undefined;
    },
  ) {
    super(message, { ...details, code: 'EXCHANGE_REFUSED' });
    this.status = details.status;
    this.oauthError = details.oauthError;
    this.description = details.description;
  }
}

/**
 * A transient failure that was tried `max-attempts` times. Final (not transient) and carrying the
 * last failure as its cause.
 */
export class RetriesExhaustedError extends RemoteError {
  override readonly name = 'RetriesExhaustedError';

  constructor(lastError: RemoteError, attempts: number) {
    super(
      attempts > 1
        ? `${withoutSentenceEnd(lastError.message)} (gave up after ${attempts} attempts, input \`max-attempts\`).`
        : lastError.message,
      {
        code: 'RETRIES_EXHAUSTED',
        transient: false,
        hint: lastError.hint,
        requestId: lastError.requestId,
        cause: lastError,
      },
    );
  }
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
