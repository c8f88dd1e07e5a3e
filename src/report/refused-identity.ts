// When the Hub refuses the run's identity (`invalid_grant`): the claims GitHub presented next to the
// Trusted Publisher settings that would match them, in the log and the job summary, so setup is a
// comparison rather than a guess.

import * as core from '@actions/core';
import type { Settings } from '../inputs.js';
import { defaultAudienceFor } from '../hub/hub-url.js';
import type { IdentityClaims } from '../github/claims.js';
import { escapeMarkdown } from '../runner/sanitize.js';
import { endLogGroup, logInfo, startLogGroup } from '../runner/log.js';
import { writeSummary } from '../runner/summary.js';

/** The workflow file name in a `workflow_ref` such as `acme/x/.github/workflows/publish.yml@refs/heads/main`. */
export function workflowFileOf(workflowRef: string | undefined): string | undefined {
  if (!workflowRef) return undefined;
  const path = workflowRef.split('@')[0] ?? '';
  return path.split('/').pop() || undefined;
}

/** The Trusted Publisher settings (as the Hub's form asks for them) that this run's claims would match. */
export function matchingPublisher(claims: IdentityClaims): { repository: string; branch: string; workflow: string } {
  const ref = claims.ref ?? '';
  let branch = '(unknown)';
  if (ref.startsWith('refs/heads/')) branch = ref.slice('refs/heads/'.length);
  else if (ref.startsWith('refs/tags/'))
    branch = `(none: this run is for the tag ${ref.slice('refs/tags/'.length)}; leave branch empty)`;
  else if (ref) branch = `(none: this run's ref is ${ref}; leave branch empty)`;
  return {
    repository: claims.repository ?? '(unknown)',
    branch,
    workflow: workflowFileOf(claims.workflow_ref) ?? '(unknown)',
  };
}

/** The usual reasons for `invalid_grant`, those that apply to this run first. */
export function likelyCauses(claims: IdentityClaims, settings: Settings): string[] {
  const causes: string[] = [];
  const receiverUrl = defaultAudienceFor(settings.tokenEndpoint);
  if (claims.aud && claims.aud !== receiverUrl) {
    causes.push(
      `The ID token's audience is ${claims.aud} (input \`audience\`), but a hub accepts only ID tokens for its own URL, here ${receiverUrl}. Remove the \`audience\` input: the audience is then that URL.`,
    );
  } else if (claims.aud && settings.tokenEndpoint.hostname !== 'huggingface.co') {
    causes.push(
      `The ID token's audience is ${claims.aud}, the URL of the hub that received it (from \`hub-url\`, HF_ENDPOINT or \`token-endpoint\`). If that hub expects another audience, for example the URL it is known by, set \`audience\` to it.`,
    );
  }
  if (claims.ref?.startsWith('refs/tags/')) {
    causes.push('This run is for a tag: a publisher pinned to a branch does not match it.');
  } else if (claims.ref && !claims.ref.startsWith('refs/heads/')) {
    causes.push(
      `This run's ref is ${claims.ref} (event ${claims.event_name ?? 'unknown'}): a publisher pinned to a branch does not match it.`,
    );
  }
  const callerFile = workflowFileOf(claims.workflow_ref);
  const calledFile = workflowFileOf(claims.job_workflow_ref);
  if (claims.job_workflow_ref && claims.workflow_ref && claims.job_workflow_ref !== claims.workflow_ref) {
    causes.push(
      `This job runs in a reusable workflow: workflow_ref names the caller (${callerFile ?? '?'}), job_workflow_ref the called file (${calledFile ?? '?'}). The publisher's workflow must be the one the Hub reads; try the caller's file first, then the called one.`,
    );
  }
  if (claims.environment) {
    causes.push(
      `The job uses the environment "${claims.environment}", which changes the token's subject to ${claims.sub ?? '?'}.`,
    );
  }
  causes.push(
    `No Trusted Publisher for ${settings.resource.value} names this repository, or its branch or workflow differ (matching is exact: no prefixes, no patterns).`,
    `The ${settings.resource.kind === 'user' ? 'user' : 'repository'} ${settings.resource.value} does not exist, or is spelled differently on the Hub.`,
  );
  return causes;
}

function claimRows(claims: IdentityClaims): Array<[string, string]> {
  return [
    ['iss', claims.iss],
    ['aud', claims.aud],
    ['sub', claims.sub],
    ['repository', claims.repository],
    ['ref', claims.ref],
    ['workflow file (from workflow_ref)', workflowFileOf(claims.workflow_ref)],
    ['workflow_ref', claims.workflow_ref],
    ['job_workflow_ref', claims.job_workflow_ref],
    ['environment', claims.environment],
    ['event_name', claims.event_name],
  ].map(([name, value]) => [name ?? '', value ?? '(not set)']);
}

/** Prints, in a log group and the job summary, what the Hub compared and what would match. */
export async function reportRefusedIdentity(claims: IdentityClaims, settings: Settings): Promise<void> {
  const publisher = matchingPublisher(claims);
  const causes = likelyCauses(claims, settings);
  startLogGroup('Why the Hub refused: the identity GitHub presented, and the publisher that would match');
  logInfo('Claims of the ID token GitHub issued for this run:');
  for (const [name, value] of claimRows(claims)) logInfo(`  ${name.padEnd(34)} ${value}`);
  logInfo(`A Trusted Publisher on ${settings.hubUrl.host} for ${settings.resource.value} that would match this run:`);
  logInfo(`  repository  ${publisher.repository}`);
  logInfo(`  branch      ${publisher.branch}`);
  logInfo(`  workflow    ${publisher.workflow}`);
  logInfo('Usual causes:');
  for (const cause of causes) logInfo(`  - ${cause}`);
  endLogGroup();

  await writeSummary(
    core.summary
      .addHeading('Hugging Face token exchange refused', 3)
      .addRaw(
        `<p>The Hub refused this run's GitHub identity for <code>${escapeMarkdown(settings.resource.value)}</code>.</p>`,
        true,
      )
      .addTable([
        [
          { data: 'Claim', header: true },
          { data: 'Value', header: true },
        ],
        ...claimRows(claims).map(([name, value]) => [escapeMarkdown(name), `<code>${escapeMarkdown(value)}</code>`]),
      ])
      .addRaw('<p>A Trusted Publisher that would match this run:</p>', true)
      .addTable([
        [
          { data: 'Setting', header: true },
          { data: 'Value', header: true },
        ],
        ['Repository', `<code>${escapeMarkdown(publisher.repository)}</code>`],
        ['Branch', escapeMarkdown(publisher.branch)],
        ['Workflow', `<code>${escapeMarkdown(publisher.workflow)}</code>`],
      ])
      .addRaw('<p>Usual causes:</p>', true)
      .addList(causes.map(escapeMarkdown)),
  );
}
