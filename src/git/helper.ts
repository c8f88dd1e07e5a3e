// The git credential helper (dist/git-credential-helper/index.js): each time git asks for a
// credential for the configured resource on the hub, it gets a fresh GitHub ID token and exchanges
// it, exactly as the action does (obtain-token.ts, same retries), and hands the new Hub token to git.
// A job can push hours after the action ran: nothing is cached, nothing is written to disk.
//
// Rules, because git and the runner's log are on the other ends of stdin, stdout and stderr:
// - stdout carries the answer to git and nothing else, ever (the token goes there and only there);
// - `store`, `erase`, questions for another host or repository, and runs outside a job with
//   `id-token: write` get no answer and exit 0 quietly, so git falls back to its other helpers;
// - a failure is one line on stderr (git shows it in the step's log), never with a secret in it.

import { writeSync } from 'node:fs';
import { describeFailure } from '../errors.js';
import {
  formatCredentialAnswer,
  isRequestInScope,
  parseCredentialRequest,
  DEFAULT_USERNAME,
} from './credential-protocol.js';
import { parseHelperArguments } from './helper-command.js';
import { obtainToken } from '../obtain-token.js';
import { expiryOf } from '../hub/token-holder.js';
import { readIdTokenSource } from '../github/id-token.js';
import { Deadline } from '../http/retry.js';
import { neutralizeCommands, redactSecrets } from '../runner/sanitize.js';
import { ACTION_NAME } from '../about.js';

/** git's request is a few short lines; anything larger is not git talking. */
const MAX_REQUEST_BYTES = 64 * 1024;

export interface HelperIo {
  readonly input: AsyncIterable<Buffer | string>;
  readonly writeAnswer: (text: string) => void;
  readonly writeError: (line: string) => void;
}

const processIo: HelperIo = {
  input: process.stdin,
  writeAnswer: (text) => writeSync(1, text),
  writeError: (line) => writeSync(2, `${line}\n`),
};

/**
 * Runs one helper invocation. Never throws and never sets a failing exit code: git treats a helper
 * that fails the same as one that has no answer, and a stack trace would only clutter the log.
 */
export async function runCredentialHelper(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  io: HelperIo = processIo,
): Promise<void> {
  if (io === processIo) reserveStdoutForGit();
  const secrets: string[] = [];
  let resource = 'the configured resource';
  try {
    const { operation, settings } = parseHelperArguments(argv);
    resource = settings.resource.value;
    const request = parseCredentialRequest(await readRequest(io.input));
    if (operation !== 'get' || !isRequestInScope(request, settings.hubUrl, settings.resource)) return;
    const source = readIdTokenSource(env);
    if (!source) return;

    const obtained = await obtainToken(settings, source, new Deadline(settings.deadlineMs), {
      onSecret: (secret) => secrets.push(secret),
      log: () => undefined,
    });
    const expiresAt = expiryOf(obtained);
    io.writeAnswer(
      formatCredentialAnswer({
        username: request.username ?? DEFAULT_USERNAME,
        password: obtained.token.accessToken,
        expiresAtSeconds: expiresAt === undefined ? undefined : expiresAt.getTime() / 1000,
      }),
    );
  } catch (error: unknown) {
    const line = `${ACTION_NAME} git credential helper: could not get a Hugging Face token for ${resource}: ${describeFailure(error)}`;
    // git copies this line into the step's log, where the runner reads workflow commands: inert, one line, no secret.
    io.writeError(neutralizeCommands(redactSecrets(line.replace(/\s+/g, ' '), secrets)));
  }
}

/** Reads git's request up to the end of stdin (git closes it after the blank line). */
async function readRequest(input: AsyncIterable<Buffer | string>): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.length > MAX_REQUEST_BYTES) throw new Error('the credential request on stdin is too large');
  }
  return text;
}

/**
 * The bundled code shares modules with the action, some of which may write workflow commands
 * (`::add-mask::…`) to stdout through the toolkit. In the helper that would corrupt git's protocol
 * and could carry a secret into a place nobody masks, so anything but the answer is discarded.
 */
function reserveStdoutForGit(): void {
  process.stdout.write = () => true;
}
