// What `upload` will send, read from disk before the exchange, so that every mistake in the inputs
// or in the folder fails the step before a token exists and before any byte leaves the runner:
// the path missing, a folder empty after the filters, an `include` pattern that matches nothing,
// a symlink that points outside the folder (in a `pull_request_target` run it would publish the
// runner's files), something that is not a file, a file larger than the Hub accepts.
//
// Walk rules (as `hf upload`): any `.git` path component and `.cache/huggingface/` (huggingface_hub's
// own upload state) are always left out; include/exclude are matched against paths relative to
// `upload` (patterns.ts); the result keeps a stable order (sorted by path in the repository).

import { lstat, opendir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { InputError } from '../errors.js';
import { quoteForMessage } from '../runner/sanitize.js';
import { PatternSet } from './patterns.js';
import type { UploadSettings } from './settings.js';

/** The largest file the Hub accepts (hub-docs storage-limits.md: 500 GB per file). */
export const MAX_FILE_BYTES = 500 * 1000 ** 3;

export interface PlannedFile {
  /** Where it goes, `/`-separated. */
  readonly pathInRepo: string;
  /** The bytes to read: the file itself, or a symlink's target (inside the folder). */
  readonly localPath: string;
  /** Relative to `upload`, for messages ("weights/model.safetensors"). */
  readonly relativePath: string;
  readonly size: number;
}

export interface LocalPlan {
  readonly kind: 'file' | 'directory';
  /** Sorted by pathInRepo. */
  readonly files: readonly PlannedFile[];
  readonly totalBytes: number;
  /** The repository folder the `delete` patterns are relative to ('' for the root). */
  readonly deleteBase: string;
  /** Files left out by `include`/`exclude`, and `.git`/`.cache/huggingface` entries skipped. */
  readonly excludedByPatterns: number;
  readonly skippedGitEntries: number;
}

/** Reads `upload` from disk and applies the rules above. Throws InputError with what to fix. */
export async function planUpload(settings: UploadSettings): Promise<LocalPlan> {
  const given = quoteForMessage(settings.given);
  const root = await lstat(settings.localPath).catch((error: unknown) => {
    throw new InputError(
      `Input \`upload\` ${given} does not exist (looked for ${quoteForMessage(settings.localPath)}: ${describeFsError(error)}).`,
      {
        hint:
          'A relative `upload` is resolved against GITHUB_WORKSPACE. Check the path, and that an earlier ' +
          'step of this job wrote it there.',
      },
    );
  });
  const rootReal = await realpath(settings.localPath);
  const rootStats = root.isSymbolicLink() ? await stat(rootReal) : root;

  if (rootStats.isFile()) {
    if (settings.include.length > 0 || settings.exclude.length > 0) {
      throw new InputError(
        `\`include\` and \`exclude\` select files inside a folder, but \`upload\` ${given} is a single file.`,
        { hint: 'Remove `include`/`exclude`, or set `upload` to the folder that holds the files.' },
      );
    }
    const name = basename(settings.localPath);
    const pathInRepo =
      settings.pathInRepo && !settings.pathInRepoIsFolder
        ? settings.pathInRepo
        : [settings.pathInRepo, name].filter(Boolean).join('/');
    checkSize(rootStats.size, settings.given);
    const file: PlannedFile = {
      pathInRepo,
      localPath: rootReal,
      relativePath: name,
      size: rootStats.size,
    };
    checkRepoPath(file);
    return {
      kind: 'file',
      files: [file],
      totalBytes: file.size,
      deleteBase: pathInRepo.includes('/') ? pathInRepo.slice(0, pathInRepo.lastIndexOf('/')) : '',
      excludedByPatterns: 0,
      skippedGitEntries: 0,
    };
  }
  if (!rootStats.isDirectory()) {
    throw new InputError(`Input \`upload\` ${given} is neither a file nor a folder.`);
  }

  const include = new PatternSet(settings.include, 'include');
  const exclude = new PatternSet(settings.exclude, 'exclude');
  const prefix = settings.pathInRepo ?? '';
  const files: PlannedFile[] = [];
  let excludedByPatterns = 0;
  let skippedGitEntries = 0;

  /** Whether a path (relative to the folder) is selected by include/exclude. */
  const selected = (relativePath: string): boolean => {
    const included = include.isEmpty || include.matches(relativePath);
    if (!included || exclude.matches(relativePath)) {
      excludedByPatterns++;
      return false;
    }
    return true;
  };
  const outside = (target: string): boolean => {
    const fromRoot = relative(rootReal, target);
    return fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || fromRoot === target;
  };

  /** Walks `directory` (whose real path is `real`); `ancestors` are the real paths above it, for loops. */
  const walk = async (directory: string, relativeDirectory: string, ancestors: ReadonlySet<string>): Promise<void> => {
    const entries: string[] = [];
    for await (const entry of await opendir(directory)) entries.push(entry.name);
    entries.sort();
    for (const name of entries) {
      const relativePath = relativeDirectory === '' ? name : `${relativeDirectory}/${name}`;
      if (name === '.git' || /(^|\/)\.cache\/huggingface$/.test(relativePath)) {
        skippedGitEntries++;
        continue;
      }
      const path = join(directory, name);
      const entry = await lstat(path);
      if (entry.isSymbolicLink()) {
        const target = await realpath(path).catch((error: unknown) => {
          throw new InputError(
            `The symlink ${quoteForMessage(relativePath)} in \`upload\` is broken (${describeFsError(error)}).`,
            { hint: 'Remove it, or exclude it with `exclude`.' },
          );
        });
        const targetStats = await stat(target);
        if (outside(target)) {
          // Refused unless it would not be uploaded anyway. A link to a folder outside is refused
          // even then: what is below it cannot be listed without reading outside the folder.
          const wanted = targetStats.isDirectory()
            ? !exclude.peek(relativePath) && !exclude.peek(`${relativePath}/`)
            : (include.isEmpty || include.peek(relativePath)) && !exclude.peek(relativePath);
          if (wanted) {
            throw new InputError(
              `The symlink ${quoteForMessage(relativePath)} in \`upload\` points outside it, to ` +
                `${quoteForMessage(target)}: refused, so that a symlink in checked-out code (a pull_request_target ` +
                `run, for example) cannot publish files of the runner.`,
              {
                hint: 'Copy the file into the folder instead of linking it, or exclude the link with `exclude`.',
              },
            );
          }
          excludedByPatterns++;
          continue;
        }
        if (targetStats.isDirectory()) {
          if (ancestors.has(target) || target === rootReal) {
            throw new InputError(
              `The symlink ${quoteForMessage(relativePath)} in \`upload\` makes a loop (it points to a folder ` +
                `that contains it).`,
              { hint: 'Remove it, or exclude it with `exclude`.' },
            );
          }
          await walk(target, relativePath, new Set([...ancestors, target]));
          continue;
        }
        if (!targetStats.isFile()) {
          if (selected(relativePath)) refuseSpecialFile(relativePath);
          continue;
        }
        if (selected(relativePath)) add(relativePath, target, targetStats.size);
        continue;
      }
      if (entry.isDirectory()) {
        await walk(path, relativePath, new Set([...ancestors, await realpath(path)]));
        continue;
      }
      if (!entry.isFile()) {
        if (selected(relativePath)) refuseSpecialFile(relativePath);
        continue;
      }
      if (selected(relativePath)) add(relativePath, path, entry.size);
    }
  };
  const add = (relativePath: string, localPath: string, size: number): void => {
    checkSize(size, relativePath);
    const file = {
      pathInRepo: prefix === '' ? relativePath : `${prefix}/${relativePath}`,
      localPath,
      relativePath,
      size,
    };
    checkRepoPath(file);
    files.push(file);
  };

  await walk(rootReal, '', new Set([rootReal])).catch((error: unknown) => {
    if (error instanceof InputError) throw error;
    const path = (error as NodeJS.ErrnoException | undefined)?.path;
    throw new InputError(
      `Could not read ${path === undefined ? 'the folder' : quoteForMessage(relative(rootReal, path) || '.')} in ` +
        `\`upload\` ${given}: ${describeFsError(error)}.`,
      {
        hint: 'Check the permissions of the files to upload, or exclude what cannot be read with `exclude`.',
        cause: error,
      },
    );
  });

  const unmatched = include.unmatched();
  if (unmatched.length > 0) {
    throw new InputError(
      `${unmatched.length === 1 ? 'This `include` pattern matches' : 'These `include` patterns match'} no file ` +
        `in \`upload\` ${given}: ${unmatched.map((pattern) => quoteForMessage(pattern)).join(', ')}.`,
      {
        hint:
          'Patterns are matched against paths relative to `upload`, case-sensitively; `*` also matches `/`. ' +
          'Fix the pattern, or remove it if the files are optional.',
      },
    );
  }
  if (files.length === 0 && settings.deletePatterns.length === 0) {
    const why =
      excludedByPatterns > 0
        ? `all ${excludedByPatterns} of its files are left out by \`include\`/\`exclude\``
        : skippedGitEntries > 0
          ? 'it holds nothing but `.git`'
          : 'it is empty';
    throw new InputError(`Nothing to upload: \`upload\` ${given} is a folder, but ${why}.`, {
      hint: 'Check `upload` and the patterns; an earlier step of the job may not have written the files.',
    });
  }
  files.sort((a, b) => (a.pathInRepo < b.pathInRepo ? -1 : a.pathInRepo > b.pathInRepo ? 1 : 0));
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.pathInRepo)) throw new InputError(`Two files would go to ${quoteForMessage(file.pathInRepo)}.`);
    seen.add(file.pathInRepo);
  }
  return {
    kind: 'directory',
    files,
    totalBytes: files.reduce((sum, file) => sum + file.size, 0),
    deleteBase: prefix,
    excludedByPatterns,
    skippedGitEntries,
  };
}

function checkSize(size: number, name: string): void {
  if (size > MAX_FILE_BYTES) {
    throw new InputError(
      `${quoteForMessage(name)} is ${formatBytes(size)}: the Hub accepts files of at most ` +
        `${formatBytes(MAX_FILE_BYTES)} (500 GB).`,
      { hint: 'Split it into smaller files (for model weights, shards), or exclude it with `exclude`.' },
    );
  }
}

function checkRepoPath(file: PlannedFile): void {
  if (/[\p{Cc}]/u.test(file.pathInRepo)) {
    throw new InputError(
      `The file ${quoteForMessage(file.relativePath)} has a control character in its name, which the Hub refuses.`,
      { hint: 'Rename it, or exclude it with `exclude`.' },
    );
  }
}

function refuseSpecialFile(relativePath: string): never {
  throw new InputError(
    `${quoteForMessage(relativePath)} in \`upload\` is not a regular file (a socket, pipe or device): it cannot ` +
      `be uploaded.`,
    { hint: 'Exclude it with `exclude`.' },
  );
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT'
    ? 'no such file or folder'
    : code === 'EACCES'
      ? 'permission denied'
      : (code ?? 'unreadable');
}

/** Bytes in binary units, for messages and progress lines ("512.0 MiB", "1.2 GiB"). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit] ?? ''}`;
}
