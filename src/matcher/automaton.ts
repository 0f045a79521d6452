/**
 * The Aho–Corasick automaton over all folded patterns, in typed arrays.
 *
 * `AutomatonData` is the compact, serialisable core (a trie as parent/label arrays plus failure
 * links). `Automaton` adds what scanning needs, rebuilt in a millisecond or two at load: a
 * per-code-unit class table that folds and maps to the alphabet in one read, a dense row for
 * the root (most text steps start there), an open-addressing hash table for every other edge,
 * and output links.
 */
import { foldTable, IGNORABLE } from './fold';
import { WORD_START } from './patterns';
import { TransitionTable } from './transition-table';
import { isWordStartUnit } from './word-kind';

/** The serialisable core of an automaton. States are numbered so a parent precedes its children. */
export interface AutomatonData {
  /** Every folded character used by a pattern; class k is alphabet[k - 1] (0 = none). */
  alphabet: string;
  /** parent[s] and label[s] (class) of the edge into state s; 0 for the root. */
  parent: Int32Array;
  label: Int32Array;
  /** Failure link: the state of the longest proper suffix of s that is also a trie path. */
  fail: Int32Array;
  /** Pattern index + 1 for states that end a pattern, else 0. */
  term: Int32Array;
}

/** Class of characters the scanner skips without resetting (soft hyphen, zero-width space). */
export const CLASS_IGNORE = 0xffff;
/** Set in `classOf` for letters and digits, before which the scanner may feed the word-start marker. */
export const WORD_UNIT = 0x10000;

/** Builds the trie and failure links for the given unique, non-empty pattern keys. */
export function buildAutomaton(keys: readonly string[]): Automaton {
  const alphabetClass = new Uint16Array(0x10000);
  let alphabet = '';
  let capacity = 1;
  for (const key of keys) {
    capacity += key.length;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (alphabetClass[c] === 0) {
        alphabet += key[i];
        alphabetClass[c] = alphabet.length;
      }
    }
  }
  if (alphabet.length >= CLASS_IGNORE) throw new Error('matcher: too many distinct characters in the glossary');

  const parent = new Int32Array(capacity);
  const label = new Int32Array(capacity);
  const term = new Int32Array(capacity);
  const edges = new TransitionTable(capacity);
  let states = 1;
  keys.forEach((key, p) => {
    let s = 0;
    for (let i = 0; i < key.length; i++) {
      const k = alphabetClass[key.charCodeAt(i)]!;
      let t = edges.get(s, k);
      if (t === 0) {
        t = states++;
        parent[t] = s;
        label[t] = k;
        edges.set(s, k, t);
      }
      s = t;
    }
    term[s] = p + 1;
  });

  const data: AutomatonData = {
    alphabet,
    parent: parent.slice(0, states),
    label: label.slice(0, states),
    fail: new Int32Array(states),
    term: term.slice(0, states),
  };
  const order = breadthFirstOrder(data.parent);
  for (const s of order) {
    const p = data.parent[s]!;
    if (p === 0) continue; // depth 1 fails to the root
    const k = data.label[s]!;
    let f = data.fail[p]!;
    let t = edges.get(f, k);
    while (t === 0 && f !== 0) {
      f = data.fail[f]!;
      t = edges.get(f, k);
    }
    data.fail[s] = t;
  }
  return new Automaton(data, edges, order);
}

/** Depth of every state (parents precede children, so one forward pass suffices). */
export function stateDepths(parent: Int32Array): Int32Array {
  const depth = new Int32Array(parent.length);
  for (let s = 1; s < parent.length; s++) depth[s] = depth[parent[s]!]! + 1;
  return depth;
}

/** Non-root states sorted by depth (a counting sort), the order failure links need. */
function breadthFirstOrder(parent: Int32Array): Int32Array {
  const depth = stateDepths(parent);
  let maxDepth = 0;
  for (let s = 1; s < depth.length; s++) if (depth[s]! > maxDepth) maxDepth = depth[s]!;
  const start = new Int32Array(maxDepth + 2);
  for (let s = 1; s < depth.length; s++) start[depth[s]! + 1]!++;
  for (let d = 1; d < start.length; d++) start[d]! += start[d - 1]!;
  const order = new Int32Array(Math.max(0, parent.length - 1));
  for (let s = 1; s < depth.length; s++) order[start[depth[s]!]!++] = s;
  return order;
}

/** Lookup structures over `AutomatonData` for scanning. */
export class Automaton {
  /**
   * For every UTF-16 unit: the class of its fold (0 = in no pattern, CLASS_IGNORE = skipped),
   * plus WORD_UNIT for letters and digits. One read per character answers both questions.
   */
  readonly classOf: Int32Array;
  readonly rootRow: Int32Array;
  readonly edges: TransitionTable;
  /** The nearest state on the failure chain (self included) that ends a pattern, else 0. */
  readonly output: Int32Array;
  /** Class of ' ' (runs of spaces read as one), or -1 when no pattern has a space. */
  readonly spaceClass: number;
  /** Class of the word-start marker, or -1 when no pattern uses it. */
  readonly wordStartClass: number;

  constructor(
    readonly data: AutomatonData,
    edges?: TransitionTable,
    order: Int32Array = breadthFirstOrder(data.parent),
  ) {
    const { alphabet, parent, label, fail, term } = data;
    const fold = foldTable();
    const alphabetClass = new Uint16Array(0x10000);
    for (let i = 0; i < alphabet.length; i++) alphabetClass[alphabet.charCodeAt(i)] = i + 1;
    this.classOf = new Int32Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      const f = fold[c]!;
      this.classOf[c] = alphabetClass[f]! | (isWordStartUnit(f) ? WORD_UNIT : 0);
    }
    for (const ch of IGNORABLE) this.classOf[ch.charCodeAt(0)] = CLASS_IGNORE;
    this.classOf[WORD_START.charCodeAt(0)] = 0; // only the scanner may feed the marker
    this.spaceClass = alphabetClass[0x20] || -1;
    this.wordStartClass = alphabetClass[WORD_START.charCodeAt(0)] || -1;

    this.rootRow = new Int32Array(alphabet.length + 1);
    if (!edges) {
      edges = new TransitionTable(parent.length);
      for (let s = 1; s < parent.length; s++) edges.set(parent[s]!, label[s]!, s);
    }
    this.edges = edges;
    for (let s = 1; s < parent.length; s++) if (parent[s] === 0) this.rootRow[label[s]!] = s;

    this.output = new Int32Array(parent.length);
    for (const s of order) this.output[s] = term[s] !== 0 ? s : this.output[fail[s]!]!;
  }
}

/** Length of each pattern in text characters (its trie depth less markers); throws if a pattern has no end. */
export function patternLengths(data: AutomatonData, patternCount: number): Int32Array {
  const marker = data.alphabet.indexOf(WORD_START) + 1;
  const units = new Int32Array(data.parent.length);
  const lengths = new Int32Array(patternCount);
  for (let s = 1; s < units.length; s++) {
    units[s] = units[data.parent[s]!]! + (data.label[s] === marker ? 0 : 1);
    if (data.term[s] !== 0) lengths[data.term[s]! - 1] = units[s]!;
  }
  if (lengths.includes(0)) throw new Error('Cannot load the compiled glossary matcher: a pattern has no end state.');
  return lengths;
}
