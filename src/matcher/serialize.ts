/**
 * The storage form of a compiled matcher: plain JSON-safe data (strings and arrays of strings),
 * typed arrays as base64, so the background can cache it in storage.local and a content script
 * can load it in a millisecond or two instead of rebuilding the automaton on every page.
 */
import type { AutomatonData } from './automaton';
import { decodeBase64, encodeBase64 } from './base64';
import { foldChanges, foldSourceFingerprint } from './fold';
import { adoptFoldTable, foldFingerprint } from './fold-fingerprint';
import { WORD_START, type VariantTable } from './patterns';

/** A compiled matcher as stored; produced by `Matcher.serialize()`, read by `loadMatcher()`. */
export interface SerializedMatcher {
  format: 'columnlens-matcher';
  version: 2;
  /** Fingerprint of the fold table the automaton was built with; a mismatch means "recompile". */
  fold: string;
  /**
   * That fold table, which a page takes instead of building it (a content script has no data to
   * build it from): `foldSourceFingerprint()` of its builder, and base64 of its `foldChanges()`
   * (little-endian Uint32). A matcher without them, or with a table from another source, does
   * not load: it is recompiled.
   */
  foldSource: string;
  foldChanges: string;
  entryIds: string[];
  /**
   * Base64 of the alphabet's little-endian Uint16 units. Not the string itself: an astral
   * character's two halves are separate classes, so the string may hold lone surrogates, which
   * Chromium's storage turns into U+FFFD.
   */
  alphabet: string;
  /** Base64 of little-endian typed arrays: Uint16 label, Int32 childStart, fail and patternEnd. */
  label: string;
  childStart: string;
  fail: string;
  /** The state that ends each pattern. */
  patternEnd: string;
  variantStart: string;
  variantEntry: string;
  variantFlags: string;
  variantText: string[];
}

/** Everything a matcher is made of, in memory. */
export interface MatcherParts {
  entryIds: readonly string[];
  automaton: AutomatonData;
  variants: VariantTable;
}

function encode(array: Int32Array | Uint16Array | Uint32Array): string {
  return encodeBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}

function decodeBytes(value: unknown, field: string, width: number): ArrayBuffer {
  const bytes = typeof value === 'string' ? decodeBase64(value) : undefined;
  if (!bytes) throw malformed(`${field} is not base64`);
  if (bytes.length % width !== 0) throw malformed(`${field} has a partial number`);
  return bytes.buffer as ArrayBuffer;
}

const decode = (value: unknown, field: string) => new Int32Array(decodeBytes(value, field, 4));

/** The string of these UTF-16 units, lone surrogates kept (a text decoder would replace them). */
function fromUnits(units: Uint16Array): string {
  let text = '';
  for (let i = 0; i < units.length; i += 8_192) text += String.fromCharCode(...units.subarray(i, i + 8_192));
  return text;
}

function malformed(detail: string): Error {
  return new Error(`Cannot load the compiled glossary matcher: ${detail}.`);
}

/** Converts matcher parts to their storage form. */
export function toSerialized(parts: MatcherParts): SerializedMatcher {
  const { automaton: a, variants: v } = parts;
  return {
    format: 'columnlens-matcher',
    version: 2,
    fold: foldFingerprint(),
    foldSource: foldSourceFingerprint(),
    foldChanges: encode(foldChanges()),
    entryIds: [...parts.entryIds],
    // By index: a string's iterator would hand over a surrogate pair as one character.
    alphabet: encode(Uint16Array.from({ length: a.alphabet.length }, (_, i) => a.alphabet.charCodeAt(i))),
    label: encode(a.label),
    childStart: encode(a.childStart),
    fail: encode(a.fail),
    patternEnd: encode(patternEnds(a.term, v.variantStart.length - 1)),
    variantStart: encode(v.variantStart),
    variantEntry: encode(v.variantEntry),
    variantFlags: encode(v.variantFlags),
    variantText: [...v.variantText],
  };
}

/**
 * Takes the fold table stored with the matcher (installed when this realm has none yet).
 * False when it is missing, damaged, built from another source than this code's, or does not
 * hash to the matcher's `fold` fingerprint: then the matcher is outdated or damaged in every
 * realm, so the background's check of what it stored (`publish.ts`), in a realm with a table
 * of its own, rejects what a page would.
 */
function adoptStoredFold(d: Record<string, unknown>): boolean {
  if (d.foldSource !== foldSourceFingerprint() || typeof d.fold !== 'string') return false;
  let changes: Uint32Array;
  try {
    changes = new Uint32Array(decodeBytes(d.foldChanges, 'foldChanges', 4));
  } catch {
    return false;
  }
  return adoptFoldTable(changes, d.fold);
}

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** States checked per step of `fromSerializedSteps`: a few milliseconds of work even on a cold page. */
export const STATES_PER_STEP = 1 << 15;

/** Decoded, checked parts plus what the checking pass derives on the way (so nothing walks the states twice). */
export interface LoadedParts extends MatcherParts {
  /** See `Automaton.output`. */
  output: Int32Array;
  /** Length of each pattern in scanned characters (its depth less word-start markers). */
  patternLength: Int32Array;
}

/**
 * Decodes and checks stored data, yielding between bounded slices of work so that a page can
 * load a 10,000-entry glossary without one long task; throws a clear error on anything
 * inconsistent. `loadMatcher` runs the steps without pausing.
 */
export function* fromSerializedSteps(data: unknown): Generator<void, LoadedParts, void> {
  if (typeof data !== 'object' || data === null) throw malformed('not an object');
  const d = data as Record<string, unknown>;
  if (d.format !== 'columnlens-matcher' || d.version !== 2) throw malformed('unknown format or version');
  // The fold table comes first: on a fresh page, the one stored with the matcher.
  if (!adoptStoredFold(d)) throw malformed('its fold table is missing, damaged or of another version (recompile it)');
  if (d.fold !== foldFingerprint()) throw malformed('built with a different folding table (recompile it)');
  if (!isStringArray(d.entryIds) || !isStringArray(d.variantText) || typeof d.alphabet !== 'string') {
    throw malformed('entryIds, variantText or alphabet has the wrong type');
  }
  yield;
  // Base64 decoding runs at some 10-20 ns a character even natively: one table per step.
  const label = new Uint16Array(decodeBytes(d.label, 'label', 2));
  yield;
  const childStart = decode(d.childStart, 'childStart');
  yield;
  const fail = decode(d.fail, 'fail');
  yield;
  const patternEnd = decode(d.patternEnd, 'patternEnd');
  const variants: VariantTable = {
    variantStart: decode(d.variantStart, 'variantStart'),
    variantEntry: decode(d.variantEntry, 'variantEntry'),
    variantFlags: decode(d.variantFlags, 'variantFlags'),
    variantText: d.variantText,
  };
  checkVariants(variants, d.entryIds.length);
  const patterns = variants.variantStart.length - 1;
  if (patternEnd.length !== patterns) throw malformed('patternEnd and variantStart differ in length');
  const n = label.length;
  if (n < 1 || childStart.length !== n + 1 || fail.length !== n) throw malformed('state arrays differ in length');
  // Breadth-first layout: children come after their parent, ranges tile 1 … n - 1 in order.
  if (childStart[0] !== 1 || childStart[n] !== n) throw malformed('child ranges do not cover the states');
  const automaton: AutomatonData = {
    alphabet: fromUnits(new Uint16Array(decodeBytes(d.alphabet, 'alphabet', 2))),
    label,
    childStart,
    fail,
    term: termsFromEnds(patternEnd, n),
  };
  yield;
  const pass = new StatePass(automaton, patternEnd);
  for (let from = 0; from < n; from += STATES_PER_STEP) {
    pass.check(from, Math.min(n, from + STATES_PER_STEP));
    yield;
  }
  return { entryIds: d.entryIds, automaton, variants, output: pass.output, patternLength: pass.lengths() };
}

function patternEnds(term: Int32Array, patterns: number): Int32Array {
  const ends = new Int32Array(patterns);
  for (let s = 1; s < term.length; s++) if (term[s] !== 0) ends[term[s]! - 1] = s;
  return ends;
}

function termsFromEnds(ends: Int32Array, states: number): Int32Array {
  const term = new Int32Array(states);
  for (let p = 0; p < ends.length; p++) {
    const s = ends[p]!;
    if (s < 1 || s >= states || term[s] !== 0) throw malformed(`pattern ${p} ends at an invalid state`);
    term[s] = p + 1;
  }
  return term;
}

/** Index checks of the variant table: every range and entry index in bounds. */
function checkVariants({ variantStart, variantEntry, variantFlags, variantText }: VariantTable, entries: number): void {
  const patterns = variantStart.length - 1;
  const count = variantEntry.length;
  if (patterns < 0) throw malformed('variantStart is empty');
  if (variantFlags.length !== count || variantText.length !== count) {
    throw malformed('variant arrays differ in length');
  }
  for (let p = 0; p < patterns; p++) {
    if (variantStart[p]! > variantStart[p + 1]!) throw malformed(`pattern ${p} has a negative variant range`);
  }
  if (variantStart[0] !== 0 || variantStart[patterns] !== count)
    throw malformed('variant ranges do not cover the variants');
  for (let v = 0; v < count; v++) {
    if (variantEntry[v]! < 0 || variantEntry[v]! >= entries) throw malformed(`variant ${v} names an unknown entry`);
  }
}

/**
 * One pass over the states, in slices, that checks what could make the scanner misbehave and
 * derives the output links and pattern lengths. Failure links must point to a lower state
 * number: with breadth-first numbering that is a shallower state, and it is what guarantees
 * that the scanner's failure and output chains end (a corrupt cache fails here, not in a loop).
 */
class StatePass {
  readonly output: Int32Array;
  /** Pattern characters on the path to each state (word-start markers are not characters). */
  private readonly units: Int32Array;
  private readonly marker: number;

  constructor(
    private readonly a: AutomatonData,
    private readonly patternEnd: Int32Array,
  ) {
    this.output = new Int32Array(a.label.length);
    this.units = new Int32Array(a.label.length);
    this.marker = a.alphabet.indexOf(WORD_START) + 1;
  }

  check(from: number, to: number): void {
    const { label, childStart, fail, term } = this.a;
    const { output, units, marker } = this;
    const classes = this.a.alphabet.length;
    for (let s = from; s < to; s++) {
      const first = childStart[s]!;
      const end = childStart[s + 1]!;
      if (first <= s || end < first) throw malformed(`state ${s} has a bad child range`);
      let previous = 0;
      for (let c = first; c < end; c++) {
        const k = label[c]!;
        if (k < 1 || k > classes) throw malformed(`state ${c} has an unknown character`);
        if (k <= previous) throw malformed(`children of state ${s} are not sorted`);
        previous = k;
        units[c] = units[s]! + (k === marker ? 0 : 1);
      }
      if (s === 0) continue;
      const f = fail[s]!;
      if (f < 0 || f >= s) throw malformed(`state ${s} has a bad failure link`);
      output[s] = term[s] !== 0 ? s : output[f]!;
    }
  }

  /** Pattern lengths, once every state has been checked. */
  lengths(): Int32Array {
    const lengths = this.patternEnd.map((s) => this.units[s]!);
    if (lengths.includes(0)) throw malformed('a pattern has no characters');
    return lengths;
  }
}
