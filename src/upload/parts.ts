// How the changes of one upload are cut into commits. The Hub gives an API commit bounded server
// time and advises small ones; huggingface_hub's upload pipeline (`_upload_pipeline.py`) commits at
// most 1,000 files and 100 MiB of regular-file content (sent base64 inside the commit request) at a
// time. The action keeps those ceilings, and one commit whenever the changes fit in it: a release
// stays atomic unless it cannot be.
//
// The cut is made after the comparison with the repository, so unchanged files take no room, a
// re-run with nothing changed has no part at all, and a re-run after a failed part has only what is
// still missing. Files keep their path order, so parts are predictable from the folder.
//
// Deletions (`delete`) go last, into the last part: until the final commit lands the repository
// only gains files, so a run that fails half-way has removed nothing a reader relied on, and the
// re-run finishes the job. (huggingface_hub puts them in the first commit instead.) The exception is
// a deletion that must happen before an addition can: a file replaced by a folder of the same name
// or the other way round (`x` deleted, `x/y` added). Those go first, into the first part.

/** What a part may hold, at most. */
export interface PartLimits {
  /** Operations (added, changed or deleted files) per commit. */
  readonly maxOperations: number;
  /** Bytes of regular-file content (before base64) per commit. */
  readonly maxInlineBytes: number;
}

/** huggingface_hub's ceilings (`COMMIT_SIZE_SCALE`'s top, `REGULAR_CONTENT_BYTES_BUDGET`). */
export const HUB_PART_LIMITS: PartLimits = { maxOperations: 1000, maxInlineBytes: 100 * 1024 * 1024 };

/** A file to add or change: where it goes and how many bytes it is. */
export interface PartFile {
  readonly pathInRepo: string;
  readonly size: number;
}

/** The changes of an upload, or of one part of it. */
export interface Changes<Inline extends PartFile, Lfs extends PartFile> {
  /** Regular files, sent inside the commit request. */
  readonly inline: readonly Inline[];
  /** Files whose bytes go to LFS storage; the commit only names them. */
  readonly lfs: readonly Lfs[];
  /** Paths in the repository to delete. */
  readonly deletions: readonly string[];
}

type Operation<Inline, Lfs> =
  | { readonly kind: 'inline'; readonly path: string; readonly bytes: number; readonly file: Inline }
  | { readonly kind: 'lfs'; readonly path: string; readonly file: Lfs }
  | { readonly kind: 'delete'; readonly path: string };

/**
 * The changes as consecutive commits, each within `limits`: none when there is nothing to change,
 * one when everything fits. A single file larger than the inline budget gets a part of its own.
 */
export function splitIntoParts<Inline extends PartFile, Lfs extends PartFile>(
  changes: Changes<Inline, Lfs>,
  limits: PartLimits = HUB_PART_LIMITS,
): Array<Changes<Inline, Lfs>> {
  const additions: Array<Operation<Inline, Lfs>> = [
    ...changes.inline.map((file) => ({ kind: 'inline' as const, path: file.pathInRepo, bytes: file.size, file })),
    ...changes.lfs.map((file) => ({ kind: 'lfs' as const, path: file.pathInRepo, file })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const added = new Set(additions.map((operation) => operation.path));
  const addedFolders = new Set([...added].flatMap(folders));
  // `x` deleted while `x/y` is added, or `x/y` deleted while `x` is added: git cannot hold both.
  const blocks = (path: string): boolean => addedFolders.has(path) || folders(path).some((folder) => added.has(folder));
  const blocking = changes.deletions.filter(blocks);
  const deferred = changes.deletions.filter((path) => !blocks(path));
  const sequence: Array<Operation<Inline, Lfs>> = [
    ...blocking.map((path) => ({ kind: 'delete' as const, path })),
    ...additions,
    ...deferred.map((path) => ({ kind: 'delete' as const, path })),
  ];

  const parts: Array<Array<Operation<Inline, Lfs>>> = [];
  let current: Array<Operation<Inline, Lfs>> = [];
  let inlineBytes = 0;
  for (const operation of sequence) {
    const bytes = operation.kind === 'inline' ? operation.bytes : 0;
    const full = current.length + 1 > limits.maxOperations || inlineBytes + bytes > limits.maxInlineBytes;
    if (full && current.length > 0) {
      parts.push(current);
      current = [];
      inlineBytes = 0;
    }
    current.push(operation);
    inlineBytes += bytes;
  }
  if (current.length > 0) parts.push(current);
  return parts.map((operations) => ({
    inline: operations.flatMap((operation) => (operation.kind === 'inline' ? [operation.file] : [])),
    lfs: operations.flatMap((operation) => (operation.kind === 'lfs' ? [operation.file] : [])),
    deletions: operations.flatMap((operation) => (operation.kind === 'delete' ? [operation.path] : [])),
  }));
}

/** The folders above a path: `a/b/c` → `a`, `a/b`. */
function folders(path: string): string[] {
  const segments = path.split('/');
  return segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join('/'));
}
