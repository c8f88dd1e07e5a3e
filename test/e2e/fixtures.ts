// The local services as a vitest fixture: each test that names `services` gets a fresh GitHub OIDC
// issuer and Hub on loopback, stopped after the test whatever its outcome; a test that names
// `commitApi` also gets the Hub's commit API and its storage host attached to that Hub (no
// repository yet: the test creates what it needs, and sets `commitApi.options`).

import { test as base } from 'vitest';
import { HubCommitApi } from '../support/hub-commit-api.js';
import { startLocalServices, type LocalServices } from '../support/local-services.js';

export const test = base.extend<{ services: LocalServices; commitApi: HubCommitApi }>({
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
  commitApi: async ({ services }, use) => {
    const api = await HubCommitApi.start(services.hub);
    try {
      await use(api);
    } finally {
      await api.stop();
    }
  },
});
