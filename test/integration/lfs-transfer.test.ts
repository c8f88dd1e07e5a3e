// The transfer of large files (src/upload/lfs-transfer.ts and lfs-batch.ts), in process against the
// local Hub and its S3-like storage host: the batch call offers only the LFS transfers (never xet,
// even to a hub that prefers it), basic and multipart uploads land byte for byte, the verify call
// is made when the hub asks, storage never sees the Hub token, content the repository or storage
// already holds is not sent, and a failure (a refusal, a file the workflow changed) says whose
// move it is and stops the rest.
import { createHash, randomBytes } from 'node:crypto';
import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { ActionError } from '../../src/errors.js';
import { transferLargeFiles, type LargeFile, type StorageTally } from '../../src/upload/lfs-transfer.js';
import { UploadProgress } from '../../src/upload/progress.js';
import { KiB, MiB, REPO, test, type UploadHarness } from './upload-harness.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function largeFiles(
  hub: UploadHarness,
  files: Record<string, Uint8Array>,
  remote: Record<string, string> = {},
): LargeFile[] {
  hub.write(files);
  return Object.keys(files).map((path) => ({ ...hub.planned(path), remoteOid: remote[path] }));
}

async function transfer(
  hub: UploadHarness,
  files: LargeFile[],
  tally: StorageTally = { objects: 0, bytes: 0 },
  received: string[] = [],
) {
  const transport = hub.transport();
  const api = hub.hubApi(transport);
  return transferLargeFiles(files, {
    transport,
    batch: {
      transport,
      hubUrl: hub.hubUrl,
      webPath: api.webPath,
      revision: 'main',
      refusal: (what) => api.refusal(what),
      onCredential: (credential) => received.push(credential),
      secrets: () => [hub.token, ...received],
    },
    progress: new UploadProgress(
      files.map((file) => ({ path: file.pathInRepo, size: file.size })),
      { log: (line) => hub.log.push(line) },
    ),
    tally,
  });
}

const storedBytes = (hub: UploadHarness, bytes: Uint8Array): Buffer =>
  hub.api.storage.readObject(hub.api.storage.keyFor(REPO, sha256(bytes)));

describe('the transfer of large files', () => {
  test('offers basic and multipart only, even to a hub that prefers xet; the bytes land; no token on storage', async ({
    hub,
  }) => {
    hub.api.options.transfers = ['xet', 'basic'];
    const a = randomBytes(300 * KiB);
    const b = randomBytes(10);
    const tally = { objects: 0, bytes: 0 };
    const results = await transfer(hub, largeFiles(hub, { 'a.bin': a, 'b.bin': b }), tally);
    expect(hub.api.batches.map((batch) => [batch.transfers, batch.hashAlgo, batch.ref, batch.chosen])).toEqual([
      [['basic', 'multipart'], 'sha256', { name: 'main' }, 'basic'],
    ]);
    expect(results.map((result) => [result.file.pathInRepo, result.oid, result.unchanged]).sort()).toEqual(
      [
        ['a.bin', sha256(a), false],
        ['b.bin', sha256(b), false],
      ].sort(),
    );
    expect(storedBytes(hub, a).equals(a)).toBe(true);
    expect(storedBytes(hub, b).equals(b)).toBe(true);
    expect(tally).toEqual({ objects: 2, bytes: a.length + b.length });
    expect(hub.api.storage.securityViolations).toEqual([]);
    for (const request of hub.api.storage.requests) expect(JSON.stringify(request.headers)).not.toContain(hub.token);
    expect(hub.api.storage.xetRequests).toEqual([]);
  });

  test('multipart: every part, the completion without the token, the verify call with it', async ({ hub }) => {
    hub.api.options.transfers = ['multipart', 'basic'];
    hub.api.options.multipartChunkSize = 256 * KiB;
    hub.api.options.verifyAction = true;
    const big = randomBytes(MiB + 123);
    await transfer(hub, largeFiles(hub, { 'big.bin': big }));
    expect(storedBytes(hub, big).equals(big)).toBe(true);
    expect(hub.api.storage.requests.filter((request) => request.kind === 'part')).toHaveLength(5);
    const completion = hub.api.requests.find((request) => request.endpoint === 'completion');
    expect(completion?.authorization).toBe(false);
    const verify = hub.api.requests.find((request) => request.endpoint === 'verify');
    expect([verify?.token, verify?.status]).toEqual([hub.token, 200]);
    expect(hub.log.join('\n')).not.toContain('already');
  });

  test('what the repository holds at that path is not sent; what storage holds is not sent again', async ({ hub }) => {
    const same = randomBytes(200 * KiB);
    const stored = randomBytes(200 * KiB);
    hub.api.storage.storeBytes(hub.api.storage.keyFor(REPO, sha256(stored)), stored);
    const results = await transfer(
      hub,
      largeFiles(hub, { 'same.bin': same, 'stored.bin': stored }, { 'same.bin': sha256(same) }),
    );
    expect(results.find((result) => result.file.pathInRepo === 'same.bin')?.unchanged).toBe(true);
    expect(results.find((result) => result.file.pathInRepo === 'stored.bin')?.unchanged).toBe(false);
    expect(hub.api.batches.flatMap((batch) => batch.objects.map((object) => object.oid))).toEqual([sha256(stored)]);
    expect(hub.api.storage.requests.filter((request) => request.method === 'PUT')).toEqual([]);
  });

  test('many files: batch calls of at most 100 objects, every object stored once', async ({ hub }) => {
    const files: Record<string, Uint8Array> = {};
    for (let index = 0; index < 230; index++)
      files[`shard-${String(index).padStart(3, '0')}.bin`] = randomBytes(2 * KiB);
    await transfer(hub, largeFiles(hub, files));
    const sizes = hub.api.batches.map((batch) => batch.objects.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(230);
    expect(hub.api.storage.requests.filter((request) => request.method === 'PUT')).toHaveLength(230);
  });

  test('a refusal of storage stops the other uploads and names the host, the code and the request id', async ({
    hub,
  }) => {
    hub.api.storage.faultOn((info) => info.kind === 'put', { kind: 'respond', status: 403 });
    const files: Record<string, Uint8Array> = {};
    for (let index = 0; index < 6; index++) files[`shard-${index}.bin`] = randomBytes(256 * KiB);
    const tally = { objects: 0, bytes: 0 };
    const error = (await transfer(hub, largeFiles(hub, files), tally).catch(
      (caught: unknown) => caught,
    )) as ActionError;
    expect(error.code).toBe('STORAGE_REFUSED');
    expect(error.message).toMatch(
      /^The upload of shard-\d\.bin was refused by the storage host 127\.0\.0\.1:\d+: HTTP 403/,
    );
    expect(tally.objects).toBeLessThan(6);
  });

  test('a credential in a batch answer is handed over before anything reads it, and cut out of what the hub says', async ({
    hub,
  }) => {
    const credential = 'lfs-credential-0123456789abcdef';
    hub.api.faults.batch.push({
      kind: 'transform',
      transform: (body) => ({
        ...body,
        objects: (body['objects'] as Array<Record<string, unknown>>).map((object) => ({
          ...object,
          actions: { upload: { href: 'https://storage.test/x', header: { Authorization: `Basic ${credential}` } } },
          error: { code: 422, message: `no room for ${credential}` },
        })),
      }),
    });
    const received: string[] = [];
    const error = (await transfer(hub, largeFiles(hub, { 'a.bin': randomBytes(KiB) }), undefined, received).catch(
      (caught: unknown) => caught,
    )) as ActionError;
    expect(received).toEqual([credential]);
    expect(error.code).toBe('HUB_REFUSED');
    expect(error.message).toContain('422 "no room for ***"');
    expect(error.message).not.toContain(credential);
  });

  test("a file the workflow changed since it was planned is the workflow's to fix", async ({ hub }) => {
    const [file] = largeFiles(hub, { 'weights.bin': randomBytes(5 * MiB) });
    truncateSync(join(hub.folder, 'weights.bin'), 10);
    const error = (await transfer(hub, file ? [file] : []).catch((caught: unknown) => caught)) as ActionError;
    expect(error.code).toBe('LOCAL_FILE');
    expect(error.message).toBe(
      'The workflow changed "weights.bin" during the upload (it is now 10 bytes, not the 5242880 planned): ' +
        'refused, so that only the files that were planned before the exchange are published.',
    );
    expect(error.hint).toMatch(/^Do not change the files to upload while the action runs/);
    expect(hub.api.batches).toEqual([]);
  });
});
