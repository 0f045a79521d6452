/**
 * Small type guards for values that cross a trust boundary (storage, messages) where a
 * schema library would cost more than it checks: see settings.ts and messages.ts.
 */

/** Whether `value` is one of `options` (compared with ===). */
export function isOneOf<T>(options: readonly T[], value: unknown): value is T {
  return options.includes(value as T);
}

/** Whether `value` is an array of strings. */
export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Whether `value` is a string of at most `max` UTF-16 units. */
export function isShortString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

/** Whether `value` is an object (not an array) whose fields can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own field of `record` (a value inherited from a prototype is not what was sent). */
export function ownField(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * `text` as an absolute http(s) URL, or undefined: the only links ColumnLens ever makes
 * clickable or treats as a web page (never `javascript:`, `data:`, `file:` or a relative path).
 */
export function webUrl(text: string | undefined): URL | undefined {
  try {
    const url = new URL(text ?? '');
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
