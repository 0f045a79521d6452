import { describe, expect, it } from 'vitest';
import { KnownExtents, windowAround, type Extent } from '../../../src/content/piece-window';
import { seededRandom } from '../../bench/lib/seeded-random';

/** Extents of `count` pieces, one per line of `lineHeight` px, counting the reads. */
function evenLines(count: number, lineHeight = 20) {
  const calls = { n: 0 };
  const extents = new KnownExtents(count, (i) => {
    calls.n++;
    return { top: lineHeight * i, bottom: lineHeight * i + lineHeight };
  });
  return { extents, calls };
}

const always = () => true;

/** The window by looking at every piece. */
function linearWindow(all: readonly Extent[], top: number, bottom: number): [number, number] {
  let from = 0;
  while (from < all.length && all[from]!.bottom < top) from++;
  let to = from;
  while (to < all.length && all[to]!.top <= bottom) to++;
  return [from, to];
}

describe('windowAround', () => {
  it('finds the pieces on or touching the band', () => {
    expect(windowAround(evenLines(100).extents, 0, 200, always)).toEqual([0, 11]);
    expect(windowAround(evenLines(100).extents, 1_000, 1_200, always)).toEqual([49, 61]);
  });

  it('is empty when every piece is above or below the band', () => {
    expect(windowAround(evenLines(100).extents, 5_000, 5_200, always)).toEqual([100, 100]);
    expect(windowAround(evenLines(100).extents, -5_200, -5_000, always)).toEqual([0, 0]);
    expect(windowAround(evenLines(0).extents, 0, 200, always)).toEqual([0, 0]);
  });

  it('agrees with a look at every piece, on even and uneven text', () => {
    const random = seededRandom(6);
    for (let round = 0; round < 300; round++) {
      // Lines of 10–40 px holding 0–5 pieces each (several pieces share a line's extent).
      const all: Extent[] = [];
      let y = 0;
      const lines = 1 + Math.floor(random() * 400);
      for (let line = 0; line < lines; line++) {
        const height = 10 + Math.floor(random() * 30);
        const pieces = random() < 0.2 ? 0 : 1 + Math.floor(random() * 5);
        for (let p = 0; p < pieces; p++) all.push({ top: y, bottom: y + height });
        y += height;
      }
      const extents = new KnownExtents(all.length, (i) => all[i]!);
      // Several bands on the same kept positions, as the reader scrolls.
      for (let band = 0; band < 4; band++) {
        const top = Math.floor(random() * (y + 400)) - 200;
        const bottom = top + Math.floor(random() * 600);
        expect(windowAround(extents, top, bottom, always)).toEqual(linearWindow(all, top, bottom));
      }
    }
  });

  it('reads a few positions where text runs evenly, not the 34 of a binary search', () => {
    // A 5 MB log: 105,000 lines, a piece on each.
    const { extents, calls } = evenLines(105_000);
    expect(windowAround(extents, 1_000_000, 1_002_400, always)).toEqual([49_999, 50_121]);
    expect(calls.n).toBeLessThanOrEqual(8);
    // A screen further down, with what the first search kept.
    calls.n = 0;
    expect(windowAround(extents, 1_000_800, 1_003_200, always)).toEqual([50_039, 50_161]);
    expect(calls.n).toBeLessThanOrEqual(6);
    // The same band again reads nothing.
    calls.n = 0;
    windowAround(extents, 1_000_800, 1_003_200, always);
    expect(calls.n).toBe(0);
  });

  it('reads at most about twice what a binary search would on lopsided text', () => {
    // Lines of 20 px, but the last piece a million screens below: interpolating between the
    // ends alone would creep forward one piece per read.
    const count = 100_000;
    const calls = { n: 0 };
    const extents = new KnownExtents(count, (i) => {
      calls.n++;
      const top = i === count - 1 ? 1e9 : 20 * i;
      return { top, bottom: top + 20 };
    });
    expect(windowAround(extents, 1_000_000, 1_002_400, always)).toEqual([49_999, 50_121]);
    expect(calls.n).toBeLessThanOrEqual(4 * Math.ceil(Math.log2(count)) + 4);
  });

  it('stops when it may read no more, and goes on from there without reading anything twice', () => {
    const unlimited = evenLines(105_000);
    const expected = windowAround(unlimited.extents, 777_000, 779_400, always);

    const { extents, calls } = evenLines(105_000);
    const read = new Set<number>();
    const watched = new KnownExtents(105_000, (i) => {
      expect(read.has(i)).toBe(false);
      read.add(i);
      return extents.get(i);
    });
    let attempts = 0;
    let found: [number, number] | undefined;
    while (found === undefined) {
      attempts++;
      let allowed = 1;
      found = windowAround(watched, 777_000, 779_400, () => allowed-- > 0);
      expect(attempts).toBeLessThan(50);
    }
    expect(found).toEqual(expected);
    expect(attempts).toBeGreaterThan(1);
    expect(calls.n).toBe(read.size);
  });

  it('reads again after forgetting', () => {
    const { extents, calls } = evenLines(1_000);
    windowAround(extents, 4_000, 6_400, always);
    const first = calls.n;
    expect(extents.size).toBe(first);
    extents.forget();
    expect(extents.size).toBe(0);
    windowAround(extents, 4_000, 6_400, always);
    expect(calls.n).toBe(2 * first);
  });
});
