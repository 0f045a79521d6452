// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Timers } from '../../../src/content/mutations';
import { TopicGate } from '../../../src/content/topic-gate';
import { watchTopicReveal } from '../../../src/content/topic-reveal';
import { stubCheckVisibility } from './harness';

/** Timers on a clock the test moves, with every delay asked for kept. */
function clock() {
  let now = 0;
  let nextId = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  const delays: number[] = [];
  const timers: Timers = {
    setTimeout(run, ms) {
      delays.push(ms);
      due.set(nextId, { at: now + ms, run });
      return nextId++;
    },
    clearTimeout: (id) => void due.delete(id as number),
    now: () => now,
  };
  return {
    timers,
    delays,
    get pending() {
      return due.size;
    },
    /** Moves the clock by `ms`, running what falls due on the way, in order. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = [...due].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].run();
      }
      now = end;
    },
  };
}

describe('a hidden name the page shows', () => {
  let unstub: () => void;
  beforeEach(() => {
    unstub = stubCheckVisibility();
    document.body.innerHTML = '<p>Chips sold out.</p><div id="more" hidden><p id="name">Nvidia</p></div>';
  });
  afterEach(() => unstub());

  function watch() {
    const gate = new TopicGate();
    const time = clock();
    const opened: Node[][] = [];
    const held = document.querySelector('p')!;
    gate.hold(held);
    const reveal = watchTopicReveal(document, { gate: () => gate, timers: time.timers, opened: (h) => opened.push(h) });
    const noteHidden = () => {
      gate.noteHidden(document.getElementById('name')!);
      reveal.noted();
    };
    return { gate, time, opened, held, reveal, noteHidden };
  }

  it('opens the gate when the page shows it by itself, a second after it was noted', () => {
    const { gate, time, opened, held, noteHidden } = watch();
    noteHidden();
    document.getElementById('more')!.hidden = false; // the page's script shows the story
    time.advance(999);
    expect(gate.open).toBe(false);
    time.advance(1);
    expect(gate.open).toBe(true);
    expect(opened).toEqual([[held]]);
  });

  it('looks three times, spaced out, at names that stay hidden, then waits for the reader', () => {
    const { gate, time, noteHidden } = watch();
    noteHidden();
    noteHidden(); // a second hidden name adds no look
    time.advance(60_000);
    expect(time.delays).toEqual([1_000, 3_000, 9_000]);
    expect(time.pending).toBe(0);
    // Shown now, after the looks: the reader's click finds it.
    document.getElementById('more')!.hidden = false;
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    time.advance(400);
    expect(gate.open).toBe(true);
  });

  it('does not look on its own while no hidden name is noted, nor once the gate is open', () => {
    const { gate, time, reveal } = watch();
    reveal.noted();
    expect(time.pending).toBe(0);
    gate.noteHidden(document.getElementById('name')!);
    gate.openNow();
    reveal.noted();
    expect(time.pending).toBe(0);
  });

  it('stops looking when stopped', () => {
    const { time, reveal, noteHidden } = watch();
    noteHidden();
    expect(time.pending).toBe(1);
    reveal.stop();
    expect(time.pending).toBe(0);
  });
});
