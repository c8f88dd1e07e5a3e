// Planning an upload from disk: what is sent, and every refusal that must happen before the exchange.
// Real folders in a temporary directory (no network): symlinks, a FIFO, a sparse file larger than
// the Hub accepts (no disk space used).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { Resource } from '../../src/hub/resource.js';
import { MAX_FILE_BYTES, planUpload } from '../../src/upload/plan.js';
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

async function refusal(inputs: Partial<RawUploadInputs> = {}): Promise<string> {
  const error: unknown = await planUpload(settings(inputs)).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  return `${(error as InputError).message} ${(error as InputError).hint ?? ''}`;
}

describe('planning an upload', () => {
  it('walks the folder, sorted, with path-in-repo, leaving out .git and .cache/huggingface', async () => {
    write('out/b.txt', 'bb');
    write('out/a/c.json', '{}');
    write('out/.git/config', '[core]');
    write('out/sub/.git', 'gitdir: ../x');
    write('out/.cache/huggingface/upload/x.metadata', 'x');
    write('out/.cache/other.txt', 'kept');
    const plan = await planUpload(settings({ pathInRepo: '/models/v2/' }));
    expect(plan.files.map((file) => [file.pathInRepo, file.size])).toEqual([
      ['models/v2/.cache/other.txt', 4],
      ['models/v2/a/c.json', 2],
      ['models/v2/b.txt', 2],
    ]);
    expect(plan.kind).toBe('directory');
    expect(plan.deleteBase).toBe('models/v2');
    expect(plan.skippedGitEntries).toBe(3);
    expect(plan.totalBytes).toBe(8);
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

  it('follows a symlink inside the folder, and refuses one that points outside it, naming the link', async () => {
    write('out/real/weights.bin', 'w');
    symlinkSync(join(workspace, 'out/real/weights.bin'), join(workspace, 'out/link.bin'));
    symlinkSync('real', join(workspace, 'out/linked-folder'));
    const plan = await planUpload(settings());
    expect(plan.files.map((file) => [file.pathInRepo, file.localPath])).toEqual([
      ['link.bin', join(workspace, 'out/real/weights.bin')],
      ['linked-folder/weights.bin', join(workspace, 'out/real/weights.bin')],
      ['real/weights.bin', join(workspace, 'out/real/weights.bin')],
    ]);

    write('secret.txt', 'runner file');
    symlinkSync(join(workspace, 'secret.txt'), join(workspace, 'out/innocent.txt'));
    const message = await refusal();
    expect(message).toContain('"innocent.txt"');
    expect(message).toContain('points outside it');
    // Excluded, it would not be sent: no refusal.
    expect((await planUpload(settings({ exclude: 'innocent.txt' }))).files).toHaveLength(3);

    symlinkSync(workspace, join(workspace, 'out/escape'));
    expect(await refusal({ exclude: 'innocent.txt' })).toContain('"escape"');
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
  });

  it('splits patterns on lines, dropping blank ones', () => {
    expect(settings({ include: '\n *.bin \r\n\nlogs/\n' }).include).toEqual(['*.bin', 'logs/']);
  });
});
