// The local commit API (hub-commit-api.ts) and its storage host (lfs-storage.ts) against two
// independent clients of the real Hub: @huggingface/hub (commit / uploadFiles / listFiles /
// pathsInfo, with a token from a real local exchange) and requests shaped as huggingface_hub
// (Python) sends them (its headers, form-encoded paths-info, `transfers: ["basic", "multipart"]`,
// the verify action, a streamed NDJSON body). What they upload must come back byte for byte; the
// Hub's refusals (412, 404s, 422, 403, 401) and the storage host's (Authorization, chunked,
// missing length, wrong digest) must look as the real ones do; faults must fire.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  commit,
  HubApiError,
  listCommits,
  listFiles,
  pathsInfo,
  uploadFiles,
  whoAmI,
  checkRepoAccess,
  type CommitOperation,
} from '@huggingface/hub';
import { describe, expect, test as base } from 'vitest';
import { gitBlobSha1, lfsPointer } from '../support/git-objects.js';
import { HubCommitApi } from '../support/hub-commit-api.js';
import { startLocalServices, type LocalServices } from '../support/local-services.js';

const REPO = 'acme/awesome-model';
const DATASET = 'datasets/acme/awesome-data';
const MiB = 1024 * 1024;

/**
 * Each test gets its own local services (issuer and Hub, with publishers for the dataset and a user),
 * the commit API attached with both repositories created, a repo token from a real exchange, and a
 * scratch folder; all stopped or removed after the test, whatever its outcome. Nothing is shared
 * between tests. The fixtures are automatic: a test that does not name one still has the Hub it expects.
 */
const it = base.extend<{ services: LocalServices; api: HubCommitApi; token: string; scratch: string }>({
  services: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const services = await startLocalServices();
      services.hub.addPublisher(DATASET, { repository: 'acme/awesome-model' });
      services.hub.addPublisher('octocat', { repository: 'acme/awesome-model' });
      try {
        await use(services);
      } finally {
        await services.stop();
      }
    },
    { auto: true },
  ],
  api: [
    async ({ services }, use) => {
      const api = await HubCommitApi.start(services.hub);
      api.createRepo(REPO);
      api.createRepo(DATASET);
      try {
        await use(api);
      } finally {
        await api.stop();
      }
    },
    { auto: true },
  ],
  token: [
    async ({ services }, use) => {
      await use(await exchange(services, REPO));
    },
    { auto: true },
  ],
  scratch: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const scratch = mkdtempSync(join(tmpdir(), 'hub-commit-api-test-'));
      try {
        await use(scratch);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
    { auto: true },
  ],
});

/** A real exchange on the local Hub: an ID token from the local issuer for `resource`. */
async function exchange(services: LocalServices, resource: string): Promise<string> {
  const idToken = await services.issuer.signIdToken(services.hub.audience);
  const response = await fetch(`${services.hub.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
      subject_token: idToken,
      resource,
    }),
  });
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error(`exchange failed: ${JSON.stringify(body)}`);
  return body.access_token;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function blob(content: string | Uint8Array): Blob {
  return new Blob([typeof content === 'string' ? Buffer.from(content, 'utf8') : content]);
}

/** Bytes that no text heuristic takes for text (a PNG signature and NULs). */
function binaryBytes(size: number): Buffer {
  const bytes = randomBytes(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).copy(bytes);
  return bytes;
}

async function expectHubError(promise: Promise<unknown>, status: number): Promise<HubApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HubApiError);
  expect((error as HubApiError).statusCode, (error as Error).message).toBe(status);
  return error as HubApiError;
}

// ------------------------------------------------------------------ requests shaped as huggingface_hub sends them

/** Headers huggingface_hub sends on Hub calls (build_hf_headers, plus its random X-Amzn-Trace-Id). */
function pyHeaders(bearer: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'user-agent': 'unknown/None; hf_hub/1.19.0; python/3.12.3',
    'X-Amzn-Trace-Id': randomUUID(),
    accept: '*/*',
    ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
    ...extra,
  };
}

interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
  text: string;
}

async function call(services: LocalServices, url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  // Every answer of the Hub carries its request id (storage answers carry S3's x-amz-request-id).
  if (url.startsWith(services.hub.url)) expect(response.headers.get('x-request-id'), url).toMatch(/^Root=1-/);
  else expect(response.headers.get('x-amz-request-id'), url).toMatch(/^[0-9A-F]{16}$/);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** `_fetch_upload_modes`: POST preupload, `params={"create_pr": "1"}` for a pull request. */
function pyPreupload(
  services: LocalServices,
  apiPath: string,
  bearer: string | undefined,
  files: Array<{ path: string; content: Uint8Array }>,
  options: { revision?: string; createPr?: boolean; gitIgnore?: string } = {},
): Promise<Answer> {
  const query = options.createPr ? '?create_pr=1' : '';
  return call(
    services,
    `${services.hub.url}/api/${apiPath}/preupload/${encodeURIComponent(options.revision ?? 'main')}${query}`,
    {
      method: 'POST',
      headers: pyHeaders(bearer, { 'content-type': 'application/json' }),
      body: JSON.stringify({
        files: files.map((file) => ({
          path: file.path,
          sample: Buffer.from(file.content.subarray(0, 512)).toString('base64'),
          size: file.content.byteLength,
        })),
        ...(options.gitIgnore === undefined ? {} : { gitIgnore: options.gitIgnore }),
      }),
    },
  );
}

/** `post_lfs_batch_info`: the LFS batch call, `transfers: ["basic", "multipart"]`, `hash_algo: "sha256"`. */
function pyBatch(
  services: LocalServices,
  urlPath: string,
  bearer: string,
  objects: Array<{ oid: string; size: number }>,
  revision: string | null = 'main',
): Promise<Answer> {
  return call(services, `${services.hub.url}/${urlPath}.git/info/lfs/objects/batch`, {
    method: 'POST',
    headers: pyHeaders(bearer, {
      Accept: 'application/vnd.git-lfs+json',
      'Content-Type': 'application/vnd.git-lfs+json',
    }),
    body: JSON.stringify({
      operation: 'upload',
      transfers: ['basic', 'multipart'],
      objects,
      hash_algo: 'sha256',
      // `ref` is left out for a pull request (revision None).
      ...(revision === null ? {} : { ref: { name: revision } }),
    }),
  });
}

/** `_send_commit`: NDJSON lines, each `json.dumps(item) + "\n"`. */
function pyCommit(
  services: LocalServices,
  apiPath: string,
  bearer: string | undefined,
  lines: unknown[],
  options: { revision?: string; createPr?: boolean } = {},
): Promise<Answer> {
  const query = options.createPr ? '?create_pr=1' : '';
  return call(
    services,
    `${services.hub.url}/api/${apiPath}/commit/${encodeURIComponent(options.revision ?? 'main')}${query}`,
    {
      method: 'POST',
      headers: pyHeaders(bearer, { 'Content-Type': 'application/x-ndjson' }),
      body: lines.map((line) => `${JSON.stringify(line)}\n`).join(''),
    },
  );
}

function header(summary: string, extra: Record<string, unknown> = {}): unknown {
  return { key: 'header', value: { summary, description: '', ...extra } };
}

function fileLine(path: string, content: string | Uint8Array): unknown {
  return { key: 'file', value: { content: Buffer.from(content).toString('base64'), path, encoding: 'base64' } };
}

function lfsLine(path: string, content: Uint8Array): unknown {
  return { key: 'lfsFile', value: { path, algo: 'sha256', oid: sha256(content), size: content.byteLength } };
}

/** A PUT with exactly these headers and no others (not even Content-Length), over a raw socket. */
function rawPut(url: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(target.port), target.hostname, () => {
      const head = [
        `PUT ${target.pathname}${target.search} HTTP/1.1`,
        `Host: ${target.host}`,
        'Connection: close',
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ];
      socket.write(`${head.join('\r\n')}\r\n\r\n`);
      socket.write(body);
    });
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('end', () =>
      resolve({ status: Number(received.split(' ')[1]), text: received.slice(received.indexOf('\r\n\r\n') + 4) }),
    );
    socket.on('error', reject);
  });
}

function chunkedBody(bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n0\r\n\r\n')]);
}

// ------------------------------------------------------------------ @huggingface/hub

describe('@huggingface/hub against the local commit API', () => {
  it('commits small files, a binary file and a >10 MiB file; the bytes on the Hub are the bytes sent, and storage never sees the token', async ({
    services,
    api,
    token,
    scratch,
  }) => {
    const big = randomBytes(12 * MiB);
    const bigPath = join(scratch, 'big.dat');
    writeFileSync(bigPath, big);
    const image = binaryBytes(3000);
    const weights = Buffer.from('not really weights, but *.bin is tracked by the default .gitattributes');
    const first = await commit({
      repo: REPO,
      accessToken: token,
      hubUrl: services.hub.url,
      title: 'Upload model',
      description: 'From the local test',
      operations: [
        { operation: 'addOrUpdate', path: 'README.md', content: blob('# Awesome\n') },
        { operation: 'addOrUpdate', path: 'config/config.json', content: blob('{"a": 1}\n') },
        { operation: 'addOrUpdate', path: 'images/logo.png', content: blob(image) },
        { operation: 'addOrUpdate', path: 'weights.bin', content: blob(weights) },
        { operation: 'addOrUpdate', path: 'data/big.dat', content: pathToFileURL(bigPath) },
      ],
    });
    expect(first?.commit.oid).toMatch(/^[0-9a-f]{40}$/);
    expect(first?.commit.url).toBe(`${services.hub.url}/${REPO}/commit/${first?.commit.oid ?? ''}`);
    expect(first?.pullRequestUrl).toBeUndefined();

    const files = api.files(REPO);
    expect(files.get('README.md')?.toString()).toBe('# Awesome\n');
    expect(files.get('config/config.json')?.toString()).toBe('{"a": 1}\n');
    expect(files.get('images/logo.png')?.equals(image)).toBe(true);
    expect(files.get('weights.bin')?.equals(weights)).toBe(true);
    expect(sha256(readFileSync(api.lfsFile(REPO, 'data/big.dat')))).toBe(sha256(big));
    // Three went to storage (the binary sample, the tracked extension, the size), two went inline.
    const entries = api.entries(REPO);
    expect(
      [...entries]
        .filter(([, entry]) => entry.kind === 'lfs')
        .map(([path]) => path)
        .sort(),
    ).toEqual(['data/big.dat', 'images/logo.png', 'weights.bin']);
    // LFS files .gitattributes did not cover got a line of their own, as the Hub adds them.
    const gitattributes = files.get('.gitattributes')?.toString() ?? '';
    expect(gitattributes).toContain('data/big.dat filter=lfs diff=lfs merge=lfs -text\n');
    expect(gitattributes).toContain('images/logo.png filter=lfs diff=lfs merge=lfs -text\n');
    expect(gitattributes).not.toContain('weights.bin filter');
    expect(api.commits(REPO).map((entry) => [entry.title, entry.description])).toEqual([
      ['Upload model', 'From the local test'],
      ['initial commit', ''],
    ]);

    // The library asked for xet first; the Hub did not offer it, and the library fell back to basic PUTs.
    expect(api.batches).toHaveLength(1);
    expect(api.batches[0]).toMatchObject({
      token,
      transfers: ['basic', 'multipart', 'xet'],
      chosen: 'basic',
      ref: { name: 'main' },
      hashAlgo: 'sha_256',
    });
    const puts = api.storage.requests.filter((request) => request.kind === 'put');
    expect(puts).toHaveLength(3);
    for (const put of puts) {
      expect(put.status).toBe(200);
      expect(put.headers.authorization).toBeUndefined();
      expect(put.headers['transfer-encoding']).toBeUndefined();
      expect(Number(put.headers['content-length'])).toBeGreaterThan(0);
      // The library passes the batch answer's request id on to storage (harmless, but a Hub header).
      expect(put.headers['x-request-id']).toMatch(/^Root=1-/);
    }
    expect(api.storage.securityViolations).toEqual([]);
    expect(api.storage.bytesReceived).toBe(big.length + image.length + weights.length);
    // Every Hub call carried the exchanged token; the commit API saw nothing else.
    expect(api.requests.map((request) => [request.endpoint, request.token === token, request.status])).toEqual([
      ['preupload', true, 200],
      ['batch', true, 200],
      ['commit', true, 200],
    ]);

    // What the library's read helpers see agrees with the bytes sent.
    const listed = new Map<
      string,
      { oid?: string; size: number; lfs?: { oid: string; size: number; pointerSize: number } }
    >();
    for await (const entry of listFiles({ repo: REPO, recursive: true, hubUrl: services.hub.url, accessToken: token }))
      listed.set(entry.path, entry);
    expect([...listed.keys()]).toEqual([
      '.gitattributes',
      'README.md',
      'config',
      'config/config.json',
      'data',
      'data/big.dat',
      'images',
      'images/logo.png',
      'weights.bin',
    ]);
    expect(listed.get('README.md')?.oid).toBe(gitBlobSha1('# Awesome\n'));
    expect(listed.get('data/big.dat')).toMatchObject({
      size: big.length,
      oid: gitBlobSha1(lfsPointer(sha256(big), big.length)),
      lfs: { oid: sha256(big), size: big.length, pointerSize: Buffer.byteLength(lfsPointer(sha256(big), big.length)) },
    });
    const info = await pathsInfo({
      repo: REPO,
      paths: ['weights.bin', 'config', 'missing.txt'],
      hubUrl: services.hub.url,
      accessToken: token,
    });
    expect(info.map((entry) => [entry.path, entry.type, entry.lfs?.oid])).toEqual([
      ['weights.bin', 'file', sha256(weights)],
      ['config', 'directory', undefined],
    ]);
    const history: string[] = [];
    for await (const entry of listCommits({ repo: REPO, hubUrl: services.hub.url, accessToken: token }))
      history.push(entry.title);
    expect(history).toEqual(['Upload model', 'initial commit']);
  });

  it('uploads nothing twice: a second commit of the same files sends no LFS bytes, and the Hub still creates the (empty) commit', async ({
    services,
    api,
    token,
  }) => {
    const weights = binaryBytes(4096);
    await uploadFiles({
      repo: REPO,
      accessToken: token,
      hubUrl: services.hub.url,
      files: [{ path: 'model.safetensors', content: blob(weights) }],
    });
    const before = api.head(REPO);
    const received = api.storage.bytesReceived;
    const again = await uploadFiles({
      repo: REPO,
      accessToken: token,
      hubUrl: services.hub.url,
      files: [{ path: 'model.safetensors', content: blob(weights) }],
    });
    expect(api.storage.bytesReceived).toBe(received);
    expect(api.storage.requests.filter((request) => request.kind === 'put')).toHaveLength(1);
    // @huggingface/hub does not skip an empty commit (huggingface_hub does, comparing oids first).
    expect(again?.commit.oid).not.toBe(before);
    const [newest, parent] = api.commits(REPO);
    expect(newest?.parents).toEqual([before]);
    expect(newest?.tree).toEqual(parent?.tree);
  });

  it('opens a pull request: refs/pr/1 holds the change, main does not, the PR URL is the discussion', async ({
    services,
    api,
    token,
  }) => {
    const main = api.head(REPO);
    const result = await commit({
      repo: REPO,
      accessToken: token,
      hubUrl: services.hub.url,
      title: 'Propose weights',
      isPullRequest: true,
      operations: [{ operation: 'addOrUpdate', path: 'model.safetensors', content: blob(binaryBytes(2048)) }],
    });
    expect(result?.pullRequestUrl).toBe(`${services.hub.url}/${REPO}/discussions/1`);
    expect(api.head(REPO)).toBe(main);
    expect(api.pullRequests(REPO)).toEqual([
      { num: 1, ref: 'refs/pr/1', head: result?.commit.oid, target: 'main', title: 'Propose weights' },
    ]);
    expect([...api.entries(REPO, 'refs/pr/1').keys()]).toContain('model.safetensors');
    // For a pull request the library sends the batch call without `ref`.
    expect(api.batches[0]?.ref).toBeUndefined();
    const prFiles: string[] = [];
    for await (const entry of listFiles({
      repo: REPO,
      revision: 'refs/pr/1',
      hubUrl: services.hub.url,
      accessToken: token,
    }))
      prFiles.push(entry.path);
    expect(prFiles).toContain('model.safetensors');
  });

  it('refuses a stale parentCommit with 412, including when another commit lands while this one is sent', async ({
    services,
    api,
    token,
  }) => {
    const parent = api.head(REPO);
    api.commitFiles(REPO, { title: 'Someone else', files: { 'other.txt': 'x' } });
    const operations: CommitOperation[] = [{ operation: 'addOrUpdate', path: 'a.txt', content: blob('a') }];
    const stale = await expectHubError(
      commit({
        repo: REPO,
        accessToken: token,
        hubUrl: services.hub.url,
        title: 'Mine',
        parentCommit: parent,
        operations,
      }),
      412,
    );
    expect(stale.message).toContain('The branch was updated since you opened this page');
    expect(stale.requestId).toMatch(/^Root=1-/);

    api.faults.commit.push({ kind: 'advance-branch' });
    await expectHubError(
      commit({
        repo: REPO,
        accessToken: token,
        hubUrl: services.hub.url,
        title: 'Mine',
        parentCommit: api.head(REPO),
        operations,
      }),
      412,
    );
    expect(api.commits(REPO).map((entry) => entry.title)).toEqual([
      'Concurrent commit',
      'Someone else',
      'initial commit',
    ]);

    // Without parentCommit the commit lands on top of whatever is there.
    api.faults.commit.push({ kind: 'advance-branch' });
    await commit({ repo: REPO, accessToken: token, hubUrl: services.hub.url, title: 'Mine', operations });
    expect(
      api
        .commits(REPO)
        .map((entry) => entry.title)
        .slice(0, 2),
    ).toEqual(['Mine', 'Concurrent commit']);
  });

  it('refuses writes with a read-only user token (403) and an expired token (401), but lets them read', async ({
    services,
    api,
    token,
  }) => {
    const userToken = await exchange(services, 'octocat');
    expect(userToken).toMatch(/^hf_oauth_/);
    const operations: CommitOperation[] = [{ operation: 'addOrUpdate', path: 'a.txt', content: blob('a') }];
    const refused = await expectHubError(
      commit({ repo: REPO, accessToken: userToken, hubUrl: services.hub.url, title: 'x', operations }),
      403,
    );
    expect(refused.message).toContain('You have read access but not the required permissions for this operation');
    // A repo token of another repository is read-only here too.
    const datasetToken = await exchange(services, DATASET);
    await expectHubError(
      commit({ repo: REPO, accessToken: datasetToken, hubUrl: services.hub.url, title: 'x', operations }),
      403,
    );
    const entries: string[] = [];
    for await (const entry of listFiles({ repo: REPO, hubUrl: services.hub.url, accessToken: userToken }))
      entries.push(entry.path);
    expect(entries).toEqual(['.gitattributes']);

    services.hub.expireAllTokens();
    const expired = await expectHubError(
      commit({ repo: REPO, accessToken: token, hubUrl: services.hub.url, title: 'x', operations }),
      401,
    );
    expect(expired.message).toContain('Invalid credentials in Authorization header');
    expect(api.commits(REPO)).toHaveLength(1);
  });

  it('sends a file in parts when the Hub answers multipart; completion goes to the Hub without the token', async ({
    services,
    api,
    token,
    scratch,
  }) => {
    api.options.transfers = ['multipart', 'basic'];
    api.options.multipartChunkSize = 5 * MiB;
    const big = randomBytes(12 * MiB + 123);
    const small = binaryBytes(1000);
    const bigPath = join(scratch, 'big.bin');
    writeFileSync(bigPath, big);
    await commit({
      repo: REPO,
      accessToken: token,
      hubUrl: services.hub.url,
      title: 'Big one',
      operations: [
        { operation: 'addOrUpdate', path: 'big.bin', content: pathToFileURL(bigPath) },
        { operation: 'addOrUpdate', path: 'small.bin', content: blob(small) },
      ],
    });
    expect(sha256(readFileSync(api.lfsFile(REPO, 'big.bin')))).toBe(sha256(big));
    expect(api.files(REPO).get('small.bin')?.equals(small)).toBe(true);
    const parts = api.storage.requests.filter((request) => request.kind === 'part');
    expect(parts.map((part) => part.partNumber).sort()).toEqual([1, 2, 3]);
    expect(parts.every((part) => part.status === 200 && part.headers.authorization === undefined)).toBe(true);
    // A small object in a multipart answer is a plain PUT.
    expect(api.storage.requests.filter((request) => request.kind === 'put')).toHaveLength(1);
    const completion = api.requests.filter((request) => request.endpoint === 'completion');
    expect(completion).toEqual([expect.objectContaining({ authorization: false, status: 200 })]);
    expect(api.storage.object(api.storageKey(REPO, sha256(big)))?.etag).toMatch(/^"[0-9a-f]{32}-3"$/);
    expect(api.storage.peakConcurrentUploads).toBeGreaterThan(1);
  });

  it('tries xet only when the Hub offers it (there is no CAS here, so that upload fails)', async ({
    services,
    api,
    token,
  }) => {
    api.options.transfers = ['xet', 'basic'];
    const error: unknown = await uploadFiles({
      repo: REPO,
      accessToken: token,
      hubUrl: services.hub.url,
      files: [{ path: 'model.safetensors', content: blob(binaryBytes(5000)) }],
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect(api.batches[0]?.chosen).toBe('xet');
    expect(api.storage.xetRequests.length).toBeGreaterThan(0);
    expect(api.storage.requests.filter((request) => request.kind === 'put')).toEqual([]);
    expect(api.commits(REPO)).toHaveLength(1);
  });

  it('fails the way the Hub and storage fail: injected 503, 500 with Retry-After, a reset mid-upload', async ({
    services,
    api,
    token,
  }) => {
    const operations: CommitOperation[] = [
      { operation: 'addOrUpdate', path: 'model.safetensors', content: blob(binaryBytes(200_000)) },
    ];
    const params = { repo: REPO, accessToken: token, hubUrl: services.hub.url, title: 'x', operations };

    api.faults.preupload.push({
      kind: 'respond',
      status: 503,
      body: { error: 'Service Unavailable' },
      headers: { 'Retry-After': '1' },
    });
    const unavailable = await expectHubError(commit(params), 503);
    expect(unavailable.requestId).toMatch(/^Root=1-/);

    api.storage.faults.push({ kind: 'respond', status: 500, headers: { 'Retry-After': '2' } });
    await expectHubError(commit(params), 500);
    const failed = api.storage.requests.at(-1);
    expect(failed).toMatchObject({ kind: 'put', status: 500 });

    api.storage.faults.push({ kind: 'reset-mid-request-body', afterBytes: 50_000 });
    await expect(commit(params)).rejects.toThrow();
    expect(api.storage.abortedUploads).toBe(1);

    // A batch answer rewritten to say "already stored": the commit then names an object storage lacks.
    api.faults.batch.push({
      kind: 'transform',
      transform: (body) => ({
        ...body,
        objects: (body['objects'] as Array<Record<string, unknown>>).map(({ actions: _actions, ...rest }) => rest),
      }),
    });
    const missing = await expectHubError(commit(params), 400);
    expect(missing.message).toContain('LFS pointer pointed to a file that does not exist');

    api.faults.commit.push({ kind: 'respond', status: 500, body: { error: 'Internal Error' } });
    await expectHubError(commit(params), 500);
    expect(api.commits(REPO)).toHaveLength(1);
    // Nothing was left half-committed; the next attempt goes through and reuses the stored object.
    await commit(params);
    expect(api.commits(REPO)).toHaveLength(2);
  });

  it("keeps the Hub's existing reads: repo access and whoami", async ({ services, token }) => {
    await checkRepoAccess({ repo: REPO, hubUrl: services.hub.url, accessToken: token });
    expect((await whoAmI({ hubUrl: services.hub.url, accessToken: token })).name).toBe('[OIDC]');
    await expectHubError(checkRepoAccess({ repo: 'acme/unknown', hubUrl: services.hub.url, accessToken: token }), 404);
  });
});

// ------------------------------------------------------------------ requests shaped as huggingface_hub sends them

describe('requests shaped as huggingface_hub sends them', () => {
  it('preupload, batch, PUT, verify, NDJSON commit, then compares with revision info, tree and paths-info as it does', async ({
    services,
    api,
    token,
  }) => {
    api.options.verifyAction = true;
    api.options.treePageSize = 2;
    const apiPath = `models/${REPO}`;
    const lfsBytes = binaryBytes(70_000);
    const text = Buffer.from('hello\n');
    const ignored = Buffer.from('scratch');
    const pre = await pyPreupload(
      services,
      apiPath,
      token,
      [
        { path: 'notes/hello.txt', content: text },
        { path: 'weights.pkl', content: Buffer.from('small but tracked') },
        { path: 'blob.dat', content: lfsBytes },
        { path: 'tmp/scratch.log', content: ignored },
      ],
      { gitIgnore: 'tmp/\n' },
    );
    expect(pre.status).toBe(200);
    expect(pre.headers.get('x-request-id')).toMatch(/^Root=1-/);
    expect(pre.json).toEqual({
      files: [
        { path: 'notes/hello.txt', uploadMode: 'regular', shouldIgnore: false },
        { path: 'weights.pkl', uploadMode: 'lfs', shouldIgnore: false },
        { path: 'blob.dat', uploadMode: 'lfs', shouldIgnore: false },
        { path: 'tmp/scratch.log', uploadMode: 'regular', shouldIgnore: true },
      ],
      commitOid: api.head(REPO),
    });

    const batch = await pyBatch(services, REPO, token, [{ oid: sha256(lfsBytes), size: lfsBytes.length }]);
    expect(batch.status).toBe(200);
    expect(batch.headers.get('content-type')).toBe('application/vnd.git-lfs+json');
    const object = batch.json as {
      transfer: string;
      objects: Array<{ actions: { upload: { href: string }; verify: { href: string } } }>;
    };
    expect(object.transfer).toBe('basic');
    const actions = object.objects[0]?.actions;
    expect(new URL(actions?.upload.href ?? '').origin).toBe(api.storage.url);
    expect(actions?.upload.href).toContain('X-Amz-Signature=');
    // httpx sends the file with a Content-Length and none of the Hub headers.
    const put = await call(services, actions?.upload.href ?? '', { method: 'PUT', body: lfsBytes });
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toBe(`"${createHash('md5').update(lfsBytes).digest('hex')}"`);
    const verify = await call(services, actions?.verify.href ?? '', {
      method: 'POST',
      headers: pyHeaders(token, { 'content-type': 'application/json' }),
      body: JSON.stringify({ oid: sha256(lfsBytes), size: lfsBytes.length }),
    });
    expect(verify.status).toBe(200);

    // Python skips the ignored file; it deletes nothing that does not exist.
    const committed = await pyCommit(services, apiPath, token, [
      header('Upload with huggingface_hub', { description: 'two files' }),
      fileLine('notes/hello.txt', text),
      lfsLine('blob.dat', lfsBytes),
    ]);
    expect(committed.status).toBe(200);
    const answer = committed.json as { success: boolean; commitOid: string; commitUrl: string; hookOutput: string };
    expect(answer).toEqual({
      success: true,
      commitOid: api.head(REPO),
      commitUrl: `${services.hub.url}/${REPO}/commit/${api.head(REPO)}`,
      hookOutput: '',
    });

    // model_info(repo_id).sha, then list_repo_tree(recursive=True) page by page through the Link header.
    const info = await call(services, `${services.hub.url}/api/${apiPath}/revision/main`, {
      headers: pyHeaders(token),
    });
    expect((info.json as { sha: string }).sha).toBe(answer.commitOid);
    const tree: Array<{ path: string; type: string; oid: string; lfs?: { oid: string } }> = [];
    let next: string | undefined = `${services.hub.url}/api/${apiPath}/tree/main?recursive=True&expand=False`;
    let pages = 0;
    while (next !== undefined) {
      const page = await call(services, next, { headers: pyHeaders(token) });
      tree.push(...(page.json as typeof tree));
      next = /<([^>]+)>;\s*rel="next"/.exec(page.headers.get('link') ?? '')?.[1];
      pages += 1;
    }
    expect(pages).toBe(2);
    expect(tree.map((entry) => entry.path)).toEqual(['.gitattributes', 'blob.dat', 'notes', 'notes/hello.txt']);
    // What _local_oid compares: git blob sha1 for regular files, sha256 for LFS files.
    expect(tree.find((entry) => entry.path === 'notes/hello.txt')?.oid).toBe(gitBlobSha1(text));
    expect(tree.find((entry) => entry.path === 'blob.dat')?.lfs?.oid).toBe(sha256(lfsBytes));

    // get_paths_info posts a form, not JSON.
    const paths = await call(services, `${services.hub.url}/api/${apiPath}/paths-info/main`, {
      method: 'POST',
      headers: pyHeaders(token, { 'content-type': 'application/x-www-form-urlencoded' }),
      body: 'paths=notes%2Fhello.txt&paths=nope&paths=notes&expand=False',
    });
    expect((paths.json as Array<{ path: string; type: string }>).map((entry) => [entry.path, entry.type])).toEqual([
      ['notes/hello.txt', 'file'],
      ['notes', 'directory'],
    ]);

    // The second preupload names what is there, so Python can drop unchanged files.
    const again = await pyPreupload(services, apiPath, token, [
      { path: 'notes/hello.txt', content: text },
      { path: 'blob.dat', content: lfsBytes },
    ]);
    expect((again.json as { files: Array<{ oid?: string }> }).files.map((file) => file.oid)).toEqual([
      gitBlobSha1(text),
      sha256(lfsBytes),
    ]);
  });

  it('creates an empty commit when asked, deletes files and folders, and opens a pull request on a dataset', async ({
    services,
    api,
  }) => {
    const apiPath = `datasets/acme/awesome-data`;
    const datasetToken = await exchange(services, DATASET);
    const before = api.head(DATASET);
    const empty = await pyCommit(services, apiPath, datasetToken, [header('Empty commit')]);
    expect(empty.status).toBe(200);
    const [newest] = api.commits(DATASET);
    expect(newest?.title).toBe('Empty commit');
    expect(newest?.parents).toEqual([before]);
    expect(newest?.tree).toEqual(api.entries(DATASET, before));

    api.commitFiles(DATASET, { title: 'Seed', files: { 'a/1.txt': '1', 'a/b/2.txt': '2', 'c.txt': 'c' } });
    const deleted = await pyCommit(services, apiPath, datasetToken, [
      header('Clean up'),
      { key: 'deletedFolder', value: { path: 'a/' } },
      { key: 'deletedFile', value: { path: 'c.txt' } },
    ]);
    expect(deleted.status).toBe(200);
    expect([...api.entries(DATASET).keys()]).toEqual(['.gitattributes']);

    const pr = await pyCommit(
      services,
      apiPath,
      datasetToken,
      [header('Proposal'), fileLine('data.csv', 'a,b\n1,2\n')],
      {
        createPr: true,
      },
    );
    expect(pr.status).toBe(200);
    expect((pr.json as { pullRequestUrl: string }).pullRequestUrl).toBe(
      `${services.hub.url}/datasets/acme/awesome-data/discussions/1`,
    );
    expect(api.files(DATASET, 'refs/pr/1').get('data.csv')?.toString()).toBe('a,b\n1,2\n');
    // Later commits to the PR go to its ref (Python passes revision="refs/pr/1", quoted).
    const onPr = await pyCommit(services, apiPath, datasetToken, [header('More'), fileLine('more.csv', 'x\n')], {
      revision: 'refs/pr/1',
    });
    expect(onPr.status).toBe(200);
    expect(api.pullRequests(DATASET)[0]?.head).toBe(api.head(DATASET, 'refs/pr/1'));
    expect([...api.entries(DATASET).keys()]).toEqual(['.gitattributes']);
    const refs = await call(services, `${services.hub.url}/api/${apiPath}/refs?include_prs=1`, {
      headers: pyHeaders(datasetToken),
    });
    expect(refs.json).toMatchObject({
      branches: [{ name: 'main', ref: 'refs/heads/main' }],
      pullRequests: [{ ref: 'refs/pr/1' }],
    });
  });

  it('answers 404 with the X-Error-Code huggingface_hub maps to its errors, 422 for bad paths, 400 for bad content', async ({
    services,
    api,
    token,
  }) => {
    const apiPath = `models/${REPO}`;
    const missingRepo = await pyPreupload(services, 'models/acme/nope', token, [
      { path: 'a.txt', content: Buffer.from('a') },
    ]);
    expect([missingRepo.status, missingRepo.headers.get('x-error-code')]).toEqual([404, 'RepoNotFound']);
    expect(missingRepo.json).toEqual({ error: 'Repository not found' });
    const anonymous = await pyPreupload(services, 'models/acme/nope', undefined, [
      { path: 'a.txt', content: Buffer.from('a') },
    ]);
    expect([anonymous.status, anonymous.headers.get('x-error-code')]).toEqual([401, 'RepoNotFound']);
    const missingRevision = await pyPreupload(
      services,
      apiPath,
      token,
      [{ path: 'a.txt', content: Buffer.from('a') }],
      {
        revision: 'nope',
      },
    );
    expect([
      missingRevision.status,
      missingRevision.headers.get('x-error-code'),
      missingRevision.headers.get('x-error-message'),
    ]).toEqual([404, 'RevisionNotFound', 'Invalid rev id: nope']);
    const prOnCommit = await pyCommit(services, apiPath, token, [header('x')], {
      revision: api.head(REPO),
      createPr: true,
    });
    expect([prOnCommit.status, prOnCommit.headers.get('x-error-code')]).toEqual([404, 'RevisionNotFound']);
    const missingFile = await pyCommit(services, apiPath, token, [
      header('x'),
      { key: 'deletedFile', value: { path: 'nope.txt' } },
    ]);
    expect([missingFile.status, missingFile.headers.get('x-error-code')]).toEqual([404, 'EntryNotFound']);
    expect(missingFile.headers.get('x-error-message')).toContain("A file with this name doesn't exist");
    const missingFolder = await call(services, `${services.hub.url}/api/${apiPath}/tree/main/nope`, {
      headers: pyHeaders(token),
    });
    expect([missingFolder.status, missingFolder.headers.get('x-error-code')]).toEqual([404, 'EntryNotFound']);

    for (const path of [
      '..\\ddd',
      '../escape.txt',
      'a/../b.txt',
      '.git/config',
      'sub/.git/hooks/pre-commit',
      '/absolute.txt',
    ]) {
      const refused = await pyCommit(services, apiPath, token, [header('x'), fileLine(path, 'x')]);
      expect([path, refused.status]).toEqual([path, 422]);
    }
    const binary = await pyCommit(services, apiPath, token, [header('x'), fileLine('image.png', binaryBytes(100))]);
    expect(binary.status).toBe(400);
    expect(binary.text).toContain('Your push was rejected because it contains binary files');
    const unknownObject = await pyCommit(services, apiPath, token, [
      header('x'),
      lfsLine('model.safetensors', randomBytes(10)),
    ]);
    expect(unknownObject.status).toBe(400);
    expect(unknownObject.text).toContain('LFS pointer pointed to a file that does not exist');
    // The LFS batch call with a read-only token: the 403 huggingface_hub users have reported.
    const readOnly = await pyBatch(services, REPO, await exchange(services, 'octocat'), [
      { oid: sha256(Buffer.from('x')), size: 1 },
    ]);
    expect([readOnly.status, readOnly.headers.get('x-error-message')]).toEqual([
      403,
      'You have read access but not the required permissions for this operation',
    ]);
    const unknownToken = await pyCommit(services, apiPath, 'hf_jwt_not-issued-here', [header('x')]);
    expect([unknownToken.status, unknownToken.headers.get('x-error-message')]).toEqual([
      401,
      'Invalid credentials in Authorization header',
    ]);
    // None of these moved main; every refusal carried the Hub's request id.
    expect(api.commits(REPO)).toHaveLength(1);
    expect(api.requests.filter((request) => request.status === undefined)).toEqual([]);
  });

  it('storage refuses what S3 refuses: an Authorization header (recorded as a leak), chunked bodies, no length, a wrong digest, a forged URL', async ({
    services,
    api,
    token,
  }) => {
    const bytes = binaryBytes(10_000);
    const batch = await pyBatch(services, REPO, token, [{ oid: sha256(bytes), size: bytes.length }]);
    const href =
      (batch.json as { objects: Array<{ actions: { upload: { href: string } } }> }).objects[0]?.actions.upload.href ??
      '';

    const withToken = await call(services, href, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}` },
      body: bytes,
    });
    expect(withToken.status).toBe(400);
    expect(withToken.text).toContain('<Code>InvalidArgument</Code>');
    // As S3 does, the refusal echoes the header: logging storage error bodies verbatim would leak the token.
    expect(withToken.text).toContain(
      `<ArgumentName>Authorization</ArgumentName><ArgumentValue>Bearer ${token}</ArgumentValue>`,
    );
    expect(api.storage.securityViolations).toEqual([
      { method: 'PUT', path: new URL(href).pathname, authorization: `Bearer ${token}` },
    ]);

    const chunked = await rawPut(href, { 'Transfer-Encoding': 'chunked' }, chunkedBody(bytes));
    expect(chunked.status).toBe(501);
    expect(chunked.text).toContain('<Header>Transfer-Encoding</Header>');
    const noLength = await rawPut(href, {}, Buffer.alloc(0));
    expect(noLength.status).toBe(411);
    expect(noLength.text).toContain('MissingContentLength');

    const wrong = Buffer.from(bytes);
    wrong[5000] = (wrong[5000] ?? 0) ^ 0xff;
    const corrupted = await call(services, href, { method: 'PUT', body: wrong });
    expect(corrupted.status).toBe(400);
    expect(corrupted.text).toContain('BadDigest');
    expect(api.storage.integrityFailures).toHaveLength(1);

    const forged = new URL(href);
    forged.searchParams.set('X-Amz-Signature', '0'.repeat(64));
    expect((await call(services, forged.toString(), { method: 'PUT', body: bytes })).status).toBe(403);
    api.storage.expireAllUrls();
    const expired = await call(services, href, { method: 'PUT', body: bytes });
    expect([expired.status, expired.text.includes('Request has expired')]).toEqual([403, true]);
    expect(api.storage.objects()).toEqual([]);
  });

  it('reads a large NDJSON body line by line, and refuses a line over the limit with 413 (not a reset)', async ({
    services,
    api,
    token,
  }) => {
    const apiPath = `models/${REPO}`;
    const texts = [0, 1, 2].map((index) => Buffer.from(String(index).repeat(2 * MiB)));
    const ok = await pyCommit(services, apiPath, token, [
      header('Three text files'),
      ...texts.map((text, index) => fileLine(`text-${index}.txt`, text)),
    ]);
    expect(ok.status).toBe(200);
    expect(texts.every((text, index) => api.files(REPO).get(`text-${index}.txt`)?.equals(text))).toBe(true);

    api.options.maxCommitLineBytes = MiB;
    const tooLong = await pyCommit(services, apiPath, token, [
      header('Too long'),
      ...texts.map((text, index) => fileLine(`again-${index}.txt`, text)),
    ]);
    expect(tooLong.status).toBe(413);
    expect(api.commits(REPO)).toHaveLength(2);
    // A refusal on the first line of a long body also reaches the client.
    const early = await pyCommit(services, apiPath, token, [
      header('x'),
      fileLine('../up.txt', 'x'),
      ...texts.map((text, index) => fileLine(`more-${index}.txt`, text)),
    ]);
    expect(early.status).toBe(422);
  });

  it('stalls an upload: storage stops reading the body, the upload stays in flight without progress', async ({
    services,
    api,
    token,
  }) => {
    const bytes = randomBytes(8 * MiB);
    const batch = await pyBatch(services, REPO, token, [{ oid: sha256(bytes), size: bytes.length }]);
    const href =
      (batch.json as { objects: Array<{ actions: { upload: { href: string } } }> }).objects[0]?.actions.upload.href ??
      '';
    api.storage.faults.push({ kind: 'stall-request-body', afterBytes: 256 * 1024, ms: 1500 });
    const controller = new AbortController();
    const upload = fetch(href, { method: 'PUT', body: bytes, signal: controller.signal }).then(
      () => 'answered',
      () => 'aborted',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stalledAt = api.storage.bytesReceived;
    expect(api.storage.activeUploads).toBe(1);
    expect(stalledAt).toBeGreaterThanOrEqual(256 * 1024);
    expect(stalledAt).toBeLessThan(bytes.length);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.storage.bytesReceived).toBe(stalledAt);
    controller.abort();
    expect(await upload).toBe('aborted');
    // A storage host that stopped reading does not notice the client left until the stall ends it.
    expect(api.storage.activeUploads).toBe(1);
    await expect.poll(() => api.storage.activeUploads, { timeout: 5000 }).toBe(0);
    expect(api.storage.abortedUploads).toBe(1);
    expect(api.storage.objects()).toEqual([]);
  });

  it('completes a multipart upload sent the way huggingface_hub sends it (parts in order, LFS headers, no token)', async ({
    services,
    api,
    token,
  }) => {
    api.options.transfers = ['multipart', 'basic'];
    api.options.multipartChunkSize = 5 * MiB;
    const bytes = randomBytes(11 * MiB);
    const batch = await pyBatch(services, REPO, token, [{ oid: sha256(bytes), size: bytes.length }]);
    const upload = (
      batch.json as { objects: Array<{ actions: { upload: { href: string; header: Record<string, string> } } }> }
    ).objects[0]?.actions.upload;
    const chunkSize = Number(upload?.header['chunk_size']);
    const partUrls = Object.entries(upload?.header ?? {})
      .filter(([name]) => /^\d+$/.test(name))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, url]) => url);
    expect(partUrls).toHaveLength(Math.ceil(bytes.length / chunkSize));
    const etags: string[] = [];
    for (const [index, url] of partUrls.entries()) {
      const part = await call(services, url, {
        method: 'PUT',
        body: bytes.subarray(index * chunkSize, (index + 1) * chunkSize),
      });
      expect(part.status).toBe(200);
      etags.push(part.headers.get('etag') ?? '');
    }
    expect(new URL(upload?.href ?? '').origin).toBe(services.hub.url);
    // Parts out of order are refused as S3 refuses them; in order they assemble.
    const body = { oid: sha256(bytes), parts: etags.map((etag, index) => ({ partNumber: index + 1, etag })) };
    const disordered = await call(services, upload?.href ?? '', {
      method: 'POST',
      headers: { Accept: 'application/vnd.git-lfs+json', 'Content-Type': 'application/vnd.git-lfs+json' },
      body: JSON.stringify({ ...body, parts: [...body.parts].reverse() }),
    });
    expect(disordered.status).toBe(400);
    expect(disordered.text).toContain('InvalidPartOrder');
    const completed = await call(services, upload?.href ?? '', {
      method: 'POST',
      headers: { Accept: 'application/vnd.git-lfs+json', 'Content-Type': 'application/vnd.git-lfs+json' },
      body: JSON.stringify(body),
    });
    expect(completed.status).toBe(200);
    const committed = await pyCommit(services, `models/${REPO}`, token, [
      header('Parts'),
      lfsLine('big.safetensors', bytes),
    ]);
    expect(committed.status).toBe(200);
    expect(sha256(readFileSync(api.lfsFile(REPO, 'big.safetensors')))).toBe(sha256(bytes));
    // The completion URL can point at the storage host instead (and then it is storage's to answer).
    api.options.completionHost = 'storage';
    api.options.multipartChunkSize = MiB;
    const onStorage = binaryBytes(2 * MiB + 1);
    await uploadFiles({
      repo: REPO,
      accessToken: token,
      hubUrl: services.hub.url,
      files: [{ path: 'on-storage.bin', content: blob(onStorage) }],
    });
    expect(api.files(REPO).get('on-storage.bin')?.equals(onStorage)).toBe(true);
    expect(
      api.storage.requests.filter((request) => request.kind === 'complete').map((request) => request.status),
    ).toEqual([200]);
    expect(api.storage.securityViolations).toEqual([]);
    // huggingface_hub lists only basic and multipart: a Hub that prefers xet must not answer xet.
    api.options.transfers = ['xet', 'basic'];
    const basic = await pyBatch(services, REPO, token, [{ oid: sha256(Buffer.from('x')), size: 1 }]);
    expect((basic.json as { transfer: string }).transfer).toBe('basic');
  });
});
