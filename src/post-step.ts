// The post step (runs.post, `post-if: always()`): undo what the main step configured for the rest of
// the job. It runs even when the main step failed, and it never fails the job: a problem becomes a
// warning. It imports nothing of the main step's flow (no exchange, no @huggingface/hub), and in a
// job that did not use `git-credentials` it exits without loading anything (it runs in every job).

import { messageOf } from './errors.js';
import { GIT_CREDENTIALS_STATE, hasSavedState } from './runner/state.js';

/** Removes this invocation's git credential configuration, if it added any. Never throws. */
export async function runCleanup(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!hasSavedState(GIT_CREDENTIALS_STATE, env)) return;
  try {
    const { cleanUpGitCredentials } = await import('./git/clean-up.js');
    await cleanUpGitCredentials();
  } catch (error: unknown) {
    // Only reached if the bundle itself is broken (cleanUpGitCredentials never throws), so the
    // toolkit may be unavailable too: the warning command is written by hand, on one line.
    const data = messageOf(error).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    process.stdout.write(`::warning::The post step could not clean up the git configuration: ${data}\n`);
  }
}
