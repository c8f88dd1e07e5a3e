// The local services as a vitest fixture: each test that names `services` gets a fresh GitHub OIDC
// issuer and Hub on loopback, stopped after the test whatever its outcome.

import { test as base } from 'vitest';
import { startLocalServices, type LocalServices } from '../support/local-services.js';

export const test = base.extend<{ services: LocalServices }>({
  // vitest reads a fixture's dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  services: async ({}, use) => {
    const services = await startLocalServices();
    try {
      await use(services);
    } finally {
      await services.stop();
    }
  },
});
