// What the runner makes of a step's raw stdout/stderr, modelled on actions/runner
// (src/Runner.Common/ActionCommand.cs, src/Runner.Worker/ActionCommandManager.cs and
// Handlers/OutputManager.cs), for two uses:
// - renderRunnerLog: the step log as a run page shows it (`::add-mask::` values replaced by ***,
//   groups folded, annotations as "Error:"/"Warning:", debug lines only with step debug logging);
// - findWorkflowCommands: every line the runner would take as a command, so a test can prove that
//   no server text became one.
//
// The runner reads a command from a line in two syntaxes, tried in this order:
// - `::name props::data` at the start of the line, after leading white space (TryParseV2);
// - the legacy `##[name props]data` ANYWHERE in the line (TryParse): only the first `##[` counts.
// Names compare case-insensitively, and only registered names are commands. `stop-commands` stops
// every command, `::add-mask::` included, until a line whose command is the stop token: text
// printed after a forged `##[stop-commands]x` is no longer masked.
// The runner finds `::` and `##[` with .NET's culture-sensitive IndexOf/StartsWith, which skips
// characters that collate as ignorable; the model drops format, default-ignorable and control
// characters before parsing, which is that behaviour for every character the sanitiser lets through.

/** The commands the runner registers (ActionCommandManager and its extensions). */
const REGISTERED_COMMANDS = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
];

export interface RunnerCommand {
  /** The command name, lower-cased. */
  readonly name: string;
  readonly data: string;
  readonly syntax: 'v2' | 'legacy';
  /** The raw line it was read from, and its index in the output. */
  readonly line: string;
  readonly index: number;
}

const IGNORABLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** Lines as the runner reads them (.NET ReadLine: LF, CR or CRLF). */
function splitLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/);
}

function decodeData(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** The command the runner reads from one line, given the names registered at that moment, or undefined. */
export function parseRunnerCommand(
  line: string,
  registered: ReadonlySet<string>,
  index = 0,
): RunnerCommand | undefined {
  const text = line.replace(IGNORABLE, (character) => (character === '\t' ? character : ''));
  const trimmed = text.replace(/^[\s\u0085]+/u, '');
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    if (end >= 0) {
      const info = trimmed.slice(2, end);
      const name = (info.split(' ')[0] ?? '').toLowerCase();
      if (registered.has(name)) return { name, data: decodeData(trimmed.slice(end + 2)), syntax: 'v2', line, index };
    }
  }
  const prefix = text.indexOf('##[');
  if (prefix < 0) return undefined;
  const close = text.indexOf(']', prefix);
  if (close < 0) return undefined;
  const name = (text.slice(prefix + 3, close).split(' ')[0] ?? '').toLowerCase();
  if (!registered.has(name)) return undefined;
  return { name, data: decodeData(text.slice(close + 1)), syntax: 'legacy', line, index };
}

/**
 * Every line of `output` the runner takes as a command, in order, with stop-commands honoured:
 * while commands are stopped, only the resume token is one.
 */
export function findWorkflowCommands(output: string): RunnerCommand[] {
  const registered = new Set(REGISTERED_COMMANDS);
  const found: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const [index, line] of splitLines(output).entries()) {
    const command = parseRunnerCommand(line, registered, index);
    if (!command) continue;
    if (stopToken !== undefined) {
      if (command.name !== stopToken) continue;
      registered.delete(stopToken);
      stopToken = undefined;
      found.push(command);
      continue;
    }
    found.push(command);
    if (command.name === 'stop-commands' && command.data !== '') {
      stopToken = command.data.toLowerCase();
      registered.add(stopToken);
    }
  }
  return found;
}

/** The commands the action itself writes (through @actions/core), each at the start of its own line. */
const ACTION_COMMANDS = new Set(['add-mask', 'error', 'warning', 'notice', 'debug', 'group', 'endgroup']);

/**
 * Commands in a step's output that the action did not write: any legacy `##[…]` command, any
 * command the toolkit does not issue, and any command not at the very start of its line.
 */
export function findForgedCommands(output: string): string[] {
  return findWorkflowCommands(output)
    .filter(
      (command) => command.syntax === 'legacy' || !ACTION_COMMANDS.has(command.name) || !command.line.startsWith('::'),
    )
    .map((command) => `${command.syntax} ${command.name}: ${command.line.slice(0, 160)}`);
}

export function renderRunnerLog(stdout: string, options: { debug?: boolean } = {}): string {
  const masks: string[] = [];
  const shown: string[] = [];
  let indent = '';
  const commands = new Map(findWorkflowCommands(stdout).map((command) => [command.index, command]));
  for (const [index, raw] of splitLines(stdout).entries()) {
    const command = commands.get(index);
    switch (command?.name) {
      case 'add-mask':
        if (command.data) masks.push(command.data);
        break;
      case 'group':
        shown.push(`▾ ${command.data}`);
        indent = '  ';
        break;
      case 'endgroup':
        indent = '';
        break;
      case 'error':
        shown.push(`Error: ${command.data}`);
        break;
      case 'warning':
        shown.push(`Warning: ${command.data}`);
        break;
      case 'notice':
        shown.push(`Notice: ${command.data}`);
        break;
      case 'debug':
        if (options.debug) shown.push(`##[debug]${command.data}`);
        break;
      default:
        if (raw !== '' || shown.length > 0) shown.push(`${indent}${raw}`);
    }
  }
  return maskText(shown.join('\n').trimEnd(), masks);
}

/** Replaces every registered secret with ***, longest first, as the runner's masker does. */
export function maskText(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) masked = masked.split(secret).join('***');
  return masked;
}
