// Network JSON is `unknown` until checked. This is the one place that parses a body and checks it
// is a JSON object or list; callers then narrow each field they read.

/** `text` parsed as JSON (the value `unknown` until narrowed), or undefined when it is not JSON. */
export function parseJson(text: string): { readonly value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

export type JsonObjectResult =
  | { readonly object: Record<string, unknown>; readonly problem?: never }
  | { readonly object?: never; readonly problem: 'is not valid JSON' | 'is not a JSON object' };

/** Parses `text` as a JSON object (not an array, not null), or says which of the two it is not. */
export function parseJsonObject(text: string): JsonObjectResult {
  const parsed = parseJson(text);
  if (parsed === undefined) return { problem: 'is not valid JSON' };
  return isJsonObject(parsed.value) ? { object: parsed.value } : { problem: 'is not a JSON object' };
}

/** Whether `value` is a JSON object: not an array, not null. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `text` parsed as a JSON list, or undefined when it is not one (its items still `unknown`). */
export function parseJsonList(text: string): readonly unknown[] | undefined {
  const parsed = parseJson(text);
  return Array.isArray(parsed?.value) ? (parsed.value as unknown[]) : undefined;
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
  const parsed = parseJson(body);
  return parsed === undefined ? [] : collectStringFields(parsed.value, names).filter((value) => value.length >= 8);
}
