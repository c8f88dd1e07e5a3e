// Shared by the `upload` end-to-end files: a job whose workspace holds the files to upload, a run of
// the bundled action with `upload` against the local Hub and its commit API, and the checks every
// upload run must pass (the Hub token on hub requests only, never on storage).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import type { HubCommitApi } from '../support/hub-commit-api.js';
import type { LocalServices } from '../support/local-services.js';
import { createJob, runAction, type Job, type RunResult } from '../support/run-action.js';

export const REPO = 'acme/awesome-model';
export const KiB = 1024;
export const MiB = 1024 * KiB;

/** What a runner sets and run-action.ts does not: the provenance block names them. */
export const RUNNER_ENV = {
  GITHUB_WORKFLOW_REF: 'acme/awesome-model/.github/workflows/publish.yml@refs/heads/main',
  GITHUB_RUN_ATTEMPT: '1',
};

export interface Workspace {
  readonly job: Job;
  /** Files written, relative to the job's sandbox (what a run may leave without being "stray"). */
  readonly written: string[];
  /** Writes files below the workspace (`out/a.txt` → `$GITHUB_WORKSPACE/out/a.txt`). */
  write(files: Record<string, string | Uint8Array>): void;
  path(relativePath: string): string;
  remove(): void;
}

export function createWorkspace(): Workspace {
  const job = createJob();
  const written: string[] = [];
  return {
    job,
    written,
    write: (files) => {
      for (const [path, content] of Object.entries(files)) {
        const target = join(job.workspace, path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content);
        const fromRoot = relative(job.root, target).split('\\').join('/');
        if (!written.includes(fromRoot)) written.push(fromRoot);
      }
    },
    path: (relativePath) => join(job.workspace, relativePath),
    remove: () => job.remove(),
  };
}

export interface UploadRunOptions {
  node?: string;
  env?: Record<string, string | undefined>;
  killAfterMs?: number;
}

/** Runs dist/ with `upload: out` (unless given) for the model acme/awesome-model (unless given). */
export function runUpload(
  services: LocalServices,
  workspace: Workspace,
  inputs: Record<string, string> = {},
  options: UploadRunOptions = {},
): Promise<RunResult> {
  const base = services.runOptions({ resource: REPO, upload: 'out', ...inputs });
  return runAction({
    ...base,
    job: workspace.job,
    env: { ...RUNNER_ENV, ...options.env },
    killAfterMs: options.killAfterMs ?? 60_000,
    ...(options.node ? { node: options.node } : {}),
  });
}

/** Every request to the Hub's commit API carried an issued token; no storage request carried one. */
export function expectTokensOnlyOnTheHub(api: HubCommitApi, services: LocalServices): void {
  const tokens = services.hub.issuedTokens.map((issued) => issued.token);
  expect(api.storage.securityViolations, 'Authorization headers sent to storage').toEqual([]);
  for (const request of api.storage.requests) {
    const headers = JSON.stringify(request.headers);
    for (const token of tokens) expect(headers.includes(token), `${request.method} ${request.path}`).toBe(false);
  }
  for (const request of api.requests) {
    // A multipart completion URL is signed: both Hub clients send it no token, and neither does the action.
    if (request.endpoint === 'completion') expect(request.token, request.path).toBeUndefined();
    else expect(tokens, `${request.method} ${request.path}`).toContain(request.token);
  }
}

/** The lines of the step log a user reads (no workflow commands, no debug lines). */
export function logLines(result: RunResult): string[] {
  return result.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('::'));
}
