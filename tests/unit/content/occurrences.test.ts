// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { adjacentItem, comparePoints, type TextPoint } from '../../../src/content/occurrences';

let first: Text;
let inShadow: Text;
let hostChild: Text;
let last: Text;
let host: HTMLElement;

beforeEach(() => {
  document.body.innerHTML = '<p id="a">alpha beta</p><div id="host"><span>light child</span></div><p id="z">omega</p>';
  first = document.getElementById('a')!.firstChild as Text;
  host = document.getElementById('host')!;
  hostChild = host.querySelector('span')!.firstChild as Text;
  last = document.getElementById('z')!.firstChild as Text;
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = '<p>inside the shadow tree</p>';
  inShadow = shadow.querySelector('p')!.firstChild as Text;
});

const at = (node: Node, offset = 0): TextPoint => ({ node, offset });

describe('comparePoints', () => {
  it('orders offsets in one node, and nodes in document order', () => {
    expect(comparePoints(at(first, 1), at(first, 6))).toBeLessThan(0);
    expect(comparePoints(at(first, 6), at(first, 6))).toBe(0);
    expect(comparePoints(at(last), at(first, 9))).toBeGreaterThan(0);
  });

  it('puts an element before the text inside it', () => {
    expect(comparePoints(at(document.getElementById('a')!), at(first, 0))).toBeLessThan(0);
  });

  it('reads a shadow tree at its host: after what precedes the host, before its light children', () => {
    expect(comparePoints(at(first), at(inShadow))).toBeLessThan(0);
    expect(comparePoints(at(inShadow), at(hostChild))).toBeLessThan(0);
    expect(comparePoints(at(inShadow), at(last))).toBeLessThan(0);
    expect(comparePoints(at(host), at(inShadow))).toBeLessThan(0);
    expect(comparePoints(at(inShadow), at(host))).toBeGreaterThan(0);
  });
});

describe('adjacentItem', () => {
  const points = () => [at(last), at(first, 6), at(hostChild), at(first, 0), at(inShadow)];
  const order = () => [at(first, 0), at(first, 6), at(inShadow), at(hostChild), at(last)];
  const id = (p: TextPoint) => p;

  it('walks unsorted items in document order both ways, wrapping at the ends', () => {
    const walk = (direction: 'next' | 'previous') => {
      const seen: TextPoint[] = [];
      let from: TextPoint | undefined;
      for (let i = 0; i < 6; i++) {
        from = adjacentItem(points(), id, from, direction)!;
        seen.push(from);
      }
      return seen;
    };
    const expected = order();
    expect(walk('next')).toEqual([...expected, expected[0]]);
    expect(walk('previous')).toEqual([...[...expected].reverse(), expected[4]]);
  });

  it('continues from a point that is not an item', () => {
    const p = document.getElementById('a')!;
    expect(adjacentItem(points(), id, at(p), 'next')).toEqual(at(first, 0));
    expect(adjacentItem(points(), id, at(first, 3), 'next')).toEqual(at(first, 6));
    expect(adjacentItem(points(), id, at(first, 3), 'previous')).toEqual(at(first, 0));
    expect(adjacentItem(points(), id, at(host), 'next')).toEqual(at(inShadow));
  });

  it('returns nothing without items, and the only item from itself', () => {
    expect(adjacentItem([], id, undefined, 'next')).toBeUndefined();
    expect(adjacentItem([at(last)], id, at(last), 'next')).toEqual(at(last));
  });
});
