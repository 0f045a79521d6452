/**
 * Field-level overrides of an entry. The reader's edit of a bundled entry is stored as
 * only the fields that differ, so a later bundled version still brings its fixes to every
 * field the reader did not touch.
 */
import type { Entry } from '../glossary/schema';
import type { EntryPatch } from '../storage/user-layer-schema';

/** Keys that must never be copied onto an object, whatever the data says. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deep equality for JSON-like values (what entries are made of). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keysA = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const keysB = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}

/** The fields of `next` that differ from `base`; a field `next` lacks becomes `null`. */
export function diffEntry(base: Entry, next: Entry): EntryPatch {
  const patch: EntryPatch = {};
  const b = base as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(n)])) {
    if (key === 'id' || UNSAFE_KEYS.has(key) || sameValue(b[key], n[key])) continue;
    patch[key] = n[key] === undefined ? null : n[key];
  }
  return patch;
}

/** `base` with the patch applied (not validated: the caller checks the result). */
export function applyPatch(base: Entry, patch: EntryPatch): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id' || UNSAFE_KEYS.has(key)) continue;
    if (value === null) delete result[key];
    else result[key] = value;
  }
  return result;
}
