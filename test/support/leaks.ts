// Where a secret shows up in what a run left behind, other than where it must be: `::add-mask::`
// lines (the runner consumes them, they are never shown) and, for the issued token only, the HF_TOKEN
// export and the `token` output. Also what the runner would show: the log rendered with the
// runner's own command handling (a forged `##[stop-commands]` turns masking off), and any workflow
// command the action did not write itself.

import type { RunResult } from './run-action.js';
import { findForgedCommands, renderRunnerLog } from './runner-log.js';

/** The secrets a run may have seen: ID tokens, issued Hub tokens, and any other credential (e.g. the runner's request token). */
export interface Secrets {
  readonly idTokens: readonly string[];
  readonly hubTokens: readonly string[];
  readonly others?: readonly string[];
}

export function findLeaks(result: RunResult, secrets: Secrets): string[] {
  const leaks: string[] = [];
  const all = [...secrets.idTokens, ...secrets.hubTokens, ...(secrets.others ?? [])];
  for (const secret of all) {
    for (const line of result.stdout.split('\n')) {
      if (line.includes(secret) && !line.startsWith('::add-mask::')) leaks.push(`stdout: ${line.slice(0, 120)}`);
    }
    if (result.stderr.includes(secret)) leaks.push('stderr');
    if (result.summary.includes(secret)) leaks.push('job summary');
    if (renderRunnerLog(result.stdout, { debug: true }).includes(secret)) leaks.push('the log as the runner shows it');
  }
  for (const forged of [...findForgedCommands(result.stdout), ...findForgedCommands(result.stderr)]) {
    leaks.push(`a workflow command the action did not write: ${forged}`);
  }
  for (const secret of secrets.idTokens) {
    for (const [name, value] of [...Object.entries(result.exported), ...Object.entries(result.outputs)]) {
      if (value.includes(secret)) leaks.push(`ID token in ${name}`);
    }
  }
  for (const secret of secrets.hubTokens) {
    for (const [name, value] of Object.entries(result.exported))
      if (name !== 'HF_TOKEN' && value.includes(secret)) leaks.push(`exported ${name}`);
    for (const [name, value] of Object.entries(result.outputs))
      if (name !== 'token' && value.includes(secret)) leaks.push(`output ${name}`);
  }
  return leaks;
}
