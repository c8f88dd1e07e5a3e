// What an upload did, as plain data: the commits it made (several when the changes did not fit in
// one, in order), the pull request, the counts and what was sent. The step's outputs
// (runner/outputs.ts) and the job summary (report/upload-summary.ts) are rendered from it; nothing
// here talks to the runner.

export interface UploadCounts {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly deleted: number;
  readonly ignored: number;
}

/** One commit the upload made; a field the hub's answer got wrong is undefined (upload/commit-answer.ts). */
export interface PublishedCommit {
  readonly oid: string | undefined;
  readonly url: string | undefined;
}

export interface UploadResult {
  /** The resource, e.g. `datasets/acme/x`. */
  readonly repository: string;
  readonly revision: string;
  readonly createPr: boolean;
  /** In the order they landed; empty when nothing changed. The last is what the outputs name. */
  readonly commits: readonly PublishedCommit[];
  readonly pullRequestUrl: string | undefined;
  readonly counts: UploadCounts;
  /** Bytes that reached the Hub (file content and commit requests). */
  readonly bytesSent: number;
  readonly durationMs: number;
}
