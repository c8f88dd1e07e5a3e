// Sending a request's body: from memory in one write, or streamed with back-pressure (a file range
// through file-pump.ts, or any other source piped), counted for progress and inactivity, and
// checked to be exactly as long as announced: a file that changed since it was measured must not
// go half-sent under a Content-Length that no longer matches.

import type { ClientRequest } from 'node:http';
import type { Readable } from 'node:stream';
import { ActionError, RemoteError } from '../errors.js';
import { pumpFile } from './file-pump.js';
import type { StreamedBody } from './request.js';
import type { RequestTimers } from './request-timers.js';

export type RequestBody = string | Uint8Array | StreamedBody;

/** What sending a body needs from the request in flight. */
export interface BodySending {
  readonly outgoing: ClientRequest;
  /** The opened source of a streamed body that is not a file range (openBodySource). */
  readonly source: Readable | undefined;
  readonly timers: RequestTimers;
  /** Resolves when the request is settled, so that a pump waiting on the socket stops. */
  readonly stopped: Promise<void>;
  isSettled(): boolean;
  fail(reason: string, error: Error): void;
  readonly onBodyProgress?: (sentBytes: number) => void;
}

/** The Content-Length of a body. */
export function bodyLength(body: RequestBody): number {
  if (typeof body === 'string') return Buffer.byteLength(body);
  return isStreamed(body) ? body.length : body.byteLength;
}

/** Opens a streamed body's source (not a file range: the pump reads those itself), before the request goes out. */
export function openBodySource(body: RequestBody | undefined): Readable | undefined {
  return body !== undefined && typeof body !== 'string' && isStreamed(body) && body.file === undefined
    ? body.open()
    : undefined;
}

/** Writes `body` to the request and ends it; a failure goes to `sending.fail`. */
export function sendBody(body: RequestBody | undefined, sending: BodySending): void {
  const { outgoing, timers } = sending;
  if (body === undefined || typeof body === 'string' || !isStreamed(body)) {
    outgoing.end(body);
    timers.bodySent();
    return;
  }
  let sent = 0;
  const onChunk = (bytes: number): void => {
    sent += bytes;
    timers.touch();
    sending.onBodyProgress?.(sent);
  };
  const readFailed = (error: NodeJS.ErrnoException): void => {
    // The body's own verdict (a file the workflow changed during the upload) is the message.
    if (error instanceof ActionError) {
      sending.fail(error.message, error);
      return;
    }
    const reason = error.code ?? error.message;
    sending.fail(
      reason,
      new RemoteError(`could not read ${body.description}: ${reason}`, {
        code: 'LOCAL_FILE',
        transient: false,
        cause: error,
      }),
    );
  };
  outgoing.on('finish', () => timers.bodySent());
  if (body.file !== undefined) {
    pumpFile(body.file, body.length, outgoing, onChunk, sending.stopped, () => sending.isSettled()).then(() => {
      if (!sending.isSettled() && checkLength(body, sent, sending)) outgoing.end();
    }, readFailed);
    return;
  }
  const source = sending.source;
  if (source === undefined) return;
  source.on('data', (chunk: Buffer) => onChunk(chunk.length));
  source.on('error', readFailed);
  source.on('end', () => checkLength(body, sent, sending));
  source.pipe(outgoing);
}

/** Whether the body had its announced length; fails the request when not. */
function checkLength(body: StreamedBody, sent: number, sending: BodySending): boolean {
  if (sent === body.length) return true;
  sending.fail(
    `body had ${sent} bytes, not ${body.length}`,
    new RemoteError(
      `${body.description} changed while it was being sent: ${sent} bytes read, ${body.length} expected`,
      {
        code: 'LOCAL_FILE',
        transient: false,
        hint: 'Do not change the files to upload while the action runs (start the upload after the step that writes them).',
      },
    ),
  );
  return false;
}

function isStreamed(body: Uint8Array | StreamedBody): body is StreamedBody {
  return !(body instanceof Uint8Array);
}
