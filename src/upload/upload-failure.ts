// What a failed upload says: what went wrong (the error of the step that failed, which already
// says whose move it is: a file the workflow changed, a refusal of the hub or of its storage, a
// stall), and what state the repository is in: the commit is atomic, so either it exists or the
// branch is unchanged; LFS objects that reached storage without a commit are named (a re-run does
// not send them again).

import { ActionError, messageOf, RemoteError, withoutSentenceEnd } from '../errors.js';
import { sanitizeServerText } from '../runner/sanitize.js';
import type { StorageTally } from './lfs-transfer.js';
import { formatBytes } from './plan.js';
import { redactTokenShapes } from './refusals.js';

export interface FailureState {
  readonly tally: StorageTally;
  /** `ns/name`, `datasets/ns/name`. */
  readonly webPath: string;
  readonly revision: string;
}

/** Other commits landed on the branch twice while this one was being prepared. */
export function branchKeptMoving(refusal: RemoteError, state: FailureState): RemoteError {
  return new RemoteError(
    `Other commits kept landing on ${state.revision} of ${state.webPath} while the action was committing: ` +
      `${withoutSentenceEnd(refusal.message)}, twice`,
    {
      code: 'BRANCH_MOVED',
      transient: false,
      requestId: refusal.requestId,
      hint: 'Re-run the job. To keep publishing jobs from racing, give them a `concurrency:` group.',
    },
  );
}

/** The failure as the step reports it: its cause, then what reached the Hub. */
export function uploadFailure(error: unknown, state: FailureState): ActionError {
  const cause =
    error instanceof ActionError
      ? error
      : // Not an error the action raised: a defect of the action, reported as such.
        new RemoteError(
          `the action failed unexpectedly: ${sanitizeServerText(redactTokenShapes(messageOf(error)), 240)}`,
          {
            code: 'MALFORMED_RESPONSE',
            transient: false,
            cause: error,
            hint: 'This is a bug in the action; please report it with this log.',
          },
        );
  const { tally } = state;
  const stored =
    tally.objects > 0 || tally.bytes > 0
      ? ` ${formatBytes(tally.bytes)} of file content reached the Hub's storage, but no commit refers to it (a ` +
        `re-run does not send it again).`
      : '';
  const outcome =
    cause.code === 'COMMIT_UNKNOWN'
      ? ' Whether the commit was made is not known.'
      : ` Nothing was committed: ${state.webPath}@${state.revision} is unchanged.${stored}`;
  return new ActionError(`Uploading to ${state.webPath} failed: ${withoutSentenceEnd(cause.message)}.${outcome}`, {
    code: cause.code,
    hint: cause.hint,
    cause,
  });
}
