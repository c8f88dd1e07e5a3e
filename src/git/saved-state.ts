// What `git-credentials` added to the global git config, saved by the main step (core.saveState)
// before anything is written, so the post step can remove exactly that, even after a failure half-way.

import * as core from '@actions/core';
import { parseJsonObject } from '../http/json.js';
import { GIT_CREDENTIALS_STATE } from '../runner/state.js';

/** One value added to the global git config. */
export interface AddedEntry {
  readonly key: string;
  readonly value: string;
}

/** What the post step needs to undo this step's git configuration exactly. */
export interface GitCredentialsState {
  readonly entries: readonly AddedEntry[];
  /** `credential.<url>` sections that had no keys before; removed if the cleanup leaves them empty. */
  readonly createdSections: readonly string[];
  /** The global config file, if this step created it; removed if the cleanup leaves it empty. */
  readonly createdConfigFile: string | undefined;
}

/** Saves what is about to be added, for the post step. */
export function saveGitCredentialsState(state: GitCredentialsState): void {
  core.saveState(GIT_CREDENTIALS_STATE, JSON.stringify(state));
}

/** The state saved by configureGitCredentials, or undefined when this step added nothing. */
export function readGitCredentialsState(): GitCredentialsState | undefined {
  const text = core.getState(GIT_CREDENTIALS_STATE);
  if (text === '') return undefined;
  const { object, problem } = parseJsonObject(text);
  if (problem !== undefined) throw new Error(`the saved state ${problem}`);
  if (!isGitCredentialsState(object)) throw new Error('the saved state does not have the expected shape');
  return object;
}

function isGitCredentialsState(value: Record<string, unknown>): value is Record<string, unknown> & GitCredentialsState {
  const { entries, createdSections, createdConfigFile } = value;
  const isEntry = (entry: unknown): boolean =>
    typeof entry === 'object' &&
    entry !== null &&
    typeof (entry as Record<string, unknown>)['key'] === 'string' &&
    typeof (entry as Record<string, unknown>)['value'] === 'string';
  return (
    Array.isArray(entries) &&
    entries.every(isEntry) &&
    Array.isArray(createdSections) &&
    createdSections.every((section) => typeof section === 'string') &&
    (createdConfigFile === undefined || typeof createdConfigFile === 'string')
  );
}
