// The upload's pieces run in process (src/, not dist/) against the local Hub's commit API and its
// storage host on loopback: a fixture with a repository, a Hub token the Hub knows, a folder to
// fill, and the contexts the pieces take (transport, HubApi, settings), logging into an array.

import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { test as base } from 'vitest';
import { parseHubUrl } from '../../src/hub/hub-url.js';
import { HubApi } from '../../src/upload/hub-api.js';
import { planUpload, type PlannedFile } from '../../src/upload/plan.js';
import type { PlannedSource } from '../../src/upload/planned-file.js';
import type { UploadSettings } from '../../src/upload/settings.js';
import { UploadTransport, type HubTokens } from '../../src/upload/transport.js';
import { closeIdleConnections } from '../../src/http/agents.js';
import { HubCommitApi } from '../support/hub-commit-api.js';
import { startLocalServices, type LocalServices } from '../support/local-services.js';

export const REPO = 'acme/awesome-model';
export const KiB = 1024;
export const MiB = 1024 * KiB;

export interface UploadHarness {
  readonly services: LocalServices;
  readonly api: HubCommitApi;
  readonly hubUrl: URL;
  /** A write token for REPO that the local Hub accepts. */
  readonly token: string;
  readonly tokens: HubTokens;
  /** Every line the pieces logged. */
  readonly log: string[];
  /** The folder the files are written to. */
  readonly folder: string;
  /** Writes files below the folder (`a/b.txt`). */
  write(files: Record<string, string | Uint8Array>): void;
  /** A file below the folder as the plan describes it (path, size, device and inode now). */
  planned(path: string): PlannedSource;
  /** The upload settings for the folder (upload: folder, revision main, …), with `overrides`. */
  settings(overrides?: Partial<UploadSettings>): UploadSettings;
  /** The folder's files as `upload` plans them. */
  plan(overrides?: Partial<UploadSettings>): Promise<readonly PlannedFile[]>;
  transport(options?: { maxAttempts?: number; idleMs?: number }): UploadTransport;
  hubApi(transport: UploadTransport, overrides?: Partial<UploadSettings>): HubApi;
}

export const test = base.extend<{ hub: UploadHarness }>({
  // eslint-disable-next-line no-empty-pattern
  hub: async ({}, use) => {
    const services = await startLocalServices();
    const api = await HubCommitApi.start(services.hub);
    api.createRepo(REPO);
    const token = `hf_jwt_${randomBytes(24).toString('base64url')}`;
    services.hub.issuedTokens.push({ token, resource: REPO, expiresAt: Date.now() + 3600_000 });
    const folder = mkdtempSync(join(tmpdir(), 'hf-oidc-upload-'));
    const hubUrl = parseHubUrl(services.hub.url, 'hub-url');
    const log: string[] = [];
    const tokens: HubTokens = { accessToken: () => Promise.resolve(token), secrets: () => [token] };
    const settings = (overrides: Partial<UploadSettings> = {}): UploadSettings => ({
      given: folder,
      localPath: folder,
      workspace: undefined,
      pathInRepo: undefined,
      pathInRepoIsFolder: false,
      include: [],
      exclude: [],
      deletePatterns: [],
      commitMessage: undefined,
      commitDescription: '',
      revision: 'main',
      createPr: false,
      repo: { kind: 'model', namespace: 'acme', name: 'awesome-model' },
      ...overrides,
    });
    const transport = (options: { maxAttempts?: number; idleMs?: number } = {}): UploadTransport =>
      new UploadTransport({
        hubUrl,
        tokens,
        maxAttempts: options.maxAttempts ?? 3,
        idleMs: options.idleMs ?? 5_000,
        log: (line) => log.push(line),
      });
    try {
      await use({
        services,
        api,
        hubUrl,
        token,
        tokens,
        log,
        folder,
        write: (files) => {
          for (const [path, content] of Object.entries(files)) {
            mkdirSync(dirname(join(folder, path)), { recursive: true });
            writeFileSync(join(folder, path), content);
          }
        },
        planned: (path) => {
          const stats = statSync(join(folder, path), { bigint: true });
          return {
            pathInRepo: path,
            localPath: join(folder, path),
            size: Number(stats.size),
            identity: { device: stats.dev, inode: stats.ino },
          };
        },
        settings,
        plan: async (overrides) => (await planUpload(settings(overrides))).files,
        transport,
        hubApi: (inner, overrides) => new HubApi(inner, settings(overrides), hubUrl, () => [token]),
      });
    } finally {
      closeIdleConnections();
      rmSync(folder, { recursive: true, force: true });
      await api.stop();
      await services.stop();
    }
  },
});
