/**
 * The storage form of a compiled matcher: plain JSON-safe data (strings and arrays of strings),
 * typed arrays as base64, so the background can cache it in storage.local and a content script
 * can load it in a millisecond or two instead of rebuilding the automaton on every page.
 */
import { type AutomatonData, stateDepths } from './automaton';
import { decodeBase64, encodeBase64 } from './base64';
import { foldFingerprint } from './fold-fingerprint';
import type { VariantTable } from './patterns';

/** A compiled matcher as stored; produced by `Matcher.serialize()`, read by `loadMatcher()`. */
export interface SerializedMatcher {
  format: 'columnlens-matcher';
  version: 1;
  /** Fingerprint of the fold table the automaton was built with; a mismatch means "recompile". */
  fold: string;
  entryIds: string[];
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

function encode(array: Int32Array | Uint16Array): string {
  return encodeBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}

function decodeBytes(value: unknown, field: string, width: number): ArrayBuffer {
  const bytes = typeof value === 'string' ? decodeBase64(value) : undefined;
  if (!bytes) throw malformed(`${field} is not base64`);
  if (bytes.length % width !== 0) throw malformed(`${field} has a partial number`);
  return bytes.buffer as ArrayBuffer;
}

const decode = (value: unknown, field: string) => new Int32Array(decodeBytes(value, field, 4));

function malformed(detail: string): Error {
  return new Error(`Cannot load the compiled glossary matcher: ${detail}.`);
}

/** Converts matcher parts to their storage form. */
export function toSerialized(parts: MatcherParts): SerializedMatcher {
  const { automaton: a, variants: v } = parts;
  return {
    format: 'columnlens-matcher',
    version: 1,
    fold: foldFingerprint(),
    entryIds: [...parts.entryIds],
    alphabet: a.alphabet,
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

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** Decodes and checks stored data; throws a clear error on anything inconsistent. */
export function fromSerialized(data: unknown): MatcherParts {
  if (typeof data !== 'object' || data === null) throw malformed('not an object');
  const d = data as Record<string, unknown>;
  if (d.format !== 'columnlens-matcher' || d.version !== 1) throw malformed('unknown format or version');
  if (d.fold !== foldFingerprint()) throw malformed('built with a different folding table (recompile it)');
  if (!isStringArray(d.entryIds) || !isStringArray(d.variantText) || typeof d.alphabet !== 'string') {
    throw malformed('entryIds, variantText or alphabet has the wrong type');
  }
  const label = new Uint16Array(decodeBytes(d.label, 'label', 2));
  const automaton: AutomatonData = {
    alphabet: d.alphabet,
    label,
    childStart: decode(d.childStart, 'childStart'),
    fail: decode(d.fail, 'fail'),
    term: termsFromEnds(decode(d.patternEnd, 'patternEnd'), label.length),
  };
  const variants: VariantTable = {
    variantStart: decode(d.variantStart, 'variantStart'),
    variantEntry: decode(d.variantEntry, 'variantEntry'),
    variantFlags: decode(d.variantFlags, 'variantFlags'),
    variantText: d.variantText,
  };
  const parts = { entryIds: d.entryIds, automaton, variants };
  checkConsistency(parts);
  return parts;
}

function patternEnds(term: Int32Array, patterns: number): Int32Array {
  const ends = new Int32Array(patterns);
  for (let s = 1; s < term.length; s++) if (term[s] !== 0) ends[term[s]! - 1] = s;
  return ends;
}

function termsFromEnds(ends: Int32Array, states: number): Int32Array {
  const term = new Int32Array(states);
  ends.forEach((s, p) => {
    if (s < 1 || s >= states || term[s] !== 0) throw malformed(`pattern ${p} ends at an invalid state`);
    term[s] = p + 1;
  });
  return term;
}

/** Index checks that make a corrupt cache fail loudly here instead of looping in the scanner. */
function checkConsistency({ entryIds, automaton, variants }: MatcherParts): void {
  checkTrie(automaton, variants.variantStart.length - 1);
  const { variantStart, variantEntry, variantFlags, variantText } = variants;
  const patterns = variantStart.length - 1;
  const count = variantEntry.length;
  if (variantFlags.length !== count || variantText.length !== count) {
    throw malformed('variant arrays differ in length');
  }
  for (let p = 0; p < patterns; p++) {
    if (variantStart[p]! > variantStart[p + 1]!) throw malformed(`pattern ${p} has a negative variant range`);
  }
  if (variantStart[0] !== 0 || variantStart[patterns] !== count)
    throw malformed('variant ranges do not cover the variants');
  for (let v = 0; v < count; v++) {
    if (variantEntry[v]! < 0 || variantEntry[v]! >= entryIds.length)
      throw malformed(`variant ${v} names an unknown entry`);
  }
}

function checkTrie({ alphabet, label, childStart, fail, term }: AutomatonData, patterns: number): void {
  const n = label.length;
  if (n < 1 || childStart.length !== n + 1 || fail.length !== n || term.length !== n) {
    throw malformed('state arrays differ in length');
  }
  if (patterns < 0) throw malformed('variantStart is empty');
  // Breadth-first layout: children come after their parent, ranges tile 1 … n - 1 in order.
  if (childStart[0] !== 1 || childStart[n] !== n) throw malformed('child ranges do not cover the states');
  for (let s = 0; s < n; s++) {
    const first = childStart[s]!;
    const end = childStart[s + 1]!;
    if (first <= s || end < first) throw malformed(`state ${s} has a bad child range`);
    for (let c = first; c < end; c++) {
      const k = label[c]!;
      if (k < 1 || k > alphabet.length) throw malformed(`state ${c} has an unknown character`);
      if (c > first && k <= label[c - 1]!) throw malformed(`children of state ${s} are not sorted`);
    }
  }
  const depth = stateDepths(childStart);
  for (let s = 1; s < n; s++) {
    // Failure links point to strictly shallower states; anything else could loop the scanner.
    if (fail[s]! < 0 || fail[s]! >= n || depth[fail[s]!]! >= depth[s]!)
      throw malformed(`state ${s} has a bad failure link`);
    if (term[s]! > patterns) throw malformed(`state ${s} ends an unknown pattern`);
  }
}
