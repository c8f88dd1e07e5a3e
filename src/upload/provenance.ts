// Every Hub commit the action makes leads back to the GitHub run that made it: the commit message
// names the repository, short SHA and run by default, and a provenance block is always appended to
// the description (the run URL on the run's own GITHUB_SERVER_URL, `repository@sha`, the workflow
// ref, the event and the actor). The block also carries a marker unique to this run of the step, so
// that after a commit request that got no answer the action can tell whether its commit landed.
//
// The block is always the last thing in the description, so a reader trusts the last one: a
// user's description (or a title, which settings.ts keeps to one line) can imitate it only ahead
// of it.
//
// The values come from the runner's environment; none is secret. The description is Markdown on
// the Hub, so values are put in code spans with backticks and control characters removed, and the
// run URL is built from checked parts only.

import { randomBytes } from 'node:crypto';
import { buildRunUrl } from '../github/run-url.js';

export interface CommitText {
  readonly title: string;
  readonly description: string;
  /** A string that appears in this commit's description and in no other commit's. */
  readonly marker: string;
  /** The run's URL, when the environment names it. */
  readonly runUrl: string | undefined;
}

const PROVENANCE_HEADING = 'Published from GitHub Actions';

/** The commit's title and description: the user's (or the default title), plus the provenance block. */
export function buildCommitText(
  options: { readonly message: string | undefined; readonly description: string },
  env: NodeJS.ProcessEnv = process.env,
  nonce: string = randomBytes(8).toString('hex'),
): CommitText {
  const repository = checked(env['GITHUB_REPOSITORY'], /^[\w.-]+\/[\w.-]+$/);
  const sha = checked(env['GITHUB_SHA'], /^[0-9a-f]{40,64}$/i);
  const runId = checked(env['GITHUB_RUN_ID'], /^\d+$/);
  const attempt = checked(env['GITHUB_RUN_ATTEMPT'], /^\d+$/);
  const runUrl = buildRunUrl(env['GITHUB_SERVER_URL'], repository, runId, attempt);
  const marker = `${runId ?? 'local'}-${attempt ?? '1'}-${nonce}`;

  const lines = [
    `${PROVENANCE_HEADING}:`,
    '',
    ...(runUrl ? [`- Run: ${runUrl}`] : []),
    ...(repository && sha ? [`- Commit: ${code(`${repository}@${sha}`)}`] : []),
    ...optionalLine('Workflow', env['GITHUB_WORKFLOW_REF']),
    ...optionalLine('Event', env['GITHUB_EVENT_NAME']),
    ...optionalLine('Actor', env['GITHUB_ACTOR']),
    `- Upload: ${code(marker)}`,
  ];
  const userDescription = options.description.trim();
  return {
    title: options.message ?? defaultTitle(repository, sha, runId),
    description: `${userDescription === '' ? '' : `${userDescription}\n\n---\n\n`}${lines.join('\n')}\n`,
    marker,
    runUrl,
  };
}

/** "Upload from acme/repo@abc1234 (run 4242)", or as much of it as the environment tells. */
export function defaultTitle(
  repository: string | undefined,
  sha: string | undefined,
  runId: string | undefined,
): string {
  const source = repository ? ` from ${repository}${sha ? `@${sha.slice(0, 7)}` : ''}` : ' from GitHub Actions';
  return `Upload${source}${runId ? ` (run ${runId})` : ''}`;
}

function checked(value: string | undefined, pattern: RegExp): string | undefined {
  const trimmed = value?.trim();
  return trimmed && pattern.test(trimmed) ? trimmed : undefined;
}

function optionalLine(label: string, value: string | undefined): string[] {
  const text = inert(value ?? '');
  return text === '' ? [] : [`- ${label}: ${code(text)}`];
}

/** A value as inline code: no backtick can close the span, no line break can start a block. */
function code(value: string): string {
  return `\`${inert(value)}\``;
}

function inert(value: string): string {
  return value
    .replace(/[`\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .trim()
    .slice(0, 300);
}

/**
 * The text of commit `part` of `parts`, when an upload takes several: the title ends with
 * " (part k/n)", and the marker is made unique to the part (`…-2of3`: no part's marker is inside
 * another's), so that the check for a landed commit finds this part and not an earlier one.
 */
export function textForPart(text: CommitText, part: number, parts: number): CommitText {
  if (parts === 1) return text;
  const marker = `${text.marker}-${part}of${parts}`;
  return {
    ...text,
    title: `${text.title} (part ${part}/${parts})`,
    description: text.description.replace(`\`${text.marker}\``, `\`${marker}\``),
    marker,
  };
}
