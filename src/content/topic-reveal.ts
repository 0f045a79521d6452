/**
 * A name hidden when the page was read does not open the topic gate (topic-gate.ts), but the
 * reader may show it: "Read more", a tab, an accordion. Those open on a click or a key, so
 * after each, once the page has had time to draw, the hidden elements whose names would have
 * opened the gate are looked at again. The page's own changes of style are not watched:
 * attribute changes are far more frequent than the reader's clicks.
 */
import { isShown } from './dom-rules';
import type { Timers } from './mutations';
import type { TopicGate } from './topic-gate';

/** Time for the page to draw what a click opened (an expanding section's transition, a tab's content). */
const LOOK_AFTER_MS = 400;

export interface TopicRevealOptions {
  gate(): TopicGate;
  timers: Timers;
  /** The gate opened: the containers that held everyday words back, to be read again. */
  opened(held: Node[]): void;
}

/** Starts watching `doc` for the reader's clicks and keys; returns the stop. */
export function watchTopicReveal(doc: Document, { gate, timers, opened }: TopicRevealOptions): () => void {
  let timer: unknown;
  const look = () => {
    timer = undefined;
    const topic = gate();
    for (const element of topic.hiddenNames) {
      if (!element.isConnected || !isShown(element)) continue;
      const held = topic.openNow();
      if (held) opened(held);
      return;
    }
  };
  // Counted from the last click or key: a Tab then an Enter opens the section on the second,
  // and a reader typing in a form is looked after once they pause.
  const acted = () => {
    if (gate().open || gate().hiddenNames.size === 0) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(look, LOOK_AFTER_MS);
  };
  const controller = new AbortController();
  for (const type of ['click', 'keydown'])
    doc.addEventListener(type, acted, { capture: true, passive: true, signal: controller.signal });
  return () => {
    controller.abort();
    if (timer !== undefined) timers.clearTimeout(timer);
  };
}
