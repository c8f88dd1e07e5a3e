// Reading a planned file (src/upload/planned-file.ts) and every reader built on it: the file is
// read only while it is still the one planned (device, inode, size), never through a symlink put
// in its place, never another file of the same size, never a FIFO (which would block the open).
// Real files in a temporary directory; the swaps are what a step racing the upload could do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import { DiskBlob } from '../../src/upload/disk-blob.js';
import { gitBlobSha1OfFile } from '../../src/upload/hub-api.js';
import { openPlannedFile, readPlannedFile, type PlannedSource } from '../../src/upload/planned-file.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'planned-file-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function plan(name: string, content: string): PlannedSource {
  const localPath = join(folder, name);
  writeFileSync(localPath, content);
  const stats = statSync(localPath, { bigint: true });
  return {
    pathInRepo: `models/${name}`,
    localPath,
    size: Number(stats.size),
    identity: { device: stats.dev, inode: stats.ino },
  };
}

/** Replaces `file` by `replacement` atomically (a rename), as a racing step would. */
function swap(file: PlannedSource, replace: (path: string) => void): void {
  const staged = `${file.localPath}.staged`;
  replace(staged);
  renameSync(staged, file.localPath);
}

async function refusal(read: () => Promise<unknown>): Promise<string> {
  const error: unknown = await read().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).code).toBe('LOCAL_FILE');
  return (error as ActionError).message;
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return Buffer.from(await new Response(stream).arrayBuffer()).toString('utf8');
}

describe('a planned file', () => {
  it('reads the planned bytes, through every reader, while the file is unchanged', async () => {
    const file = plan('a.txt', 'hello world');
    expect((await readPlannedFile(file)).toString()).toBe('hello world');
    const blob = new DiskBlob(file, 0, file.size);
    expect(await text(blob.stream())).toBe('hello world');
    expect(await blob.slice(6).text()).toBe('world');
    const chunks: Buffer[] = [];
    for await (const chunk of blob.slice(0, 5).openStream() as AsyncIterable<Buffer>) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString()).toBe('hello');
    expect(await gitBlobSha1OfFile(file)).toBe('95d09f2b10159347eece71399a7e2e907ea3df4f');
  });

  it('refuses a same-size symlink to another file put in its place, in every reader', async () => {
    const file = plan('a.txt', 'hello world');
    writeFileSync(join(folder, 'secret'), 'SECRET!!!!!');
    swap(file, (staged) => symlinkSync(join(folder, 'secret'), staged));
    const expected = 'The workflow changed "models/a.txt" during the upload (it is now a symlink)';
    expect(await refusal(() => readPlannedFile(file))).toContain(expected);
    expect(await refusal(() => openPlannedFile(file))).toContain(expected);
    const blob = new DiskBlob(file, 0, file.size);
    expect(await refusal(() => blob.arrayBuffer())).toContain(expected);
    expect(await refusal(() => text(blob.stream()))).toContain(expected);
    expect(
      await refusal(async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of blob.openStream() as AsyncIterable<Buffer>) chunks.push(chunk);
        return chunks;
      }),
    ).toContain(expected);
    expect(await refusal(() => gitBlobSha1OfFile(file))).toContain(expected);
  });

  it('refuses another file of the same size, a file of another size, a FIFO, a file that is gone', async () => {
    const file = plan('a.txt', 'hello world');
    swap(file, (staged) => writeFileSync(staged, 'HELLO WORLD'));
    expect(await refusal(() => readPlannedFile(file))).toContain('(it is now another file)');

    const grown = plan('b.txt', 'abc');
    writeFileSync(grown.localPath, 'abcdef');
    expect(await refusal(() => readPlannedFile(grown))).toContain('(it is now 6 bytes, not the 3 planned)');

    const pipe = plan('c.txt', 'abc');
    swap(pipe, (staged) => execFileSync('mkfifo', [staged]));
    expect(await refusal(() => readPlannedFile(pipe))).toContain('(it is no longer a regular file)');

    const gone = plan('d.txt', 'abc');
    rmSync(gone.localPath);
    expect(await refusal(() => readPlannedFile(gone))).toContain('(it is gone)');
  });
});
