// A planned file as a Blob, read only when asked and only the range asked: what @huggingface/hub
// gets for each file it hashes and uploads, so that a 10 GB file is streamed, never held. The
// action's fetch (library-fetch.ts) recognises these blobs and streams them from disk (re-opened for
// a retry), and the library's hashing reads them through `stream()`. Every read opens the file
// through openPlannedFile (planned-file.ts): the planned file or nothing.

import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { openPlannedFile, type PlannedSource } from './planned-file.js';

/** Reads in 1 MiB chunks: fewer, larger writes to the socket and the hash. */
const READ_CHUNK_BYTES = 1024 * 1024;

export class DiskBlob extends Blob {
  /** An own property: it shadows the native accessor, which would report the empty parent's 0. */
  override readonly size: number;
  readonly #start: number;
  readonly #end: number;

  /** `end` is exclusive; a whole file is `new DiskBlob(file, 0, file.size)`. */
  constructor(
    /** The file the plan chose; slices keep it. */
    readonly file: PlannedSource,
    start: number,
    end: number,
  ) {
    super([]);
    this.#start = start;
    this.#end = end;
    this.size = end - start;
  }

  /** What the blob is, for messages: its path in the repository. */
  get label(): string {
    return this.file.pathInRepo;
  }

  /** Where the blob starts in the file. */
  get offset(): number {
    return this.#start;
  }

  override slice(start = 0, end: number = this.size): DiskBlob {
    const from = Math.max(0, Math.min(this.size, start < 0 ? this.size + start : start));
    const to = Math.max(from, Math.min(this.size, end < 0 ? this.size + end : end));
    return new DiskBlob(this.file, this.#start + from, this.#start + to);
  }

  /** The bytes as a Node stream (what the action's fetch sends). */
  openStream(): Readable {
    if (this.size === 0) return Readable.from([]);
    return Readable.from(this.#chunks(), { objectMode: false });
  }

  async *#chunks(): AsyncGenerator<Buffer> {
    const file = await openPlannedFile(this.file);
    try {
      for (let position = this.#start; position < this.#end;) {
        const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, this.#end - position));
        const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) throw new Error(`${this.label} is shorter than when it was measured`);
        position += bytesRead;
        yield buffer.subarray(0, bytesRead);
      }
    } finally {
      await file.close();
    }
  }

  /**
   * The bytes as a web stream (what the library's sha256 reads), pulled straight from the file one
   * chunk at a time: no Node stream adapted to a web stream in between, which costs a third more
   * CPU and garbage collection on a large file.
   */
  override stream(): ReturnType<Blob['stream']> {
    const planned = this.file;
    const end = this.#end;
    let position = this.#start;
    let file: FileHandle | undefined;
    const close = async (): Promise<void> => {
      const opened = file;
      file = undefined;
      await opened?.close();
    };
    return new ReadableStream<Uint8Array<ArrayBuffer>>(
      {
        pull: async (controller) => {
          if (position >= end) {
            await close();
            controller.close();
            return;
          }
          file ??= await openPlannedFile(planned);
          const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, end - position));
          const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
          if (bytesRead === 0) {
            await close();
            controller.error(new Error(`${planned.pathInRepo} is shorter than when it was measured`));
            return;
          }
          position += bytesRead;
          controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
        },
        cancel: close,
      },
      { highWaterMark: 1 },
    );
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytesRead();
    // bytesRead() reads into a buffer of its own (not a slice of Node's pool): hand its memory over.
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  override async text(): Promise<string> {
    return Buffer.from(await this.bytesRead()).toString('utf8');
  }

  async bytesRead(): Promise<Buffer> {
    const file = await openPlannedFile(this.file);
    try {
      const buffer = Buffer.allocUnsafeSlow(this.size);
      let read = 0;
      while (read < buffer.length) {
        const { bytesRead } = await file.read(buffer, read, buffer.length - read, this.#start + read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return read === buffer.length ? buffer : buffer.subarray(0, read);
    } finally {
      await file.close();
    }
  }
}
