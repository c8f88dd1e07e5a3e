import { defineConfig } from 'vitest/config';

// Two projects. `unit`: the pure parts, on the Node running the tests, no dist/, no network
// (`npm run test:unit`). `e2e`: the committed dist/ run as the runner runs it, on Node 24 (the
// runtime action.yml declares; fetched if missing), against local servers, plus checks of the bundle
// itself (`npm run test:e2e`). `npm test` runs both.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: end-to-end files spawn processes and time their retries; keep contention low.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          setupFiles: ['test/e2e/setup.ts'],
        },
      },
    ],
  },
});
