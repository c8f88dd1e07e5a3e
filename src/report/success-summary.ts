// The job summary of a successful run: an audit trail of what was issued to whom, never a token.

import * as core from '@actions/core';
import type { IdentityClaims } from '../github/claims.js';
import { buildRunUrl } from '../github/run-url.js';
import type { Settings } from '../inputs.js';
import { describeAccess } from '../hub/resource.js';
import { escapeMarkdown } from '../runner/sanitize.js';
import { writeSummary } from '../runner/summary.js';

/** The audit trail of a successful exchange. Never includes a token. */
export async function writeSuccessSummary(
  settings: Settings,
  expiresAt: string,
  claims: IdentityClaims,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const runUrl = buildRunUrl(env['GITHUB_SERVER_URL'], env['GITHUB_REPOSITORY'], env['GITHUB_RUN_ID'], undefined);
  const code = (value: string | undefined): string => (value ? `<code>${escapeMarkdown(value)}</code>` : '(not set)');
  await writeSummary(
    core.summary.addHeading('Hugging Face token issued', 3).addTable([
      [
        { data: 'Field', header: true },
        { data: 'Value', header: true },
      ],
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
