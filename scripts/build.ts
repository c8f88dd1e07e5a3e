// `npm run build`: bundles each entry below with ncc into its folder of dist/ (from an empty dist/, so
// no chunk of an earlier build can linger), then writes dist/licenses.txt. The committed dist/ is
// what the runner executes; CI rebuilds it from a fresh clone with npm 10 and npm 11 and fails if a
// byte differs.
//
// undici is replaced by stubs/undici at bundle time, for every importer, by the `paths` alias in
// tsconfig.json (ncc resolves through webpack with tsconfig-paths). npm installs the real undici, so
// every npm version installs the same tree; see stubs/undici/README.md.

import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPOSITORY_ROOT } from '../test/support/run-action.js';
import { licensesText } from './third-party-licenses.js';

/** Every bundle: its source entry → the folder of dist/ it goes to (action.yml and the git helper name the outputs). */
export const BUNDLES: ReadonlyArray<{ entry: string; outDir: string }> = [
  { entry: 'src/entries/action.ts', outDir: 'dist' }, // runs.main: dist/index.js
  { entry: 'src/entries/post.ts', outDir: 'dist/post' }, // runs.post: dist/post/index.js
  { entry: 'src/entries/git-credential-helper.ts', outDir: 'dist/git-credential-helper' }, // git runs dist/git-credential-helper/index.js
];

/** The options every bundle is built with. */
const NCC_OPTIONS = ['--minify', '--target', 'es2022'];

function nccCli(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@vercel/ncc/package.json');
  const manifest = require(manifestPath) as { bin: { ncc: string } };
  return join(dirname(manifestPath), manifest.bin.ncc);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.chdir(REPOSITORY_ROOT); // ncc reads tsconfig.json (and its `paths`) from the working directory
  rmSync('dist', { recursive: true, force: true });
  const ncc = nccCli();
  for (const { entry, outDir } of BUNDLES) {
    execFileSync(process.execPath, [ncc, 'build', entry, '-o', outDir, ...NCC_OPTIONS], { stdio: 'inherit' });
  }
  const { text, count } = licensesText(REPOSITORY_ROOT);
  writeFileSync(join('dist', 'licenses.txt'), text);
  console.log(`dist/licenses.txt: licences of ${String(count)} production packages`);
}
