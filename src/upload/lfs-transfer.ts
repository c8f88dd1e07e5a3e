// The transfer of large files, the action's own code from end to end: sha256 of each file, the LFS
// batch call (lfs-batch.ts), then each object's bytes to the storage host (one PUT, or its parts and
// a completion) and the verify call when the hub asks for one (lfs-upload.ts). Three stages run at once, so that hashing overlaps
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

import { Channel } from './channel.js';
import { requestBatch, type BatchContext } from './lfs-batch.js';
import { runJob, type UploadJob } from './lfs-upload.js';
import { digestFile, type LocalFile } from './local-file.js';
import { forEachConcurrently } from './pool.js';
import type { UploadProgress } from './progress.js';
import type { UploadTransport } from './transport.js';

const HASH_WORKERS = 2;
const UPLOAD_WORKERS = 4;
/** Objects per batch call, at most (huggingface_hub sends 256; a smaller batch starts uploading sooner). */
const BATCH_OBJECTS = 100;
/** A batch call is made once this much has been hashed since the last one (or hashing is over). */
const BATCH_BYTES = 32 * 1024 * 1024;

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
