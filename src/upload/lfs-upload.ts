// The upload of one LFS object, as the batch answer said (lfs-batch.ts): one PUT of the whole
// file (basic), or one PUT per part then the completion (multipart), then the verify call when the
// hub asks for one. Bodies are streamed from the file (http/request.ts); storage hosts never get
// the Hub token (the PUTs, and the completion, a signed URL, go without it, as both Hub clients
// send them); a verify call on the hub gets it, as huggingface_hub sends it. Each step reports
// progress and counts what reached storage, for "did anything reach the Hub?" after a failure.

import { RemoteError } from '../errors.js';
import type { HttpResponse, StreamedBody } from '../http/request.js';
import type { LfsInstruction } from './lfs-batch.js';
import { fileRangeBody } from './local-file.js';
import type { LargeFile, TransferContext } from './lfs-transfer.js';
import { storageRefusal } from './refusals.js';
import { capitalise, PROCESSING_MS } from './transport.js';

const LFS_JSON = 'application/vnd.git-lfs+json';

/** One request's worth of work: a whole object (basic, or already stored), or one part of a multipart upload. */
export type UploadJob =
  | { readonly kind: 'object'; readonly file: LargeFile; readonly oid: string; readonly instruction: LfsInstruction }
  | { readonly kind: 'part'; readonly upload: MultipartState; readonly index: number };

export interface MultipartState {
  readonly file: LargeFile;
  readonly oid: string;
  readonly instruction: Extract<LfsInstruction, { kind: 'multipart' }>;
  readonly etags: string[];
  readonly sent: number[];
  remaining: number;
}

/** Runs one job; the last part of a multipart upload completes it. */
export async function runJob(job: UploadJob, context: TransferContext, signal: AbortSignal): Promise<void> {
  const report = (file: LargeFile, progress: number): void =>
    context.progress.onEvent({ event: 'fileProgress', path: file.pathInRepo, progress, state: 'uploading' });
  if (job.kind === 'object') {
    const { file, oid, instruction } = job;
    if (instruction.kind === 'stored') {
      report(file, 1);
      return;
    }
    if (instruction.kind !== 'basic') return;
    report(file, 0);
    await put(instruction.href, file, 0, file.size, file.pathInRepo, context, signal, (sent) =>
      report(file, Math.min(0.999, sent / Math.max(1, file.size))),
    );
    context.tally.objects++;
    if (instruction.verify) await verify(instruction.verify, file, oid, context, signal);
    report(file, 1);
    return;
  }
  const { upload, index } = job;
  const { file, instruction } = upload;
  const start = index * instruction.chunkSize;
  const length = Math.min(instruction.chunkSize, file.size - start);
  const partUrl = instruction.partUrls[index];
  if (partUrl === undefined) return;
  if (index === 0) report(file, 0);
  const what = `${file.pathInRepo} (part ${index + 1} of ${instruction.partUrls.length})`;
  const response = await put(partUrl, file, start, length, what, context, signal, (sent) => {
    upload.sent[index] = sent;
    report(file, Math.min(0.999, upload.sent.reduce((sum, value) => sum + value, 0) / Math.max(1, file.size)));
  });
  const etag = response.headers['etag'];
  if (typeof etag !== 'string' || etag === '') {
    throw new RemoteError(`The storage host's answer to the upload of ${what} has no ETag.`, {
      code: 'MALFORMED_RESPONSE',
      transient: false,
      hint: 'If it persists, report it to Hugging Face with this log.',
    });
  }
  upload.etags[index] = etag;
  if (--upload.remaining > 0) return;
  await complete(upload, context, signal);
  context.tally.objects++;
  if (instruction.verify) await verify(instruction.verify, file, upload.oid, context, signal);
  report(file, 1);
}

/** One PUT of a range of a file, streamed from disk; never with the Hub token. */
async function put(
  url: URL,
  file: LargeFile,
  start: number,
  length: number,
  label: string,
  context: TransferContext,
  signal: AbortSignal,
  onSent: (sent: number) => void,
): Promise<HttpResponse> {
  const what = `the upload of ${label}`;
  const body: StreamedBody = fileRangeBody(file, start, length, label);
  const response = await context.transport.send(
    { method: 'PUT', url, body, what, authenticate: false, signal, onBodyProgress: onSent },
    refusalFor(url, capitalise(what), context),
  );
  context.tally.bytes += length;
  return response;
}

/** The completion of a multipart upload: a signed URL (no token, as both Hub clients send it). */
async function complete(upload: MultipartState, context: TransferContext, signal: AbortSignal): Promise<void> {
  const what = `the completion of the multipart upload of ${upload.file.pathInRepo}`;
  const url = upload.instruction.completion;
  await context.transport.send(
    {
      method: 'POST',
      url,
      headers: { Accept: LFS_JSON, 'Content-Type': LFS_JSON },
      body: JSON.stringify({
        oid: upload.oid,
        parts: upload.etags.map((etag, index) => ({ partNumber: index + 1, etag })),
      }),
      what,
      authenticate: false,
      processingMs: PROCESSING_MS.slow,
      signal,
    },
    refusalFor(url, capitalise(what), context),
  );
}

/** The verify call the hub may ask for (with the token when it is on the hub, as huggingface_hub does). */
async function verify(
  url: URL,
  file: LargeFile,
  oid: string,
  context: TransferContext,
  signal: AbortSignal,
): Promise<void> {
  const what = `the verification of ${file.pathInRepo} in the Hub's storage`;
  await context.transport.send(
    {
      method: 'POST',
      url,
      headers: { Accept: LFS_JSON, 'Content-Type': LFS_JSON },
      body: JSON.stringify({ oid, size: file.size }),
      what,
      processingMs: PROCESSING_MS.quick,
      signal,
    },
    refusalFor(url, capitalise(what), context),
  );
}

function refusalFor(url: URL, what: string, context: TransferContext): (response: HttpResponse) => RemoteError {
  return context.transport.isHub(url)
    ? context.batch.refusal(what)
    : (answer) => storageRefusal(answer, what, url.host);
}
