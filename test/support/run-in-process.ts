// Runs the action's src/ (main.ts's run()) in this process, with the environment and runner files
// runAction gives dist/ (run-action.ts's prepareStep): the integration tests' way to check what
// does not need the bundle, in milliseconds and with coverage of src/. The process environment and
// stdout are the step's while it runs, and restored afterwards; the exit code is read and reset.

import { summary } from '@actions/core';
import { annotationsOf, prepareStep, type RunOptions, type RunResult } from './run-action.js';

export type InProcessResult = Omit<RunResult, 'stderr' | 'durationMs'>;

/**
 * Runs `run()` of src/main.ts (or `step`, e.g. the post step's entry) as one step of a job; never
 * runs two at once (the environment is global).
 */
export async function runInProcess(
  options: RunOptions = {},
  step: () => Promise<void> = async () => (await import('../../src/main.js')).run(),
): Promise<InProcessResult> {
  const { job, env, readRunnerFiles } = prepareStep(options);
  const savedEnv = { ...process.env };
  const write = process.stdout.write.bind(process.stdout);
  let stdout = '';
  for (const name of Object.keys(process.env)) Reflect.deleteProperty(process.env, name);
  Object.assign(process.env, env);
  process.stdout.write = (chunk: string | Uint8Array): boolean => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  };
  // The toolkit remembers the first step's GITHUB_STEP_SUMMARY; each step here has its own.
  (summary as unknown as { _filePath: string | undefined })._filePath = undefined;
  const exitCodeBefore = process.exitCode;
  let exitCode: number | null = 0;
  try {
    await step();
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } finally {
    process.exitCode = exitCodeBefore;
    process.stdout.write = write;
    for (const name of Object.keys(process.env)) Reflect.deleteProperty(process.env, name);
    Object.assign(process.env, savedEnv);
  }
  stdout = stdout.replace(/\r\n/g, '\n');
  const result = { exitCode, stdout, ...readRunnerFiles(), ...annotationsOf(stdout) };
  if (!options.job) job.remove();
  return result;
}
