// http/ stays readable: no file over 250 lines, no function over 100 (issue 17 split request.ts, a
// 492-line file with a 240-line Promise executor, into pieces of one concern each). Counted with the
// TypeScript parser, so a function is any function, method, arrow or accessor.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const HTTP = join(import.meta.dirname, '..', '..', 'src', 'http');
const MAX_FILE_LINES = 250;
const MAX_FUNCTION_LINES = 100;

/** Every function-like node of `file` longer than `max` lines, as `name (lines)`. */
export function longFunctions(fileName: string, text: string, max: number): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name !== undefined && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      if (end - start + 1 > max) found.push(`${name} (${end - start + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('src/http', () => {
  const files = readdirSync(HTTP).filter((file) => file.endsWith('.ts'));

  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    expect(files.length).toBeGreaterThan(5);
    const long = files.filter((file) => readFileSync(join(HTTP, file), 'utf8').split('\n').length > MAX_FILE_LINES);
    expect(long).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = files.flatMap((file) =>
      longFunctions(file, readFileSync(join(HTTP, file), 'utf8'), MAX_FUNCTION_LINES).map(
        (entry) => `${file}: ${entry}`,
      ),
    );
    expect(long).toEqual([]);
  });

  it('finds a long function when there is one', () => {
    const body = Array.from({ length: 101 }, (_, index) => `  const x${index} = ${index};`).join('\n');
    expect(longFunctions('x.ts', `function long(): void {\n${body}\n}\nconst short = (): number => 1;`, 100)).toEqual([
      'long (103 lines)',
    ]);
  });
});
