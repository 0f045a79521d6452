// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { firstScreen, type FrameSource } from '../../../src/content/first-screen';
import type { PendingBlock } from '../../../src/content/page-state';
import { launch, manualTime, manualViewport, marks } from './harness';

/** A window whose document is still loading (or not), with animation frames fired by hand. */
function frames(readyState: DocumentReadyState = 'loading') {
  const callbacks: (() => void)[] = [];
  const win: FrameSource = {
    document: { readyState },
    requestAnimationFrame: (callback) => callbacks.push(callback),
  };
  return { win, frame: () => callbacks.splice(0).forEach((run) => run()) };
}

/** A pending block with `names` matches of one piece each. */
const blockOf = (names: number) =>
  ({ matches: Array.from({ length: names }, () => ({ entry: 0, pieces: [{}] })) }) as unknown as PendingBlock;

describe('first screen budget', () => {
  it('takes blocks while the page is loading, until its characters are read', () => {
    const { win } = frames();
    const screen = firstScreen(win, { maxChars: 1_000, maxPieces: 100 });
    expect(screen.takes(blockOf(2))).toBe(true);
    screen.read(600);
    expect(screen.takes(blockOf(2))).toBe(true);
    screen.read(600);
    expect(screen.open).toBe(false);
    expect(screen.takes(blockOf(2))).toBe(false);
  });

  it('stops taking at the cap on names, whatever the text', () => {
    const { win } = frames();
    const screen = firstScreen(win, { maxChars: 1_000_000, maxPieces: 5 });
    expect(screen.takes(blockOf(3))).toBe(true);
    // More names than are left: a giant block waits for the watcher, a small one still fits.
    expect(screen.takes(blockOf(3))).toBe(false);
    expect(screen.takes(blockOf(2))).toBe(true);
    expect(screen.open).toBe(false);
    expect(screen.takes(blockOf(1))).toBe(false);
  });

  it('stops at the first animation frame: from then on the viewport watcher decides', () => {
    const { win, frame } = frames();
    const screen = firstScreen(win);
    expect(screen.open).toBe(true);
    frame();
    expect(screen.open).toBe(false);
    expect(screen.takes(blockOf(1))).toBe(false);
  });

  it('takes nothing on a page loaded before the highlighter started (it may be scrolled anywhere)', () => {
    const screen = firstScreen(frames('complete').win);
    expect(screen.open).toBe(false);
    expect(screen.takes(blockOf(1))).toBe(false);
  });

  it('takes nothing without animation frames to tell when the page is rendered', () => {
    const screen = firstScreen({ document: { readyState: 'loading' } });
    expect(screen.takes(blockOf(1))).toBe(false);
  });
});

describe('highlighter start on a page just loaded', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  const paragraphs = (count: number) =>
    Array.from({ length: count }, (_, i) => `<p id="p${i}">Paragraph ${i} names Nvidia and 月之暗面 once.</p>`).join('');

  /** Ids of the paragraphs with marks. */
  const drawnParagraphs = () => [...new Set([...document.querySelectorAll('mark')].map((m) => m.closest('p')!.id))];
  const first = (count: number) => Array.from({ length: count }, (_, i) => `p${i}`);

  it('draws the top of the page from the starting task on, before any viewport report', async () => {
    const viewport = manualViewport();
    const time = manualTime();
    const { win, frame } = frames();
    // Paragraphs 0–9 are 39 characters each: the first screen is exactly those ten.
    const { highlighter } = launch({
      html: paragraphs(40),
      viewport: viewport.factory,
      time,
      firstScreen: firstScreen(win, { maxChars: 390 }),
    });
    await Promise.resolve(); // The starting task's microtasks.
    // No slice has run yet and the watcher reported nothing: the start drew the top itself.
    const atStart = drawnParagraphs();
    expect(atStart.length).toBeGreaterThan(0);
    expect(atStart).toEqual(first(atStart.length));
    // Before any frame, the next slices finish the first screen, and stop there.
    time.runSlices(30);
    expect(drawnParagraphs()).toEqual(first(10));
    expect(marks()).toHaveLength(20);
    // From the first frame on, only the watcher draws.
    frame();
    time.runSlices(50);
    expect(marks()).toHaveLength(20);
    viewport.bringNear(document.getElementById('p30')!);
    time.runSlices(5);
    expect(document.querySelectorAll('#p30 mark')).toHaveLength(2);
    expect(marks()).toHaveLength(22);
    highlighter.stop();
  });

  it('draws nothing ahead of the watcher once a frame has been rendered', () => {
    const viewport = manualViewport();
    const time = manualTime();
    const { win, frame } = frames();
    const screen = firstScreen(win, { maxChars: 450 });
    frame();
    const { highlighter } = launch({ html: paragraphs(40), viewport: viewport.factory, time, firstScreen: screen });
    time.runSlices(50);
    expect(marks()).toHaveLength(0);
    expect(viewport.watched.size).toBe(40);
    highlighter.stop();
  });
});
