// What the user reads: the job summary on success (an audit trail without any secret), and, when the
// Hub refuses the run's identity, the claims GitHub presented next to the Trusted Publisher settings
// that would match them, so setup is a comparison rather than a guess.

import * as core from '@actions/core';
import { messageOf } from './errors.js';
import { DEFAULT_AUDIENCE, type Settings } from './inputs.js';
import type { IdentityClaims } from './oidc.js';
import { describeAccess } from './resource.js';
import { escapeMarkdown } from './sanitize.js';

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
  else if (ref.startsWith('refs/tags/')) branch = `(none: this run is for the tag ${ref.slice('refs/tags/'.length)}; leave branch empty)`;
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
  if (claims.aud && claims.aud !== DEFAULT_AUDIENCE) {
    causes.push(`The ID token's audience is ${claims.aud}; the Hugging Face Hub requires ${DEFAULT_AUDIENCE}. Remove the \`audience\` input.`);
  }
  if (claims.ref?.startsWith('refs/tags/')) {
    causes.push('This run is for a tag: a publisher pinned to a branch does not match it.');
  } else if (claims.ref && !claims.ref.startsWith('refs/heads/')) {
    causes.push(`This run's ref is ${claims.ref} (event ${claims.event_name ?? 'unknown'}): a publisher pinned to a branch does not match it.`);
  }
  const callerFile = workflowFileOf(claims.workflow_ref);
  const calledFile = workflowFileOf(claims.job_workflow_ref);
  if (claims.job_workflow_ref && claims.workflow_ref && claims.job_workflow_ref !== claims.workflow_ref) {
    causes.push(
      `This job runs in a reusable workflow: workflow_ref names the caller (${callerFile ?? '?'}), job_workflow_ref the called file (${calledFile ?? '?'}). The publisher's workflow must be the one the Hub reads; try the caller's file first, then the called one.`,
    );
  }
  if (claims.environment) {
    causes.push(`The job uses the environment "${claims.environment}", which changes the token's subject to ${claims.sub ?? '?'}.`);
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
  core.startGroup('Why the Hub refused: the identity GitHub presented, and the publisher that would match');
  core.info('Claims of the ID token GitHub issued for this run:');
  for (const [name, value] of claimRows(claims)) core.info(`  ${name.padEnd(34)} ${value}`);
  core.info(`A Trusted Publisher on ${settings.hubUrl.host} for ${settings.resource.value} that would match this run:`);
  core.info(`  repository  ${publisher.repository}`);
  core.info(`  branch      ${publisher.branch}`);
  core.info(`  workflow    ${publisher.workflow}`);
  core.info('Usual causes:');
  for (const cause of causes) core.info(`  - ${cause}`);
  core.endGroup();

  await writeSummary(
    core.summary
      .addHeading('Hugging Face token exchange refused', 3)
      .addRaw(`<p>The Hub refused this run's GitHub identity for <code>${escapeMarkdown(settings.resource.value)}</code>.</p>`, true)
      .addTable([
        [{ data: 'Claim', header: true }, { data: 'Value', header: true }],
        ...claimRows(claims).map(([name, value]) => [escapeMarkdown(name), `<code>${escapeMarkdown(value)}</code>`]),
      ])
      .addRaw('<p>A Trusted Publisher that would match this run:</p>', true)
      .addTable([
        [{ data: 'Setting', header: true }, { data: 'Value', header: true }],
        ['Repository', `<code>${escapeMarkdown(publisher.repository)}</code>`],
        ['Branch', escapeMarkdown(publisher.branch)],
        ['Workflow', `<code>${escapeMarkdown(publisher.workflow)}</code>`],
      ])
      .addRaw('<p>Usual causes:</p>', true)
      .addList(causes.map(escapeMarkdown)),
  );
}

/** The audit trail of a successful exchange. Never includes a token. */
export async function writeSuccessSummary(
  settings: Settings,
  expiresAt: string,
  claims: IdentityClaims,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const runUrl =
    env['GITHUB_SERVER_URL'] && env['GITHUB_REPOSITORY'] && env['GITHUB_RUN_ID']
      ? `${env['GITHUB_SERVER_URL']}/${env['GITHUB_REPOSITORY']}/actions/runs/${env['GITHUB_RUN_ID']}`
      : undefined;
  const code = (value: string | undefined): string => (value ? `<code>${escapeMarkdown(value)}</code>` : '(not set)');
  await writeSummary(
    core.summary.addHeading('Hugging Face token issued', 3).addTable([
      [{ data: 'Field', header: true }, { data: 'Value', header: true }],
      ['Resource', code(settings.resource.value)],
      ['Access', escapeMarkdown(describeAccess(settings.resource))],
      ['Expires', expiresAt ? code(expiresAt) : 'unknown (the broker sent no expires_in)'],
      ['Hub', code(settings.hubUrl.host)],
      ['Repository', code(claims.repository)],
      ['Ref', code(claims.ref)],
      ['Workflow', code(claims.workflow_ref)],
      ['Run', runUrl ? `<a href="${escapeMarkdown(runUrl)}">${escapeMarkdown(runUrl)}</a>` : '(not set)'],
    ]),
  );
}

/** The summary is for humans; failing to write it (e.g. outside a runner) must not fail the step. */
async function writeSummary(summary: typeof core.summary): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) {
    summary.emptyBuffer();
    return;
  }
  try {
    await summary.write();
  } catch (error: unknown) {
    core.warning(`Could not write the job summary: ${messageOf(error)}`);
  }
}
