// Where `upload` really is, judged by real paths (realpath), not by names: the root the workflow
// named must exist and resolve; a relative `upload` (or an absolute one inside GITHUB_WORKSPACE) is
// content of the checkout, so its real path must stay inside the workspace's (`build -> $HOME` in
// checked-out code publishes nothing), while an absolute path elsewhere (`${{ runner.temp }}/out`)
// is the workflow's own; no root inside a `.git` folder. Also the path predicates plan.ts's walk
// judges links with. Throws InputError; no network.

import type { BigIntStats } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { InputError } from '../errors.js';
import { quoteForMessage } from '../runner/sanitize.js';
import type { UploadSettings } from './settings.js';

/** The real path of `upload` and what it is (a file or a folder), once the rules above allow it. */
export async function resolveUploadRoot(
  settings: UploadSettings,
): Promise<{ readonly rootReal: string; readonly rootStats: BigIntStats }> {
  const given = quoteForMessage(settings.given);
  await lstat(settings.localPath).catch((error: unknown) => {
    throw new InputError(
      `Input \`upload\` ${given} does not exist (looked for ${quoteForMessage(settings.localPath)}: ${describeFsError(error)}).`,
      {
        hint:
          'A relative `upload` is resolved against GITHUB_WORKSPACE. Check the path, and that an earlier ' +
          'step of this job wrote it there.',
      },
    );
  });
  const rootReal = await realpath(settings.localPath).catch((error: unknown) => {
    throw new InputError(
      `Input \`upload\` ${given} cannot be resolved (${describeFsError(error)}): it is, or goes through, a broken symlink.`,
      { hint: 'Check the path, and the symlinks on the way to it.' },
    );
  });
  await checkRoot(settings, rootReal);
  return { rootReal, rootStats: await stat(rootReal, { bigint: true }) };
}

/**
 * The root's real path against the workspace rule: content of the checkout must resolve inside the
 * workspace, and nothing inside a `.git` folder is uploaded. Throws InputError.
 */
async function checkRoot(settings: UploadSettings, rootReal: string): Promise<void> {
  const given = quoteForMessage(settings.given);
  if (settings.workspace !== undefined) {
    const workspaceReal = await realpath(settings.workspace).catch(() => settings.workspace ?? '');
    if (!isInside(workspaceReal, rootReal)) {
      throw new InputError(
        `Input \`upload\` ${given} resolves to ${quoteForMessage(rootReal)}, outside the workspace ` +
          `(GITHUB_WORKSPACE): refused, because a path in the workspace is content of the checkout, and a ` +
          `symlink there (in a pull_request_target run, for example) could publish files of the runner.`,
        {
          hint:
            'Upload a folder that is really inside the workspace. For files the workflow writes itself ' +
            'elsewhere, give an absolute path outside the workspace, for example under `${{ runner.temp }}`.',
        },
      );
    }
  }
  if (rootReal.split(/[\\/]/).some(isGitName)) {
    throw new InputError(
      `Input \`upload\` ${given} resolves to ${quoteForMessage(rootReal)}, inside a \`.git\` folder, which never ` +
        `leaves the runner (a checkout's .git/config can hold its credentials).`,
      { hint: 'Upload the files themselves, not the repository metadata.' },
    );
  }
}

/** Whether `path` is `folder` or below it (both absolute, resolved). */
export function isInside(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder === '' || (fromFolder !== '..' && !fromFolder.startsWith(`..${sep}`) && !isAbsolute(fromFolder));
}

/**
 * `.git` in any case: on the case-insensitive file systems of macOS and Windows runners, `.GIT/config`
 * is the checkout's own `.git/config`, credentials included.
 */
export function isGitName(name: string): boolean {
  return name.toLowerCase() === '.git';
}

/** A file system error as a few words for a message. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT'
    ? 'no such file or folder'
    : code === 'EACCES'
      ? 'permission denied'
      : (code ?? 'unreadable');
}
