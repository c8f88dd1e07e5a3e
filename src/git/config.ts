// The few `git config --global` operations the credential setup and its cleanup need. Global,
// because that is what every later step's git reads (checkout-style actions do the same); the
// runner gives each job a fresh HOME on hosted runners, and the post step undoes what was added.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ActionError } from '../errors.js';

interface GitResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `git config --unset` exits 5 when no value matches: the entry is already gone. */
const EXIT_NOTHING_TO_UNSET = 5;
/** `git config --get-all` exits 1 when the key has no value. */
const EXIT_KEY_NOT_FOUND = 1;

function runGit(args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { encoding: 'utf8', timeout: 30_000, windowsHide: true }, (error, stdout, stderr) => {
      if (error && typeof error.code === 'string') {
        // A string code (ENOENT, EACCES) means git itself could not be started.
        reject(
          new ActionError(`git could not be run (${error.code}); is git installed and on PATH?`, {
            code: 'GIT_UNAVAILABLE',
          }),
        );
        return;
      }
      resolve({ exitCode: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

function failure(what: string, result: GitResult): ActionError {
  const firstLine = result.stderr.trim().split('\n')[0] ?? '';
  return new ActionError(`${what} failed: git exited ${result.exitCode}${firstLine ? ` (${firstLine})` : ''}`, {
    code: 'GIT_FAILED',
  });
}

/**
 * Every value of `key` in the global config, in order; empty when unset. Empty values are kept
 * (`helper =` means something to git), so values are read NUL-terminated (`-z`).
 */
export async function getGlobalValues(key: string): Promise<string[]> {
  const result = await runGit(['config', '--global', '-z', '--get-all', key]);
  if (result.exitCode === EXIT_KEY_NOT_FOUND) return [];
  if (result.exitCode !== 0) throw failure(`git config --get-all ${key}`, result);
  return result.stdout.split('\0').slice(0, -1);
}

/** Adds a value to `key` after any existing ones (`--add`: never replaces what the user configured). */
export async function addGlobalValue(key: string, value: string): Promise<void> {
  const result = await runGit(['config', '--global', '--add', key, value]);
  if (result.exitCode !== 0) throw failure(`git config --add ${key}`, result);
}

/**
 * Removes the one value of `key` that equals `value` exactly (`--fixed-value`, git 2.30+; an empty
 * value matches too), leaving every other value alone. Returns false when no such value was there,
 * and also when several were (git exits 5 for both): callers that care count first.
 */
export async function unsetGlobalValue(key: string, value: string): Promise<boolean> {
  const result = await runGit(['config', '--global', '--fixed-value', '--unset', key, value]);
  if (result.exitCode === EXIT_NOTHING_TO_UNSET) return false;
  if (result.exitCode !== 0) throw failure(`git config --unset ${key}`, result);
  return true;
}

/** The names of all keys in the global config (subsections keep their case). */
export async function listGlobalKeys(): Promise<string[]> {
  const result = await runGit(['config', '--global', '--name-only', '--list']);
  // No global config file at all: git exits non-zero with "unable to read config file".
  if (result.exitCode !== 0) return [];
  return result.stdout.split('\n').filter((line) => line !== '');
}

/** Removes a whole section, e.g. `credential.https://huggingface.co` (left empty by --unset). */
export async function removeGlobalSection(section: string): Promise<void> {
  const result = await runGit(['config', '--global', '--remove-section', section]);
  if (result.exitCode !== 0) throw failure(`git config --remove-section ${section}`, result);
}

/**
 * The file `git config --global` writes to, as git chooses it: GIT_CONFIG_GLOBAL, else ~/.gitconfig
 * unless only the XDG file exists. Used to remove a file the setup created and the cleanup emptied.
 */
export function globalConfigWritePath(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['GIT_CONFIG_GLOBAL'];
  if (explicit) return explicit;
  const home = env['HOME'] || homedir();
  const userConfig = join(home, '.gitconfig');
  const xdgConfig = join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'git', 'config');
  return !existsSync(userConfig) && existsSync(xdgConfig) ? xdgConfig : userConfig;
}

/** Whether `error` says git itself cannot be run (not installed, not on PATH). */
export function isGitUnavailable(error: unknown): boolean {
  return error instanceof ActionError && error.code === 'GIT_UNAVAILABLE';
}
