// Runs git the way a later step of the job would: the job's HOME (so the global config the action
// wrote applies), the ID-token variables of a job with `id-token: write`, and no terminal prompts.

import { spawn } from 'node:child_process';
import { QUIET_GIT_ENV } from './git-server.js';
import { systemEnvironment } from './platform.js';
import type { Job } from './run-action.js';

export interface GitRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface StepEnvironment {
  job: Job;
  /** ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN; omit for a process outside a job with `id-token: write`. */
  idToken?: { requestUrl: string; requestToken: string } | undefined;
  /** Variables an earlier step exported (GITHUB_ENV), e.g. HF_TOKEN. */
  exported?: Record<string, string>;
}

export function stepEnvironment(step: StepEnvironment): Record<string, string> {
  return {
    ...systemEnvironment(),
    PATH: process.env['PATH'] ?? '',
    HOME: step.job.home,
    ...QUIET_GIT_ENV,
    ...(step.idToken
      ? { ACTIONS_ID_TOKEN_REQUEST_URL: step.idToken.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: step.idToken.requestToken }
      : {}),
    ...step.exported,
  };
}

/** Runs `git args…` in `cwd` (default: the job's workspace), with `input` on stdin. */
export function runGit(args: readonly string[], step: StepEnvironment, options: { cwd?: string; input?: string } = {}): Promise<GitRun> {
  return new Promise((resolve) => {
    const child = spawn('git', [...args], { cwd: options.cwd ?? step.job.workspace, env: stepEnvironment(step) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (exitCode) => {
      clearTimeout(killer);
      resolve({ exitCode, stdout, stderr });
    });
    child.stdin.on('error', () => undefined); // git may exit without reading stdin
    child.stdin.end(options.input ?? '');
  });
}
