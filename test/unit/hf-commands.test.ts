// Every `hf` command in the documentation (README, docs/, examples/, SECURITY.md, CONTRIBUTING.md)
// exists in the real CLI with the flags it is given: checked against the command list vendored
// from huggingface_hub's source (test/support/hf-cli-commands.json, which names its version).
// The mutations prove the check sees a wrong name, an alias and a wrong flag.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkHfCommands, findHfInvocations, loadHfCli } from '../support/hf-commands.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = loadHfCli();

function documents(): { path: string; kind: 'markdown' | 'yaml'; text: string }[] {
  const listed = (directory: string): string[] =>
    readdirSync(join(root, directory), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
  return ['README.md', 'SECURITY.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...listed('docs'), ...listed('examples')]
    .filter((path) => /\.(md|ya?ml)$/.test(path))
    .sort()
    .map((path) => ({
      path,
      kind: path.endsWith('.md') ? ('markdown' as const) : ('yaml' as const),
      text: readFileSync(join(root, path), 'utf8'),
    }));
}

describe('hf commands in the documentation', () => {
  it('come from a named huggingface_hub version and commit', () => {
    expect(cli.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(cli.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(cli.commands['upload']?.flags).toEqual(expect.arrayContaining(['--include', '--commit-message']));
    expect(cli.commands['repos create']?.flags).toContain('--private');
  });

  it.each(documents())('$path: every hf command exists, with the flags it is given', ({ path, kind, text }) => {
    expect(checkHfCommands(text, kind, path, cli)).toEqual([]);
  });

  it('found the commands the docs show (hf upload, hf download, hf repos create)', () => {
    const seen = documents().flatMap(({ text, kind }) =>
      findHfInvocations(text, kind).map((words) => words.slice(0, 2).join(' ')),
    );
    expect(seen.some((command) => command.startsWith('upload'))).toBe(true);
    expect(seen.some((command) => command.startsWith('download'))).toBe(true);
    expect(seen).toContain('repos create');
  });

  it.each([
    ['a command that does not exist', '`hf uplod acme/x ./model`', /`hf uplod` is not an hf command/],
    [
      'the repo alias, gone in huggingface_hub 2.0',
      '`hf repo create acme/x`',
      /uses the alias "repo"; write `hf repos create`/,
    ],
    [
      'a flag the command does not take',
      '```sh\nhf upload acme/x ./model . --commit-msg "x"\n```',
      /`hf upload` has no flag --commit-msg/,
    ],
    ['a subcommand that does not exist', '`hf repos make acme/x`', /`hf repos make` is not an hf command/],
  ])('fails on %s', (_name, markdown, expected) => {
    expect(checkHfCommands(markdown, 'markdown', 'README.md', cli).join('\n')).toMatch(expected);
  });

  it('checks the run: lines of a workflow', () => {
    const workflow = 'jobs:\n  a:\n    steps:\n      - run: hf download acme/x --local-dirr ./model\n';
    expect(checkHfCommands(workflow, 'yaml', 'examples/x.yml', cli).join('\n')).toMatch(/has no flag --local-dirr/);
  });
});
