// The upload, after the exchange: compare with the repository (remote-plan.ts), then let
// @huggingface/hub hash the LFS files and upload them (it asks for Xet, falls back to basic or
// multipart transfers) through the action's fetch, and send the commit the action's way:
// - the body is streamed (commit-body.ts): the library's header, lfsFile and deletedFile lines, plus
//   one `file` line per regular file, read from disk when its turn comes;
// - nothing changed (every file's oid equals the repository's, nothing to delete): no commit;
// - `parentCommit` is the head the comparison was made against; if another commit lands first (412),
//   the comparison is redone on top of the new head once (LFS objects already sent are not sent
//   again) and the commit retried once;
// - a commit request that ends without an answer (reset, stall, 5xx) is retried only after checking
//   the branch (or the newest pull requests): if the head carries this run's marker (provenance.ts),
//   the commit landed and is not made twice.
// A failure says whether anything reached the Hub: the commit is atomic, so either it exists or the
// repository is unchanged; LFS objects sent to storage without a commit are named.

import type { HubApiError } from '@huggingface/hub';
import { ActionError, RemoteError, withoutSentenceEnd, wrapRemoteError } from '../errors.js';
import { isJsonObject, parseJsonObject } from '../http/json.js';
import type { HttpResponse, StreamedBody } from '../http/request.js';
import { hubBaseOf, hubEndpoint } from '../hub/hub-url.js';
import { sanitizeServerText } from '../runner/sanitize.js';
import { commitBody } from './commit-body.js';
import { checkCommitAnswer } from './commit-answer.js';
import { DiskBlob } from './disk-blob.js';
import { HubApi } from './hub-api.js';
import { createLibraryFetch, type StorageTally } from './library-fetch.js';
import { formatBytes, type LocalPlan } from './plan.js';
import { formatDuration, UploadProgress } from './progress.js';
import type { CommitText } from './provenance.js';
import { redactTokenShapes } from './refusals.js';
import { compareWithRemote, type RemotePlan } from './remote-plan.js';
import type { UploadSettings } from './settings.js';
import type { HubTokenHolder } from '../hub/token-holder.js';
import { PROCESSING_MS, UploadTransport } from './transport.js';

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
  readonly tokens: HubTokenHolder;
  readonly text: CommitText;
  readonly log: (line: string) => void;
  /** Masks a credential the hub handed out (a Xet token) as soon as it is received. */
  readonly onSecret: (secret: string) => void;
}

/** Thrown by the commit hook when, all oids compared, there is nothing to commit. */
class NothingChanged extends Error {
  constructor() {
    super('nothing changed');
  }
}

/** Thrown by the commit hook on HTTP 412: the branch moved since the comparison. */
class BranchMoved extends Error {
  constructor(readonly refusal: RemoteError) {
    super(refusal.message);
  }
}

/** Commits `plan` to the repository; returns what happened, or throws an ActionError saying what reached the Hub. */
export async function commitUpload(plan: LocalPlan, context: CommitContext): Promise<UploadOutcome> {
  const started = Date.now();
  const { upload, log } = context;
  const transport = new UploadTransport({
    hubUrl: context.hubUrl,
    tokens: context.tokens,
    maxAttempts: context.maxAttempts,
    idleMs: context.idleMs,
    log,
  });
  /** Credentials the hub handed out during the upload (Xet tokens): masked, and cut out of every message. */
  const received: string[] = [];
  const secrets = (): string[] => [context.tokens.current.token.accessToken, ...received];
  const api = new HubApi(transport, upload, context.hubUrl, secrets);
  const tally: StorageTally = { objects: 0, bytes: 0 };
  let commitBytes = 0;
  const hub = await import('@huggingface/hub');

  for (let attempt = 1; ; attempt++) {
    let remote: RemotePlan | undefined;
    try {
      remote = await compareWithRemote(plan, upload, api, log);
      const counts = {
        added: remote.counts.inlineAdded,
        changed: remote.counts.inlineChanged,
        unchanged: remote.counts.inlineUnchanged,
        deleted: remote.deletions.length,
        ignored: remote.counts.ignored,
      };
      if (remote.inline.length === 0 && remote.lfs.length === 0 && remote.deletions.length === 0) {
        throw new NothingChanged();
      }
      const progress = new UploadProgress(
        remote.lfs.map((file) => ({ path: file.pathInRepo, size: file.size })),
        { log },
      );
      const current = remote;
      const libraryFetch = createLibraryFetch(
        {
          transport,
          preuploaded: remote.preupload,
          hubRefusal: (what) => api.refusal(what),
          onCredential: (credential) => {
            if (received.includes(credential)) return;
            context.onSecret(credential);
            received.push(credential);
          },
          commit: async (libraryBody, signal) => {
            const body = buildBody(libraryBody, current, counts);
            log(
              `Committing to ${api.webPath}@${upload.revision}${upload.createPr ? ' as a pull request' : ''}: ` +
                `${counts.added} added, ${counts.changed} changed, ${counts.deleted} deleted ` +
                `(${counts.unchanged} unchanged).`,
            );
            const response = await postCommit(body, signal, {
              transport,
              api,
              context,
              onBytes: (sent) => {
                commitBytes = sent;
                progress.onCommitBytes(sent, body.length);
              },
            });
            return response;
          },
        },
        tally,
      );
      const iterator = hub.commitIter({
        repo: { type: upload.repo.kind, name: `${upload.repo.namespace}/${upload.repo.name}` },
        operations: [
          ...remote.deletions.map((path) => ({ operation: 'delete' as const, path })),
          ...remote.lfs.map((file) => ({
            operation: 'addOrUpdate' as const,
            path: file.pathInRepo,
            content: new DiskBlob(file, 0, file.size),
          })),
        ],
        title: context.text.title,
        description: context.text.description,
        branch: upload.revision,
        isPullRequest: upload.createPr,
        ...(remote.head === undefined ? {} : { parentCommit: remote.head }),
        hubUrl: hubBaseOf(context.hubUrl),
        fetch: libraryFetch,
        useXet: true,
      });
      let output: Awaited<ReturnType<typeof hub.commit>>;
      for (;;) {
        const step = await iterator.next();
        if (step.done) {
          output = step.value;
          break;
        }
        progress.onEvent(step.value);
      }
      if (!output) throw new Error('@huggingface/hub finished without a commit');
      const durationMs = Date.now() - started;
      const sent = tally.bytes + commitBytes;
      const answer = checkCommitAnswer(
        { commitOid: output.commit.oid, commitUrl: output.commit.url, pullRequestUrl: output.pullRequestUrl },
        context.hubUrl,
      );
      const pullRequest = answer.pullRequestUrl
        ? ` (pull request ${answer.pullRequestUrl})`
        : upload.createPr
          ? ' as a pull request'
          : '';
      log(
        `Committed ${answer.commitOid === undefined ? '' : `${answer.commitOid.slice(0, 7)} `}to ` +
          `${api.webPath}@${upload.revision}${pullRequest}: ` +
          `${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.deleted} ` +
          `deleted; ${formatBytes(sent)} sent in ${formatDuration(durationMs / 1000)}.`,
      );
      return {
        kind: 'committed',
        ...answer,
        counts,
        bytesSent: sent,
        durationMs,
      };
    } catch (error: unknown) {
      if (error instanceof NothingChanged) {
        const counts = {
          added: 0,
          changed: 0,
          unchanged: plan.files.length - (remote?.counts.ignored ?? 0),
          deleted: 0,
          ignored: remote?.counts.ignored ?? 0,
        };
        return { kind: 'unchanged', counts, durationMs: Date.now() - started };
      }
      if (error instanceof BranchMoved && attempt === 1) {
        log(
          `Another commit landed on ${upload.revision} while this one was being prepared (HTTP 412): comparing ` +
            `again on top of the new head, then committing once more.`,
        );
        continue;
      }
      throw uploadFailure(error, {
        tally,
        api,
        upload,
        isHub: (url) => transport.isHub(url),
        isLibraryRefusal: (value): value is HubApiError => value instanceof hub.HubApiError,
        secrets: secrets(),
      });
    }
  }

  /** The commit body: the library's lines, less LFS files the repository already holds, plus inline files. */
  function buildBody(
    libraryBody: string,
    remote: RemotePlan,
    counts: { added: number; changed: number; unchanged: number; deleted: number },
  ): StreamedBody {
    const lines = libraryBody.split('\n').filter((line) => line.trim() !== '');
    const [header, ...operations] = lines;
    if (header === undefined || !header.includes('"header"'))
      throw new Error('@huggingface/hub sent a commit without a header');
    let unchangedLfs = 0;
    const kept = operations.filter((line) => {
      const { object: parsed } = parseJsonObject(line);
      const value = isJsonObject(parsed?.['value']) ? parsed['value'] : undefined;
      if (parsed?.['key'] !== 'lfsFile' || typeof value?.['path'] !== 'string') return true;
      const remoteOid = remote.preupload.get(value['path'])?.oid;
      if (remoteOid !== undefined && remoteOid === value['oid']) {
        unchangedLfs++;
        return false;
      }
      if (remoteOid === undefined) counts.added++;
      else counts.changed++;
      return true;
    });
    counts.unchanged += unchangedLfs;
    if (kept.length === 0 && remote.inline.length === 0) throw new NothingChanged();
    return commitBody([header, ...kept], remote.inline);
  }
}

interface PostCommitContext {
  readonly transport: UploadTransport;
  readonly api: HubApi;
  readonly context: CommitContext;
  readonly onBytes: (sent: number) => void;
}

/**
 * POSTs the commit. A definite refusal fails at once (412: BranchMoved); a failure without a definite
 * answer is retried, with the action's retry policy, only once the repository shows the commit did
 * not land.
 */
async function postCommit(
  body: StreamedBody,
  signal: AbortSignal | undefined,
  post: PostCommitContext,
): Promise<HttpResponse> {
  const { transport, api, context } = post;
  const upload = context.upload;
  const url = hubEndpoint(context.hubUrl, `${api.repoPath}/commit/${encodeURIComponent(upload.revision)}`);
  if (upload.createPr) url.searchParams.set('create_pr', '1');
  const budget = transport.retryBudget();
  for (;;) {
    let failure: RemoteError;
    try {
      const response = await transport.sendOnce({
        method: 'POST',
        url,
        headers: { 'Content-Type': 'application/x-ndjson', Accept: 'application/json' },
        body,
        what: 'the commit',
        processingMs: PROCESSING_MS.slow,
        onBodyProgress: post.onBytes,
        ...(signal ? { signal } : {}),
      });
      if (response.status >= 200 && response.status < 300) return response;
      const refusal = api.refusal('The commit')(response);
      if (response.status === 412) throw new BranchMoved(refusal);
      if (!refusal.transient) throw refusal;
      failure = refusal;
    } catch (error: unknown) {
      if (!(error instanceof RemoteError) || !error.transient || error.code === 'HUB_REFUSED') throw error;
      failure = wrapRemoteError('The commit request failed', error);
    }
    const landed = await findOwnCommit(post).catch((error: unknown) => {
      throw new RemoteError(
        `${withoutSentenceEnd(failure.message)}, and checking whether the commit landed failed too: ${error instanceof Error ? error.message : String(error)}`,
        {
          code: 'COMMIT_UNKNOWN',
          transient: false,
          cause: error,
          hint:
            `Look in the history of ${api.webPath}@${upload.revision} for a commit whose description ` +
            `contains ${context.text.marker} before re-running.`,
        },
      );
    });
    if (landed) {
      context.log(
        `The commit request ended without an answer, but the commit landed: ${landed.commitOid.slice(0, 7)}.`,
      );
      const text = JSON.stringify({
        success: true,
        commitOid: landed.commitOid,
        commitUrl: landed.commitUrl,
        pullRequestUrl: landed.pullRequestUrl,
      });
      return { status: 200, headers: { 'content-type': 'application/json' }, body: text, bytes: Buffer.from(text) };
    }
    await budget.waitBeforeRetry(failure, 'the commit');
  }
}

/** This run's commit, if it landed: the branch's newest commits, or the newest pull requests' heads. */
async function findOwnCommit(
  post: PostCommitContext,
): Promise<{ commitOid: string; commitUrl: string; pullRequestUrl: string | undefined } | undefined> {
  const { api, context } = post;
  const marker = context.text.marker;
  const base = `${hubBaseOf(context.hubUrl)}/${api.webPath}`;
  const carries = (commit: { title: string; message: string }): boolean =>
    commit.message.includes(marker) || commit.title.includes(marker);
  if (!context.upload.createPr) {
    for (const commit of await api.latestCommits(context.upload.revision, 5)) {
      if (carries(commit))
        return { commitOid: commit.id, commitUrl: `${base}/commit/${commit.id}`, pullRequestUrl: undefined };
    }
    return undefined;
  }
  for (const pr of (await api.pullRequestRefs()).slice(0, 5)) {
    const [head] = await api.latestCommits(pr.ref, 1);
    if (head && carries(head)) {
      return {
        commitOid: head.id,
        commitUrl: `${base}/commit/${head.id}`,
        pullRequestUrl: `${base}/discussions/${pr.num}`,
      };
    }
  }
  return undefined;
}

/** The failure, saying what reached the Hub; errors of the library become the action's. */
function uploadFailure(
  error: unknown,
  state: {
    tally: StorageTally;
    api: HubApi;
    upload: UploadSettings;
    isHub: (url: URL) => boolean;
    /** A refusal @huggingface/hub read itself: a per-object error in a batch answer, a Xet CAS answer. */
    isLibraryRefusal: (value: unknown) => value is HubApiError;
    secrets: readonly string[];
  },
): ActionError {
  const { tally, api, upload } = state;
  let cause: ActionError;
  if (error instanceof BranchMoved) {
    cause = new RemoteError(
      `Other commits kept landing on ${upload.revision} of ${api.webPath} while the action was committing: ` +
        `${withoutSentenceEnd(error.refusal.message)}, twice`,
      {
        code: 'BRANCH_MOVED',
        transient: false,
        requestId: error.refusal.requestId,
        hint: 'Re-run the job. To keep publishing jobs from racing, give them a `concurrency:` group.',
      },
    );
  } else if (error instanceof ActionError) {
    cause = error;
  } else if (state.isLibraryRefusal(error)) {
    const requestId = error.requestId ? sanitizeServerText(error.requestId, 100) : undefined;
    let url: URL | undefined;
    try {
      url = new URL(error.url);
    } catch {
      url = undefined;
    }
    const onHub = url !== undefined && state.isHub(url);
    // The hub's words (a batch answer's per-object error) are worth showing; a storage host's are not.
    const text = onHub
      ? `: ${JSON.stringify(sanitizeServerText(redactTokenShapes(error.message, state.secrets), 240))}`
      : '';
    cause = new RemoteError(
      `${onHub ? `The hub ${sanitizeServerText(url?.host ?? '', 100)}` : `The storage host ${sanitizeServerText(url?.host ?? '?', 100)}`} ` +
        `refused the upload: HTTP ${error.statusCode}${text}${requestId ? ` (request id: ${requestId})` : ''}`,
      {
        code: onHub ? 'HUB_REFUSED' : 'STORAGE_REFUSED',
        transient: false,
        requestId,
        hint: 'Re-run the job; if it persists, report it to Hugging Face with the request id.',
      },
    );
  } else {
    cause = new RemoteError(
      `@huggingface/hub failed during the upload: ${sanitizeServerText(redactTokenShapes(error instanceof Error ? error.message : String(error), state.secrets), 240)}`,
      { code: 'MALFORMED_RESPONSE', transient: false, cause: error, hint: 'If it persists, report it with this log.' },
    );
  }
  const stored =
    tally.objects > 0 || tally.bytes > 0
      ? ` ${formatBytes(tally.bytes)} of file content reached the Hub's storage, but no commit refers to it (a ` +
        `re-run does not send it again).`
      : '';
  const outcome =
    cause.code === 'COMMIT_UNKNOWN'
      ? ' Whether the commit was made is not known.'
      : ` Nothing was committed: ${api.webPath}@${upload.revision} is unchanged.${stored}`;
  return new ActionError(`Uploading to ${api.webPath} failed: ${withoutSentenceEnd(cause.message)}.${outcome}`, {
    code: cause.code,
    hint: cause.hint,
    cause,
  });
}
