// End to end: `upload`'s trust boundary on disk, through the committed dist/, as an attacker with
// checked-out code would try it (issue 14). Only the named folder or file leaves the runner, judged
// by real paths: a link into `.git`, a symlinked `upload` root that resolves outside the workspace,
// a file swapped for a link between planning and reading, links that multiply the plan. Each is
// refused with one `::error::` naming what to fix, nothing exported, and nothing reaching the Hub
// (the local Hub records every request and every commit).

import { renameSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import { test } from './fixtures.js';
import { expectCleanFailure, expectCleanSuccess } from './expectations.js';
import { createWorkspace, KiB, REPO, runUpload, type Workspace } from './upload-support.js';
import type { HubCommitApi } from '../support/hub-commit-api.js';
import type { LocalServices } from '../support/local-services.js';
import type { RunResult } from '../support/run-action.js';

let workspace: Workspace;

beforeEach(() => {
  workspace = createWorkspace();
});
afterEach(() => workspace.remove());

/** What actions/checkout leaves in .git/config: the job's GITHUB_TOKEN, base64 in a header. */
const CHECKOUT_CONFIG =
  '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA==\n';
const RUNNER_SECRET = 'runner secret: id_rsa';

function prepare(api: HubCommitApi): void {
  api.options.lfsSizeThreshold = 64 * KiB;
  api.createRepo(REPO);
  workspace.write({ 'out/README.md': '# model\n', 'out/config.json': '{}\n' });
}

/** A symlink the test made (so the run may leave it), `relativePath` from the job's sandbox. */
function link(target: string, relativePath: string, type: 'file' | 'dir' = 'file'): void {
  // The type matters on Windows only (a directory link must say so); elsewhere it is ignored.
  symlinkSync(target, join(workspace.job.root, relativePath), type);
  workspace.written.push(relativePath);
}

/** A file outside the workspace: what checked-out code would like to publish. */
function writeRunnerSecret(): string {
  const path = join(workspace.job.home, 'secret.txt');
  writeFileSync(path, RUNNER_SECRET);
  workspace.written.push('home/secret.txt');
  return path;
}

/** Refused before the exchange: one error, nothing exported, no token, no request to the Hub. */
function refusedBeforeExchange(result: RunResult, services: LocalServices, api: HubCommitApi): string {
  const error = expectCleanFailure(result, services.secrets(), { allowedFiles: workspace.written });
  expect(services.hub.exchangeCount, error).toBe(0);
  expect(api.requests, error).toEqual([]);
  expect(api.commits(REPO)).toHaveLength(1);
  return error;
}

describe('upload: only the named folder leaves the runner, judged by real paths', () => {
  test('a symlink into .git is refused before the exchange, naming the link', async ({ services, commitApi }) => {
    prepare(commitApi);
    workspace.write({ 'out/.git/config': CHECKOUT_CONFIG, 'out/.git/HEAD': 'ref: refs/heads/main\n' });

    link('.git', 'workspace/out/docs', 'dir');
    const folder = refusedBeforeExchange(await runUpload(services, workspace), services, commitApi);
    expect(folder).toContain('The symlink "docs" in `upload` points to ".git"');
    expect(folder).toContain('never leaves the runner');

    workspace.write({ 'out/.git/notes-target': 'x' });
    link('.git/config', 'workspace/out/notes.txt');
    const file = refusedBeforeExchange(await runUpload(services, workspace, { exclude: 'docs' }), services, commitApi);
    expect(file).toContain('The symlink "notes.txt" in `upload` points to ".git/config"');

    // Left out by `exclude`, the links would not be sent: the upload goes ahead without them.
    const result = await runUpload(services, workspace, { exclude: 'docs\nnotes.txt' });
    expectCleanSuccess(result, services.secrets(), { allowedFiles: workspace.written });
    expect([...commitApi.files(REPO).keys()].sort()).toEqual(['.gitattributes', 'README.md', 'config.json']);
  });

  test('a symlinked upload root that resolves outside the workspace is refused; an absolute path elsewhere is the workflow’s own', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    const secret = writeRunnerSecret();

    link(workspace.job.home, 'workspace/build', 'dir');
    const folder = refusedBeforeExchange(
      await runUpload(services, workspace, { upload: 'build' }),
      services,
      commitApi,
    );
    expect(folder).toMatch(/^Input `upload` "build" resolves to ".*home", outside the workspace \(GITHUB_WORKSPACE\)/);
    expect(folder).toContain('runner.temp');

    mkdirSync(workspace.path('dist'));
    link(secret, 'workspace/dist/model.bin');
    const file = refusedBeforeExchange(
      await runUpload(services, workspace, { upload: 'dist/model.bin' }),
      services,
      commitApi,
    );
    expect(file).toMatch(/^Input `upload` "dist\/model\.bin" resolves to ".*secret\.txt", outside the workspace/);

    // The same link named by an absolute path inside the workspace is still content of the checkout.
    const absolute = refusedBeforeExchange(
      await runUpload(services, workspace, { upload: workspace.path('dist/model.bin') }),
      services,
      commitApi,
    );
    expect(absolute).toContain('outside the workspace');

    // An absolute path outside the workspace, which the workflow wrote: uploaded; its inside is
    // still judged by real paths against its own root.
    const results = join(workspace.job.root, 'runner-temp', 'results');
    mkdirSync(results);
    writeFileSync(join(results, 'scores.json'), '{"score": 1}\n');
    workspace.written.push('runner-temp/results/scores.json');
    const allowed = await runUpload(services, workspace, { upload: results });
    expectCleanSuccess(allowed, services.secrets(), { allowedFiles: workspace.written });
    expect(commitApi.files(REPO).get('scores.json')?.toString()).toBe('{"score": 1}\n');

    link(secret, 'runner-temp/results/notes.txt');
    const inside = refusedBeforeExchangeAfterCommit(
      await runUpload(services, workspace, { upload: results }),
      services,
      commitApi,
    );
    expect(inside).toContain('The symlink "notes.txt" in `upload` points outside it');
  });

  test('a file swapped for a same-size symlink between planning and reading is refused, and nothing is committed', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    writeFileSync(join(workspace.job.home, 'secret.txt'), 'S'.repeat('# model\n'.length));
    workspace.written.push('home/secret.txt');
    // The first commit is answered 503 with a Retry-After: the window in which the file is swapped.
    commitApi.faults.commit.push({
      kind: 'respond',
      status: 503,
      body: { error: 'Service Unavailable' },
      headers: { 'Retry-After': '2' },
    });
    const running = runUpload(services, workspace, { 'timeout-seconds': '5' });
    while (!commitApi.requests.some((request) => request.endpoint === 'commit')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const swapped = workspace.path('out/README.md.swap');
    symlinkSync(join(workspace.job.home, 'secret.txt'), swapped);
    renameSync(swapped, workspace.path('out/README.md'));
    const result = await running;

    const error = expectCleanFailure(result, services.secrets(), { allowedFiles: workspace.written });
    // Windows has no O_NOFOLLOW: the link is opened, and its target is not the planned file.
    expect(error).toMatch(
      /^Uploading to acme\/awesome-model failed: The workflow changed "README\.md" during the upload \(it is now (a symlink|another file)\)/,
    );
    expect(error).toContain('Nothing was committed');
    // The retried commit request was cut before its body carried the link's target: no commit landed.
    expect(commitApi.commits(REPO)).toHaveLength(1);
    expect(commitApi.files(REPO).has('README.md')).toBe(false);
  });

  test('links that fan out (d_i/{a,b} -> ../d_{i+1}, 18 levels) are refused at once, naming the first', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    for (let level = 0; level <= 18; level++) workspace.write({ [`out/d_${level}/weights.txt`]: `${level}\n` });
    for (let level = 0; level < 18; level++) {
      link(`../d_${level + 1}`, `workspace/out/d_${level}/a`, 'dir');
      link(`../d_${level + 1}`, `workspace/out/d_${level}/b`, 'dir');
    }
    // Without the fix, 18 levels never finish planning: the harness kills the run.
    const result = await runUpload(services, workspace, {}, { killAfterMs: 30_000 });
    const error = refusedBeforeExchange(result, services, commitApi);
    expect(error).toContain('The symlink "d_0/a" in `upload` points to the folder "d_1"');
    expect(error).toContain('links to folders are not followed');
  });
});

/** As refusedBeforeExchange, after an earlier run of the test committed once. */
function refusedBeforeExchangeAfterCommit(result: RunResult, services: LocalServices, api: HubCommitApi): string {
  const requests = api.requests.length;
  const exchanges = services.hub.exchangeCount;
  const error = expectCleanFailure(result, services.secrets(), { allowedFiles: workspace.written });
  expect(services.hub.exchangeCount, error).toBe(exchanges);
  expect(api.requests.length, error).toBe(requests);
  expect(api.commits(REPO)).toHaveLength(2);
  return error;
}
