import { defineConfig } from 'vitest/config';

// Three projects. `unit`: the pure parts, no dist/, no network, no second Node (`npm run test:unit`).
// `integration`: src/ run in this process against the local Hub and loopback servers
// (test/support/), with an injected clock where time matters (`npm run test:integration`). `e2e`:
// the committed dist/ run as the runner runs it, on this Node and on Node 24, against local servers,
// plus checks of the bundle itself (`npm run test:e2e`): only what the bundle alone can prove.
// `npm test` runs all three, with coverage of src/ (the minified bundle cannot be traced back to
// src/, so coverage comes from unit and integration; the floors below fail the run if it drops).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: end-to-end files spawn processes and time their retries; keep contention low.
    maxWorkers: 2,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The bundle entries only wire (import run(), call it); e2e runs them through dist/.
      exclude: ['src/entries/**'],
      reporter: ['text-summary', 'text'],
      // Floors: what was measured on 2026-12-02 when the integration project was added, rounded
      // down (all of src/: 81% of lines; src/http: 95%; src/upload: 85%). Raise them as tests are
      // added; never lower one to let a change pass. src/upload is being rewritten (issue 15): its
      // floor is what its current code measured, below the 90% aimed at.
      thresholds: {
        lines: 80,
        statements: 78,
        functions: 82,
        branches: 65,
        'src/http/**': { lines: 93, statements: 93, functions: 93, branches: 86 },
        'src/upload/**': { lines: 84, statements: 81, functions: 86, branches: 67 },
      },
    },
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
