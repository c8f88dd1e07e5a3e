// Checks every `hf` command the documentation shows against the real CLI: the command names and
// flags of huggingface_hub's `hf`, vendored in hf-cli-commands.json (read from its source by
// hf-cli-commands.py, with the version and commit it came from). A command that does not exist
// (`hf uplod`), an alias (`hf repo create`: the `repo` alias is gone in huggingface_hub 2.0; use
// `hf repos create`) or a flag the command does not take fails. Pure functions over file contents,
// so a test can feed them a mutated copy.

import { readFileSync } from 'node:fs';

interface CommandSpec {
  arguments: string[];
  flags: string[];
  aliases?: string[];
}

export interface HfCli {
  version: string;
  commit: string;
  groupAliases: Record<string, string[]>;
  commands: Record<string, CommandSpec>;
}

/** The vendored command list. */
export function loadHfCli(): HfCli {
  return JSON.parse(readFileSync(new URL('hf-cli-commands.json', import.meta.url), 'utf8')) as HfCli;
}

/** `hf` at a command position, then what follows up to the end of the shell command. */
const HF_INVOCATION = /(?<![\w./@-])hf[ \t]+([a-z][^\n`;|&#)]*)/g;

/** Where `hf` commands are written: code spans and fenced blocks of Markdown; every line of a workflow. */
function codeOf(text: string, kind: 'markdown' | 'yaml'): string[] {
  if (kind === 'yaml') return [text];
  const pieces: string[] = [];
  const withoutBlocks = text.replace(/^\s*```[^\n]*\n([\s\S]*?)^\s*```\s*$/gm, (_block, body: string) => {
    pieces.push(body);
    return '';
  });
  for (const match of withoutBlocks.matchAll(/`([^`\n]+)`/g)) pieces.push(match[1] ?? '');
  return pieces;
}

/** Every `hf …` invocation in a document, as the words after `hf`. */
export function findHfInvocations(text: string, kind: 'markdown' | 'yaml'): string[][] {
  return codeOf(text, kind).flatMap((code) =>
    [...code.matchAll(HF_INVOCATION)].map((match) => (match[1] ?? '').trim().split(/\s+/)),
  );
}

/** Problems with one invocation (`words` follow `hf`); `where` names it. */
export function checkHfInvocation(words: string[], cli: HfCli, where: string): string[] {
  const names = Object.keys(cli.commands);
  const isPrefix = (path: string[]): boolean =>
    names.some((name) => name === path.join(' ') || name.startsWith(`${path.join(' ')} `));
  const aliasOf = (path: string[], word: string): string | undefined => {
    const parent = path.join(' ');
    for (const [group, aliases] of Object.entries(cli.groupAliases)) {
      const groupParent = group.split(' ').slice(0, -1).join(' ');
      if (groupParent === parent && aliases.includes(word)) return group.split(' ').pop();
    }
    for (const [name, spec] of Object.entries(cli.commands)) {
      const commandParent = name.split(' ').slice(0, -1).join(' ');
      if (commandParent === parent && spec.aliases?.includes(word)) return name.split(' ').pop();
    }
    return undefined;
  };

  const path: string[] = [];
  let index = 0;
  for (; index < words.length; index += 1) {
    const word = words[index] ?? '';
    if (word.startsWith('-')) break;
    if (isPrefix([...path, word])) {
      path.push(word);
      if (cli.commands[path.join(' ')] !== undefined) {
        index += 1;
        break;
      }
      continue;
    }
    const canonical = aliasOf(path, word);
    if (canonical !== undefined) {
      const next = words[index + 1];
      const rest = next !== undefined && /^[a-z]/.test(next) ? [next] : [];
      return [
        `${where}: \`hf ${[...path, word, ...rest].join(' ')}\` uses the alias "${word}"; write ` +
          `\`hf ${[...path, canonical, ...rest].join(' ')}\` (aliases come and go: \`hf repo\` is gone in huggingface_hub 2.0)`,
      ];
    }
    break;
  }
  const command = cli.commands[path.join(' ')];
  if (command === undefined) {
    return [
      `${where}: \`hf ${words.slice(0, index + 1).join(' ')}\` is not an hf command (huggingface_hub ${cli.version})`,
    ];
  }
  const problems: string[] = [];
  for (const word of words.slice(index)) {
    if (!/^--?[a-z]/.test(word)) continue;
    const flag = word.split('=')[0] ?? word;
    if (!command.flags.includes(flag)) {
      problems.push(
        `${where}: \`hf ${path.join(' ')}\` has no flag ${flag} (huggingface_hub ${cli.version} takes ${command.flags.join(', ')})`,
      );
    }
  }
  return problems;
}

/** Every problem with the `hf` commands in one document. */
export function checkHfCommands(text: string, kind: 'markdown' | 'yaml', where: string, cli: HfCli): string[] {
  return findHfInvocations(text, kind).flatMap((words) => checkHfInvocation(words, cli, where));
}
