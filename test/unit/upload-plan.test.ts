// Planning an upload from disk: what is sent, and every refusal that must happen before the exchange.
// Real folders in a temporary directory (no network): symlinks, a FIFO, a sparse file larger than
// the Hub accepts (no disk space used).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { Resource } from '../../src/hub/resource.js';
import { MAX_FILE_BYTES, MAX_PLANNED_FILES, planUpload } from '../../src/upload/plan.js';
import { parseUploadInputs, type RawUploadInputs, type UploadSettings } from '../../src/upload/settings.js';

const MODEL: Resource = { kind: 'model', namespace: 'acme', name: 'awesome-model', value: 'acme/awesome-model' };
let workspace: string;

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'upload-plan-'));
});
afterEach(() => rmSync(workspace, { recursive: true, force: true }));

function raw(inputs: Partial<RawUploadInputs>): RawUploadInputs {
  return {
    upload: 'out',
    pathInRepo: '',
    include: '',
    exclude: '',
    delete: '',
    commitMessage: '',
    commitDescription: '',
    revision: '',
    createPr: false,
    ...inputs,
  };
}

function settings(inputs: Partial<RawUploadInputs> = {}, resource: Resource = MODEL): UploadSettings {
  return parseUploadInputs(raw(inputs), resource, { GITHUB_WORKSPACE: workspace });
}

function write(path: string, content: string | Buffer = 'x'): void {
  mkdirSync(join(workspace, path, '..'), { recursive: true });
  writeFileSync(join(workspace, path), content);
}

async function refusal(
  inputs: Partial<RawUploadInputs> = {},
  limits?: Parameters<typeof planUpload>[1],
): Promise<string> {
  const error: unknown = await planUpload(settings(inputs), limits).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  return `${(error as InputError).message} ${(error as InputError).hint ?? ''}`;
}

describe('planning an upload', () => {
  it('walks the folder, sorted, with path-in-repo, leaving out .git and every .cache folder', async () => {
    write('out/b.txt', 'bb');
    write('out/a/c.json', '{}');
    write('out/.git/config', '[core]');
    write('out/sub/.git', 'gitdir: ../x');
    write('out/.cache/huggingface/upload/x.metadata', 'x');
    write('out/.cache/other.txt', 'left out too');
    write('out/a/.cache/pip/wheel.whl', 'left out too');
    write('out/a/.cache.txt', 'a file, kept');
    const plan = await planUpload(settings({ pathInRepo: '/models/v2/' }));
    expect(plan.files.map((file) => [file.pathInRepo, file.size])).toEqual([
      ['models/v2/a/.cache.txt', 12],
      ['models/v2/a/c.json', 2],
      ['models/v2/b.txt', 2],
    ]);
    expect(plan.kind).toBe('directory');
    expect(plan.deleteBase).toBe('models/v2');
    expect(plan.skippedGitEntries).toBe(2);
    expect(plan.skippedCacheFolders).toBe(2);
    expect(plan.totalBytes).toBe(16);
  });

  it('refuses a link into a .cache folder, which never leaves the runner', async () => {
    write('out/model.bin', 'w');
    write('out/.cache/pip/token.txt', 'secret');
    symlinkSync('.cache/pip/token.txt', join(workspace, 'out/notes.txt'));
    expect(await refusal()).toContain('The symlink "notes.txt" in `upload` points to ".cache/pip/token.txt", inside a');
  });

  it('a single file goes to its base name, or to path-in-repo; deletions are relative to its folder', async () => {
    write('out/results.json', '{}');
    expect((await planUpload(settings({ upload: 'out/results.json' }))).files.map((file) => file.pathInRepo)).toEqual([
      'results.json',
    ]);
    const plan = await planUpload(settings({ upload: 'out/results.json', pathInRepo: 'runs/42/r.json' }));
    expect(plan.files.map((file) => file.pathInRepo)).toEqual(['runs/42/r.json']);
    expect(plan.deleteBase).toBe('runs/42');
    // A trailing slash names the folder the file goes into.
    const into = await planUpload(settings({ upload: 'out/results.json', pathInRepo: 'runs/42/' }));
    expect(into.files.map((file) => file.pathInRepo)).toEqual(['runs/42/results.json']);
  });

  it('applies include and exclude as hf upload does', async () => {
    for (const path of ['a.safetensors', 'b.safetensors', 'notes.md', 'logs/x.log', 'logs/deep/y.log'])
      write(`out/${path}`);
    const plan = await planUpload(settings({ include: '*.safetensors\nlogs/\n', exclude: 'logs/deep/*\nb.*' }));
    expect(plan.files.map((file) => file.pathInRepo)).toEqual(['a.safetensors', 'logs/x.log']);
    expect(plan.excludedByPatterns).toBe(3);
  });

  it('refuses an include pattern that matches nothing, naming it', async () => {
    write('out/model.safetensors');
    const message = await refusal({ include: '*.safetensors\n*.safetensor\n' });
    expect(message).toContain('"*.safetensor"');
    expect(message).not.toContain('"*.safetensors"');
  });

  it('refuses a missing path, an empty folder, a folder emptied by the filters', async () => {
    expect(await refusal({ upload: 'nowhere' })).toMatch(/"nowhere" does not exist.*GITHUB_WORKSPACE/);
    mkdirSync(join(workspace, 'out'));
    expect(await refusal()).toContain('it is empty');
    write('out/.git/HEAD');
    expect(await refusal()).toContain('nothing but `.git`');
    write('out/a.tmp');
    expect(await refusal({ exclude: '*.tmp' })).toContain('all 1 of its files are left out');
  });

  it('allows an empty folder when there is something to delete', async () => {
    mkdirSync(join(workspace, 'out'));
    expect((await planUpload(settings({ delete: 'old/' }))).files).toEqual([]);
  });

  it('follows a symlink to a file inside the folder, and refuses one that points outside it, naming the link', async () => {
    write('out/real/weights.bin', 'w');
    symlinkSync(join(workspace, 'out/real/weights.bin'), join(workspace, 'out/link.bin'));
    const plan = await planUpload(settings());
    expect(plan.files.map((file) => [file.pathInRepo, file.localPath])).toEqual([
      ['link.bin', join(workspace, 'out/real/weights.bin')],
      ['real/weights.bin', join(workspace, 'out/real/weights.bin')],
    ]);
    // Both entries are the same file: its device and inode, recorded for the reads.
    expect(plan.files[0]?.identity).toEqual(plan.files[1]?.identity);

    write('secret.txt', 'runner file');
    symlinkSync(join(workspace, 'secret.txt'), join(workspace, 'out/innocent.txt'));
    const message = await refusal();
    expect(message).toContain('"innocent.txt"');
    expect(message).toContain('points outside it');
    // Excluded, it would not be sent: no refusal.
    expect((await planUpload(settings({ exclude: 'innocent.txt' }))).files).toHaveLength(2);

    symlinkSync(workspace, join(workspace, 'out/escape'));
    expect(await refusal({ exclude: 'innocent.txt' })).toContain('"escape"');
  });

  it('judges links by where they really point: into .git or .cache/huggingface, or to an excluded file', async () => {
    write('out/model.bin', 'w');
    write('out/.git/config', '[http]\n\textraheader = AUTHORIZATION: basic x\n');
    write('out/.cache/huggingface/upload/model.bin.metadata', 'm');
    write('out/private/key.pem', 'k');
    symlinkSync('.git', join(workspace, 'out/docs'));
    expect(await refusal()).toMatch(/^The symlink "docs" in `upload` points to "\.git", inside a `\.git`/);
    symlinkSync('.git/config', join(workspace, 'out/notes.txt'));
    expect(await refusal({ exclude: 'docs' })).toContain('The symlink "notes.txt" in `upload` points to ".git/config"');
    symlinkSync('.cache/huggingface/upload', join(workspace, 'out/state'));
    expect(await refusal({ exclude: 'docs\nnotes.txt' })).toContain(
      '"state" in `upload` points to ".cache/huggingface/upload"',
    );
    symlinkSync('private/key.pem', join(workspace, 'out/cert.pem'));
    expect(await refusal({ exclude: 'docs\nnotes.txt\nstate\nprivate/' })).toContain(
      'The symlink "cert.pem" in `upload` points to "private/key.pem", which `exclude` leaves out',
    );
    // Every link left out by `exclude`: nothing refused, .git skipped.
    const plan = await planUpload(settings({ exclude: 'docs\nnotes.txt\nstate\nprivate/\ncert.pem' }));
    expect(plan.files.map((file) => file.pathInRepo)).toEqual(['model.bin']);
  });

  it('refuses a link to a folder (each folder is read once, under its own path), unless it is excluded', async () => {
    write('out/v2/weights.bin', 'w');
    symlinkSync('v2', join(workspace, 'out/latest'));
    const message = await refusal();
    expect(message).toContain('The symlink "latest" in `upload` points to the folder "v2"');
    expect(message).toContain('`exclude: latest/`');
    expect((await planUpload(settings({ exclude: 'latest/' }))).files.map((file) => file.pathInRepo)).toEqual([
      'v2/weights.bin',
    ]);
  });

  it('refuses links that fan out (d_i/{a,b} -> ../d_{i+1}) at the first, instead of walking 2^n folders', async () => {
    for (let level = 0; level <= 24; level++) write(`out/d_${level}/w.txt`);
    for (let level = 0; level < 24; level++) {
      symlinkSync(`../d_${level + 1}`, join(workspace, `out/d_${level}/a`));
      symlinkSync(`../d_${level + 1}`, join(workspace, `out/d_${level}/b`));
    }
    expect(await refusal()).toContain('The symlink "d_0/a" in `upload` points to the folder "d_1"');
    // Left out, the links cost nothing: each real folder is walked once.
    const plan = await planUpload(settings({ exclude: '*/a/\n*/b/' }));
    expect(plan.files).toHaveLength(25);
  });

  it('refuses a plan of more files than the bound (100,000 by default), stopping the walk there', async () => {
    expect(MAX_PLANNED_FILES).toBe(100_000);
    for (let index = 0; index <= 50; index++) write(`out/many/${index}`, '');
    const message = await refusal({}, { maxFiles: 50 });
    expect(message).toContain('`upload` "out" holds more than 50 files to upload');
    expect(message).toContain('fewer than 100,000 files per repository');
    rmSync(join(workspace, 'out/many/0'));
    expect((await planUpload(settings(), { maxFiles: 50 })).files).toHaveLength(50);
  });

  it('keeps a relative upload inside the workspace by its real path; an absolute path elsewhere is taken as it resolves', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'upload-plan-outside-'));
    try {
      writeFileSync(join(outside, 'secret.txt'), 'runner file');
      symlinkSync(outside, join(workspace, 'build'));
      expect(await refusal({ upload: 'build' })).toMatch(
        /^Input `upload` "build" resolves to ".*", outside the workspace/,
      );
      mkdirSync(join(workspace, 'dist'));
      symlinkSync(join(outside, 'secret.txt'), join(workspace, 'dist/model.bin'));
      expect(await refusal({ upload: 'dist/model.bin' })).toContain('outside the workspace');
      expect(await refusal({ upload: join(workspace, 'dist/model.bin') })).toContain('outside the workspace');
      expect(await refusal({ upload: '../' })).toContain('outside the workspace');
      // The workflow's own absolute path outside the workspace: allowed, even through a link.
      symlinkSync(outside, join(tmpdir(), `${basename(outside)}-link`));
      try {
        const plan = await planUpload(settings({ upload: join(tmpdir(), `${basename(outside)}-link`) }));
        expect(plan.files.map((file) => [file.pathInRepo, file.localPath])).toEqual([
          ['secret.txt', join(realpathSync(outside), 'secret.txt')],
        ]);
      } finally {
        rmSync(join(tmpdir(), `${basename(outside)}-link`));
      }
      // Inside the workspace, a link to a folder inside it is fine as the root.
      write('real/a.txt');
      symlinkSync('real', join(workspace, 'alias'));
      expect((await planUpload(settings({ upload: 'alias' }))).files.map((file) => file.pathInRepo)).toEqual(['a.txt']);
      write('.git/config', '[core]');
      expect(await refusal({ upload: '.git' })).toContain('inside a `.git` folder');
      symlinkSync('.git/config', join(workspace, 'config.txt'));
      expect(await refusal({ upload: 'config.txt' })).toContain('inside a `.git` folder');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a symlink loop and a broken symlink', async () => {
    write('out/a/file.txt');
    symlinkSync('..', join(workspace, 'out/a/up'));
    expect(await refusal()).toContain('makes a loop');
    rmSync(join(workspace, 'out/a/up'));
    symlinkSync('missing.txt', join(workspace, 'out/broken.txt'));
    expect(await refusal()).toContain('"broken.txt" in `upload` is broken');
  });

  it('refuses what is not a regular file', async () => {
    write('out/a.txt');
    execFileSync('mkfifo', [join(workspace, 'out/pipe')]);
    expect(await refusal()).toContain('"pipe" in `upload` is not a regular file');
    expect((await planUpload(settings({ exclude: 'pipe' }))).files).toHaveLength(1);
  });

  it('refuses a file larger than the Hub accepts, before anything is sent', async () => {
    write('out/small.txt');
    const huge = join(workspace, 'out/huge.bin');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_FILE_BYTES + 1); // sparse: no disk space
    const message = await refusal();
    expect(message).toContain('"huge.bin" is 465.7 GiB');
    expect(message).toContain('at most');
  });
});

describe('the upload inputs', () => {
  const refuse = (inputs: Partial<RawUploadInputs>, resource: Resource = MODEL): string => {
    try {
      settings(inputs, resource);
    } catch (error: unknown) {
      expect(error).toBeInstanceOf(InputError);
      return `${(error as InputError).message} ${(error as InputError).hint ?? ''}`;
    }
    throw new Error('not refused');
  };

  it('refuses a user resource (a read-only token) and a bucket', () => {
    expect(refuse({}, { kind: 'user', username: 'octocat', value: 'octocat' })).toContain(
      'read-only and cannot commit',
    );
    expect(refuse({}, { kind: 'bucket', namespace: 'acme', name: 'b', value: 'buckets/acme/b' })).toContain(
      'buckets have no commits',
    );
  });

  it('normalises path-in-repo and refuses one that leaves the repository or names .git', () => {
    expect(settings({ pathInRepo: './a//b/' }).pathInRepo).toBe('a/b');
    expect(settings({ pathInRepo: '/' }).pathInRepo).toBe('');
    expect(refuse({ pathInRepo: '../x' })).toContain('contains `..`');
    expect(refuse({ pathInRepo: 'a/.git/hooks' })).toContain('`.git` component');
    expect(refuse({ pathInRepo: 'a/.cache/x' })).toContain('`.cache` component');
  });

  it('checks revision, and resolves upload against the workspace (an absolute path as is)', () => {
    expect(settings({}).revision).toBe('main');
    expect(settings({ revision: 'refs/pr/3' }).revision).toBe('refs/pr/3');
    expect(refuse({ revision: 'a b' })).toContain('Input `revision`');
    expect(refuse({ revision: 'x..y' })).toContain('not a valid git branch name');
    expect(settings({ upload: 'out' }).localPath).toBe(join(workspace, 'out'));
    expect(settings({ upload: '/tmp/results' }).localPath).toBe('/tmp/results');
    // Content of the checkout (relative, or absolute inside the workspace) must stay inside it.
    expect(settings({ upload: 'out' }).workspace).toBe(workspace);
    expect(settings({ upload: join(workspace, 'out') }).workspace).toBe(workspace);
    expect(settings({ upload: '/tmp/results' }).workspace).toBeUndefined();
  });

  it('splits patterns on lines, dropping blank ones', () => {
    expect(settings({ include: '\n *.bin \r\n\nlogs/\n' }).include).toEqual(['*.bin', 'logs/']);
  });
});
