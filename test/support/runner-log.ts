// Renders a step's raw stdout the way a GitHub Actions run page shows it: `::add-mask::` lines are
// consumed and their values replaced by ***, groups fold, annotations become "Error:"/"Warning:",
// debug lines are hidden unless step debug logging is on.

export function renderRunnerLog(stdout: string, options: { debug?: boolean } = {}): string {
  const masks: string[] = [];
  const shown: string[] = [];
  let indent = '';
  for (const raw of stdout.split('\n')) {
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(raw);
    const [, name, data = ''] = command ?? [];
    const text = data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
    switch (name) {
      case 'add-mask':
        if (text) masks.push(text);
        break;
      case 'group':
        shown.push(`▾ ${text}`);
        indent = '  ';
        break;
      case 'endgroup':
        indent = '';
        break;
      case 'error':
        shown.push(`Error: ${text}`);
        break;
      case 'warning':
        shown.push(`Warning: ${text}`);
        break;
      case 'notice':
        shown.push(`Notice: ${text}`);
        break;
      case 'debug':
        if (options.debug) shown.push(`##[debug]${text}`);
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
