// Server-supplied text (error descriptions, headers, non-JSON bodies) is untrusted. Before it reaches
// the log or the job summary it is made into one short, printable line that cannot start a workflow
// command (those are only recognised at the start of a line, and a line is all we ever print).

const DEFAULT_MAX_LENGTH = 300;

/** A UTF-16 surrogate without its pair: not text, and printed as garbage. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * One printable line: control and format characters (newlines, ANSI escapes, bidi overrides) become
 * spaces, runs of white space collapse, every `::` is broken up (`:::` too), lone surrogates become
 * U+FFFD, and the result is capped at `maxLength` characters (code points, so a pair is never split).
 */
export function sanitizeServerText(text: string, maxLength = DEFAULT_MAX_LENGTH): string {
  const oneLine = text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/:(?=:)/g, ': ')
    .trim();
  const characters = Array.from(oneLine); // code points, so a surrogate pair is never split
  if (characters.length <= maxLength) return oneLine;
  return `${characters
    .slice(0, maxLength - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * A value quoted for an error message, as JSON.stringify does, but with the characters it leaves
 * alone escaped too (U+2028/2029, C1 controls, format characters, lone surrogates), so the message
 * stays one visible line whatever the value holds.
 */
export function quoteForMessage(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\p{Cf}]|[\ud800-\udfff]/gu,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
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
