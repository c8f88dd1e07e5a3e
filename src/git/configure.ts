// `git-credentials: true`: configure git, for the rest of the job, to get a fresh Hub token from the
// credential helper each time it talks to the configured resource on the hub. The post step removes
// exactly what was added (clean-up.ts), from the record saved here (saved-state.ts).
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
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { ActionError, messageOf } from '../errors.js';
import { hubBaseOf } from '../hub/hub-url.js';
import type { Settings } from '../inputs.js';
import { addGlobalValue, getGlobalValues, globalConfigWritePath, isGitUnavailable, listGlobalKeys } from './config.js';
import { repositoryPathOf } from './credential-protocol.js';
import { buildHelperCommand, isActionHelperCommand } from './helper-command.js';
import { saveGitCredentialsState, type AddedEntry } from './saved-state.js';

/** Where the build puts the helper, relative to dist/index.js (see the `build` script). */
const HELPER_DIRECTORY = 'git-credential-helper';

/** The URLs whose git requests should carry the path: the resource's repository, with and without `.git`. */
export function repositoryUrlsOf(settings: Pick<Settings, 'hubUrl' | 'resource'>): string[] {
  const repository = `${settings.hubUrl.origin}/${repositoryPathOf(settings.hubUrl, settings.resource)}`;
  return [repository, `${repository}.git`];
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
    const state = {
      entries,
      createdSections: sections.filter((section) => !existingKeys.some((key) => key.startsWith(`${section}.`))),
      createdConfigFile: existsSync(configFile) ? undefined : configFile,
    };
    saveGitCredentialsState(state);
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
    `Configured git for the rest of the job: \`git clone\`, \`fetch\` and \`push\` (LFS included) to ` +
      `${repositoryUrl} ` +
      'get a fresh token from a credential helper each time, the only helper git asks for that repository; no ' +
      'token is stored. ' +
      'The post step removes this configuration.',
  );
}
