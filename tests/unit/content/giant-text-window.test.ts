// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HighlightEngine, Piece } from '../../../src/content/engine';
import { createGiantTextWindows, windowAround, type Extent } from '../../../src/content/giant-text-window';

/** Piece i sits on line i, 20 px high, the first line at y = `offset`. */
const lines =
  (offset = 0, calls = { n: 0 }) =>
  (i: number): Extent => {
    calls.n++;
    return { top: offset + 20 * i, bottom: offset + 20 * i + 20 };
  };

describe('windowAround', () => {
  it('finds the pieces on or touching the window', () => {
    expect(windowAround(100, lines(), 0, 200)).toEqual([0, 11]);
    expect(windowAround(100, lines(-1_000), 0, 200)).toEqual([49, 61]);
  });

  it('is empty when every piece is above or below the window', () => {
    expect(windowAround(100, lines(-5_000), 0, 200)).toEqual([100, 100]);
    expect(windowAround(100, lines(5_000), 0, 200)).toEqual([0, 0]);
    expect(windowAround(0, lines(), 0, 200)).toEqual([0, 0]);
  });

  it('asks for O(log n) positions, not one per piece', () => {
    const calls = { n: 0 };
    windowAround(100_000, lines(-1_000_000, calls), 0, 800);
    expect(calls.n).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(100_001)) + 2);
  });
});

describe('giant text windows', () => {
  let scrollY = 0;
  afterEach(() => {
    vi.restoreAllMocks();
    delete (Range.prototype as Partial<Range>).getBoundingClientRect;
    document.body.innerHTML = '';
    scrollY = 0;
  });

  /** A text node of 1,000 lines of 10 characters, one piece per line, laid out 20 px per line. */
  function setUp() {
    document.body.innerHTML = `<p>${'0123456789'.repeat(1_000)}</p>`;
    const node = document.body.firstElementChild!.firstChild as Text;
    const pieces: Piece[] = Array.from({ length: 1_000 }, (_, i) => ({
      node,
      start: i * 10,
      end: i * 10 + 4,
      text: '0123',
      id: 'nvidia',
      category: 'company',
      first: true,
    }));
    // jsdom has no layout: a range's box follows its offset and the fake scroll position.
    Object.defineProperty(Range.prototype, 'getBoundingClientRect', {
      configurable: true,
      value(this: Range) {
        const top = (this.startOffset / 10) * 20 - scrollY;
        return { top, bottom: top + 20 } as DOMRect;
      },
    });
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(200);
    const applied: Piece[][] = [];
    const removed: Text[][] = [];
    const engine = {
      kind: 'highlight',
      apply: (p: readonly Piece[]) => applied.push([...p]),
      remove: (nodes: Iterable<Text>) => removed.push([...nodes]),
    } as unknown as HighlightEngine;
    const writes = { n: 0 };
    const windows = createGiantTextWindows(document, engine, (write) => {
      writes.n++;
      return write();
    });
    return { node, pieces, applied, removed, windows, writes };
  }

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

  it('paints the pieces within a screen of the viewport, through our own writes', () => {
    const { node, pieces, applied, windows, writes } = setUp();
    windows.add(node, pieces);
    // From the top of the text (nothing above it) to one screen (200 px) below the 200 px viewport.
    expect(applied.at(-1)!.map((p) => p.start / 10)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(writes.n).toBe(1);
  });

  it('follows scrolling, once per frame, and stops listening when cleared', async () => {
    const { node, pieces, applied, removed, windows } = setUp();
    windows.add(node, pieces);
    scrollY = 10_000; // Line 500 at the top.
    document.dispatchEvent(new Event('scroll'));
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(applied).toHaveLength(2);
    expect(removed.at(-1)).toEqual([node]);
    const lines = applied.at(-1)!.map((p) => p.start / 10);
    // One screen above (line 490, touching at its bottom edge from 489) to one below (520).
    expect(lines[0]).toBe(489);
    expect(lines.at(-1)).toBe(520);

    windows.clear();
    scrollY = 0;
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(applied).toHaveLength(2);
  });

  it('does not write when the window has not moved', async () => {
    const { node, pieces, applied, windows } = setUp();
    windows.add(node, pieces);
    scrollY = 5; // Less than a line: the same pieces.
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(applied).toHaveLength(1);
    windows.drop(node);
  });
});
