// Property-based tests (fast-check) for the parts that read untrusted or user-written text: the
// resource grammar, the narrowing of the broker's responses, and the sanitiser. The properties are
// what the rest of the action relies on: nothing throws except the project's own errors, an accepted
// token cannot break GITHUB_ENV or the log masker, a token is handed to the masker before any
// refusal, and server text can never become a workflow command (checked against a model of the
// runner's own parser, test/support/runner-log.ts).
//
// Each property that skips some inputs, or asserts something only of some, counts the inputs that
// reached those assertions and checks the count at the end, so a generator (or a change to the code)
// that stopped producing interesting inputs fails instead of passing vacuously. The minimums sit
// about six standard deviations or more below the counts measured over 25 runs of 1,000 inputs: far
// from flaky, but a generator that lost half of its interesting inputs fails.
//
// No property decides what is right with a copy of the code's own rule: accepted tokens are checked
// against the RFC 6750 alphabet written out as characters, and explainInvalidToken also against
// tokens built to be valid or invalid (its boundaries are a hand-written table in
// token-response.test.ts).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, RemoteError } from '../../src/errors.js';
import { defaultAudienceFor, hubBaseOf, hubEndpoint, parseHubUrl } from '../../src/hub/hub-url.js';
import { parseResource } from '../../src/hub/resource.js';
import { neutralizeCommands, redactSecrets, sanitizeServerText } from '../../src/runner/sanitize.js';
import { explainInvalidToken, parseOAuthError, parseTokenResponse } from '../../src/hub/token-response.js';
import { findWorkflowCommands } from '../support/runner-log.js';

const RUNS = { numRuns: 1_000 };

/**
 * RFC 6750 §2.1 `b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`, the
 * characters written out one by one.
 */
const B64TOKEN_CHARACTERS: readonly string[] = Array.from(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ' + 'abcdefghijklmnopqrstuvwxyz' + '0123456789' + '-._~+/',
);

/** Whether `token` is a b64token: alphabet characters, then nothing but `=` padding. */
function isB64Token(token: string): boolean {
  const body = token.replace(/=+$/, '');
  return body.length > 0 && Array.from(body).every((character) => B64TOKEN_CHARACTERS.includes(character));
}

/** Counts the inputs a property got to check; `atLeast` fails the test when too few did. */
function counter(): { count: () => void; atLeast: (minimum: number) => void } {
  let reached = 0;
  return {
    count: () => {
      reached++;
    },
    atLeast: (minimum) => {
      expect(reached, 'inputs that reached the assertions').toBeGreaterThanOrEqual(minimum);
    },
  };
}

/** Characters that have broken parsers, logs and file commands before. */
const HOSTILE_CHARACTERS = [
  '\n',
  '\r',
  '\t',
  ' ',
  '\u0000',
  '\u001b',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u200b',
  '\u202e',
  '\ufeff',
  ':',
  '::',
  '%',
  '=',
  '<<',
  '/',
  '\\',
  '"',
  '.',
  '..',
  '--',
  '-',
  '_',
  '@',
  '?',
  '#',
  '\ud800',
  '😀',
  // The runner's legacy command syntax, found anywhere in a line, and what its search skips.
  '#',
  '##[',
  '[',
  ']',
  'stop-commands',
  'ADD-MASK',
  '\u00ad',
  '\u034f',
  '\ufe0f',
  '\u0301',
];
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE_CHARACTERS),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    {
      maxLength: 24,
    },
  )
  .map((pieces) => pieces.join(''));
/** Mostly valid-looking text with hostile pieces mixed in, so both accepted and refused inputs are reached. */
const nameCharacters = fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/);
/** Resources the Hub's grammar accepts, so the properties about accepted values get many to check. */
const validResource = fc
  .tuple(
    fc.constantFrom('', 'datasets/', 'spaces/', 'kernels/', 'buckets/'),
    fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9_]{0,8}[A-Za-z0-9])?$/),
    fc.constantFrom('/', '-', '_'),
  )
  .map(([prefix, name, separator]) => (separator === '/' ? `${prefix}${name}/${name}` : `${name}${separator}x`));
const resourceLike = fc.oneof(
  validResource,
  hostileText,
  fc
    .tuple(
      fc.constantFrom(
        '',
        'datasets/',
        'spaces/',
        'kernels/',
        'buckets/',
        'models/',
        'dataset/',
        'https://huggingface.co/',
        'http://hub.test/',
      ),
      nameCharacters,
      fc.constantFrom('', '/'),
      nameCharacters,
      hostileText.filter((text) => text.length < 3),
    )
    .map((parts) => parts.join('')),
);

/** The Hub's resource grammar (hub-docs), which every accepted value must fit. */
const HUB_RESOURCE = /^(?:(?:datasets|spaces|kernels|buckets)\/)?[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$|^[A-Za-z0-9._-]+$/;

/** Parses, and returns the outcome; any exception other than the project's own fails the property. */
function outcomeOf<T>(parse: () => T, allowed: new (...args: never[]) => Error): T | Error {
  try {
    return parse();
  } catch (error: unknown) {
    if (error instanceof allowed) return error;
    throw error;
  }
}

describe('parseResource, for any input', () => {
  it('returns a resource that fits the Hub grammar, or throws an InputError', () => {
    const accepted = counter();
    fc.assert(
      fc.property(resourceLike, fc.constantFrom('hub.test', 'huggingface.co'), (raw, hubHost) => {
        const outcome = outcomeOf(() => parseResource(raw, hubHost), InputError);
        if (outcome instanceof Error) return;
        accepted.count();
        expect(outcome.value).toMatch(HUB_RESOURCE);
        expect(outcome.value).not.toMatch(/--|\.\.|(^|\/)[-.]|[-.](\/|$)/);
      }),
      RUNS,
    );
    accepted.atLeast(250);
  });

  it('is idempotent: an accepted value parses to itself', () => {
    const accepted = counter();
    fc.assert(
      fc.property(resourceLike, (raw) => {
        const outcome = outcomeOf(() => parseResource(raw, 'hub.test'), InputError);
        if (outcome instanceof Error) return;
        accepted.count();
        expect(parseResource(outcome.value, 'hub.test')).toEqual(outcome);
      }),
      RUNS,
    );
    accepted.atLeast(250);
  });

  it('refuses with a message on one line', () => {
    const refused = counter();
    fc.assert(
      fc.property(resourceLike, (raw) => {
        const outcome = outcomeOf(() => parseResource(raw, 'hub.test'), InputError);
        if (!(outcome instanceof Error)) return;
        refused.count();
        expect(outcome.message).not.toMatch(/[\r\n\u2028\u2029]/);
      }),
      RUNS,
    );
    refused.atLeast(500);
  });
});

/** Hub URLs people write, with hostile pieces where a query, a fragment or a path may hide. */
const hubUrlLike = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', ''),
    fc.constantFrom('huggingface.co', 'hub.example', '127.0.0.1:8080', 'localhost', 'user:pw@hub.example'),
    fc.constantFrom('', '/', '/mirror', '/mirror/', '//a/../b/', '/%3F', '/a b'),
    fc.oneof(fc.constantFrom('', '', '', '?', '#', '?x=1', '#top', '?#', '/./'), hostileText),
  )
  .map((parts) => parts.join(''));

describe('parseHubUrl, for any input', () => {
  it("returns the hub's address alone, on which endpoints and the audience stay below it, or throws an InputError", () => {
    const accepted = counter();
    fc.assert(
      fc.property(hubUrlLike, (raw) => {
        const outcome = outcomeOf(() => parseHubUrl(raw, 'Input `hub-url`'), InputError);
        if (outcome instanceof Error) return;
        accepted.count();
        expect(outcome.href).not.toMatch(/[?#]/);
        expect(outcome.pathname.endsWith('/')).toBe(true);
        expect(outcome.pathname).not.toMatch(/\/\/$/);
        const tokenEndpoint = hubEndpoint(outcome, 'oauth/token');
        expect(tokenEndpoint.href).toBe(`${outcome.href}oauth/token`);
        expect(defaultAudienceFor(tokenEndpoint)).toBe(hubBaseOf(outcome));
        expect(hubBaseOf(outcome)).not.toMatch(/[?#]|\/$/);
      }),
      // About a quarter of these inputs are accepted: twice the usual runs, so the minimum is far
      // below the count (it averaged 242 of 1,000 and went as low as 211, too close to 200).
      { numRuns: 2 * RUNS.numRuns },
    );
    accepted.atLeast(300);
  });
});

/** Bodies a broker might send: valid-looking successes with one field replaced by anything, or any JSON, or any text. */
const tokenLike = fc.oneof(
  fc.stringMatching(/^hf_jwt_[A-Za-z0-9_-]{8,60}$/),
  fc
    .tuple(fc.stringMatching(/^hf_jwt_[A-Za-z0-9_-]{8,40}$/), hostileText, fc.stringMatching(/^[A-Za-z0-9]{0,10}$/))
    .map((parts) => parts.join('')),
  hostileText,
);
const anyJson = fc.jsonValue();
const successLike = fc.record(
  {
    access_token: fc.oneof(tokenLike, anyJson),
    token_type: fc.oneof(fc.constantFrom('bearer', 'Bearer', 'BEARER', 'mac', ''), anyJson),
    expires_in: fc.oneof(fc.integer({ min: -10, max: 200_000 }), fc.double(), anyJson),
    issued_token_type: anyJson,
  },
  { requiredKeys: [] },
);
/** A well-formed success, so the properties about accepted tokens get many to check. */
const validSuccess = fc.record({
  access_token: fc.stringMatching(/^hf_jwt_[A-Za-z0-9_-]{16,60}$/),
  token_type: fc.constantFrom('bearer', 'Bearer'),
  expires_in: fc.integer({ min: 1, max: 86_400 }),
});
const bodyLike = fc.oneof(
  validSuccess.map((body) => JSON.stringify(body)),
  successLike.map((body) => JSON.stringify(body)),
  anyJson.map((value) => JSON.stringify(value)),
  hostileText,
  successLike.map((body) => JSON.stringify(body).slice(0, -3)),
);

describe('parseTokenResponse, for any body', () => {
  it('returns a token or throws a RemoteError, nothing else', () => {
    fc.assert(
      fc.property(bodyLike, (body) => {
        outcomeOf(() => parseTokenResponse(body, () => undefined), RemoteError);
      }),
      RUNS,
    );
  });

  it('never accepts a token that could break GITHUB_ENV, a workflow command or the log masker', () => {
    const accepted = counter();
    fc.assert(
      fc.property(bodyLike, (body) => {
        const outcome = outcomeOf(() => parseTokenResponse(body, () => undefined), RemoteError);
        if (outcome instanceof Error) return;
        accepted.count();
        // No line break of any kind, no white space, no control or format character, no heredoc marker.
        expect(outcome.accessToken).not.toMatch(/[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
        expect(outcome.accessToken).not.toContain('<<');
        expect(isB64Token(outcome.accessToken), outcome.accessToken).toBe(true);
        expect(
          outcome.expiresInSeconds === undefined ||
            (outcome.expiresInSeconds > 0 && outcome.expiresInSeconds <= 86_400),
        ).toBe(true);
      }),
      RUNS,
    );
    accepted.atLeast(125);
  });

  it('hands every string access_token to the masker before it can refuse it', () => {
    const strings = counter();
    fc.assert(
      fc.property(successLike, (fields) => {
        if (typeof fields.access_token === 'string') strings.count();
        const seen: string[] = [];
        outcomeOf(() => parseTokenResponse(JSON.stringify(fields), (token) => seen.push(token)), RemoteError);
        expect(seen).toEqual(typeof fields.access_token === 'string' ? [fields.access_token] : []);
      }),
      RUNS,
    );
    // Bodies with a string access_token, the ones that can be refused after the masker saw it.
    strings.atLeast(300);
  });

  it('never puts the token in its error message', () => {
    const refused = counter();
    fc.assert(
      fc.property(
        tokenLike.filter((token) => token.length >= 8),
        (token) => {
          const outcome = outcomeOf(
            () => parseTokenResponse(JSON.stringify({ access_token: token, token_type: 'mac' }), () => undefined),
            RemoteError,
          );
          if (!(outcome instanceof Error)) return;
          refused.count();
          expect(outcome.message).not.toContain(token);
        },
      ),
      RUNS,
    );
    // token_type "mac" is refused whatever the token: every input must reach the assertion.
    refused.atLeast(RUNS.numRuns);
  });
});

/** A b64token of 16 to 300 characters, built from the alphabet: valid by construction. */
const b64Token = fc
  .tuple(
    fc.array(fc.constantFrom(...B64TOKEN_CHARACTERS), { minLength: 16, maxLength: 300 }),
    fc.constantFrom('', '=', '=='),
  )
  .map(([characters, padding]) => `${characters.join('')}${padding}`);
/** One character a b64token cannot have, by construction: never from the alphabet, never `=`. */
const outsideB64Token = fc.oneof(
  // Printable ASCII that is not in the alphabet.
  fc.constantFrom(...Array.from(' !"#$%&\'()*,:;<>?@[\\]^`{|}')),
  // ASCII controls: 0x00 to 0x1f, and DEL (0x7f) in place of 0x20.
  fc.integer({ min: 0, max: 0x20 }).map((code) => String.fromCharCode(code === 0x20 ? 0x7f : code)),
  // Anything beyond ASCII, lone surrogates included.
  fc.integer({ min: 0x80, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
);

describe('explainInvalidToken, for tokens built to be valid or not', () => {
  it('accepts every b64token (RFC 6750) of 16 to 300 characters', () => {
    fc.assert(
      fc.property(b64Token, (token) => {
        expect(explainInvalidToken(token), token).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('accepts, of any token-like text, only b64tokens of 16 to 8192 characters', () => {
    const accepted = counter();
    fc.assert(
      fc.property(tokenLike, (token) => {
        if (explainInvalidToken(token) !== undefined) return;
        accepted.count();
        expect(isB64Token(token), JSON.stringify(token)).toBe(true);
        expect(token.length).toBeGreaterThanOrEqual(16);
        expect(token.length).toBeLessThanOrEqual(8192);
      }),
      RUNS,
    );
    accepted.atLeast(250);
  });

  it('refuses a b64token with one character outside the alphabet, or an `=` before its end, wherever it is', () => {
    fc.assert(
      fc.property(b64Token, fc.oneof(outsideB64Token, fc.constant('=')), fc.nat(), (token, character, at) => {
        // Before a character of the alphabet, so an `=` is never part of the final padding.
        const body = token.replace(/=+$/, '');
        const index = at % body.length;
        const spoiled = `${body.slice(0, index)}${character}${body.slice(index)}`;
        expect(explainInvalidToken(spoiled), JSON.stringify(spoiled)).toBeTypeOf('string');
      }),
      RUNS,
    );
  });
});

/** Text that the runner would read as a command, in every syntax and disguise, with hostile text around it. */
const commandLike = fc
  .tuple(
    fc.constantFrom('', ' ', '\u00a0', '\t', 'Retrying: ', 'x'),
    fc.constantFrom('::', '##[', '#\u00ad#[', '#\u200b#[', '#\u034f#[', ':\ufe0f:', '\u200b::'),
    fc.constantFrom('add-mask', 'STOP-COMMANDS', 'stop-commands', 'error', 'Warning', 'set-env name=A', 'group'),
    fc.constantFrom('::', ']', ' k=v]', ' k=v::'),
    hostileText,
  )
  .map((parts) => parts.join(''));
const serverTextLike = fc.oneof({ arbitrary: hostileText, weight: 1 }, { arbitrary: commandLike, weight: 2 });

describe('server text, for any input', () => {
  const cannotFormCommands = (text: string, maxLength: number): void => {
    expect(text).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029]/u);
    expect(text).not.toContain('::');
    expect(text).not.toContain('##');
    expect(text).toBe(text.trim());
    expect(Array.from(text).length).toBeLessThanOrEqual(maxLength);
    expect(text).not.toMatch(/[\ud800-\udfff]/u); // with the u flag, only a lone surrogate matches
    // What the runner itself would read in it, alone or in the middle of a log line.
    expect(findWorkflowCommands(text)).toEqual([]);
    expect(findWorkflowCommands(`The exchange failed: ${text} Retrying in 1 s.`)).toEqual([]);
  };

  it('sanitizeServerText gives one short, printable line that the runner reads no command in', () => {
    const commands = counter();
    fc.assert(
      fc.property(serverTextLike, fc.integer({ min: 1, max: 80 }), (text, maxLength) => {
        if (findWorkflowCommands(`${text}\nThe exchange failed: ${text}`).length > 0) commands.count();
        cannotFormCommands(sanitizeServerText(text, maxLength), maxLength);
      }),
      RUNS,
    );
    // Inputs that were commands before sanitising, legacy syntax mid-line included.
    commands.atLeast(200);
  });

  it('neutralizeCommands leaves no command in any line, whatever the text around it', () => {
    const commands = counter();
    fc.assert(
      fc.property(fc.array(serverTextLike, { minLength: 1, maxLength: 4 }), (lines) => {
        const text = lines.join('\n');
        if (findWorkflowCommands(text).length > 0) commands.count();
        expect(findWorkflowCommands(neutralizeCommands(text))).toEqual([]);
        expect(findWorkflowCommands(`::error::${neutralizeCommands(text).replace(/\r?\n|\r/g, '%0A')}`)).toEqual([
          expect.objectContaining({ name: 'error' }),
        ]);
      }),
      RUNS,
    );
    commands.atLeast(400);
  });

  it('parseOAuthError never throws, and its fields are sanitised', () => {
    const parsedFields = counter();
    fc.assert(
      fc.property(
        fc.oneof(
          hostileText,
          fc
            .record(
              { error: fc.oneof(serverTextLike, anyJson), error_description: fc.oneof(serverTextLike, anyJson) },
              { requiredKeys: [] },
            )
            .map((body) => JSON.stringify(body)),
        ),
        (body) => {
          const parsed = parseOAuthError(body);
          if (parsed === undefined) return;
          parsedFields.count();
          if (parsed.error !== undefined) cannotFormCommands(parsed.error, 64);
          if (parsed.description !== undefined) cannotFormCommands(parsed.description, 300);
        },
      ),
      RUNS,
    );
    parsedFields.atLeast(250);
  });

  it('sanitizeServerText shows no issued-token-shaped value, whatever surrounds it and wherever it is cut', () => {
    const shown = counter();
    fc.assert(
      fc.property(
        hostileText,
        fc.oneof(
          fc.stringMatching(/^hf_(?:jwt_|oauth_)?[A-Za-z0-9_-]{30,60}$/),
          fc.stringMatching(/^eyJ[A-Za-z0-9_-]{10,40}\.eyJ[A-Za-z0-9_-]{10,60}\.[A-Za-z0-9_-]{20,60}$/),
        ),
        hostileText,
        fc.integer({ min: 20, max: 300 }),
        (before, token, after, maxLength) => {
          const text = sanitizeServerText(`${before} ${token} ${after}`, maxLength);
          if (text.includes('***')) shown.count();
          expect(text).not.toContain(token.slice(0, 12));
          for (const part of token.split('.')) expect(text).not.toContain(part.slice(0, 12));
        },
      ),
      RUNS,
    );
    shown.atLeast(900);
  });

  it('redactSecrets leaves no secret in the text, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        hostileText,
        fc.stringMatching(/^[A-Za-z0-9_-]{16,40}\.[A-Za-z0-9_-]{16,40}\.[A-Za-z0-9_-]{16,40}$/),
        hostileText,
        (before, secret, after) => {
          const redacted = redactSecrets(`${before}${secret}${after}${secret.split('.')[1] ?? ''}`, [secret]);
          expect(redacted).not.toContain(secret);
          for (const part of secret.split('.')) expect(redacted).not.toContain(part);
        },
      ),
      RUNS,
    );
  });
});
