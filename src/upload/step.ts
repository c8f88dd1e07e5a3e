// The upload stage as main.ts sees it, loaded with `await import()` only when `upload` is set, so
// the default path neither loads nor parses any of it. Two calls: prepare
// (read the folder and refuse bad input, before the exchange) and commit (after the exchange, with
// the token holder, which keeps the token fresh for the whole upload: first what `hf upload` settles before sending any byte,
// the README's metadata and the branch, then the commit). The result is plain data (result.ts);
// main.ts renders outputs and the summary from it only once the commit exists (or it is certain
// that nothing changed); on failure nothing is.

import type { HubTokenHolder } from '../hub/token-holder.js';
import type { Settings } from '../inputs.js';
import { logInfo, logNotice, logWarning } from '../runner/log.js';
import { maskSecret } from '../runner/mask.js';
import { ensureBranch } from './branch.js';
import { HubApi } from './hub-api.js';
import { formatBytes, planUpload, type LocalPlan } from './plan.js';
import { wholePlan } from './remote-plan.js';
import { sendCommits, type UploadOutcome } from './send-commit.js';
import { buildCommitText } from './provenance.js';
import { checkReadmeMetadata } from './readme-metadata.js';
import type { UploadResult } from './result.js';
import { parseUploadInputs, type RawUploadInputs, type UploadSettings } from './settings.js';
import { UploadTransport } from './transport.js';
import { closeIdleConnections } from '../http/agents.js';

export interface PreparedUpload {
  readonly plan: LocalPlan;
  /** Uploads and commits with the holder's token; throws an ActionError that says whether anything reached the Hub. */
  commit(tokens: HubTokenHolder): Promise<FinishedUpload>;
}

export interface FinishedUpload {
  /** What was committed: main.ts renders it (runner/outputs.ts, report/upload-summary.ts). */
  readonly result: UploadResult;
}

/** Validates the upload inputs, reads `upload` from disk and refuses what cannot be uploaded. No network. */
export async function prepareUpload(settings: Settings, raw: RawUploadInputs): Promise<PreparedUpload> {
  const upload = parseUploadInputs(raw, settings.resource);
  const plan = await planUpload(upload);
  const leftOut = [
    plan.excludedByPatterns > 0 ? `${plan.excludedByPatterns} left out by include/exclude` : '',
    plan.skippedGitEntries > 0 ? '.git skipped' : '',
    plan.skippedCacheFolders > 0
      ? `${plan.skippedCacheFolders} .cache/ folder${plan.skippedCacheFolders === 1 ? '' : 's'} skipped`
      : '',
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
    commit: async (holder) => {
      const text = buildCommitText({ message: upload.commitMessage, description: upload.commitDescription });
      try {
        await checkBeforeUploading(plan, upload, settings, holder);
        const outcome = await sendCommits(wholePlan(plan), {
          upload,
          hubUrl: settings.hubUrl,
          maxAttempts: settings.maxAttempts,
          idleMs: settings.requestTimeoutMs,
          tokens: holder,
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
        // The hub's answers that were not fit to publish: one warning each (commit-answer.ts).
        if (outcome.kind === 'committed') for (const warning of outcome.rejected) logWarning(warning);
        const result = toResult(outcome, settings, upload);
        logPublished(result);
        return { result };
      } finally {
        closeIdleConnections();
      }
    },
  };
}

/**
 * What `hf upload` settles before sending any byte: the root README.md's metadata is valid for the
 * Hub, and the branch `revision` names exists (created from the default branch when it does not).
 */
async function checkBeforeUploading(
  plan: LocalPlan,
  upload: UploadSettings,
  settings: Settings,
  tokens: HubTokenHolder,
): Promise<void> {
  const log = (line: string): void => logInfo(line);
  const transport = new UploadTransport({
    hubUrl: settings.hubUrl,
    tokens,
    maxAttempts: settings.maxAttempts,
    idleMs: settings.requestTimeoutMs,
    log,
  });
  const api = new HubApi(transport, upload, settings.hubUrl, () => tokens.secrets());
  await checkReadmeMetadata(plan.files, {
    requests: transport,
    hubUrl: settings.hubUrl,
    repoKind: upload.repo.kind,
    secrets: () => tokens.secrets(),
    log,
    warn: (line) => logWarning(line),
  });
  await ensureBranch({
    requests: transport,
    hubUrl: settings.hubUrl,
    repoPath: api.repoPath,
    repoDisplay: api.webPath,
    revision: upload.revision,
    createPr: upload.createPr,
    refusal: (what) => api.refusal(what),
    log,
  });
}

function toResult(outcome: UploadOutcome, settings: Settings, upload: UploadSettings): UploadResult {
  const committed = outcome.kind === 'committed';
  return {
    repository: settings.resource.value,
    revision: upload.revision,
    createPr: upload.createPr,
    commits: committed ? outcome.commits.map((commit) => ({ oid: commit.commitOid, url: commit.commitUrl })) : [],
    pullRequestUrl: committed ? outcome.pullRequestUrl : undefined,
    counts: outcome.counts,
    bytesSent: committed ? outcome.bytesSent : 0,
    durationMs: outcome.durationMs,
  };
}

/** The upload's last line names where it landed, as `hf upload` ends with the commit URL. */
function logPublished(result: UploadResult): void {
  const last = result.commits.at(-1);
  if (last === undefined) return;
  const where = `${result.repository}@${result.revision}`;
  const pullRequest = result.pullRequestUrl ? ` as the pull request ${result.pullRequestUrl}` : '';
  const commits = result.commits.length === 1 ? '' : ` in ${result.commits.length} commits; the last:`;
  logInfo(
    last.url === undefined
      ? `Published to ${where}${pullRequest}${commits ? ` in ${result.commits.length} commits` : ''} (the hub's answer held no valid commit URL).`
      : `Published to ${where}${pullRequest}${commits || ':'} ${last.url}`,
  );
}
