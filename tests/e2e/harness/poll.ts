/**
 * Reads `read()` every `everyMs` until `wanted` holds or `timeoutMs` has passed, and returns
 * the last value read: a test asserts on it, so a timeout fails with what was seen last.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  wanted: (value: T) => boolean,
  { timeoutMs = 6_000, everyMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (wanted(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
