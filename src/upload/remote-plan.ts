// The local plan against what the repository holds now, after the exchange and before any byte of
// content is sent: the hub's preupload says which files go inline and which through LFS (and which
// its .gitignore ignores), and the oid of the file already at each path; regular files whose git
// blob id equals it are unchanged and dropped (as huggingface_hub does; LFS files are compared by
// sha256 while they are hashed for the transfer, lfs-transfer.ts, so each byte is hashed once).
// `delete` patterns are matched against the repository's files below the folder the upload lands
// in, never deleting `.gitattributes` (as huggingface_hub) or a path the upload writes.
// One comparison per commit: a part of a large folder (several commits) is compared on its own.

import { formatBytes, type LocalPlan, type PlannedFile } from './plan.js';
import { PatternSet } from './patterns.js';
import type { HubApi, RemoteFileInfo } from './hub-api.js';
import type { LargeFile } from './lfs-transfer.js';
import { digestFile } from './local-file.js';
import { forEachConcurrently } from './pool.js';
import type { UploadSettings } from './settings.js';
import { quoteForMessage } from '../runner/sanitize.js';
import { readWholeFile } from './local-file.js';

/** What one commit sends: all of the plan's files, or one part of them. */
export interface CommitPart {
  readonly files: readonly PlannedFile[];
  /**
   * Apply `delete` in this commit: patterns matched below `base`, never deleting a path in `keep`
   * (every path the whole upload writes, in this commit or another). Absent: no deletions here.
   */
  readonly deletions?: { readonly base: string; readonly keep: ReadonlySet<string> };
}

/** The whole plan as one commit. */
export function wholePlan(plan: LocalPlan): CommitPart {
  return {
    files: plan.files,
    deletions: { base: plan.deleteBase, keep: new Set(plan.files.map((file) => file.pathInRepo)) },
  };
}

export interface RemotePlan {
  /** The head of the revision the comparison was made against (sent as parentCommit). */
  readonly head: string | undefined;
  readonly preupload: ReadonlyMap<string, RemoteFileInfo>;
  /** Regular files that differ from the repository's (or are new): sent inline in the commit. */
  readonly inline: readonly PlannedFile[];
  /** Files the hub wants through LFS, with the oid at their path (compared by sha256 when hashed). */
  readonly lfs: readonly LargeFile[];
  readonly deletions: readonly string[];
  readonly counts: {
    readonly inlineAdded: number;
    readonly inlineChanged: number;
    readonly inlineUnchanged: number;
    readonly ignored: number;
  };
}

const HASH_CONCURRENCY = 8;

/** Compares `part` with the repository at `upload.revision`; see the top of the file. */
export async function compareWithRemote(
  part: CommitPart,
  upload: UploadSettings,
  api: HubApi,
  log: (line: string) => void,
): Promise<RemotePlan> {
  const extra: { gitAttributes?: string; gitIgnore?: string } = {};
  for (const file of part.files) {
    if (file.pathInRepo === '.gitattributes') extra.gitAttributes = (await readWholeFile(file)).toString('utf8');
    if (file.pathInRepo === '.gitignore') extra.gitIgnore = (await readWholeFile(file)).toString('utf8');
  }
  const answer = await api.preupload(part.files, extra);

  const ignored = part.files.filter((file) => answer.files.get(file.pathInRepo)?.shouldIgnore === true);
  if (ignored.length > 0) {
    log(
      `The repository's .gitignore ignores ${ignored.length} of the files; they are not uploaded: ${ignored
        .slice(0, 5)
        .map((file) => file.pathInRepo)
        .join(', ')}${ignored.length > 5 ? ', …' : ''}.`,
    );
  }
  const kept = part.files.filter((file) => answer.files.get(file.pathInRepo)?.shouldIgnore !== true);
  const lfs = kept
    .filter((file) => answer.files.get(file.pathInRepo)?.uploadMode === 'lfs')
    .map((file) => ({ ...file, remoteOid: answer.files.get(file.pathInRepo)?.oid }));
  const regular = kept.filter((file) => answer.files.get(file.pathInRepo)?.uploadMode === 'regular');

  // A regular file is unchanged when its git blob id is the oid the hub reports for its path.
  const unchanged = new Set<string>();
  const toHash = regular.filter((file) => answer.files.get(file.pathInRepo)?.oid !== undefined);
  await forEachConcurrently(toHash, HASH_CONCURRENCY, async (file) => {
    const { gitSha1 } = await digestFile(file, { gitSha1: true });
    if (gitSha1 === answer.files.get(file.pathInRepo)?.oid) unchanged.add(file.pathInRepo);
  });
  const inline = regular.filter((file) => !unchanged.has(file.pathInRepo));

  const deletions =
    upload.deletePatterns.length === 0 || part.deletions === undefined
      ? []
      : await findDeletions(part.deletions, upload, api, log);

  const inlineChanged = inline.filter((file) => answer.files.get(file.pathInRepo)?.oid !== undefined).length;
  log(
    `Compared with ${api.webPath}@${upload.revision}${answer.commitOid ? ` (${answer.commitOid.slice(0, 7)})` : ''}: ` +
      `${inline.length} small file${inline.length === 1 ? '' : 's'} to send in the commit (` +
      `${formatBytes(sum(inline))}), ${unchanged.size} unchanged; ` +
      `${lfs.length} large or binary file${lfs.length === 1 ? '' : 's'} for LFS storage (` +
      `${formatBytes(sum(lfs))}, compared once hashed)` +
      `${deletions.length > 0 ? `; ${deletions.length} to delete` : ''}.`,
  );
  return {
    head: answer.commitOid,
    preupload: answer.files,
    inline,
    lfs,
    deletions,
    counts: {
      inlineAdded: inline.length - inlineChanged,
      inlineChanged,
      inlineUnchanged: unchanged.size,
      ignored: ignored.length,
    },
  };
}

async function findDeletions(
  scope: NonNullable<CommitPart['deletions']>,
  upload: UploadSettings,
  api: HubApi,
  log: (line: string) => void,
): Promise<string[]> {
  const prefix = scope.base === '' ? '' : `${scope.base}/`;
  const patterns = new PatternSet(upload.deletePatterns, 'delete');
  const written = scope.keep;
  const deletions: string[] = [];
  for (const path of await api.listFiles(upload.revision)) {
    if (!path.startsWith(prefix)) continue;
    if (!patterns.matches(path.slice(prefix.length))) continue;
    if (path === '.gitattributes' || written.has(path)) continue;
    deletions.push(path);
  }
  // Not an error: a pattern that removes stale files has nothing to remove on a fresh repository.
  const unmatched = patterns.unmatched();
  if (unmatched.length > 0) {
    log(
      `\`delete\`: ${unmatched.map((pattern) => quoteForMessage(pattern)).join(', ')} matched no file in ` +
        `${api.webPath}@${upload.revision}${prefix ? ` under ${prefix}` : ''}.`,
    );
  }
  return deletions.sort();
}

function sum(files: ReadonlyArray<{ readonly size: number }>): number {
  return files.reduce((total, file) => total + file.size, 0);
}
