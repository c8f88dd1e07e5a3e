// What `upload` will send, read from disk before the exchange, so that every mistake in the inputs
// or in the folder fails the step before a token exists and before any byte leaves the runner:
// the path missing, a folder empty after the filters, an `include` pattern that matches nothing,
// something that is not a file, a file larger than the Hub accepts, more files than a repository
// should hold.
//
// Only what the workflow names leaves the runner, judged by real paths (realpath), not by names:
// - a relative `upload` (or an absolute one inside GITHUB_WORKSPACE) is content of the checkout: its
//   real path must stay inside the workspace's, so `build -> $HOME` in checked-out code publishes
//   nothing; an absolute path elsewhere (`${{ runner.temp }}/out`) is the workflow's own and is
//   taken as it resolves. No real root inside a `.git` folder. (These root rules: real-paths.ts.)
// - inside, a symlink is judged by where it really points: outside the root, or into a `.git`
//   folder or a `.cache/` folder, or to a file `exclude` leaves out: refused, naming the link
//   (unless `include`/`exclude` leave the link itself out). A link to a folder is refused too: the
//   folder is walked under its own path, and following links between folders would read folders
//   again and again (`d_i/{a,b} -> ../d_{i+1}` doubles the plan at each level). A link to a file in
//   the folder is uploaded at the link's path, as before.
// - each real folder is walked once (by device and inode: a bind mount cannot make a loop), and the
//   walk stops as soon as the plan passes MAX_PLANNED_FILES.
// - each planned file records its device and inode; planned-file.ts reads it only if it is still
//   that file. (A process racing the walk itself, on the runner, is out of reach: it could read the
//   files itself.)
//
// Walk rules: any `.git` path component is always left out (as `hf upload`), and so is any `.cache`
// folder (`hf upload` leaves out `.cache/huggingface/`, its own upload state, and refuses any other
// path under a `.cache` folder; the action leaves them all out and counts them for the log);
// include/exclude are matched against paths relative to
// `upload` (patterns.ts); the result keeps a stable order (sorted by path in the repository).

import { lstatSync, type BigIntStats } from 'node:fs';
import { lstat, opendir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { InputError } from '../errors.js';
import { quoteForMessage } from '../runner/sanitize.js';
import { PatternSet } from './patterns.js';
import type { PlannedSource } from './planned-file.js';
import { describeFsError, isGitName, isInside, resolveUploadRoot } from './real-paths.js';
import type { UploadSettings } from './settings.js';

/** The largest file the Hub accepts (hub-docs storage-limits.md: 500 GB per file). */
export const MAX_FILE_BYTES = 500 * 1000 ** 3;

/**
 * The most files one upload plans (hub-docs storage-limits.md: fewer than 100k files per
 * repository). A plan past it is refused as soon as the walk finds file 100,001.
 */
export const MAX_PLANNED_FILES = 100_000;

export interface PlannedFile extends PlannedSource {
  /** Where it goes, `/`-separated. */
  readonly pathInRepo: string;
  /** The bytes to read: the file's real path (for a symlink in the folder, its target's). */
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
  /** Files left out by `include`/`exclude`; `.git` entries and `.cache` folders skipped. */
  readonly excludedByPatterns: number;
  readonly skippedGitEntries: number;
  readonly skippedCacheFolders: number;
}

const LINK_HINT = 'Copy the file into the folder instead of linking it, or exclude the link with `exclude`.';

/** Reads `upload` from disk and applies the rules above. Throws InputError with what to fix. */
export async function planUpload(
  settings: UploadSettings,
  limits: { readonly maxFiles: number } = { maxFiles: MAX_PLANNED_FILES },
): Promise<LocalPlan> {
  const given = quoteForMessage(settings.given);
  const { rootReal, rootStats } = await resolveUploadRoot(settings);
  if (rootStats.isFile()) return planSingleFile(settings, rootReal, rootStats);
  if (!rootStats.isDirectory()) {
    throw new InputError(`Input \`upload\` ${given} is neither a file nor a folder.`);
  }

  const include = new PatternSet(settings.include, 'include');
  const exclude = new PatternSet(settings.exclude, 'exclude');
  const prefix = settings.pathInRepo ?? '';
  const files: PlannedFile[] = [];
  let excludedByPatterns = 0;
  let skippedGitEntries = 0;
  let skippedCacheFolders = 0;

  /** Whether a path (relative to the folder) is selected by include/exclude. */
  const selected = (relativePath: string): boolean => {
    const included = include.isEmpty || include.matches(relativePath);
    if (!included || exclude.matches(relativePath)) {
      excludedByPatterns++;
      return false;
    }
    return true;
  };
  /** Whether a link in the folder would be uploaded, were it followed (without recording pattern use). */
  const wanted = (relativePath: string, isDirectory: boolean): boolean =>
    isDirectory
      ? !exclude.peek(relativePath) && !exclude.peek(`${relativePath}/`)
      : (include.isEmpty || include.peek(relativePath)) && !exclude.peek(relativePath);
  /** Real folders already walked, by device and inode. */
  const walked = new Set<string>();

  /** Walks the real folder `directory` (`relativeDirectory` from the root, `/`-separated). */
  const walk = async (directory: string, relativeDirectory: string): Promise<void> => {
    const self = await lstat(directory, { bigint: true });
    const key = `${self.dev}:${self.ino}`;
    // Some file systems (network shares on Windows, FAT) report no inode: nothing to compare then.
    if (self.ino !== 0n && walked.has(key)) {
      throw new InputError(
        `The folder ${quoteForMessage(relativeDirectory || '.')} in \`upload\` is a folder already read under ` +
          `another path (a bind mount?): refused, so that no folder is read twice.`,
        { hint: 'Upload the folder from one place only.' },
      );
    }
    walked.add(key);
    const entries: string[] = [];
    for await (const entry of await opendir(directory)) entries.push(entry.name);
    entries.sort();
    for (const name of entries) {
      const relativePath = relativeDirectory === '' ? name : `${relativeDirectory}/${name}`;
      if (isGitName(name)) {
        skippedGitEntries++;
        continue;
      }
      const path = join(directory, name);
      // Synchronous: one lstat takes microseconds, a thread-pool round trip more, and a folder of
      // 10,000 files makes 10,000 of them (half a second of a 2-second upload when awaited in turn).
      const entry = lstatSync(path, { bigint: true });
      if (name === '.cache' && (entry.isDirectory() || entry.isSymbolicLink())) {
        skippedCacheFolders++;
        continue;
      }
      if (entry.isSymbolicLink()) {
        await followLink(path, relativePath, directory);
        continue;
      }
      if (entry.isDirectory()) {
        await walk(path, relativePath);
        continue;
      }
      if (!entry.isFile()) {
        if (selected(relativePath)) refuseSpecialFile(relativePath);
        continue;
      }
      if (selected(relativePath)) add(relativePath, path, entry);
    }
  };

  /** A symlink in the folder: judged by where it really points (see the rules at the top). */
  const followLink = async (path: string, relativePath: string, directory: string): Promise<void> => {
    const link = quoteForMessage(relativePath);
    const target = await realpath(path).catch((error: unknown) => {
      throw new InputError(`The symlink ${link} in \`upload\` is broken (${describeFsError(error)}).`, {
        hint: 'Remove it, or exclude it with `exclude`.',
      });
    });
    const targetStats = await stat(target, { bigint: true });
    if (!wanted(relativePath, targetStats.isDirectory())) {
      // Counted as left out, and, for a file, recorded against `include` as any file is.
      if (targetStats.isDirectory()) excludedByPatterns++;
      else selected(relativePath);
      return;
    }
    if (!isInside(rootReal, target)) {
      // A link to a folder outside is refused even when its files would be excluded: what is below
      // it cannot be listed without reading outside the folder.
      throw new InputError(
        `The symlink ${link} in \`upload\` points outside it, to ${quoteForMessage(target)}: refused, so that a ` +
          `symlink in checked-out code (a pull_request_target run, for example) cannot publish files of the runner.`,
        { hint: LINK_HINT },
      );
    }
    const targetInRoot = relative(rootReal, target);
    const shownTarget = quoteForMessage(targetInRoot.split(sep).join('/') || '.');
    if (isNeverUploaded(targetInRoot)) {
      throw new InputError(
        `The symlink ${link} in \`upload\` points to ${shownTarget}, inside a \`.git\` or \`.cache\` ` +
          `folder, which never leaves the runner: refused (a checkout's .git/config can hold its credentials).`,
        { hint: 'Remove the link, or exclude it with `exclude`.' },
      );
    }
    if (targetStats.isDirectory()) {
      const loop = isInside(target, directory);
      throw new InputError(
        loop
          ? `The symlink ${link} in \`upload\` makes a loop (it points to ${shownTarget}, a folder that contains it).`
          : `The symlink ${link} in \`upload\` points to the folder ${shownTarget}: links to folders are not ` +
              `followed, so that each folder is read once, under its own path (links between folders could ` +
              `otherwise multiply the files without end).`,
        {
          hint:
            `Exclude the link (\`exclude: ${relativePath}/\`)` +
            (loop ? ' or remove it.' : ', or copy the folder if its files must also be at that path.'),
        },
      );
    }
    if (exclude.peek(targetInRoot.split(sep).join('/'))) {
      throw new InputError(
        `The symlink ${link} in \`upload\` points to ${shownTarget}, which \`exclude\` leaves out: refused, so ` +
          `that a link cannot publish what the workflow excluded.`,
        { hint: 'Remove the link, or exclude it too.' },
      );
    }
    if (!targetStats.isFile()) {
      if (selected(relativePath)) refuseSpecialFile(relativePath);
      return;
    }
    if (selected(relativePath)) add(relativePath, target, targetStats);
  };

  const add = (relativePath: string, localPath: string, stats: BigIntStats): void => {
    if (files.length >= limits.maxFiles) {
      throw new InputError(
        `\`upload\` ${given} holds more than ${limits.maxFiles.toLocaleString('en-US')} files to upload: ` +
          `refused, as the Hub advises fewer than 100,000 files per repository (the walk stopped there).`,
        {
          hint:
            'Narrow `upload`, `include` and `exclude`, or pack small files into archives or Parquet shards; ' +
            'check for a link or a generated folder that adds files you did not mean to publish.',
        },
      );
    }
    const size = Number(stats.size);
    checkSize(size, relativePath);
    const file: PlannedFile = {
      pathInRepo: prefix === '' ? relativePath : `${prefix}/${relativePath}`,
      localPath,
      relativePath,
      size,
      identity: { device: stats.dev, inode: stats.ino },
    };
    checkRepoPath(file);
    files.push(file);
  };

  await walk(rootReal, '').catch((error: unknown) => {
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
        : skippedGitEntries > 0 || skippedCacheFolders > 0
          ? 'it holds nothing but `.git` or `.cache`'
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
    skippedCacheFolders,
  };
}

/** The plan for `upload` naming one file: that file, at `path-in-repo` or under its own name. */
function planSingleFile(settings: UploadSettings, rootReal: string, rootStats: BigIntStats): LocalPlan {
  const given = quoteForMessage(settings.given);
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
  const size = Number(rootStats.size);
  checkSize(size, settings.given);
  const file: PlannedFile = {
    pathInRepo,
    localPath: rootReal,
    relativePath: name,
    size,
    identity: { device: rootStats.dev, inode: rootStats.ino },
  };
  checkRepoPath(file);
  return {
    kind: 'file',
    files: [file],
    totalBytes: file.size,
    deleteBase: pathInRepo.includes('/') ? pathInRepo.slice(0, pathInRepo.lastIndexOf('/')) : '',
    excludedByPatterns: 0,
    skippedGitEntries: 0,
    skippedCacheFolders: 0,
  };
}

/** Whether a path relative to the root lies in what is never uploaded: `.git`, a `.cache` folder. */
function isNeverUploaded(pathInRoot: string): boolean {
  const parts = pathInRoot.split(sep);
  return parts.some(isGitName) || parts.slice(0, -1).includes('.cache');
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
