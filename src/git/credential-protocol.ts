// git's credential-helper protocol, the pure parts: read what git asks, decide whether the question
// is ours to answer, and write the answer. https://git-scm.com/docs/git-credential#IOFMT
//
// Scope. git sends `protocol` and `host` always, and `path` only when `credential.<url>.useHttpPath`
// is true for the URL. The action turns useHttpPath on for the configured resource's URLs only
// (`{hub}/{resource}` and `{hub}/{resource}.git`, which also covers git-lfs's `….git/info/lfs`), so
// other helpers keep host-wide answers for every other repository on the hub. The helper answers
// only when the path names the configured resource; without a path it cannot know which repository
// git is talking to, and stays silent so git asks its other helpers.

import { hubPathOf } from '../hub/hub-url.js';
import type { Resource } from '../hub/resource.js';

/** The attributes of a `get` request that the helper looks at. */
export interface CredentialRequest {
  readonly protocol: string | undefined;
  readonly host: string | undefined;
  readonly path: string | undefined;
  readonly username: string | undefined;
}

/**
 * The username the helper answers when git did not bring one. The Hub authenticates git over HTTP
 * by the token in the password; huggingface_hub's own git credential setup uses this same name.
 */
export const DEFAULT_USERNAME = 'hf_user';

/** Parses git's `key=value` lines, up to a blank line or the end. Unknown and repeated keys are ignored. */
export function parseCredentialRequest(text: string): CredentialRequest {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const trimmed = line.replace(/\r$/, '');
    if (trimmed === '') break;
    const separator = trimmed.indexOf('=');
    if (separator <= 0) continue;
    const key = trimmed.slice(0, separator);
    if (!fields.has(key)) fields.set(key, trimmed.slice(separator + 1));
  }
  return {
    protocol: fields.get('protocol'),
    host: fields.get('host'),
    path: fields.get('path'),
    username: fields.get('username'),
  };
}

/** The repository path of `resource` on the hub's git server, below the hub's own path (if any). */
export function repositoryPathOf(hubUrl: URL, resource: Resource): string {
  const base = hubPathOf(hubUrl);
  return base ? `${base}/${resource.value}` : resource.value;
}

/**
 * Whether a request is for the configured hub and resource: same protocol and host as `hubUrl`, and
 * a path that is the resource's repository, with or without `.git`, or something below it (git-lfs
 * asks for `….git/info/lfs`). Names compare case-insensitively, as the Hub's do.
 */
export function isRequestInScope(request: CredentialRequest, hubUrl: URL, resource: Resource): boolean {
  if (request.protocol?.toLowerCase() !== hubUrl.protocol.replace(/:$/, '')) return false;
  if (request.host?.toLowerCase() !== hubUrl.host.toLowerCase()) return false;
  if (request.path === undefined) return false;
  const path = request.path.replace(/^\/+|\/+$/g, '').toLowerCase();
  const repository = repositoryPathOf(hubUrl, resource).toLowerCase();
  return [repository, `${repository}.git`].some((root) => path === root || path.startsWith(`${root}/`));
}

/**
 * The answer to a `get`. `password_expiry_utc` (git 2.41+, ignored by older gits) keeps a caching
 * helper later in the list from keeping the token past its hour.
 */
export function formatCredentialAnswer(answer: {
  username: string;
  password: string;
  expiresAtSeconds?: number | undefined;
}): string {
  for (const value of [answer.username, answer.password]) {
    // git reads one attribute per line; a value with a line break would forge attributes.
    if (/[\r\n\0]/.test(value)) throw new Error('a credential value contains a line break or NUL');
  }
  const lines = [`username=${answer.username}`, `password=${answer.password}`];
  if (answer.expiresAtSeconds !== undefined) lines.push(`password_expiry_utc=${Math.floor(answer.expiresAtSeconds)}`);
  return `${lines.join('\n')}\n`;
}
