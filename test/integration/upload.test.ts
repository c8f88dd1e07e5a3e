// `upload` in process (src/main.ts → upload/), against the local Hub's commit API and its storage
// host: the commit seam's paths that need no bundle to prove (retries of the LFS upload and of the
// commit, the moved branch, refusals of the hub and of storage, a pull request, a renewed token),
// checked on what a user sees. The e2e project keeps the bundle's view of the same stage.

import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect } from 'vitest';
import { test as base } from '../e2e/fixtures.js';
import { expectTokensOnlyOnTheHub } from '../e2e/upload-support.js';
import type { LocalServices } from '../support/local-services.js';
import { createJob, type Job } from '../support/run-action.js';
import { runInProcess, type InProcessResult } from '../support/run-in-process.js';

const REPO = 'acme/awesome-model';
const KiB = 1024;

/** Each test gets a job whose workspace holds `out/`: two small files and one LFS file. */
const test = base.extend<{ job: Job }>({
  job: async ({ commitApi }, use) => {
    commitApi.options.lfsSizeThreshold = 64 * KiB;
    commitApi.createRepo(REPO);
    const job = createJob();
    write(job, {
      'out/README.md': '# model\n',
      'out/config.json': '{}\n',
      'out/model.safetensors': randomBytes(200 * KiB),
    });
    try {
      await use(job);
    } finally {
      job.remove();
    }
  },
});

function write(job: Job, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(job.workspace, path)), { recursive: true });
    writeFileSync(join(job.workspace, path), content);
  }
}

const upload = (services: LocalServices, job: Job, inputs: Record<string, string> = {}): Promise<InProcessResult> =>
  runInProcess({
    ...services.runOptions({ resource: REPO, upload: 'out', 'timeout-seconds': '3', ...inputs }),
    job,
    env: { GITHUB_WORKFLOW_REF: `${REPO}/.github/workflows/publish.yml@refs/heads/main`, GITHUB_RUN_ATTEMPT: '1' },
  });

const retryLines = (result: InProcessResult): string[] =>
  result.stdout.split('\n').filter((line) => line.includes(' Retrying in '));

function failed(result: InProcessResult): string {
  expect(result.exitCode).toBe(1);
  expect(result.errors).toHaveLength(1);
  expect(result.exported).toEqual({});
  expect(result.outputs).toEqual({});
  return result.errors[0] ?? '';
}

describe('upload, in process', () => {
  test('commits, with the token only on the hub, and names the commit', async ({ services, commitApi, job }) => {
    const result = await upload(services, job);
    expect(result.errors).toEqual([]);
    expect(result.outputs['commit-sha']).toBe(commitApi.head(REPO));
    expect(result.outputs['commit-url']).toContain(`/${REPO}/commit/`);
    const files = commitApi.files(REPO);
    expect(['README.md', 'config.json', 'model.safetensors'].map((path) => files.has(path))).toEqual([
      true,
      true,
      true,
    ]);
    expectTokensOnlyOnTheHub(commitApi, services);
  });

  test('opens a pull request when asked', async ({ services, commitApi, job }) => {
    const result = await upload(services, job, { 'create-pr': 'true' });
    expect(result.errors).toEqual([]);
    expect(result.outputs['pull-request-url']).toMatch(/\/discussions\/1$/);
    expect(commitApi.pullRequests(REPO)).toHaveLength(1);
  });

  test('an LFS upload reset mid-body is retried, and the bytes arrive whole', async ({ services, commitApi, job }) => {
    commitApi.storage.faultOn((info) => info.kind === 'put', { kind: 'reset-mid-request-body' });
    const result = await upload(services, job);
    expect(result.errors).toEqual([]);
    expect(retryLines(result)).toHaveLength(1);
    expect(commitApi.storage.requests.filter((request) => request.kind === 'put')).toHaveLength(2);
    expect(commitApi.files(REPO).has('model.safetensors')).toBe(true);
  });

  test("a commit answered 503 is retried once the branch shows it did not land; the hub's Retry-After is honoured", async ({
    services,
    commitApi,
    job,
  }) => {
    commitApi.faults.batch.push({
      kind: 'respond',
      status: 429,
      body: { error: 'Too Many Requests' },
      headers: { 'Retry-After': '0' },
    });
    commitApi.faults.commit.push({ kind: 'respond', status: 503, body: { error: 'Service Unavailable' } });
    const result = await upload(services, job);
    expect(result.errors).toEqual([]);
    expect(retryLines(result)).toHaveLength(2);
    expect(commitApi.commits(REPO)).toHaveLength(2);
  });

  test('a commit whose answer was lost is found, not made twice', async ({ services, commitApi, job }) => {
    commitApi.faults.commit.push({ kind: 'drop-answer' });
    const result = await upload(services, job);
    expect(result.errors).toEqual([]);
    expect(commitApi.requests.filter((request) => request.endpoint === 'commit')).toHaveLength(1);
    expect(result.stdout).toContain(
      `, but the commit had landed: ${commitApi.head(REPO).slice(0, 7)} carries this run's marker, so it is not sent again.`,
    );
  });

  test('a moved branch is re-planned once; moving twice fails, saying what reached storage', async ({
    services,
    commitApi,
    job,
  }) => {
    commitApi.faults.commit.push({ kind: 'advance-branch', title: 'Concurrent commit' });
    const once = await upload(services, job);
    expect(once.errors).toEqual([]);
    expect(once.stdout).toContain('Another commit landed on main while this one was being prepared (HTTP 412)');

    write(job, { 'out/config.json': '{"changed": true}\n' });
    commitApi.faults.commit.push({ kind: 'advance-branch' }, { kind: 'advance-branch' });
    const error = failed(await upload(services, job));
    expect(error).toContain('Other commits kept landing on main of acme/awesome-model while the action was committing');
    expect(error).toContain('Nothing was committed: acme/awesome-model@main is unchanged.');
  });

  test('refusals of the hub say what to check: no repository, a branch it will not create, 401, 403', async ({
    services,
    commitApi,
    job,
  }) => {
    services.hub.addPublisher('acme/not-created', { repository: REPO });
    expect(failed(await upload(services, job, { resource: 'acme/not-created' }))).toContain(
      'tokens from Trusted Publishers cannot create repositories',
    );
    commitApi.faults.branch.push({ kind: 'respond', status: 403, body: { error: 'not for this token' } });
    expect(failed(await upload(services, job, { revision: 'release' }))).toContain(
      'The branch "release" (input `revision`) does not exist in acme/awesome-model, and creating it failed',
    );
    commitApi.faults.preupload.push({ kind: 'respond', status: 403, body: { error: 'read access only' } });
    expect(failed(await upload(services, job))).toContain('The token cannot write to acme/awesome-model');
    services.hub.refuseIssuedTokens = true;
    expect(failed(await upload(services, job))).toContain('check that `hub-url` is the hub that issued it');
  });

  test('a storage refusal names its code and request id, never its body', async ({ services, commitApi, job }) => {
    commitApi.storage.faultOn((info) => info.kind === 'put', { kind: 'respond', status: 403 });
    const error = failed(await upload(services, job));
    expect(error).toMatch(
      /The upload of model\.safetensors was refused by the storage host 127\.0\.0\.1:\d+: HTTP 403 AccessDenied/,
    );
  });
});
