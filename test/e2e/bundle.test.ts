// Guards on what the default path loads (see BENCHMARKS.md and stubs/undici/README.md), and on the
// failure mode of a bundle built from a broken install: a module ncc could not resolve becomes
// `eval("require")("name")`, which throws "require is not defined in ES module scope" on load.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLES } from '../../scripts/build.js';
import { ACTION_ENTRY, REPOSITORY_ROOT } from '../support/run-action.js';

/** The default path is ~91 KiB; a guard close above it, so an accidental static import (Octokit, @huggingface/hub) fails here. */
const MAX_DEFAULT_PATH_BYTES = 110 * 1024;
const STUB_MARKER = 'this bundle replaces undici with a stub';
/** An error code that appears throughout undici's source, and nowhere else in the bundle. */
const UNDICI_MARKER = 'UND_ERR_';

/** Every JavaScript file of one bundle's folder (its entry and the chunks ncc split off). */
function bundleFiles(outDir: string): string[] {
  const directory = join(REPOSITORY_ROOT, outDir);
  return readdirSync(directory)
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(directory, file));
}

describe('the bundle', () => {
  const entry = readFileSync(ACTION_ENTRY, 'utf8');

  it(`keeps the default path under ${MAX_DEFAULT_PATH_BYTES / 1024} KiB`, () => {
    expect(statSync(ACTION_ENTRY).size).toBeLessThan(MAX_DEFAULT_PATH_BYTES);
  });

  it('carries the undici stand-in, not undici', () => {
    expect(entry).toContain(STUB_MARKER);
    expect(entry).not.toContain(UNDICI_MARKER);
  });

  it.each(BUNDLES)(
    '$outDir: every file was built, none carries undici, none requires a module ncc could not resolve',
    ({ outDir }) => {
      expect(
        existsSync(join(REPOSITORY_ROOT, outDir, 'index.js')),
        `${outDir}/index.js is missing: run npm run build`,
      ).toBe(true);
      const files = bundleFiles(outDir);
      const text = files.map((file) => readFileSync(file, 'utf8')).join('\n');
      expect(text).toContain(STUB_MARKER);
      expect(files.filter((file) => readFileSync(file, 'utf8').includes(UNDICI_MARKER))).toEqual([]);
      expect(text.match(/eval\("require"\)\("[^"]*"\)/g) ?? []).toEqual([]);
    },
  );

  it('loads the upload code and @huggingface/hub only when `upload` is set', () => {
    expect(entry).not.toContain('Published from GitHub Actions');
    expect(entry).not.toContain('info/lfs/objects/batch');
  });

  it('loads @actions/github (Octokit) only on the failure path that needs it', () => {
    expect(entry).not.toContain('@octokit');
    expect(entry).not.toContain('api.github.com/graphql');
  });
});
