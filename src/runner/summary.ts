// Writing the job summary (GITHUB_STEP_SUMMARY). Callers escape server text with escapeMarkdown.

import * as core from '@actions/core';
import { messageOf } from '../errors.js';
import { logWarning } from './log.js';

/** The summary is for humans; failing to write it (e.g. outside a runner) must not fail the step. */
export async function writeSummary(summary: typeof core.summary): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) {
    summary.emptyBuffer();
    return;
  }
  try {
    await summary.write();
  } catch (error: unknown) {
    logWarning(`Could not write the job summary: ${messageOf(error)}`);
  }
}
