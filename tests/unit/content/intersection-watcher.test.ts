import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DRAW_AHEAD_SCREENS,
  FREE_TARGETS,
  intersectionWatcher,
  OBSERVE_EVERY_MS,
  REFRESH_EVERY_MS,
  REFRESH_SCREENS,
  SETTLE_MS,
} from '../../../src/content/intersection-watcher';

const SCREEN = 1_000;

/** Stands in for a block: the watcher only passes it on. Its place on the page (px) is in `top`. */
interface FakeBlock {
  name: string;
  top: number;
  height: number;
}
const block = (name: string, top = 0, height = 100) => ({ name, top, height }) as FakeBlock & Element;

/**
 * A window whose IntersectionObserver records what it holds and, on `frame()`, reports every
 * target handed to it since its last report (as browsers do: a first entry for each new
 * target), plus any target that crossed into or out of the near zone (one screen around the
 * viewport). Timers are vitest's fake ones.
 */
function fakeWindow({ crossOrigin = false } = {}) {
  const held = new Set<Element>();
  const fresh = new Set<Element>();
  const wasNear = new Map<Element, boolean>();
  const handOvers: number[] = [];
  let inTask = false;
  let callback: (entries: IntersectionObserverEntry[]) => void = () => {};
  const listeners = new Map<string, ((event: Event) => void)[]>();
  const frames: FrameRequestCallback[] = [];
  class FakeObserver {
    constructor(cb: typeof callback) {
      callback = cb;
    }
    observe(el: Element) {
      // The block's box as laid out: its place on the page, against the window's scroll.
      const b = el as unknown as FakeBlock;
      Object.assign(el, {
        getBoundingClientRect: () => ({
          top: b.top - win.scrollY,
          bottom: b.top + b.height - win.scrollY,
          height: b.height,
          left: 0,
          right: 800,
        }),
      });
      if (!inTask) handOvers.push(0);
      inTask = true;
      handOvers[handOvers.length - 1]!++;
      held.add(el);
      fresh.add(el);
    }
    unobserve(el: Element) {
      held.delete(el);
      fresh.delete(el);
      wasNear.delete(el);
    }
    disconnect() {
      held.clear();
    }
  }
  const win = {
    IntersectionObserver: FakeObserver,
    scrollY: 0,
    innerHeight: SCREEN,
    innerWidth: 800,
    document: {},
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    requestAnimationFrame: (fn: FrameRequestCallback) => frames.push(fn),
    performance: { now: () => Date.now() },
    addEventListener(type: string, fn: (event: Event) => void, options: { signal: AbortSignal }) {
      listeners.set(type, [...(listeners.get(type) ?? []), fn]);
      options.signal.addEventListener('abort', () => listeners.set(type, []));
    },
  } as unknown as Window & typeof globalThis & { scrollY: number };
  const nearNow = (b: FakeBlock) =>
    b.height > 0 && b.top + b.height >= win.scrollY - SCREEN && b.top <= win.scrollY + 2 * SCREEN;
  return {
    win,
    held,
    /** Animation-frame callbacks waiting. */
    frames,
    /** How many targets each hand-over (observe() calls in one task) carried. */
    handOvers,
    endTask: () => (inTask = false),
    /** A rendered frame: runs animation-frame callbacks (unless `skipCallbacks`), then reports intersections. */
    frame({ skipCallbacks = false } = {}) {
      if (!skipCallbacks) for (const fn of frames.splice(0)) fn(0);
      const entries: IntersectionObserverEntry[] = [];
      for (const el of held) {
        const b = el as unknown as FakeBlock;
        const near = nearNow(b);
        if (!fresh.has(el) && wasNear.get(el) === near) continue;
        fresh.delete(el);
        wasNear.set(el, near);
        const top = b.top - win.scrollY;
        entries.push({
          target: el,
          isIntersecting: near,
          boundingClientRect: { top, bottom: top + b.height, height: b.height },
          // The near zone in the viewport's coordinates: one screen above and below.
          rootBounds: crossOrigin ? null : { top: -SCREEN, bottom: 2 * SCREEN, height: 3 * SCREEN },
        } as unknown as IntersectionObserverEntry);
      }
      if (entries.length > 0) callback(entries);
      inTask = false;
    },
    scrollTo(y: number) {
      win.scrollY = y;
      for (const fn of listeners.get('scroll') ?? []) fn({ type: 'scroll', target: win.document } as unknown as Event);
    },
  };
}

/** `count` blocks 100 px apart from `from`, named b0, b1, … */
const column = (count: number, from = 0) => Array.from({ length: count }, (_, i) => block(`b${i}`, from + i * 100));

describe('intersectionWatcher', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000 }));
  afterEach(() => vi.useRealTimers());

  it('hands over its first target at once, then what one task observed together a task later, and reports the near ones', () => {
    const fake = fakeWindow();
    const near: Element[][] = [];
    // As the drawing does: a block reported near is drawn and no longer watched.
    const watcher: ReturnType<ReturnType<typeof intersectionWatcher>> = intersectionWatcher(fake.win)((els) => {
      near.push(els);
      for (const el of els) watcher.unobserve(el);
    });
    const els = column(80); // 8,000 px: the first 21 are within a screen below the viewport.
    for (const el of els) watcher.observe(el);
    // The first at once, so the next frame places it whenever that frame comes.
    expect([...fake.held]).toEqual([els[0]]);
    fake.endTask();
    vi.advanceTimersByTime(0);
    expect(fake.handOvers).toEqual([1, 79]);
    fake.frame();
    expect(near).toEqual([els.slice(0, 21)]);
  });

  it("reports the near ones among its first targets from the first frame's callback, before the observer does", () => {
    const fake = fakeWindow();
    const reports: { els: Element[]; inFrame?: boolean }[] = [];
    const watcher = intersectionWatcher(fake.win)((els, inFrame) => void reports.push({ els, inFrame }));
    fake.scrollTo(2_000);
    const els = [...column(60), block('hidden', 2_500, 0)];
    for (const el of els) watcher.observe(el);
    vi.advanceTimersByTime(0);
    // Only the frame's callbacks: the observer has not reported yet.
    for (const callback of fake.frames.splice(0)) callback(0);
    // A screen above and below the viewport at 2,000 px, and nothing without a box.
    expect(reports).toEqual([
      { els: els.filter((b) => b.height > 0 && b.top >= 900 && b.top <= 4_000), inFrame: true },
    ]);
    // The observer's own report comes as before, after the frame (drawing ignores what it drew).
    fake.frame();
    expect(reports).toHaveLength(2);
    expect(reports[1]!.inFrame).toBeUndefined();
  });

  it('past FREE_TARGETS hands new targets over at most every OBSERVE_EVERY_MS', () => {
    const fake = fakeWindow();
    const watcher = intersectionWatcher(fake.win)(() => {});
    const els = column(FREE_TARGETS + 105);
    for (const el of els.slice(0, FREE_TARGETS)) watcher.observe(el);
    vi.advanceTimersByTime(0);
    fake.endTask();
    // Ten slices 10 ms apart, each finding ten blocks: one hand-over, OBSERVE_EVERY_MS after the first.
    for (let i = 0; i < 10; i++) {
      for (const el of els.slice(FREE_TARGETS + 10 * i, FREE_TARGETS + 10 * i + 10)) watcher.observe(el);
      vi.advanceTimersByTime(10);
      fake.endTask();
    }
    expect(fake.handOvers).toEqual([FREE_TARGETS, 100]);
    for (const el of els.slice(-5)) watcher.observe(el);
    vi.advanceTimersByTime(OBSERVE_EVERY_MS - 1);
    expect(fake.held.size).toBe(FREE_TARGETS + 100);
    vi.advanceTimersByTime(1);
    expect(fake.held.size).toBe(FREE_TARGETS + 105);
  });

  it('keeps a small page whole: nothing is parked', () => {
    const fake = fakeWindow();
    const watcher = intersectionWatcher(fake.win)(() => {});
    for (const el of column(FREE_TARGETS)) watcher.observe(el);
    vi.advanceTimersByTime(0);
    fake.frame();
    expect(fake.held.size).toBe(FREE_TARGETS);
  });

  it('parks far blocks of a long page and hands them back as scrolling brings them near, so each is reported when near', () => {
    const fake = fakeWindow();
    const reported = new Set<Element>();
    const watcher: ReturnType<ReturnType<typeof intersectionWatcher>> = intersectionWatcher(fake.win)((els) => {
      // As the drawing does: a block reported near is drawn and no longer watched.
      for (const el of els) {
        reported.add(el);
        watcher.unobserve(el);
      }
    });
    const els = column(3_000); // 300,000 px: 300 screens.
    for (const el of els) watcher.observe(el);
    vi.advanceTimersByTime(0);
    fake.frame();
    // Reported: the blocks within a screen of the viewport; observed: those within four screens.
    expect(reported.size).toBe(21);
    expect(fake.held.size).toBeLessThanOrEqual(60);
    // Scrolling through half the page, 400 px a frame: every block is reported on the way.
    let maxHeld = 0;
    for (let y = 400; y <= 150_000; y += 400) {
      fake.scrollTo(y);
      fake.frame();
      fake.frame(); // Handed back in one frame, reported in the next.
      maxHeld = Math.max(maxHeld, fake.held.size);
      vi.advanceTimersByTime(16);
    }
    const shouldHave = els.filter((b) => b.top <= 150_000 + 2 * SCREEN);
    expect(shouldHave.filter((b) => !reported.has(b))).toEqual([]);
    // Once scrolling, blocks placed a few screens ahead come with the near ones; none further.
    expect(els.filter((b) => reported.has(b) && b.top > 150_000 + (DRAW_AHEAD_SCREENS + 1) * SCREEN)).toEqual([]);
    expect(maxHeld).toBeLessThanOrEqual(100);
  });

  it('before the reader scrolls, reports only the near blocks, however the reports are timed', () => {
    // Switching highlights off and on in a tab nobody scrolls must draw the same blocks: the
    // far ones are placed in later reports or in the same one, and neither may change that.
    for (const split of [false, true]) {
      const fake = fakeWindow();
      const reported = new Set<Element>();
      const watcher = intersectionWatcher(fake.win)((els) => els.forEach((el) => reported.add(el)));
      const els = column(100);
      for (const el of split ? els.slice(50) : els) watcher.observe(el);
      vi.advanceTimersByTime(0);
      fake.frame();
      if (split) {
        for (const el of els.slice(0, 50)) watcher.observe(el);
        vi.advanceTimersByTime(0);
        fake.frame();
      }
      expect(new Set(reported)).toEqual(new Set(els.filter((b) => b.top <= 2 * SCREEN)));
    }
  });

  it('once the reader scrolls, reports blocks in a few bursts (one layout each) rather than on every frame', () => {
    const fake = fakeWindow();
    const reported = new Set<Element>();
    let reports = 0;
    const watcher: ReturnType<ReturnType<typeof intersectionWatcher>> = intersectionWatcher(fake.win)((els) => {
      reports++;
      for (const el of els) {
        reported.add(el);
        watcher.unobserve(el);
      }
    });
    const els = column(300); // A block every 100 px.
    for (const el of els) watcher.observe(el);
    vi.advanceTimersByTime(0);
    fake.frame();
    reports = 0;
    // 20 screens at 40 px a frame: a block comes near every two or three frames.
    for (let y = 40; y <= 20 * SCREEN; y += 40) {
      fake.scrollTo(y);
      fake.frame();
      vi.advanceTimersByTime(16);
    }
    expect(els.filter((b) => b.top <= 22 * SCREEN && !reported.has(b))).toEqual([]);
    expect(els.filter((b) => reported.has(b) && b.top > (20 + DRAW_AHEAD_SCREENS + 1) * SCREEN)).toEqual([]);
    expect(reports).toBeGreaterThan(0);
    expect(reports).toBeLessThanOrEqual(20);
  });

  it('places every parked block afresh once scrolling stops: blocks the page moved meanwhile are found', () => {
    const fake = fakeWindow();
    const reported = new Set<Element>();
    const watcher = intersectionWatcher(fake.win)((els) => {
      for (const el of els) reported.add(el);
    });
    const els = column(1_000);
    for (const el of els) watcher.observe(el);
    vi.advanceTimersByTime(0);
    fake.frame();
    // The page moves block 900 (at 90,000 px) to the top while the reader scrolls a little.
    els[900]!.top = 500;
    fake.scrollTo(100);
    fake.frame();
    fake.frame();
    expect(reported.has(els[900]!)).toBe(false);
    vi.advanceTimersByTime(SETTLE_MS);
    fake.frame();
    expect(reported.has(els[900]!)).toBe(true);
    // And the refresh parks again what is still far.
    expect(fake.held.size).toBeLessThan(100);
  });

  it('during a long scroll places afresh, every REFRESH_EVERY_MS, what is parked within REFRESH_SCREENS, and everything once it stops', () => {
    const fake = fakeWindow();
    const reported = new Set<Element>();
    const watcher = intersectionWatcher(fake.win)((els) => els.forEach((el) => reported.add(el)));
    const els = column(1_000); // 100 screens.
    for (const el of els) watcher.observe(el);
    vi.advanceTimersByTime(0);
    fake.frame();
    fake.endTask();
    const before = fake.handOvers.length;
    // The page moves two blocks near the reader's path while the reader scrolls 10 px every 50 ms:
    // one from 8 screens down (within REFRESH_SCREENS of where it was placed), one from 90.
    els[80]!.top = 1_500;
    els[900]!.top = 1_600;
    for (let t = 0; t < 2 * REFRESH_EVERY_MS + 100; t += 50) {
      fake.scrollTo(fake.win.scrollY + 10);
      vi.advanceTimersByTime(50);
      fake.frame();
    }
    // Twice in 2.1 s, each time the blocks parked within REFRESH_SCREENS (10 blocks a screen),
    // never the whole page.
    const during = fake.handOvers.slice(before);
    expect(during.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...during)).toBeLessThanOrEqual((REFRESH_SCREENS + 1) * 10);
    expect(reported.has(els[80]!)).toBe(true);
    expect(reported.has(els[900]!)).toBe(false);
    // Once scrolling stops, every parked block is placed afresh: the far one moved is found too.
    vi.advanceTimersByTime(SETTLE_MS);
    fake.frame();
    expect(fake.handOvers[fake.handOvers.length - 1]).toBeGreaterThan(900);
    expect(reported.has(els[900]!)).toBe(true);
  });

  it('never hands back a block taken back while parked or waiting, and forgets everything on disconnect', () => {
    const fake = fakeWindow();
    const watcher = intersectionWatcher(fake.win)(() => {});
    const els = column(1_000);
    for (const el of els) watcher.observe(el);
    watcher.unobserve(els[1]!); // Still waiting.
    vi.advanceTimersByTime(0);
    fake.frame();
    expect(fake.held.has(els[1]!)).toBe(false);
    watcher.unobserve(els[800]!); // Parked.
    fake.scrollTo(80_000 - 500);
    fake.frame();
    expect(fake.held.has(els[799]!)).toBe(true);
    expect(fake.held.has(els[800]!)).toBe(false);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(fake.held.has(els[800]!)).toBe(false);
    watcher.disconnect();
    expect(fake.held.size).toBe(0);
    fake.scrollTo(0);
    vi.runAllTimers();
    fake.frame();
    expect(fake.held.size).toBe(0);
  });

  it('never parks a block without a box (display: none): it stays observed, to be reported when shown', () => {
    const fake = fakeWindow();
    const watcher = intersectionWatcher(fake.win)(() => {});
    const els = column(1_000);
    const hidden = block('hidden', 50_000, 0);
    for (const el of [...els, hidden]) watcher.observe(el);
    vi.advanceTimersByTime(0);
    fake.frame();
    expect(fake.held.has(hidden)).toBe(true);
    expect(fake.held.has(els[500]!)).toBe(false);
  });

  it('never reports a block without a box: its text is not shown', () => {
    const fake = fakeWindow();
    const reported = new Set<Element>();
    const watcher = intersectionWatcher(fake.win)((els) => els.forEach((el) => reported.add(el)));
    const hidden = block('hidden', 300, 0);
    const els = column(10);
    for (const el of [hidden, ...els]) watcher.observe(el);
    vi.advanceTimersByTime(0);
    fake.frame();
    expect(reported.has(els[0]!)).toBe(true);
    expect(reported.has(hidden)).toBe(false);
  });

  it('parks nothing before it has read the window in a frame, nor in a frame whose near zone is not reported (cross-origin)', () => {
    for (const crossOrigin of [false, true]) {
      const fake = fakeWindow({ crossOrigin });
      const watcher = intersectionWatcher(fake.win)(() => {});
      for (const el of column(1_000)) watcher.observe(el);
      vi.advanceTimersByTime(0);
      fake.frame({ skipCallbacks: !crossOrigin });
      expect(fake.held.size).toBe(1_000);
    }
  });

  it('asks for no frame and reads no geometry on a page it is given nothing to watch', () => {
    const fake = fakeWindow();
    const watcher = intersectionWatcher(fake.win)(() => {});
    fake.scrollTo(500);
    vi.runAllTimers();
    expect(fake.frames).toHaveLength(0);
    watcher.observe(block('a'));
    expect(fake.frames).toHaveLength(1);
  });
});
