// Why a job has no ID token, in words that say how to fix it: not on GitHub Actions, a Dependabot
// run, a pull request from a fork, or (most often) a missing `id-token: write` permission.
// @actions/github (for the event payload) is loaded only on this failure path, and this module is
// kept apart from id-token.ts so that the git credential helper, which only needs the request,
// does not bundle Octokit.

import { IdTokenUnavailableError } from '../errors.js';
import { readIdTokenSource, REQUEST_TOKEN_VARIABLE, REQUEST_URL_VARIABLE, type IdTokenSource } from './id-token.js';

export const PERMISSION_REMEDY =
  'Give the job permission to request it:\n' +
  '  permissions:\n' +
  '    id-token: write\n' +
  '    contents: read\n' +
  '(at the workflow or the job level; a job-level `permissions:` block replaces the workflow-level one).';

/**
 * Returns where to request the ID token, or explains why this job has none: not on GitHub Actions,
 * a Dependabot run, a pull request from a fork, or (most often) a missing `id-token: write` permission.
 */
export async function findIdTokenSource(env: NodeJS.ProcessEnv = process.env): Promise<IdTokenSource> {
  const source = readIdTokenSource(env);
  if (source) return source;
  throw new IdTokenUnavailableError(...(await explainMissingIdToken(env)));
}

async function explainMissingIdToken(env: NodeJS.ProcessEnv): Promise<[string, { hint: string }]> {
  const missing = `${REQUEST_URL_VARIABLE} and ${REQUEST_TOKEN_VARIABLE} are not set`;
  if (env['GITHUB_ACTIONS'] !== 'true') {
    return [
      `Cannot get a GitHub OIDC ID token: ${missing}, and this does not look like a GitHub Actions run.`,
      { hint: 'The action only works inside a GitHub Actions job with `permissions: id-token: write`.' },
    ];
  }
  // The event payload is only needed on this failure path, so @actions/github is loaded only here.
  const { context } = await import('@actions/github');
  const actor = context.actor || env['GITHUB_ACTOR'] || '';
  if (actor === 'dependabot[bot]') {
    return [
      `Cannot get a GitHub OIDC ID token: ${missing} because this run was triggered by Dependabot, and GitHub ` +
        `never gives Dependabot runs an ID token.`,
      { hint: "Skip this step for Dependabot, e.g. `if: github.actor != 'dependabot[bot]'`." },
    ];
  }
  const pullRequest: unknown = context.payload.pull_request;
  if (
    context.eventName.startsWith('pull_request') &&
    context.eventName !== 'pull_request_target' &&
    isFromFork(pullRequest)
  ) {
    return [
      `Cannot get a GitHub OIDC ID token: ${missing} because this run is for a pull request from a fork, and ` +
        `GitHub never gives those an ID token.`,
      {
        hint:
          'Run this step only for pushes or for pull requests from branches of this repository, e.g. `if: ' +
          'github.event.pull_request.head.repo.full_name == github.repository`.',
      },
    ];
  }
  return [`Cannot get a GitHub OIDC ID token: ${missing}.`, { hint: PERMISSION_REMEDY }];
}

function isFromFork(pullRequest: unknown): boolean {
  if (typeof pullRequest !== 'object' || pullRequest === null) return false;
  const head = (pullRequest as { head?: { repo?: { full_name?: unknown; fork?: unknown } | null } }).head;
  const base = (pullRequest as { base?: { repo?: { full_name?: unknown } } }).base;
  if (head?.repo === null) return true; // the fork was deleted
  if (head?.repo?.fork === true) return true;
  return typeof head?.repo?.full_name === 'string' && head.repo.full_name !== base?.repo?.full_name;
}
