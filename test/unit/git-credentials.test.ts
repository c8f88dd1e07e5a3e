import { describe, expect, it } from 'vitest';
import { needsHelperReset } from '../../src/git/configure.js';
import { isActionHelperCommand } from '../../src/git/helper-command.js';
import { buildHelperCommand, type HelperSettings } from '../../src/git/helper-command.js';
import { parseResource } from '../../src/hub/resource.js';

const SETTINGS: HelperSettings = {
  hubUrl: new URL('https://huggingface.co/'),
  resource: parseResource('acme/model', 'huggingface.co'),
  tokenEndpoint: new URL('https://huggingface.co/oauth/token'),
  audience: 'https://huggingface.co',
  maxAttempts: 4,
  requestTimeoutMs: 15_000,
  deadlineMs: 90_000,
  id: '0123abcd',
};
const OURS = buildHelperCommand(
  '/opt/node/bin/node',
  '/a/_actions/o/r/v1/dist/git-credential-helper/index.js',
  SETTINGS,
);
const OURS_ON_WINDOWS = buildHelperCommand(
  'C:\\hostedtoolcache\\windows\\node\\24.x\\x64\\node.exe',
  "D:\\a\\_actions\\O'Brien\\repo\\v1\\dist\\git-credential-helper\\index.js",
  { ...SETTINGS, id: 'ffff0000' },
);

describe('isActionHelperCommand', () => {
  it.each([OURS, OURS_ON_WINDOWS])('recognises the command the action builds: %s', (command) => {
    expect(isActionHelperCommand(command)).toBe(true);
  });

  it.each(['', 'manager', 'osxkeychain', 'store --file /tmp/x', '!true', "!'/usr/bin/gh' auth git-credential"])(
    'not a helper of the user: %j',
    (command) => {
      expect(isActionHelperCommand(command)).toBe(false);
    },
  );
});

describe('needsHelperReset', () => {
  it.each([
    ['no helper for the URL yet', [], true],
    ['a helper of the user', ['!mine'], true],
    ["the user's reset, then their helper", ['', '!mine'], true],
    ["an earlier invocation's reset and helper", ['', OURS], false],
    ['two earlier invocations', ['', OURS, OURS_ON_WINDOWS], false],
    ["an earlier invocation's, then a helper the user added later", ['', OURS, '!mine'], true],
    ["the user's reset alone (no helper for this URL): ours goes after it", [''], false],
  ])('%s', (_name, values, expected) => {
    expect(needsHelperReset(values)).toBe(expected);
  });
});
