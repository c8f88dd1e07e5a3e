// Runs the committed dist/index.js the way the runner does: a fresh Node process, inputs as INPUT_*
// variables, GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, an event payload file, and the
// ID-token variables pointing at the local issuer. Returns what a user would see.

import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  lstatSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sandboxEnvironment, systemEnvironment } from './platform.js';

/** The folder holding action.yml, found upwards so this also works when compiled into .build/. */
function findRepositoryRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'action.yml'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('action.yml not found above test/support');
    directory = parent;
  }
  return directory;
}

export const REPOSITORY_ROOT = findRepositoryRoot();
export const ACTION_ENTRY = join(REPOSITORY_ROOT, 'dist', 'index.js');
/** The post step (action.yml `runs.post`). */
export const POST_ENTRY = join(REPOSITORY_ROOT, 'dist', 'post', 'index.js');
/** The git credential helper the action configures. */
export const HELPER_ENTRY = join(REPOSITORY_ROOT, 'dist', 'git-credential-helper', 'index.js');
/**
 * The Node binary that runs dist/ when a run names none; unset, the Node running this code. The
 * end-to-end tests set it to Node 24, the action's runtime (test/e2e/setup.ts).
 */
export const ACTION_NODE_VARIABLE = 'HF_OIDC_TEST_ACTION_NODE';

/**
 * A job's folders, shared by its steps: HOME (where `git config --global` writes), the workspace,
 * TMPDIR and RUNNER_TEMP. runAction makes a one-step job unless it is given one.
 */
export interface Job {
  readonly root: string;
  readonly home: string;
  readonly workspace: string;
  /** Removes everything the job left. */
  remove(): void;
}

export function createJob(): Job {
  const root = mkdtempSync(join(tmpdir(), 'hf-oidc-run-'));
  for (const directory of ['workspace', 'home', 'tmp', 'runner-temp', STEP_FILES]) mkdirSync(join(root, directory));
  return {
    root,
    home: join(root, 'home'),
    workspace: join(root, 'workspace'),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Where each step's runner files (GITHUB_ENV, …) go, apart from what the step itself writes. */
const STEP_FILES = '.runner';

export interface RunOptions {
  /** Node binary; defaults to $HF_OIDC_TEST_ACTION_NODE (Node 24 in the end-to-end tests), else the one running this code. */
  node?: string;
  /** Input name → value, as in a workflow's `with:`. */
  inputs?: Record<string, string>;
  /** Extra environment variables; `undefined` removes a variable set by default. */
  env?: Record<string, string | undefined>;
  /** The event payload (GITHUB_EVENT_PATH). */
  event?: unknown;
  /** Where the ID token comes from; omit both to simulate a job without `id-token: write`. */
  idToken?: { requestUrl: string; requestToken: string };
  /** Kill the process after this long (a hang is a test failure, not a stuck suite). */
  killAfterMs?: number;
  entry?: string;
  /** The job this step belongs to; without one, the step gets a job of its own, removed afterwards. */
  job?: Job;
  /** Saved state handed to the step as STATE_<name>, as the runner does for a post step. */
  state?: Record<string, string>;
  /** A command to start the process under, e.g. GNU time to read its peak memory. */
  wrapWith?: readonly string[];
}

export interface RunResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** `::error::` annotations, decoded. */
  errors: string[];
  warnings: string[];
  /** Variables written to GITHUB_ENV. */
  exported: Record<string, string>;
  /** Outputs written to GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  summary: string;
  /** Values saved with core.saveState (GITHUB_STATE), for the post step. */
  state: Record<string, string>;
  durationMs: number;
  /** Files the run left anywhere in its sandbox other than the runner's own files. */
  strayFiles: string[];
}

/** Parses the `NAME<<DELIMITER\nvalue\nDELIMITER` format the toolkit writes to GITHUB_ENV/GITHUB_OUTPUT. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split(/\r?\n/); // the toolkit ends lines with os.EOL: CRLF on Windows
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const heredoc = /^([^<=]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc;
      const value: string[] = [];
      for (index++; index < lines.length && lines[index] !== delimiter; index++) value.push(lines[index] ?? '');
      values[name] = value.join('\n');
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

/** Decodes the data of a workflow command (`%0A` etc.), as the runner does. */
function decodeCommandData(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function annotations(stdout: string, command: 'error' | 'warning'): string[] {
  const prefix = `::${command}`;
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .map((line) => decodeCommandData(line.slice(line.indexOf('::', 2) + 2)));
}

/** Every file below `root`; a symlink is listed as itself, never followed (links may loop or fan out). */
function listFiles(root: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(root)) {
    const path = join(root, entry);
    if (lstatSync(path).isDirectory()) found.push(...listFiles(path).map((file) => join(entry, file)));
    else found.push(relative(root, path));
  }
  return found.map((file) => file.split('\\').join('/'));
}

/** A step's runner files (GITHUB_ENV, GITHUB_OUTPUT, …) and the environment the runner gives it. */
export interface PreparedStep {
  readonly job: Job;
  readonly env: Record<string, string>;
  /** What the step left for the runner, read back as a RunResult's fields. */
  readonly readRunnerFiles: () => Pick<RunResult, 'exported' | 'outputs' | 'summary' | 'state' | 'strayFiles'>;
}

/**
 * The environment of one step as the runner sets it: runner files in a fresh folder of the job,
 * INPUT_* variables, the ID-token variables. Shared by runAction (a child process) and
 * run-in-process.ts (src/ in this process).
 */
export function prepareStep(options: RunOptions = {}): PreparedStep {
  const job = options.job ?? createJob();
  const sandbox = job.root;
  const stepFiles = mkdtempSync(join(sandbox, STEP_FILES, 'step-'));
  const files = {
    env: join(stepFiles, 'github_env'),
    output: join(stepFiles, 'github_output'),
    summary: join(stepFiles, 'step_summary'),
    state: join(stepFiles, 'github_state'),
    event: join(stepFiles, 'event.json'),
  };
  for (const file of [files.env, files.output, files.summary, files.state]) writeFileSync(file, '');
  writeFileSync(files.event, JSON.stringify(options.event ?? { ref: 'refs/heads/main' }));

  const env: Record<string, string> = {
    ...systemEnvironment(),
    PATH: process.env['PATH'] ?? '',
    ...sandboxEnvironment(join(sandbox, 'home'), join(sandbox, 'tmp')),
    RUNNER_TEMP: join(sandbox, 'runner-temp'),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: join(sandbox, 'workspace'),
    GITHUB_ENV: files.env,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'acme/awesome-model',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: 'b6c2e2f0d1a3c4b5a6978877665544332211ffee',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'Publish',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_ACTION: 'hf-token',
    ...(options.idToken
      ? {
          ACTIONS_ID_TOKEN_REQUEST_URL: options.idToken.requestUrl,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: options.idToken.requestToken,
        }
      : {}),
  };
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) Reflect.deleteProperty(env, name);
    else env[name] = value;
  }
  return {
    job,
    env,
    readRunnerFiles: () => ({
      exported: parseFileCommands(readFileSync(files.env, 'utf8')),
      outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
      summary: readFileSync(files.summary, 'utf8'),
      state: parseFileCommands(readFileSync(files.state, 'utf8')),
      strayFiles: listFiles(sandbox).filter((file) => !file.startsWith(`${STEP_FILES}/`)),
    }),
  };
}

/** The `::error::` and `::warning::` annotations a step printed, decoded. */
export function annotationsOf(stdout: string): Pick<RunResult, 'errors' | 'warnings'> {
  return { errors: annotations(stdout, 'error'), warnings: annotations(stdout, 'warning') };
}

export async function runAction(options: RunOptions = {}): Promise<RunResult> {
  const { job, env, readRunnerFiles } = prepareStep(options);
  const sandbox = job.root;
  const started = performance.now();
  const [command, ...commandArguments] = [
    ...(options.wrapWith ?? []),
    options.node ?? process.env[ACTION_NODE_VARIABLE] ?? process.execPath,
    options.entry ?? ACTION_ENTRY,
  ];
  const child = spawn(command, commandArguments, {
    cwd: join(sandbox, 'workspace'),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 120_000);
  const exitCode = await new Promise<number | null>((resolveExit) => child.on('close', (code) => resolveExit(code)));
  clearTimeout(killer);
  const durationMs = performance.now() - started;

  // The toolkit ends each line with os.EOL; the runner reads CRLF as LF, and so do the tests.
  stdout = stdout.replace(/\r\n/g, '\n');
  stderr = stderr.replace(/\r\n/g, '\n');
  const result: RunResult = {
    exitCode,
    stdout,
    stderr,
    ...readRunnerFiles(),
    ...annotationsOf(stdout),
    durationMs,
  };
  if (!options.job) job.remove();
  return result;
}
