// Guards on what the default path loads (see BENCHMARKS.md and stubs/undici/README.md).
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_ENTRY } from '../support/run-action.js';

const MAX_DEFAULT_PATH_BYTES = 600 * 1024;

describe('the bundle', () => {
  const entry = readFileSync(ACTION_ENTRY, 'utf8');

  it(`keeps the default path under ${MAX_DEFAULT_PATH_BYTES / 1024} KiB`, () => {
    expect(statSync(ACTION_ENTRY).size).toBeLessThan(MAX_DEFAULT_PATH_BYTES);
  });

  it('carries the undici stand-in, not undici', () => {
    expect(entry).toContain('this bundle replaces undici with a stub');
    expect(entry).not.toContain('UND_ERR_');
  });

  it('loads the upload code and @huggingface/hub only when `upload` is set', () => {
    expect(entry).not.toContain('Published from GitHub Actions');
    expect(entry).not.toContain('info/lfs/objects/batch');
  });

  it('loads @actions/github (Octokit) only on the failure path that needs it', () => {
    expect(entry).not.toContain('@octokit');
    expect(entry).not.toContain('api.github.com/graphql');
  });
});
