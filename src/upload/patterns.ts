// `include`, `exclude` and `delete` patterns, with the semantics of `hf upload` (huggingface_hub
// utils/_paths.py `filter_repo_objects`): Python's fnmatch.fnmatchcase on `/`-separated paths, so
// `*` also matches `/` (`data/*.json` matches `data/a/b.json`), `?` one character, `[seq]` and
// `[!seq]` a set; matching is case-sensitive; `\` in a pattern is a path separator; a pattern
// ending in `/` means everything below that folder (`logs/` is `logs/*`).

import { InputError } from '../errors.js';
import { quoteForMessage } from '../runner/sanitize.js';

export interface PathPattern {
  /** As the user wrote it, for messages. */
  readonly source: string;
  readonly test: (path: string) => boolean;
}

/** Compiles a pattern; throws InputError naming `input` when it cannot be one. */
export function compilePattern(source: string, input: string): PathPattern {
  const normalised = source.replace(/\\/g, '/');
  const pattern = normalised.endsWith('/') ? `${normalised}*` : normalised;
  let expression: RegExp;
  try {
    expression = new RegExp(`^(?:${translate(pattern)})$`, 'su');
  } catch {
    throw new InputError(`Input \`${input}\` has a pattern that cannot be used: ${quoteForMessage(source)}.`, {
      hint: 'Patterns are globs: `*` (any characters, `/` included), `?` (one character), `[abc]`, `[a-z]`, `[!abc]`.',
    });
  }
  return { source, test: (path) => expression.test(path) };
}

/** Python's fnmatch.translate, as a JavaScript regular expression body (for the `su` flags). */
export function translate(pattern: string): string {
  const characters = Array.from(pattern);
  let out = '';
  let index = 0;
  while (index < characters.length) {
    const character = characters[index++] ?? '';
    if (character === '*') {
      while (characters[index] === '*') index++;
      out += '.*';
    } else if (character === '?') {
      out += '.';
    } else if (character === '[') {
      let end = index;
      if (characters[end] === '!') end++;
      if (characters[end] === ']') end++;
      while (end < characters.length && characters[end] !== ']') end++;
      if (end >= characters.length) {
        out += '\\[';
        continue;
      }
      let set = characters.slice(index, end).join('');
      index = end + 1;
      let negated = false;
      if (set.startsWith('!')) {
        negated = true;
        set = set.slice(1);
      }
      // Inside a set, fnmatch treats everything literally except `-` ranges; so does this.
      const body = Array.from(set)
        .map((member, position) =>
          member === '-' && position > 0 && position < set.length - 1 ? '-' : escapeInSet(member),
        )
        .join('');
      out += negated ? `[^${body}]` : body === '' ? '(?!)' : `[${body}]`;
    } else {
      out += escapeLiteral(character);
    }
  }
  return out;
}

function escapeLiteral(character: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(character) ? `\\${character}` : character;
}

function escapeInSet(character: string): string {
  return /[\\\]^[-]/.test(character) ? `\\${character}` : character;
}

/** Patterns from an input, compiled; each remembers whether it matched anything. */
export class PatternSet {
  readonly #patterns: PathPattern[];
  readonly #matched = new Set<string>();

  constructor(sources: readonly string[], input: string) {
    this.#patterns = sources.map((source) => compilePattern(source, input));
  }

  get isEmpty(): boolean {
    return this.#patterns.length === 0;
  }

  /** Whether any pattern matches `path`; every matching pattern is recorded as used. */
  matches(path: string): boolean {
    let any = false;
    for (const pattern of this.#patterns) {
      if (pattern.test(path)) {
        this.#matched.add(pattern.source);
        any = true;
      }
    }
    return any;
  }

  /** Whether any pattern matches `path`, without recording anything. */
  peek(path: string): boolean {
    return this.#patterns.some((pattern) => pattern.test(path));
  }

  /** The patterns that matched nothing so far, as the user wrote them. */
  unmatched(): string[] {
    return this.#patterns.filter((pattern) => !this.#matched.has(pattern.source)).map((pattern) => pattern.source);
  }
}
