// The branch `revision` names, created when it does not exist yet, before anything is uploaded: what
// `hf upload --revision` does (cli/upload.py: look for the branch, else `create_branch`, which the
// Hub starts from the default branch's head). `main` is taken as there (every repository the Hub
// creates has it, and looking costs a request on every run); a pull request's `refs/pr/N` cannot be
// created; with `create-pr`, `revision` is the branch the pull request targets, which must exist
// (as hf, which does not create it either).
//
// The Hub may refuse a Trusted Publisher's token the right to create branches: then the error says
// so, with the request id, and what to do instead.

import { RemoteError } from '../errors.js';
import type { HttpResponse } from '../http/request.js';
import { isJsonObject, parseJsonObject } from '../http/json.js';
import { hubEndpoint } from '../hub/hub-url.js';
import type { UploadRequest } from './transport.js';

/** The part of UploadTransport this needs: a hub request with the token and the retry policy. */
export interface HubRequests {
  send(request: UploadRequest, refuse?: (response: HttpResponse) => RemoteError): Promise<HttpResponse>;
}

export interface BranchContext {
  readonly requests: HubRequests;
  readonly hubUrl: URL;
  /** `api/{kind}s/{ns}/{name}`. */
  readonly repoPath: string;
  /** `datasets/acme/x`, for messages. */
  readonly repoDisplay: string;
  readonly revision: string;
  readonly createPr: boolean;
  /** The hub's refusal of a request, as an error with the request id (HubApi.refusal). */
  readonly refusal: (what: string) => (response: HttpResponse) => RemoteError;
  readonly log: (line: string) => void;
}

/** What ensureBranch found: nothing to check, the branch there, or the branch created by this run. */
export type BranchState = 'not-checked' | 'exists' | 'created';

const DEFAULT_BRANCH = 'main';

/** Makes sure the branch `revision` names exists, creating it from the default branch if needed. */
export async function ensureBranch(context: BranchContext): Promise<BranchState> {
  const { revision } = context;
  if (context.createPr || revision === DEFAULT_BRANCH || /^refs\/pr\/\d+$/.test(revision)) return 'not-checked';
  const branch = revision.startsWith('refs/heads/') ? revision.slice('refs/heads/'.length) : revision;
  if (await branchExists(context, branch)) return 'exists';

  const response = await context.requests.send({
    method: 'POST',
    url: hubEndpoint(context.hubUrl, `${context.repoPath}/branch/${encodeURIComponent(branch)}`),
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    // No startingPoint: the Hub starts the branch at its default branch's head.
    body: '{}',
    what: `creating the branch ${JSON.stringify(branch)} of ${context.repoDisplay}`,
  });
  // 409: it exists after all (another job created it meanwhile), which is all this wanted.
  if (response.status === 409) return 'exists';
  if (response.status < 200 || response.status >= 300) {
    const refusal = context.refusal(`Creating the branch ${JSON.stringify(branch)}`)(response);
    throw refusedCreation(refusal, response.status, context, branch);
  }
  context.log(
    `The branch ${JSON.stringify(branch)} did not exist in ${context.repoDisplay}: created it from the default branch.`,
  );
  return 'created';
}

async function branchExists(context: BranchContext, branch: string): Promise<boolean> {
  const response = await context.requests.send(
    {
      method: 'GET',
      url: hubEndpoint(context.hubUrl, `${context.repoPath}/refs`),
      headers: { Accept: 'application/json' },
      what: `listing the branches of ${context.repoDisplay}`,
    },
    context.refusal(`Listing the branches of ${context.repoDisplay}`),
  );
  const branches = parseJsonObject(response.body).object?.['branches'];
  if (!Array.isArray(branches)) {
    throw new RemoteError(`The hub's list of the branches of ${context.repoDisplay} has no \`branches\`.`, {
      code: 'MALFORMED_RESPONSE',
      transient: false,
      hint: 'Check that `hub-url` points at a Hugging Face Hub. If it does, report it with this log.',
    });
  }
  return (branches as unknown[]).some((entry) => isJsonObject(entry) && entry['name'] === branch);
}

/** The hub's refusal, with what to do: a Trusted Publisher's token may not create branches. */
function refusedCreation(refusal: RemoteError, status: number, context: BranchContext, branch: string): RemoteError {
  const forbidden = status === 401 || status === 403;
  return new RemoteError(
    `The branch ${JSON.stringify(branch)} (input \`revision\`) does not exist in ${context.repoDisplay}, and ` +
      `creating it failed: ${refusal.message.replace(/\.$/, '')}`,
    {
      code: refusal.code,
      transient: false,
      requestId: refusal.requestId,
      cause: refusal,
      hint: forbidden
        ? `The hub did not let this token create a branch (a Trusted Publisher's token may not be allowed to). ` +
          'Create the branch once on the Hub (or with `hf repos branch create`), or set `revision` to an ' +
          'existing branch.'
        : (refusal.hint ?? 'Set `revision` to an existing branch, or create the branch on the Hub first.'),
    },
  );
}
