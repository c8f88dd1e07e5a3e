// `npm run startup-time`: how long the default path of the bundled action takes, start to exit, as
// the runner runs it (a fresh `node dist/index.js` per run) against the local issuer and Hub. Used to
// show that an opt-in feature (git-credentials, verify) does not slow down users who leave it off.
//
// To compare two builds, pass their entry files; runs alternate between them so that load from
// other processes on the machine hits both alike:
//   ENTRIES=/tmp/dist-before/index.js,dist/index.js RUNS=40 npm run startup-time
// It also times the post step of a job that did not use git-credentials (it runs in every job).

import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startLocalServices } from '../test/support/local-services.js';
import { ACTION_ENTRY, POST_ENTRY, runAction } from '../test/support/run-action.js';

const RUNS = Number(process.env['RUNS'] ?? '20');
const WARM_UP_RUNS = 2;
const entries = (process.env['ENTRIES'] ?? ACTION_ENTRY).split(',').map((entry) => resolve(entry));

function describeTimes(durations: number[]): string {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return `median ${at(0.5).toFixed(1)} ms, mean ${mean.toFixed(1)} ms, min ${(sorted[0] ?? Number.NaN).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms`;
}

/** Bytes of the entry and of every chunk next to it (chunks load only on the paths that import them). */
function describeSizes(entry: string): string {
  const chunks = readdirSync(dirname(entry)).filter((file) => /^\d+\.index\.js$/.test(file));
  const chunkBytes = chunks.reduce((sum, file) => sum + statSync(join(dirname(entry), file)).size, 0);
  return `${statSync(entry).size} bytes; ${chunks.length} lazily loaded chunk(s) beside it, ${chunkBytes} bytes`;
}

const services = await startLocalServices();
try {
  const durations = new Map<string, number[]>(entries.map((entry) => [entry, []]));
  for (let run = 0; run < WARM_UP_RUNS + RUNS; run++) {
    for (const entry of entries) {
      const result = await runAction({ ...services.runOptions({ resource: 'acme/awesome-model' }), entry });
      if (result.exitCode !== 0) throw new Error(`run ${run} of ${entry} failed:\n${result.stdout}`);
      if (run >= WARM_UP_RUNS) durations.get(entry)?.push(result.durationMs);
    }
  }
  console.log(`Default path, ${RUNS} runs each, Node ${process.versions.node}:`);
  for (const [entry, times] of durations) {
    console.log(`  ${entry}\n    ${describeTimes(times)}\n    ${describeSizes(entry)}`);
  }
  if (existsSync(POST_ENTRY)) {
    const postTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) postTimes.push((await runAction({ entry: POST_ENTRY })).durationMs);
    console.log(`Post step without git-credentials (${POST_ENTRY}):\n    ${describeTimes(postTimes)}\n    ${statSync(POST_ENTRY).size} bytes`);
  }
} finally {
  await services.stop();
}
