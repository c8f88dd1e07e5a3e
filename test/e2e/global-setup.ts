// Runs once before the suite: finds the Node 24 binary for the end-to-end tests (without network
// access unless HF_OIDC_TEST_NODE24=fetch; see support/node-runtimes.ts), and refuses to run them
// against a missing bundle.
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
    console.warn(`\nSKIPPING the end-to-end runs on Node 24: ${node24.missing}\n`);
  }
  project.provide('node24', node24.path ?? '');
  project.provide('node24Missing', node24.missing ?? '');
}
