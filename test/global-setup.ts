// Runs once before the suite: resolves the Node 24 binary for the end-to-end tests, and refuses to
// run them against a missing bundle.
import { existsSync } from 'node:fs';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { resolveNode24 } from './support/node-runtimes.js';
import { ACTION_ENTRY } from './support/run-action.js';

declare module 'vitest' {
  export interface ProvidedContext {
    node24: string;
  }
}

export default function setup(project: TestProject): void {
  if (!existsSync(ACTION_ENTRY)) throw new Error(`${ACTION_ENTRY} is missing: run \`npm run build\`.`);
  project.provide('node24', resolveNode24());
}
