// dist/ ships the licences of what it bundles: dist/licenses.txt names every runtime dependency and
// every package npm installs for production, each with its licence text, and is exactly what
// `npm run build` writes from the current package-lock.json.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  licensesText,
  listProductionPackages,
  readBundleAliases,
  renderLicenses,
} from '../../scripts/third-party-licenses.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const STALE = 'dist/licenses.txt is not what the build writes: run `npm run build` and commit dist/';

/** The `name version` lines that open each entry of licenses.txt. */
function entryNames(licensesTxt: string): string[] {
  return [...licensesTxt.matchAll(/^={80}\n(\S+) \S+\nLicense: /gm)].map((match) => match[1]!);
}

describe('dist/licenses.txt', () => {
  const licensesTxt = read('dist/licenses.txt');
  const manifest = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };

  it('names every runtime dependency in package.json', () => {
    const runtime = Object.keys(manifest.dependencies);
    expect(runtime.length).toBeGreaterThan(0);
    expect(
      runtime.filter((name) => !entryNames(licensesTxt).includes(name)),
      STALE,
    ).toEqual([]);
  });

  it('names every package npm installs for production (a superset of what ncc bundles), except those replaced at bundle time', () => {
    const replaced = new Set(readBundleAliases(root).keys());
    const production = listProductionPackages(JSON.parse(read('package-lock.json')), replaced);
    expect(production.length).toBeGreaterThan(Object.keys(manifest.dependencies).length);
    const named = entryNames(licensesTxt);
    expect(
      production.filter((pkg) => !pkg.optional && !named.includes(pkg.name)).map((pkg) => pkg.name),
      STALE,
    ).toEqual([]);
  });

  it('leaves out undici, which npm installs but the bundle replaces with stubs/undici, and says so', () => {
    expect(readBundleAliases(root).get('undici')).toBe('./stubs/undici/index.js');
    expect(entryNames(licensesTxt)).not.toContain('undici');
    expect(licensesTxt).toContain('Not bundled, and so not listed: undici');
  });

  it('is exactly what the build generates from package-lock.json and node_modules', () => {
    expect(licensesTxt === licensesText(root).text, STALE).toBe(true);
  });
});

describe('the licence list generator', () => {
  const lockfile = {
    lockfileVersion: 3,
    packages: {
      '': { name: 'x', dependencies: { a: '1' } },
      'node_modules/a': { version: '1.0.0', license: 'MIT' },
      'node_modules/@scope/b': { version: '2.0.0', license: 'ISC' },
      'node_modules/a/node_modules/@scope/b': { version: '1.0.0', license: 'ISC' },
      'node_modules/other/node_modules/@scope/b': { version: '1.0.0', license: 'ISC' },
      'node_modules/dev-only': { version: '1.0.0', license: 'MIT', dev: true },
      'node_modules/fsevents': { version: '2.3.3', license: 'MIT', devOptional: true, optional: true },
      'node_modules/maybe': { version: '1.0.0', license: 'MIT', optional: true },
    },
  };

  it('drops the packages it is told the bundle replaces', () => {
    expect(listProductionPackages(lockfile, new Set(['a'])).map((pkg) => pkg.name)).toEqual([
      '@scope/b',
      '@scope/b',
      'maybe',
    ]);
  });

  it('keeps production packages, nested ones included, once per name and version; drops dev-only ones', () => {
    expect(
      listProductionPackages(lockfile).map((pkg) => `${pkg.name}@${pkg.version}${pkg.optional ? '?' : ''}`),
    ).toEqual(['@scope/b@1.0.0', '@scope/b@2.0.0', 'a@1.0.0', 'maybe@1.0.0?']);
  });

  it('refuses a lockfile without "packages"', () => {
    expect(() => listProductionPackages({ lockfileVersion: 1, dependencies: {} })).toThrow(/lockfileVersion 2/);
  });

  it('renders entries the test above can find', () => {
    const text = renderLicenses([
      { path: 'node_modules/a', name: 'a', version: '1.0.0', license: 'MIT', optional: false, text: 'MIT text\n' },
    ]);
    expect(entryNames(text)).toEqual(['a']);
    expect(text).toContain('License: MIT');
    expect(text).toContain('MIT text');
  });
});
