/**
 * "Reveal" stepping: each name's clicks go through its own occurrences, a text node the page
 * rewrites sends its names back to their first occurrence, and `clear` starts every name over.
 * The finder is a fake over a fixed order of places; highlighter.test.ts covers the real one.
 */
import { describe, expect, it } from 'vitest';
import type { Occurrence } from '../../../src/content/engine';
import type { FoundOccurrence } from '../../../src/content/occurrence-finder';
import type { Direction, TextPoint } from '../../../src/content/occurrences';
import { createRevealSteps } from '../../../src/content/reveal-steps';

const nodeA = { name: 'a' } as unknown as Text;
const nodeB = { name: 'b' } as unknown as Text;
const order = [nodeA, nodeB];
const before = (x: TextPoint, y: TextPoint) =>
  x.node === y.node ? x.offset < y.offset : order.indexOf(x.node as Text) < order.indexOf(y.node as Text);

/** Entry 0 at a:0, a:10 and b:5; entry 1 at a:3. */
const places: Record<number, TextPoint[]> = {
  0: [
    { node: nodeA, offset: 0 },
    { node: nodeA, offset: 10 },
    { node: nodeB, offset: 5 },
  ],
  1: [{ node: nodeA, offset: 3 }],
};

function setUp() {
  const asked: (TextPoint | undefined)[] = [];
  const find = (from: TextPoint | undefined, direction: Direction, entry: number): FoundOccurrence | undefined => {
    expect(direction).toBe('next');
    asked.push(from);
    const list = places[entry] ?? [];
    const point = (from && list.find((p) => before(from, p))) ?? list[0];
    return point && { point, occurrence: { entry, point } as unknown as Occurrence };
  };
  const visited: TextPoint[] = [];
  const steps = createRevealSteps(find, (occurrence) =>
    visited.push((occurrence as unknown as { point: TextPoint }).point),
  );
  return { steps, visited, asked };
}

describe('createRevealSteps', () => {
  it("steps through one name's occurrences and wraps, wherever another name left off", () => {
    const { steps, visited } = setUp();
    expect(steps.reveal(0)).toBe(true);
    expect(steps.reveal(1)).toBe(true);
    expect(steps.reveal(0)).toBe(true);
    expect(steps.reveal(0)).toBe(true);
    expect(steps.reveal(0)).toBe(true);
    expect(visited).toEqual([places[0]![0], places[1]![0], places[0]![1], places[0]![2], places[0]![0]]);
  });

  it('says false, and visits nothing, for a name with no occurrence to show', () => {
    const { steps, visited } = setUp();
    expect(steps.reveal(7)).toBe(false);
    expect(visited).toEqual([]);
  });

  it('starts a name over when the page rewrites the text node it was left in, and only that name', () => {
    const { steps, asked } = setUp();
    steps.reveal(0); // a:0
    steps.reveal(1); // a:3
    steps.reveal(0); // a:10
    steps.reveal(0); // b:5
    steps.textWritten(nodeB);
    asked.length = 0;
    steps.reveal(0);
    steps.reveal(1);
    expect(asked).toEqual([undefined, places[1]![0]]);
  });

  it('starts every name over after clear', () => {
    const { steps, asked } = setUp();
    steps.reveal(0);
    steps.reveal(1);
    steps.clear();
    asked.length = 0;
    steps.reveal(0);
    steps.reveal(1);
    expect(asked).toEqual([undefined, undefined]);
  });
});
