import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FREE_TARGETS, intersectionViewport, OBSERVE_EVERY_MS } from '../../../src/content/viewport';

/** Stands in for elements: the watcher only passes them on. */
const element = (name: string) => ({ name }) as unknown as Element;

/** A window whose IntersectionObserver records what it was given; timers are vitest's fake ones. */
function fakeWindow() {
  const observed = new Set<Element>();
  const handOvers: number[] = [];
  let report: (entries: { target: Element; isIntersecting: boolean }[]) => void = () => {};
  let lastBatch = -1;
  class FakeObserver {
    constructor(callback: typeof report) {
      report = callback;
    }
    observe(el: Element) {
      // Calls made in one task (same fake time, no timer between) count as one hand-over.
      if (lastBatch !== handOvers.length) handOvers.push(0);
      lastBatch = handOvers.length;
      handOvers[handOvers.length - 1]!++;
      observed.add(el);
    }
    unobserve(el: Element) {
      observed.delete(el);
    }
    disconnect() {
      observed.clear();
    }
  }
  const win = {
    IntersectionObserver: FakeObserver,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    performance: { now: () => Date.now() },
  } as unknown as Window & typeof globalThis;
  return {
    win,
    observed,
    /** How many targets each hand-over carried. */
    handOvers,
    /** Ends the current hand-over: the next observe() starts a new one. */
    endTask: () => (lastBatch = -1),
    report: (entries: { target: Element; isIntersecting: boolean }[]) => report(entries),
  };
}

describe('intersectionViewport: handing targets to the observer', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000 }));
  afterEach(() => vi.useRealTimers());

  it('hands over what one task observed together, a task later', () => {
    const fake = fakeWindow();
    const watcher = intersectionViewport(fake.win)(() => {});
    const els = ['a', 'b', 'c'].map(element);
    for (const el of els) watcher.observe(el);
    expect(fake.observed.size).toBe(0);
    vi.advanceTimersByTime(0);
    expect([...fake.observed]).toEqual(els);
    expect(fake.handOvers).toEqual([3]);
  });

  it('hands over at once while the observer holds few targets, then at most every OBSERVE_EVERY_MS', () => {
    const fake = fakeWindow();
    const watcher = intersectionViewport(fake.win)(() => {});
    let n = 0;
    const slice = (count: number) => {
      for (let i = 0; i < count; i++) watcher.observe(element(`e${n++}`));
    };
    slice(FREE_TARGETS);
    vi.advanceTimersByTime(0);
    fake.endTask();
    expect(fake.observed.size).toBe(FREE_TARGETS);
    // Ten slices 10 ms apart, each finding ten blocks: one hand-over, OBSERVE_EVERY_MS after the last.
    for (let i = 0; i < 10; i++) {
      slice(10);
      vi.advanceTimersByTime(10);
      fake.endTask();
    }
    expect(fake.observed.size).toBe(FREE_TARGETS + 100);
    expect(fake.handOvers).toEqual([FREE_TARGETS, 100]);
    slice(5);
    vi.advanceTimersByTime(OBSERVE_EVERY_MS - 1);
    expect(fake.observed.size).toBe(FREE_TARGETS + 100);
    vi.advanceTimersByTime(1);
    expect(fake.observed.size).toBe(FREE_TARGETS + 105);
  });

  it('never hands over a target taken back before its turn, and forgets everything on disconnect', () => {
    const fake = fakeWindow();
    const watcher = intersectionViewport(fake.win)(() => {});
    const [a, b, c] = ['a', 'b', 'c'].map(element);
    watcher.observe(a!);
    watcher.observe(b!);
    watcher.unobserve(a!);
    vi.advanceTimersByTime(0);
    expect([...fake.observed]).toEqual([b]);
    watcher.unobserve(b!);
    expect(fake.observed.size).toBe(0);
    watcher.observe(c!);
    watcher.disconnect();
    vi.runAllTimers();
    expect(fake.observed.size).toBe(0);
  });

  it('reports only the targets that are near', () => {
    const fake = fakeWindow();
    const near: Element[][] = [];
    intersectionViewport(fake.win)((els) => near.push(els));
    const [a, b] = ['a', 'b'].map(element);
    fake.report([
      { target: a!, isIntersecting: true },
      { target: b!, isIntersecting: false },
    ]);
    fake.report([{ target: b!, isIntersecting: false }]);
    expect(near).toEqual([[a]]);
  });
});
