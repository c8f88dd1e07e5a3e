// Reading a file the plan (plan.ts) chose, and only that file: every read of upload content (the
// preupload sample, the git blob id, the hashes, the LFS upload, the commit's inline files) opens it
// here, through one descriptor opened without following a link, and checked against what was planned.
// Between planning and reading (minutes, with a 503 and its Retry-After in between) the workflow, or
// code it runs, can replace a planned file by a symlink to a runner file or by another file of the
// same size; reopening by name would then publish that. Here:
// - the last path component is opened with O_NOFOLLOW, so a symlink put in the file's place fails to
//   open (ELOOP) instead of being followed;
// - the opened descriptor's fstat must show the planned device, inode and size, so a file swapped
//   for another (or a parent folder swapped for a link, which O_NOFOLLOW does not cover) is refused;
// - O_NONBLOCK, so that a FIFO swapped in cannot block the open; fstat then refuses it.
// Windows has neither flag (Node's constants are undefined there): the open follows a link, and the
// fstat check (the file index Node reports as the inode, and the volume as the device) refuses it.
// What a reader gets is a FileHandle: read it (read, readFile, createReadStream), then close it; or,
// for a small file, a descriptor from openPlannedFileSync (read it with readSync, then closeSync):
// for a few KiB, each asynchronous call costs a thread-pool round trip worth more than the read.

import { closeSync, constants, fstatSync, openSync, type BigIntStats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { ActionError } from '../errors.js';
import { quoteForMessage } from '../runner/sanitize.js';

/** Which file it was when it was planned: fstat of what is opened later must say the same. */
export interface FileIdentity {
  readonly device: bigint;
  readonly inode: bigint;
}

/** A file the plan chose: where to read it, what it must still be, and where it goes. */
export interface PlannedSource {
  /** Where it goes in the repository, `/`-separated: what messages name. */
  readonly pathInRepo: string;
  /** The real path to open (for a symlink in the folder, its target's real path). */
  readonly localPath: string;
  /** Its size when planned. */
  readonly size: number;
  readonly identity: FileIdentity;
}

/** Node's types declare every flag; on Windows the two extra ones are undefined, hence Partial. */
const flags: Partial<typeof constants> = constants;
const OPEN_FLAGS = constants.O_RDONLY | (flags.O_NOFOLLOW ?? 0) | (flags.O_NONBLOCK ?? 0);

const CHANGED_HINT =
  'Do not change the files to upload while the action runs: start the upload after the step that writes ' +
  'them, and make sure nothing else in the job writes to the folder meanwhile.';

/**
 * Opens a planned file for reading, checked against the plan: throws an ActionError (code
 * LOCAL_FILE) saying the workflow changed the file when it is now a link, another file or another
 * size. The caller closes the handle.
 */
export async function openPlannedFile(file: PlannedSource): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(file.localPath, OPEN_FLAGS);
  } catch (error: unknown) {
    throw openFailure(file, error);
  }
  try {
    const why = differences(file, await handle.stat({ bigint: true }));
    if (why !== undefined) throw changed(file, why);
    return handle;
  } catch (error: unknown) {
    await handle.close();
    throw error;
  }
}

/** openPlannedFile, synchronously, for small files: a descriptor the caller closes with closeSync. */
export function openPlannedFileSync(file: PlannedSource): number {
  let descriptor: number;
  try {
    descriptor = openSync(file.localPath, OPEN_FLAGS);
  } catch (error: unknown) {
    throw openFailure(file, error);
  }
  try {
    const why = differences(file, fstatSync(descriptor, { bigint: true }));
    if (why !== undefined) throw changed(file, why);
    return descriptor;
  } catch (error: unknown) {
    closeSync(descriptor);
    throw error;
  }
}

/** How what is open differs from what was planned, or undefined when it is the planned file. */
function differences(file: PlannedSource, now: BigIntStats): string | undefined {
  return !now.isFile()
    ? 'it is no longer a regular file'
    : now.dev !== file.identity.device || now.ino !== file.identity.inode
      ? 'it is now another file'
      : Number(now.size) !== file.size
        ? `it is now ${now.size} bytes, not the ${file.size} planned`
        : undefined;
}

/** Why a planned file could not be opened: changed by the workflow (a link now, gone), or unreadable. */
function openFailure(file: PlannedSource, error: unknown): ActionError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // ELOOP (Linux, macOS) or EMLINK (FreeBSD): the last component is now a symlink.
  if (code === 'ELOOP' || code === 'EMLINK') return changed(file, 'it is now a symlink', error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return changed(file, 'it is gone', error);
  return new ActionError(`Could not read ${quoteForMessage(file.pathInRepo)} to upload it: ${code ?? 'unreadable'}.`, {
    code: 'LOCAL_FILE',
    cause: error,
    hint: 'Check the permissions of the files to upload.',
  });
}

/** The error for a file that is not what was planned any more. */
export function changed(file: PlannedSource, why: string, cause?: unknown): ActionError {
  return new ActionError(
    `The workflow changed ${quoteForMessage(file.pathInRepo)} during the upload (${why}): refused, so that ` +
      `only the files that were planned before the exchange are published.`,
    { code: 'LOCAL_FILE', hint: CHANGED_HINT, cause },
  );
}
