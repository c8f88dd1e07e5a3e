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
