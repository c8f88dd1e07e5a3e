// The upload's `fetch` for @huggingface/hub, layered on the shared adapter (http/fetch-adapter.ts):
// the library speaks the protocol (preupload, the LFS batch
// call that offers Xet and falls back to basic or multipart transfers, the PUTs, the Xet CAS), and
// every request it makes goes out through the action's transport instead of Node's fetch, which
// buffers large request bodies and ignores HTTPS_PROXY. So each request gets the action's token
// rule (hub only), inactivity limit, retries and progress. Three requests are the action's own:
// - the preupload is answered from the action's preupload of the same files at the same revision
//   (remote-plan.ts made it to compare files), so both agree on which files go through LFS;
// - an upload's body, a DiskBlob, is streamed from disk (and re-streamed for a retry);
// - the commit is handed to the action (commit.ts), which streams its own body.
// Every answer of the hub is searched for credentials (the Xet token) before the library reads it.

import type { RemoteError } from '../errors.js';
import { isJsonObject, parseJsonObject } from '../http/json.js';
import { createFetchAdapter, type AdaptedRequest } from '../http/fetch-adapter.js';
import type { HttpResponse, StreamedBody } from '../http/request.js';
import { DiskBlob } from './disk-blob.js';
import { openPlannedFile } from './planned-file.js';
import { findReceivedCredentials } from './received-credentials.js';
import type { RemoteFileInfo } from './hub-api.js';
import { storageRefusal } from './refusals.js';
import { capitalise, PROCESSING_MS, type UploadTransport } from './transport.js';

export interface LibraryFetchOptions {
  readonly transport: UploadTransport;
  /** The action's preupload answers, by path in the repository. */
  readonly preuploaded: ReadonlyMap<string, RemoteFileInfo>;
  /** Sends the commit; gets the library's NDJSON body (header, lfsFile and deletedFile lines). */
  readonly commit: (libraryBody: string, signal: AbortSignal | undefined) => Promise<HttpResponse>;
  /** Refusal of the hub to a request of the library (batch, Xet token). */
  readonly hubRefusal: (what: string) => (response: HttpResponse) => RemoteError;
  /** Receives each credential in a hub answer (a Xet token), before the library sees the answer. */
  readonly onCredential: (credential: string) => void;
}

/** What crossed to the storage host, for "did anything reach the Hub?" after a failure. */
export interface StorageTally {
  objects: number;
  bytes: number;
}

interface ProgressHint {
  readonly progressCallback?: (progress: number) => void;
  readonly part?: number;
  readonly numParts?: number;
}

/**
 * A `fetch` for @huggingface/hub: the shared adapter (http/fetch-adapter.ts) over the upload's
 * transport, with the upload's policy on top. `tally` counts what storage received.
 */
export function createLibraryFetch(options: LibraryFetchOptions, tally: StorageTally): typeof fetch {
  const { transport } = options;
  const parts = new WeakMap<(progress: number) => void, Map<number, number>>();
  /** Multipart completion URLs handed out by batch answers (signed: sent without the token). */
  const completions = new Set<string>();

  /** A hub answer, its credentials handed over first (received-credentials.ts). */
  const fromHub = (response: HttpResponse): HttpResponse => {
    for (const credential of findReceivedCredentials(response.body)) options.onCredential(credential);
    return response;
  };

  const send = async ({ url, method, headers, body, signal, init }: AdaptedRequest): Promise<HttpResponse> => {
    if (method !== 'GET' && method !== 'POST' && method !== 'PUT') {
      throw new Error(`@huggingface/hub made a ${method} request, which the action does not send`);
    }
    const onHub = transport.isHub(url);

    if (onHub && method === 'POST' && /\/preupload\/[^/]+$/.test(url.pathname) && typeof body === 'string') {
      const cached = answerFromPreupload(body, options.preuploaded);
      if (cached)
        return {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: cached,
          bytes: Buffer.from(cached),
        };
    }
    if (onHub && method === 'POST' && /\/commit\/[^/]+$/.test(url.pathname) && typeof body === 'string') {
      return options.commit(body, signal);
    }

    if (onHub && method === 'POST' && url.pathname.endsWith('.git/info/lfs/objects/batch')) {
      const response = await transport.send(
        {
          method,
          url,
          headers,
          ...(body === undefined ? {} : { body }),
          what: 'the LFS batch request',
          processingMs: PROCESSING_MS.quick,
          ...(signal ? { signal } : {}),
        },
        options.hubRefusal('The LFS batch request'),
      );
      for (const href of multipartCompletionUrls(response.body)) completions.add(href);
      return fromHub(response);
    }

    // An upload of file content: a basic PUT, a part of a multipart upload, or its completion.
    const hint = (init as { progressHint?: ProgressHint } | undefined)?.progressHint;
    const isContent = method === 'PUT' && isStreamed(body);
    const isCompletion = method === 'POST' && completions.has(url.href);
    const what = isContent
      ? `the upload of ${body.description}${hint?.part === undefined ? '' : ` (part ${hint.part + 1} of ${hint.numParts ?? '?'})`}`
      : isCompletion
        ? 'the completion of a multipart upload'
        : `the ${method} request to ${onHub ? 'the hub' : 'the storage host'} ${url.host}`;
    const onBodyProgress =
      isContent && hint?.progressCallback
        ? (sent: number): void => reportProgress(hint, sent / Math.max(1, body.length), parts)
        : undefined;
    const response = await transport.send(
      {
        method,
        url,
        headers,
        ...(body === undefined ? {} : { body }),
        what,
        ...(signal ? { signal } : {}),
        ...(onBodyProgress ? { onBodyProgress } : {}),
        ...(isCompletion ? { authenticate: false, processingMs: PROCESSING_MS.slow } : {}),
      },
      isContent || isCompletion
        ? onHub
          ? options.hubRefusal(capitalise(what))
          : (answer) => storageRefusal(answer, capitalise(what), url.host)
        : undefined,
    );
    if (isContent) {
      tally.bytes += body.length;
      if (hint?.part === undefined) tally.objects++;
    }
    if (isCompletion) tally.objects++;
    return onHub ? fromHub(response) : response;
  };
  return createFetchAdapter({ send, streamBody: streamFromDisk });
}

/** File content the library hands over as a DiskBlob: streamed from disk, never read whole. */
function streamFromDisk(body: unknown): StreamedBody | undefined {
  if (!(body instanceof DiskBlob)) return undefined;
  return {
    length: body.size,
    description: body.label,
    open: () => body.openStream(),
    file: { open: () => openPlannedFile(body.file), start: body.offset },
  };
}

function isStreamed(body: string | Uint8Array | StreamedBody | undefined): body is StreamedBody {
  return typeof body === 'object' && !(body instanceof Uint8Array);
}

/** The preupload answer for the paths the library asks about, if the action's preupload has them all. */
function answerFromPreupload(body: string, preuploaded: ReadonlyMap<string, RemoteFileInfo>): string | undefined {
  const files = parseJsonObject(body).object?.['files'];
  if (!Array.isArray(files)) return undefined;
  const answers: unknown[] = [];
  for (const file of files as unknown[]) {
    const path = isJsonObject(file) ? file['path'] : undefined;
    const known = typeof path === 'string' ? preuploaded.get(path) : undefined;
    if (!known) return undefined;
    answers.push({
      path,
      uploadMode: known.uploadMode,
      shouldIgnore: known.shouldIgnore,
      ...(known.oid === undefined ? {} : { oid: known.oid }),
    });
  }
  return JSON.stringify({ files: answers });
}

/** The multipart completion URLs a batch answer hands out (upload actions with a `chunk_size`). */
function multipartCompletionUrls(text: string): string[] {
  const objects = parseJsonObject(text).object?.['objects'];
  if (!Array.isArray(objects)) return [];
  return (objects as unknown[]).flatMap((object) => {
    const upload = (object as { actions?: { upload?: { href?: unknown; header?: Record<string, unknown> } } } | null)
      ?.actions?.upload;
    if (typeof upload?.href !== 'string' || upload.header?.['chunk_size'] === undefined) return [];
    try {
      return [new URL(upload.href).href];
    } catch {
      return [];
    }
  });
}

/** Feeds the library's progress callback, adding up the parts of a multipart upload. */
function reportProgress(
  hint: ProgressHint,
  fraction: number,
  parts: WeakMap<(progress: number) => void, Map<number, number>>,
): void {
  const callback = hint.progressCallback;
  if (!callback) return;
  const capped = Math.min(fraction, 0.999);
  if (hint.part === undefined || !hint.numParts) {
    callback(capped);
    return;
  }
  let done = parts.get(callback);
  if (!done) {
    done = new Map();
    parts.set(callback, done);
  }
  done.set(hint.part, capped);
  let sum = 0;
  for (const value of done.values()) sum += value;
  callback(Math.min(0.999, sum / hint.numParts));
}
