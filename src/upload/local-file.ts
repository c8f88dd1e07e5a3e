// Reading the content of planned files whole or in chunks (hashing, the bytes of an inline file; the
// PUT of an LFS object streams the same file through http/request.ts). Every file is opened through
// planned-file.ts (no link followed, the planned device, inode and size checked), and every read
// checks the size again: a file that changed since it was planned is the workflow's to fix, and the
// error says so (code LOCAL_FILE), never "the library failed".
//
// Speed: a small file is read whole in one read (a 4 KiB file costs one open, one read, one close:
// no stream, no 768 KiB buffer), and a very small one synchronously: each asynchronous call is a
// round trip through libuv's thread pool that costs more than reading 4 KiB, and 10,000 files make
// 30,000 of them. A large file goes through one reused buffer. Each byte read for hashing
// feeds every digest asked for in the same pass (git blob sha1 and sha256), so no byte is read twice
// to compare with the repository.

import { createHash, type Hash } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { ActionError } from '../errors.js';
import { changed, openPlannedFile, openPlannedFileSync, type PlannedSource } from './planned-file.js';

/** Files up to this size are read whole, in one read. */
export const WHOLE_READ_BYTES = 4 * 1024 * 1024;
/** Files up to this size are read synchronously (the read costs less than a thread-pool round trip). */
const SYNC_READ_BYTES = 64 * 1024;
/** The buffer a larger file is hashed through, reused for every read of that file. */
const HASH_CHUNK_BYTES = 4 * 1024 * 1024;

/** A file of the plan: where it is on disk, what it is called, its size and identity when planned. */
export type LocalFile = PlannedSource;

export interface FileDigests {
  /** The git blob id (sha1 of `blob <size>\0` and the bytes): a regular file's oid on the Hub. */
  readonly gitSha1?: string;
  /** sha256 of the bytes: an LFS file's oid. */
  readonly sha256?: string;
}

/** The digests asked for, in one read of the file. `onBytes` is told how many bytes have been hashed so far. */
export async function digestFile(
  file: LocalFile,
  wanted: { readonly gitSha1?: boolean; readonly sha256?: boolean },
  onBytes?: (hashed: number) => void,
): Promise<FileDigests> {
  const hashes: Hash[] = [];
  const sha1 = wanted.gitSha1 ? createHash('sha1').update(`blob ${file.size}\0`) : undefined;
  const sha256 = wanted.sha256 ? createHash('sha256') : undefined;
  if (sha1) hashes.push(sha1);
  if (sha256) hashes.push(sha256);
  if (file.size <= WHOLE_READ_BYTES) {
    const bytes = await readWholeFile(file);
    for (const hash of hashes) hash.update(bytes);
    onBytes?.(bytes.length);
  } else {
    await forEachChunk(file, (chunk, hashed) => {
      for (const hash of hashes) hash.update(chunk);
      onBytes?.(hashed);
    });
  }
  return {
    ...(sha1 ? { gitSha1: sha1.digest('hex') } : {}),
    ...(sha256 ? { sha256: sha256.digest('hex') } : {}),
  };
}

/** The whole file, in one read into a buffer of exactly the planned size. */
export async function readWholeFile(file: LocalFile): Promise<Buffer> {
  if (file.size <= SYNC_READ_BYTES) return readSmallFile(file);
  const handle = await openPlannedFile(file);
  try {
    // One byte more than planned: a file that grew since shows in the same read.
    const buffer = Buffer.allocUnsafe(file.size + 1);
    let read = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
      if (read >= file.size) break;
    }
    if (read !== file.size) throw changedSize(file, read);
    return buffer.subarray(0, file.size);
  } finally {
    await handle.close();
  }
}

/** readWholeFile for a small file, synchronously: one open, one read (of one byte more), one close. */
function readSmallFile(file: LocalFile): Buffer {
  const descriptor = openPlannedFileSync(file);
  try {
    const buffer = Buffer.allocUnsafe(file.size + 1);
    let read = 0;
    for (;;) {
      const bytesRead = readSync(descriptor, buffer, read, buffer.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
      if (read >= file.size) break;
    }
    if (read !== file.size) throw changedSize(file, read);
    return buffer.subarray(0, file.size);
  } finally {
    closeSync(descriptor);
  }
}

/** Calls `onChunk` with each chunk of the file (the same buffer, refilled: use it before returning). */
async function forEachChunk(file: LocalFile, onChunk: (chunk: Buffer, readSoFar: number) => void): Promise<void> {
  const handle = await openPlannedFile(file);
  try {
    const buffer = Buffer.allocUnsafe(Math.min(HASH_CHUNK_BYTES, Math.max(1, file.size)));
    let position = 0;
    while (position < file.size) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, file.size - position), position);
      if (bytesRead === 0) throw changedSize(file, position);
      position += bytesRead;
      onChunk(buffer.subarray(0, bytesRead), position);
    }
    const { bytesRead } = await handle.read(buffer, 0, 1, file.size);
    if (bytesRead !== 0) throw changedSize(file, file.size + bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * A range of a file as a request body: `file` for http/request.ts's pump (two reused buffers), and
 * `open()` as a stream for any other sender; both open the file through planned-file.ts.
 */
export function fileRangeBody(
  file: LocalFile,
  start: number,
  length: number,
  description: string,
): {
  length: number;
  description: string;
  file: { open(): ReturnType<typeof openPlannedFile>; start: number };
  open(): Readable;
} {
  return {
    length,
    description,
    file: { open: () => openPlannedFile(file), start },
    open: () => Readable.from(chunksOf(file, start, length), { objectMode: false }),
  };
}

async function* chunksOf(file: LocalFile, start: number, length: number): AsyncGenerator<Buffer> {
  const handle = await openPlannedFile(file);
  try {
    for (let position = start; position < start + length;) {
      const buffer = Buffer.allocUnsafe(Math.min(HASH_CHUNK_BYTES, start + length - position));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) throw changedSize(file, position);
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** A file that is not the size it was when planned: the workflow changed it during the upload. */
export function changedSize(file: LocalFile, seen: number): ActionError {
  return changed(file, `${seen > file.size ? 'more' : 'fewer'} bytes than the ${file.size} planned were read`);
}
