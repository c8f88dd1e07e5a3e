// Finds Node 24, the `node24` runtime action.yml declares, for the end-to-end tests and the
// benchmarks: they run the bundle on the runtime users get, whatever Node runs the tests. In order:
// the Node running the tests if it is 24, the binary HF_OIDC_TEST_NODE24 names, a copy npm already
// holds in its cache, or a download (`npx -y node@24`, once; later runs find it in the cache).
// In CI (`CI=true`, or HF_OIDC_TEST_NODE24=fetch) a Node 24 that cannot be found or fetched is an
// error: a skipped run of the users' runtime is a test that cannot fail. Elsewhere (a contributor
// offline) it is reported as missing, and the caller says so.

import { execFileSync } from 'node:child_process';

/** Names a Node 24 binary for the tests, or `fetch` (what CI sets: fetch it, or fail). */
export const NODE24_VARIABLE = 'HF_OIDC_TEST_NODE24';

export type Node24 = { path: string; missing?: undefined } | { path?: undefined; missing: string };

/** npx is a .cmd script on Windows, which Node runs only through a shell. */
const SHELL = process.platform === 'win32';

function versionOf(path: string): string {
  return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
}

/** `npx [--offline] -y node@24 -p process.execPath`: the path of a Node 24 npm fetched or cached. */
function nodeFromNpx(offline: boolean): string {
  const args = [...(offline ? ['--offline'] : []), '-y', 'node@24', '-p', 'process.execPath'];
  return execFileSync('npx', args, {
    encoding: 'utf8',
    timeout: offline ? 60_000 : 300_000,
    stdio: ['ignore', 'pipe', offline ? 'pipe' : 'inherit'],
    shell: SHELL,
  }).trim();
}

/** True where a missing Node 24 must fail the run rather than be skipped. */
export function mustHaveNode24(): boolean {
  return process.env['CI'] === 'true' || process.env[NODE24_VARIABLE] === 'fetch';
}

/**
 * Finds Node 24 as described above, fetching it when it is missing. Throws when a binary that was
 * named is not Node 24, or, in CI, when none can be found or fetched.
 */
export function findNode24(): Node24 {
  if (process.versions.node.startsWith('24.')) return { path: process.execPath };
  const setting = process.env[NODE24_VARIABLE] ?? '';
  if (setting !== '' && setting !== 'fetch') {
    const version = versionOf(setting);
    if (!version.startsWith('v24.')) throw new Error(`${NODE24_VARIABLE}=${setting} is Node ${version}, not Node 24`);
    return { path: setting };
  }
  try {
    const cached = nodeFromNpx(true);
    if (versionOf(cached).startsWith('v24.')) return { path: cached };
  } catch {
    // Not in npm's cache: fetch it.
  }
  let reason: string;
  try {
    console.warn(
      "Node 24 (the runtime action.yml declares) is not in npm's cache: fetching it with `npx -y node@24`...",
    );
    const fetched = nodeFromNpx(false);
    const version = versionOf(fetched);
    if (version.startsWith('v24.')) return { path: fetched };
    reason = `npx -y node@24 gave ${version} at ${fetched}`;
  } catch (error) {
    reason = `npx -y node@24 failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''}`;
  }
  const missing =
    `Node 24 is neither the Node running the tests (${process.versions.node}) nor in npm's cache, and ${reason}. ` +
    `Run \`npx -y node@24 --version\` once while online, or set ${NODE24_VARIABLE} to a Node 24 binary.`;
  if (mustHaveNode24()) throw new Error(`${missing} (CI never runs the end-to-end tests without it.)`);
  return { missing };
}

/** Node 24, or an error saying why there is none (for `npm run bench` and `npm run bench:upload`). */
export function resolveNode24(): string {
  const found = findNode24();
  if (found.path === undefined) throw new Error(found.missing);
  return found.path;
}
