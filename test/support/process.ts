// Runs a child process to completion and collects what it printed: the one way tests start git,
// the credential helper or a later step's script. A process still running after `killAfterMs` is
// killed, so a hang fails its test instead of stalling the suite.

import { spawn } from 'node:child_process';

export interface ProcessRun {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ProcessOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Written to stdin, which is then closed (also when empty: a process waiting on stdin ends). */
  readonly input?: string;
  readonly killAfterMs?: number;
}

export function runProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions = {},
): Promise<ProcessRun> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], {
      ...(options.env === undefined ? {} : { env: options.env }),
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 30_000);
    child.on('close', (exitCode) => {
      clearTimeout(killer);
      resolve({ exitCode, stdout, stderr });
    });
    child.stdin.on('error', () => undefined); // the process may exit without reading stdin
    child.stdin.end(options.input ?? '');
  });
}
