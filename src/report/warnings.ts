// Warnings about the job: settings that would make the token this action exports go unused, or
// that hand a credential to more parties than they need to. Each is one `::warning::` line that
// says what to do.

import type { IdentityClaims } from '../github/claims.js';
import { logWarning } from '../runner/log.js';
import { inputsSendingTokenToHub, type Settings } from '../inputs.js';
import { toInertLine } from '../runner/sanitize.js';
import { defaultAudienceFor } from '../hub/hub-url.js';

/**
 * An `audience` input naming another host than the one that receives the ID token: that host could
 * present the ID token wherever the audience is trusted, for https://huggingface.co by exchanging it
 * for a token of its own. Honoured (a broker may need it), with a warning.
 */
export function warnAboutForeignAudience(
  settings: Pick<Settings, 'audience' | 'audienceFromInput' | 'tokenEndpoint'>,
): void {
  if (!settings.audienceFromInput) return;
  let audienceUrl: URL;
  try {
    audienceUrl = new URL(settings.audience);
  } catch {
    return; // not a URL: no host it could be replayed at
  }
  if (audienceUrl.protocol !== 'https:' && audienceUrl.protocol !== 'http:') return;
  const receiver = settings.tokenEndpoint.host;
  if (audienceUrl.host === receiver) return;
  const audience = toInertLine(settings.audience, 200);
  logWarning(
    `The ID token is requested for the audience ${audience} (input \`audience\`) but sent to ${receiver}, ` +
      `another host: ` +
      `${receiver} could present it to ${audienceUrl.host} as this workflow for as long as it is valid. ` +
      `Remove \`audience\` (it then defaults to the receiving hub's URL, ` +
      `${defaultAudienceFor(settings.tokenEndpoint)}), ` +
      `or point \`hub-url\`/\`token-endpoint\` at ${audienceUrl.host} itself.`,
  );
}

/**
 * The issued token sent (by `upload`, `verify`, `git-credentials`) to a hub on another origin than
 * the token endpoint that issued it: honoured, since the workflow named that hub (`hub-url`, or the
 * default hub with a broker's `token-endpoint`), with a warning naming both hosts. A hub that came
 * from HF_ENDPOINT is refused instead (inputs.ts).
 */
export function warnAboutTokenSentToAnotherHost(
  settings: Pick<Settings, 'hubUrl' | 'hubSource' | 'tokenEndpoint' | 'upload' | 'verify' | 'gitCredentials'>,
): void {
  const senders = inputsSendingTokenToHub(settings);
  if (senders.length === 0 || settings.tokenEndpoint.origin === settings.hubUrl.origin) return;
  const issuer = settings.tokenEndpoint.host;
  const hub = settings.hubUrl.host;
  logWarning(
    `The token issued by ${issuer} (\`token-endpoint\`) is sent to ${hub} ` +
      `(${settings.hubSource === 'input' ? '`hub-url`' : 'the default hub'}), another host, by ${senders.join(', ')}. ` +
      `That is right only if ${issuer} issues tokens for ${hub}; otherwise point \`hub-url\` at the hub that ` +
      'issues the token.',
  );
}

/**
 * Triggers whose runs get an ID token and the repository's permissions while they may be running
 * code from a fork: a pinned branch does not exclude them (the run is on the base branch).
 */
const FORK_CODE_TRIGGERS: ReadonlyMap<string, string> = new Map([
  [
    'pull_request_target',
    "runs for pull requests from forks too, in the context of the base branch, with this repository's " +
      'permissions and an ID token',
  ],
  [
    'workflow_run',
    "runs after another workflow, which a pull request from a fork may have started, with this repository's " +
      'permissions and an ID token',
  ],
]);

/**
 * A write token minted in a run that may be running a fork's code: any step of the job that runs
 * that code can publish with it. A read-only user token is not warned about.
 */
export function warnAboutForkCodeTrigger(
  settings: Pick<Settings, 'resource' | 'eventName'>,
  claims: Pick<IdentityClaims, 'event_name'>,
): void {
  if (settings.resource.kind === 'user') return;
  const event = claims.event_name ?? settings.eventName;
  const why = event === undefined ? undefined : FORK_CODE_TRIGGERS.get(event);
  if (event === undefined || why === undefined) return;
  logWarning(
    `This run was triggered by ${event}, which ${why}. A write token for ${settings.resource.value} was issued ` +
      `to it: ` +
      "any step of this job that checks out, builds or runs the pull request's code (its head, its scripts, its " +
      'dependencies, the artifacts of the run that triggered this one) can publish with it. Run that code in a job ' +
      'without `id-token: write`, or publish from a push, release or workflow_dispatch workflow (see SECURITY.md).',
  );
}

/**
 * huggingface_hub 1.19+ does its own exchange when HF_OIDC_RESOURCE is set, and then ignores HF_TOKEN:
 * Python tools would silently not use this action's token. One warning, with both ways out.
 */
export function warnAboutPythonOidcResource(settings: Pick<Settings, 'pythonOidcResource'>): void {
  if (settings.pythonOidcResource === undefined) return;
  logWarning(
    `HF_OIDC_RESOURCE is set in this job (${JSON.stringify(toInertLine(settings.pythonOidcResource, 120))}), ` +
      'so huggingface_hub 1.19 and later ' +
      "(the `hf` CLI, transformers, datasets) ignore HF_TOKEN and exchange the job's ID token by themselves. " +
      "To have Python tools use the token this action exports, remove HF_OIDC_RESOURCE from the job's `env:`. " +
      'To let a long Python process renew its own token instead, keep it and make sure the job has `permissions: ' +
      'id-token: write`.',
  );
}
