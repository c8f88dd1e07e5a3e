// The pure parts of the upload: the commit text and its provenance block, progress throttling (an
// injected clock), the streamed commit body (exact length, content as @huggingface/hub would send
// it).
import { appendFileSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { base64Length, commitBody } from '../../src/upload/commit-body.js';
import type { PlannedSource } from '../../src/upload/planned-file.js';
import { UploadProgress } from '../../src/upload/progress.js';
import { buildCommitText, defaultTitle } from '../../src/upload/provenance.js';
import { redactTokenShapes } from '../../src/upload/refusals.js';

const RUNNER_ENV = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/awesome-model',
  GITHUB_SHA: 'b6c2e2f0d1a3c4b5a6978877665544332211ffee',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_WORKFLOW_REF: 'acme/awesome-model/.github/workflows/publish.yml@refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_ACTOR: 'octocat',
};

/** A file as the plan records it: where it is, what it is now. */
function planned(localPath: string, pathInRepo: string): PlannedSource {
  const stats = statSync(localPath, { bigint: true });
  return { pathInRepo, localPath, size: Number(stats.size), identity: { device: stats.dev, inode: stats.ino } };
}

describe('the commit text', () => {
  it('defaults the title to the repository, short SHA and run, and appends the provenance block', () => {
    const text = buildCommitText({ message: undefined, description: '' }, RUNNER_ENV, 'f00d');
    expect(text.title).toBe('Upload from acme/awesome-model@b6c2e2f (run 4242)');
    expect(text.description).toBe(
      [
        'Published from GitHub Actions:',
        '',
        '- Run: https://github.com/acme/awesome-model/actions/runs/4242/attempts/2',
        '- Commit: `acme/awesome-model@b6c2e2f0d1a3c4b5a6978877665544332211ffee`',
        '- Workflow: `acme/awesome-model/.github/workflows/publish.yml@refs/heads/main`',
        '- Event: `push`',
        '- Actor: `octocat`',
        '- Upload: `4242-2-f00d`',
        '',
      ].join('\n'),
    );
    expect(text.marker).toBe('4242-2-f00d');
    expect(text.runUrl).toBe('https://github.com/acme/awesome-model/actions/runs/4242/attempts/2');
  });

  it("keeps the user's message and description, the block after a rule", () => {
    const text = buildCommitText({ message: 'Epoch 34', description: 'Val accuracy: 68%\n' }, RUNNER_ENV, 'f00d');
    expect(text.title).toBe('Epoch 34');
    expect(text.description.startsWith('Val accuracy: 68%\n\n---\n\nPublished from GitHub Actions:\n')).toBe(true);
  });

  it('uses the run’s own server, and keeps hostile values inert as Markdown', () => {
    const text = buildCommitText(
      { message: undefined, description: '' },
      {
        ...RUNNER_ENV,
        GITHUB_SERVER_URL: 'https://ghe.example.com/',
        GITHUB_WORKFLOW_REF: 'acme/x/.github/workflows/p.yml@refs/heads/`](javascript:x)\n# Title',
        GITHUB_ACTOR: 'evil\u202e`x`',
      },
      'f00d',
    );
    expect(text.description).toContain(
      '- Run: https://ghe.example.com/acme/awesome-model/actions/runs/4242/attempts/2',
    );
    expect(text.description).toContain(
      '- Workflow: `acme/x/.github/workflows/p.yml@refs/heads/](javascript:x)# Title`',
    );
    expect(text.description).toContain('- Actor: `evilx`');
    expect(text.description.split('\n').filter((line) => line.startsWith('#'))).toEqual([]);
  });

  it('says less, never something wrong, when the environment is incomplete or odd', () => {
    expect(defaultTitle(undefined, undefined, undefined)).toBe('Upload from GitHub Actions');
    const text = buildCommitText(
      { message: undefined, description: '' },
      { GITHUB_SERVER_URL: 'javascript:alert(1)', GITHUB_REPOSITORY: 'acme/x', GITHUB_RUN_ID: '7' },
      'f00d',
    );
    expect(text.runUrl).toBeUndefined();
    expect(text.title).toBe('Upload from acme/x (run 7)');
    expect(text.description).not.toContain('javascript');
  });
});

describe('progress', () => {
  const MiB = 1024 * 1024;

  it('prints a start and an end line per large file, and at most one summary line per interval', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = new UploadProgress(
      [
        { path: 'big.safetensors', size: 200 * MiB },
        { path: 'small.bin', size: MiB },
      ],
      { log: (line) => lines.push(line), now: () => now, intervalMs: 10_000, largeFileBytes: 100 * MiB },
    );
    progress.onEvent({ event: 'phase', phase: 'uploadingLargeFiles' });
    progress.onEvent({ event: 'fileProgress', path: 'big.safetensors', progress: 0, state: 'uploading' });
    progress.onEvent({ event: 'fileProgress', path: 'small.bin', progress: 0, state: 'uploading' });
    // A storm of events: 1000 per second for 25 seconds.
    for (let tick = 1; tick <= 25_000; tick++) {
      now = tick;
      progress.onEvent({ event: 'fileProgress', path: 'big.safetensors', progress: tick / 25_001, state: 'uploading' });
    }
    progress.onEvent({ event: 'fileProgress', path: 'small.bin', progress: 1, state: 'uploading' });
    now = 25_000;
    progress.onEvent({ event: 'fileProgress', path: 'big.safetensors', progress: 1, state: 'uploading' });
    expect(lines).toEqual([
      'Uploading big.safetensors (200.0 MiB)…',
      '… uploading large files: 80.0 MiB of 201.0 MiB (39%), 0 of 2 files done, 8.0 MiB/s.',
      '… uploading large files: 160.0 MiB of 201.0 MiB (79%), 0 of 2 files done, 8.0 MiB/s.',
      'Uploaded big.safetensors (200.0 MiB) in 25.0 s, 8.0 MiB/s.',
    ]);
    expect(progress.totals()).toEqual({ filesSent: 2, bytesSent: 201 * MiB, filesAlreadyStored: 0 });
  });

  it('says when a large file is already in storage, and summarises hashing and committing', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = new UploadProgress([{ path: 'big.bin', size: 300 * MiB }], {
      log: (line) => lines.push(line),
      now: () => now,
    });
    now = 10_000;
    progress.onEvent({ event: 'fileProgress', path: 'big.bin', progress: 0.5, state: 'hashing' });
    progress.onEvent({ event: 'fileProgress', path: 'big.bin', progress: 1, state: 'uploading' });
    now = 30_000;
    progress.onCommitBytes(1024, 4096);
    expect(lines).toEqual([
      '… hashing large files: 150.0 MiB of 300.0 MiB (50%).',
      "big.bin (300.0 MiB) is already in the Hub's storage: not sent again.",
      '… committing: 1.0 KiB of 4.0 KiB sent (25%).',
    ]);
    expect(progress.totals().filesAlreadyStored).toBe(1);
  });
});

describe('the streamed commit body', () => {
  const folder = mkdtempSync(join(tmpdir(), 'commit-body-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function read(body: ReturnType<typeof commitBody>): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of body.open() as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  it('is the NDJSON the Hub reads (as @huggingface/hub would send it), of exactly the announced length, for every size', async () => {
    const files = [0, 1, 2, 3, 4, 767, 3 * 256 * 1024 - 1, 3 * 256 * 1024, 3 * 256 * 1024 + 1, 2_000_000].map(
      (size, index) => {
        const localPath = join(folder, `f${index}`);
        const content = randomBytes(size);
        writeFileSync(localPath, content);
        return { ...planned(localPath, `dir/ü "${index}".txt`), content };
      },
    );
    const header = JSON.stringify({
      key: 'header',
      value: { summary: 't', description: 'd', parentCommit: 'a'.repeat(40) },
    });
    const lfs = JSON.stringify({
      key: 'lfsFile',
      value: { path: 'w.bin', algo: 'sha256', oid: 'b'.repeat(64), size: 9 },
    });
    const body = commitBody([header, lfs], files);
    const bytes = await read(body);
    expect(bytes.length).toBe(body.length);
    const lines = bytes.toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe(header);
    expect(lines[1]).toBe(lfs);
    files.forEach((file, index) => {
      expect(JSON.parse(lines[index + 2] ?? '')).toEqual({
        key: 'file',
        value: { content: file.content.toString('base64'), path: file.pathInRepo, encoding: 'base64' },
      });
      expect(base64Length(file.size)).toBe(file.content.toString('base64').length);
    });
  });

  it('fails, rather than send something else, when a file changed since it was planned', async () => {
    const localPath = join(folder, 'changing');
    writeFileSync(localPath, 'abcdef');
    const file = planned(localPath, 'x');
    appendFileSync(localPath, 'gh');
    await expect(read(commitBody([], [file]))).rejects.toThrow(
      'The workflow changed "x" during the upload (it is now 8 bytes, not the 6 planned)',
    );
    truncateSync(localPath, 2);
    await expect(read(commitBody([], [file]))).rejects.toThrow('it is now 2 bytes, not the 6 planned');
  });
});

describe('redacting what servers say', () => {
  it('removes the token given and anything token-shaped', () => {
    const text = redactTokenShapes(
      'echo hf_jwt_abcdefghijkl and Bearer abc.def and eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl and SECRET',
      ['SECRET'],
    );
    for (const secret of ['hf_jwt_abcdefghijkl', 'abc.def', 'eyJhbGciOiJSUzI1NiJ9', 'c2lnbmF0dXJl', 'SECRET']) {
      expect(text).not.toContain(secret);
    }
    expect(text.startsWith('echo ')).toBe(true);
  });
});
