/**
 * Folding: the per-character normalisation that makes page text and glossary aliases comparable.
 *
 * It works on single UTF-16 units and never changes the length of a string, so an offset in
 * folded text is the same offset in the original text and highlights land exactly on what the
 * reader sees. What folds:
 * - Traditional / Simplified / Taiwan / Hong Kong variant characters to one form (generated table);
 * - full-width ASCII (ＯｐｅｎＡＩ) to ASCII; the hyphen family to '-'; every kind of space, tab
 *   and line break to ' '; curly apostrophes to "'"; name middle dots (‧ ・) to '·';
 * - letters to lower case, where lower-casing keeps one unit ('İ' keeps its case instead of
 *   turning into two units).
 *
 * This module holds a realm's fold table and reads it; it carries none of the data the table is
 * built from. A page takes the table stored with the compiled matcher (`serialize.ts`), so the
 * content script, which runs on every page, ships no conversion data. Realms that compile or
 * fold before they have a matcher (the background, the popup, the editor, Node) build it from
 * that data with `fold-build.ts`.
 */
import { fnv1a } from './fnv';
import { APOSTROPHES, CASED_RANGES, FOLD_BUILD_VERSION, HYPHENS, MIDDLE_DOTS, SPACES } from './fold-rules';
import { HAN_FOLD_PAIRS_HASH } from './script-data.generated';

/**
 * Characters that only affect rendering (soft hyphen, zero-width space / joiners, word joiner, BOM).
 * Folding keeps them (length!) but the scanner steps over them, so "Nvi\u00addia" still matches.
 */
export const IGNORABLE = '\u00ad\u200b\u200c\u200d\u2060\ufeff';

/**
 * The fold as deltas: fold(c) = (c + deltas[c]) & 0xffff. Zero means "unchanged", so the array
 * is filled from the few thousand units that change, not by a pass over all 65,536 of them.
 */
let deltas: Uint16Array | undefined;
let changes: Uint32Array | undefined;
/** Builds this realm's table on first use, where the realm can (`fold-build.ts`). */
let builder: (() => void) | undefined;

let sourceFingerprint: string | undefined;

/**
 * A fingerprint of what the fold table is built from (the Han pairs, the other folds, the cased
 * ranges), cheap to take without building it: a table stored with the same fingerprint is the
 * table this code would build, in the same browser (lower-casing comes from its engine).
 */
export function foldSourceFingerprint(): string {
  // The Han pairs by the hash generated with them: a page does not have the pairs at all. The
  // unit test of the generated file keeps the two in step.
  sourceFingerprint ??= `${FOLD_BUILD_VERSION}.${fnv1a(
    [HAN_FOLD_PAIRS_HASH, HYPHENS, SPACES, APOSTROPHES, MIDDLE_DOTS, CASED_RANGES.join(';')].join('\u0000'),
  ).toString(16)}`;
  return sourceFingerprint;
}

/** Whether this realm has its fold table (built or adopted). */
export function hasFoldTable(): boolean {
  return deltas !== undefined;
}

/**
 * Makes `list` this realm's fold table: every unit that folds to something else, as
 * unit * 65536 + fold, ascending (`foldChanges()` of a table built from this code's source,
 * here or by the background). A few thousand entries, set in well under a millisecond. False,
 * and nothing done, if this realm has a table already.
 */
export function installFoldTable(list: Uint32Array): boolean {
  if (deltas) return false;
  const d = new Uint16Array(0x10000);
  for (let i = 0; i < list.length; i++) {
    const c = list[i]! >>> 16;
    d[c] = ((list[i]! & 0xffff) - c) & 0xffff;
  }
  changes = list;
  deltas = d;
  return true;
}

/** Lets this realm build its table when first asked for it (`fold-build.ts` passes its builder). */
export function setFoldBuilder(build: () => void): void {
  builder = build;
}

/** This realm's table, built now if the realm can build it. */
function table(): Uint16Array {
  if (!deltas) builder?.();
  if (!deltas) {
    // A content script only folds once its matcher has brought the table; anything else is a bug.
    throw new Error('ColumnLens: no fold table in this realm (build it with fold-build.ts, or load a matcher)');
  }
  return deltas;
}

/** The fold of one UTF-16 unit. */
export function foldUnit(unit: number): number {
  return (unit + table()[unit]!) & 0xffff;
}

/**
 * Every unit that folds to something else, as unit * 65536 + fold, ascending: a few thousand
 * entries that let a matcher fill its class table without walking all 65,536 units.
 */
export function foldChanges(): Uint32Array {
  table();
  return changes!;
}

/** Folds text for comparison; the result has exactly the same length as the input. */
export function fold(text: string): string {
  const d = table();
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c + d[c]!; // Uint16Array stores it modulo 65536
  }
  // Decode in slices: String.fromCharCode(...hugeArray) would overflow the call stack.
  let s = '';
  for (let i = 0; i < out.length; i += 8192) s += String.fromCharCode(...out.subarray(i, i + 8192));
  return s;
}
