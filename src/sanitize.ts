// Server-supplied text (error descriptions, headers, non-JSON bodies) is untrusted. Before it reaches
// the log or the job summary it is made into one short, printable line that cannot start a workflow
// command (those are only recognised at the start of a line, and a line is all we ever print).

const DEFAULT_MAX_LENGTH = 300;

/**
 * One printable line: control and format characters (newlines, ANSI escapes, bidi overrides) become
 * spaces, runs of white space collapse, `::` is broken up, and the result is capped at `maxLength`.
 */
export function sanitizeServerText(text: string, maxLength = DEFAULT_MAX_LENGTH): string {
  const oneLine = text
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/::/g, ': :')
    .trim();
  if (oneLine.length <= maxLength) return oneLine;
  return `${oneLine.slice(0, maxLength - 1)}…`;
}

/**
 * Replaces every occurrence of a secret (and of each long dot-separated part of it, for JWTs a
 * server might echo in pieces) with `***`. The runner masks the log, but not the job summary, and
 * a summary is where server text is shown too.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const fragments = new Set<string>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    fragments.add(secret);
    for (const part of secret.split('.')) if (part.length >= 16) fragments.add(part);
  }
  let redacted = text;
  // Longest first, so a whole token is replaced before its parts are.
  for (const fragment of [...fragments].sort((a, b) => b.length - a.length)) {
    redacted = redacted.split(fragment).join('***');
  }
  return redacted;
}

/** Escapes text for a Markdown/HTML job summary so server text cannot add links, HTML or tables. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[&<>"'`|[\]\\*_#]/g, (character) => `&#${character.charCodeAt(0)};`);
}
