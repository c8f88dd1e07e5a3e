import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  buildHelperArguments,
  buildHelperCommand,
  parseHelperArguments,
  quoteForShell,
  type HelperSettings,
} from '../../src/git/helper-command.js';
import { parseResource } from '../../src/hub/resource.js';

const SETTINGS: HelperSettings = {
  hubUrl: new URL('https://huggingface.co/'),
  resource: parseResource('spaces/acme/demo', 'huggingface.co'),
  tokenEndpoint: new URL('https://huggingface.co/oauth/token'),
  audience: 'https://huggingface.co',
  maxAttempts: 4,
  requestTimeoutMs: 15_000,
  deadlineMs: 90_000,
  id: '0123abcd',
};

describe('the helper command line', () => {
  it('round-trips the settings, with the operation git appends', () => {
    for (const operation of ['get', 'store', 'erase'] as const) {
      const parsed = parseHelperArguments([...buildHelperArguments(SETTINGS), operation]);
      expect(parsed.operation).toBe(operation);
      expect(parsed.settings).toEqual(SETTINGS);
    }
    expect(parseHelperArguments([...buildHelperArguments(SETTINGS), 'capabilities']).operation).toBe('other');
    expect(parseHelperArguments(buildHelperArguments(SETTINGS)).operation).toBe('other');
  });

  it.each([
    [['--resource', 'acme/x', 'get'], 'has no --hub-url'],
    [
      [...buildHelperArguments(SETTINGS).map((word) => (word === '4' ? 'four' : word)), 'get'],
      '--max-attempts is not a positive whole number',
    ],
    [['--unknown', 'x', 'get'], 'malformed'],
  ])('refuses a malformed command line %j', (argv, message) => {
    expect(() => parseHelperArguments(argv)).toThrow(message);
  });

  it('quotes every word so the shell git uses passes it through unchanged', () => {
    const words = ['/opt/hosted tool cache/node', 'it\'s "quoted" $HOME `x` \\ ;|&', 'plain'];
    const echoed = execFileSync('sh', ['-c', `printf '%s\\n' ${words.map(quoteForShell).join(' ')}`], {
      encoding: 'utf8',
    });
    expect(echoed).toBe(`${words.join('\n')}\n`);
  });

  it('builds a `!` command: node, the helper, the arguments', () => {
    const command = buildHelperCommand('/usr/bin/node', '/a b/helper.js', SETTINGS);
    expect(command.startsWith("!'/usr/bin/node' '/a b/helper.js' '--hub-url' 'https://huggingface.co/'")).toBe(true);
    expect(command).toContain("'--id' '0123abcd'");
  });
});
