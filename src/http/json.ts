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

/**
 * Every non-empty string held under one of `names` (compared case-insensitively), at any depth, in
 * objects and arrays alike: how a caller finds every credential in an answer, wherever the server
 * put it. The walk is iterative (an explicit stack, each value visited once), so a hostile body
 * nesting thousands of levels within its size cap is walked whole, without recursion to overflow.
 */
export function collectStringFields(value: unknown, names: ReadonlySet<string>): string[] {
  const found: string[] = [];
  // A `found` entry is a value already found, a `walk` entry one still to look into. Children are
  // pushed in reverse, so that what is found comes out in document order.
  const pending: Array<{ readonly found: string } | { readonly walk: unknown }> = [{ walk: value }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if ('found' in next) {
      found.push(next.found);
      continue;
    }
    const current = next.walk;
    if (typeof current !== 'object' || current === null) continue;
    const entries: ReadonlyArray<readonly [string, unknown]> = Object.entries(current);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, field] = entries[index] ?? ['', undefined];
      if (names.has(key.toLowerCase()) && typeof field === 'string') {
        if (field !== '') pending.push({ found: field });
      } else {
        pending.push({ walk: field });
      }
    }
  }
  return found;
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
