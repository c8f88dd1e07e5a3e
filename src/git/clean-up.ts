// The post step's half of `git-credentials`: remove exactly the entries the main step added (as
// saved-state.ts recorded them), and nothing the user has. A clean-up never fails the job: every
// problem becomes a warning.

import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import * as core from '@actions/core';
import { ACTION_NAME } from '../about.js';
import { messageOf } from '../errors.js';
import { getGlobalValues, isGitUnavailable, listGlobalKeys, removeGlobalSection, unsetGlobalValue } from './config.js';
import { isActionHelperCommand } from './helper-command.js';
import { readGitCredentialsState, type AddedEntry, type GitCredentialsState } from './saved-state.js';

/** The post step's work: read what the main step added, remove it. Never throws; problems become warnings. */
export async function cleanUpGitCredentials(): Promise<void> {
  try {
    const state = readGitCredentialsState();
    if (state !== undefined) await removeGitCredentials(state);
  } catch (error: unknown) {
    core.warning(
      `The post step could not clean up the git configuration: ${messageOf(error)}. ` +
        `On a self-hosted runner, check the global git config for a credential helper of ${ACTION_NAME}.`,
    );
  }
}

/** `key = value` for a message; the helper's long command line shortened, the empty reset named. */
function describeEntry(entry: AddedEntry): string {
  if (entry.value === '') return `the empty ${entry.key} (which resets git's helper list)`;
  return isActionHelperCommand(entry.value) ? `this step's ${entry.key}` : `${entry.key} = ${entry.value}`;
}

/**
 * Removes what configureGitCredentials added, and only that. Never throws: every problem becomes a
 * warning, because a cleanup must not fail a job whose real work is done.
 */
export async function removeGitCredentials(state: GitCredentialsState): Promise<void> {
  let removed = 0;
  for (const entry of state.entries) {
    try {
      // `git config --unset` cannot pick one of several equal values (an empty `helper` the user
      // also has in this very section): leave it rather than remove the user's.
      const equal = (await getGlobalValues(entry.key)).filter((value) => value === entry.value).length;
      if (equal > 1) {
        core.warning(
          `Did not remove ${describeEntry(entry)} from the global git config: the same value is there ${equal} times ` +
            'and git cannot tell which one this step added. Later jobs on this runner may still see it.',
        );
      } else if (equal === 1 && (await unsetGlobalValue(entry.key, entry.value))) {
        removed++;
      }
    } catch (error: unknown) {
      if (isGitUnavailable(error)) throw error; // one warning, not one per entry
      core.warning(
        `Could not remove ${describeEntry(entry)} from the global git config: ${messageOf(error)}. Later jobs on ` +
          `this runner may still see it.`,
      );
    }
  }
  if (state.createdSections.length > 0) {
    try {
      const remainingKeys = await listGlobalKeys();
      for (const section of state.createdSections) {
        if (!remainingKeys.some((key) => key.startsWith(`${section}.`))) await removeGlobalSection(section);
      }
    } catch {
      // An empty section header left behind changes nothing git does; not worth a warning.
    }
  }
  if (state.createdConfigFile !== undefined) {
    try {
      if (existsSync(state.createdConfigFile) && readFileSync(state.createdConfigFile, 'utf8').trim() === '') {
        unlinkSync(state.createdConfigFile);
      }
    } catch (error: unknown) {
      core.warning(`Could not remove the empty git config file ${state.createdConfigFile}: ${messageOf(error)}.`);
    }
  }
  core.info(
    `Removed the git credential configuration this step added (${removed} of ${state.entries.length} entries ` +
      `were still there).`,
  );
}
