/** FNV-1a, 32 bits: a quick fingerprint of text, for telling versions apart (not for security). */
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Hashes `text`'s UTF-16 units on from `hash` (FNV_OFFSET to start; a previous result to go on). */
export function fnv1a(text: string, hash = FNV_OFFSET): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** The same over numbers, each taken whole as one unit (a fold table's 32-bit changes). */
export function fnv1aUnits(units: ArrayLike<number>, hash = FNV_OFFSET): number {
  let h = hash;
  for (let i = 0; i < units.length; i++) h = Math.imul(h ^ units[i]!, FNV_PRIME);
  return h >>> 0;
}
