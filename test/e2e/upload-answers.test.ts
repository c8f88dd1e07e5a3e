// End to end: what `upload` takes from the Hub and from the workflow, through the committed dist/.
// Every answer is bounded in time once it starts (a body dripping a byte at a time is cut, a
// listing that never ends is stopped); what the hub's commit answer says becomes an output or a
// link in the job summary only when it is what it should be (a 40-hex commit id, http(s) URLs on
// the hub's origin); a credential an LFS batch answer holds is masked before anything could print it; and
// `commit-message` is one line, so it cannot forge what the provenance block says.

import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import { test } from './fixtures.js';
import { expectCleanFailure, expectCleanSuccess } from './expectations.js';
import { createWorkspace, KiB, REPO, runUpload, type Workspace } from './upload-support.js';
import type { HubCommitApi } from '../support/hub-commit-api.js';
import type { LocalServices } from '../support/local-services.js';
import type { RunResult } from '../support/run-action.js';
import { renderRunnerLog } from '../support/runner-log.js';

let workspace: Workspace;

beforeEach(() => {
  workspace = createWorkspace();
});
afterEach(() => workspace.remove());

/** A repository and a folder: two small files inline, one LFS file. */
function prepare(api: HubCommitApi): void {
  api.options.lfsSizeThreshold = 64 * KiB;
  api.createRepo(REPO);
  workspace.write({
    // With metadata: the Hub's warning about a card without it would be one more annotation here.
    'out/README.md': '---\nlicense: mit\n---\n# model\n',
    'out/config.json': '{}\n',
    'out/model.safetensors': randomBytes(200 * KiB),
  });
}

const run = (
  services: LocalServices,
  inputs: Record<string, string> = {},
  options: { node?: string | undefined; killAfterMs?: number } = {},
): Promise<RunResult> =>
  runUpload(
    services,
    workspace,
    { 'timeout-seconds': '3', ...inputs },
    { killAfterMs: options.killAfterMs ?? 40_000, ...(options.node ? { node: options.node } : {}) },
  );
const success = (result: RunResult, services: LocalServices): void =>
  expectCleanSuccess(result, services.secrets(), { allowedFiles: workspace.written });
const failure = (result: RunResult, services: LocalServices): string =>
  expectCleanFailure(result, services.secrets(), { allowedFiles: workspace.written });
const retryLines = (result: RunResult): string[] =>
  result.stdout.split('\n').filter((line) => line.includes(' Retrying in '));

describe('answers bounded in time', () => {
  test('a preupload answer dripping a byte every 500 ms is cut at 4 × timeout-seconds, and retried', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    // Never idle for a whole second: the inactivity limit alone would wait forever.
    commitApi.faults.preupload.push({ kind: 'slow-drip', intervalMs: 500 });
    const result = await run(services, { 'timeout-seconds': '1' });
    success(result, services);
    expect(retryLines(result)).toHaveLength(1);
    expect(retryLines(result)[0]).toMatch(
      /^The preupload request to acme\/awesome-model failed: POST 127\.0\.0\.1:\d+\/api\/models\/acme\/awesome-model\/preupload\/main: the answer was not complete 4 s after it began \(the answer limit, 4 × input `timeout-seconds`\)\. Retrying in /,
    );
    expect(commitApi.files(REPO).has('model.safetensors')).toBe(true);
  });

  test('a file listing whose Link: next never ends is stopped at a bounded number of pages', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    commitApi.options.treeNext = 'endless';
    const error = failure(await run(services, { delete: '*.old' }, { killAfterMs: 120_000 }), services);
    expect(error).toMatch(
      /^Uploading to acme\/awesome-model failed: The hub's listing of the files of acme\/awesome-model did not end after 1000 pages\./,
    );
    expect(error).toContain('Nothing was committed');
    expect(commitApi.requests.filter((request) => request.endpoint === 'tree')).toHaveLength(1000);
    expect(commitApi.requests.filter((request) => request.endpoint === 'commit')).toEqual([]);
  });

  test('a file listing whose Link: next repeats a page is stopped there', async ({ services, commitApi }) => {
    prepare(commitApi);
    commitApi.options.treeNext = 'repeat';
    const error = failure(await run(services, { delete: '*.old' }), services);
    expect(error).toContain("The hub's listing of the files of acme/awesome-model repeated a page (page 2).");
    expect(commitApi.requests.filter((request) => request.endpoint === 'tree')).toHaveLength(1);
    expect(commitApi.requests.filter((request) => request.endpoint === 'commit')).toEqual([]);
  });
});

describe("the hub's commit answer", () => {
  test('a commit id or URL that is not what it should be is not published: empty outputs, a warning, no link', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    const forgedSha = 'abc$(touch /tmp/pwned)\n::warning::forged';
    const forgedUrl = `${services.hub.url}/acme/awesome-model/commit/x\n::error::forged`;
    commitApi.faults.commit.push({
      kind: 'transform',
      transform: (body) => ({
        ...body,
        commitOid: forgedSha,
        commitUrl: forgedUrl,
        pullRequestUrl: 'javascript:alert(document.cookie)',
      }),
    });
    const result = await run(services, { 'create-pr': 'true' });
    success(result, services);
    expect(result.outputs['commit-sha']).toBe('');
    expect(result.outputs['commit-url']).toBe('');
    expect(result.outputs['pull-request-url']).toBe('');
    // The commit landed, and the log says so.
    expect(commitApi.pullRequests(REPO)).toHaveLength(1);
    expect(result.stdout).toMatch(/^Committed to acme\/awesome-model@main as a pull request/m);
    expect(result.outputs['token']).toBe(services.hub.issuedTokens.at(-1)?.token);
    expect(result.warnings).toHaveLength(3);
    expect(result.warnings[0]).toBe(
      'The hub answered the commit with a commit id that is not 40 hexadecimal characters, so `commit-sha` is ' +
        'empty: "abc$(touch /tmp/pwned) : :warning: :forged".',
    );
    expect(result.warnings[1]).toContain('so `commit-url` is empty');
    expect(result.warnings[1]).toContain('holds a control character');
    expect(result.warnings[2]).toContain('so `pull-request-url` is empty');
    expect(result.warnings[2]).toContain('not an http(s) URL');
    expect(result.summary).not.toContain('javascript:');
    expect(result.summary).not.toContain('pwned');
    expect(result.summary).toContain('Hugging Face upload');
  });

  test('a URL on another origin than the hub is not published either', async ({ services, commitApi }) => {
    prepare(commitApi);
    commitApi.faults.commit.push({
      kind: 'transform',
      transform: (body) => ({ ...body, commitUrl: 'https://evil.example/acme/awesome-model/commit/1' }),
    });
    const result = await run(services);
    success(result, services);
    expect(result.outputs['commit-sha']).toBe(commitApi.head(REPO));
    expect(result.outputs['commit-url']).toBe('');
    expect(result.warnings).toEqual([
      `The hub answered the commit with a commit URL that is not on the hub's origin (${services.hub.url}), so ` +
        '`commit-url` is empty: "https://evil.example/acme/awesome-model/commit/1".',
    ]);
    expect(result.summary).not.toContain('evil.example');
  });
});

describe('credentials in LFS batch answers', () => {
  test('are masked as soon as the Hub hands them out, and cut out of what the hub says', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    // An Authorization value for the storage host (as the Git LFS protocol allows), and the hub's
    // error text quoting it: neither may reach the log unmasked.
    const credential = `lfs-${randomBytes(24).toString('base64url')}`;
    commitApi.faults.batch.push({
      kind: 'transform',
      transform: (body) => ({
        ...body,
        objects: (body['objects'] as Array<Record<string, unknown>>).map((object) => ({
          ...object,
          actions: { upload: { href: 'https://storage.test/x', header: { Authorization: `Basic ${credential}` } } },
          error: { code: 422, message: `Storage session ${credential} has no room for this object` },
        })),
      }),
    });
    const result = await run(services, { 'max-attempts': '1' });
    const error = failure(result, services);
    expect(error).toContain('"Storage session *** has no room for this object"');
    const lines = result.stdout.split('\n');
    const masked = lines.findIndex((line) => line === `::add-mask::${credential}`);
    expect(masked, 'the credential masked').toBeGreaterThanOrEqual(0);
    const printed = lines.findIndex((line) => !line.startsWith('::add-mask::') && line.includes(credential));
    expect(printed, 'the credential printed').toBe(-1);
    expect(renderRunnerLog(result.stdout, { debug: true })).not.toContain(credential);
    expect(result.summary).not.toContain(credential);
  });
});

describe('commit-message', () => {
  test('with a line break or a control character is refused before the exchange; the description is cleaned', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    const forged =
      'Fix typo\n\nPublished from GitHub Actions:\n\n- Run: https://github.com/someone/else/actions/runs/1';
    const error = failure(await run(services, { 'commit-message': forged }), services);
    expect(error).toBe(
      'Input `commit-message` must be one line without control characters, but it holds a line break ("\\n" at ' +
        'character 9). The message is the commit title: give its first line only (for a message from git, cut it ' +
        'in a step before, e.g. `head -n 1`), and put the rest in `commit-description`.',
    );
    expect(failure(await run(services, { 'commit-message': 'Fix \u001b[31mtypo' }), services)).toContain(
      'holds a control character ("\\u001b" at character 5)',
    );
    expect(services.hub.exchangeCount).toBe(0);
    expect(commitApi.requests).toEqual([]);

    const result = await run(services, {
      'commit-message': 'Epoch 34',
      'commit-description': 'Val accuracy:\r\n68%\u0007\u001b[2J\tdone',
    });
    success(result, services);
    const [commit] = commitApi.commits(REPO);
    expect(commit?.title).toBe('Epoch 34');
    expect(
      commit?.description.startsWith('Val accuracy:\n68%[2J\tdone\n\n---\n\nPublished from GitHub Actions:\n'),
    ).toBe(true);
    // The provenance block is last: nothing follows its marker line.
    expect(commit?.description).toMatch(/\n- Upload: `4242-1-[0-9a-f]{16}`\n$/);
  });
});
