// Type-aware lint at typescript-eslint's strictest preset: no `any`, no floating promises, no unsafe
// member access on network JSON, no unnecessary conditions.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.build/', 'stubs/'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Numbers in messages ("HTTP 503", "3 attempts") are the common, safe case.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `(x) => void doSomething(x)` style callbacks are idiomatic for listeners.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // prettier wraps code at 120 but never splits a string: long messages are written as
      // concatenations, and this catches the one that is not.
      'max-len': ['error', { code: 200, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    // Tests may assert that a value is there with `!`: if the guess is wrong, the test fails anyway.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Plain JavaScript outside the TypeScript project: this file and the CI self-test's checker action.
    files: ['eslint.config.js', '.github/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
