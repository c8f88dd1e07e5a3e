// One commit of the upload, from the files to the commit (or to "nothing changed"), as plain data:
// 1. the comparison with the repository (remote-plan.ts): which files go inline, which through
//    LFS, which are unchanged, what `delete` removes;
// 2. the transfer of the large files (lfs-transfer.ts): hashed, compared, sent to storage;
// 3. the commit request (commit-request.ts), with `parentCommit`: if another commit landed first
//    (412), everything is compared again on top of the new head once (objects already in storage
//    are not sent again) and the commit sent once more.
// Nothing changed (every oid equals the repository's, nothing to delete): no commit. What the hub
// answers is published only when fit (commit-answer.ts). A failure says whether anything reached
// the Hub (upload-failure.ts). A large folder is sent as several
// commits by calling this once per part.

import { checkCommitAnswer } from './commit-answer.js';
import { postCommit } from './commit-request.js';
import { HubApi } from './hub-api.js';
import { transferLargeFiles, type StorageTally } from './lfs-transfer.js';
import { formatBytes } from './plan.js';
import { formatDuration, UploadProgress } from './progress.js';
import type { CommitText } from './provenance.js';
import { compareWithRemote, type CommitPart } from './remote-plan.js';
import type { UploadSettings } from './settings.js';
import { UploadTransport, type HubTokens } from './transport.js';
import { branchKeptMoving, describeFailure } from './upload-failure.js';

export interface UploadCounts {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly deleted: number;
  readonly ignored: number;
}

export type UploadOutcome =
  | {
      readonly kind: 'committed';
      /** The hub's answer, each field undefined when it is not fit to publish (commit-answer.ts). */
      readonly commitOid: string | undefined;
      readonly commitUrl: string | undefined;
      readonly pullRequestUrl: string | undefined;
      /** Why a field of the hub's answer was left out: one warning each. */
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
  /** Title and description (with the provenance block and this run's marker) of this commit. */
  readonly text: CommitText;
  readonly log: (line: string) => void;
  /** Masks a credential the hub handed out (in an LFS batch answer) as soon as it is received. */
  readonly onSecret: (secret: string) => void;
}

/** Sends `part` as one commit; returns what happened, or throws an ActionError saying what reached the Hub. */
export async function sendCommit(part: CommitPart, context: CommitContext): Promise<UploadOutcome> {
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
      log(
        `Committing to ${api.webPath}@${upload.revision}${upload.createPr ? ' as a pull request' : ''}: ` +
          `${counts.added} added, ${counts.changed} changed, ${counts.deleted} deleted ` +
          `(${counts.unchanged} unchanged).`,
      );
      const answer = await postCommit(
        {
          lfsFiles: lfsChanged.map(({ file, oid }) => ({ pathInRepo: file.pathInRepo, oid, size: file.size })),
          deletions: remote.deletions,
          inline: remote.inline,
        },
        {
          transport,
          api,
          revision: upload.revision,
          createPr: upload.createPr,
          title: context.text.title,
          description: context.text.description,
          marker: context.text.marker,
          parentCommit: remote.head,
          log,
          onBytes: (sent, total) => progress.onCommitBytes(sent, total),
        },
      );
      if (answer.kind === 'branch-moved') {
        if (attempt > 1) throw branchKeptMoving(answer.refusal, state);
        log(
          `Another commit landed on ${upload.revision} while this one was being prepared (HTTP 412): comparing ` +
            `again on top of the new head, then committing once more.`,
        );
        continue;
      }
      const durationMs = Date.now() - started;
      const sent = tally.bytes + answer.bodyBytes;
      const checked = checkCommitAnswer(answer, context.hubUrl);
      const pullRequest = checked.pullRequestUrl
        ? ` (pull request ${checked.pullRequestUrl})`
        : upload.createPr
          ? ' as a pull request'
          : '';
      log(
        `Committed ${checked.commitOid === undefined ? '' : `${checked.commitOid.slice(0, 7)} `}to ` +
          `${api.webPath}@${upload.revision}${pullRequest}: ` +
          `${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.deleted} ` +
          `deleted; ${formatBytes(sent)} sent in ${formatDuration(durationMs / 1000)}.`,
      );
      return {
        kind: 'committed',
        ...checked,
        counts,
        bytesSent: sent,
        durationMs,
      };
    }
  } catch (error: unknown) {
    throw describeFailure(error, state);
  }
}
