// What the test harness needs to know about the operating system it runs on, so the end-to-end
// tests run unchanged on Linux, macOS and Windows (the CI matrix).

/**
 * The variables a child process needs on Windows whatever environment a test gives it: without
 * SystemRoot, Winsock (so every socket) fails to start; ComSpec and PATHEXT let git run its shell
 * helpers. Empty elsewhere, where a minimal environment (PATH, HOME) is enough.
 */
export function systemEnvironment(): Record<string, string> {
  if (process.platform !== 'win32') return {};
  const kept: Record<string, string> = {};
  for (const name of ['SystemRoot', 'SystemDrive', 'windir', 'ComSpec', 'PATHEXT']) {
    const value = process.env[name];
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}

/**
 * The variables that point a process's home and temporary folders at a sandbox: HOME and TMPDIR
 * everywhere (git and Node on POSIX), and on Windows also USERPROFILE (Node's os.homedir()) and
 * TEMP/TMP (os.tmpdir()), so nothing a run writes escapes the sandbox's stray-file check.
 */
export function sandboxEnvironment(home: string, temp: string): Record<string, string> {
  return {
    HOME: home,
    TMPDIR: temp,
    ...(process.platform === 'win32' ? { USERPROFILE: home, TEMP: temp, TMP: temp } : {}),
  };
}

/** How git writes a value into a config file: backslashes and double quotes escaped. */
export function escapeForGitConfig(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
