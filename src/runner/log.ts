// Everything the action writes to the step log goes through here, and each line is made inert on
// the way (neutralizeCommands): whatever server text a message quotes, and whichever path it took,
// the runner cannot read a workflow command in it. The toolkit adds its own commands around the
// text (`::error::`, `::warning::`, `::debug::`, `::group::`). test/unit/log-funnel.test.ts keeps
// every other module from printing by itself.

import * as core from '@actions/core';
import { neutralizeCommands } from './sanitize.js';

/** One line (or a few) of the step log. */
export function logInfo(message: string): void {
  core.info(neutralizeCommands(message));
}

/** A `::notice::` annotation: worth seeing, not a problem. */
export function logNotice(message: string): void {
  core.notice(neutralizeCommands(message));
}

/** A `::warning::` annotation. */
export function logWarning(message: string): void {
  core.warning(neutralizeCommands(message));
}

/** A `::debug::` line, shown only with step debug logging. */
export function logDebug(message: string): void {
  core.debug(neutralizeCommands(message));
}

/** Opens a foldable group in the log. */
export function startLogGroup(title: string): void {
  core.startGroup(neutralizeCommands(title));
}

/** Closes the group opened by startLogGroup. */
export function endLogGroup(): void {
  core.endGroup();
}

/** Fails the step with one `::error::` and exit code 1. */
export function failStep(message: string): void {
  core.setFailed(neutralizeCommands(message));
}
