// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HighlightEngine, Piece } from '../../../src/content/engine';
import { createGiantTextWindows } from '../../../src/content/giant-text-window';

describe('giant text windows', () => {
  let scrollY = 0;
  /** The paragraph's height, as laid out. */
  let blockHeight = 20_000;
  /** Positions read, and what the fake clock moves per read. */
  const reads = { n: 0, costMs: 0 };
  let now = 0;
  afterEach(() => {
    vi.restoreAllMocks();
    delete (Range.prototype as Partial<Range>).getBoundingClientRect;
    document.body.innerHTML = '';
    scrollY = 0;
    blockHeight = 20_000;
    reads.n = 0;
    reads.costMs = 0;
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
    // jsdom has no layout: a range's box follows its offset and the fake scroll position, and
    // so does the paragraph's.
    Object.defineProperty(Range.prototype, 'getBoundingClientRect', {
      configurable: true,
      value(this: Range) {
        reads.n++;
        now += reads.costMs;
        const top = (this.startOffset / 10) * 20 - scrollY;
        return { top, bottom: top + 20 } as DOMRect;
      },
    });
    const paragraph = document.body.firstElementChild!;
    vi.spyOn(paragraph, 'getBoundingClientRect').mockImplementation(
      () => ({ top: -scrollY, width: 800, height: blockHeight }) as DOMRect,
    );
    vi.spyOn(window.performance, 'now').mockImplementation(() => now);
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
  /** The lines painted last. */
  const paintedLines = (applied: Piece[][]) => applied.at(-1)!.map((p) => p.start / 10);
  /** From the top of the text (nothing above it) to one screen (200 px) below the 200 px viewport. */
  const FIRST_TWO_SCREENS = Array.from({ length: 21 }, (_, i) => i);
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('paints the pieces within a screen of the viewport, through our own writes', () => {
    const { pieces, applied, windows, writes } = setUp();
    windows.add(pieces);
    expect(paintedLines(applied)).toEqual(FIRST_TWO_SCREENS);
    expect(writes.n).toBe(1);
  });

  it('follows scrolling, once per frame, and stops listening when cleared', async () => {
    const { node, pieces, applied, removed, windows } = setUp();
    windows.add(pieces);
    scrollY = 10_000; // Line 500 at the top.
    document.dispatchEvent(new Event('scroll'));
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(applied).toHaveLength(2);
    expect(removed.at(-1)).toEqual([node]);
    const lines = paintedLines(applied);
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
    windows.add(pieces);
    scrollY = 5; // Less than a line: the same pieces.
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(applied).toHaveLength(1);
    windows.drop(node);
  });

  it('reads positions for at most a budget per task, and goes on in the next', async () => {
    const { pieces, applied, windows } = setUp();
    // Each position costs 4 ms, as in a 5 MB log in Chromium: two fit in the 8 ms budget.
    reads.costMs = 4;
    windows.add(pieces);
    const perTask = [reads.n];
    while (applied.length === 0 && perTask.length < 50) {
      const before = reads.n;
      await nextTask();
      perTask.push(reads.n - before);
    }
    expect(perTask.length).toBeGreaterThan(1);
    expect(Math.max(...perTask)).toBeLessThanOrEqual(2);
    expect(paintedLines(applied)).toEqual(FIRST_TWO_SCREENS);
    windows.clear();
  });

  it('keeps positions while the reader scrolls, and reads them again once the text is laid out anew', async () => {
    const { pieces, applied, windows } = setUp();
    windows.add(pieces);
    const cold = reads.n;
    expect(cold).toBeGreaterThan(2);

    // Back to a window read before: every position it needs is known.
    scrollY = 10_000;
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    scrollY = 0;
    const before = reads.n;
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(reads.n).toBe(before);
    expect(paintedLines(applied)).toEqual(FIRST_TWO_SCREENS);

    // Narrower or longer: lines moved, and what was kept is stale.
    blockHeight = 30_000;
    scrollY = 10_000;
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(reads.n - before).toBeGreaterThanOrEqual(cold);
    windows.clear();
  });

  it('paints a run of many text nodes in one element as one, and drops it by any of its nodes', async () => {
    const { applied, removed, windows } = setUp();
    // A log appended line by line: 1,000 text nodes of one line each, 20 px per line.
    const paragraph = document.body.firstElementChild!;
    paragraph.replaceChildren(...Array.from({ length: 1_000 }, () => document.createTextNode('0123456789')));
    const nodes = [...paragraph.childNodes] as Text[];
    const line = new Map(nodes.map((node, i) => [node as Node, i]));
    Object.defineProperty(Range.prototype, 'getBoundingClientRect', {
      configurable: true,
      value(this: Range) {
        reads.n++;
        const top = line.get(this.startContainer)! * 20 - scrollY;
        return { top, bottom: top + 20 } as DOMRect;
      },
    });
    const pieces: Piece[] = nodes.map((node) => ({
      node,
      start: 0,
      end: 4,
      text: '0123',
      id: 'nvidia',
      category: 'company',
      first: true,
    }));
    windows.add(pieces);
    const paintedNodes = () => applied.at(-1)!.map((p) => line.get(p.node));
    expect(paintedNodes()).toEqual(FIRST_TWO_SCREENS);
    expect(reads.n).toBeLessThan(40); // a search, not a pass over 1,000 nodes
    scrollY = 10_000;
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect([paintedNodes()[0], paintedNodes().at(-1)]).toEqual([489, 520]);
    // Repainting takes the run's highlights off all its nodes first.
    expect(new Set(removed.at(-1))).toEqual(new Set(nodes));
    // Dropped by one of its nodes (the page changed it), the run is followed no more.
    windows.drop(nodes[500]!);
    const writes = applied.length;
    scrollY = 0;
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(applied.length).toBe(writes);
  });

  it('paints text that sits right inside a shadow root', () => {
    const { pieces, applied, windows } = setUp();
    const host = document.createElement('div');
    document.body.append(host);
    const shadowText = host.attachShadow({ mode: 'open' }).appendChild(document.createTextNode(pieces[0]!.node.data));
    windows.add(pieces.map((p) => ({ ...p, node: shadowText })));
    // The host has no box in jsdom: positions are read afresh, and the window is still found.
    expect(paintedLines(applied)).toEqual(FIRST_TWO_SCREENS);
    windows.clear();
  });

  it('reads positions afresh when the block has no box of its own to measure from', async () => {
    const { pieces, applied, windows } = setUp();
    // `display: contents`: the paragraph's box is empty and stays put while the text scrolls.
    vi.mocked(document.body.firstElementChild!.getBoundingClientRect).mockImplementation(
      () => ({ top: 0, width: 0, height: 0 }) as DOMRect,
    );
    windows.add(pieces);
    scrollY = 10_000;
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    const lines = paintedLines(applied);
    expect([lines[0], lines.at(-1)]).toEqual([489, 520]);
    windows.clear();
  });
});
