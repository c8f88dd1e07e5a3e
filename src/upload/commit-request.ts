// The commit request: `POST {hub}/api/{type}s/{ns}/{name}/commit/{revision}[?create_pr=1]` with a
// streamed NDJSON body (commit-body.ts): the header (title, description with the provenance block,
// `parentCommit`: the head the comparison was made against), the LFS files, the deletions, the
// regular files. What it can come to, as plain data or an error that says whose move it is:
// - committed: the hub's answer as it came (commit-answer.ts checks what of it may be published);
// - branch moved (412: another commit landed since the comparison): the caller compares again;
// - no definite answer (a reset, a stall, a 5xx): the branch is checked for this run's marker
//   (commit-lookup.ts); if the commit is there it landed, and that is a success that says what
//   happened; if not, the request is retried with the action's policy; if the check fails too, the
//   error says that whether the commit was made is not known.

import { RemoteError, wrapRemoteError } from '../errors.js';
import { parseJsonObject } from '../http/json.js';
import { hubEndpoint } from '../hub/hub-url.js';
import { commitBody } from './commit-body.js';
import type { RawCommitAnswer } from './commit-answer.js';
import { findOwnCommit } from './commit-lookup.js';
import type { HubApi } from './hub-api.js';
import type { LocalFile } from './local-file.js';
import { PROCESSING_MS, type UploadTransport } from './transport.js';

export interface CommitOperations {
  readonly lfsFiles: ReadonlyArray<{ readonly pathInRepo: string; readonly oid: string; readonly size: number }>;
  readonly deletions: readonly string[];
  /** Regular files, sent base64-encoded in the body. */
  readonly inline: readonly LocalFile[];
}

export interface CommitRequestContext {
  readonly transport: UploadTransport;
  readonly api: HubApi;
  readonly revision: string;
  readonly createPr: boolean;
  readonly title: string;
  readonly description: string;
  /** This run's marker, in the description: how a commit whose answer was lost is recognised. */
  readonly marker: string;
  /** The head the comparison was made against: the hub refuses the commit (412) if the branch moved. */
  readonly parentCommit: string | undefined;
  readonly log: (line: string) => void;
  readonly onBytes?: (sent: number, total: number) => void;
}

export type CommitAnswer =
  | (RawCommitAnswer & { readonly kind: 'committed'; readonly bodyBytes: number })
  | { readonly kind: 'branch-moved'; readonly refusal: RemoteError };

/** Sends the commit; see the top of the file for what it returns and throws. */
export async function postCommit(operations: CommitOperations, context: CommitRequestContext): Promise<CommitAnswer> {
  const { transport, api } = context;
  const header = {
    key: 'header',
    value: {
      summary: context.title,
      description: context.description,
      ...(context.parentCommit === undefined ? {} : { parentCommit: context.parentCommit }),
    },
  };
  const lines = [
    JSON.stringify(header),
    ...operations.lfsFiles.map(({ pathInRepo, oid, size }) =>
      JSON.stringify({ key: 'lfsFile', value: { path: pathInRepo, algo: 'sha256', oid, size } }),
    ),
    ...operations.deletions.map((path) => JSON.stringify({ key: 'deletedFile', value: { path } })),
  ];
  const body = commitBody(lines, operations.inline);
  const url = hubEndpoint(api.hubUrl, `${api.repoPath}/commit/${encodeURIComponent(context.revision)}`);
  if (context.createPr) url.searchParams.set('create_pr', '1');
  const budget = transport.retryBudget();
  for (;;) {
    let failure: RemoteError;
    /** What happened, in words that fit "…, but the commit had landed". */
    let happened: string;
    try {
      const response = await transport.sendOnce({
        method: 'POST',
        url,
        headers: { 'Content-Type': 'application/x-ndjson', Accept: 'application/json' },
        body,
        what: 'the commit',
        processingMs: PROCESSING_MS.slow,
        onBodyProgress: (sent) => context.onBytes?.(sent, body.length),
      });
      if (response.status >= 200 && response.status < 300) {
        return { kind: 'committed', ...narrowAnswer(response.body), bodyBytes: body.length };
      }
      const refusal = api.refusal('The commit')(response);
      if (response.status === 412) return { kind: 'branch-moved', refusal };
      if (!refusal.transient) throw refusal;
      failure = refusal;
      happened = `The hub answered the commit request HTTP ${response.status}${refusal.requestId ? ` (x-request-id: ${refusal.requestId})` : ''}`;
    } catch (error: unknown) {
      if (!(error instanceof RemoteError) || !error.transient || error.code === 'HUB_REFUSED') throw error;
      failure = wrapRemoteError('The commit request failed', error);
      happened = `The commit request ended without an answer (${error.message.replace(/\.$/, '')})`;
    }
    const landed = await findOwnCommit(api, context).catch((error: unknown) => {
      throw new RemoteError(
        `${failure.message.replace(/\.$/, '')}, and checking whether the commit landed failed too: ` +
          (error instanceof Error ? error.message : String(error)),
        {
          code: 'COMMIT_UNKNOWN',
          transient: false,
          cause: error,
          hint:
            `Look in the history of ${api.webPath}@${context.revision} for a commit whose description ` +
            `contains ${context.marker} before re-running.`,
        },
      );
    });
    if (landed) {
      context.log(
        `${happened}, but the commit had landed: ${landed.commitOid.slice(0, 7)} carries this run's marker, so ` +
          `it is not sent again.`,
      );
      return { kind: 'committed', ...landed, bodyBytes: body.length };
    }
    await budget.waitBeforeRetry(failure, 'the commit');
  }
}

/** The hub's answer to a commit, `{commitOid, commitUrl, pullRequestUrl?}`, unchecked: the commit landed either way. */
function narrowAnswer(text: string): RawCommitAnswer {
  const answer = parseJsonObject(text).object;
  return {
    commitOid: answer?.['commitOid'],
    commitUrl: answer?.['commitUrl'],
    pullRequestUrl: answer?.['pullRequestUrl'] === '' ? undefined : answer?.['pullRequestUrl'],
  };
}
