/**
 * A finger on a page of the extension's Chromium, which is launched without a touch screen:
 * touch emulation and touch events sent through the DevTools protocol, so a tap arrives as a
 * reader's does (pointer events of type "touch", compatibility mouse events, then the click).
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Point {
  x: number;
  y: number;
}

/** Taps at a point of the viewport. */
export type Tap = (point: Point) => Promise<void>;

/** Runs `use` with a touch screen on `page`, and takes the touch screen away afterwards, however it ends. */
export async function withTouchScreen<T>(
  context: BrowserContext,
  page: Page,
  use: (tap: Tap) => Promise<T>,
): Promise<T> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  try {
    return await use(async (point) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    });
  } finally {
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await cdp.detach();
  }
}

/** The middle of an element's box (as Playwright's `boundingBox` gives it). */
export function middleOf(box: { x: number; y: number; width: number; height: number } | null): Point {
  if (!box) throw new Error('The element to tap has no box: it is not shown.');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
