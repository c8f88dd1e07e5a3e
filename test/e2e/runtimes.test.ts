// Says, in the test report, whether the end-to-end tests ran the bundle on Node 24 (the runtime
// action.yml declares) or skipped it because no Node 24 was available offline, and why.
import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { RUNTIMES } from './runtimes.js';

describe('the end-to-end runtimes', () => {
  const missing = inject('node24Missing');

  it.skipIf(missing !== '')(
    `include Node 24, the runtime action.yml declares${missing === '' ? '' : ` (SKIPPED: ${missing})`}`,
    () => {
      const versions = RUNTIMES.map((runtime) =>
        execFileSync(runtime.node, ['--version'], { encoding: 'utf8' }).trim(),
      );
      expect(versions.filter((version) => version.startsWith('v24.'))).toHaveLength(1);
    },
  );
});
