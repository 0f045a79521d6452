import { describe, expect, it } from 'vitest';
import { afterFirstPaint } from '../../../src/content/page-start';

/** A window as page-start.ts reads it: ready state, paint entries, a PerformanceObserver. */
function fakeWindow(readyState: DocumentReadyState, paints: number, observes = true) {
  const listeners = new Map<string, () => void>();
  const observers: (() => void)[] = [];
  let disconnected = 0;
  class Observer {
    static supportedEntryTypes = observes ? ['paint', 'navigation'] : ['navigation'];
    constructor(private readonly callback: () => void) {}
    observe() {
      observers.push(this.callback);
    }
    disconnect() {
      disconnected++;
    }
  }
  const win = {
    document: {
      readyState,
      addEventListener: (type: string, run: () => void) => listeners.set(type, run),
      removeEventListener: (type: string) => listeners.delete(type),
    },
    performance: { getEntriesByType: (type: string) => (type === 'paint' ? new Array(paints).fill({}) : []) },
    PerformanceObserver: Observer,
  } as unknown as Window & typeof globalThis;
  return {
    win,
    paint: () => observers.forEach((run) => run()),
    contentLoaded: () => listeners.get('DOMContentLoaded')?.(),
    get listening() {
      return listeners.size;
    },
    get disconnected() {
      return disconnected;
    },
  };
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
};

describe('afterFirstPaint', () => {
  it('resolves at once on a parsed or painted page', async () => {
    expect(await settled(afterFirstPaint(fakeWindow('interactive', 0).win))).toBe(true);
    expect(await settled(afterFirstPaint(fakeWindow('loading', 1).win))).toBe(true);
  });

  it('waits for the first paint while the page is parsed, then lets go of its listeners', async () => {
    const page = fakeWindow('loading', 0);
    const started = afterFirstPaint(page.win);
    expect(await settled(started)).toBe(false);
    page.paint();
    expect(await settled(started)).toBe(true);
    expect(page.listening).toBe(0);
    expect(page.disconnected).toBe(1);
  });

  it('starts at DOMContentLoaded when nothing was painted before, or paint timing is missing', async () => {
    const page = fakeWindow('loading', 0);
    const started = afterFirstPaint(page.win);
    page.contentLoaded();
    expect(await settled(started)).toBe(true);
    const old = fakeWindow('loading', 0, false);
    const oldStarted = afterFirstPaint(old.win);
    expect(await settled(oldStarted)).toBe(false);
    old.contentLoaded();
    expect(await settled(oldStarted)).toBe(true);
  });
});
