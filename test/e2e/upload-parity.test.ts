// End to end, through the committed dist/: where `upload` does what a user porting from `hf upload`
// expects (huggingface_hub's cli/upload.py, hf_api.py, _commit_api.py): a `revision` that does not
// exist is created from the default branch; the root README.md's metadata is checked by the Hub
// before any byte is sent, and a bad card stops the upload there; empty files go as regular files;
// anything under a `.cache/` folder is left out, and the log says so.

import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import { test } from './fixtures.js';
import { expectCleanFailure, expectCleanSuccess } from './expectations.js';
import { createWorkspace, KiB, logLines, REPO, runUpload, type Workspace } from './upload-support.js';
import type { HubCommitApi } from '../support/hub-commit-api.js';

let workspace: Workspace;

beforeEach(() => {
  workspace = createWorkspace();
});
afterEach(() => workspace.remove());

function prepare(api: HubCommitApi): void {
  api.options.lfsSizeThreshold = 64 * KiB;
  api.createRepo(REPO);
}

describe('hf upload parity', () => {
  test('a revision that does not exist is created from the default branch, then committed to', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    const mainHead = commitApi.commitFiles(REPO, { title: 'seed', files: { 'kept.txt': 'from main\n' } });
    workspace.write({ 'out/results.json': '{"score": 1}\n' });
    const result = await runUpload(services, workspace, { revision: 'experiments/run-7' });
    expectCleanSuccess(result, services.secrets(), { allowedFiles: workspace.written });

    expect(commitApi.head(REPO, 'main')).toBe(mainHead);
    const [commit, parent] = commitApi.commits(REPO, 'experiments/run-7');
    expect(parent?.oid).toBe(mainHead);
    expect(commit?.oid).toBe(result.outputs['commit-sha']);
    expect([...commitApi.files(REPO, 'experiments/run-7').keys()].sort()).toEqual([
      '.gitattributes',
      'kept.txt',
      'results.json',
    ]);
    const lines = logLines(result);
    expect(lines).toContain(
      'The branch "experiments/run-7" did not exist in acme/awesome-model: created it from the default branch.',
    );
    expect(commitApi.requests.map((request) => request.endpoint)).toEqual(['refs', 'branch', 'preupload', 'commit']);

    // The next run finds it and creates nothing.
    workspace.write({ 'out/results.json': '{"score": 2}\n' });
    const again = await runUpload(services, workspace, { revision: 'experiments/run-7' });
    expectCleanSuccess(again, services.secrets(), { allowedFiles: workspace.written });
    expect(commitApi.requests.filter((request) => request.endpoint === 'branch')).toHaveLength(1);
    expect(commitApi.files(REPO, 'experiments/run-7').get('results.json')?.toString()).toBe('{"score": 2}\n');
  });

  test("a README.md with bad metadata is refused before any byte is sent, naming the Hub's problem", async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    const head = commitApi.head(REPO);
    workspace.write({
      'out/README.md': '---\nlicense: not-a-licence\nmodel-index: foo\n---\n# Model\n',
      'out/model.safetensors': randomBytes(200 * KiB),
    });
    const result = await runUpload(services, workspace);
    const error = expectCleanFailure(result, services.secrets(), { allowedFiles: workspace.written });
    expect(error).toMatch(
      new RegExp(
        String.raw`^The metadata of README\.md \(the YAML block at its top\) was refused by 127\.0\.0\.1:\d+: ` +
          String.raw`Error: "license" must be one of \[apache-2\.0, [^\]]+\]; Error: "model-index" must be an array ` +
          String.raw`\(x-request-id: Root=1-[0-9a-f-]+\)\. Nothing was uploaded\. Fix the metadata of README\.md ` +
          String.raw`\(the fields are described at https:\/\/huggingface\.co\/docs\/hub\/model-cards\), then re-run\.$`,
      ),
    );
    expect(commitApi.requests.map((request) => request.endpoint)).toEqual(['validate-yaml']);
    expect(commitApi.storage.requests).toEqual([]);
    expect(commitApi.head(REPO)).toBe(head);
  });

  test('a README.md in a subfolder is not the card and is not checked; a valid card passes quietly', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    workspace.write({
      'out/README.md': '---\nlicense: mit\n---\n# Model\n',
      'out/docs/README.md': '---\nlicense: x\n',
    });
    const result = await runUpload(services, workspace);
    expectCleanSuccess(result, services.secrets(), { allowedFiles: workspace.written });
    expect(result.warnings).toEqual([]);
    expect(commitApi.yamlValidations.map((validation) => validation.content)).toEqual([
      '---\nlicense: mit\n---\n# Model\n',
    ]);
    expect(logLines(result)).toContain('The metadata of README.md is valid for the Hub.');
  });

  test('empty files go as regular files, never through LFS, even where .gitattributes tracks them', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    // The Hub's default .gitattributes tracks *.bin and *.safetensors through LFS.
    workspace.write({ 'out/empty.bin': '', 'out/weights/empty.safetensors': '', 'out/notes.txt': 'x\n' });
    const result = await runUpload(services, workspace);
    expectCleanSuccess(result, services.secrets(), { allowedFiles: workspace.written });
    const entries = commitApi.entries(REPO);
    expect(entries.get('empty.bin')?.kind).toBe('regular');
    expect(entries.get('weights/empty.safetensors')?.kind).toBe('regular');
    expect(commitApi.files(REPO).get('empty.bin')?.length).toBe(0);
    expect(commitApi.batches).toEqual([]);
    expect(commitApi.storage.requests).toEqual([]);
  });

  test('anything under a .cache/ folder stays on the runner, and the log says so', async ({ services, commitApi }) => {
    prepare(commitApi);
    workspace.write({
      'out/model.txt': 'weights\n',
      'out/.cache/huggingface/upload/model.txt.metadata': 'state\n',
      'out/.cache/pip/http/token.txt': 'not for the Hub\n',
      'out/eval/.cache/results.tmp': 'scratch\n',
    });
    const result = await runUpload(services, workspace);
    expectCleanSuccess(result, services.secrets(), { allowedFiles: workspace.written });
    expect([...commitApi.files(REPO).keys()].sort()).toEqual(['.gitattributes', 'model.txt']);
    expect(logLines(result)).toContain(
      'Upload: 1 file (8 bytes) from out to the root of acme/awesome-model@main (2 .cache/ folders skipped).',
    );
  });
});
