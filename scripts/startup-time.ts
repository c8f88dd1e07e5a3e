// `npm run startup-time`: how long the default path of the bundled action takes, start to exit, as
// the runner runs it (a fresh `node dist/index.js` per run) against the local issuer and Hub. Used to
// show that an opt-in feature (git-credentials, verify) does not slow down users who leave it off:
// run it before and after a change and compare the medians. Also prints the size of what the default
// path loads (dist/index.js; lazily imported chunks load only on the paths that need them).

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalServices } from '../test/support/local-services.js';
import { ACTION_ENTRY, REPOSITORY_ROOT, runAction } from '../test/support/run-action.js';

const RUNS = Number(process.env['RUNS'] ?? '20');
const WARM_UP_RUNS = 2;

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

const services = await startLocalServices();
try {
  const durations: number[] = [];
  for (let run = 0; run < WARM_UP_RUNS + RUNS; run++) {
    const result = await runAction(services.runOptions({ resource: 'acme/awesome-model' }));
    if (result.exitCode !== 0) throw new Error(`run ${run} failed:\n${result.stdout}`);
    if (run >= WARM_UP_RUNS) durations.push(result.durationMs);
  }
  durations.sort((a, b) => a - b);
  const mean = durations.reduce((sum, value) => sum + value, 0) / durations.length;
  console.log(`default path, ${RUNS} runs of node ${join('dist', 'index.js')} (Node ${process.versions.node}):`);
  console.log(
    `  median ${percentile(durations, 0.5).toFixed(1)} ms, mean ${mean.toFixed(1)} ms, ` +
      `min ${(durations[0] ?? Number.NaN).toFixed(1)} ms, p90 ${percentile(durations, 0.9).toFixed(1)} ms`,
  );
  console.log(`  dist/index.js: ${statSync(ACTION_ENTRY).size} bytes (repository ${REPOSITORY_ROOT})`);
} finally {
  await services.stop();
}
