// git's credential-helper protocol, the pure parts: read what git asks, decide whether the question
// is ours to answer, and write the answer. https://git-scm.com/docs/git-credential#IOFMT
//
// Scope. git sends `protocol` and `host` always, and `path` only when `credential.<url>.useHttpPath`
// is true for the URL. The action configures its helper, and turns useHttpPath on, for the
// configured resource's URLs only (`{hub}/{resource}` and `{hub}/{resource}.git`, which also covers
// git-lfs's `….git/info/lfs`; see configure.ts). The helper answers only when the path names the
// configured resource; without a path it cannot know which repository git is talking to, and stays
// silent.
//
// The path check follows git's own matching of `credential.<url>.*` keys, so the helper never
// answers for a URL its configuration does not cover (git's urlmatch.c, credential.c):
// - scheme and host compare case-insensitively, a default port (`:443`, `:0443`) is the same as none;
// - the path compares case-sensitively, as a prefix that ends on a `/` boundary
//   (`acme/model` covers `acme/model/info/lfs`, not `acme/model-2` or `acme/MODEL`);
// - before comparing, escapes of unreserved characters are decoded (`%2e` is `.`), and `.` and `..`
//   segments are resolved; a `..` above the root makes the URL invalid.
// git hands the helper the path once percent-decoded (credential_from_url), and curl resolves dot
// segments before it sends the request: `acme/model/../other` reaches acme/other. So the helper
// resolves them too, and reads the path both as git matched it (its `%` literal) and as a server
// that decodes once more would (`%2e%2e` is `..`): it answers only when both name the repository.

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

/** RFC 3986 unreserved characters: the only ones whose escapes git's URL normalisation decodes. */
const UNRESERVED = /^[A-Za-z0-9._~-]$/;
/** Reserved characters git's URL normalisation leaves as they are, escaped or not (urlmatch.c URL_RESERVED). */
const RESERVED = /^[:/?#[\]@!$&'()*+,;=]$/;
/** The default port of each scheme the helper can be asked about; git drops it before matching. */
const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443' };

/**
 * One path segment as git's url_normalize writes it: escapes of unreserved characters decoded,
 * other escapes upper-cased, characters that need escaping escaped. Undefined for a malformed escape.
 */
function normalizeSegment(segment: string): string | undefined {
  let normalized = '';
  for (let index = 0; index < segment.length; index++) {
    const character = segment[index] ?? '';
    if (character === '%') {
      const hex = segment.slice(index + 1, index + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      const decoded = String.fromCharCode(Number.parseInt(hex, 16));
      normalized += UNRESERVED.test(decoded) ? decoded : `%${hex.toUpperCase()}`;
      index += 2;
    } else if (UNRESERVED.test(character) || RESERVED.test(character)) {
      normalized += character;
    } else {
      for (const byte of Buffer.from(character, 'utf8'))
        normalized += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return normalized;
}

/**
 * The segments of a URL path (without its leading `/`) after git's URL normalisation (urlmatch.c,
 * url_normalize): each segment normalised, `.` dropped, `..` dropping the segment before it.
 * Undefined where git gives up on the URL: a malformed escape, or a `..` above the root.
 */
function normalizePathSegments(path: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    const segment = normalizeSegment(raw);
    if (segment === undefined) return undefined;
    if (segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  return segments;
}

/** `host` (with an optional port) as git compares it: lower case, without the scheme's default port. */
function normalizeHost(protocol: string, host: string): string | undefined {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(host.toLowerCase());
  if (!match) return undefined;
  const [, name = '', digits = ''] = match;
  const port = digits.replace(/^0+(?=.)/, '');
  if (port === '0') return undefined;
  return port === '' || port === DEFAULT_PORTS[protocol] ? name : `${name}:${port}`;
}

/**
 * Whether a path's segments start with the repository's: the same segments, the last one with or
 * without `.git`, and a prefix only on a segment boundary (git's url_match_prefix).
 */
function isWithinRepository(segments: readonly string[] | undefined, repository: readonly string[]): boolean {
  if (segments === undefined || segments.length < repository.length) return false;
  return repository.every((expected, index) =>
    index === repository.length - 1
      ? segments[index] === expected || segments[index] === `${expected}.git`
      : segments[index] === expected,
  );
}

/**
 * Whether a request is for the configured hub and resource: the hub's scheme and host, and a path
 * that is the resource's repository, with or without `.git`, or something below it (git-lfs asks for
 * `….git/info/lfs`), compared the way git matches `credential.<url>` keys (see the top of this file).
 */
export function isRequestInScope(request: CredentialRequest, hubUrl: URL, resource: Resource): boolean {
  const protocol = hubUrl.protocol.replace(/:$/, '');
  if (request.protocol?.toLowerCase() !== protocol) return false;
  if (request.host === undefined || normalizeHost(protocol, request.host) !== normalizeHost(protocol, hubUrl.host)) {
    return false;
  }
  const path = request.path;
  // A query or fragment ends a URL's path; git appends its own after the repository URL, never in it.
  if (path === undefined || /[?#\p{Cc}]/u.test(path)) return false;
  const repository = normalizePathSegments(repositoryPathOf(hubUrl, resource));
  if (repository === undefined) return false;
  // As git matched it (git decoded the URL once; a `%` left in the path is a character), and as a
  // server that decodes once more would read it.
  return [path.replace(/%/g, '%25'), path].every((reading) =>
    isWithinRepository(normalizePathSegments(reading), repository),
  );
}

/**
 * The answer to a `get`. `password_expiry_utc` (git 2.40+, ignored by older gits) keeps a caching
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
