// What every end-to-end run is checked for, in one place: a clean success, a clean failure, and, for
// every run, no secret where it must not be and no file left behind. Each e2e file asserts its own
// specifics on top of these.

import { expect } from 'vitest';
import { findLeaks, type Secrets } from '../support/leaks.js';
import type { RunResult } from '../support/run-action.js';

/**
 * No secret in the log, the summary or an export other than HF_TOKEN/`token`, and no stray file. A
 * credential the action only sends and never has reason to print (`secrets.others`: the runner's
 * request token) is not in stdout at all, not even in an `::add-mask::` line.
 */
export function expectNoLeakOrStrayFile(
  result: RunResult,
  secrets: Secrets,
  options: { allowedFiles?: readonly string[] } = {},
): void {
  expect(findLeaks(result, secrets), 'leaked secrets').toEqual([]);
  for (const other of secrets.others ?? []) {
    expect(result.stdout.includes(other), 'a credential the action only sends, printed').toBe(false);
  }
  const allowed = new Set(options.allowedFiles ?? []);
  expect(
    result.strayFiles.filter((file) => !allowed.has(file)),
    'files left besides the runner',
  ).toEqual([]);
}

/** Exit code 0, no `::error::`, no leak, no stray file (besides `allowedFiles`, e.g. files a test put in the workspace). */
export function expectCleanSuccess(
  result: RunResult,
  secrets: Secrets,
  options: { allowedFiles?: readonly string[] } = {},
): void {
  expect(result.errors, result.stdout).toEqual([]);
  expect(result.exitCode, result.stderr).toBe(0);
  expectNoLeakOrStrayFile(result, secrets, options);
}

/**
 * Exit code 1, exactly one `::error::` (and no other line the runner would read as one), nothing
 * exported, no output set, no leak, no stray file. Returns the error's text.
 */
export function expectCleanFailure(
  result: RunResult,
  secrets: Secrets,
  options: { allowedFiles?: readonly string[] } = {},
): string {
  expect(result.exitCode, result.stdout).toBe(1);
  expect(result.errors, result.stdout).toHaveLength(1);
  expect(result.stdout.split('\n').filter((line) => line.startsWith('::error'))).toHaveLength(1);
  expect(result.exported, 'exported variables').toEqual({});
  expect(result.outputs, 'step outputs').toEqual({});
  expectNoLeakOrStrayFile(result, secrets, options);
  return result.errors[0] ?? '';
}
