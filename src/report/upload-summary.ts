// The job summary of an upload: where it went, every commit it made (one line each when it took
// several), the pull request, what changed. Rendered from the upload's result (upload/result.ts),
// whose Hub values were checked before they got there; each is escaped for Markdown here anyway.

import * as core from '@actions/core';
import { escapeMarkdown } from '../runner/sanitize.js';
import { writeSummary } from '../runner/summary.js';
import { formatBytes } from '../upload/plan.js';
import { formatDuration } from '../upload/progress.js';
import type { UploadResult } from '../upload/result.js';

/** Appends the upload's table to the job summary. */
export async function writeUploadSummary(result: UploadResult): Promise<void> {
  const code = (value: string): string => `<code>${escapeMarkdown(value)}</code>`;
  const link = (url: string, text: string): string => `<a href="${escapeMarkdown(url)}">${escapeMarkdown(text)}</a>`;
  const counts = result.counts;
  const rows: Array<[string, string]> = [
    ['Repository', code(result.repository)],
    ['Revision', `${code(result.revision)}${result.createPr ? ' (pull request)' : ''}`],
  ];
  const total = result.commits.length;
  if (total === 0) {
    rows.push(['Commit', 'none: nothing changed since the last commit']);
  } else {
    result.commits.forEach((commit, index) => {
      rows.push([
        total === 1 ? 'Commit' : `Commit (part ${index + 1}/${total})`,
        commit.oid === undefined
          ? "made (the hub's answer held no valid commit id)"
          : commit.url === undefined
            ? code(commit.oid)
            : link(commit.url, commit.oid),
      ]);
    });
    if (result.pullRequestUrl) rows.push(['Pull request', link(result.pullRequestUrl, result.pullRequestUrl)]);
    rows.push([
      'Sent',
      `${escapeMarkdown(formatBytes(result.bytesSent))} in ${escapeMarkdown(formatDuration(result.durationMs / 1000))}`,
    ]);
  }
  rows.push([
    'Files',
    escapeMarkdown(
      `${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.deleted} ` +
        `deleted${counts.ignored > 0 ? `, ${counts.ignored} ignored by the repository's .gitignore` : ''}`,
    ),
  ]);
  await writeSummary(
    core.summary.addHeading('Hugging Face upload', 3).addTable([
      [
        { data: 'Field', header: true },
        { data: 'Value', header: true },
      ],
      ...rows,
    ]),
  );
}
