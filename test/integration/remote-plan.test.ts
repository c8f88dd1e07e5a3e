// The comparison with the repository (src/upload/remote-plan.ts), in process against the local Hub:
// which files go inline, which through LFS (with the oid already at their path), which regular
// files are unchanged (git blob id, each file read once), what `delete` removes in the commit that
// carries the deletions, and nothing in a part that does not.
import { randomBytes } from 'node:crypto';
import { describe, expect } from 'vitest';
import { compareWithRemote, type CommitPart } from '../../src/upload/remote-plan.js';
import { KiB, REPO, test } from './upload-harness.js';

describe('the comparison with the repository', () => {
  test('new files: regular ones inline, binary and large ones for LFS, the head as parent', async ({ hub }) => {
    hub.api.options.lfsSizeThreshold = 64 * KiB;
    hub.write({ 'README.md': '# model\n', 'config.json': '{}\n', 'weights.bin': randomBytes(100 * KiB) });
    const files = await hub.plan();
    const remote = await compareWithRemote({ files }, hub.settings(), hub.hubApi(hub.transport()), (line) =>
      hub.log.push(line),
    );
    expect(remote.head).toBe(hub.api.head(REPO));
    expect(remote.inline.map((file) => file.pathInRepo)).toEqual(['README.md', 'config.json']);
    expect(remote.lfs.map((file) => [file.pathInRepo, file.remoteOid])).toEqual([['weights.bin', undefined]]);
    expect(remote.counts).toEqual({ inlineAdded: 2, inlineChanged: 0, inlineUnchanged: 0, ignored: 0 });
    expect(remote.deletions).toEqual([]);
    expect(hub.log.at(-1)).toMatch(/^Compared with acme\/awesome-model@main \([0-9a-f]{7}\): 2 small files/);
  });

  test('files the repository holds already: unchanged regular files dropped, LFS files carry their oid', async ({
    hub,
  }) => {
    hub.api.options.lfsSizeThreshold = 64 * KiB;
    const weights = randomBytes(100 * KiB);
    hub.api.commitFiles(REPO, {
      title: 'seed',
      files: { 'README.md': '# model\n', 'config.json': '{"old": true}\n', 'weights.bin': weights },
      lfs: ['weights.bin'],
    });
    hub.write({ 'README.md': '# model\n', 'config.json': '{}\n', 'weights.bin': weights });
    const remote = await compareWithRemote(
      { files: await hub.plan() },
      hub.settings(),
      hub.hubApi(hub.transport()),
      () => undefined,
    );
    expect(remote.inline.map((file) => file.pathInRepo)).toEqual(['config.json']);
    expect(remote.counts).toMatchObject({ inlineAdded: 0, inlineChanged: 1, inlineUnchanged: 1 });
    const [lfs] = remote.lfs;
    expect(lfs?.remoteOid).toMatch(/^[0-9a-f]{64}$/);
  });

  test('`delete` only in the part that carries it, never a path the upload writes (in any part)', async ({ hub }) => {
    hub.api.commitFiles(REPO, {
      title: 'seed',
      files: { 'logs/old.txt': 'x', 'logs/keep.txt': 'y', 'logs/new.txt': 'z' },
    });
    hub.write({ 'logs/new.txt': 'z2' });
    const files = await hub.plan();
    const settings = hub.settings({ deletePatterns: ['logs/*.txt'] });
    const api = hub.hubApi(hub.transport());
    const carrying: CommitPart = { files, deletions: { base: '', keep: new Set(['logs/new.txt', 'logs/keep.txt']) } };
    expect((await compareWithRemote(carrying, settings, api, () => undefined)).deletions).toEqual(['logs/old.txt']);
    expect((await compareWithRemote({ files }, settings, api, () => undefined)).deletions).toEqual([]);
  });
});
