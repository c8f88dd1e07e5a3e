// `npm run bench:upload [-- --upload-rounds N] [-- --write]`: the `upload` benchmark. It writes
// several GiB of test files to the temporary folder and takes tens of minutes (see CONTRIBUTING.md):
// about 600 MiB (one 512 MiB file, 44 text and 44 binary files of 1 MiB) published to the local
// Hub's commit API, exchange included, by:
// - the floor: a plain script written here that streams the same bytes through the same endpoints
//   (preupload, LFS batch, PUT, NDJSON commit), hashing as the protocol requires, and nothing else;
// - the action: dist/index.js on Node 24 with `upload`, as a runner starts it;
// - `@huggingface/hub` used straightforwardly (commit() with its own fetch), for reference;
// - `hf upload` (huggingface_hub ≥ 1.19, HF_OIDC_RESOURCE doing the exchange) when `hf` is on PATH.
// Contenders alternate within each round, each run into a fresh repository on a fresh storage host;
// wall time from spawn to exit and peak RSS (GNU time). Then the action alone on shapes that would
// make a buffering client's memory grow: one 2 GiB file, and 2,000 small text files sent inline.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubCommitApi } from '../test/support/hub-commit-api.js';
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
const ROUNDS = Math.max(3, Number(argument('upload-rounds') ?? 7));
const WARMUP_ROUNDS = 1;

/**
 * The floor: the protocol and nothing else. One ID token, one exchange, a preupload of every file,
 * sha256 of the LFS files (one streaming pass each), one batch call, one streaming PUT per object,
 * one commit whose body is written line by line (each small file read and base64-encoded in turn).
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
for (let start = 0; start < files.length; start += 256) {
  const answer = await json(new URL('preupload/main', api), { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' } },
    JSON.stringify({ files: files.slice(start, start + 256).map((file) => ({ path: file.name, size: file.size, sample: sample(file) })) }));
  for (const entry of answer.files) modes.set(entry.path, entry.uploadMode);
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
  JSON.stringify({ operation: 'upload', transfers: ['basic'], hash_algo: 'sha256', ref: { name: 'main' },
    objects: lfs.map((file) => ({ oid: file.oid, size: file.size })) }));
for (const object of batch.objects) {
  const upload = object.actions?.upload;
  if (!upload) continue;
  const file = lfs.find((candidate) => candidate.oid === object.oid);
  await send(upload.href, { method: 'PUT', headers: { 'Content-Length': String(file.size) } }, createReadStream(file.path, { highWaterMark: 1024 * 1024 }));
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

interface Contender {
  readonly name: string;
  /** Runs once into `resource`; returns wall ms and peak RSS KiB. */
  run(resource: string, dataset: string): Promise<{ wallMs: number; peakRssKb: number | undefined }>;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

function writeRandomFile(path: string, bytes: number): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'w');
  for (let written = 0; written < bytes;) {
    const chunk = randomBytes(Math.min(16 * MiB, bytes - written));
    writeSync(fd, chunk);
    hash.update(chunk);
    written += chunk.length;
  }
  closeSync(fd);
  return hash.digest('hex');
}

/** One 512 MiB file, 44 text files and 44 binary files of 1 MiB: 600 MiB. */
function createDataset(root: string): { folder: string; bigOid: string; files: number; bytes: number } {
  const folder = join(root, 'dataset');
  mkdirSync(join(folder, 'text'), { recursive: true });
  mkdirSync(join(folder, 'binary'), { recursive: true });
  const bigOid = writeRandomFile(join(folder, 'model.safetensors'), 512 * MiB);
  for (let index = 0; index < 44; index++) {
    const name = String(index).padStart(2, '0');
    // Text: random base64 in 76-character lines (the hub sends text under 10 MiB inline).
    writeFileSync(
      join(folder, 'text', `${name}.txt`),
      randomBytes((MiB / 4) * 3)
        .toString('base64')
        .replace(/.{76}/g, '$&\n')
        .slice(0, MiB),
    );
    // Binary: random bytes with NULs (LFS).
    const binary = randomBytes(MiB);
    binary[0] = 0;
    writeFileSync(join(folder, 'binary', `${name}.bin`), binary);
  }
  return { folder, bigOid, files: 89, bytes: 600 * MiB };
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
  dataset: string,
): Promise<{ wallMs: number; peakRssKb: number | undefined }> {
  const useTime = existsSync(TIME_BINARY);
  const result = await runAction({
    ...services.runOptions({ resource, upload: dataset }),
    node,
    entry,
    killAfterMs: 600_000,
    env: {
      GITHUB_WORKFLOW_REF: 'acme/awesome-model/.github/workflows/publish.yml@refs/heads/main',
      GITHUB_RUN_ATTEMPT: '1',
    },
    ...(useTime ? { wrapWith: [TIME_BINARY, '-f', '%M'] } : {}),
  });
  if (result.exitCode !== 0 || !result.outputs['commit-sha']) {
    throw new Error(
      `${entry} failed (exit ${String(result.exitCode)}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
    );
  }
  return { wallMs: result.durationMs, peakRssKb: useTime ? peakRss(result.stderr) : undefined };
}

/** `hf upload` with HF_OIDC_RESOURCE (huggingface_hub ≥ 1.19 exchanges by itself), under GNU time. */
async function runHf(
  services: LocalServices,
  resource: string,
  dataset: string,
): Promise<{ wallMs: number; peakRssKb: number | undefined }> {
  const options = services.runOptions();
  const started = performance.now();
  const child = spawn(
    existsSync(TIME_BINARY) ? TIME_BINARY : 'hf',
    [
      ...(existsSync(TIME_BINARY) ? ['-f', '%M', 'hf'] : []),
      'upload',
      resource,
      dataset,
      '.',
      '--commit-message',
      'hf',
    ],
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

async function main(): Promise<void> {
  const node24 = resolveNode24();
  const nodeVersion = execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim();
  const scratch = mkdtempSync(join(tmpdir(), 'hf-oidc-bench-upload-'));
  try {
    console.log(
      '\nUpload benchmark: generating the data set (one 512 MiB file, 44 text and 44 binary files of 1 MiB)…',
    );
    const dataset = createDataset(scratch);
    const floorEntry = join(scratch, 'floor.mjs');
    writeFileSync(floorEntry, FLOOR_SOURCE);
    const libraryEntry = join(scratch, 'library.mjs');
    writeFileSync(libraryEntry, LIBRARY_SOURCE(join(REPOSITORY_ROOT, 'node_modules/@huggingface/hub/dist/index.mjs')));
    const hfVersion = hfAvailable();

    const services = await startLocalServices();
    let api: HubCommitApi | undefined;
    let repoCounter = 0;
    /** A fresh repository on a fresh storage host (so storage does not pile up 600 MiB per run). */
    const freshRepository = async (): Promise<string> => {
      await api?.stop();
      api = await HubCommitApi.start(services.hub);
      const resource = `acme/bench-${++repoCounter}`;
      api.createRepo(resource);
      services.hub.addPublisher(resource, { repository: 'acme/awesome-model' });
      return resource;
    };
    const check = (resource: string, name: string): void => {
      const entries = api?.entries(resource);
      const big = entries?.get('model.safetensors');
      if (entries?.size !== dataset.files + 1 || big?.kind !== 'lfs' || big.oid !== dataset.bigOid) {
        throw new Error(`${name}: the repository does not hold the data set (${String(entries?.size)} entries)`);
      }
    };

    const contenders: Contender[] = [
      {
        name: 'floor (plain node:http, streaming, same endpoints)',
        run: (resource) => runScript(services, node24, floorEntry, resource, dataset.folder),
      },
      {
        name: 'action, `upload` (dist/, Node 24)',
        run: (resource) => runScript(services, node24, ACTION_ENTRY, resource, dataset.folder),
      },
      {
        name: '@huggingface/hub commit() with its own fetch',
        run: (resource) => runScript(services, node24, libraryEntry, resource, dataset.folder),
      },
    ];
    if (hfVersion)
      contenders.push({
        name: `hf upload (${hfVersion.split('\n')[0] ?? 'hf'})`,
        run: (resource) => runHf(services, resource, dataset.folder),
      });
    else console.log('`hf` is not on PATH (huggingface_hub cannot be installed here): `hf upload` is not measured.');

    const samples = new Map<string, Array<{ wallMs: number; peakRssKb: number | undefined }>>(
      contenders.map((contender) => [contender.name, []]),
    );
    console.log(
      `Node ${nodeVersion}, ${WARMUP_ROUNDS} warm-up + ${ROUNDS} rounds, ${contenders.length} contenders alternating…`,
    );
    try {
      for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
        const order = contenders.map((_, index) => contenders[(index + round) % contenders.length]);
        for (const contender of order) {
          if (!contender) continue;
          const resource = await freshRepository();
          const sample = await contender.run(resource, dataset.folder);
          check(resource, contender.name);
          if (round >= WARMUP_ROUNDS) samples.get(contender.name)?.push(sample);
          console.log(
            `  round ${round + 1}: ${contender.name}: ${(sample.wallMs / 1000).toFixed(2)} s, ` +
              `${sample.peakRssKb ? (sample.peakRssKb / 1024).toFixed(0) : '?'} MiB`,
          );
        }
      }

      // Shapes that would make a buffering client's memory grow: the action alone, one run each.
      const shapes: Array<{ name: string; make: (folder: string) => void }> = [
        {
          name: 'one 2 GiB file',
          make: (folder) => void writeRandomFile(join(folder, 'model.safetensors'), 2048 * MiB),
        },
        {
          name: '2,000 text files of 64 KiB (125 MiB, all sent inline in the commit)',
          make: (folder) => {
            for (let index = 0; index < 2000; index++) {
              writeFileSync(
                join(folder, `${String(index).padStart(4, '0')}.txt`),
                randomBytes(48 * 1024)
                  .toString('base64')
                  .replace(/.{76}/g, '$&\n')
                  .slice(0, 64 * 1024),
              );
            }
          },
        },
      ];
      const shapeRows: string[] = [];
      for (const shape of shapes) {
        const folder = join(scratch, `shape-${shapeRows.length}`);
        mkdirSync(folder);
        shape.make(folder);
        const resource = await freshRepository();
        const sample = await runScript(services, node24, ACTION_ENTRY, resource, folder);
        rmSync(folder, { recursive: true, force: true });
        console.log(
          `  action, ${shape.name}: ${(sample.wallMs / 1000).toFixed(2)} s, ` +
            `${sample.peakRssKb ? (sample.peakRssKb / 1024).toFixed(0) : '?'} MiB`,
        );
        shapeRows.push(
          `| ${shape.name} | ${(sample.wallMs / 1000).toFixed(1)} | ` +
            `${sample.peakRssKb ? (sample.peakRssKb / 1024).toFixed(0) : 'n/a'} |`,
        );
      }

      const floorName = contenders[0]?.name ?? '';
      const floorWall = median(samples.get(floorName)?.map((sample) => sample.wallMs) ?? []);
      const rows = contenders.map((contender) => {
        const runs = samples.get(contender.name) ?? [];
        const walls = runs.map((sample) => sample.wallMs);
        const rss = runs.flatMap((sample) => (sample.peakRssKb ? [sample.peakRssKb] : []));
        const wall = median(walls);
        return (
          `| ${contender.name} | ${(wall / 1000).toFixed(2)} | ${(Math.min(...walls) / 1000).toFixed(2)} | ` +
          `${(Math.max(...walls) / 1000).toFixed(2)} | ${(wall / floorWall).toFixed(2)}× | ` +
          `${rss.length ? (median(rss) / 1024).toFixed(0) : 'n/a'} | ` +
          `${rss.length ? (Math.max(...rss) / 1024).toFixed(0) : 'n/a'} |`
        );
      });
      const table = [
        `Measured ${new Date().toISOString().slice(0, 10)} on Node ${nodeVersion}, ${ROUNDS} rounds after ` +
          `${WARMUP_ROUNDS} warm-up round, contenders alternating; 600 MiB (89 files) into a fresh repository each ` +
          `run, exchange included.`,
        '',
        '| contender | median s | min s | max s | median / floor | peak RSS MiB (median) | peak RSS MiB (max) |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...rows,
        ...(hfVersion
          ? []
          : ['| `hf upload` | not measured: `hf` is not installed on this machine (no access to PyPI) | | | | | |']),
        '',
        'The action alone, one run each, on shapes where a buffering client grows:',
        '',
        '| data | wall s | peak RSS MiB |',
        '| --- | ---: | ---: |',
        ...shapeRows,
      ].join('\n');
      console.log(`\n${table}`);
      if (process.argv.includes('--write')) {
        console.log(`\nWrote the upload table to ${writeBenchmarkTable('bench-upload', table)}.`);
      }
    } finally {
      await api?.stop();
      await services.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
