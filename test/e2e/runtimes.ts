// The runtimes every end-to-end scenario runs on: the Node running the tests, and Node 24 (the
// runtime action.yml declares) when it is another Node and is available (test/e2e/global-setup.ts says
// so when it is not).
import { inject } from 'vitest';

const current = { name: `node ${process.versions.node.split('.')[0] ?? '?'}`, node: process.execPath };
const node24 = inject('node24');

export const RUNTIMES: ReadonlyArray<{ name: string; node: string }> =
  node24 === '' || node24 === process.execPath ? [current] : [current, { name: 'node 24', node: node24 }];
