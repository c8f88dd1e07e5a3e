// `include`/`exclude`/`delete` patterns mean what they mean to `hf upload`: the expected matches
// below were computed with Python's fnmatch.fnmatchcase on the same paths, the way huggingface_hub's
// filter_repo_objects calls it (a trailing `/` becomes `/*`, `\` becomes `/`).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { compilePattern, PatternSet } from '../../src/upload/patterns.js';

const PATHS = [
  'config.json',
  'data/a.json',
  'data/sub/b.json',
  'data',
  'logs/x',
  'logs/a/b',
  'a.txt',
  'ab.txt',
  'a.bin',
  'c.bin',
  'b.bin',
  'sub/x.md',
  'sub/deep/x.md',
  'x.md',
  'a.js',
  'a.ts',
  'a.py',
  'a]b',
  'ab',
  ']x',
  'x[',
  'model-00001-of-00002.safetensors',
  'checkpoint-10/model.bin',
  'checkpoint-10',
  'README.md',
  'a/b',
  '^x',
  'ax',
  '-x',
  'bx',
  'f.tar.gz',
];

/** [pattern, what Python's fnmatchcase matched among PATHS]. */
const PYTHON_FNMATCH: Array<[string, string[]]> = [
  ['*.json', ['config.json', 'data/a.json', 'data/sub/b.json']],
  ['data/*.json', ['data/a.json', 'data/sub/b.json']],
  ['data/', ['data/a.json', 'data/sub/b.json']],
  ['logs/*', ['logs/x', 'logs/a/b']],
  ['*', PATHS],
  ['?.txt', ['a.txt']],
  ['[ab].bin', ['a.bin', 'b.bin']],
  ['[!ab].bin', ['c.bin']],
  [
    '[a-c]*',
    [
      'config.json',
      'a.txt',
      'ab.txt',
      'a.bin',
      'c.bin',
      'b.bin',
      'a.js',
      'a.ts',
      'a.py',
      'a]b',
      'ab',
      'checkpoint-10/model.bin',
      'checkpoint-10',
      'a/b',
      'ax',
      'bx',
    ],
  ],
  ['sub/**/x.md', ['sub/deep/x.md']],
  ['**/x.md', ['sub/x.md', 'sub/deep/x.md']],
  ['*.[jt]s', ['a.js', 'a.ts']],
  ['a[]b', []],
  ['[]]x', [']x']],
  ['x[', ['x[']],
  ['model-0000?-of-00002.safetensors', ['model-00001-of-00002.safetensors']],
  ['checkpoint-*/', ['checkpoint-10/model.bin']],
  ['README.md', ['README.md']],
  ['readme.md', []],
  ['*/.cache/*', []],
  ['a\\b', ['a/b']],
  ['[^a]x', ['^x', 'ax']],
  ['[a-]x', ['ax', '-x']],
  ['*.tar.gz', ['f.tar.gz']],
];

describe('patterns match as huggingface_hub (fnmatch) matches', () => {
  it.each(PYTHON_FNMATCH)('%s', (pattern, expected) => {
    const compiled = compilePattern(pattern, 'include');
    expect(PATHS.filter((path) => compiled.test(path))).toEqual(expected);
  });

  it('refuses a pattern that cannot be compiled, naming the input', () => {
    expect(() => compilePattern('[z-a]', 'exclude')).toThrow(InputError);
    expect(() => compilePattern('[z-a]', 'exclude')).toThrow(/Input `exclude`.*"\[z-a\]"/);
  });

  it('remembers which patterns matched something', () => {
    const set = new PatternSet(['*.bin', '*.safetensor'], 'include');
    expect(set.matches('a.bin')).toBe(true);
    expect(set.matches('model.safetensors')).toBe(false);
    expect(set.peek('model.safetensor')).toBe(true);
    expect(set.unmatched()).toEqual(['*.safetensor']);
  });
});
