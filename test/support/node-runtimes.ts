// The Node versions the end-to-end suite runs the bundle on: the one running the tests (20 on this
// machine) and Node 24, the `node24` runtime action.yml declares, fetched from the package registry
// with `npx -y node@24` once per test run (vitest globalSetup) and cached by npm afterwards.

import { execFileSync } from 'node:child_process';

export function resolveNode24(): string {
  const path = execFileSync('npx', ['-y', 'node@24', '-p', 'process.execPath'], {
    encoding: 'utf8',
    timeout: 300_000,
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith('v24.')) throw new Error(`npx -y node@24 gave ${version} at ${path}`);
  return path;
}
