// The upload, from the files to its commit or commits (or to "nothing changed"), as plain data:
// 1. the comparison with the repository (remote-plan.ts): which files go inline, which through
//    LFS, which are unchanged, what `delete` removes;
// 2. the transfer of the large files (lfs-transfer.ts): hashed, compared, sent to storage;
// 3. the changes cut into commits within hf's ceilings (parts.ts: one commit whenever they fit),
//    then one commit request per part (commit-request.ts), each with `parentCommit` (the compared
//    head, then the previous part), its " (part k/n)" and its own marker (provenance.ts). With
//    `create-pr`, the first part opens the pull request and the others are committed to it. If
//    another commit landed first (412), everything is compared again on top of the new head once
//    (parts that landed are unchanged now; objects already in storage are not sent again).
// Nothing changed (every oid equals the repository's, nothing to delete): no commit. A failure
// says whether anything reached the Hub (upload-failure.ts), and which parts landed. What the hub
// answers is published only when fit (commit-answer.ts).

import { ActionError, RemoteError } from '../errors.js';
import { checkCommitAnswer } from './commit-answer.js';
import { postCommit } from './commit-request.js';
import { HubApi } from './hub-api.js';
import { transferLargeFiles, type StorageTally } from './lfs-transfer.js';
import { formatBytes } from './plan.js';
import { formatDuration, UploadProgress } from './progress.js';
import { HUB_PART_LIMITS, splitIntoParts } from './parts.js';
import { textForPart, type CommitText } from './provenance.js';
import { compareWithRemote, type CommitPart } from './remote-plan.js';
import type { UploadCounts } from './result.js';
import type { UploadSettings } from './settings.js';
import { UploadTransport, type HubTokens } from './transport.js';
import { branchKeptMoving, uploadFailure } from './upload-failure.js';

/** One commit the upload made: the hub's answer, each field undefined when it is not fit to publish (commit-answer.ts). */
export interface CommittedPart {
  readonly commitOid: string | undefined;
  readonly commitUrl: string | undefined;
}

export type UploadOutcome =
  | {
      readonly kind: 'committed';
      /** In the order they landed: one, unless the changes were more than one commit holds. */
      readonly commits: readonly CommittedPart[];
      readonly pullRequestUrl: string | undefined;
      /** Why a field of the hub's answers was left out: one warning each. */
      readonly rejected: readonly string[];
      readonly counts: UploadCounts;
      readonly bytesSent: number;
      readonly durationMs: number;
    }
  | { readonly kind: 'unchanged'; readonly counts: UploadCounts; readonly durationMs: number };

export interface CommitContext {
  readonly upload: UploadSettings;
  readonly hubUrl: URL;
  readonly maxAttempts: number;
  readonly idleMs: number;
  readonly tokens: HubTokens;
  /** Title and description (with the provenance block and this run's marker); textForPart adapts it to each part. */
  readonly text: CommitText;
  readonly log: (line: string) => void;
  /** Masks a credential the hub handed out (in an LFS batch answer) as soon as it is received. */
  readonly onSecret: (secret: string) => void;
}

/** Sends `part` as one commit, or several; returns what happened, or throws an ActionError saying what reached the Hub. */
export async function sendCommits(part: CommitPart, context: CommitContext): Promise<UploadOutcome> {
  const started = Date.now();
  const { upload, log } = context;
  const transport = new UploadTransport({
    hubUrl: context.hubUrl,
    tokens: context.tokens,
    maxAttempts: context.maxAttempts,
    idleMs: context.idleMs,
    log,
  });
  /** Credentials the hub handed out during the upload: masked, and cut out of every message. */
  const received: string[] = [];
  const secrets = (): string[] => [...context.tokens.secrets(), ...received];
  const onCredential = (credential: string): void => {
    if (received.includes(credential)) return;
    context.onSecret(credential);
    received.push(credential);
  };
  const api = new HubApi(transport, upload, context.hubUrl, secrets);
  const tally: StorageTally = { objects: 0, bytes: 0 };
  const state = { tally, webPath: api.webPath, revision: upload.revision };
  const committed: CommittedPart[] = [];
  const rejected: string[] = [];
  let pullRequestUrl: string | undefined;
  let commitBytes = 0;
  let partsTotal = 1;
  let target = { revision: upload.revision, createPr: upload.createPr };
  try {
    for (let attempt = 1; ; attempt++) {
      const remote = await compareWithRemote(part, upload, api, log);
      const progress = new UploadProgress(
        remote.lfs.map((file) => ({ path: file.pathInRepo, size: file.size })),
        { log },
      );
      const large = await transferLargeFiles(remote.lfs, {
        transport,
        batch: {
          transport,
          hubUrl: context.hubUrl,
          webPath: api.webPath,
          revision: upload.revision,
          refusal: (what) => api.refusal(what),
          onCredential,
          secrets,
        },
        progress,
        tally,
      });
      const lfsChanged = large
        .filter((result) => !result.unchanged)
        .sort((a, b) => (a.file.pathInRepo < b.file.pathInRepo ? -1 : 1));
      const lfsAdded = lfsChanged.filter((result) => result.file.remoteOid === undefined).length;
      const counts: UploadCounts = {
        added: remote.counts.inlineAdded + lfsAdded,
        changed: remote.counts.inlineChanged + lfsChanged.length - lfsAdded,
        unchanged: remote.counts.inlineUnchanged + large.length - lfsChanged.length,
        deleted: remote.deletions.length,
        ignored: remote.counts.ignored,
      };
      if (remote.inline.length === 0 && lfsChanged.length === 0 && remote.deletions.length === 0) {
        return { kind: 'unchanged', counts, durationMs: Date.now() - started };
      }
      const parts = splitIntoParts({
        inline: remote.inline,
        lfs: lfsChanged.map(({ file, oid }) => ({ pathInRepo: file.pathInRepo, oid, size: file.size })),
        deletions: remote.deletions,
      });
      if (parts.length > 1) {
        log(
          `${counts.added + counts.changed + counts.deleted} changes are more than one commit holds (at most ` +
            `${HUB_PART_LIMITS.maxOperations} files and ${formatBytes(HUB_PART_LIMITS.maxInlineBytes)} of small ` +
            `files each): sending them as ${parts.length} commits.`,
        );
      }
      partsTotal = parts.length;
      let parent = remote.head;
      let moved: RemoteError | undefined;
      for (const [index, changes] of parts.entries()) {
        const total = parts.length;
        const label = total === 1 ? '' : ` part ${index + 1}/${total}`;
        const text = textForPart(context.text, index + 1, total);
        const partCounts = total === 1 ? counts : undefined;
        log(
          partCounts
            ? `Committing to ${api.webPath}@${upload.revision}${upload.createPr ? ' as a pull request' : ''}: ` +
                `${partCounts.added} added, ${partCounts.changed} changed, ${partCounts.deleted} deleted ` +
                `(${partCounts.unchanged} unchanged).`
            : `Committing${label} to ${api.webPath}@${target.revision}: ${changes.inline.length + changes.lfs.length} ` +
                `files, ${changes.deletions.length} deleted.`,
        );
        const answer = await postCommit(
          { lfsFiles: changes.lfs, deletions: changes.deletions, inline: changes.inline },
          {
            transport,
            api,
            revision: target.revision,
            createPr: target.createPr,
            title: text.title,
            description: text.description,
            marker: text.marker,
            parentCommit: parent,
            log,
            onBytes: (sent, bodyTotal) => progress.onCommitBytes(sent, bodyTotal),
          },
        );
        if (answer.kind === 'branch-moved') {
          moved = answer.refusal;
          break;
        }
        commitBytes += answer.bodyBytes;
        // Only what is fit to publish goes on: into the outputs, the summary, the next parentCommit.
        const checked = checkCommitAnswer(answer, context.hubUrl);
        rejected.push(...checked.rejected);
        committed.push({ commitOid: checked.commitOid, commitUrl: checked.commitUrl });
        parent = checked.commitOid;
        if (target.createPr) {
          // The first part opened the pull request: the others go to it.
          pullRequestUrl = checked.pullRequestUrl;
          if (index + 1 < total) target = { revision: pullRequestRef(checked.pullRequestUrl), createPr: false };
        }
        const shortOid = checked.commitOid === undefined ? '' : `${checked.commitOid.slice(0, 7)} `;
        const sent = tally.bytes + commitBytes;
        log(
          total === 1
            ? `Committed ${shortOid}to ${api.webPath}@${upload.revision}` +
                `${checked.pullRequestUrl ? ` (pull request ${checked.pullRequestUrl})` : upload.createPr ? ' as a pull request' : ''}: ` +
                `${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.deleted} ` +
                `deleted; ${formatBytes(sent)} sent in ${formatDuration((Date.now() - started) / 1000)}.`
            : `Committed ${shortOid}(${label.trim()}) to ${api.webPath}@${target.revision}` +
                (checked.commitUrl ? `: ${checked.commitUrl}` : '.'),
        );
      }
      if (moved !== undefined) {
        // Compared again on the branch, the parts that landed are unchanged; a pull request's ref is
        // not what is compared, so a 412 there after its first part is final.
        if (attempt > 1 || target.revision !== upload.revision) throw branchKeptMoving(moved, state);
        log(
          `Another commit landed on ${upload.revision} while this one was being prepared (HTTP 412): comparing ` +
            `again on top of the new head, then committing once more.`,
        );
        continue;
      }
      return {
        kind: 'committed',
        commits: committed,
        pullRequestUrl,
        rejected,
        counts,
        bytesSent: tally.bytes + commitBytes,
        durationMs: Date.now() - started,
      };
    }
  } catch (error: unknown) {
    const failure = uploadFailure(error, state);
    throw committed.length === 0 ? failure : partFailed(failure, committed, partsTotal, api.webPath);
  }
}

/** `refs/pr/N` from the pull request's URL (`…/discussions/N`), where the next parts go. */
function pullRequestRef(url: string | undefined): string {
  const number = url === undefined ? undefined : /\/discussions\/(\d+)$/.exec(url)?.[1];
  if (number === undefined) {
    throw new RemoteError("The hub's answer to the commit that opened the pull request does not name it.", {
      code: 'MALFORMED_RESPONSE',
      transient: false,
      hint: 'The pull request may exist: look at the repository before re-running.',
    });
  }
  return `refs/pr/${number}`;
}

/** A failure after some parts landed: which part failed, what landed, and that a re-run finishes the job. */
function partFailed(
  failure: ActionError,
  committed: readonly CommittedPart[],
  total: number,
  webPath: string,
): ActionError {
  const cause = failure.cause instanceof ActionError ? failure.cause : failure;
  const of = total > committed.length ? ` of ${total}` : '';
  return new ActionError(
    `Uploading to ${webPath} failed at commit ${committed.length + 1}${of}: ${cause.message.replace(/\.$/, '')}. ` +
      `${committed
        .map((commit, index) => `Commit ${index + 1}${of} landed${commit.commitUrl ? ` (${commit.commitUrl})` : ''}`)
        .join('; ')}; a re-run sends only what is missing.`,
    { code: cause.code, hint: cause.hint, cause },
  );
}
