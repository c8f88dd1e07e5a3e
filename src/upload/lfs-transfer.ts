// The transfer of large files, the action's own code from end to end: sha256 of each file, the LFS
// batch call, then each object's bytes to the storage host (one PUT, or its parts and a completion),
// and the verify call when the hub asks for one. Three stages run at once, so that hashing overlaps
// uploading: files are hashed two at a time; each batch call takes whatever has been hashed since
// the last one once it adds up to 32 MiB or 100 objects (or hashing is over); objects (or parts)
// go out four at a time.
//
// Why not @huggingface/hub's commit() for this step: it hashes files under 10 MB whole in memory
// with crypto.subtle, and alternates hashing and uploading in rounds of 100 files, so the 200 × 5 MiB
// shape took 1.52× the streaming floor (BENCHMARKS.md); and it offers Xet first (lfs-batch.ts).
//
// Rules: storage hosts never receive the Hub token (only a verify call on the hub does, as
// huggingface_hub sends it); every request has the action's retries and inactivity limit
// (transport.ts); a file already in the repository with the same sha256 is not sent, nor listed in
// the commit; one failure stops every request in flight at once.

import { RemoteError } from '../errors.js';
import type { HttpResponse, StreamedBody } from '../http/request.js';
import { createReadStream } from 'node:fs';
import { Channel } from './channel.js';
import { requestBatch, type BatchContext, type LfsInstruction } from './lfs-batch.js';
import { digestFile, type LocalFile } from './local-file.js';
import { forEachConcurrently } from './pool.js';
import type { UploadProgress } from './progress.js';
import { storageRefusal } from './refusals.js';
import { capitalise, PROCESSING_MS, type UploadTransport } from './transport.js';

const HASH_WORKERS = 2;
const UPLOAD_WORKERS = 4;
/** Objects per batch call, at most (huggingface_hub sends 256; a smaller batch starts uploading sooner). */
const BATCH_OBJECTS = 100;
/** A batch call is made once this much has been hashed since the last one (or hashing is over). */
const BATCH_BYTES = 32 * 1024 * 1024;
const LFS_JSON = 'application/vnd.git-lfs+json';

/** A large file, with the oid the repository holds at its path (if any), from the preupload. */
export interface LargeFile extends LocalFile {
  readonly remoteOid: string | undefined;
}

export interface LargeFileResult {
  readonly file: LargeFile;
  readonly oid: string;
  /** The repository already holds this content at this path: not sent, not in the commit. */
  readonly unchanged: boolean;
}

/** What crossed to the storage host, for "did anything reach the Hub?" after a failure. */
export interface StorageTally {
  objects: number;
  bytes: number;
}

export interface TransferContext {
  readonly transport: UploadTransport;
  readonly batch: Omit<BatchContext, 'signal'>;
  readonly progress: UploadProgress;
  readonly tally: StorageTally;
}

type UploadJob =
  | { readonly kind: 'object'; readonly file: LargeFile; readonly oid: string; readonly instruction: LfsInstruction }
  | { readonly kind: 'part'; readonly upload: MultipartState; readonly index: number };

interface MultipartState {
  readonly file: LargeFile;
  readonly oid: string;
  readonly instruction: Extract<LfsInstruction, { kind: 'multipart' }>;
  readonly etags: string[];
  readonly sent: number[];
  remaining: number;
}

/** Hashes, compares and sends `files`; returns each file's oid and whether it was unchanged. */
export async function transferLargeFiles(
  files: readonly LargeFile[],
  context: TransferContext,
): Promise<LargeFileResult[]> {
  const results: LargeFileResult[] = [];
  const hashed = new Channel<{ file: LargeFile; oid: string }>();
  const jobs = new Channel<UploadJob>();
  const stop = new AbortController();
  const onFailure = (error: unknown): never => {
    stop.abort(error);
    hashed.close();
    jobs.close();
    throw error;
  };

  const hashing = forEachConcurrently(
    files,
    HASH_WORKERS,
    async (file) => {
      const report = (progress: number, state: 'hashing' | 'uploading'): void =>
        context.progress.onEvent({ event: 'fileProgress', path: file.pathInRepo, progress, state });
      const { sha256 = '' } = await digestFile(file, { sha256: true }, (bytes) => {
        // A failure elsewhere stops a long hash too.
        if (stop.signal.aborted) throw stop.signal.reason;
        report(bytes / Math.max(1, file.size), 'hashing');
      });
      const unchanged = sha256 === file.remoteOid;
      results.push({ file, oid: sha256, unchanged });
      if (unchanged) report(1, 'uploading');
      else hashed.push({ file, oid: sha256 });
    },
    stop.signal,
  ).then(() => hashed.close(), onFailure);

  const batching = (async () => {
    const enough = (queued: ReadonlyArray<{ file: LargeFile }>): boolean =>
      queued.length >= BATCH_OBJECTS || queued.reduce((sum, { file }) => sum + file.size, 0) >= BATCH_BYTES;
    for (;;) {
      const group = await hashed.take(BATCH_OBJECTS, enough);
      if (group.length === 0) break;
      const instructions = await requestBatch(
        group.map(({ file, oid }) => ({ oid, size: file.size })),
        { ...context.batch, signal: stop.signal },
      );
      group.forEach(({ file, oid }, index) => {
        const instruction = instructions[index] ?? { kind: 'stored' };
        if (instruction.kind !== 'multipart') {
          jobs.push({ kind: 'object', file, oid, instruction });
          return;
        }
        const parts = instruction.partUrls.length;
        const upload = { file, oid, instruction, etags: [], sent: Array<number>(parts).fill(0), remaining: parts };
        for (let part = 0; part < parts; part++) jobs.push({ kind: 'part', upload, index: part });
      });
    }
  })().then(() => jobs.close(), onFailure);

  const sending = forEachConcurrently(
    jobs,
    UPLOAD_WORKERS,
    (job, signal) => runJob(job, context, signal),
    stop.signal,
  ).catch(onFailure);

  const outcomes = await Promise.allSettled([hashing, batching, sending]);
  const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
  // The first failure is the one that stopped the rest; the others are mostly its echo (aborted requests).
  if (failures.length > 0 || stop.signal.aborted) throw stop.signal.reason ?? failures[0];
  return results;
}

async function runJob(job: UploadJob, context: TransferContext, signal: AbortSignal): Promise<void> {
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
  const body: StreamedBody = {
    length,
    description: label,
    file: { path: file.localPath, start },
    open: () => createReadStream(file.localPath, { start, end: start + length - 1 }),
  };
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
