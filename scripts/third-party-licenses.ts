// Writes dist/licenses.txt: the licence of every package npm installs for production, which is a
// superset of what ncc bundles into dist/ (ncc can only bundle what src/ imports from those).
// Run by `npm run build` after ncc. Why not `ncc --license licenses.txt`: with ncc 0.45 and these
// ESM packages it listed 2 of the 20 packages it bundled (only @actions/github and
// @actions/http-client; not @actions/core, jose, undici, @octokit/*, …).
// The list comes from package-lock.json, so it is the same on every machine that ran `npm ci`.
// Packages that tsconfig.json's `paths` replace with this repository's own code at bundle time
// (undici → stubs/undici) are installed but never bundled, so they are left out.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export interface ProductionPackage {
  /** Where npm installs it, relative to the repository root, e.g. `node_modules/@actions/core`. */
  path: string;
  name: string;
  version: string;
  license: string;
  /** An optional dependency: npm skips it where it does not apply (another platform). */
  optional: boolean;
}

export interface LicensedPackage extends ProductionPackage {
  /** The package's licence file, or a note saying it ships none. */
  text: string;
}

type Mapping = Record<string, unknown>;
const isMapping = (value: unknown): value is Mapping =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The installed name of a lockfile `packages` key: the part after its last `node_modules/`. */
function nameFromPath(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/**
 * The packages the bundler replaces with local code: the bare package names that tsconfig.json's
 * `compilerOptions.paths` maps (ncc resolves through them for every importer), with their targets.
 */
export function readBundleAliases(root: string): Map<string, string> {
  const { config, error } = ts.readConfigFile(join(root, 'tsconfig.json'), (path) => ts.sys.readFile(path)) as {
    config?: unknown;
    error?: unknown;
  };
  if (error !== undefined || !isMapping(config)) throw new Error('tsconfig.json: cannot be read');
  const options = config['compilerOptions'];
  const paths = isMapping(options) ? (options['paths'] ?? {}) : {};
  if (!isMapping(paths)) throw new Error('tsconfig.json: compilerOptions.paths must be a mapping');
  const aliases = new Map<string, string>();
  for (const [name, targets] of Object.entries(paths)) {
    if (name.includes('*') || !Array.isArray(targets) || typeof targets[0] !== 'string') continue;
    aliases.set(name, targets[0]);
  }
  return aliases;
}

/**
 * Every non-development package of a package-lock.json (lockfileVersion 2 or 3), sorted by name and
 * version, one entry per name@version; without the packages named in `replaced` (never bundled).
 */
export function listProductionPackages(
  lockfile: unknown,
  replaced: ReadonlySet<string> = new Set(),
): ProductionPackage[] {
  if (!isMapping(lockfile) || !isMapping(lockfile['packages']))
    throw new Error('package-lock.json: no "packages" (lockfileVersion 2 or later is needed)');
  const found = new Map<string, ProductionPackage>();
  for (const [path, entry] of Object.entries(lockfile['packages'])) {
    if (path === '' || !path.includes('node_modules/') || !isMapping(entry)) continue;
    // dev: only devDependencies need it; devOptional: needed by dev dependencies, or optional.
    if (entry['dev'] === true || entry['devOptional'] === true || entry['link'] === true) continue;
    // Local folders (`file:` dependencies) have no version: they are this project's own code, not
    // third-party packages.
    if (typeof entry['version'] !== 'string') continue;
    const name = nameFromPath(path);
    if (replaced.has(name)) continue;
    const version = typeof entry['version'] === 'string' ? entry['version'] : '?';
    const license = typeof entry['license'] === 'string' ? entry['license'] : 'UNKNOWN';
    const key = `${name}@${version}`;
    if (!found.has(key)) found.set(key, { path, name, version, license, optional: entry['optional'] === true });
  }
  return [...found.values()].sort((a, b) =>
    a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1,
  );
}

/** The licence file of an installed package, if it ships one (LICENSE, LICENSE.md, LICENCE, COPYING, license-MIT.txt, …). */
export function readLicenseText(packageDirectory: string): string | undefined {
  if (!existsSync(packageDirectory)) return undefined;
  const candidates = readdirSync(packageDirectory)
    .filter((file) => /^(licen[cs]e|copying)([.-].*)?$/i.test(file))
    .sort();
  const file = candidates[0];
  return file === undefined ? undefined : readFileSync(join(packageDirectory, file), 'utf8');
}

const RULE = '='.repeat(80);

/**
 * The text of licenses.txt. Each entry starts with a line `name version` after a rule of `=`.
 * `replaced` names the packages left out because the bundle carries local code instead.
 */
export function renderLicenses(packages: readonly LicensedPackage[], replaced: readonly string[] = []): string {
  const header = [
    'Third-party software in dist/ (the bundle this action runs)',
    '',
    'The licence of every package npm installs for production from package-lock.json, a superset',
    'of what the bundle contains. Generated by scripts/third-party-licenses.ts (npm run build);',
    'do not edit.',
    ...(replaced.length > 0
      ? [
          '',
          `Not bundled, and so not listed: ${replaced.join(', ')} (replaced at bundle time by this repository's ` +
            `own code, see stubs/).`,
        ]
      : []),
  ].join('\n');
  const entries = packages.map((pkg) =>
    [RULE, `${pkg.name} ${pkg.version}`, `License: ${pkg.license}`, RULE, '', pkg.text.trim(), ''].join('\n'),
  );
  return `${header}\n\n${entries.join('\n')}`;
}

/**
 * Reads package-lock.json and node_modules under `root` and returns every production package with
 * its licence text, except those tsconfig.json's `paths` replace at bundle time.
 */
export function collectLicenses(root: string): LicensedPackage[] {
  const lockfile: unknown = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const licensed: LicensedPackage[] = [];
  for (const pkg of listProductionPackages(lockfile, new Set(readBundleAliases(root).keys()))) {
    const directory = join(root, pkg.path);
    if (!existsSync(directory)) {
      if (pkg.optional) continue; // not installed here, so it cannot be in the bundle built here
      throw new Error(`${pkg.path} is not installed: run npm ci first`);
    }
    const text =
      readLicenseText(directory) ??
      `This package ships no licence file. Its package.json declares the licence "${pkg.license}".`;
    licensed.push({ ...pkg, text });
  }
  return licensed;
}

/** The text of licenses.txt for the repository at `root`: what `npm run build` writes. */
export function licensesText(root: string): { text: string; count: number } {
  const packages = collectLicenses(root);
  return { text: renderLicenses(packages, [...readBundleAliases(root).keys()]), count: packages.length };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const output = process.argv[2] ?? 'dist/licenses.txt';
  const { text, count } = licensesText(process.cwd());
  writeFileSync(output, text);
  console.log(`${output}: licences of ${String(count)} production packages`);
}
