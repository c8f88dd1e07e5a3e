// End to end: `upload` when things go wrong, through the committed dist/. Faults on the LFS upload
// and on the commit are retried as the action's policy says (a stall detected by inactivity, a
// commit retried only once it is certain it did not land, a moved branch re-planned once); every
// refusal fails with one `::error::` that says what happened, what to do, and whether anything
// reached the Hub; bad input is refused before the exchange; a long upload gets a fresh token; no
// token ever reaches storage and no secret reaches the log.

import { randomBytes } from 'node:crypto';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import { test } from './fixtures.js';
import { expectCleanFailure, expectCleanSuccess } from './expectations.js';
import {
  createWorkspace,
  expectTokensOnlyOnTheHub,
  KiB,
  MiB,
  REPO,
  runUpload,
  type Workspace,
} from './upload-support.js';
import type { HubCommitApi } from '../support/hub-commit-api.js';
import type { LocalServices } from '../support/local-services.js';
import type { RunResult } from '../support/run-action.js';

let workspace: Workspace;

beforeEach(() => {
  workspace = createWorkspace();
});
afterEach(() => workspace.remove());

/** A repository and a folder: two small files inline, one LFS file. */
function prepare(api: HubCommitApi, lfsBytes = 200 * KiB): void {
  api.options.lfsSizeThreshold = 64 * KiB;
  api.createRepo(REPO);
  workspace.write({
    'out/README.md': '# model\n',
    'out/config.json': '{}\n',
    'out/model.safetensors': randomBytes(lfsBytes),
  });
}

const retryLines = (result: RunResult): string[] =>
  result.stdout.split('\n').filter((line) => line.includes(' Retrying in '));
const run = (services: LocalServices, inputs: Record<string, string> = {}, node?: string): Promise<RunResult> =>
  runUpload(services, workspace, { 'timeout-seconds': '3', ...inputs }, node ? { node } : {});
const success = (result: RunResult, services: LocalServices): void =>
  expectCleanSuccess(result, services.secrets(), { allowedFiles: workspace.written });
const failure = (result: RunResult, services: LocalServices): string =>
  expectCleanFailure(result, services.secrets(), { allowedFiles: workspace.written });

describe('upload faults', () => {
  test('an LFS upload reset mid-body is retried, and the bytes arrive whole', async ({ services, commitApi }) => {
    prepare(commitApi);
    commitApi.storage.faultOn((info) => info.kind === 'put', { kind: 'reset-mid-request-body' });
    const result = await run(services);
    success(result, services);
    expect(retryLines(result)).toHaveLength(1);
    expect(retryLines(result)[0]).toMatch(
      /^The upload of model\.safetensors failed: connection to 127\.0\.0\.1:\d+ (reset|closed while sending)\. Retrying in .* \(attempt 2 of 4\)\.$/,
    );
    expect(commitApi.storage.requests.filter((request) => request.kind === 'put')).toHaveLength(2);
    expect(commitApi.storage.abortedUploads).toBe(1);
    expect(commitApi.files(REPO).has('model.safetensors')).toBe(true);
    expectTokensOnlyOnTheHub(commitApi, services);
  });

  test('a stalled upload is detected by inactivity (timeout-seconds), not a total limit, and retried', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi, 16 * MiB);
    commitApi.storage.faultOn((info) => info.kind === 'put', {
      kind: 'stall-request-body',
      afterBytes: MiB,
      ms: 120_000,
    });
    const result = await run(services, { 'timeout-seconds': '2' });
    success(result, services);
    expect(retryLines(result)).toHaveLength(1);
    // The stall was cut by inactivity (the fault holds the request for 120 s): the retry line says so.
    expect(retryLines(result)[0]).toContain('stalled: no data moved for 2 s (input `timeout-seconds`)');
    expect(commitApi.storage.requests.filter((request) => request.kind === 'put')).toHaveLength(2);
  });

  test('a commit answered 503 is retried once the branch shows it did not land; one commit is made', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    commitApi.faults.commit.push({ kind: 'respond', status: 503, body: { error: 'Service Unavailable' } });
    const result = await run(services);
    success(result, services);
    expect(commitApi.requests.map((request) => request.endpoint)).toEqual([
      'validate-yaml',
      'preupload',
      'batch',
      'commit',
      'commits',
      'commit',
    ]);
    expect(commitApi.commits(REPO).map((commit) => commit.title)).toEqual([
      'Upload from acme/awesome-model@b6c2e2f (run 4242)',
      'initial commit',
    ]);
    expect(retryLines(result)[0]).toMatch(
      /^The commit was refused by 127\.0\.0\.1:\d+: HTTP 503 "Service Unavailable" \(x-request-id: Root=1-[0-9a-f-]+\)\. Retrying in/,
    );
  });

  test('a commit that landed but whose answer was lost is found, not made twice', async ({ services, commitApi }) => {
    prepare(commitApi);
    commitApi.faults.commit.push({ kind: 'drop-answer' });
    const result = await run(services);
    success(result, services);
    expect(commitApi.requests.filter((request) => request.endpoint === 'commit')).toHaveLength(1);
    expect(commitApi.commits(REPO)).toHaveLength(2);
    expect(result.outputs['commit-sha']).toBe(commitApi.head(REPO));
    expect(result.stdout).toMatch(
      new RegExp(
        `^The commit request ended without an answer \\(.+\\), but the commit had landed: ` +
          `${commitApi.head(REPO).slice(0, 7)} carries this run's marker, so it is not sent again\\.$`,
        'm',
      ),
    );
  });

  test('a 502 after the commit landed is a success that says the commit landed, not a lost answer', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    commitApi.faults.commit.push({ kind: 'drop-answer', status: 502 });
    const result = await run(services);
    success(result, services);
    expect(commitApi.requests.filter((request) => request.endpoint === 'commit')).toHaveLength(1);
    expect(commitApi.commits(REPO)).toHaveLength(2);
    expect(result.outputs['commit-sha']).toBe(commitApi.head(REPO));
    expect(result.stdout).toMatch(
      new RegExp(
        `^The hub answered the commit request HTTP 502 \\(x-request-id: Root=1-[0-9a-f-]+\\), but the commit had ` +
          `landed: ${commitApi.head(REPO).slice(0, 7)} carries this run's marker, so it is not sent again\\.$`,
        'm',
      ),
    );
    expect(result.stdout).not.toContain('without an answer');
  });

  test('a commit reset before any answer, not landed, is sent again', async ({ services, commitApi }) => {
    prepare(commitApi);
    commitApi.faults.commit.push({ kind: 'reset-before-response' });
    const result = await run(services);
    success(result, services);
    expect(commitApi.requests.filter((request) => request.endpoint === 'commit')).toHaveLength(2);
    expect(commitApi.commits(REPO)).toHaveLength(2);
  });

  test('another commit landing first (412) is re-planned once on the new head, without sending LFS bytes again', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    commitApi.faults.commit.push({ kind: 'advance-branch', title: 'Concurrent commit' });
    const result = await run(services);
    success(result, services);
    expect(commitApi.commits(REPO).map((commit) => commit.title)).toEqual([
      'Upload from acme/awesome-model@b6c2e2f (run 4242)',
      'Concurrent commit',
      'initial commit',
    ]);
    expect(result.stdout).toContain('Another commit landed on main while this one was being prepared (HTTP 412)');
    expect(commitApi.requests.filter((request) => request.endpoint === 'preupload')).toHaveLength(2);
    expect(commitApi.storage.requests.filter((request) => request.kind === 'put')).toHaveLength(1);
  });

  test('the branch moving twice fails, saying nothing was committed and what reached storage', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    commitApi.faults.commit.push({ kind: 'advance-branch' }, { kind: 'advance-branch' });
    const error = failure(await run(services), services);
    expect(error).toContain('Other commits kept landing on main of acme/awesome-model while the action was committing');
    expect(error).toContain('HTTP 412');
    expect(error).toContain(
      'Nothing was committed: acme/awesome-model@main is unchanged. 200.0 KiB of file content reached the Hub',
    );
    expect(error).toContain('`concurrency:`');
    expect(commitApi.commits(REPO).map((commit) => commit.title)).toEqual([
      'Concurrent commit',
      'Concurrent commit',
      'initial commit',
    ]);
  });

  test("the hub's Retry-After is honoured", async ({ services, commitApi }) => {
    prepare(commitApi);
    commitApi.faults.batch.push({
      kind: 'respond',
      status: 429,
      body: { error: 'Too Many Requests' },
      headers: { 'Retry-After': '1' },
    });
    const result = await run(services);
    success(result, services);
    expect(retryLines(result)).toHaveLength(1);
    expect(retryLines(result)[0]).toMatch(
      /^The LFS batch request was refused by 127\.0\.0\.1:\d+: HTTP 429 .* Retrying in 1 s \(attempt 2 of 4\)\.$/,
    );
  });

  test('an upload that outlives the token gets a fresh one before its next hub request', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    services.hub.expiresInSeconds = 4;
    commitApi.faults.batch.push({
      kind: 'respond',
      status: 503,
      body: { error: 'busy' },
      headers: { 'Retry-After': '4' },
    });
    const result = await run(services);
    success(result, services);
    expect(services.hub.exchangeCount).toBe(2);
    const [first, second] = services.hub.issuedTokens.map((issued) => issued.token);
    expect(result.stdout).toContain('The Hub token is close to its expiry: exchanging a fresh one');
    expect(result.stdout).toContain(`::add-mask::${second ?? '?'}`);
    expect(result.exported['HF_TOKEN']).toBe(second);
    const batches = commitApi.requests.filter((request) => request.endpoint === 'batch');
    expect(batches.map((request) => request.token)).toEqual([first, second]);
    expectTokensOnlyOnTheHub(commitApi, services);
  });
});

describe('upload refusals', () => {
  test('bad input is refused before the exchange, saying what to fix', async ({ services, commitApi }) => {
    commitApi.createRepo(REPO);
    const refused = async (inputs: Record<string, string>): Promise<string> => {
      const error = failure(await run(services, inputs), services);
      expect(services.hub.exchangeCount, error).toBe(0);
      expect(commitApi.requests, error).toEqual([]);
      return error;
    };
    expect(await refused({ upload: 'missing' })).toMatch(/Input `upload` "missing" does not exist .*GITHUB_WORKSPACE/);

    workspace.write({ 'out/a.tmp': 'x', 'out/model.safetensors': 'w' });
    expect(await refused({ exclude: '*' })).toContain(
      'Nothing to upload: `upload` "out" is a folder, but all 2 of its files are left out',
    );
    expect(await refused({ include: '*.safetensors\n*.bin' })).toContain(
      'This `include` pattern matches no file in `upload` "out": "*.bin"',
    );

    writeFileSync(workspace.path('secret'), 'runner file');
    symlinkSync(workspace.path('secret'), workspace.path('out/notes.txt'));
    workspace.written.push('workspace/out/notes.txt', 'workspace/secret');
    const symlink = await refused({});
    expect(symlink).toContain('The symlink "notes.txt" in `upload` points outside it');
    expect(symlink).toContain('pull_request_target');

    writeFileSync(workspace.path('huge.bin'), '');
    truncateSync(workspace.path('huge.bin'), 500 * 1000 ** 3 + 1);
    workspace.written.push('workspace/huge.bin');
    expect(await refused({ upload: 'huge.bin' })).toContain(
      '"huge.bin" is 465.7 GiB: the Hub accepts files of at most',
    );

    services.hub.addPublisher('octocat', { repository: REPO });
    expect(await refused({ resource: 'octocat', upload: 'out', exclude: 'notes.txt' })).toContain(
      '`upload` needs a repository resource, but `resource` is the user octocat',
    );
    expect(await refused({ upload: '', 'commit-message': 'x', 'create-pr': 'true' })).toContain(
      '`commit-message`, `create-pr` are set, but `upload` is empty.',
    );
  });

  test('a repository that does not exist: it must exist and have a Trusted Publisher', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    services.hub.addPublisher('acme/not-created', { repository: REPO });
    const error = failure(await run(services, { resource: 'acme/not-created' }), services);
    expect(error).toMatch(
      new RegExp(
        String.raw`^Uploading to acme\/not-created failed: The preupload request to acme\/not-created was refused by ` +
          String.raw`127\.0\.0\.1:\d+: HTTP 404 RepoNotFound "Repository not found" \(x-request-id: Root=1-[0-9a-f-]+\)\. ` +
          String.raw`Nothing was committed: acme\/not-created@main is unchanged\. `,
      ),
    );
    expect(error).toContain('tokens from Trusted Publishers cannot create repositories');
  });

  test('a branch the Hub will not create for this token: the error says so, with the request id; nothing is sent', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    commitApi.faults.branch.push({
      kind: 'respond',
      status: 403,
      body: { error: 'You are not allowed to create a branch with this token' },
    });
    const error = failure(await run(services, { revision: 'release' }), services);
    expect(error).toMatch(
      new RegExp(
        String.raw`^The branch "release" \(input \`revision\`\) does not exist in acme\/awesome-model, and creating it ` +
          String.raw`failed: Creating the branch "release" was refused by 127\.0\.0\.1:\d+: HTTP 403 ` +
          String.raw`"You are not allowed to create a branch with this token" \(x-request-id: Root=1-[0-9a-f-]+\)\. `,
      ),
    );
    expect(error).toContain("a Trusted Publisher's token may not be allowed to");
    expect(commitApi.requests.map((request) => request.endpoint)).toEqual(['validate-yaml', 'refs', 'branch']);
    expect(commitApi.storage.requests).toEqual([]);
    expect([...commitApi.branches(REPO).keys()]).toEqual(['main']);
  });

  test('401 and 403 from the hub say what to check; nothing is retried', async ({ services, commitApi }) => {
    prepare(commitApi);
    services.hub.refuseIssuedTokens = true;
    const unauthorised = failure(await run(services), services);
    expect(unauthorised).toContain('HTTP 401 "Invalid credentials in Authorization header"');
    expect(unauthorised).toContain('check that `hub-url` is the hub that issued it');
    services.hub.refuseIssuedTokens = false;

    commitApi.faults.preupload.push({
      kind: 'respond',
      status: 403,
      body: { error: 'You have read access but not the required permissions for this operation' },
    });
    const forbidden = failure(await run(services), services);
    expect(forbidden).toContain('HTTP 403 "You have read access but not the required permissions for this operation"');
    expect(forbidden).toContain('The token cannot write to acme/awesome-model');
    expect(commitApi.requests.filter((request) => request.endpoint === 'preupload')).toHaveLength(2);
  });

  test('a storage refusal names its code and request id, never its body (which can echo headers)', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    const echoed = '<ArgumentValue>Bearer hf_jwt_notarealtokenbutlooksalikeone</ArgumentValue>';
    commitApi.storage.faultOn((info) => info.kind === 'put', {
      kind: 'respond',
      status: 403,
      body: `<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message>${echoed}</Error>`,
    });
    const result = await run(services);
    const error = failure(result, services);
    expect(error).toMatch(
      /The upload of model\.safetensors was refused by the storage host 127\.0\.0\.1:\d+: HTTP 403 AccessDenied \(request id: [0-9A-F]{16}\)/,
    );
    expect(error).toContain('Nothing was committed: acme/awesome-model@main is unchanged.');
    expect(result.stdout).not.toContain('ArgumentValue');
    expect(result.stdout).not.toContain('notarealtoken');
    expect(commitApi.requests.filter((request) => request.endpoint === 'commit')).toEqual([]);
  });

  test('one upload refused among several in flight: the others stop at once, one error, nothing on stderr', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    const files: Record<string, Uint8Array> = {};
    for (let index = 0; index < 5; index++) files[`out/shard-${index}.bin`] = randomBytes(MiB);
    workspace.write(files);
    // One upload is told to come back in 20 s; another is refused for good.
    commitApi.storage.faultOn((info) => info.kind === 'put', {
      kind: 'respond',
      status: 503,
      headers: { 'Retry-After': '20' },
    });
    commitApi.storage.faultOn((info) => info.kind === 'put', { kind: 'respond', status: 403 });
    const result = await run(services);
    const error = failure(result, services);
    expect(error).toMatch(
      /The upload of [\w.-]+ was refused by the storage host 127\.0\.0\.1:\d+: HTTP 403 AccessDenied/,
    );
    expect(result.stderr).toBe('');
    // The upload told to come back in 20 s was not waited for: no file was sent twice.
    const puts = commitApi.storage.requests.filter((request) => request.kind === 'put').map((request) => request.path);
    expect(new Set(puts).size).toBe(puts.length);
  });

  test("a file that changes size while it is sent is the workflow's to fix, not a bug to report", async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi, 4 * MiB);
    // Hashed already; cut short just before its bytes are sent, as a step still writing it would.
    commitApi.faults.batch.push({
      kind: 'transform',
      transform: (body) => {
        truncateSync(workspace.path('out/model.safetensors'), 1000);
        return body;
      },
    });
    const result = await run(services);
    const error = failure(result, services);
    expect(error).toMatch(
      /^Uploading to acme\/awesome-model failed: The workflow changed "model\.safetensors" during the upload \(it is now 1000 bytes, not the 4194304 planned\): refused, so that only the files that were planned before the exchange are published\. Nothing was committed: acme\/awesome-model@main is unchanged\./,
    );
    expect(error).toContain('Do not change the files to upload while the action runs');
    expect(error).not.toContain('@huggingface/hub');
    expect(error).not.toContain('report it');
    expect(retryLines(result)).toEqual([]);
  });

  test('a hub that prefers Xet is offered only basic and multipart, and the bytes go through its LFS bridge', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    // As huggingface.co for a Xet-backed repository: it answers `xet` to a client that offers it.
    commitApi.options.transfers = ['xet', 'multipart', 'basic'];
    const result = await run(services);
    success(result, services);
    expect(commitApi.batches.map((batch) => batch.transfers)).toEqual([['basic', 'multipart']]);
    expect(commitApi.batches.map((batch) => batch.chosen)).toEqual(['multipart']);
    expect(commitApi.storage.xetRequests).toEqual([]);
    expect(commitApi.entries(REPO).get('model.safetensors')?.kind).toBe('lfs');
    expectTokensOnlyOnTheHub(commitApi, services);
  });
});
