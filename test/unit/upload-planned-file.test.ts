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
import { digestFile, fileRangeBody, readWholeFile } from '../../src/upload/local-file.js';
import { openPlannedFile, type PlannedSource } from '../../src/upload/planned-file.js';

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

async function text(stream: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** What an LFS upload's body reads: a range of the file, as a stream. */
const range = (file: PlannedSource, start: number, length: number): AsyncIterable<Buffer> =>
  fileRangeBody(file, start, length, file.pathInRepo).open() as AsyncIterable<Buffer>;

describe('a planned file', () => {
  it('reads the planned bytes, through every reader, while the file is unchanged', async () => {
    const file = plan('a.txt', 'hello world');
    expect((await readWholeFile(file)).toString()).toBe('hello world');
    expect(await text(range(file, 6, 5))).toBe('world');
    expect((await digestFile(file, { gitSha1: true })).gitSha1).toBe('95d09f2b10159347eece71399a7e2e907ea3df4f');
    // Larger than the synchronous reads' limit (64 KiB): the asynchronous path.
    const big = plan('big.txt', 'x'.repeat(100 * 1024));
    expect((await readWholeFile(big)).length).toBe(100 * 1024);
  });

  it('refuses a same-size symlink to another file put in its place, in every reader', async () => {
    const file = plan('a.txt', 'hello world');
    writeFileSync(join(folder, 'secret'), 'SECRET!!!!!');
    swap(file, (staged) => symlinkSync(join(folder, 'secret'), staged));
    const expected = 'The workflow changed "models/a.txt" during the upload (it is now a symlink)';
    expect(await refusal(() => openPlannedFile(file))).toContain(expected);
    expect(await refusal(() => readWholeFile(file))).toContain(expected);
    expect(await refusal(() => text(range(file, 0, file.size)))).toContain(expected);
    expect(await refusal(() => digestFile(file, { gitSha1: true, sha256: true }))).toContain(expected);
    const big = plan('big.txt', 'x'.repeat(100 * 1024));
    writeFileSync(join(folder, 'big-secret'), 'S'.repeat(100 * 1024));
    swap(big, (staged) => symlinkSync(join(folder, 'big-secret'), staged));
    expect(await refusal(() => readWholeFile(big))).toContain('(it is now a symlink)');
  });

  it('refuses another file of the same size, a file of another size, a FIFO, a file that is gone', async () => {
    const file = plan('a.txt', 'hello world');
    swap(file, (staged) => writeFileSync(staged, 'HELLO WORLD'));
    expect(await refusal(() => readWholeFile(file))).toContain('(it is now another file)');

    const grown = plan('b.txt', 'abc');
    writeFileSync(grown.localPath, 'abcdef');
    expect(await refusal(() => readWholeFile(grown))).toContain('(it is now 6 bytes, not the 3 planned)');

    const pipe = plan('c.txt', 'abc');
    swap(pipe, (staged) => execFileSync('mkfifo', [staged]));
    expect(await refusal(() => readWholeFile(pipe))).toContain('(it is no longer a regular file)');

    const gone = plan('d.txt', 'abc');
    rmSync(gone.localPath);
    expect(await refusal(() => readWholeFile(gone))).toContain('(it is gone)');
  });
});
