import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

describe('the helper command from Windows paths, through the shell git runs it with', () => {
  // Git for Windows runs a `!` helper as `sh -c '<command> get'` with its bundled MSYS2 bash
  // (run-command.c prepare_shell_cmd; credential.c credential_do appends the operation). There is no
  // Windows here, so this checks the part a POSIX shell decides: that every word, backslashes, spaces
  // and quotes included, reaches the program unchanged. A fake `node` is an executable whose file
  // name IS the Windows path (backslashes are ordinary file-name characters here; the shell finds it
  // on PATH because the name has no `/`); it records the argv it was given.
  const bin = mkdtempSync(join(tmpdir(), 'hf-oidc-fake-node-'));
  const argvFile = join(bin, 'argv');
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  const WINDOWS_CASES = [
    {
      name: 'hosted runner: the tool cache Node and the action under D:\\a\\_actions',
      node: 'C:\\hostedtoolcache\\windows\\node\\24.11.1\\x64\\node.exe',
      helper: 'D:\\a\\_actions\\hf-oidc\\hf-oidc-token-action\\v1\\dist\\git-credential-helper\\index.js',
    },
    {
      name: 'self-hosted: spaces, a quote and parentheses',
      node: 'C:\\Program Files (x86)\\nodejs\\node.exe',
      helper:
        "C:\\Users\\Jane O'Brien\\actions runner\\_work\\_actions\\o\\r\\v1\\dist\\git-credential-helper\\index.js",
    },
    {
      name: 'characters the shell would expand: $, backquotes, !, %, ;, &, #',
      node: 'C:\\$HOME\\`x`\\a!b%PATH%;&#\\node.exe',
      helper: 'D:\\a\\$(echo x)\\dist\\git-credential-helper\\index.js',
    },
  ];

  const fakeNode = (windowsPath: string): void => {
    const script = join(bin, windowsPath);
    writeFileSync(script, `#!/bin/sh\nprintf '%s\\0' "$0" "$@" > '${argvFile}'\nprintf 'username=u\\npassword=p\\n'\n`);
    chmodSync(script, 0o755);
  };
  const recordedArgv = (): string[] => readFileSync(argvFile, 'utf8').split('\0').slice(0, -1);
  const env = { PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}` };

  it.each(WINDOWS_CASES)('$name: sh and bash pass every word through unchanged', ({ node, helper }) => {
    fakeNode(node);
    const command = buildHelperCommand(node, helper, SETTINGS);
    expect(command.startsWith('!')).toBe(true);
    for (const shell of ['sh', 'bash']) {
      rmSync(argvFile, { force: true });
      execFileSync(shell, ['-c', `${command.slice(1)} get`], { env, input: '' });
      const [program, ...argv] = recordedArgv();
      expect(program, shell).toBe(join(bin, node));
      expect(argv, shell).toEqual([helper, ...buildHelperArguments(SETTINGS), 'get']);
    }
  });

  it.each(WINDOWS_CASES)('$name: survives git config and git runs it as written', ({ node, helper }) => {
    fakeNode(node);
    const command = buildHelperCommand(node, helper, SETTINGS);
    const config = join(bin, 'gitconfig');
    rmSync(config, { force: true });
    const gitEnv = { ...env, HOME: bin, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: config, GIT_TERMINAL_PROMPT: '0' };
    execFileSync('git', ['config', '--global', '--add', 'credential.https://huggingface.co/acme/x.helper', command], {
      env: gitEnv,
    });
    const stored = execFileSync(
      'git',
      ['config', '--global', '--get', 'credential.https://huggingface.co/acme/x.helper'],
      {
        env: gitEnv,
        encoding: 'utf8',
      },
    );
    expect(stored).toBe(`${command}\n`);
    rmSync(argvFile, { force: true });
    const filled = execFileSync('git', ['credential', 'fill'], {
      env: gitEnv,
      input: 'url=https://huggingface.co/acme/x\n\n',
      encoding: 'utf8',
    });
    expect(filled).toContain('password=p');
    expect(recordedArgv().slice(1)).toEqual([helper, ...buildHelperArguments(SETTINGS), 'get']);
  });
});
