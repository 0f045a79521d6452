/**
 * Scanning: one pass of the automaton over a block of text, the per-alias rules on the few raw
 * hits, and leftmost-longest selection.
 *
 * The scanner reads text the way patterns were normalised: folded, with soft hyphens and
 * zero-width characters skipped and whitespace runs read as one space ("Alibaba\n   Cloud" is
 * "alibaba cloud"), or as nothing where a source line break splits Chinese text ("大型語言\n模型"
 * is "大型語言模型"). Reported offsets are always offsets into the original text.
 */
import type { Automaton } from './automaton';
import { CLASS_IGNORE, WORD_UNIT } from './class-table';
import { Flag, type VariantTable } from './patterns';
import { acceptEnd, exclusionEnd, startOf } from './rules';
import { isHtmlSpace, segmentBreakEnd } from './segment-break';
import { ExactSelection, type Match, type SelectionSink, StreamingSelection } from './selection';

/** A compiled matcher's scanning state. */
export interface ScanContext {
  automaton: Automaton;
  variants: VariantTable;
  /** Length of each pattern in scanned (folded, collapsed) characters. */
  patternLength: Int32Array;
  /** Entry of a pattern whose only variant has no rules to check, else -1: the fast path. */
  simpleEntry: Int32Array;
  /** Reused between scans (scans never nest). */
  streaming: StreamingSelection;
}

/** A scanning state for `automaton`, whose patterns have these variants and lengths. */
export function scanContext(automaton: Automaton, variants: VariantTable, patternLength: Int32Array): ScanContext {
  return {
    automaton,
    variants,
    patternLength,
    simpleEntry: simpleEntries(variants),
    streaming: new StreamingSelection(),
  };
}

/** Builds the per-pattern fast-path table. */
function simpleEntries(variants: VariantTable): Int32Array {
  const { variantStart, variantEntry, variantFlags } = variants;
  const simple = new Int32Array(variantStart.length - 1).fill(-1);
  for (let p = 0; p < simple.length; p++) {
    const v = variantStart[p]!;
    if (variantStart[p + 1] === v + 1 && variantFlags[v] === 0) simple[p] = variantEntry[v]!;
  }
  return simple;
}

/**
 * Matches in `text` that start at `from` or after: leftmost-longest, non-overlapping, sorted by
 * start. The text before `from` is context: the rules read it (a word or an address going on
 * from it) and an excluded phrase in it still covers what follows, but no occurrence starting
 * there is a candidate, so none can push out one that starts at `from`. When no match of the
 * whole text covers `from`, the result is the whole text's matches from `from` on.
 */
export function scanText(context: ScanContext, text: string, from = 0): Match[] {
  const streaming = context.streaming;
  streaming.reset();
  run(context, text, from, streaming);
  if (!streaming.sawExclusion) return streaming.matches();
  const exact = new ExactSelection();
  run(context, text, from, exact);
  return exact.matches();
}

function run(context: ScanContext, text: string, from: number, sink: SelectionSink): void {
  const { automaton, patternLength, simpleEntry } = context;
  const { classOf, rootRow, output, spaceClass, wordStartClass, hub, hubRow } = automaton;
  const { label, childStart, fail, term } = automaton.data;
  let state = 0;
  let previousWasSpace = false;
  let previousWasWordUnit = false;
  let lastSkipped = -1; // index of the last character the scanner stepped over
  const n = text.length;

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const v = classOf[c]!;
    let k: number;
    if (v < WORD_UNIT) {
      if (v === CLASS_IGNORE) {
        lastSkipped = i; // invisible: neither a character of the word nor a break in it
        continue;
      }
      // A source line break inside Chinese text, and spaces between Chinese and Latin, read as
      // nothing (segment-break.ts). Only a space after a character from U+2000 on is asked, or
      // one after a letter that some name goes on from (the automaton is not at its root:
      // skipping a space there could change nothing), before what may be Chinese. English
      // text answers here.
      if (
        c <= 0x20 &&
        !previousWasSpace &&
        i > 0 &&
        (previousWasWordUnit
          ? state !== 0 && mayBeSpaceless(text.charCodeAt(i + 1), classOf)
          : text.charCodeAt(i - 1) >= 0x2000) &&
        isHtmlSpace(c)
      ) {
        const after = segmentBreakEnd(text, classOf, i);
        if (after >= 0) {
          lastSkipped = after - 1;
          i = after - 1;
          continue;
        }
      }
      previousWasWordUnit = false;
      if (v === 0) {
        state = 0; // no pattern contains this character: every partial match dies here
        continue;
      }
      if (v === spaceClass) {
        if (previousWasSpace) {
          lastSkipped = i; // a run of spaces reads as one
          continue;
        }
        previousWasSpace = true;
      } else previousWasSpace = false;
      k = v;
    } else {
      previousWasSpace = false;
      k = v - WORD_UNIT;
      if (!previousWasWordUnit) {
        previousWasWordUnit = true;
        // A word starts here: feed the marker that Latin names begin with (see withWordStarts).
        if (k !== 0 && wordStartClass > 0) state = step(state, wordStartClass, rootRow, label, childStart, fail);
      }
      if (k === 0) {
        state = 0;
        continue;
      }
    }
    if (state === hub) {
      const child = hubRow[k]!;
      state = child !== 0 ? child : rootRow[k]!; // the hub fails to the root
    } else state = step(state, k, rootRow, label, childStart, fail);

    for (let o = output[state]!; o !== 0; o = output[fail[o]!]!) {
      const pattern = term[o]! - 1;
      const end = i + 1;
      const length = patternLength[pattern]!;
      const start = end - length > lastSkipped ? end - length : startOf(text, classOf, spaceClass, end, length);
      const simple = simpleEntry[pattern]!;
      if (simple >= 0) {
        if (start >= from) sink.candidate(start, end, simple);
      } else applyVariants(context, text, pattern, start, end, start >= from, sink);
    }
  }
}

/**
 * Whether the unit after a space may begin a Chinese character, or more spaces before one:
 * the cheap test that spares the full check after almost every space of English text.
 */
const mayBeSpaceless = (unit: number, classOf: Uint16Array) =>
  unit >= 0x2e80 || unit <= 0x20 || classOf[unit] === CLASS_IGNORE;

/**
 * The automaton's transition on class `k`, following failure links. Written out (rather than
 * calling Automaton.child) because it runs for most characters of every page.
 */
function step(
  from: number,
  k: number,
  rootRow: Int32Array,
  label: Uint16Array,
  childStart: Int32Array,
  fail: Int32Array,
): number {
  let state = from;
  while (state !== 0) {
    let lo = childStart[state]!;
    let hi = childStart[state + 1]!;
    while (hi - lo > 8) {
      const mid = (lo + hi) >>> 1;
      if (label[mid]! <= k) lo = mid;
      else hi = mid;
    }
    for (; lo < hi; lo++) if (label[lo] === k) return lo;
    state = fail[state]!;
  }
  return rootRow[k]!;
}

/**
 * Reports the pattern's exclusions and, if `candidate` (the hit starts where matches are
 * wanted), the first alias variant whose rules accept the hit.
 */
function applyVariants(
  context: ScanContext,
  text: string,
  pattern: number,
  start: number,
  end: number,
  candidate: boolean,
  sink: SelectionSink,
): void {
  const { variantStart, variantFlags, variantEntry, variantText } = context.variants;
  const { classOf, spaceClass } = context.automaton;
  for (let v = variantStart[pattern]!; v < variantStart[pattern + 1]!; v++) {
    const flags = variantFlags[v]!;
    if (flags & Flag.Exclude) {
      sink.exclusion(start, exclusionEnd(text, classOf, end), variantEntry[v]!);
      continue;
    }
    if (!candidate) continue;
    const accepted = acceptEnd(text, classOf, spaceClass, start, end, flags, variantText[v]!);
    if (accepted >= 0) {
      sink.candidate(start, accepted, variantEntry[v]!, (flags & Flag.Generic) !== 0);
      return; // the first alias whose rules hold owns this occurrence
    }
  }
}
