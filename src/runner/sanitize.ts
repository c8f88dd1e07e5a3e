// Text the action does not control (a server's error text, headers, bodies; the ID token's claims;
// quoted inputs) is made safe here before it reaches the step log, an error, the git helper's stderr
// or the job summary.
//
// The runner reads a workflow command from ANY line of a step's stdout or stderr, in two syntaxes
// (actions/runner src/Runner.Common/ActionCommand.cs, src/Runner.Worker/ActionCommandManager.cs):
// - `::name …::data` at the start of a line, after leading white space;
// - the legacy `##[name …]data` ANYWHERE in a line: `##[stop-commands]x` in the middle of a retry
//   line stops every later command of the step, `::add-mask::` included, so a token printed after
//   it is shown in clear.
// Command names compare case-insensitively, and the runner finds `::` and `##[` with .NET's
// culture-sensitive IndexOf/StartsWith, which skips characters that collate as ignorable: `#` +
// soft hyphen + `#[` is `##[` to the runner. So invisible characters go first, then every `::` and
// every `##` is broken up, including across what may still be ignorable (marks, unassigned and
// private-use code points).

const DEFAULT_MAX_LENGTH = 300;

/** A UTF-16 surrogate without its pair: not text, and printed as garbage. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Invisible characters: format characters (zero-width, bidi, soft hyphen, BOM) and the rest of Default_Ignorable_Code_Point. */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** Characters that break a line or control a terminal (ANSI escapes start with one). */
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]/gu;
/**
 * What the runner's culture-sensitive search may skip between two characters it looks for: controls,
 * invisible characters, and (to be safe) marks, unassigned and private-use code points. A space is
 * never skipped, so a space is what breaks a pair.
 */
const SKIPPABLE = '\\p{Cc}\\p{Cf}\\p{Default_Ignorable_Code_Point}\\p{M}\\p{Cn}\\p{Co}';

/**
 * The patterns that find `::` and `##`, in two versions. Printable ASCII holds nothing skippable, so
 * for such text (almost every line the action prints) the plain versions find exactly what the
 * Unicode ones would; those are built only when a line holds something else, because building them
 * (their classes span most of Unicode) costs more than a millisecond of every run's start-up.
 */
interface MarkerPatterns {
  /** A `:` or `#` followed, after anything skippable, by the same character. */
  readonly commandMarkerPair: RegExp;
  /** A `#` followed, after anything skippable, by another: half of the legacy `##[`, found anywhere in a line. */
  readonly hashPair: RegExp;
  /** `::` as the first visible characters of a line, where the runner reads the current command syntax. */
  readonly leadingColonPair: RegExp;
}
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_MARKERS: MarkerPatterns = {
  commandMarkerPair: /([:#])(?=\1)/g,
  hashPair: /#(?=#)/g,
  leadingColonPair: /^( *):(?=:)/,
};
let unicodeMarkers: MarkerPatterns | undefined;

/** The patterns for `text`: the plain ones for printable ASCII, else the Unicode-aware ones. */
function markersFor(text: string): MarkerPatterns {
  if (PRINTABLE_ASCII.test(text)) return ASCII_MARKERS;
  unicodeMarkers ??= {
    commandMarkerPair: new RegExp(`([:#])(?=[${SKIPPABLE}]*\\1)`, 'gu'),
    hashPair: new RegExp(`#(?=[${SKIPPABLE}]*#)`, 'gu'),
    leadingColonPair: new RegExp(`^([\\s${SKIPPABLE}]*):(?=[${SKIPPABLE}]*:)`, 'u'),
  };
  return unicodeMarkers;
}

/**
 * Values shaped like a credential that a broker or a hub issues, redacted from every server text
 * before it is shown, whatever the status it came with: Hub tokens (`hf_…`, `hf_jwt_…`,
 * `hf_oauth_…`), JWTs and their parts (the base64url of `{"` is `eyJ`), three long dot-separated
 * base64url segments (a JWS whatever its header), and whatever follows `Bearer`. Only server text is
 * redacted this way, not claims or inputs: a repository such as `acme/hf_transformers_experiments`
 * is not a secret.
 */
const ISSUED_TOKEN_SHAPES: readonly RegExp[] = [
  /hf_[A-Za-z0-9._~+/=-]{16,}/g,
  /eyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*)*/g,
  /[A-Za-z0-9_-]{16,}(?:\.[A-Za-z0-9_-]{16,}){2,}/g,
  /(?<=\bBearer\s+)[A-Za-z0-9._~+/=-]+/gi,
];

/**
 * Server text as one short, inert, printable line: invisible characters removed, line breaks and
 * controls (ANSI escapes included) made spaces, white space collapsed, issued-token-shaped values
 * redacted to `***`, every `::` and `##` broken up (so it can form no workflow command, anywhere in
 * a line), lone surrogates made U+FFFD, and the result capped at `maxLength` characters (code
 * points, so a pair is never split). For text from a response; for claims and inputs, toInertLine.
 */
export function sanitizeServerText(text: string, maxLength = DEFAULT_MAX_LENGTH): string {
  return makeInert(text, maxLength, true);
}

/**
 * sanitizeServerText without the token redaction: for text known to hold no issued credential (the
 * ID token's claims, the action's own inputs), where a name like `hf_transformers_experiments` must
 * be shown as it is.
 */
export function toInertLine(text: string, maxLength = DEFAULT_MAX_LENGTH): string {
  return makeInert(text, maxLength, false);
}

/** `text` with every value shaped like an issued token (see ISSUED_TOKEN_SHAPES) replaced by `***`. */
export function redactIssuedTokens(text: string): string {
  return ISSUED_TOKEN_SHAPES.reduce((redacted, shape) => redacted.replace(shape, '***'), text);
}

function makeInert(text: string, maxLength: number, redactTokens: boolean): string {
  let line = text.replace(LONE_SURROGATE, '\ufffd').replace(INVISIBLE, '').replace(LINE_BREAKING, ' ');
  // Before the cap, so that cutting the text short cannot leave the first half of a token behind.
  if (redactTokens) line = redactIssuedTokens(line);
  line = line.replace(/\s+/g, ' ');
  line = line.replace(markersFor(line).commandMarkerPair, '$1 ').trim();
  const characters = Array.from(line); // code points, so a surrogate pair is never split
  if (characters.length <= maxLength) return line;
  return `${characters
    .slice(0, maxLength - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * A line the action is about to print, made inert whatever it quotes: the last line of defence for
 * text assembled from several pieces or from a path that did not sanitise. Each line of `text`
 * loses every `##` pair (the legacy syntax is found anywhere), and a line whose first visible
 * characters are `::` gets them broken up. `::` elsewhere is left alone: it is harmless there, and
 * the action's own messages contain it (`[::1]`).
 */
export function neutralizeCommands(text: string): string {
  // The separators are kept (odd indexes), so the text keeps its line breaks.
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, index) => {
      if (index % 2 === 1) return part;
      const markers = markersFor(part);
      return part.replace(markers.hashPair, '# ').replace(markers.leadingColonPair, '$1: ');
    })
    .join('');
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
