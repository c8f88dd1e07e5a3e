// What of the hub's answer to a commit may be published. The commit id and URLs become step outputs
// (`commit-sha`, `commit-url`, `pull-request-url`), which workflows paste into `run:` scripts, and
// links in the job summary: each is checked for exactly what it should be (a 40-hex git id; an
// http(s) URL on the hub's origin, without control characters), and anything else is left out,
// with a warning that quotes it as inert text. The commit itself is not in doubt: it landed.

import { sanitizeServerText } from '../runner/sanitize.js';

/** The fields of the commit answer as @huggingface/hub returned them (or as findOwnCommit built them). */
export interface RawCommitAnswer {
  readonly commitOid: unknown;
  readonly commitUrl: unknown;
  readonly pullRequestUrl: unknown;
}

/** What may be published; a field the hub got wrong is undefined, and `rejected` says why. */
export interface CheckedCommitAnswer {
  readonly commitOid: string | undefined;
  readonly commitUrl: string | undefined;
  readonly pullRequestUrl: string | undefined;
  /** One `::warning::` line for each value left out. */
  readonly rejected: readonly string[];
}

const GIT_COMMIT_ID = /^[0-9a-f]{40}$/;
/** Longer than any URL of a commit or a discussion on a hub. */
const MAX_URL_LENGTH = 2048;

/** Checks what the hub answered, against the hub it was sent to (`hubUrl`). */
export function checkCommitAnswer(answer: RawCommitAnswer, hubUrl: URL): CheckedCommitAnswer {
  const rejected: string[] = [];
  /** Records why a value is left out; gives what is published instead: nothing. */
  const reject = (what: string, output: string, why: string, value: unknown): string | undefined => {
    rejected.push(`The hub answered the commit with ${what} that ${why}, so \`${output}\` is empty: ${show(value)}.`);
    return undefined;
  };

  const oid = answer.commitOid;
  const commitOid =
    typeof oid === 'string' && GIT_COMMIT_ID.test(oid)
      ? oid
      : reject('a commit id', 'commit-sha', 'is not 40 hexadecimal characters', oid);
  const checkUrl = (value: unknown, what: string, output: string): string | undefined => {
    const problem = problemWithUrl(value, hubUrl);
    return problem === undefined ? (value as string) : reject(what, output, problem, value);
  };
  const commitUrl = checkUrl(answer.commitUrl, 'a commit URL', 'commit-url');
  const pullRequestUrl =
    answer.pullRequestUrl === undefined || answer.pullRequestUrl === null
      ? undefined
      : checkUrl(answer.pullRequestUrl, 'a pull request URL', 'pull-request-url');
  return { commitOid, commitUrl, pullRequestUrl, rejected };
}

/** Why `value` is not a URL to publish, or undefined when it is one. */
function problemWithUrl(value: unknown, hubUrl: URL): string | undefined {
  if (typeof value !== 'string') return 'is not a string';
  if (value.length > MAX_URL_LENGTH) return `is longer than ${MAX_URL_LENGTH} characters`;
  // On the text as given: the URL parser silently drops tabs and line breaks.
  if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(value)) return 'holds a control character';
  if (/\s/.test(value)) return 'holds white space';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'is not an http(s) URL';
  if (url.username !== '' || url.password !== '') return 'carries credentials';
  if (url.origin !== hubUrl.origin) return `is not on the hub's origin (${hubUrl.origin})`;
  return undefined;
}

/** A value the hub sent, quoted as one inert line (whatever it is: a string, a number, an object). */
function show(value: unknown): string {
  const text = typeof value === 'string' ? value : ((JSON.stringify(value) as string | undefined) ?? String(value));
  return JSON.stringify(sanitizeServerText(text, 160));
}
