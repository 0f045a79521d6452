/** The context menu opens `options.html#add=<text>`: a new entry prefilled with the selection. */
import { LIMITS } from '../glossary/schema';

/** The term to prefill, from a location hash like `#add=%E8%BC%9D%E9%81%94`; undefined if none. */
export function prefillFromHash(hash: string): string | undefined {
  const match = /^#add=(.*)$/s.exec(hash);
  if (!match) return undefined;
  let text: string;
  try {
    text = decodeURIComponent(match[1] ?? '');
  } catch {
    return undefined;
  }
  // Control characters never belong in a name; they become spaces like line breaks do.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const controlOrSpace = /[\u0000-\u001f\u007f\s]+/g;
  const term = text.replace(controlOrSpace, ' ').trim().slice(0, LIMITS.nameLength);
  return term || undefined;
}
