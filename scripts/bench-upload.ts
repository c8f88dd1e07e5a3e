// `npm run bench:upload [-- --upload-rounds N] [-- --shapes 600mib,small,mid,big,rerun] [-- --big-gib N]
// [-- --write]`: the `upload` benchmark. It writes several GiB of test files to the temporary folder
// and takes about 7 minutes (CONTRIBUTING.md, "Benchmarks"). Five shapes of work published to
// the local Hub's commit API, exchange included: today's 600 MiB set (one 512 MiB file, 44 text and
// 44 binary files of 1 MiB), 10,000 text files of 4 KiB (all inline), 200 binary files of 5 MiB (LFS),
// one file of several GiB (3 by default), and the 600 MiB set again with nothing changed; each by:
// - the floor: a plain script written here that streams the same bytes through the same endpoints
//   (preupload, LFS batch, PUT, NDJSON commit), hashing as the protocol requires, and nothing else;
// - the action: dist/index.js on Node 24 with `upload`, as a runner starts it;
// - `@huggingface/hub` used straightforwardly (commit() with its own fetch), for reference (600 MiB only);
// - `hf upload` (huggingface_hub ≥ 1.19, HF_OIDC_RESOURCE doing the exchange) when `hf` is on PATH.
// Contenders alternate within each round, each run into a fresh repository on a fresh storage host;
// wall time from spawn to exit and peak RSS (GNU time).

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubCommitApi, type CommitApiOptions } from '../test/support/hub-commit-api.js';
import { startLocalServices, type LocalServices } from '../test/support/local-services.js';
import { resolveNode24 } from '../test/support/node-runtimes.js';
import { ACTION_ENTRY, REPOSITORY_ROOT, runAction } from '../test/support/run-action.js';
import { writeBenchmarkTable } from './benchmarks-file.js';

const MiB = 1024 * 1024;
const TIME_BINARY = '/usr/bin/time';
const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
};
const ROUNDS = Math.max(1, Number(argument('upload-rounds') ?? 3));
const WARMUP_ROUNDS = 1;

/**
 * The floor: the protocol and nothing else. One ID token, one exchange, a preupload of every file,
 * sha256 of the LFS files (one streaming pass each), one batch call, one streaming PUT per object
 * (or its parts one after the other and the completion, when the hub answers multipart), one
 * commit whose body is written line by line (each small file read and base64-encoded in turn).
 * In the re-run shape, a comparison of every file with the repository's oid instead of the upload.
 * No retries, no checks, no progress: a lower bound, not an alternative.
 */
const FLOOR_SOURCE = `
import http from 'node:http';
import { createReadStream, readdirSync, readFileSync, statSync, openSync, readSync, closeSync, appendFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
function send(url, options, body) {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, options, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode >= 300) reject(new Error(options.method + ' ' + url + ' → ' + response.statusCode + ' ' + text));
        else resolve({ headers: response.headers, text });
      });
    });
    outgoing.on('error', reject);
    if (body && typeof body.pipe === 'function') body.pipe(outgoing);
    else if (typeof body === 'function') body(outgoing);
    else outgoing.end(body);
  });
}
const json = async (...args) => JSON.parse((await send(...args)).text);
const idTokenUrl = new URL(process.env.ACTIONS_ID_TOKEN_REQUEST_URL);
idTokenUrl.searchParams.set('audience', new URL(process.env['INPUT_HUB-URL']).origin); // the hub's own URL
const { value: idToken } = await json(idTokenUrl, { headers: { Authorization: 'Bearer ' + process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN } });
process.stdout.write('::add-mask::' + idToken + '\\n');
const hub = process.env['INPUT_HUB-URL'];
const resource = process.env.INPUT_RESOURCE;
const { access_token: token } = await json(new URL('/oauth/token', hub), { method: 'POST', headers: { 'Content-Type': 'application/json' } },
  JSON.stringify({ grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    subject_token_type: 'urn:ietf:params:oauth:token-type:id_token', subject_token: idToken, resource }));
process.stdout.write('::add-mask::' + token + '\\n');
const auth = { Authorization: 'Bearer ' + token };
const root = process.env.INPUT_UPLOAD;
const files = readdirSync(root, { recursive: true }).map((path) => join(root, path)).filter((path) => statSync(path).isFile())
  .map((path) => ({ path, name: relative(root, path).split('\\\\').join('/'), size: statSync(path).size }));
const sample = (file) => {
  const fd = openSync(file.path, 'r');
  const buffer = Buffer.alloc(Math.min(512, file.size));
  readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  return buffer.toString('base64');
};
const api = new URL('/api/models/' + resource + '/', hub);
const modes = new Map();
const remoteOids = new Map();
for (let start = 0; start < files.length; start += 256) {
  const answer = await json(new URL('preupload/main', api), { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' } },
    JSON.stringify({ files: files.slice(start, start + 256).map((file) => ({ path: file.name, size: file.size, sample: sample(file) })) }));
  for (const entry of answer.files) {
    modes.set(entry.path, entry.uploadMode);
    if (entry.oid) remoteOids.set(entry.path, entry.oid);
  }
}
if (process.env.FLOOR_COMPARE === '1') {
  // The re-run shape: compare every file with the repository's oid (git blob sha1 for regular files,
  // sha256 for LFS ones), one streaming pass each; commit nothing when all are equal.
  let changed = 0;
  for (const file of files) {
    const remote = remoteOids.get(file.name);
    if (!remote) { changed++; continue; }
    const lfs = modes.get(file.name) === 'lfs';
    const hash = createHash(lfs ? 'sha256' : 'sha1');
    if (!lfs) hash.update('blob ' + file.size + '\\0');
    for await (const chunk of createReadStream(file.path, { highWaterMark: 1024 * 1024 })) hash.update(chunk);
    if (hash.digest('hex') !== remote) changed++;
  }
  if (changed === 0) {
    appendFileSync(process.env.GITHUB_OUTPUT, 'commit-sha=\\n');
    process.exit(0);
  }
}
const lfs = files.filter((file) => modes.get(file.name) === 'lfs');
for (const file of lfs) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file.path, { highWaterMark: 1024 * 1024 })) hash.update(chunk);
  file.oid = hash.digest('hex');
}
const lfsJson = 'application/vnd.git-lfs+json';
const batch = await json(new URL('/' + resource + '.git/info/lfs/objects/batch', hub),
  { method: 'POST', headers: { ...auth, Accept: lfsJson, 'Content-Type': lfsJson } },
  JSON.stringify({ operation: 'upload', transfers: ['basic', 'multipart'], hash_algo: 'sha256', ref: { name: 'main' },
    objects: lfs.map((file) => ({ oid: file.oid, size: file.size })) }));
for (const object of batch.objects) {
  const upload = object.actions?.upload;
  if (!upload) continue;
  const file = lfs.find((candidate) => candidate.oid === object.oid);
  const chunkSize = Number(upload.header?.chunk_size);
  if (!chunkSize) {
    await send(upload.href, { method: 'PUT', headers: { 'Content-Length': String(file.size) } }, createReadStream(file.path, { highWaterMark: 1024 * 1024 }));
    continue;
  }
  // Multipart, as huggingface_hub sends it: the parts one after the other, then the completion.
  const parts = Object.keys(upload.header).filter((key) => /^\\d+$/.test(key)).sort((a, b) => Number(a) - Number(b));
  const etags = [];
  for (const [index, key] of parts.entries()) {
    const start = index * chunkSize;
    const end = Math.min(file.size, start + chunkSize);
    const answer = await send(upload.header[key], { method: 'PUT', headers: { 'Content-Length': String(end - start) } },
      createReadStream(file.path, { start, end: end - 1, highWaterMark: 1024 * 1024 }));
    etags.push({ partNumber: index + 1, etag: answer.headers.etag });
  }
  await send(upload.href, { method: 'POST', headers: { 'Content-Type': lfsJson } }, JSON.stringify({ oid: file.oid, parts: etags }));
}
const commit = await json(new URL('commit/main', api), { method: 'POST', headers: { ...auth, 'Content-Type': 'application/x-ndjson' } }, async (outgoing) => {
  const write = (text) => (outgoing.write(text) ? undefined : new Promise((resolve) => outgoing.once('drain', resolve)));
  await write(JSON.stringify({ key: 'header', value: { summary: 'floor', description: '' } }) + '\\n');
  for (const file of files) {
    if (modes.get(file.name) === 'lfs') await write(JSON.stringify({ key: 'lfsFile', value: { path: file.name, algo: 'sha256', oid: file.oid, size: file.size } }) + '\\n');
    else await write(JSON.stringify({ key: 'file', value: { content: readFileSync(file.path).toString('base64'), path: file.name, encoding: 'base64' } }) + '\\n');
  }
  outgoing.end();
});
appendFileSync(process.env.GITHUB_OUTPUT, 'commit-sha=' + commit.commitOid + '\\n');
`;

/** `@huggingface/hub` as a script would use it: exchange, then commit() of the folder with the library's own fetch. */
const LIBRARY_SOURCE = (hubModule: string): string => `
import { pathToFileURL } from 'node:url';
import { appendFileSync } from 'node:fs';
import { commit } from ${JSON.stringify(hubModule)};
const idTokenUrl = new URL(process.env.ACTIONS_ID_TOKEN_REQUEST_URL);
idTokenUrl.searchParams.set('audience', new URL(process.env['INPUT_HUB-URL']).origin); // the hub's own URL
const { value: idToken } = await (await fetch(idTokenUrl, { headers: { Authorization: 'Bearer ' + process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN } })).json();
const hub = process.env['INPUT_HUB-URL'];
const { access_token: token } = await (await fetch(new URL('/oauth/token', hub), { method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    subject_token_type: 'urn:ietf:params:oauth:token-type:id_token', subject_token: idToken,
    resource: process.env.INPUT_RESOURCE }) })).json();
const output = await commit({ repo: process.env.INPUT_RESOURCE, accessToken: token, hubUrl: hub, title: 'library',
  operations: [{ operation: 'addOrUpdate', path: '.', content: pathToFileURL(process.env.INPUT_UPLOAD + '/') }] });
appendFileSync(process.env.GITHUB_OUTPUT, 'commit-sha=' + output.commit.oid + '\\n');
`;

interface Sample {
  readonly wallMs: number;
  readonly peakRssKb: number | undefined;
}

interface Contender {
  readonly name: string;
  /** Runs once into `resource`; `rerun`: the repository holds the data already, nothing must be committed. */
  run(resource: string, folder: string, rerun: boolean): Promise<Sample>;
}

/** A shape of work: the files, how the local Hub is set up for it, and whether it is a no-op re-run. */
interface Shape {
  readonly key: string;
  readonly name: string;
  /** Writes the files into `folder`; returns how many. */
  make(folder: string): number;
  readonly hub?: Partial<CommitApiOptions>;
  /** Each timed run goes into a repository that already holds the data (published first, untimed). */
  readonly rerun?: boolean;
  /** Also run `@huggingface/hub` commit() (the 600 MiB set only: it needs 1 GB of memory). */
  readonly library?: boolean;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

function writeRandomFile(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  for (let written = 0; written < bytes;) {
    const chunk = randomBytes(Math.min(16 * MiB, bytes - written));
    writeSync(fd, chunk);
    written += chunk.length;
  }
  closeSync(fd);
}

/** Text the Hub sends inline: random base64 in 76-character lines. */
function text(bytes: number): string {
  return randomBytes(Math.ceil((bytes / 4) * 3) + 3)
    .toString('base64')
    .replace(/.{76}/g, '$&\n')
    .slice(0, bytes);
}

/** Binary content the Hub sends through LFS whatever its size (a NUL in the sample). */
function binary(bytes: number): Buffer {
  const content = randomBytes(bytes);
  content[0] = 0;
  return content;
}

/** One 512 MiB file, 44 text files and 44 binary files of 1 MiB: 600 MiB. */
function makeDataset(folder: string): number {
  mkdirSync(join(folder, 'text'), { recursive: true });
  mkdirSync(join(folder, 'binary'), { recursive: true });
  writeRandomFile(join(folder, 'model.safetensors'), 512 * MiB);
  for (let index = 0; index < 44; index++) {
    const name = String(index).padStart(2, '0');
    writeFileSync(join(folder, 'text', `${name}.txt`), text(MiB));
    writeFileSync(join(folder, 'binary', `${name}.bin`), binary(MiB));
  }
  return 89;
}

function shapes(bigGib: number): Shape[] {
  return [
    {
      key: '600mib',
      name: '600 MiB (one 512 MiB file, 44 text and 44 binary files of 1 MiB)',
      make: makeDataset,
      library: true,
    },
    {
      key: 'small',
      name: '10,000 text files of 4 KiB (all inline)',
      make: (folder) => {
        for (let index = 0; index < 10_000; index++) {
          const directory = join(folder, String(Math.floor(index / 1000)));
          if (index % 1000 === 0) mkdirSync(directory);
          writeFileSync(join(directory, `${String(index).padStart(5, '0')}.txt`), text(4 * 1024));
        }
        return 10_000;
      },
    },
    {
      key: 'mid',
      name: '200 binary files of 5 MiB (LFS)',
      make: (folder) => {
        for (let index = 0; index < 200; index++) {
          writeFileSync(join(folder, `shard-${String(index).padStart(3, '0')}.bin`), binary(5 * MiB));
        }
        return 200;
      },
    },
    {
      key: 'big',
      name: `one file of ${bigGib} GiB (multipart offered, parts of 64 MiB)`,
      make: (folder) => {
        writeRandomFile(join(folder, 'model.safetensors'), bigGib * 1024 * MiB);
        return 1;
      },
      hub: { transfers: ['multipart', 'basic'], multipartChunkSize: 64 * MiB },
    },
    {
      key: 'rerun',
      name: 'the 600 MiB set again, nothing changed (no commit)',
      make: makeDataset,
      rerun: true,
    },
  ];
}

function peakRss(stderr: string): number | undefined {
  const value = Number(/(\d+)\s*$/.exec(stderr)?.[1]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Runs a script the way runAction runs the action (same environment and runner files), under GNU time. */
async function runScript(
  services: LocalServices,
  node: string,
  entry: string,
  resource: string,
  folder: string,
  options: { rerun: boolean; env?: Record<string, string> },
): Promise<Sample> {
  const useTime = existsSync(TIME_BINARY);
  const result = await runAction({
    ...services.runOptions({ resource, upload: folder }),
    node,
    entry,
    killAfterMs: 1_800_000,
    env: {
      GITHUB_WORKFLOW_REF: 'acme/awesome-model/.github/workflows/publish.yml@refs/heads/main',
      GITHUB_RUN_ATTEMPT: '1',
      ...options.env,
    },
    ...(useTime ? { wrapWith: [TIME_BINARY, '-f', '%M'] } : {}),
  });
  const committed = Boolean(result.outputs['commit-sha']);
  if (result.exitCode !== 0 || committed === options.rerun) {
    throw new Error(
      `${entry} failed (exit ${String(result.exitCode)}, commit-sha ${JSON.stringify(result.outputs['commit-sha'])}):\n` +
        `${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
    );
  }
  return { wallMs: result.durationMs, peakRssKb: useTime ? peakRss(result.stderr) : undefined };
}

/** `hf upload` with HF_OIDC_RESOURCE (huggingface_hub ≥ 1.19 exchanges by itself), under GNU time. */
async function runHf(services: LocalServices, resource: string, folder: string): Promise<Sample> {
  const options = services.runOptions();
  const started = performance.now();
  const child = spawn(
    existsSync(TIME_BINARY) ? TIME_BINARY : 'hf',
    [...(existsSync(TIME_BINARY) ? ['-f', '%M', 'hf'] : []), 'upload', resource, folder, '.', '--commit-message', 'hf'],
    {
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? tmpdir(),
        HF_ENDPOINT: services.hub.url,
        HF_OIDC_RESOURCE: resource,
        HF_HUB_DISABLE_TELEMETRY: '1',
        HF_HUB_DISABLE_PROGRESS_BARS: '1',
        ACTIONS_ID_TOKEN_REQUEST_URL: options.idToken?.requestUrl ?? '',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: options.idToken?.requestToken ?? '',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`hf upload failed (exit ${String(code)}): ${stderr.slice(-2000)}`);
  return { wallMs: performance.now() - started, peakRssKb: peakRss(stderr) };
}

function hfAvailable(): string | undefined {
  const probe = spawnSync('hf', ['version'], { encoding: 'utf8' });
  return probe.error || probe.status !== 0 ? undefined : probe.stdout.trim();
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const mib = (kb: number | undefined): string => (kb === undefined ? 'n/a' : (kb / 1024).toFixed(0));

async function main(): Promise<void> {
  const node24 = resolveNode24();
  const nodeVersion = execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim();
  const scratch = mkdtempSync(join(tmpdir(), 'hf-oidc-bench-upload-'));
  const bigGib = Number(argument('big-gib') ?? 3);
  const only = argument('shapes')?.split(',');
  const selected = shapes(bigGib).filter((shape) => !only || only.includes(shape.key));
  const hfVersion = hfAvailable();
  if (!hfVersion)
    console.log('`hf` is not on PATH (huggingface_hub cannot be installed here): `hf upload` is not measured.');
  const services = await startLocalServices();
  let api: HubCommitApi | undefined;
  let repoCounter = 0;
  const rows: string[] = [];
  try {
    const floorEntry = join(scratch, 'floor.mjs');
    writeFileSync(floorEntry, FLOOR_SOURCE);
    const libraryEntry = join(scratch, 'library.mjs');
    writeFileSync(libraryEntry, LIBRARY_SOURCE(join(REPOSITORY_ROOT, 'node_modules/@huggingface/hub/dist/index.mjs')));

    for (const shape of selected) {
      const folder = join(scratch, shape.key);
      mkdirSync(folder);
      console.log(`\nUpload benchmark, ${shape.name}: generating the files…`);
      const fileCount = shape.make(folder);
      /** A fresh repository on a fresh storage host (so storage does not pile up per run). */
      const freshRepository = async (): Promise<string> => {
        await api?.stop();
        api = await HubCommitApi.start(services.hub, shape.hub);
        const resource = `acme/bench-${++repoCounter}`;
        api.createRepo(resource);
        services.hub.addPublisher(resource, { repository: 'acme/awesome-model' });
        return resource;
      };
      const floorRun = (resource: string, rerun: boolean): Promise<Sample> =>
        runScript(services, node24, floorEntry, resource, folder, { rerun, env: rerun ? { FLOOR_COMPARE: '1' } : {} });
      const contenders: Contender[] = [
        { name: 'floor', run: (resource, _folder, rerun) => floorRun(resource, rerun) },
        {
          name: 'action',
          run: (resource, _folder, rerun) => runScript(services, node24, ACTION_ENTRY, resource, folder, { rerun }),
        },
      ];
      if (shape.library)
        contenders.push({
          name: '@huggingface/hub commit()',
          run: (resource) => runScript(services, node24, libraryEntry, resource, folder, { rerun: false }),
        });
      if (hfVersion && !shape.rerun)
        contenders.push({
          name: `hf upload (${hfVersion.split('\n')[0] ?? 'hf'})`,
          run: (resource) => runHf(services, resource, folder),
        });
      const samples = new Map<string, Sample[]>(contenders.map((contender) => [contender.name, []]));
      for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
        const order = contenders.map((_, index) => contenders[(index + round) % contenders.length]);
        for (const contender of order) {
          if (!contender) continue;
          const resource = await freshRepository();
          // The re-run: the data is in the repository already (published by the floor, untimed).
          if (shape.rerun) await floorRun(resource, false);
          const sample = await contender.run(resource, folder, shape.rerun === true);
          const entries = api?.entries(resource);
          if (entries?.size !== fileCount + 1) {
            throw new Error(
              `${contender.name}: the repository holds ${String(entries?.size)} entries, not ${fileCount + 1}`,
            );
          }
          if (round >= WARMUP_ROUNDS) samples.get(contender.name)?.push(sample);
          console.log(
            `  round ${round + 1}${round < WARMUP_ROUNDS ? ' (warm-up)' : ''}: ${contender.name}: ` +
              `${seconds(sample.wallMs)} s, ${mib(sample.peakRssKb)} MiB`,
          );
        }
      }
      rmSync(folder, { recursive: true, force: true });
      const floorWall = median(samples.get('floor')?.map((sample) => sample.wallMs) ?? []);
      for (const contender of contenders) {
        const runs = samples.get(contender.name) ?? [];
        const walls = runs.map((sample) => sample.wallMs);
        const rss = runs.flatMap((sample) => (sample.peakRssKb ? [sample.peakRssKb] : []));
        rows.push(
          `| ${shape.name} | ${contender.name} | ${seconds(median(walls))} | ${seconds(Math.min(...walls))} | ` +
            `${seconds(Math.max(...walls))} | ${(median(walls) / floorWall).toFixed(2)}× | ` +
            `${rss.length ? mib(median(rss)) : 'n/a'} | ${rss.length ? mib(Math.max(...rss)) : 'n/a'} |`,
        );
      }
    }
  } finally {
    await api?.stop();
    await services.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} on Node ${nodeVersion}, ${ROUNDS} rounds after ` +
      `${WARMUP_ROUNDS} warm-up round per shape, contenders alternating; each run into a fresh repository on a ` +
      `fresh storage host, exchange included.`,
    '',
    '| shape | contender | median s | min s | max s | median / floor | peak RSS MiB (median) | peak RSS MiB (max) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    ...(hfVersion
      ? []
      : [
          '| every shape | `hf upload` | not measured: `hf` cannot be installed on this machine (no access to PyPI) | | | | | |',
        ]),
  ].join('\n');
  console.log(`\n${table}`);
  if (process.argv.includes('--write')) {
    console.log(`\nWrote the upload table to ${writeBenchmarkTable('bench-upload', table)}.`);
  }
}

await main();
