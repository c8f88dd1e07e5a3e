// The runtimes every end-to-end scenario runs on: the Node running the tests, and Node 24.
import { inject } from 'vitest';

export const RUNTIMES: ReadonlyArray<{ name: string; node: string }> = [
  { name: `node ${process.versions.node.split('.')[0] ?? '?'}`, node: process.execPath },
  { name: 'node 24', node: inject('node24') },
];
