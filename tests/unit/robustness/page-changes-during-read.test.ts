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
import type { Highlighter } from '../../../src/content/highlighter';
import { launch, manualTime } from '../content/harness';
import { VIEW } from './random-dom/real-glossary';

let highlighter: Highlighter | undefined;
afterEach(() => highlighter?.stop());

describe('a page change read while the first read is paused in the same container', () => {
  it('reads the container once: no mark inside a mark, counted once', async () => {
    const failures: string[] = [];
    for (let pauseAfter = 0; pauseAfter < 12; pauseAfter++) {
      const time = manualTime();
      highlighter = launch({
        html: '<main><div id="d"><p>晶片禁令的</p><b>Nvidia</b> said</div></main>',
        view: VIEW,
        time,
        budgetMs: 1,
        changeTiming: { delay: 0, cooldown: 0 },
      }).highlighter;
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
