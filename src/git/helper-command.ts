// The git credential helper's command line, both ways: the action writes it into git config, the
// helper reads it back. Everything the helper needs travels here, and none of it is secret (the ID
// token comes from the job's environment at the moment git asks; the Hub token goes to git only).
//
// git runs a helper value that starts with `!` as a shell command and appends the operation
// (`get`, `store`, `erase`): https://git-scm.com/docs/gitcredentials#_custom_helpers. Every word is
// single-quoted for that shell, so paths with spaces or quotes survive.
//
// Windows (reasoned from the sources; not run on Windows here). Git for Windows runs the command
// with the `sh` it finds on PATH, its bundled MSYS2 bash (run-command.c: git_shell_path,
// prepare_shell_cmd). Inside single quotes a backslash is literal, so `'C:\…\node.exe'` and
// `'D:\a\_actions\…\index.js'` reach the program as written (gh writes its Windows helper the same
// way, `!'C:\…\gh.exe' auth git-credential`); unquoted, bash would eat the backslashes. When bash
// starts a native program (node.exe) the MSYS2 runtime rewrites arguments that look like POSIX
// paths (msys2_path_conv.cc): our arguments are a drive path (`X:\…`, left as is), URLs
// (`scheme://…`, left as is), a resource `namespace/name` (no leading `/` or `:`, left as is), and
// numbers and a hex id (no `/`, not looked at). Only an `--audience` starting with `/` would be
// rewritten; audiences are URLs. test/unit/helper-command.test.ts runs the command built from
// Windows paths through sh, bash and git on Linux.

import { parseArgs } from 'node:util';
import { InputError, messageOf } from '../errors.js';
import { parseEndpoint } from '../http/endpoint-url.js';
import { parseHubUrl } from '../hub/hub-url.js';
import type { TokenRequest } from '../obtain-token.js';
import { parseResource } from '../hub/resource.js';

/** What the helper is configured with: a token request, the hub it answers for, and its entry's id. */
export interface HelperSettings extends TokenRequest {
  readonly hubUrl: URL;
  readonly deadlineMs: number;
  /**
   * Makes each configured entry unique, so two invocations of the action in one job (even for the
   * same resource) each remove exactly their own entry in their post step.
   */
  readonly id: string;
}

export type HelperOperation = 'get' | 'store' | 'erase' | 'other';

const OPTIONS = {
  'hub-url': { type: 'string' },
  resource: { type: 'string' },
  'token-endpoint': { type: 'string' },
  audience: { type: 'string' },
  'max-attempts': { type: 'string' },
  'timeout-seconds': { type: 'string' },
  'deadline-seconds': { type: 'string' },
  id: { type: 'string' },
} as const;

/**
 * Quotes one word for a POSIX shell (git runs `!` helpers with `sh -c`, Git for Windows included),
 * as git's own sq_quote_buf does (quote.c; git also escapes `!` for interactive csh, which a
 * non-interactive `sh -c` does not need).
 */
export function quoteForShell(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The helper arguments for these settings, in the order parseHelperArguments reads them. */
export function buildHelperArguments(settings: HelperSettings): string[] {
  return [
    '--hub-url',
    settings.hubUrl.href,
    '--resource',
    settings.resource.value,
    '--token-endpoint',
    settings.tokenEndpoint.href,
    '--audience',
    settings.audience,
    '--max-attempts',
    String(settings.maxAttempts),
    '--timeout-seconds',
    String(settings.requestTimeoutMs / 1000),
    '--deadline-seconds',
    String(settings.deadlineMs / 1000),
    '--id',
    settings.id,
  ];
}

/**
 * The git config value: `!'<node>' '<helper.js>' --hub-url '…' …`. `node` is the Node that runs the
 * action (process.execPath): it stays on the runner for the whole job, whatever `node` is on PATH.
 */
export function buildHelperCommand(nodePath: string, helperPath: string, settings: HelperSettings): string {
  return `!${[nodePath, helperPath, ...buildHelperArguments(settings)].map(quoteForShell).join(' ')}`;
}

/** Reads the helper's command line (as git runs it: our arguments, then the operation). */
export function parseHelperArguments(argv: readonly string[]): {
  operation: HelperOperation;
  settings: HelperSettings;
} {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error: unknown) {
    throw new InputError(`the helper's command line is malformed (${messageOf(error)}).`);
  }
  const { values, positionals } = parsed;
  const last = positionals.at(-1);
  const operation: HelperOperation = last === 'get' || last === 'store' || last === 'erase' ? last : 'other';

  const required = (name: keyof typeof OPTIONS): string => {
    const value = values[name];
    if (value === undefined || value === '') throw new InputError(`the helper's command line has no --${name}.`);
    return value;
  };
  const whole = (name: keyof typeof OPTIONS): number => {
    const value = Number(required(name));
    if (!Number.isInteger(value) || value < 1)
      throw new InputError(`the helper's --${name} is not a positive whole number.`);
    return value;
  };
  const hubUrl = parseHubUrl(required('hub-url'), "The helper's --hub-url");
  return {
    operation,
    settings: {
      hubUrl,
      resource: parseResource(required('resource'), hubUrl.host),
      tokenEndpoint: parseEndpoint(required('token-endpoint'), "The helper's --token-endpoint"),
      audience: required('audience'),
      maxAttempts: whole('max-attempts'),
      requestTimeoutMs: whole('timeout-seconds') * 1000,
      deadlineMs: whole('deadline-seconds') * 1000,
      id: required('id'),
    },
  };
}

/**
 * Whether a helper command is one this action configures (any invocation, any version that builds
 * its command with buildHelperCommand): `!'<node>' '<…>/git-credential-helper/index.js' '--hub-url' …`.
 */
export function isActionHelperCommand(value: string): boolean {
  return /^!'.*[\\/]git-credential-helper[\\/]index\.js' '--hub-url' '/.test(value);
}
