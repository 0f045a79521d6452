// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { whenFrameNearView } from '../../../src/content/frame-start';

/** An IntersectionObserver the test drives: `report` delivers entries for what it observes. */
class FakeObserver {
  static last: FakeObserver | undefined;
  readonly observed = new Set<Element>();
  disconnected = false;
  constructor(
    private readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void,
    readonly options: { rootMargin?: string },
  ) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.disconnected = true;
    this.observed.clear();
  }
  report(isIntersecting: boolean) {
    this.callback([...this.observed].map((target) => ({ target, isIntersecting })));
  }
}

/** A frame's window: not the top one, with the fake observer and jsdom's MutationObserver. */
function frameWindow(): Window & typeof globalThis {
  return {
    top: {},
    IntersectionObserver: FakeObserver,
    MutationObserver: window.MutationObserver,
  } as unknown as Window & typeof globalThis;
}

const settled = async <T>(promise: Promise<T>): Promise<T | 'pending'> =>
  Promise.race([promise, new Promise<'pending'>((r) => setTimeout(() => r('pending'), 20))]);

describe('whenFrameNearView', () => {
  it('starts the top document at once, without observing anything', async () => {
    FakeObserver.last = undefined;
    const top = { IntersectionObserver: FakeObserver } as unknown as Window & typeof globalThis;
    (top as { top: unknown }).top = top;
    expect(await whenFrameNearView(document, top, new AbortController().signal)).toBe(true);
    expect(FakeObserver.last).toBeUndefined();
  });

  it('waits in a frame until its document is shown near the view', async () => {
    const shown = whenFrameNearView(document, frameWindow(), new AbortController().signal);
    const observer = FakeObserver.last!;
    expect([...observer.observed]).toEqual([document.documentElement]);
    expect(observer.options.rootMargin).toBe('100% 0px');
    observer.report(false); // the first report of a hidden frame
    expect(await settled(shown)).toBe('pending');
    observer.report(true);
    expect(await settled(shown)).toBe(true);
    expect(observer.disconnected).toBe(true);
  });

  it('follows a root element the page replaces', async () => {
    const doc = document.implementation.createHTMLDocument();
    const shown = whenFrameNearView(doc, frameWindow(), new AbortController().signal);
    const observer = FakeObserver.last!;
    const replacement = doc.createElement('html');
    doc.documentElement.remove();
    doc.append(replacement);
    await Promise.resolve(); // the mutation observer's report
    expect([...observer.observed]).toEqual([replacement]);
    observer.report(true);
    expect(await settled(shown)).toBe(true);
  });

  it('gives up when the script is stopped', async () => {
    const controller = new AbortController();
    const shown = whenFrameNearView(document, frameWindow(), controller.signal);
    const observer = FakeObserver.last!;
    controller.abort();
    expect(await settled(shown)).toBe(false);
    expect(observer.disconnected).toBe(true);
    expect(await whenFrameNearView(document, frameWindow(), controller.signal)).toBe(false);
  });
});
