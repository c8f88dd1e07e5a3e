// Runs once before the suite: refuses to test a missing bundle, and finds Node 24, the runtime
// action.yml declares and the only one the end-to-end tests run the bundle on (fetching it if need
// be; in CI, failing without it: see support/node-runtimes.ts).
import { existsSync } from 'node:fs';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { findNode24 } from '../support/node-runtimes.js';
import { ACTION_ENTRY } from '../support/run-action.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Node 24 binary, or '' when none is available (then node24Missing says why). */
    node24: string;
    node24Missing: string;
  }
}

export default function setup(project: TestProject): void {
  if (!existsSync(ACTION_ENTRY)) throw new Error(`${ACTION_ENTRY} is missing: run \`npm run build\`.`);
  const node24 = findNode24();
  if (node24.missing !== undefined) {
    console.warn(
      `\nNOT NODE 24: the end-to-end tests run the bundle on Node ${process.versions.node} instead, ` +
        `and the Node 24 check is reported as skipped. ${node24.missing}\n`,
    );
  }
  project.provide('node24', node24.path ?? '');
  project.provide('node24Missing', node24.missing ?? '');
}
