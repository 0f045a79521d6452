/**
 * Builds the fold table (`fold.ts`) from its data: the Han pairs generated from OpenCC's tables
 * (`script-data.generated.ts`, some 17,000 characters) and the rules in `fold-rules.ts`.
 *
 * Only realms that compile a matcher or fold before they have one import this: the background,
 * the popup, the editor, Node. A page takes the table stored with its matcher, so the content
 * script ships none of this data.
 */
import { hasFoldTable, installFoldTable, setFoldBuilder } from './fold';
import { APOSTROPHES, CASED_RANGES, HYPHENS, MIDDLE_DOTS, SPACES } from './fold-rules';
import { HAN_FOLD_PAIRS } from './script-data.generated';

/** Decodes HAN_FOLD_PAIRS (format: tests/tools/build-script-data.ts) in one pass over its characters. */
function decodeHanPairs(set: (unit: number, fold: number) => void): void {
  let source = 0;
  let gap = 0;
  let diff = 0;
  let sign = 0; // 0 while reading the gap, then +1 or -1 while reading the difference
  const text = HAN_FOLD_PAIRS;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x2c;
    if (c === 0x2c) {
      source += sign === 0 || gap === 0 ? 1 : gap;
      set(source, source + sign * diff);
      gap = diff = sign = 0;
    } else if (c === 0x2b || c === 0x2d) {
      sign = c === 0x2b ? 1 : -1;
    } else {
      const digit = c <= 0x39 ? c - 0x30 : c - 0x57; // base 36, lower case
      if (sign === 0) gap = gap * 36 + digit;
      else diff = diff * 36 + digit;
    }
  }
}

/** Every unit that folds to something else, as unit * 65536 + fold, ascending. */
function buildChanges(): Uint32Array {
  const d = new Uint16Array(0x10000);
  const touched: number[] = [];
  const set = (c: number, f: number) => {
    d[c] = (f - c) & 0xffff;
    touched.push(c);
  };
  decodeHanPairs(set);
  for (let c = 0xff01; c <= 0xff5e; c++) set(c, c - 0xfee0);
  for (const [units, f] of [
    [HYPHENS, 0x2d],
    [SPACES, 0x20],
    [APOSTROPHES, 0x27],
    [MIDDLE_DOTS, 0xb7],
  ] as const) {
    for (let i = 0; i < units.length; i++) set(units.charCodeAt(i), f);
  }
  // Case last, on the already folded value. Nothing folds into a cased range from outside it
  // except full-width capitals, which go straight to lower-case ASCII.
  for (const [lo, hi] of CASED_RANGES) lowerRange(d, lo, hi, set);
  for (let c = 0xff21; c <= 0xff3a; c++) set(c, c - 0xfee0 + 0x20);

  const sorted = Uint16Array.from(touched).sort(); // native numeric sort: no comparator calls
  const list: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i]!;
    if ((i === 0 || c !== sorted[i - 1]) && d[c] !== 0) list.push(c * 0x10000 + ((c + d[c]!) & 0xffff));
  }
  return Uint32Array.from(list);
}

/** Lower-cases lo … hi in slices of 64 with one toLowerCase call each where lengths allow. */
function lowerRange(d: Uint16Array, lo: number, hi: number, set: (c: number, f: number) => void): void {
  for (let start = lo; start <= hi; start += 64) {
    const end = Math.min(hi, start + 63);
    const units: number[] = [];
    for (let c = start; c <= end; c++) units.push((c + d[c]!) & 0xffff);
    const slice = String.fromCharCode(...units);
    const lower = slice.toLowerCase();
    for (let c = start; c <= end; c++) {
      const unit = units[c - start]!;
      // A slice holding a character whose lower case is longer ('İ') is done one by one.
      const l = lower.length === slice.length ? lower.charCodeAt(c - start) : oneUnitLower(unit);
      if (l !== unit) set(c, l);
    }
  }
}

function oneUnitLower(unit: number): number {
  const lower = String.fromCharCode(unit).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : unit;
}

/** Builds this realm's fold table now, unless it has one. */
export function ensureFoldTable(): void {
  if (!hasFoldTable()) installFoldTable(buildChanges());
}

/** Lets this realm build its fold table the first time something folds (call once at start). */
export function buildFoldTableOnFirstUse(): void {
  setFoldBuilder(ensureFoldTable);
}
