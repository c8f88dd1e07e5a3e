// `git-credentials: true`: configure git, for the rest of the job, to get a fresh Hub token from the
// credential helper each time it talks to the configured resource on the hub; and, in the post step,
// remove exactly what was added.
//
// What is added to the global git config (never a token, only the helper's command line):
//   credential.<hub>.helper = !'<node>' '<dist>/git-credential-helper/index.js' --hub-url … --id <random>
//   credential.<hub>/<resource>.useHttpPath = true       (only if not set already)
//   credential.<hub>/<resource>.git.useHttpPath = true   (only if not set already)
// The helper is added after any helper the user has (`--add`, never an empty value, which would
// reset git's list), so the user's helpers are asked first. useHttpPath makes git (and git-lfs)
// tell the helper which repository it wants, for these two URLs only; see credential-protocol.ts.
// What was added is saved with core.saveState before anything is written, so the post step can
// remove it even if this step dies half-way; removing what is not there is harmless.

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { ACTION_NAME } from '../about.js';
import { ActionError, messageOf } from '../errors.js';
import { parseJsonObject } from '../http/json.js';
import { hubBaseOf } from '../hub/hub-url.js';
import {
  addGlobalValue,
  getGlobalValues,
  globalConfigWritePath,
  listGlobalKeys,
  removeGlobalSection,
  unsetGlobalValue,
} from './config.js';
import { buildHelperCommand } from './helper-command.js';
import { repositoryPathOf } from './credential-protocol.js';
import type { Settings } from '../inputs.js';
import { GIT_CREDENTIALS_STATE } from '../runner/state.js';

/** Where the build puts the helper, relative to dist/index.js (see the `build` script). */
const HELPER_DIRECTORY = 'git-credential-helper';

interface AddedEntry {
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

/** The URLs whose git requests should carry the path: the resource's repository, with and without `.git`. */
export function repositoryUrlsOf(settings: Pick<Settings, 'hubUrl' | 'resource'>): string[] {
  const repository = `${settings.hubUrl.origin}/${repositoryPathOf(settings.hubUrl, settings.resource)}`;
  return [repository, `${repository}.git`];
}

/** Adds the credential helper to the global git config and records what was added for the post step. */
export async function configureGitCredentials(settings: Settings, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // dist/index.js and dist/git-credential-helper/index.js are built side by side; the helper runs
  // from the same checkout of the action, so its path is stable for the rest of the job.
  const helperPath = join(dirname(fileURLToPath(import.meta.url)), HELPER_DIRECTORY, 'index.js');
  if (!existsSync(helperPath)) {
    throw new ActionError(`The git credential helper is missing at ${helperPath}.`, {
      code: 'PACKAGING',
      hint: 'This is a packaging bug in the action; please report it.',
    });
  }
  const hubBase = hubBaseOf(settings.hubUrl);
  const helperEntry: AddedEntry = {
    key: `credential.${hubBase}.helper`,
    value: buildHelperCommand(process.execPath, helperPath, { ...settings, id: randomBytes(8).toString('hex') }),
  };

  try {
    const entries: AddedEntry[] = [helperEntry];
    for (const url of repositoryUrlsOf(settings)) {
      const key = `credential.${url}.useHttpPath`;
      if ((await getGlobalValues(key)).length === 0) entries.push({ key, value: 'true' });
    }
    const existingKeys = await listGlobalKeys();
    const sections = [...new Set(entries.map((entry) => entry.key.slice(0, entry.key.lastIndexOf('.'))))];
    const configFile = globalConfigWritePath(env);
    const state: GitCredentialsState = {
      entries,
      createdSections: sections.filter((section) => !existingKeys.some((key) => key.startsWith(`${section}.`))),
      createdConfigFile: existsSync(configFile) ? undefined : configFile,
    };
    core.saveState(GIT_CREDENTIALS_STATE, JSON.stringify(state));
    for (const entry of entries) await addGlobalValue(entry.key, entry.value);
  } catch (error: unknown) {
    const gitUnavailable = isGitUnavailable(error);
    throw new ActionError(`Configuring git for \`git-credentials\` failed: ${messageOf(error)}.`, {
      code: gitUnavailable ? 'GIT_UNAVAILABLE' : 'GIT_FAILED',
      cause: error,
      hint: gitUnavailable
        ? 'Install git before this step, or set `git-credentials: false`.'
        : 'Anything already added is removed by the post step.',
    });
  }
  core.info(
    `Configured git for the rest of the job: \`git clone\`, \`fetch\` and \`push\` (LFS included) to ${repositoryUrlsOf(settings)[0] ?? hubBase} ` +
      'get a fresh token from a credential helper each time; no token is stored. The post step removes this configuration.',
  );
}

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

/** The state saved by configureGitCredentials, or undefined when this step added nothing. */
export function readGitCredentialsState(): GitCredentialsState | undefined {
  const text = core.getState(GIT_CREDENTIALS_STATE);
  if (text === '') return undefined;
  const { object, problem } = parseJsonObject(text);
  if (problem !== undefined) throw new Error(`the saved state ${problem}`);
  if (!isGitCredentialsState(object)) throw new Error('the saved state does not have the expected shape');
  return object;
}

function isGitUnavailable(error: unknown): boolean {
  return error instanceof ActionError && error.code === 'GIT_UNAVAILABLE';
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

/**
 * Removes what configureGitCredentials added, and only that. Never throws: every problem becomes a
 * warning, because a cleanup must not fail a job whose real work is done.
 */
export async function removeGitCredentials(state: GitCredentialsState): Promise<void> {
  let removed = 0;
  for (const entry of state.entries) {
    try {
      if (await unsetGlobalValue(entry.key, entry.value)) removed++;
    } catch (error: unknown) {
      if (isGitUnavailable(error)) throw error; // one warning, not one per entry
      core.warning(
        `Could not remove ${entry.key} from the global git config: ${messageOf(error)}. Later jobs on this runner may still see it.`,
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
    `Removed the git credential configuration this step added (${removed} of ${state.entries.length} entries were still there).`,
  );
}
