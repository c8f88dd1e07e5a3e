// The body of the commit request (NDJSON: a header line, then one line per operation), streamed:
// @huggingface/hub builds it whole in memory with every regular file base64-encoded (88 MiB of
// small files cost about 830 MB of RSS), so the action sends it itself. Each regular file is read
// from disk and base64-encoded only when its line is being sent, in chunks, so memory stays flat
// whatever the files' sizes and number. Its exact length is known in advance (a Content-Length,
// which every proxy and load balancer accepts), and a file that changed since it was planned fails
// the request instead of corrupting it: each file is read through openPlannedFile (planned-file.ts).

import { Readable } from 'node:stream';
import type { StreamedBody } from '../http/request.js';
import { changed, openPlannedFile, type PlannedSource } from './planned-file.js';

/** A multiple of 3, so that every chunk but the last encodes to base64 without padding. */
const ENCODE_CHUNK_BYTES = 3 * 256 * 1024;

/** A regular file sent inline, base64-encoded, in a `file` line. */
export type InlineFile = PlannedSource;

type Part = { readonly text: Buffer } | { readonly file: InlineFile; readonly before: Buffer; readonly after: Buffer };

/** The NDJSON body: `lines` (JSON texts, sent as they are), then one `file` line per inline file. */
export function commitBody(lines: readonly string[], inlineFiles: readonly InlineFile[]): StreamedBody {
  const parts: Part[] = lines.map((line) => ({ text: Buffer.from(`${line}\n`, 'utf8') }));
  for (const file of inlineFiles) {
    // The line is {"key":"file","value":{"content":"<base64>","path":"…","encoding":"base64"}}.
    parts.push({
      file,
      before: Buffer.from('{"key":"file","value":{"content":"', 'utf8'),
      after: Buffer.from(`","path":${JSON.stringify(file.pathInRepo)},"encoding":"base64"}}\n`, 'utf8'),
    });
  }
  const length = parts.reduce(
    (sum, part) =>
      sum + ('text' in part ? part.text.length : part.before.length + base64Length(part.file.size) + part.after.length),
    0,
  );
  return {
    length,
    description: 'the commit request body',
    open: () => Readable.from(generate(parts), { objectMode: false }),
  };
}

/** The length of the base64 encoding of `size` bytes (with padding). */
export function base64Length(size: number): number {
  return 4 * Math.ceil(size / 3);
}

async function* generate(parts: readonly Part[]): AsyncGenerator<Buffer> {
  for (const part of parts) {
    if ('text' in part) {
      yield part.text;
      continue;
    }
    yield part.before;
    yield* encodeFile(part.file);
    yield part.after;
  }
}

/** The base64 of a file, in chunks; throws when the file is not the one planned, or not its size. */
async function* encodeFile(file: InlineFile): AsyncGenerator<Buffer> {
  if (file.size === 0) return;
  const handle = await openPlannedFile(file);
  let carry: Buffer = Buffer.alloc(0);
  let read = 0;
  try {
    for (;;) {
      // What is left, plus one byte to notice a file that grew; never more than a chunk.
      const buffer = Buffer.allocUnsafe(Math.min(ENCODE_CHUNK_BYTES, file.size - read + 1));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, read);
      if (bytesRead === 0) break;
      read += bytesRead;
      if (read > file.size) break;
      const chunk = buffer.subarray(0, bytesRead);
      const bytes = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      const whole = bytes.length - (bytes.length % 3);
      if (whole > 0) yield Buffer.from(bytes.subarray(0, whole).toString('base64'), 'latin1');
      carry = Buffer.from(bytes.subarray(whole));
    }
  } finally {
    await handle.close();
  }
  if (read !== file.size) {
    throw changed(file, `${read > file.size ? 'more' : 'fewer'} bytes than the ${file.size} planned`);
  }
  if (carry.length > 0) yield Buffer.from(carry.toString('base64'), 'latin1');
}
