/**
 * Edges (state, character class) → child in one open-addressing hash table: the index the
 * builder uses while it inserts patterns, before the trie is renumbered into its compact
 * scanning layout (automaton.ts). With thousands of Han characters in an alphabet, dense rows
 * per state are out of the question; a flat Int32Array with linear probing is fast and small.
 */
export class TransitionTable {
  /** Three slots per entry: state, class, child. Child 0 (the root is nobody's child) marks an empty slot. */
  readonly slots: Int32Array;
  readonly shift: number;
  readonly mask: number;

  constructor(edgeCapacity: number) {
    let bits = 4;
    while (1 << bits < edgeCapacity * 2) bits++; // load factor at most one half
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.slots = new Int32Array(3 << bits);
  }

  /** Multiplicative (Fibonacci) hashing of the pair; the scanner inlines the same formula. */
  hash(state: number, k: number): number {
    return Math.imul(Math.imul(state, 0x01000193) ^ k, 0x9e3779b1) >>> this.shift;
  }

  /** The child of `state` on class `k`, or 0. */
  get(state: number, k: number): number {
    const slots = this.slots;
    let h = this.hash(state, k);
    for (;;) {
      const child = slots[h * 3 + 2]!;
      if (child === 0) return 0;
      if (slots[h * 3] === state && slots[h * 3 + 1] === k) return child;
      h = (h + 1) & this.mask;
    }
  }

  set(state: number, k: number, child: number): void {
    const slots = this.slots;
    let h = this.hash(state, k);
    while (slots[h * 3 + 2] !== 0) h = (h + 1) & this.mask;
    slots[h * 3] = state;
    slots[h * 3 + 1] = k;
    slots[h * 3 + 2] = child;
  }
}
