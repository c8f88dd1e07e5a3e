// The model of the runner's command handling that the end-to-end leak checks rely on
// (test/support/runner-log.ts): if it stopped recognising a forged command, those checks would pass
// without proving anything.

import { describe, expect, it } from 'vitest';
import { findForgedCommands, findWorkflowCommands, renderRunnerLog } from '../support/runner-log.js';

describe('the model of the runner', () => {
  it.each([
    ['::add-mask::secret', 'v2', 'add-mask', 'secret'],
    ['  ::Error title=x::boom', 'v2', 'error', 'boom'],
    ['text ##[stop-commands]token', 'legacy', 'stop-commands', 'token'],
    ['##[Warning]careful', 'legacy', 'warning', 'careful'],
    ['#\u00AD#[add-mask]hidden', 'legacy', 'add-mask', 'hidden'],
    ['::debug::a%0Ab', 'v2', 'debug', 'a\nb'],
  ])('reads %j as a %s %s command', (line, syntax, name, data) => {
    expect(findWorkflowCommands(line)).toMatchObject([{ syntax, name, data }]);
  });

  it.each([['x ::add-mask::y'], ['# #[stop-commands]x'], ['##[unknown]x'], ['::unknown::x'], ['##[add-mask x']])(
    'reads no command in %j',
    (line) => {
      expect(findWorkflowCommands(line)).toEqual([]);
    },
  );

  it('stops every command after stop-commands until its token, so a later mask is printed in clear', () => {
    const stdout = [
      'Retrying: ##[stop-commands]pwned',
      '::add-mask::hf_secret_token_value',
      'token hf_secret_token_value',
      '::pwned::',
      '::add-mask::other_secret_value',
      'other other_secret_value',
    ].join('\n');
    expect(findWorkflowCommands(stdout).map((command) => command.name)).toEqual(['stop-commands', 'pwned', 'add-mask']);
    const log = renderRunnerLog(stdout);
    expect(log).toContain('hf_secret_token_value');
    expect(log).not.toContain('other_secret_value');
  });

  it('flags what the action does not write: legacy commands, foreign commands, commands after white space', () => {
    expect(findForgedCommands('::add-mask::x\n::error::y\n::group::z\n::endgroup::\n::debug::d')).toEqual([]);
    expect(findForgedCommands('a ##[group]x')).toHaveLength(1);
    expect(findForgedCommands('::set-env name=A::b')).toHaveLength(1);
    expect(findForgedCommands(' ::error::indented')).toHaveLength(1);
  });
});
