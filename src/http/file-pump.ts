// A range of a file written to a request with back-pressure and two reused buffers: a 10 GB upload
// allocates 2 MiB instead of 10 GB of short-lived buffers (whose garbage collection costs CPU the
// upload needs), and no more is read than the socket has taken.

import type { FileHandle } from 'node:fs/promises';
import type { Writable } from 'node:stream';

/** Bytes read from a file per write to the socket (two such buffers per request). */
export const FILE_CHUNK_BYTES = 1024 * 1024;

/**
 * Writes `length` bytes of a file from `start` to `outgoing`, reading into two buffers in turn:
 * a buffer is refilled only once the socket has taken the bytes it held (its write callback), so
 * at most two chunks are in memory and nothing else is allocated. Stops early when the request
 * settles (`stopped`), or when the file ends early (the caller then sees too few bytes).
 */
export async function pumpFile(
  file: { open(): Promise<FileHandle>; readonly start: number },
  length: number,
  outgoing: Writable,
  onChunk: (bytes: number) => void,
  stopped: Promise<void>,
  isStopped: () => boolean,
): Promise<void> {
  const handle = await file.open();
  try {
    const size = Math.max(1, Math.min(FILE_CHUNK_BYTES, length));
    const buffers = [Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size)] as const;
    const taken: [Promise<void>, Promise<void>] = [Promise.resolve(), Promise.resolve()];
    let position = file.start;
    let remaining = length;
    for (let turn: 0 | 1 = 0; remaining > 0; turn = turn === 0 ? 1 : 0) {
      await Promise.race([taken[turn], stopped]);
      if (isStopped()) return;
      const buffer = buffers[turn];
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, remaining), position);
      if (bytesRead === 0 || isStopped()) return;
      position += bytesRead;
      remaining -= bytesRead;
      // Errors reach the request's 'error' listener; the callback only says the buffer is free.
      taken[turn] = new Promise((resolve) => outgoing.write(buffer.subarray(0, bytesRead), () => resolve()));
      onChunk(bytesRead);
    }
    await Promise.race([Promise.all(taken), stopped]);
  } finally {
    await handle.close();
  }
}
