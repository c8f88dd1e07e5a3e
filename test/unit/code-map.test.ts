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

/** Every .ts file under `directory`, as paths relative to the repository. */
function typeScriptFiles(directory: string): string[] {
  return readdirSync(join(ROOT, directory), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(directory, file).split('\\').join('/'));
}

/** The comment text of a TypeScript file: `//` lines and `/* … *\/` blocks (strings are not comments). */
function commentsOf(text: string): string {
  const lines = [...text.matchAll(/(?:^|[^:'"`\\])\/\/(.*)$/gm)].map((match) => match[1] ?? '');
  const blocks = [...text.matchAll(/\/\*([\s\S]*?)\*\//g)].map((match) => match[1] ?? '');
  return [...lines, ...blocks].join('\n');
}

const SOURCE_FOLDERS = readdirSync(join(ROOT, 'src')).filter((entry) =>
  statSync(join(ROOT, 'src', entry)).isDirectory(),
);
const SOURCE_BASENAMES = new Set(typeScriptFiles('src').map((file) => file.split('/').pop() ?? ''));

/**
 * The files of src/ that a comment names and that do not exist: a path under `src/`, a path under
 * one of its folders (`hub/verify.ts`), and, in a comment of src/ itself (`fromSource`), a bare file
 * name that is no file of src/ at all (a file moved or renamed since the comment was written).
 */
export function staleSourceReferences(comments: string, fromSource: boolean): string[] {
  const stale: string[] = [];
  for (const [reference = ''] of comments.matchAll(/(?<![\w./-])(?:[\w-]+\/)*[\w-]+\.ts\b/g)) {
    const path = reference.startsWith('src/') ? reference.slice(4) : reference;
    const folder = path.includes('/') ? (path.split('/')[0] ?? '') : undefined;
    if (folder === undefined) {
      if (fromSource && !SOURCE_BASENAMES.has(path)) stale.push(reference);
    } else if (reference.startsWith('src/') || SOURCE_FOLDERS.includes(folder)) {
      if (!existsSync(join(ROOT, 'src', path))) stale.push(reference);
    }
  }
  return stale;
}

describe('comments', () => {
  it('name only files of src/ that exist', () => {
    const files = [...typeScriptFiles('src'), ...typeScriptFiles('test')];
    expect(files.length).toBeGreaterThan(50);
    const stale = files.flatMap((file) =>
      staleSourceReferences(commentsOf(readFileSync(join(ROOT, file), 'utf8')), file.startsWith('src/')).map(
        (reference) => `${file}: ${reference}`,
      ),
    );
    expect(stale).toEqual([]);
  });

  it('are checked for real: a moved file, a gone folder path and a src/ path are caught, real ones are not', () => {
    expect(
      staleSourceReferences(
        '// see token-source.ts, upload/token-source.ts and src/runner/gone.ts; not hub/token-holder.ts, ' +
          'src/http/request.ts or request.ts',
        true,
      ),
    ).toEqual(['token-source.ts', 'upload/token-source.ts', 'src/runner/gone.ts']);
    // In a test's comment, a bare name may be a test file's; paths into src/ are still checked.
    expect(staleSourceReferences('// run-action.ts, and hub/gone.ts', false)).toEqual(['hub/gone.ts']);
  });
});

/** The names src/ exports as functions, classes and constants, with the files that export each. */
function exportedNames(): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const file of typeScriptFiles('src')) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const match of text.matchAll(/^export (?:async )?(?:function|(?:abstract )?class|const) (\w+)/gm)) {
      const name = match[1] ?? '';
      names.set(name, [...(names.get(name) ?? []), file]);
    }
  }
  return names;
}

describe('exported names', () => {
  // Two functions called describeFailure (the step's and the upload's) once meant two different
  // things; a reader searching for one found the other. One name, one meaning.
  it('mean one thing each: no two files of src/ export the same name', () => {
    const names = exportedNames();
    expect(names.size).toBeGreaterThan(50);
    expect([...names].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});
