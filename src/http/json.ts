// Network JSON is `unknown` until checked. This is the one place that parses a body and checks it
// is a JSON object; callers then narrow each field they read.

export type JsonObjectResult =
  | { readonly object: Record<string, unknown>; readonly problem?: never }
  | { readonly object?: never; readonly problem: 'is not valid JSON' | 'is not a JSON object' };

/** Parses `text` as a JSON object (not an array, not null), or says which of the two it is not. */
export function parseJsonObject(text: string): JsonObjectResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: 'is not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { problem: 'is not a JSON object' };
  return { object: parsed as Record<string, unknown> };
}

/** How deep collectStringFields looks: a hostile body can nest thousands of levels within its size cap. */
const MAX_DEPTH = 8;

/**
 * Every non-empty string held under one of `names` (compared case-insensitively), at any depth up
 * to MAX_DEPTH, in objects and arrays alike: how a caller finds every credential in an answer,
 * wherever the server put it.
 */
export function collectStringFields(value: unknown, names: ReadonlySet<string>, depth = 0): string[] {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, field]) =>
    names.has(key.toLowerCase()) && typeof field === 'string'
      ? field === ''
        ? []
        : [field]
      : collectStringFields(field, names, depth + 1),
  );
}

/**
 * The credentials in a body that may not be JSON at all (then there are none): collectStringFields,
 * without values too short to be a credential. Those are no secret, and masking a word such as
 * `invalid` would blank it out of the whole log.
 */
export function collectCredentialsOfBody(body: string, names: ReadonlySet<string>): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  return collectStringFields(parsed, names).filter((value) => value.length >= 8);
}
