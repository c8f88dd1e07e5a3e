// Says, in the test report, whether the end-to-end tests ran the bundle on Node 24 (the runtime
// action.yml declares), or, outside CI, on the Node running the tests because no Node 24 could be
// found or fetched, and why. In CI a missing Node 24 fails the run before this file.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_NODE_VARIABLE, REPOSITORY_ROOT } from '../support/run-action.js';
import { ACTION_RUNTIME } from './runtimes.js';

describe('the end-to-end runtime', () => {
  const missing = inject('node24Missing');

  it.skipIf(missing !== '')(
    `is Node 24, the runtime action.yml declares${missing === '' ? '' : ` (SKIPPED: ${missing})`}`,
    () => {
      const manifest = parse(readFileSync(join(REPOSITORY_ROOT, 'action.yml'), 'utf8')) as { runs: { using: string } };
      const declared = /^node(\d+)$/.exec(manifest.runs.using)?.[1];
      expect(declared, `action.yml runs.using: ${manifest.runs.using}`).toBe('24');
      const version = execFileSync(ACTION_RUNTIME.node, ['--version'], { encoding: 'utf8' }).trim();
      expect(version.startsWith(`v${declared ?? '?'}.`), version).toBe(true);
      expect(process.env[ACTION_NODE_VARIABLE]).toBe(ACTION_RUNTIME.node);
    },
  );
});
