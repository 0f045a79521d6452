// @vitest-environment jsdom
/**
 * Was a known bug (found by random-dom.test.ts, which worked around it with
 * KNOWN_BUGS.changeInterruptsFirstRead). The first read of a page walks it in slices and pauses
 * inside containers; a page change read meanwhile (higher priority) re-reads the container
 * the walk is paused in and draws its text. When the walk resumed it read that text again,
 * through the marks just drawn: the text inside a mark was wrapped again (a mark inside a
 * mark), and the container's counts were added twice. Fixed: a walk drops what it read in a
 * container that was read again since it opened it (reader.ts), and the DOM engine never
 * wraps text inside its own marks (dom-engine.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHighlighter, type Highlighter } from '../../../src/content/highlighter';
import { everythingNear } from '../../../src/content/viewport';
import { VIEW } from './random-dom/real-glossary';

/** A scheduler host and timers the test advances by hand, one slice (one step) at a time. */
function manualTime() {
  const slices: (() => void)[] = [];
  const timers = new Map<number, () => void>();
  let clock = 0;
  let nextId = 1;
  return {
    sliceHost: { now: () => ++clock, later: (slice: () => void) => void slices.push(slice) },
    timers: {
      setTimeout: (run: () => void) => (timers.set(nextId, run), nextId++),
      clearTimeout: (id: unknown) => void timers.delete(id as number),
      now: () => clock,
    },
    runSlices(count: number) {
      for (let i = 0; i < count && slices.length > 0; i++) slices.shift()!();
    },
    /** Runs everything queued, page-change timers included, until nothing is left. */
    async drain() {
      for (let round = 0; round < 10_000; round++) {
        await Promise.resolve(); // MutationObserver callbacks are microtasks
        const [id, timer] = timers.entries().next().value ?? [];
        if (id !== undefined) timers.delete(id);
        const run = timer ?? slices.shift();
        if (!run) return;
        run();
      }
      throw new Error('never drained');
    },
  };
}

let highlighter: Highlighter | undefined;
afterEach(() => highlighter?.stop());

describe('a page change read while the first read is paused in the same container', () => {
  it('reads the container once: no mark inside a mark, counted once', async () => {
    const failures: string[] = [];
    for (let pauseAfter = 0; pauseAfter < 12; pauseAfter++) {
      document.body.innerHTML = '<main><div id="d"><p>晶片禁令的</p><b>Nvidia</b> said</div></main>';
      const time = manualTime();
      highlighter = startHighlighter(
        {
          document,
          window: window as Window & typeof globalThis,
          viewport: everythingNear,
          sliceHost: time.sliceHost,
          budgetMs: 1,
          timers: time.timers,
          changeTiming: { delay: 0, cooldown: 0 },
        },
        VIEW,
        { density: 'all', hiddenCategories: new Set() },
      );
      time.runSlices(pauseAfter);
      document.getElementById('d')!.append(' and more');
      await time.drain();
      const nested = document.querySelectorAll('mark mark').length;
      const summary = JSON.stringify(highlighter.summary());
      if (nested > 0 || summary !== '{"chip-ban":1,"nvidia":1}') {
        failures.push(`after ${pauseAfter} slices: ${nested} nested marks, summary ${summary}`);
      }
      highlighter.stop();
      expect(document.getElementById('d')!.innerHTML).toBe('<p>晶片禁令的</p><b>Nvidia</b> said and more');
    }
    expect(failures).toEqual([]);
  });
});
