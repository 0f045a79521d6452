/**
 * Which of a giant text node's pieces lie within a band of the screen, asking the browser for
 * as few positions as it can. Pure: positions come from a `read` function.
 *
 * Each position is costly in Chromium: a range's box in a text node is found by going through
 * all of the node's line boxes, so one read in a 5 MB log of 105,000 lines took 2.4–4.4 ms
 * wherever the range was. A plain binary search (about 34 reads for both edges of the band)
 * then took 50–130 ms in one task. So positions are kept once read, measured from something
 * that moves with the text (scrolling does not change them), and the search interpolates
 * between the positions it knows: text runs on at a fairly even pace, and in that log a new
 * band costs a few reads instead of 34. Where interpolation does not halve the interval it
 * searches, the next probe bisects, so uneven text costs at most about twice a binary search.
 */

/** Vertical extent of a piece, in any coordinates that are the same for every piece. */
export interface Extent {
  top: number;
  bottom: number;
}

/** The positions of one node's pieces (sorted by offset), read on demand and kept. */
export class KnownExtents {
  private readonly known = new Map<number, Extent>();

  constructor(
    readonly count: number,
    private readonly read: (index: number) => Extent,
  ) {}

  /** How many positions are kept. */
  get size(): number {
    return this.known.size;
  }

  has(index: number): boolean {
    return this.known.has(index);
  }

  get(index: number): Extent {
    let extent = this.known.get(index);
    if (extent === undefined) {
      extent = this.read(index);
      this.known.set(index, extent);
    }
    return extent;
  }

  /** Every kept position, in no particular order. */
  entries(): IterableIterator<[number, Extent]> {
    return this.known.entries();
  }

  /** Forgets every position (the text was laid out anew). */
  forget(): void {
    this.known.clear();
  }
}

/** May one more position be read now? Asked before each read of an unknown position. */
export type MayRead = () => boolean;

/**
 * The pieces that lie within [top, bottom] (touching counts), as a half-open index range
 * [from, to), or `undefined` when `mayRead` said stop first. Whatever was read is kept in
 * `extents`, so asking again later goes on where this call stopped.
 */
export function windowAround(
  extents: KnownExtents,
  top: number,
  bottom: number,
  mayRead: MayRead,
): [number, number] | undefined {
  const from = firstWhere(extents, 0, (e) => e.bottom, top, false, mayRead);
  if (from === undefined) return undefined;
  // Every piece before `from` ends above the band, so it also starts above its bottom.
  const to = firstWhere(extents, from, (e) => e.top, bottom, true, mayRead);
  return to === undefined ? undefined : [from, to];
}

/**
 * The first index from `start` whose `key` reaches `target` (passes it, if `strict`), or
 * `extents.count` if none does. Keys grow with the index (the pieces are in reading order).
 */
function firstWhere(
  extents: KnownExtents,
  start: number,
  key: (extent: Extent) => number,
  target: number,
  strict: boolean,
  mayRead: MayRead,
): number | undefined {
  const holds = (index: number) => {
    const value = key(extents.get(index));
    return strict ? value > target : value >= target;
  };
  const last = extents.count - 1;
  if (start > last) return extents.count;
  // Both ends first: every later probe can then interpolate.
  if (!extents.has(start) && !mayRead()) return undefined;
  if (holds(start)) return start;
  if (!extents.has(last) && !mayRead()) return undefined;
  if (!holds(last)) return extents.count;

  // The narrowest interval the kept positions allow: `lo` known not to hold, `hi` known to.
  let hi = last;
  for (const [index] of extents.entries()) if (index > start && index < hi && holds(index)) hi = index;
  let lo = start;
  for (const [index] of extents.entries()) if (index > lo && index < hi && !holds(index)) lo = index;

  let bisectNext = false;
  while (hi - lo > 1) {
    const low = key(extents.get(lo));
    const high = key(extents.get(hi));
    let probe = (lo + hi) >> 1;
    if (!bisectNext && high > low) {
      const guess = lo + Math.round(((target - low) / (high - low)) * (hi - lo));
      probe = Math.min(hi - 1, Math.max(lo + 1, guess));
    }
    if (!extents.has(probe) && !mayRead()) return undefined;
    const width = hi - lo;
    const interpolated: boolean = !bisectNext;
    if (holds(probe)) hi = probe;
    else lo = probe;
    bisectNext = interpolated && hi - lo > width / 2;
  }
  return hi;
}
