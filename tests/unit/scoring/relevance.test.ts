import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breadth, damp, DEFAULT_WEIGHT, relevanceScore, type ScoredEntry } from '../../../src/scoring/relevance';

const column: ScoredEntry[] = [
  { id: 'nvidia', mentions: 9, weight: 1 },
  { id: 'huawei', mentions: 4, weight: 0.8 },
  { id: 'deepseek', mentions: 3, weight: 0.6 },
  { id: 'tsmc', mentions: 1 },
  { id: 'openai', mentions: 0, weight: 0.3 },
  { id: 'sora' },
];

describe('relevanceScore', () => {
  it('is 100 for a page with the column’s own counts', () => {
    expect(relevanceScore({ nvidia: 9, huawei: 4, deepseek: 3, tsmc: 1 }, column)).toBe(100);
  });

  it('is 0 when the page has none of the column’s entries', () => {
    expect(relevanceScore({ openai: 5, sora: 2 }, column)).toBe(0);
  });

  it('is 0 for an empty page and for a column without mentions', () => {
    expect(relevanceScore({}, column)).toBe(0);
    expect(relevanceScore({ nvidia: 0 }, column)).toBe(0);
    expect(relevanceScore({ nvidia: 3 }, [{ id: 'nvidia' }, { id: 'huawei', mentions: 0 }])).toBe(0);
  });

  it('ignores ids that are not glossary entries', () => {
    const base = relevanceScore({ nvidia: 2, huawei: 1 }, column);
    expect(relevanceScore({ nvidia: 2, huawei: 1, 'not-an-entry': 50 }, column)).toBe(base);
  });

  it('drops when the page adds entries the column does not discuss', () => {
    const focused = relevanceScore({ nvidia: 3, huawei: 2 }, column);
    const diluted = relevanceScore({ nvidia: 3, huawei: 2, openai: 6 }, column);
    expect(focused).toBeGreaterThan(diluted);
    expect(diluted).toBeGreaterThan(0);
  });

  it('rewards breadth over repetition thanks to damping', () => {
    // The same 12 occurrences: all on one name, or spread over the column's subjects.
    const repetitive = relevanceScore({ nvidia: 12 }, column);
    const broad = relevanceScore({ nvidia: 6, huawei: 3, deepseek: 2, tsmc: 1 }, column);
    expect(broad).toBeGreaterThan(repetitive);
  });

  it('takes one name as weak evidence: the column’s most central entry alone scores below three lesser ones', () => {
    // A cosine over one dimension is that entry's share of the column, whatever the page is
    // about (a gardening page naming "open source" once); naming several subjects says more.
    const single = relevanceScore({ nvidia: 9 }, column);
    const several = relevanceScore({ huawei: 1, deepseek: 1, tsmc: 1 }, column);
    expect(several).toBeGreaterThan(single);
  });

  it('scores a page naming one of many subjects low, however often it repeats it', () => {
    const many: ScoredEntry[] = Array.from({ length: 60 }, (_, i) => ({ id: `e${i}`, mentions: 3 }));
    const once = relevanceScore({ e0: 1 }, many);
    expect(relevanceScore({ e0: 40 }, many)).toBe(once);
    expect(once).toBeLessThanOrEqual(3);
    const tenSubjects = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`e${i}`, 3]));
    expect(relevanceScore(tenSubjects, many)).toBeGreaterThan(10 * once);
  });

  it('counts central entries more than peripheral ones', () => {
    // Two entries the column mentions equally often, with different weights.
    const entries: ScoredEntry[] = [
      { id: 'central', mentions: 5, weight: 1 },
      { id: 'peripheral', mentions: 5, weight: 0.2 },
      { id: 'other', mentions: 0, weight: 1 },
    ];
    const onCentral = relevanceScore({ central: 2, other: 2 }, entries);
    const onPeripheral = relevanceScore({ peripheral: 2, other: 2 }, entries);
    expect(onCentral).toBeGreaterThan(onPeripheral);
  });

  it('treats a missing weight as the default weight', () => {
    const page = { nvidia: 2, tsmc: 4 };
    const explicit = column.map((e) => (e.id === 'tsmc' ? { ...e, weight: DEFAULT_WEIGHT } : e));
    expect(relevanceScore(page, column)).toBe(relevanceScore(page, explicit));
  });

  it('stays an integer from 0 to 100 and reaches 100 exactly for matching pages', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    // Weights are 0 or a real fraction: subnormal weights underflow to 0 when squared.
    const entryArb = fc.record({
      mentions: fc.nat(50),
      weight: fc.option(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1, noNaN: true })), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(entryArb, { minLength: 5, maxLength: 5 }),
        fc.array(fc.nat(80), { minLength: 5, maxLength: 5 }),
        (specs, counts) => {
          const entries = specs.map((spec, i) => ({ id: ids[i]!, ...spec }));
          const page = Object.fromEntries(ids.map((id, i) => [id, counts[i]!]));
          const score = relevanceScore(page, entries);
          expect(Number.isInteger(score)).toBe(true);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          const own = Object.fromEntries(entries.map((e) => [e.id, e.mentions]));
          const ownScore = relevanceScore(own, entries);
          const columnEmpty = entries.every((e) => e.mentions === 0 || e.weight === 0);
          expect(ownScore).toBe(columnEmpty ? 0 : 100);
        },
      ),
    );
  });
});

describe('damp', () => {
  it('keeps 0 at 0, grows slowly and ignores nonsense', () => {
    expect(damp(0)).toBe(0);
    expect(damp(1)).toBeCloseTo(Math.LN2);
    expect(damp(100)).toBeLessThan(5);
    expect(damp(-3)).toBe(0);
    expect(damp(Number.NaN)).toBe(0);
  });
});

describe('breadth', () => {
  it('grows with the entries named, earns all the similarity at the column’s own count, and never more', () => {
    expect(breadth(0, 60)).toBe(0);
    expect(breadth(1, 60)).toBeCloseTo(1 - Math.exp(-0.25), 3);
    const steps = Array.from({ length: 12 }, (_, k) => breadth(k + 1, 12));
    for (let k = 1; k < steps.length; k++) expect(steps[k]).toBeGreaterThan(steps[k - 1]!);
    expect(breadth(12, 12)).toBe(1);
    expect(breadth(20, 12)).toBe(1);
    expect(breadth(3, 0)).toBe(0);
  });
});
