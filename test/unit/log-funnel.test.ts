// Every line the action prints goes through src/runner/log.ts, which makes it inert
// (neutralizeCommands): a module that printed by itself could carry server text to the runner's
// command parser unneutralised, which is how `##[stop-commands]` once reached a retry line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Direct ways to write to the step log: the toolkit's printing functions and raw writes. */
const DIRECT_OUTPUT =
  /\bcore\.(?:info|warning|error|notice|debug|setFailed|startGroup|endGroup|group)\(|process\.(?:stdout|stderr)\.write\b|\bwriteSync\(|console\.\w+\(/g;

/** Files allowed to print directly, and why. */
const ALLOWED: Readonly<Record<string, string>> = {
  'src/runner/log.ts': 'the funnel itself',
  'src/post-step.ts':
    'a hand-written warning for a broken bundle, when even the toolkit may be missing; no server text',
  'src/git/helper.ts':
    "git's credential protocol on stdout and the one failure line on stderr, which is neutralised where it is written",
  'src/git/configure.ts': "git's own local messages (config paths, git's stderr), no server text",
  'src/git/clean-up.ts': "the post step's messages about git config (paths, git's stderr), no server text",
};

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(directory, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(directory, entry.name)]
        : [],
  );
}

describe('output funnel', () => {
  const files = sourceFiles(join(ROOT, 'src')).map((path) => ({
    path: relative(ROOT, path).split('\\').join('/'),
    text: readFileSync(path, 'utf8'),
  }));

  it('no module but src/runner/log.ts writes to the log by itself', () => {
    const offenders = files
      .filter((file) => !(file.path in ALLOWED))
      .flatMap((file) => [...file.text.matchAll(DIRECT_OUTPUT)].map((match) => `${file.path}: ${match[0]}`));
    expect(offenders).toEqual([]);
  });

  it('actually looked: the funnel and the allowed files do print directly', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const path of Object.keys(ALLOWED)) {
      const file = files.find((candidate) => candidate.path === path);
      expect(file?.text.match(DIRECT_OUTPUT), path).not.toBeNull();
    }
  });
});
