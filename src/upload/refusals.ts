// What a refusal during an upload says: for the hub, its status, X-Error-Code (RepoNotFound,
// RevisionNotFound, EntryNotFound…) and error text, and what to do about it; for the storage host,
// its status and S3 error code only (an S3 error body can echo request headers, an Authorization
// header among them, so it is never printed). Always the request id to quote, always one line of
// sanitised text with anything token-shaped redacted.

import { RemoteError } from '../errors.js';
import { headerValue } from '../http/headers.js';
import { quoted, readRefusal, requestIdNote } from '../http/refusal.js';
import type { HttpResponse } from '../http/request.js';
import { isTransientStatus } from '../http/transient.js';
import { redactIssuedTokens, redactSecrets, sanitizeServerText } from '../runner/sanitize.js';

export interface RefusalContext {
  /** What was asked, for the message: "The preupload request", "Committing". */
  readonly what: string;
  /** e.g. `datasets/acme/x`. */
  readonly repo: string;
  readonly revision: string;
  readonly hubHost: string;
  /** Secrets that must not appear, whatever the server echoes. */
  readonly secrets: readonly string[];
}

/** `secrets`, and token-shaped text (Hub tokens, bearer values, JWTs), redacted from anything a server says. */
export function redactTokenShapes(text: string, secrets: readonly string[] = []): string {
  return redactIssuedTokens(redactSecrets(text, secrets));
}

/** A non-2xx answer of the hub to a request of the upload, as an error with what to do. */
export function hubRefusal(response: HttpResponse, context: RefusalContext): RemoteError {
  const refusal = readRefusal(response, { secrets: context.secrets });
  const status = refusal.status;
  const errorCode = sanitizeServerText(headerValue(response.headers, 'x-error-code') ?? '', 40).replace(/[^\w.-]/g, '');
  return new RemoteError(
    `${context.what} was refused by ${context.hubHost}: HTTP ${status}${errorCode ? ` ${errorCode}` : ''}` +
      `${quoted(refusal.text)}${requestIdNote(refusal.requestId)}`,
    {
      code: 'HUB_REFUSED',
      transient: refusal.transient,
      retryAfterMs: refusal.retryAfterMs,
      requestId: refusal.requestId,
      hint: hubHint(status, errorCode, context),
    },
  );
}

function hubHint(status: number, errorCode: string, context: RefusalContext): string {
  const { repo, revision } = context;
  if (status === 401) {
    return (
      `The hub did not accept the token it issued: check that \`hub-url\` is the hub that issued it. If it ` +
      `persists, report it to Hugging Face with the x-request-id.`
    );
  }
  if (status === 403) {
    return (
      `The token cannot write to ${repo}: a token from a Trusted Publisher writes only to the repository it ` +
      `was issued for, and only if that publisher grants write access. Check \`resource\` and the ` +
      `publisher's settings on the Hub.`
    );
  }
  if (errorCode === 'RepoNotFound' || (status === 404 && errorCode === '' && /repo/i.test(context.what))) {
    return (
      `The repository ${repo} must exist on the hub, with a Trusted Publisher for this workflow: tokens ` +
      `from Trusted Publishers cannot create repositories. Create it (on the Hub, or with \`hf repo ` +
      `create\`), add the publisher, and re-run.`
    );
  }
  if (errorCode === 'RevisionNotFound') {
    return (
      `The branch ${JSON.stringify(revision)} does not exist in ${repo}. Create it on the Hub first, or set ` +
      `\`revision\` to an existing branch (with \`create-pr: true\`, \`revision\` is the branch the pull ` +
      `request targets).`
    );
  }
  if (errorCode === 'EntryNotFound') {
    return (
      'A file the commit deletes is no longer in the repository (another commit removed it meanwhile); ' +
      're-run the job.'
    );
  }
  if (status === 413) {
    return (
      'The request is larger than the hub accepts: upload fewer files per run (split the folder with ' +
      '`include`/`exclude` over several steps).'
    );
  }
  if (status === 422 || status === 400) {
    return (
      'The hub found the commit invalid: check `path-in-repo`, the file names and the patterns. If they ' +
      'look right, report it to Hugging Face with the x-request-id.'
    );
  }
  if (isTransientStatus(status)) return 'The hub may be overloaded or down; re-run the job later.';
  return 'If it persists, report it to Hugging Face with the x-request-id.';
}

/** A non-2xx answer of the storage host (S3 on huggingface.co) to an upload of file content. */
export function storageRefusal(response: HttpResponse, what: string, host: string): RemoteError {
  // Only the error's <Code>, an identifier: the body can echo request headers, so it is not quoted.
  const code = /<Code>([A-Za-z]{1,60})<\/Code>/.exec(response.body)?.[1];
  const { status, transient, retryAfterMs, requestId } = readRefusal(response, { secrets: [], quote: false });
  return new RemoteError(
    `${what} was refused by the storage host ${sanitizeServerText(host, 100)}: HTTP ${status}` +
      `${code ? ` ${code}` : ''}${requestId ? ` (request id: ${requestId})` : ''}`,
    {
      code: 'STORAGE_REFUSED',
      transient,
      retryAfterMs,
      requestId,
      hint:
        code === 'BadDigest'
          ? 'The bytes sent did not match the file measured before the upload: do not change the files to upload ' +
            'while the action runs.'
          : status === 403
            ? 'The upload URL the hub handed out was refused (it may have expired during a long upload); re-run ' +
              'the job, and report it to Hugging Face if it persists.'
            : transient
              ? "The Hub's storage may be having trouble; re-run the job later."
              : 'Re-run the job; if it persists, report it to Hugging Face with the request id.',
    },
  );
}
