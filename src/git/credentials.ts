// `git-credentials: true`: configure git, for the rest of the job, to get a fresh Hub token from the
// credential helper each time it talks to the configured resource on the hub; and, in the post step,
// remove exactly what was added.
//
// What is added to the global git config (never a token, only the helper's command line), for each
// of the resource's two URLs, `{hub}/{resource}` and `{hub}/{resource}.git`:
//   [credential "<hub>/<resource>"]
//     helper =                 (empty: git resets its helper list here; not added if already reset, see below)
//     helper = !'<node>' '<dist>/git-credential-helper/index.js' --hub-url … --id <random>
//     useHttpPath = true       (only if not set already)
//
// Why the empty value. git collects `credential.helper` and every matching `credential.<url>.helper`
// in config order (system, global, local, command line; credential.c with urlmatch.c's select_all:
// a URL-specific value does not outrank a generic one, it is simply read later), asks each for `get`
// until one answers, and after a successful request sends `store` to every one of them. Git for
// Windows installs a system `credential.helper=manager` (GCM) and macOS gits often `osxkeychain`:
// asked first, they would answer with the 60-minute token they were handed to store an hour earlier,
// and a late push would fail. An empty value resets the list collected so far (git 2.9+), so for
// these two URLs only the action's helper is asked, stored to and erased from. The sections name the
// repository's URLs, never the host: git matches them as a path prefix on a segment boundary, so
// every other repository on the hub, and every other host, keeps the user's helpers. Helpers added
// after ours (a repository's own config, `git -c`) still come after it: ours answers first.
//
// Several invocations in one job: the first to configure a URL adds the reset; a later one whose
// URL section already ends with a reset followed only by this action's helpers adds just its helper
// (git asks the first; all of them answer alike). Post steps run in reverse order, so the reset goes
// with the invocation that added it, last. Each entry carries its invocation's random `--id`.
//
// useHttpPath makes git (and git-lfs) tell the helper which repository it wants, so the helper can
// check it (credential-protocol.ts). What was added is saved with core.saveState before anything is
// written, so the post step can remove it even if this step dies half-way; removing what is not
// there is harmless.

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

/**
 * Whether a helper command is one this action configures (any invocation, any version that builds
 * its command with buildHelperCommand): `!'<node>' '<…>/git-credential-helper/index.js' '--hub-url' …`.
 */
export function isActionHelperCommand(value: string): boolean {
  return /^!'.*[\\/]git-credential-helper[\\/]index\.js' '--hub-url' '/.test(value);
}

/**
 * Whether our helper needs an empty `helper` value before it in a URL section holding `values`
 * (the global config's values of that key, in order): unless the section's last reset is followed
 * only by this action's helpers, an earlier invocation's reset that already does the job.
 */
export function needsHelperReset(values: readonly string[]): boolean {
  const lastReset = values.lastIndexOf('');
  return lastReset === -1 || !values.slice(lastReset + 1).every(isActionHelperCommand);
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
  const helperCommand = buildHelperCommand(process.execPath, helperPath, {
    ...settings,
    id: randomBytes(8).toString('hex'),
  });

  try {
    const entries: AddedEntry[] = [];
    for (const url of repositoryUrlsOf(settings)) {
      const helperKey = `credential.${url}.helper`;
      if (needsHelperReset(await getGlobalValues(helperKey))) entries.push({ key: helperKey, value: '' });
      entries.push({ key: helperKey, value: helperCommand });
      const useHttpPathKey = `credential.${url}.useHttpPath`;
      if ((await getGlobalValues(useHttpPathKey)).length === 0) entries.push({ key: useHttpPathKey, value: 'true' });
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
    // In order: each URL's reset before its helper.
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
  const [repositoryUrl = hubBaseOf(settings.hubUrl)] = repositoryUrlsOf(settings);
  core.info(
    `Configured git for the rest of the job: \`git clone\`, \`fetch\` and \`push\` (LFS included) to ${repositoryUrl} ` +
      'get a fresh token from a credential helper each time, the only helper git asks for that repository; no token is stored. ' +
      'The post step removes this configuration.',
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

/** `key = value` for a message; the helper's long command line shortened, the empty reset named. */
function describeEntry(entry: AddedEntry): string {
  if (entry.value === '') return `the empty ${entry.key} (which resets git's helper list)`;
  return isActionHelperCommand(entry.value) ? `this step's ${entry.key}` : `${entry.key} = ${entry.value}`;
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
        `Could not remove ${describeEntry(entry)} from the global git config: ${messageOf(error)}. Later jobs on this runner may still see it.`,
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
