// The `upload` inputs, validated without touching the disk or the network, before the exchange
// (readInputs reads them; this runs with the upload code, which main.ts loads only when `upload`
// is set, so the default path does not carry it; the folder itself is read by plan.ts).

import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import type { Resource } from '../hub/resource.js';
import { quoteForMessage } from '../runner/sanitize.js';

export interface UploadSettings {
  /** The `upload` input as the user wrote it, for messages. */
  readonly given: string;
  /** `upload` resolved against GITHUB_WORKSPACE (an absolute path is taken as is). */
  readonly localPath: string;
  /**
   * GITHUB_WORKSPACE when `upload` is content of the checkout (relative, or absolute inside the
   * workspace): its real path must then stay inside this folder's real path (plan.ts). Undefined
   * for an absolute path elsewhere, which the workflow writes itself (`${{ runner.temp }}/out`).
   */
  readonly workspace: string | undefined;
  /** `path-in-repo`, normalised (no leading or trailing `/`, no `.` segments); undefined: the default. */
  readonly pathInRepo: string | undefined;
  /** `path-in-repo` ended with `/`: for a single file, the folder it goes into (as `hf upload` reads it). */
  readonly pathInRepoIsFolder: boolean;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** `delete`: patterns of files already in the repository to delete in the same commit. */
  readonly deletePatterns: readonly string[];
  readonly commitMessage: string | undefined;
  readonly commitDescription: string;
  /** The branch to commit to (or, without `create-pr`, an open pull request's `refs/pr/N`). */
  readonly revision: string;
  readonly createPr: boolean;
  /** The repository the commit goes to: `upload` refuses user resources and buckets. */
  readonly repo: {
    readonly kind: 'model' | 'dataset' | 'space' | 'kernel';
    readonly namespace: string;
    readonly name: string;
  };
}

/** The inputs as readInputs read them (core.getInput values: trimmed, '' when unset). */
export interface RawUploadInputs {
  readonly upload: string;
  readonly pathInRepo: string;
  readonly include: string;
  readonly exclude: string;
  readonly delete: string;
  readonly commitMessage: string;
  readonly commitDescription: string;
  readonly revision: string;
  readonly createPr: boolean;
}

const DEFAULT_REVISION = 'main';

/**
 * Validates the upload inputs (readInputs read them, and refused upload-only inputs without
 * `upload`). Throws InputError when they cannot work, before anything is read or sent.
 */
export function parseUploadInputs(
  raw: RawUploadInputs,
  resource: Resource,
  env: NodeJS.ProcessEnv = process.env,
): UploadSettings {
  if (resource.kind === 'user') {
    throw new InputError(
      `\`upload\` needs a repository resource, but \`resource\` is the user ${resource.username}: a user token ` +
        `is read-only and cannot commit.`,
      { hint: 'Set `resource` to the repository to commit to, e.g. `acme/awesome-model` or `datasets/acme/x`.' },
    );
  }
  if (resource.kind === 'bucket') {
    throw new InputError(
      `\`upload\` commits to a repository, and ${resource.value} is a bucket: buckets have no commits, branches ` +
        `or pull requests, so the commit, its provenance block and the commit outputs cannot exist.`,
      {
        hint:
          'Leave `upload` empty and sync the bucket in a later step with the exported HF_TOKEN (for example ' +
          '`hf buckets sync`).',
      },
    );
  }
  const workspace = resolve(env['GITHUB_WORKSPACE'] || process.cwd());
  const localPath = isAbsolute(raw.upload) ? resolve(raw.upload) : resolve(workspace, raw.upload);
  const fromWorkspace = relative(workspace, localPath);
  const inWorkspace =
    !isAbsolute(raw.upload) ||
    fromWorkspace === '' ||
    (fromWorkspace !== '..' && !fromWorkspace.startsWith(`..${sep}`) && !isAbsolute(fromWorkspace));
  return {
    given: raw.upload,
    localPath,
    workspace: inWorkspace ? workspace : undefined,
    pathInRepo: raw.pathInRepo === '' ? undefined : normalisePathInRepo(raw.pathInRepo, 'Input `path-in-repo`'),
    pathInRepoIsFolder: /[\\/]$/.test(raw.pathInRepo),
    include: parsePatterns(raw.include, 'include'),
    exclude: parsePatterns(raw.exclude, 'exclude'),
    deletePatterns: parsePatterns(raw.delete, 'delete'),
    commitMessage: raw.commitMessage === '' ? undefined : parseCommitMessage(raw.commitMessage),
    commitDescription: withoutControlCharacters(raw.commitDescription),
    revision: parseRevision(raw.revision || DEFAULT_REVISION),
    createPr: raw.createPr,
    repo: { kind: resource.kind, namespace: resource.namespace, name: resource.name },
  };
}

/**
 * A path in the repository, as the Hub stores it: `/`-separated, relative, no `.` or `..` segment,
 * no `.git` or `.cache` component, no control character. '' is the repository's root. Throws InputError.
 */
export function normalisePathInRepo(raw: string, label: string): string {
  const segments = raw
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.');
  const refuse = (why: string): never => {
    throw new InputError(`${label} ${quoteForMessage(raw)} ${why}.`, {
      hint: 'Give a path inside the repository such as `models/v2` or `config.json`; leave it empty for the default.',
    });
  };
  if (segments.includes('..')) refuse('contains `..`: paths in a repository cannot leave it');
  if (segments.includes('.git')) refuse('contains a `.git` component, which the Hub refuses');
  // huggingface_hub refuses any path under a `.cache` folder (FORBIDDEN_FOLDERS in utils/_paths.py),
  // and the action leaves such files out of a folder: writing there on purpose is refused the same.
  if (segments.includes('.cache')) refuse('contains a `.cache` component: files under `.cache/` are never uploaded');
  if (/[\p{Cc}]/u.test(raw)) refuse('contains a control character');
  return segments.join('/');
}

/** Newline-separated patterns; blank lines are ignored, `\` is a path separator as in huggingface_hub. */
function parsePatterns(raw: string, name: string): string[] {
  const patterns = raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  for (const pattern of patterns) {
    if (/[\p{Cc}]/u.test(pattern)) {
      throw new InputError(`Input \`${name}\` has a pattern with a control character: ${quoteForMessage(pattern)}.`);
    }
  }
  return patterns;
}

/**
 * The commit's title: one line without control characters. A message taken whole from git
 * (`github.event.head_commit.message`) has more lines, which the Hub would keep in the commit
 * message ahead of the provenance block, where they could pass for one.
 */
function parseCommitMessage(raw: string): string {
  if (raw.length > 1000) {
    throw new InputError(`Input \`commit-message\` is ${raw.length} characters long (at most 1000).`, {
      hint: 'Put the details in `commit-description`: the message is the commit title.',
    });
  }
  const offending = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u.exec(raw);
  if (offending) {
    const what = /[\r\n\u2028\u2029]/.test(offending[0]) ? 'a line break' : 'a control character';
    throw new InputError(
      `Input \`commit-message\` must be one line without control characters, but it holds ${what} ` +
        `(${quoteForMessage(offending[0])} at character ${offending.index + 1}).`,
      {
        hint:
          'The message is the commit title: give its first line only (for a message from git, cut it in a step ' +
          'before, e.g. `head -n 1`), and put the rest in `commit-description`.',
      },
    );
  }
  return raw;
}

/**
 * `commit-description` without control characters other than newline and tab (a carriage return,
 * an escape sequence, a NUL): it is Markdown on the Hub, and the provenance block follows it.
 */
function withoutControlCharacters(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\n\t]/gu, '');
}

/** A branch (or `refs/pr/N`) name: what git allows, minus what cannot be a single URL segment safely. */
function parseRevision(raw: string): string {
  const problem =
    raw.length > 255
      ? 'is too long'
      : /[\s\p{Cc}~^:?*[\\]/u.test(raw)
        ? 'contains a character a git branch name cannot have'
        : /(^|\/)\.|\.\.|\/$|^\/|\.lock$|@\{/.test(raw)
          ? 'is not a valid git branch name'
          : undefined;
  if (problem !== undefined) {
    throw new InputError(`Input \`revision\` ${quoteForMessage(raw)} ${problem}.`, {
      hint: 'Give the name of an existing branch of the repository, such as `main`.',
    });
  }
  return raw;
}
