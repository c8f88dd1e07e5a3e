// The Hub's `resource` grammar for Trusted Publishers: what the exchanged token is for.
// https://huggingface.co/docs/hub/trusted-publishers — `namespace/name` (a model),
// `datasets/…`, `spaces/…`, `kernels/…`, `buckets/…`, or a bare username (a read-only user token).
// Everything is checked here, before any network call, so a typo costs no round trip.

import { InputError } from '../errors.js';
import { quoteForMessage } from '../runner/sanitize.js';

export type RepoKind = 'model' | 'dataset' | 'space' | 'kernel' | 'bucket';

export type Resource =
  | { readonly kind: RepoKind; readonly namespace: string; readonly name: string; readonly value: string }
  | { readonly kind: 'user'; readonly username: string; readonly value: string };

/** The path prefix each repo kind takes in a resource (models have none). */
const PREFIX_BY_KIND: Readonly<Record<RepoKind, string>> = {
  model: '',
  dataset: 'datasets/',
  space: 'spaces/',
  kernel: 'kernels/',
  bucket: 'buckets/',
};

const KIND_BY_PREFIX: ReadonlyMap<string, RepoKind> = new Map([
  ['datasets', 'dataset'],
  ['spaces', 'space'],
  ['kernels', 'kernel'],
  ['buckets', 'bucket'],
]);

/** Prefixes people write by mistake, with the correction. */
const MISTAKEN_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['models', 'models need no prefix: write `namespace/name`'],
  ['model', 'models need no prefix: write `namespace/name`'],
  ['dataset', 'the prefix is plural: `datasets/namespace/name`'],
  ['space', 'the prefix is plural: `spaces/namespace/name`'],
  ['kernel', 'the prefix is plural: `kernels/namespace/name`'],
  ['bucket', 'the prefix is plural: `buckets/namespace/name`'],
]);

export const ACCEPTED_FORMS =
  'Accepted forms: `namespace/name` (a model), `datasets/namespace/name`, `spaces/namespace/name`, ' +
  '`kernels/namespace/name`, `buckets/namespace/name`, a bare username (a read-only user token), ' +
  'or the same as a Hub URL such as `https://huggingface.co/datasets/namespace/name`.';

// huggingface_hub utils/_validators.py: letters, digits, `-`, `_`, `.`; at most 96 characters;
// no `--` or `..`; may not start or end with `-` or `.`.
const MAX_NAME_LENGTH = 96;
const NAME_CHARACTERS = /^[A-Za-z0-9._-]+$/;

/** Why `part` is not a valid namespace or name, or undefined when it is. */
function explainInvalidName(part: string): string | undefined {
  if (part.length === 0) return 'is empty';
  if (part.length > MAX_NAME_LENGTH) return `is ${part.length} characters long (at most ${MAX_NAME_LENGTH})`;
  if (!NAME_CHARACTERS.test(part)) return 'may only contain letters, digits, `-`, `_` and `.`';
  if (part.includes('--') || part.includes('..')) return 'may not contain `--` or `..`';
  if (/^[-.]|[-.]$/.test(part)) return 'may not start or end with `-` or `.`';
  return undefined;
}

/**
 * Parses the `resource` input (a resource or a Hub URL on `huggingface.co` or on `hubHost`) into its
 * normalised form. Throws an InputError naming the input, the value given and the accepted forms.
 */
export function parseResource(raw: string, hubHost: string): Resource {
  const given = raw.trim();
  const refuse = (why: string): never => {
    throw new InputError(`Input \`resource\` is invalid: ${quoteForMessage(given)} ${why}.`, { hint: ACCEPTED_FORMS });
  };
  if (given.length === 0) refuse('is empty');
  if (given.length > 512) refuse('is too long');

  const path = /^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? pathOfHubUrl(given, hubHost, refuse) : given;
  const segments = path.split('/');
  const first = segments[0] ?? '';

  const mistake = MISTAKEN_PREFIXES.get(first.toLowerCase());
  if (segments.length === 3 && mistake) refuse(`uses the prefix \`${first}/\`: ${mistake}`);

  const prefixedKind = KIND_BY_PREFIX.get(first);
  if (prefixedKind !== undefined && segments.length !== 3) {
    refuse(`names a ${prefixedKind} without both a namespace and a name (\`${first}/namespace/name\`)`);
  }
  const kind: RepoKind | 'user' = prefixedKind ?? (segments.length === 1 ? 'user' : 'model');
  const parts = prefixedKind === undefined ? segments : segments.slice(1);
  if (parts.length > 2) refuse('has too many `/`-separated parts');

  const labels = kind === 'user' ? ['the username'] : ['the namespace', 'the name'];
  parts.forEach((part, index) => {
    const problem = explainInvalidName(part);
    if (problem) refuse(`is not valid: ${labels[index] ?? 'a part'} ${quoteForMessage(part)} ${problem}`);
  });

  if (kind === 'user') {
    const username = parts[0] ?? '';
    return { kind, username, value: username };
  }
  const [namespace = '', name = ''] = parts;
  return { kind, namespace, name, value: `${PREFIX_BY_KIND[kind]}${namespace}/${name}` };
}

/** The resource path inside a Hub URL such as `https://huggingface.co/datasets/acme/x/`. */
function pathOfHubUrl(given: string, hubHost: string, refuse: (why: string) => never): string {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return refuse('is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') refuse('is a URL but not an http(s) one');
  const host = url.host.toLowerCase();
  const knownHosts = new Set(['huggingface.co', 'www.huggingface.co', hubHost.toLowerCase()]);
  if (!knownHosts.has(host)) {
    refuse(`is a URL on ${host}, which is neither huggingface.co nor the configured hub (${hubHost})`);
  }
  if (url.username || url.password) refuse('is a URL with credentials in it');
  let path: string;
  try {
    path = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
  } catch {
    return refuse('is a URL with a malformed percent-encoding');
  }
  if (path.length === 0) refuse('is a URL without a repository or user path');
  return path;
}

/** What a token for this resource can do, in words for the log and the job summary. */
export function describeAccess(resource: Resource): string {
  if (resource.kind === 'user') {
    return (
      `read-only access as user ${resource.username} (public and gated repositories the user can read; no ` +
      `private repositories, no writes)`
    );
  }
  return `write access to the ${resource.kind} ${resource.namespace}/${resource.name} only`;
}
