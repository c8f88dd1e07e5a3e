// CONTRIBUTING.md's code map is the newcomer's index of src/: it must name every folder and every
// top-level file of src/, and nothing that no longer exists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The paths in the first column of the code map table, e.g. `src/hub/`. */
function mappedPaths(contributing: string): string[] {
  const section = contributing.split('\n## Code map\n')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1] ?? '');
}

/** What the map must cover: each folder of src/ (with a trailing slash) and each file directly in src/. */
function sourceEntries(): string[] {
  return readdirSync(join(ROOT, 'src')).map((entry) =>
    statSync(join(ROOT, 'src', entry)).isDirectory() ? `src/${entry}/` : `src/${entry}`,
  );
}

describe('the code map in CONTRIBUTING.md', () => {
  const mapped = mappedPaths(readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8'));

  it('lists every folder and top-level file of src/', () => {
    expect(sourceEntries().filter((entry) => !mapped.includes(entry))).toEqual([]);
  });

  it('names only paths that exist', () => {
    expect(mapped.length).toBeGreaterThan(5);
    expect(mapped.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});
