/**
 * Leftmost-longest selection of accepted occurrences. The scanner reports candidates in order of
 * their end, so the common case needs no sorting: `StreamingSelection` keeps the current
 * non-overlapping choice and lets a new candidate replace the tail it beats. Exclusions can
 * remove a candidate after it has pushed others out, so texts containing an excluded phrase are
 * resolved by `ExactSelection` (collect everything, filter, sort, pick) instead.
 */

/**
 * One occurrence: [start, end) in the original text; `entry` indexes `Matcher.entryIds`;
 * `generic` when the name found is one the pack marks as an everyday word (absent otherwise).
 */
export interface Match {
  start: number;
  end: number;
  entry: number;
  generic?: true;
}

/** What the scanner reports to. */
export interface SelectionSink {
  candidate(start: number, end: number, entry: number, generic?: boolean): void;
  exclusion(start: number, end: number, entry: number): void;
}

/** Leftmost-longest in one pass over candidates sorted by end (ties: longest first). */
export class StreamingSelection implements SelectionSink {
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private entries = new Int32Array(64);
  private generic = new Uint8Array(64);
  private length = 0;
  /** Set when an excluded phrase occurred: the caller must redo the text with ExactSelection. */
  sawExclusion = false;

  reset(): void {
    this.length = 0;
    this.sawExclusion = false;
  }

  candidate(start: number, end: number, entry: number, generic = false): void {
    // Kept matches are sorted and disjoint, and every kept end is <= `end`. Find the first kept
    // match this one overlaps: if it starts further left (or at the same place and is longer)
    // it wins that match and all after it (they lie inside it); otherwise it loses.
    let j = this.length;
    while (j > 0 && this.ends[j - 1]! > start) j--;
    if (j < this.length) {
      const s = this.starts[j]!;
      if (start > s || (start === s && end <= this.ends[j]!)) {
        if (generic && sameOccurrence(this.starts[j]!, this.ends[j]!, this.entries[j]!, start, end, entry))
          this.generic[j] = 1;
        return;
      }
      this.length = j;
    }
    if (this.length === this.starts.length) this.grow();
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.entries[this.length] = entry;
    this.generic[this.length] = generic ? 1 : 0;
    this.length++;
  }

  exclusion(): void {
    this.sawExclusion = true;
  }

  matches(): Match[] {
    const result: Match[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const match: Match = { start: this.starts[i]!, end: this.ends[i]!, entry: this.entries[i]! };
      if (this.generic[i]) match.generic = true;
      result[i] = match;
    }
    return result;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T) => {
      b.set(a);
      return b;
    };
    this.starts = copy(this.starts, new Int32Array(size));
    this.ends = copy(this.ends, new Int32Array(size));
    this.entries = copy(this.entries, new Int32Array(size));
    this.generic = copy(this.generic, new Uint8Array(size));
  }
}

/**
 * The same occurrence found by two names of one entry: a plural read from the singular's key
 * and a name of its own ("chips" beside "chip"). If either is an everyday word, so is the
 * occurrence, as for two names of one key (patterns.ts), whichever the text showed first.
 */
function sameOccurrence(start: number, end: number, entry: number, start2: number, end2: number, entry2: number) {
  return start === start2 && end === end2 && entry === entry2;
}

/** Collect-all selection, exact when excluded phrases remove candidates. */
export class ExactSelection implements SelectionSink {
  private readonly candidates: Match[] = [];
  private readonly exclusions: Match[] = [];

  candidate(start: number, end: number, entry: number, generic = false): void {
    this.candidates.push(generic ? { start, end, entry, generic } : { start, end, entry });
  }

  exclusion(start: number, end: number, entry: number): void {
    this.exclusions.push({ start, end, entry });
  }

  matches(): Match[] {
    const kept = this.candidates.filter(
      (c) => !this.exclusions.some((x) => x.entry === c.entry && x.start <= c.start && c.end <= x.end),
    );
    // Stable sort: for equal spans the first reported (the preferred alias) stays first.
    kept.sort((a, b) => a.start - b.start || b.end - a.end);
    const result: Match[] = [];
    let covered = 0;
    for (const c of kept) {
      if (c.start < covered) {
        const last = result[result.length - 1]!;
        if (c.generic && sameOccurrence(last.start, last.end, last.entry, c.start, c.end, c.entry))
          result[result.length - 1] = { ...last, generic: true };
        continue;
      }
      result.push(c);
      covered = c.end;
    }
    return result;
  }
}
