/**
 * The Aho–Corasick automaton over all folded patterns, in typed arrays.
 *
 * States are numbered breadth-first with each state's children consecutive and sorted by class,
 * so the trie is just `label` (the class on the edge into each state) and `childStart` (where
 * each state's children begin): six bytes a state, small enough to stay in cache for a 10,000
 * name glossary. A lookup reads the child range and scans (or bisects) its labels. The root, where
 * most text steps begin, has a dense row instead.
 */
import { buildClassTable } from './class-table';
import { WORD_START } from './patterns';

/** The serialisable core of an automaton. */
export interface AutomatonData {
  /** Every folded character used by a pattern; class k is alphabet[k - 1] (0 = none). */
  alphabet: string;
  /** Class on the edge into each state (0 for the root); increasing among siblings. */
  label: Uint16Array;
  /** The children of s are the states childStart[s] … childStart[s + 1] - 1 (length: states + 1). */
  childStart: Int32Array;
  /** Failure link: the state of the longest proper suffix of s that is also a trie path. */
  fail: Int32Array;
  /** Pattern index + 1 for states that end a pattern, else 0. */
  term: Int32Array;
}

/** Lookup structures over `AutomatonData` for scanning. */
export class Automaton {
  /** See class-table.ts: alphabet class plus WORD_UNIT bit for every UTF-16 unit. */
  readonly classOf: Uint16Array;
  /** The root's transitions, indexed by class. */
  readonly rootRow: Int32Array;
  /** The nearest state on the failure chain (self included) that ends a pattern, else 0. */
  readonly output: Int32Array;
  /** Class of ' ' (runs of spaces read as one), or -1 when no pattern has a space. */
  readonly spaceClass: number;
  /** Class of the word-start marker, or -1 when no pattern uses it. */
  readonly wordStartClass: number;
  /**
   * The state after the marker at the root ("a word starts here"), or -1. Every Latin word of
   * a page passes through it and it has a child per initial letter, so it gets a dense row too.
   */
  readonly hub: number;
  readonly hubRow: Int32Array;

  /** `output` may come precomputed (a loaded matcher derives it while checking the states). */
  constructor(
    readonly data: AutomatonData,
    output?: Int32Array,
  ) {
    const { alphabet, label, childStart } = data;
    this.classOf = buildClassTable(alphabet);
    this.spaceClass = alphabet.indexOf(' ') + 1 || -1;
    this.wordStartClass = alphabet.indexOf(WORD_START) + 1 || -1;
    this.rootRow = new Int32Array(alphabet.length + 1);
    for (let s = childStart[0]!; s < childStart[1]!; s++) this.rootRow[label[s]!] = s;
    this.hub = this.wordStartClass > 0 ? this.rootRow[this.wordStartClass]! || -1 : -1;
    this.hubRow = new Int32Array(this.hub > 0 ? alphabet.length + 1 : 0);
    if (this.hub > 0)
      for (let s = childStart[this.hub]!; s < childStart[this.hub + 1]!; s++) this.hubRow[label[s]!] = s;
    if (output) this.output = output;
    else {
      this.output = new Int32Array(label.length);
      this.linkOutputs();
    }
  }

  /** Fills `output` from the failure links (again after the builder has computed them). */
  linkOutputs(): void {
    const { fail, term } = this.data;
    // Breadth-first numbering: a failure target is shallower, so it is always computed first.
    for (let s = 1; s < term.length; s++) this.output[s] = term[s] !== 0 ? s : this.output[fail[s]!]!;
  }

  /** The child of `state` on class `k`, or 0 (the scanner inlines the same search). */
  child(state: number, k: number): number {
    if (state === 0) return this.rootRow[k]!;
    const { label, childStart } = this.data;
    let lo = childStart[state]!;
    let hi = childStart[state + 1]!;
    while (hi - lo > 8) {
      const mid = (lo + hi) >>> 1;
      if (label[mid]! <= k) lo = mid;
      else hi = mid;
    }
    for (; lo < hi; lo++) if (label[lo] === k) return lo;
    return 0;
  }
}

/** Length of each pattern in text characters (its depth less markers); throws if a pattern has no end. */
export function patternLengths(data: AutomatonData, patternCount: number): Int32Array {
  const { label, childStart, term } = data;
  const marker = data.alphabet.indexOf(WORD_START) + 1;
  const units = new Int32Array(label.length);
  const lengths = new Int32Array(patternCount);
  for (let s = 0; s < label.length; s++) {
    for (let c = childStart[s]!; c < childStart[s + 1]!; c++) units[c] = units[s]! + (label[c] === marker ? 0 : 1);
    if (term[s] !== 0) lengths[term[s]! - 1] = units[s]!;
  }
  if (lengths.includes(0)) throw new Error('Cannot load the compiled glossary matcher: a pattern has no end state.');
  return lengths;
}
