// The only place that reads the action's inputs. Everything is parsed, defaulted and validated here,
// before any network call, into one readonly object that the rest of the action receives. The
// `upload` inputs are only read here: upload/settings.ts validates them (before any network call
// too), loaded with the upload code only when `upload` is set, so the default path stays as small.

import * as core from '@actions/core';
import { InputError } from './errors.js';
import { quoteForMessage } from './runner/sanitize.js';
import { parseEndpoint } from './http/endpoint-url.js';
import { defaultAudienceFor, hubBaseOf, hubEndpoint, parseHubUrl } from './hub/hub-url.js';
import { parseResource, type Resource } from './hub/resource.js';
import type { RawUploadInputs } from './upload/settings.js';

export const DEFAULT_HUB_URL = 'https://huggingface.co';

export interface Settings {
  readonly resource: Resource;
  /** The `aud` requested for the ID token: the `audience` input, else the receiving hub's URL (defaultAudienceFor). */
  readonly audience: string;
  /** Whether `audience` was given as an input (and may name another host than the receiver). */
  readonly audienceFromInput: boolean;
  /** The Hub, normalised by parseHubUrl: no query or fragment, a path ending in exactly one `/`. */
  readonly hubUrl: URL;
  /** Where `hubUrl` came from: the `hub-url` input, the HF_ENDPOINT environment variable, or the default. */
  readonly hubSource: 'input' | 'environment' | 'default';
  /** Where the RFC 8693 exchange is sent: `token-endpoint`, else `{hub-url}/oauth/token`. */
  readonly tokenEndpoint: URL;
  readonly exportEnv: boolean;
  readonly maxAttempts: number;
  readonly requestTimeoutMs: number;
  readonly deadlineMs: number;
  /** Configure git (for the rest of the job) to get a fresh token from the hub whenever it needs one. */
  readonly gitCredentials: boolean;
  /** Prove the new token works against the hub before the job goes on. */
  readonly verify: boolean;
  /**
   * HF_OIDC_RESOURCE as set in the job, if any: huggingface_hub 1.19+ then exchanges by itself and
   * ignores HF_TOKEN, which the action warns about. Read here because this is where settings are read.
   */
  readonly pythonOidcResource: string | undefined;
  /** GITHUB_EVENT_NAME, for the warning about triggers that may run a fork's code (the ID token's event_name wins). */
  readonly eventName: string | undefined;
  /** `upload` and its inputs, as given (upload/settings.ts validates them); undefined when `upload` is empty. */
  readonly upload: RawUploadInputs | undefined;
}

/** Reads, defaults and validates every input. Throws InputError on the first problem. */
export function readInputs(env: NodeJS.ProcessEnv = process.env): Settings {
  const hubInput = core.getInput('hub-url');
  const hubFromEnvironment = hubInput === '' && (env['HF_ENDPOINT'] ?? '').trim() !== '';
  const hubUrl = parseHubUrl(
    hubInput || env['HF_ENDPOINT']?.trim() || DEFAULT_HUB_URL,
    hubFromEnvironment ? 'The HF_ENDPOINT environment variable (used because `hub-url` is empty)' : 'Input `hub-url`',
  );
  const endpointInput = core.getInput('token-endpoint');
  const tokenEndpoint = endpointInput
    ? parseEndpoint(endpointInput, 'Input `token-endpoint`')
    : hubEndpoint(hubUrl, 'oauth/token');

  const audienceInput = core.getInput('audience');
  const resource = parseResource(core.getInput('resource', { required: false }), hubUrl.host);
  const gitCredentials = readBoolean('git-credentials', false);
  if (gitCredentials) refuseGitCredentialsWithoutRepository(resource);

  const settings: Settings = {
    resource,
    audience: audienceInput ? parseAudience(audienceInput) : defaultAudienceFor(tokenEndpoint),
    audienceFromInput: audienceInput !== '',
    hubUrl,
    hubSource: hubInput !== '' ? 'input' : hubFromEnvironment ? 'environment' : 'default',
    tokenEndpoint,
    exportEnv: readBoolean('export-env', true),
    maxAttempts: readInteger('max-attempts', 4, 1, 10),
    requestTimeoutMs: readInteger('timeout-seconds', 15, 1, 300) * 1000,
    deadlineMs: readInteger('deadline-seconds', 90, 1, 900) * 1000,
    gitCredentials,
    verify: readBoolean('verify', false),
    pythonOidcResource: env['HF_OIDC_RESOURCE']?.trim() || undefined,
    eventName: env['GITHUB_EVENT_NAME']?.trim() || undefined,
    upload: readUploadInputs(),
  };
  refuseTokenForImplicitHub(settings);
  return settings;
}

/**
 * The inputs that send the issued token to the hub (`hub-url`): `upload` and `verify` make requests
 * with it, `git-credentials` hands it to git for the hub's URLs. Without them the token is only
 * exported.
 */
export function inputsSendingTokenToHub(
  settings: Pick<Settings, 'upload' | 'verify' | 'gitCredentials'>,
): readonly string[] {
  return [
    ...(settings.upload ? ['`upload`'] : []),
    ...(settings.verify ? ['`verify`'] : []),
    ...(settings.gitCredentials ? ['`git-credentials`'] : []),
  ];
}

/**
 * A token goes only to the hub it was issued for. HF_ENDPOINT is often set for a whole workflow (a
 * download mirror, a cache): with `token-endpoint` on another origin (the real Hub), the token it
 * issues would go to that other host without the workflow ever naming it for this action. Refused
 * before any call; naming the hub in `hub-url` opts in (warnings.ts then says both hosts).
 */
function refuseTokenForImplicitHub(settings: Settings): void {
  const senders = inputsSendingTokenToHub(settings);
  if (settings.hubSource !== 'environment' || senders.length === 0) return;
  if (settings.tokenEndpoint.origin === settings.hubUrl.origin) return;
  const issuer = settings.tokenEndpoint.host;
  const hub = settings.hubUrl.host;
  throw new InputError(
    `The token is issued by ${issuer} (\`token-endpoint\`), but ${senders.join(', ')} would send it to ${hub}, the ` +
      `hub named by the HF_ENDPOINT environment variable: a token goes only to the hub it was issued for.`,
    {
      hint:
        `If ${hub} is that hub, set \`hub-url: ${hubBaseOf(settings.hubUrl)}\` to say so; otherwise set \`hub-url\` to ` +
        'the hub that issues the token, or remove `token-endpoint`.',
    },
  );
}

/** The `upload` inputs as given; refuses the inputs that only make sense with `upload` when it is empty. */
function readUploadInputs(): RawUploadInputs | undefined {
  const raw: RawUploadInputs = {
    upload: core.getInput('upload'),
    pathInRepo: core.getInput('path-in-repo'),
    include: core.getInput('include'),
    exclude: core.getInput('exclude'),
    delete: core.getInput('delete'),
    commitMessage: core.getInput('commit-message'),
    commitDescription: core.getInput('commit-description'),
    revision: core.getInput('revision'),
    createPr: readBoolean('create-pr', false),
  };
  if (raw.upload !== '') return raw;
  const stray = (
    [
      ['path-in-repo', raw.pathInRepo],
      ['include', raw.include],
      ['exclude', raw.exclude],
      ['delete', raw.delete],
      ['commit-message', raw.commitMessage],
      ['commit-description', raw.commitDescription],
      ['revision', raw.revision === 'main' ? '' : raw.revision],
      ['create-pr', raw.createPr ? 'true' : ''],
    ] as const
  ).flatMap(([name, value]) => (value === '' ? [] : [`\`${name}\``]));
  if (stray.length > 0) {
    throw new InputError(`${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} set, but \`upload\` is empty.`, {
      hint: 'Set `upload` to the file or folder to commit (relative to the workspace), or remove these inputs.',
    });
  }
  return undefined;
}

/**
 * `git-credentials` configures git for the resource's repository on the hub; buckets and users
 * have none (a bare username gives a read-only user token, not a repository), so the helper would
 * never answer. Refused before any call rather than configured for nothing.
 */
function refuseGitCredentialsWithoutRepository(resource: Resource): void {
  if (resource.kind !== 'bucket' && resource.kind !== 'user') return;
  const what = resource.kind === 'bucket' ? 'is a bucket' : 'is a user (a read-only user token)';
  throw new InputError(
    `\`git-credentials: true\` needs a resource with a git repository, but ${resource.value} ${what}, which git ` +
      `cannot clone or push.`,
    {
      hint:
        'Remove it, or set `git-credentials: false`: the exported HF_TOKEN is what the `hf` CLI and ' +
        'huggingface_hub use for buckets and for reading as a user.',
    },
  );
}

function parseAudience(raw: string): string {
  const audience = raw.trim();
  if (audience.length > 512 || /[\s\p{Cc}]/u.test(audience)) {
    throw new InputError(
      `Input \`audience\` must be a single value without spaces: ${quoteForMessage(audience.slice(0, 80))}.`,
      {
        hint:
          "Leave the input unset: the audience is then the receiving hub's URL (https://huggingface.co for " +
          'the Hugging Face Hub).',
      },
    );
  }
  return audience;
}

function readBoolean(name: string, defaultValue: boolean): boolean {
  if (core.getInput(name) === '') return defaultValue;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new InputError(`Input \`${name}\` must be true or false, got ${quoteForMessage(core.getInput(name))}.`);
  }
}

function readInteger(name: string, defaultValue: number, min: number, max: number): number {
  const raw = core.getInput(name);
  if (raw === '') return defaultValue;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new InputError(
      `Input \`${name}\` must be a whole number from ${min} to ${max}, got ${quoteForMessage(raw)}.`,
      {
        hint: `Leave it unset for the default (${defaultValue}).`,
      },
    );
  }
  return value;
}
