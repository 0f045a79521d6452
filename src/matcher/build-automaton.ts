/**
 * Compiling pattern keys into an automaton: an insertion trie (hash-table edges), renumbered
 * breadth-first with sorted siblings into the compact layout of automaton.ts, then failure links.
 */
import { Automaton, type AutomatonData } from './automaton';
import { MAX_ALPHABET } from './class-table';
import { TransitionTable } from './transition-table';

/** Builds the automaton for the given unique, non-empty pattern keys. */
export function buildAutomaton(keys: readonly string[]): Automaton {
  const alphabetClass = new Map<number, number>();
  let alphabet = '';
  let capacity = 1;
  for (const key of keys) {
    capacity += key.length;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (!alphabetClass.has(c)) {
        alphabet += key[i];
        alphabetClass.set(c, alphabet.length);
      }
    }
  }
  if (alphabet.length > MAX_ALPHABET) {
    throw new Error(`The glossary uses more than ${MAX_ALPHABET} distinct characters; the matcher cannot hold it.`);
  }

  // Insertion trie: ids in creation order, children as linked lists.
  const label = new Uint16Array(capacity);
  const term = new Int32Array(capacity);
  const firstChild = new Int32Array(capacity).fill(-1);
  const nextSibling = new Int32Array(capacity).fill(-1);
  const edges = new TransitionTable(capacity);
  let count = 1;
  keys.forEach((key, p) => {
    let s = 0;
    for (let i = 0; i < key.length; i++) {
      const k = alphabetClass.get(key.charCodeAt(i))!;
      let t = edges.get(s, k);
      if (t === 0) {
        t = count++;
        label[t] = k;
        nextSibling[t] = firstChild[s]!;
        firstChild[s] = t;
        edges.set(s, k, t);
      }
      s = t;
    }
    term[s] = p + 1;
  });

  // Breadth-first renumbering; siblings sorted by class so lookups can bisect.
  const data: AutomatonData = {
    alphabet,
    label: new Uint16Array(count),
    childStart: new Int32Array(count + 1),
    fail: new Int32Array(count),
    term: new Int32Array(count),
  };
  const oldOf = new Int32Array(count); // new id → insertion id
  let assigned = 1;
  const siblings: number[] = [];
  for (let s = 0; s < count; s++) {
    data.childStart[s] = assigned;
    siblings.length = 0;
    for (let c = firstChild[oldOf[s]!]!; c !== -1; c = nextSibling[c]!) siblings.push(c);
    siblings.sort((a, b) => label[a]! - label[b]!);
    for (const c of siblings) {
      oldOf[assigned] = c;
      data.label[assigned] = label[c]!;
      data.term[assigned] = term[c]!;
      assigned++;
    }
  }
  data.childStart[count] = count;

  const automaton = new Automaton(data);
  computeFailLinks(automaton);
  automaton.linkOutputs();
  return automaton;
}

function computeFailLinks(automaton: Automaton): void {
  const { label, childStart, fail } = automaton.data;
  for (let s = 0; s < label.length; s++) {
    for (let c = childStart[s]!; c < childStart[s + 1]!; c++) {
      if (s === 0) continue; // depth 1 fails to the root
      const k = label[c]!;
      let f = fail[s]!;
      let t = automaton.child(f, k);
      while (t === 0 && f !== 0) {
        f = fail[f]!;
        t = automaton.child(f, k);
      }
      fail[c] = t;
    }
  }
}
