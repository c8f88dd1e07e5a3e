import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_NAME, ACTION_VERSION, USER_AGENT } from '../../src/http/user-agent.js';

describe('version', () => {
  it('matches package.json, so the User-Agent names the released version', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(ACTION_NAME).toBe(manifest.name);
    expect(ACTION_VERSION).toBe(manifest.version);
    expect(USER_AGENT.startsWith(`${manifest.name}/${manifest.version} `)).toBe(true);
  });
});
