// End to end: `upload` through the committed dist/, run as the runner runs it, against the local
// Hub's commit API and its S3-like storage host (test/support/hub-commit-api.ts, lfs-storage.ts).
// What a user relies on: the bytes on the Hub are the files, small files inline and large or binary
// ones through LFS (basic and multipart), every input does what it says, the outputs name the
// commit, the commit's description leads back to the run, a re-run with nothing changed makes no
// commit, the Hub token goes to the hub only, and nothing secret reaches the log.
// Small files keep it fast: the commit API's LFS threshold is lowered to 64 KiB.

import { randomBytes, createHash } from 'node:crypto';
import { readFileSync, symlinkSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import { test } from './fixtures.js';
import { expectCleanSuccess } from './expectations.js';
import { RUNTIMES } from './runtimes.js';
import {
  createWorkspace,
  expectTokensOnlyOnTheHub,
  KiB,
  logLines,
  MiB,
  REPO,
  runUpload,
  type Workspace,
} from './upload-support.js';
import type { HubCommitApi } from '../support/hub-commit-api.js';

const LFS_THRESHOLD = 64 * KiB;
let workspace: Workspace;

beforeEach(() => {
  workspace = createWorkspace();
});
afterEach(() => workspace.remove());

function prepare(api: HubCommitApi): void {
  api.options.lfsSizeThreshold = LFS_THRESHOLD;
  api.createRepo(REPO);
}

/** A model folder: text inline, a binary file and a large file through LFS, a .git folder to skip. */
function writeModel(): Record<string, Buffer> {
  const files = {
    'README.md': Buffer.from('# Awesome model\n'),
    'config.json': Buffer.from('{"hidden_size": 64}\n'),
    'tokenizer/vocab.txt': Buffer.from('a\nb\nc\n'),
    'logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), randomBytes(3000)]),
    'model.safetensors': randomBytes(300 * KiB),
  };
  workspace.write(Object.fromEntries(Object.entries(files).map(([path, content]) => [`out/${path}`, content])));
  workspace.write({ 'out/.git/HEAD': 'ref: refs/heads/main\n', 'out/.git/config': '[core]\n' });
  return files;
}

describe.each(RUNTIMES)('upload on $name', ({ node }) => {
  test('publishes a folder in one step: the bytes on the Hub, LFS for large files, outputs, provenance; a re-run makes no commit', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    const files = writeModel();
    const first = await runUpload(services, workspace, {}, { node });
    expectCleanSuccess(first, services.secrets(), { allowedFiles: workspace.written });

    // The commit exists and holds exactly the files (and .gitattributes), byte for byte; .git stayed home.
    const head = commitApi.head(REPO);
    const onHub = commitApi.files(REPO);
    expect([...onHub.keys()].sort()).toEqual(['.gitattributes', ...Object.keys(files)].sort());
    for (const [path, content] of Object.entries(files)) expect(onHub.get(path)?.equals(content), path).toBe(true);
    const entries = commitApi.entries(REPO);
    expect(entries.get('model.safetensors')?.kind).toBe('lfs');
    expect(entries.get('logo.png')?.kind).toBe('lfs');
    expect(entries.get('config.json')?.kind).toBe('regular');

    // Outputs, set once the commit exists; the token too, exported as before.
    const token = services.hub.issuedTokens.at(-1)?.token ?? '';
    expect(first.outputs).toMatchObject({
      'commit-sha': head,
      'commit-url': `${services.hub.url}/${REPO}/commit/${head}`,
      'pull-request-url': '',
      token,
    });
    expect(first.exported).toEqual({ HF_TOKEN: token });

    // The commit leads back to the run.
    const [commit] = commitApi.commits(REPO);
    expect(commit?.title).toBe('Upload from acme/awesome-model@b6c2e2f (run 4242)');
    expect(commit?.description).toMatch(
      new RegExp(
        [
          '^Published from GitHub Actions:',
          '',
          '- Run: https://github\\.com/acme/awesome-model/actions/runs/4242/attempts/1',
          '- Commit: `acme/awesome-model@b6c2e2f0d1a3c4b5a6978877665544332211ffee`',
          '- Workflow: `acme/awesome-model/\\.github/workflows/publish\\.yml@refs/heads/main`',
          '- Event: `push`',
          '- Actor: `octocat`',
          '- Upload: `4242-1-[0-9a-f]{16}`',
          '$',
        ].join('\n'),
      ),
    );

    // The log says what happened, briefly; the job summary names the commit.
    expect(logLines(first).join('\n')).toContain(
      'Upload: 5 files (303.0 KiB) from out to the root of acme/awesome-model@main (.git skipped).',
    );
    expect(first.stdout).toContain(
      `Committed ${head.slice(0, 7)} to acme/awesome-model@main: 5 added, 0 changed, 0 unchanged, 0 deleted`,
    );
    expect(first.summary).toContain('Hugging Face upload');
    expect(first.summary).toContain(`${services.hub.url}/${REPO}/commit/${head}`);
    expectTokensOnlyOnTheHub(commitApi, services);
    // The card checked first (as hf upload does), then one preupload, one batch call for both LFS
    // files (hashed together), one commit. The Hub's warning about a card without metadata is passed on.
    expect(commitApi.requests.map((request) => request.endpoint)).toEqual([
      'validate-yaml',
      'preupload',
      'batch',
      'commit',
    ]);
    expect(commitApi.yamlValidations).toEqual([
      { content: '# Awesome model\n', repoType: 'model', token: services.hub.issuedTokens.at(-1)?.token },
    ]);
    expect(first.warnings).toEqual(['The metadata of README.md: Empty or missing yaml metadata in repo card']);
    // The upload's last line names the commit, as hf upload's does.
    const lines = logLines(first);
    const issued = lines.findIndex((line) => line.startsWith('Issued a Hugging Face token'));
    expect(lines[issued - 1]).toBe(`Published to acme/awesome-model@main: ${services.hub.url}/${REPO}/commit/${head}`);
    // The transfers offered are the LFS ones only, never xet (the default path is one the tests run).
    expect(commitApi.batches.map((batch) => batch.transfers)).toEqual([['basic', 'multipart']]);

    // Nothing changed: a notice, no commit, an empty commit-sha; LFS content is not sent again.
    const putsBefore = commitApi.storage.requests.length;
    const again = await runUpload(services, workspace, {}, { node });
    expectCleanSuccess(again, services.secrets(), { allowedFiles: workspace.written });
    expect(commitApi.head(REPO)).toBe(head);
    expect(commitApi.requests.filter((request) => request.endpoint === 'commit')).toHaveLength(1);
    expect(commitApi.storage.requests.length).toBe(putsBefore);
    expect(again.outputs['commit-sha']).toBe('');
    expect(again.outputs['commit-url']).toBe('');
    expect(again.stdout).toMatch(
      /^::notice::Nothing changed since the last commit to acme\/awesome-model@main: all 5 files are identical/m,
    );
    expect(again.summary).toContain('none: nothing changed since the last commit');
    expect(again.exported['HF_TOKEN']).toBe(services.hub.issuedTokens.at(-1)?.token);
  });
});

describe('upload inputs', () => {
  test('path-in-repo, include, exclude, commit-message, commit-description, revision and delete', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    commitApi.createBranch(REPO, 'dev');
    commitApi.commitFiles(REPO, {
      branch: 'dev',
      title: 'earlier run',
      files: {
        'runs/checkpoint-1/model.bin': 'old',
        'runs/checkpoint-2/model.bin': 'old',
        'runs/keep.txt': 'kept: outside the delete patterns',
        'runs/results.json': '{"old": true}',
        'checkpoint-9/model.bin': 'outside path-in-repo: never deleted',
      },
    });
    workspace.write({
      'out/results.json': '{"accuracy": 0.68}\n',
      'out/checkpoint-3/model.bin': randomBytes(100 * KiB),
      'out/notes.tmp': 'scratch',
      'out/logs/train.log': 'loss 0.1\n',
      'out/extra.md': 'not included',
    });
    const result = await runUpload(services, workspace, {
      'path-in-repo': 'runs',
      include: 'results.json\ncheckpoint-*/\nlogs/\n*.tmp',
      exclude: '*.tmp',
      delete: 'checkpoint-*/\nresults.json\n*.gone',
      'commit-message': 'Epoch 34/50',
      'commit-description': 'Val accuracy: 68%',
      revision: 'dev',
    });
    expectCleanSuccess(result, services.secrets(), { allowedFiles: workspace.written });
    const files = commitApi.files(REPO, 'dev');
    expect([...files.keys()].sort()).toEqual(
      [
        '.gitattributes',
        'checkpoint-9/model.bin',
        'runs/checkpoint-3/model.bin',
        'runs/keep.txt',
        'runs/logs/train.log',
        'runs/results.json',
      ].sort(),
    );
    expect(files.get('runs/results.json')?.toString()).toBe('{"accuracy": 0.68}\n');
    expect(commitApi.head(REPO, 'main')).toBe(commitApi.commits(REPO, 'main')[0]?.oid);
    expect(commitApi.commits(REPO, 'main')).toHaveLength(1);
    const [commit] = commitApi.commits(REPO, 'dev');
    expect(commit?.title).toBe('Epoch 34/50');
    expect(commit?.description.startsWith('Val accuracy: 68%\n\n---\n\nPublished from GitHub Actions:\n')).toBe(true);
    expect(result.stdout).toContain('2 added, 1 changed, 2 deleted');
    expect(result.stdout).toContain('`delete`: "*.gone" matched no file in acme/awesome-model@dev under runs/.');
  });

  test('create-pr opens a pull request, leaving the branch alone; a single file goes to its base name', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    const mainHead = commitApi.head(REPO);
    workspace.write({ 'eval/results.json': '{"score": 1}\n' });
    const result = await runUpload(services, workspace, { upload: 'eval/results.json', 'create-pr': 'true' });
    expectCleanSuccess(result, services.secrets(), { allowedFiles: workspace.written });
    expect(commitApi.head(REPO)).toBe(mainHead);
    const [pr] = commitApi.pullRequests(REPO);
    expect(pr).toMatchObject({ num: 1, target: 'main', title: 'Upload from acme/awesome-model@b6c2e2f (run 4242)' });
    expect(commitApi.files(REPO, 'refs/pr/1').get('results.json')?.toString()).toBe('{"score": 1}\n');
    expect(result.outputs['commit-sha']).toBe(commitApi.head(REPO, 'refs/pr/1'));
    expect(result.outputs['pull-request-url']).toBe(`${services.hub.url}/${REPO}/discussions/1`);
    expect(result.summary).toContain(`${services.hub.url}/${REPO}/discussions/1`);
  });

  test('datasets and Spaces; an absolute path; a symlink inside the folder is uploaded as its target', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    commitApi.createRepo('datasets/acme/awesome-data');
    commitApi.createRepo('spaces/acme/demo');
    services.hub.addPublisher('datasets/acme/awesome-data', { repository: REPO });
    services.hub.addPublisher('spaces/acme/demo', { repository: REPO });
    workspace.write({ 'out/data/train.csv': 'a,b\n1,2\n', 'out/app.py': 'print("hi")\n' });
    symlinkSync('data/train.csv', workspace.path('out/latest.csv'));

    const dataset = await runUpload(services, workspace, {
      resource: 'datasets/acme/awesome-data',
      upload: workspace.path('out'),
    });
    expectCleanSuccess(dataset, services.secrets(), {
      allowedFiles: [...workspace.written, 'workspace/out/latest.csv'],
    });
    const data = commitApi.files('datasets/acme/awesome-data');
    expect(data.get('latest.csv')?.toString()).toBe('a,b\n1,2\n');
    expect(data.get('data/train.csv')?.toString()).toBe('a,b\n1,2\n');

    const space = await runUpload(services, workspace, { resource: 'spaces/acme/demo', include: 'app.py' });
    expectCleanSuccess(space, services.secrets(), { allowedFiles: [...workspace.written, 'workspace/out/latest.csv'] });
    expect(commitApi.files('spaces/acme/demo').get('app.py')?.toString()).toBe('print("hi")\n');
    expect(space.outputs['commit-url']).toContain(`${services.hub.url}/spaces/acme/demo/commit/`);
    expectTokensOnlyOnTheHub(commitApi, services);
  });

  test('a large file through multipart: a line when it starts and when it ends, the bytes intact', async ({
    services,
    commitApi,
  }) => {
    prepare(commitApi);
    commitApi.options.transfers = ['multipart', 'basic'];
    commitApi.options.multipartChunkSize = 32 * MiB;
    const big = randomBytes(101 * MiB);
    workspace.write({ 'out/weights.safetensors': big, 'out/README.md': '# big\n' });
    const result = await runUpload(services, workspace);
    expectCleanSuccess(result, services.secrets(), { allowedFiles: workspace.written });
    const stored = readFileSync(commitApi.lfsFile(REPO, 'weights.safetensors'));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(createHash('sha256').update(big).digest('hex'));
    expect(commitApi.storage.requests.filter((request) => request.kind === 'part')).toHaveLength(4);
    const lines = logLines(result);
    expect(lines).toContain('Uploading weights.safetensors (101.0 MiB)…');
    expect(
      lines.filter((line) =>
        /^Uploaded weights\.safetensors \(101\.0 MiB\) in [\d.]+ s, [\d.]+ [KMG]iB\/s\.$/.test(line),
      ),
    ).toHaveLength(1);
    expectTokensOnlyOnTheHub(commitApi, services);
  });
});
