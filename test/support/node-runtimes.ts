// The Node versions the end-to-end suite runs the bundle on: the one running the tests, and Node 24,
// the `node24` runtime action.yml declares. Node 24 is found without any network access: the Node
// running the tests if it is 24, the binary named by HF_OIDC_TEST_NODE24, or a copy npm already
// holds in its cache (`npx -y node@24` put it there once, online). With HF_OIDC_TEST_NODE24=fetch it
// may also be fetched from the package registry, as CI does; otherwise a missing Node 24 is reported,
// and the caller decides whether that is a skip (the tests) or an error (the benchmark).

import { execFileSync } from 'node:child_process';

/** Names a Node 24 binary for the tests, or says `fetch` to allow the download. */
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

/**
 * Finds Node 24 as described above. `fetch` allows the registry download even when
 * HF_OIDC_TEST_NODE24 does not ask for it. Throws when a binary that was named is not Node 24.
 */
export function findNode24(options: { fetch?: boolean } = {}): Node24 {
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
    // Not in npm's cache: fetch it if allowed, else report it missing.
  }
  if (options.fetch || setting === 'fetch') {
    const fetched = nodeFromNpx(false);
    const version = versionOf(fetched);
    if (!version.startsWith('v24.')) throw new Error(`npx -y node@24 gave ${version} at ${fetched}`);
    return { path: fetched };
  }
  return {
    missing:
      'Node 24 is not available offline (the tests run on Node ' +
      `${process.versions.node}, ${NODE24_VARIABLE} is unset, and npm's cache holds no node@24). ` +
      'To include it: run `npx -y node@24 --version` once while online, or set ' +
      `${NODE24_VARIABLE} to a Node 24 binary, or ${NODE24_VARIABLE}=fetch.`,
  };
}

/** Node 24, fetched from the package registry if need be (for `npm run bench`). */
export function resolveNode24(): string {
  const found = findNode24({ fetch: true });
  if (found.path === undefined) throw new Error(found.missing);
  return found.path;
}
