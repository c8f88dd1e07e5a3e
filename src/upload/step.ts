// The upload stage as main.ts sees it, loaded with `await import()` only when `upload` is set, so
// the default path neither loads nor parses any of it. Two calls: prepare
// (read the folder and refuse bad input, before the exchange) and commit (after the exchange, with
// the token holder, which keeps the token fresh for the whole upload). Outputs and the summary are written only once the
// commit exists (or it is certain that nothing changed); on failure nothing is.

import * as core from '@actions/core';
import type { HubTokenHolder } from '../hub/token-holder.js';
import type { Settings } from '../inputs.js';
import { logInfo, logNotice, logWarning } from '../runner/log.js';
import { maskSecret } from '../runner/mask.js';
import { escapeMarkdown } from '../runner/sanitize.js';
import { writeSummary } from '../runner/summary.js';
import { sendCommit, type UploadOutcome } from './send-commit.js';
import { wholePlan } from './remote-plan.js';
import { formatBytes, planUpload, type LocalPlan } from './plan.js';
import { formatDuration } from './progress.js';
import { buildCommitText } from './provenance.js';
import { parseUploadInputs, type RawUploadInputs, type UploadSettings } from './settings.js';
import { closeIdleConnections } from '../http/agents.js';

export interface PreparedUpload {
  readonly plan: LocalPlan;
  /** Uploads and commits with the holder's token; throws an ActionError that says whether anything reached the Hub. */
  commit(tokens: HubTokenHolder): Promise<FinishedUpload>;
}

export interface FinishedUpload {
  readonly outcome: UploadOutcome;
  /** Sets `commit-sha`, `commit-url`, `pull-request-url`. */
  publishOutputs(): void;
  writeSummary(): Promise<void>;
}

/** Validates the upload inputs, reads `upload` from disk and refuses what cannot be uploaded. No network. */
export async function prepareUpload(settings: Settings, raw: RawUploadInputs): Promise<PreparedUpload> {
  const upload = parseUploadInputs(raw, settings.resource);
  const plan = await planUpload(upload);
  const leftOut = [
    plan.excludedByPatterns > 0 ? `${plan.excludedByPatterns} left out by include/exclude` : '',
    plan.skippedGitEntries > 0 ? '.git skipped' : '',
  ].filter(Boolean);
  const destination =
    plan.kind === 'file' ? (plan.files[0]?.pathInRepo ?? '') : upload.pathInRepo ? `${upload.pathInRepo}/` : 'the root';
  logInfo(
    `Upload: ${plan.files.length} file${plan.files.length === 1 ? '' : 's'} (${formatBytes(plan.totalBytes)}) ` +
      `from ${upload.given} to ${destination} of ${settings.resource.value}@${upload.revision}` +
      `${upload.createPr ? ' as a pull request' : ''}${leftOut.length > 0 ? ` (${leftOut.join(', ')})` : ''}${upload.deletePatterns.length > 0 ? `, deleting what matches \`delete\`` : ''}.`,
  );
  return {
    plan,
    commit: async (tokens) => {
      const text = buildCommitText({ message: upload.commitMessage, description: upload.commitDescription });
      try {
        const outcome = await sendCommit(wholePlan(plan), {
          upload,
          hubUrl: settings.hubUrl,
          maxAttempts: settings.maxAttempts,
          idleMs: settings.requestTimeoutMs,
          tokens,
          text,
          log: (line) => logInfo(line),
          onSecret: maskSecret,
        });
        if (outcome.kind === 'unchanged') {
          logNotice(
            `Nothing changed since the last commit to ${settings.resource.value}@${upload.revision}: all ` +
              `${outcome.counts.unchanged} files are ` +
              `identical${upload.deletePatterns.length > 0 ? ' and nothing matches `delete`' : ''}, so no commit ` +
              `was made and \`commit-sha\` is empty.`,
          );
        }
        return finished(outcome, settings, upload);
      } finally {
        closeIdleConnections();
      }
    },
  };
}

function finished(outcome: UploadOutcome, settings: Settings, upload: UploadSettings): FinishedUpload {
  return {
    outcome,
    publishOutputs: () => {
      // Only what commit-answer.ts found fit to publish: workflows paste these into `run:` scripts.
      const committed = outcome.kind === 'committed' ? outcome : undefined;
      for (const warning of committed?.rejected ?? []) logWarning(warning);
      core.setOutput('commit-sha', committed?.commitOid ?? '');
      core.setOutput('commit-url', committed?.commitUrl ?? '');
      core.setOutput('pull-request-url', committed?.pullRequestUrl ?? '');
    },
    writeSummary: () => {
      const code = (value: string): string => `<code>${escapeMarkdown(value)}</code>`;
      const link = (url: string, text: string): string =>
        `<a href="${escapeMarkdown(url)}">${escapeMarkdown(text)}</a>`;
      const counts = outcome.counts;
      const rows: Array<[string, string]> = [
        ['Repository', code(settings.resource.value)],
        ['Revision', `${code(upload.revision)}${upload.createPr ? ' (pull request)' : ''}`],
      ];
      if (outcome.kind === 'committed') {
        const { commitOid, commitUrl } = outcome;
        rows.push([
          'Commit',
          commitOid === undefined
            ? "made (the hub's answer held no valid commit id)"
            : commitUrl === undefined
              ? code(commitOid)
              : link(commitUrl, commitOid),
        ]);
        if (outcome.pullRequestUrl) rows.push(['Pull request', link(outcome.pullRequestUrl, outcome.pullRequestUrl)]);
        rows.push([
          'Sent',
          `${escapeMarkdown(formatBytes(outcome.bytesSent))} in ${escapeMarkdown(formatDuration(outcome.durationMs / 1000))}`,
        ]);
      } else {
        rows.push(['Commit', 'none: nothing changed since the last commit']);
      }
      rows.push([
        'Files',
        escapeMarkdown(
          `${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.deleted} ` +
            `deleted${counts.ignored > 0 ? `, ${counts.ignored} ignored by the repository's .gitignore` : ''}`,
        ),
      ]);
      return writeSummary(
        core.summary.addHeading('Hugging Face upload', 3).addTable([
          [
            { data: 'Field', header: true },
            { data: 'Value', header: true },
          ],
          ...rows,
        ]),
      );
    },
  };
}
