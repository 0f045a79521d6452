import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BAND_PX, PlaceIndex, type Place } from '../../../src/content/place-index';

describe('PlaceIndex', () => {
  it('finds exactly the blocks whose extent meets a stretch, short and tall, after moves and deletions', () => {
    const place = fc.record({
      top: fc.integer({ min: -5_000, max: 50_000 }),
      height: fc.integer({ min: 0, max: 4_000 }),
    });
    const op = fc.oneof(
      fc.record({ set: fc.integer({ min: 0, max: 40 }), place }),
      fc.record({ remove: fc.integer({ min: 0, max: 40 }) }),
    );
    const stretch = fc.record({
      from: fc.integer({ min: -8_000, max: 60_000 }),
      length: fc.integer({ min: -10, max: 30_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 80 }),
        fc.array(stretch, { minLength: 1, maxLength: 5 }),
        (ops, stretches) => {
          const index = new PlaceIndex<number>();
          const model = new Map<number, Place>();
          for (const o of ops) {
            if ('set' in o) {
              const p = { top: o.place.top, bottom: o.place.top + o.place.height };
              index.set(o.set, p);
              model.set(o.set, p);
            } else {
              expect(index.delete(o.remove)).toBe(model.delete(o.remove));
            }
          }
          expect(index.size).toBe(model.size);
          for (const { from, length } of stretches) {
            const to = from + length;
            const expected =
              to < from ? [] : [...model].filter(([, p]) => p.bottom >= from && p.top <= to).map(([k]) => k);
            expect(index.within(from, to).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
          }
        },
      ),
    );
  });

  it('reads only the bands a stretch covers', () => {
    const index = new PlaceIndex<string>();
    // A block every 100 px over 1,000 bands; a question about one screen meets a dozen.
    for (let i = 0; i < 10 * BAND_PX; i++) index.set(`b${i}`, { top: i * 100, bottom: i * 100 + 50 });
    expect(index.within(50_000, 51_000)).toHaveLength(11);
    expect(index.get('b500')).toEqual({ top: 50_000, bottom: 50_050 });
    index.clear();
    expect(index.size).toBe(0);
    expect(index.within(-Infinity, Infinity)).toEqual([]);
  });
});
