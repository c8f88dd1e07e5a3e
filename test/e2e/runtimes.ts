// The runtime the end-to-end tests run the bundle on: Node 24, the `node24` runtime action.yml
// declares (global-setup.ts finds or fetches it). Only outside CI, when Node 24 can be neither found
// nor fetched, is it the Node running the tests, and runtimes.test.ts reports the Node 24 check as
// skipped. setup.ts makes it the default of every run of dist/ (support/run-action.ts).
import { inject } from 'vitest';

const node24 = inject('node24');

export const ACTION_RUNTIME: { name: string; node: string } =
  node24 === ''
    ? { name: `node ${process.versions.node.split('.')[0] ?? '?'}`, node: process.execPath }
    : { name: 'node 24', node: node24 };

/** The runtimes the per-runtime blocks run on: the action's only (a list so those blocks read alike). */
export const RUNTIMES: ReadonlyArray<{ name: string; node: string }> = [ACTION_RUNTIME];
