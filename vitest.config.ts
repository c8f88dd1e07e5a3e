import { defineConfig } from 'vitest/config';

// Three projects. `unit`: the pure parts, no dist/, no network, no second Node (`npm run test:unit`).
// `integration`: src/ in process against the local servers on loopback (`npm run test:integration`).
// `e2e`: the committed dist/ run as the runner runs it, on this Node and on Node 24, against local
// servers, plus checks of the bundle itself (`npm run test:e2e`). `npm test` runs them all.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: end-to-end files spawn processes and time their retries; keep contention low.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/global-setup.ts'] },
      },
    ],
  },
});
