// `npm run bench`: time to credential, as a workflow pays it. Each contender is a fresh Node 24
// process started the way the runner starts a `node24` action (inputs in INPUT_* variables, the
// runner's files, the ID-token variables), against the local OIDC issuer and Hub on loopback.
// Contenders alternate within each round, after warm-up rounds, so drift in machine load hits all
// of them alike. `--write` also records the table in BENCHMARKS.md.
//
// Usage: npm run bench [-- --rounds 21] [-- --write]. About 10 s on a quiet 2-core machine.
// The `upload` benchmark is another script, `npm run bench:upload` (scripts/bench-upload.ts).

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { startLocalServices, type LocalServices } from '../test/support/local-services.js';
import { resolveNode24 } from '../test/support/node-runtimes.js';
import { ACTION_ENTRY, REPOSITORY_ROOT, runAction } from '../test/support/run-action.js';
import { writeBenchmarkTable } from './benchmarks-file.js';

/**
 * The floor: the least a JavaScript action can do for the same result. Plain node:http, one GET
 * for the ID token, one POST for the exchange, two ::add-mask:: lines, two file appends. No input
 * validation, no retries, no timeouts, no error handling: a lower bound, not an alternative.
 */
const FLOOR_SOURCE = `
import http from 'node:http';
import { appendFileSync } from 'node:fs';
function request(url, options, body) {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, options, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve(JSON.parse(text)));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
const idTokenUrl = new URL(process.env.ACTIONS_ID_TOKEN_REQUEST_URL);
idTokenUrl.searchParams.set('audience', new URL(process.env['INPUT_HUB-URL']).origin); // the hub's own URL
const { value: idToken } = await request(idTokenUrl, { headers: { Authorization: 'Bearer ' + process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN } });
process.stdout.write('::add-mask::' + idToken + '\\n');
const body = JSON.stringify({
  grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
  subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
  subject_token: idToken,
  resource: process.env.INPUT_RESOURCE,
});
const { access_token: token } = await request(new URL('/oauth/token', process.env['INPUT_HUB-URL']), {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
}, body);
process.stdout.write('::add-mask::' + token + '\\n');
appendFileSync(process.env.GITHUB_OUTPUT, 'token=' + token + '\\n');
appendFileSync(process.env.GITHUB_ENV, 'HF_TOKEN=' + token + '\\n');
`;

interface Contender {
  name: string;
  entry: string;
  inputs: Record<string, string>;
}

interface Sample {
  wallMs: number;
  peakRssKb: number | undefined;
}

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
};
const ROUNDS = Math.max(11, Number(argument('rounds') ?? 15));
const WARMUP_ROUNDS = 2;
const TIME_BINARY = '/usr/bin/time';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

function declaredInputs(): Set<string> {
  const manifest = parseYaml(readFileSync(join(REPOSITORY_ROOT, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, unknown>;
  };
  return new Set(Object.keys(manifest.inputs ?? {}));
}

/**
 * Runs one contender once. With GNU time available, the process is started under it to read its
 * peak RSS; the wrapper's own cost (an exec) is the same for every contender.
 */
async function measure(services: LocalServices, node: string, contender: Contender): Promise<Sample> {
  const useTime = existsSync(TIME_BINARY);
  const result = await runAction({
    ...services.runOptions({ resource: 'acme/awesome-model', ...contender.inputs }),
    node,
    entry: contender.entry,
    ...(useTime ? { wrapWith: [TIME_BINARY, '-f', '%M'] } : {}),
  });
  if (result.exitCode !== 0 || !result.exported['HF_TOKEN']) {
    throw new Error(`${contender.name} did not produce a token:\n${result.stdout}\n${result.stderr}`);
  }
  const rss = useTime ? Number(/(\d+)\s*$/.exec(result.stderr)?.[1]) : Number.NaN;
  return { wallMs: result.durationMs, peakRssKb: Number.isFinite(rss) ? rss : undefined };
}

function bundleSizes(): { defaultPathBytes: number; totalBytes: number; files: string[] } {
  const distDirectory = join(REPOSITORY_ROOT, 'dist');
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory)) {
      const path = join(directory, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.js')) files.push(path);
    }
  };
  walk(distDirectory);
  const totalBytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  return {
    defaultPathBytes: statSync(ACTION_ENTRY).size,
    totalBytes,
    files: files.map((file) => file.slice(distDirectory.length + 1)),
  };
}

/** Wall time of loading the bundle with no work: no inputs, so it stops at input validation. */
function importTimes(node: string, rounds: number): { bareMs: number; bundleMs: number } {
  const bare: number[] = [];
  const bundle: number[] = [];
  for (let round = 0; round < rounds + WARMUP_ROUNDS; round++) {
    for (const [samples, args] of [
      [bare, ['-e', '']],
      [bundle, [ACTION_ENTRY]],
    ] as const) {
      const started = performance.now();
      spawnSync(node, args, { stdio: 'ignore', env: { PATH: process.env['PATH'] ?? '' } });
      if (round >= WARMUP_ROUNDS) samples.push(performance.now() - started);
    }
  }
  return { bareMs: median(bare), bundleMs: median(bundle) };
}

const node24 = resolveNode24();
const floorDirectory = mkdtempSync(join(tmpdir(), 'hf-oidc-bench-'));
const floorEntry = join(floorDirectory, 'floor.mjs');
writeFileSync(floorEntry, FLOOR_SOURCE);

const inputs = declaredInputs();
const contenders: Contender[] = [
  { name: 'floor (plain node:http reference)', entry: floorEntry, inputs: {} },
  { name: 'action, default inputs', entry: ACTION_ENTRY, inputs: {} },
];
if (inputs.has('verify'))
  contenders.push({ name: 'action, verify: true', entry: ACTION_ENTRY, inputs: { verify: 'true' } });
if (inputs.has('git-credentials')) {
  contenders.push({
    name: 'action, git-credentials: true',
    entry: ACTION_ENTRY,
    inputs: { 'git-credentials': 'true' },
  });
}

const services = await startLocalServices();
const samples = new Map<string, Sample[]>(contenders.map((contender) => [contender.name, []]));
try {
  console.log(
    `Node ${execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim()}, ${WARMUP_ROUNDS} warm-up + ` +
      `${ROUNDS} rounds, ${contenders.length} contenders alternating…`,
  );
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    // Rotate the order each round so no contender always runs first after a pause.
    const order = contenders.map((_, index) => contenders[(index + round) % contenders.length]);
    for (const contender of order) {
      if (!contender) continue;
      const sample = await measure(services, node24, contender);
      if (round >= WARMUP_ROUNDS) samples.get(contender.name)?.push(sample);
    }
  }
} finally {
  await services.stop();
  rmSync(floorDirectory, { recursive: true, force: true });
}

const floorWall = median(samples.get(contenders[0]?.name ?? '')?.map((sample) => sample.wallMs) ?? []);
const floorRss = median(
  samples.get(contenders[0]?.name ?? '')?.flatMap((sample) => (sample.peakRssKb ? [sample.peakRssKb] : [])) ?? [],
);
const rows = contenders.map((contender) => {
  const runs = samples.get(contender.name) ?? [];
  const walls = runs.map((sample) => sample.wallMs);
  const rss = runs.flatMap((sample) => (sample.peakRssKb ? [sample.peakRssKb] : []));
  const wall = median(walls);
  const memory = rss.length ? median(rss) : Number.NaN;
  const cells = [
    contender.name,
    wall.toFixed(0),
    Math.min(...walls).toFixed(0),
    Math.max(...walls).toFixed(0),
    `${(wall / floorWall).toFixed(2)}×`,
    Number.isNaN(memory) ? 'n/a' : (memory / 1024).toFixed(1),
    Number.isNaN(memory) ? 'n/a' : `${(memory / floorRss).toFixed(2)}×`,
  ];
  return `| ${cells.join(' | ')} |`;
});
const sizes = bundleSizes();
const imports = importTimes(node24, ROUNDS);
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on Node ` +
    `${execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim()}, ${ROUNDS} rounds after ${WARMUP_ROUNDS} ` +
    `warm-up rounds, contenders alternating.`,
  '',
  '| contender | median ms | min ms | max ms | median / floor | peak RSS MiB (median) | RSS / floor |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
  '',
  '| bundle | value |',
  '| --- | ---: |',
  `| \`dist/index.js\` (the default path loads only this file) | ${(sizes.defaultPathBytes / 1024).toFixed(0)} KiB |`,
  `| all of \`dist/\` JavaScript (${sizes.files.length} files; the rest load only when used) | ` +
    `${(sizes.totalBytes / 1024).toFixed(0)} KiB |`,
  `| \`node -e ''\` (bare Node start, median) | ${imports.bareMs.toFixed(0)} ms |`,
  `| \`node dist/index.js\` with no inputs (load, then stop at input validation; median) | ` +
    `${imports.bundleMs.toFixed(0)} ms |`,
  `| cost of loading the bundle (difference) | ${(imports.bundleMs - imports.bareMs).toFixed(0)} ms |`,
].join('\n');
console.log(`\n${table}`);

if (process.argv.includes('--write')) {
  console.log(`\nWrote the table to ${writeBenchmarkTable('bench', table)}.`);
}
