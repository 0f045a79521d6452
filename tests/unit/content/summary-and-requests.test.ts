// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { popupRequestListener } from '../../../src/content/popup-requests';
import {
  createSummaryReporter,
  isPrerendering,
  reportWhenHidden,
  reportWhenShown,
} from '../../../src/content/summary-reporter';

function fakeTimers() {
  let time = 0;
  const queue: { at: number; run: () => void; id: number }[] = [];
  let next = 1;
  return {
    timers: {
      setTimeout: (run: () => void, ms: number) => {
        const id = next++;
        queue.push({ at: time + ms, run, id });
        return id;
      },
      clearTimeout: (id: unknown) => {
        const i = queue.findIndex((t) => t.id === id);
        if (i >= 0) queue.splice(i, 1);
      },
      now: () => time,
    },
    advance(ms: number) {
      time += ms;
      for (const t of queue.filter((t) => t.at <= time)) {
        queue.splice(queue.indexOf(t), 1);
        t.run();
      }
    },
    get pending() {
      return queue.length;
    },
  };
}

describe('summary reporter', () => {
  it('reports at once, then at most once a second, and only when counts change', () => {
    const clock = fakeTimers();
    const send = vi.fn();
    const reporter = createSummaryReporter(send, clock.timers, { interval: 1000 });
    reporter.changed(() => ({ a: 1 }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenLastCalledWith({ a: 1 }, { resent: false, first: true }); // a new document
    reporter.changed(() => ({ a: 2 }));
    reporter.changed(() => ({ a: 3 }));
    expect(send).toHaveBeenCalledTimes(1);
    clock.advance(1000);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith({ a: 3 }, { resent: false, first: false });
    clock.advance(1000);
    reporter.changed(() => ({ a: 3 }));
    expect(send).toHaveBeenCalledTimes(2); // unchanged counts are not sent again
    expect(clock.pending).toBe(0);
  });

  it('sends nothing after stop', () => {
    const clock = fakeTimers();
    const send = vi.fn();
    const reporter = createSummaryReporter(send, clock.timers, { interval: 1000 });
    reporter.changed(() => ({ a: 1 }));
    reporter.changed(() => ({ a: 2 }));
    reporter.stop();
    clock.advance(5000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('resends the counts at once when asked, even unchanged, in place of a report still waiting', () => {
    const clock = fakeTimers();
    const send = vi.fn();
    const reporter = createSummaryReporter(send, clock.timers, { interval: 1000 });
    reporter.changed(() => ({ a: 1 }));
    reporter.changed(() => ({ a: 2 })); // waits for the interval
    expect(clock.pending).toBe(1);
    reporter.resend(() => ({ a: 2 }));
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith({ a: 2 }, { resent: true, first: false }); // the page shown again
    expect(clock.pending).toBe(0); // the waiting report was this one: not sent twice
    reporter.resend(() => ({ a: 2 }));
    expect(send).toHaveBeenCalledTimes(3); // the same counts again: the background forgot them
    // Resending counts as a report: later changes keep to the interval, and unchanged counts stay unsent.
    reporter.changed(() => ({ a: 2 }));
    expect(send).toHaveBeenCalledTimes(3);
    reporter.changed(() => ({ a: 3 }));
    clock.advance(1000);
    expect(send).toHaveBeenCalledTimes(4);
    expect(send).toHaveBeenLastCalledWith({ a: 3 }, { resent: false, first: false });
  });
});

describe('a document going away', () => {
  it('reports as it is hidden (its frame navigates, is removed, or the tab leaves), until the script stops', () => {
    const report = vi.fn();
    const signal = new AbortController();
    reportWhenHidden(document, signal.signal, report);
    expect(report).not.toHaveBeenCalled();
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    expect(report).toHaveBeenCalledTimes(1);
    signal.abort();
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(report).toHaveBeenCalledTimes(1);
  });
});

describe('a page shown without a new load', () => {
  const pageshow = (persisted: boolean) => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted }));

  it('reports again when it comes back from the back/forward cache, and only then', () => {
    const report = vi.fn();
    const signal = new AbortController();
    reportWhenShown(document, signal.signal, report);
    pageshow(false); // the first load's own pageshow: the page reports when read
    expect(report).not.toHaveBeenCalled();
    pageshow(true);
    expect(report).toHaveBeenCalledTimes(1);
    signal.abort(); // the script stepped aside (an update): nothing more
    pageshow(true);
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('reports again when the top document moves to another address of its own', () => {
    // With the Navigation API (Chromium): every same-document move, pushState included.
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { configurable: true, value: navigation });
    try {
      const report = vi.fn();
      const signal = new AbortController();
      reportWhenShown(document, signal.signal, report);
      navigation.dispatchEvent(new Event('currententrychange'));
      expect(report).toHaveBeenCalledTimes(1);
      window.dispatchEvent(new HashChangeEvent('hashchange')); // heard through the API already
      expect(report).toHaveBeenCalledTimes(1);
      signal.abort();
      navigation.dispatchEvent(new Event('currententrychange'));
      expect(report).toHaveBeenCalledTimes(1);
    } finally {
      delete (window as { navigation?: unknown }).navigation;
    }
    // Without it: a link to a part of the page, and Back or Forward between such addresses.
    const report = vi.fn();
    const signal = new AbortController();
    reportWhenShown(document, signal.signal, report);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(report).toHaveBeenCalledTimes(2);
    signal.abort();
  });

  it('holds a prerendered page’s reports back until the reader opens it, then reports its counts', () => {
    // jsdom has no prerendering: the document says it is prerendered until it is shown.
    let prerendering = true;
    Object.defineProperty(document, 'prerendering', { configurable: true, get: () => prerendering });
    try {
      const clock = fakeTimers();
      const send = vi.fn();
      const reporter = createSummaryReporter(send, clock.timers, {
        interval: 1000,
        held: () => isPrerendering(document),
      });
      const signal = new AbortController();
      reportWhenShown(document, signal.signal, () => reporter.resend(() => ({ nvidia: 2 })));
      expect(isPrerendering(document)).toBe(true);
      reporter.changed(() => ({ nvidia: 1 }));
      reporter.changed(() => ({ nvidia: 2 }));
      clock.advance(5000);
      expect(send).not.toHaveBeenCalled();
      prerendering = false;
      document.dispatchEvent(new Event('prerenderingchange'));
      expect(send).toHaveBeenCalledTimes(1);
      expect(send).toHaveBeenLastCalledWith({ nvidia: 2 }, { resent: true, first: true });
      reporter.changed(() => ({ nvidia: 3 }));
      clock.advance(1000);
      expect(send).toHaveBeenLastCalledWith({ nvidia: 3 }, { resent: false, first: false });
      signal.abort();
    } finally {
      delete (document as { prerendering?: boolean }).prerendering;
    }
    expect(isPrerendering(document)).toBe(false);
  });
});

describe('popup requests', () => {
  const target = { summary: () => ({ nvidia: 2 }), reveal: vi.fn((id: string) => id === 'nvidia') };
  const listener = popupRequestListener(target, () => 'https://example.com/a');

  it('answers get-page-summary with the url and counts', async () => {
    await expect(listener({ type: 'get-page-summary' })).resolves.toEqual({
      url: 'https://example.com/a',
      counts: { nvidia: 2 },
    });
  });

  it('reveals an entry on request', async () => {
    await expect(listener({ type: 'reveal-entry', id: 'nvidia' })).resolves.toBe(true);
    expect(target.reveal).toHaveBeenCalledWith('nvidia');
  });

  it('leaves anything else unanswered', () => {
    expect(listener({ type: 'page-summary', counts: {} })).toBeUndefined();
    expect(listener({ type: 'reveal-entry', id: 42 })).toBeUndefined();
    expect(listener('get-page-summary')).toBeUndefined();
    expect(listener(null)).toBeUndefined();
  });
});
