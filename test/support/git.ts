// Runs git the way a later step of the job would: the job's HOME (so the global config the action
// wrote applies), the ID-token variables of a job with `id-token: write`, and no terminal prompts.

import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QUIET_GIT_ENV } from './git-server.js';
import { systemEnvironment } from './platform.js';
import { runProcess, type ProcessRun } from './process.js';
import type { Job } from './run-action.js';

export type GitRun = ProcessRun;

export interface StepEnvironment {
  job: Job;
  /** ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN; omit for a process outside a job with `id-token: write`. */
  idToken?: { requestUrl: string; requestToken: string } | undefined;
  /** Variables an earlier step exported (GITHUB_ENV), e.g. HF_TOKEN. */
  exported?: Record<string, string>;
  /** A system-level git config (GIT_CONFIG_SYSTEM), as a runner image installs one; none by default. */
  systemConfig?: string | undefined;
}

export function stepEnvironment(step: StepEnvironment): Record<string, string> {
  const { GIT_CONFIG_NOSYSTEM, ...quiet } = QUIET_GIT_ENV;
  return {
    ...systemEnvironment(),
    PATH: process.env['PATH'] ?? '',
    HOME: step.job.home,
    ...quiet,
    ...(step.systemConfig === undefined ? { GIT_CONFIG_NOSYSTEM } : { GIT_CONFIG_SYSTEM: step.systemConfig }),
    ...(step.idToken
      ? {
          ACTIONS_ID_TOKEN_REQUEST_URL: step.idToken.requestUrl,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: step.idToken.requestToken,
        }
      : {}),
    ...step.exported,
  };
}

/** Runs `git args…` in `cwd` (default: the job's workspace), with `input` on stdin. */
export function runGit(
  args: readonly string[],
  step: StepEnvironment,
  options: { cwd?: string; input?: string } = {},
): Promise<GitRun> {
  return runProcess('git', args, {
    cwd: options.cwd ?? step.job.workspace,
    env: stepEnvironment(step),
    ...(options.input === undefined ? {} : { input: options.input }),
  });
}

/**
 * A storing credential helper in a system-level git config, standing in for what runner images
 * install: Git Credential Manager on Windows (`credential.helper=manager`), osxkeychain on macOS.
 * Like GCM, it keeps whatever git asks it to `store` and hands it back on `get`, never looking at an
 * expiry (git's own `credential-store` underneath). It logs each call's operation, host and path
 * (never the password) so a test can see what git asked it.
 */
export class StoringSystemHelper {
  readonly directory = mkdtempSync(join(tmpdir(), 'hf-oidc-system-helper-'));
  /** The system config file to hand git as GIT_CONFIG_SYSTEM. */
  readonly configPath = join(this.directory, 'gitconfig');
  readonly storePath = join(this.directory, 'stored-credentials');
  readonly #logPath = join(this.directory, 'calls.log');

  constructor() {
    const script = join(this.directory, 'storing-helper.sh');
    writeFileSync(
      script,
      [
        '#!/bin/sh',
        'request=$(cat)',
        `printf '%s %s\\n' "$1" "$(printf '%s\\n' "$request" | grep -E '^(host|path)=' | tr '\\n' ' ')" >> '${this.#logPath}'`,
        `printf '%s\\n\\n' "$request" | exec git credential-store --file '${this.storePath}' "$1"`,
        '',
      ].join('\n'),
    );
    chmodSync(script, 0o755);
    execFileSync('git', ['config', '--file', this.configPath, 'credential.helper', `!'${script}'`]);
  }

  /** Each call as `<operation> host=… [path=…]`, in order. */
  calls(): string[] {
    if (!existsSync(this.#logPath)) return [];
    return readFileSync(this.#logPath, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  }

  /** What the helper holds now (git's credential-store format: one URL with credentials a line). */
  stored(): string {
    return existsSync(this.storePath) ? readFileSync(this.storePath, 'utf8') : '';
  }

  remove(): void {
    rmSync(this.directory, { recursive: true, force: true });
  }
}
